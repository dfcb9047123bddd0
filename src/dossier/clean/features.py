"""Features of the lines of a page dump, for the block classifier.

Per line: its length, sentence shape (terminal punctuation, sentence breaks, commas,
capitalised and upper-case words, digits, other punctuation), stop-word density (jusText's
signal, which needs no markup; from the document's language object), where it sits on the
page (position, share of the page's prose above it), its paragraph (lines and words of the
block), repetition (the same line elsewhere on the page), the run of short link-like lines it
belongs to (menus, teaser headlines, archive lists), and the rule cue that matched it (share
row, date line, copyright, ...: the rules are features, the model decides). Then the same
few signals of its neighbours, so a line is judged with its context.

A document without a language object gets NaN for the language features (the models have a
language-neutral variant trained without them, see :mod:`dossier.clean.classifier`).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any

import numpy as np

from dossier.clean import lines as L
from dossier.clean.lines import Line

# Rule cues, one indicator column each (``None``: no rule matched). Their order is part of
# the shipped model: append, never reorder.
# not language: cue identifiers
CUES = (
    "reader-comment",
    "media-placeholder",
    "advertisement",
    "page-date",
    "navigation",
    "share",
    "subscribe",
    "related-header",
    "tags-header",
    "related-links",
    "tags",
    "byline",
    "legal",
    "footer",
    "caption",
    "outlet-blurb",
    "notice",
    "title-repeat",
    "caption-repeat",
)
_CUE_INDEX = {cue: i for i, cue in enumerate(CUES)}

# not language: feature names
OWN = (
    "log_words",
    "log_chars",
    "terminal",
    "breaks_per_word",
    "commas_per_word",
    "capitalised",
    "upper",
    "digits",
    "punctuation",
    "first_upper",
    "first_lower",
    "first_open",
    "first_bullet",
    "mean_word",
    "tabs",
    "quotes",
    "position",
    "prose_above",
    "prose_line",
    "headline_like",
    "block_lines",
    "block_words",
    "in_block",
    "page_repeats",
    "short_run",
    "same_as_previous",
    "indent",
)
LANGUAGE_FEATURES = ("stop_density", "log_stop_words")
# Neighbour signals: these own features of the lines at these offsets.
_CONTEXT = ("log_words", "terminal", "prose_line", "stop_density", "any_cue", "short")
_OFFSETS = (-3, -2, -1, 1, 2, 3)
_OPEN = "\"“‘'«([`„‚"
_BULLETS = "*•-+–—·>|»›"
_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»–—…·•|"
_DIGITS = re.compile(r"\d")  # typography: digits of any script
_QUOTE_MARKS = '"“”«»„'


def feature_names() -> tuple[str, ...]:
    own = OWN + LANGUAGE_FEATURES + tuple(f"cue={c}" for c in CUES) + ("any_cue", "short")
    context = tuple(f"{name}@{off:+d}" for off in _OFFSETS for name in _CONTEXT)
    return own + context


NAMES = feature_names()
_INDEX = {name: i for i, name in enumerate(NAMES)}
_OWN_INDEX = {name: _INDEX[name] for name in OWN + LANGUAGE_FEATURES}
_FIRST_CUE = _INDEX[f"cue={CUES[0]}"]
LANGUAGE_COLUMNS = tuple(
    i for i, name in enumerate(NAMES) if name.split("@")[0] in LANGUAGE_FEATURES
)


def line_features(
    lines: Sequence[Line],
    cues: Sequence[str | None],
    stop_words: frozenset[str] | None,
) -> np.ndarray:
    """One row per line, columns :data:`NAMES` (float32; NaN where a feature is unknown)."""
    n = len(lines)
    x = np.zeros((n, len(NAMES)), dtype=np.float32)
    if n == 0:
        return x
    _own(x, lines, stop_words)
    for i, cue in enumerate(cues):
        if cue is not None and cue in _CUE_INDEX:
            x[i, _CUE_INDEX[cue] + _FIRST_CUE] = 1.0
    x[:, _INDEX["any_cue"]] = np.fromiter((c in _CUE_INDEX for c in cues), bool, n)
    words = np.fromiter((line.words for line in lines), np.float64, n)
    terminal = x[:, _INDEX["terminal"]] > 0
    prose = (words >= 25) | ((words >= 8) & terminal)
    prose_words = np.where(prose, words, 0.0)
    x[:, _INDEX["position"]] = np.arange(n) / max(1, n - 1)
    x[:, _INDEX["prose_above"]] = (np.cumsum(prose_words) - prose_words) / max(
        1.0, prose_words.sum()
    )
    x[:, _INDEX["prose_line"]] = prose
    block = np.fromiter((line.block for line in lines), np.int64, n)
    _, start, inverse, count = np.unique(
        block, return_index=True, return_inverse=True, return_counts=True
    )
    x[:, _INDEX["block_lines"]] = np.log1p(count[inverse])
    x[:, _INDEX["block_words"]] = np.log1p(np.bincount(inverse, weights=words)[inverse])
    x[:, _INDEX["in_block"]] = np.log1p(np.arange(n) - start[inverse])
    keys = Counter(line.key for line in lines)
    x[:, _INDEX["page_repeats"]] = np.log1p(
        np.fromiter((keys[line.key] - 1 if line.key else 0 for line in lines), np.float64, n)
    )
    same = [False] + [a.key == b.key for a, b in itertools.pairwise(lines)]
    x[:, _INDEX["same_as_previous"]] = same
    short = (words <= 8) & ~terminal
    x[:, _INDEX["short"]] = short
    x[:, _INDEX["short_run"]] = np.log1p(_runs(short.astype(np.float32)))
    _add_context(x)
    return x


def _own(x: np.ndarray, lines: Sequence[Line], stop_words: frozenset[str] | None) -> None:
    """The per-line shape columns of :data:`OWN` and :data:`LANGUAGE_FEATURES`, a page at a
    time: character counts over the page's code points, word counts over all its words."""
    texts = [line.text for line in lines]
    tokens = [line.tokens for line in lines]
    words = np.fromiter(map(len, tokens), np.int64, len(lines))
    per_word = np.maximum(words, 1).astype(np.float64)
    chars = np.fromiter(map(len, texts), np.int64, len(lines))
    per_char = np.maximum(chars, 1).astype(np.float64)
    digits, punctuation = _character_counts(texts, chars)
    flat = list(itertools.chain.from_iterable(tokens))
    bounds = np.concatenate([[0], np.cumsum(words)])

    def per_line(values: Iterable[Any] | np.ndarray) -> np.ndarray:
        if not isinstance(values, np.ndarray):
            values = np.fromiter(values, np.int64, len(flat))
        total = np.concatenate([[0], np.cumsum(values, dtype=np.int64)])
        return total[bounds[1:]] - total[bounds[:-1]]

    lengths = np.fromiter(map(len, flat), np.int64, len(flat))
    is_upper = np.fromiter(map(str.isupper, flat), bool, len(flat))
    capitalised = per_line(map(str.isupper, map(itemgetter(0), flat)))
    upper = per_line(is_upper & (lengths > 1))
    firsts = [text[:1] for text in texts]
    column = _OWN_INDEX
    x[:, column["log_words"]] = np.log1p(words.astype(np.float64))
    x[:, column["log_chars"]] = np.log1p(chars.astype(np.float64))
    x[:, column["terminal"]] = [L.ends_sentence(text) for text in texts]
    x[:, column["breaks_per_word"]] = [
        text.count(". ") + text.count("? ") + text.count("! ") for text in texts
    ] / per_word
    x[:, column["commas_per_word"]] = [text.count(",") for text in texts] / per_word
    x[:, column["capitalised"]] = capitalised / per_word
    x[:, column["upper"]] = upper / per_word
    x[:, column["digits"]] = digits / per_char
    x[:, column["punctuation"]] = punctuation / per_char
    x[:, column["first_upper"]] = list(map(str.isupper, firsts))
    x[:, column["first_lower"]] = list(map(str.islower, firsts))
    x[:, column["first_open"]] = list(map(_OPEN.__contains__, firsts))
    x[:, column["first_bullet"]] = list(map(_BULLETS.__contains__, firsts))
    x[:, column["mean_word"]] = per_line(lengths) / per_word
    x[:, column["tabs"]] = [text.count("\t") for text in texts]
    x[:, column["quotes"]] = [any(map(text.__contains__, _QUOTE_MARKS)) for text in texts]
    x[:, column["headline_like"]] = [
        L.is_headline_like(text, k) for text, k in zip(texts, words.tolist(), strict=True)
    ]
    x[:, column["indent"]] = [min(line.indent, 40) for line in lines]
    if stop_words is None:
        x[:, column["stop_density"]] = np.nan
        x[:, column["log_stop_words"]] = np.nan
    else:
        stops = per_line(map(stop_words.__contains__, map(str.lower, flat)))
        x[:, column["stop_density"]] = stops / per_word
        x[:, column["log_stop_words"]] = np.log1p(stops.astype(np.float64))


