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

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from dossier.memo import DocumentMemo, remembered
from dossier.model import Document
from dossier.spanindex import SpanIndex

# not language: Universal POS tags of content words
_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
# The version of a document's content lemmas: raise it when a change of
# :func:`_content_lemmas` reads other lemmas from the same parse, so kept ones are not used.
TOPIC_VERSION = 1


def _content_lemmas(doc: Document, stop_words: frozenset[str]) -> tuple[str | None, ...]:
    """Each token's content lemma, None for the others; the words of time expressions
    ("March", "Tuesday") are not what a sentence is about, whatever story it is in."""
    parse = doc.parse
    assert parse is not None
    dates = SpanIndex((t.start, t.end, True) for t in doc.time_expressions)
    out: list[str | None] = []
    for i in range(len(parse)):
        lemma = parse.lemmas[i].lower()
        content = (
            parse.pos[i] in _CONTENT
            and len(lemma) > 1
            and lemma not in stop_words
            and any(c.isalpha() for c in lemma)
            and not dates.overlapping(parse.starts[i], parse.ends[i])
        )
        out.append(lemma if content else None)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Topic:
    """The document frequency of each content lemma among a story's documents."""

    share: dict[str, float]
    lemmas: dict[str, tuple[str | None, ...]]  # per document id: each token's content lemma

    @classmethod
    def of(
        cls, docs: Sequence[Document], stop_words: frozenset[str], memo: DocumentMemo | None = None
    ) -> Topic:
        """With a ``memo``, each document's content lemmas are read once (they depend on it
        and the stop words alone)."""
        words = hashlib.sha256("\n".join(sorted(stop_words)).encode("utf-8")).hexdigest()
        depends = (TOPIC_VERSION, words)
        lemmas = {
            d.id: remembered(
                memo,
                "topic-lemmas",
                d,
                depends,
                tuple[str | None, ...],
                partial(_content_lemmas, d, stop_words),
            )
            for d in docs
            if d.parse is not None
        }
        counts = Counter(lemma for seq in lemmas.values() for lemma in set(seq) if lemma)
        n = len(lemmas) or 1
        return cls({k: v / n for k, v in counts.items()}, lemmas)

    def coverage(self, doc: Document, start: int, end: int, min_words: int = 1) -> float | None:
        """The mean share of the story's documents using each content lemma of
        ``clean_text[start:end]``, this document included; ``None`` with fewer than
        ``min_words`` content lemmas ("He fled in October." is too thin to tell)."""
        seq = self.lemmas.get(doc.id)
        if seq is None or doc.parse is None:
            return None
        found = {seq[i] for i in doc.parse.token_range(start, end)} - {None}
        if len(found) < max(min_words, 1):
            return None
        return sum(self.share.get(lemma, 0.0) for lemma in found if lemma) / len(found)
