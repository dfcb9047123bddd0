"""A round-up page's items about other things do not become events of the story it is in
(a fictional ferry sinking, five outlets, one of them a morning briefing)."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest

from dossier.model import Document
from dossier.nlp import read_documents
from dossier.resources import Resources
from dossier.time import TimeSettings, date_documents, extract_events

S = TimeSettings()
TEXTS = {
    "harbour": "The ferry Aurelia sank off Kell Island on 3 March with 112 passengers aboard.\n\n"
    "Coastguard divers recovered the ship's recorder on 5 March.",
    "tribune": "Rescuers pulled 87 survivors from the sea after the ferry Aurelia capsized on "
    "3 March near Kell Island.\n\nThe coastguard said the ferry was overloaded.",
    "islander": "Families of the missing passengers gathered at the Kell ferry terminal on "
    "4 March, demanding news of the search.\n\nThe ferry operator said the Aurelia had passed "
    "its last inspection.",
    "wire": "Divers searching the wreck of the ferry Aurelia found nine more bodies on 6 March, "
    "the coastguard said.\n\nThe ferry sank on 3 March off Kell Island.",
    "briefing": "The city council approved a new budget for cycling lanes and parks on "
    "4 March.\n\nThe search for passengers of the sunken ferry Aurelia resumed off Kell Island "
    "on 5 March, the coastguard said.\n\nA jazz festival opened in the old town on 4 March.",
}


@pytest.fixture(scope="module")
def docs(resources: Resources) -> list[Document]:
    raw = [
        Document(id=k, source=f"{k}.txt", raw_text=v, clean_text=v, page_date_text="March 7, 2024")
        for k, v in TEXTS.items()
    ]
    return read_documents(date_documents(raw, S), resources)


def _texts(docs: list[Document], settings: TimeSettings, resources: Resources) -> list[str]:
    return [e.text for e in extract_events(docs, [], settings, resources)]


def test_items_about_other_things_are_set_aside_with_a_reason(
    docs: list[Document], resources: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="dossier.time.events"):
        texts = _texts(docs, S, resources)
    assert not any("cycling" in t or "jazz" in t for t in texts), texts
    # The briefing's item about the story stays, and so does every other outlet's.
    assert any("search for passengers" in t for t in texts), texts
    assert any("recorder" in t for t in texts), texts
    assert any("nine more bodies" in t for t in texts), texts
    reasons = [r.getMessage() for r in caplog.records if "set aside" in r.getMessage()]
    assert any("cycling" in r and "another story" in r for r in reasons), reasons


def test_a_story_of_few_documents_keeps_every_dated_sentence(
    docs: list[Document], resources: Resources
) -> None:
    # Below topic_min_documents the shares are too coarse to judge: nothing is set aside.
    few = replace(S, topic_min_documents=len(docs) + 1)
    texts = _texts(docs, few, resources)
    assert any("cycling" in t for t in texts), texts
