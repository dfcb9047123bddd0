from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class CleanSettings:
    # Fewer words of prose (sentences, long lines) than this: "too short to be an article".
    min_article_words: int = 25
    # A longer line (a page saved without line breaks) is read as lines broken at its sentence
    # ends, so that one boilerplate phrase in it cannot take the whole text with it.
    max_line_chars: int = 4000
    # Cross-document boilerplate: a line that is not sentence-like body and appears
    # verbatim (normalised) in at least this many documents of the input is removed.
    repeat_min_docs: int = 2
    repeat_max_words: int = (
        12  # longer repeated lines are kept (shared background; dedup marks them)
    )
    # The footer guess is undone when this many body-like paragraphs (with at least
    # resume_min_words words together) follow it without any boilerplate cue.
    resume_min_paragraphs: int = 2
    resume_min_words: int = 60
    # HTML extraction (trafilatura): "precision" measured best on the article-extraction
    # benchmark (see benchmarks/bench_extraction.py); "balanced" and "recall" are the others.
    html_mode: Literal["precision", "balanced", "recall"] = "precision"
    html_fast: bool = False  # skip trafilatura's fallback extractors (readability/jusText)
    # When the chosen extraction is shorter than this share of a fast favor_recall extraction,
    # the recall extraction is used instead (precision mode sometimes picks the wrong block).
    # 0 disables the second extraction. Measured on the benchmark: 0.3-0.6 all give the same.
    html_recall_fallback_ratio: float = 0.5
    # ... and only tried when the chosen extraction is shorter than this many characters
    # (on the benchmark every failure was under 500; longer extractions skip the second run).
    html_recall_fallback_max_chars: int = 2000
    html_line_cleaning: bool = True  # run the plain-text line classifier over extracted text
