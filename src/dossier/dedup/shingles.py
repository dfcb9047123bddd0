"""Word shingles and MinHash signatures (datasketch), shared by both dedup passes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from datasketch import MinHash

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def shingles(text: str, n: int) -> frozenset[str]:
    tokens = words(text)
    if len(tokens) < n:
        return frozenset([" ".join(tokens)]) if tokens else frozenset()
    return frozenset(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def signatures(sets: Sequence[frozenset[str]], num_perm: int) -> list[MinHash]:
    """MinHash signatures sharing one permutation set (built once)."""
    if not sets:
        return []
    encoded = [[s.encode("utf-8") for s in items] for items in sets]
    return list(MinHash.bulk(encoded, num_perm=num_perm))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of ``a`` found in ``b``."""
    if not a:
        return 0.0
    return len(a & b) / len(a)
