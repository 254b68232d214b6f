"""Pairs the embedding ranks too low that share the story's rarer words: a second, independent opinion.

Two reports of one fact written by different people often score 0.45–0.62 on all-MiniLM-L6-v2 and are not
each other's nearest (every sentence of a story shares its vocabulary), yet they share the words that single
the fact out: "pre-trial", "May 22"; "Kalandarishvili", "black paint"; "Pazarcik", "4:17". Each statement's
words are weighed by their rarity in the corpus (inverse document frequency over its statements), and a
pair of the neighbour search's lists that the cosine bars dropped is kept where the weighted overlap of its
words (a tf-idf cosine) is high and its cosine still says "same topic". Only pairs already among a
statement's nearest are read: no search beyond the one :mod:`compare.stages.align` does.
Measured on the development corpora (docs/alignment.md).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence, Set
from itertools import chain
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

#: The least cosine of a pair confirmed by its words: below it, a shared rare word is often another fact's.
FLOOR = 0.45
#: The least tf-idf cosine of the two statements' words (each word once, weighed by its rarity).
SHARE = 0.30
#: How many of a statement's nearest, by cosine, are read for a partner: further down, the story's names abound.
RANK = 2
#: Further down each other's lists (each among the other's NEIGHBOURS, both ways): a pair close in itself (the
#: aligner's SURE) that the margin dropped because its statements' neighbourhoods are all one topic ("reached an
#: agreement, but Vucic does not want to sign" and "Vucic did not want to sign the agreement that was reached"),
#: kept where its words overlap by this much more (measured: docs/alignment.md).
FAR_FLOOR, FAR_SHARE = 0.70, 0.35
#: Words each statement needs, and words the two must share: a short line (a byline, "Spread the love", a
#: date line) scores high on one shared word, and one word is a topic, not a fact.
MIN_WORDS, MIN_SHARED = 6, 2
#: Letters a word is cut to: "earthquakes" and "earthquake", "Tbilisi's" and "Tbilisi" are one word.
_STEM = 6
_WORD = re.compile(r"[^\W\d_]{3,}|\d+")  # words of three letters or more, and figures
#: A page's date stamp before its first sentence ("date 2024-03-23 …"): the page's, not the statement's words.
_STAMP = re.compile(r"(?:[a-z]+ )?\d{4}-\d{2}(?:-\d{2})?\s+")


def words(text: str) -> set[str]:
    """A statement's words, folded (case, accents) and cut; not its page's stamp."""
    stamp = _STAMP.match(text)
    folded = (text[stamp.end() :] if stamp else text).casefold()
    if not folded.isascii():
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return {w[:_STEM] for w in _WORD.findall(folded)}


def worded_pairs(
    texts: Sequence[str],
    top: np.ndarray,
    scores: np.ndarray,
    docs: np.ndarray,
    taken: dict[tuple[int, int], float],
    spaced: Sequence[str] | None = None,
) -> dict[tuple[int, int], float]:
    """Pairs (i < j) of rows of different documents, one among the other's nearest (``top``, ``scores``: the
    neighbour search), not in ``taken``, at :data:`FLOOR` or above, whose words overlap by :data:`SHARE` or more.
    ``spaced``: the :func:`words` of ``texts``, each space-joined, where they were kept."""
    import numpy as np

    # The lists' pairs at the floor or above that the cosine bars dropped, found with arrays: at 1,000 articles
    # the lists hold 180,000 entries, most of them pairs already taken.
    n = len(texts)
    # Each statement's few nearest only: further down, pairs that share the story's names abound.
    order = np.argsort(-scores, axis=1, kind="stable")
    ranked = np.take_along_axis(scores, order, axis=1)
    rows, place = np.nonzero((ranked >= FLOOR) & (np.arange(order.shape[1]) < RANK) | (ranked >= FAR_FLOOR))
    cols = order[rows, place]
    others = top[rows, cols]
    directed = rows * n + others
    keys, first = np.unique(np.minimum(rows, others) * n + np.maximum(rows, others), return_index=True)
    cosines = scores[rows, cols][first]
    # A pair found only further down than RANK needs both statements to list it, and the higher overlap.
    close = place < RANK
    near = np.isin(keys, np.minimum(rows, others)[close] * n + np.maximum(rows, others)[close])
    both = np.isin(keys, directed) & np.isin((keys % n) * n + keys // n, directed)
    keep = (docs[keys // n] != docs[keys % n]) & (near | both)
    if taken:
        keep &= ~np.isin(keys, np.fromiter((i * n + j for i, j in taken), dtype=np.int64, count=len(taken)))
    if not keep.any():
        return {}

    def bag(row: int) -> Set[str]:
        return words(texts[row]) if spaced is None else frozenset(spaced[row].split())

    # Rarity over every statement's words (each once: a statement's are a set), read one statement at a time; the
    # sets are kept only of the rows the pairs read (every statement's would take 350 MB at 10,000 articles).
    frequency = Counter(chain.from_iterable(bag(row) if spaced is None else spaced[row].split() for row in range(n)))
    bags = {row: bag(row) for row in np.unique(np.divmod(keys[keep], n)).tolist()}
    weight: dict[str, float] = {}
    norms: dict[int, float] = {}

    def weigh(word: str) -> float:
        if word not in weight:
            weight[word] = math.log(n / frequency[word]) ** 2
        return weight[word]

    def norm(row: int) -> float:
        if row not in norms:
            norms[row] = math.sqrt(sum(map(weigh, bags[row]))) or 1.0
        return norms[row]

    found = {}
    for key, cosine, close_by in zip(keys[keep].tolist(), cosines[keep].tolist(), near[keep].tolist()):
        i, j = divmod(key, n)
        if min(len(bags[i]), len(bags[j])) < MIN_WORDS:
            continue
        shared = bags[i] & bags[j]
        share = SHARE if close_by else FAR_SHARE
        if len(shared) >= MIN_SHARED and sum(map(weigh, shared)) >= share * norm(i) * norm(j):
            found[(i, j)] = cosine
    return found
