"""The ``parse`` stage: each readable document's clean text read by its language's analyser.

For English that is spaCy's pipeline with every component the language object asks for
(tagger, parser, attribute ruler, lemmatizer, NER): tokens, lemmas, parts of speech,
dependencies, sentences and the model's entity spans, stored on the document as a
:class:`~dossier.model.Parse`. Two things are decided before the parser runs, because the
parser respects sentence starts set before it:

* a line break always ends a sentence (clean text keeps one paragraph, caption or heading
  per line, and a sentence never runs from one into the next);
* after an abbreviation that is not a title ("Jan.", "St.", "Inc."), a capitalised function
  word ("She", "The") starts a sentence, which the statistical model often misses.

Texts longer than ``settings.max_chunk_chars`` are cut at paragraph breaks into pieces that
are parsed separately (spaCy's memory grows with the longest text of a batch) and joined
back with document offsets.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dossier.lang import Language, SpacyAnalyser
from dossier.model import Document, Parse
from dossier.nlp.chunks import text_chunks
from dossier.nlp.settings import ParseSettings
from dossier.resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Columns:
    """A Parse being assembled from the pieces of one text."""

    starts: list[int]
    ends: list[int]
    lemmas: list[str]
    pos: list[str]
    tags: list[str]
    deps: list[str]
    heads: list[int]
    morphs: list[str]
    sentence_starts: list[int]
    sentences: list[tuple[int, int]]
    entities: list[tuple[int, int, str]]

    @staticmethod
    def empty() -> _Columns:
        return _Columns([], [], [], [], [], [], [], [], [], [], [])

    def add(self, sdoc: Doc, offset: int) -> None:
        """Append one parsed piece whose text starts at character ``offset``."""
        base = len(self.starts)
        intern = sys.intern
        for token in sdoc:
            start = offset + token.idx
            self.starts.append(start)
            self.ends.append(start + len(token.text))
            self.lemmas.append(intern(token.lemma_))
            self.pos.append(intern(token.pos_))
            self.tags.append(intern(token.tag_))
            self.deps.append(intern(token.dep_))
            self.heads.append(base + token.head.i)
            self.morphs.append(intern(str(token.morph)))
        for sent in sdoc.sents:
            words = [t for t in sent if not t.is_space]
            if words:
                self.sentence_starts.append(base + words[0].i)
                self.sentences.append(
                    (offset + words[0].idx, offset + words[-1].idx + len(words[-1].text))
                )
        self.entities.extend(
            (offset + e.start_char, offset + e.end_char, intern(e.label_)) for e in sdoc.ents
        )

    def parse(self, language: str, analyser: str) -> Parse:
        return Parse(
            language=language,
            analyser=analyser,
            starts=tuple(self.starts),
            ends=tuple(self.ends),
            lemmas=tuple(self.lemmas),
            pos=tuple(self.pos),
            tags=tuple(self.tags),
            deps=tuple(self.deps),
            heads=tuple(self.heads),
            morphs=tuple(self.morphs),
            sentence_starts=tuple(self.sentence_starts),
            sentences=tuple(self.sentences),
            entities=tuple(self.entities),
        )


def parse_documents(
    docs: Sequence[Document], settings: ParseSettings, resources: Resources
) -> tuple[Document, ...]:
    """Parse every readable document; others are returned unchanged."""
    out = list(docs)
    by_language: dict[str, list[int]] = {}
    for index, doc in enumerate(docs):
        if doc.readable and doc.language and doc.clean_text.strip():
            by_language.setdefault(doc.language, []).append(index)
    for code, indexes in by_language.items():
        language = resources.language(code)
        if language is None or language.analyser is None:
            continue
        for index, parse in zip(
            indexes,
            _parse_texts([docs[i].clean_text for i in indexes], language, settings, resources),
            strict=True,
        ):
            out[index] = replace(docs[index], parse=parse)
    return tuple(out)


def analyser_name(analyser: SpacyAnalyser, resources: Resources) -> str:
    meta = resources.spacy_pipeline(analyser).meta
    return f"{analyser.package} {meta.get('version', '?')}"


def _parse_texts(
    texts: Sequence[str], language: Language, settings: ParseSettings, resources: Resources
) -> Iterator[Parse]:
    analyser = language.analyser
    assert isinstance(analyser, SpacyAnalyser)
    nlp = resources.spacy_pipeline(analyser)
    name = analyser_name(analyser, resources)
    pieces: list[tuple[int, int, int]] = []  # (text index, start, end)
    for index, text in enumerate(texts):
        pieces.extend((index, s, e) for s, e in text_chunks(text, settings.max_chunk_chars))
    prepared = (mark_sentence_starts(nlp.make_doc(texts[i][s:e]), language) for i, s, e in pieces)
    parsed = nlp.pipe(prepared, batch_size=settings.batch_size)
    current, columns = 0, _Columns.empty()
    for (index, start, _), sdoc in zip(pieces, parsed, strict=True):
        while index > current:
            yield columns.parse(language.code, name)
            current, columns = current + 1, _Columns.empty()
        columns.add(sdoc, start)
    while current < len(texts):
        yield columns.parse(language.code, name)
        current, columns = current + 1, _Columns.empty()


def mark_sentence_starts(sdoc: Doc, language: Language) -> Doc:
    """Set the sentence starts the parser must respect (see the module docstring)."""
    titles = language.names.honorifics
    for token in sdoc[1:]:
        previous = sdoc[token.i - 1]
        if token.is_space:
            continue
        if "\n" in previous.text or (
            previous.text.endswith(".")
            and previous.lower_.rstrip(".") in language.abbreviations
            and previous.lower_ not in titles
            and token.is_title
            and token.lower_ in language.stop_words
        ):
            token.is_sent_start = True
    return sdoc
