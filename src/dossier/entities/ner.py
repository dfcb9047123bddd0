"""Stage 5: named-entity mentions in clean text.

The statistical model proposes spans; the structure of news text corrects
them: a title or role before a name, an age after it, an apposition, the
label the same string gets elsewhere, and whether a single word is the family
name of a person named in full in the same document. Demonyms and ethnic
groups are never entities. Only documents with status ``"ok"`` are read;
others are returned unchanged.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dossier.entities.context import honorific_before, left_age, left_role, right_age, right_role
from dossier.entities.lexicon import (
    CALENDAR_WORDS,
    GENERIC_NOUNS,
    HONORIFICS,
    ORG_CONTEXT_NOUNS,
    ORG_WORDS,
    PERSON_SUFFIXES,
    PLACE_CONTEXT_NOUNS,
    PLACE_WORDS,
    ROLE_NOUNS,
    STOPWORDS,
    is_demonym_word,
)
from dossier.entities.lexicon import words as _wordlist
from dossier.entities.names import name_key, token_key, tokens_match
from dossier.entities.settings import EntitySettings
from dossier.model import Document, EntityType, Mention
from dossier.resources import Resources

log = logging.getLogger(__name__)

_LABELS: dict[str, str] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "NORP",
}

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
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_PLACE_PREP = re.compile(r"\b(?:in|near|to|from|outside|at)\s+(?:the\s+)?$")
_PLACE_OF = re.compile(r"\b(?:" + "|".join(sorted(PLACE_CONTEXT_NOUNS)) + r")\s+of\s+$")
_ETHNIC = re.compile(r"\b(?i:ethnic|ethnically)\s+$")

_CTX_WEIGHT = 3.0
_MODEL_WEIGHT = 1.0
_WEAK_WEIGHT = 0.25


@dataclass(slots=True)
class _Cand:
    doc: int
    start: int
    end: int
    text: str
    model: str  # model label (PERSON/ORG/PLACE/NORP) or "RULE"
    weak: bool = False  # inside a title-case headline line
    ctx: str | None = None  # label the span's own context asks for
    label: str | None = None  # decided label; "DROP" when rejected
    reason: str = ""


def find_mentions(
    docs: Sequence[Document], settings: EntitySettings, resources: Resources
) -> tuple[Document, ...]:
    """Find PERSON/ORG/PLACE mentions in the clean text of every ``ok`` document."""
    targets = [i for i, d in enumerate(docs) if d.ok and d.clean_text.strip()]
    texts = [docs[i].clean_text for i in targets]
    nlp = resources.nlp
    disable = [p for p in nlp.pipe_names if p not in ("tok2vec", "ner")]
    cands: list[_Cand] = []
    for slot, sdoc in enumerate(nlp.pipe(texts, batch_size=settings.batch_size, disable=disable)):
        text = texts[slot]
        headline = _headline_mask(text)
        for ent in sdoc.ents:
            label = _LABELS.get(ent.label_)
            if label is None:
                continue
            if label == "NORP" and any(_is_org_word(w) for w in ent.text.split()):
                label = "ORG"  # "the Communist Party", "the Uyghur Human Rights Project"
            for start, end in _trim(text, ent.start_char, ent.end_char, label):
                cands.append(_Cand(slot, start, end, text[start:end], label, weak=headline(start)))
        cands.extend(_rule_candidates(slot, text, headline))
    outlets = {_outlet_key(d.outlet) for d in docs if d.outlet}
    cands = _join_adjacent(cands, texts)
    _decide(cands, texts, outlets, settings)
    per_doc: dict[int, list[_Cand]] = defaultdict(list)
    for cand in cands:
        if cand.label and cand.label != "DROP":
            per_doc[cand.doc].append(cand)
        elif cand.label == "DROP":
            log.debug("dropped %r (%s)", cand.text, cand.reason)
    _add_repeats(per_doc, texts)
    out = list(docs)
    for slot, index in enumerate(targets):
        doc = docs[index]
        chosen = _non_overlapping(per_doc.get(slot, []))
        mentions = tuple(
            Mention(doc.id, c.start, c.end, c.text, _entity_type(c.label)) for c in chosen
        )
        out[index] = replace(doc, mentions=mentions)
    return tuple(out)


def _entity_type(label: str | None) -> EntityType:
    if label == "PERSON":
        return "PERSON"
    if label == "ORG":
        return "ORG"
    if label == "PLACE":
        return "PLACE"
    return "OTHER"


# --- spans -----------------------------------------------------------------


def _trim(text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
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
    for m in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        while s < e and not (text[s].isalnum()):
            s += 1
        while e > s and not (text[e - 1].isalnum() or text[e - 1] in ".)"):
            e -= 1
        if e - s >= 2 and text[e - 2 : e] in ("'s", "’s"):
            e -= 2
        elif e - s >= 1 and text[e - 1] in "'’":
            e -= 1
        if text[e - 1 : e] == "." and not re.search(r"\b[A-Z]\.$|\b(?:[A-Z]\.){2,}$", text[s:e]):
            e -= 1
        while True:
            m2 = re.match(r"(?:the|The|THE)\s+", text[s:e])
            if m2:
                s += m2.end()
                continue
            if label == "PERSON":
                m3 = re.match(r"([\w.]+)\s+", text[s:e])
                if m3 and (m3.group(1).lower() in HONORIFICS or m3.group(1).lower() in ROLE_NOUNS):
                    s += m3.end()
                    continue
            break
        if e > s:
            pieces.append((s, e))
    return pieces


def _headline_mask(text: str) -> _Headlines:
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text):
        words = [w for w in _WORD.findall(m.group()) if len(w) >= 4 and w.lower() not in STOPWORDS]
        if len(words) >= 3:
            caps = sum(1 for w in words if w[0].isupper())
            if caps / len(words) >= 0.9 and not m.group().rstrip().endswith((".", "”", '"')):
                spans.append((m.start(), m.end()))
    return _Headlines(tuple(spans))


@dataclass(frozen=True, slots=True)
class _Headlines:
    spans: tuple[tuple[int, int], ...]

    def __call__(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.spans)


def _rule_candidates(slot: int, text: str, headline: _Headlines) -> list[_Cand]:
    """Names the model may miss: after a role title ("activist X") and before an
    organisation noun ("the X movement")."""
    out: list[_Cand] = []
    for m in _TITLED_NAME.finditer(text):
        s, e = m.start("name"), m.end("name")
        tokens = text[s:e].split()
        while tokens and _non_name_word(tokens[-1]):
            tokens.pop()
        if not tokens or _non_name_word(tokens[0]):
            continue
        e = s + len(" ".join(tokens))
        out.append(_Cand(slot, s, e, text[s:e], "RULE", weak=headline(s), ctx="PERSON"))
    out.extend(_acronym_candidates(slot, text, headline))
    for m in _ORG_BEFORE_NOUN.finditer(text):
        s, e = m.start("name"), m.end("name")
        name = text[s:e]
        if any(is_demonym_word(w) or w.lower() in STOPWORDS for w in name.split()):
            continue
        out.append(_Cand(slot, s, e, name, "RULE", weak=headline(s), ctx="ORG"))
    return out


_ACRONYM_DEF = re.compile(
    r"(?:\s*\(\s*|,\s+(?:or|known as|also known as)\s+(?:the\s+)?)(?P<acr>[A-Z][A-Z&]{1,7})\b\)?"
)
_CAP_WORD = re.compile(r"[A-Z][\w&’'-]*|of|for|and|the|on|in|de")


def _acronym_candidates(slot: int, text: str, headline: _Headlines) -> list[_Cand]:
    """ "Human Rights Watch (HRW)", "National Security Committee, or KNB": the
    words before a defined acronym whose initials spell it name an organisation."""
    out: list[_Cand] = []
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
        out.append(_Cand(slot, s, e, text[s:e], "RULE", weak=headline(s), ctx=label))
        a_s, a_e = m.start("acr"), m.end("acr")
        out.append(_Cand(slot, a_s, a_e, text[a_s:a_e], "RULE", weak=headline(a_s), ctx=label))
    return out


def _non_name_word(word: str) -> bool:
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


def _own_context(cand: _Cand, text: str, outlets: set[str]) -> str | None:
    """The label a span's own surroundings call for, if any."""
    s, e = cand.start, cand.end
    before = text[max(0, s - 40) : s]
    if _ETHNIC.search(before):
        return "DROP"
    if _outlet_key(cand.text) in outlets:
        return "ORG"
    words = cand.text.split()
    if cand.model in ("PERSON", "ORG", "RULE") and len(words) <= 4:
        if honorific_before(text, s) or right_age(text, e) or left_age(text, s):
            return "PERSON"
        cue = left_role(text, s)
        if cue is not None and cue.org_start < 0 and not any(_is_org_word(w) for w in words):
            return "PERSON"
        cue = right_role(text, e)
        if cue is not None and not any(_is_org_word(w) for w in words):
            return "PERSON"
    prev = before.rstrip().split()[-1:] if before.strip() else []
    if prev and prev[0].lower() in ORG_CONTEXT_NOUNS:
        return "ORG"
    if prev and prev[0] == "told" and cand.model in ("ORG", "PLACE") and len(words) == 1:
        return "ORG"  # "told Fergana": an outlet is told, a town is not
    if _PLACE_OF.search(before):
        return "PLACE"
    after = text[e : e + 20].split()
    if after and after[0].lower().strip(",.") in PLACE_CONTEXT_NOUNS and cand.model == "PLACE":
        return "PLACE"
    if cand.model != "PERSON" and _PLACE_PREP.search(before) and len(words) == 1:
        return "PLACE_WEAK"
    return None


