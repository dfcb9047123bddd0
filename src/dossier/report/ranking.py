"""Which of a story's events are its main events (the overview shows them in date order).

Chosen by how many independent outlets report an event, then by how many independent reports
state it together with how central it is, never by where it stands in the timeline: an early
aside reported once ("ticket sales rose on 2 February") is not a main event because it comes
first. A citation inside text its document shares with another (reused background,
syndication: ``Document.shared_spans``) is not independent; all such citations of an event
count as one report. An event is central when the people, organisations and places it names
are named by many of the story's documents.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from dossier.model import Citation, Document, Event, Story


def main_events(story: Story, docs: Mapping[str, Document], count: int) -> list[Event]:
    """The ``count`` main events of ``story``, in date order."""
    members = {d for d in story.document_ids if d in docs} or set(story.document_ids)
    named_in = {e.id: len({m.doc for m in e.mentions} & members) for e in story.entities}
    total = len(members) or 1

    def centrality(event: Event) -> float:
        shares = [named_in.get(e, 0) / total for e in event.entity_ids]
        return sum(shares) / len(shares) if shares else 0.0

    def rank(event: Event) -> tuple[int, float, str]:
        outlets, reports = _independent(event.citations, docs)
        return -outlets, -(math.log1p(reports) + centrality(event)), event.date.sort_key

    chosen = sorted(story.events, key=rank)[:count]
    return sorted(chosen, key=lambda e: e.date.sort_key)


def _independent(citations: Sequence[Citation], docs: Mapping[str, Document]) -> tuple[int, int]:
    """How many outlets and how many reports state it independently (every citation in
    shared text counts as one report, of one outlet)."""
    outlets: set[str] = set()
    reports: set[str] = set()
    shared = False
    for c in citations:
        doc = docs.get(c.doc)
        if doc is not None and any(a < c.end and c.start < b for a, b, _ in doc.shared_spans):
            shared = True
            continue
        reports.add(c.doc)
        outlets.add((doc.outlet if doc is not None else None) or c.doc)
    return len(outlets) + (shared and not outlets), len(reports) + shared
