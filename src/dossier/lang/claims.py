"""What a language's clauses use to say how, by whom and how much: the cues that read a claim.

A claim is read from the parse as a frame (who did what to whom, when, where, how many) with
its stance (stated, reported by someone, decided by a court, hedged, asked for, conditional,
alleged, denied) and whether it speaks of the future. The words that decide these are lemmas
of one language and live in a :class:`ClaimCues` table; the numbers a clause counts with
(bounds, ranges, rates, units) in a :class:`Quantities` table. Event classes themselves
(which verbs and nouns name an arrest, a postponement...) are in
:class:`dossier.lang.language.Events`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

Bound = Literal["min", "max", "about", "between"]


def _empty() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class ClaimCues:
    """Lemmas that change what a clause asserts, attribute it, or tie a phrase to its verb."""

    # A verb whose clausal complement states what it decided: "the court ruled that they will
    # not be deported" asserts the ruling's content.
    decision_verbs: frozenset[str] = frozenset()
    # Governors and auxiliaries that make a clause a mere possibility ("could", "may").
    possibility_cues: frozenset[str] = frozenset()
    # Verbs and adjectives whose complement is asked for, urged, hoped or feared, not stated.
    appeal_verbs: frozenset[str] = frozenset()
    # Verbs and nouns of trying whose infinitive is attempted, not stated ("trying to
    # funnel the oil", "in a bid to jam a tube"); "try" with a complement is no trial.
    attempt_words: frozenset[str] = frozenset()
    # Subordinators that make a clause a condition ("if", "unless").
    condition_markers: frozenset[str] = frozenset()
    # Verbs whose complement did not happen: "refused to extradite", "failed to stop".
    negating_verbs: frozenset[str] = frozenset()
    # "still held", "remained in custody": a state that continues.
    continuation_cues: frozenset[str] = frozenset()
    # Adverbs that attribute a clause to unnamed others ("allegedly", "reportedly").
    hearsay_adverbs: Mapping[str, str] = field(
        default_factory=_empty
    )  # lemma -> "alleged" / "reported"
    # Adverbs that place a statement before the report ("initially estimated", "had
    # earlier said"): history, not what the report holds now.
    earlier_cues: frozenset[str] = frozenset()
    # Verbs that measure rather than happen: "estimated the flow at", "put the toll at".
    measure_verbs: frozenset[str] = frozenset()
    # Prepositions (and subordinators) that bound a time rather than date the event:
    # "adjourned until May 20", "since October".
    bounding_words: frozenset[str] = frozenset()
    # Prepositions that give the new date of a postponement ("until", "to").
    target_words: frozenset[str] = frozenset()
    # Prepositions that say where an event sends someone ("to", "into").
    direction_words: frozenset[str] = frozenset()
    # Prepositions that place an event ("in", "at", "near").
    place_words: frozenset[str] = frozenset()
    # Prepositions that introduce whom an event noun is about ("the trial of", "the case
    # against").
    participant_words: frozenset[str] = frozenset()
    # Prepositions that name what someone is charged with or tried for ("for", "of", "with").
    charge_words: frozenset[str] = frozenset()
    # Event classes whose "for/of/with" complement is a charge, not a statement of fact:
    # "on trial for crossing the border", "accused of fraud".
    charge_classes: frozenset[str] = frozenset()
    # Multi-word attributions, as lemma sequences: "according to X".
    attribution_phrases: tuple[tuple[str, ...], ...] = ()
    # Conjunctions and subordinators at which a sentence splits into two claims.
    clause_joints: frozenset[str] = frozenset()
    # Punctuation that ends a question: a sentence that asks ("but will the couple die?")
    # states and expects nothing.
    question_marks: frozenset[str] = frozenset()
    # Nouns that refer back to a group of people already named ("pair", "couple", "trio").
    group_nouns: frozenset[str] = frozenset()
    # How many people each group noun names ("couple": 2, "trio": 3).
    group_sizes: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    # Verbs that are only grammar here (support verbs of a nominal event: "hold a protest",
    # "carry out an attack", "make an arrest", "approved the extradition").
    support_verbs: frozenset[str] = frozenset()
    # Verbs that stop the event their object names: "refused the extradition request",
    # "blocked the deportation".
    blocking_verbs: frozenset[str] = frozenset()
    # Adverbs that make stopping partial ("partially stop the leak"): the event is not said
    # to stop, nor to go on.
    partial_adverbs: frozenset[str] = frozenset()
    # Times that point back to an earlier sentence's ("on that occasion", "at the time",
    # "then"): a noun with one of the determiners and nothing else after a preposition, or
    # an adverb. The sentence happened when its antecedent did, not when it is reported.
    anaphoric_time_nouns: frozenset[str] = frozenset()
    anaphoric_determiners: frozenset[str] = frozenset()
    anaphoric_time_adverbs: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Quantities:
    """How a language writes amounts: bounds, ranges, rates and unit abbreviations."""

    # Words before a number that make it a bound or an approximation, as lemma sequences
    # joined by spaces: "at least" -> min, "up to" -> max, "about" -> about.
    bounds: Mapping[str, Bound] = field(default_factory=lambda: MappingProxyType({}))
    # Words between two numbers that make a range ("to", "and" after "between").
    range_words: frozenset[str] = frozenset()
    # Words between a unit and a period that make a rate: "barrels a day", "per day".
    rate_words: frozenset[str] = frozenset()
    # Periods a rate is given per ("day", "hour", "year").
    rate_periods: frozenset[str] = frozenset()
    # Words that make a rate on their own, and its period: "15,000 barrels daily", "the
    # daily estimate of 5,000 barrels" -> "day".
    rate_adverbs: Mapping[str, str] = field(default_factory=_empty)
    # Written abbreviations of units: "bpd" -> "barrel/day", "km" -> "kilometre".
    unit_abbreviations: Mapping[str, str] = field(default_factory=_empty)
    # Nouns that count people: "12 workers" and "12 people" count the same thing.
    person_nouns: frozenset[str] = frozenset()
    # Nouns of a count that name no unit of their own: "the death toll", "the number".
    count_nouns: frozenset[str] = frozenset()
    # Nouns of a part of something ("10 percent of the flow", "half of the oil"): what is
    # not done to a part is done to the rest, so the event is not denied.
    part_nouns: frozenset[str] = frozenset()
    # Multipliers written as suffixes or abbreviations: "bn" -> 1e9, "m" -> 1e6.
    multiplier_abbreviations: Mapping[str, float] = field(
        default_factory=lambda: MappingProxyType({})
    )
