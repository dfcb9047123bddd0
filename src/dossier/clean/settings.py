from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CleanSettings:
    min_body_chars: int = 1  # a document whose clean text is shorter is rejected
