"""The public tagger: find temporal expressions and normalise them.

``tag_time_expressions(text, doc_id, anchor, settings)`` is stable API (the
timeline stage consumes it). Offsets are into ``text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.model import DateValue, TimeExpression
from dossier.time.detect import detect
from dossier.time.evidence import anchored_duration_end, period_start
from dossier.time.grammar import Grammar, grammar_for
from dossier.time.normalize import Anchor, Resolved, month_value, resolve, tense_at
from dossier.time.settings import TimeSettings
from dossier.time.spec import RawTimex

if TYPE_CHECKING:
    from dossier.time.tense import TenseOf


@dataclass(frozen=True, slots=True)
class Tagged:
    """A detected expression with both its calendar value and its TimeML value."""

    raw: RawTimex
    resolved: Resolved


def tag_detailed(
    text: str,
    anchor: DateValue | None,
    settings: TimeSettings,
    g: Grammar,
    raws: tuple[RawTimex, ...] | None = None,
    tense_of: TenseOf | None = None,
) -> tuple[Tagged, ...]:
    """Detect and resolve every expression. "The following day" and "two days
    later" are resolved against the previous day-level date in the text; a bare
    month ("fled in April") right after an explicitly dated sentence about a
    time long before the anchor ("In August 2018, ...") takes its year from that
    narrative rather than from the document date. ``raws`` are the detections of
    ``text`` when already computed; ``tense_of`` reads the tense at a span from the parse
    (:func:`dossier.time.tense.tense_reader`), else it is read from the words around it."""
    out: list[Tagged] = []
    narrative: DateValue | None = None
    background: tuple[int, DateValue] | None = None  # (end offset, explicit-year date)
    dated: list[tuple[RawTimex, dt.date]] = []  # explicit-year dates so far (for durations)
    anchor_at = Anchor.of(anchor)
    for raw in detect(text, g) if raws is None else raws:
        spec = raw.spec
        tense = tense_of(raw.start, raw.end) if tense_of else tense_at(text, raw.start, raw.end, g)
        local_anchor = anchor
        if (
            background is not None
            and anchor_at is not None
            and spec.year is None
            and spec.day is None
            and spec.month is not None
            and spec.rel_unit is None
            and raw.start - background[0] <= settings.narrative_window_chars
        ):
            local_anchor = background[1]
        resolved = resolve(
            spec, local_anchor, narrative=narrative, tense=tense, day_first=settings.day_first
        )
        if spec.kind == "duration":
            end = anchored_duration_end(text, raw, dated, g)
            if end is not None:  # "then held for 16 months" after "released in November 2017"
                resolved = Resolved(month_value(end.year, end.month, True), resolved.timeml)
        elif spec.year is not None and spec.rel_unit is None and spec.numeric is None:
            start = period_start(spec)
            if start is not None:
                dated.append((raw, start))
        out.append(Tagged(raw, resolved))
        value = resolved.value
        if value is not None and value.granularity == "day" and spec.kind in ("date", "time"):
            narrative = value
        if spec.kind == "date" and value is not None and spec.year is not None and spec.month:
            at = Anchor.of(value)
            if (
                anchor_at is not None
                and at is not None
                and (anchor_at.day - at.day).days > settings.background_days
            ):
                background = (raw.end, value)
            else:
                background = None
    return tuple(out)


def tag_time_expressions(
    text: str,
    doc_id: str,
    anchor: DateValue | None,
    settings: TimeSettings,
    grammar: Grammar | None = None,
) -> tuple[TimeExpression, ...]:
    """Temporal expressions in ``text``, normalised relative to ``anchor`` (the
    document's date; ``None`` leaves relative and year-less expressions
    unvalued). Sets and durations have ``value=None``, except a duration anchored
    to an explicitly dated event ("released in November 2017 ... then held for 16
    months"), whose value is its approximate end month. ``grammar`` is the text's
    language's (:meth:`dossier.resources.Resources.time_grammar`); without one, the
    grammar of ``settings.language`` is built for this call."""
    if grammar is None:
        grammar = grammar_for(settings.language)
    return to_expressions(doc_id, tag_detailed(text, anchor, settings, grammar))


def to_expressions(doc_id: str, tagged: tuple[Tagged, ...]) -> tuple[TimeExpression, ...]:
    """The public records of tagged expressions."""
    return tuple(
        TimeExpression(
            doc=doc_id,
            start=t.raw.start,
            end=t.raw.end,
            text=t.raw.text,
            value=t.resolved.value,
            kind=t.raw.spec.kind,
        )
        for t in tagged
    )
