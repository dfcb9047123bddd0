"""Plain-text cleaning with the block classifier: score every line, keep the article.

A page dump is split into lines (:func:`dossier.clean.lines.split_lines`); each gets the
rule cues of :mod:`dossier.clean.cues` and the features of :mod:`dossier.clean.features`,
and the shipped model (:mod:`dossier.clean.classifier`) scores how likely it is article
text, with context smoothing over its neighbours. Lines scoring at least the model's
threshold are the body. A few rules stay decisions because they are exact: a line that is
only a date (``page-date``, kept verbatim for the dating stage), a media placeholder, an
advertisement label, a repeated caption or title, a reader's comment, and short non-sentence
lines printed in several documents of the input (``cross-document-repeat``). A removed line
that reads as prose and scored close to the threshold inside the article is kept and
counted as unsure; when the model keeps nothing but some line reads as prose, the best
scoring prose is kept rather than the article thrown away.

Every removed run of lines is a :class:`~dossier.model.Removal` with its reason (the rule
cue that matched, else where it sits: ``navigation`` above the article, ``related-links``
for a list of short link lines below it, ``footer`` after it, ``boilerplate`` inside it) and
the best classifier score among its lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dossier.clean import assemble as A
from dossier.clean import features as F
from dossier.clean import lines as L
from dossier.clean import outlet as O
from dossier.clean import plain as P
from dossier.clean.classifier import BlockModel
from dossier.clean.cues import Cues
from dossier.clean.lines import Line
from dossier.clean.plain import PlainResult
from dossier.clean.settings import CleanSettings
from dossier.model import Flag

# Cues that decide on their own: exact shapes (a date-only line, a whole line that is a
# share/subscribe/related-articles label, a credited caption), never article text.
# not language: cue identifiers
_DECISIVE = frozenset(
    {
        "page-date",
        "media-placeholder",
        "advertisement",
        "caption",
        "caption-repeat",
        "title-repeat",
        "reader-comment",
        "byline",
        "share",
        "subscribe",
        "related-header",
        "tags-header",
        "notice",
    }
)
# A caption's shape is a guess (a paragraph printed twice looks like one): prose with any
# other decisive cue is never article text.
_NEVER_RESCUED = _DECISIVE - {"caption", "caption-repeat", "notice"}
# not language: cue identifiers
_SECTION_HEADERS = {"related-header": "related-links", "tags-header": "tags"}


@dataclass(frozen=True, slots=True)
class Scored:
    """A page split into lines, with rule cues and classifier scores."""

    raw: str
    lines: tuple[Line, ...]
    cues: tuple[str | None, ...]
    features: np.ndarray
    prose: tuple[bool, ...]  # the line reads as prose (alone, or in its hard-wrapped paragraph)


def prepare(raw: str, cues: Cues, known_title: str | None = None) -> Scored:
    lines = cues.split(raw)
    found = cues.line_cues(lines, known_title)
    features = F.line_features(lines, found, cues.stop_words)
    return Scored(raw, tuple(lines), tuple(found), features, _prose(lines))


def _prose(lines: Sequence[Line]) -> tuple[bool, ...]:
    out = [L.is_prose(line.text, line.words) for line in lines]
    start = 0
    while start < len(lines):
        end = start
        while end + 1 < len(lines) and lines[end + 1].block == lines[start].block:
            end += 1
        block = range(start, end + 1)
        if end > start and P._is_wrapped(lines, block):
            prose = L.is_prose(" ".join(lines[i].text for i in block))
            for i in block:
                out[i] = out[i] or prose
        start = end + 1
    return tuple(out)


def score_pages(pages: Sequence[Scored], model: BlockModel) -> list[np.ndarray]:
    """Classifier scores for the lines of several pages, in one pass."""
    if not pages:
        return []
    x = np.concatenate([p.features for p in pages]) if pages else np.zeros((0, len(F.NAMES)))
    groups = np.concatenate([np.full(len(p.lines), i) for i, p in enumerate(pages)])
    scores = model.scores(x, groups) if len(x) else np.zeros(0)
    out, start = [], 0
    for page in pages:
        out.append(scores[start : start + len(page.lines)])
        start += len(page.lines)
    return out


@dataclass(frozen=True, slots=True)
class Decision:
    keep: list[bool]
    unsure: list[int]  # kept although the score was below the threshold
    title: int | None = None  # the headline's line


def decide(
    page: Scored,
    scores: np.ndarray,
    model: BlockModel,
    repeated: frozenset[str],
    settings: CleanSettings,
) -> Decision:
    """Which lines are the article: the classifier's threshold, the exact rules, prose the
    classifier was unsure of inside the article, and never nothing when prose exists."""
    lines, cues = page.lines, page.cues
    keep = [bool(s >= model.threshold) for s in _paragraph_scores(page, scores)]
    in_list = False
    for i, line in enumerate(lines):
        if cues[i] in _SECTION_HEADERS:
            in_list = True  # the list under "Related articles": up to the next prose
        elif page.prose[i]:
            in_list = False
        if cues[i] in _DECISIVE or in_list or _is_cross_document(line, repeated, settings):
            keep[i] = False
    title = _title(page, keep)
    if title is not None:
        keep[title] = False
        _keep_standfirst(page, keep, title)
    _drop_edge_blurbs(page, keep)
    unsure: list[int] = []
    kept = [i for i, k in enumerate(keep) if k]
    if kept:
        for i in range(kept[0], kept[-1] + 1):
            if not keep[i] and _unsure_prose(page, i, scores[i], model):
                keep[i] = True
                unsure.append(i)
        unsure += _extend(page, scores, keep, model, kept[0], -1)
        unsure += _extend(page, scores, keep, model, kept[-1], 1)
    if _prose_words(page, keep) < settings.min_article_words:
        unsure += _rescue_prose(page, scores, keep, model.unsure, settings.min_article_words)
    _keep_copies(page, keep)
    return Decision(keep, sorted(unsure), title)


def _keep_copies(page: Scored, keep: list[bool]) -> None:
    """A paragraph printed again on the page is the same text: where one copy is article
    text, so is the other."""
    kept = {line.key for line, k, p in zip(page.lines, keep, page.prose, strict=True) if k and p}
    for i, line in enumerate(page.lines):
        if not keep[i] and page.prose[i] and line.key in kept:
            keep[i] = page.cues[i] not in _NEVER_RESCUED


def _extend(
    page: Scored, scores: np.ndarray, keep: list[bool], model: BlockModel, edge: int, step: int
) -> list[int]:
    """Prose the classifier was unsure of right above or below the kept article."""
    out = []
    i = edge + step
    while (
        0 <= i < len(page.lines)
        and not keep[i]
        and page.cues[i] is None
        and _unsure_prose(page, i, scores[i], model)
    ):
        keep[i] = True
        out.append(i)
        i += step
    return out


def _keep_standfirst(page: Scored, keep: list[bool], title: int) -> None:
    """Complete sentences between the headline and the first kept prose are its standfirst
    ("The judge has resigned."), however short."""
    for i in range(title + 1, len(page.lines)):
        if keep[i] and page.prose[i]:
            return
        if page.cues[i] is None and P._is_short_sentence(page.lines[i]):
            keep[i] = True


def _drop_edge_blurbs(page: Scored, keep: list[bool]) -> None:
    """An outlet describing itself (by its content) above or below the article (by its
    place) is a blurb; inside the article it is the story's own text."""
    kept = [i for i, k in enumerate(keep) if k and page.cues[i] != "outlet-blurb"]
    if not kept:
        return
    for i, cue in enumerate(page.cues):
        if cue == "outlet-blurb" and not kept[0] < i < kept[-1]:
            keep[i] = False


