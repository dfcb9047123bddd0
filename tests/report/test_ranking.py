"""Main events: by independent outlets, then by independent reports and centrality, shown in
date order; never by where an event stands in the timeline (a fictional harbour strike)."""

from __future__ import annotations

from dossier.model import Citation, DateValue, Document, Entity, Event, Story
from dossier.report.ranking import main_events

TEXT = "Dockers at Kessavik walked out over pay. Kessavik ferry fares rose in May."


def _doc(doc_id: str, outlet: str, shared: tuple[tuple[int, int, str], ...] = ()) -> Document:
    return Document(
        id=doc_id, source=f"{doc_id}.txt", clean_text=TEXT, outlet=outlet, shared_spans=shared
    )


def _event(event_id: str, day: str, docs: list[str], entities: tuple[str, ...]) -> Event:
    cites = tuple(Citation(d, 0, 39, TEXT[:39]) for d in docs)
    return Event(event_id, DateValue(day, "day"), event_id, cites, entities)


def test_widely_reported_and_central_events_come_first_then_date_order() -> None:
    docs = {
        "a": _doc("a", "Harbour Post"),
        "b": _doc("b", "Coast Radio"),
        "c": _doc("c", "Coast Radio", shared=((0, 39, "b"),)),  # reuses b's paragraph
        "d": _doc("d", "Norr Wire"),
    }
    union = Entity(
        "union",
        "ORG",
        "Kessavik dockers' union",
        (),
        tuple(Citation(d, 0, 8, "Kessavik") for d in "abcd"),
    )
    events = (
        _event("fares", "2024-05-02", ["a"], ()),  # the earliest, once, naming no one
        _event("walkout", "2024-09-02", ["a", "b", "d"], ("union",)),
        _event("talks", "2024-09-05", ["b", "c"], ("union",)),  # c copies b: one outlet
        _event("vote", "2024-09-04", ["d"], ("union",)),
    )
    story = Story("s", "strike", tuple(docs), entities=(union,), events=events)
    assert [e.id for e in main_events(story, docs, 3)] == ["walkout", "vote", "talks"]
    assert [e.id for e in main_events(story, docs, 4)] == ["fares", "walkout", "vote", "talks"]
