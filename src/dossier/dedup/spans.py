"""Near-duplicate paragraphs shared by otherwise different documents.

A background paragraph reused across articles (or a syndicated paragraph)
is one source, not several: both documents get a ``shared_spans`` entry so
later stages do not count it as independent corroboration. Units are the
paragraphs of the clean text and, between two documents that share a
paragraph, the long sentences of their other paragraphs.

What two documents share depends on those two documents only
(:func:`pair_spans`): a document's shared spans are the union over every
other document, so adding an article to a case adds its pairs and changes
nothing else. Candidate paragraph pairs come from LSH band keys
(:func:`dossier.dedup.shingles.band_keys`, stored per document so an article
added later is looked up, not compared with everything) and are verified on
exact shingle sets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from dossier.dedup.settings import DedupSettings
from dossier.dedup.shingles import (
    TokenIndex,
    band_keys,
    colliding_pairs,
    jaccard,
    signature_matrix,
)
from dossier.model import Document
from dossier.text import paragraph_spans

Span = tuple[int, int, str]  # (start, end, id of the other document)


@dataclass(frozen=True, slots=True)
class Unit:
    start: int
    end: int
    shingles: frozenset[int]


@dataclass(slots=True)
class DocUnits:
    """One document's paragraphs (with their band keys) and, computed when first needed,
    its long sentences."""

    doc: Document
    index: TokenIndex
    paragraphs: list[Unit]
    keys: np.ndarray  # (paragraphs, bands) uint64
    _sentences: tuple[list[Unit], np.ndarray] | None = field(default=None)


def doc_units(doc: Document, settings: DedupSettings, cache: dict[str, int]) -> DocUnits:
    """The comparable units of ``doc`` (``cache`` maps words to hashes across documents)."""
    index = TokenIndex(doc.clean_text, settings.span_shingle, cache)
    paragraphs = _units(index, paragraph_spans(doc.clean_text), settings.shared_min_words)
    return DocUnits(doc, index, paragraphs, _keys(paragraphs, settings.shared_jaccard, settings))


def _units(index: TokenIndex, spans: Sequence[tuple[int, int]], minimum: int) -> list[Unit]:
    return [
        Unit(start, end, index.span_shingles(start, end))
        for start, end in spans
        if index.word_count(start, end) >= minimum
    ]


def _keys(units: Sequence[Unit], threshold: float, settings: DedupSettings) -> np.ndarray:
    if not units:
        return np.zeros((0, 0), dtype=np.uint64)
    matrix = signature_matrix([u.shingles for u in units], settings.span_num_perm)
    return band_keys(matrix, threshold, settings.span_num_perm)


def _sentence_units(units: DocUnits, settings: DedupSettings) -> tuple[list[Unit], np.ndarray]:
    if units._sentences is None:
        # The parser's sentences (a document in a language Dossier does not read has none).
        spans = units.doc.parse.sentences if units.doc.parse is not None else ()
        found = _units(units.index, spans, settings.shared_sentence_min_words)
        units._sentences = (found, _keys(found, settings.shared_sentence_jaccard, settings))
    return units._sentences


def _collisions(a: np.ndarray, b: np.ndarray) -> list[tuple[int, int]]:
    """(row of a, row of b) sharing a key in some band."""
    if not len(a) or not len(b):
        return []
    pairs = set()
    for band in range(a.shape[1]):
        where: dict[int, list[int]] = defaultdict(list)
        for j, key in enumerate(b[:, band].tolist()):
            where[key].append(j)
        for i, key in enumerate(a[:, band].tolist()):
            for j in where.get(key, ()):
                pairs.add((i, j))
    return sorted(pairs)


def pair_spans(
    a: DocUnits,
    b: DocUnits,
    settings: DedupSettings,
    candidates: Sequence[tuple[int, int]] | None = None,
) -> tuple[list[Span], list[Span]]:
    """What ``a`` and ``b`` share: (spans of ``a``, spans of ``b``), each naming the other.

    Paragraphs at least ``shared_jaccard`` alike are shared; when some are, so are long
    sentences of their other paragraphs at least ``shared_sentence_jaccard`` alike (a
    reworded background sentence: reused background comes in batches). ``candidates``
    are the colliding paragraph pairs, when the caller already has them.
    """
    if a.doc.id == b.doc.id:
        return [], []
    pairs = _collisions(a.keys, b.keys) if candidates is None else sorted(candidates)
    on_a: set[Span] = set()
    on_b: set[Span] = set()
    covered_a: list[tuple[int, int]] = []
    covered_b: list[tuple[int, int]] = []
    for i, j in pairs:
        ua, ub = a.paragraphs[i], b.paragraphs[j]
        if jaccard(ua.shingles, ub.shingles) < settings.shared_jaccard:
            continue
        on_a.add((ua.start, ua.end, b.doc.id))
        on_b.add((ub.start, ub.end, a.doc.id))
        covered_a.append((ua.start, ua.end))
        covered_b.append((ub.start, ub.end))
    if on_a:
        _shared_sentences(a, b, settings, (covered_a, covered_b), (on_a, on_b))
    return sorted(on_a), sorted(on_b)


def _shared_sentences(
    a: DocUnits,
    b: DocUnits,
    settings: DedupSettings,
    covered: tuple[list[tuple[int, int]], list[tuple[int, int]]],
    found: tuple[set[Span], set[Span]],
) -> None:
    """Sentences outside the paragraphs the two already share (those are not compared
    again)."""
    sa, ka = _sentence_units(a, settings)
    sb, kb = _sentence_units(b, settings)
    for i, j in _collisions(ka, kb):
        ua, ub = sa[i], sb[j]
        if _inside(ua, covered[0]) or _inside(ub, covered[1]):
            continue
        if jaccard(ua.shingles, ub.shingles) < settings.shared_sentence_jaccard:
            continue
        found[0].add((ua.start, ua.end, b.doc.id))
        found[1].add((ub.start, ub.end, a.doc.id))


def _inside(unit: Unit, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= unit.start and unit.end <= e for s, e in spans)


def find_shared_spans(docs: Sequence[Document], settings: DedupSettings) -> list[list[Span]]:
    """For each document, its spans shared with another document: (start, end, other id),
    the union of :func:`pair_spans` over every pair whose paragraphs collide."""
    cache: dict[str, int] = {}
    units = [doc_units(d, settings, cache) for d in docs]
    owners = [(d, i) for d, u in enumerate(units) for i in range(len(u.paragraphs))]
    result: list[set[Span]] = [set() for _ in docs]
    if len(owners) < 2:
        return [[] for _ in docs]
    keys = np.concatenate([u.keys for u in units if len(u.paragraphs)])
    empty = np.array([not units[d].paragraphs[i].shingles for d, i in owners], dtype=bool)
    by_pair: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for x, y in colliding_pairs(keys, empty):
        (da, ia), (db, ib) = owners[x], owners[y]
        if da == db:
            continue
        if da > db:
            da, ia, db, ib = db, ib, da, ia
        by_pair[(da, db)].append((ia, ib))
    for (da, db), candidates in sorted(by_pair.items()):
        on_a, on_b = pair_spans(units[da], units[db], settings, candidates)
        result[da].update(on_a)
        result[db].update(on_b)
    return [sorted(spans) for spans in result]
