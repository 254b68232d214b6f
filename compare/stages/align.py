"""Group statements that say the same thing in different documents (docs/alignment.md).

Independently written articles share no order and one sentence may match two, so this is not a sequence aligner:
1. **Candidates**: each statement's nearest statements in *other* documents, kept at or above the threshold if
   they stand out from the statement's usual neighbours (the ratio margin of Artetxe & Schwenk's bitext mining:
   some sentences are close to everything), or below it if each is the other's best match by far or they share
   rare words (stages/lexical.py).
2. **Components**: candidates are edges; connected statements form components.
3. **Groups**: inside each component, the maximal sets of statements that all match each other (cliques): no
   chaining of A≈B≈C where A and C have nothing in common, and a sentence with two facts can sit in two groups.
A group spans at least two documents and keeps every cross-document similarity between its members.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Group, Pair, Statement
from .across import ForeignPairs
from .anchors import anchored_pairs
from .cliques import clusters_of
from .lexical import worded_pairs

if TYPE_CHECKING:
    import numpy as np

    from ..infra.memo import AnalysisMemo

#: Cosine similarity at which two statements count as saying the same thing.
#: Chosen by measurement on the seed corpus: see docs/alignment.md and
#: ``python benchmarks/threshold.py``.
DEFAULT_THRESHOLD = 0.63
#: Minimum ratio of a pair's similarity to the mean similarity of both statements'
#: nearest cross-document neighbours; measured with the threshold (docs/alignment.md).
DEFAULT_MARGIN = 1.06
#: Cosine from which a pair needs only to beat its statements' average neighbour, not the margin; measured with
#: the real-coverage scorer (docs/alignment.md).
SURE = 0.70
SURE_RANK = 5  # …and only between statements each among the other's five nearest: a mutual match
#: Below the threshold: statements each among the other's two nearest, standing out from both neighbourhoods
#: by this ratio, down to CLOSE_FLOOR (bitext mining's mutual best match: paraphrases that share few words);
#: not in a corpus of a few dozen statements, whose neighbourhoods are all of it (measured: docs/alignment.md).
CLOSE_MARGIN, CLOSE_RANK, CLOSE_FLOOR, CLOSE_FROM = 1.13, 2, 0.55, 50
NEIGHBOURS = 8  # candidates per statement (and the neighbourhood the margin is taken over)
MIN_WORDS = 3  # "KFOR" or "The terrorists" alone carry no statement to compare
_BLOCK = 1024  # rows of the similarity matrix computed at once
_LONG_DOCUMENT = 2048  # statements from which an article is scanned against the others' rows only
#: From this many statements on, neighbours come from an HNSW index (faiss) instead of the exact scan,
#: whose cost grows with the square of the corpus: the measured crossover (docs/benchmarks.md).
INDEX_FROM = 10_000
_HNSW_LINKS, _HNSW_BUILD, _HNSW_SEARCH = 16, 80, 64  # M, efConstruction, efSearch
_EXTRA = 8  # neighbours asked of the index beyond k, to make up for those in the statement's own document


def alignable(statement: Statement) -> bool:
    return len(statement.text.split()) >= MIN_WORDS


@dataclass
class Nearest:
    """Each row's nearest rows of other documents, under keys that outlive a run: ``top[i]`` holds row indices
    (into ``keys``), ``scores[i]`` their similarities, best first, -inf where a row has fewer. Kept between runs
    (:mod:`compare.memo`) so that a corpus grown by one article searches for that article's rows only."""

    keys: list[str]
    top: np.ndarray
    scores: np.ndarray

    def to_record(self) -> tuple:
        """Plain values for the memo: keys, k, and the arrays' bytes (int32 rows, float32 scores)."""
        import numpy as np

        k = self.top.shape[1] if self.top.ndim == 2 else 0
        return (self.keys, k, self.top.astype(np.int32).tobytes(), self.scores.astype(np.float32).tobytes())

    @classmethod
    def from_record(cls, value) -> Nearest | None:
        """The search :meth:`to_record` kept, or None if there is none or it is damaged."""
        import numpy as np

        try:
            keys, k, top, scores = value
            top = np.frombuffer(top, dtype=np.int32).astype(np.int64).reshape(len(keys), k)
            scores = np.frombuffer(scores, dtype=np.float32).reshape(len(keys), k).copy()
        except (TypeError, ValueError):
            return None
        return cls(list(keys), top, scores)


