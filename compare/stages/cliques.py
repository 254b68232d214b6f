"""Groups from candidate pairs: connected components, cut at a rising bar when too large, then maximal cliques.

Plain components would chain A≈B≈C into one group where A and C have nothing in common; a partitioning
clustering could not put one sentence that reports two facts into two groups. Cliques do neither.

A component's cliques depend on that component alone (its vectors, which of its rows share a document, its
edges, the bar), so they are kept between runs in the analysis memo under a hash of exactly those: a corpus
run again, or grown by one article, finds the cliques of the components that changed only. An oversized
component is cut first, on every run (a new article's rows may change where it falls apart), and each part is
kept on its own.
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
    apart: set[int] | None = None,
) -> list[list[int]]:
    """The groups (row indices) the candidate ``edges`` between ``n`` rows make; the cliques of each component
    (each part of an oversized one) from ``memo`` where it holds them. Rows in ``apart`` (statements in another
    language) are joined by their edges only: their English-model vectors say nothing of them."""
    apart = apart or set()
    linked = _linked(edges)
    parts = [part for component in _components(n, edges) for part in _split(component, threshold, edges, linked)]
    # A pair is its own group: nothing to keep.
    keys = {
        k: _key(members, vecs, docs, bar, links, f"{memo.version}|{sorted(apart.intersection(members))}")
        for k, (members, bar, links) in enumerate(parts)
        if memo is not None and len(members) > 2
    }
    stored = memo.get_many(STAGE, keys.values()) if memo is not None else {}
    new: dict[str, list[list[int]]] = {}
    clusters: list[list[int]] = []
    for k, (members, bar, links) in enumerate(parts):
        key = keys.get(k)
        found = _rows_of(stored[key], members) if key in stored else None
        if found is None:
            found = _cliques(members, vecs, docs, bar, links, apart)
            if key is not None:
                place = {row: p for p, row in enumerate(members)}
                new[key] = [[place[row] for row in group] for group in found]
        clusters.extend(found)
    if memo is not None:
        memo.put_many(STAGE, new)
    return clusters


def _key(
    members: list[int], vecs: np.ndarray, docs: np.ndarray, threshold: float, linked: dict[int, list[int]], version: str
) -> str:
    """Everything :func:`_cliques` reads of one component, rows numbered by their place in it (in row order, as
    the component lists them): its vectors, which rows share a document, its edges, the bar."""
    place = {row: p for p, row in enumerate(members)}
    own = sorted((place[i], place[j]) for i in members for j in linked.get(i, ()) if i < j and j in place)
    first: dict[int, int] = {}
    pattern = [first.setdefault(int(d), len(first)) for d in docs[members]]
    digest = hashlib.sha256(f"{version}|{threshold!r}|{pattern}|{own}|".encode())
    digest.update(vecs[members].tobytes())
    return digest.hexdigest()


def _rows_of(stored: list, members: list[int]) -> list[list[int]] | None:
    """Kept groups as rows of ``members``; None if they do not fit them (a damaged value)."""
    try:
        return [[members[p] for p in group] for group in stored]
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


#: A component to find the cliques of: its rows, the bar, its rows' partners (a superset of its edges).
Part = tuple[list[int], float, dict[int, list[int]]]


def _split(
    component: list[int], threshold: float, edges: dict[tuple[int, int], float], linked: dict[int, list[int]]
) -> list[Part]:
    """One component to cluster, or an oversized one's parts, first cut at a higher bar."""
    while len(component) > _MAX_DENSE:
        # Raise the bar until the component falls apart; each part is then split on its own at that bar. A
        # component no bar cuts (one sentence printed everywhere) is clustered whole.
        bar = threshold + 0.02
        inside = set(component)
        stricter = {e: s for e, s in edges.items() if e[0] in inside and s >= bar}
        parts = [p for p in _components(len(component), stricter) if len(p) > 1]
        if not parts:
            break
        linked = _linked(stricter)
        if len(parts) != 1 or len(parts[0]) != len(component):
            return [c for part in parts for c in _split(part, bar, stricter, linked)]
        threshold, edges = bar, stricter
    return [(component, threshold, linked)]


def _cliques(
    members: list[int],
    vecs: np.ndarray,
    docs: np.ndarray,
    threshold: float,
    linked: dict[int, list[int]],
    apart: frozenset[int] | set[int] = frozenset(),
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
        if members[x] in apart or members[y] in apart:
            continue
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
