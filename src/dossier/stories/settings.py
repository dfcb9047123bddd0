from __future__ import annotations

from dataclasses import dataclass

from dossier.model import StoryCorrection


@dataclass(frozen=True, slots=True)
class StorySettings:
    # Two groups of documents are one story while the cosine of their centroids (the sum of
    # their documents' pairwise similarities over the geometric mean of each group's own sum)
    # stays at or above this. Lower joins more; measured on Timeline17 folders and mixed
    # streams (benchmarks/bench_stories.py).
    link_threshold: float = 0.1
    # Weight of shared named people, places and organisations against shared content words.
    name_weight: float = 0.8
    # Pairwise similarities below this are no link (what any two news texts share).
    similarity_floor: float = 0.02
    # A document that shares no name with any other is compared by its content words alone
    # where their cosine reaches this (strong evidence without names).
    words_alone: float = 0.35
    # A page that mentions a story only in passing (a schedule, a digest of other news)
    # stands alone: in a story of at least ``passing_min_story`` documents, a member whose
    # names and content words are less than ``passing_share`` the story's core (the keys
    # found in at least ``core_presence`` of its documents) leaves it.
    passing_share: float = 0.1
    core_presence: float = 0.3
    passing_min_story: int = 5
    # The user's corrections (merge, split, move), applied in order after grouping; the CLI
    # and the web app read them from the store.
    corrections: tuple[StoryCorrection, ...] = ()