def _paragraph_scores(page: Scored, scores: np.ndarray) -> np.ndarray:
    """A hard-wrapped paragraph is one block: its lines share their mean score."""
    out = scores.copy()
    lines = page.lines
    start = 0
    while start < len(lines):
        end = start
        while end + 1 < len(lines) and lines[end + 1].block == lines[start].block:
            end += 1
        block = range(start, end + 1)
        if end > start and P._is_wrapped(lines, block):
            out[start : end + 1] = scores[start : end + 1].mean()
        start = end + 1
    return out


def _title(page: Scored, keep: Sequence[bool]) -> int | None:
    """The headline: the longest headline-shaped line without a cue above the first kept
    prose (a line printed again right below it counts more)."""
    lines, cues = page.lines, page.cues
    first = next((i for i, k in enumerate(keep) if k and page.prose[i]), len(lines))
    start_block = lines[first].block if first < len(lines) else -1
    one_block = sum(1 for line in lines if line.block == start_block) > 8  # no blank lines
    best: tuple[float, int] | None = None
    for i in range(first):
        line = lines[i]
        if cues[i] is not None or (line.block == start_block and not one_block):
            continue
        if line.words < 3 or not L.is_headline_like(line.text, line.words):
            continue
        score = float(line.words) + (
            3.0 if i + 1 < len(lines) and cues[i + 1] == "title-repeat" else 0.0
        )
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


