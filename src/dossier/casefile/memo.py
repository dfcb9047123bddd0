"""Per-document results of the story stages kept in the store (:mod:`dossier.memo`).

Kept in ``stage_cache`` (stage ``memo``) under a hash of the result's kind, what the caller
says it depends on, and the document's id, clean text, language, parse and time
expressions: a story an article joins is recomputed whole, but such a result is computed
for the new document only.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Hashable
from typing import TypeVar, cast

from dossier.casefile.readings import ReadingCache
from dossier.model import Document
from dossier.report.codec import from_plain, to_plain
from dossier.store.context import cache_get, pack, unpack

STAGE = "memo"
T = TypeVar("T")


class StoreMemo:
    """:class:`dossier.memo.DocumentMemo` over a store's stage cache; parses are hashed
    once a run, by ``readings`` (which hashes them for its own keys too)."""

    def __init__(self, conn: sqlite3.Connection, version: str, readings: ReadingCache) -> None:
        self.conn = conn
        self.version = version
        self.readings = readings
        self._memo: dict[str, object] = {}
        self._new: dict[str, tuple[str, bytes]] = {}
        # document id -> the keys of its results this run asked for
        self.used: dict[str, set[str]] = {}
        self.hits = 0
        self.misses = 0

    def get(
        self, kind: str, doc: Document, depends: Hashable, tp: object, compute: Callable[[], T]
    ) -> T:
        key = self._key(kind, doc, depends)
        self.used.setdefault(doc.id, set()).add(key)
        if key in self._memo:
            return cast(T, self._memo[key])
        found: object = None
        stored = cache_get(self.conn, STAGE, self.version, [key]).get(key)
        if stored is not None:
            found = _decoded(tp, stored[1])
        if found is not None:
            self.hits += 1
        else:
            found = compute()
            self._new[key] = (doc.id, pack(to_plain(found)))
            self.misses += 1
        self._memo[key] = found
        return cast(T, found)

    def pending(self) -> dict[str, tuple[str, bytes]]:
        return self._new

    def _key(self, kind: str, doc: Document, depends: Hashable) -> str:
        text = hashlib.sha256(doc.clean_text.encode("utf-8")).hexdigest()
        parse = self.readings.parse_key(doc.parse) if doc.parse is not None else ""
        what = repr((kind, depends, doc.id, text, doc.language, parse, doc.time_expressions))
        return hashlib.sha256(what.encode("utf-8")).hexdigest()[:32]


def _decoded(tp: object, blob: bytes) -> object:
    """A stored result, or None when it no longer fits its type (compute it again)."""
    try:
        return from_plain(tp, unpack(blob))
    except (ValueError, TypeError, KeyError):
        return None
