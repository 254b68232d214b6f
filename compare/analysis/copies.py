"""Which documents are copies of one another: one wire story republished by many sites.

Wire copy is the normal case in news, not an edge case: ten sites printing one agency's
story are one origin, not ten sources that agree. Two documents are taken for copies
when a large share of the shorter one's word 5-grams (case and punctuation folded)
occur in the other. Light edits (a spelling, a dateline, a number changed, a
paragraph cut) leave most 5-grams intact, so an edited copy stays in its family and
the detectors still compare its changed values; a synonym-spun rewrite does not, and
is an independent wording. On the development corpora copies share 34–92 % of their
5-grams and independent articles of one story at most 17 %. Families are closed
under "is a copy of"; each has an origin, its earliest-dated member (else the first
in corpus order).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from ..infra.disjoint import DisjointSets
from ..model import Corpus, Statement

if TYPE_CHECKING:
    import numpy as np

#: Share of the shorter document's word 5-grams found in the other that makes the two copies.
COPY_SHARE = 0.3
_N = 5
_MIN_SHINGLES = 20  # a document of a sentence or two shares a quotation, not a story
_COMMON = 50  # a 5-gram in this many distinct texts is page furniture or a stock phrase: it links nothing
_WORD = re.compile(r"\w+")
_SLICE = 1 << 20  # (pair, 5-gram)s counted at once


#: One document's words as the copy test reads them, worked out with the rest of its analysis and kept in the
#: analysis memo (compare/stages/per_article.py): a digest of the whole sequence of words (word-for-word copies
#: have the same), and its distinct 5-grams as 64-bit hashes (int64 bytes), stable across processes as Python's
#: ``hash`` is not. "" for a document without statements, which takes no part.
Shingles = tuple[str, bytes]


def document_shingles(statements: Sequence[Statement]) -> Shingles:
    """The copy test's reading of one document's statements (in document order)."""
    import numpy as np

    if not statements:
        return "", b""
    words = [w for statement in statements for w in _WORD.findall(statement.text.casefold())]
    joined = ["\x1f".join(words[i : i + _N]).encode("utf-8", "surrogatepass") for i in range(len(words) - _N + 1)]
    grams = {int.from_bytes(hashlib.blake2b(g, digest_size=8).digest(), "little", signed=True) for g in joined}
    whole = hashlib.sha256("\x1f".join(words).encode("utf-8", "surrogatepass")).hexdigest()
    return whole, np.fromiter(sorted(grams), np.int64, len(grams)).tobytes()


def kept_shingles(corpus: Corpus) -> dict[str, Shingles]:
    """Every document's :func:`document_shingles` with statements: those the pipeline kept, else read here."""
    kept = corpus.shingles or {}
    if all(d.id in kept for d in corpus.documents):
        return {d.id: kept[d.id] for d in corpus.documents if kept[d.id][0]}
    return {document.id: document_shingles(own) for document, own in corpus.by_document() if own}


def families(corpus: Corpus) -> dict[str, str]:
    """Every document id → the id of its family's origin (its own id where it copies nothing)."""
    kept = kept_shingles(corpus)
    sets: DisjointSets[str] = DisjointSets()
    # Word-for-word copies first, by their whole text: fifty copies of one story would otherwise make every
    # one of its 5-grams look like page furniture shared by too many documents to link any.
    first_with: dict[str, str] = {}
    for doc in _in_statement_order(corpus, kept):
        sets.union(doc, first_with.setdefault(kept[doc][0], doc))
    shingles = {doc: _grams(kept[doc]) for doc in first_with.values()}
    for a, b in _copied_pairs(shingles):
        sets.union(a, b)
    order = {d.id: n for n, d in enumerate(corpus.documents)}
    members: dict[str, list[str]] = defaultdict(list)
    for document in corpus.documents:
        members[sets.find(document.id)].append(document.id)
    origin_of: dict[str, str] = {}
    for family in members.values():
        origin = min(family, key=lambda d: (corpus.document(d).date or "9999", order[d]))
        origin_of.update({d: origin for d in family})
    return origin_of