_OUTLET_GENERIC = frozenset(
    _wordlist("news agency media daily times post online service com net org")
)


def _outlet_key(name: str) -> str:
    """Key of an outlet name without generic words ("Fergana News" ~ "Fergana")."""
    words = [w for w in re.split(r"[\s.]+", name) if w.lower() not in _OUTLET_GENERIC]
    return name_key(" ".join(words)) if words else name_key(name)


def _is_org_word(word: str) -> bool:
    return word.lower().strip(".,’'") in ORG_WORDS


def _reject_reason(cand: _Cand) -> str | None:
    text = cand.text
    words = _WORD.findall(text)
    if not words or (not text[0].isupper() and not text[0].isdigit()):
        return "not capitalised"
    if cand.model == "NORP":
        return "nationality or group (NORP)"
    if all(is_demonym_word(w) or w.lower() in GENERIC_NOUNS for w in words):
        return "demonym or generic group"
    if all(w.lower() in CALENDAR_WORDS or w.lower() in STOPWORDS for w in words):
        return "calendar word"
    if len(text) < 2 or text.startswith("@") or "http" in text:
        return "not a name"
    if len(words) > 7:
        return "too long"
    return None


def _person_shape(text: str) -> bool:
    """Capitalised tokens without organisation words, one of which carries a
    typical personal-name suffix ("Murager Alimuly", "Bagdat Asylbek")."""
    words = text.split()
    if not 2 <= len(words) <= 4:
        return False
    if any(not w[:1].isupper() or _is_org_word(w) or is_demonym_word(w) for w in words):
        return False
    return any(w.lower().endswith(PERSON_SUFFIXES) and len(w) >= 5 for w in words)


