"""Settings of the ``parse`` stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ParseSettings:
    batch_size: int = 32
    # Texts are cut at paragraph or sentence breaks into pieces of at most this many
    # characters: spaCy's memory grows with the longest text of a batch.
    max_chunk_chars: int = 5000


@dataclass(frozen=True, slots=True)
class LanguageSettings:
    # A supported best guess at this probability (py3langid's, normalised) is taken as is.
    min_confidence: float = 0.6
    # A supported language with at least this probability wins over an unsupported best guess.
    min_supported: float = 0.15
    # A document is left unread as "unsupported" only when its language is at least this sure.
    min_unsupported: float = 0.8
    default_language: str = "en"
    # How much of a page's markup is read to find its text.
    max_markup_chars: int = 200_000
