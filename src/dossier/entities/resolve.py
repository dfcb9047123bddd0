"""Stage 7: one story's mentions merged into entities with roles and attributes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from anyascii import anyascii

from dossier.entities.harmonise import harmonise
from dossier.entities.orgs import (
    Group,
    canonical_org_name,
    canonical_place_name,
    group_orgs,
    group_places,
)
from dossier.entities.people import PersonGroup, canonical_person_name, group_people
from dossier.entities.roles import defendant_claims, person_claims
from dossier.entities.settings import EntitySettings
from dossier.ids import citation_key, first_citation, unique
from dossier.model import AttributeClaim, Citation, Document, Entity, EntityType, Mention, RoleClaim

_TYPE_ORDER: dict[str, int] = {"PERSON": 0, "ORG": 1, "PLACE": 2, "OTHER": 3}
_ID_PREFIX: dict[str, str] = {"PERSON": "p", "ORG": "o", "PLACE": "l", "OTHER": "x"}


def resolve_entities(docs: Sequence[Document], settings: EntitySettings) -> tuple[Entity, ...]:
    """Entities of one story: mentions merged across documents and spellings.

    Only ``ok`` documents are read. Mention labels are first made consistent
    across the story (:func:`~dossier.entities.harmonise.harmonise`); citations
    may therefore include names the model missed in one article but tagged in
    another. People come first, by mention count; then
    organisations, then places. Ids are slugs of the canonical name
    (``p-…``, ``o-…``, ``l-…``), unique within the story.
    """
    ok = harmonise([d for d in docs if d.readable], settings)
    people = group_people(ok, settings)
    orgs = group_orgs(ok)
    places = group_places(ok)

    org_at: dict[tuple[int, int], str] = {}
    for group in orgs:
        name = canonical_org_name(group)
        for di, m in group.mentions:
            org_at[(di, m.start)] = name

    def org_name(di: int, start: int, end: int) -> str | None:
        for m in ok[di].mentions:
            if m.label == "ORG" and m.start < end and start < m.end:
                return org_at.get((di, m.start))
        return None

    defendants = defendant_claims(ok)
    drafts: list[
        tuple[EntityType, str, list[tuple[int, Mention]], list[RoleClaim], list[AttributeClaim]]
    ] = []
    for pgroup in people:
        roles, attrs = person_claims(ok, pgroup.mentions, settings, org_name)
        for di, m in pgroup.mentions:
            claim = defendants.get((di, m.start))
            if claim is not None and all(r.citation != claim.citation for r in roles):
                roles.append(claim)
        drafts.append(("PERSON", canonical_person_name(pgroup), pgroup.mentions, roles, attrs))
    for group in orgs:
        drafts.append(("ORG", canonical_org_name(group), group.mentions, [], []))
    for group in places:
        drafts.append(("PLACE", canonical_place_name(group), group.mentions, [], []))

    def sort_key(
        d: tuple[EntityType, str, list[tuple[int, Mention]], list[RoleClaim], list[AttributeClaim]],
    ) -> tuple[int, int, int, int, str]:
        first = min((di, m.start) for di, m in d[2])
        return (_TYPE_ORDER[d[0]], -len(d[2]), first[0], first[1], d[1])

    entities: list[Entity] = []
    used: set[str] = set()
    for etype, name, mentions, roles, attrs in sorted(drafts, key=sort_key):
        ordered = sorted(mentions, key=lambda x: (x[0], x[1].start))
        citations = tuple(ok[di].cite(m.start, m.end) for di, m in ordered)
        entities.append(
            Entity(
                id=_unique_id(etype, name, used, citations),
                type=etype,
                name=name,
                aliases=_aliases(name, [m.text for _, m in ordered]),
                mentions=citations,
                roles=tuple(sorted(roles, key=lambda r: _cite_order(ok, r.citation))),
                attributes=tuple(sorted(attrs, key=lambda a: _cite_order(ok, a.citation))),
            )
        )
    return tuple(entities)


def _cite_order(docs: Sequence[Document], c: Citation) -> tuple[int, int]:
    for i, d in enumerate(docs):
        if d.id == c.doc:
            return (i, c.start)
    return (len(docs), c.start)


def _aliases(name: str, forms: list[str]) -> tuple[str, ...]:
    """Every other surface form, first-seen order; case variants collapse."""
    seen: dict[str, str] = {name.casefold(): name}
    out: list[str] = []
    for form in forms:
        key = form.casefold()
        if key in seen:
            continue
        seen[key] = form
        out.append(form)
    return tuple(out)


def _unique_id(etype: str, name: str, used: set[str], mentions: tuple[Citation, ...]) -> str:
    """``p-<name>``; a second entity of the same name (two different Ivanovs) takes a digest
    of its first mention, not a number that depends on the order entities are listed in."""
    slug = re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-") or "entity"
    first = citation_key(first_citation(mentions)) if mentions else name
    return unique(f"{_ID_PREFIX[etype]}-{slug}", used, first)


__all__ = ["Group", "PersonGroup", "resolve_entities"]
