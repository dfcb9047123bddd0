"""Word shingles and MinHash signatures, shared by both dedup passes.

Shingles are hashed to 32-bit integers (stable across runs: CRC-32 of each
word, folded over the n-gram) and MinHash signatures are computed with numpy
in one vectorised step, then wrapped as datasketch ``LeanMinHash`` objects for
``MinHashLSH``. Candidate pairs are always verified on the exact shingle sets.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np
from datasketch import LeanMinHash

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MASK32 = np.uint64(0xFFFFFFFF)
_MERSENNE = np.uint64((1 << 61) - 1)
_FOLD = np.uint64(1_000_003)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def shingles(text: str, n: int) -> frozenset[int]:
    """Hashed word n-grams of ``text`` (a text shorter than n words is one shingle)."""
    tokens = words(text)
    if not tokens:
        return frozenset()
    hashes = np.fromiter(
        (zlib.crc32(t.encode("utf-8")) for t in tokens), dtype=np.uint64, count=len(tokens)
    )
    width = min(n, len(tokens))
    count = len(tokens) - width + 1
    folded = np.zeros(count, dtype=np.uint64)
    for k in range(width):
        folded = ((folded * _FOLD) ^ hashes[k : k + count]) & _MASK32
    return frozenset(folded.tolist())


def signatures(sets: Sequence[frozenset[int]], num_perm: int, seed: int = 1) -> list[LeanMinHash]:
    """MinHash signatures (one permutation family for the whole call)."""
    rng = np.random.RandomState(seed)
    a = rng.randint(1, 1 << 31, size=num_perm, dtype=np.int64).astype(np.uint64)[:, None]
    b = rng.randint(0, 1 << 31, size=num_perm, dtype=np.int64).astype(np.uint64)[:, None]
    out = []
    empty = np.full(num_perm, 0xFFFFFFFF, dtype=np.uint64)
    for items in sets:
        if items:
            values = np.fromiter(items, dtype=np.uint64, count=len(items))[None, :]
            signature = (((a * values + b) % _MERSENNE) & _MASK32).min(axis=1)
        else:
            signature = empty
        out.append(LeanMinHash(seed=seed, hashvalues=signature, scheme="affine32"))
    return out


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
