"""Pairs that share a distinctive figure: evidence of one fact beyond what the embedding sees.

A story's toll sentences are all near one another ("The death toll in Turkey rose to …", "At least … people
have died …"), so the right counterpart of one of them is often not among its nearest neighbours, and never
stands out from them by the margin. Two statements of different articles that print the same uncommon figure
("7,108", "40,910", "812") and are about the same topic report the same fact far more often than not: such a
pair is added as a candidate, whatever its rank.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from ..model import Statement

if TYPE_CHECKING:
    import numpy as np

#: Cosine a pair with a shared figure needs: on the same topic (measured: docs/alignment.md).
FLOOR = 0.55
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


def anchored_pairs(statements: list[Statement], vecs: np.ndarray, docs: np.ndarray) -> dict[tuple[int, int], float]:
    """Pairs (i < j) of rows of different documents that share a distinctive figure, at or above :data:`FLOOR`."""
    by_figure: dict[str, list[int]] = defaultdict(list)
    for row, statement in enumerate(statements):
        for figure in figures(statement.text):
            by_figure[figure].append(row)
    pairs: dict[tuple[int, int], float] = {}
    for rows in by_figure.values():
        if len(rows) < 2 or len(rows) > MAX_SHARING:
            continue
        block = vecs[rows] @ vecs[rows].T
        for a in range(len(rows)):
            for b in range(a + 1, len(rows)):
                i, j = rows[a], rows[b]
                if docs[i] != docs[j] and block[a, b] >= FLOOR:
                    pairs[(min(i, j), max(i, j))] = float(block[a, b])
    return pairs
