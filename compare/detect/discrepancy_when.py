"""How an event's dates and clock times are weighed before they are told as a disagreement.

* A day named from the article's date ("today", "juče", "вчера") is only as right as that date: a wire story
  republished the next morning in another time zone, or dated by its last update, says "today" of yesterday.
  Where the same article gives the event's day in words that do not depend on its date ("on Friday", "August
  12") and they disagree, the article contradicts itself and its own absolute day wins: the relative one is
  not set against other articles.
* Clock times an hour or more apart are two moments of one day (a meeting's start and end), not one misreported.
* Clock times minutes apart that every source says as approximate ("around 2:35", "about 2.30") are one moment
  told at two precisions, not a contradiction; an exact time against another ("03:54" / "03:55") still is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import Protocol, TypeVar

from ..analysis.facts.languages.words import relative_day
from ..model import Fact


class _Compared(Protocol):
    """A comparison of two facts (discrepancy_values.Comparison, which imports this module)."""

    @property
    def a(self) -> Fact: ...
    @property
    def b(self) -> Fact: ...
    @property
    def agree(self) -> bool: ...


Comparison = TypeVar("Comparison", bound=_Compared)

#: Minutes between two clock times beyond which they are two moments of the day (a meeting's start and its end,
#: or one moment in two time zones), not one moment misreported ("03:54" / "03:55").
_MOMENTS_APART = 60
#: Minutes within which two times each said as approximate are one moment rounded two ways.
_ROUNDED_WITHIN = 10
#: Words that say a clock time is approximate, right before it ("around 2:35", "oko 15:30", "rreth orës").
_APPROXIMATE = re.compile(
    r"\b(?:about|around|approximately|roughly|circa|oko|otprilike|rreth(?: orës)?|около|око|примерно)\s+(?:at\s+)?$",
    re.IGNORECASE,
)


def without_contradicted_relatives(comparisons: list[Comparison]) -> list[Comparison]:
    """``comparisons`` of dates less those of a relative day whose own article gives the event another day in
    absolute words."""
    facts = {f for c in comparisons for f in (c.a, c.b)}
    relative = {f for f in facts if relative_day(f.text)}
    absolute: dict[str, set[str]] = defaultdict(set)
    for f in facts - relative:
        absolute[f.doc].add(f.value)
    dropped = {f for f in relative if absolute[f.doc] and f.value not in absolute[f.doc]}
    return [c for c in comparisons if c.a not in dropped and c.b not in dropped] if dropped else comparisons


def _minutes(value: str) -> int | None:
    m = re.match(r"(\d{1,2}):(\d{2})", value)
    return int(m.group(1)) * 60 + int(m.group(2)) if m else None


def rounded_alike(comparisons: list[Comparison], before: Callable[[Fact], str]) -> bool:
    """Whether every pair of differing clock times compared is minutes apart and said as approximate on both sides
    (``before``: the text right before a fact): one moment told at two precisions."""
    pairs = [c for c in comparisons if not c.agree]
    for c in pairs:
        a, b = _minutes(c.a.value), _minutes(c.b.value)
        if a is None or b is None or abs(a - b) > _ROUNDED_WITHIN:
            return False
        if not (_APPROXIMATE.search(before(c.a)) and _APPROXIMATE.search(before(c.b))):
            return False
    return bool(pairs)


def hours_apart(comparisons: list[Comparison]) -> bool:
    """Whether every pair of differing clock times compared is an hour or more apart."""
    minutes = _minutes
    gaps = []
    for c in comparisons:
        if not c.agree:
            a, b = minutes(c.a.value), minutes(c.b.value)
            if a is None or b is None:
                return False
            gaps.append(abs(a - b))
    return bool(gaps) and all(min(gap, 24 * 60 - gap) >= _MOMENTS_APART for gap in gaps)