def kept_search(
    statements: list[Statement], vectors: np.ndarray, keys: list[str], memo: AnalysisMemo, model: str
) -> Nearest:
    """The neighbour search, kept between runs per model: only a run's new rows are searched (update_nearest)."""
    name = f"{model}:{NEIGHBOURS}"
    nearest = search(statements, vectors, keys, Nearest.from_record(memo.get_one("nearest", name)))
    memo.put_one("nearest", name, nearest.to_record())
    return nearest


def align(
    statements: list[Statement],
    vectors: np.ndarray,
    threshold: float = DEFAULT_THRESHOLD,
    margin: float = DEFAULT_MARGIN,
    neighbours: int = NEIGHBOURS,
    nearest: Nearest | None = None,
    memo: AnalysisMemo | None = None,
    anchors: Mapping[str, set[str]] | None = None,
    foreign: ForeignPairs | None = None,
    words: Sequence[str] | None = None,  # each statement's lexical.words, space-joined, where they were kept
) -> list[Group]:
    """Groups of ``statements`` (rows of ``vectors``, unit length) from two or more documents.

    ``nearest``, if given, is the neighbour search already done for exactly these
    rows (:func:`update_nearest`); otherwise it is done here. ``memo`` keeps each
    component's groups for the next run (:mod:`compare.stages.cliques`). ``foreign``: the statements in other
    languages, whose pairs come from the multilingual model instead (:mod:`compare.stages.across`).
    """
    if len(statements) != len(vectors):
        raise ValueError("one vector per statement expected")
    usable, vecs, docs = _rows(statements, vectors)
    if len(usable) < 2:
        return []
    if nearest is not None and len(usable) != len(statements):
        raise ValueError("a precomputed neighbour search covers alignable statements only")
    found = (nearest.top, nearest.scores) if nearest is not None else nearest_cross_document(vecs, docs, neighbours)
    edges = candidate_pairs(vecs, docs, threshold, margin, neighbours, found)
    if len(usable) >= CLOSE_FROM:  # paraphrases the cosine bars drop that share the story's rarer words
        spaced = None if words is None else [words[i] for i in usable]
        edges.update(worded_pairs([statements[i].text for i in usable], *found, docs, edges, spaced))
    # A shared distinctive figure confirms a pair the neighbour search ranked too low (stages/anchors.py).
    for pair, score in anchored_pairs([statements[i] for i in usable], vecs, docs, anchors).items():
        edges.setdefault(pair, score)
    apart: set[int] = set()
    if foreign is not None:
        edges, apart = _with_foreign(edges, foreign, usable)
    clusters = clusters_of(len(usable), vecs, docs, threshold, edges, memo, apart)
    groups: list[Group] = []
    for members in sorted(clusters):
        local = sorted(members)
        ids = [statements[usable[i]].id for i in local]
        # As Python numbers: most groups hold two or three statements, where each numpy call on a tiny array
        # (a mask, its upper triangle, its indices, a scalar read) costs more than the arithmetic.
        sims = (vecs[local] @ vecs[local].T).tolist()
        of = docs[local].tolist()
        # A pair with a statement in another language keeps the multilingual model's cosine.
        pairs = [
            Pair(
                ids[a],
                ids[b],
                edges[(local[a], local[b])] if apart and {local[a], local[b]} & apart else round(sims[a][b], 4),
            )
            for a in range(len(local))  # pairs across documents, in row order
            for b in range(a + 1, len(local))
            if of[a] != of[b]
        ]
        groups.append(Group(id=f"g{len(groups) + 1}", statements=ids, pairs=pairs))
    return groups


def _with_foreign(
    edges: dict[tuple[int, int], float], foreign: ForeignPairs, usable: list[int]
) -> tuple[dict[tuple[int, int], float], set[int]]:
    """The English model's pairs less those with a foreign row, and the multilingual model's pairs, in the
    rows of ``usable``; with the foreign rows."""
    local = {row: n for n, row in enumerate(usable)}
    apart = {local[row] for row in foreign.rows if row in local}
    kept = {pair: score for pair, score in edges.items() if pair[0] not in apart and pair[1] not in apart}
    for (i, j), score in foreign.pairs.items():
        if i in local and j in local:
            kept[(min(local[i], local[j]), max(local[i], local[j]))] = score
    return kept, apart


