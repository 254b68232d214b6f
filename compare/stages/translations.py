"""Find the originals and their translations in a corpus, and align their sentences one to one, in order.

A translation's ``Translation-of: FILE`` header declares its original. Otherwise an article that is not in
English and an English one are a pair when most of their sentences align: the multilingual model
(compare/stages/embed/multilingual.py) scores every sentence of one against every sentence of the other, a
monotonic one-to-one alignment (a small dynamic programme, as vecalign and bertalign do with more) keeps the
links above a threshold, and at least :data:`PAIR_SHARE` of the longer article's sentences (and
:data:`MIN_LINKS`) must be linked to their mutual best partner. A sentence left without a partner is one the
translation dropped or added.

The model is asked for only where an article is not in English, an article declares its original, or the run
asks for it (``--multilingual``): an English-only corpus never loads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Corpus, Document, SentenceLink, Statement, TranslationPair
from .language import UNDETERMINED

if TYPE_CHECKING:
    import numpy as np

    from .embed import Embedder

ENGLISH = "en"
#: The least cosine of a link, and how far above the pair's typical (median) cosine it must be: the sentences
#: of two articles on one story score 0.76–0.84 with each other, a sentence and its translation 0.83–0.93
#: (multilingual-e5-small, the test corpora in tests/data/translations: docs/translations.md).
LINK_FLOOR = 0.80
LINK_ABOVE_MEDIAN = 0.04
#: Share of the longer article's sentences linked to their mutual best partner for two articles to be a pair
#: (measured: 0.90–0.91 for the translations of the test corpora, at most 0.30 for an unrelated English article).
#: The longer one's: a three-sentence summary in Serbian is not the original of a ten-sentence English story.
PAIR_SHARE = 0.6
#: ... and at least this many such links: two short articles on one story share a headline and a quote.
MIN_LINKS = 3
#: Or, for an original and a translation of unequal length (a site's republished copy of the original cut short,
#: its page's widgets around it; a paragraph of background the translation added), this share of the shorter
#: one's sentences, page furniture left out, and this many, linked to their mutual best partner with a
#: translation's cosines on average. Measured on the development corpora: the four translations 0.89–0.92 mean,
#: 5–8 links, 0.58–0.71 of the shorter article; every other pair of an original and an English article of one
#: story has a lower mean (0.80–0.88), at most 4 links, or (one at 0.90 with 6 links) 55% of the shorter article.
SHORTER_SHARE = 0.6
MIN_CLOSE_LINKS = 5
CLOSE_MEAN = 0.885
#: A statement of this many words at most, without a sentence's closing punctuation, is page furniture ("All
#: news", "25 Просмотры 0", "Комментарии"): not a sentence a translation has or lacks.
FURNITURE_WORDS = 3
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "»")
#: Articles whose header dates lie further apart are not one article in two languages.
MAX_DAYS_APART = 7


def wanted(documents: list[Document], forced: bool) -> bool:
    """Whether a run looks for translations: an article not in English, one declaring its original, or asked."""
    return forced or any(
        d.language not in (ENGLISH, UNDETERMINED) or d.metadata.get("translation-of") for d in documents
    )


def find_pairs(corpus: Corpus, embedder: Callable[[], Embedder], forced: bool = False) -> list[TranslationPair]:
    """The corpus's translation pairs, declared ones first, then those the model finds, best first; each
    article belongs to one pair at most. ``embedder`` is called only if there is a candidate pair."""
    if not wanted(corpus.documents, forced):
        return []
    statements = {document.id: own for document, own in corpus.by_document() if own}
    declared = _declared(corpus.documents, statements)
    taken = {doc for pair in declared for doc in pair}
    originals = [
        d.id
        for d in corpus.documents
        if d.id in statements and d.id not in taken and (d.language not in (ENGLISH, UNDETERMINED) or forced)
    ]
    candidates = [
        (o, t.id)
        for o in originals
        for t in corpus.documents
        if t.language == ENGLISH
        and t.id in statements
        and t.id not in taken
        and t.id != o
        and _dates_fit(corpus.document(o), t)
    ]
    if not declared and not candidates:
        return []
    model = embedder()
    wanted_ids = list(dict.fromkeys(doc for pair in [*declared, *candidates] for doc in pair))
    texts = [s.text for doc in wanted_ids for s in statements[doc]]
    vectors = model.encode(texts)
    rows: dict[str, np.ndarray] = {}
    begin = 0
    for doc in wanted_ids:
        rows[doc] = vectors[begin : begin + len(statements[doc])]
        begin += len(statements[doc])
    model.release()
    pairs = [_pair(o, t, statements, rows, declared=True)[0] for o, t in declared]
    found = [_pair(o, t, statements, rows, declared=False) for o, t in candidates]
    for pair, mutual in sorted(found, key=lambda p: (-p[0].share, -_mean(p[0]), p[0].original, p[0].translation)):
        linked = sum(1 for link in pair.links if link.original and link.translation)
        free = pair.original not in taken and pair.translation not in taken
        if free and ((pair.share >= PAIR_SHARE and linked >= MIN_LINKS) or _close(pair, mutual, statements)):
            pairs.append(pair)
            taken.update((pair.original, pair.translation))
    return pairs


def _close(pair: TranslationPair, mutual: list[float], statements: dict[str, list[Statement]]) -> bool:
    """Whether most of the shorter article's sentences (page furniture left out) are linked to their mutual best
    partner, :data:`MIN_CLOSE_LINKS` at least, at a translation's cosines (:data:`CLOSE_MEAN` on average)."""
    sentences = [sum(1 for s in statements[d] if not furniture(s)) for d in (pair.original, pair.translation)]
    return (
        len(mutual) >= MIN_CLOSE_LINKS
        and sum(mutual) / len(mutual) >= CLOSE_MEAN
        and len(mutual) >= SHORTER_SHARE * min(sentences)
    )


