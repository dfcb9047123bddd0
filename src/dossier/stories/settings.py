from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StorySettings:
    link_threshold: float = 0.35  # similarity above which two documents share a story
