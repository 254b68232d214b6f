"""Event links: statements of different documents about one event, and the dates compared between them.

Two statements that both describe an event (an attack, a clash, a meeting …) at the same
place, or on the same day, are taken to describe one event even when their wording is
too far apart to align (:mod:`.discrepancy`); they are compared on counts of people with
what happened to them, on the day, or on the place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

from ..analysis.facts import agreement, dates
from ..analysis.facts.places import COUNTRIES
from ..analysis.facts.tokens import same_name
from ..model import Corpus, Fact, Statement
from .discrepancy_values import EVENT_OUTCOMES, Comparison

#: Words that mark a statement as describing an event (an incident, a meeting), the anchor of event links.
_EVENT_WORDS = re.compile(
    r"\b(?:attack(?:s|ed|ers?)?|assault|clash(?:es|ed)?|riots?|rioting|siege|firefight|shoot(?:ing|out)|"
    r"gunfight|explosion|bomb(?:ing)?|ambush(?:ed)?|raid|incident|violence|fighting|battle|"
    r"protests?|demonstrations?|killed|injured|wounded|meeting|met|talks|summit)\b",
    re.IGNORECASE,
)
_MAX_ANCHOR = 200  # statements sharing one anchor beyond which it is too common to link events by


def compare_when(fa: list[Fact], fb: list[Fact], kind: str, link: str, day_only: bool = False) -> list[Comparison]:
    """Dates (or times) of two statements about one thing: a conflict only if none of them can agree.

    A statement with two dates tells two events' dates ("charged on Sunday over the March 22 attack"): which
    is which cannot be told from the words alone, so such a statement agrees where it can and never conflicts.
    """
    xs = [f for f in fa if f.kind == kind]
    ys = [f for f in fb if f.kind == kind]
    if len({f.value for f in xs}) > 1 or len({f.value for f in ys}) > 1:
        return [Comparison(x, y, True, link) for x in xs for y in ys if _agree_when(kind, x, y)]
    if kind == "date":
        pairs = [(x, y) for x in xs for y in ys if dates.comparable(x.value, y.value)]
        if day_only:
            pairs = [(x, y) for x, y in pairs if dates.parts(x.value)[2] and dates.parts(y.value)[2]]
        agree = [(x, y) for x, y in pairs if dates.compatible(x.value, y.value)]
    else:
        pairs = [(x, y) for x in xs for y in ys]
        agree = [(x, y) for x, y in pairs if dates.same_time(x.value, y.value)]
    if not pairs:
        return []
    if agree:
        return [Comparison(x, y, True, link) for x, y in agree]
    return [Comparison(x, y, False, link) for x, y in pairs]


#: Minutes within which two clock times of aligned sentences are one moment reported two ways ("oko 8 časova" /
#: "around 8:40 a.m."); further apart they may be two events' times (the first quake's and the second's).
ONE_MOMENT = 90


def close_times(fa: list[Fact], fb: list[Fact], link: str) -> list[Comparison]:
    """The clock times of two sentences aligned by meaning but worded apart (a translation, a paraphrase in another
    language), compared where each gives one time, in one zone, and the two lie within :data:`ONE_MOMENT`."""
    xs = {f.value: f for f in fa if f.kind == "time"}
    ys = {f.value: f for f in fb if f.kind == "time"}
    if len(xs) != 1 or len(ys) != 1:
        return []
    (a, x), (b, y) = next(iter(xs.items())), next(iter(ys.items()))
    clock_a, _, zone_a = a.partition(" ")
    clock_b, _, zone_b = b.partition(" ")
    minutes = [_minutes(clock_a), _minutes(clock_b)]
    if zone_a != zone_b or None in minutes or abs(minutes[0] - minutes[1]) > ONE_MOMENT:  # type: ignore[operator]
        return []
    return compare_when([x], [y], "time", link)


def _minutes(clock: str) -> int | None:
    hours, _, minutes = clock.partition(":")
    return int(hours) * 60 + int(minutes) if hours.isdigit() and minutes.isdigit() else None


def _agree_when(kind: str, x: Fact, y: Fact) -> bool:
    if kind == "date":
        return dates.comparable(x.value, y.value) and dates.compatible(x.value, y.value)
    return dates.same_time(x.value, y.value)


def tells_of_event(text: str) -> bool:
    """Whether a statement describes an event (an incident, a meeting): what :func:`event_links` anchors on."""
    return _EVENT_WORDS.search(text) is not None


def event_links(
    corpus: Corpus, facts_of: dict[str, list[Fact]], eventful: set[str] | None = None
) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """Pairs of statements from different documents about one incident, with the anchors (kind, key) they share
    (``eventful``: the ids of the statements that :func:`tells_of_event`, if known)."""
    anchors: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for statement in corpus.statements:
        if not (statement.id in eventful if eventful is not None else tells_of_event(statement.text)):
            continue
        for fact in facts_of.get(statement.id, []):
            if fact.kind == "place" and fact.value not in COUNTRIES:
                anchors[("place", _place_key(fact.value))].append(statement)
            elif fact.kind == "date" and dates.parts(fact.value)[2]:
                anchors[("date", fact.value[5:] if fact.value.startswith("????") else fact.value)].append(statement)
    links: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for anchor, members in anchors.items():
        if len(members) > _MAX_ANCHOR:
            continue
        for x, y in combinations(members, 2):
            if x.doc != y.doc:
                links[(x.id, y.id) if x.id < y.id else (y.id, x.id)].add(anchor)
    return links


def _place_key(value: str) -> str:
    # Anchors must meet across spellings ("Banjska"/"Banska"): key on the folded consonant skeleton.
    return re.sub(r"[aeiouyj]", "", value)


def compare_event(fa: list[Fact], fb: list[Fact], anchors: set[tuple[str, str]], one_report: bool) -> list[Comparison]:
    out: list[Comparison] = []
    shared = {kind for kind, _ in anchors}
    if one_report:  # else compared by slot across the corpus (discrepancy_timeline)
        for x in fa:
            for y in fb:
                if x.kind == y.kind == "quantity" and x.subject == y.subject and x.subject.endswith(EVENT_OUTCOMES):
                    out.append(Comparison(x, y, agreement.compatible(x, y), "event"))
    if "place" in shared:
        # The day said of the shared place ("the meeting in Ohrid on April 18"), where the sentence has others too.
        places = {key for kind, key in anchors if kind == "place"}
        out += compare_when(_dates_at(fa, places), _dates_at(fb, places), "date", "event", day_only=True)
    if "date" in shared and "place" not in shared:
        xs = [f for f in fa if f.kind == "place" and f.value not in COUNTRIES]
        ys = [f for f in fb if f.kind == "place" and f.value not in COUNTRIES]
        if xs and ys and not any(same_name(x.value, y.value) for x in xs for y in ys):
            out += [Comparison(x, y, False, "event") for x in xs for y in ys]
    return out


_NEAR = 40  # characters between a place and the date said of it


def _dates_at(facts: list[Fact], places: set[str]) -> list[Fact]:
    """A statement's dates, or where it has several, the one nearest a mention of one of ``places``."""
    days = [f for f in facts if f.kind == "date"]
    if len({f.value for f in days}) < 2:
        return days
    at = [f for f in facts if f.kind == "place" and _place_key(f.value) in places]
    gap = {d: min((max(d.start, p.start) - min(d.end, p.end) for p in at), default=_NEAR + 1) for d in days}
    nearest = min(gap.values())
    near = [d for d in days if gap[d] == nearest <= _NEAR]
    return near if len({f.value for f in near}) == 1 else days
