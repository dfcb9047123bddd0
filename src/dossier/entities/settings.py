from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EntitySettings:
    """Stages 5 and 7 (entities)."""

    # Name tokens at least this long may differ by one letter (a typo) and still match.
    typo_min_len: int = 6
    # Ages outside this range are not read as ages.
    min_age: int = 1
    max_age: int = 110
