"""A page that names a story's case in passing (a schedule, a digest of other news) leaves
the story; the story's own articles stay, whatever side of the case they cover."""

from __future__ import annotations

from collections import Counter

from dossier.stories.features import Bags
from dossier.stories.passing import core_keys, core_share, detach_passing
from dossier.stories.settings import StorySettings


def _bag(names: dict[str, int], words: dict[str, int]) -> Bags:
    return Bags(Counter(names), Counter(words), {})


CASE = {"person:omarkyzy": 3, "place:velmora": 2, "person:vance": 1}
ARTICLES = [
    _bag(CASE, {"court": 3, "sentence": 2, "journalist": 2, "dam": 1}),
    _bag(CASE, {"appeal": 2, "court": 1, "journalist": 1, "lawyer": 2}),
    _bag({"person:omarkyzy": 2, "place:velmora": 1}, {"dam": 3, "collapse": 2, "report": 2}),
    _bag({"person:omarkyzy": 1, "place:velmora": 2}, {"protest": 2, "journalist": 2, "jail": 1}),
    _bag(CASE, {"verdict": 2, "court": 2, "sentence": 1, "press": 2}),
]
# A week of radio programmes: one line about the case among forty others.
SCHEDULE = _bag(
    {"person:omarkyzy": 1, **{f"person:host{k}": 2 for k in range(40)}},
    {"programme": 30, "music": 25, "news": 20, "weather": 15, "court": 1},
)


def test_a_schedule_naming_the_case_once_stands_alone() -> None:
    bags = [*ARTICLES, SCHEDULE]
    clusters, passing = detach_passing([list(range(6))], bags, StorySettings())
    assert sorted(clusters) == [[0, 1, 2, 3, 4], [5]]
    assert set(passing) == {5} and passing[5] < 0.1


def test_the_core_is_what_the_articles_share() -> None:
    core = core_keys(range(5), ARTICLES, 0.3)
    assert {"person:omarkyzy", "place:velmora", "court", "journalist"} <= core
    assert "collapse" not in core or core_share(ARTICLES[2], core) > 0.5
    assert all(core_share(bag, core) >= 0.3 for bag in ARTICLES)


def test_small_stories_are_left_as_they_are() -> None:
    bags = [*ARTICLES[:3], SCHEDULE]
    clusters, passing = detach_passing([[0, 1, 2, 3]], bags, StorySettings())
    assert clusters == [[0, 1, 2, 3]] and not passing
