"""How many characters of one document's clean text each analysing stage reads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

ANALYSIS_CHARS = 200_000  # about 35,000 words: three times the longest news article

# not language: stage names
ANALYSED_STAGES = (
    "parse",
    "shared",
    "date",
    "mentions",
    "stories",
    "entities",
    "events",
    "crosscheck",
    "summarize",
)


def _default_caps() -> Mapping[str, int]:
    return dict.fromkeys(ANALYSED_STAGES, ANALYSIS_CHARS)


@dataclass(frozen=True, slots=True)
class LimitSettings:
    """Characters of one document's clean text each stage reads (stages not named read all)."""

    max_chars: Mapping[str, int] = field(default_factory=_default_caps)

    def cap(self, stage: str) -> int | None:
        return self.max_chars.get(stage)
