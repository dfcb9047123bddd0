"""Narrowing a story to what a researcher asks: one person, one outlet, a date range, a
conflict kind. A pure function over the model: the page is rendered from the result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from dossier.model import Citation, Document, Entity, Story

_DATE_CHARS = frozenset("0123456789-")


@dataclass(frozen=True, slots=True)
class StoryFilter:
    entity: str = ""  # entity id
    outlet: str = ""
    date_from: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD
    date_to: str = ""
    conflict_kind: str = ""

    @property
    def active(self) -> bool:
        return any((self.entity, self.outlet, self.date_from, self.date_to, self.conflict_kind))

    @staticmethod
    def from_params(params: Mapping[str, str]) -> StoryFilter:
        def date(name: str) -> str:
            value = params.get(name, "").strip()
            return value if value and set(value) <= _DATE_CHARS and len(value) <= 10 else ""

        return StoryFilter(
            entity=params.get("entity", "").strip(),
            outlet=params.get("outlet", "").strip(),
            date_from=date("from"),
            date_to=date("to"),
            conflict_kind=params.get("kind", "").strip(),
        )


def _in_range(value: str, low: str, high: str) -> bool:
    """Whether a date (as precise as it is) can fall within ``low``..``high``."""
    if low and value < low[: len(value)]:
        return False
    return not (high and value[: len(high)] > high)


def spellings(entity: Entity) -> tuple[str, ...]:
    return (entity.name, *entity.aliases)


def _names_in(text: str, names: tuple[str, ...]) -> bool:
    lowered = text.casefold()
    return any(n.casefold() in lowered for n in names)


def apply_filter(story: Story, docs: Mapping[str, Document], f: StoryFilter) -> Story:
    """``story`` with only the events, conflicts and facts that match ``f`` (documents, their
    numbering, the summary and the entity table stay as they are)."""
    if not f.active:
        return story
    entity = next((e for e in story.entities if e.id == f.entity), None)
    names = spellings(entity) if entity is not None else ()

    def from_outlet(cites: tuple[Citation, ...]) -> bool:
        return not f.outlet or any(
            (docs[c.doc].outlet if c.doc in docs else None) == f.outlet for c in cites
        )

    events = tuple(
        e
        for e in story.events
        if from_outlet(e.citations)
        and _in_range(e.date.value, f.date_from, f.date_to)
        and (entity is None or entity.id in e.entity_ids or _names_in(e.text, names))
    )
    conflicts = tuple(
        c
        for c in story.conflicts
        if (not f.conflict_kind or c.kind == f.conflict_kind)
        and from_outlet(tuple(x for side in c.sides for x in side.citations))
        and (
            entity is None
            or _names_in(c.description, names)
            or any(_names_in(x.quote, names) for side in c.sides for x in side.citations)
        )
    )
    facts = tuple(
        x
        for x in story.corroborations
        if from_outlet(x.citations)
        and (entity is None or any(_names_in(c.quote, names) for c in x.citations))
    )
    # Outlet profiles summarise every fact: they would not match the filtered table.
    return replace(
        story, events=events, conflicts=conflicts, corroborations=facts, outlet_profiles=()
    )
