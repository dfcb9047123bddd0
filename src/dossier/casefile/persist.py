"""Writing one update into the store, inside one transaction (see :mod:`dossier.casefile`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dossier.casefile.docstages import ingest_state
from dossier.casefile.identity import Stored
from dossier.model import BuildRecord, Change, Corpus, Document, Story
from dossier.store.context import DocumentContext, cache_prune, cache_put, write_context
from dossier.store.history import (
    forget_alias,
    record_alias,
    record_build,
    record_changes,
    record_clean_history,
)
from dossier.store.write import (
    CORPUS_COLUMNS,
    DocumentState,
    extra_json,
    insert_document,
    insert_story,
)


@dataclass(frozen=True, slots=True)
class Update:
    """Everything one update writes."""

    build: BuildRecord
    removed: frozenset[str]
    documents: Mapping[str, Document]  # recomputed or new documents, final state
    raw: Mapping[str, Document]  # ... and as ingest read them
    fingerprints: Mapping[str, str]
    contexts: Mapping[str, DocumentContext]
    marks: Mapping[str, Mapping[str, int]]  # flags before each whole-corpus stage, per doc
    context_version: str
    new_sources: Mapping[str, Sequence[str]]
    stories: Sequence[Story]  # every story, in order
    rewrite: frozenset[str]  # ids of the stories whose rows are (re)written
    drop: frozenset[str]  # ids of stored stories that go
    story_fingerprints: Mapping[str, str]
    aliases: Mapping[str, str]
    changes: Mapping[str, Sequence[Change]]
    caches: Mapping[tuple[str, str], Mapping[str, tuple[str, bytes]]]
    # stage -> document id -> the cached results it used (the rest of its go)
    cache_used: Mapping[str, Mapping[str, set[str]]]
    # stage -> its current version, on a rebuild (results under other versions go)
    cache_versions: Mapping[str, str] | None
    generated_at: str
    stage_log: tuple[str, ...]


def write_update(conn: sqlite3.Connection, update: Update, index: Mapping[str, Stored]) -> None:
    record_build(conn, update.build)
    _remove(conn, sorted(update.removed))
    _documents(conn, update, index)
    for doc_id, sources in update.new_sources.items():
        row = conn.execute(
            "SELECT max(position) FROM document_sources WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        base = 0 if row[0] is None else int(row[0]) + 1
        conn.executemany(
            "INSERT INTO document_sources (doc_id, position, source, added_build) VALUES (?,?,?,?)",
            [(doc_id, base + i, s, update.build.id) for i, s in enumerate(sources)],
        )
    _stories(conn, update)
    for story_id, lines in update.changes.items():
        record_changes(conn, story_id, lines)
    for (stage, version), items in update.caches.items():
        cache_put(conn, stage, version, items)
    cache_prune(conn, update.cache_used, update.cache_versions)
    meta = {"generated_at": update.generated_at, "stage_log": json.dumps(list(update.stage_log))}
    meta["corpus_extra"] = extra_json(
        Corpus(documents=()), CORPUS_COLUMNS | {"generated_at", "stage_log"}
    )
    conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", meta.items())


def _remove(conn: sqlite3.Connection, ids: Sequence[str]) -> None:
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        marks = ",".join("?" * len(part))
        conn.execute(f"DELETE FROM documents WHERE id IN ({marks})", part)
        conn.execute(f"DELETE FROM documents_fts WHERE doc_id IN ({marks})", part)


def _documents(conn: sqlite3.Connection, update: Update, index: Mapping[str, Stored]) -> None:
    row = conn.execute("SELECT max(position) FROM documents").fetchone()
    position = 0 if row[0] is None else int(row[0]) + 1
    order = {doc_id: i for i, doc_id in enumerate(update.raw)}
    for doc_id in sorted(update.documents, key=lambda i: (i not in index, order.get(i, 0))):
        doc = update.documents[doc_id]
        before = index.get(doc_id)
        version = 1
        if before is not None:
            old = conn.execute(
                "SELECT clean_text, clean_version FROM documents WHERE id = ?", (doc_id,)
            ).fetchone()
            version = int(old[1])
            if old[0] != doc.clean_text and old[0]:
                record_clean_history(conn, doc_id, version, old[0], update.build.id)
                version += 1
            conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            conn.execute("DELETE FROM documents_fts WHERE doc_id = ?", (doc_id,))
        state = DocumentState(
            fingerprint=update.fingerprints.get(doc_id),
            clean_version=version,
            added_build=before.added_build if before is not None else update.build.id,
            context=update.context_version,
            ingested=ingest_state(update.raw[doc_id]),
            marks=json.dumps(update.marks.get(doc_id, {}), sort_keys=True),
        )
        insert_document(conn, doc, before.position if before is not None else position, state)
        if before is None:
            position += 1
        write_context(conn, doc_id, update.contexts.get(doc_id, DocumentContext()))


def _stories(conn: sqlite3.Connection, update: Update) -> None:
    gone = sorted(update.drop | update.rewrite)
    created = {
        r[0]: r[1]
        for r in conn.execute("SELECT id, created_build FROM stories WHERE created_build NOT NULL")
    }
    for i in range(0, len(gone), 500):
        part = gone[i : i + 500]
        conn.execute(f"DELETE FROM stories WHERE id IN ({','.join('?' * len(part))})", part)
    for position, story in enumerate(update.stories):
        if story.id in update.rewrite:
            insert_story(conn, story, position)
            conn.execute(
                "UPDATE stories SET fingerprint = ?, created_build = ?, updated_build = ?"
                " WHERE id = ?",
                (
                    update.story_fingerprints.get(story.id),
                    created.get(story.id, update.build.id),
                    update.build.id,
                    story.id,
                ),
            )
            forget_alias(conn, story.id)
        else:
            conn.execute("UPDATE stories SET position = ? WHERE id = ?", (position, story.id))
    for old_id, new_id in update.aliases.items():
        record_alias(conn, old_id, new_id, update.build.id)
