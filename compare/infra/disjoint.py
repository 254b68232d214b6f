"""Disjoint sets (union–find): statements into groups, facts into conflicts, names into one body."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class DisjointSets(Generic[T]):
    """Items joined pairwise into sets; ``groups()`` lists the sets in the order items were first seen."""

    def __init__(self, items: Iterable[T] = ()):
        self._parent: dict[T, T] = {}
        for item in items:
            self.find(item)

    def find(self, item: T) -> T:
        parent = self._parent
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]  # path halving
            item = parent[item]
        return item

    def union(self, a: T, b: T) -> None:
        self._parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[T]]:
        members: dict[T, list[T]] = {}
        for item in list(self._parent):
            members.setdefault(self.find(item), []).append(item)
        return list(members.values())
