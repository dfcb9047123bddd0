"""Word shingles and MinHash signatures, shared by both dedup passes.

Shingles are hashed to 32-bit integers (stable across runs: CRC-32 of each
word, folded over the n-gram), MinHash signatures are computed with numpy in
one vectorised step, and LSH band keys are cut from the signatures. Candidate
pairs are always verified on the exact shingle sets.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Sequence

import numpy as np

# not words of a language: a run of letters or digits in any script
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MASK32 = np.uint64(0xFFFFFFFF)
_MERSENNE = np.uint64((1 << 61) - 1)
_FOLD = np.uint64(1_000_003)
_SLICE = 1 << 15  # shingles permuted at once by signature_matrix


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


class TokenIndex:
    """One document's words, hashed once; shingles of any character span come from it."""

    def __init__(self, text: str, n: int, cache: dict[str, int]) -> None:
        starts, ends, codes = [], [], []
        for match in _WORD.finditer(text):
            token = match.group().lower()
            code = cache.get(token)
            if code is None:
                code = cache[token] = zlib.crc32(token.encode("utf-8"))
            starts.append(match.start())
            ends.append(match.end())
            codes.append(code)
        self.n = n
        self.starts = np.array(starts, dtype=np.int64)
        self.ends = np.array(ends, dtype=np.int64)
        self.hashes = np.array(codes, dtype=np.uint64)
        self.folded = _fold(self.hashes, n) if len(codes) >= n else np.zeros(0, dtype=np.uint64)

    def _range(self, start: int, end: int) -> tuple[int, int]:
        first = int(np.searchsorted(self.starts, start, side="left"))
        last = int(np.searchsorted(self.ends, end, side="right"))  # one past the last word
        return first, last

    def word_count(self, start: int, end: int) -> int:
        first, last = self._range(start, end)
        return max(0, last - first)

    def span_shingles(self, start: int, end: int) -> frozenset[int]:
        """Shingles of the words wholly inside ``[start, end)``."""
        first, last = self._range(start, end)
        count = last - first
        if count <= 0:
            return frozenset()
        if count < self.n:
            return frozenset(_fold(self.hashes[first:last], count).tolist())
        return frozenset(self.folded[first : last - self.n + 1].tolist())


def _fold(hashes: np.ndarray, width: int) -> np.ndarray:
    count = len(hashes) - width + 1
    folded = np.zeros(count, dtype=np.uint64)
    for k in range(width):
        folded = ((folded * _FOLD) ^ hashes[k : k + count]) & _MASK32
    return folded


def shingles(text: str, n: int, cache: dict[str, int] | None = None) -> frozenset[int]:
    """Hashed word n-grams of ``text`` (a text shorter than n words is one shingle).

    ``cache`` (word -> hash) may be shared by the calls of one run to skip rehashing.
    """
    tokens = words(text)
    if not tokens:
        return frozenset()
    if cache is None:
        cache = {}
    codes = []
    for token in tokens:
        code = cache.get(token)
        if code is None:
            code = cache[token] = zlib.crc32(token.encode("utf-8"))
        codes.append(code)
    hashes = np.array(codes, dtype=np.uint64)
    width = min(n, len(tokens))
    count = len(tokens) - width + 1
    folded = np.zeros(count, dtype=np.uint64)
    for k in range(width):
        folded = ((folded * _FOLD) ^ hashes[k : k + count]) & _MASK32
    return frozenset(folded.tolist())


def signature_matrix(sets: Sequence[frozenset[int]], num_perm: int, seed: int = 1) -> np.ndarray:
    """MinHash signatures, one row per set (one permutation family for the whole call)."""
    rng = np.random.RandomState(seed)
    a = rng.randint(1, 1 << 31, size=num_perm, dtype=np.int64).astype(np.uint64)[:, None]
    b = rng.randint(0, 1 << 31, size=num_perm, dtype=np.int64).astype(np.uint64)[:, None]
    out = np.full((len(sets), num_perm), 0xFFFFFFFF, dtype=np.uint64)
    for row, items in enumerate(sets):
        if not items:
            continue
        values = np.fromiter(items, dtype=np.uint64, count=len(items))
        # In slices: the permuted values of one slice take num_perm x _SLICE x 8 bytes,
        # whatever the length of the document.
        for first in range(0, len(values), _SLICE):
            part = values[None, first : first + _SLICE]
            least = (((a * part + b) % _MERSENNE) & _MASK32).min(axis=1)
            np.minimum(out[row], least, out=out[row])
    return out


def band_keys(matrix: np.ndarray, threshold: float, num_perm: int) -> np.ndarray:
    """LSH band keys, one row per signature: two sets are candidates when any column
    (band) holds the same key. Bands are chosen to balance false positives and negatives
    at ``threshold`` (the scheme of datasketch's ``MinHashLSH``, vectorised). Keys depend
    on one signature only, so keys stored for earlier documents can be looked up later."""
    bands, rows = _band_layout(threshold, num_perm)
    raw_weights = np.random.RandomState(7).randint(1, 1 << 62, size=rows, dtype=np.int64)
    weights = (raw_weights.astype(np.uint64) | np.uint64(1))[None, :]
    keys = np.zeros((matrix.shape[0], bands), dtype=np.uint64)
    for band in range(bands):
        keys[:, band] = (matrix[:, band * rows : (band + 1) * rows] * weights).sum(axis=1)
    return keys


def colliding_pairs(keys: np.ndarray, empty: np.ndarray) -> set[tuple[int, int]]:
    """Pairs (i < j) of rows sharing a key in some band (rows marked ``empty`` never)."""
    pairs: set[tuple[int, int]] = set()
    for band in range(keys.shape[1]):
        column = keys[:, band]
        order = np.argsort(column, kind="stable")
        sorted_keys = column[order]
        boundaries = np.flatnonzero(np.diff(sorted_keys)) + 1
        starts = np.concatenate(([0], boundaries))
        sizes = np.diff(np.concatenate((starts, [len(order)])))
        for first, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist(), strict=True):
            group = order[first : first + size]
            members = sorted(int(i) for i in group if not empty[i])
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    pairs.add((members[x], members[y]))
    return pairs


def candidate_pairs(
    sets: Sequence[frozenset[int]], threshold: float, num_perm: int
) -> set[tuple[int, int]]:
    """LSH banding over MinHash signatures, vectorised: pairs (i < j) likely to reach
    ``threshold`` Jaccard, without datasketch's per-item Python overhead, for the tens of
    thousands of paragraphs a large input has. Callers verify exactly."""
    if len(sets) < 2:
        return set()
    keys = band_keys(signature_matrix(sets, num_perm), threshold, num_perm)
    return colliding_pairs(keys, np.array([not s for s in sets]))


@functools.cache
def _band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) minimising the false-positive plus false-negative probability mass."""
    s = np.linspace(0.0, 1.0, 201)
    best = (float("inf"), 1, num_perm)
    for bands in range(1, num_perm + 1):
        rows = num_perm // bands
        if rows < 1:
            break
        p = 1.0 - (1.0 - s**rows) ** bands
        step = s[1] - s[0]  # rectangle rule: plenty for choosing a layout
        fp = float(np.where(s < threshold, p, 0.0).sum() * step)
        fn = float(np.where(s >= threshold, 1.0 - p, 0.0).sum() * step)
        if fp + fn < best[0]:
            best = (fp + fn, bands, rows)
    return best[1], best[2]


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of ``a`` found in ``b``."""
    if not a:
        return 0.0
    return len(a & b) / len(a)
