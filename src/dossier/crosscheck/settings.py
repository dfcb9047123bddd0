from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CrosscheckSettings:
    align_threshold: float = 0.6  # cosine (+ overlap bonus) when both state the same predicate
    strict_threshold: float = 0.8  # cosine (+ bonus) enough on its own to state the same fact
    same_text_threshold: float = 0.9  # near-identical wording even when the predicates differ
    min_shared_words: int = 4  # lexical keys a pair of claims shares before it is compared
    min_pair_overlap: float = 0.5  # ... and this share of the shorter claim's content words
    # (unless both report the same kind of event about the same people)
    min_claim_words: int = 5  # shorter clauses are kept as claims but not aligned
    entity_bonus: float = 0.05  # added to the cosine when two claims share an entity
    number_bonus: float = 0.05  # ... a number with its unit
    date_bonus: float = 0.05  # ... a date
    slot_similarity: float = 0.7  # aligned claims compared slot by slot (numbers, dates)
    polarity_similarity: float = 0.8  # two facts with opposite polarity must be this close
    same_period_days: int = 21  # reports this close in time describe the same moment
    omitted_share: float = 0.5  # a fact "most others report": more than this share of outlets
