"""Words of the language's tables found at an edge of a piece of text, without patterns.

The entity stages ask small questions of the words right next to a name: is the word
before a full stop one of the language's abbreviations, does the text between two names
open on one of its cue phrases ("also known as", "formerly"). These helpers answer them
by splitting at white space and looking the words up in the tables, so no stage builds a
regular expression out of a list of words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# typography: a piece of text between white space; a run of word characters
_PIECE = re.compile(r"\S+")
_WORD_RUN = re.compile(r"\w*")


def is_word_char(char: str) -> bool:
    """A letter, digit or underscore of any script (what ``\\w`` matches)."""
    return char.isalnum() or char == "_"


def trailing_word(text: str) -> str:
    """The run of word characters ``text`` ends with ("" when it ends on anything else)."""
    i = len(text)
    while i > 0 and is_word_char(text[i - 1]):
        i -= 1
    return text[i:]


def leading_word(text: str) -> str:
    """The run of word characters ``text`` starts with ("" when it starts on anything else)."""
    return _WORD_RUN.match(text).group()  # type: ignore[union-attr]  # \w* always matches


def spans(text: str) -> list[tuple[int, int]]:
    """The white-space separated pieces of ``text``, as offsets into it."""
    return [m.span() for m in _PIECE.finditer(text)]


class Phrases:
    """A table of phrases ("known as", "or"), each looked up as a sequence of words."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._words = sorted({tuple(p.split()) for p in phrases if p.split()}, key=len)
        self._words.reverse()  # longest first

    def opening(self, words: Sequence[str]) -> int:
        """How many of ``words`` the longest phrase they open with takes (0: none)."""
        for phrase in self._words:
            if tuple(words[: len(phrase)]) == phrase:
                return len(phrase)
        return 0

    def openings(self, words: Sequence[str]) -> list[int]:
        """The lengths of every phrase ``words`` open with, longest first."""
        return [len(p) for p in self._words if tuple(words[: len(p)]) == p]
