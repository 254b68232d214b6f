"""Each component's groups kept between runs (compare/stages/cliques.py): what the key holds, and that groups
served from the memo are the groups worked out without it."""

from __future__ import annotations

import numpy as np
import pytest

from compare.infra.memo import AnalysisMemo
from compare.stages import cliques
from compare.stages.cliques import clusters_of


def _corpus(seed: int = 0):
    """Rows of 12 documents about 20 stories, each story told by a few of them, with noise: components of 2 to
    about 12 rows, some with two rows of one document."""
    rng = np.random.default_rng(seed)
    stories = rng.normal(size=(20, 16))
    rows, docs = [], []
    for story in range(20):
        for doc in rng.choice(12, size=int(rng.integers(2, 7)), replace=True):
            rows.append(stories[story] + rng.normal(scale=0.35, size=16))
            docs.append(int(doc))
    vecs = np.array(rows, dtype=np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    sims = vecs @ vecs.T
    docs_a = np.array(docs, dtype=np.int64)
    edges = {
        (i, j): float(sims[i, j])
        for i in range(len(vecs))
        for j in range(i + 1, len(vecs))
        if docs_a[i] != docs_a[j] and sims[i, j] >= 0.6
    }
    return vecs, docs_a, edges


def _run(memo, vecs, docs, edges, threshold=0.6):
    return sorted(sorted(c) for c in clusters_of(len(vecs), vecs, docs, threshold, edges, memo))


def _counting(monkeypatch):
    """The sizes of the components whose cliques are worked out (not served from the memo)."""
    calls = []
    find = cliques._cliques

    def counted(members, *args):
        calls.append(len(members))
        return find(members, *args)

    monkeypatch.setattr(cliques, "_cliques", counted)
    return calls


def test_kept_groups_are_the_groups_and_are_not_worked_out_again(tmp_path, monkeypatch):
    vecs, docs, edges = _corpus()
    fresh = _run(None, vecs, docs, edges)
    assert any(len(c) > 2 for c in fresh)
    memo = AnalysisMemo(tmp_path)
    calls = _counting(monkeypatch)
    assert _run(memo, vecs, docs, edges) == fresh
    assert any(n > 2 for n in calls)
    calls.clear()
    assert _run(memo, vecs, docs, edges) == fresh
    assert all(n == 2 for n in calls)  # pairs are not kept; every larger component came from the memo


def test_a_component_keyed_by_its_own_rows_survives_rows_added_elsewhere(tmp_path, monkeypatch):
    vecs, docs, edges = _corpus()
    memo = AnalysisMemo(tmp_path)
    _run(memo, vecs, docs, edges)
    # Three rows of a new document in front: every row number moves by three, no component changes.
    extra = np.eye(3, vecs.shape[1], dtype=np.float32)[::-1]
    moved_vecs = np.vstack([extra, vecs])
    moved_docs = np.concatenate([np.array([99, 99, 99]), docs])
    moved_edges = {(i + 3, j + 3): s for (i, j), s in edges.items()}
    calls = _counting(monkeypatch)
    moved = _run(memo, moved_vecs, moved_docs, moved_edges)
    assert all(n == 2 for n in calls)
    assert moved == [[i + 3 for i in c] for c in _run(None, vecs, docs, edges)]


@pytest.mark.parametrize("change", ["vector", "edge", "document", "threshold", "version"])
def test_each_input_of_a_component_is_part_of_its_key(tmp_path, monkeypatch, change):
    vecs, docs, edges = _corpus()
    memo = AnalysisMemo(tmp_path)
    _run(memo, vecs, docs, edges)
    big = max(cliques._components(len(vecs), edges), key=len)
    row = big[0]
    threshold = 0.6
    if change == "vector":
        vecs = vecs.copy()
        vecs[row] = -vecs[row]
    elif change == "edge":
        other = next(r for r in big if docs[r] != docs[row] and (row, r) not in edges and (r, row) not in edges)
        edges = {**edges, (min(row, other), max(row, other)): 0.6}
    elif change == "document":
        docs = docs.copy()
        docs[row] = 50  # a document of its own
    elif change == "threshold":
        threshold = 0.61
    else:
        memo.version = "another"
    expected = _run(None, vecs, docs, edges, threshold)
    calls = _counting(monkeypatch)
    assert _run(memo, vecs, docs, edges, threshold) == expected
    assert len(big) in calls


def test_a_damaged_value_is_worked_out_again(tmp_path):
    vecs, docs, edges = _corpus()
    memo = AnalysisMemo(tmp_path)
    fresh = _run(memo, vecs, docs, edges)
    memo._db.execute("UPDATE results SET value = ? WHERE stage = ?", [b"[\x01\x00\x00\x00i\x63\x00\x00\x00", cliques.STAGE])
    memo._db.commit()
    assert _run(memo, vecs, docs, edges) == fresh


def test_an_oversized_component_is_cut_on_every_run_and_its_parts_are_kept(tmp_path, monkeypatch):
    vecs, docs, edges = _corpus(1)
    # Stories close to one another: one component, larger than the (lowered) limit, that a higher bar cuts.
    vecs = (vecs + 2 * vecs.mean(axis=0)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    sims = vecs @ vecs.T
    edges = {(i, j): float(sims[i, j]) for i in range(len(vecs)) for j in range(i + 1, len(vecs))
             if docs[i] != docs[j] and sims[i, j] >= 0.6}
    monkeypatch.setattr(cliques, "_MAX_DENSE", 8)
    assert max(len(c) for c in cliques._components(len(vecs), edges)) > 8
    fresh = _run(None, vecs, docs, edges)
    memo = AnalysisMemo(tmp_path)
    calls = _counting(monkeypatch)
    assert _run(memo, vecs, docs, edges) == fresh
    parts = len([n for n in calls if n > 2])
    assert parts > 1
    calls.clear()
    assert _run(memo, vecs, docs, edges) == fresh and all(n == 2 for n in calls)
    # One edge less inside one part: that part is worked out again, the others come from the memo.
    edge = max(edges, key=edges.get)
    fewer = {e: s for e, s in edges.items() if e != edge}
    expected = _run(None, vecs, docs, fewer)
    calls.clear()
    assert _run(memo, vecs, docs, fewer) == expected
    assert 0 < len([n for n in calls if n > 2]) < parts
