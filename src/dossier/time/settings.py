from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TimeSettings:
    # The language of texts whose language is not known (ISO 639-1).
    language: str = "en"
    day_first: bool | None = None  # force day/month order for numeric dates; None = infer
    # A printed/metadata/folder date is contradicted when the content's year-less dates,
    # read relative to it, all lie more than this many days before it, and no year within
    # ``stale_years`` of it is mentioned, while the content alone dates the text earlier.
    stale_days: int = 92
    stale_min_dates: int = 2
    stale_window_days: int = 60
    # Events the text reports as past more than this many days after a printed date
    # make a "<basis>-date-questioned" flag (the date is kept).
    later_report_days: int = 31
    # The run's today (ISO day): nothing is published after it, and year-less printed dates
    # are placed on or before it. The CLI and the web server set it; None: no such limit
    # (the stage never reads the clock).
    today: str | None = None
    # Tagger: a bare month within this many characters after an explicitly dated
    # expression more than ``background_days`` before the anchor takes its year from it.
    narrative_window_chars: int = 400
    background_days: int = 270
    stale_years: int = 1
    # Year-less past dates count as consistent with the content's explicit-year lower
    # bound when they fall at most this many days before it.
    lower_bound_grace_days: int = 62
    # A content-only date is trusted when its year-less past dates span at most this.
    max_partial_span_days: int = 240
    # Events: two same-date sentences from different documents are one event when they
    # share at least ``merge_min_shared`` content words (fuzzy-matched, synonyms folded)
    # making up at least ``merge_overlap`` of the shorter one, or share an entity and a word.
    merge_overlap: float = 0.2
    merge_min_shared: int = 2
    # Events: sentences longer than this many characters are cut to the dated clause.
    max_event_chars: int = 400
    # Events of a story of at least this many documents come from sentences about the story:
    # a sentence whose content words are used, on average, by fewer than this share of the
    # median sentence's is set aside (dossier.time.topic); a sentence with fewer content words
    # than topic_min_words is too thin to judge and kept.
    topic_min_documents: int = 5
    topic_min_ratio: float = 0.45
    topic_min_words: int = 4
