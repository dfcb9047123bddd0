"""Cross-checking and events on gold stories that are not the seeds: three fictional cases
in other domains (tests/gold/stories) and named subsets of real Timeline17 stories.

Each story runs the whole pipeline once (as one story, see goldrun.py) and is scored against
``tests/gold/conflicts_<story>.json`` and ``events_<story>.json`` with the floors pinned in
``tests/gold/crosscheck_floors.json``: conflict recall and precision, at most twice as many
conflicts reported as the gold holds, event recall, and no citation failing the support
test.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from dossier.model import Story
from dossier.resources import Resources
from dossier.settings import Settings

from .gold import event_score, missed_revisions, score
from .goldrun import GOLD, gold, gold_story

pytestmark = pytest.mark.slow

FLOORS: dict[str, dict[str, float]] = json.loads(
    (GOLD / "crosscheck_floors.json").read_text(encoding="utf-8")
)["stories"]
STORIES = sorted(FLOORS)


@pytest.fixture(scope="module", params=STORIES)
def case(
    request: pytest.FixtureRequest, settings: Settings, resources: Resources
) -> tuple[str, Story]:
    name: str = request.param
    _, story = gold_story(name, settings, resources)
    return name, story


def _listing(story: Story) -> str:
    return "\n".join(f"  [{c.kind}] {c.description[:300]}" for c in story.conflicts)


def test_conflicts_reach_floors(case: tuple[str, Story]) -> None:
    name, story = case
    wanted: dict[str, Any] = gold(f"conflicts_{name}")
    result = score(wanted, story.conflicts, story.corroborations)
    floors = FLOORS[name]
    report = (
        f"{name}: recall={result.recall:.2f} precision={result.precision:.2f}\n"
        f"missed={result.missed}\nspurious={result.spurious}\n{_listing(story)}"
    )
    assert result.recall >= floors["conflict_recall"], report
    assert result.precision >= floors["conflict_precision"], report
    assert len(story.conflicts) <= 2 * len(wanted["conflicts"]), report
    assert not result.violations, result.violations


def test_revisions_are_dated_sequences(case: tuple[str, Story]) -> None:
    """A source that revises its own figure is shown as one dated revision, not a conflict."""
    name, story = case
    listing = "\n".join(
        f"  {r.source}: {[(s.value, s.published and s.published.value) for s in r.steps]}"
        for r in story.revisions
    )
    assert not missed_revisions(gold(f"conflicts_{name}"), story.revisions), listing
    for revision in story.revisions:
        dates = [s.published.sort_key for s in revision.steps if s.published is not None]
        assert len(revision.steps) >= 2 and dates == sorted(dates), listing


def test_events_reach_floors(case: tuple[str, Story]) -> None:
    name, story = case
    result = event_score(gold(f"events_{name}"), story.events)
    listing = "\n".join(
        f"  {e.date.value} {e.text[:100]} {[c.doc for c in e.citations]}" for e in story.events
    )
    assert result.recall >= FLOORS[name]["events_recall"], f"{result.missed}\n{listing}"


def test_every_citation_states_what_it_is_cited_for(case: tuple[str, Story]) -> None:
    _, story = case
    assert story.citations_checked > 0
    failing = [
        f"{c.where} {c.subject}: {c.reason}: {c.citation.quote!r}" for c in story.citation_checks
    ]
    assert not failing, "\n".join(failing)


def test_conflict_sides_say_where_and_when(case: tuple[str, Story]) -> None:
    _, story = case
    for conflict in story.conflicts:
        cited = [(k, c.doc) for k, side in enumerate(conflict.sides) for c in side.citations]
        assert [(r.side, r.doc) for r in conflict.reports] == cited, conflict.description
        assert all(r.outlet for r in conflict.reports)
