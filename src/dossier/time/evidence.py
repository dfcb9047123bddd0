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
from dataclasses import dataclass

from dossier.time.detect import detect
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

    @property
    def ref_day(self) -> int:
        return self.day if self.day is not None else 15


@dataclass(frozen=True, slots=True)
class Evidence:
    explicit: tuple[tuple[dt.date, str], ...]  # (start of the dated period, its text), past
    partials: tuple[Partial, ...]
    recency: tuple[str, ...]  # "last week", "yesterday", ...
    day_first_votes: int
    month_first_votes: int
    max_year: int | None  # the latest year the text mentions at all
    # Explicit dates in a clause with a past-tense cue (not merely "not future").
    past_cued: tuple[tuple[dt.date, str], ...] = ()
    # Granularity of each explicit date's text: "year", "month" or "day".
    granularity: tuple[tuple[str, str], ...] = ()

    @property
    def lower_bound(self) -> dt.date | None:
        return max((d for d, _ in self.explicit), default=None)

    @property
    def lower_bound_text(self) -> str | None:
        if not self.explicit:
            return None
        return max(self.explicit)[1]


_THEN = re.compile(r"\b(?:then|later|subsequently|afterwards|thereafter)\b", re.IGNORECASE)
_FOR = re.compile(
    r"\bfor\s+(?:a\s+(?:period|term)\s+of\s+)?(?:about\s+|nearly\s+|almost\s+)?$", re.I
)
_LINK_LINE = re.compile(r"^\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}(?:\s+\d{1,2}[:.]\d{2})?\s*$")


def _period_start(spec: Spec) -> dt.date | None:
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


def _anchored_duration_end(
    text: str, raw: RawTimex, previous: list[tuple[RawTimex, dt.date]]
) -> dt.date | None:
    """End of "he was then held for 16 months" after "released in November 2017"."""
    if not _FOR.search(text[max(0, raw.start - 40) : raw.start]):
        return None
    s_start, _ = _sentence_bounds(text, raw.start)
    if not _THEN.search(text[s_start : raw.start]):
        return None
    prev_start, _ = _sentence_bounds(text, max(0, s_start - 2))
    candidates = [(r, d) for r, d in previous if r.start >= prev_start and r.spec.month is not None]
    if not candidates:
        return None
    base_raw, base = candidates[-1]
    end = _add_duration(base, raw.spec)
    if end is None or base_raw.spec.day is None:
        return end
    return end


def content_evidence(text: str, raws: tuple[RawTimex, ...] | None = None) -> Evidence:
    raws = detect(text) if raws is None else raws
    explicit: list[tuple[dt.date, str]] = []
    past_cued: list[tuple[dt.date, str]] = []
    granularity: list[tuple[str, str]] = []
    dated: list[tuple[RawTimex, dt.date]] = []
    partials: list[Partial] = []
    recency: list[str] = []
    votes_day, votes_month = 0, 0
    max_year: int | None = None
    for raw in raws:
        spec = raw.spec
        if spec.numeric is not None:
            a, b = spec.numeric
            votes_day += a > 12
            votes_month += b > 12
            line_start = text.rfind("\n", 0, raw.start) + 1
            line_end = text.find("\n", raw.end)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            if _LINK_LINE.match(line):
                continue  # a bare timestamp line (lists of related links): not content
        if spec.year is not None:
            max_year = spec.year if max_year is None else max(max_year, spec.year)
        if spec.kind == "duration":
            end = _anchored_duration_end(text, raw, dated)
            if end is not None:
                label = f"{raw.text} after {dated[-1][0].text}"
                explicit.append((end, label))
                granularity.append((label, "month"))
            continue
        if spec.kind not in ("date", "time"):
            continue
        tense = tense_at(text, raw.start, raw.end)
        if spec.year is not None and spec.rel_unit is None:
            start = _period_start(spec) if spec.numeric is None else None
            if start is not None:
                dated.append((raw, start))
                if tense != "future":
                    explicit.append((start, raw.text))
                    level = "day" if spec.day else "month" if spec.month else "year"
                    granularity.append((raw.text, level))
                if tense == "past":
                    past_cued.append((start, raw.text))
            elif spec.numeric is not None and tense != "future":
                a, b = spec.numeric
                first = safe_date(spec.year, b, a) or safe_date(spec.year, a, b)
                second = safe_date(spec.year, a, b) or first
                if first and second:
                    explicit.append((min(first, second), raw.text))
                    granularity.append((raw.text, "day"))
                    if tense == "past":
                        past_cued.append((min(first, second), raw.text))
            continue
        if spec.year is None and spec.month is not None and spec.rel_unit is None:
            partials.append(Partial(spec.month, spec.day, tense, raw.text, raw.start))
        elif spec.rel_unit == "monthname" and spec.month is not None and (spec.rel_offset or 0) < 0:
            partials.append(Partial(spec.month, None, "past", raw.text, raw.start))
        elif spec.rel_base == "dct" and spec.rel_unit in {"day", "week", "weekday", "weekend"}:
            recency.append(raw.text)
    return Evidence(
        tuple(explicit),
        tuple(partials),
        tuple(recency),
        votes_day,
        votes_month,
        max_year,
        tuple(past_cued),
        tuple(granularity),
    )


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


def estimate_from_content(
    evidence: Evidence, grace_days: int, max_span_days: int
) -> Estimate | None:
    """The earliest publication day after the explicit lower bound that keeps the
    year-less past dates recent and after that bound. ``None`` without a bound."""
    bound = evidence.lower_bound
    if bound is None:
        return None
    past = [p for p in evidence.partials if p.tense != "future"]
    if not past:
        return Estimate(bound, True, f"latest past date mentioned: {evidence.lower_bound_text}")
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
        resolved = []
        for p in past:
            d = _latest_on_or_before(p, when)
            if d is None:
                ok = False
                continue
            resolved.append(d)
            cost += (when - d).days
            if d < bound - grace:
                cost += 2 * (bound - grace - d).days
                ok = False
        if resolved and (when - min(resolved)).days > max_span_days:
            ok = False
        if best is None or cost < best[0]:
            best = (cost, when, ok)
    assert best is not None
    _, when, ok = best
    latest = max(past, key=lambda p: _latest_on_or_before(p, when) or dt.date.min)
    reason = (
        f"year-less dates ({', '.join(sorted({p.text for p in past}))}) read after the latest "
        f"explicitly dated past event ({evidence.lower_bound_text}); latest: {latest.text}"
    )
    return Estimate(when, ok, reason)
