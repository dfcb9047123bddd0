from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EntitySettings:
    """Stages 5 and 7 (entities)."""

    # Documents per nlp.pipe batch.
    batch_size: int = 32
    # Name tokens at least this long may differ by one letter (a typo) and still match.
    typo_min_len: int = 6
    # Ages outside this range are not read as ages.
    min_age: int = 1
    max_age: int = 110
    # Longest piece of text given to the NER model at once (cut at paragraph breaks).
    max_chunk_chars: int = 5000
