"""How much a sentence is about its story: the share of the story's documents that use its
content words.

A story's documents share the words of what it is about ("earthquake", "rescue", the
country's name); a page that is a round-up (a radio programme's running order, a "news in
brief" column) also carries items about other things, whose words no other document of the
story uses. Such a sentence reports an event of another story and is not put on this one's
timeline. The measure is the summary's coverage (:func:`dossier.summarize.select.coverage`)
over the parse's lemmas: content words only (nouns, proper nouns, verbs, adjectives by the
parse's part of speech; the language's stop words out), each counted once per document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dossier.model import Document
from dossier.spanindex import SpanIndex

# not language: Universal POS tags of content words
_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


def _lemmas(doc: Document, tokens: Iterable[int], stop_words: frozenset[str]) -> set[str]:
    """Content lemmas of ``tokens``; the words of time expressions ("March", "Tuesday") are
    not what a sentence is about, whatever story it is in."""
    parse = doc.parse
    assert parse is not None
    dates = SpanIndex((t.start, t.end, True) for t in doc.time_expressions)
    out: set[str] = set()
    for i in tokens:
        if parse.pos[i] not in _CONTENT or dates.overlapping(parse.starts[i], parse.ends[i]):
            continue
        lemma = parse.lemmas[i].lower()
        if len(lemma) > 1 and lemma not in stop_words and any(c.isalpha() for c in lemma):
            out.add(lemma)
    return out


@dataclass(frozen=True, slots=True)
class Topic:
    """The document frequency of each content lemma among a story's documents."""

    share: dict[str, float]
    documents: int
    stop_words: frozenset[str]

    @classmethod
    def of(cls, docs: Sequence[Document], stop_words: frozenset[str]) -> Topic:
        counts: dict[str, int] = {}
        parsed = [d for d in docs if d.parse is not None]
        for doc in parsed:
            assert doc.parse is not None
            for lemma in _lemmas(doc, range(len(doc.parse)), stop_words):
                counts[lemma] = counts.get(lemma, 0) + 1
        n = len(parsed) or 1
        return cls({k: v / n for k, v in counts.items()}, len(parsed), stop_words)

    def coverage(self, doc: Document, start: int, end: int, min_words: int = 1) -> float | None:
        """The mean share of the story's documents using each content lemma of
        ``clean_text[start:end]``, this document included; ``None`` with fewer than
        ``min_words`` content lemmas ("He fled in October." is too thin to tell)."""
        if doc.parse is None:
            return None
        lemmas = _lemmas(doc, doc.parse.token_range(start, end), self.stop_words)
        if not lemmas or len(lemmas) < min_words:
            return None
        return sum(self.share.get(lemma, 0.0) for lemma in lemmas) / len(lemmas)
