"""What a document's own text says about when it was written.

:func:`content_evidence` collects, without any anchor: explicit-year dates the
text reports as past (a lower bound for the publication date), year-less
dates ("October 14", "in September"), recency markers ("last week",
"yesterday") and the day/month order votes of numeric dates.
:func:`estimate_from_content` turns that into a publication date when the
evidence is consistent, and :func:`reading_cost` scores a candidate date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from dossier.time.detect import detect
from dossier.time.grammar import Grammar
from dossier.time.normalize import Tense, safe_date, tense_at
from dossier.time.spec import RawTimex, Spec


@dataclass(frozen=True, slots=True)
class Partial:
    """A year-less date in the text: month and maybe day, with its tense."""

    month: int
    day: int | None
    tense: Tense | None
    text: str
    start: int
    recent: bool = False  # a recency word ("last week") in the same sentence

    @property
    def ref_day(self) -> int:
        return self.day if self.day is not None else 15


@dataclass(frozen=True, slots=True)
class Mentioned:
    """An explicitly dated mention (it has a year), not in a future clause."""

    start: dt.date  # first day of the period it names
    text: str
    level: str  # "year", "month" or "day"
    tense: Tense | None
    in_sentence: bool  # inside running text (not a bare timestamp or short line)


@dataclass(frozen=True, slots=True)
class Evidence:
    mentioned: tuple[Mentioned, ...]
    partials: tuple[Partial, ...]
    recency: tuple[str, ...]  # "last week", "yesterday", ...
    day_first_votes: int
    month_first_votes: int
    max_year: int | None  # the latest year the text mentions as past or present

    @property
    def explicit(self) -> tuple[tuple[dt.date, str], ...]:
        return tuple((m.start, m.text) for m in self.mentioned)

    def _bounding(self) -> list[Mentioned]:
        # Bare years ("in 2018", "by 2050") are too loose to bound a date from below.
        return [m for m in self.mentioned if m.level != "year"]

    @property
    def lower_bound(self) -> dt.date | None:
        return max((m.start for m in self._bounding()), default=None)

    @property
    def lower_bound_text(self) -> str | None:
        bounding = self._bounding()
        return max(bounding, key=lambda m: m.start).text if bounding else None

    @property
    def bound_level(self) -> str | None:
        bounding = self._bounding()
        return max(bounding, key=lambda m: m.start).level if bounding else None

    @property
    def stamps(self) -> tuple[Mentioned, ...]:
        """Full dates on lines of their own (a dateline or timestamp), in text order."""
        return tuple(m for m in self.mentioned if m.level == "day" and not m.in_sentence)

    @property
    def past_partials(self) -> tuple[Partial, ...]:
        return tuple(p for p in self.partials if p.tense == "past")


_WORDS = re.compile(r"[^\W\d_]+")
_LINK_LINE = re.compile(r"^\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}(?:\s+\d{1,2}[:.]\d{2})?\s*$")


def period_start(spec: Spec) -> dt.date | None:
    if spec.year is None:
        return None
    if spec.season is not None or spec.quarter is not None:
        return dt.date(spec.year, 1, 1)
    return safe_date(spec.year, spec.month or 1, spec.day or 1)


def _sentence_bounds(text: str, start: int) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in ".!?\n")
    right = min([i for i in (text.find(c, start) for c in ".!?\n") if i >= 0] or [len(text)])
    return left + 1, right


def _add_duration(start: dt.date, spec: Spec) -> dt.date | None:
    months, days = 0, 0
    for unit, amount in spec.duration:
        if amount is None:
            return None
        if unit == "year":
            months += int(amount * 12)
        elif unit == "month":
            months += int(amount)
        elif unit == "week":
            days += int(amount * 7)
        elif unit == "day":
            days += int(amount)
        else:
            return None
    index = start.year * 12 + start.month - 1 + months
    end = safe_date(index // 12, index % 12 + 1, min(start.day, 28))
    return end + dt.timedelta(days=days) if end else None


def anchored_duration_end(
    text: str, raw: RawTimex, previous: list[tuple[RawTimex, dt.date]], g: Grammar
) -> dt.date | None:
    """End of "he was then held for 16 months" after "released in November 2017"."""
    if not g.duration_for.search(text[max(0, raw.start - 40) : raw.start]):
        return None
    s_start, _ = _sentence_bounds(text, raw.start)
    if not g.sequence.search(text[s_start : raw.start]):
        return None
    prev_start, _ = _sentence_bounds(text, max(0, s_start - 2))
    candidates = [(r, d) for r, d in previous if r.start >= prev_start and r.spec.month is not None]
    if not candidates:
        return None
    return _add_duration(candidates[-1][1], raw.spec)


def _in_sentence(text: str, raw: RawTimex) -> bool:
    line_start = text.rfind("\n", 0, raw.start) + 1
    line_end = text.find("\n", raw.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return not _LINK_LINE.match(line) and len(_WORDS.findall(line)) >= 8


def content_evidence(
    text: str,
    g: Grammar,
    raws: tuple[RawTimex, ...] | None = None,
    latest: dt.date | None = None,
) -> Evidence:
    """Dated mentions, year-less dates, recency markers and numeric-order votes.

    Dates after ``latest`` (the processing day: nothing is published in the
    future) cannot be past events and are ignored."""
    raws = detect(text, g) if raws is None else raws
    mentioned: list[Mentioned] = []
    dated: list[tuple[RawTimex, dt.date]] = []
    partials: list[Partial] = []
    recency: list[str] = []
    recency_at: list[int] = []
    votes_day, votes_month = 0, 0
    max_year: int | None = None
    for raw in raws:
        spec = raw.spec
        if spec.numeric is not None:
            votes_day += spec.numeric[0] > 12
            votes_month += spec.numeric[1] > 12
        if spec.kind == "duration":
            end = anchored_duration_end(text, raw, dated, g)
            if end is not None and (latest is None or end <= latest):
                label = f"{raw.text} after {dated[-1][0].text}"
                mentioned.append(Mentioned(end, label, "month", "past", True))
            continue
        if spec.kind not in ("date", "time"):
            continue
        tense = tense_at(text, raw.start, raw.end, g)
        if spec.year is not None and spec.rel_unit is None:
            start = _mention_start(spec)
            if start is None or (latest is not None and start > latest):
                continue
            if spec.numeric is None:
                dated.append((raw, start))
            if tense == "future":
                continue
            max_year = start.year if max_year is None else max(max_year, start.year)
            level = "day" if spec.day or spec.numeric else "month" if spec.month else "year"
            mentioned.append(Mentioned(start, raw.text, level, tense, _in_sentence(text, raw)))
            continue
        if spec.year is None and spec.month is not None and spec.rel_unit is None:
            partials.append(Partial(spec.month, spec.day, tense, raw.text, raw.start))
        elif spec.rel_unit == "monthname" and spec.month is not None and (spec.rel_offset or 0) < 0:
            partials.append(Partial(spec.month, None, "past", raw.text, raw.start))
        elif spec.rel_base == "dct" and spec.rel_unit in {"day", "week", "weekday", "weekend"}:
            recency.append(raw.text)
            recency_at.append(raw.start)
    partials = [
        replace(p, recent=any(_same_sentence(text, p.start, at) for at in recency_at))
        for p in partials
    ]
    return Evidence(
        tuple(mentioned), tuple(partials), tuple(recency), votes_day, votes_month, max_year
    )


def _same_sentence(text: str, a: int, b: int) -> bool:
    low, high = min(a, b), max(a, b)
    return not any(c in text[low:high] for c in ".!?\n")


def _mention_start(spec: Spec) -> dt.date | None:
    if spec.numeric is None:
        return period_start(spec)
    assert spec.year is not None
    a, b = spec.numeric
    readings = [d for d in (safe_date(spec.year, b, a), safe_date(spec.year, a, b)) if d]
    return min(readings) if readings else None


def _latest_on_or_before(p: Partial, when: dt.date, slack: int = 1) -> dt.date | None:
    for year in (when.year + 1, when.year, when.year - 1, when.year - 2):
        d = safe_date(year, p.month, p.ref_day)
        if d is not None and d <= when + dt.timedelta(days=slack):
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
    """How badly a publication date fits the content: distances of the year-less
    dates resolved around it (tense-aware) plus explicit past dates after it."""
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


@dataclass(frozen=True, slots=True)
class Estimate:
    day: dt.date  # the earliest publication day consistent with the evidence
    consistent: bool
    reason: str
    level: str = "month"  # how precisely ``day`` is supported: "day" or "month"


def estimate_from_content(  # noqa: C901 (to split with the dating rewrite (issue 20))
    evidence: Evidence, grace_days: int, max_span_days: int
) -> Estimate | None:
    """The publication day the content supports, if any.

    A full date on a line of its own (a dateline or timestamp left in the text)
    is taken first. Otherwise: the earliest day after the latest explicitly dated
    past event that keeps the year-less past dates recent and after it. Without
    year-less dates, that event only bounds the date (``consistent=False``).
    ``None`` without any explicit date."""
    if evidence.stamps:
        stamp = evidence.stamps[0]
        return Estimate(stamp.start, True, f"a date printed in the text: {stamp.text!r}", "day")
    bound = evidence.lower_bound
    if bound is None:
        return None
    past = list(evidence.past_partials)
    newer_year = evidence.max_year is not None and evidence.max_year > bound.year
    if not past:
        # A full date may be the text's present; "in January 2009" only bounds it,
        # and so does any date older than a year the text mentions.
        return Estimate(
            bound,
            evidence.bound_level == "day" and not newer_year,
            f"latest past date mentioned: {evidence.lower_bound_text}",
        )
    if evidence.bound_level == "day":
        # A full date ("December 15, 2010") is often the text's present: the
        # year-less dates are then the months before it.
        before = [_latest_on_or_before(p, bound) for p in past]
        if all(r is not None and (bound - r).days <= max_span_days for r in before):
            return Estimate(
                bound,
                not newer_year,
                f"latest full date mentioned: {evidence.lower_bound_text}; year-less dates "
                f"({', '.join(sorted({p.text for p in past}))}) read before it",
            )
        if not any(p.recent for p in past):
            # Year-less dates after a full date are news only when the text ties
            # one to "last week" / "yesterday"; otherwise the order is unknown.
            return Estimate(bound, False, f"it is after {evidence.lower_bound_text}")
    candidates = {bound}
    for p in past:
        for year in range(bound.year, bound.year + 3):
            d = safe_date(year, p.month, p.ref_day)
            if d is not None and d >= bound:
                candidates.add(d)
    grace = dt.timedelta(days=grace_days)
    best: tuple[float, dt.date, bool] | None = None
    for when in sorted(candidates):
        # Prefer the earliest date: half a point per day after the bound.
        cost, ok = 0.5 * (when - bound).days, True
        resolved: list[dt.date] = []
        for p in past:
            d = _latest_on_or_before(p, when)
            if d is None:
                ok = False
                continue
            resolved.append(d)
            cost += (when - d).days
            if d < bound - grace:
                ok = False  # a year-less past date long before the explicit one: unclear
        if resolved and (when - min(resolved)).days > max_span_days:
            ok = False
        if (when - bound).days > 366:
            ok = False  # the year-less dates are not news relative to the bound
        if best is None or cost < best[0]:
            best = (cost, when, ok)
    assert best is not None
    _, when, ok = best
    latest = max(past, key=lambda p: _latest_on_or_before(p, when) or dt.date.min)
    reason = (
        f"year-less dates ({', '.join(sorted({p.text for p in past}))}) read after the latest "
        f"explicitly dated past event ({evidence.lower_bound_text}); latest: {latest.text}"
    )
    if evidence.max_year is not None and evidence.max_year > when.year:
        ok = False  # the text names a later year than its supposed present
    return Estimate(when, ok, reason)
