"""Lines of a plain-text page dump and their language-neutral shapes.

A page is split into non-blank :class:`Line` records with raw offsets; the shapes here
(sentence ends, prose, headline, breadcrumb) are typography. What a line says in a
language (share rows, bylines, date words...) is in :mod:`dossier.clean.cues`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# typography: a word (letters or digits in any script, inner hyphens, apostrophes, dots);
# a line that ends as a sentence does (closing quotes and brackets after the stop)
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_TERMINAL = re.compile(r"[.!?…](?:\s?[\"'”’»)\]`´]+)*$")
_OPENERS = "\"“‘'«([`„‚"


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of a page dump, with its position in the raw text."""

    index: int  # position among non-blank lines
    start: int  # offset of the first non-space character in the raw text
    end: int  # offset after the last non-space character
    text: str  # whitespace-normalised text
    block: int  # paragraph number (blank lines separate paragraphs)
    indent: int  # leading spaces in the raw line
    key: str  # line_key(text): comparison key across lines and documents
    words: int  # word count
    tokens: tuple[str, ...] = ()  # the words themselves


# typography: zero-width characters; one letter or digit in any script
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_WORD_CHAR = re.compile(r"[^\W_]")


def normalise_space(text: str) -> str:
    """Collapse every run of (Unicode) whitespace to one space; drop zero-width characters."""
    if _ZERO_WIDTH.search(text):
        text = _ZERO_WIDTH.sub("", text)
    return " ".join(text.split())


def split_lines(raw: str, credit_prefix: Callable[[str], int] | None = None) -> list[Line]:
    """Non-blank lines with raw offsets; ``block`` increments at each blank line.

    A photo credit glued to the start of a long line ("Photograph: A Name/Agency The
    minister said ...", common in crawled text) is split off as a line of its own, so
    the credit can be removed without the sentence that follows it (``credit_prefix``: how
    many words of a line are such a credit, from the language's cues).
    """
    lines: list[Line] = []
    block = 0
    pos = 0
    previous_blank = True
    zero_width = bool(_ZERO_WIDTH.search(raw))  # else no line needs the search
    for piece in raw.split("\n"):
        text = normalise_space(piece) if zero_width else " ".join(piece.split())
        if not text:
            if not previous_blank:
                block += 1
            previous_blank = True
        else:
            lead = len(piece) - len(piece.lstrip())
            start, end = pos + lead, pos + len(piece.rstrip())
            tokens = tuple(_WORD.findall(text))
            n = len(tokens)
            spans = _credit_split(raw, start, end, text, n, credit_prefix)
            for a, b in spans:
                part = normalise_space(raw[a:b]) if len(spans) > 1 else text
                lines.append(
                    Line(
                        index=len(lines),
                        start=a,
                        end=b,
                        text=part,
                        block=block,
                        indent=lead,
                        key=_key(part),
                        words=word_count(part) if len(spans) > 1 else n,
                        tokens=tuple(_WORD.findall(part)) if len(spans) > 1 else tokens,
                    )
                )
            previous_blank = False
        pos += len(piece) + 1
    return lines


# A parenthesised lead-in: "(Photo: A Name/Agency)" or the -LRB- form of tokenised text.
_PAREN_PREFIX = re.compile(r"^(?:(?:\(|-LRB-)[^()]{1,100}?(?:\)|-RRB-)\s*)+")


def leading_parenthesis(text: str) -> str | None:
    match = _PAREN_PREFIX.match(text)
    return match.group() if match else None


def _credit_split(
    raw: str,
    start: int,
    end: int,
    text: str,
    words: int,
    credit_prefix: Callable[[str], int] | None,
) -> list[tuple[int, int]]:
    """Split a leading photo credit off a long line; returns raw spans (one or two)."""
    if credit_prefix is None or words <= 25:
        return [(start, end)]
    tokens = text.split(" ")
    cut = credit_prefix(text)
    if not 0 < cut < len(tokens) - 5:
        return [(start, end)]
    spans = [m.span() for m in re.finditer(r"\S+", raw[start:end])]
    if len(spans) != len(tokens):  # zero-width characters make token counts differ: no split
        return [(start, end)]
    middle_end = start + spans[cut - 1][1]
    middle_start = start + spans[cut][0]
    return [(start, middle_end), (middle_start, end)]


def line_key(text: str) -> str:
    """Key for cross-document comparison: case, bullets, edge punctuation ignored."""
    return _key(normalise_space(text))


def _key(normalised: str) -> str:
    first = _WORD_CHAR.search(normalised)
    if first is None:
        return ""
    last = _WORD_CHAR.search(normalised[::-1])
    assert last is not None
    return normalised[first.start() : len(normalised) - last.start()].lower()


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text))


def is_sentence_like(text: str) -> bool:
    """Body prose: a complete sentence of some length, or a long run of words."""
    n = word_count(text)
    if n >= 20:
        return True
    first = text[:1]
    return (
        n >= 6 and ends_sentence(text) and (first.isupper() or first.isdigit() or first in _OPENERS)
    )


def is_prose(text: str, words: int | None = None) -> bool:
    """Stricter than :func:`is_sentence_like`: what a body paragraph looks like (``words``:
    the text's word count, when known)."""
    n = word_count(text) if words is None else words
    return n >= 25 or (n >= 8 and ends_sentence(text))


def is_headline_like(text: str, words: int | None = None) -> bool:
    n = word_count(text) if words is None else words
    if not 2 <= n <= 30:
        return False
    if text.endswith(".") and not text.endswith("..."):
        return False
    first = text.lstrip("\"“‘'«([")[:1]
    return first.isupper() or first.isdigit()


# typography: a breadcrumb separator between two spaced items (Home > World > Asia)
_BREADCRUMB = re.compile(r"\s(?:>|»|›|/|\|)\s")


def is_breadcrumb(text: str) -> bool:
    """ "Home > World > Asia", "About us | Contact | Privacy": short segments between separators."""
    if text.startswith("|") or text.endswith("|"):
        return False  # a table row (HTML tables are rendered "| a | b |")
    parts = _BREADCRUMB.split(text)
    if len(parts) < 3 or ends_sentence(text):
        return False
    return all(1 <= word_count(p) <= 4 for p in parts)
