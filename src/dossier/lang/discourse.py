"""How news text marks what is not a statement of the story: page furniture, listings and
schedules, bylines, and the words that tie a sentence to the one before it.

The type is defined here once; each language fills it in its folder (``lang/en/news.py``).
Phrases are lower case and matched on word boundaries (:meth:`NewsText.has_phrase`).
"""

from __future__ import annotations

from dataclasses import dataclass


def _padded(text: str) -> str:
    """Lower case, every non-alphanumeric character a space, padded: phrases match whole words."""
    return " " + "".join(c if c.isalnum() else " " for c in text.lower()).replace("  ", " ") + " "


@dataclass(frozen=True, slots=True)
class NewsText:
    # Phrases that make a sentence page furniture ("click here", "last updated").
    boilerplate: tuple[str, ...] = ()
    # Phrases of listings, schedules and programme guides ("programme information").
    listing: tuple[str, ...] = ()
    # Words that open a byline ("by"), followed by a name.
    byline_words: frozenset[str] = frozenset()
    # Reporting verbs that, after a comma, put the author's name after the text ("..., writes
    # X.").
    byline_verbs: frozenset[str] = frozenset()
    # Lemmas that open a sentence by tying it to the one before ("but", "however"): such a
    # sentence cannot open or stand alone in a summary.
    connectives: frozenset[str] = frozenset()
    # Nouns that, after the definite article, refer back to people named before ("the pair").
    back_reference_nouns: frozenset[str] = frozenset()

    def has_phrase(self, text: str, phrases: tuple[str, ...]) -> bool:
        padded = " ".join(_padded(text).split())
        padded = f" {padded} "
        return any(f" {p} " in padded for p in phrases)

    def is_boilerplate(self, text: str) -> bool:
        return self.has_phrase(text, self.boilerplate)

    def is_listing(self, text: str) -> bool:
        return self.has_phrase(text, self.listing)
