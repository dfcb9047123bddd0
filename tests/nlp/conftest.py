"""Reading sentences with the parse: shared helpers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dossier.model import Document
from dossier.nlp import read_documents, to_spacy
from dossier.nlp.clauses import Clause, clauses
from dossier.resources import Resources


@pytest.fixture(scope="session")
def parsed(resources: Resources) -> Callable[[str], Document]:
    def parse(text: str) -> Document:
        (doc,) = read_documents([Document(id="t", source="t.txt", clean_text=text)], resources)
        assert doc.parse is not None
        return doc

    return parse


@pytest.fixture(scope="session")
def read_clauses(
    parsed: Callable[[str], Document], resources: Resources
) -> Callable[[str], dict[str, Clause]]:
    """The clauses of one sentence, by verb lemma (the first clause of each lemma)."""
    language = resources.language("en")
    assert language is not None

    def read(text: str) -> dict[str, Clause]:
        doc = parsed(text)
        assert doc.parse is not None
        sdoc = to_spacy(doc.parse, doc.clean_text, resources.pipeline_for("en").vocab)
        out: dict[str, Clause] = {}
        for sentence in sdoc.sents:
            for clause in clauses(sentence, language):
                out.setdefault(clause.lemma, clause)
        return out

    return read
