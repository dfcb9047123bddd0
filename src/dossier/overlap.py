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


def shared_key_counts(
    key_sets: Sequence[AbstractSet[str]],
    min_shared: int = 1,
    min_jaccard: float = 0.0,
    row_block: int = ROW_BLOCK,
) -> Iterator[tuple[int, int, int]]:
    """``(i, j, shared)`` for every ``i < j`` whose key sets share ``min_shared`` keys or more
    and whose Jaccard overlap (shared / union) is at least ``min_jaccard``.

    Pairs come out ordered by ``i``, then ``j``.
    """
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, keys in enumerate(key_sets):
        for key in keys:
            rows.append(row)
            cols.append(vocabulary.setdefault(key, len(vocabulary)))
    if not rows:
        return
    n = len(key_sets)
    ones = np.ones(len(rows), dtype=np.int32)
    incidence = sparse.csr_matrix((ones, (rows, cols)), shape=(n, len(vocabulary)))
    transposed = incidence.T.tocsc()
    threshold = max(1, min_shared)
    sizes = np.fromiter((len(keys) for keys in key_sets), dtype=np.int64, count=n)
    for first in range(0, n, row_block):
        block = (incidence[first : first + row_block] @ transposed).tocoo()
        i = block.row.astype(np.int64) + first
        j = block.col.astype(np.int64)
        keep = (j > i) & (block.data >= threshold)
        if min_jaccard > 0.0:
            union = sizes[i] + sizes[j] - block.data
            keep &= block.data / union >= min_jaccard
        i, j, counts = i[keep], j[keep], block.data[keep]
        order = np.lexsort((j, i))
        yield from zip(i[order].tolist(), j[order].tolist(), counts[order].tolist(), strict=True)
