"""SpanIndex answers range questions exactly like a scan of every item."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.spanindex import SpanIndex

SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 15)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(spans=SPANS, query=st.tuples(st.integers(0, 80), st.integers(1, 30)))
def test_matches_a_linear_scan(spans: list[tuple[int, int]], query: tuple[int, int]) -> None:
    start, end = query[0], query[0] + query[1]
    items = [(a, b, k) for k, (a, b) in enumerate(spans)]
    index = SpanIndex(items)
    by_start = sorted(items, key=lambda item: item[0])
    assert index.within(start, end) == [k for a, b, k in by_start if start <= a and b <= end]
    assert index.overlapping(start, end) == [k for a, b, k in by_start if a < end and start < b]
    assert list(index) == [k for _, _, k in by_start]
    assert len(index) == len(spans)


def test_mentions_inside_a_sentence() -> None:
    text = "Judge Anna Berg fined Tomas Varga. Varga appealed."
    index = SpanIndex([(6, 15, "berg"), (22, 33, "varga"), (35, 40, "varga")])
    assert index.within(0, text.index(".") + 1) == ["berg", "varga"]
    assert index.overlapping(30, 36) == ["varga", "varga"]
    assert SpanIndex[str](()).overlapping(0, 10) == []
