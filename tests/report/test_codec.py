"""The generic model codec: what it writes it reads back as the same value."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from dossier.report.codec import from_plain, to_plain


@dataclass(frozen=True, slots=True)
class _Side:
    names: frozenset[str]
    ids: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class _Node:
    label: str
    sides: tuple[_Side, ...]
    offsets: tuple[int, ...]
    child: _Node | None = None


def test_sets_nested_and_recursive_records_round_trip() -> None:
    node = _Node(
        "court",
        (_Side(frozenset({"judge", "clerk"}), frozenset({3, 1})), _Side(frozenset())),
        (4, 9, 12),
        _Node("ward", (), (), None),
    )
    plain = to_plain(node)
    assert plain["sides"][0]["names"] == ["clerk", "judge"]  # type: ignore[index,call-overload]
    assert from_plain(_Node, plain) == node


def test_a_set_written_twice_is_written_the_same_way() -> None:
    assert to_plain(frozenset({"b", "a", "c"})) == to_plain(frozenset({"c", "b", "a"}))


@pytest.mark.parametrize(
    "plain",
    [
        {"label": "x", "sides": [], "offsets": [1, True]},  # a bool is no offset
        {"label": "x", "sides": [{"names": [1]}], "offsets": []},  # a number is no name
        {"label": "x", "sides": [{"names": "ab"}], "offsets": []},  # a string is no set
    ],
)
def test_values_that_do_not_fit_are_refused(plain: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        from_plain(_Node, plain)
