"""Writing a :class:`Corpus` into the store's tables (inside the caller's transaction)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dossier.model import (
    Citation,
    Conflict,
    Corpus,
    Document,
    Entity,
    Event,
    Sentence,
    Story,
)
from dossier.report.codec import to_plain

log = logging.getLogger(__name__)

# Model fields that have their own columns or tables; any other field is kept as JSON in `extra`.
# not language: column names
DOCUMENT_COLUMNS = frozenset(
    {
        "id",
        "source",
        "status",
        "reason",
        "duplicate_of",
        "media_type",
        "raw_text",
        "clean_text",
        "title",
        "outlet",
        "author",
        "dateline_place",
        "page_date_text",
        "metadata_date",
        "folder_date",
        "published",
        "encoding",
        "removals",
        "flags",
        "shared_spans",
        "mentions",
        "time_expressions",
        # Not stored: the parse is a token table as large as the text many times over, and is
        # recomputed from the clean text (see docs/architecture.md, "Text and offsets").
        "parse",
        "content_id",
        "sources",
    }
)
# not language: column names
STORY_COLUMNS = frozenset(
    {
        "id",
        "title",
        "document_ids",
        "entities",
        "events",
        "claims",
        "conflicts",
        "corroborations",
        "headline",
        "summary",
        "changes",  # the change log has its own table (see dossier.store.history)
    }
)
# not language: column names
ENTITY_COLUMNS = frozenset({"id", "type", "name", "aliases", "mentions", "roles", "attributes"})
EVENT_COLUMNS = frozenset({"id", "date", "text", "citations", "entity_ids"})
CONFLICT_COLUMNS = frozenset({"id", "kind", "description", "sides"})
CORPUS_COLUMNS = frozenset({"documents", "stories", "builds"})


@dataclass(frozen=True, slots=True)
class DocumentState:
    """What the store keeps about a document beside the model: the fingerprint of what
    the story stages read, its clean-text version, the build that added it and the
    version of the incremental context computed for it (see ``dossier.casefile``)."""

    fingerprint: str | None = None
    clean_version: int = 1
    added_build: int | None = None
    context: str | None = None
    ingested: str | None = None  # JSON: the document as ingest read it (but its raw text)
    marks: str = "{}"  # JSON: flags it had before each corpus stage run over every document


def content_hash(doc: Document) -> str:
    """What identifies a document's content: its raw text (or clean text when no raw text)."""
    return hashlib.sha256((doc.raw_text or doc.clean_text).encode("utf-8")).hexdigest()


def extra_json(record: object, columns: frozenset[str]) -> str:
    """The record's fields that have no column of their own, as a JSON object."""
    extra = {
        f.name: to_plain(getattr(record, f.name))
        for f in dataclasses.fields(record)  # type: ignore[arg-type]
        if f.name not in columns
    }
    return json.dumps(extra, ensure_ascii=False, sort_keys=True)


def replace_corpus(conn: sqlite3.Connection, corpus: Corpus) -> None:
    """Replace the rows of ``corpus``'s documents and stories with its current state.

    Documents are keyed by id (and carry their content hash); every story that
    contains one of them, or has the id of one of the new stories, is removed
    first, so saving the same corpus twice leaves the same rows.
    """
    doc_ids = [d.id for d in corpus.documents]
    story_ids = [s.id for s in corpus.stories]
    stale = _stale_stories(conn, doc_ids, story_ids)
    _delete(conn, "stories", "id", stale)
    changed = _changed_documents(conn, corpus.documents)
    if changed:
        log.info("replacing %d stored document(s) whose content changed", len(changed))
    _delete(conn, "documents", "id", doc_ids)
    _delete(conn, "documents_fts", "doc_id", doc_ids)
    base = _next_position(conn, "documents")
    for i, doc in enumerate(corpus.documents):
        insert_document(conn, doc, base + i)
    base = _next_position(conn, "stories")
    for i, story in enumerate(corpus.stories):
        _insert_story(conn, story, base + i)
    meta = {"generated_at": corpus.generated_at, "stage_log": json.dumps(list(corpus.stage_log))}
    meta["corpus_extra"] = extra_json(corpus, CORPUS_COLUMNS | {"generated_at", "stage_log"})
    conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", meta.items())


