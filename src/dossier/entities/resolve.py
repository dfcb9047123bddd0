"""Stage 7: one story's mentions merged into entities with roles and attributes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from anyascii import anyascii

from dossier.entities.context import ContextReader
from dossier.entities.descriptions import link_descriptions
from dossier.entities.harmonise import harmonise
from dossier.entities.names import NameMatcher
from dossier.entities.orgs import Group, Grouper, canonical_org_name, canonical_place_name
from dossier.entities.people import PeopleGrouper, PersonGroup, canonical_person_name
from dossier.entities.roles import RoleReader, mark_disputed
from dossier.entities.settings import EntitySettings
from dossier.entities.vocab import Vocab
from dossier.ids import citation_key, first_citation, unique
from dossier.lang import Language
from dossier.model import (
    AttributeClaim,
    Citation,
    DescriptionLink,
    Document,
    Entity,
    EntityType,
    Mention,
    RoleClaim,
)
from dossier.nlp import to_spacy
from dossier.resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc

_TYPE_ORDER: dict[str, int] = {"PERSON": 0, "ORG": 1, "PLACE": 2, "OTHER": 3}
_ID_PREFIX: dict[str, str] = {"PERSON": "p", "ORG": "o", "PLACE": "l", "OTHER": "x"}
# An id is ASCII letters, digits and dashes (not language: the shape of an identifier).
# not language: identifier characters
_NOT_ID = re.compile(r"[^a-z0-9]+")


@dataclass(slots=True)
class _Draft:
    type: EntityType
    name: str
    mentions: list[tuple[int, Mention]]
    roles: list[RoleClaim]
    attrs: list[AttributeClaim]
    group: PersonGroup | None = None
    links: list[DescriptionLink] = field(default_factory=list)


def story_language(docs: Sequence[Document], resources: Resources) -> Language | None:
    """The language most of the story's parsed documents are written in."""
    counts = Counter(d.parse.language for d in docs if d.parse is not None)
    for code, _ in counts.most_common():
        language = resources.language(code)
        if language is not None:
            return language
    return None


def resolve_entities(
    docs: Sequence[Document], settings: EntitySettings, resources: Resources
) -> tuple[Entity, ...]:
    """Entities of one story: mentions merged across documents and spellings.

    Only readable, parsed documents are read. Mention labels are first made consistent across
    the story (:func:`~dossier.entities.harmonise.harmonise`); citations may therefore include
    names the model missed in one article but tagged in another. People come first, by
    mention count; then organisations, then places. Ids come from the key of the canonical
    name (:func:`entity_ids`): the same person gets the same id in every story and build.
    """
    readable = [d for d in docs if d.readable and d.parse is not None]
    language = story_language(readable, resources)
    if language is None:
        return ()
    vocab = Vocab.of(language)
    matcher = NameMatcher(language.names, settings.typo_min_len)
    ok = harmonise(readable, vocab, matcher)
    spacy_vocab = resources.pipeline_for(language.code).vocab
    context = ContextReader(vocab, spacy_vocab)
    parsed: dict[int, Doc] = {}

    def sdoc(di: int) -> Doc:
        if di not in parsed:
            parse = ok[di].parse
            assert parse is not None
            parsed[di] = to_spacy(parse, ok[di].clean_text, spacy_vocab)
            context.ages.remember(parsed[di], ok[di], resources.doc_memo)
        return parsed[di]

    grouper = Grouper(vocab, matcher)
    orgs, places = grouper.orgs(ok), grouper.places(ok)
    keys = _Keys(matcher, grouper)
    people = PeopleGrouper(vocab, matcher).group(ok)
    roles = RoleReader(vocab, context, settings)
    drafts = _people_drafts(ok, people, orgs, roles, matcher, sdoc)
    _describe(ok, vocab, drafts, orgs, sdoc)
    drafts += [_Draft("ORG", canonical_org_name(g), g.mentions, [], []) for g in orgs]
    drafts += [_Draft("PLACE", canonical_place_name(g), g.mentions, [], []) for g in places]
    return _entities(ok, drafts, people, language, keys)


def _people_drafts(
    ok: Sequence[Document],
    people: list[PersonGroup],
    orgs: list[Group],
    roles: RoleReader,
    matcher: NameMatcher,
    sdoc: Callable[[int], Doc],
) -> list[_Draft]:
    org_at: dict[tuple[int, int], str] = {}
    for org in orgs:
        org_label = canonical_org_name(org)
        for di, m in org.mentions:
            org_at[(di, m.start)] = org_label

    def org_name(di: int, start: int, end: int) -> str | None:
        for m in ok[di].mentions:
            if m.label == "ORG" and m.start < end and start < m.end:
                return org_at.get((di, m.start))
        return None

    defendants = roles.defendant_claims(ok, sdoc)
    drafts: list[_Draft] = []
    for group in people:
        if group.unresolved:
            # Who an ambiguous bare name is, is not known: no roles are given to anyone.
            name = canonical_person_name(group, matcher)
            drafts.append(_Draft("PERSON", name, group.mentions, [], [], group))
            continue
        claims, attrs = roles.person_claims(ok, group.mentions, org_name, sdoc)
        for di, m in group.mentions:
            claim = defendants.get((di, m.start))
            if claim is not None and all(r.citation != claim.citation for r in claims):
                claims.append(claim)
        name = canonical_person_name(group, matcher)
        drafts.append(_Draft("PERSON", name, group.mentions, claims, attrs, group))
    return drafts


