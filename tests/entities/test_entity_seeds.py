"""Seed articles: every person found with every spelling merged, roles, ages,
nothing from demonyms or page furniture."""

from __future__ import annotations

from dossier.model import Document, Entity


def _by_name(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def test_qaster_musakhanuly_all_spellings_one_entity(seed_entities: tuple[Entity, ...]) -> None:
    people = [e for e in seed_entities if e.type == "PERSON"]
    holders = [e for e in people if {"Kaster Musakhan", "Musakhauly"} & {e.name, *e.aliases}]
    assert len(holders) == 1
    entity = holders[0]
    assert entity.name == "Qaster Musakhanuly"
    assert {"Musakhanuly", "Musakhan", "Kaster Musakhan", "Musakhauly"} <= set(entity.aliases)
    assert "defendant" in entity.role_names
    assert {a.value for a in entity.attributes if a.name == "age"} == {30}


def test_lawyer_conflict_kept_with_sources(seed_entities: tuple[Entity, ...]) -> None:
    lawyer = _by_name(seed_entities)["Lyazzat Akhatova"]
    assert "Lazzat Akhatova" in lawyer.aliases
    roles = {r.role: r for r in lawyer.roles}
    assert {"defence lawyer", "prosecution lawyer"} <= set(roles)
    assert roles["defence lawyer"].citation.doc != roles["prosecution lawyer"].citation.doc
    assert "for the prosecution" in roles["prosecution lawyer"].citation.quote


def test_researcher_affiliation(seed_entities: tuple[Entity, ...]) -> None:
    mills = _by_name(seed_entities)["Laura Mills"]
    assert "researcher" in mills.role_names
    assert [a.value for a in mills.attributes if a.name == "affiliation"] == ["Human Rights Watch"]


def test_demonyms_are_never_entities(seed_mentions: tuple[Document, ...]) -> None:
    texts = {m.text for d in seed_mentions for m in d.mentions}
    for group in ("Kazakhs", "Uyghurs", "Tajiks", "Kyrgyz", "Hui", "Han", "Dungans", "Kirgizi"):
        assert group not in texts


def test_every_citation_quotes_clean_text(
    seed_mentions: tuple[Document, ...], seed_entities: tuple[Entity, ...]
) -> None:
    docs = {d.id: d for d in seed_mentions}
    for e in seed_entities:
        claims = [*e.mentions, *(r.citation for r in e.roles), *(a.citation for a in e.attributes)]
        for c in claims:
            assert docs[c.doc].clean_text[c.start : c.end] == c.quote


def test_people_sorted_first_by_mentions(seed_entities: tuple[Entity, ...]) -> None:
    types = [e.type for e in seed_entities]
    assert types == sorted(types, key=["PERSON", "ORG", "PLACE", "OTHER"].index)
    counts = [len(e.mentions) for e in seed_entities if e.type == "PERSON"]
    assert counts == sorted(counts, reverse=True)
    assert len({e.id for e in seed_entities}) == len(seed_entities)