def _stale_stories(
    conn: sqlite3.Connection, doc_ids: Sequence[str], story_ids: Sequence[str]
) -> list[str]:
    stale: set[str] = set(story_ids)
    for chunk in _chunks(doc_ids):
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT DISTINCT story_id FROM story_documents WHERE doc_id IN ({marks})", chunk
        )
        stale.update(r[0] for r in rows)
    return sorted(stale)


def _changed_documents(conn: sqlite3.Connection, docs: Sequence[Document]) -> list[str]:
    changed = []
    for doc in docs:
        row = conn.execute("SELECT content_hash FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if row is not None and row[0] != content_hash(doc):
            changed.append(doc.id)
    return changed


def _delete(conn: sqlite3.Connection, table: str, column: str, values: Sequence[str]) -> None:
    for chunk in _chunks(values):
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", chunk)


def _chunks(values: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _next_position(conn: sqlite3.Connection, table: str) -> int:
    row = conn.execute(f"SELECT max(position) FROM {table}").fetchone()
    return 0 if row[0] is None else int(row[0]) + 1


def insert_document(
    conn: sqlite3.Connection, doc: Document, position: int, state: DocumentState | None = None
) -> None:
    """Insert one document with every row that belongs to it (the caller deleted any
    earlier version)."""
    state = state or DocumentState()
    date = doc.published.date
    conn.execute(
        "INSERT INTO documents (id, position, content_hash, content_id, fingerprint,"
        " clean_version, added_build, context, ingested, stage_marks, source, status, reason,"
        " duplicate_of,"
        " media_type, raw_text, clean_text, title, outlet, author, dateline_place, page_date_text,"
        " metadata_date, folder_date, published_date, published_granularity,"
        " published_approximate, published_basis, page_date, encoding, extra)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            doc.id,
            position,
            content_hash(doc),
            doc.content_id or None,
            state.fingerprint,
            state.clean_version,
            state.added_build,
            state.context,
            state.ingested,
            state.marks,
            doc.source,
            doc.status,
            doc.reason,
            doc.duplicate_of,
            doc.media_type,
            doc.raw_text,
            doc.clean_text,
            doc.title,
            doc.outlet,
            doc.author,
            doc.dateline_place,
            doc.page_date_text,
            doc.metadata_date,
            doc.folder_date,
            date.value if date else None,
            date.granularity if date else None,
            int(date.approximate) if date else None,
            doc.published.basis,
            doc.published.page_date,
            doc.encoding,
            extra_json(doc, DOCUMENT_COLUMNS),
        ),
    )
    conn.executemany(
        "INSERT INTO document_sources (doc_id, position, source, added_build) VALUES (?,?,?,?)",
        [(doc.id, i, source, state.added_build) for i, source in enumerate(doc.sources)],
    )
    conn.executemany(
        'INSERT INTO removals (doc_id, position, start, "end", reason, text, extra)'
        " VALUES (?,?,?,?,?,?,?)",
        [
            (doc.id, i, r.start, r.end, r.reason, r.text, extra_json(r, _REMOVAL))
            for i, r in enumerate(doc.removals)
        ],
    )
    conn.executemany(
        "INSERT INTO flags (doc_id, position, kind, message, extra) VALUES (?,?,?,?,?)",
        [(doc.id, i, f.kind, f.message, extra_json(f, _FLAG)) for i, f in enumerate(doc.flags)],
    )
    conn.executemany(
        'INSERT INTO shared_spans (doc_id, position, start, "end", other_doc) VALUES (?,?,?,?,?)',
        [(doc.id, i, s, e, other) for i, (s, e, other) in enumerate(doc.shared_spans)],
    )
    conn.executemany(
        'INSERT INTO doc_mentions (doc_id, position, start, "end", text, label, extra)'
        " VALUES (?,?,?,?,?,?,?)",
        [
            (doc.id, i, m.start, m.end, m.text, m.label, extra_json(m, _MENTION))
            for i, m in enumerate(doc.mentions)
        ],
    )
    conn.executemany(
        'INSERT INTO time_expressions (doc_id, position, start, "end", text, value, granularity,'
        " approximate, kind, extra) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [
            (
                doc.id,
                i,
                t.start,
                t.end,
                t.text,
                t.value.value if t.value else None,
                t.value.granularity if t.value else None,
                int(t.value.approximate) if t.value else None,
                t.kind,
                extra_json(t, _TIMEX),
            )
            for i, t in enumerate(doc.time_expressions)
        ],
    )
    conn.execute(
        "INSERT INTO documents_fts (doc_id, title, clean_text) VALUES (?,?,?)",
        (doc.id, doc.title or "", doc.clean_text),
    )


