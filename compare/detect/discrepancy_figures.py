"""How two figures of one slot compare: as the count each names, as intervals, or as a typo of the other.

Read by the timelines (:mod:`.discrepancy_timeline`) and the announcements
(:mod:`.discrepancy_announcements`): a toll's "at least 154" names 154; "more than 100"
is a round estimate; "hundreds" is too loose to contradict anything; 15,384 against
15,834 is one figure mistyped.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from itertools import combinations

from ..analysis.facts import agreement, dates
from ..analysis.facts.agreement import vague
from ..model import Corpus, Fact
from .discrepancy_values import EVENT_OUTCOMES, FALLING

_PERIOD_SLACK_DAYS = 31  # a statement dated this long before the first report is about an earlier event
#: Two same-day figures within this ratio of each other are one announcement reported two ways.
SAME_ANNOUNCEMENT = 1.25


def mistyped(fx: Fact, day_x: str, fy: Fact, day_y: str) -> bool:
    """Exact figures of four digits or more, one a typo of the other: two neighbouring digits swapped (15,384
    against 15,834), or one digit changed (2,315 against 2,316) in reports dated within a day of each other.
    A toll rises by a few from one day to the next, so a changed digit is read as a typo only within a day."""
    if fx.low != fx.high or fy.low != fy.high or fx.low is None or fy.low is None:
        return False
    if "." in fx.value + fy.value and (not (day_x and day_y) or abs(day_number(day_x) - day_number(day_y)) <= 1):
        return _digit_dropped(fx.value, fy.value)
    a, b = str(int(fx.low)), str(int(fy.low))
    if len(a) != len(b) or len(a) < 4 or a == b:
        return False
    if day_x and day_y and abs(day_number(day_x) - day_number(day_y)) > 1:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return swapped or (len(diff) == 1 and bool(day_x and day_y))


def _digit_dropped(a: str, b: str) -> bool:
    """ "9.2" for 9.02, "11.9" for 11.19, "54.8" for 54.08: a decimal figure with one digit left out (a figure cut
    to fewer decimals is rounded, not mistyped, and is told apart before this is asked)."""
    if "." not in a or "." not in b or a.partition(".")[0] != b.partition(".")[0]:
        return False  # "53" against "55.3" is two figures
    da, db = a.replace(".", ""), b.replace(".", "")
    if len(da) < len(db):
        da, db = db, da
    if len(da) != len(db) + 1 or len(db) < 2 or not da.isdigit():
        return False
    return any(da[:k] + da[k + 1 :] == db for k in range(len(da)))


def close_figures(x: Fact, y: Fact) -> bool:
    """Whether two figures are within :data:`SAME_ANNOUNCEMENT` of each other: one count given two ways. An open
    count is its stated figure ("more than 50" names 50, though its interval starts at 51)."""
    a, b = sorted((_named(x), _named(y)))
    return a > 0 and b / a <= SAME_ANNOUNCEMENT


def _named(fact: Fact) -> float:
    if fact.high == float("inf") and (bound := agreement.stated_bound(fact).replace(",", "")).isdigit():
        return float(bound)
    return fact.low or 0.0


def point(fact: Fact) -> float:
    """One number for ordering a figure: the interval's middle, or its floor where it is open."""
    low, high = fact.low or 0.0, fact.high if fact.high is not None else 0.0
    return low if high == float("inf") else (low + high) / 2


def differ(x: Fact, y: Fact) -> bool:
    """Whether two reports of a toll give different figures. A toll's "at least 154" and "more than 90" name the
    count itself (154, 90), so they are compared by that figure, not as the open intervals that would let "at
    least 154" agree with an earlier report's 180; vague counts ("hundreds") differ from nothing."""
    if vague(x) or vague(y):
        return False
    return point(x) != point(y) and not (x.low == y.low and x.high == y.high)


