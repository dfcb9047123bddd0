"""Full-text search over the store: bounded queries, merged spellings, snippets.

A query's cost is bounded before it reaches SQLite (:func:`fts_query`: length, distinct
words, prefixes). The spellings of the stored entities, which every search compares its
words with, are read and indexed once per state of the store (:class:`SpellingCache`),
not once per search. Matching and snippets run inside SQLite (the FTS5 index has prefix
indexes of 2 and 3 characters, migration 0009, so a short prefix is one lookup, not a walk
over every word it starts), where the interpreter lock is free for the other requests.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass

from dossier.errors import QueryError
from dossier.store.spellings import QUERY_WORD, ExpandedQuery, SpellingIndex

MAX_QUERY_CHARS = 1000  # a longer search query is refused
MAX_QUERY_TERMS = 16  # distinct words per search
MAX_PREFIX_TERMS = 4  # "word*" prefixes per search
MIN_PREFIX_CHARS = 2  # letters before the "*" of a prefix
SEARCH_SECONDS = 2.0  # a search still running after this is interrupted
# Markers FTS5 puts around matched terms in snippets (control characters never found in clean text).
_HIT_START, _HIT_END = "\x02", "\x03"
# not language: FTS5's two hit markers, to split a snippet at (kept in the split)
_MARKERS = re.compile(f"([{_HIT_START}{_HIT_END}])")
SNIPPET_TOKENS = 16  # words of a hit's snippet

_SEARCH_SQL = f"""
SELECT f.doc_id, d.title, d.outlet, d.status, d.clean_text,
  snippet(documents_fts, 2, '{_HIT_START}', '{_HIT_END}', '…', {SNIPPET_TOKENS}) AS snip,
  (SELECT json_group_array(story_id) FROM story_documents WHERE doc_id = f.doc_id) AS stories
FROM documents_fts f JOIN documents d ON d.id = f.doc_id
WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts), d.position LIMIT ?
"""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A document matching a full-text query, with a snippet around the matches."""

    doc_id: str
    title: str | None
    outlet: str | None
    status: str
    story_ids: tuple[str, ...]
    snippet: str
    highlights: tuple[tuple[int, int], ...]  # spans of ``snippet`` that matched the query
    at: int | None = None  # offset of the snippet's passage in the clean text, when found
    terms: tuple[str, ...] = ()  # what counted as a hit: the query's words and the spellings

    def to_json(self) -> dict[str, object]:
        """The hit as the API returns it (built field by field: ``dataclasses.asdict``
        copies every nested tuple and cost a search more than its SQL)."""
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "outlet": self.outlet,
            "status": self.status,
            "story_ids": list(self.story_ids),
            "snippet": self.snippet,
            "highlights": [list(span) for span in self.highlights],
            "at": self.at,
            "terms": list(self.terms),
        }


def fts_query(query: str) -> str:
    """A safe FTS5 query from free text: every word must occur (``word*`` for a prefix).

    Repeated words count once. Raises :class:`QueryError` when the query is longer than
    ``MAX_QUERY_CHARS``, has more than ``MAX_QUERY_TERMS`` distinct words, or more than
    ``MAX_PREFIX_TERMS`` prefixes or a prefix shorter than ``MIN_PREFIX_CHARS`` (a prefix
    of one letter stands for a large part of the index), so the cost of a search is
    bounded by the size of the store, whatever the query.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(query)} characters long (at most {MAX_QUERY_CHARS})")
    terms: dict[str, None] = {}
    prefixes = 0
    for token in QUERY_WORD.findall(query):
        word = token.rstrip("*")
        term = f'"{word}"' + ("*" if token.endswith("*") else "")
        if term.endswith("*") and term not in terms:
            prefixes += 1
            if len(word) < MIN_PREFIX_CHARS:
                raise QueryError(f"{token!r}: a prefix needs at least {MIN_PREFIX_CHARS} letters")
        terms.setdefault(term, None)
    if len(terms) > MAX_QUERY_TERMS:
        raise QueryError(f"the query has {len(terms)} different words (at most {MAX_QUERY_TERMS})")
    if prefixes > MAX_PREFIX_TERMS:
        raise QueryError(f"the query has {prefixes} prefixes (at most {MAX_PREFIX_TERMS})")
    return " ".join(terms)


class SpellingCache:
    """The spelling index of one state of the store, shared by the threads of a process.

    ``version`` is a number that changes whenever anything commits to the store (SQLite's
    ``PRAGMA data_version`` on a connection that never writes): an index read at an older
    version is read again. A version taken before the read it belongs to can only make
    the cache read again too often, never keep a stale index.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cached: tuple[int, SpellingIndex] | None = None

    def get(self, version: int, load: Callable[[], SpellingIndex]) -> SpellingIndex:
        with self._lock:
            if self._cached is not None and self._cached[0] == version:
                return self._cached[1]
        index = load()
        with self._lock:
            self._cached = (version, index)
        return index


def run_search(conn: sqlite3.Connection, expanded: ExpandedQuery, limit: int) -> list[SearchHit]:
    """The documents matching ``expanded``, best first, with their snippets."""
    rows = conn.execute(_SEARCH_SQL, (expanded.fts, limit)).fetchall()
    hits = []
    for r in rows:
        snippet, spans = _split_snippet(r["snip"])
        hits.append(
            SearchHit(
                doc_id=r["doc_id"],
                title=r["title"],
                outlet=r["outlet"],
                status=r["status"],
                story_ids=tuple(json.loads(r["stories"])),
                snippet=snippet,
                highlights=spans,
                at=_passage_offset(r["clean_text"], snippet),
                terms=expanded.terms,
            )
        )
    return hits


def _passage_offset(text: str, snippet: str) -> int | None:
    """Where the snippet's longest stretch between ellipses starts in ``text``."""
    parts = sorted((p.strip() for p in snippet.split("…")), key=len, reverse=True)
    if not parts or len(parts[0]) < 8:
        return None
    found = text.find(parts[0])
    return found if found >= 0 else None


def _split_snippet(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet without FTS5's hit markers, and the spans they marked."""
    text: list[str] = []
    spans = []
    start = 0
    cursor = 0
    for piece in _MARKERS.split(marked):
        if piece == _HIT_START:
            start = cursor
        elif piece == _HIT_END:
            spans.append((start, cursor))
        else:
            text.append(piece)
            cursor += len(piece)
    return "".join(text), tuple(spans)
