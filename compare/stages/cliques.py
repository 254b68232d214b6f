"""Groups from candidate pairs: connected components, cut at a rising bar when too large, then maximal cliques.

Plain components would chain A≈B≈C into one group where A and C have nothing in common; a partitioning
clustering could not put one sentence that reports two facts into two groups. Cliques do neither.

A component's groups depend on that component alone (its vectors, which of its rows share a document, its
edges and their scores, the bar), so they are kept between runs in the analysis memo under a hash of exactly
those: a corpus run again, or grown by one article, clusters only the components that changed.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import TYPE_CHECKING

from ..infra.disjoint import DisjointSets

if TYPE_CHECKING:
    import numpy as np

    from ..infra.memo import AnalysisMemo

_MAX_DENSE = 1500  # larger components are split by raising the bar before clustering
STAGE = "cliques"


def clusters_of(
    n: int,
    vecs: np.ndarray,
    docs: np.ndarray,
    threshold: float,
    edges: dict[tuple[int, int], float],
    memo: AnalysisMemo | None = None,
) -> list[list[int]]:
    """The groups (row indices) the candidate ``edges`` between ``n`` rows make; each component's from ``memo``
    where it holds them."""
    clusters: list[list[int]] = []
    linked = _linked(edges)
    components = _components(n, edges)
    # A pair is its own group: nothing to keep.
    keys = {
        k: _key(c, vecs, docs, threshold, edges, linked, memo.version)
        for k, c in enumerate(components)
        if memo is not None and len(c) > 2
    }
    stored = memo.get_many(STAGE, keys.values()) if memo is not None else {}
    new: dict[str, list[list[int]]] = {}
    for k, component in enumerate(components):
        key = keys.get(k)
        found = _rows_of(stored[key], component) if key in stored else None
        if found is None:
            found = _split(component, vecs, docs, threshold, edges, linked)
            if key is not None:
                place = {row: p for p, row in enumerate(component)}
                new[key] = [[place[row] for row in group] for group in found]
        clusters.extend(found)
    if memo is not None:
        memo.put_many(STAGE, new)
    return clusters


def _key(
    component: list[int],
    vecs: np.ndarray,
    docs: np.ndarray,
    threshold: float,
    edges: dict[tuple[int, int], float],
    linked: dict[int, list[int]],
    version: str,
) -> str:
    """Everything :func:`_split` reads of one component, rows numbered by their place in it (in row order, as the
    component lists them): its vectors, which rows share a document, its edges with their scores, the bar."""
    place = {row: p for p, row in enumerate(component)}
    own = sorted((place[i], place[j], edges[(i, j)]) for i in component for j in linked[i] if i < j)
    first: dict[int, int] = {}
    pattern = [first.setdefault(int(d), len(first)) for d in docs[component]]
    digest = hashlib.sha256(f"{version}|{threshold!r}|{pattern}|{own}|".encode())
    digest.update(vecs[component].tobytes())
    return digest.hexdigest()


def _rows_of(stored: list, component: list[int]) -> list[list[int]] | None:
    """Kept groups as rows of ``component``; None if they do not fit it (a damaged value)."""
    try:
        return [[component[p] for p in group] for group in stored]
    except (IndexError, TypeError):
        return None


def _linked(edges: dict[tuple[int, int], float]) -> dict[int, list[int]]:
    """Each row's partners in ``edges``: a component's edges without a scan of all of them."""
    linked: dict[int, list[int]] = defaultdict(list)
    for i, j in edges:
        linked[i].append(j)
        linked[j].append(i)
    return linked


def _components(n: int, edges: dict[tuple[int, int], float]) -> list[list[int]]:
    # Statements without edges form no group; members listed in statement order.
    sets = DisjointSets(sorted({x for edge in edges for x in edge}))
    for i, j in edges:
        sets.union(i, j)
    return sets.groups()


def _split(
    component: list[int],
    vecs: np.ndarray,
    docs: np.ndarray,
    threshold: float,
    edges: dict[tuple[int, int], float],
    linked: dict[int, list[int]],
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
        linked = _linked(stricter)
        if len(parts) != 1 or len(parts[0]) != len(component):
            return [c for part in parts for c in _split(part, vecs, docs, bar, stricter, linked)]
        threshold, edges = bar, stricter
    return _cliques(component, vecs, docs, threshold, linked)


def _cliques(
    members: list[int], vecs: np.ndarray, docs: np.ndarray, threshold: float, linked: dict[int, list[int]]
) -> list[list[int]]:
    """Maximal sets whose members all match each other, spanning two or more documents.

    Two statements of one document belong together only if they are near-duplicates
    (an article repeating its lede). Groups may overlap: a sentence that reports
    two facts matches different sentences elsewhere for each.
    """
    if len(members) == 2:
        return [members]
    import numpy as np

    sims = vecs[members] @ vecs[members].T
    inside = set(members)
    # Across documents: the candidate edges (``linked`` holds exactly the component's, both ways round).
    adjacent = {m: {b for b in linked.get(m, ()) if b in inside} for m in members}
    # Within one document: near-duplicates only (an article repeating its lede), found in one matrix operation.
    of = docs[members]
    for x, y in zip(*np.nonzero(np.triu((of[:, None] == of[None, :]) & (sims >= threshold), 1))):
        adjacent[members[x]].add(members[y])
        adjacent[members[y]].add(members[x])
    found: list[list[int]] = []
    degree = {m: len(adjacent[m]) for m in members}

    def expand(clique: set[int], candidates: set[int], excluded: set[int]) -> None:
        # Bron–Kerbosch with pivoting: components are small and sparse (bounded neighbours).
        if not candidates and not excluded:
            if len({docs[m] for m in clique}) > 1:
                found.append(sorted(clique))
            return
        # Any pivot of candidates | excluded gives every maximal clique once. Tomita's (most neighbours among the
        # candidates) costs a set intersection per vertex and call: in a long article whose statements repeat,
        # components of thousands made that quadratic. Most neighbours overall is a count per vertex.
        pivot = max(candidates | excluded, key=lambda v: degree[v])
        for v in list(candidates - adjacent[pivot]):
            expand(clique | {v}, candidates & adjacent[v], excluded & adjacent[v])
            candidates = candidates - {v}
            excluded = excluded | {v}

    expand(set(), set(members), set())
    return found
