"""The language's entity patterns (lang/en/patterns.py, run by dossier.entities.patterns):
bylines, ranked listings, a company named by its executive, and a possessor inside a longer
proper name. Each rule is shown on the fictional story stories/tidewater (a record label's
bankruptcy) or on invented sentences, each with a case the rule must leave alone."""

from __future__ import annotations

import logging

import pytest
from entity_fixtures import story_documents

from dossier.entities import EntitySettings, find_mentions, resolve_entities
from dossier.entities.patterns import PatternRules
from dossier.lang import Language
from dossier.model import Document, Entity
from dossier.nlp import read_documents, to_spacy
from dossier.resources import Resources


def _read(resources: Resources, *texts: str) -> tuple[tuple[Document, ...], tuple[Entity, ...]]:
    docs = [
        Document(id=f"d{i}", source=f"d{i}", raw_text=t, clean_text=t) for i, t in enumerate(texts)
    ]
    marked = find_mentions(read_documents(docs, resources), EntitySettings(), resources)
    return marked, resolve_entities(marked, EntitySettings(), resources)


def _english(resources: Resources) -> Language:
    language = resources.language("en")
    assert language is not None
    return language


def _forms(entities: tuple[Entity, ...], kind: str) -> set[str]:
    return {f for e in entities if e.type == kind for f in (e.name, *e.aliases)}


@pytest.fixture(scope="module")
def tidewater(resources: Resources) -> tuple[tuple[Document, ...], tuple[Entity, ...]]:
    marked = find_mentions(
        read_documents(story_documents("tidewater"), resources), EntitySettings(), resources
    )
    return marked, resolve_entities(marked, EntitySettings(), resources)


def test_a_byline_on_a_title_case_line_names_a_person_and_an_outlet(
    tidewater: tuple[tuple[Document, ...], tuple[Entity, ...]],
) -> None:
    _, entities = tidewater
    assert "Tomasz Wierzbicki" in _forms(entities, "PERSON")
    assert "Baltic News Service" in _forms(entities, "ORG")


def test_a_byline_inside_a_paragraph_is_a_person_not_an_organisation(
    resources: Resources,
) -> None:
    _, entities = _read(
        resources,
        "The harbour reopened on Monday.\n\nFrom Ingrid Solheim, Reuters The ferries were "
        "back on time by noon, the port authority said.",
    )
    assert "Ingrid Solheim" in _forms(entities, "PERSON")
    assert "Ingrid Solheim" not in _forms(entities, "ORG")


def test_a_place_after_from_is_no_byline(resources: Resources) -> None:
    _, entities = _read(
        resources,
        "From Hong Kong, Reuters reported that the ferries were back on time by noon.",
    )
    assert "Hong Kong" not in _forms(entities, "PERSON")


def test_titles_of_a_ranked_listing_are_works_not_people(
    tidewater: tuple[tuple[Document, ...], tuple[Entity, ...]],
    resources: Resources,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _, entities = tidewater
    forms = {f.casefold() for e in entities for f in (e.name, *e.aliases)}
    assert not forms & {"harbour lights", "salt roads", "northern glass", "copper rain"}
    assert {"Aiko Tanabe", "Yusuf Demirci", "Mira Holm"} <= _forms(entities, "PERSON")
    (courier,) = [d for d in story_documents("tidewater") if d.id == "courier"]
    with caplog.at_level(logging.DEBUG, logger="dossier.entities.ner"):
        find_mentions(read_documents([courier], resources), EntitySettings(), resources)
    assert "'Harbour Lights' (a title in a ranked listing" in caplog.text


def test_a_single_numbered_entry_is_no_listing(resources: Resources) -> None:
    """One 'rank, name, dash' on a line is not a listing: nothing is dropped for it."""
    rules = PatternRules(_english(resources).entity_patterns, resources.pipeline_for("en").vocab)
    once = "The jury heard from witness 1 Harbour Lights - a tenant of the building."
    twice = "Top sellers: 1 Harbour Lights - Mira Holm 2 Salt Roads - Yusuf Demirci"
    found = {}
    for text in (once, twice):
        (doc,) = read_documents(
            [Document(id="d", source="d", raw_text=text, clean_text=text)], resources
        )
        assert doc.parse is not None
        sdoc = to_spacy(doc.parse, doc.clean_text, resources.pipeline_for("en").vocab)
        found[text] = [text[h.start : h.end] for h in rules.find(sdoc) if h.kind == "WORK"]
    assert found[once] == []
    assert found[twice] == ["Harbour Lights", "Salt Roads"]


def test_a_company_named_by_its_executive_is_an_organisation(
    tidewater: tuple[tuple[Document, ...], tuple[Entity, ...]], resources: Resources
) -> None:
    _, entities = tidewater
    assert "Tidewater" in _forms(entities, "ORG")
    # The model proposes no span for "Brightwater": the pattern finds it.
    _, alone = _read(resources, "Brightwater boss Anil Mehra resigned on Monday.")
    assert "Brightwater" in _forms(alone, "ORG")


def test_a_city_beside_its_mayor_stays_a_place(resources: Resources) -> None:
    _, entities = _read(resources, "Leeds mayor Tracy Brabin opened the new tram line in Leeds.")
    assert "Leeds" in _forms(entities, "PLACE") and "Leeds" not in _forms(entities, "ORG")


def test_a_possessor_inside_a_named_charity_is_no_person(
    tidewater: tuple[tuple[Document, ...], tuple[Entity, ...]],
) -> None:
    _, entities = tidewater
    assert "Robin's Nest" in _forms(entities, "ORG")
    assert "Robin" not in _forms(entities, "PERSON")


def test_a_possessive_without_a_naming_noun_keeps_the_person(resources: Resources) -> None:
    _, entities = _read(
        resources, "Mira Holm's new album sold well. Critics praised Holm's voice in Oslo."
    )
    assert "Mira Holm" in _forms(entities, "PERSON")


def test_a_word_after_ethnic_is_a_group(resources: Resources) -> None:
    """The model reads 'Avarsk' as a person; after 'ethnic' it is a group, never an entity
    (the demonym table does not know it)."""
    _, entities = _read(resources, "Police detained three ethnic Avarsk men in Makhachkala.")
    forms = {f for e in entities for f in (e.name, *e.aliases)}
    assert "Avarsk" not in forms and "Makhachkala" in forms
