"""Stage 4, date: the publication date of each document, with its basis, flags and how it
was decided (:class:`~dossier.model.Dating`).

Evidence, strongest first: a date a sources file declares (taken as given); the page's
HTML metadata (htmldate; its ``YYYY-01-01`` for a copyright or bare year is refused); the
date the page prints about itself (:mod:`dossier.time.pagedate`: "Published"/"Posted"
dates, or an unlabelled date at the head of the page; "Updated" dates are kept apart);
the file name (``rferl-2020-01-21.txt``); a ``YYYY-MM-DD`` folder; then the content.

Each stated date is checked against what the article reports (:mod:`dossier.time.check`):
a contradicted date is flagged ``<basis>-date-contradicted`` and never dates the events
(the next stated date, else the content, does); a questioned one is kept and flagged.
Dated from its content (:mod:`dossier.time.infer`), a document gets the most likely day
(approximate), the range it lies in and the evidence that set it; other documents fix
the years of its year-less dates and the day of an event it reports undated
(:mod:`dossier.time.corpus`). Copies (``duplicate``) are dated too, on their own page.
Without any evidence: date ``None``, basis ``none``, flag ``no-date`` (nothing at all) or
``date-undetermined`` (only bounds). The run's "today" (``TimeSettings.today``), never the
clock, is the latest possible day.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from dossier.model import DateValue, Dating, Document, Flag, FlagKind, PublishedDate
from dossier.resources import Resources
from dossier.time.check import check
from dossier.time.corpus import Decision, Read, content_decision, orders, refine, year_contexts
from dossier.time.detect import detect
from dossier.time.evidence import content_evidence
from dossier.time.infer import Estimate, estimate
from dossier.time.normalize import day_value, month_value, safe_date
from dossier.time.pagedate import filename_dates, metadata_check, numeric_votes, printed_dates
from dossier.time.printed import Order, Reading, YearContext, read_found
from dossier.time.settings import TimeSettings
from dossier.time.tense import tense_reader
from dossier.time.timex import tag_detailed, to_expressions

logger = logging.getLogger(__name__)

# not words: an ISO 8601 date
_ISO = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_Stated = Literal["metadata", "page", "filename", "folder"]
_QUESTIONED: dict[_Stated, FlagKind] = {
    "metadata": "metadata-date-questioned",
    "page": "page-date-questioned",
    "filename": "filename-date-questioned",
    "folder": "folder-date-questioned",
}
_CONTRADICTED: dict[_Stated, FlagKind] = {
    "metadata": "metadata-date-contradicted",
    "page": "page-date-contradicted",
    "filename": "filename-date-contradicted",
    "folder": "folder-date-contradicted",
}


def date_documents(
    docs: Sequence[Document], settings: TimeSettings, resources: Resources | None = None
) -> tuple[Document, ...]:
    """Set ``published``, ``dating``, ``flags`` (appended) and ``time_expressions`` on
    every ``ok`` or ``duplicate`` document in a language Dossier reads."""
    resources = resources if resources is not None else Resources()
    today = dt.date.fromisoformat(settings.today) if settings.today else None
    reads = [_read(doc, settings, resources, today) for doc in docs]
    order_of = orders(reads, settings)
    years_of = year_contexts(reads, today)
    decisions: list[Decision | None] = [
        _decide(r, order_of[i], years_of[i], settings) if r is not None else None
        for i, r in enumerate(reads)
    ]
    decisions = refine(reads, decisions, settings)
    out = []
    for doc, read, decision in zip(docs, reads, decisions, strict=True):
        out.append(doc if read is None or decision is None else _apply(read, decision, settings))
    return tuple(out)


def _datable(doc: Document) -> bool:
    if doc.status not in ("ok", "duplicate"):
        return False
    return not any(f.kind == "unsupported-language" for f in doc.flags)


def _read(
    doc: Document, settings: TimeSettings, resources: Resources, today: dt.date | None
) -> Read | None:
    grammar = resources.time_grammar(doc.language or settings.language)
    if grammar is None or not _datable(doc):
        return None
    raws = detect(doc.clean_text, grammar)
    tense_of = tense_reader(doc.clean_text, doc.parse, grammar)
    evidence = content_evidence(
        doc.clean_text, grammar, raws, latest=today, tense_of=tense_of if doc.parse else None
    )
    page = doc.clean_text if doc.media_type == "html" else doc.raw_text
    found = (*printed_dates(doc, grammar), *filename_dates(doc.source))
    return Read(
        doc=doc,
        g=grammar,
        raws=raws,
        evidence=evidence,
        found=found,
        votes=numeric_votes("\n".join([page, *(r.text for r in doc.removals)])),
        metadata_flag=metadata_check(doc, grammar),
        tense_of=tense_of,
    )


def _iso_value(text: str | None) -> DateValue | None:
    if not text:
        return None
    m = _ISO.search(text)
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    if m.group(3):
        d = safe_date(year, month, int(m.group(3)))
        return day_value(d) if d else None
    return month_value(year, month) if 1 <= month <= 12 else None


def _declared_value(text: str | None) -> DateValue | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` from a sources file (already checked there)."""
    if text and len(text) == 4 and text.isdigit():
        return DateValue(text, "year")
    return _iso_value(text)


