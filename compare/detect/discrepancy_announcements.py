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
from itertools import combinations

from ..model import Fact, Finding
from .discrepancy_figures import differ
from .discrepancy_timeline import Report, Slots, report_finding, reports_by_statement

#: The smallest figure that can mark an announcement: small counts repeat by chance.
_MARK_FLOOR = 20


def findings(slots: Slots) -> Iterable[Finding]:
    """Conflicts between the figures of timeline statements that share a mark."""
    corpus, origin_of = slots.corpus, slots.origin_of
    counts: dict[str, dict[str, tuple[Fact, str]]] = {}  # statement → subject → its one count and its scope
    by_mark: dict[tuple[str, float], list[str]] = defaultdict(list)
    for statement, reports in reports_by_statement(slots).items():
        by_subject: dict[str, list[Report]] = defaultdict(list)
        for report in reports:
            by_subject[report.fact.subject].append(report)
        counts[statement] = {
            subject: (own[0].fact, own[0].scope) for subject, own in by_subject.items() if len(own) == 1
        }
        for subject, (fact, _) in counts[statement].items():
            if _mark(fact):
                by_mark[(subject, fact.low or 0.0)].append(statement)
    seen: set[tuple[Fact, Fact]] = set()
    for (subject, _), members in by_mark.items():
        for a, b in combinations(members, 2):
            if origin_of[corpus.statement(a).doc] == origin_of[corpus.statement(b).doc]:
                continue  # a copy repeats its original's figures: no second witness
            if not _same_scope(counts[a][subject][1], counts[b][subject][1]):
                continue
            for other, (x, scope_x) in counts[a].items():
                if other == subject or other not in counts[b]:
                    continue
                y, scope_y = counts[b][other]
                if (x, y) in seen or not _same_scope(scope_x, scope_y) or not differ(x, y):
                    continue
                seen.add((x, y))
                reason = (
                    f"both reports give the same announcement's {subject} ({counts[a][subject][0].text}), so "
                    f"their figures for {other} should agree"
                )
                yield report_finding(
                    corpus, other, [x, y], origin_of, "conflict", reason, slots.outlet, link="announcement"
                )


def _same_scope(a: str, b: str) -> bool:
    """Scopes that may be one: equal, or one unknown (the count's country not said beside it)."""
    return not a or not b or a == b


def _mark(fact: Fact) -> bool:
    """A figure exact enough to mark one announcement: not round, not small, not an open "dozens"."""
    value = fact.low
    if value is None or value != int(value) or value < _MARK_FLOOR or value % 10 == 0:
        return False
    return fact.high == value or fact.high == float("inf")  # "1,014", "at least 1,014"