def figure_classes(facts: list[Fact]) -> list[list[Fact]]:
    """Facts by the figure each names (:func:`point`), the most widely reported first; a figure rounded from
    another ("430" beside 437) is in that one's class."""
    by_figure: dict[float, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_figure[point(fact)].append(fact)
    for figure, members in list(by_figure.items()):
        exact = next((k for k, c in by_figure.items() if k != figure and agreement.rounded(members[0], c[0])), None)
        if exact is not None:
            by_figure[exact].extend(by_figure.pop(figure))
    return sorted(by_figure.values(), key=lambda cls: -len({f.doc for f in cls}))


def same_day_differ(x: Fact, y: Fact) -> bool:
    """Whether two figures of the same day differ: as points where each names a figure, else as intervals; a
    figure rounded from the other ("650" beside "657") does not differ from it."""
    if round_bound(x) or round_bound(y):
        return not agreement.compatible(x, y)
    if agreement.one_round_figure(x, y):
        return False  # "более 15" beside "15": one announced figure, once as a bound
    return differ(x, y) and not agreement.rounded(x, y) and not agreement.rounded(y, x)


def told_by_one(facts: list[Fact]) -> Callable[[Fact, Fact], bool]:
    """Whether, of two of ``facts`` from two articles, one article itself gives the other's figure as well ("22
    killed" and, further down, "21 killed on the day of the attack"): it tells both, so its second figure is a part
    or another scope of its own count, and no disagreement with the other outlet."""
    by_doc: dict[tuple[str, str], set[str]] = defaultdict(set)
    for fact in facts:
        if not vague(fact):  # the very figure, not one that may round it ("54%" beside 54.08%)
            by_doc[(fact.doc, fact.subject)].add(fact.value)
    return lambda x, y: y.value in by_doc[(x.doc, y.subject)] or x.value in by_doc[(y.doc, x.subject)]


def round_bound(fact: Fact) -> bool:
    """ "more than 100", "at least 400": an open estimate, not a figure someone counted."""
    if fact.high != float("inf"):
        return False
    stated = agreement.stated_bound(fact)
    return not stated.isdigit() or int(stated) % 10 == 0


def day_number(day: str) -> int:
    return dt.date.fromisoformat(day).toordinal()


def period_start(corpus: Corpus) -> str:
    days = sorted(d.date for d in corpus.documents if d.date)
    if not days:
        return ""
    y, m, d = (int(x) for x in days[0].split("-"))
    return (dt.date(y, m, d) - dt.timedelta(days=_PERIOD_SLACK_DAYS)).isoformat()


def earlier_event(facts: list[Fact], period_start: str) -> bool:
    """Whether the statement dates itself before the story: its counts are another event's."""
    if not period_start:
        return False
    for fact in facts:
        if fact.kind != "date":
            continue
        year, month, day, _ = dates.parts(fact.value)
        if year is None:
            continue
        if f"{year:04d}-{month or 12:02d}-{day or 28:02d}" < period_start:
            return True
    return False


#: Figures of one slot this many times apart, one report dated and one not, count different things (several
#: aftershocks of the first hours against 11,000 of the weeks after), not one thing two ways.
APART = 10


def toll_undated(
    a: Fact, b: Fact, days: dict[str, str], subjects: frozenset[str], beside: tuple[list[Fact], list[Fact]] = ([], [])
) -> bool:
    """Whether two counts of a slot (``subjects``), in a dated report and an undated one, are left to the slot's
    timeline: a toll (people with an outcome: it grows, and the undated report may be an update of it), or figures
    :data:`APART` times apart. A count of things otherwise (two synagogues attacked against one) is compared like
    any other of aligned or linked reports, and so is a toll where the two sentences are aligned and give the same
    exact figure for another toll (``beside``: the facts of each sentence): "six wounded, three critically" and "six
    wounded, two of them seriously" are one announcement told two ways, not a count and its update."""
    one_dated = bool(days[a.doc]) != bool(days[b.doc])
    if not one_dated or a.kind != "quantity" or a.subject not in subjects:
        return False
    low, high = sorted((point(a), point(b)))
    if high > APART * max(low, 1.0):
        return True
    return a.subject.endswith(EVENT_OUTCOMES) and not any(
        x.kind == y.kind == "quantity"
        and x.subject == y.subject != a.subject
        and x.subject.endswith(EVENT_OUTCOMES)
        and x.low is not None
        and x.low == x.high == y.low == y.high
        for x in beside[0]
        for y in beside[1]
    )


def rose_that_day(x: Fact, y: Fact, later: list[Fact], subject: str) -> bool:
    """Whether two close figures of one day are two moments of a toll that rose that day: the larger is the one
    the days after carry (``later``: their figures), and none of them repeats the smaller (seven pupils in the
    first report, eight by the evening and the days after). A smaller figure that later reports still give is one
    announcement told two ways."""
    if not subject.endswith(EVENT_OUTCOMES) or subject.endswith(FALLING):
        return False
    low, high = sorted((x, y), key=point)
    return any(not differ(f, high) for f in later) and all(differ(f, low) for f in later)


def within_a_day(days: list[str]) -> list[tuple[int, int]]:
    """The pairs (i < j, in order) of reports (``days``: each one's report date, "" where undated) dated within a day
    of each other or not dated: no other pair can be one announcement reported two ways, and a slot of a large
    corpus holds thousands of reports."""
    by_day: dict[str, list[int]] = defaultdict(list)
    for n, day in enumerate(days):
        by_day[day].append(n)
    undated = by_day.pop("", [])
    ordinal = {day: day_number(day) for day in by_day}
    pairs = {(min(i, j), max(i, j)) for i in undated for j in range(len(days)) if i != j}
    for day, members in by_day.items():
        pairs.update(combinations(members, 2))
        for other, others in by_day.items():
            if ordinal[other] - ordinal[day] == 1:
                pairs.update((min(i, j), max(i, j)) for i in members for j in others)
    return sorted(pairs)
