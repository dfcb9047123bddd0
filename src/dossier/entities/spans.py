"""Span-level repairs of the model's output in one document.

Candidates (``Cand``) are model spans trimmed of titles, articles and
possessives, plus names the model misses (after a role title, before an
organisation noun, spelled out before a defined acronym), names it splits in
two ("Marat" + "Seitkaly") or cuts short ("Erbol [Kozhabek]"), and repeats of
accepted names it did not tag again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from dossier.entities.context import honorific_before, left_age, left_role, right_age, right_role
from dossier.entities.lexicon import (
    CALENDAR_WORDS,
    GENERIC_NOUNS,
    HONORIFICS,
    ORG_CONTEXT_NOUNS,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_NOUNS,
    STOPWORDS,
    TITLE_WORDS,
    is_demonym_word,
)
from dossier.entities.names import name_key

_POSSESSIVE_DATE = re.compile(
    r"['’]s?\s+(?:\d|(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")

_NAME_TOKEN = r"[A-Z][\w'’-]*[\w]"
_ROLE_ALT = "|".join(sorted((re.escape(w) for w in ROLE_NOUNS), key=len, reverse=True))
_TITLED_NAME = re.compile(
    r"\b(?:(?i:" + _ROLE_ALT + r")|(?:Mr|Mrs|Ms|Dr|Prof)\.?),?\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?"
    r"(?P<name>" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){0,2})"
)
_ORG_BEFORE_NOUN = re.compile(
    r"\b(?i:the)\s+(?:[a-z]+\s+)?(?P<name>"
    + _NAME_TOKEN
    + r"(?:\s+"
    + _NAME_TOKEN
    + r"){0,3})\s+(?P<noun>"
    + "|".join(sorted(ORG_CONTEXT_NOUNS))
    + r")\b"
)


ETHNIC = re.compile(r"\b(?i:ethnic|ethnically)\s+$")


@dataclass(slots=True)
class Cand:
    doc: int
    start: int
    end: int
    text: str
    model: str  # model label (PERSON/ORG/PLACE/NORP) or "RULE"
    weak: bool = False  # inside a title-case headline line
    ctx: str | None = None  # label the span's own context asks for
    label: str | None = None  # decided label; "DROP" when rejected
    reason: str = ""
    key: str = ""  # phonetic key of the text


def trim_span(text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:  # noqa: C901 (to split with the entity rewrite (issue 13))
    """Clean a model span: split at line breaks, drop articles, possessives,
    honorifics and role titles, and surrounding punctuation."""
    pieces: list[tuple[int, int]] = []
    # "RFE/RL", "BBC/Reuters": acronyms joined by a slash are one name.
    while start > 1 and text[start - 1] == "/" and text[start - 2].isupper():
        start -= 2
        while start > 0 and text[start - 1].isupper():
            start -= 1
    while end + 1 < len(text) and text[end] == "/" and text[end + 1].isupper():
        end += 2
        while end < len(text) and text[end].isupper():
            end += 1
    # A line break or a spaced dash ("Murray - who") ends a name.
    for m in re.finditer(r"(?:(?!\s[-–—]+\s)[^\n])+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        while s < e and not (text[s].isalnum()):
            s += 1
        while e > s:
            before = e
            while e > s and not (text[e - 1].isalnum() or text[e - 1] in ".)"):
                e -= 1
            if e - s >= 2 and text[e - 2 : e] in ("'s", "’s"):
                e -= 2
            elif e - s >= 1 and text[e - 1] in "'’":
                e -= 1
            if text[e - 1 : e] == "." and not re.search(
                r"\b[A-Z]\.$|\b(?:[A-Z]\.){2,}$", text[s:e]
            ):
                e -= 1
            if e == before:
                break
        while True:
            m2 = re.match(r"(?:the|The|THE)\s+", text[s:e])
            if m2:
                s += m2.end()
                continue
            dated = _POSSESSIVE_DATE.search(text[s:e])
            if dated:  # "Trump’s July 25 call": no name runs into a date
                e = s + dated.start()
                continue
            if label == "PERSON":
                cut = re.search(r"['’]s?(?=\s)", text[s:e])
                if cut:  # "Trump’s July 25": the name ends at the possessive
                    e = s + cut.start()
                    continue
                m3 = re.match(r"([\w.]+)\s+", text[s:e])
                if m3 and (
                    m3.group(1).lower() in HONORIFICS
                    or (m3.group(1).lower() in TITLE_WORDS and len(text[s:e].split()) >= 3)
                    or m3.group(1).lower() in ROLE_NOUNS
                ):
                    s += m3.end()
                    continue
                # Names do not end in lower-case words ("Obama doesn").
                m4 = re.search(r"\s+[a-z][\w'’]*$", text[s:e])
                if m4 and " " in text[s : s + m4.start()].strip():
                    e = s + m4.start()
                    continue
                if m4 and m4.start() > 0 and text[s].isupper():
                    e = s + m4.start()
                    continue
            break
        if e > s:
            pieces.append((s, e))
    return pieces


def headline_mask(text: str) -> Headlines:
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text):
        words = [w for w in _WORD.findall(m.group()) if len(w) >= 4 and w.lower() not in STOPWORDS]
        if len(words) >= 3:
            caps = sum(1 for w in words if w[0].isupper())
            if caps / len(words) >= 0.9 and not m.group().rstrip().endswith((".", "”", '"')):
                spans.append((m.start(), m.end()))
    return Headlines(tuple(spans))


@dataclass(frozen=True, slots=True)
class Headlines:
    spans: tuple[tuple[int, int], ...]

    def __call__(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.spans)


def rule_candidates(slot: int, text: str, headline: Headlines) -> list[Cand]:
    """Names the model may miss: after a role title ("activist X") and before an
    organisation noun ("the X movement")."""
    out: list[Cand] = []
    for m in _TITLED_NAME.finditer(text):
        s, e = m.start("name"), m.end("name")
        tokens = text[s:e].split()
        for i, tok in enumerate(tokens):
            if re.search(r"['’]s?$", tok):  # a possessive ends the name: "Trump’s July"
                tokens = [*tokens[:i], re.sub(r"['’]s?$", "", tok)]
                break
        while tokens and non_name_word(tokens[-1]):
            tokens.pop()
        while len(tokens) > 1 and tokens[0].lower() in TITLE_WORDS:
            s = text.index(tokens[1], s + len(tokens[0]))
            tokens.pop(0)
        if not tokens or non_name_word(tokens[0]):
            continue
        e = s + len(" ".join(tokens))
        if text[s:e] != " ".join(tokens):
            continue
        out.append(Cand(slot, s, e, text[s:e], "RULE", weak=headline(s), ctx="PERSON"))
    out.extend(acronym_candidates(slot, text, headline))
    for m in _ORG_BEFORE_NOUN.finditer(text):
        s, e = m.start("name"), m.end("name")
        name = text[s:e]
        if any(is_demonym_word(w) or w.lower() in STOPWORDS for w in name.split()):
            continue
        out.append(Cand(slot, s, e, name, "RULE", weak=headline(s), ctx="ORG"))
    return out


_ACRONYM_DEF = re.compile(
    r"(?:\s*\(\s*|,\s+(?:or|known as|also known as)\s+(?:the\s+)?)(?P<acr>[A-Z][A-Z&]{1,7})\b\)?"
)
_CAP_WORD = re.compile(r"[A-Z][\w&’'-]*|of|for|and|the|on|in|de")


def acronym_candidates(slot: int, text: str, headline: Headlines) -> list[Cand]:
    """ "Human Rights Watch (HRW)", "National Security Committee, or KNB": the
    words before a defined acronym whose initials spell it name an organisation."""
    out: list[Cand] = []
    for m in _ACRONYM_DEF.finditer(text):
        acr = m.group("acr").replace("&", "")
        words = list(re.finditer(r"\S+", text[max(0, m.start() - 120) : m.start()]))
        base = max(0, m.start() - 120)
        picked: list[re.Match[str]] = []
        initials = ""
        for w in reversed(words):
            token = w.group()
            if not _CAP_WORD.fullmatch(token):
                break
            if token[0].isupper():
                initials = token[0] + initials
                picked.insert(0, w)
                if len(initials) == len(acr):
                    break
            else:
                picked.insert(0, w)
        if initials != acr or not picked or not picked[0].group()[0].isupper():
            continue
        s, e = base + picked[0].start(), base + picked[-1].end()
        lowered = [w.group().lower() for w in picked]
        is_place = lowered[-1] in PLACE_WORDS or "autonomous" in lowered
        label = "PLACE" if is_place else "ORG"
        out.append(Cand(slot, s, e, text[s:e], "RULE", weak=headline(s), ctx=label))
        a_s, a_e = m.start("acr"), m.end("acr")
        out.append(Cand(slot, a_s, a_e, text[a_s:a_e], "RULE", weak=headline(a_s), ctx=label))
    return out


def non_name_word(word: str) -> bool:
    w = word.lower().strip(".,’'")
    return (
        w in STOPWORDS
        or w in CALENDAR_WORDS
        or w in ORG_WORDS
        or w in GENERIC_NOUNS
        or w in ROLE_NOUNS
        or is_demonym_word(w)
    )


# --- deciding labels ---------------------------------------------------------


_PREV_NAME = re.compile(r"(?<![\w'’.-])([A-Z][a-z][\w'’-]+) $")


def extend_left(cands: list[Cand], texts: list[str]) -> list[Cand]:
    """Take in a given name the model left out ("of Erbol [Kozhabek]"): a
    capitalised word right before a one-word person span, inside a sentence."""
    covered: dict[int, set[int]] = defaultdict(set)
    for c in cands:
        covered[c.doc].update(range(c.start, c.end))
    for c in cands:
        if c.model != "PERSON" or " " in c.text:
            continue
        text = texts[c.doc]
        m = _PREV_NAME.search(text[max(0, c.start - 30) : c.start])
        if not m:
            continue
        word = m.group(1)
        start = c.start - len(m.group(0))
        if start in covered[c.doc] or non_name_word(word) or word.lower() in TITLE_WORDS:
            continue
        if word.lower() in HONORIFICS or line_start(text, start):
            continue
        before = text[max(0, start - 3) : start]
        if re.search(r"[.!?:;“\"]\s*$", before):
            continue  # sentence-initial capital: not evidence of a name
        c.start = start
        c.text = text[start : c.end]
    return cands


def join_adjacent(cands: list[Cand], texts: list[str]) -> list[Cand]:
    """Rejoin a name the model split in two ("Marat" NORP + "Seitkaly" GPE) when
    the whole is a person by its context or by the same name tagged elsewhere."""
    person_keys = {name_key(c.text) for c in cands if c.model == "PERSON" and " " in c.text}
    by_doc: dict[int, list[Cand]] = defaultdict(list)
    for c in cands:
        by_doc[c.doc].append(c)
    out: list[Cand] = []
    for slot, items in by_doc.items():
        items.sort(key=lambda c: (c.start, -c.end))
        text = texts[slot]
        i = 0
        while i < len(items):
            a = items[i]
            b = items[i + 1] if i + 1 < len(items) else None
            if (
                b is not None
                and a.model != "RULE"
                and b.model != "RULE"
                and text[a.end : b.start] == " "
                and " " not in a.text
                and " " not in b.text
                and a.text[:1].isupper()
                and b.text[:1].isupper()
                and not non_name_word(a.text)
                and not non_name_word(b.text)
            ):
                joined = Cand(slot, a.start, b.end, text[a.start : b.end], "RULE", weak=a.weak)
                if name_key(joined.text) in person_keys or person_context(joined, text):
                    joined.ctx = "PERSON"
                    out.append(joined)
                    i += 2
                    continue
            out.append(a)
            i += 1
    return out


def person_context(cand: Cand, text: str) -> bool:
    s, e = cand.start, cand.end
    return bool(
        honorific_before(text, s)
        or right_age(text, e)
        or left_age(text, s)
        or left_role(text, s)
        or right_role(text, e)
    )


def line_start(text: str, pos: int) -> bool:
    line_begin = text.rfind("\n", 0, pos) + 1
    return not text[line_begin:pos].strip(" \t\"“'‘(")


def add_repeats(per_doc: dict[int, list[Cand]], texts: list[str]) -> None:
    """Occurrences the model missed of names accepted elsewhere (same surface
    form, or the family name of a person named in full)."""
    labels: dict[str, set[str]] = defaultdict(set)
    for cands in per_doc.values():
        for c in cands:
            if not c.weak and c.label:
                labels[c.text].add(c.label)
    # Only forms that always got the same label.
    forms = {t: next(iter(ls)) for t, ls in labels.items() if len(ls) == 1 and t[:1].isupper()}
    for text, ls in labels.items():
        words = text.split()
        if ls != {"PERSON"} or len(words) < 2:
            continue
        surname = words[-1]
        if (
            re.fullmatch(r"[A-Z][a-z][\w'’-]+", surname)
            and not non_name_word(surname)
            and labels.get(surname, {"PERSON"}) == {"PERSON"}
        ):
            forms.setdefault(surname, "PERSON")
    if not forms:
        return
    ordered = sorted(forms, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in ordered) + r")(?![\w-])")
    for slot, text in enumerate(texts):
        covered = bytearray(len(text))
        for c in per_doc.get(slot, []):
            covered[c.start : c.end] = b"\x01" * (c.end - c.start)
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if any(covered[s:e]):
                continue
            label = forms[m.group()]
            if (
                label == "PERSON"
                and len(m.group().split()) == 1
                and ETHNIC.search(text[max(0, s - 20) : s])
            ):
                continue
            per_doc[slot].append(Cand(slot, s, e, m.group(), "REPEAT", label=label))
            covered[s:e] = b"\x01" * (e - s)


def non_overlapping(cands: list[Cand]) -> list[Cand]:
    ordered = sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Cand] = []
    last_end = -1
    for c in ordered:
        if c.start >= last_end:
            out.append(c)
            last_end = c.end
    return out
