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

import itertools
import re
from collections import Counter
from collections.abc import Sequence

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
_NO_PUNCT = str.maketrans("", "", _PUNCT)
_DIGITS = re.compile(r"\d")  # typography: digits of any script


def feature_names() -> tuple[str, ...]:
    own = OWN + LANGUAGE_FEATURES + tuple(f"cue={c}" for c in CUES) + ("any_cue", "short")
    context = tuple(f"{name}@{off:+d}" for off in _OFFSETS for name in _CONTEXT)
    return own + context


NAMES = feature_names()
_INDEX = {name: i for i, name in enumerate(NAMES)}
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
    own = np.array([_own(line, stop_words) for line in lines], dtype=np.float32)
    x[:, : own.shape[1]] = own
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


def _own(line: Line, stop_words: frozenset[str] | None) -> list[float]:
    text = line.text
    words = line.tokens
    n = max(1, len(words))
    chars = max(1, len(text))
    first = text[:1]
    capitalised = sum(map(str.isupper, (w[0] for w in words)))
    upper = sum(map(str.isupper, words)) - sum(map(str.isupper, (w for w in words if len(w) == 1)))
    digits = len(_DIGITS.findall(text))
    punctuation = chars - len(text.translate(_NO_PUNCT))
    breaks = text.count(". ") + text.count("? ") + text.count("! ")
    own = [
        float(np.log1p(len(words))),
        float(np.log1p(len(text))),
        float(L.ends_sentence(text)),
        breaks / n,
        text.count(",") / n,
        capitalised / n,
        upper / n,
        digits / chars,
        punctuation / chars,
        float(first.isupper()),
        float(first.islower()),
        float(first in _OPEN),
        float(first in _BULLETS),
        sum(map(len, words)) / n,
        float(text.count("\t")),
        float(any(q in text for q in '"“”«»„')),
        0.0,  # position, prose_above, prose_line: filled by the caller
        0.0,
        0.0,
        float(L.is_headline_like(text, len(words))),
        0.0,  # block_lines, block_words, in_block, page_repeats, short_run, same_as_previous
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        float(min(line.indent, 40)),
    ]
    if stop_words is None:
        own += [np.nan, np.nan]
    else:
        stops = sum(map(stop_words.__contains__, map(str.lower, words)))
        own += [stops / n, float(np.log1p(stops))]
    return own


def _runs(flags: np.ndarray) -> np.ndarray:
    """Length of the run of consecutive set flags each position belongs to (0 when unset)."""
    out = np.zeros_like(flags)
    i, n = 0, len(flags)
    while i < n:
        if flags[i]:
            j = i
            while j < n and flags[j]:
                j += 1
            out[i:j] = j - i
            i = j
        else:
            i += 1
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
