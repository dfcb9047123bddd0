"""Gold-table scores with pinned floors (tests/gold/entities_floors.json)."""

from __future__ import annotations

import pytest

from dossier.model import Entity
from entity_metrics import load_floors, load_gold, score


@pytest.mark.parametrize(
    ("name", "gold_file", "entities_fixture"),
    [
        ("fixture", "entities_fixture.json", "fixture_entities"),
        ("seeds", "entities_seeds.json", "seed_entities"),
    ],
)
def test_scores_meet_floors(
    name: str, gold_file: str, entities_fixture: str, request: pytest.FixtureRequest
) -> None:
    entities: tuple[Entity, ...] = request.getfixturevalue(entities_fixture)
    result = score(entities, load_gold(gold_file))
    floors = load_floors()[name]
    report = (
        f"{name}: {result.as_dict()} missed={result.missed} fp={result.false_positives} "
        f"false_merges={result.false_merges} missed_roles={result.missed_roles}"
    )
    assert not result.false_merges, report
    assert not result.must_not_found, report
    for metric, floor in floors.items():
        assert getattr(result, metric) >= floor, report


def test_scorer_penalises_a_false_merge() -> None:
    """The scorer itself can fail: merging two gold people is caught."""
    from dossier.model import Citation

    cite = Citation("d", 0, 1, "x")
    merged = Entity("p1", "PERSON", "Aigerim Nurlanova", ("Dana Nurlanova",), (cite,))
    gold = load_gold("entities_fixture.json")
    result = score((merged,), gold)
    assert result.false_merges
    assert result.recall < 1.0
