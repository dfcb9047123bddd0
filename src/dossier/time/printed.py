"""A date a document states about itself, read to a value: the day/month order of a
numeric date and the year of a year-less one decided from their context.

- "04/03/2021" reads two ways. The page's other numeric dates that read one way only
  ("25/12/2020"), then the outlet's other pages, then the other files of its folder
  decide; without any, the content does (the reading that keeps the dates it mentions
  nearest and in the right tense), flagged ``ambiguous-date-format``; without that, the
  language's convention, flagged.
- "Fri 8 Nov, 09:10" has no year: the years in which 8 November is a Friday, nearest the
  context (the file name or folder, the outlet's other pages, the latest year the text
  mentions, the run's today), flagged ``page-year-inferred`` with how it was chosen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from dossier.model import DateValue, Document, Flag, PrintedDate
from dossier.time.evidence import Evidence
from dossier.time.grammar import Grammar
from dossier.time.infer import reading_cost
from dossier.time.normalize import day_value, month_value, numeric_readings, safe_date
from dossier.time.pagedate import Found, filename_dates, metadata_check, printed_dates

_YEAR_SPAN = 12  # how far back a year-less printed date may be placed


@dataclass(frozen=True, slots=True)
class Order:
    """Which way numeric dates read here, and what decided it."""

    day_first: bool | None
    why: str = ""  # "the page's other numeric dates", "the outlet's other pages", ...


@dataclass(frozen=True, slots=True)
class YearContext:
    """Years a year-less printed date may take, most telling first, with where each is from."""

    years: tuple[tuple[int, str], ...] = ()
    today: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    printed: PrintedDate
    flag: Flag | None = None
    day_first: bool | None = None  # how a numeric date was read (None: not numeric)
    header: bool = True  # at the head of the page (not in a list of other stories)


def read_found(
    found: Found,
    order: Order,
    context: YearContext,
    evidence: Evidence,
    month_first_default: bool,
) -> Reading:
    """The value of ``found`` (None when it cannot be read), and a flag when its order or
    year was not printed and nothing but the content or a convention decided it."""
    return replace(_read(found, order, context, evidence, month_first_default), header=found.header)


def _read(
    found: Found, order: Order, context: YearContext, evidence: Evidence, month_first: bool
) -> Reading:
    spec = found.spec
    if spec.numeric is not None and spec.year is not None:
        return _numeric(found, order, evidence, month_first)
    if spec.month is None:
        return Reading(_printed(found, None))
    if spec.year is not None:
        if spec.day is None:
            return Reading(_printed(found, month_value(spec.year, spec.month)))
        d = safe_date(spec.year, spec.month, spec.day)
        return Reading(_printed(found, day_value(d) if d else None))
    return _yearless(found, context)


def _printed(found: Found, value: DateValue | None) -> PrintedDate:
    return PrintedDate(found.source, found.text, found.role, value, found.time, found.zone)


def _numeric(found: Found, order: Order, evidence: Evidence, month_first: bool) -> Reading:
    spec = found.spec
    assert spec.numeric is not None and spec.year is not None
    readings = numeric_readings(spec.numeric[0], spec.numeric[1], spec.year)
    if not readings:
        return Reading(_printed(found, None))
    if len(readings) == 1:
        d, way = readings[0]
        return Reading(_printed(found, day_value(d)), day_first=way == "day-first")
    both = " or ".join(f"{d.isoformat()} ({way})" for d, way in readings)
    if order.day_first is not None:
        chosen = readings[0] if order.day_first else readings[1]
        return Reading(_printed(found, day_value(chosen[0])), day_first=order.day_first)
    costs = sorted((reading_cost(evidence, d), way != "day-first", d, way) for d, way in readings)
    if costs[0][0] < costs[1][0]:
        chosen = (costs[0][2], costs[0][3])
        mentioned = ", ".join(sorted({p.text for p in evidence.partials})) or "none"
        why = (
            f"it keeps the dates the content mentions ({mentioned}) nearest and in the right tense"
        )
    else:
        chosen = readings[1] if month_first else readings[0]
        convention = "month-first" if month_first else "day-first"
        why = (
            "nothing on the page, in the outlet's other pages or in the folder decides, and "
            f"the content does not: {convention} is the language's convention"
        )
    message = (
        f"page date {found.text!r} reads as {both}; chose {chosen[0].isoformat()} because {why}"
    )
    flag = Flag("ambiguous-date-format", message)
    return Reading(_printed(found, day_value(chosen[0])), flag, chosen[1] == "day-first")


def _yearless(found: Found, context: YearContext) -> Reading:
    spec = found.spec
    assert spec.month is not None and spec.day is not None
    latest = context.today.year if context.today else None
    pool = [y for y, _ in context.years] + ([latest] if latest else [])
    if not pool:
        return Reading(_printed(found, None))
    top = max(pool) if latest is None else latest
    candidates = [
        d
        for year in range(top - _YEAR_SPAN, top + 1)
        if (d := safe_date(year, spec.month, spec.day)) is not None
        and (context.today is None or d <= context.today)
        and (spec.weekday is None or d.weekday() == spec.weekday)
    ]
    if not candidates:
        return Reading(_printed(found, None))
    chosen, how = _nearest_context(candidates, context)
    flag = Flag(
        "page-year-inferred",
        f"page date {found.text!r} has no year: {chosen.isoformat()}, {how}",
    )
    return Reading(_printed(found, day_value(chosen)), flag)


def _nearest_context(candidates: list[dt.date], context: YearContext) -> tuple[dt.date, str]:
    weekday = " on its weekday" if len(candidates) < _YEAR_SPAN else ""
    for year, where in context.years:
        best = min(candidates, key=lambda d: (abs(d.year - year), -d.toordinal()))
        if abs(best.year - year) <= 1:
            return best, f"the year{weekday} nearest {year} ({where})"
    chosen = max(candidates)
    if context.today is not None:
        return chosen, f"the latest such day{weekday} up to today ({context.today.isoformat()})"
    return chosen, f"the latest such day{weekday}"


def stated_day(doc: Document, g: Grammar | None) -> dt.date | None:
    """The earliest publication day the document states about itself (sources file, page
    metadata, a "Published" or head-of-page date, the file name, the folder), read without
    its context and without checking it against the content: what copies of one text are
    ordered by (the earlier-published is the original)."""

    days: list[dt.date] = []
    texts = [doc.declared.date if doc.declared else None, doc.folder_date]
    if g is None or metadata_check(doc, g) is None:
        texts.append(doc.metadata_date)
    for text in texts:
        if text and len(text) >= 10:
            d = _iso_day(text[:10])
            if d is not None:
                days.append(d)
    if g is None:  # no language to read the page's own lines with
        return min(days, default=None)
    empty = Evidence((), (), (), 0, 0, None)
    month_first = not g.calendar.numeric_day_first
    for found in (*printed_dates(doc, g), *filename_dates(doc.source)):
        if found.role == "updated" or not found.header:
            continue
        value = read_found(found, Order(None), YearContext(), empty, month_first).printed.date
        if value is not None and value.granularity == "day":
            days.append(dt.date.fromisoformat(value.value))
    return min(days, default=None)


def _iso_day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
