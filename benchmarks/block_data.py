"""Training and dev data for the plain-text block classifier, made from public pages.

The 181 pages of ``../shared/benchmarks/article-extraction`` (real news and blog pages with
their gold article text) are rendered as people's saved text would be, in several styles
(:func:`dossier.clean.render.render_text`'s ``browser``, ``lines`` and ``wrapped``, and
inscriptis's layout-preserving text), and every line is labelled body or not by aligning its
words with the gold body. The split is fixed by page: every fifth page in key order is dev,
for every style, so no rendering of a dev page is ever trained on. The seeds are never used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "benchmarks" / "article-extraction"
STYLES = ("browser", "lines", "wrapped", "inscriptis")
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Rendered:
    key: str
    style: str
    text: str  # the page as saved text
    gold: str  # the gold article body
    html: str


def page_keys() -> list[str]:
    return sorted(json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8")))


def split(keys: list[str]) -> tuple[list[str], list[str]]:
    """(train, dev): every fifth page in key order is dev."""
    dev = [k for i, k in enumerate(sorted(keys)) if i % 5 == 4]
    return [k for k in sorted(keys) if k not in set(dev)], dev


def render(html: str, style: str) -> str:
    if style == "inscriptis":
        from inscriptis import get_text

        return get_text(html)
    from dossier.clean.render import render_text

    return render_text(html, style)  # type: ignore[arg-type]


def pages(keys: list[str], styles: tuple[str, ...] = STYLES) -> Iterator[Rendered]:
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    for key in keys:
        html = (BENCH / "html" / f"{key}.html").read_text(encoding="utf-8", errors="replace")
        gold = truth[key].get("articleBody") or ""
        for style in styles:
            yield Rendered(key, style, render(html, style), gold, html)


def line_labels(lines: list[str], gold: str, n: int = 4) -> list[bool]:
    """Per line: is it (mostly) gold body?

    A word of the page is covered when a run of ``n`` consecutive words of the page through
    it (across line ends) also occurs in the gold body; a line is body when at least half of
    its words are covered. (The benchmark's own unit, and linear in the page's length.)
    """
    spans: list[tuple[int, int]] = []
    tokens: list[str] = []
    for line in lines:
        words = [w.lower() for w in _TOKEN.findall(line)]
        spans.append((len(tokens), len(tokens) + len(words)))
        tokens.extend(words)
    gold_tokens = [w.lower() for w in _TOKEN.findall(gold)]
    grams = {tuple(gold_tokens[i : i + n]) for i in range(len(gold_tokens) - n + 1)}
    covered = [False] * len(tokens)
    for i in range(len(tokens) - n + 1):
        if tuple(tokens[i : i + n]) in grams:
            for j in range(i, i + n):
                covered[j] = True
    if len(gold_tokens) < n:  # a gold body shorter than one shingle: match it whole
        whole = " ".join(gold_tokens)
        for k, line in enumerate(lines):
            if whole and " ".join(w.lower() for w in _TOKEN.findall(line)) == whole:
                covered[spans[k][0] : spans[k][1]] = [True] * (spans[k][1] - spans[k][0])
    return [end > start and sum(covered[start:end]) * 2 >= end - start for start, end in spans]
