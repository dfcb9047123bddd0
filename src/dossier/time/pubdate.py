"""Stage 4: the publication date of each document, with its basis and flags.

Order of evidence: HTML metadata, the date printed on the page, the date of a
``YYYY-MM-DD`` parent folder, then the content itself.

- A printed date that reads two ways (01/08/2020) is read as the page's other
  unambiguous numeric dates are, else as the reading that keeps the content's
  year-less dates near and in the right tense: flag ``ambiguous-date-format``.
- A chosen date years after everything the text reports as recent (a reprint
  stamped with today's date: recency words, year-less past days clustered
  months before it, no recent year mentioned) is replaced by the content's own
  date, month granularity, approximate: flag ``<basis>-date-contradicted``.
- A chosen date before events the text reports as past is kept but flagged
  ``<basis>-date-questioned``; metadata and page dates that differ are flagged
  ``metadata-page-mismatch``.
- Without a metadata/page/folder date the content dates the text when it can
  (a dateline left in the text; a full date as its present; year-less dates
  after the latest explicitly dated event): basis ``content``, approximate, flag
  ``date-inferred``. Year-less dates that other documents of the run date take
  their year from those documents. Otherwise date ``None``, basis ``none`` and a
  flag: ``no-date`` (no evidence at all) or ``date-undetermined`` (only bounds).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from dossier.model import DateBasis, DateValue, Document, Flag, FlagKind, PublishedDate
from dossier.resources import Resources
from dossier.time.detect import detect
from dossier.time.evidence import (
    Evidence,
    Partial,
    content_evidence,
    estimate_from_content,
    reading_cost,
)
from dossier.time.grammar import Grammar
from dossier.time.normalize import Anchor, day_value, month_value, numeric_readings, safe_date
from dossier.time.settings import TimeSettings
from dossier.time.spec import RawTimex
from dossier.time.timex import tag_detailed, to_expressions

logger = logging.getLogger(__name__)

_ISO = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


_DatedBasis = Literal["metadata", "page", "folder"]
_QUESTIONED: dict[_DatedBasis, FlagKind] = {
    "metadata": "metadata-date-questioned",
    "page": "page-date-questioned",
    "folder": "folder-date-questioned",
}
_CONTRADICTED: dict[_DatedBasis, FlagKind] = {
    "metadata": "metadata-date-contradicted",
    "page": "page-date-contradicted",
    "folder": "folder-date-contradicted",
}


@dataclass(frozen=True, slots=True)
class _Decision:
    date: DateValue | None
    basis: DateBasis
    flags: tuple[Flag, ...]
    day_first: bool | None
    evidence: Evidence
    undetermined: bool = False  # content alone dates it weakly: try other documents
    fallback: _Decision | None = None  # the content-only decision, if consistent
    raws: tuple[RawTimex, ...] = ()  # detections in the clean text, computed once
    grammar: Grammar | None = None  # the grammar of the text's language


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


def _infer_day_first(evidence: Evidence, settings: TimeSettings) -> bool | None:
    if settings.day_first is not None:
        return settings.day_first
    if evidence.day_first_votes > evidence.month_first_votes:
        return True
    if evidence.month_first_votes > evidence.day_first_votes:
        return False
    return None


def _page_date(
    doc: Document, evidence: Evidence, day_first: bool | None, g: Grammar
) -> tuple[DateValue | None, Flag | None, bool | None]:
    """The printed date, a flag when it reads two ways, and whether it was read day-first."""
    text = doc.page_date_text
    if not text:
        return None, None, None
    for raw in detect(text, g):
        spec = raw.spec
        if spec.year is None or spec.rel_unit is not None:
            continue
        if spec.numeric is None:
            if spec.month is None:
                return DateValue(f"{spec.year:04d}", "year"), None, None
            if spec.day is None:
                return month_value(spec.year, spec.month), None, None
            d = safe_date(spec.year, spec.month, spec.day)
            return (day_value(d) if d else None), None, None
        readings = numeric_readings(spec.numeric[0], spec.numeric[1], spec.year)
        if not readings:
            continue
        if len(readings) == 1:
            return day_value(readings[0][0]), None, readings[0][1] == "day-first"
        value, flag, order = _choose_reading(text, readings, evidence, day_first)
        return value, flag, order == "day-first"
    return None, None, None


def _choose_reading(
    text: str,
    readings: list[tuple[dt.date, str]],
    evidence: Evidence,
    day_first: bool | None,
) -> tuple[DateValue, Flag, str]:
    both = " or ".join(f"{d.isoformat()} ({order})" for d, order in readings)
    if day_first is not None:
        chosen = readings[0] if day_first else readings[1]
        why = (
            "the setting day_first"
            if evidence.day_first_votes == evidence.month_first_votes
            else "the page's other numeric dates, which are unambiguously "
            + ("day-first" if day_first else "month-first")
        )
    else:
        costs = [
            (reading_cost(evidence, d), order != "day-first", d, order) for d, order in readings
        ]
        costs.sort()
        chosen = (costs[0][2], costs[0][3])
        mentioned = ", ".join(sorted({p.text for p in evidence.partials})) or "none"
        why = (
            f"it keeps the dates the content mentions ({mentioned}) closest and in the right tense"
            if costs[0][0] < costs[1][0]
            else "the content does not decide; month-first is the English-language default"
        )
    message = f"page date {text!r} reads as {both}; chose {chosen[0].isoformat()} because {why}"
    return day_value(chosen[0]), Flag("ambiguous-date-format", message), chosen[1]


def _content_value(
    evidence: Evidence, settings: TimeSettings
) -> tuple[DateValue | None, str, bool]:
    """(date, explanation, consistent) from the content alone."""
    estimate = estimate_from_content(
        evidence, settings.lower_bound_grace_days, settings.max_partial_span_days
    )
    if estimate is None:
        return None, "", False
    if estimate.level == "day":
        return day_value(estimate.day, True), estimate.reason, estimate.consistent
    value = month_value(estimate.day.year, estimate.day.month, True)
    return value, estimate.reason, estimate.consistent


@dataclass(frozen=True, slots=True)
class _Contradiction:
    why: str
    content: DateValue | None  # the content's own date, when it replaces the candidate


def _later_reports(candidate: DateValue, evidence: Evidence, settings: TimeSettings) -> str | None:
    """Events in running text, reported as past, well after the candidate date."""
    anchor = Anchor.of(candidate)
    assert anchor is not None
    size = {"day": 0, "month": 31, "year": 366}[candidate.granularity]
    limit = anchor.day + dt.timedelta(days=size + settings.later_report_days)
    later = [
        m
        for m in evidence.mentioned
        if m.level != "year" and m.tense == "past" and m.in_sentence and m.start > limit
    ]
    if not later:
        return None
    latest = max(later, key=lambda m: m.start)
    return (
        f"the text reports {latest.text!r} ({latest.start.isoformat()}) as past, "
        f"after {candidate.value}"
    )


def _stale(
    candidate: DateValue, evidence: Evidence, settings: TimeSettings
) -> _Contradiction | None:
    """A page/metadata/folder date years after everything the text reports as recent.

    All of these must hold: the text speaks of recency ("last week", "yesterday");
    it gives at least ``stale_min_dates`` year-less past days (or one in the same
    sentence as the recency word: "last week, on March 19") within
    ``stale_window_days`` of each other, all of them over ``stale_days`` before the
    candidate when read relative to it; it mentions no year within ``stale_years``
    of the candidate; and its own explicit dates place those days (and so the text)
    more than ``stale_years`` earlier."""
    anchor = Anchor.of(candidate)
    assert anchor is not None
    when = anchor.day
    days = [p for p in evidence.past_partials if p.day is not None]
    distinct = {(p.month, p.day) for p in days}
    if not evidence.recency or not days:
        return None
    if len(distinct) < settings.stale_min_dates and not any(p.recent for p in days):
        return None  # one year-less day, not tied to "last week" / "yesterday": too thin
    resolved = [_latest_before(p, when) for p in days]
    if any(r is None for r in resolved):
        return None
    known = [r for r in resolved if r is not None]
    if (max(known) - min(known)).days > settings.stale_window_days:
        return None
    if evidence.max_year is not None and evidence.max_year >= when.year - settings.stale_years:
        return None
    content, reason, consistent = _content_value(evidence, settings)
    if content is None or not consistent or content.year >= when.year - settings.stale_years:
        return None
    old_news = max(known) <= when - dt.timedelta(days=settings.stale_days)
    # Read against the printed date, recent days that stay recent contradict it only
    # if the text's latest year is the year of its own present and a year-less day
    # is tied to "last week"/"yesterday" in its sentence.
    if not old_news and (evidence.max_year != content.year or not any(p.recent for p in days)):
        return None
    listed = ", ".join(sorted({p.text for p in days}))
    latest_year = (
        f"no year after {evidence.max_year} is mentioned"
        if evidence.max_year
        else "no year is mentioned"
    )
    recency = ", ".join(sorted(set(evidence.recency)))
    if old_news:
        why = (
            f"the text's recent events ({listed}; it speaks of {recency}) would all be over "
            f"{settings.stale_days} days old at {candidate.value}, and {latest_year}"
        )
    else:
        why = (
            f"the text speaks of {recency} about {listed}, and {latest_year}: its present "
            f"is {content.value}, years before {candidate.value}"
        )
    return _Contradiction(f"{why}; {reason}", content)


def _latest_before(p: Partial, when: dt.date) -> dt.date | None:
    for year in (when.year, when.year - 1):
        d = safe_date(year, p.month, p.ref_day)
        if d is not None and d <= when + dt.timedelta(days=1):
            return d
    return None


def _latest_possible(settings: TimeSettings) -> dt.date:
    """Nothing is published after the day it is processed."""
    if settings.latest_possible:
        return dt.date.fromisoformat(settings.latest_possible)
    return dt.date.today()


def _same_day(a: DateValue, b: DateValue) -> bool:
    """Whether two dates agree at the coarser of their granularities."""
    size = min(len(a.value), len(b.value))
    return a.value[:size] == b.value[:size]


def _decide(doc: Document, settings: TimeSettings, g: Grammar) -> _Decision:
    raws = detect(doc.clean_text, g)
    decision = _decide_from(doc, settings, raws, g)
    fallback = decision.fallback
    if fallback is not None:
        fallback = replace(fallback, raws=raws, grammar=g)
    return replace(decision, fallback=fallback, raws=raws, grammar=g)


def _decide_from(
    doc: Document, settings: TimeSettings, raws: tuple[RawTimex, ...], g: Grammar
) -> _Decision:
    evidence = content_evidence(doc.clean_text, g, raws, latest=_latest_possible(settings))
    day_first = _infer_day_first(evidence, settings)
    declared = _declared_value(doc.declared.date if doc.declared else None)
    if declared is not None:
        # A date the user gave in a sources file is taken as given.
        return _Decision(declared, "sources-file", (), day_first, evidence)
    flags: list[Flag] = []
    candidates: list[tuple[_DatedBasis, DateValue | None]] = [
        ("metadata", _iso_value(doc.metadata_date))
    ]
    page_value, page_flag, page_day_first = _page_date(doc, evidence, day_first, g)
    if page_flag is not None:
        flags.append(page_flag)
    if day_first is None and page_day_first is not None:
        day_first = page_day_first
    candidates.append(("page", page_value))
    meta_value = candidates[0][1]
    if meta_value is not None and page_value is not None and not _same_day(meta_value, page_value):
        flags.append(
            Flag(
                "metadata-page-mismatch",
                f"metadata date {meta_value.value} differs from the page's printed date "
                f"{doc.page_date_text!r} ({page_value.value}); the metadata date is used",
            )
        )
    candidates.append(("folder", _iso_value(doc.folder_date)))
    for basis, value in candidates:
        if value is None:
            continue
        later = _later_reports(value, evidence, settings)
        if later is not None:
            flags.append(
                Flag(
                    _QUESTIONED[basis],
                    f"{basis} date {value.value} is kept, but {later} "
                    "(a later update, a reprint, or a date misread on the page?)",
                )
            )
        stale = _stale(value, evidence, settings)
        if stale is None or stale.content is None:
            return _Decision(value, basis, tuple(flags), day_first, evidence)
        shown = doc.page_date_text if basis == "page" else value.value
        flags.append(
            Flag(
                _CONTRADICTED[basis],
                f"{basis} date {shown!r} is contradicted by the content: {stale.why}; "
                f"using the content's date {stale.content.value} (approximate)",
            )
        )
        return _Decision(stale.content, "content", tuple(flags), day_first, evidence)
    content, reason, consistent = _content_value(evidence, settings)
    if content is None and not evidence.partials and not evidence.explicit:
        flags.append(
            Flag(
                "no-date",
                "no date evidence: no metadata, page or folder date, and the content "
                "mentions no dated events",
            )
        )
        return _Decision(None, "none", tuple(flags), day_first, evidence)
    if content is not None and consistent:
        inferred = Flag("date-inferred", f"dated from the content ({content.value}): {reason}")
        provisional = _Decision(content, "content", (*flags, inferred), day_first, evidence)
        return _Decision(
            None, "none", tuple(flags), day_first, evidence, undetermined=True, fallback=provisional
        )
    return _Decision(None, "none", tuple(flags), day_first, evidence, undetermined=True)


def _corpus_years(
    docs: Sequence[Document], decisions: Sequence[_Decision | None], settings: TimeSettings
) -> dict[tuple[int, int], dict[int, list[str]]]:
    """(month, day) → year → ids of dated documents that resolve a year-less date so."""
    years: dict[tuple[int, int], dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for doc, decision in zip(docs, decisions, strict=True):
        if decision is None or decision.date is None or decision.undetermined:
            continue
        assert decision.grammar is not None
        local = replace(settings, day_first=decision.day_first)
        tags = tag_detailed(doc.clean_text, decision.date, local, decision.grammar, decision.raws)
        for tagged in tags:
            spec, value = tagged.raw.spec, tagged.resolved.value
            if spec.year is None and spec.day is not None and spec.month is not None and value:
                years[(spec.month, spec.day)][value.year].append(doc.id)
    return years


def _from_corpus(
    doc: Document,
    decision: _Decision,
    years: dict[tuple[int, int], dict[int, list[str]]],
) -> _Decision:
    bound = decision.evidence.lower_bound
    found: list[tuple[dt.date, Partial, list[str]]] = []
    for p in decision.evidence.partials:
        if p.day is None or p.tense == "future":
            continue
        by_year = years.get((p.month, p.day), {})
        if len(by_year) != 1:
            continue
        year, ids = next(iter(by_year.items()))
        d = safe_date(year, p.month, p.day)
        if d is not None and (bound is None or d >= bound):
            found.append((d, p, sorted(set(ids) - {doc.id})))
    found = [f for f in found if f[2]]
    if not found and decision.fallback is not None:
        return decision.fallback
    if not found:
        parts = []
        if decision.evidence.partials:
            listed = ", ".join(sorted({p.text for p in decision.evidence.partials}))
            parts.append(f"year-less dates {listed}")
        if bound:
            parts.append(f"it is after {decision.evidence.lower_bound_text}")
        elif decision.evidence.max_year is not None:
            parts.append(f"it names only years, the latest {decision.evidence.max_year}")
        flag = Flag(
            "date-undetermined",
            f"the content dates this document only partly ({'; '.join(parts)}) "
            "and no other document fixes it",
        )
        return replace(decision, flags=(*decision.flags, flag), undetermined=False)
    d, p, ids = max(found, key=lambda f: f[0])
    value = month_value(d.year, d.month, True)
    flag = Flag(
        "date-inferred",
        f"dated from the content ({value.value}): its latest past year-less date {p.text!r} "
        f"is {d.isoformat()} in {', '.join(ids)}, which date the same day",
    )
    return replace(
        decision,
        date=value,
        basis="content",
        flags=(*decision.flags, flag),
        undetermined=False,
    )


def date_documents(
    docs: Sequence[Document], settings: TimeSettings, resources: Resources | None = None
) -> tuple[Document, ...]:
    """Set ``published``, ``flags`` (appended) and ``time_expressions`` on ok documents."""
    resources = resources if resources is not None else Resources()
    decisions: list[_Decision | None] = []
    for doc in docs:
        grammar = resources.time_grammar(doc.language or settings.language)
        decisions.append(
            _decide(doc, settings, grammar) if doc.readable and grammar is not None else None
        )
    if any(d is not None and d.undetermined for d in decisions):
        years = _corpus_years(docs, decisions, settings)
        decisions = [
            _from_corpus(doc, d, years) if d is not None and d.undetermined else d
            for doc, d in zip(docs, decisions, strict=True)
        ]
    out: list[Document] = []
    for doc, decision in zip(docs, decisions, strict=True):
        if decision is None:
            out.append(doc)
            continue
        local = replace(settings, day_first=decision.day_first)
        assert decision.grammar is not None
        tags = tag_detailed(doc.clean_text, decision.date, local, decision.grammar, decision.raws)
        out.append(
            replace(
                doc,
                published=PublishedDate(decision.date, decision.basis, doc.page_date_text),
                flags=(*doc.flags, *decision.flags),
                time_expressions=to_expressions(doc.id, tags),
            )
        )
        logger.debug("dated %s: %s (%s)", doc.id, decision.date, decision.basis)
    return tuple(out)
