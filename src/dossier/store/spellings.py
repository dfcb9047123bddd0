"""Search that knows merged spellings: "Kaster Musakhanuly" also finds "Qaster Musakhanuly"
and "Musakhauly"; "Zaysan" also finds "Zaisan".

The query's words are compared with the spellings of every stored entity (after
folding case and accents; a word of six letters or more may differ slightly). An entity
whose spellings contain some of the words stands for them: those words become
``(the words) OR "spelling 1" OR "spelling 2" ...`` in the full-text query, so a
document that uses any spelling matches. Words no entity covers must occur as typed.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import fuzz, process

# not words of a language: the word characters of a search query, a trailing * for a prefix
QUERY_WORD = re.compile(r"\w+\*?")
MIN_WORD = 3  # shorter words never stand for an entity
FUZZY_MIN_LENGTH = 6
FUZZY_RATIO = 88.0


@dataclass(frozen=True, slots=True)
class ExpandedQuery:
    fts: str  # the FTS5 MATCH expression
    terms: tuple[str, ...]  # every word or phrase that counts as a hit (for highlighting)
    spellings: tuple[str, ...]  # spellings added from merged entities


def fold(text: str) -> str:
    return anyascii(text).casefold()


def _phrase(words: Iterable[str]) -> str:
    return '"' + " ".join(w.replace('"', "") for w in words) + '"'


def _term(token: str) -> str:
    word = token.rstrip("*")
    return f'"{word}"' + ("*" if token.endswith("*") else "")


def entity_spellings(conn: sqlite3.Connection) -> list[tuple[str, ...]]:
    """Every stored entity's spellings (its name and aliases), one tuple per distinct set."""
    rows = conn.execute(
        "SELECT e.name, (SELECT json_group_array(alias) FROM aliases WHERE entity_pk = e.pk)"
        " FROM entities e WHERE e.type != 'OTHER'"
    ).fetchall()
    import json

    seen: dict[tuple[str, ...], None] = {}
    for name, aliases in rows:
        spellings = tuple(dict.fromkeys([name, *json.loads(aliases or "[]")]))
        seen.setdefault(spellings, None)
    return list(seen)


class SpellingIndex:
    """The spellings of every stored entity, indexed by their folded words: which entities
    a query word stands for is one lookup (and, for a long word, one fuzzy pass over the
    distinct words, in rapidfuzz's C code), not a loop over every entity."""

    def __init__(self, groups: Iterable[tuple[str, ...]]) -> None:
        self.groups = tuple(groups)
        self._by_word: dict[str, list[int]] = {}
        for g, spellings in enumerate(self.groups):
            for word in dict.fromkeys(w for s in spellings for w in QUERY_WORD.findall(fold(s))):
                self._by_word.setdefault(word, []).append(g)
        self._words = list(self._by_word)

    def covering(self, word: str) -> set[int]:
        """The groups with ``word`` among their words (or, for a word of six letters or
        more, a word at most two letters longer or shorter and at least 88% alike)."""
        found = set(self._by_word.get(word, ()))
        if len(word) >= FUZZY_MIN_LENGTH:
            for match, _, _ in process.extract(
                word, self._words, scorer=fuzz.ratio, score_cutoff=FUZZY_RATIO, limit=None
            ):
                if abs(len(match) - len(word)) <= 2:
                    found.update(self._by_word[match])
        return found


def expand_query(query: str, groups: Sequence[tuple[str, ...]] | SpellingIndex) -> ExpandedQuery:
    """The FTS5 query for ``query`` with the spellings of the entities it names."""
    index = groups if isinstance(groups, SpellingIndex) else SpellingIndex(groups)
    tokens = QUERY_WORD.findall(query)
    words = [fold(t.rstrip("*")) for t in tokens]
    covering: dict[str, set[int]] = {}  # a word repeated is looked up once
    covered_by: dict[int, set[int]] = {}
    for i, word in enumerate(words):
        if len(word) >= MIN_WORD and not tokens[i].endswith("*"):
            if word not in covering:
                covering[word] = index.covering(word)
            for g in covering[word]:
                covered_by.setdefault(g, set()).add(i)
    best: dict[frozenset[int], list[tuple[str, ...]]] = {}
    for g in sorted(covered_by):  # in the store's order
        best.setdefault(frozenset(covered_by[g]), []).append(index.groups[g])
    # Only the entities covering the most words (a surname alone does not pull in everyone
    # who shares it when the query names the full person).
    maximal = [s for s in best if not any(s < other for other in best)]
    used: set[int] = set()
    clauses: list[str] = []
    added: dict[str, None] = {}
    for covered in sorted(maximal, key=lambda s: min(s)):
        if covered & used:
            continue
        used |= covered
        names = [s for group in best[covered] for s in group]
        typed = " ".join(_term(tokens[i]) for i in sorted(covered))
        options = [f"({typed})", *(_phrase(QUERY_WORD.findall(s)) for s in names)]
        clauses.append("(" + " OR ".join(dict.fromkeys(options)) + ")")
        added.update((s, None) for s in names)
    clauses += [_term(t) for i, t in enumerate(tokens) if i not in used]
    terms = tuple(dict.fromkeys([*(t.rstrip("*") for t in tokens), *added]))
    return ExpandedQuery(" AND ".join(clauses), terms, tuple(added))


def hit_spans(text: str, terms: Sequence[str], limit: int = 500) -> list[tuple[int, int]]:
    """Where any of ``terms`` (words or phrases, any case) occurs in ``text``, in order."""
    patterns = [
        r"\s+".join(re.escape(w) for w in QUERY_WORD.findall(t.rstrip("*")))
        for t in terms
        if t.strip()
    ]
    patterns = [p for p in patterns if p]
    if not patterns:
        return []
    ordered = sorted(set(patterns), key=len, reverse=True)  # longest phrase first
    # the entity's own spellings (escaped), longest first: not a list of words of a language
    regex = re.compile(r"(?<!\w)(?:" + "|".join(ordered) + r")", re.IGNORECASE)
    spans = []
    for m in regex.finditer(text):
        spans.append((m.start(), m.end()))
        if len(spans) >= limit:
            break
    return spans
