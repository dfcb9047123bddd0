"""Documents dating each other by the events they report.

A text that reports as done an event another document dates was written on or after that
day. :func:`reports` reads, from the parse, the sentences of a document that report an
event of a dated kind (the language's event classes: "sentenced", "the verdict", "were
arrested") in the past, with the day a past expression in the sentence gives it, if any.
:func:`same_event` finds, for a document dated only from its content, the first event it
reports undated that another document, about the same people, dates after the document's
own earliest day: the document is then dated on that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.lang.language import Language
from dossier.model import Document
from dossier.time.tense import TenseOf
from dossier.time.timex import Tagged

_MIN_SHARED_PEOPLE = 2


@dataclass(frozen=True, slots=True)
class Report:
    """A sentence reporting, as done, an event of a dated kind."""

    doc: str
    start: int
    end: int
    kinds: frozenset[str]  # event classes it names ("sentence", "rule")
    date: dt.date | None  # the day a past expression in the sentence gives the event
    expected: bool = False  # it expects these events ("may face trial", "will be tried")


@dataclass(frozen=True, slots=True)
class Reporter:
    """One document's reports, the family names of the people it names (lower case, as
    the parse's entities give them) and its proper-noun words."""

    doc: Document
    reports: tuple[Report, ...]
    people: frozenset[str]
    proper: frozenset[str]


def reporter(
    doc: Document, tags: Sequence[Tagged], language: Language, tense_of: TenseOf
) -> Reporter:
    parse = doc.parse
    if parse is None:
        return Reporter(doc, (), frozenset(), frozenset())
    by_verb = language.events.class_of_verb()
    by_noun = language.events.class_of_noun()
    dated = {c.name for c in language.events.classes if c.dated}
    out: list[Report] = []
    for s, e in parse.sentences:
        done: set[str] = set()
        expected: set[str] = set()
        for t in parse.token_range(s, e):
            table = by_verb if parse.pos[t] == "VERB" else by_noun if parse.pos[t] == "NOUN" else {}
            kind = table.get(parse.lemmas[t].lower())
            if kind not in dated:
                continue
            # Each word takes the tense of the verb it belongs to: "have been arrested and
            # may face trial" reports an arrest and expects a trial.
            tense = tense_of(parse.starts[t], parse.ends[t])
            if tense == "past":
                done.add(kind)
            elif tense == "future":
                expected.add(kind)
        if done:
            out.append(Report(doc.id, s, e, frozenset(done), _sentence_day(tags, s, e, tense_of)))
        if expected:
            out.append(Report(doc.id, s, e, frozenset(expected), None, expected=True))
    proper = frozenset(
        _name(doc.clean_text[parse.starts[t] : parse.ends[t]])
        for t in range(len(parse))
        if parse.pos[t] == "PROPN"
    )
    return Reporter(doc, tuple(out), _people(doc), proper)


def _sentence_day(
    tags: Sequence[Tagged], start: int, end: int, tense_of: TenseOf
) -> dt.date | None:
    for tagged in tags:
        raw, value = tagged.raw, tagged.resolved.value
        if not (start <= raw.start and raw.end <= end) or value is None:
            continue
        day_level = raw.spec.kind in ("date", "time") and value.granularity == "day"
        if day_level and tense_of(raw.start, raw.end) == "past":
            return dt.date.fromisoformat(value.value)
    return None


def _people(doc: Document) -> frozenset[str]:
    assert doc.parse is not None
    names = set()
    for s, e, label in doc.parse.entities:
        if label == "PERSON":
            words = doc.clean_text[s:e].split()
            if len(words) >= 2:
                names.add(_name(words[-1]))
    return frozenset(names)


def _name(word: str) -> str:
    lowered = word.lower()
    return lowered[:-2] if lowered.endswith(("'s", "’s")) else lowered


@dataclass(frozen=True, slots=True)
class SameEventMatch:
    day: dt.date
    own: Report  # the sentence of the document being dated
    other: Report  # the other document's sentence that dates the event


def same_event(
    target: Reporter,
    others: Sequence[Reporter],
    earliest: dt.date | None,
    latest: dt.date | None,
    outcomes: frozenset[str],
) -> tuple[SameEventMatch | None, dt.date | None]:
    """The first day after ``earliest`` (and not after ``latest``) on which another
    document about the same people dates an event ``target`` reports undated, and the
    latest day it can be from (the day before another document dates an event it still
    expects). People are the names any document of the run tags as a person; two
    documents are about the same people when both name at least two of them."""
    people = frozenset().union(*(o.people for o in others), target.people)
    mine = target.proper & people
    related = [
        o
        for o in others
        if o.doc.id != target.doc.id and len(mine & o.proper) >= _MIN_SHARED_PEOPLE
    ]
    dated = [(r.date, r) for o in related for r in o.reports if r.date is not None]
    dated = [(d, r) for d, r in dated if earliest is None or d > earliest]
    # What it still expects (the same kind of event, not only a related outcome) had not
    # happened: it was written before those days.
    for own in (r for r in target.reports if r.expected):
        for day, theirs in dated:
            if own.kinds & theirs.kinds:
                latest = min(latest or day, day - dt.timedelta(days=1))
    best: SameEventMatch | None = None
    for own in (r for r in target.reports if r.date is None and not r.expected):
        for day, theirs in dated:
            if latest is not None and day > latest:
                continue
            if _same_kind(own.kinds, theirs.kinds, outcomes) and (best is None or day < best.day):
                best = SameEventMatch(day, own, theirs)
    return best, latest


def _same_kind(a: frozenset[str], b: frozenset[str], outcomes: frozenset[str]) -> bool:
    return bool(a & b) or bool(a & outcomes and b & outcomes)
