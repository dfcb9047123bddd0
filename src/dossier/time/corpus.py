"""Documents of one run dating each other.

- :func:`orders`: a numeric date that reads two ways is read as the page's other numeric
  dates are, else as the outlet's other pages, else as the other files of its folder.
- :func:`year_contexts`: the years a year-less printed date may take.
- :func:`refine`: a document its content dates only weakly takes the year of its
  year-less dates from documents that date the same days, else from the other documents of
  its folder when those are dated close together; and a document dated from its
  content that reports, undated, an event another document about the same people dates
  later ("have been sentenced" / "announced its decision on January 21") is dated on
  that day (:mod:`dossier.time.crossdoc`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath

from dossier.model import Citation, DateBasis, DateValue, Dating, Document, Flag, SameEvent
from dossier.time.crossdoc import Reporter, SameEventMatch, reporter, same_event
from dossier.time.evidence import Evidence
from dossier.time.grammar import Grammar
from dossier.time.infer import Estimate, estimate
from dossier.time.normalize import day_value, month_value, safe_date
from dossier.time.pagedate import Found
from dossier.time.printed import Order, YearContext
from dossier.time.settings import TimeSettings
from dossier.time.spec import RawTimex
from dossier.time.tense import TenseOf
from dossier.time.timex import Tagged, tag_detailed


@dataclass(frozen=True, slots=True, eq=False)
class Read:
    """One datable document, read once."""

    doc: Document
    g: Grammar
    raws: tuple[RawTimex, ...]  # temporal expressions of the clean text
    evidence: Evidence
    found: tuple[Found, ...]  # dates it states about itself (page lines, file name)
    votes: tuple[int, int]  # (day-first, month-first) numeric dates on its page
    metadata_flag: Flag | None
    tense_of: TenseOf


@dataclass(frozen=True, slots=True)
class Decision:
    date: DateValue | None
    basis: DateBasis
    flags: tuple[Flag, ...]
    day_first: bool | None
    dating: Dating
    undetermined: bool = False  # content alone dates it weakly: other documents may fix it
    fallback: Decision | None = None  # the content-only decision, if consistent


def content_decision(
    found: Estimate, flags: Sequence[Flag], dating: Dating, day_first: bool | None, what: str
) -> Decision:
    value = (
        day_value(found.day, True)
        if found.level == "day"
        else month_value(found.day.year, found.day.month, True)
    )
    message = f"dated from the {what}: {value.value} (approximate); {found.reason}"
    dating = replace(
        dating,
        earliest=day_value(found.earliest) if found.earliest else None,
        latest=day_value(found.latest) if found.latest else None,
        evidence=found.reason,
    )
    return Decision(value, "content", (*flags, Flag("date-inferred", message)), day_first, dating)


# --- day/month order and years from the other documents ------------------------------------


def _folder(doc: Document) -> str:
    return str(PurePath(doc.source).parent)


def orders(reads: Sequence[Read | None], settings: TimeSettings) -> list[Order]:
    if settings.day_first is not None:
        return [Order(settings.day_first, "the setting day_first") for _ in reads]
    by_outlet: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_folder: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in reads:
        if r is None:
            continue
        for key, table in ((r.doc.outlet, by_outlet), (_folder(r.doc), by_folder)):
            if key:
                table[key.lower() if table is by_outlet else key][0] += r.votes[0]
                table[key.lower() if table is by_outlet else key][1] += r.votes[1]
    out: list[Order] = []
    for r in reads:
        if r is None:
            out.append(Order(None))
            continue
        outlet = by_outlet.get((r.doc.outlet or "").lower(), [0, 0])
        folder = by_folder.get(_folder(r.doc), [0, 0])
        out.append(
            _vote(r.votes, "the page's other numeric dates, which read one way only")
            or _vote(_minus(outlet, r.votes), "the outlet's other pages in this collection")
            or _vote(_minus(folder, r.votes), "the other files of its folder")
            or Order(None)
        )
    return out


def _minus(total: list[int], own: tuple[int, int]) -> tuple[int, int]:
    return total[0] - own[0], total[1] - own[1]


def _vote(votes: tuple[int, int], why: str) -> Order | None:
    if votes[0] == votes[1]:
        return None
    day_first = votes[0] > votes[1]
    return Order(day_first, f"{why} ({'day' if day_first else 'month'} first)")


def year_contexts(reads: Sequence[Read | None], today: dt.date | None) -> list[YearContext]:
    outlet_years: dict[str, Counter[int]] = defaultdict(Counter)
    for r in reads:
        if r is not None and r.doc.outlet:
            outlet_years[r.doc.outlet.lower()].update(
                f.spec.year for f in r.found if f.source == "page" and f.spec.year and f.header
            )
    out: list[YearContext] = []
    for r in reads:
        if r is None:
            out.append(YearContext(today=today))
            continue
        years: list[tuple[int, str]] = []
        named = next((f.spec.year for f in r.found if f.source == "filename" and f.spec.year), None)
        if named:
            years.append((named, "its file name"))
        if r.doc.folder_date and r.doc.folder_date[:4].isdigit():
            years.append((int(r.doc.folder_date[:4]), "its folder"))
        counts = outlet_years.get((r.doc.outlet or "").lower())
        if counts:
            years.append((counts.most_common(1)[0][0], "the outlet's other pages"))
        if r.evidence.max_year is not None:
            years.append((r.evidence.max_year, "the latest year its text mentions"))
        out.append(YearContext(tuple(years), today))
    return out


# --- refining weakly dated documents ----------------------------------------------------------


def refine(
    reads: Sequence[Read | None], decisions: Sequence[Decision | None], settings: TimeSettings
) -> list[Decision | None]:
    out = list(decisions)
    if any(d is not None and d.undetermined for d in out):
        years = _corpus_years(reads, out, settings)
        folders = _folder_days(reads, out)
        for i, (r, d) in enumerate(zip(reads, out, strict=True)):
            if r is not None and d is not None and d.undetermined:
                days = [(day, o) for day, o in folders.get(_folder(r.doc), ()) if o != r.doc.id]
                out[i] = _from_corpus(r, d, years, settings, days)
    return _same_events(reads, out, settings)


def _folder_days(
    reads: Sequence[Read | None], decisions: Sequence[Decision | None]
) -> dict[str, list[tuple[dt.date, str]]]:
    """Folder -> (day, id) of its documents dated to the day by what they state about
    themselves or what the user declared (not by their content)."""
    out: dict[str, list[tuple[dt.date, str]]] = defaultdict(list)
    for r, d in zip(reads, decisions, strict=True):
        if r is None or d is None or d.undetermined or d.basis in ("content", "none"):
            continue
        day = _day(d.date) if d.date is not None and d.date.granularity == "day" else None
        if day is not None:
            out[_folder(r.doc)].append((day, r.doc.id))
    return out


def _folder_pins(
    evidence: Evidence, days: Sequence[tuple[dt.date, str]], settings: TimeSettings
) -> tuple[dict[tuple[int, int], int], str] | None:
    """Years for the text's year-less days from the other documents of its folder, when
    those are dated close together (one case collected over weeks or months): each day
    takes the year that puts it nearest the middle of their dates."""
    if not days or not evidence.partials:
        return None
    first, last = min(d for d, _ in days), max(d for d, _ in days)
    if (last - first).days > settings.max_partial_span_days:
        return None
    middle = first + (last - first) / 2
    pins: dict[tuple[int, int], int] = {}
    for p in evidence.partials:
        if p.day is None:
            continue
        near = [
            d
            for year in (middle.year - 1, middle.year, middle.year + 1)
            if (d := safe_date(year, p.month, p.day)) is not None
        ]
        if near:
            pins[(p.month, p.day)] = min(near, key=lambda d: abs((d - middle).days)).year
    span = first.isoformat() if first == last else f"{first}..{last}"
    why = f"its folder's other documents, dated {span} ({len(days)})"
    return (pins, why) if pins else None


def _tags(read: Read, decision: Decision, settings: TimeSettings) -> tuple[Tagged, ...]:
    local = replace(settings, day_first=decision.day_first)
    return tag_detailed(read.doc.clean_text, decision.date, local, read.g, read.raws, read.tense_of)


_YearIds = dict[tuple[int, int], dict[int, list[str]]]


def _corpus_years(
    reads: Sequence[Read | None], decisions: Sequence[Decision | None], settings: TimeSettings
) -> _YearIds:
    """(month, day) -> year -> ids of dated documents that resolve a year-less date so."""
    years: _YearIds = defaultdict(lambda: defaultdict(list))
    for r, d in zip(reads, decisions, strict=True):
        if r is None or d is None or d.date is None or d.undetermined:
            continue
        for tagged in _tags(r, d, settings):
            spec, value = tagged.raw.spec, tagged.resolved.value
            if spec.year is None and spec.day is not None and spec.month is not None and value:
                years[(spec.month, spec.day)][value.year].append(r.doc.id)
    return years


def _from_corpus(
    read: Read,
    decision: Decision,
    years: _YearIds,
    settings: TimeSettings,
    folder_days: Sequence[tuple[dt.date, str]] = (),
) -> Decision:
    own = read.doc.id
    pinned: dict[tuple[int, int], int] = {}
    sources: dict[tuple[int, int], list[str]] = {}
    for key, by_year in years.items():
        if len(by_year) == 1:
            year, ids = next(iter(by_year.items()))
            others = sorted(set(ids) - {own})
            if others:
                pinned[key], sources[key] = year, others
    found = estimate(read.evidence, settings, years=pinned) if pinned else None
    if found is not None and found.consistent:
        used: list[str] = []
        for p in read.evidence.partials:
            key = (p.month, p.day or 0)
            if key in pinned:
                used.append(f"{p.text!r} is {pinned[key]} in {', '.join(sources[key])}")
        if used:
            listed = "; ".join(used)
            found = replace(
                found, reason=f"{found.reason} (year-less dates dated by other documents: {listed})"
            )
            return content_decision(
                found, decision.flags, decision.dating, decision.day_first, "content"
            )
    if decision.fallback is not None:
        return decision.fallback
    by_folder = _folder_pins(read.evidence, folder_days, settings)
    if by_folder is not None:
        found = estimate(read.evidence, settings, years=by_folder[0])
        if found is not None and found.consistent:
            found = replace(
                found,
                reason=f"{found.reason} (the year of its year-less dates from {by_folder[1]})",
            )
            return content_decision(
                found, decision.flags, decision.dating, decision.day_first, "content"
            )
    return _undetermined(read.evidence, decision)


def _undetermined(evidence: Evidence, decision: Decision) -> Decision:
    parts = []
    if evidence.partials:
        parts.append(f"year-less dates {', '.join(sorted({p.text for p in evidence.partials}))}")
    if evidence.lower_bound:
        parts.append(f"it is after {evidence.lower_bound_text}")
    elif evidence.max_year is not None:
        parts.append(f"it names only years, the latest {evidence.max_year}")
    flag = Flag(
        "date-undetermined",
        f"the content dates this document only partly ({'; '.join(parts)}) and no other "
        "document fixes it",
    )
    return replace(decision, flags=(*decision.flags, flag), undetermined=False)


def _same_events(
    reads: Sequence[Read | None], decisions: list[Decision | None], settings: TimeSettings
) -> list[Decision | None]:
    targets = [
        i
        for i, (r, d) in enumerate(zip(reads, decisions, strict=True))
        if r is not None and d is not None and d.basis == "content" and r.doc.parse is not None
    ]
    if not targets:
        return decisions
    reporters: dict[int, Reporter] = {}
    for i, (r, d) in enumerate(zip(reads, decisions, strict=True)):
        if r is not None and d is not None and d.date is not None and r.doc.parse is not None:
            reporters[i] = reporter(r.doc, _tags(r, d, settings), r.g.language, r.tense_of)
    others = list(reporters.values())
    out = list(decisions)
    for i in targets:
        d, target, read = out[i], reporters.get(i), reads[i]
        if d is None or target is None or read is None:
            continue
        outcomes = read.g.language.events.outcomes
        latest = _day(d.dating.latest)
        match, bound = same_event(target, others, _day(d.dating.earliest), latest, outcomes)
        if bound is not None and (latest is None or bound < latest):
            note = (
                f"; before {bound + dt.timedelta(days=1)}, when another document dates an "
                "event it still expects"
            )
            dating = replace(d.dating, latest=day_value(bound), evidence=d.dating.evidence + note)
            d = replace(d, dating=dating)
        if match is not None:
            d = _dated_by(d, match, {r.doc.id: r.doc for r in others})
        out[i] = d
    return out


def _day(value: DateValue | None) -> dt.date | None:
    return (
        dt.date.fromisoformat(value.value)
        if value is not None and value.granularity == "day"
        else None
    )


def _dated_by(decision: Decision, match: SameEventMatch, docs: dict[str, Document]) -> Decision:
    other = docs[match.other.doc]
    citation = Citation.of(other.id, other.clean_text, match.other.start, match.other.end)
    value = day_value(match.day, True)
    why = (
        f"it reports undated an event ({', '.join(sorted(match.own.kinds))}) that {other.id} "
        f"dates {match.day.isoformat()}: {citation.quote!r}"
    )
    same = SameEvent(match.own.start, match.own.end, day_value(match.day), citation)
    dating = replace(decision.dating, earliest=day_value(match.day), evidence=why, same_event=same)
    flags = tuple(f for f in decision.flags if f.kind != "date-inferred")
    flag = Flag("date-inferred", f"dated from the content: {value.value} (approximate); {why}")
    return replace(decision, date=value, flags=(*flags, flag), dating=dating)
