"""Counts of one slot across the whole corpus, set against report time: updates and conflicts.

A toll is reported by every outlet in its own words, mostly in sentences that do not
align ("the death toll rose to 137", "at least 133 people had died"). So counts whose
subject names an outcome that grows while a story unfolds (people killed, injured,
arrested, deployed …) are compared across the corpus by **slot**, not by sentence:

* **slot**: the counted class and its outcome ("people killed"), split by **scope**
  where the corpus reports the slot for different places: the countries said of the
  count ("in Turkey" / "in Syria" / "in both countries"; :mod:`.discrepancy_scope`). Counts in a statement
  dated before the story's period ("the 2004 school siege killed 334") are another
  event's and are left out;
* **report time**: the article's date. A figure that grows with report time is an
  **update**: one info finding with the timeline. A figure that falls in a later report,
  or two reports of the same day that give close but different figures (one announcement
  reported two ways: 2,315 against 2,316), is a **conflict**. Same-day figures far apart
  are read as reports from different hours of a rising toll, not as a conflict;
* **origins**: copies of one wire story (:mod:`compare.analysis.copies`) are one origin,
  so "k of N sources" counts outlets that reported independently.

Counts of other subjects (countries, vehicles, distances) are compared only where the statements are linked
(:mod:`.discrepancy`): they do not grow with time, and without a link the same noun often counts different things.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cached_property

from ..analysis.facts.ages import AGE
from ..infra.disjoint import DisjointSets
from ..model import Corpus, Evidence, Fact, Finding, Statement
from ..payloads import DiscrepancyData, TimelineEntry
from .discrepancy_figures import (
    close_figures,
    day_number,
    differ,
    earlier_event,
    figure_classes,
    mistyped,
    period_start,
    point,
    rose_that_day,
    same_day_differ,
    told_by_one,
    vague,
    within_a_day,
)
from .discrepancy_findings import value_class
from .discrepancy_scope import by_scope, crossed_splits, scope_and_place, scope_text, split_places
from .discrepancy_values import (
    EVENT_OUTCOMES,
    FALLING,
    MEASURES,
    UNCOMPARED,
    label,
    moves_within_a_day,
    moving_share,
    value_classes,
)

#: Independent origins that must count a thing (other than people with an outcome) for it to be a slot.
MIN_ORIGINS = 3
_NOT_SLOTS = frozenset(
    "km mile mi kilometer kilometre metre meter percent per hour day minute second week month year time".split()
)
#: Independent reports a figure must contradict to be called a conflict with the timeline: one contradicting
#: report may itself be the odd one out, or a count of something else read as the toll.
_OUTLIER_WITNESSES = 2


def slotted(fact: Fact, subjects: frozenset[str]) -> bool:
    """Whether a fact is compared by slot across the corpus (its subject is one of :func:`slot_subjects`)."""
    return fact.kind == "quantity" and fact.low is not None and fact.subject in subjects


def slot_subjects(facts: list[Fact], origin_of: dict[str, str]) -> frozenset[str]:
    """The subjects compared by slot: people with an outcome that grows (killed, injured, arrested …), and any
    other counted thing that at least :data:`MIN_ORIGINS` independent origins count (buildings, aftershocks,
    suspects): a count that many outlets give is one of the story's figures. Units, ordinals, ages, shares and
    bare "people" or "children" (which count anything) are not slots."""
    origins: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        if f.kind == "quantity" and f.low is not None and f.subject:
            origins[f.subject].add(origin_of[f.doc])
    # A holder's seats are one named thing, not a noun any count may use: two origins make them a slot.
    least = lambda subject: 2 if subject.startswith("seats of ") else MIN_ORIGINS  # noqa: E731
    slot = lambda subject, own: subject.endswith(EVENT_OUTCOMES) or (len(own) >= least(subject) and _countable(subject))  # noqa: E731
    return frozenset(subject for subject, own in origins.items() if slot(subject, own))


#: People counted without what happened to them: "three children" may be the dead, the rescued or the audience;
#: girls and boys, parts of a count of children, are never given an outcome ("seven girls and a boy were killed").
_ANYONE = frozenset({"people", "children", "students", "girl", "boy"})


def _countable(subject: str) -> bool:
    first = subject.split()[0]
    return not (
        first in _NOT_SLOTS
        or subject in UNCOMPARED
        or subject.endswith("(ordinal)")
        or subject == AGE
        or subject.startswith(("age of ", "km "))
        or subject in _ANYONE
    )


@dataclass(frozen=True)
class Report:
    fact: Fact
    origin: str  #: the family origin of the fact's document
    day: str  #: the report's date (ISO), "" where unknown
    scope: str  #: countries named in the count's clause, "+"-joined; "" where none
    place: str = ""  #: the town it counts for, where some statement splits its subject by towns (.discrepancy_scope)


def timeline_statements(corpus: Corpus, facts_of: dict[str, list[Fact]], subjects: frozenset[str]) -> set[str]:
    """Statements whose slotted counts go into the timelines: not those that date a toll before the story ("the
    2004 siege killed 334"). A year before the story beside a count of something else is its background ("the
    11-point plan to normalise relations after the 1998-1999 war"), not its date."""
    start = period_start(corpus)
    timed = set()
    for s in corpus.statements:
        counts = [f for f in facts_of.get(s.id, ()) if slotted(f, subjects)]
        tolls = any(f.subject.endswith(EVENT_OUTCOMES) for f in counts)
        if counts and not (tolls and earlier_event(facts_of[s.id], start)):
            timed.add(s.id)
    return timed


@dataclass(frozen=True)
class Slots:
    """What the comparisons by slot read of a run: the corpus, each statement's facts, the statements whose counts
    go into the timelines (:func:`timeline_statements`), the slot subjects (:func:`slot_subjects`), each document's
    origin (copies count once) and how an outlet is named."""

    corpus: Corpus
    facts_of: dict[str, list[Fact]]
    statements: set[str]
    subjects: frozenset[str]
    origin_of: dict[str, str]
    outlet: Callable[[str], str]

    @cached_property
    def reports(self) -> dict[str, list[Report]]:
        """:func:`reports_by_statement`, worked out once: the timelines, announcements and town splits read it."""
        return reports_by_statement(self)


def reports_by_statement(slots: Slots) -> dict[str, list[Report]]:
    """Each timeline statement's slotted counts as reports: their origin, report date, scope and town."""
    out: dict[str, list[Report]] = {}
    for statement in slots.corpus.statements:
        if statement.id not in slots.statements:
            continue
        day = slots.corpus.document(statement.doc).date
        own = slots.facts_of[statement.id]
        out[statement.id] = [
            Report(f, slots.origin_of[f.doc], day, *_scope_and_place(statement, f, own))
            for f in own
            if slotted(f, slots.subjects)
        ]
    split = split_places(out.values())
    return {
        s: [r if r.place in split.get(r.fact.subject, ()) else replace(r, place="") for r in own]
        for s, own in out.items()
    }


def _scope_and_place(statement: Statement, fact: Fact, facts: list[Fact]) -> tuple[str, str]:
    # a share's scope is its holder, in its subject: "Unity to Save Georgia" is no count in Georgia
    return ("", "") if moving_share(fact.subject) else scope_and_place(statement, fact, facts)


def findings(slots: Slots) -> Iterable[Finding]:
    """Timeline findings over the slotted counts of the timeline statements."""
    reports: dict[str, list[Report]] = defaultdict(list)
    for report in (r for own in slots.reports.values() for r in own):
        reports[report.fact.subject].append(report)
    for subject, own_reports in reports.items():
        for crossed in crossed_splits(own_reports):
            towns = "+".join(sorted({r.place for r in crossed}))
            why = "the sources split the toll between towns differently"
            yield _finding(slots.corpus, subject, towns, crossed, "conflict", why, slots.outlet)
        told = told_by_one([r.fact for r in own_reports])  # in any scope: "13 (one in Konjic, 12 in Jablanica)"
        for scope, bucket in by_scope(own_reports).items():
            yield from _bucket_findings(slots.corpus, subject, scope, bucket, slots.outlet, told)


def _bucket_findings(
    corpus: Corpus, subject: str, scope: str, reports: list[Report], outlet: Callable[[str], str], told: Callable
) -> Iterable[Finding]:
    if len({r.origin for r in reports}) < 2:
        return
    # One announcement reported two ways: close figures on the same day, or figures one digit apart (2,315
    # against 2,316; 15,384 against 15,834) within a day of each other, where one was probably mistyped.
    same_day, typos = DisjointSets[int](), DisjointSets[int]()
    for i, j in within_a_day([r.day for r in reports]):
        x, y = reports[i], reports[j]
        # Same-day figures are compared as intervals where a bound is round: on a story's first day "more than 100"
        # and 111 are hours apart, not a contradiction. A bound that is not round names an announcement's figure:
        # "at least 121" against 145 of the same day is two figures.
        # Not x.origin == y.origin: an edited copy that changed a figure speaks for itself on that figure.
        if x.fact.doc == y.fact.doc or not same_day_differ(x.fact, y.fact) or told(x.fact, y.fact):
            continue
        if mistyped(x.fact, x.day, y.fact, y.day):
            typos.union(i, j)
        elif x.day and x.day == y.day and close_figures(x.fact, y.fact) and not moves_within_a_day(subject):
            if rose_that_day(x.fact, y.fact, [r.fact for r in reports if r.day > x.day], subject):
                continue  # two moments of a toll that rose that day: the timeline tells them (below)
            same_day.union(i, j)
    for sets, why in (
        (typos, "one figure looks like a typo of the other (a digit changed or two swapped)"),
        (same_day, "reports of the same day ({day}) give close but different figures"),
    ):
        for members in sets.groups():
            if len(members) > 1:
                chosen = [reports[i] for i in members]
                reason = why.format(day=chosen[0].day)
                yield _finding(corpus, subject, scope, chosen, "conflict", reason, outlet)
    falls = subject.endswith(FALLING)
    chain, outliers = _timeline_split(reports, -1.0 if falls else 1.0)
    if moving_share(subject):
        # a share of a count in progress may fall as well as rise: every dated report is its timeline, and only a
        # typo of one figure (above) is a conflict
        chain, outliers = [r for r in reports if r.day], []
    # A report its own day's reports contradict is said once, in that conflict, not again against other days.
    said = {reports[i] for sets in (typos, same_day) for group in sets.groups() if len(group) > 1 for i in group}
    # One day's figure against the same reports is one finding, however many mentions give it.
    merged: dict[tuple, list[Report]] = defaultdict(list)
    for x, contradicted in (o for o in outliers if o[0] not in said):
        merged[(x.day, x.fact.low, x.fact.high, tuple(contradicted))].append(x)
    for (day, _, _, contradicted), xs in merged.items():
        later = contradicted[0].day > day
        smaller = "smaller" if later != falls else "larger"
        reason = f"{xs[0].fact.text} ({day}) against {'later' if later else 'earlier'} reports of {smaller} figures"
        yield _finding(corpus, subject, scope, [*xs, *contradicted], "conflict", reason, outlet)
    days = sorted({r.day for r in chain})
    # Two counts of a thing alone, far apart (two collapsed blocks, 1,200 damaged buildings; "seven" five times in
    # one article, then "dozens"), show no story unfolding: a thing's count says nothing of what happened to it.
    ends = list({r.origin: r for r in chain}.values())
    lone = len(ends) == 2 and not subject.endswith(EVENT_OUTCOMES) and not close_figures(ends[0].fact, ends[1].fact)
    lone = lone and (len(chain) == 2 or vague(ends[0].fact) or vague(ends[1].fact))
    if len(days) > 1 and len(value_classes([r.fact for r in chain])) > 1 and not lone:
        # The timeline lists every report near its figures; the outliers above are flagged on their own as well. A
        # figure far from every figure of the timeline counts something else (another event's toll: "six killed
        # by the second quake" beside a toll of thousands) and is left out.
        moves = "changes" if moving_share(subject) else "falls" if falls else "grows"
        reason = f"the figure {moves} with report time, {days[0]} to {days[-1]}"
        in_chain = set(chain)
        listed = [
            r for r in reports if r in in_chain or vague(r.fact) or any(close_figures(r.fact, y.fact) for y in chain)
        ]
        yield _finding(corpus, subject, scope, listed, "update", reason, outlet)


def _timeline_split(reports: list[Report], sign: float = 1.0) -> tuple[list[Report], list[tuple[Report, list[Report]]]]:
    """The dated reports that form the longest figure-never-falls sequence over report time (never-rises, with
    ``sign`` -1, for a slot that falls), and the others that contradict it, each with the reports it contradicts
    (a later smaller or an earlier larger figure; the other way round for a slot that falls)."""

    def signed(r: Report) -> float:
        return sign * point(r.fact)

    dated = sorted((r for r in reports if r.day), key=lambda r: (r.day, signed(r)))
    values = [signed(r) for r in dated]  # once each: the loop below compares every pair
    best: list[int] = []
    before: list[int] = []
    for i, value in enumerate(values):  # longest non-decreasing subsequence, O(n²): a slot has tens of reports
        j, longest = -1, 0  # the first of the longest before it, as max() would pick
        for k in range(i):
            if values[k] <= value and best[k] > longest:
                j, longest = k, best[k]
        best.append(longest + 1)
        before.append(j)
    chain: list[Report] = []
    i = max(range(len(dated)), key=lambda i: best[i], default=-1)
    while i >= 0:
        chain.append(dated[i])
        i = before[i]
    chain.reverse()
    in_chain = set(chain)  # equal reports count as in it, as with a list
    outliers = []
    for x in dated:
        if x in in_chain or vague(x.fact):
            continue
        contradicted = [
            y
            for y in chain
            if y.origin != x.origin
            and differ(x.fact, y.fact)
            and close_figures(x.fact, y.fact)  # figures far apart count different things (another event, another slot)
            and ((y.day > x.day and signed(y) < signed(x)) or (y.day < x.day and signed(y) > signed(x)))
        ]
        if len({y.origin for y in contradicted}) >= _OUTLIER_WITNESSES:
            nearest = min(abs(day_number(y.day) - day_number(x.day)) for y in contradicted)
            outliers.append((x, [y for y in contradicted if abs(day_number(y.day) - day_number(x.day)) == nearest]))
    return chain, outliers


def report_finding(
    corpus: Corpus,
    subject: str,
    facts: list[Fact],
    origin_of: dict[str, str],
    relation: str,
    reason: str,
    outlet: Callable[[str], str],
    link: str,
) -> Finding:
    """A finding over facts compared outside a timeline (``link`` says how they were tied), pictured like one."""
    reports = [Report(f, origin_of[f.doc], corpus.document(f.doc).date, "") for f in facts]
    return _finding(corpus, subject, "", reports, relation, reason, outlet, link)


def _finding(
    corpus: Corpus,
    subject: str,
    scope: str,
    reports: list[Report],
    relation: str,
    reason: str,
    outlet: Callable[[str], str],
    link: str = "slot",
) -> Finding:
    doc_order = corpus.document_order()
    reports = sorted(reports, key=lambda r: (r.day or "9999", doc_order[r.fact.doc], r.fact.start))
    facts = list(dict.fromkeys(r.fact for r in reports))
    # A conflict's sides are its figures as named ("at least 121" against 145), an update's its compatible values.
    classes = figure_classes(facts) if relation == "conflict" else value_classes(facts)
    origins = {r.origin for r in reports}
    what = subject + (f", {scope_text(scope)}" if scope else "")
    timeline = _timeline(reports, outlet)
    picture = "; ".join(f"{e.day or 'undated'}: {e.value} ({', '.join(e.outlets)})" for e in timeline)
    copies = len({r.fact.doc for r in reports}) - len(origins)
    origin_note = (
        f" ({copies} republished {'copy' if copies == 1 else 'copies'} counted with their origin)" if copies else ""
    )
    if relation == "update":
        message = f"The figure for {what} changed as the story unfolded ({reason}): {picture}"
        severity = "info"
    elif link == "measure" and relation == "scope":
        message = f"Sources give the {what} of one {MEASURES[subject]} as different measurements ({reason}): {picture}"
        severity = "info"
    elif link == "measure":
        message = f"Sources disagree on the {what} of one {MEASURES[subject]}: {reason}. {picture}"
        severity = "warning"
    else:
        message = f"Sources disagree on how many ({what}): {reason}. {picture}"
        exact = all(f.low == f.high for f in facts)
        severity = "error" if exact else "warning"
    return Finding(
        id="",
        kind="discrepancy",
        subkind="measure" if link == "measure" else "count",
        severity=severity,  # type: ignore[arg-type]
        message=message + origin_note,
        statements=list(dict.fromkeys(f.statement for f in facts)),
        evidence=[Evidence(f.doc, f.start, f.end, f.text) for f in facts],
        data=DiscrepancyData(
            subject=what,
            values=[value_class(cls, label(cls), doc_order) for cls in classes],
            sources=len({f.doc for f in facts}),
            linked_by=[link],
            possible_update=relation == "update",
            relation=relation,
            reason=reason,
            origins=len(origins),
            timeline=timeline,
        ),
    )


def _timeline(reports: list[Report], outlet: Callable[[str], str]) -> list[TimelineEntry]:
    entries: dict[tuple[str, str], list[Report]] = {}
    for r in reports:
        entries.setdefault((r.day, r.fact.value), []).append(r)
    return [
        TimelineEntry(
            day=day,
            value=own[0].fact.text,
            documents=list(dict.fromkeys(r.fact.doc for r in own)),
            outlets=list(dict.fromkeys(outlet(r.fact.doc) for r in own)),
        )
        for (day, _), own in entries.items()
    ]