def _rows(statements: list[Statement], vectors: np.ndarray) -> tuple[list[int], np.ndarray, np.ndarray]:
    """The alignable statements' positions, their vectors and their documents' numbers."""
    import numpy as np

    usable = [i for i, s in enumerate(statements) if alignable(s)]
    # The pipeline passes alignable statements only: then the vectors are used as they are, not copied
    # (a copy is 0.35 GB at 10,000 articles).
    vecs = np.ascontiguousarray(vectors if len(usable) == len(vectors) else vectors[usable], dtype=np.float32)
    doc_index = {d: n for n, d in enumerate(dict.fromkeys(s.doc for s in statements))}
    return usable, vecs, np.array([doc_index[statements[i].doc] for i in usable], dtype=np.int64)


def search(
    statements: list[Statement], vectors: np.ndarray, keys: list[str], previous: Nearest | None = None
) -> Nearest:
    """The neighbour search :func:`align` needs for alignable ``statements``, each known by its key in ``keys``."""
    _, vecs, docs = _rows(statements, vectors)
    return update_nearest(vecs, docs, keys, previous)


def candidate_pairs(
    vecs: np.ndarray,
    docs: np.ndarray,
    threshold: float,
    margin: float,
    neighbours: int,
    nearest: tuple[np.ndarray, np.ndarray] | None = None,
) -> dict[tuple[int, int], float]:
    """Cross-document pairs (i < j) among each row's ``neighbours`` nearest that pass threshold and margin."""
    import numpy as np

    top, scores = nearest if nearest is not None else nearest_cross_document(vecs, docs, neighbours)
    n = len(vecs)
    finite = np.isfinite(scores)
    # The mean similarity of each row's nearest cross-document neighbours: the margin's yardstick.
    neighbourhood = np.where(finite, scores, 0).sum(1) / np.maximum(finite.sum(1), 1)
    # Each neighbour's place by similarity: the search leaves a row's list in no particular order.
    places = np.argsort(np.argsort(-scores, axis=1, kind="stable"), axis=1, kind="stable")
    floor = min(threshold, CLOSE_FLOOR) if n >= CLOSE_FROM else threshold
    # The lists' entries at the floor or above, row by row: (row, neighbour) with its place and similarity. In
    # arrays, not dicts of tuples: up to 8 a statement, 1.8 million at 10,000 articles (some hundreds of MB).
    rows, cols = np.nonzero(scores >= floor)
    others, score, place = top[rows, cols], scores[rows, cols].astype(np.float64), places[rows, cols]
    directed = rows * n + others
    # A pair listed by both rows: the first listing sets its place in the order, the last its similarity.
    pairs = np.minimum(rows, others) * n + np.maximum(rows, others)
    keys, first = np.unique(pairs, return_index=True)
    last = len(pairs) - 1 - np.unique(pairs[::-1], return_index=True)[1]
    del places, rows, cols, others, pairs
    similarity, (i, j) = score[last], np.divmod(keys, n)

    def ranked(within: int) -> np.ndarray:
        """Whether each pair is among the nearest ``within`` of both its rows (each among the other's)."""
        listed = np.unique(directed[place < within])
        return np.isin(i * n + j, listed, assume_unique=True) & np.isin(j * n + i, listed, assume_unique=True)

    # A pair stands out from its statements' usual neighbours by the margin; or, if it is close in itself
    # (SURE) and each is among the other's nearest few, it needs only to be above their average: a story's
    # toll sentences are all near one another, and the margin would drop every pair of them. Below the
    # threshold, only each other's best matches that stand out by far (CLOSE_MARGIN).
    usual = (neighbourhood[i] + neighbourhood[j]) / 2
    sure = (similarity >= SURE) & ranked(SURE_RANK)
    above = similarity >= np.where(sure, min(margin, 1.0), margin) * usual
    close = (similarity >= CLOSE_MARGIN * usual) & ranked(CLOSE_RANK)
    kept = np.flatnonzero(np.where(similarity >= threshold, above, close))
    kept = kept[np.argsort(first[kept], kind="stable")]  # in the order the lists first give them
    return dict(zip(zip(i[kept].tolist(), j[kept].tolist()), similarity[kept].tolist()))


