"""The language's entity patterns (:mod:`dossier.lang.patterns`) run over one document's parse.

:class:`PatternRules` compiles a language's token and dependency rules once (a spaCy
``Matcher`` and ``DependencyMatcher`` over the pipeline's vocabulary) and, for a parsed
document, returns :class:`PatternHit` s: the character span of each name a rule decides, what
the rule makes of it and why. Nothing here knows a word: the patterns are data of the
language.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from spacy.matcher import DependencyMatcher, Matcher

from dossier.lang.patterns import EntityPatterns, PatternKind
from dossier.memo import DocumentMemo
from dossier.model import Document

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.vocab import Vocab as SpacyVocab


# typography: a line break (a listing rule counts its matches per line)
_LINE_BREAK = re.compile("\n")


@dataclass(frozen=True, slots=True)
class PatternHit:
    """A name a pattern decides: its character span, its kind and the rule's reason. For
    ``NAMED_BY_NOUN`` the span runs to the end of the possessed proper noun (``Noah's Ark``)
    and ``noun`` is the token index of the common noun that names it."""

    start: int
    end: int
    kind: PatternKind
    why: str
    noun: int = -1


class PatternRules:
    """One language's entity patterns, compiled."""

    def __init__(self, patterns: EntityPatterns, vocab: SpacyVocab) -> None:
        self._token = patterns.token
        self._dependency = patterns.dependency
        self._matcher = Matcher(vocab)
        for i, rule in enumerate(patterns.token):
            self._matcher.add(f"token-{i}", [[dict(p) for p in rule.pattern]], greedy="LONGEST")
        self._dep_matcher = DependencyMatcher(vocab)
        self._node_ids: list[dict[str, int]] = []
        for i, dep_rule in enumerate(patterns.dependency):
            self._dep_matcher.add(f"dep-{i}", [[dict(p) for p in dep_rule.pattern]])
            self._node_ids.append({n["RIGHT_ID"]: k for k, n in enumerate(dep_rule.pattern)})
        self._keys = {vocab.strings[f"token-{i}"]: i for i in range(len(patterns.token))} | {
            vocab.strings[f"dep-{i}"]: i for i in range(len(patterns.dependency))
        }

    def find(self, sdoc: Doc) -> tuple[PatternHit, ...]:
        """Every hit of the rules in the document, in text order."""
        hits = self._token_hits(sdoc) if self._token else []
        if self._dependency:
            hits += self._dependency_hits(sdoc)
        return tuple(sorted(hits, key=lambda h: (h.start, h.end)))

    def _token_hits(self, sdoc: Doc) -> list[PatternHit]:
        text = sdoc.text
        # Line breaks, so that a rule's matches are counted per line (typography).
        breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
        per_line: dict[tuple[int, int], list[PatternHit]] = defaultdict(list)
        for found in self._matcher(sdoc, with_alignments=True):
            # (match id, start, end, the pattern item of each matched token)
            match_id, start, _end, alignment = cast(tuple[int, int, int, list[int]], found)
            index = self._keys[match_id]
            rule = self._token[index]
            name = [start + k for k, item in enumerate(alignment) if item in rule.name]
            if not name:
                continue
            first, last = sdoc[name[0]], sdoc[name[-1]]
            hit = PatternHit(first.idx, last.idx + len(last.text), rule.kind, rule.why)
            per_line[(index, bisect_right(breaks, first.idx))].append(hit)
        return [
            hit
            for (index, _line), found in per_line.items()
            if len(found) >= self._token[index].per_line
            for hit in found
        ]

    def _dependency_hits(self, sdoc: Doc) -> list[PatternHit]:
        hits: list[PatternHit] = []
        for match_id, token_ids in self._dep_matcher(sdoc):
            index = self._keys[match_id]
            rule, nodes = self._dependency[index], self._node_ids[index]
            name = sdoc[token_ids[nodes["name"]]]
            if not name.text[:1].isupper():
                continue
            if rule.kind != "NAMED_BY_NOUN":
                start = _compound_start(name)
                hits.append(PatternHit(start, name.idx + len(name.text), rule.kind, rule.why))
                continue
            whole, noun = sdoc[token_ids[nodes["whole"]]], sdoc[token_ids[nodes["class"]]]
            # "Noah 's Ark": possessor, clitic and possessed noun side by side, the common
            # noun outside them.
            if whole.i != name.i + 2 or name.i < noun.i < whole.i:
                continue
            end = whole.idx + len(whole.text)
            hits.append(PatternHit(_compound_start(name), end, rule.kind, rule.why, noun.i))
        return hits


def _compound_start(token: Token) -> int:
    """Where a proper noun's name starts: the proper nouns compounded before it."""
    start = token
    while True:
        before = [c for c in start.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if not before or before[-1].i != start.i - 1:
            return start.idx
        start = before[-1]


@dataclass(frozen=True, slots=True)
class AgeHit:
    """An age beside a name: the number and the far end of its phrase (a character offset:
    where the phrase ends for an age after the name, where it starts for one before)."""

    age: int
    edge: int


# The version of what the age rules find in a document: raise it when a change of
# :class:`AgeRules` finds other ages in the same parse, so that kept indexes are not used.
AGES_VERSION = 1
_Ages = tuple[dict[int, AgeHit], dict[int, AgeHit]]
_KeptAges = tuple[tuple[tuple[int, AgeHit], ...], tuple[tuple[int, AgeHit], ...]]


class AgeRules:
    """The language's age patterns (:class:`~dossier.lang.patterns.AgeRule`), compiled; the
    ages of a document are indexed by the token they touch, once per spaCy ``Doc`` (kept in
    its ``user_data``), and, with a memo (:mod:`dossier.memo`), once per document."""

    def __init__(self, patterns: EntityPatterns, vocab: SpacyVocab) -> None:
        self._rules = patterns.ages
        self._matcher = Matcher(vocab)
        for i, rule in enumerate(patterns.ages):
            self._matcher.add(f"age-{i}", [[dict(p) for p in rule.pattern]])
        self._keys = {vocab.strings[f"age-{i}"]: i for i in range(len(patterns.ages))}
        self._slot = f"dossier.ages.{id(self)}"
        self._depends = (AGES_VERSION, repr(patterns.ages))

    def after(self, sdoc: Doc, end: int) -> AgeHit | None:
        """The age stated right after a name ending at character ``end``."""
        after, _ = self._index(sdoc)
        token = _token_at(sdoc, end)
        return after.get(token) if token is not None else None

    def before(self, sdoc: Doc, start: int) -> AgeHit | None:
        """The age stated right before a name starting at character ``start``."""
        _, before = self._index(sdoc)
        token = _token_at(sdoc, start)
        return before.get(token) if token is not None else None

    def remember(self, sdoc: Doc, doc: Document, memo: DocumentMemo | None) -> None:
        """Index the ages of ``sdoc`` (the parse of ``doc``) through ``memo``: found once
        for as long as the document's text and parse are as they were."""
        if memo is None or self._slot in sdoc.user_data:
            return
        after, before = memo.get(
            "entity-ages", doc, self._depends, _KeptAges, partial(self._kept, sdoc)
        )
        sdoc.user_data[self._slot] = (dict(after), dict(before))

    def _kept(self, sdoc: Doc) -> _KeptAges:
        after, before = self._index(sdoc)
        return tuple(sorted(after.items())), tuple(sorted(before.items()))

    def _index(self, sdoc: Doc) -> _Ages:
        found = sdoc.user_data.get(self._slot)
        if found is not None:
            return cast(_Ages, found)
        after: dict[int, AgeHit] = {}
        before: dict[int, AgeHit] = {}
        for match in self._matcher(sdoc, with_alignments=True):
            match_id, start, end, alignment = cast(tuple[int, int, int, list[int]], match)
            rule = self._rules[self._keys[match_id]]
            tokens = [start + k for k, item in enumerate(alignment) if item in rule.phrase]
            number = next(start + k for k, item in enumerate(alignment) if item == rule.age)
            age = int(sdoc[number].text)
            if not 0 < age < 120:
                continue
            if rule.side == "after":
                last = sdoc[tokens[-1]]
                hit = AgeHit(age, last.idx + len(last.text))
                if start not in after or after[start].edge < hit.edge:
                    after[start] = hit
            else:
                hit = AgeHit(age, sdoc[tokens[0]].idx)
                before.setdefault(end, hit)
        sdoc.user_data[self._slot] = (after, before)
        return after, before


_STARTS_SLOT = "dossier.token_starts"


def _token_at(sdoc: Doc, char: int) -> int | None:
    """The token that starts at character ``char`` (a name's first token, or the token right
    after a name), skipping the spaces before it. The document's text and token starts are
    computed once per ``Doc`` (``Doc.text`` is rebuilt from the tokens at every access)."""
    cached = sdoc.user_data.get(_STARTS_SLOT)
    if cached is None:
        from spacy.attrs import IDX

        # token starts as one array, not one Token object per token
        starts = sdoc.to_array(IDX).tolist()
        cached = (sdoc.text, dict(zip(starts, range(len(starts)), strict=True)))
        sdoc.user_data[_STARTS_SLOT] = cached
    text, starts = cast(tuple[str, dict[int, int]], cached)
    while char < len(text) and text[char] in " \t\u00a0":
        char += 1
    return starts.get(char)