def _decide(
    cands: list[_Cand], texts: list[str], outlets: set[str], settings: EntitySettings
) -> None:
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    ctx_votes: dict[str, set[str]] = defaultdict(set)
    strong_keys: set[str] = set()
    for cand in cands:
        cand.ctx = cand.ctx or _own_context(cand, texts[cand.doc], outlets)
        reason = _reject_reason(cand)
        if reason or cand.ctx == "DROP":
            cand.label = "DROP"
            cand.reason = reason or "preceded by 'ethnic'"
            continue
        key = name_key(cand.text)
        weight = _WEAK_WEIGHT if cand.weak else _MODEL_WEIGHT
        if cand.model in ("PERSON", "ORG", "PLACE"):
            votes[key][cand.model] += weight
        if cand.ctx == "PLACE_WEAK":
            votes[key]["PLACE"] += weight
        elif cand.ctx:
            votes[key][cand.ctx] += _CTX_WEIGHT * (0.5 if cand.weak else 1.0)
            ctx_votes[key].add(cand.ctx)
        if cand.model == "ORG" and _person_shape(cand.text):
            votes[key]["PERSON"] += 1.5 * weight
        if not cand.weak:
            strong_keys.add(key)

    def winner(key: str) -> str | None:
        v = votes.get(key)
        if not v:
            return None
        return max(sorted(v), key=lambda lab: v[lab])

    # Full person names per document (tokens usable for single-word mentions).
    person_tokens: dict[int, list[str]] = defaultdict(list)
    corpus_person_tokens: list[str] = []
    for cand in cands:
        if cand.label == "DROP":
            continue
        key = name_key(cand.text)
        words = cand.text.split()
        if len(words) >= 2 and winner(key) == "PERSON" and key in strong_keys:
            person_tokens[cand.doc].extend(words)
            corpus_person_tokens.extend(words)
    typo = settings.typo_min_len
    key_counts: dict[str, int] = defaultdict(int)
    for cand in cands:
        key_counts[name_key(cand.text)] += 1
    for cand in cands:
        if cand.label == "DROP":
            continue
        key = name_key(cand.text)
        words = cand.text.split()
        label = winner(key)
        own = cand.ctx if cand.ctx != "PLACE_WEAK" else None
        if len(words) == 1 and own is None and not ctx_votes[key] & {"PLACE", "ORG"}:
            tkey = token_key(cand.text)
            in_doc = any(
                tokens_match(cand.text, t, typo_min_len=typo) for t in person_tokens[cand.doc]
            )
            in_corpus = (cand.model != "PLACE" or votes[key].get("PERSON")) and any(
                tkey == token_key(t) for t in corpus_person_tokens
            )
            if in_doc or in_corpus:
                label = "PERSON"
        if own in ("PERSON", "ORG", "PLACE"):
            label = own
        if label is None:
            label = cand.model if cand.model != "RULE" else None
        if label is None:
            cand.label = "DROP"
            cand.reason = "no label"
            continue
        if cand.weak and key not in strong_keys and label != "PERSON":
            cand.label = "DROP"
            cand.reason = "only in a title-case headline"
            continue
        if cand.weak and key not in strong_keys and label == "PERSON":
            supported = any(
                tokens_match(w, t, typo_min_len=typo) for w in words for t in corpus_person_tokens
            )
            if not supported:
                cand.label = "DROP"
                cand.reason = "only in a title-case headline"
                continue
        if label == "PERSON" and any(_is_org_word(w) for w in words):
            label = "ORG"
        if (
            label == "PERSON"
            and len(words) == 1
            and own is None
            and key_counts[key] == 1
            and _line_start(texts[cand.doc], cand.start)
            and not any(tokens_match(cand.text, t, typo_min_len=typo) for t in corpus_person_tokens)
        ):
            cand.label = "DROP"
            cand.reason = "lone capitalised word at the start of a line"
            continue
        cand.label = label


