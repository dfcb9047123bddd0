"""Stage 9: cross-check the sources of one story.

Reads each document's parse as claims with frames (who did what to whom, when, where, how
many; stance, tense and speaker), aligns claims that state the same fact across outlets
(each member of a fact supports every other), counts independent sources per fact, profiles
each outlet (confirmed / only here / left out, in time order) and reports conflicts: roles
and sides, amounts, dates and places of the same event, outcomes that exclude each other,
and expectations later reports overturned ("superseded"); a source revising its own figure,
and one estimate that reports show revised by different bodies (:mod:`.series`), is a dated
revision, not a conflict. :mod:`dossier.crosscheck.support` is the support test
every citation of the case file is held to; :mod:`dossier.crosscheck.verify` applies it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from dossier.crosscheck.align import Candidates, align_with, find_candidates
from dossier.crosscheck.claims import ClaimInfo, story_claims
from dossier.crosscheck.compare import corroborations, outlet_profiles
from dossier.crosscheck.conflicts import outcome_conflicts, phase_objects, superseded
from dossier.crosscheck.items import buckets, story_items
from dossier.crosscheck.read import main_persons
from dossier.crosscheck.reading import Lexicon
from dossier.crosscheck.roles import role_conflicts
from dossier.crosscheck.settings import CrosscheckSettings
from dossier.crosscheck.slots import (
    amount_conflicts,
    co_mentioned_places,
    date_conflicts,
    place_conflicts,
)
from dossier.crosscheck.support import CitationReader, Rules, lexicons_for
from dossier.ids import citation_key, digest, first_citation, unique
from dossier.model import (
    Claim,
    Conflict,
    Corroboration,
    Document,
    Entity,
    Event,
    OutletProfile,
    Revision,
)
from dossier.resources import Resources

__all__ = [
    "CitationReader",
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
    revisions: tuple[Revision, ...] = ()


def crosscheck(
    docs: Sequence[Document],
    entities: Sequence[Entity],
    events: Sequence[Event],
    settings: CrosscheckSettings,
    resources: Resources,
) -> CrosscheckResult:
    """Claims, conflicts, corroborations, outlet profiles and revisions for one story's
    documents (parsed; others are not read)."""
    return crosscheck_stories([(docs, entities)], settings, resources)[0]


def crosscheck_stories(
    stories: Sequence[tuple[Sequence[Document], Sequence[Entity]]],
    settings: CrosscheckSettings,
    resources: Resources,
) -> list[CrosscheckResult]:
    """:func:`crosscheck` for many stories (documents, entities), in order. The claims of
    every story are embedded in one call (fuller batches)."""
    prepared = [_prepare(docs, entities, settings, resources) for docs, entities in stories]
    texts = list(
        dict.fromkeys(
            t for p in prepared if p is not None for t in p.found.texts_to_embed(p.claims)
        )
    )
    log.debug("crosscheck: embedding %d claims for %d stories", len(texts), len(prepared))
    vectors = dict(zip(texts, resources.embed(texts), strict=True)) if texts else {}
    return [
        _finish(p, vectors, settings) if p is not None else CrosscheckResult((), (), (), ())
        for p in prepared
    ]


@dataclass(frozen=True, slots=True)
class _Prepared:
    docs: tuple[Document, ...]
    entities: tuple[Entity, ...]
    claims: list[ClaimInfo]
    found: Candidates
    rules: Rules
    lexicon: Lexicon
    main: frozenset[str]


def _prepare(
    docs: Sequence[Document],
    entities: Sequence[Entity],
    settings: CrosscheckSettings,
    resources: Resources,
) -> _Prepared | None:
    # Sorted, so the result does not depend on the order documents arrive in.
    usable = tuple(
        sorted((d for d in docs if d.readable and d.parse is not None), key=lambda d: d.id)
    )
    if len(usable) < len(docs):
        log.info("crosscheck: %d documents not read (unparsed)", len(docs) - len(usable))
    lexicons = lexicons_for(usable, resources)
    if not lexicons:
        return None
    main = main_persons(entities, [d.id for d in usable])
    claims = story_claims(usable, entities, lexicons, resources)
    lexicon = _story_lexicon(usable, lexicons)
    rules = Rules.of(lexicon.language)
    found = find_candidates(claims, rules, settings)
    return _Prepared(usable, tuple(entities), claims, found, rules, lexicon, main)


def _story_lexicon(docs: Sequence[Document], lexicons: Mapping[str, Lexicon]) -> Lexicon:
    """The lexicon of the language most of the story is in."""
    counts: dict[str, int] = {}
    for d in docs:
        if d.parse is not None and d.parse.language in lexicons:
            counts[d.parse.language] = counts.get(d.parse.language, 0) + 1
    return lexicons[max(sorted(counts), key=lambda c: counts[c])]


def _finish(
    p: _Prepared, vectors: Mapping[str, np.ndarray], settings: CrosscheckSettings
) -> CrosscheckResult:
    alignment = align_with(p.claims, p.found, vectors, p.rules, settings)
    found, revisions = _conflicts(p, settings)
    facts = corroborations(p.claims, alignment)
    stale = {
        (c.doc, c.start, c.end) for k in found for side in k.expected_sides for c in side.citations
    }
    profiles = outlet_profiles(p.docs, facts, p.claims, settings.omitted_share, stale)
    return CrosscheckResult(
        claims=tuple(c.claim for c in p.claims),
        conflicts=tuple(found),
        corroborations=tuple(facts),
        outlet_profiles=tuple(profiles),
        revisions=tuple(revisions),
    )


def _conflicts(p: _Prepared, settings: CrosscheckSettings) -> tuple[list[Conflict], list[Revision]]:
    items = story_items(p.claims)
    groups = buckets(p.rules, items)
    places = frozenset(e.id for e in p.entities if e.type == "PLACE")
    found: list[Conflict] = []
    found += role_conflicts(p.docs, p.entities, p.lexicon.language.roles)
    found += phase_objects(items, p.rules, p.lexicon, settings)
    found += outcome_conflicts(groups, p.rules, p.lexicon, settings)
    found += superseded(groups, p.rules, p.lexicon, p.main)
    amounts, revisions = amount_conflicts(groups, p.rules, p.lexicon, settings)
    found += amounts
    found += date_conflicts(groups, p.rules, p.lexicon, settings.same_period_days)
    found += place_conflicts(groups, p.rules, p.lexicon, co_mentioned_places(p.claims, places))
    return _order(p.docs, _dedupe(found)), revisions


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

    def key(c: Conflict) -> tuple[str, str, str]:
        first = min(
            (dates.get(x.doc, "9999") for s in c.sides for x in s.citations), default="9999"
        )
        return first, c.kind, c.description

    ordered = sorted(found, key=key)
    used: set[str] = set()
    return [
        Conflict(_conflict_id(c, used), c.kind, c.description, c.sides, c.reports, c.settled_by)
        for c in ordered
    ]


def _conflict_id(conflict: Conflict, used: set[str]) -> str:
    """From the kind and each side's first citation: a later report that adds a source to
    one side keeps the id (unless it cites an earlier span of an earlier document)."""
    sides = sorted(
        citation_key(first_citation(s.citations)) if s.citations else "text:" + s.text
        for s in conflict.sides
    )
    every = sorted(citation_key(c) for s in conflict.sides for c in s.citations)
    return unique("conflict-" + digest(conflict.kind, *sides), used, *every)
