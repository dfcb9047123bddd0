"""Which input is which stored document: identity by content, ids unique in the store.

An input whose content (``content_id``) is already stored *is* that document: its path is
added to the document's ``sources`` and nothing else changes. Any other input is a new
document with an id unique in the store (a second ``index.html`` from another folder gets
its folder's name added, then a number). A new version of a stored file (same path, other
content) is a new document too, unless the caller asked to replace (``replace=True``): then
it takes the stored document's place and id. Nothing stored is ever replaced otherwise.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from dossier.model import Document


@dataclass(frozen=True, slots=True)
class Stored:
    """What the engine knows about a stored document without reading it all."""

    id: str
    content_id: str
    source: str
    sources: tuple[str, ...]
    status: str
    duplicate_of: str | None
    position: int
    added_build: int | None
    clean_version: int
    fingerprint: str | None
    context: str | None
    ingested: str | None
    marks: str = "{}"


def load_index(conn: sqlite3.Connection) -> dict[str, Stored]:
    sources: dict[str, list[str]] = {}
    for doc_id, source in conn.execute(
        "SELECT doc_id, source FROM document_sources ORDER BY doc_id, position"
    ):
        sources.setdefault(doc_id, []).append(source)
    rows = conn.execute(
        "SELECT id, content_id, source, status, duplicate_of, position, added_build,"
        " clean_version, fingerprint, context, ingested, stage_marks FROM documents"
        " ORDER BY position"
    ).fetchall()
    return {
        r[0]: Stored(
            id=r[0],
            content_id=r[1] or "",
            source=r[2],
            sources=tuple(sources.get(r[0], [r[2]])),
            status=r[3],
            duplicate_of=r[4],
            position=r[5],
            added_build=r[6],
            clean_version=r[7],
            fingerprint=r[8],
            context=r[9],
            ingested=r[10],
            marks=r[11] or "{}",
        )
        for r in rows
    }


@dataclass(slots=True)
class Plan:
    """What an update does to the documents."""

    new: list[Document] = field(default_factory=list)  # ingested, with their final ids
    replaced: dict[str, Document] = field(default_factory=dict)  # stored id -> new content
    new_sources: dict[str, list[str]] = field(default_factory=dict)  # stored id -> more paths
    removed: set[str] = field(default_factory=set)
    # (input source, id of the document it is or became, what happened) for the caller.
    outcomes: list[tuple[str, str | None, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changes_documents(self) -> bool:
        return bool(self.new or self.replaced or self.removed)

    @property
    def changes_anything(self) -> bool:
        return self.changes_documents or bool(self.new_sources)


def plan_update(
    stored: dict[str, Stored],
    inputs: Sequence[Document],
    *,
    remove: Sequence[str] = (),
    replace: bool = False,
) -> Plan:
    """Decide, for each ingested input, whether it is a stored document, replaces one or is
    new (see the module docstring); ``remove`` are ids to take out (they must exist)."""
    plan = Plan(removed=set(remove))
    live = {i: s for i, s in stored.items() if i not in plan.removed}
    by_content = {s.content_id: s for s in live.values() if s.content_id}
    by_source: dict[str, Stored] = {}  # the latest document read from each path
    for s in sorted(live.values(), key=lambda s: s.position):
        for source in s.sources:
            by_source[source] = s
    taken = set(stored)  # ids stay unique even against documents being removed now
    planned: dict[str, Document] = {}  # content id -> new document of this update
    for doc in inputs:
        _plan_one(plan, doc, replace, by_content, by_source, planned, taken)
    return plan


def _plan_one(
    plan: Plan,
    doc: Document,
    replace: bool,
    by_content: dict[str, Stored],
    by_source: dict[str, Stored],
    planned: dict[str, Document],
    taken: set[str],
) -> None:
    known = by_content.get(doc.content_id)
    if known is not None:
        if doc.source not in known.sources and doc.source not in plan.new_sources.get(known.id, []):
            plan.new_sources.setdefault(known.id, []).append(doc.source)
        plan.outcomes.append((doc.source, known.id, "already stored"))
        return
    twin = planned.get(doc.content_id)
    if twin is not None:  # the same article twice in this update: one document
        index = plan.new.index(twin)
        plan.new[index] = planned[doc.content_id] = dataclasses.replace(
            twin, sources=(*twin.sources, doc.source)
        )
        plan.outcomes.append((doc.source, twin.id, "the same text as another input"))
        return
    earlier = by_source.get(doc.source)
    if doc.status == "rejected" and earlier is not None:
        plan.outcomes.append((doc.source, earlier.id, f"rejected ({doc.reason}); kept as stored"))
        return
    if replace and earlier is not None and earlier.id not in plan.replaced:
        plan.replaced[earlier.id] = dataclasses.replace(
            doc, id=earlier.id, sources=_merged(earlier.sources, doc.source)
        )
        plan.outcomes.append((doc.source, earlier.id, "replaced the stored version"))
        return
    new_id = unique_id(doc, taken)
    taken.add(new_id)
    added = dataclasses.replace(doc, id=new_id)
    plan.new.append(added)
    planned[doc.content_id] = added
    plan.outcomes.append((doc.source, new_id, "rejected" if doc.status == "rejected" else "new"))
    if earlier is not None and doc.status != "rejected":
        plan.notes.append(
            f"{doc.source} has changed since it was stored as {earlier.id!r}: the new text "
            f"is a new document {new_id!r} and the old one is kept (replace it with --replace)"
        )


def _merged(sources: Sequence[str], source: str) -> tuple[str, ...]:
    return tuple(sources) if source in sources else (*sources, source)


def unique_id(doc: Document, taken: set[str]) -> str:
    """``doc.id`` if free; else with its folder's name (``2020-01-21_index``), then ``-2``..."""
    if doc.id not in taken:
        return doc.id
    parent = PurePath(doc.source).parent.name
    candidate = doc.id
    if parent and not doc.id.startswith(parent + "_"):
        candidate = f"{parent}_{doc.id}"
        if candidate not in taken:
            return candidate
    n = 2
    while f"{candidate}-{n}" in taken:
        n += 1
    return f"{candidate}-{n}"


def raw_document(stored: Stored, raw_text: str) -> Document | None:
    """A stored document as ingest read it (None when the store predates ingest states)."""
    if stored.ingested is None:
        return None
    from dossier.store.read import extra_fields

    fields = extra_fields(Document, stored.ingested)
    fields.update(id=stored.id, raw_text=raw_text, sources=stored.sources)
    fields.setdefault("source", stored.source)
    fields.setdefault("content_id", stored.content_id)
    return Document(**fields)  # type: ignore[arg-type]
