"""HTML pages: main text and metadata with trafilatura (dates via htmldate).

trafilatura finds the article body, title, site name, author and publication
date; its plain rendering (one paragraph per line) then goes through the same
line classifier as plain-text pages, which removes leftovers trafilatura
keeps (captions, share rows, "Read more" lists, repeated titles). Removal
offsets for HTML inputs are -1 (the rendering is not kept; see
:class:`~dossier.model.Removal`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from dossier.clean.settings import CleanSettings

logger = logging.getLogger(__name__)

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


def extract_html(html: str, settings: CleanSettings) -> HtmlExtraction:
    """Main text and metadata of an HTML page; empty text when nothing is found."""
    html = _CONTROL.sub(_drop_control, html)
    doc = _trafilatura(
        html,
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
        wide = _trafilatura(html, precision=False, recall=True, fast=True)
        if wide is not None and chosen < settings.html_recall_fallback_ratio * len(wide.text or ""):
            logger.debug("precision extraction too short (%d chars); using recall", chosen)
            doc = wide
    if doc is None:
        return HtmlExtraction("", None, None, None, _htmldate(html))
    text = doc.text or ""
    date = doc.date if isinstance(doc.date, str) and _ISO_DATE.match(doc.date) else None
    return HtmlExtraction(
        text=text,
        title=_clean_meta(doc.title),
        outlet=_clean_meta(doc.sitename),
        author=_clean_meta(doc.author),
        metadata_date=date or _htmldate(html),
    )


def _drop_control(match: re.Match[str]) -> str:
    if match[1] is None and match[2] is None:
        return ""  # a raw control character
    code = int(match[1], 16) if match[1] is not None else int(match[2])
    return "" if (code < 32 and code not in (9, 10, 13)) or code == 127 else match[0]


def _trafilatura(html: str, *, precision: bool, recall: bool, fast: bool) -> Any:
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
