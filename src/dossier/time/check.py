"""A date a page states about itself, checked against what the article reports.

:func:`check` reads the content evidence (:mod:`dossier.time.evidence`) relative to a
candidate publication date and returns a :class:`Verdict`:

- ``contradicted``: the text is older news than the date says. Its recent events
  ("last week", "yesterday", year-less days) all lie months before the date and no year
  near the date is mentioned (a reprint stamped with a later day, an "Updated" stamp); or
  it expects as future ("will open on 6 January 2020") what the date places long past.
  The content's own date replaces the candidate (:mod:`dossier.time.infer`), with the
  candidate as its upper bound.
- ``questioned``: the text reports as past events well after the date (a later update, or
  a date misread); the date is kept, flagged.
- ``consistent``: nothing in the text disagrees.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from dossier.model import DateValue
from dossier.time.evidence import Evidence, Partial
from dossier.time.infer import Estimate, estimate
from dossier.time.normalize import Anchor, safe_date
from dossier.time.settings import TimeSettings

_SIZE = {"day": 0, "month": 31, "year": 366}


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: Literal["consistent", "questioned", "contradicted"]
    why: str = ""
    content: Estimate | None = None  # the content's own date, when it replaces the candidate


def check(candidate: DateValue, evidence: Evidence, settings: TimeSettings) -> Verdict:
    anchor = Anchor.of(candidate)
    assert anchor is not None
    stale = _stale(candidate, anchor.day, evidence, settings)
    if stale is not None:
        return stale
    expected = _expected_long_ago(candidate, anchor.day, evidence, settings)
    if expected is not None:
        return expected
    later = _later_reports(candidate, anchor.day, evidence, settings)
    if later is not None:
        return Verdict("questioned", later)
    return Verdict("consistent")


def _later_reports(
    candidate: DateValue, when: dt.date, evidence: Evidence, settings: TimeSettings
) -> str | None:
    """Events in running text, reported as past, well after the candidate date."""
    limit = when + dt.timedelta(days=_SIZE[candidate.granularity] + settings.later_report_days)
    later = [
        m
        for m in evidence.mentioned
        if m.level != "year" and m.tense == "past" and m.in_sentence and m.start > limit
    ]
    if not later:
        return None
    latest = max(later, key=lambda m: m.start)
    return (
        f"the text reports {latest.text!r} ({latest.start.isoformat()}) as past, "
        f"after {candidate.value}"
    )


def _expected_long_ago(
    candidate: DateValue, when: dt.date, evidence: Evidence, settings: TimeSettings
) -> Verdict | None:
    """The text expects, as future, a dated event long before the candidate ("the trial
    will open on 6 January 2020" on a page stamped 2025): it was written before that event.
    Read only from the parse (a future-in-the-past read from words is too loose)."""
    if not evidence.parsed:
        return None
    limit = when - dt.timedelta(days=settings.later_report_days + _SIZE[candidate.granularity])
    expected = [
        m for m in evidence.expected if m.level == "day" and m.in_sentence and m.start < limit
    ]
    if not expected:
        return None
    first = min(expected, key=lambda m: m.start)
    content = estimate(evidence, settings, upper=first.start)
    if content is None:
        return None
    why = (
        f"the text expects {first.text!r} ({first.start.isoformat()}) as future, long before "
        f"{candidate.value}; {content.reason}"
    )
    return Verdict("contradicted", why, content)


def _stale(
    candidate: DateValue, when: dt.date, evidence: Evidence, settings: TimeSettings
) -> Verdict | None:
    """A date long after everything the text reports as recent.

    The text speaks of recency ("last week", "yesterday"); its year-less past days
    (``stale_min_dates`` of them within ``stale_window_days``, or one in the same sentence
    as the recency word: "last week, on March 19"), read relative to the candidate, all lie
    over ``stale_days`` before it; and no year within ``stale_years`` of it is mentioned.
    When the text names years, its own explicit dates must place it more than
    ``stale_years`` earlier; without years, the candidate bounds it from above."""
    days = [p for p in evidence.past_partials if p.day is not None]
    if not evidence.recency or not days:
        return None
    if len({(p.month, p.day) for p in days}) < settings.stale_min_dates and not any(
        p.recent for p in days
    ):
        return None  # one year-less day, not tied to "last week" / "yesterday": too thin
    resolved = [_latest_before(p, when) for p in days]
    known = [r for r in resolved if r is not None]
    if len(known) < len(resolved) or (max(known) - min(known)).days > settings.stale_window_days:
        return None
    if evidence.max_year is not None and evidence.max_year >= when.year - settings.stale_years:
        return None
    old_news = max(known) <= when - dt.timedelta(days=settings.stale_days)
    content = estimate(evidence, settings, upper=when)
    if content is None or not content.consistent:
        return None
    if evidence.max_year is None:
        # No year at all: only several recent days, one tied to "last week"/"yesterday",
        # all long before the candidate contradict it; the content is then dated below it.
        distinct = len({(p.month, p.day) for p in days})
        if not (old_news and distinct >= settings.stale_min_dates and any(p.recent for p in days)):
            return None
    elif content.day.year >= when.year - settings.stale_years:
        return None
    elif not old_news and (
        evidence.max_year != content.day.year or not any(p.recent for p in days)
    ):
        # Recent days that stay recent read against the candidate contradict it only if the
        # text's latest year is its own present and a day is tied to "last week".
        return None
    return Verdict(
        "contradicted", _stale_why(candidate, evidence, days, old_news, settings, content), content
    )


def _stale_why(
    candidate: DateValue,
    evidence: Evidence,
    days: list[Partial],
    old_news: bool,
    settings: TimeSettings,
    content: Estimate,
) -> str:
    listed = ", ".join(sorted({p.text for p in days}))
    latest_year = (
        f"no year after {evidence.max_year} is mentioned"
        if evidence.max_year
        else "no year is mentioned"
    )
    recency = ", ".join(sorted(set(evidence.recency)))
    if old_news:
        why = (
            f"the text's recent events ({listed}; it speaks of {recency}) would all be over "
            f"{settings.stale_days} days old at {candidate.value}, and {latest_year}"
        )
    else:
        why = (
            f"the text speaks of {recency} about {listed}, and {latest_year}: its present "
            f"is {content.day.isoformat()[:7]}, years before {candidate.value}"
        )
    return f"{why}; {content.reason}"


def _latest_before(p: Partial, when: dt.date) -> dt.date | None:
    for year in (when.year, when.year - 1):
        d = safe_date(year, p.month, p.ref_day)
        if d is not None and d <= when + dt.timedelta(days=1):
            return d
    return None
