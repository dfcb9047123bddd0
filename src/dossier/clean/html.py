"""HTML pages: main text and metadata with trafilatura (dates via htmldate).

The page is parsed once with a depth-safe parser (:func:`dossier.clean.render.parse_page`);
a page nested deeper than libxml2's default limit is handed to trafilatura as that tree,
so its article is not cut off. trafilatura finds the article body, title, site name,
author and publication date; its plain rendering (one paragraph per line) then goes through
the rule-based line labelling (:mod:`dossier.clean.plain`), which removes leftovers
trafilatura keeps (captions, share rows, "Read more" lists, repeated titles).

Nothing vanishes silently: the page's select-all text (:func:`~dossier.clean.render.render_text`)
is compared with the extraction, and every block trafilatura dropped is recorded as a
removal with a reason (the rule cue that matches it, else where it sits: ``navigation``
above the article, ``related-links`` / ``footer`` below it, ``boilerplate`` inside) and the
block classifier's score. When trafilatura finds nothing, the block classifier cleans that
rendering as it cleans plain text. Removal offsets for HTML are -1 (the rendering is not
kept; see :class:`~dossier.model.Removal`).
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from dossier.clean import blocks as B
from dossier.clean.assemble import removals
from dossier.clean.classifier import BlockModel
from dossier.clean.cues import Cues
from dossier.clean.lines import line_key
from dossier.clean.plain import PlainResult, clean_plain
from dossier.clean.render import DEEP_NESTING, Page, parse_page, render_text
from dossier.clean.settings import CleanSettings
from dossier.model import Flag, Removal

logger = logging.getLogger(__name__)

# not words: an ISO 8601 date in a page's metadata
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Control characters, raw or as character references: one of them makes the XML tree the
# extractor builds refuse the whole page. (References to 128-159 are cp1252 punctuation in
# HTML and stay.)
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?"
)


@dataclass(frozen=True, slots=True)
class HtmlExtraction:
    text: str  # plain rendering of the main content, one paragraph per line
    title: str | None
    outlet: str | None
    author: str | None
    metadata_date: str | None  # ISO YYYY-MM-DD
    page: Page | None = None  # the parsed page (for its select-all rendering)


def extract_html(html: str, settings: CleanSettings) -> HtmlExtraction:
    """Main text and metadata of an HTML page; empty text when nothing is found."""
    html = _CONTROL.sub(_drop_control, html)
    page = parse_page(html)
    # Deeper than libxml2's default limit, trafilatura's own parse would stop early: give it
    # the depth-safe tree instead.
    source: Any = page.tree if page.tree is not None and page.depth >= DEEP_NESTING else html
    doc = _trafilatura(
        source,
        precision=settings.html_mode == "precision",
        recall=settings.html_mode == "recall",
        fast=settings.html_fast,
    )
    chosen = len(doc.text or "") if doc is not None else 0
    if (
        settings.html_recall_fallback_ratio > 0
        and settings.html_mode != "recall"
        and chosen < settings.html_recall_fallback_max_chars
    ):
        wide = _trafilatura(source, precision=False, recall=True, fast=True)
        if wide is not None and chosen < settings.html_recall_fallback_ratio * len(wide.text or ""):
            logger.debug("precision extraction too short (%d chars); using recall", chosen)
            doc = wide
    if doc is None:
        return HtmlExtraction("", None, None, None, _htmldate(html), page)
    text = doc.text or ""
    date = doc.date if isinstance(doc.date, str) and _ISO_DATE.match(doc.date) else None
    return HtmlExtraction(
        text=text,
        title=_clean_meta(doc.title),
        outlet=_clean_meta(doc.sitename),
        author=_clean_meta(doc.author),
        metadata_date=date or _htmldate(html),
        page=page,
    )


def _drop_control(match: re.Match[str]) -> str:
    if match[1] is None and match[2] is None:
        return ""  # a raw control character
    code = int(match[1], 16) if match[1] is not None else int(match[2])
    return "" if (code < 32 and code not in (9, 10, 13)) or code == 127 else match[0]


def _trafilatura(html: Any, *, precision: bool, recall: bool, fast: bool) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=precision,
            favor_recall=recall,
            fast=fast,
        )
    except Exception:  # trafilatura raises assorted parser errors on broken markup
        logger.warning("trafilatura failed on a page", exc_info=True)
        return None


def _htmldate(html: str) -> str | None:
    try:
        from htmldate import find_date

        found = find_date(html, extensive_search=False, original_date=True)
    except Exception:  # htmldate is best effort
        logger.debug("htmldate failed", exc_info=True)
        return None
    return found if isinstance(found, str) and _ISO_DATE.match(found) else None


def _clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def clean_html(
    text: str,
    extraction: HtmlExtraction,
    rules: Cues,
    models: Mapping[str, BlockModel],
    repeated: frozenset[str],
    settings: CleanSettings,
) -> tuple[PlainResult, list[Flag]]:
    """Clean text and removals of an HTML page from its extraction (``text``: one paragraph
    per line) and its select-all rendering."""
    model = models["neutral" if rules.neutral else "full"]
    rendering = render_text(extraction.page) if extraction.page is not None else ""
    scored = B.prepare(rendering, rules, extraction.title)
    (scores,) = B.score_pages([scored], model)
    if not text.strip():
        # trafilatura found nothing: clean the rendering as plain text.
        decision = B.decide(scored, scores, model, repeated, settings)
        labels = B.label_lines(scored, decision.keep, rules, repeated, settings, decision.title)
        result = B.build_result(scored, labels, decision.title, scores, rules, extraction.title)
        flags = B.flags(scored.lines, labels, len(decision.unsure), rules)
        return _unplaced(result, result.removals), flags
    if settings.html_line_cleaning:
        result = clean_plain(
            text, settings, rules, repeated, known_title=extraction.title, extracted=True
        )
    else:
        body = "\n\n".join(p for p in (" ".join(ln.split()) for ln in text.split("\n")) if p)
        result = PlainResult(body, extraction.title, None, None, None, None, (), ())
    dropped = _dropped(scored, scores, text, rules, repeated, settings)
    lines = [line for line, _ in result.line_labels]
    labels = [label for _, label in result.line_labels]
    flags = B.flags(lines, labels, 0, rules)
    return _unplaced(result, dropped + result.removals), flags


def _dropped(
    scored: B.Scored,
    scores: np.ndarray,
    extracted: str,
    rules: Cues,
    repeated: frozenset[str],
    settings: CleanSettings,
) -> tuple[Removal, ...]:
    """Blocks of the rendering that the extraction left out, with reasons and scores."""
    words = extracted.split()
    flat = " ".join(words)
    extracted_keys = {line_key(ln) for ln in extracted.split("\n") if ln.strip()}
    keep = []
    for line in scored.lines:
        if line.words < 4:
            keep.append(line.key in extracted_keys)
        else:
            keep.append(line.text in flat or line.key in extracted_keys)
    labels = B.label_lines(scored, keep, rules, repeated, settings)
    return removals(scored.raw, scored.lines, labels, scores)


def _unplaced(result: PlainResult, found: tuple[Removal, ...]) -> PlainResult:
    """Offsets would point into renderings that are not kept: say "unknown" (-1)."""
    return dataclasses.replace(
        result, removals=tuple(dataclasses.replace(r, start=-1, end=-1) for r in found)
    )
