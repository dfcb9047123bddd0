"""Reading model records back from the store's tables."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from typing import Any

from dossier.model import (
    AttributeClaim,
    Citation,
    Claim,
    Conflict,
    ConflictSide,
    Corroboration,
    DateValue,
    Document,
    Entity,
    Event,
    Flag,
    Mention,
    Modality,
    PublishedDate,
    Removal,
    RoleClaim,
    Sentence,
    Story,
    TimeExpression,
)
from dossier.report.codec import field_types, from_plain
from dossier.store.history import read_changes

log = logging.getLogger(__name__)


def extra_fields(cls: type, text: str) -> dict[str, object]:
    """Decode an ``extra`` JSON column into keyword arguments for ``cls``.

    A stored field the model no longer has, or whose shape no longer fits, is
    left out with a warning rather than making the whole record unreadable.
    """
    hints = field_types(cls)
    out: dict[str, object] = {}
    for key, value in json.loads(text or "{}").items():
        if key not in hints:
            log.warning(
                "stored %s field %r is not in the model any more: ignored", cls.__name__, key
            )
            continue
        try:
            out[key] = from_plain(hints[key], value)
        except (ValueError, TypeError) as exc:
            log.warning(
                "stored %s field %r does not fit the model: ignored (%s)", cls.__name__, key, exc
            )
    return out


def _more(cls: type, text: str | None) -> dict[str, Any]:
    """A small record's fields kept in its ``extra`` JSON (most rows have none)."""
    if not text or text == "{}":
        return {}
    return extra_fields(cls, text)


def _citations(conn: sqlite3.Connection, table: str, owner: str, pk: int) -> tuple[Citation, ...]:
    rows = conn.execute(
        f'SELECT doc, start, "end", quote FROM {table} WHERE {owner} = ? ORDER BY position', (pk,)
    )
    return tuple(Citation(r[0], r[1], r[2], r[3]) for r in rows)


def _date(value: str | None, granularity: str | None, approximate: int | None) -> DateValue | None:
    if value is None or granularity is None:
        return None
    return DateValue(value, granularity, bool(approximate))  # type: ignore[arg-type]


def read_documents(
    conn: sqlite3.Connection, ids: Sequence[str] | None = None
) -> tuple[Document, ...]:
    """Documents in stored order (all of them, or those with the given ids)."""
    query = "SELECT * FROM documents"
    params: tuple[str, ...] = ()
    if ids is not None:
        if not ids:
            return ()
        query += f" WHERE id IN ({','.join('?' * len(ids))})"
        params = tuple(ids)
    rows = conn.execute(query + " ORDER BY position, id", params).fetchall()
    return tuple(_document(conn, row) for row in rows)


def _document(conn: sqlite3.Connection, row: sqlite3.Row) -> Document:
    doc_id = row["id"]

    def rows(table: str, columns: str) -> list[sqlite3.Row]:
        return conn.execute(
            f"SELECT {columns} FROM {table} WHERE doc_id = ? ORDER BY position", (doc_id,)
        ).fetchall()

    removals = tuple(
        Removal(r[0], r[1], r[2], r[3], **_more(Removal, r[4]))
        for r in rows("removals", 'start, "end", reason, text, extra')
    )
    flags = tuple(
        Flag(r[0], r[1], **_more(Flag, r[2])) for r in rows("flags", "kind, message, extra")
    )
    shared = tuple((r[0], r[1], r[2]) for r in rows("shared_spans", 'start, "end", other_doc'))
    mentions = tuple(
        Mention(doc_id, r[0], r[1], r[2], r[3], **_more(Mention, r[4]))
        for r in rows("doc_mentions", 'start, "end", text, label, extra')
    )
    times = tuple(
        TimeExpression(
            doc_id, r[0], r[1], r[2], _date(r[3], r[4], r[5]), r[6], **_more(TimeExpression, r[7])
        )
        for r in rows(
            "time_expressions", 'start, "end", text, value, granularity, approximate, kind, extra'
        )
    )
    sources = tuple(r[0] for r in rows("document_sources", "source"))
    published = PublishedDate(
        _date(row["published_date"], row["published_granularity"], row["published_approximate"]),
        row["published_basis"],
        row["page_date"],
    )
    return Document(
        id=doc_id,
        source=row["source"],
        status=row["status"],
        reason=row["reason"],
        duplicate_of=row["duplicate_of"],
        media_type=row["media_type"],
        raw_text=row["raw_text"],
        clean_text=row["clean_text"],
        title=row["title"],
        outlet=row["outlet"],
        author=row["author"],
        dateline_place=row["dateline_place"],
        page_date_text=row["page_date_text"],
        metadata_date=row["metadata_date"],
        folder_date=row["folder_date"],
        published=published,
        flags=flags,
        removals=removals,
        shared_spans=shared,
        mentions=mentions,
        time_expressions=times,
        encoding=row["encoding"],
        content_id=row["content_id"] or "",
        sources=sources,
        **extra_fields(Document, row["extra"]),  # type: ignore[arg-type]
    )


