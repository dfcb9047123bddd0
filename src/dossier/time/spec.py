"""What the detector found, before anchoring: the meaning of one temporal expression."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TimexKind = Literal["date", "duration", "set", "time"]
RelBase = Literal["dct", "narrative"]


@dataclass(frozen=True, slots=True)
class Spec:
    """The parsed meaning of one expression (fields unused by its kind stay None).

    Calendar fields: ``year``/``month``/``day`` as printed (a partial date has
    ``year=None``); ``alt`` is the other reading ``(month, day)`` of an ambiguous
    numeric date whose printed reading is day-first ``(day, month)`` taken as
    ``month=b, day=a``.

    Relative fields: ``rel_unit`` ("day", "week", "weekend", "month", "year",
    "quarter", "decade", "weekday", "monthname", "season") shifted by
    ``rel_offset`` units from the document date ("dct") or from the previous
    date in the text ("narrative"). ``rel_offset=None`` with ``rel_unit="weekday"``
    means "the nearest such weekday" (direction from tense).
    """

    kind: TimexKind = "date"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    numeric: tuple[int, int] | None = None  # (first, second) numbers of an a/b/yyyy date
    weekday: int | None = None
    rel_unit: str | None = None
    rel_offset: int | None = None
    rel_base: RelBase | None = None
    approx: bool = False
    mod: str | None = None  # START, MID, END (TimeML mod)
    duration: tuple[tuple[str, float | None], ...] = ()  # (unit, amount; None = unknown)
    ref: str | None = None  # PRESENT_REF, PAST_REF, FUTURE_REF
    part_of_day: str | None = None  # MO AF EV NI
    clock: str | None = None  # "HH:MM"
    season: str | None = None  # SP SU FA WI
    quarter: int | None = None
    decade: int | None = None  # 199 for "the 1990s"
    set_unit: str | None = None  # for sets: "day", "week", ...


@dataclass(frozen=True, slots=True)
class RawTimex:
    """A detected expression: its span in the text and its parsed meaning."""

    start: int
    end: int
    text: str
    spec: Spec
