"""Items located by character offsets, found by range in O(log n + k).

Stages often ask "which mentions / dates / events lie inside this sentence?";
scanning every item of a document for every sentence is quadratic on long
pages. A :class:`SpanIndex` sorts the items once and answers by bisection.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """``(start, end, item)`` triples sorted by start (ties keep their input order)."""

    __slots__ = ("_ends", "_items", "_longest", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int, T]]) -> None:
        ordered = sorted(spans, key=lambda span: span[0])
        self._starts = [start for start, _, _ in ordered]
        self._ends = [end for _, end, _ in ordered]
        self._items = [item for _, _, item in ordered]
        self._longest = max((end - start for start, end, _ in ordered), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def within(self, start: int, end: int) -> list[T]:
        """Items lying entirely inside ``start:end``, in text order."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [self._items[k] for k in range(lo, hi) if self._ends[k] <= end]

    def overlapping(self, start: int, end: int) -> list[T]:
        """Items sharing at least one character with ``start:end``, in text order."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [self._items[k] for k in range(lo, hi) if self._ends[k] > start]