def read_story(conn: sqlite3.Connection, row: sqlite3.Row) -> Story:
    story_id = row["id"]
    doc_ids = tuple(
        r[0]
        for r in conn.execute(
            "SELECT doc_id FROM story_documents WHERE story_id = ? ORDER BY position", (story_id,)
        )
    )
    headline = None
    summary = []
    for s in conn.execute(
        "SELECT pk, kind, text, extra FROM sentences WHERE story_id = ? ORDER BY kind, position",
        (story_id,),
    ).fetchall():
        sentence = Sentence(
            s["text"],
            _citations(conn, "sentence_citations", "sentence_pk", s["pk"]),
            **_more(Sentence, s["extra"]),
        )
        if s["kind"] == "headline":
            headline = sentence
        else:
            summary.append(sentence)
    return Story(
        id=story_id,
        title=row["title"],
        document_ids=doc_ids,
        entities=_entities(conn, story_id),
        events=_events(conn, story_id),
        claims=_claims(conn, story_id),
        conflicts=_conflicts(conn, story_id),
        corroborations=_corroborations(conn, story_id),
        headline=headline,
        summary=tuple(summary),
        changes=read_changes(conn, story_id),
        **extra_fields(Story, row["extra"]),  # type: ignore[arg-type]
    )


def _story_rows(conn: sqlite3.Connection, table: str, story_id: str) -> list[sqlite3.Row]:
    return conn.execute(
        f"SELECT * FROM {table} WHERE story_id = ? ORDER BY position", (story_id,)
    ).fetchall()


def _entities(conn: sqlite3.Connection, story_id: str) -> tuple[Entity, ...]:
    out = []
    for row in _story_rows(conn, "entities", story_id):
        pk = row["pk"]
        aliases = tuple(
            r[0]
            for r in conn.execute(
                "SELECT alias FROM aliases WHERE entity_pk = ? ORDER BY position", (pk,)
            )
        )
        roles = tuple(
            RoleClaim(
                r[0],
                Citation(r[1], r[2], r[3], r[4]),
                side=r[5],
                disputed=bool(r[6]),
                **_more(RoleClaim, r[7]),
            )
            for r in conn.execute(
                'SELECT role, doc, start, "end", quote, side, disputed, extra FROM roles'
                " WHERE entity_pk = ? ORDER BY position",
                (pk,),
            )
        )
        attributes = tuple(
            AttributeClaim(
                r[0],
                json.loads(r[1]),
                Citation(r[2], r[3], r[4], r[5]),
                **_more(AttributeClaim, r[6]),
            )
            for r in conn.execute(
                'SELECT name, value, doc, start, "end", quote, extra FROM attributes'
                " WHERE entity_pk = ? ORDER BY position",
                (pk,),
            )
        )
        out.append(
            Entity(
                id=row["id"],
                type=row["type"],
                name=row["name"],
                aliases=aliases,
                mentions=_citations(conn, "mentions", "entity_pk", pk),
                roles=roles,
                attributes=attributes,
                **extra_fields(Entity, row["extra"]),  # type: ignore[arg-type]
            )
        )
    return tuple(out)


def _events(conn: sqlite3.Connection, story_id: str) -> tuple[Event, ...]:
    return tuple(
        Event(
            id=row["id"],
            date=DateValue(row["date"], row["granularity"], bool(row["approximate"])),
            text=row["text"],
            citations=_citations(conn, "event_citations", "event_pk", row["pk"]),
            entity_ids=tuple(json.loads(row["entity_ids"])),
            **extra_fields(Event, row["extra"]),
        )
        for row in _story_rows(conn, "events", story_id)
    )


def _conflicts(conn: sqlite3.Connection, story_id: str) -> tuple[Conflict, ...]:
    out = []
    for row in _story_rows(conn, "conflicts", story_id):
        sides = tuple(
            ConflictSide(
                s["text"],
                _citations(conn, "conflict_side_citations", "side_pk", s["pk"]),
                **_more(ConflictSide, s["extra"]),
            )
            for s in conn.execute(
                "SELECT pk, text, extra FROM conflict_sides WHERE conflict_pk = ?"
                " ORDER BY position",
                (row["pk"],),
            ).fetchall()
        )
        out.append(
            Conflict(
                id=row["id"],
                kind=row["kind"],
                description=row["description"],
                sides=sides,
                **extra_fields(Conflict, row["extra"]),  # type: ignore[arg-type]
            )
        )
    return tuple(out)


def _claims(conn: sqlite3.Connection, story_id: str) -> tuple[Claim, ...]:
    return tuple(
        Claim(
            id=row["id"],
            citation=Citation(row["doc"], row["start"], row["end"], row["quote"]),
            speaker=row["speaker"],
            modality=Modality(row["modality"]),
            shared=bool(row["shared"]),
            **extra_fields(Claim, row["detail"]),  # type: ignore[arg-type]
        )
        for row in _story_rows(conn, "claims", story_id)
    )


def _corroborations(conn: sqlite3.Connection, story_id: str) -> tuple[Corroboration, ...]:
    return tuple(
        Corroboration(
            id=row["id"],
            text=row["text"],
            citations=_citations(conn, "corroboration_citations", "corroboration_pk", row["pk"]),
            outlets=tuple(json.loads(row["outlets"])),
            independent_sources=row["independent_sources"],
            **_more(Corroboration, row["extra"]),
        )
        for row in _story_rows(conn, "corroborations", story_id)
    )
