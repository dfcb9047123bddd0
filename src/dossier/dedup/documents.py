"""Whole-document copies: reprints and syndicated, lightly edited versions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dossier.dedup.credits import same_outlet
from dossier.dedup.settings import DedupSettings
from dossier.dedup.shingles import (
    band_keys,
    colliding_pairs,
    containment,
    jaccard,
    shingles,
    signature_matrix,
)
from dossier.model import Credit, Document
from dossier.unionfind import UnionFind


@dataclass(frozen=True, slots=True)
class Copy:
    duplicate: int  # index into the documents
    kept: int
    jaccard: float
    containment: float  # share of the duplicate's shingles found in the kept document


@dataclass(frozen=True, slots=True)
class CopyKeys:
    """What one document is compared on: its word shingles and their LSH band keys."""

    shingles: frozenset[int]
    keys: np.ndarray  # one uint64 per band


def copy_keys(docs: Sequence[Document], settings: DedupSettings) -> list[CopyKeys]:
    cache: dict[str, int] = {}
    sets = [shingles(d.clean_text, settings.doc_shingle, cache) for d in docs]
    if not sets:
        return []
    matrix = signature_matrix(sets, settings.num_perm)
    keys = band_keys(matrix, settings.doc_candidate_jaccard, settings.num_perm)
    return [CopyKeys(s, k) for s, k in zip(sets, keys, strict=True)]


def copy_candidate(a: CopyKeys, b: CopyKeys, settings: DedupSettings) -> tuple[float, float] | None:
    """(Jaccard, containment) when ``a`` and ``b`` are copies of each other, else None."""
    jac = jaccard(a.shingles, b.shingles)
    small, large = (a, b) if len(a.shingles) <= len(b.shingles) else (b, a)
    cont = containment(small.shingles, large.shingles)
    if jac >= settings.duplicate_jaccard or cont >= settings.duplicate_containment:
        return jac, cont
    return None


def find_copies(
    docs: Sequence[Document],
    settings: DedupSettings,
    originals: Sequence[Original] | None = None,
    keys: Sequence[CopyKeys] | None = None,
) -> list[Copy]:
    """Pairs (copy, original) among ``docs`` (all assumed ``ok`` with clean text).

    Candidates come from MinHash LSH band keys (no all-pairs comparison); each
    candidate pair is verified on exact shingle sets. Copies are grouped
    transitively and each group keeps one document, the original: the one another
    member credits ("(Meridian)", "first published by"), then the earliest published
    (the day it states about itself, ``originals``), then the longest, then the
    smallest id (never the input order, so that a case grown article by article keeps
    the same one). ``keys`` (from :func:`copy_keys`) saves computing them again.
    """
    found = list(keys) if keys is not None else copy_keys(docs, settings)
    if len(found) < 2:
        return []
    sets = [k.shingles for k in found]
    matrix = np.array([k.keys for k in found], dtype=np.uint64).reshape(len(found), -1)
    candidates = colliding_pairs(matrix, np.array([not s for s in sets], dtype=bool))
    linked: UnionFind[int] = UnionFind(range(len(docs)))
    links: dict[tuple[int, int], tuple[float, float]] = {}
    for i, j in sorted(candidates):
        measured = copy_candidate(found[i], found[j], settings)
        if measured is not None:
            links[(i, j)] = measured
            linked.union(i, j)
    copies: list[Copy] = []
    for members in linked.groups().values():
        if len(members) < 2:
            continue
        keeper = min(members, key=lambda k: _keep_key(docs, k, members, originals))
        for m in members:
            if m == keeper:
                continue
            pair = (min(m, keeper), max(m, keeper))
            if pair in links:
                jac, cont = links[pair]
            else:  # linked through another member: measure against the keeper directly
                jac = jaccard(sets[m], sets[keeper])
                cont = containment(sets[m], sets[keeper])
            copies.append(Copy(m, keeper, jac, cont))
    return sorted(copies, key=lambda c: c.duplicate)


@dataclass(frozen=True, slots=True)
class Original:
    """What decides which of several copies is the original, per document."""

    credit: Credit | None  # the outlet or agency it credits
    published: dt.date | None  # the day it states it was published


def credited_by_others(
    docs: Sequence[Document], index: int, members: Sequence[int], originals: Sequence[Original]
) -> str | None:
    """The credit of another member that names this document's outlet, if any."""
    outlet = docs[index].outlet
    for m in members:
        credit = originals[m].credit
        if m != index and credit is not None and same_outlet(credit.name, outlet):
            return credit.text
    return None


def _keep_key(
    docs: Sequence[Document],
    index: int,
    members: Sequence[int],
    originals: Sequence[Original] | None,
) -> tuple[int, int, str, int, str, int]:
    doc = docs[index]
    if originals is None:
        date = doc.metadata_date or doc.folder_date or ""
        return (1, 0 if date else 1, date, -len(doc.clean_text), doc.id, index)
    credited = credited_by_others(docs, index, members, originals) is not None
    day = originals[index].published
    return (
        0 if credited else 1,
        0 if day else 1,
        day.isoformat() if day else "",
        -len(doc.clean_text),
        doc.id,
        index,
    )
