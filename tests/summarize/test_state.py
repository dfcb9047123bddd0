"""Which sentences state how things stand as of their report (and may be overtaken by a
later one) and which report what happened. Fictional sentences in other domains."""

from __future__ import annotations

import pytest

from dossier.model import Document
from dossier.nlp import read_documents
from dossier.resources import Resources
from dossier.summarize.state import state_flags

SENTENCES = {
    # a fraud trial
    "Jonas Arveld denies wrongdoing and remains on bail.": True,
    "The trial of Jonas Arveld is due to open on 10 March.": True,
    "Prosecutors said Arveld had moved the savings to a bank in Lisbon.": False,
    "Arveld has been convicted of fraud.": False,
    # a mine explosion
    "The company says nineteen miners are still trapped below ground.": True,
    "Rescuers pulled two miners from the flooded shaft on Sunday.": False,
    # a protest
    "The union leader faces up to five years in prison.": True,
    "Police detained thirty protesters near the port, witnesses said.": False,
}


@pytest.fixture(scope="module")
def flags(resources: Resources) -> dict[str, bool]:
    text = "\n\n".join(SENTENCES)
    (doc,) = read_documents([Document(id="s", source="s.txt", clean_text=text)], resources)
    language = resources.language("en")
    assert language is not None and doc.parse is not None
    spans = list(doc.parse.sentences)
    found = state_flags(doc, spans, language, resources.pipeline_for("en").vocab)
    return {doc.clean_text[a:b]: flag for (a, b), flag in zip(spans, found, strict=True)}


@pytest.mark.parametrize("sentence", list(SENTENCES))
def test_state_or_event(flags: dict[str, bool], sentence: str) -> None:
    assert flags[sentence] is SENTENCES[sentence]
