"""A name one document of a story calls a work or a substance ("the song X", "the sedative
Y") is no entity in the others, where the model reads it bare as a person or an
organisation (issue 13: a work recognised in one document not carried to others, a drug
name in a list kept as an organisation). The story is invented (a band and a clinic)."""

from __future__ import annotations

from dossier.entities import EntitySettings, find_mentions, resolve_entities
from dossier.entities.things import story_things
from dossier.entities.vocab import Vocab
from dossier.model import Document
from dossier.nlp import read_documents
from dossier.resources import Resources

_NAMED = (
    "The band's new song Starfall was written in a week, said its singer, Lena Moor.\n"
    "The clinic gave patients the sedative Oxamid without checks, inspectors said."
)
_BARE = (
    "Lena Moor thanked her fans. Sales of Starfall rose in Norway on Friday.\n"
    "Pharmacists said Oxamid sold well in Oslo."
)


def _vocab(resources: Resources) -> Vocab:
    language = resources.language("en")
    assert language is not None
    return Vocab.of(language)


def _docs(resources: Resources, *texts: str) -> tuple[Document, ...]:
    docs = [
        Document(id=f"d{i}", source=f"d{i}", raw_text=t, clean_text=t) for i, t in enumerate(texts)
    ]
    return find_mentions(read_documents(docs, resources), EntitySettings(), resources)


def test_works_and_substances_are_carried_across_the_story(resources: Resources) -> None:
    docs = _docs(resources, _NAMED, _BARE)
    assert {"Starfall", "Oxamid"} <= story_things(docs, _vocab(resources))
    entities = resolve_entities(docs, EntitySettings(), resources)
    forms = {f for e in entities for f in (e.name, *e.aliases)}
    assert not {"Starfall", "Oxamid"} & forms
    assert {"Lena Moor", "Norway", "Oslo"} <= forms


def test_without_the_naming_document_the_names_stay(resources: Resources) -> None:
    """Only what a document of the story says carries: the bare document alone keeps what
    the model found."""
    docs = _docs(resources, _BARE)
    assert not story_things(docs, _vocab(resources))
