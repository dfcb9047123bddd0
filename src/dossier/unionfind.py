"""Disjoint sets (union-find with path halving), for grouping by transitive links."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

K = TypeVar("K", int, str)


class UnionFind(Generic[K]):
    """Groups of keys; the smallest key of a group is its root, so results are deterministic."""

    __slots__ = ("_parent",)

    def __init__(self, keys: Iterable[K] = ()) -> None:
        self._parent: dict[K, K] = {k: k for k in keys}

    def find(self, key: K) -> K:
        parent = self._parent
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self._parent[rb] = ra

    def groups(self) -> dict[K, list[K]]:
        """Root -> members, in the order keys were first seen."""
        out: dict[K, list[K]] = {}
        for key in list(self._parent):
            out.setdefault(self.find(key), []).append(key)
        return out
