"""Near-duplicate paragraphs shared by otherwise different documents.

A background paragraph reused across articles (or a syndicated paragraph)
is one source, not several: both documents get a ``shared_spans`` entry so
later stages do not count it as independent corroboration. Units are the
paragraphs of the clean text and, inside paragraphs that match nothing,
long sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dossier.dedup.settings import DedupSettings
from dossier.dedup.shingles import TokenIndex, candidate_pairs, jaccard
from dossier.model import Document
from dossier.text import paragraph_spans


@dataclass(frozen=True, slots=True)
class _Unit:
    doc: int
    start: int
    end: int
    shingles: frozenset[int]


def find_shared_spans(
    docs: Sequence[Document], settings: DedupSettings
) -> list[list[tuple[int, int, str]]]:
    """For each document, its spans shared with another document: (start, end, other id)."""
    result: list[set[tuple[int, int, str]]] = [set() for _ in docs]
    indexes: dict[int, TokenIndex] = {}  # each document tokenised and hashed once
    cache: dict[str, int] = {}  # word -> hash, shared by all documents
    paragraphs = _units(docs, settings, indexes, cache, sentences=False)
    pairs = _match(docs, paragraphs, settings.shared_jaccard, settings, result)
    matched = {i for pair in pairs for i in pair}
    # Sentences inside paragraphs that already matched are not compared again.
    matched_spans: dict[int, list[tuple[int, int]]] = {}
    for i in matched:
        unit = paragraphs[i]
        matched_spans.setdefault(unit.doc, []).append((unit.start, unit.end))
    # Reworded sentences are looked for only between documents that already reuse whole
    # paragraphs (reused background comes in batches); this keeps large inputs fast.
    linked = {frozenset((paragraphs[i].doc, paragraphs[j].doc)) for i, j in pairs}
    linked_docs = {d for pair in linked for d in pair}
    sentences = [
        u
        for u in _units(docs, settings, indexes, cache, sentences=True, only=linked_docs)
        if not any(s <= u.start and u.end <= e for s, e in matched_spans.get(u.doc, ()))
    ]
    if sentences:
        _match(docs, sentences, settings.shared_sentence_jaccard, settings, result, linked)
    return [sorted(spans) for spans in result]


def _units(
    docs: Sequence[Document],
    settings: DedupSettings,
    indexes: dict[int, TokenIndex],
    cache: dict[str, int],
    *,
    sentences: bool,
    only: set[int] | None = None,
) -> list[_Unit]:
    units = []
    minimum = settings.shared_sentence_min_words if sentences else settings.shared_min_words
    for d, doc in enumerate(docs):
        if only is not None and d not in only:
            continue
        text = doc.clean_text
        index = indexes.get(d)
        if index is None:
            index = indexes[d] = TokenIndex(text, settings.span_shingle, cache)
        for start, end in _sentences(doc) if sentences else paragraph_spans(text):
            if index.word_count(start, end) < minimum:
                continue
            units.append(_Unit(d, start, end, index.span_shingles(start, end)))
    return units


def _sentences(doc: Document) -> tuple[tuple[int, int], ...]:
    """The parser's sentences (a document in a language Dossier does not read has none)."""
    return doc.parse.sentences if doc.parse is not None else ()


def _match(
    docs: Sequence[Document],
    units: Sequence[_Unit],
    threshold: float,
    settings: DedupSettings,
    result: list[set[tuple[int, int, str]]],
    allowed: set[frozenset[int]] | None = None,
) -> list[tuple[int, int]]:
    """Record near-identical units of different documents; returns the matching unit pairs."""
    candidates = candidate_pairs([u.shingles for u in units], threshold, settings.span_num_perm)
    pairs: list[tuple[int, int]] = []
    for i, j in sorted(candidates):
        a, b = units[i], units[j]
        if a.doc == b.doc or docs[a.doc].id == docs[b.doc].id:
            continue
        if allowed is not None and frozenset((a.doc, b.doc)) not in allowed:
            continue
        if jaccard(a.shingles, b.shingles) < threshold:
            continue
        result[a.doc].add((a.start, a.end, docs[b.doc].id))
        result[b.doc].add((b.start, b.end, docs[a.doc].id))
        pairs.append((i, j))
    return pairs