def _decide(read: Read, order: Order, years: YearContext, settings: TimeSettings) -> Decision:
    doc = read.doc
    month_first = not read.g.calendar.numeric_day_first
    readings = [read_found(f, order, years, read.evidence, month_first) for f in read.found]
    printed = tuple(r.printed for r in readings)
    day_first = next((r.day_first for r in readings if r.day_first is not None), order.day_first)
    declared = _declared_value(doc.declared.date if doc.declared else None)
    if declared is not None:
        # A date the user gave in a sources file is taken as given.
        why = f"declared in {doc.declared.listed_in if doc.declared else 'a sources file'}"
        return Decision(declared, "sources-file", (), day_first, Dating(printed, evidence=why))
    page = _page_reading(readings)
    updated = next((r for r in readings if r.printed.role == "updated" and r.printed.date), None)
    flags: list[Flag] = [read.metadata_flag] if read.metadata_flag else []
    metadata = None if read.metadata_flag else _iso_value(doc.metadata_date)
    file_reading = next(
        (r for r in readings if r.printed.source == "filename" and r.printed.date), None
    )
    stated: list[tuple[_Stated, DateValue | None, Reading | None]] = [
        ("metadata", metadata, None),
        ("page", page.printed.date if page else None, page),
        ("filename", file_reading.printed.date if file_reading else None, file_reading),
        ("folder", _iso_value(doc.folder_date), None),
    ]
    shown = page.printed if page is not None else None
    if metadata and shown and shown.date and not _same_day(metadata, shown.date):
        flags.append(
            Flag(
                "metadata-page-mismatch",
                f"metadata date {metadata.value} differs from the page's printed date "
                f"{shown.text!r} ({shown.date.value}); the metadata date is used",
            )
        )
    dating = Dating(printed, updated.printed.date if updated else None)
    return _from_stated(read, stated, flags, dating, day_first, updated, settings)


def _page_reading(readings: Sequence[Reading]) -> Reading | None:
    """The page's publication date: its first "Published" date, else its first unlabelled
    date at the head of the page."""
    page = [r for r in readings if r.printed.source == "page" and r.printed.date is not None]
    labelled = next((r for r in page if r.printed.role == "published"), None)
    if labelled is not None:
        return labelled
    # An unlabelled date counts only at the head of the page (not in a list of other stories).
    return next((r for r in page if r.printed.role == "unlabelled" and r.header), None)


def _same_day(a: DateValue, b: DateValue) -> bool:
    """Whether two dates agree at the coarser of their granularities."""
    size = min(len(a.value), len(b.value))
    return a.value[:size] == b.value[:size]


