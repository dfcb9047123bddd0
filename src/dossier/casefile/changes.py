"""What an update changed in each story, in words: the change log.

An old story and a new one are the same story when they share documents. Within a story,
events, conflicts and entities are matched by id first, then by what they cite (an event
that gained a source may get another id when the new source is listed first; it is still
the same event, updated).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from dossier.model import Change, ChangeKind, Citation, Conflict, Document, Entity, Event, Story

Spans = frozenset[tuple[str, int, int]]


@dataclass(slots=True)
class Log:
    build: int
    at: str
    lines: dict[str, list[Change]] = field(default_factory=dict)  # story id -> its lines

    def add(self, story: str, kind: ChangeKind, subject: str, text: str) -> None:
        self.lines.setdefault(story, []).append(Change(self.build, self.at, kind, subject, text))


@dataclass(frozen=True, slots=True)
class DocumentNews:
    added: frozenset[str]
    removed: Mapping[str, Document]  # the removed documents as they were
    updated: Mapping[str, str]  # id -> what changed about it ("its clean text", ...)
    docs: Mapping[str, Document]  # every document a line may name (new state)


def _spans(citations: Iterable[Citation]) -> Spans:
    return frozenset((c.doc, c.start, c.end) for c in citations)


def _name(doc: Document | None, doc_id: str) -> str:
    if doc is None:
        return doc_id
    outlet = f"{doc.outlet}: " if doc.outlet else ""
    title = f" “{doc.title}”" if doc.title else ""
    return f"{doc_id} ({outlet}{title.strip()})" if (outlet or title) else doc_id


def story_changes(
    log: Log, old: Sequence[Story], new: Sequence[Story], news: DocumentNews
) -> dict[str, str]:
    """Record the changes from the ``old`` stories (those the update touched) to the
    ``new`` ones (those it created or changed); returns aliases (gone id -> new id)."""
    aliases: dict[str, str] = {}
    new_ids = {s.id for s in new}
    taken: set[str] = set()
    for story in new:
        before = [o for o in old if set(o.document_ids) & set(story.document_ids)]
        _story_lines(log, story, before, news, new_ids)
        for o in before:
            gone = o.id != story.id and o.id not in new_ids and o.id not in taken
            # The largest share of the old story's documents went here: it lives on here.
            if gone and _heir(o, new) is story:
                aliases[o.id] = story.id
                taken.add(o.id)
    for o in old:
        if not any(set(o.document_ids) & set(s.document_ids) for s in new) and o.id not in new_ids:
            listed = ", ".join(o.document_ids)
            log.add(
                o.id,
                "story-removed",
                o.id,
                f"Story removed: its documents ({listed}) were removed.",
            )
    return aliases


def _heir(old: Story, new: Sequence[Story]) -> Story | None:
    shares = [(len(set(old.document_ids) & set(s.document_ids)), s.id, s) for s in new]
    shares = [x for x in shares if x[0]]
    return max(shares, key=lambda x: (x[0], x[1]))[2] if shares else None


def _story_lines(
    log: Log, story: Story, before: Sequence[Story], news: DocumentNews, new_ids: set[str]
) -> None:
    sid = story.id
    if not before:
        log.add(
            sid,
            "story-new",
            sid,
            f"New story “{story.title}”: {len(story.document_ids)} document(s), "
            f"{len(story.events)} event(s), {len(story.conflicts)} conflict(s).",
        )
        return
    for o in before:
        moved = sorted(set(o.document_ids) & set(story.document_ids))
        if o.id == sid:
            continue
        if o.id in new_ids:  # the old story is still there: part of it moved here
            log.add(sid, "story-split", o.id, f"{', '.join(moved)} came from story {o.id}.")
        elif len(before) > 1:
            link = sorted(set(story.document_ids) - {i for b in before for i in b.document_ids})
            why = f": {', '.join(link)} links them" if link else ""
            log.add(sid, "story-merged", o.id, f"Story “{o.title}” ({o.id}) joined this one{why}.")
        else:
            log.add(
                sid,
                "story-renamed",
                o.id,
                f"This story was {o.id}: an earlier report now opens it.",
            )
    _document_lines(log, story, before, news)
    _item_lines(log, sid, [e for b in before for e in b.events], story.events, _event_lines)
    _item_lines(
        log, sid, [c for b in before for c in b.conflicts], story.conflicts, _conflict_lines
    )
    _item_lines(log, sid, [e for b in before for e in b.entities], story.entities, _entity_lines)


def _document_lines(log: Log, story: Story, before: Sequence[Story], news: DocumentNews) -> None:
    had = {i for b in before for i in b.document_ids}
    for doc_id in story.document_ids:
        doc = news.docs.get(doc_id)
        if doc_id in news.added:
            log.add(story.id, "document-new", doc_id, f"New document {_name(doc, doc_id)}.")
        elif doc_id not in had:
            log.add(
                story.id, "document-new", doc_id, f"Document {_name(doc, doc_id)} joined the story."
            )
        elif doc_id in news.updated:
            log.add(
                story.id, "document-updated", doc_id, f"Document {doc_id}: {news.updated[doc_id]}."
            )
    for doc_id in sorted(had - set(story.document_ids)):
        if doc_id in news.removed:
            doc = news.removed[doc_id]
            log.add(
                story.id, "document-removed", doc_id, f"Document {_name(doc, doc_id)} was removed."
            )


Item = Event | Conflict | Entity
Lines = Callable[[Log, str, Item | None, Item | None], None]


def _item_lines(log: Log, sid: str, old: Sequence[Item], new: Sequence[Item], lines: Lines) -> None:
    old_by_id = {o.id: o for o in old}
    matched: set[str] = set()
    for item in new:
        earlier = old_by_id.get(item.id)
        if earlier is None:
            earlier = _by_citations(item, [o for o in old if o.id not in matched])
        if earlier is not None:
            matched.add(earlier.id)
        lines(log, sid, earlier, item)
    for o in old:
        if o.id not in matched:
            lines(log, sid, o, None)


def _cited(item: Item) -> Spans:
    if isinstance(item, Event):
        return _spans(item.citations)
    if isinstance(item, Conflict):
        return _spans(c for side in item.sides for c in side.citations)
    return _spans(item.mentions)


def _by_citations(item: Item, old: Sequence[Item]) -> Item | None:
    mine = _cited(item)
    best = [(len(mine & _cited(o)), o.id, o) for o in old if type(o) is type(item)]
    best = [b for b in best if b[0]]
    return max(best, key=lambda b: (b[0], b[1]))[2] if best else None


def _outlets_of(spans: Spans) -> str:
    return ", ".join(sorted({doc for doc, _, _ in spans}))


def _event_lines(log: Log, sid: str, old: Item | None, new: Item | None) -> None:
    if new is None:
        assert isinstance(old, Event)
        log.add(
            sid, "event-removed", old.id, f"Event no longer reported: {old.date.value} {old.text}"
        )
        return
    assert isinstance(new, Event)
    if old is None:
        log.add(sid, "event-new", new.id, f"New event {new.date.value}: {new.text}")
        return
    assert isinstance(old, Event)
    gained = _spans(new.citations) - _spans(old.citations)
    what = []
    if gained:
        what.append(f"now also reported by {_outlets_of(gained)}")
    if new.date != old.date:
        what.append(f"dated {new.date.value} (was {old.date.value})")
    if new.text != old.text:
        what.append(f"now reads “{new.text}”")
    if what:
        log.add(sid, "event-updated", new.id, f"Event {new.date.value}: {'; '.join(what)}.")


def _conflict_lines(log: Log, sid: str, old: Item | None, new: Item | None) -> None:
    if new is None:
        assert isinstance(old, Conflict)
        log.add(sid, "conflict-settled", old.id, f"No longer in conflict: {old.description}")
        return
    assert isinstance(new, Conflict)
    if old is None:
        kind: ChangeKind = "expectation-superseded" if new.kind == "superseded" else "conflict-new"
        log.add(sid, kind, new.id, new.description)
        return
    assert isinstance(old, Conflict)
    gained = _cited(new) - _cited(old)
    if gained or new.kind != old.kind:
        log.add(sid, "conflict-updated", new.id, f"{new.description} (new: {_outlets_of(gained)})")


def _entity_lines(log: Log, sid: str, old: Item | None, new: Item | None) -> None:
    if new is None or not isinstance(new, Entity):
        return  # an entity whose mentions all went with a removed document: said with it
    if old is None:
        log.add(sid, "entity-new", new.id, f"New {new.type.lower()}: {new.name}.")
        return
    assert isinstance(old, Entity)
    what = []
    if new.name != old.name:
        what.append(f"now named {new.name} (was {old.name})")
    spellings = sorted(set(new.aliases) - set(old.aliases) - {old.name})
    if spellings:
        what.append(f"also written {', '.join(spellings)}")
    roles = sorted(set(new.role_names) - set(old.role_names))
    if roles:
        what.append(f"role(s) {', '.join(roles)}")
    if what:
        log.add(sid, "entity-updated", new.id, f"{new.name}: {'; '.join(what)}.")


def entity_merges(log: Log, old: Sequence[Story], new: Sequence[Story]) -> None:
    """Two entities that were apart and are now one (found by their mentions)."""
    for story in new:
        members = set(story.document_ids)
        owners: dict[object, set[str]] = {}  # a mention's span -> the old entities with it
        names: dict[str, str] = {}
        for o in old:
            if not members & set(o.document_ids):
                continue
            for e in o.entities:
                names[e.id] = e.name
                for span in _spans(e.mentions):
                    owners.setdefault(span, set()).add(e.id)
        for entity in story.entities:
            parts = set().union(*(owners.get(span, set()) for span in _spans(entity.mentions)))
            if len(parts) > 1:
                joined = " and ".join(sorted({names[i] for i in parts}))
                log.add(story.id, "entity-merged", entity.id, f"{joined} are one: {entity.name}.")
