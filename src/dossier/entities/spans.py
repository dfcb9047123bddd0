"""Span-level repairs of the model's output in one document.

Candidates (``Cand``) are model spans trimmed of titles, articles and possessives, plus names
the model misses (after a role title, before an organisation noun, spelled out before a defined
acronym), names it splits in two ("Marat" + "Seitkaly") or cuts short ("Erbol [Kozhabek]"),
and repeats of accepted names it did not tag again. :class:`SpanRules` holds the patterns,
built from the language's words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.entities.context import _CAP, ContextReader, _alternation
from dossier.entities.vocab import Vocab
from dossier.entities.wordseq import Phrases, is_word_char, leading_word, spans

if TYPE_CHECKING:
    from spacy.tokens import Doc

# typography: a word that starts with a letter in any script; one line
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# A name token: a capital letter, then word characters (typography of names).
_NAME_TOKEN = rf"{_CAP}[\w]"
# typography: one line
_LINES = re.compile(r"[^\n]+")
# typography: a dash with spaces around it, between items of a list run into one line
_SPACED_DASH = re.compile(r"\s[-–—]\s")
# A line break, a spaced dash ("Murray - who"), a spaced comma of tokenised text ("House of
# Commons , Energy") or a bracket token ("-LRB-") ends a name (typography).
_NAME_PIECES = re.compile(r"(?:(?!\s[-–—]+\s|\s,\s|\s?-[LR][RCS]B-)[^\n])+")
_POSSESSIVE = re.compile(r"['’]s?(?=\s)")
_INITIALS_END = re.compile(r"\b[^\W\d_]\.$|\b(?:[^\W\d_]\.){2,}$")
_LOWER_TAIL = re.compile(r"\s+[^\W\d_A-Z][\w'’]*$")
_PREV_NAME = re.compile(rf"(?<![\w'’.-])({_CAP}[\w'’-]+) $")
_SENTENCE_END_BEFORE = re.compile(r"[.!?:;“\"]\s*$")
_ACRONYM = r"[^\W\d_a-z][^\W\d_a-z&]{1,7}"
# ... that ends a word; a bracket or a comma, where a defined acronym may follow (typography)
_ACRONYM_WORD = re.compile(rf"{_ACRONYM}\b")
_OPENS_DEFINITION = re.compile(r"[(,]")
# A run of word characters, and one that starts a word (no word character or hyphen before
# it): where a name can begin (typography).
_RUN = re.compile(r"\w+")
_WORD_START = re.compile(r"(?<![\w-])\w+")
KeyFn = Callable[[str], str]


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


@dataclass(frozen=True, slots=True)
class Headlines:
    spans: tuple[tuple[int, int], ...]

    def __call__(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.spans)


def _upper_word(word: str) -> bool:
    return word[:1].isupper()


def line_start(text: str, pos: int) -> bool:
    line_begin = text.rfind("\n", 0, pos) + 1
    return not text[line_begin:pos].strip(" \t\"“'‘(")


def non_overlapping(cands: list[Cand]) -> list[Cand]:
    ordered = sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Cand] = []
    last_end = -1
    for c in ordered:
        if c.start >= last_end:
            out.append(c)
            last_end = c.end
    return out


class SpanRules:
    """Trimming, rule candidates and repeats, with one language's words."""

    def __init__(self, vocab: Vocab, reader: ContextReader) -> None:
        self.vocab = vocab
        self.reader = reader
        words = vocab.words
        roles = _alternation(list(vocab.role_nouns))
        honorific = reader._honorific
        # the language's own tables give the words; the pattern is the text's shape around a name
        self._titled_name = re.compile(
            rf"\b(?:(?i:{roles})|{honorific}),?\s+(?:{honorific}\s+)?"
            rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}})"
        )
        self._org_before_noun = re.compile(
            rf"\b(?P<det>[\w]+)\s+(?:[^\W\d_A-Z]+\s+)?(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})"
            rf"\s+(?P<noun>{_alternation(words.org_context_nouns)})\b"
        )
        self._cues = Phrases(words.alias_cues)
        self._cue_heads = frozenset(c.split()[0] for c in words.alias_cues)

    def _possessive_date(self, span: str) -> int | None:
        """Where a possessive followed by a date starts in ``span`` ("’s July 25", "'s 2019"):
        a digit, or a month or weekday of the language's calendar, after the apostrophe."""
        for i, char in enumerate(span):
            if char not in "'’":
                continue
            after = span[i + 1 :]
            after = after[1:] if after[:1] == "s" and after[1:2].isspace() else after
            nxt = after.lstrip()
            if (
                len(nxt) < len(after)
                and nxt
                and (nxt[0].isdecimal() or leading_word(nxt).lower() in self.vocab.calendar)
            ):
                return i
        return None

    def non_name_word(self, word: str) -> bool:
        return self.vocab.non_name_word(word)

    # --- trimming -----------------------------------------------------------------------

    def trim_span(self, text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
        """Clean a model span: split at line breaks, drop articles, possessives, honorifics,
        role titles, bracket tokens and surrounding punctuation."""
        start, end = _widen_slashes(text, start, end)
        pieces: list[tuple[int, int]] = []
        for m in _NAME_PIECES.finditer(text[start:end]):
            s, e = _strip_punctuation(text, start + m.start(), start + m.end())
            s, e = self._strip_words(text, s, e, label)
            s, e = _strip_punctuation(text, s, e)
            if e > s and not _bracket(text[max(0, s - 1) : e + 1].strip()):
                pieces.append((s, e))
        if len(pieces) > 1:  # "Energy" cut from "House of Commons , Energy Secretary"
            pieces = [(s, e) for s, e in pieces if not self._generic(text[s:e])]
        return pieces

    def _generic(self, piece: str) -> bool:
        return all(self.non_name_word(w) for w in piece.split())

    def _strip_words(self, text: str, s: int, e: int, label: str) -> tuple[int, int]:
        while e > s:
            span = text[s:e]
            first, _, rest = span.partition(" ")
            if rest and (first.lower() in self.vocab.words.determiners or _bracket(first)):
                s += len(first) + 1
                while s < e and text[s] == " ":
                    s += 1
                continue
            last = span.rsplit(" ", 1)[-1]
            if " " in span and _bracket(last):
                e -= len(last)
                e = s + len(text[s:e].rstrip())
                continue
            dated = self._possessive_date(span)
            if dated is not None:  # "Trump’s July 25 call": no name runs into a date
                e = s + dated
                continue
            if label in ("PERSON", "ORG"):
                trim = self._trim_person if label == "PERSON" else self._trim_org
                trimmed = trim(text, s, e)
                if trimmed != (s, e):
                    s, e = trimmed
                    continue
            break
        return s, e

    def _trim_org(self, text: str, s: int, e: int) -> tuple[int, int]:
        """An organisation's name ends before a place it is in ("Royal Free Hospital in
        Hampstead"), and not in a lower-case word or an article ("Dolphin School in",
        "Alleyn's School A third school" of a headline run into the text)."""
        words = text[s:e].split(" ")
        for i in range(1, len(words) - 1):
            if words[i] in self.vocab.words.location_preps and words[i + 1][:1].isupper():
                return s, s + len(" ".join(words[:i]))
        last = words[-1]
        if len(words) > 1 and (last[:1].islower() or last.lower() in self.vocab.words.determiners):
            return s, s + len(" ".join(words[:-1]))
        return s, e

    def _trim_person(self, text: str, s: int, e: int) -> tuple[int, int]:
        span = text[s:e]
        cut = _POSSESSIVE.search(span)
        if cut:  # "Trump’s July 25": the name ends at the possessive
            return s, s + cut.start()
        first = span.split(" ", 1)
        if len(first) == 2:
            word = first[0].lower()
            if (
                self.vocab.is_honorific(word)
                or (word in self.vocab.title_words and len(span.split()) >= 3)
                or word in self.vocab.role_nouns
            ):
                return s + len(first[0]) + 1, e
        outlet = self._outlet_tail(span)
        if outlet:  # a byline run into the outlet: "Peter Bowes BBC News"
            return s, s + len(text[s : s + outlet].rstrip())
        # Names do not end in lower-case words ("Obama doesn").
        tail = _LOWER_TAIL.search(span)
        if tail and tail.start() > 0 and text[s].isupper():
            return s, s + tail.start()
        return s, e

    def _outlet_tail(self, span: str) -> int:
        """Where an organisation named by an acronym and an organisation word starts after
        two or more name words ("Peter Bowes BBC News"), else 0."""
        words = span.split(" ")
        if len(words) < 4 or not self.vocab.is_org_word(words[-1]):
            return 0
        for i in range(2, len(words) - 1):
            if len(words[i]) >= 2 and words[i].isupper() and words[i].isalpha():
                return len(" ".join(words[:i])) + 1
        return 0

    # --- candidates the model misses --------------------------------------------------------

    def headline_mask(self, text: str) -> Headlines:
        """Title-case lines, and title-case pieces of a line between spaced dashes (a list of
        links run into one line: "... - 2 hrs ago Sky News Haiti Quake : Corpses Used In Aid
        Protest - 9 hrs ago"), which need more capitalised words than a whole line and a
        capitalised function word."""
        spans: list[tuple[int, int]] = []
        for m in _LINES.finditer(text):
            if self._title_case(m.group(), 3):
                spans.append((m.start(), m.end()))
                continue
            begin = m.start()
            for dash in [*_SPACED_DASH.finditer(m.group()), None]:
                end = m.start() + dash.start() if dash is not None else m.end()
                piece = text[begin:end]
                if self._title_case(piece, 5) and self._capitalised_function_word(piece):
                    spans.append((begin, end))
                begin = m.start() + dash.end() if dash is not None else end
        return Headlines(tuple(spans))

    def _capitalised_function_word(self, piece: str) -> bool:
        """A function word written with a capital after the first word ("Corpses Used In Aid
        Protest"): a headline's title case, not a list of names ("from Tokyo, Dubai,
        Frankfurt and London"); a month ("Mon May 4") is none."""
        stop, calendar = self.vocab.stop_words, self.vocab.calendar
        return any(
            w[:1].isupper() and w.lower() in stop and w.lower() not in calendar
            for w in _WORD.findall(piece)[1:]
        )

    def _title_case(self, line: str, least: int) -> bool:
        words = [
            w for w in _WORD.findall(line) if len(w) >= 4 and w.lower() not in self.vocab.stop_words
        ]
        if len(words) < least:
            return False
        caps = sum(1 for w in words if _upper_word(w))
        return caps / len(words) >= 0.9 and not line.rstrip().endswith((".", "”", '"'))

    def rule_candidates(self, slot: int, text: str, headline: Headlines) -> list[Cand]:
        """Names the model may miss: after a role title ("activist X") and before an
        organisation noun ("the X movement")."""
        out: list[Cand] = []
        for m in self._titled_name.finditer(text):
            cand = self._titled(slot, text, m.start("name"), m.end("name"), headline)
            if cand is not None:
                out.append(cand)
        out.extend(self.acronym_candidates(slot, text, headline))
        for m in self._org_before_noun.finditer(text):
            if m.group("det").lower() not in self.vocab.words.determiners:
                continue
            s, e = m.start("name"), m.end("name")
            name = text[s:e]
            if any(
                self.vocab.is_demonym(w) or w.lower() in self.vocab.stop_words for w in name.split()
            ):
                continue
            out.append(Cand(slot, s, e, name, "RULE", weak=headline(s), ctx="ORG"))
        return out

    def _titled(self, slot: int, text: str, s: int, e: int, headline: Headlines) -> Cand | None:
        tokens = text[s:e].split()
        for i, tok in enumerate(tokens):
            if tok.endswith(("'s", "’s", "'", "’")):  # a possessive ends the name
                tokens = [*tokens[:i], tok.removesuffix("s").rstrip("'’")]
                break
        while tokens and self.non_name_word(tokens[-1]):
            tokens.pop()
        while len(tokens) > 1 and tokens[0].lower() in self.vocab.title_words:
            s = text.index(tokens[1], s + len(tokens[0]))
            tokens.pop(0)
        if not tokens or self.non_name_word(tokens[0]) or any(_bracket(t) for t in tokens):
            return None
        e = s + len(" ".join(tokens))
        if text[s:e] != " ".join(tokens):
            return None
        return Cand(slot, s, e, text[s:e], "RULE", weak=headline(s), ctx="PERSON")

    def acronym_candidates(self, slot: int, text: str, headline: Headlines) -> list[Cand]:
        """ "Human Rights Watch (HRW)", "National Security Committee, or KNB": the words
        before a defined acronym whose initials spell it name an organisation."""
        out: list[Cand] = []
        connectors = self.vocab.words.connectors
        for at, a_s, a_e in self._acronym_definitions(text):
            acr = text[a_s:a_e]
            base = max(0, at - 120)
            words = list(re.finditer(r"\S+", text[base:at]))
            picked: list[re.Match[str]] = []
            initials = ""
            for w in reversed(words):
                token = w.group()
                if _upper_word(token):
                    initials = token[0] + initials
                    picked.insert(0, w)
                    if len(initials) == len(acr):
                        break
                elif token in connectors:
                    picked.insert(0, w)
                else:
                    break
            if initials != acr or not picked or not _upper_word(picked[0].group()):
                continue
            s, e = base + picked[0].start(), base + picked[-1].end()
            lowered = [w.group().lower() for w in picked]
            is_place = lowered[-1] in self.vocab.words.place_words or any(
                w in self.vocab.words.admin_required for w in lowered
            )
            label = "PLACE" if is_place else "ORG"
            out.append(Cand(slot, s, e, text[s:e], "RULE", weak=headline(s), ctx=label))
            out.append(Cand(slot, a_s, a_e, text[a_s:a_e], "RULE", weak=headline(a_s), ctx=label))
        return out

    def _acronym_definitions(self, text: str) -> Iterator[tuple[int, int, int]]:
        """Where an acronym is defined: a bracket ("Watch (HRW"), or a comma, the language's
        alias cue and perhaps one more word (", or KNB", ", known as the NSC"). Yields the
        offset the definition opens at and the acronym's span."""
        last = 0
        for m in _OPENS_DEFINITION.finditer(text):
            i = m.start()
            if i < last:
                continue
            if m.group() == "(":
                at = i
                while at > last and text[at - 1].isspace():
                    at -= 1  # the white space before the bracket opens the definition
                tail = text[i + 1 : i + 80]
                starts = [i + 1 + len(tail) - len(tail.lstrip())]
            else:
                at, starts = i, self._after_cue(text, i + 1)
            for start in starts:
                acr = _ACRONYM_WORD.match(text, start)
                if acr:
                    end = acr.end() + (text[acr.end() : acr.end() + 1] == ")")
                    last = end
                    yield at, acr.start(), acr.end()
                    break

    def _after_cue(self, text: str, start: int) -> list[int]:
        """Where an acronym may start after a comma's alias cue: right after it, or after one
        more word (", known as the NSC"), that one tried first."""
        if not text[start : start + 1].isspace():
            return []
        head = text[start : start + 40].split(None, 1)
        if not head or head[0] not in self._cue_heads:
            return []  # most commas: no alias cue after them
        window = text[start : start + 80]
        pieces = spans(window)
        taken = self._cues.opening([window[s:e] for s, e in pieces])
        if not taken:
            return []
        rest = [start + s for s, _ in pieces[taken:]]
        word = pieces[taken] if len(pieces) > taken else None
        if word and len(rest) > 1 and all(map(is_word_char, window[word[0] : word[1]])):
            return [rest[1], rest[0]]
        return rest[:1]

    # --- repairs ----------------------------------------------------------------------------

    def extend_left(self, cands: list[Cand], texts: list[str]) -> list[Cand]:
        """Take in a given name the model left out ("of Erbol [Kozhabek]"): a capitalised
        word right before a one-word person span, inside a sentence."""
        covered: dict[int, set[int]] = defaultdict(set)
        for c in cands:
            covered[c.doc].update(range(c.start, c.end))
        for c in cands:
            if c.model != "PERSON" or " " in c.text:
                continue
            text = texts[c.doc]
            m = _PREV_NAME.search(text[max(0, c.start - 30) : c.start])
            if not m or not m.group(1)[1:2].islower():
                continue
            word = m.group(1)
            start = c.start - len(m.group(0))
            if start in covered[c.doc] or self.non_name_word(word):
                continue
            if word.lower() in self.vocab.title_words or self.vocab.is_honorific(word):
                continue
            if line_start(text, start) or _SENTENCE_END_BEFORE.search(
                text[max(0, start - 3) : start]
            ):
                continue  # sentence-initial capital: not evidence of a name
            c.start = start
            c.text = text[start : c.end]
        return cands

    def join_adjacent(
        self, cands: list[Cand], texts: list[str], key: KeyFn, sdocs: Sequence[Doc]
    ) -> list[Cand]:
        """Rejoin a name the model split in two ("Marat" NORP + "Seitkaly" GPE) when the
        whole is a person by its context or by the same name tagged elsewhere (``sdocs``:
        the parse of each text)."""
        person_keys = {key(c.text) for c in cands if c.model == "PERSON" and " " in c.text}
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
                if b is not None and self._joinable(a, b, text):
                    joined = Cand(slot, a.start, b.end, text[a.start : b.end], "RULE", weak=a.weak)
                    if key(joined.text) in person_keys or self.reader.person_context(
                        text, sdocs[slot], joined.start, joined.end
                    ):
                        joined.ctx = "PERSON"
                        out.append(joined)
                        i += 2
                        continue
                out.append(a)
                i += 1
        return out

    def _joinable(self, a: Cand, b: Cand, text: str) -> bool:
        return (
            a.model != "RULE"
            and b.model != "RULE"
            and text[a.end : b.start] == " "
            and " " not in a.text
            and " " not in b.text
            and _upper_word(a.text)
            and _upper_word(b.text)
            and not self.non_name_word(a.text)
            and not self.non_name_word(b.text)
        )

    def add_repeats(
        self,
        per_doc: dict[int, list[Cand]],
        texts: list[str],
        groups: Sequence[Callable[[int], bool]],
    ) -> None:
        """Occurrences the model missed of names accepted elsewhere (same surface form, or the
        family name of a person named in full); ``groups[slot](start)``: a group word starts
        there ("ethnic Kazakhs"), which is no repeat of a person."""
        labels: dict[str, set[str]] = defaultdict(set)
        for cands in per_doc.values():
            for c in cands:
                if not c.weak and c.label:
                    labels[c.text].add(c.label)
        # Only forms that always got the same label.
        forms = {t: next(iter(ls)) for t, ls in labels.items() if len(ls) == 1 and _upper_word(t)}
        for text, ls in labels.items():
            words = text.split()
            if ls != {"PERSON"} or len(words) < 2:
                continue
            surname = words[-1]
            if (
                name_shaped(surname)
                and not self.non_name_word(surname)
                and labels.get(surname, {"PERSON"}) == {"PERSON"}
            ):
                forms.setdefault(surname, "PERSON")
        if not forms:
            return
        finder = FormFinder(list(forms))
        for slot, text in enumerate(texts):
            covered = bytearray(len(text))
            for c in per_doc.get(slot, []):
                covered[c.start : c.end] = b"\x01" * (c.end - c.start)
            for s, e, form in finder.finditer(text):
                if any(covered[s:e]):
                    continue
                label = forms[form]
                if label == "PERSON" and " " not in form and groups[slot](s):
                    continue
                per_doc[slot].append(Cand(slot, s, e, form, "REPEAT", label=label))
                covered[s:e] = b"\x01" * (e - s)


class FormFinder:
    """Whole-word, case-sensitive occurrences of a set of names in texts, leftmost and
    longest first (what one regular expression alternating every name would find, without
    compiling one per document: a story's thousands of names cost a look-up per word)."""

    def __init__(self, forms: set[str] | list[str]) -> None:
        self._by_lead: dict[str, list[str]] = defaultdict(list)
        for form in sorted(set(forms), key=len, reverse=True):
            lead = _RUN.match(form)
            if lead is not None:
                self._by_lead[lead.group()].append(form)

    def __bool__(self) -> bool:
        return bool(self._by_lead)

    def finditer(
        self, text: str, skip: set[str] | frozenset[str] = frozenset()
    ) -> Iterator[tuple[int, int, str]]:
        """``(start, end, form)`` of each occurrence not in ``skip``, left to right, never
        overlapping."""
        last = 0
        for run in _WORD_START.finditer(text):
            start = run.start()
            if start < last:
                continue
            for form in self._by_lead.get(run.group(), ()):
                end = start + len(form)
                if form in skip or not text.startswith(form, start):
                    continue
                if end < len(text) and (text[end].isalnum() or text[end] in "_-"):
                    continue
                yield start, end, form
                last = end
                break


def name_shaped(word: str) -> bool:
    """A capitalised word of three letters or more with a lower-case second letter (letters,
    apostrophes and hyphens only)."""
    return (
        len(word) >= 3
        and word[0].isupper()
        and word[1].islower()
        and all(c.isalpha() or c in "'’-" for c in word)
    )


def _bracket(token: str) -> bool:
    """A bracket written as a token by a tokeniser ("-LRB-", "LRB-", "-RRB-") or a lone dash:
    typography, never part of a name."""
    core = token.strip("-–—")
    if not core:
        return True
    return core != token and core.isupper() and core.isalpha() and len(core) == 3


def _widen_slashes(text: str, start: int, end: int) -> tuple[int, int]:
    """ "RFE/RL", "BBC/Reuters": acronyms joined by a slash are one name."""
    while start > 1 and text[start - 1] == "/" and text[start - 2].isupper():
        start -= 2
        while start > 0 and text[start - 1].isupper():
            start -= 1
    while end + 1 < len(text) and text[end] == "/" and text[end + 1].isupper():
        end += 2
        while end < len(text) and text[end].isupper():
            end += 1
    return start, end


def _strip_punctuation(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop leading non-alphanumerics and trailing punctuation, possessive endings, and a
    final full stop that does not close an initial."""
    while s < e and not text[s].isalnum():
        s += 1
    while e > s:
        before = e
        while e > s and not (text[e - 1].isalnum() or text[e - 1] in ".)"):
            e -= 1
        if e - s >= 2 and text[e - 2 : e] in ("'s", "’s"):
            e -= 2
        elif e - s >= 1 and text[e - 1] in "'’":
            e -= 1
        if text[e - 1 : e] == "." and not _INITIALS_END.search(text[s:e]):
            e -= 1
        if e == before:
            break
    return s, e
