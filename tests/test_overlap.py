"""The sparse self-join agrees with comparing every pair by hand."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.overlap import intersection_sizes, shared_key_counts

KEYS = st.frozensets(st.sampled_from("abcdefghij"), max_size=6)


def brute_force(
    sets: list[frozenset[str]], min_shared: int, min_jaccard: float
) -> list[tuple[int, int, int]]:
    out = []
    for i in range(len(sets)):
        for j in range(i + 1, len(sets)):
            shared = len(sets[i] & sets[j])
            if shared >= max(1, min_shared) and shared / len(sets[i] | sets[j]) >= min_jaccard:
                out.append((i, j, shared))
    return out


@settings(max_examples=200, deadline=None)
@given(
    sets=st.lists(KEYS, max_size=12),
    min_shared=st.integers(0, 3),
    min_jaccard=st.sampled_from([0.0, 0.2, 0.3, 0.5, 1.0]),
    row_block=st.integers(1, 5),
)
def test_matches_brute_force(
    sets: list[frozenset[str]], min_shared: int, min_jaccard: float, row_block: int
) -> None:
    got = list(shared_key_counts(sets, min_shared, min_jaccard, row_block=row_block))
    assert got == brute_force(sets, min_shared, min_jaccard)


def test_words_shared_by_sentences() -> None:
    sentences = [
        frozenset({"court", "sentenced", "seven", "years"}),
        frozenset({"court", "jailed", "seven", "years"}),
        frozenset({"floods", "north"}),
        frozenset(),
    ]
    assert list(shared_key_counts(sentences)) == [(0, 1, 3)]
    assert list(shared_key_counts(sentences, min_shared=4)) == []
    assert list(shared_key_counts(sentences, min_jaccard=0.7)) == []


@settings(max_examples=200, deadline=None)
@given(sets=st.lists(KEYS, min_size=1, max_size=10), data=st.data())
def test_intersection_sizes_match_set_intersections(
    sets: list[frozenset[str]], data: st.DataObject
) -> None:
    index = st.integers(0, len(sets) - 1)
    pairs = data.draw(st.lists(st.tuples(index, index), max_size=15))
    i = np.array([a for a, _ in pairs], dtype=np.int64)
    j = np.array([b for _, b in pairs], dtype=np.int64)
    got = intersection_sizes(sets, i, j).tolist()
    assert got == [len(sets[a] & sets[b]) for a, b in pairs]
