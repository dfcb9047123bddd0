"""Reading the words around a name: titles, appositions, ages.

:class:`ContextReader` answers for a mention at ``(text, start, end)`` of clean text which role
title stands before it ("Judge X", "the pair's lawyer X"), which apposition follows it ("X, a
lawyer for the prosecution"), and which age ("X, 30,", "the 41-year-old X": the language's
age patterns, spaCy Matcher rules over the parse). It returns spans
(offsets into the same text) so callers can cite them. Its patterns are built from the
language's words (role nouns, honorifics, determiners, prepositions of affiliation); the
structure they read (a title right before a name, a comma apposition) is typography.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.entities.patterns import AgeRules
from dossier.entities.vocab import Vocab
from dossier.entities.wordseq import is_word_char, spans, trailing_word
from dossier.lang.alternation import literal_atoms, trie_alternation

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab as SpacyVocab

_MAX_LEFT = 120
# A sentence or quotation boundary inside the left window (typography).
_BOUNDARY = re.compile(r"\n|[.!?;]\s|[“”\"]")
# A capitalised word of a title, an organisation name, an initial (typography of names).
_CAP = r"[^\W\d_a-z][\w&’'-]*"


def _alternation(items: frozenset[str] | set[str] | list[str] | tuple[str, ...]) -> str:
    """A regular-expression group matching any of the language's words, longest first (a
    trie: the role nouns are ~200 words, read at every position of every text)."""
    return trie_alternation(items, literal_atoms)


@dataclass(frozen=True, slots=True)
class RoleCue:
    """A role word found next to a name."""

    role: str  # canonical role (lower case)
    start: int  # span of the cue phrase and the name together
    end: int
    title: str | None = None  # e.g. "Foreign Minister", "State prosecutor"
    org_start: int = -1  # span of an affiliation, if stated
    org_end: int = -1
    credit: bool = False  # a credit line ("Photo: X"): no evidence that X is a person


@dataclass(frozen=True, slots=True)
class AgeCue:
    age: int
    start: int
    end: int


class ContextReader:
    """Titles, appositions and ages around names, read with one language's words."""

    def __init__(self, vocab: Vocab, spacy_vocab: SpacyVocab) -> None:
        self.vocab = vocab
        self.ages = AgeRules(vocab.language.entity_patterns, spacy_vocab)
        words = vocab.words
        roles = _alternation(list(vocab.role_nouns))
        honorifics = _alternation({h.rstrip(".") for h in vocab.names.honorifics})
        dets = _alternation(words.determiners)
        preps = _alternation(words.affiliation_preps | words.connectors)
        self._honorific = rf"(?i:{honorifics})\.?"
        # the language's own tables give the words; the pattern is the text's shape around a name
        self._left_role = re.compile(
            r"(?P<phrase>"
            rf"(?:(?P<det>\b(?i:{dets})\s+))?"
            r"(?P<poss>\b[\w-]+(?:['’]s|s['’])\s+)?"
            r"(?P<mods>(?:\b[\w-]+\s+){0,3}?)"
            rf"(?P<role>\b(?i:{roles}))"
            rf"(?P<of>\s+(?:{_alternation(words.connectors)})\s+(?:(?i:{dets})\s+)?"
            rf"(?P<org>(?:{_CAP}\s+){{0,5}}?{_CAP}))?"
            rf"(?:\s*,)?\s+(?:{self._honorific}\s+)?)$",
        )
        # the language's own tables give the words; the pattern is the text's shape around a name
        self._right_apposition = re.compile(
            rf"^(?P<phrase>,\s+(?:(?i:{dets})\s+)?"
            r"(?P<mods>(?:[\w'’-]+\s+){0,5}?)"
            rf"(?P<role>(?:{roles}))\b"
            rf"(?P<tail>\s+(?P<prep>{preps})\s+(?:(?i:{dets})\s+)?"
            rf"(?P<obj>(?:[^\W\d_A-Z]+\s+)?{_CAP}(?:\s+(?:{_alternation(words.connectors)}"
            rf"|{_CAP}))*|[^\W\d_A-Z]+))?)"
            r"(?=\s*[,.;:)]|\s+[^\W\d_A-Z]|$)",
        )
        self._abbreviations = frozenset(
            a.lower() for a in vocab.language.abbreviations if "." not in a
        )

    # --- windows ------------------------------------------------------------------------

    def _left_window(self, text: str, start: int) -> tuple[str, int]:
        """Text before ``start`` back to the start of its sentence (at most 120 chars)."""
        lo = max(0, start - _MAX_LEFT)
        window = text[lo:start]
        cut = -1
        for m in _BOUNDARY.finditer(window):
            if m.group().startswith(".") and self._abbreviated(window[: m.start()]):
                continue
            cut = m.end()
        if cut >= 0:
            lo += cut
            window = text[lo:start]
        return window, lo

    def _abbreviated(self, before_stop: str) -> bool:
        """Whether the word before a full stop is an abbreviation ("Gen.") or an initial."""
        word = trailing_word(before_stop)
        return word.lower() in self._abbreviations or (len(word) == 1 and word.isalpha())

    def _credit_start(self, window: str) -> int | None:
        """Where a credit line ("Photo: ", "Photos by ", "Image AFP: ") ending the window
        starts: a credit noun of the language, then a colon or one word (and a colon)."""
        if not window[-1:].isspace():
            return None
        pieces = spans(window)
        texts = [window[s:e] for s, e in pieces]
        if texts[-1:] == [":"]:
            pieces, texts = pieces[:-1], texts[:-1]  # "Photo : X"
            candidates = [(len(texts) - 1, "")]
        else:
            candidates = [(len(texts) - 1, ":"), (len(texts) - 2, "")]
        for i, colon in candidates:
            if i < 0 or not texts[i].endswith(colon):
                continue
            if i < len(texts) - 1 and not all(map(is_word_char, texts[-1].removesuffix(":"))):
                continue  # the word after the noun: letters or digits, perhaps a colon
            word = texts[i].removesuffix(colon) if colon else texts[i]
            lead = next((k for k, c in enumerate(word) if is_word_char(c)), len(word))
            if self._is_credit_noun(word[lead:]):  # "(Photo: X"
                return pieces[i][0] + lead
        return None

    def _is_credit_noun(self, word: str) -> bool:
        nouns = self.vocab.roles.credit_nouns
        w = word.lower()
        return w in nouns or (w.endswith("s") and w[:-1] in nouns)

    def _qualify(self, role: str, words: list[str]) -> str:
        roles = self.vocab.roles
        lowered = [w.lower().strip(",") for w in words]
        rank = next((w for w in reversed(lowered) if w in roles.ranks), None)
        if rank is not None and role in roles.ranked_roles:
            role = f"{rank} {role}"  # "vice president", "deputy prosecutor"
        if any(w in roles.former or w.rstrip("-") in roles.former for w in lowered):
            return f"former {role}"  # not this role in the story any more
        if role == "lawyer":
            sides = {roles.side_words.get(w.removesuffix("'s").removesuffix("’s")) for w in lowered}
            if "prosecution" in sides:
                return "prosecution lawyer"
            if "defence" in sides or any(self._defence_possessor(w) for w in lowered):
                return "defence lawyer"
        return role

    def _defence_possessor(self, word: str) -> bool:
        w = word.lower().replace("’", "'")
        possessors = self.vocab.roles.defence_possessors
        if w in possessors:
            return True  # "his", "their"
        if not (w.endswith("'s") or w.endswith("s'")):
            return False
        core = w.removesuffix("'s").removesuffix("'")
        return core in possessors or core.rstrip("s") in possessors

    # --- roles ----------------------------------------------------------------------------

    def left_role(self, text: str, start: int) -> RoleCue | None:
        """A role title right before a name: "Judge X", "the pair's lawyer X", "activist X"."""
        window, lo = self._left_window(text, start)
        credit = self._credit_start(window)
        if credit is not None:
            return RoleCue("photographer", lo + credit, start, credit=True)
        m = self._left_role.search(window)
        if not m:
            return None
        if m.group("org") and self.vocab.is_honorific(m.group("org").strip(".")):
            return None  # "a spokeswoman for Dr X" speaks for X: not X's role
        role_word = m.group("role").lower()
        role = self.vocab.role_nouns.get(role_word)
        if role is None:
            return None
        if window[: m.start("role")].endswith("-"):
            # "Director-General X", "Secretary-General X": a compound title.
            head = re.search(r"([^\W\d_]+)-$", window[: m.start("role")])
            role = self.vocab.role_nouns.get(head.group(1).lower(), "official") if head else ""
            if role in ("military officer", ""):
                role = "official"
        last_mod = m.group("mods").split()[-1:]
        if (
            last_mod
            and last_mod[0].lower() in self.vocab.roles.general_offices
            and self.vocab.role_nouns.get(role_word) == "military officer"
        ):
            # "Attorney General X", "Prosecutor General X", "Secretary General X"
            office = self.vocab.role_nouns.get(last_mod[0].lower())
            role = "prosecutor" if office == "prosecutor" else "official"
        raw_role = m.group("role")
        before_role = window[: m.start("role")].rstrip()
        if (
            raw_role[0].isupper()
            and before_role.split()[-1:]
            and (before_role.split()[-1].lower() in self.vocab.words.connectors)
        ):
            return None  # part of a title: "Convention on the Status of Refugees, X"
        if role_word.endswith("s") and window[m.end("role") :].lstrip().startswith(","):
            return None  # "the lawyers, X" is a list, not a title
        mods = m.group("mods").split()
        poss = (m.group("poss") or "").strip().lower().replace("’", "'")
        # Modifiers must be plain words (no digits) and the phrase must not swallow a clause.
        if any(any(c.isdigit() for c in w) for w in mods):
            mods = []
        qualifiers = [*mods, poss] if poss else list(mods)
        if (
            role == "lawyer"
            and poss
            and not self._defence_possessor(poss)
            and self.vocab.roles.side_words.get(poss.removesuffix("'s")) is None
            and text[lo + m.start("poss")].isupper()
        ):
            qualifiers.append("defence")  # "Alimuly's lawyer": a named person's lawyer
        role = self._qualify(role, qualifiers)
        phrase_start = lo + (m.start("mods") if mods else m.start("role"))
        if role == "prosecution lawyer" or (role == "defence lawyer" and poss):
            phrase_start = lo + (m.start("poss") if poss else m.start("mods"))
        not_title = self.vocab.words.determiners | self.vocab.stop_words
        title_words = [w for w in mods if w[:1].isupper() and w.lower() not in not_title]
        title = " ".join([*title_words, m.group("role")]) if title_words else None
        org_start = org_end = -1
        if m.group("org"):
            org_start = lo + m.start("org")
            org_end = org_start + len(m.group("org").rstrip())
        return RoleCue(role, phrase_start, start, title, org_start, org_end)

    def right_role(self, text: str, end: int) -> RoleCue | None:
        """An apposition after a name: "X, a lawyer for the prosecution", "X, researcher at Y"."""
        window = text[end : end + 160].split("\n", 1)[0]
        m = self._right_apposition.match(window)
        if not m:
            return None
        role = self.vocab.role_nouns.get(m.group("role").lower())
        if role is None:
            return None
        mods = m.group("mods").split()
        if len(mods) > 5 or any(w.lower() in self.vocab.words.clause_openers for w in mods):
            return None
        tail_words = (m.group("tail") or "").split()
        role = self._qualify(role, [*mods, *tail_words])
        org_start = org_end = -1
        if m.group("obj") and m.group("prep") in self.vocab.words.affiliation_preps:
            obj = m.group("obj").rstrip()
            if obj[:1].isupper():
                org_start = end + m.start("obj")
                org_end = org_start + len(obj)
        if org_start < 0:
            # "X, NRO's researcher": a capitalised possessive names the employer.
            for pm in re.finditer(rf"({_CAP}(?:\s+{_CAP})*)['’]s?\s", m.group("mods")):
                org_start = end + m.start("mods") + pm.start(1)
                org_end = end + m.start("mods") + pm.end(1)
        not_title = self.vocab.words.determiners | self.vocab.stop_words
        cap_mods = [w for w in mods if w[:1].isupper() and w.lower() not in not_title]
        cap_mods = [w for w in cap_mods if not w.endswith(("'s", "’s", "'", "’"))]
        title = " ".join([*cap_mods, m.group("role")]) if cap_mods else None
        return RoleCue(role, -1, end + m.end("phrase"), title, org_start, org_end)

    # --- ages and honorifics --------------------------------------------------------------

    def right_age(self, sdoc: Doc, end: int) -> AgeCue | None:
        """ "X, 30," / "X, aged 30" / "X (30)": the language's age patterns over the parse."""
        hit = self.ages.after(sdoc, end)
        return AgeCue(hit.age, -1, hit.edge) if hit is not None else None

    def left_age(self, sdoc: Doc, start: int) -> AgeCue | None:
        """ "The 25-year-old X" / "25-year-old activist X"."""
        hit = self.ages.before(sdoc, start)
        return AgeCue(hit.age, hit.edge, start) if hit is not None else None

    def honorific_before(self, text: str, start: int) -> bool:
        """Whether a courtesy title (Mr., Ms., Dr. ...) directly precedes ``start``."""
        window = text[max(0, start - 8) : start].rstrip()
        last = window.split()[-1:] if window else []
        return bool(last) and self.vocab.is_honorific(last[0])

    def person_context(self, text: str, sdoc: Doc, start: int, end: int) -> bool:
        """A title, an honorific, an age or a role apposition next to the span."""
        return bool(
            self.honorific_before(text, start)
            or self.right_age(sdoc, end)
            or self.left_age(sdoc, start)
            or self.left_role(text, start)
            or self.right_role(text, end)
        )
