"""When what a candidate sentence reports happened, and whether a reader can place it.

A sentence is dated by the time expressions its own assertions govern
(:class:`~dossier.summarize.state.Reading`): "X, who crossed in October, has been sentenced"
reports a sentencing, not an October event. Its anchors are those expressions (or, when its
assertions govern none, every expression in it). A sentence whose every anchor is relative
to its report ("last week", "earlier this week", "on Monday" in a report whose own date is
uncertain) and not resolved to a date as precise as it says ("earlier this month" of a
report of 29 November is November) can be placed by nobody reading the case file, so the
summary takes it only when nothing else states what it reports.
"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.model import DateValue, Document, TimeExpression
from dossier.summarize.state import Reading
from dossier.time.detect import detect
from dossier.time.grammar import Grammar

# not language: the time grammar's relative units (dossier.time.spec.Spec.rel_unit), by the
# granularity a value must have to place an expression of that unit
_NEEDS_DAY = frozenset({"day", "night", "weekday", "week", "weekend"})
_NEEDS_MONTH = frozenset({"month", "monthname"})
_ANCHORS = frozenset({"date", "time"})  # not language: TimeExpression kinds that date


def sentence_time(
    doc: Document, reading: Reading, grammar: Grammar | None
) -> tuple[DateValue | None, bool]:
    """The latest date the sentence's own assertions give (None if they give none), and
    whether its time anchors are all relative and unresolved."""
    timex = doc.time_expressions
    own = [timex[k] for k in reading.own_times if timex[k].kind in _ANCHORS]
    dated = [t.value for t in own if t.value is not None]
    when = max(dated, key=lambda d: d.sort_key) if dated else None
    anchors = own or [timex[k] for k in reading.times if timex[k].kind in _ANCHORS]
    return when, unplaced(anchors, grammar)


def unplaced(anchors: Sequence[TimeExpression], grammar: Grammar | None) -> bool:
    """Every anchor is relative to the report and not resolved to a date as precise as it
    is ("yesterday" to a day, "last month" to a month); False without anchors."""
    if grammar is None or not anchors:
        return False
    return all(_relative_unresolved(t, grammar) for t in anchors)


def _relative_unresolved(t: TimeExpression, grammar: Grammar) -> bool:
    found = detect(t.text, grammar)
    if not found:
        return False  # read in its context only: not known to be relative
    spec = found[0].spec
    if spec.rel_unit is None and spec.ref is None:
        return False  # a calendar date ("in October", "on 9 March")
    value = t.value
    if value is None:
        return True
    if value.approximate and not (spec.approx or spec.mod):
        return True  # the report's own date is uncertain, so is whatever counts from it
    if spec.rel_unit in _NEEDS_DAY:
        return value.granularity != "day"
    if spec.rel_unit in _NEEDS_MONTH:
        return value.granularity == "year"
    return False
