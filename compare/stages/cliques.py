"""Groups from candidate pairs: connected components, cut at a rising bar when too large, then maximal cliques.

Plain components would chain A≈B≈C into one group where A and C have nothing in common; a partitioning
clustering could not put one sentence that reports two facts into two groups. Cliques do neither.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..infra.disjoint import DisjointSets

if TYPE_CHECKING:
    import numpy as np

_MAX_DENSE = 1500  # larger components are split by raising the bar before clustering


def clusters_of(
    n: int, vecs: np.ndarray, docs: np.ndarray, threshold: float, edges: dict[tuple[int, int], float]
) -> list[list[int]]:
    """The groups (row indices) the candidate ``edges`` between ``n`` rows make."""
    clusters: list[list[int]] = []
    for component in _components(n, edges):
        clusters.extend(_split(component, vecs, docs, threshold, edges))
    return clusters


def _components(n: int, edges: dict[tuple[int, int], float]) -> list[list[int]]:
    # Statements without edges form no group; members listed in statement order.
    sets = DisjointSets(sorted({x for edge in edges for x in edge}))
    for i, j in edges:
        sets.union(i, j)
    return sets.groups()


def _split(
    component: list[int], vecs: np.ndarray, docs: np.ndarray, threshold: float, edges: dict[tuple[int, int], float]
) -> list[list[int]]:
    """The groups of one component; oversized components are first cut at a higher bar."""
    while len(component) > _MAX_DENSE:
        # Raise the bar until the component falls apart; each part is then split on its own at that bar. A
        # component no bar cuts (one sentence printed everywhere) is clustered whole.
        bar = threshold + 0.02
        inside = set(component)
        stricter = {e: s for e, s in edges.items() if e[0] in inside and s >= bar}
        parts = [p for p in _components(len(vecs), stricter) if len(p) > 1]
        if not parts:
            break
        if len(parts) != 1 or len(parts[0]) != len(component):
            return [c for part in parts for c in _split(part, vecs, docs, bar, stricter)]
        threshold, edges = bar, stricter
    return _cliques(component, vecs, docs, threshold, edges)


def _cliques(
    members: list[int], vecs: np.ndarray, docs: np.ndarray, threshold: float, edges: dict[tuple[int, int], float]
) -> list[list[int]]:
    """Maximal sets whose members all match each other, spanning two or more documents.

    Two statements of one document belong together only if they are near-duplicates
    (an article repeating its lede). Groups may overlap: a sentence that reports
    two facts matches different sentences elsewhere for each.
    """
    if len(members) == 2:
        return [members]
    sims = vecs[members] @ vecs[members].T
    index = {m: n for n, m in enumerate(members)}
    adjacent: dict[int, set[int]] = {m: set() for m in members}
    for a in members:
        for b in members:
            if a < b and ((a, b) in edges or (docs[a] == docs[b] and sims[index[a], index[b]] >= threshold)):
                adjacent[a].add(b)
                adjacent[b].add(a)
    found: list[list[int]] = []

    def expand(clique: set[int], candidates: set[int], excluded: set[int]) -> None:
        # Bron–Kerbosch with pivoting: components are small and sparse (bounded neighbours).
        if not candidates and not excluded:
            if len({docs[m] for m in clique}) > 1:
                found.append(sorted(clique))
            return
        pivot = max(candidates | excluded, key=lambda v: len(adjacent[v] & candidates))
        for v in list(candidates - adjacent[pivot]):
            expand(clique | {v}, candidates & adjacent[v], excluded & adjacent[v])
            candidates = candidates - {v}
            excluded = excluded | {v}

    expand(set(), set(members), set())
    return found
