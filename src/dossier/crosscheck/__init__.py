"""Stage 9: cross-check the sources of one story.

Splits documents into attributed claims, aligns claims that state the same
fact across outlets, counts independent sources per fact, profiles each
outlet (confirmed / only here / omitted) and reports conflicts: role, age and
number discrepancies, event dates, what was postponed, whether a proceeding
began, and earlier expectations that later reports contradict ("superseded").
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from dossier.crosscheck import conflicts as rules
from dossier.crosscheck import slots
from dossier.crosscheck.align import Alignment, Candidates, align_with, find_candidates
from dossier.crosscheck.claims import ClaimInfo, extract_claims
from dossier.crosscheck.compare import corroborations, outlet_profiles
from dossier.crosscheck.frames import Frame, frames
from dossier.crosscheck.roles import officials, role_conflicts
from dossier.crosscheck.settings import CrosscheckSettings
from dossier.ids import citation_key, digest, first_citation, unique
from dossier.model import (
    Claim,
    Conflict,
    Corroboration,
    Document,
    Entity,
    Event,
    OutletProfile,
)
from dossier.resources import Resources

__all__ = [
    "CrosscheckResult",
    "CrosscheckSettings",
    "OutletProfile",
    "crosscheck",
    "crosscheck_stories",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CrosscheckResult:
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]
    corroborations: tuple[Corroboration, ...]
    outlet_profiles: tuple[OutletProfile, ...]


def crosscheck(
    docs: Sequence[Document],
    entities: Sequence[Entity],
    events: Sequence[Event],
    settings: CrosscheckSettings,
    resources: Resources,
) -> CrosscheckResult:
    """Claims, conflicts, corroborations and outlet profiles for one story's documents.

    Rejected documents are ignored; duplicates are read but their claims are
    marked shared, so they never count as independent corroboration.
    """
    return crosscheck_stories([(docs, entities)], settings, resources)[0]


def crosscheck_stories(
    stories: Sequence[tuple[Sequence[Document], Sequence[Entity]]],
    settings: CrosscheckSettings,
    resources: Resources,
) -> list[CrosscheckResult]:
    """:func:`crosscheck` for many stories (documents, entities), in order.

    The claims of every story are embedded in one call: sorted by length across
    stories, the batches are fuller (about 30 % faster on 1,000 Timeline17
    documents than one call per story).
    """
    prepared = [_prepare(docs, entities, settings) for docs, entities in stories]
    texts = list(dict.fromkeys(t for p in prepared for t in p.found.texts_to_embed(p.claims)))
    log.debug("crosscheck: embedding %d claims for %d stories", len(texts), len(prepared))
    vectors = dict(zip(texts, resources.embed(texts), strict=True)) if texts else {}
    return [_finish(p, vectors, settings) for p in prepared]


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One story's claims, their predicates and the pairs to compare."""

    docs: tuple[Document, ...]
    entities: tuple[Entity, ...]
    claims: list[ClaimInfo]
    claim_frames: list[tuple[Frame, ...]]
    found: Candidates


def _prepare(
    docs: Sequence[Document], entities: Sequence[Entity], settings: CrosscheckSettings
) -> _Prepared:
    # Sorted, so the result does not depend on the order documents arrive in.
    usable = tuple(
        sorted((d for d in docs if d.status != "rejected" and d.clean_text), key=lambda d: d.id)
    )
    skipped = len(docs) - len(usable)
    if skipped:
        log.info("crosscheck: %d rejected or empty documents not read", skipped)
    claims = extract_claims(usable, entities, officials(usable, entities))
    claim_frames = [frames(c) for c in claims]
    found = find_candidates(claims, claim_frames, settings)
    return _Prepared(usable, tuple(entities), claims, claim_frames, found)


def _finish(
    p: _Prepared, vectors: Mapping[str, np.ndarray], settings: CrosscheckSettings
) -> CrosscheckResult:
    alignment = align_with(p.claims, p.claim_frames, p.found, vectors, settings)
    found = _conflicts(p.docs, p.entities, p.claims, p.claim_frames, alignment, settings)
    facts = corroborations(p.claims, alignment)
    profiles = outlet_profiles(p.docs, facts, settings.omitted_share)
    return CrosscheckResult(
        claims=tuple(c.claim for c in p.claims),
        conflicts=tuple(found),
        corroborations=tuple(facts),
        outlet_profiles=tuple(profiles),
    )


def _conflicts(
    docs: Sequence[Document],
    entities: Sequence[Entity],
    claims: Sequence[ClaimInfo],
    claim_frames: Sequence[Sequence[Frame]],
    alignment: Alignment,
    settings: CrosscheckSettings,
) -> list[Conflict]:
    found: list[Conflict] = []
    found += role_conflicts(docs, entities)
    found += slots.ages(docs, entities, claims)
    found += rules.postponement_objects(claims, claim_frames, settings)
    found += rules.began_or_not(claims, claim_frames)
    found += rules.superseded(claims, claim_frames)
    found += slots.numeric_and_date_slots(claims, claim_frames, alignment, settings)
    found += slots.polarity(claims, claim_frames, alignment, settings)
    return _order(docs, _dedupe(found))


def _dedupe(found: list[Conflict]) -> list[Conflict]:
    """Drop a conflict whose sides cite exactly the same spans as an earlier one."""
    seen: set[frozenset[tuple[str, int, int]]] = set()
    out = []
    for c in found:
        key = frozenset((x.doc, x.start, x.end) for side in c.sides for x in side.citations)
        if key in seen:
            log.debug("conflict %r duplicates an earlier one", c.description)
            continue
        seen.add(key)
        out.append(c)
    return out


def _order(docs: Sequence[Document], found: list[Conflict]) -> list[Conflict]:
    """Oldest first, by the earliest publication date among the cited documents."""
    dates = {d.id: (d.published.date.sort_key if d.published.date else "9999") for d in docs}

    def key(c: Conflict) -> tuple[str, str]:
        first = min(
            (dates.get(x.doc, "9999") for s in c.sides for x in s.citations), default="9999"
        )
        return first, c.kind

    ordered = sorted(found, key=key)
    used: set[str] = set()
    return [Conflict(_conflict_id(c, used), c.kind, c.description, c.sides) for c in ordered]


def _conflict_id(conflict: Conflict, used: set[str]) -> str:
    """From the kind and each side's first citation: a later report that adds a source to
    one side keeps the id (unless it cites an earlier span of an earlier document)."""
    sides = sorted(
        citation_key(first_citation(s.citations)) if s.citations else "text:" + s.text
        for s in conflict.sides
    )
    every = sorted(citation_key(c) for s in conflict.sides for c in s.citations)
    return unique("conflict-" + digest(conflict.kind, *sides), used, *every)
