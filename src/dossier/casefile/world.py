"""What an update sees: the stored documents, the ones it recomputes, and their context.

Documents fall in three sets: *removed* ones, *dirty* ones (new, replaced, or stored ones
whose state an addition changes: they run through the document-level stages again from
what ingest read) and the rest, which stay as stored and are the *context* the dirty ones
are compared with. A stored document's context rows (see :mod:`dossier.store.context`)
count only while it is neither removed nor dirty.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dossier.casefile.docstages import StageCache, restore_unstored
from dossier.casefile.identity import Stored
from dossier.model import Document
from dossier.stages import Stage
from dossier.store.read import read_documents

if TYPE_CHECKING:
    from dossier.resources import Resources
    from dossier.settings import Settings


@dataclass(slots=True)
class World:
    conn: sqlite3.Connection
    settings: Settings
    resources: Resources
    stages: tuple[Stage, ...]
    index: dict[str, Stored]  # every stored document
    cache: StageCache
    removed: set[str] = field(default_factory=set)
    dirty: set[str] = field(default_factory=set)
    # Context rows computed in this update, per document (see store.context.DocumentContext).
    contexts: dict[str, dict[str, Any]] = field(default_factory=dict)
    _loaded: dict[str, Document] = field(default_factory=dict)

    @property
    def excluded(self) -> set[str]:
        """Stored documents whose stored rows no longer count (removed or recomputed)."""
        return self.removed | {i for i in self.dirty if i in self.index}

    def is_context(self, doc_id: str) -> bool:
        return doc_id in self.index and doc_id not in self.removed and doc_id not in self.dirty

    def context(self, doc_id: str) -> dict[str, Any]:
        return self.contexts.setdefault(doc_id, {})

    def stored(self, doc_ids: Iterable[str]) -> dict[str, Document]:
        """Stored documents as stored (with what the store does not keep put back)."""
        doc_ids = list(doc_ids)
        wanted = sorted({i for i in doc_ids if i in self.index} - set(self._loaded))
        if wanted:
            docs = read_documents(self.conn, wanted)
            for doc in restore_unstored(docs, self.stages, self.cache):
                self._loaded[doc.id] = doc
        return {i: self._loaded[i] for i in doc_ids if i in self._loaded}

    def stored_list(self, doc_ids: Iterable[str]) -> list[Document]:
        found = self.stored(doc_ids)
        return [found[i] for i in sorted(found)]


def sorted_docs(docs: Sequence[Document]) -> list[Document]:
    return sorted(docs, key=lambda d: d.id)
