from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StorySettings:
    # Average similarity above which two groups of documents are one story.
    link_threshold: float = 0.22
    # Weight of vocabulary (TF-IDF cosine) against shared named entities.
    text_weight: float = 0.5
