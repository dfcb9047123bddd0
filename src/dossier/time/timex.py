"""The public tagger: find temporal expressions and normalise them.

``tag_time_expressions(text, doc_id, anchor, settings)`` is stable API (the
timeline stage consumes it). Offsets are into ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.model import DateValue, TimeExpression
from dossier.time.detect import detect
from dossier.time.normalize import Resolved, resolve, tense_at
from dossier.time.settings import TimeSettings
from dossier.time.spec import RawTimex


@dataclass(frozen=True, slots=True)
class Tagged:
    """A detected expression with both its calendar value and its TimeML value."""

    raw: RawTimex
    resolved: Resolved


def tag_detailed(text: str, anchor: DateValue | None, settings: TimeSettings) -> tuple[Tagged, ...]:
    """Detect and resolve every expression; "the following day" and "two days
    later" are resolved against the previous day-level date in the text."""
    out: list[Tagged] = []
    narrative: DateValue | None = None
    for raw in detect(text):
        tense = tense_at(text, raw.start, raw.end)
        resolved = resolve(
            raw.spec, anchor, narrative=narrative, tense=tense, day_first=settings.day_first
        )
        out.append(Tagged(raw, resolved))
        value = resolved.value
        if value is not None and value.granularity == "day" and raw.spec.kind in ("date", "time"):
            narrative = value
    return tuple(out)


def tag_time_expressions(
    text: str, doc_id: str, anchor: DateValue | None, settings: TimeSettings
) -> tuple[TimeExpression, ...]:
    """Temporal expressions in ``text``, normalised relative to ``anchor`` (the
    document's date; ``None`` leaves relative and year-less expressions
    unvalued). Durations and sets have ``value=None``."""
    return tuple(
        TimeExpression(
            doc=doc_id,
            start=t.raw.start,
            end=t.raw.end,
            text=t.raw.text,
            value=t.resolved.value,
            kind=t.raw.spec.kind,
        )
        for t in tag_detailed(text, anchor, settings)
    )