def _prose_words(page: Scored, keep: Sequence[bool]) -> int:
    return sum(
        line.words for line, k, p in zip(page.lines, keep, page.prose, strict=True) if k and p
    )


def _rescue_prose(
    page: Scored, scores: np.ndarray, keep: list[bool], unsure: float, minimum: int
) -> list[int]:
    """Too little kept to be an article, but prose was removed: keep the paragraph of the
    best-scoring removed prose line and any removed prose the classifier was unsure of, then
    more prose, best first, up to the minimum article (an article is never thrown away for
    looking odd: an input with that much prose is one)."""
    prose = [
        i
        for i, line in enumerate(page.lines)
        if not keep[i] and page.cues[i] not in _NEVER_RESCUED and page.prose[i]
    ]
    if not prose:
        return []
    best = max(prose, key=lambda i: scores[i])
    block = page.lines[best].block
    rescued = [i for i in prose if page.lines[i].block == block or scores[i] >= unsure]
    for i in rescued:
        keep[i] = True
    for i in sorted(prose, key=lambda i: -scores[i]):
        if _prose_words(page, keep) >= minimum:
            break
        if not keep[i]:
            keep[i] = True
            rescued.append(i)
    return rescued


def _is_cross_document(line: Line, repeated: frozenset[str], settings: CleanSettings) -> bool:
    return (
        line.key in repeated
        and line.words <= settings.repeat_max_words
        and not P._is_short_sentence(line)
    )


def _unsure_prose(page: Scored, i: int, score: float, model: BlockModel) -> bool:
    return score >= model.unsure and page.cues[i] in (None, "outlet-blurb") and page.prose[i]


def label_lines(
    page: Scored,
    keep: Sequence[bool],
    rules: Cues,
    repeated: frozenset[str],
    settings: CleanSettings,
    title: int | None = None,
) -> list[str]:
    """Every line's label ("body" for kept lines, else the removal reason); ``title``: the
    headline's line (above the article, not part of the clean text)."""
    lines, cues = page.lines, page.cues
    kept = [i for i, k in enumerate(keep) if k]
    first, last = (kept[0], kept[-1]) if kept else (len(lines), len(lines))
    is_repeat = [_is_cross_document(line, repeated, settings) for line in lines]
    title_key = lines[title].key if title is not None else None
    labels: list[str] = []
    section: str | None = None
    for i, line in enumerate(lines):
        cue = cues[i]
        if keep[i]:
            labels.append("body")
            section = None
        elif i == title or (title_key and line.key == title_key and cue is None):
            labels.append("title")
        elif cue in _SECTION_HEADERS:
            section = _SECTION_HEADERS[cue]
            labels.append(section)
        elif section is not None and cue in P._LIST_FURNITURE:
            labels.append(section)  # the dates and media labels of a list of links
        elif cue is not None:
            reason = P.final_cue(cue, line.text, rules)
            if reason == "outlet-blurb" and first < i < last and not is_repeat[i]:
                reason = "boilerplate"  # a self-description's place is the top or the bottom
            labels.append(reason)
        elif section is not None:
            labels.append(section)
        elif is_repeat[i]:
            labels.append("cross-document-repeat")
        else:
            labels.append(_place_reason(line, i, first, last, rules))
    P._label_blurb_names(list(lines), labels)
    return labels


