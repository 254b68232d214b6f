"""Pairs that share a distinctive figure: evidence of one fact beyond what the embedding sees.

A story's toll sentences are all near one another ("The death toll in Turkey rose to …", "At least … people
have died …"), so the right counterpart of one of them is often not among its nearest neighbours, and never
stands out from them by the margin. Two statements of different articles that print the same uncommon figure
("7,108", "40,910", "812") and are about the same topic report the same fact far more often than not: such a
pair is added as a candidate, whatever its rank.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..analysis.facts import agreement
from ..model import Fact, Statement

if TYPE_CHECKING:
    import numpy as np

#: Cosine a pair with a shared figure needs: on the same topic (measured: docs/alignment.md).
FLOOR = 0.55
#: Cosine a pair that shares a count (a slot and its figure, not a distinctive figure) needs: a count of few digits
#: ("six killed", "magnitude 7.6") is shared by chance more often, so the pair must be nearer the same topic.
FACT_FLOOR = 0.60
_FACT = "count:"  # marks a count's anchor apart from a printed figure
#: Significant digits a figure needs to be distinctive: "10", "1,000" and "23 million" are printed everywhere.
SIGNIFICANT = 3
#: A figure more statements than this share is a fixture of the story (a date, a magnitude), not an anchor.
MAX_SHARING = 12

_FIGURE = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]\d)|(?<![\w.,])\d+(?:\.\d+)?(?![\w]|[.,]\d)")


def figures(text: str) -> set[str]:
    """The distinctive figures of ``text``, separators removed: "7,108" → "7108"; not years, not round figures."""
    found = set()
    for m in _FIGURE.finditer(text):
        digits = m.group().replace(",", "")
        if re.fullmatch(r"(?:19|20)\d\d", digits):
            continue  # a year
        if len(digits.replace(".", "").strip("0")) >= SIGNIFICANT:
            found.add(digits)
    return found


def fact_anchors(facts: Iterable[Fact]) -> dict[str, set[str]]:
    """Each statement's counts as anchors, the thing counted with the figure ("magnitude=7.6", "people killed=6"):
    two statements that give one slot one figure report one fact, however few its digits ("six people were killed"
    and "claimed six lives"). Vague counts ("hundreds") anchor nothing."""
    found: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        if fact.kind != "quantity" or not fact.subject or fact.low is None or fact.high is None:
            continue
        # "up to 23 million" is an interval from 0, as wide as "hundreds", but it names its figure.
        capped = fact.low == 0 < fact.high != math.inf and fact.value.startswith("at most")
        if agreement.vague(fact) and not capped:
            continue
        # The figure as written: "more than 120" is 120 here, not the 121 its interval starts at; "up to 23
        # million" 23 million. One notation for all (23000000 and 2.3e+07 are one figure).
        if fact.high == math.inf or capped:
            written = agreement.stated_bound(fact)
            figure = _number(written)
            if figure is None and capped:
                continue
            stated = written if figure is None else f"{figure:g}"
        else:
            stated = f"{(fact.low + fact.high) / 2:g}"
        found[fact.statement].add(f"{_FACT}{fact.subject}={stated}")
    return found


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def anchored_pairs(
    statements: Sequence[Statement],
    vecs: np.ndarray,
    docs: np.ndarray,
    extra: Mapping[str, set[str]] | None = None,
    floors: tuple[float, float] = (FLOOR, FACT_FLOOR),
) -> dict[tuple[int, int], float]:
    """Pairs (i < j) of rows of different documents that share a distinctive figure (or one of ``extra``'s anchors
    of their statements), at or above :data:`FLOOR` (:data:`FACT_FLOOR` for a count); another model's vectors
    come with their own ``floors``."""
    by_figure: dict[str, list[int]] = defaultdict(list)
    for row, statement in enumerate(statements):
        for figure in figures(statement.text) | (extra.get(statement.id, set()) if extra else set()):
            by_figure[figure].append(row)
    pairs: dict[tuple[int, int], float] = {}
    doc_of = docs.tolist()  # Python numbers: the loops below read them one at a time, 12,000 pairs at 1,000 articles
    for figure, rows in by_figure.items():
        if len(rows) < 2 or len(rows) > MAX_SHARING:
            continue
        floor = floors[1] if figure.startswith(_FACT) else floors[0]
        block = (vecs[rows] @ vecs[rows].T).tolist()
        for a in range(len(rows)):
            for b in range(a + 1, len(rows)):
                i, j = rows[a], rows[b]
                if doc_of[i] != doc_of[j] and block[a][b] >= floor:
                    pairs[(min(i, j), max(i, j))] = block[a][b]
    return pairs
