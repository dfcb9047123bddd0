"""What a document's own text says about when it was written.

:func:`content_evidence` collects, without any anchor: explicitly dated mentions (with a
year) the text reports as past or present (a lower bound for the publication date) and
those it expects as future; year-less dates ("October 14", "in September", "Tuesday,
January 21"); recency markers ("last week", "yesterday"); and the day/month order votes of
numeric dates. Tenses come from the parse when there is one
(:func:`dossier.time.tense.tense_reader`). :mod:`dossier.time.infer` turns the evidence
into a date; :mod:`dossier.time.check` holds a page's date against it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from dossier.time.detect import detect
from dossier.time.grammar import Grammar
from dossier.time.normalize import Tense, safe_date, tense_at
from dossier.time.spec import RawTimex, Spec
from dossier.time.tense import TenseOf


@dataclass(frozen=True, slots=True)
class Partial:
    """A year-less date in the text: month and maybe day, with its tense."""

    month: int
    day: int | None
    tense: Tense | None
    text: str
    start: int
    recent: bool = False  # a recency word beside it ("last week, on March 19")
    weekday: int | None = None  # "Tuesday, January 21": the weekday printed with it

    @property
    def ref_day(self) -> int:
        return self.day if self.day is not None else 15


@dataclass(frozen=True, slots=True)
class Mentioned:
    """An explicitly dated mention (it has a year)."""

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
    expected: tuple[Mentioned, ...] = ()  # explicitly dated mentions in a future clause
    parsed: bool = False  # tenses read from the parse

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


# typography: a run of letters; a line holding only a numeric date (and a clock time)
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
    tense_of: TenseOf | None = None,
) -> Evidence:
    """Dated mentions, year-less dates, recency markers and numeric-order votes.

    Dates after ``latest`` (the run's today: nothing is published in the future) cannot be
    past events: only what the text expects there is kept. ``tense_of`` gives the tense at
    a span (from the parse, :func:`dossier.time.tense.tense_reader`); without it the words
    around each expression decide."""
    collector = _Collector(text, g, latest, tense_of)
    for raw in detect(text, g) if raws is None else raws:
        collector.add(raw)
    return collector.evidence()


class _Collector:
    def __init__(self, text: str, g: Grammar, latest: dt.date | None, tense_of: TenseOf | None):
        self.text, self.g, self.latest = text, g, latest
        self.parsed = tense_of is not None
        self.tense_of: TenseOf = tense_of or (lambda start, end: tense_at(text, start, end, g))
        self.mentioned: list[Mentioned] = []
        self.expected: list[Mentioned] = []
        self.dated: list[tuple[RawTimex, dt.date]] = []  # explicit dates so far (durations)
        self.partials: list[Partial] = []
        self.recency: list[tuple[str, int]] = []
        self.votes = [0, 0]
        self.max_year: int | None = None

    def add(self, raw: RawTimex) -> None:
        spec = raw.spec
        if spec.numeric is not None:
            self.votes[0] += spec.numeric[0] > 12
            self.votes[1] += spec.numeric[1] > 12
        if spec.kind == "duration":
            end = anchored_duration_end(self.text, raw, self.dated, self.g)
            if end is not None and (self.latest is None or end <= self.latest):
                label = f"{raw.text} after {self.dated[-1][0].text}"
                self.mentioned.append(Mentioned(end, label, "month", "past", True))
            return
        if spec.kind not in ("date", "time"):
            return
        tense = self.tense_of(raw.start, raw.end)
        if spec.year is not None and spec.rel_unit is None:
            self._explicit(raw, tense)
        elif spec.year is None and spec.month is not None and spec.rel_unit is None:
            self.partials.append(
                Partial(spec.month, spec.day, tense, raw.text, raw.start, weekday=spec.weekday)
            )
        elif spec.rel_unit == "monthname" and spec.month is not None and (spec.rel_offset or 0) < 0:
            self.partials.append(Partial(spec.month, None, "past", raw.text, raw.start))
        elif spec.rel_base == "dct" and spec.rel_unit in {"day", "week", "weekday", "weekend"}:
            self.recency.append((raw.text, raw.start))

    def _explicit(self, raw: RawTimex, tense: Tense | None) -> None:
        spec = raw.spec
        start = _mention_start(spec)
        if start is None:
            return
        level = "day" if spec.day or spec.numeric else "month" if spec.month else "year"
        mention = Mentioned(start, raw.text, level, tense, _in_sentence(self.text, raw))
        if tense == "future":
            self.expected.append(mention)
        if self.latest is not None and start > self.latest:
            return  # after today: not a past event
        if spec.numeric is None:
            self.dated.append((raw, start))
        if tense != "future":
            self.max_year = max(self.max_year or start.year, start.year)
            self.mentioned.append(mention)

    def evidence(self) -> Evidence:
        text = self.text
        partials = [
            replace(p, recent=any(_tied(text, p.start, at) for _, at in self.recency))
            for p in self.partials
        ]
        return Evidence(
            tuple(self.mentioned),
            tuple(partials),
            tuple(t for t, _ in self.recency),
            self.votes[0],
            self.votes[1],
            self.max_year,
            tuple(self.expected),
            self.parsed,
        )


def _tied(text: str, a: int, b: int) -> bool:
    """Two expressions side by side in one sentence ("last week, on March 19")."""
    low, high = min(a, b), max(a, b)
    return high - low <= _TIED_CHARS and not any(c in text[low:high] for c in ".!?\n")


_TIED_CHARS = 40


def _mention_start(spec: Spec) -> dt.date | None:
    if spec.numeric is None:
        return period_start(spec)
    assert spec.year is not None
    a, b = spec.numeric
    readings = [d for d in (safe_date(spec.year, b, a), safe_date(spec.year, a, b)) if d]
    return min(readings) if readings else None
