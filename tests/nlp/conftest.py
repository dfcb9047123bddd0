"""Reading sentences with the parse: shared helpers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dossier.model import Document
from dossier.nlp import read_documents, to_spacy
from dossier.nlp.clauses import Clause, clauses
from dossier.resources import Resources

TIMELINE17 = Path(__file__).resolve().parents[2].parent / "shared" / "benchmarks" / "timeline17"


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


def timeline17_sentence(topic: str, start: str) -> str:
    """The first sentence of a Timeline17 topic's input documents that starts with ``start``
    (the benchmark's text is read where it lies, never copied into the project)."""
    for path in sorted((TIMELINE17 / topic / "InputDocs").rglob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith(start):
                return line.strip()
    pytest.fail(f"no sentence starting {start!r} in Timeline17 {topic}")
