"""Anchor detected expressions: calendar values at the right granularity.

:func:`resolve` turns a :class:`~dossier.time.spec.Spec` into a
:class:`Resolved`: a :class:`~dossier.model.DateValue` (never finer than the
text and the anchor allow) and the equivalent TimeML value (used by the
TempEval benchmark; durations, weeks and quarters have TimeML values but no
calendar value).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from dossier.model import DateValue
from dossier.time.spec import Spec

if TYPE_CHECKING:
    from dossier.time.grammar import Grammar

Tense = Literal["past", "future"]

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
# not language: TimeML letters of the canonical units
_DURATION_LETTERS = {
    "year": ("Y", False, 1),
    "month": ("M", False, 1),
    "week": ("W", False, 1),
    "weekend": ("WE", False, 1),
    "fortnight": ("W", False, 2),
    "day": ("D", False, 1),
    "night": ("D", False, 1),
    "decade": ("Y", False, 10),
    "century": ("Y", False, 100),
    "quarter": ("Q", False, 1),
    "hour": ("H", True, 1),
    "minute": ("M", True, 1),
    "second": ("S", True, 1),
}


@dataclass(frozen=True, slots=True)
class Resolved:
    value: DateValue | None
    timeml: str | None


@dataclass(frozen=True, slots=True)
class Anchor:
    """A reference point: a representative day and how precisely it is known."""

    day: dt.date
    granularity: Literal["year", "month", "day"]
    approximate: bool = False

    @staticmethod
    def of(value: DateValue | None) -> Anchor | None:
        if value is None:
            return None
        parts = [int(p) for p in value.value.split("-")]
        if value.granularity == "day":
            return Anchor(dt.date(parts[0], parts[1], parts[2]), "day", value.approximate)
        if value.granularity == "month":
            return Anchor(dt.date(parts[0], parts[1], 15), "month", value.approximate)
        return Anchor(dt.date(parts[0], 7, 1), "year", value.approximate)


def day_value(d: dt.date, approximate: bool = False) -> DateValue:
    return DateValue(d.isoformat(), "day", approximate)


def month_value(year: int, month: int, approximate: bool = False) -> DateValue:
    return DateValue(f"{year:04d}-{month:02d}", "month", approximate)


def year_value(year: int, approximate: bool = False) -> DateValue:
    return DateValue(f"{year:04d}", "year", approximate)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def numeric_readings(a: int, b: int, year: int) -> list[tuple[dt.date, str]]:
    """Valid readings of ``a/b/year``: (date, "day-first" | "month-first")."""
    out: list[tuple[dt.date, str]] = []
    first = safe_date(year, b, a)
    if first is not None:
        out.append((first, "day-first"))
    second = safe_date(year, a, b)
    if second is not None and second != first:
        out.append((second, "month-first"))
    return out


def _pick_year(
    month: int, day: int, ref: dt.date, tense: Tense | None, slack: int
) -> dt.date | None:
    best: tuple[float, dt.date] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        cand = safe_date(year, month, day)
        if cand is None:
            continue
        delta = (cand - ref).days
        cost = float(abs(delta))
        if (tense == "past" and delta > slack) or (tense == "future" and delta < -slack):
            cost = cost * 3 + 30
        if best is None or cost < best[0]:
            best = (cost, cand)
    return best[1] if best else None


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def _week_value(d: dt.date, approximate: bool) -> DateValue:
    monday = d - dt.timedelta(days=d.weekday())
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return month_value(monday.year, monday.month, approximate)
    thursday = monday + dt.timedelta(days=3)
    return month_value(thursday.year, thursday.month, True)


def _coarse(anchor: Anchor) -> DateValue:
    """The anchor itself, approximate: what a day-relative expression can say
    when the anchor is only known to the month or year."""
    if anchor.granularity == "month":
        return month_value(anchor.day.year, anchor.day.month, True)
    return year_value(anchor.day.year, True)


def duration_timeml(parts: tuple[tuple[str, float | None], ...]) -> str:
    date_part, time_part = "", ""
    for unit, amount in parts:
        letter, is_time, scale = _DURATION_LETTERS.get(unit, ("X", False, 1))
        if amount is None:
            number = "X"
        else:
            value = amount * scale
            number = str(int(value)) if value == int(value) else f"{value:g}"
        if is_time:
            time_part += number + letter
        else:
            date_part += number + letter
    return "P" + date_part + ("T" + time_part if time_part else "")


def _timeml_suffix(spec: Spec) -> str:
    if spec.clock:
        return "T" + spec.clock
    if spec.part_of_day and spec.rel_unit != "weekday":  # "Friday night" is a day in TimeBank
        return "T" + spec.part_of_day
    return ""


def resolve(
    spec: Spec,
    anchor: DateValue | None,
    *,
    narrative: DateValue | None = None,
    tense: Tense | None = None,
    day_first: bool | None = None,
) -> Resolved:
    """Calendar and TimeML values of ``spec`` relative to ``anchor`` (the document
    date) or, for "the following day"-style expressions, ``narrative`` (the
    previous day-level date in the text)."""
    if spec.kind == "duration":
        return Resolved(None, duration_timeml(spec.duration))
    if spec.kind == "set":
        return Resolved(
            None, "P1" + _DURATION_LETTERS.get(spec.set_unit or "day", ("D", False, 1))[0]
        )
    if spec.ref is not None:
        return Resolved(None, spec.ref)
    base = Anchor.of(narrative if spec.rel_base == "narrative" and narrative else anchor)
    approx = spec.approx or bool(base and base.approximate and spec.rel_unit)
    suffix = _timeml_suffix(spec)

    if spec.decade is not None:
        return Resolved(None, str(spec.decade))
    if spec.numeric is not None and spec.year is not None:
        return _resolve_numeric(spec, base, day_first, suffix)
    if spec.quarter is not None:
        year = spec.year
        if year is None:
            if base is None:
                return Resolved(None, f"XXXX-Q{spec.quarter}")
            year = base.day.year
            current_q = (base.day.month - 1) // 3 + 1
            if tense == "past" and spec.quarter > current_q:
                year -= 1
        return Resolved(year_value(year, spec.approx), f"{year:04d}-Q{spec.quarter}")
    if spec.season is not None and spec.year is not None:
        return Resolved(year_value(spec.year, True), f"{spec.year:04d}-{spec.season}")
    if spec.rel_unit is None and spec.year is not None:
        return _resolve_absolute(spec, spec.year, suffix)
    if spec.rel_unit is None and spec.month is not None:
        return _resolve_partial(spec, base, tense, suffix)
    if spec.rel_unit is not None:
        if base is None:
            return Resolved(None, None)
        return _resolve_relative(spec, base, tense, approx, suffix)
    return Resolved(None, None)


def _resolve_absolute(spec: Spec, year: int, suffix: str) -> Resolved:
    if spec.month is None:
        return Resolved(year_value(year, spec.approx), f"{year:04d}")
    if spec.day is None:
        return Resolved(month_value(year, spec.month, spec.approx), f"{year:04d}-{spec.month:02d}")
    d = safe_date(year, spec.month, spec.day)
    if d is None:
        return Resolved(None, None)
    return Resolved(day_value(d, spec.approx), d.isoformat() + suffix)


def _resolve_numeric(
    spec: Spec, base: Anchor | None, day_first: bool | None, suffix: str
) -> Resolved:
    assert spec.numeric is not None and spec.year is not None
    readings = numeric_readings(spec.numeric[0], spec.numeric[1], spec.year)
    if not readings:
        return Resolved(None, None)
    chosen = readings[0][0]
    if len(readings) == 2:
        if day_first is not None:
            chosen = readings[0][0] if day_first else readings[1][0]
        elif base is not None:
            chosen = min(
                readings, key=lambda r: (abs((r[0] - base.day).days), r[1] == "day-first")
            )[0]
        else:
            chosen = readings[1][0]  # month-first, the English-language convention
    return Resolved(day_value(chosen), chosen.isoformat() + suffix)


def _resolve_partial(spec: Spec, base: Anchor | None, tense: Tense | None, suffix: str) -> Resolved:
    assert spec.month is not None
    if base is None:
        if spec.day is None:
            return Resolved(None, f"XXXX-{spec.month:02d}")
        return Resolved(None, f"XXXX-{spec.month:02d}-{spec.day:02d}")
    slack = {"day": 1, "month": 16, "year": 183}[base.granularity]
    if spec.day is None:
        picked = _pick_year(spec.month, 15, base.day, tense, slack + 14)
        if picked is None:
            return Resolved(None, None)
        return Resolved(
            month_value(picked.year, spec.month, spec.approx), f"{picked.year:04d}-{spec.month:02d}"
        )
    picked = _pick_year(spec.month, spec.day, base.day, tense, slack)
    if picked is None:
        return Resolved(None, None)
    return Resolved(day_value(picked, spec.approx), picked.isoformat() + suffix)


def _resolve_relative(
    spec: Spec, base: Anchor, tense: Tense | None, approx: bool, suffix: str
) -> Resolved:
    unit = spec.rel_unit
    if unit in {"day", "night", "weekday"}:
        return _relative_day(spec, base, tense, approx, suffix)
    if unit in {"week", "weekend"}:
        return _relative_week(spec, base, approx)
    if unit in {"month", "monthname"}:
        return _relative_month(spec, base, approx)
    if unit in {"fiscal-quarter", "quarter", "quarter-of"}:
        return _relative_quarter(spec, base)
    return _relative_year(spec, base, approx)


def _relative_day(
    spec: Spec, base: Anchor, tense: Tense | None, approx: bool, suffix: str
) -> Resolved:
    if spec.rel_unit != "weekday" and spec.rel_offset is None:
        return Resolved(None, "PAST_REF")
    if base.granularity != "day":
        return Resolved(_coarse(base), None)
    if spec.rel_unit == "weekday":
        assert spec.weekday is not None
        d = _weekday_date(base.day, spec.weekday, spec.rel_offset, tense)
    else:
        assert spec.rel_offset is not None
        d = base.day + dt.timedelta(days=spec.rel_offset)
    return Resolved(day_value(d, approx), d.isoformat() + suffix)


def _relative_week(spec: Spec, base: Anchor, approx: bool) -> Resolved:
    if spec.rel_offset is None:
        return Resolved(None, "PAST_REF")
    d = base.day + dt.timedelta(days=7 * spec.rel_offset)
    iso = d.isocalendar()
    timeml = f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if spec.rel_unit == "weekend" else "")
    if base.granularity != "day":
        return Resolved(_coarse(base), timeml)
    return Resolved(_week_value(d, approx), timeml)


def _relative_month(spec: Spec, base: Anchor, approx: bool) -> Resolved:
    offset, ref = spec.rel_offset, base.day
    if spec.rel_unit == "monthname":
        assert spec.month is not None
        year = ref.year
        if offset is not None and offset < 0 and spec.month >= ref.month:
            year -= 1
        elif offset is not None and offset > 0 and spec.month <= ref.month:
            year += 1
        return Resolved(month_value(year, spec.month, approx), f"{year:04d}-{spec.month:02d}")
    if offset is None:
        return Resolved(None, "PAST_REF")
    if base.granularity == "year":
        return Resolved(_coarse(base), None)
    y, m = _add_months(ref.year, ref.month, offset)
    return Resolved(month_value(y, m, approx), f"{y:04d}-{m:02d}")


def _relative_quarter(spec: Spec, base: Anchor) -> Resolved:
    ref, offset = base.day, spec.rel_offset or 0
    if spec.rel_unit == "fiscal-quarter":
        # "the quarter", "the latest quarter": the one most recently reported on.
        reported = ref - dt.timedelta(days=45)
        index = reported.year * 4 + (reported.month - 1) // 3 + offset
        return Resolved(year_value(index // 4), f"{index // 4:04d}-Q{index % 4 + 1}")
    if spec.rel_unit == "quarter-of" and spec.quarter is not None:
        return Resolved(year_value(ref.year), f"{ref.year:04d}-Q{spec.quarter}")
    index = ref.year * 4 + (ref.month - 1) // 3 + offset
    return Resolved(year_value(index // 4), f"{index // 4:04d}-Q{index % 4 + 1}")


def _relative_year(spec: Spec, base: Anchor, approx: bool) -> Resolved:
    unit, offset, ref = spec.rel_unit, spec.rel_offset, base.day
    if unit == "year":
        if offset is None:
            return Resolved(None, "PAST_REF")
        year = ref.year + offset
        return Resolved(year_value(year, approx), f"{year:04d}")
    if unit == "season":
        assert spec.season is not None
        year = ref.year
        first, _last = _SEASON_MONTHS[spec.season]
        if offset is not None and offset < 0 and first >= ref.month:
            year -= 1
        elif offset is not None and offset > 0 and first <= ref.month:
            year += 1
        return Resolved(year_value(year, True), f"{year:04d}-{spec.season}")
    if unit == "decade":
        return Resolved(None, str(ref.year // 10 + (offset or 0)))
    if unit == "century":
        return Resolved(None, str(ref.year // 100 + (offset or 0)))
    return Resolved(None, None)


def _weekday_date(ref: dt.date, weekday: int, offset: int | None, tense: Tense | None) -> dt.date:
    back = (ref.weekday() - weekday) % 7
    forward = (weekday - ref.weekday()) % 7
    if offset == -1:
        return ref - dt.timedelta(days=back or 7)
    if offset == 1:
        return ref + dt.timedelta(days=forward or 7)
    if offset == 0:
        return ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=weekday)
    if tense == "future":
        return ref + dt.timedelta(days=forward)
    return ref - dt.timedelta(days=back)


# --- tense ---------------------------------------------------------------------------


def tense_at(text: str, start: int, end: int, g: Grammar) -> Tense | None:
    """Tense of the clause around ``text[start:end]`` from its words: the nearest cue on its
    left within the sentence ("will", "scheduled" -> future; past forms -> past), else the
    first on its right. (With a parse, :mod:`dossier.time.tense` reads the verb instead.)"""
    left_bound = max(text.rfind(c, 0, start) for c in ".!?\n;")
    left = text[max(left_bound + 1, start - 250) : start]
    if g.neutral.search(left):
        return None
    best: tuple[int, Tense] | None = None
    for pattern, tense in ((g.future, "future"), (g.past, "past")):
        for m in pattern.finditer(left):
            if best is None or m.start() > best[0]:
                best = (m.start(), tense)  # type: ignore[assignment]
    if best is not None:
        return best[1]
    right_stop = min([i for i in (text.find(c, end) for c in ".!?\n;") if i >= 0] or [len(text)])
    right = text[end : min(right_stop, end + 60)]
    fut, past = g.future.search(right), g.past.search(right)
    if fut and (not past or fut.start() < past.start()):
        return "future"
    if past:
        return "past"
    return None
