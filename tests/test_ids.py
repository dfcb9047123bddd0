"""Content-derived ids: the same content gives the same id, whatever the order."""

from __future__ import annotations

from dossier.crosscheck import _conflict_id
from dossier.entities.resolve import entity_ids
from dossier.ids import first_citation, unique
from dossier.model import Citation, Conflict, ConflictSide


def _c(doc: str, start: int) -> Citation:
    return Citation(doc, start, start + 4, "text")


def test_a_conflict_id_comes_from_its_kind_and_first_citations() -> None:
    sides = (
        ConflictSide("defence", (_c("b", 10), _c("a", 5))),
        ConflictSide("prosecution", (_c("c", 7),)),
    )
    conflict = Conflict("", "role", "X is on both sides", sides)
    swapped = Conflict("", "role", "reworded description", tuple(reversed(sides)))
    later_source = Conflict(
        "",
        "role",
        "X is on both sides",
        (sides[0], ConflictSide("prosecution", (_c("c", 7), _c("d", 1)))),
    )
    ids = {_conflict_id(c, set()) for c in (conflict, swapped, later_source)}
    assert len(ids) == 1
    (only,) = ids
    assert only.startswith("conflict-")
    assert _conflict_id(Conflict("", "numeric", "", sides), set()) != only


def test_two_conflicts_on_the_same_first_spans_get_distinct_stable_ids() -> None:
    one = Conflict(
        "", "role", "", (ConflictSide("a", (_c("a", 1),)), ConflictSide("b", (_c("b", 1),)))
    )
    two = Conflict(
        "",
        "role",
        "",
        (ConflictSide("a", (_c("a", 1), _c("e", 3))), ConflictSide("b", (_c("b", 1),))),
    )
    used: set[str] = set()
    first, second = _conflict_id(one, used), _conflict_id(two, used)
    assert first != second and second.startswith(first)
    again: set[str] = set()
    assert (_conflict_id(one, again), _conflict_id(two, again)) == (first, second)


def test_namesakes_are_told_apart_by_their_first_mention_not_their_rank() -> None:
    ivanov_a = (_c("doc-1", 3),)
    ivanov_b = (_c("doc-2", 8), _c("doc-3", 1))
    key = ("PERSON", "pavel-ivan")
    first, second = entity_ids([key, key], [ivanov_a, ivanov_b])
    assert first == "p-pavel-ivan"
    assert second.startswith("p-pavel-ivan-") and second != first
    # Listed the other way round, each keeps its id; a third namesake mentioned later does
    # not renumber the second one.
    assert entity_ids([key, key], [ivanov_b, ivanov_a]) == [second, first]
    third = (_c("doc-9", 0),)
    assert entity_ids([key, key, key], [third, ivanov_b, ivanov_a])[1:] == [second, first]


def test_first_citation_and_unique_helpers() -> None:
    assert first_citation([_c("b", 1), _c("a", 9), _c("a", 2)]) == _c("a", 2)
    used = {"x"}
    assert unique("y", used) == "y"
    assert unique("x", used, "more").startswith("x-")