def furniture(statement: Statement) -> bool:
    """Whether ``statement`` is page furniture (:data:`FURNITURE_WORDS`), not a sentence."""
    text = statement.text.strip()
    return not text.endswith(_SENTENCE_END) and len(re.findall(r"[^\W\d_]+", text)) <= FURNITURE_WORDS


def _declared(documents: list[Document], statements: dict[str, list[Statement]]) -> list[tuple[str, str]]:
    """(original, translation) for each ``Translation-of:`` header that names an article of the run; a header
    naming none is a warning on its document."""
    by_path = {Path(d.path).resolve(): d.id for d in documents}
    by_name: dict[str, list[str]] = {}
    for d in documents:
        by_name.setdefault(Path(d.path).name, []).append(d.id)
    pairs = []
    for document in documents:
        named = document.metadata.get("translation-of")
        if not named:
            continue
        found = by_path.get((Path(document.path).parent / named).resolve())
        if found is None and named in statements:
            found = named
        if found is None and len(by_name.get(named, [])) == 1:
            found = by_name[named][0]
        if found is None or found == document.id or document.id not in statements or found not in statements:
            document.warnings.append(f"Translation-of: {named} names no other article of this run; ignored")
            continue
        pairs.append((found, document.id))
    return pairs


def _dates_fit(a: Document, b: Document) -> bool:
    try:  # the date worked out for the article, else its header's (read before the per-article analysis)
        first, second = (date.fromisoformat((d.date or d.metadata.get("date", ""))[:10]) for d in (a, b))
    except ValueError:
        return True  # undated: the sentences alone decide
    return abs((first - second).days) <= MAX_DAYS_APART


def _mean(pair: TranslationPair) -> float:
    scores = [link.score for link in pair.links if link.original and link.translation]
    return sum(scores) / len(scores) if scores else 0.0


def _pair(
    original: str,
    translation: str,
    statements: dict[str, list[Statement]],
    rows: dict[str, np.ndarray],
    declared: bool,
) -> tuple[TranslationPair, list[float]]:
    """The pair's alignment, and the cosines of its links between mutual best partners."""
    import numpy as np

    similarity = rows[original] @ rows[translation].T
    threshold = max(LINK_FLOOR, float(np.median(similarity)) + LINK_ABOVE_MEDIAN)
    steps = align_monotonic(similarity, threshold)
    ours, theirs = statements[original], statements[translation]
    best_of_row, best_of_column = similarity.argmax(axis=1), similarity.argmax(axis=0)
    mutual = [
        float(similarity[i, j])
        for i, j in steps
        if i is not None and j is not None and best_of_row[i] == j and best_of_column[j] == i
    ]
    links = [
        SentenceLink(
            ours[i].id if i is not None else None,
            theirs[j].id if j is not None else None,
            round(float(similarity[i, j]), 4) if i is not None and j is not None else 0.0,
        )
        for i, j in steps
    ]
    share = round(len(mutual) / max(len(ours), len(theirs)), 4)
    return TranslationPair(original, translation, declared, share, links), mutual


def align_monotonic(similarity: np.ndarray, threshold: float) -> list[tuple[int | None, int | None]]:
    """The in-order, one-to-one alignment of rows with columns that maximises the summed (cosine − threshold)
    of its links, links only above ``threshold``; every row and column appears once, a gap as (i, None) or
    (None, j), in the order of both sides."""
    n, m = similarity.shape
    gain = similarity - threshold
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, above, gains = best[i], best[i - 1], gain[i - 1]
        for j in range(1, m + 1):
            value = max(above[j], row[j - 1])
            if gains[j - 1] > 0:
                value = max(value, above[j - 1] + float(gains[j - 1]))
            row[j] = value
    steps: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and gain[i - 1, j - 1] > 0 and best[i][j] == best[i - 1][j - 1] + float(gain[i - 1, j - 1]):
            steps.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i > 0 and (j == 0 or best[i][j] == best[i - 1][j]):
            steps.append((i - 1, None))
            i -= 1
        else:
            steps.append((None, j - 1))
            j -= 1
    return steps[::-1]
