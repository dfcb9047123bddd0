"""Source comparison: per fact, who reports it; per outlet, what it adds or leaves out."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.crosscheck.align import Alignment
from dossier.crosscheck.claims import ClaimInfo, outlet_key
from dossier.ids import citation_key, digest, first_citation, unique
from dossier.model import Corroboration, Document, OutletProfile


def corroborations(claims: Sequence[ClaimInfo], alignment: Alignment) -> list[Corroboration]:
    """One Corroboration per aligned group of claims, most widely reported first."""
    out: list[tuple[int, str, Corroboration]] = []
    for group in alignment.groups:
        members = [claims[i] for i in group]
        representative = _medoid(group, claims, alignment)
        outlets = tuple(dict.fromkeys(c.outlet for c in members))
        independent = len({c.source for c in members})
        citations = tuple(c.claim.citation for c in members)
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
    # Each claim is in one group only, so the group's first citation names it.
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


def outlet_profiles(
    docs: Sequence[Document],
    facts: Sequence[Corroboration],
    omitted_share: float,
) -> list[OutletProfile]:
    by_id = {d.id: d for d in docs}
    outlet_docs: dict[str, list[str]] = {}
    for d in docs:
        outlet_docs.setdefault(outlet_key(d), []).append(d.id)
    all_outlets = list(outlet_docs)
    out: list[OutletProfile] = []
    for outlet in all_outlets:
        confirmed: list[str] = []
        only: list[str] = []
        omitted: list[str] = []
        others = len(all_outlets) - 1
        for fact in facts:
            reporters = {
                outlet_key(by_id[c.doc]) if c.doc in by_id else c.doc for c in fact.citations
            }
            if outlet in reporters:
                if fact.independent_sources >= 2:
                    confirmed.append(fact.id)
                else:
                    only.append(fact.id)
            elif others >= 2 and len(reporters) >= 2 and len(reporters) > omitted_share * others:
                omitted.append(fact.id)
        out.append(
            OutletProfile(
                outlet=outlet,
                document_ids=tuple(outlet_docs[outlet]),
                confirmed=tuple(confirmed),
                only_here=tuple(only),
                omitted=tuple(omitted),
            )
        )
    return out
