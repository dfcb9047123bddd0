from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CrosscheckSettings:
    align_threshold: float = 0.6  # cosine similarity for two claims to state the same fact
