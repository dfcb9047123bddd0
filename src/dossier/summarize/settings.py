from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SummarySettings:
    max_words: int = 120  # the whole summary
    min_sentence_words: int = 7  # shorter sentences are fragments or captions
    max_sentence_words: int = 45  # longer ones would eat the budget
    support_jaccard: float = 0.3  # content-word overlap for another document to state it too
    duplicate_jaccard: float = 0.45  # two selected sentences this close say the same thing
    recent_days: int = 3  # headline candidates: documents this close to the latest one
