"""When two counts agree: a vague count ("hundreds"), one person named in passing ("a student"), a figure rounded
from another ("650" beside 657), one round figure as a bound and plain ("over 650", "650"), and overlapping
intervals ("about 30" and 28) never disagree.

Read by every comparison of counts (compare/detect/discrepancy*.py) and by the alignment's anchors; the counts
themselves are read by :mod:`.quantities`.
"""

from __future__ import annotations

import math
from collections import defaultdict

from ...model import Fact


def vague(fact: Fact) -> bool:
    """ "hundreds", "dozens": a count whose interval is too wide to name a figure; and "a student": one person
    named in passing, not a count of them ("eight students were killed, a student was shot in the hallway")."""
    if in_passing(fact):
        return True
    return (
        fact.high is not None and fact.low is not None and fact.high > 2 * max(fact.low, 1.0) and fact.high != math.inf
    )


def stated_bound(fact: Fact) -> str:
    """The figure an open count is written with: "more than 100" → "100", where its interval starts at 101."""
    return fact.value.split()[-1]


def in_passing(fact: Fact) -> bool:
    """ "a student", "an officer": one person named in passing, which no other count contradicts."""
    return fact.text.lower() in ("a", "an")


def compatible(a: Fact, b: Fact, one_figure: bool = True) -> bool:
    """Whether two quantities' intervals overlap, or one is the other rounded: different wordings of one count
    (``one_figure``: also one round figure as a bound and plain, which two outlets' roundings of one count are,
    but an article's headline over its own body's figure is not: "Over 60 dead" over "killed 60")."""
    if in_passing(a) or in_passing(b):
        return True
    if _loose_against_open(a, b) or _loose_against_open(b, a):
        return True
    if a.low is None or b.low is None or a.high is None or b.high is None:
        return a.value == b.value
    overlap = a.low <= b.high and b.low <= a.high and not two_estimates(a, b)
    return overlap or rounded(a, b) or rounded(b, a) or (one_figure and one_round_figure(a, b))


def two_estimates(a: Fact, b: Fact) -> bool:
    """ "about 100" beside "about 120": two approximate figures are one estimate only where one's figure lies within
    the other's tolerance (an "about" interval, :func:`quantities.interval`: 10 % of the figure either side, a
    distance's conversion allowance included); that their intervals touch (90-110, 108-132) is not enough, for
    each outlet would have written the figure it meant. An approximate figure beside an exact one still agrees
    wherever the exact one lies within its interval ("about 30" and 28)."""
    if not (a.value.startswith("about ") and b.value.startswith("about ")):
        return False
    assert a.low is not None and a.high is not None and b.low is not None and b.high is not None
    mid_a, mid_b = (a.low + a.high) / 2, (b.low + b.high) / 2
    return not (b.low <= mid_a <= b.high or a.low <= mid_b <= a.high)


def _loose_against_open(a: Fact, b: Fact) -> bool:
    """ "several injured" beside "more than 20 injured": a count without a figure or an order of magnitude ("several",
    "a few": below :data:`_SOME`) names no bound an open estimate could contradict (the few known at first, or a
    part of them); "hundreds" against "more than 1,400" still disagree."""
    return vague(a) and not in_passing(a) and (a.high or 0) < _SOME and b.high == math.inf


#: The top of the interval of a vague count that says no more than "some" ("several": 3-9; "dozens" says more).
_SOME = 10


def one_round_figure(a: Fact, b: Fact) -> bool:
    """ "over 650" beside "650", "более 15" beside "15": one figure, written once as a bound and once plain (both
    round 657; the same announced toll, which copy in some languages gives as "more than")."""
    figure = stated_bound(a)
    return figure == stated_bound(b) and figure.isdigit() and not (vague(a) or vague(b))


#: A round figure this close to an exact one (a share of the exact one) may be it rounded.
ROUNDED_WITHIN = 0.02


def rounded(x: Fact, y: Fact) -> bool:
    """Whether ``x`` is ``y`` rounded: a figure ending in zeros (plain, or the bound of "more than 650"), within
    one unit of its last figure below ``y`` or half a unit above it, and within :data:`ROUNDED_WITHIN` ("650" and
    "more than 650" for 657, "1,000" for 1,014; "790" is not 810, nor "30" 32, nor "over 5,300" 7,003)."""
    figure, other = stated_bound(x), stated_bound(y)
    if "." in other and (figure.isdigit() or "." in figure) and not vague(x) and not vague(y):
        return _rounded_decimal(figure, other)
    if not (figure.isdigit() and other.isdigit()) or vague(x) or figure == other:
        return False
    zeros = len(figure) - len(figure.rstrip("0"))
    if not zeros or len(other) - len(other.rstrip("0")) >= zeros:
        return False  # "800" against "650": both as round, neither rounds the other
    unit, a, b = 10**zeros, int(figure), int(other)
    near = abs(a - b) <= ROUNDED_WITHIN * b
    return near and (0 <= b - a < unit or 0 <= a - b <= unit // 2)


def _rounded_decimal(figure: str, other: str) -> bool:
    """Whether ``figure`` is ``other`` given to fewer decimals, rounded or cut: "53.9" and "54" for 53.93, "70" for
    70.91 (a share is always rounded somewhere); "9.2" is not 9.02, nor "11.9" 11.19."""
    places = len(figure.partition(".")[2])
    if places >= len(other.partition(".")[2]):
        return False
    try:
        a, b = float(figure), float(other)
    except ValueError:
        return False
    unit = 10.0**-places
    return 0 <= b - a < unit or 0 <= a - b <= unit / 2 + 1e-9


def rounding_bounds(fact: Fact) -> tuple[float, float]:
    """A count's interval, widened to every figure it may be a rounding of: a share's by its decimals ("53.9%" is
    53.93% rounded, "54.08%" is 54.086% cut, "53%" is 52.99% rounded: no one gives a share of a vote to the last
    voter), a plain round figure's to the exact figures :func:`rounded` lets it stand for ("650" beside 657)."""
    low, high = fact.low or 0.0, fact.high if fact.high is not None else 0.0
    if low != high:
        return low, high
    if _share(fact):
        unit = 10.0 ** -len(fact.value.partition(".")[2])
        return low - unit / 2, high + unit * 0.999
    # A measure's decimals are its reading ("6.3" against "6.4" are two agencies' readings): never widened.
    zeros = len(fact.value) - len(fact.value.rstrip("0"))
    if not fact.value.isdigit() or not zeros:
        return low, high
    unit, slack = 10**zeros, ROUNDED_WITHIN * low
    return max(low - unit // 2, low - slack), min(low + unit - 1, low + slack)


def _share(fact: Fact) -> bool:
    plain = fact.value.replace(".", "", 1).isdigit()
    return plain and fact.subject.startswith(("share of ", "poll share of ", "turnout"))


def listed_subjects(facts: list[Fact]) -> set[str]:
    """The subjects one sentence gives three figures or more: a list of parts ("9 patients to Turkey, 14 to
    Bulgaria, 4 to Greece"), none of them the whole that another sentence counts. Two figures are often the whole
    and its update ("rose from 51 to 59"), which the comparisons read."""
    values: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        if fact.kind == "quantity" and fact.subject:
            values[fact.subject].add(fact.value)
    return {subject for subject, given in values.items() if len(given) > 2}