def sharing_pairs(corpus: Corpus, documents: set[str], share: float) -> list[tuple[str, str]]:
    """The pairs of ``documents`` that share ``share`` of the smaller one's 5-grams, as :func:`families` counts
    them: candidates for a closer look than a copy needs (a spun copy keeps fewer than :data:`COPY_SHARE`)."""
    kept = kept_shingles(corpus)
    return _copied_pairs({d: _grams(kept[d]) for d in _in_statement_order(corpus, kept) if d in documents}, share)


def _in_statement_order(corpus: Corpus, kept: dict[str, Shingles]) -> list[str]:
    """The documents of ``kept`` in the order their first statements come (the order of the corpus's statements)."""
    return list(dict.fromkeys(s.doc for s in corpus.statements if s.doc in kept))


def _grams(kept: Shingles) -> np.ndarray:
    import numpy as np

    return np.frombuffer(kept[1], dtype=np.int64)


def _copied_pairs(shingles: Mapping[str, Collection[int]], share: float = COPY_SHARE) -> list[tuple[str, str]]:
    """The pairs of documents (of at least :data:`_MIN_SHINGLES` 5-grams) that share ``share`` of the
    smaller one's 5-grams, counting only 5-grams that at most :data:`_COMMON` of them hold.

    In arrays rather than a dict of each 5-gram's holders and a counter of pairs: a thousand articles hold
    270,000 5-grams and share 420,000 (pair, 5-gram)s, 0.7 s in dicts and 0.1 s sorted.
    """
    import numpy as np

    docs = sorted(d for d, grams in shingles.items() if len(grams) >= _MIN_SHINGLES)
    if len(docs) < 2:
        return []
    sizes = np.array([len(shingles[d]) for d in docs], dtype=np.int64)
    # Each document's distinct 5-grams: a set, or the sorted array a kept value holds.
    hashes = np.concatenate(
        [g if isinstance(g, np.ndarray) else np.fromiter(g, np.int64, len(g)) for g in (shingles[d] for d in docs)]
    )
    # Sorted by 5-gram, a 5-gram's holders in document order (a stable sort of arrays built document by
    # document), so each pair comes out as (smaller, larger) document number.
    order = np.argsort(hashes, kind="stable")
    hashes, owners = hashes[order], np.repeat(np.arange(len(docs)), sizes)[order]
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    lengths = np.diff(np.r_[starts, len(hashes)])
    # The (pair, 5-gram)s counted a slice at a time and merged into the sum so far (all at once, a 10,000-article
    # corpus's took hundreds of MB for a moment); slices wait until they hold as many codes as the sum so far, so
    # that each code is merged a few times only.
    codes, counts = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    waiting: list[tuple[np.ndarray, np.ndarray]] = []
    for length in np.unique(lengths[(lengths > 1) & (lengths <= _COMMON)]).tolist():
        i, j = np.triu_indices(length, 1)
        runs = starts[lengths == length]
        step = max(1, _SLICE // len(i))
        for begin in range(0, len(runs), step):
            at = runs[begin : begin + step, None]
            waiting.append(np.unique(owners[at + i].ravel() * len(docs) + owners[at + j].ravel(), return_counts=True))
            if sum(len(w[0]) for w in waiting) >= max(len(codes), _SLICE):
                codes, counts = _summed([(codes, counts), *waiting])
                waiting = []
    codes, counts = _summed([(codes, counts), *waiting])
    if not len(codes):
        return []
    a, b = np.divmod(codes, len(docs))
    copied = counts >= share * np.minimum(sizes[a], sizes[b])
    return [(docs[x], docs[y]) for x, y in zip(a[copied].tolist(), b[copied].tolist())]


def _summed(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Each distinct code of ``parts`` (codes, their counts) once, in order, with the sum of its counts."""
    import numpy as np

    parts = [part for part in parts if len(part[0])]
    if len(parts) < 2:  # one slice's counts are distinct and in order already
        return parts[0] if parts else (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    codes, counts = np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
    order = np.argsort(codes, kind="stable")
    codes, counts = codes[order], counts[order]
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    return codes[starts], np.add.reduceat(counts, starts)