def _place_reason(line: Line, i: int, first: int, last: int, rules: Cues) -> str:
    """The reason for a line only the classifier removed: where it sits."""
    short = line.words <= 8 and not L.ends_sentence(line.text)
    if i < first:
        return "navigation"
    if i > last:
        if short:
            return "related-links"
        return "legal" if rules.is_legal(line.text) else "footer"
    return "navigation" if short else "boilerplate"


def masthead(page: Scored, labels: list[str], title: int | None, rules: Cues) -> str | None:
    """The outlet's name printed at the top, if the first line is one (relabelled)."""
    first = next(
        (i for i, lab in enumerate(labels) if lab not in ("legal", "page-date", "advertisement")),
        None,
    )
    if first is None or labels[first] not in ("navigation", "cross-document-repeat"):
        return None
    if page.cues[first] is not None:
        return None
    name = O.outlet_from_masthead(page.lines[first], page.lines, title, rules)
    if name:
        labels[first] = "masthead"
    return name


def build_result(
    page: Scored,
    labels: list[str],
    title: int | None,
    scores: np.ndarray | None,
    rules: Cues,
    known_title: str | None = None,
    find_masthead: bool = True,
) -> PlainResult:
    """Clean text, metadata and removals of a labelled page."""
    lines = page.lines
    body = [line for line, label in zip(lines, labels, strict=True) if label == "body"]
    body_start = next((i for i, lab in enumerate(labels) if lab == "body"), len(lines))
    dateline_place, agency = A.dateline(body, rules)
    author = next(
        (
            rules.byline_name(ln.text)
            for ln, lab in zip(lines, labels, strict=True)
            if lab == "byline"
        ),
        None,
    )
    brand = masthead(page, labels, title, rules) if find_masthead else None
    return PlainResult(
        clean_text=A.join_body(body),
        title=lines[title].text if title is not None else known_title,
        outlet=A.find_outlet(lines, labels, agency, page.raw, brand, rules),
        author=author,
        dateline_place=dateline_place,
        page_date_text=A.page_date(lines, labels, body_start, rules),
        removals=A.removals(page.raw, lines, labels, scores),
        line_labels=tuple(zip(lines, labels, strict=True)),
    )


def flags(lines: Sequence[Line], labels: Sequence[str], unsure: int, rules: Cues) -> list[Flag]:
    """``truncated`` when the page stops mid-article (a paywall prompt after the text, or a
    last paragraph cut off mid-sentence); ``cleaning-uncertain`` when lines the classifier
    was unsure about were kept."""
    out: list[Flag] = []
    kept = [i for i, label in enumerate(labels) if label == "body"]
    if kept:
        last = kept[-1]
        wall = next(
            (
                lines[i].text
                for i in range(kept[0], len(lines))
                if labels[i] != "body" and rules.is_paywall(lines[i].text, lines[i].words)
            ),
            None,
        )
        if wall is not None:
            out.append(Flag("truncated", f"the page asks the reader to subscribe: {wall!r}"))
        elif _cut_off(lines[last].text):
            out.append(
                Flag("truncated", f"the text stops mid-sentence: {lines[last].text[-60:]!r}")
            )
    if unsure:
        out.append(
            Flag(
                "cleaning-uncertain",
                f"{unsure} line{'s' if unsure != 1 else ''} kept that the block classifier "
                "scored below its threshold (they read as prose)",
            )
        )
    return out


def _cut_off(text: str) -> bool:
    """A long last line that ends inside a sentence ("... the court said that the", "…")."""
    if L.word_count(text) < 12 or not text[:1].isupper():
        return False
    end = text.rstrip()
    if end.endswith(("...", "…")) and not end.endswith(("....", "……")):
        return True
    return end[-1:].isalnum() or end[-1:] in ",;:-–"


def featurise_for_training(text: str) -> tuple[list[Line], np.ndarray, np.ndarray]:
    """Lines of ``text`` with their English and their language-neutral features."""
    from dossier.lang import load_language

    english = Cues.of(load_language("en"))
    neutral = Cues.of(None)
    lines = english.split(text)
    full = F.line_features(lines, english.line_cues(lines), english.stop_words)
    bare = F.line_features(lines, neutral.line_cues(lines), None)
    return lines, full, bare
