"""Spans that hold two names, capitalised verbs and products (issue 13's Murray-trial
cases: "Propofol and Lorazepam" as one organisation, "Conrad Murray Jackson", "Marketed",
"the trade name Diprivan"). Every story here is invented, in other domains: a clinic's
drug fraud and a shipwreck."""

from __future__ import annotations

import logging

import pytest

from dossier.entities import EntitySettings, find_mentions, resolve_entities
from dossier.entities.spans import Cand
from dossier.entities.splits import split_names
from dossier.model import Document, Entity
from dossier.nlp import read_documents, to_spacy
from dossier.resources import Resources

_LOGGER = "dossier.entities.ner"


def _docs(resources: Resources, *texts: str) -> tuple[Document, ...]:
    docs = [
        Document(id=f"d{i}", source=f"d{i}", raw_text=t, clean_text=t) for i, t in enumerate(texts)
    ]
    return read_documents(docs, resources)


def _story(resources: Resources, *texts: str) -> tuple[Entity, ...]:
    marked = find_mentions(_docs(resources, *texts), EntitySettings(), resources)
    return resolve_entities(marked, EntitySettings(), resources)


def _forms(entities: tuple[Entity, ...]) -> set[str]:
    return {f for e in entities for f in (e.name, *e.aliases)}


def _split(resources: Resources, text: str, span: str, model: str = "ORG") -> list[str]:
    """The pieces :func:`split_names` makes of the candidate ``span`` of ``text`` (with the
    document's other capitalised words as candidates of the model's label)."""
    (doc,) = _docs(resources, text)
    assert doc.parse is not None
    sdoc = to_spacy(doc.parse, text, resources.pipeline_for("en").vocab)
    start = text.index(span)
    cands = [Cand(0, start, start + len(span), span, model)]
    return [c.text for c in split_names(cands, sdoc)]


_CLINIC = (
    "Regulators said the clinic had given Veltarin and Oxamid to patients without "
    "prescriptions. Veltarin, a painkiller, was withdrawn in 2019. The sedative Oxamid is "
    "made in Belgium."
)


def test_a_span_across_a_coordination_of_names_written_alone_is_split(
    resources: Resources,
) -> None:
    assert _split(resources, _CLINIC, "Veltarin and Oxamid") == ["Veltarin", "Oxamid"]
    forms = _forms(_story(resources, _CLINIC))
    assert not {"Veltarin", "Oxamid", "Veltarin and Oxamid"} & forms


def test_a_name_holding_a_conjunction_stays_whole(resources: Resources) -> None:
    """Neither conjunct of "Harlow and Finch" is written alone: it is one firm's name."""
    text = "The clinic is owned by Harlow and Finch, a firm based in Leeds, which denied it."
    assert _split(resources, text, "Harlow and Finch") == ["Harlow and Finch"]
    # Written twice, the whole name is still no conjunct written alone.
    fund = "Renter Protection and Recovery Plan"
    text = f"The {fund} opened on Monday. Officials said the {fund} had paid 400 families."
    assert _split(resources, text, fund) == [fund]


_WRECK = (
    "The ferry Nordlys sank off Bergen on Sunday. Its captain, Tomas Lindqvist, was "
    "rescued. Maria Varga, a passenger, died.\n"
    "Coastguard chief Anders Holm: the ship was under the command of Tomas Lindqvist Varga "
    '"never reached the lifeboats", a survivor said.\n'
    "Varga had boarded in Oslo. Lindqvist spoke to reporters on Monday."
)


def test_two_names_run_together_are_two_people(resources: Resources) -> None:
    entities = _story(resources, _WRECK)
    assert "Tomas Lindqvist Varga" not in _forms(entities)
    glued = _WRECK.index("Tomas Lindqvist Varga")
    starts = {e.name: {c.start for c in e.mentions} for e in entities if e.type == "PERSON"}
    assert glued in starts["Tomas Lindqvist"]
    assert glued + len("Tomas Lindqvist ") in starts["Maria Varga"]


def test_a_name_and_a_word_that_names_no_person_are_not_split(resources: Resources) -> None:
    text = (
        "Tomas Lindqvist founded a charity after the wreck. The Tomas Lindqvist Trust paid "
        "for the search, said Maria Varga."
    )
    assert _split(resources, text, "Tomas Lindqvist Trust") == ["Tomas Lindqvist Trust"]


def test_a_capitalised_verb_opening_a_list_item_is_no_name(
    resources: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    """A fact box run into one line: each item opens with a capitalised participle."""
    text = (
        "A strong painkiller usually given after surgery Can also be used to calm patients "
        "Supplied as a clear liquid and injected slowly Marketed under the trade name Zorvex "
        '"The clinic broke the law," the regulator said.'
    )
    with caplog.at_level(logging.DEBUG, logger=_LOGGER):
        forms = _forms(_story(resources, text))
    assert not {"Supplied", "Marketed"} & forms
    assert "dropped 'Marketed' (a capitalised verb form" in caplog.text


def test_a_name_spelled_like_a_verb_form_is_kept(resources: Resources) -> None:
    """The town of Working is a name: the parse reads a proper noun there, not a verb."""
    text = (
        "Working with the coastguard, divers searched the wreck off Aberdeen. Divers from "
        "Working in Surrey joined them."
    )
    (working,) = [e for e in _story(resources, text) if e.name == "Working"]
    assert text.rindex("Working") in {c.start for c in working.mentions}


def test_a_brand_name_is_a_product_not_an_entity(
    resources: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    text = (
        "The pills were sold under the brand name Zorvex in Spain. Zorvex was found in three "
        "pharmacies, the inspector Ana Ruiz said."
    )
    with caplog.at_level(logging.DEBUG, logger=_LOGGER):
        entities = _story(resources, text)
    assert "Zorvex" not in _forms(entities)
    assert "Ana Ruiz" in _forms(entities)
    assert "dropped 'Zorvex' (a product (a brand, a trade name)" in caplog.text
