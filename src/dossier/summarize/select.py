"""Score, select and order candidate sentences; cite every document that states them."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dossier.model import Citation, Conflict, DateValue, Document, Entity, Event
from dossier.overlap import shared_key_counts
from dossier.spanindex import SpanIndex
from dossier.summarize.candidates import Candidate
from dossier.text import content_tokens, jaccard


@dataclass(frozen=True, slots=True)
class Scored:
    candidate: Candidate
    score: float
    sources: int  # distinct outlets stating it
    date: str  # sort key: the date of what it reports, else publication date, else ""
    citations: tuple[Citation, ...]
    event_date: DateValue | None = None  # when what it reports happened, if it says
    first_report: str = ""  # sort key of the earliest publication date of a report stating it
    names: frozenset[str] = frozenset()  # ids of the story entities it names


def avoided(conflicts: Sequence[Conflict]) -> set[tuple[str, int, int]]:
    """Spans not to repeat: superseded expectations and the outlier side of a contradiction."""
    out: set[tuple[str, int, int]] = set()
    for conflict in conflicts:
        if len(conflict.sides) < 2:
            continue
        if conflict.kind == "superseded":
            sides = list(conflict.expected_sides)
        else:
            counts = [len({c.doc for c in side.citations}) for side in conflict.sides]
            top = max(counts)
            sides = [s for s, n in zip(conflict.sides, counts, strict=True) if n < top]
            if counts.count(top) > 1:
                sides = list(conflict.sides)  # a tie: nobody can tell which side is right
        for side in sides:
            out.update((c.doc, c.start, c.end) for c in side.citations)
    return out


def confirmed_later(conflicts: Sequence[Conflict]) -> set[tuple[str, int, int]]:
    """Spans that state what overtook an earlier expectation: the story's latest state."""
    return {
        (c.doc, c.start, c.end)
        for conflict in conflicts
        for side in conflict.later_sides
        for c in side.citations
    }


class SpanSet:
    """Spans ``(doc, start, end)``, asked whether a sentence overlaps any of them."""

    __slots__ = ("_by_doc",)

    def __init__(self, spans: Iterable[tuple[str, int, int]]) -> None:
        by_doc: dict[str, list[tuple[int, int, None]]] = {}
        for doc, start, end in spans:
            by_doc.setdefault(doc, []).append((start, end, None))
        self._by_doc = {doc: SpanIndex(items) for doc, items in by_doc.items()}

    def overlaps(self, c: Candidate) -> bool:
        index = self._by_doc.get(c.doc.id)
        return bool(index and index.overlapping(c.start, c.end))


def main_entities(entities: Sequence[Entity]) -> set[str]:
    """Persons (or, failing that, any entities) named in the most documents."""
    counts: dict[str, int] = {}
    for e in entities:
        if e.type == "PERSON":
            counts[e.id] = len({m.doc for m in e.mentions})
    if not counts:
        counts = {e.id: len({m.doc for m in e.mentions}) for e in entities}
    if not counts:
        return set()
    top = max(counts.values())
    return {e for e, n in counts.items() if n == top and n >= 1}


def same_events(families_a: frozenset[str], families_b: frozenset[str]) -> bool:
    """Two sentences report the same events (arrest, sentence, removal ...), or none."""
    return bool(families_a & families_b) or (not families_a and not families_b)


def coverage(cands: Sequence[Candidate]) -> list[float]:
    """How much of what the story's documents say a sentence covers: the mean share of the
    story's documents that use each of its words (a centroid score across documents)."""
    docs_of: dict[str, set[str]] = {}
    for c in cands:
        for token in c.tokens:
            docs_of.setdefault(token, set()).add(c.doc.id)
    n = len({c.doc.id for c in cands}) or 1
    share = Counter({token: len(ids) / n for token, ids in docs_of.items()})
    return [sum(share[t] for t in c.tokens) / (len(c.tokens) or 1) for c in cands]