def _insert_citations(
    conn: sqlite3.Connection, table: str, owner: str, owner_pk: int, cites: Sequence[Citation]
) -> None:
    conn.executemany(
        f'INSERT INTO {table} ({owner}, position, doc, start, "end", quote) VALUES (?,?,?,?,?,?)',
        [(owner_pk, i, c.doc, c.start, c.end, c.quote) for i, c in enumerate(cites)],
    )


def insert_story(conn: sqlite3.Connection, story: Story, position: int) -> None:
    """Insert one story with every row that belongs to it (the caller deleted any earlier
    version)."""
    _insert_story(conn, story, position)


def _insert_story(conn: sqlite3.Connection, story: Story, position: int) -> None:
    conn.execute(
        "INSERT INTO stories (id, position, title, extra) VALUES (?,?,?,?)",
        (story.id, position, story.title, extra_json(story, STORY_COLUMNS)),
    )
    conn.executemany(
        "INSERT INTO story_documents (story_id, position, doc_id) VALUES (?,?,?)",
        [(story.id, i, d) for i, d in enumerate(story.document_ids)],
    )
    for i, entity in enumerate(story.entities):
        _insert_entity(conn, story.id, i, entity)
    for i, event in enumerate(story.events):
        _insert_event(conn, story.id, i, event)
    for i, conflict in enumerate(story.conflicts):
        _insert_conflict(conn, story.id, i, conflict)
    sentences = [("headline", 0, story.headline)] if story.headline else []
    sentences += [("summary", i, s) for i, s in enumerate(story.summary)]
    for kind, i, sentence in sentences:
        _insert_sentence(conn, story.id, kind, i, sentence)
    for i, claim in enumerate(story.claims):
        c = claim.citation
        conn.execute(
            'INSERT INTO claims (story_id, position, id, doc, start, "end", quote, speaker,'
            " modality, shared, detail) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                story.id,
                i,
                claim.id,
                c.doc,
                c.start,
                c.end,
                c.quote,
                claim.speaker,
                claim.modality.value,
                int(claim.shared),
                extra_json(claim, _CLAIM_COLUMNS),  # entity_ids, dates, numbers, ...
            ),
        )
    for i, corr in enumerate(story.corroborations):
        cursor = conn.execute(
            "INSERT INTO corroborations (story_id, position, id, text, outlets,"
            " independent_sources, extra) VALUES (?,?,?,?,?,?,?)",
            (
                story.id,
                i,
                corr.id,
                corr.text,
                json.dumps(list(corr.outlets), ensure_ascii=False),
                corr.independent_sources,
                extra_json(corr, _CORROBORATION),
            ),
        )
        _insert_citations(
            conn, "corroboration_citations", "corroboration_pk", _pk(cursor), corr.citations
        )


# not language: column names
_CLAIM_COLUMNS = frozenset({"id", "citation", "speaker", "modality", "shared"})
# Fields of the smaller records that have columns (the rest go to their ``extra`` JSON).
# not language: column names
_REMOVAL = frozenset({"start", "end", "reason", "text"})
# not language: column names
_FLAG = frozenset({"kind", "message"})
# not language: column names
_MENTION = frozenset({"doc", "start", "end", "text", "label"})
# not language: column names
_TIMEX = frozenset({"doc", "start", "end", "text", "value", "kind"})
# not language: column names
_CORROBORATION = frozenset({"id", "text", "citations", "outlets", "independent_sources"})
# not language: column names
_ROLE = frozenset({"role", "citation", "side", "disputed"})
# not language: column names
_ATTRIBUTE = frozenset({"name", "value", "citation"})
# not language: column names
_SIDE = frozenset({"text", "citations"})
# not language: column names
_SENTENCE = frozenset({"text", "citations"})


