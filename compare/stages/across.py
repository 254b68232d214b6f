"""Statements in other languages: their candidate pairs come from the multilingual model.

all-MiniLM-L6-v2 reads English only: a Serbian, Albanian or Russian sentence gets a vector from its sub-word
pieces, near other foreign sentences that share names and far from the English sentence that reports the same
thing. So the English model's pairs are kept between English statements only, and every pair with a statement
in another language comes from multilingual-e5-small (compare/stages/embed/multilingual.py), with its own
bars: its cosines are compressed high (two sentences of one story score 0.76–0.84, a sentence and its
translation 0.83–0.93), so a pair must stand out from both statements' usual neighbours by a ratio margin, as
the English pairs must (Artetxe & Schwenk's margin, compare/stages/align.py), or be each other's nearest
partner and share evidence the embedding does not see (compare/stages/evidence.py): a figure read in each
language's notation or from a numeral, a name few statements print, spelt in any script, or a place or day the
facts stage read (docs/alignment.md). The sentence links of an original and its translation
(compare/stages/translations.py) are pairs as they are.

The model is asked for only where a statement is not in English: an English-only corpus never loads it.
Thresholds measured on the development corpora with originals (docs/translations.md).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Fact, Statement, TranslationPair
from .anchors import anchored_pairs
from .evidence import ENGLISH, Witnesses, fact_evidence
from .language import UNDETERMINED

if TYPE_CHECKING:
    import numpy as np

    from .embed import Embedder

#: The least multilingual cosine of a pair with a foreign statement, and the ratio by which it must beat the
#: mean cosine of both statements' nearest neighbours in other documents (measured: docs/translations.md).
FLOOR = 0.84
MARGIN = 1.035
#: Each other's nearest few and sharing evidence of one fact (a figure, a numeral, a date, or a name few statements
#: print): then the pair needs only this cosine and to beat the mean.
EVIDENCE_FLOOR = 0.80
MUTUAL_RANK = 3
#: One statement's best match in the other's language, the other ranking it among its NEIGHBOURS, and a figure or
#: a day in common (not a name: a speaker's name joins two things he said; not a place: the story's town in a
#: small corpus): kept under the same floor.
#: A foreign statement's best English match is often the same fact where the English statement has several
#: reports of it in that language before it (docs/alignment.md).
BEST_RANK = 1
#: A pair with a foreign statement that shares an anchor (a distinctive figure, or a count: the thing counted and
#: its figure, read in either language; compare/stages/anchors.py) needs this cosine only, whatever its rank: one
#: story's toll sentences are all near one another in this model too (measured: docs/alignment.md).
ANCHOR_FLOOR = 0.82
NEIGHBOURS = 8
#: Words (of letters) each statement of a pair needs: the model puts short strings near one another whatever
#: they say (a section heading, a byline, a timestamp line, "Read more HERE" all score 0.85–0.90 with each
#: other across languages), where the English model leaves them apart.
MIN_WORDS = 6
#: Words a statement needs where the pair shares evidence of one fact (compare/stages/evidence.py): "Бориловић
#: рођен 21.11.1988. године на Цетињу" (five) and "born on November 21, 1988"; "Шестеро нападавших были
#: ликвидированы" (four) and "Убиты шесть нападавших". A timestamp line or a byline has fewer (docs/alignment.md).
SHORT_WORDS = 4
_WORDS = re.compile(r"[^\W\d_]{2,}")
_BLOCK = 512  # foreign rows scored against the corpus at once


@dataclass
class ForeignPairs:
    """What :func:`~compare.stages.align.align` takes from the multilingual model: the rows (positions in the
    statements it aligns) whose English-model pairs do not count, and the pairs that replace them."""

    rows: set[int] = field(default_factory=set)
    pairs: dict[tuple[int, int], float] = field(default_factory=dict)


def _language(statement_language: str, document_language: str) -> str:
    """A statement's own language, else (too short to tell) its document's."""
    return statement_language if statement_language != UNDETERMINED else document_language


def _neighbourhood(statement_language: str, document_language: str, written: set[str]) -> str:
    """The language whose statements make a foreign statement's usual neighbours: its own, unless no article of
    the corpus is written in it and its article is in another foreign language (a short Russian sentence read as
    Macedonian): one stray statement would be a language of its own, with itself as its only neighbour, and any
    pair with it would stand out from that "neighbourhood" by nothing (docs/alignment.md)."""
    own = _language(statement_language, document_language)
    if own not in written and document_language not in (ENGLISH, UNDETERMINED):
        return document_language
    return own


def is_foreign(statement_language: str, document_language: str) -> bool:
    """Whether a statement is in a language other than English."""
    return _language(statement_language, document_language) not in (ENGLISH, UNDETERMINED)


def foreign_pairs(
    statements: Sequence[Statement],
    document_languages: Mapping[str, str],
    model: Callable[[], Embedder],
    translations: Iterable[TranslationPair] = (),
    anchors: Mapping[str, set[str]] | None = None,
    facts: Iterable[Fact] = (),
) -> ForeignPairs | None:
    """The pairs of ``statements`` (alignable, in the order the aligner gets them) with a foreign statement;
    None where every statement is English (and the model is never made).

    The model is made only where an article is in another language. A passage left untranslated inside an
    English article (an artefact, compare/detect/untranslated.py) loses its English-model pairs and gets no
    others: encoding a whole English corpus with the slower model for one stray quote would cost minutes.
    ``anchors``: each statement's counts (:func:`~compare.stages.anchors.fact_anchors`), shared evidence beside
    the figures it prints; ``facts``: the corpus's, whose places, days and counts are evidence too
    (:func:`~compare.stages.evidence.fact_evidence`).
    """
    rows = {n for n, s in enumerate(statements) if is_foreign(s.language, document_languages.get(s.doc, ENGLISH))}
    if not rows:
        return None
    if not any(document_languages.get(statements[n].doc, ENGLISH) not in (ENGLISH, UNDETERMINED) for n in rows):
        return ForeignPairs(rows, {})
    import numpy as np

    embedder = model()
    vectors = embedder.encode([s.text for s in statements])
    embedder.release()
    position = {s.id: n for n, s in enumerate(statements)}
    doc_index = {d: n for n, d in enumerate(dict.fromkeys(s.doc for s in statements))}
    docs = np.array([doc_index[s.doc] for s in statements], dtype=np.int64)
    written = set(document_languages.values())
    languages = [
        _neighbourhood(s.language, document_languages.get(s.doc, ENGLISH), written) if n in rows else ENGLISH
        for n, s in enumerate(statements)
    ]
    vectors = np.asarray(vectors, dtype=np.float32)
    pairs = scored_pairs(statements, vectors, docs, rows, languages, anchors, fact_evidence(facts))
    words = [len(_WORDS.findall(s.text)) for s in statements]
    floors = (ANCHOR_FLOOR, ANCHOR_FLOOR)
    for (i, j), score in anchored_pairs(statements, vectors, docs, anchors, floors).items():
        if (i in rows or j in rows) and min(words[i], words[j]) >= MIN_WORDS:
            pairs.setdefault((i, j), round(score, 4))
    for translation in translations:  # an original's sentence and its translation: a pair as the links say
        for link in translation.links:
            if link.original in position and link.translation in position:
                i, j = sorted((position[link.original], position[link.translation]))
                pairs[(i, j)] = max(pairs.get((i, j), 0.0), link.score)
    return ForeignPairs(rows, pairs)


def scored_pairs(
    statements: Sequence[Statement],
    vectors: np.ndarray,
    docs: np.ndarray,
    rows: set[int],
    languages: Sequence[str],
    anchors: Mapping[str, set[str]] | None = None,
    facts: Mapping[str, set[str]] | None = None,
) -> dict[tuple[int, int], float]:
    """Pairs (i < j) of different documents with at least one row in ``rows`` that pass the bars above.

    A statement's usual neighbours are taken in the other statement's language (``languages``, one per row):
    the model scores two sentences of one language higher than a sentence and its translation (a Serbian
    flood headline and a Serbian fire headline 0.88), so one yardstick for all languages would let
    same-language pairs through. Only the foreign rows are scored against the corpus, a block at a time:
    English statements against each other are the English model's pairs. ``anchors`` and ``facts``: the evidence
    each statement gives beside its words (:class:`~compare.stages.evidence.Witnesses`).
    """

    nearest = _Nearest(vectors, docs, sorted(rows), languages)
    witnesses = Witnesses(statements, anchors, facts)
    found: dict[tuple[int, int], float] = {}
    words = [len(_WORDS.findall(s.text)) for s in statements]
    for a, b in sorted(nearest.candidates()):
        fewest = min(words[a], words[b])
        if fewest < SHORT_WORDS or (fewest < MIN_WORDS and not witnesses.meet(a, b)):
            continue
        score = float(vectors[a] @ vectors[b])
        usual = (nearest.usual(a, languages[b]) + nearest.usual(b, languages[a])) / 2
        ranks = sorted((nearest.rank(a, b), nearest.rank(b, a)))
        if (score >= FLOOR and score >= MARGIN * usual) or (
            score >= EVIDENCE_FLOOR
            and score >= usual
            and (
                (ranks[1] < MUTUAL_RANK and witnesses.meet(a, b))
                or (ranks[0] < BEST_RANK and ranks[1] < NEIGHBOURS and witnesses.meet_on_figure(a, b))
            )
        ):
            found[(a, b)] = round(score, 4)
    return found


class _Nearest:
    """Each row's nearest rows of other documents, per language, for the rows that a foreign row can pair
    with: a foreign row's in every language (its row of the similarity block), an English row's among each
    foreign language's rows (its column)."""

    def __init__(self, vectors: np.ndarray, docs: np.ndarray, foreign: list[int], languages: Sequence[str]) -> None:
        import numpy as np

        self.languages = languages
        columns = {key: np.array([n for n, k in enumerate(languages) if k == key]) for key in set(languages)}
        foreign_keys = sorted({languages[n] for n in foreign})
        self.row: dict[int, dict[str, tuple[list[int], list[float]]]] = {}
        column_top = {key: np.full((NEIGHBOURS, len(vectors)), -1, dtype=np.int64) for key in foreign_keys}
        column_score = {key: np.full((NEIGHBOURS, len(vectors)), -np.inf, dtype=np.float32) for key in foreign_keys}
        for begin in range(0, len(foreign), _BLOCK):
            block = np.array(foreign[begin : begin + _BLOCK], dtype=np.int64)
            similarity = vectors[block] @ vectors.T
            similarity[docs[block, None] == docs[None, :]] = -np.inf  # one document: never a pair
            for key, cols in columns.items():
                k = min(NEIGHBOURS, len(cols))
                sub = similarity[:, cols]
                part = np.argpartition(-sub, k - 1, axis=1)[:, :k]
                scores = np.take_along_axis(sub, part, axis=1)
                order = np.argsort(-scores, axis=1, kind="stable")
                for n, row in enumerate(block.tolist()):
                    self.row.setdefault(row, {})[key] = (
                        cols[part[n, order[n]]].tolist(),
                        scores[n, order[n]].tolist(),
                    )
            for key in foreign_keys:
                mine = np.array([languages[n] == key for n in block.tolist()])
                if not mine.any():
                    continue
                merged_top = np.concatenate(
                    [column_top[key], np.broadcast_to(block[mine, None], (mine.sum(), len(vectors)))]
                )
                merged = np.concatenate([column_score[key], similarity[mine]])
                order = np.argsort(-merged, axis=0, kind="stable")[:NEIGHBOURS]
                column_top[key] = np.take_along_axis(merged_top, order, axis=0)
                column_score[key] = np.take_along_axis(merged, order, axis=0)
        self.column: dict[str, tuple[list[list[int]], list[list[float]]]] = {
            key: (column_top[key].T.tolist(), column_score[key].T.tolist()) for key in foreign_keys
        }

    def _list(self, row: int, key: str) -> tuple[list[int], list[float]]:
        if row in self.row:
            return self.row[row].get(key, ([], []))
        if key in self.column:
            top, scores = self.column[key]
            return top[row], scores[row]
        return [], []

    def candidates(self) -> set[tuple[int, int]]:
        """Every (a, b), a < b, where one is among the other's nearest in its language."""
        found: set[tuple[int, int]] = set()
        for row, lists in self.row.items():
            for top, scores in lists.values():
                found.update((min(row, j), max(row, j)) for j, s in zip(top, scores) if s > -math.inf)
        for tops, scoreses in self.column.values():
            for row, (ranked, ranked_scores) in enumerate(zip(tops, scoreses)):
                if row not in self.row:
                    found.update((min(row, j), max(row, j)) for j, s in zip(ranked, ranked_scores) if s > -math.inf)
        return found

    def usual(self, row: int, key: str) -> float:
        """The mean cosine of ``row``'s nearest rows of other documents in language ``key``."""
        scores = [s for s in self._list(row, key)[1] if s > -math.inf]
        return sum(scores) / len(scores) if scores else 0.0

    def rank(self, row: int, other: int) -> int:
        """``other``'s place among ``row``'s nearest in its language (NEIGHBOURS where it is not among them)."""
        top, _ = self._list(row, self.languages[other])
        return top.index(other) if other in top else NEIGHBOURS