def _from_stated(
    read: Read,
    stated: Sequence[tuple[_Stated, DateValue | None, Reading | None]],
    flags: list[Flag],
    dating: Dating,
    day_first: bool | None,
    updated: Reading | None,
    settings: TimeSettings,
) -> Decision:
    """The first stated date the content does not contradict; else the content's date."""
    replacement: Estimate | None = None
    for basis, value, reading in stated:
        if value is None:
            continue
        shown = reading.printed.text if reading is not None else value.value
        verdict = check(value, read.evidence, settings)
        if verdict.kind == "contradicted":
            own = (
                f"; the content's own date: {_estimate_value(verdict.content).value}"
                if verdict.content
                else ""
            )
            flags.append(
                Flag(
                    _CONTRADICTED[basis],
                    f"{basis} date {shown!r} is contradicted by the content: {verdict.why}{own}; "
                    "it dates no event",
                )
            )
            replacement = replacement or verdict.content
            continue
        if reading is not None and reading.flag is not None:
            flags.append(reading.flag)
        if verdict.kind == "questioned":
            flags.append(
                Flag(
                    _QUESTIONED[basis],
                    f"{basis} date {value.value} is kept, but {verdict.why} "
                    "(a later update, a reprint, or a date misread on the page?)",
                )
            )
        why = (
            f"the {basis} date {shown!r}"
            if basis != "metadata"
            else f"the page metadata ({value.value})"
        )
        return Decision(value, basis, tuple(flags), day_first, replace(dating, evidence=why))
    if replacement is not None:
        return content_decision(
            replacement, flags, dating, day_first, "content (the stated date is contradicted)"
        )
    return _from_content(read, flags, dating, day_first, updated, settings)


def _estimate_value(found: Estimate) -> DateValue:
    if found.level == "day":
        return day_value(found.day, True)
    return month_value(found.day.year, found.day.month, True)


def _from_content(
    read: Read,
    flags: list[Flag],
    dating: Dating,
    day_first: bool | None,
    updated: Reading | None,
    settings: TimeSettings,
) -> Decision:
    evidence = read.evidence
    upper = (
        dt.date.fromisoformat(updated.printed.date.value[:10])
        if updated and updated.printed.date and updated.printed.date.granularity == "day"
        else None
    )
    if updated is not None:
        flags.append(_updated_only(updated, evidence, settings))
    found = estimate(evidence, settings, upper=upper)
    if found is None and not evidence.partials and not evidence.explicit:
        if updated is not None and updated.printed.date is not None:
            why = f"the page prints only when it was last updated ({updated.printed.text!r})"
            return Decision(
                updated.printed.date, "page", tuple(flags), day_first, replace(dating, evidence=why)
            )
        flags.append(
            Flag(
                "no-date",
                "no date evidence: no metadata, page, file-name or folder date, and the "
                "content mentions no dated events",
            )
        )
        return Decision(None, "none", tuple(flags), day_first, dating)
    fallback = None
    if found is not None and found.consistent:
        fallback = content_decision(found, flags, dating, day_first, "content")
    return Decision(
        None, "none", tuple(flags), day_first, dating, undetermined=True, fallback=fallback
    )


def _updated_only(updated: Reading, evidence: object, settings: TimeSettings) -> Flag:
    return Flag(
        "updated-date-only",
        f"the page prints when it was last updated ({updated.printed.text!r}), not when it "
        "was published: that date is only an upper bound",
    )


def _apply(read: Read, decision: Decision, settings: TimeSettings) -> Document:
    doc = read.doc
    local = replace(settings, day_first=decision.day_first)
    tags = tag_detailed(doc.clean_text, decision.date, local, read.g, read.raws, read.tense_of)
    logger.debug("dated %s: %s (%s)", doc.id, decision.date, decision.basis)
    return replace(
        doc,
        published=PublishedDate(decision.date, decision.basis, doc.page_date_text),
        dating=decision.dating,
        flags=(*doc.flags, *decision.flags),
        time_expressions=to_expressions(doc.id, tags),
    )
