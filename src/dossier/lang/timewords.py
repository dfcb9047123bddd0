"""Types of the words temporal expressions are made of, besides month, weekday and number
names (those are :class:`~dossier.lang.language.Calendar` and
:class:`~dossier.lang.language.Numbers`).

The time grammar (:mod:`dossier.time.grammar`) is compiled from these tables, one grammar
per language; nothing in :mod:`dossier.time` names a word. Values are lower case; a
phrase is written with single spaces (the grammar accepts any white space between its
words). TimeML codes ("START", "PRESENT_REF", "MO") and canonical unit names ("day",
"week") are the same for every language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum


class Shift(Enum):
    """What a direction word does to the unit after it ("last week", "the following day")."""

    LAST = "last"  # the one before the document date
    NEXT = "next"  # the one after it
    THIS = "this"  # the one containing it
    PAST = "past"  # "the past week": a duration up to the document date
    PREVIOUS = "previous"  # the one before the date the narrative is at
    FOLLOWING = "following"  # the one after it
    SAME = "same"  # the one the narrative is at


@dataclass(frozen=True, slots=True)
class Deictic:
    """A word that names a day relative to the document date ("yesterday")."""

    unit: str  # canonical unit: "day"
    offset: int  # -1 for "yesterday"
    part_of_day: str | None = None  # TimeML part of day: "NI" for "tonight"


@dataclass(frozen=True, slots=True)
class TimeWords:
    """The words of the temporal grammar (see the module docstring)."""

    article: str  # "the"
    of: str  # "of": "3rd of May", "May of 2019", "summer of 2020"
    conjunction: str  # "and": "two years and three months"
    other: str  # "other": "every other week"
    very: str  # "very": "the very end of"
    # Surface form -> canonical unit ("weeks" -> "week", "centuries" -> "century").
    units: Mapping[str, str]
    # Canonical units that form adjectives with a number ("a five-year plan").
    hyphen_units: frozenset[str]
    shifts: Mapping[str, Shift]  # "last" -> LAST, "coming" -> NEXT, "preceding" -> PREVIOUS
    # Before a weekday, a season or a unit: "early" -> "START", "late" -> "END"; the
    # comparatives ("earlier", "later") make an expression approximate without a TimeML mod.
    edges: Mapping[str, str | None]
    # "The start of", "the second half of": the part -> TimeML mod.
    period_parts: Mapping[str, str]
    mid: str  # the prefix "mid" ("mid-October", "mid 2019")
    deictics: Mapping[str, Deictic]  # "yesterday", "the day after tomorrow"
    refs: Mapping[str, str]  # "now" -> "PRESENT_REF", "recently" -> "PAST_REF"
    # A reference word and the words after it that make it no time ("now that").
    refs_not_before: Mapping[str, frozenset[str]]
    # After an amount and a unit: "ago" -> ("dct", -1), "later" -> ("narrative", 1); None:
    # only the duration is temporal ("five days after the vote").
    offsets_after: Mapping[str, tuple[str, int] | None]
    than: str  # "than": "two years earlier than planned" is a comparison
    # After an amount and a unit, an age: "25-year-old", "30 years of age".
    age_after: frozenset[str]
    # Between an amount and its unit: "two more days", "three full years".
    duration_fillers: frozenset[str]
    # Before an amount and a unit, a stretch ending or starting at the document date:
    # "the past five years", "the next two weeks".
    duration_leads: frozenset[str]
    # A duration with the indefinite article ("a year") only after these words.
    article_duration_cues: frozenset[str]
    recent: frozenset[str]  # "recent": "in recent years" (an unknown amount)
    quarter: str  # "quarter"
    fiscal: str  # "fiscal"
    final: frozenset[str]  # "final", "last": the fourth quarter
    # "the latest quarter", "the year-ago quarter": word -> quarters back.
    quarter_refs: Mapping[str, int]
    set_quantifiers: frozenset[str]  # "every", "each"
    set_adverbs: Mapping[str, str]  # "daily" -> "day"
    per: frozenset[str]  # "a", "per": "twice a year"
    per_after: tuple[str, ...]  # "a year" is a set only after these: "times", "once"
    # Parts of the day after a relative word: "this morning", "yesterday evening"; word ->
    # days from the document date.
    part_of_day_shifts: Mapping[str, int]
    # Words before a clock time that are not part of it: "at 10:30", "by noon".
    clock_prepositions: frozenset[str]
    meridians: Mapping[str, str]  # "a.m." -> "am", "pm" -> "pm"
    clock_words: Mapping[str, str]  # "noon" -> "12:00"
    # A bare month name needs one of these before it ("in March"); a month that is also an
    # ordinary word ("May") needs one of the strong ones.
    strong_month_cues: frozenset[str]
    month_cues: frozenset[str]
    # After a sentence-initial month and day, words that make it no date ("May 10 people").
    not_after_month_day: frozenset[str]
    # A bare year needs one of these before it ("in 2019", "the 1996 bombing") or a
    # punctuation mark after it.
    year_cues: frozenset[str]
    year_determiners: frozenset[str]
    # Words after a weekday that make it a name ("the Sunday Times").
    weekday_titles: frozenset[str]
    # Durations anchored to the previous explicit date: "then held for 16 months".
    sequence: frozenset[str]  # "then", "later", "subsequently"
    duration_for: str  # "for"
    duration_spans: frozenset[str]  # "a period of", "a term of"
    duration_hedges: frozenset[str]  # "about", "nearly", "almost"


@dataclass(frozen=True, slots=True)
class TenseCues:
    """What marks a clause as future or past when there is no parse (or as a fallback)."""

    future: frozenset[str]  # "will", "scheduled", "set to", "'ll"
    past: frozenset[str]  # "was", "said", "ago", irregular past forms
    # A regular expression for regular past forms ("[a-z]{2,}ed").
    past_form: str
    not_past: frozenset[str]  # regular-looking forms that do not mark tense ("based", "red")
    # Prepositions that bound rather than locate ("until March 3"): no tense.
    neutral: frozenset[str]


@dataclass(frozen=True, slots=True)
class PageDateWords:
    """The labels and furniture around a date printed on a page."""

    published: frozenset[str]  # "published", "posted", "first published", "posted on"
    updated: frozenset[str]  # "updated", "last updated", "modified"
    # Words that may separate a label from its date ("on", "at") or a date from its time.
    joiners: frozenset[str]
    bylines: frozenset[str]  # "by", "staff writer", "reporter": a byline beside the date
    # Words of the copyright notice ("copyright", "all rights reserved"): a year there is
    # the notice's, never a publication date.
    copyright: frozenset[str]
