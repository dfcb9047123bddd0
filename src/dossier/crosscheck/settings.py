from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CrosscheckSettings:
    align_threshold: float = 0.6  # cosine (+ overlap bonus) when both state the same predicate
    # ... when both state the same classed event and support each other (paraphrases: "went
    # on trial on January 6" / "the court case began on 6 January")
    framed_threshold: float = 0.45
    strict_threshold: float = 0.8  # cosine (+ bonus) enough on its own to state the same fact
    same_text_threshold: float = 0.9  # near-identical wording even when the predicates differ
    min_shared_words: int = 4  # lexical keys a pair of claims shares before it is compared
    min_pair_overlap: float = 0.5  # ... and this share of the shorter claim's content words
    # (unless both report the same kind of event about the same people)
    min_claim_words: int = 5  # shorter clauses are kept as claims but not aligned
    entity_bonus: float = 0.05  # added to the cosine when two claims share an entity
    number_bonus: float = 0.05  # ... a number with its unit
    date_bonus: float = 0.05  # ... a date
    same_period_days: int = 21  # reports this close in time describe the same moment
    # Counts change over time (a death toll rises, an estimate is revised): two figures are
    # compared only when the reports are this close.
    count_period_days: int = 7
    omitted_share: float = 0.5  # a fact "most others report": more than this share of outlets
