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

import re
from collections import Counter, defaultdict

from ..infra.disjoint import DisjointSets
from ..model import Corpus

#: Share of the shorter document's word 5-grams found in the other that makes the two copies.
COPY_SHARE = 0.3
_N = 5
_MIN_SHINGLES = 20  # a document of a sentence or two shares a quotation, not a story
_COMMON = 50  # a 5-gram in this many distinct texts is page furniture or a stock phrase: it links nothing
_WORD = re.compile(r"\w+")


def _shingles(words: list[str]) -> set[int]:
    # Hashes, not tuples: a thousand articles hold about a million 5-grams, and only equality is asked of them.
    return {hash(tuple(words[i : i + _N])) for i in range(len(words) - _N + 1)}


def families(corpus: Corpus) -> dict[str, str]:
    """Every document id → the id of its family's origin (its own id where it copies nothing)."""
    words: dict[str, list[str]] = defaultdict(list)
    for statement in corpus.statements:
        words[statement.doc] += _WORD.findall(statement.text.casefold())
    sets: DisjointSets[str] = DisjointSets()
    # Word-for-word copies first, by their whole text: fifty copies of one story would otherwise make every
    # one of its 5-grams look like page furniture shared by too many documents to link any.
    first_with: dict[tuple[str, ...], str] = {}
    for doc, text in words.items():
        sets.union(doc, first_with.setdefault(tuple(text), doc))
    shingles = {doc: _shingles(words[doc]) for doc in first_with.values()}
    holders: dict[int, list[str]] = defaultdict(list)
    for doc, grams in shingles.items():
        if len(grams) >= _MIN_SHINGLES:
            for shingle in grams:
                holders[shingle].append(doc)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in holders.values():
        if 1 < len(docs) <= _COMMON:
            for n, a in enumerate(docs):
                for b in docs[n + 1 :]:
                    shared[(a, b) if a < b else (b, a)] += 1
    for (a, b), count in shared.items():
        if count >= COPY_SHARE * min(len(shingles[a]), len(shingles[b])):
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
