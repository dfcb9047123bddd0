"""The publication date a text's own content supports: the most likely day, a range, and
which evidence set it.

The day is that of the latest event the text reports as past: news is written on the day
it reports, or the day after. The range runs from that event (never before it) to the
first event the text still expects (never after it). :func:`estimate` reads one text;
:mod:`dossier.time.corpus` lets other documents fix the year of its year-less dates and
the day of an event it reports undated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from dossier.time.evidence import Evidence, Partial
from dossier.time.normalize import safe_date
from dossier.time.settings import TimeSettings

Level = Literal["day", "month"]
# (month, day) -> the one year other documents give it
Years = Mapping[tuple[int, int], int]
# A year-less day of the text within this many days after the latest day other documents
# date is read as its latest event.
_NEAR_DAYS = 183


@dataclass(frozen=True, slots=True)
class Estimate:
    day: dt.date  # the most likely publication day
    consistent: bool  # the evidence agrees with itself (else the date only bounds it)
    reason: str  # which evidence set it
    level: Level = "month"  # how precisely ``day`` is supported
    earliest: dt.date | None = None  # not before the latest event reported as past
    latest: dt.date | None = None  # not after the first event it still expects


def estimate(
    evidence: Evidence,
    settings: TimeSettings,
    upper: dt.date | None = None,
    years: Years | None = None,
) -> Estimate | None:
    """The publication date the content supports, if any.

    A full date on a line of its own (a dateline or timestamp left in the text) is taken
    first. With ``years`` (the year other documents give a year-less day), the latest of
    the text's past days so dated is its latest event. Otherwise the latest explicitly
    dated past event bounds it from below and the year-less past dates read after it
    ("on January 21"). ``upper`` is a date the text cannot be after (a page date it
    contradicts, an "Updated" stamp). ``None`` without any evidence."""
    if evidence.stamps:
        stamp = evidence.stamps[0]
        why = f"a date printed in the text: {stamp.text!r}"
        return Estimate(stamp.start, True, why, "day", stamp.start, stamp.start)
    found = _from_pinned(evidence, years) if years else None
    if found is None and evidence.lower_bound:
        found = _from_bound(evidence, settings)
    if found is None and upper is not None:
        found = _below(evidence, upper, settings)
    if found is None:
        return None
    return _with_latest(found, evidence, upper)


def _from_pinned(evidence: Evidence, years: Years) -> Estimate | None:
    """The latest past day the text reports, its year-less days dated by other documents:
    the latest of them so dated, or a year-less day of the text just after it."""
    bound = evidence.lower_bound
    pinned: list[tuple[dt.date, Partial]] = []
    for p in evidence.past_partials:
        year = years.get((p.month, p.day)) if p.day is not None else None
        d = safe_date(year, p.month, p.day) if year is not None and p.day is not None else None
        if d is not None and (bound is None or d >= bound):
            pinned.append((d, p))
    if not pinned:
        return None
    anchor, anchor_partial = max(pinned, key=lambda x: x[0])
    latest, text = anchor, anchor_partial.text
    for p in evidence.past_partials:
        near = [
            d
            for year in (anchor.year - 1, anchor.year, anchor.year + 1)
            if p.day is not None and (d := safe_date(year, p.month, p.day)) is not None
        ]
        d = min(near, key=lambda x: abs((x - anchor).days), default=None)
        if d is not None and latest < d <= anchor + dt.timedelta(days=_NEAR_DAYS):
            latest, text = d, p.text
    if evidence.max_year is not None and evidence.max_year > latest.year:
        return None  # the text names a later year than these days
    why = f"the latest day it reports as past: {text!r} ({latest.isoformat()})"
    return Estimate(latest, True, why, "day", latest)


def _from_bound(evidence: Evidence, settings: TimeSettings) -> Estimate | None:
    bound = evidence.lower_bound
    assert bound is not None
    past = list(evidence.past_partials)
    newer_year = evidence.max_year is not None and evidence.max_year > bound.year
    text = evidence.lower_bound_text
    if not past:
        # A full date may be the text's present; "in January 2009" only bounds it, and so
        # does any date older than a year the text mentions.
        ok = evidence.bound_level == "day" and not newer_year
        why = f"the latest past date it mentions: {text!r}"
        return Estimate(bound, ok, why, "day" if ok else "month", bound)
    if evidence.bound_level == "day":
        before = [_latest_on_or_before(p, bound) for p in past]
        span = settings.max_partial_span_days
        if all(r is not None and (bound - r).days <= span for r in before):
            listed = ", ".join(sorted({p.text for p in past}))
            why = (
                f"the latest full date it mentions: {text!r}; year-less dates ({listed}) before it"
            )
            return Estimate(bound, not newer_year, why, "day" if not newer_year else "month", bound)
        after = _after_bound(evidence, past, bound, settings)
        if not after.consistent and not any(p.recent for p in past):
            # Year-less dates that fit neither before nor just after a full date are news
            # only when the text ties one to "last week" / "yesterday": the order is unknown.
            return Estimate(bound, False, f"it is after {text!r}", "month", bound)
        return after
    return _after_bound(evidence, past, bound, settings)


def _after_bound(
    evidence: Evidence, past: list[Partial], bound: dt.date, settings: TimeSettings
) -> Estimate:
    """The earliest day after the bound that keeps the year-less past dates recent."""
    candidates = {bound}
    for p in past:
        for year in range(bound.year, bound.year + 3):
            d = safe_date(year, p.month, p.ref_day)
            if d is not None and d >= bound:
                candidates.add(d)
    best: tuple[float, dt.date, bool] | None = None
    for when in sorted(candidates):
        cost, ok = _fit(past, when, bound, settings)
        if best is None or cost < best[0]:
            best = (cost, when, ok)
    assert best is not None
    _, when, ok = best
    latest = max(past, key=lambda p: _latest_on_or_before(p, when) or dt.date.min)
    reason = (
        f"year-less dates ({', '.join(sorted({p.text for p in past}))}) read after the latest "
        f"explicitly dated past event ({evidence.lower_bound_text!r}); the latest: {latest.text!r}"
    )
    if evidence.max_year is not None and evidence.max_year > when.year:
        ok = False  # the text names a later year than its supposed present
    event = _latest_on_or_before(latest, when) or when
    level: Level = "day" if ok and latest.day is not None else "month"
    return Estimate(when, ok, reason, level, event if latest.day is not None else bound)


def _fit(
    past: list[Partial], when: dt.date, bound: dt.date, settings: TimeSettings
) -> tuple[float, bool]:
    # Prefer the earliest date: half a point per day after the bound.
    cost, ok = 0.5 * (when - bound).days, True
    resolved: list[dt.date] = []
    grace = dt.timedelta(days=settings.lower_bound_grace_days)
    for p in past:
        d = _latest_on_or_before(p, when)
        if d is None:
            ok = False
            continue
        resolved.append(d)
        cost += (when - d).days
        if d < bound - grace:
            ok = False  # a year-less past date long before the explicit one: unclear
    if resolved and (when - min(resolved)).days > settings.max_partial_span_days:
        ok = False
    if (when - bound).days > 366:
        ok = False  # the year-less dates are not news relative to the bound
    return cost, ok


def _below(evidence: Evidence, upper: dt.date, settings: TimeSettings) -> Estimate | None:
    """Without explicit dates: the year-less past dates at their latest before ``upper``."""
    past = [p for p in evidence.past_partials]
    resolved = [(d, p) for p in past if (d := _latest_on_or_before(p, upper, 0)) is not None]
    if not resolved:
        return None
    latest_day, latest = max(resolved, key=lambda r: r[0])
    span = (latest_day - min(d for d, _ in resolved)).days
    ok = span <= settings.max_partial_span_days
    level: Level = "day" if ok and latest.day is not None else "month"
    why = (
        f"its year-less dates ({', '.join(sorted({p.text for _, p in resolved}))}) at their "
        f"latest before {upper.isoformat()}; the latest: {latest.text!r}"
    )
    return Estimate(latest_day, ok, why, level, latest_day, upper)


def _with_latest(found: Estimate, evidence: Evidence, upper: dt.date | None) -> Estimate:
    """Close the range at the first event the text still expects (or at ``upper``)."""
    ends = [upper] if upper is not None else []
    ends.extend(m.start for m in evidence.expected if m.level == "day" and m.start >= found.day)
    for p in evidence.partials:
        if p.day is None or p.tense == "past":
            continue
        d = _first_on_or_after(p, found.day)
        if d is not None and (d - found.day).days <= 366:
            ends.append(d)
    if found.latest is not None:
        ends.append(found.latest)
    ends = [e for e in ends if e >= found.day]
    return replace(found, latest=min(ends) if ends else None)


def _latest_on_or_before(p: Partial, when: dt.date, slack: int = 1) -> dt.date | None:
    for year in (when.year + 1, when.year, when.year - 1, when.year - 2):
        d = safe_date(year, p.month, p.ref_day)
        if d is not None and d <= when + dt.timedelta(days=slack):
            return d
    return None


def _first_on_or_after(p: Partial, when: dt.date) -> dt.date | None:
    for year in (when.year, when.year + 1):
        d = safe_date(year, p.month, p.ref_day)
        if d is not None and d >= when:
            return d
    return None


def _nearest(p: Partial, when: dt.date) -> dt.date | None:
    best: tuple[float, dt.date] | None = None
    for year in (when.year - 1, when.year, when.year + 1):
        d = safe_date(year, p.month, p.ref_day)
        if d is None:
            continue
        delta = (d - when).days
        cost = float(abs(delta))
        if (p.tense == "past" and delta > 1) or (p.tense == "future" and delta < -1):
            cost = cost * 3 + 30
        if best is None or cost < best[0]:
            best = (cost, d)
    return best[1] if best else None


def reading_cost(evidence: Evidence, when: dt.date) -> float:
    """How badly a publication date fits the content: distances of the year-less dates
    resolved around it (tense-aware) plus explicit past dates after it."""
    cost = 0.0
    for p in evidence.partials:
        d = _nearest(p, when)
        if d is None:
            continue
        delta = (d - when).days
        cost += abs(delta)
        if (p.tense == "past" and delta > 1) or (p.tense == "future" and delta < -1):
            cost += 2 * abs(delta) + 30
    for start, _ in evidence.explicit:
        if start > when:
            cost += 3 * (start - when).days + 60
    return cost