def nearest_cross_document(
    vecs: np.ndarray, docs: np.ndarray, k: int, index_from: int = INDEX_FROM
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``k`` most similar rows of other documents: (indices, similarities), -inf where there are fewer.

    Exact below the cost of a scan of ``index_from`` rows (:func:`_scan_cost`): one block of the similarity
    matrix at a time, so memory stays at ``_BLOCK`` rows whatever the corpus size. From there on, an
    HNSW index answers in about n·log n instead of n² (approximate: it finds 98.6–99.95 %
    of the exact scan's pairs above the threshold, docs/benchmarks.md).
    """
    k = max(1, min(k, len(vecs) - 1))
    if _scan_cost(docs) >= index_from**2:
        return _indexed(vecs, docs, k)
    return _exact(vecs, docs, k, range(len(vecs)))


def _scan_cost(docs: np.ndarray) -> int:
    """How many similarities the exact scan computes: every row against every row, less a long article's rows
    against its own (which it skips). One 5 MB article beside a short one is a small scan, where an index
    over its rows would return mostly its own rows, and those rows would be scanned exactly after all."""
    import numpy as np

    _, counts = np.unique(docs, return_counts=True)
    counts = counts.astype(np.int64)
    long = counts[counts >= _LONG_DOCUMENT]
    return int(len(docs) ** 2 - (long**2).sum())


def update_nearest(
    vecs: np.ndarray,
    docs: np.ndarray,
    keys: list[str],
    previous: Nearest | None,
    k: int = NEIGHBOURS,
    index_from: int = INDEX_FROM,
) -> Nearest:
    """The neighbour search for rows ``keys``, reusing ``previous`` (an earlier run's) where it still holds.

    A row kept from ``previous`` keeps its neighbours and is compared with the new
    rows only; a new row, or one whose neighbour has gone, is searched in full.
    Below ``index_from`` rows the answer is the exact search's, ties aside; above,
    kept rows keep the index's answer of the run that found them.
    """
    import numpy as np

    k = max(1, min(k, len(vecs) - 1))
    position = {key: n for n, key in enumerate(keys)}
    if previous is None or previous.top.shape[1:] != (k,) or len(position) != len(keys):
        return Nearest(keys, *nearest_cross_document(vecs, docs, k, index_from))
    old_to_new = np.array([position.get(key, -1) for key in previous.keys] + [-1], dtype=np.int64)
    kept_rows = [(n, position[key]) for n, key in enumerate(previous.keys) if key in position]
    top = np.full((len(keys), k), -1, dtype=np.int64)
    scores = np.full((len(keys), k), -np.inf, dtype=np.float32)
    redo = np.ones(len(keys), dtype=bool)
    if kept_rows:
        old, new = map(np.array, zip(*kept_rows))
        translated = old_to_new[np.where(previous.top[old] >= 0, previous.top[old], -1)]
        # A neighbour that is gone leaves a gap that only a full search of the row can fill.
        intact = ((translated >= 0) | ~np.isfinite(previous.scores[old])).all(axis=1)
        top[new[intact]] = translated[intact]
        scores[new[intact]] = previous.scores[old[intact]]
        redo[new[intact]] = False
    added = np.ones(len(keys), dtype=bool)
    added[[new for _, new in kept_rows]] = False
    redo_rows, added_rows, kept = np.flatnonzero(redo), np.flatnonzero(added), np.flatnonzero(~redo)
    if not len(redo_rows) and not len(added_rows):
        return Nearest(keys, top, scores)  # the same rows as last time
    if len(redo_rows) > len(keys) // 2:  # most of the corpus is new: a fresh search is cheaper
        return Nearest(keys, *nearest_cross_document(vecs, docs, k, index_from))
    if len(redo_rows):
        top[redo_rows], scores[redo_rows] = _exact(vecs, docs, k, redo_rows)
    for begin in range(0, len(kept), _BLOCK):  # kept rows against the added ones: merge into their lists
        rows = kept[begin : begin + _BLOCK]
        block = vecs[rows] @ vecs[added_rows].T
        block[docs[rows, None] == docs[None, added_rows]] = -np.inf
        # A list already in order that no added row beats would come out of the stable sort below as it is: only
        # the others are merged (adding one article, nearly every row is such a list).
        own = scores[rows]
        changed = ~(own[:, :-1] >= own[:, 1:]).all(axis=1) | (block.max(axis=1, initial=-np.inf) > own[:, -1])
        rows, block = rows[changed], block[changed]
        merged_top = np.concatenate([top[rows], np.broadcast_to(added_rows, block.shape)], axis=1)
        merged = np.concatenate([scores[rows], block], axis=1)
        order = np.argsort(-merged, axis=1, kind="stable")[:, :k]
        top[rows] = np.take_along_axis(merged_top, order, axis=1)
        scores[rows] = np.take_along_axis(merged, order, axis=1)
    return Nearest(keys, top, scores)


def _exact(vecs: np.ndarray, docs: np.ndarray, k: int, rows) -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    rows = np.asarray(rows, dtype=np.int64)
    top, scores = np.zeros((len(rows), k), dtype=np.int64), np.full((len(rows), k), -np.inf, dtype=np.float32)
    # A very long article's rows are scanned against the other documents' rows only: against every row, its
    # own would be most of the work (a 5 MB article is 26,000 statements, the rest of the corpus a few hundred).
    doc_ids, counts = np.unique(docs[rows], return_counts=True)
    long_docs = doc_ids[counts >= _LONG_DOCUMENT]
    in_long = np.isin(docs[rows], long_docs)
    positions = np.nonzero(~in_long)[0]
    for begin in range(0, len(positions), _BLOCK):
        at = positions[begin : begin + _BLOCK]
        chunk = rows[at]
        block = vecs[chunk] @ vecs.T
        block[docs[chunk, None] == docs[None, :]] = -np.inf  # same document: never a match
        part = np.argpartition(-block, k - 1, axis=1)[:, :k]
        top[at] = part
        scores[at] = np.take_along_axis(block, part, axis=1)
    for doc in long_docs:
        others = np.nonzero(docs != doc)[0]
        if not len(others):
            continue
        kk, own = min(k, len(others)), np.nonzero(docs[rows] == doc)[0]
        for begin in range(0, len(own), _BLOCK):
            at = own[begin : begin + _BLOCK]
            block = vecs[rows[at]] @ vecs[others].T
            part = np.argpartition(-block, kk - 1, axis=1)[:, :kk]
            top[at, :kk] = others[part]
            scores[at, :kk] = np.take_along_axis(block, part, axis=1)
    return top, scores


def _indexed(vecs: np.ndarray, docs: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    import faiss
    import numpy as np

    # The graph is built over 8-bit codes of the vectors, a quarter of their size (the index is the largest
    # thing a 10,000-article run holds), and the candidates it returns are scored again on the float vectors:
    # the same recall as over float vectors (docs/benchmarks.md), and exact similarities.
    # The stubs ask for a ScalarQuantizer; faiss itself takes its QT_ code.
    quantizer = faiss.ScalarQuantizer.QT_8bit
    index = faiss.IndexHNSWSQ(vecs.shape[1], quantizer, _HNSW_LINKS, faiss.METRIC_INNER_PRODUCT)  # type: ignore[arg-type]
    index.hnsw.efConstruction = _HNSW_BUILD
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)  # a parallel build links the graph in a different order each run
    try:
        index.train(vecs)
        index.add(vecs)
    finally:
        faiss.omp_set_num_threads(threads)
    index.hnsw.efSearch = max(_HNSW_SEARCH, k + _EXTRA)
    _, found = index.search(vecs, k + _EXTRA)  # searching is read-only: threads change nothing
    del index
    similarities = np.empty(found.shape, dtype=np.float32)
    for begin in range(0, len(vecs), _BLOCK):
        rows = slice(begin, begin + _BLOCK)
        similarities[rows] = np.einsum("ij,ikj->ik", vecs[rows], vecs[np.maximum(found[rows], 0)])
    own = (found < 0) | (docs[np.maximum(found, 0)] == docs[:, None])
    similarities = np.where(own, -np.inf, similarities)
    order = np.argsort(-similarities, axis=1, kind="stable")[:, :k]
    top = np.take_along_axis(found, order, axis=1)
    scores = np.take_along_axis(similarities, order, axis=1).astype(np.float32)
    short = np.nonzero(~np.isfinite(scores).all(axis=1))[0]  # neighbours mostly in its own document
    if len(short):
        top[short], scores[short] = _exact(vecs, docs, k, short)
    return top, scores