def _describe(
    ok: Sequence[Document],
    vocab: Vocab,
    drafts: list[_Draft],
    orgs: list[Group],
    sdoc: Callable[[int], Doc],
) -> None:
    """Descriptions ("the judge", "the two men") linked to the resolved people of
    ``drafts``, and the roles they give (:mod:`dossier.entities.descriptions`)."""
    org_of = {(di, m.start): gi for gi, g in enumerate(orgs) for di, m in g.mentions}

    def same_org(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
        first, second = org_of.get((a[0], a[1])), org_of.get((b[0], b[1]))
        return first is not None and first == second

    people = [
        d.mentions if d.type == "PERSON" and d.group is not None and not d.group.unresolved else []
        for d in drafts
    ]
    for draft, (links, claims) in zip(
        drafts, link_descriptions(ok, vocab, people, same_org, sdoc), strict=True
    ):
        draft.links = links
        taken = {(r.role, r.citation) for r in draft.roles}
        draft.roles += [c for c in claims if (c.role, c.citation) not in taken]


def _entities(
    ok: Sequence[Document],
    drafts: list[_Draft],
    people: list[PersonGroup],
    language: Language,
    keys: _Keys,
) -> tuple[Entity, ...]:
    def sort_key(d: _Draft) -> tuple[int, int, int, int, str]:
        first = min((di, m.start) for di, m in d.mentions)
        return (_TYPE_ORDER[d.type], -len(d.mentions), first[0], first[1], d.name)

    ordered = sorted(drafts, key=sort_key)
    cited = [
        tuple(
            ok[di].cite(m.start, m.end)
            for di, m in sorted(d.mentions, key=lambda x: (x[0], x[1].start))
        )
        for d in ordered
    ]
    ids = entity_ids([(d.type, keys.of(d)) for d in ordered], cited)
    group_ids = {id(d.group): i for d, i in zip(ordered, ids, strict=True) if d.group is not None}
    entities: list[Entity] = []
    for d, entity_id, citations in zip(ordered, ids, cited, strict=True):
        roles = tuple(sorted(d.roles, key=lambda r: _cite_order(ok, r.citation)))
        entities.append(
            Entity(
                id=entity_id,
                type=d.type,
                name=d.name,
                aliases=_aliases(d.name, [c.quote for c in citations]),
                mentions=citations,
                roles=mark_disputed(roles, language.roles.incompatible_sides),
                attributes=tuple(sorted(d.attrs, key=lambda a: _cite_order(ok, a.citation))),
                unresolved=d.group.unresolved if d.group is not None else None,
                descriptions=tuple(sorted(d.links, key=lambda x: _cite_order(ok, x.citation))),
            )
        )
    return tuple(
        _with_candidates(e, d, people, group_ids) for e, d in zip(entities, ordered, strict=True)
    )


def _with_candidates(
    entity: Entity, draft: _Draft, people: list[PersonGroup], ids: dict[int, str]
) -> Entity:
    if draft.group is None or not draft.group.unresolved:
        return entity
    candidates = tuple(
        ids[id(people[gi])] for gi in draft.group.candidates if id(people[gi]) in ids
    )
    return replace(entity, candidates=candidates)


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


class _Keys:
    """What identifies an entity across stories: the key of its canonical name, by type.

    A person is keyed by the phonetic keys of the given name and the family name's stem
    (``Qaster Musakhanuly`` and ``Kaster Musakhan`` are ``kaster-musahan``; middle names and
    honorifics left out), organisations by their normalised name, places by the phonetic
    key of the name."""

    def __init__(self, matcher: NameMatcher, grouper: Grouper) -> None:
        self.matcher = matcher
        self.grouper = grouper

    def of(self, draft: _Draft) -> str:
        if draft.type == "PERSON":
            name = self.matcher.parse_person(draft.name)
            if name.full:
                given, surname = (
                    self.matcher.keys(name.given)[0],
                    self.matcher.keys(name.surname)[1],
                )
                return f"{given}-{surname}"
            return self.matcher.keys(name.tokens[-1])[1] if name.tokens else draft.name
        if draft.type == "PLACE":
            return self.grouper.place_key(draft.name) or draft.name
        return self.grouper.key(draft.name) or draft.name


def entity_ids(
    keyed: Sequence[tuple[str, str]], mentions: Sequence[tuple[Citation, ...]]
) -> list[str]:
    """One id per entity: ``p-``/``o-``/``l-``/``x-`` and a slug of its key, the same in
    every story and every build, so one person in two stories of a store is one id.

    Two entities of one story with one key (two people named Pavel Ivanov) are told apart by
    their first mentions: the one mentioned first (in document id and offset order) keeps
    the plain id, each other takes a digest of its own first mention. Neither depends on the
    order the entities are listed in."""
    bases = [
        f"{_ID_PREFIX[etype]}-{_NOT_ID.sub('-', anyascii(key).lower()).strip('-') or 'entity'}"
        for etype, key in keyed
    ]
    firsts = [first_citation(m) if m else None for m in mentions]

    def position(i: int) -> tuple[str, int, int]:
        first = firsts[i]
        return (first.doc, first.start, first.end) if first is not None else ("", 0, 0)

    by_base: dict[str, list[int]] = {}
    for i, base in enumerate(bases):
        by_base.setdefault(base, []).append(i)
    out = list(bases)
    for base, members in by_base.items():
        used = {base}
        for i in sorted(members, key=position)[1:]:
            first = firsts[i]
            out[i] = unique(base, used, citation_key(first) if first is not None else "")
    return out


__all__ = ["Group", "PersonGroup", "entity_ids", "resolve_entities"]