def _pk(cursor: sqlite3.Cursor) -> int:
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _insert_entity(conn: sqlite3.Connection, story_id: str, position: int, entity: Entity) -> None:
    cursor = conn.execute(
        "INSERT INTO entities (story_id, position, id, type, name, extra) VALUES (?,?,?,?,?,?)",
        (
            story_id,
            position,
            entity.id,
            entity.type,
            entity.name,
            extra_json(entity, ENTITY_COLUMNS),
        ),
    )
    pk = _pk(cursor)
    conn.executemany(
        "INSERT INTO aliases (entity_pk, position, alias) VALUES (?,?,?)",
        [(pk, i, a) for i, a in enumerate(entity.aliases)],
    )
    _insert_citations(conn, "mentions", "entity_pk", pk, entity.mentions)
    conn.executemany(
        'INSERT INTO roles (entity_pk, position, role, doc, start, "end", quote, side,'
        " disputed, extra) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [
            (
                pk,
                i,
                r.role,
                r.citation.doc,
                r.citation.start,
                r.citation.end,
                r.citation.quote,
                r.side,
                int(r.disputed),
                extra_json(r, _ROLE),
            )
            for i, r in enumerate(entity.roles)
        ],
    )
    conn.executemany(
        'INSERT INTO attributes (entity_pk, position, name, value, doc, start, "end", quote,'
        " extra) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (
                pk,
                i,
                a.name,
                json.dumps(a.value, ensure_ascii=False),
                a.citation.doc,
                a.citation.start,
                a.citation.end,
                a.citation.quote,
                extra_json(a, _ATTRIBUTE),
            )
            for i, a in enumerate(entity.attributes)
        ],
    )


def _insert_event(conn: sqlite3.Connection, story_id: str, position: int, event: Event) -> None:
    cursor = conn.execute(
        "INSERT INTO events (story_id, position, id, date, granularity, approximate, text,"
        " entity_ids, extra) VALUES (?,?,?,?,?,?,?,?,?)",
        (
            story_id,
            position,
            event.id,
            event.date.value,
            event.date.granularity,
            int(event.date.approximate),
            event.text,
            json.dumps(list(event.entity_ids), ensure_ascii=False),
            extra_json(event, EVENT_COLUMNS),
        ),
    )
    _insert_citations(conn, "event_citations", "event_pk", _pk(cursor), event.citations)


def _insert_conflict(
    conn: sqlite3.Connection, story_id: str, position: int, conflict: Conflict
) -> None:
    cursor = conn.execute(
        "INSERT INTO conflicts (story_id, position, id, kind, description, extra)"
        " VALUES (?,?,?,?,?,?)",
        (
            story_id,
            position,
            conflict.id,
            conflict.kind,
            conflict.description,
            extra_json(conflict, CONFLICT_COLUMNS),
        ),
    )
    conflict_pk = _pk(cursor)
    for i, side in enumerate(conflict.sides):
        cursor = conn.execute(
            "INSERT INTO conflict_sides (conflict_pk, position, text, extra) VALUES (?,?,?,?)",
            (conflict_pk, i, side.text, extra_json(side, _SIDE)),
        )
        _insert_citations(conn, "conflict_side_citations", "side_pk", _pk(cursor), side.citations)


def _insert_sentence(
    conn: sqlite3.Connection, story_id: str, kind: str, position: int, sentence: Sentence
) -> None:
    cursor = conn.execute(
        "INSERT INTO sentences (story_id, kind, position, text, extra) VALUES (?,?,?,?,?)",
        (story_id, kind, position, sentence.text, extra_json(sentence, _SENTENCE)),
    )
    _insert_citations(conn, "sentence_citations", "sentence_pk", _pk(cursor), sentence.citations)