def _join_adjacent(cands: list[_Cand], texts: list[str]) -> list[_Cand]:
    """Rejoin a name the model split in two ("Marat" NORP + "Seitkaly" GPE) when
    the whole is a person by its context or by the same name tagged elsewhere."""
    person_keys = {name_key(c.text) for c in cands if c.model == "PERSON" and " " in c.text}
    by_doc: dict[int, list[_Cand]] = defaultdict(list)
    for c in cands:
        by_doc[c.doc].append(c)
    out: list[_Cand] = []
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
                and not _non_name_word(a.text)
                and not _non_name_word(b.text)
            ):
                joined = _Cand(slot, a.start, b.end, text[a.start : b.end], "RULE", weak=a.weak)
                if name_key(joined.text) in person_keys or _person_context(joined, text):
                    joined.ctx = "PERSON"
                    out.append(joined)
                    i += 2
                    continue
            out.append(a)
            i += 1
    return out


def _person_context(cand: _Cand, text: str) -> bool:
    s, e = cand.start, cand.end
    return bool(
        honorific_before(text, s)
        or right_age(text, e)
        or left_age(text, s)
        or left_role(text, s)
        or right_role(text, e)
    )


def _line_start(text: str, pos: int) -> bool:
    line_begin = text.rfind("\n", 0, pos) + 1
    return not text[line_begin:pos].strip(" \t\"“'‘(")


def _add_repeats(per_doc: dict[int, list[_Cand]], texts: list[str]) -> None:
    """Occurrences the model missed of names accepted elsewhere (same surface
    form, or the family name of a person named in full)."""
    forms: dict[str, str] = {}
    for cands in per_doc.values():
        for c in cands:
            if c.weak:
                continue
            forms.setdefault(c.text, c.label or "OTHER")
            words = c.text.split()
            if c.label == "PERSON" and len(words) >= 2 and len(words[-1]) >= 3:
                forms.setdefault(words[-1], "PERSON")
    if not forms:
        return
    ordered = sorted(forms, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in ordered) + r")(?![\w-])")
    for slot, text in enumerate(texts):
        taken = sorted((c.start, c.end) for c in per_doc.get(slot, []))
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in taken):
                continue
            label = forms[m.group()]
            if (
                label == "PERSON"
                and len(m.group().split()) == 1
                and _ETHNIC.search(text[max(0, s - 20) : s])
            ):
                continue
            per_doc[slot].append(_Cand(slot, s, e, m.group(), "REPEAT", label=label))
            taken.append((s, e))


def _non_overlapping(cands: list[_Cand]) -> list[_Cand]:
    ordered = sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))
    out: list[_Cand] = []
    last_end = -1
    for c in ordered:
        if c.start >= last_end:
            out.append(c)
            last_end = c.end
    return out
