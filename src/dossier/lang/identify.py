"""Which language a text is in: py3langid's model (shipped inside the package, no download).

Identification looks at letters only: digits, URLs and markup say nothing about the language.
A short or mixed text is "uncertain" rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# Letters and the spaces between them; everything else (digits, punctuation, URLs) is noise.
_URL = re.compile(r"\S+://\S+|www\.\S+|\S+@\S+")  # typography, not words: kept as a regex
_NOT_LETTER = re.compile(r"[\W\d_]+")

MIN_LETTERS = 40  # below this, a guess is not worth making
SAMPLE_CHARS = 20_000  # the identifier looks at most at this much text
RANKED = 5  # how many candidate languages are kept


@dataclass(frozen=True, slots=True)
class Identification:
    code: str | None  # ISO 639-1, None when too little text
    confidence: float  # 0..1 (normalised probability of the best language)
    # The most likely languages, best first, with their probabilities.
    ranking: tuple[tuple[str, float], ...] = ()

    def probability(self, code: str) -> float:
        return next((p for c, p in self.ranking if c == code), 0.0)


def load_identifier() -> Any:
    """py3langid's identifier with normalised probabilities (the model ships with the package)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str, identifier: Any) -> Identification:
    """Identify the language of ``text`` (a sample of at most ``SAMPLE_CHARS``)."""
    sample = _NOT_LETTER.sub(" ", _URL.sub(" ", text[:SAMPLE_CHARS])).strip()
    if sum(1 for c in sample if c.isalpha()) < MIN_LETTERS:
        return Identification(None, 0.0)
    ranking = tuple((str(c), float(p)) for c, p in identifier.rank(sample)[:RANKED])
    code, confidence = ranking[0]
    return Identification(code, confidence, ranking)
