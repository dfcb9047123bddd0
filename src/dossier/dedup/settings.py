from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DedupSettings:
    duplicate_jaccard: float = 0.8  # documents this similar are copies (duplicate_of)
    num_perm: int = 128
