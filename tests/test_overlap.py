"""The sparse self-join agrees with comparing every pair by hand."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.overlap import shared_key_counts

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