def score_all(
    cands: Sequence[Candidate],
    entities: Sequence[Entity],
    events: Sequence[Event],
    support_jaccard: float,
    latest_state: set[tuple[str, int, int]] | None = None,
    stop_words: frozenset[str] = frozenset(),
) -> list[Scored]:
    key = main_entities(entities)
    mention_spans: dict[str, list[tuple[int, int, str]]] = {}
    for entity in entities:
        for m in entity.mentions:
            mention_spans.setdefault(m.doc, []).append((m.start, m.end, entity.id))
    mentions = {doc: SpanIndex(spans) for doc, spans in mention_spans.items()}
    # Events citing each document; the sequence number keeps the events' own order.
    event_spans: dict[str, list[tuple[int, int, tuple[int, Event]]]] = {}
    for ev in events:
        for cit in ev.citations:
            spans = event_spans.setdefault(cit.doc, [])
            spans.append((cit.start, cit.end, (len(spans), ev)))
    event_index = {doc: SpanIndex(spans) for doc, spans in event_spans.items()}

    def events_of(c: Candidate) -> list[Event]:
        index = event_index.get(c.doc.id)
        return [ev for _, ev in sorted(index.overlapping(c.start, c.end))] if index else []

    cand_events = [events_of(c) for c in cands]
    outlet_of = {c.doc.id: (c.doc.outlet or c.doc.id) for c in cands}
    published_of = {c.doc.id: _published_key(c) for c in cands}
    all_dates = sorted(_date_of(c) for c in cands)
    latest = all_dates[-1] if all_dates else ""
    latest_spans = SpanSet(latest_state or ())
    related = _same_fact_index(cands, support_jaccard)
    own_citation = [c.doc.cite(c.start, c.end) for c in cands]
    covered = coverage(cands)
    out: list[Scored] = []
    for k, cand in enumerate(cands):
        own_events = cand_events[k]
        citations = _supporting(
            k, cands, related[k], own_citation, own_events, support_jaccard, stop_words
        )
        outlets = {outlet_of.get(doc_id, doc_id) for doc_id in citations}
        doc_mentions = mentions.get(cand.doc.id)
        names = set(doc_mentions.within(cand.start, cand.end)) if doc_mentions else set()
        is_latest = latest_spans.overlaps(cand)
        date = _date_of(cand, is_latest)
        in_events = bool(own_events)
        score = (
            math.log1p(len(outlets))
            + 0.5 * min(2, len(names & key))
            + 0.2 * min(3, len(names))
            + (0.3 if in_events else 0.0)
            + (0.3 if date and date == latest else 0.0)
            + (0.8 if is_latest else 0.0)
            + 2.0 * covered[k]
            - (0.4 if _shared(cand) else 0.0)
            - 0.03 * min(cand.index, 15)
        )
        first = min((published_of.get(d, "") or "9999" for d in citations), default="9999")
        cited = tuple(citations.values())
        out.append(
            Scored(cand, score, len(outlets), date, cited, cand.when, first, frozenset(names))
        )
    return out


def _same_fact_index(cands: Sequence[Candidate], support_jaccard: float) -> list[list[int]]:
    """For each candidate, the other candidates that state the same fact, in order."""
    related: list[list[int]] = [[] for _ in cands]
    token_sets = [c.tokens for c in cands]

    def family(k: int) -> frozenset[str]:
        return cands[k].families

    # Every pair shares support_jaccard of its words; twice that states the same fact on its
    # own, less also needs the same reported events (looked up only then).
    for i, j, shared in shared_key_counts(token_sets, min_jaccard=support_jaccard):
        union = len(token_sets[i]) + len(token_sets[j]) - shared
        if shared / union >= 2 * support_jaccard or same_events(family(i), family(j)):
            related[i].append(j)
            related[j].append(i)
    for others in related:
        others.sort()
    return related


def _supporting(
    k: int,
    cands: Sequence[Candidate],
    related: Sequence[int],
    own_citation: Sequence[Citation],
    own_events: Sequence[Event],
    support_jaccard: float,
    stop_words: frozenset[str],
) -> dict[str, Citation]:
    """The sentence itself, then one citation per other document that states it."""
    cand = cands[k]
    citations: dict[str, Citation] = {cand.doc.id: own_citation[k]}
    for other in related:
        doc_id = cands[other].doc.id
        if doc_id not in citations:
            citations[doc_id] = own_citation[other]
    for ev in own_events:
        # Other reports of the same event, when they state it in similar words.
        for cit in ev.citations:
            if cit.doc in citations:
                continue
            if jaccard(cand.tokens, content_tokens(cit.quote, stop_words)) >= support_jaccard:
                citations[cit.doc] = cit
    return citations


def _shared(c: Candidate) -> bool:
    return any(a < c.end and c.start < b for a, b, _ in c.doc.shared_spans)


def _date_of(c: Candidate, latest_state: bool = False) -> str:
    """The date of what the sentence reports (its own assertions' date), else its
    publication date: what it reports happened by then. What overtook an earlier
    expectation is, by construction, the latest state: its publication date, unless it
    dates itself."""
    if c.when is not None and not (latest_state and c.unplaced):
        return c.when.sort_key
    return _published_key(c)


def _published_key(c: Candidate) -> str:
    published = c.doc.published.date
    if published is None:
        return ""
    # Reported by the publication date: after every dated event of that month / year.
    return published.sort_key + ("" if published.granularity == "day" else "-99")


def _days(a: DateValue | None, b: DateValue | None) -> int | None:
    if a is None or b is None or a.granularity != "day" or b.granularity != "day":
        return None
    return abs((dt.date.fromisoformat(a.value) - dt.date.fromisoformat(b.value)).days)


def newest_report(docs: Sequence[Document]) -> DateValue | None:
    """The publication date of the story's latest report."""
    dates = [d.published.date for d in docs if d.published.date is not None]
    return max(dates, key=lambda d: d.sort_key) if dates else None


