"""Stage 2 entry points: :func:`clean_documents` and :func:`clean_file`."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from dossier.clean.html import HtmlExtraction, extract_html
from dossier.clean.plain import PlainResult, clean_plain, repeat_keys
from dossier.clean.settings import CleanSettings
from dossier.model import Document, Flag, FlagKind, Removal
from dossier.resources import Resources
from dossier.text import break_long_lines, strip_controls

NO_TEXT_REASON = "no article text after cleaning"
CONTROLS_REMOVED: FlagKind = "control-characters-removed"


def clean_documents(
    docs: Sequence[Document], settings: CleanSettings, resources: Resources | None = None
) -> tuple[Document, ...]:
    """Clean every ``ok`` document; others pass through unchanged.

    Lines repeated across the documents of the input (and not sentence-like)
    are treated as boilerplate, so the whole batch is cleaned together. With
    ``resources``, each document's language gives the labels of its date lines
    ("Published ...", "Last updated ..."), removed as ``page-date`` with their text.
    """
    renderings: dict[int, tuple[str, HtmlExtraction | None]] = {}
    counts: Counter[str] = Counter()
    for i, doc in enumerate(docs):
        if not doc.ok:
            continue
        if doc.media_type == "html":
            extraction = extract_html(doc.raw_text, settings)
            # One paragraph per line in trafilatura's rendering: make paragraphs explicit.
            rendering = "\n\n".join(ln for ln in extraction.text.split("\n") if ln.strip())
            renderings[i] = (break_long_lines(rendering, settings.max_line_chars), extraction)
        else:
            # Same length as the raw text (a space becomes a newline): removal offsets hold.
            renderings[i] = (break_long_lines(doc.raw_text, settings.max_line_chars), None)
        counts.update(repeat_keys(renderings[i][0], settings))
    repeated = frozenset(k for k, n in counts.items() if n >= settings.repeat_min_docs)
    out = []
    for i, doc in enumerate(docs):
        if i not in renderings:
            out.append(doc)
            continue
        text, found = renderings[i]
        labels = _date_labels(doc, resources)
        out.append(_clean_one(doc, text, found, repeated, settings, labels))
    return tuple(out)


def _date_labels(doc: Document, resources: Resources | None) -> frozenset[str]:
    """The date-line labels of the document's language (of every language when it is not
    known yet)."""
    if resources is None:
        return frozenset()
    known = resources.language(doc.language)
    languages = [known] if known is not None else list(resources.languages.values())
    return frozenset().union(
        *(lang.calendar.page.published | lang.calendar.page.updated for lang in languages)
    )


def clean_file(
    path: str | Path, settings: CleanSettings, resources: Resources | None = None
) -> Document:
    """Ingest and clean one file (``dossier clean FILE``)."""
    from dossier.ingest import IngestSettings, read_inputs

    (doc,) = read_inputs([path], IngestSettings())
    (cleaned,) = clean_documents([doc], settings, resources or Resources())
    return cleaned


def _clean_one(
    doc: Document,
    text: str,
    extraction: HtmlExtraction | None,
    repeated: frozenset[str],
    settings: CleanSettings,
    date_labels: frozenset[str] = frozenset(),
) -> Document:
    if extraction is not None and not settings.html_line_cleaning:
        body = "\n\n".join(p for p in (" ".join(ln.split()) for ln in text.split("\n")) if p)
        result = PlainResult(body, extraction.title, None, None, None, None, (), ())
    else:
        result = clean_plain(
            text,
            settings,
            repeated,
            known_title=extraction.title if extraction else None,
            extracted=extraction is not None,
            date_labels=date_labels,
        )
    title = result.title
    outlet = result.outlet
    author = result.author
    metadata_date = None
    removals: tuple[Removal, ...] = result.removals
    if extraction is not None:
        # Offsets would point into the extractor's rendering, which is not kept: say "unknown".
        removals = tuple(dataclasses.replace(r, start=-1, end=-1) for r in removals)
        title = extraction.title or title
        outlet = extraction.outlet or outlet
        author = extraction.author or author
        metadata_date = extraction.metadata_date
    # What ingest already knows (a sources file, og:site_name) is kept.
    title = doc.title or title
    outlet = doc.outlet or outlet
    clean_text, controls = strip_controls(result.clean_text)
    flags = doc.flags
    if controls:
        plural = "s" if controls != 1 else ""
        flags = (*flags, Flag(CONTROLS_REMOVED, f"{controls} control character{plural} removed"))
    cleaned = dataclasses.replace(
        doc,
        clean_text=clean_text,
        title=_printable(title),
        outlet=_printable(outlet),
        author=_printable(author),
        dateline_place=_printable(result.dateline_place),
        page_date_text=_printable(result.page_date_text),
        metadata_date=metadata_date,
        removals=removals,
        flags=flags,
    )
    if len(clean_text.strip()) < max(1, settings.min_body_chars):
        return dataclasses.replace(cleaned, status="rejected", reason=NO_TEXT_REASON)
    return cleaned


def _printable(value: str | None) -> str | None:
    """A metadata field without control characters (None when nothing is left)."""
    if value is None:
        return None
    return strip_controls(value)[0].strip() or None
