"""Agglomerative clustering by the cosine of group centroids.

Two groups merge while the similarity of their documents, summed over every pair across the
groups and divided by the geometric mean of each group's own sum, stays above a threshold.
For a linear similarity this is the cosine between the groups' centroids: a long story
whose articles each cover a different day keeps a strong centroid (its people and places
recur) even where two of its articles share little, so it is not split by date; a document
that happens to resemble two stories cannot chain them as in single linkage, because the
whole groups are compared.

Merges are found with a heap over the groups that have any similarity at all (the matrix is
sparse), so 1,000 documents take well under a second.
"""

from __future__ import annotations

import heapq
import math

from scipy import sparse


def centroid_linkage(sim: sparse.csr_matrix, threshold: float) -> list[list[int]]:
    """Groups of row indexes (each sorted; groups in order of their first member)."""
    n = sim.shape[0]
    coo = sparse.triu(sim, k=1).tocoo()
    cross: list[dict[int, float]] = [{} for _ in range(n)]
    for i, j, v in zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist(), strict=True):
        if v > 0:
            cross[i][j] = cross[i].get(j, 0.0) + v
            cross[j][i] = cross[j].get(i, 0.0) + v
    within = [float(v) for v in sim.diagonal()]
    members = [[i] for i in range(n)]
    version = [0] * n
    alive = [True] * n

    def score(a: int, b: int) -> float:
        return cross[a][b] / math.sqrt(max(within[a], 1e-12) * max(within[b], 1e-12))

    heap = [(-score(a, b), a, b, 0, 0) for a in range(n) for b in cross[a] if a < b]
    heapq.heapify(heap)
    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
        if -neg < threshold:
            break
        if not (alive[a] and alive[b]) or version[a] != va or version[b] != vb:
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        _merge(a, b, cross, within, members)
        alive[b] = False
        version[a] += 1
        for other in cross[a]:
            low, high = min(a, other), max(a, other)
            heapq.heappush(heap, (-score(a, other), low, high, version[low], version[high]))
    groups = [sorted(m) for m, live in zip(members, alive, strict=True) if live]
    return sorted(groups, key=lambda g: g[0])


def _merge(
    a: int, b: int, cross: list[dict[int, float]], within: list[float], members: list[list[int]]
) -> None:
    """Fold group ``b`` into group ``a``."""
    between = cross[a].pop(b, 0.0)
    cross[b].pop(a, None)
    within[a] += within[b] + 2.0 * between
    for other, value in cross[b].items():
        cross[a][other] = cross[a].get(other, 0.0) + value
        row = cross[other]
        row.pop(b, None)
        row[a] = row.get(a, 0.0) + value
    cross[b] = {}
    members[a].extend(members[b])
    members[b] = []