def _character_counts(texts: list[str], chars: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per text (none empty): its digits (any script's, as ``\\d``) and its punctuation
    marks, counted over the code points of all texts at once."""
    points = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    table = _character_table()
    kinds = table.take(points, mode="clip")  # beyond the table: its last entry, no bits
    if points.max(initial=0) >= len(table) - 1:  # there, digits are decided one by one
        for p in np.unique(points[points >= len(table) - 1]).tolist():
            if _DIGITS.match(chr(p)):
                kinds[points == p] = _DIGIT_BIT
    starts = np.cumsum(chars) - chars
    digits = np.add.reduceat((kinds & _DIGIT_BIT).astype(np.int64), starts)
    punctuation = np.add.reduceat((kinds >> 1).astype(np.int64), starts)
    return digits, punctuation


_DIGIT_BIT, _PUNCT_BIT = 1, 2


@functools.cache
def _character_table() -> np.ndarray:
    """Per code point of the Basic Multilingual Plane: digit (``\\d``) and punctuation bits;
    the last entry stands for every point beyond it (no bits)."""
    table = np.zeros(0x10001, dtype=np.uint8)
    digits = [p for p in range(0x10000) if chr(p).isdecimal()]  # what \\d matches
    table[digits] |= _DIGIT_BIT
    table[[ord(c) for c in _PUNCT]] |= _PUNCT_BIT
    return table


def _runs(flags: np.ndarray) -> np.ndarray:
    """Length of the run of consecutive set flags each position belongs to (0 when unset)."""
    set_ = flags.astype(bool)
    if not set_.any():
        return np.zeros_like(flags)
    edges = np.diff(np.concatenate([[0], set_.astype(np.int8), [0]]))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    out = np.zeros_like(flags)
    out[set_] = np.repeat(ends - starts, ends - starts).astype(flags.dtype)
    return out


def _add_context(x: np.ndarray) -> None:
    n = len(x)
    for off in _OFFSETS:
        for name in _CONTEXT:
            column = x[:, _INDEX[name]]
            target = x[:, _INDEX[f"{name}@{off:+d}"]]
            target[:] = -1.0  # off the page
            if off < 0 and n + off > 0:
                target[-off:] = column[: n + off]
            elif off > 0 and n - off > 0:
                target[: n - off] = column[off:]