def outdated(c: Candidate, newest: DateValue | None, recent_days: int) -> bool:
    """A sentence stating a state, from a report more than ``recent_days`` older than the
    story's latest one (``newest``): later reports may have overtaken it."""
    published = c.doc.published.date
    if not c.state or published is None or newest is None:
        return False
    days = _days(published, newest)
    if days is not None:
        return days > recent_days
    return published.sort_key[:7] < newest.sort_key[:7]


def pick_headline(scored: Sequence[Scored], recent_days: int) -> Scored | None:
    """The best-supported early sentence of the most recent reports (the latest state)."""
    if not scored:
        return None
    dated = [s.candidate.doc.published.date for s in scored if s.candidate.doc.published.date]
    newest = max(dated, key=lambda d: d.sort_key) if dated else None

    def recent(s: Scored) -> bool:
        date = s.candidate.doc.published.date
        if newest is None or date is None:
            return newest is None
        days = _days(date, newest)
        return days <= recent_days if days is not None else date.sort_key >= newest.sort_key[:7]

    pool = [s for s in scored if recent(s)] or list(scored)
    return max(
        pool,
        key=lambda s: (
            s.score + (0.5 if s.candidate.index <= 1 else 0.0) - 0.1 * min(s.candidate.index, 10),
            -s.candidate.index,
        ),
    )


def _duplicate(a: Scored, b: Scored, duplicate_jaccard: float) -> bool:
    ca, cb = a.candidate, b.candidate
    if ca.doc.id == cb.doc.id and ca.start < cb.end and cb.start < ca.end:
        return True  # one contains the other (a sentence quoted with the one before it)
    if jaccard(ca.tokens, cb.tokens) >= duplicate_jaccard:
        return True
    # One cites the other as stating the same thing.
    spans_a = {(c.doc, c.start, c.end) for c in a.citations}
    spans_b = {(c.doc, c.start, c.end) for c in b.citations}
    own_a = (a.candidate.doc.id, a.candidate.start, a.candidate.end)
    own_b = (b.candidate.doc.id, b.candidate.start, b.candidate.end)
    return own_a in spans_b or own_b in spans_a


def select(scored: Sequence[Scored], max_words: int, duplicate_jaccard: float) -> list[Scored]:
    chosen: list[Scored] = []
    used = 0
    for s in sorted(scored, key=lambda s: (-s.score, s.candidate.doc.id, s.candidate.index)):
        if used + s.candidate.words > max_words:
            continue
        if any(_duplicate(s, c, duplicate_jaccard) for c in chosen):
            continue
        chosen.append(s)
        used += s.candidate.words
    return sorted(chosen, key=timeline_order)


def timeline_order(s: Scored) -> tuple[str, str, str, int]:
    """By the date of what it reports; ties by its first report, then document order."""
    return (s.date or "9999", s.first_report, s.candidate.doc.id, s.candidate.index)


def placed_or_alone(scored: Sequence[Scored]) -> list[Scored]:
    """Leave out a sentence no reader can place ("went public last week": every time anchor
    relative and unresolved) when another sentence states what it reports; keep it when
    nothing else does. Another sentence states it when it is cited as stating the same (the
    support of :func:`score_all`), or when it names the same people, says something more of
    the same (a noun, verb or adjective in common beyond names and dates) and is dated within
    what the relative date allows ("last week" of a report of 14 October: October)."""
    unplaced = [s for s in scored if s.candidate.unplaced]
    if not unplaced:
        return list(scored)
    spans = {_span(s) for s in unplaced}
    by_name: dict[str, set[int]] = {}
    for k, s in enumerate(scored):
        if not s.candidate.unplaced:
            for name in s.names:
                by_name.setdefault(name, set()).add(k)
    dropped = set()
    for s in unplaced:
        cited = {(c.doc, c.start, c.end) for c in s.citations} - {_span(s)}
        if any(c not in spans for c in cited) or _restated(s, scored, by_name):
            dropped.add(_span(s))
    return [s for s in scored if _span(s) not in dropped]


def _span(s: Scored) -> tuple[str, int, int]:
    return s.candidate.doc.id, s.candidate.start, s.candidate.end


def _restated(s: Scored, scored: Sequence[Scored], by_name: dict[str, set[int]]) -> bool:
    """Another sentence names everyone ``s`` names, shares a word of what it says and is
    dated within the month (or year) its relative date allows."""
    if not s.names or not s.candidate.plain:
        return False
    same_people = set.intersection(*(by_name.get(n, set()) for n in s.names))
    when = s.candidate.when
    within = "" if when is None else when.value[:7] if when.granularity == "day" else when.value
    return any(
        scored[k].candidate.plain & s.candidate.plain and scored[k].date.startswith(within)
        for k in same_people
    )
