"""Fixed measures (a quake's magnitude, a hall's capacity), compared event by event across the corpus.

A measure does not grow while a story unfolds, so every report of one event's measure
should give the same value; yet a story often has several events that carry one
(the main quake, a second quake hours later, an aftershock, a quake two weeks on), and
outlets rarely say which in words that align. The events are told apart with the
evidence the corpus itself gives, not by the wording of one article:

* **one article, two values**: an article whose body gives two different magnitudes
  tells of two events (a headline is not counted: it may contradict its own body, which
  :mod:`.discrepancy_headline` reports);
* **dates**: reports whose sentences date them to different days are different events, and
  an article cannot report an event dated after the article itself;
* **size**: reports of one event differ by a rounding or an agency's reading (7.7
  against 7.8), never by more than :data:`SAME_EVENT` (6 % for a magnitude; a hall's capacity
  may be given for seats or for standing room, half as much again).

Reports are clustered, nearest values first, under those constraints (every pair in a
cluster must satisfy them). A cluster whose reports give different values from at least
two independent origins is a finding: two values each given by several origins are two
agencies' readings (scope); a value one origin alone gives is a conflict. Reports dated
before the story are another event's and are left out.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..analysis.facts import dates
from ..model import Corpus, Fact, Finding
from .discrepancy_figures import earlier_event, period_start
from .discrepancy_timeline import report_finding
from .discrepancy_values import MEASURES, agency_readings, value_classes

#: The largest ratio between two reports of one event's measure: 7.4 against 7.8 is one quake read by two
#: agencies; 6.4 against 7.6 are two quakes.
SAME_EVENT = {"magnitude": 1.06, "capacity": 1.5}
_NEAR = 60  # characters between a measure and a date said of its event


@dataclass(frozen=True)
class _Mention:
    fact: Fact
    title: bool  #: in a headline, which may contradict its own body
    days: frozenset[str]  #: the days (ISO, perhaps "????-MM-DD") the sentence dates the event to
    reported: str  #: the article's date (ISO), "" where unknown


def is_measure(fact: Fact) -> bool:
    return fact.kind == "quantity" and fact.subject in MEASURES


def findings(
    corpus: Corpus,
    facts_of: dict[str, list[Fact]],
    origin_of: dict[str, str],
    outlet: Callable[[str], str],
) -> Iterable[Finding]:
    start = period_start(corpus)
    by_subject: dict[str, list[_Mention]] = {}
    for statement in corpus.statements:
        own = facts_of.get(statement.id, [])
        measures = [f for f in own if is_measure(f) and f.low is not None and f.low == f.high]  # not "6 to 7"
        if not measures or earlier_event(own, start):
            continue
        when = [f for f in own if f.kind == "date" and dates.parts(f.value)[2]]
        # A date is told of the measure nearest to it ("a 5.8 quake hit on March 24, two weeks after the 6.9 one").
        nearest = {d: min(measures, key=lambda m: _gap(d, m)) for d in when}
        for fact in measures:
            days = frozenset(d.value for d in when if nearest[d] is fact and _gap(d, fact) <= _NEAR)
            mention = _Mention(fact, statement.role == "title", days, corpus.document(statement.doc).date)
            by_subject.setdefault(fact.subject, []).append(mention)
    found = {subject: _events(mentions) for subject, mentions in by_subject.items()}
    follows = _readings_followed(found, origin_of)
    for subject, events in found.items():
        for n, event in enumerate(events):
            facts = [m.fact for m in event]
            classes = value_classes(facts)
            if len(classes) < 2 or len({origin_of[f.doc] for f in facts}) < 2:
                continue
            others = len(events) - 1
            apart = (
                f" (told apart from {others} other event{'s' if others != 1 else ''} in the corpus)" if others else ""
            )
            # Two readings each given by several independent origins are two measurements (agencies measure a quake
            # each their own way): a difference of scope. A reading only one origin gives is an error.
            readings = agency_readings(classes, origin_of)
            alone = [f for cls in classes if cls not in readings for f in cls]
            if len(readings) >= 2:
                reason = f"two readings, each reported by several independent sources{apart}"
                kept = [f for cls in readings for f in cls]
                yield report_finding(corpus, subject, kept, origin_of, "scope", reason, outlet, link="measure")
            if alone and subject == "capacity" and _seats_and_room(corpus, classes):
                reason = f"one figure counts the seats, another the room, standing places too{apart}"
                yield report_finding(corpus, subject, facts, origin_of, "scope", reason, outlet, link="measure")
            elif alone and _other_agency(classes, readings, follows, (subject, n), origin_of):
                reason = f"each value's sources follow another agency's reading of another event{apart}"
                yield report_finding(corpus, subject, facts, origin_of, "scope", reason, outlet, link="measure")
            elif alone:
                reason = f"reports of one fixed measure give different values{apart}"
                yield report_finding(corpus, subject, facts, origin_of, "conflict", reason, outlet, link="measure")


_Event = tuple[str, int]  # a subject and the event's number among that subject's events


def _readings_followed(found: dict[str, list[list[_Mention]]], origin_of: dict[str, str]) -> dict[str, dict]:
    """For each document, the reading it gives of each event two agencies measured each their own way (two values
    each given by several independent origins): document → event → the reading's number; a document that gives both
    readings of one event follows neither."""
    follows: dict[str, dict[_Event, int]] = defaultdict(dict)
    for subject, events in found.items():
        for n, event in enumerate(events):
            classes = value_classes([m.fact for m in event])
            readings = agency_readings(classes, origin_of)
            if len(readings) < 2:
                continue
            for r, cls in enumerate(readings):
                for f in cls:
                    known = follows[f.doc].get((subject, n), r)
                    follows[f.doc][(subject, n)] = r if known == r else -1
    return follows


def _other_agency(
    classes: list[list[Fact]],
    readings: list[list[Fact]],
    follows: dict[str, dict],
    here: _Event,
    origin_of: dict[str, str],
) -> bool:
    """Whether each value one origin alone gives comes from sources that, for another event, follow another
    agency's reading than most sources of the other values (a 7.5 from outlets that gave the first quake USGS's
    7.8, against a 7.6 from outlets that gave it AFAD's 7.7): another agency's reading, not an error."""
    alone = [cls for cls in classes if cls not in readings]
    rest = [f.doc for cls in readings for f in cls]
    if not alone or not rest:
        return False
    for cls in alone:
        sides = {(event, follows[f.doc].get(event, -1)) for f in cls for event in follows[f.doc] if event != here}
        if not any(r >= 0 and _most_follow_another(rest, event, r, follows) for event, r in sides):
            return False
    return True


def _most_follow_another(docs: list[str], event: _Event, reading: int, follows: dict[str, dict]) -> bool:
    sides = [follows[d][event] for d in dict.fromkeys(docs) if follows[d].get(event, -1) >= 0]
    return bool(sides) and sum(r != reading for r in sides) > len(sides) / 2


_SEATS = re.compile(r"[\s-]*(?:seats?|seated|seater)\b", re.IGNORECASE)


def _seats_and_room(corpus: Corpus, classes: list[list[Fact]]) -> bool:
    """Whether one value is given as seats ("a 6,200-seat hall") and another never is ("a capacity of 7,500"): a
    hall holds more people standing than seated, so the two count different things."""
    seated = [any(_SEATS.match(corpus.document(f.doc).text, f.end) for f in cls) for cls in classes]
    return any(seated) and not all(seated)


def _gap(date: Fact, fact: Fact) -> int:
    """Characters between a date and a measure: a date is told of the measured event in the words around it ("a
    6.4 tremor that hit Hatay on Feb. 20"), not elsewhere in a long sentence ("rescuers on Tuesday dug through
    buildings a 7.8 quake felled")."""
    return max(date.start, fact.start) - min(date.end, fact.end)


class _Cluster:
    """Mentions taken for one event, with what a merge must check kept in summary, so that a merge costs little
    however many mentions a cluster holds: the values each document's body gives, the distinct sets of days its
    sentences date the event to, the latest first day among them, and the earliest report date."""

    def __init__(self, mentions: list[_Mention]):
        self.mentions: list[_Mention] = []
        self.values: list[float] = []
        self.body: dict[str, set[float]] = defaultdict(set)
        self.dated: set[frozenset[str]] = set()
        self.floor = ""  # the latest first day of the dated mentions (ISO)
        self.reported = ""  # the earliest report date of the mentions (ISO)
        self.absorb(mentions)

    @property
    def low(self) -> float:
        return self.values[0]

    @property
    def high(self) -> float:
        return self.values[-1]

    @property
    def centre(self) -> float:
        return self.values[len(self.values) // 2]

    def absorb(self, mentions: list[_Mention]) -> None:
        self.mentions += mentions
        self.values = sorted(self.values + [m.fact.low or 0.0 for m in mentions])
        for m in mentions:
            if not m.title:  # a headline may contradict its own body (discrepancy_headline)
                self.body[m.fact.doc].add(m.fact.low or 0.0)
            if m.days:
                self.dated.add(m.days)
                known = [d for d in m.days if not d.startswith("?")]
                if known:
                    self.floor = max(self.floor, min(known))
            if m.reported and (not self.reported or m.reported < self.reported):
                self.reported = m.reported

    def may_join(self, other: _Cluster, bound: float) -> bool:
        """Whether every mention of the two may be of one event."""
        low, high = min(self.low, other.low), max(self.high, other.high)
        if low <= 0 or high / low > bound:
            return False
        for doc in self.body.keys() & other.body.keys():
            if len(self.body[doc] | other.body[doc]) > 1:
                return False  # one article's body gives two values: two events
        # An article cannot report an event after its own date: some dated mention after some report.
        if (self.floor and other.reported and self.floor > other.reported) or (
            other.floor and self.reported and other.floor > self.reported
        ):
            return False
        return not any(_other_days(x, y) for x in self.dated for y in other.dated)


def _events(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Mentions clustered into events: nearest values merged first, while every pair may be one event.

    Mentions of one value are first gathered into as few clusters as they may (nothing but their dates can part
    them); then the two clusters with the nearest centres (the larger pair first) that may be one event are
    merged, until none may, with a heap of candidate pairs."""
    if not mentions:
        return []
    bound = SAME_EVENT[mentions[0].fact.subject]
    start: dict[tuple, list[_Mention]] = defaultdict(list)
    for n, m in enumerate(sorted(mentions, key=lambda m: (m.fact.low, m.fact.doc, m.fact.start))):
        # A sentence that dates the event after its own article (a plan, a forecast) is kept on its own.
        alone = _apart_in_time((m.days, m.reported), (m.days, m.reported))
        start[(m.fact.low, m.days, m.reported, n if alone else -1)].append(m)
    by_value: dict[float, list[_Cluster]] = defaultdict(list)
    for (value, *_), own in start.items():
        group = _Cluster(own)
        home = next((c for c in by_value[value] if c.may_join(group, bound)), None)
        if home is None:
            by_value[value].append(group)
        else:
            home.absorb(group.mentions)
    clusters = dict(enumerate(c for own in by_value.values() for c in own))
    heap: list[tuple[float, int, int, int]] = []

    def push(n: int) -> None:
        for other in clusters:
            if other != n:
                x, y = clusters[n], clusters[other]
                if max(x.high, y.high) <= bound * min(x.low, y.low):  # else never one event
                    size = len(x.mentions) + len(y.mentions)
                    heapq.heappush(heap, (abs(x.centre - y.centre), -size, min(n, other), max(n, other)))

    for n in list(clusters):
        push(n)  # each pair is pushed from both ends; the second pop finds one of them gone or merged
    fresh = len(clusters)
    while heap:
        _, _, a, b = heapq.heappop(heap)
        if a not in clusters or b not in clusters or not clusters[a].may_join(clusters[b], bound):
            continue
        merged = clusters.pop(a)
        merged.absorb(clusters.pop(b).mentions)
        clusters[fresh] = merged
        push(fresh)
        fresh += 1
    return [c.mentions for _, c in sorted(clusters.items())]


def _other_days(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether two sentences date their events to days that cannot be one."""
    pairs = [(a, b) for a in x for b in y if dates.comparable(a, b)]
    return bool(pairs) and not any(dates.compatible(a, b) for a, b in pairs)


def _apart_in_time(x: tuple[frozenset[str], str], y: tuple[frozenset[str], str]) -> bool:
    """Whether mentions dated so (the days their sentences give, their report's date) are of different events."""
    (days_x, reported_x), (days_y, reported_y) = x, y
    if _after(days_x, reported_y) or _after(days_y, reported_x):
        return True  # an article cannot report an event after its own date
    return _other_days(days_x, days_y)


def _after(days: frozenset[str], reported: str) -> bool:
    """Whether every one of the days falls after the report's date."""
    known = [d for d in days if not d.startswith("?")]
    return bool(reported and known) and all(d > reported for d in known)
