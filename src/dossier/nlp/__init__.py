"""Reading text with a language's analyser: the ``language`` and ``parse`` stages and helpers
over their result."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.model import Document
from dossier.nlp.analyse import parse_documents
from dossier.nlp.chunks import text_chunks
from dossier.nlp.language import identify_languages
from dossier.nlp.settings import LanguageSettings, ParseSettings
from dossier.nlp.spacy_doc import to_spacy
from dossier.resources import Resources

__all__ = [
    "LanguageSettings",
    "ParseSettings",
    "identify_languages",
    "parse_documents",
    "read_documents",
    "text_chunks",
    "to_spacy",
]


def read_documents(
    docs: Sequence[Document],
    resources: Resources,
    language: LanguageSettings | None = None,
    parse: ParseSettings | None = None,
) -> tuple[Document, ...]:
    """The ``language`` and ``parse`` stages on documents that already have clean text (what
    a caller of a later stage needs, e.g. :func:`dossier.entities.find_mentions`)."""
    identified = identify_languages(docs, language or LanguageSettings(), resources, clean=True)
    return parse_documents(identified, parse or ParseSettings(), resources)
