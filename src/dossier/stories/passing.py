"""Pages that mention a story only in passing: a radio schedule that lists one programme
about the case, a live page or a digest of the day's other news, a column that names the
case once. Such a page shares the case's names (so it joins the story by similarity), but
little of the page is about the case.

A story's **core** is the set of names and content words that a good part of its documents
share (at least ``core_presence`` of them, and two). A member of a story of at least
``passing_min_story`` documents whose names and words are less than ``passing_share`` core
keys (counted with repeats) leaves the story and stands alone, with the share as its
reason; the core is then computed again without it. The story's own articles, whatever day
or side topic they cover, use the case's core vocabulary throughout; a page about
something else does not."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from dossier.stories.features import Bags
from dossier.stories.settings import StorySettings


def core_keys(members: Sequence[int], bags: Sequence[Bags], presence: float) -> set[str]:
    """The names and words found in at least ``presence`` of ``members`` (and two)."""
    found: Counter[str] = Counter()
    for i in members:
        found.update(bags[i].names.keys())
        found.update(bags[i].words.keys())
    floor = max(2.0, presence * len(members))
    return {key for key, count in found.items() if count >= floor}


def core_share(bag: Bags, core: set[str]) -> float:
    """The share of a document's names and words (with repeats) that are core keys."""
    total = sum(bag.names.values()) + sum(bag.words.values())
    if total == 0:
        return 0.0
    inside = sum(c for k, c in bag.names.items() if k in core)
    inside += sum(c for k, c in bag.words.items() if k in core)
    return inside / total


def detach_passing(
    clusters: Sequence[Sequence[int]], bags: Sequence[Bags], settings: StorySettings
) -> tuple[list[list[int]], dict[int, float]]:
    """The clusters with pages that mention their story only in passing standing alone,
    and each such page's core share (by row index). A story's core is computed again
    without the pages it lost, until none leaves (the core is what the story's own
    articles share, not what a schedule adds)."""
    out: list[list[int]] = []
    passing: dict[int, float] = {}
    for members in clusters:
        kept = list(members)
        while len(kept) >= settings.passing_min_story:
            core = core_keys(kept, bags, settings.core_presence)
            shares = {i: core_share(bags[i], core) for i in kept}
            leaving = {i for i, share in shares.items() if share < settings.passing_share}
            if not leaving or len(leaving) == len(kept):
                break
            passing.update((i, shares[i]) for i in leaving)
            out.extend([i] for i in sorted(leaving))
            kept = [i for i in kept if i not in leaving]
        out.append(kept)
    return sorted(out, key=lambda g: g[0]), passing
