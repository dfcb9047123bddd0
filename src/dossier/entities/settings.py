from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EntitySettings:
    batch_size: int = 32
    # Name tokens at least this long may differ by one letter (a typo) and still match.
    typo_min_len: int = 6
    # Ages outside this range are not read as ages.
    min_age: int = 1
    max_age: int = 110
    # Bare surnames resolve only to a full name seen at most this many characters earlier
    # in the same document when several full names share the surname (0 = no limit).
    surname_window: int = 0
