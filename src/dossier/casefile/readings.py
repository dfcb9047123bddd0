"""Documents read as frames, kept in the store: a story stage never reads a document twice.

Four story stages read each document of a story sentence by sentence into frames
(:func:`dossier.crosscheck.read.read_document`: events, cross-checking, the summary's
citations and the citation check), and a story that gains one article is recomputed with
all its documents. What a reading depends on is the document (its id, clean text, parse and
dated time expressions, as its :class:`~dossier.crosscheck.reading.DocView` holds them), the
story's mentions in it (entity ids and types) and the story's protagonists; a reading is
kept under a hash of exactly that (``stage_cache``, stage ``reading``), so an addition reads
only the documents whose own reading it changes (the new one; an old one whose mentions a
merge renamed), and within a run each document is read once, not once per stage.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from typing import cast

from dossier.crosscheck.read import RunReadings, SentenceReading
from dossier.crosscheck.reading import DocView, Lexicon, Mention
from dossier.model import Document, Parse
from dossier.report.codec import from_plain, to_plain
from dossier.store.context import cache_get, pack, unpack

STAGE = "reading"
_READINGS = tuple[SentenceReading, ...]


class ReadingCache:
    """:class:`dossier.crosscheck.read.Readings` over a store's stage cache."""

    def __init__(self, conn: sqlite3.Connection, version: str) -> None:
        self.conn = conn
        self.version = version
        self._memo: dict[str, list[SentenceReading]] = {}
        self._new: dict[str, tuple[str, bytes]] = {}
        # id(parse) -> (the parse, kept so its id is not reused; the hash of its columns)
        self._parses: dict[int, tuple[Parse, str]] = {}
        self._views = RunReadings()  # each document's view built once a run, too
        # id(view) -> (the view, the protagonists, the key): the four stages ask with one view
        self._keys: dict[int, tuple[DocView, frozenset[str], str]] = {}
        # document id -> the keys of its readings this run asked for
        self.used: dict[str, set[str]] = {}
        self.hits = 0
        self.misses = 0

    def read(
        self,
        view: DocView,
        main: frozenset[str],
        compute: Callable[[DocView, frozenset[str]], list[SentenceReading]],
    ) -> list[SentenceReading]:
        key = self._key(view, main)
        self.used.setdefault(view.doc.id, set()).add(key)
        found = self._memo.get(key)
        if found is not None:
            return found
        stored = cache_get(self.conn, STAGE, self.version, [key]).get(key)
        if stored is not None:
            found = _decoded(stored[1])
        if found is not None:
            self.hits += 1
        else:
            found = compute(view, main)
            self._new[key] = (view.doc.id, pack(to_plain(found)))
            self.misses += 1
        self._memo[key] = found
        return found

    def view(self, doc: Document, lexicon: Lexicon, mentions: Sequence[Mention]) -> DocView | None:
        return self._views.view(doc, lexicon, mentions)

    def pending(self) -> dict[str, tuple[str, bytes]]:
        return self._new

    def _key(self, view: DocView, main: frozenset[str]) -> str:
        known = self._keys.get(id(view))
        if known is not None and known[0] is view and known[1] == main:
            return known[2]
        key = self._content_key(view, main)
        self._keys[id(view)] = (view, main, key)
        return key

    def _content_key(self, view: DocView, main: frozenset[str]) -> str:
        text = hashlib.sha256(view.text.encode("utf-8")).hexdigest()
        what = repr(
            (
                view.doc.id,
                text,
                self.parse_key(view.parse),
                view.lexicon.language.code,
                view.dates,
                view.mentions,
                sorted(main),
            )
        )
        return hashlib.sha256(what.encode("utf-8")).hexdigest()[:32]

    def parse_key(self, parse: Parse) -> str:
        """A hash of the parse's columns (once a run for each parse object)."""
        known = self._parses.get(id(parse))
        if known is not None and known[0] is parse:
            return known[1]
        digest = hashlib.sha256(repr(parse).encode("utf-8")).hexdigest()
        self._parses[id(parse)] = (parse, digest)
        return digest


def _decoded(blob: bytes) -> list[SentenceReading] | None:
    """A stored reading, or None when it no longer fits the model (written by code whose
    frames had other fields: read the document again)."""
    try:
        return list(cast(_READINGS, from_plain(_READINGS, unpack(blob))))
    except (ValueError, TypeError, KeyError):
        return None
