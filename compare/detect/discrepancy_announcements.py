"""Figures of one announcement: reports that share one exact figure must share the others they give with it.

An agency's update is reported by many outlets, each with a few of its figures in one
sentence ("at least 1,014 people were killed and 7,003 injured"). A figure that is not
round, given for the same slot by two independent origins, marks the same announcement
(1,014 killed is nobody's estimate); the other figures those two sentences give for
another slot of the same scope are then the same announcement's, and must agree: "over
5,300 injured" beside "1,014 killed" in one report and "7,003 injured" beside it in
another is a conflict, whatever the reports' dates, which the timelines
(:mod:`.discrepancy_timeline`) cannot place when one report is undated.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from ..analysis.facts.agreement import one_round_figure, rounded, stated_bound
from ..model import Fact, Finding
from .discrepancy_figures import point, vague
from .discrepancy_timeline import Report, Slots, report_finding
from .discrepancy_values import Comparison

#: The smallest figure that can mark an announcement: small counts repeat by chance.
_MARK_FLOOR = 20


def findings(slots: Slots) -> Iterable[Finding]:
    """Conflicts between the figures of timeline statements that share a mark."""
    corpus, origin_of = slots.corpus, slots.origin_of
    counts: dict[str, dict[str, tuple[Fact, str]]] = {}  # statement → subject → its one count and its scope
    by_mark: dict[tuple[str, float], list[str]] = defaultdict(list)
    for statement, reports in slots.reports.items():
        by_subject: dict[str, list[Report]] = defaultdict(list)
        for report in reports:
            by_subject[report.fact.subject].append(report)
        counts[statement] = {
            subject: (own[0].fact, own[0].scope) for subject, own in by_subject.items() if len(own) == 1
        }
        for subject, (fact, _) in counts[statement].items():
            if _mark(fact):
                by_mark[(subject, fact.low or 0.0)].append(statement)
    for (subject, _), members in by_mark.items():
        if len({origin_of[corpus.statement(m).doc] for m in members}) < 2:
            continue  # copies repeat their original's figures: no second witness
        if len({counts[m][subject][1] for m in members} - {""}) > 1:
            continue  # the mark given for different countries: not one announcement
        others: dict[str, list[tuple[Fact, str]]] = defaultdict(list)
        for m in members:
            for other, (fact, scope) in counts[m].items():
                if other != subject:
                    others[other].append((fact, scope))
        for other, given in others.items():
            facts = [fact for fact, _ in given]
            if len({scope for _, scope in given} - {""}) > 1 or len({origin_of[f.doc] for f in facts}) < 2:
                continue
            if not _two_figures(facts, origin_of):
                continue
            mark = counts[members[0]][subject][0].text
            reason = (
                f"the reports give the same announcement's {subject} ({mark}), so their figures for {other} should "
                "agree"
            )
            yield report_finding(corpus, other, facts, origin_of, "conflict", reason, slots.outlet, link="announcement")


def _mark(fact: Fact) -> bool:
    """A figure exact enough to mark one announcement: not round, not small, not an open "dozens". An open count
    is judged by the figure it is written with: "at least 1,014" marks, "more than 650" does not."""
    stated = stated_bound(fact)
    if fact.low is None or not stated.isdigit():
        return False
    value = int(stated)
    if value < _MARK_FLOOR or value % 10 == 0:
        return False
    return fact.high == fact.low or fact.high == float("inf")  # "1,014", "at least 1,014"


def _two_figures(facts: list[Fact], origin_of: dict[str, str]) -> bool:
    """Whether two independent origins give different figures, each named by the figure it is written with
    ("over 5,300" against 7,003 of the same announcement are two figures), unless one is the other rounded
    ("more than 650" or "650" beside 657) or both are one round figure ("over 650", "650"); vague counts give
    none. Compared figure by figure, so that hundreds of reports of a few figures cost a few comparisons."""
    by_point: dict[float, list[Fact]] = defaultdict(list)
    for fact in facts:
        if not vague(fact):
            by_point[point(fact)].append(fact)
    figures = list(by_point.values())
    for n, these in enumerate(figures):
        for those in figures[n + 1 :]:
            origins = {origin_of[f.doc] for f in these} | {origin_of[f.doc] for f in those}
            a, b = these[0], those[0]
            told_alike = rounded(a, b) or rounded(b, a) or one_round_figure(a, b) or _bound_of(a, b) or _bound_of(b, a)
            if len(origins) > 1 and not told_alike:
                return True
    return False


def _bound_of(x: Fact, y: Fact) -> bool:
    """Whether ``x``, an open bound written with a round figure, is what ``y`` gives rounded down at that figure's
    own precision: "more than 100" for 155 or "at least 155" (anything from 100 to 199 is told so), where "over
    5,300" is not 7,003 (it would be told "over 7,000")."""
    figure = stated_bound(x)
    if x.high != float("inf") or not figure.isdigit() or y.low is None or y.high not in (y.low, float("inf")):
        return False
    zeros = len(figure) - len(figure.rstrip("0"))
    return bool(zeros) and 0 <= y.low - int(figure) < 10**zeros


#: Exact figures of different slots two statements must share to report one announcement.
_ANNOUNCED = 2


def one_announcement(fa: list[Fact], fb: list[Fact]) -> bool:
    """Whether two aligned statements give the same exact figures for as many slots ("six police killed and 12
    injured" in both): however they are worded, they report one announcement, which came from one source, so their
    speakers are compared (:mod:`.discrepancy`). Two figures together rarely coincide by chance, so no floor as a
    single mark's; but "a" and "one" count anything."""
    shared = _figures(fa) & _figures(fb)
    return len({subject for subject, _ in shared}) >= _ANNOUNCED


def _figures(facts: list[Fact]) -> set[tuple[str, float]]:
    return {
        (f.subject, f.low)
        for f in facts
        if f.kind == "quantity" and f.subject and f.low is not None and f.low == f.high and f.low > 1
    }


def moments_apart(comparisons: list[Comparison]) -> list[Comparison]:
    """Counts of two aligned statements, as agreeing where one statement is the other's earlier moment: its figures
    smaller for two slots or more, and larger for none ("one officer killed and six injured" in the first hour,
    "six killed and 12 injured" by the evening). A toll and its injured rise together; one announcement told two
    ways does not put every figure of one outlet below the other's."""
    differ = [c for c in comparisons if not c.agree and c.a.low is not None and c.b.low is not None]
    smaller = {(c.a.low or 0.0) < (c.b.low or 0.0) for c in differ}
    if len(smaller) != 1 or len({c.a.subject for c in differ}) < _ANNOUNCED:
        return comparisons
    return [replace(c, agree=True) if c in differ else c for c in comparisons]
