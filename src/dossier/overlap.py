"""Which items share keys (words, entity ids ...): a sparse self-join.

Comparing every pair of sentences in Python is quadratic in the interpreter;
here the pairs that share at least one key come out of one sparse matrix
product (items x keys, times its transpose), computed in row blocks so that
memory stays bounded on large stories.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet

import numpy as np
from scipy import sparse

ROW_BLOCK = 2000  # rows of the product computed at once


def _incidence(key_sets: Sequence[AbstractSet[str]]) -> sparse.csr_matrix:
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, keys in enumerate(key_sets):
        for key in keys:
            rows.append(row)
            cols.append(vocabulary.setdefault(key, len(vocabulary)))
    ones = np.ones(len(rows), dtype=np.int32)
    return sparse.csr_matrix((ones, (rows, cols)), shape=(len(key_sets), len(vocabulary)))


def shared_key_arrays(
    key_sets: Sequence[AbstractSet[str]],
    min_shared: int = 1,
    min_jaccard: float = 0.0,
    row_block: int = ROW_BLOCK,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Arrays ``i``, ``j``, ``shared`` for every ``i < j`` whose key sets share
    ``min_shared`` keys or more and whose Jaccard overlap (shared / union) is at least
    ``min_jaccard``; ordered by ``i``, then ``j``."""
    n = len(key_sets)
    empty = np.zeros(0, dtype=np.int64)
    incidence = _incidence(key_sets)
    if incidence.nnz == 0:
        return empty, empty, empty
    transposed = incidence.T.tocsc()
    threshold = max(1, min_shared)
    sizes = np.fromiter((len(keys) for keys in key_sets), dtype=np.int64, count=n)
    parts_i, parts_j, parts_n = [], [], []
    for first in range(0, n, row_block):
        block = (incidence[first : first + row_block] @ transposed).tocoo()
        i = block.row.astype(np.int64) + first
        j = block.col.astype(np.int64)
        shared = block.data.astype(np.int64)
        keep = (j > i) & (shared >= threshold)
        if min_jaccard > 0.0:
            union = sizes[i] + sizes[j] - shared
            keep &= shared / union >= min_jaccard
        i, j, shared = i[keep], j[keep], shared[keep]
        order = np.lexsort((j, i))
        parts_i.append(i[order])
        parts_j.append(j[order])
        parts_n.append(shared[order])
    return np.concatenate(parts_i), np.concatenate(parts_j), np.concatenate(parts_n)


def shared_key_counts(
    key_sets: Sequence[AbstractSet[str]],
    min_shared: int = 1,
    min_jaccard: float = 0.0,
    row_block: int = ROW_BLOCK,
) -> Iterator[tuple[int, int, int]]:
    """:func:`shared_key_arrays` as ``(i, j, shared)`` tuples."""
    i, j, shared = shared_key_arrays(key_sets, min_shared, min_jaccard, row_block)
    yield from zip(i.tolist(), j.tolist(), shared.tolist(), strict=True)


def intersection_sizes(
    key_sets: Sequence[AbstractSet[str]], i: np.ndarray, j: np.ndarray
) -> np.ndarray:
    """``len(key_sets[i[k]] & key_sets[j[k]])`` for every ``k``, without a Python loop."""
    if len(i) == 0:
        return np.zeros(0, dtype=np.int64)
    incidence = _incidence(key_sets)
    product = incidence[i].multiply(incidence[j])
    return np.asarray(product.sum(axis=1)).ravel().astype(np.int64)
