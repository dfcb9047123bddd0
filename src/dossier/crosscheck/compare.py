"""Source comparison: per fact, who reports it; per outlet, what it adds or leaves out.

"Who reports what" respects time: an outlet "leaves out" a fact most others report only if
the fact was known before that outlet's article was published (its event date, or else the
earliest report of it), and an expectation that later reports overturned is never listed as
a fact an outlet confirms or reports alone.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from dossier.crosscheck.align import Alignment
from dossier.crosscheck.claims import ClaimInfo, outlet_key
from dossier.crosscheck.support import strictly_before
from dossier.ids import citation_key, digest, first_citation, unique
from dossier.model import Citation, Corroboration, DateValue, Document, OutletProfile


def corroborations(claims: Sequence[ClaimInfo], alignment: Alignment) -> list[Corroboration]:
    """One Corroboration per aligned group of claims, most widely reported first."""
    out: list[tuple[int, str, Corroboration]] = []
    for group in alignment.groups:
        members = [claims[i] for i in group]
        representative = _medoid(group, claims, alignment)
        outlets = tuple(dict.fromkeys(c.outlet for c in members))
        independent = len({c.source for c in members})
        # The representative's citation first: the fact's text is its quote.
        ordered = [claims[representative], *(c for c in members if c is not claims[representative])]
        citations = tuple(c.claim.citation for c in ordered)
        first = claims[group[0]]
        out.append(
            (
                -independent,
                f"{first.doc.id}:{first.start:08d}",
                Corroboration(
                    id="",
                    text=claims[representative].text,
                    citations=citations,
                    outlets=outlets,
                    independent_sources=independent,
                ),
            )
        )
    out.sort(key=lambda t: (t[0], t[1]))
    used: set[str] = set()
    return [
        Corroboration(
            unique("fact-" + digest(citation_key(first_citation(c.citations))), used),
            c.text,
            c.citations,
            c.outlets,
            c.independent_sources,
        )
        for _, _, c in out
    ]


_MODALITY_RANK = {"fact": 0, "allegation": 1, "expectation": 2, "denial": 3}


def _medoid(group: Sequence[int], claims: Sequence[ClaimInfo], alignment: Alignment) -> int:
    """The member that states the fact most plainly: a fact over a quote, then the most central."""
    return min(
        group,
        key=lambda i: (
            _MODALITY_RANK.get(claims[i].modality.value, 4),
            -sum(alignment.sim(i, j) for j in group),
            i,
        ),
    )


def fact_time(
    fact: Corroboration, claims_by_span: dict[tuple[str, int, int], ClaimInfo]
) -> DateValue | None:
    """When a fact was known: the date of the event it states, else its earliest report."""
    dated: list[DateValue] = []
    published: list[DateValue] = []
    for c in fact.citations:
        info = claims_by_span.get((c.doc, c.start, c.end))
        if info is None:
            continue
        dated.extend(f.date for f in info.reading.content() if f.date is not None)
        if info.ref_date is not None:
            published.append(info.ref_date)
    pool = dated or published
    return min(pool, key=lambda d: d.sort_key) if pool else None


def outlet_profiles(
    docs: Sequence[Document],
    facts: Sequence[Corroboration],
    claims: Sequence[ClaimInfo],
    omitted_share: float,
    superseded: Collection[tuple[str, int, int]] = (),
) -> list[OutletProfile]:
    """What each outlet confirms, reports alone, and leaves out (see the module docstring)."""
    by_id = {d.id: d for d in docs}
    by_span = {(c.doc.id, c.start, c.end): c for c in claims}
    outlet_docs: dict[str, list[str]] = {}
    for d in docs:
        outlet_docs.setdefault(outlet_key(d), []).append(d.id)
    latest = {o: _latest(by_id[i] for i in ids) for o, ids in outlet_docs.items()}
    stale = {f.id for f in facts if all(_span(c) in superseded for c in f.citations)}
    # Per fact, once (not once per outlet): who reports it, and when it was known.
    live = [f for f in facts if f.id not in stale]
    reporters_of = {
        f.id: {outlet_key(by_id[c.doc]) if c.doc in by_id else c.doc for c in f.citations}
        for f in live
    }
    times: dict[str, DateValue | None] = {}
    out: list[OutletProfile] = []
    others = len(outlet_docs) - 1
    for outlet, ids in outlet_docs.items():
        confirmed: list[str] = []
        only: list[str] = []
        omitted: list[str] = []
        for fact in live:
            reporters = reporters_of[fact.id]
            if outlet in reporters:
                (confirmed if fact.independent_sources >= 2 else only).append(fact.id)
            elif (
                others >= 2
                and len(reporters) >= 2
                and len(reporters) > omitted_share * others
                and _known_before(_fact_time(fact, by_span, times), latest[outlet])
            ):
                omitted.append(fact.id)
        out.append(
            OutletProfile(
                outlet=outlet,
                document_ids=tuple(ids),
                confirmed=tuple(confirmed),
                only_here=tuple(only),
                omitted=tuple(omitted),
            )
        )
    return out


def _fact_time(
    fact: Corroboration,
    claims_by_span: dict[tuple[str, int, int], ClaimInfo],
    times: dict[str, DateValue | None],
) -> DateValue | None:
    if fact.id not in times:
        times[fact.id] = fact_time(fact, claims_by_span)
    return times[fact.id]


def _span(c: Citation) -> tuple[str, int, int]:
    return c.doc, c.start, c.end


def _latest(docs: object) -> DateValue | None:
    dates = [d.published.date for d in docs if d.published.date is not None]  # type: ignore[attr-defined]
    return max(dates, key=lambda d: d.sort_key) if dates else None


def _known_before(when: DateValue | None, published: DateValue | None) -> bool:
    """A fact can be left out only if it was known before the outlet's (latest) article."""
    if when is None or published is None:
        return when is None and published is None
    return strictly_before(when, published)
