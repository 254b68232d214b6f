"""A statement that opens with "of them" counts a part of the previous statement's count.

"The fire killed 59 people. Of them, 43 were from the town" — the second sentence's 43 has no outcome of its
own: its opening ("of them", "among them", Albanian "prej tyre", Serbian "među njima") points back at the
count before it, and the part shares what happened to the whole, as a part inside one sentence does
(:func:`.count_context.inherit_outcomes`). Only the first count right after the opening is read so, and only
where the previous statement counts one outcome: with two ("59 killed and 178 injured") the part could be of
either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ...model import Statement
from .count_context import _PART_OF, _own_outcome
from .tokens import Token

#: English openings that point back at the previous sentence's count, besides the parts of one sentence.
OPENINGS = (*_PART_OF, ("of", "them"), ("of", "those"))


def of_the_previous(
    statements: Sequence[Statement],
    rows: list[list[Any]],
    read: Callable[[Statement], tuple[Sequence[Token], Iterable[tuple[str, ...]]]],
) -> list[list[Any]]:
    """``rows`` (each statement's facts, as facts.FactRow, which this module may not import: a cycle) with the
    first count of a statement that opens with a part of the previous count given that count's outcome; ``read``
    gives a statement's tokens and its language's openings."""
    out = list(rows)
    for n in range(1, len(rows)):
        outcomes = {r.subject for r in rows[n - 1] if r.kind == "quantity" and _own_outcome(r.subject)}
        counts = [r for r in rows[n] if r.kind == "quantity"]
        if len(outcomes) != 1 or not counts:
            continue
        toks, openings = read(statements[n])
        lowered = [t.lower for t in toks]
        opening = next((len(p) for p in openings if tuple(lowered[: len(p)]) == p), 0)
        if not opening:
            continue
        at = opening + (opening < len(toks) and toks[opening].text == ",")
        first = counts[0]
        counted = first.subject.split()
        if at >= len(toks) or toks[at].start != first.start or len(counted) > 1:
            continue
        whole = outcomes.pop()
        subject = f"{counted[0]} {_own_outcome(whole)}" if counted else whole
        out[n] = [first._replace(subject=subject) if r is first else r for r in rows[n]]
    return out
