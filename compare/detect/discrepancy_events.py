"""Event links: statements of different documents about one event, and the dates compared between them.

Two statements that both describe an event (an attack, a clash, a meeting …) at the same
place, or on the same day, are taken to describe one event even when their wording is
too far apart to align (:mod:`.discrepancy`); they are compared on counts of people with
what happened to them, on the day, or on the place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import combinations

from ..analysis.facts import agreement, dates
from ..analysis.facts.places import COUNTRIES
from ..analysis.facts.tokens import same_name, words_between
from ..model import Corpus, Fact, Statement
from .discrepancy_values import EVENT_OUTCOMES, MEASURES, Comparison

#: Words that mark a statement as describing an event (an incident, a meeting), the anchor of event links.
_EVENTS = (
    r"attack(?:s|ed|ers?)?|assault|clash(?:es|ed)?|riots?|rioting|siege|firefight|shoot(?:ing|out)|"
    r"gunfight|explosion|bomb(?:ing)?|ambush(?:ed)?|raid|incident|violence|fighting|battle|"
    r"protests?|demonstrations?|killed|injured|wounded|meeting|met|talks|summit"
)
_EVENT_WORDS = re.compile(rf"\b(?:{_EVENTS})\b", re.IGNORECASE)
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


def _agree_when(kind: str, x: Fact, y: Fact) -> bool:
    if kind == "date":
        return dates.comparable(x.value, y.value) and dates.compatible(x.value, y.value)
    return dates.same_time(x.value, y.value)


def one_moment(text_a: str, text_b: str, fa: list[Fact], fb: list[Fact]) -> bool:
    """Whether the clock times of two aligned sentences may be one moment's: not when they measure their events
    differently, nor when one times a start and the other an end."""
    return not _other_events(fa, fb) and not _start_and_end(text_a, text_b)


def _other_events(fa: list[Fact], fb: list[Fact]) -> bool:
    """Whether two sentences measure their events differently (a 7.7 quake at 4:17, a 7.6 one at 13:24): two
    events, whose clock times are not one moment's."""
    xs = [f for f in fa if f.subject in MEASURES]
    ys = [f for f in fb if f.subject in MEASURES]
    pairs = [(x, y) for x in xs for y in ys if x.subject == y.subject]
    return bool(pairs) and not any(agreement.compatible(x, y) for x, y in pairs)


_START = re.compile(r"\b(?:beg[iau]ns?|beginning|start(?:s|ed|ing)?|open(?:s|ed|ing))\b", re.IGNORECASE)
_END = re.compile(
    r"\b(?:end(?:s|ed|ing)?|finish(?:es|ed|ing)?|clos(?:es|ed|ing)|conclud(?:es|ed|ing))\b", re.IGNORECASE
)


def _start_and_end(a: str, b: str) -> bool:
    """Whether one sentence times a start and the other an end ("began around 6 p.m." / "ended at around 8 pm"):
    two moments of one event, which agree however far apart."""
    marks = [(bool(_START.search(t)), bool(_END.search(t))) for t in (a, b)]
    return (marks[0][0] and not marks[0][1] and marks[1][1] and not marks[1][0]) or (
        marks[0][1] and not marks[0][0] and marks[1][0] and not marks[1][1]
    )


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


def compare_event(
    fa: list[Fact],
    fb: list[Fact],
    anchors: set[tuple[str, str]],
    one_report: bool,
    statements: tuple[Statement, Statement] | None = None,
) -> list[Comparison]:
    """What two statements linked as one event's tell of it (``statements``: the two, whose words place a date)."""
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
        da, db = _dates_at(fa, places), _dates_at(fb, places)
        if statements:
            da, db = _of_the_incident(da, statements[0]), _of_the_incident(db, statements[1])
        out += compare_when(da, db, "date", "event", day_only=True)
    if "date" in shared and "place" not in shared:
        xs = [f for f in fa if f.kind == "place" and f.value not in COUNTRIES]
        ys = [f for f in fb if f.kind == "place" and f.value not in COUNTRIES]
        if xs and ys and not any(same_name(x.value, y.value) for x in xs for y in ys):
            out += [Comparison(x, y, False, "event") for x in xs for y in ys]
    return out


#: Words that name the incident itself or what it did, a date near which is the incident's own.
_INCIDENT = re.compile(
    rf"\b(?:{_EVENTS}|fire|blaze|quake|earthquake|floods?|flooding|crash|collapse[ds]?|broke out|"
    r"erupted|struck|died|dead|deaths?|exploded|opened fire|stabbed|shot|took place|held|occurred|happened)\b",
    re.IGNORECASE,
)
#: Words between a date and the incident's word, at most, for the date to be the incident's.
_INCIDENT_WORDS = 8


def _of_the_incident(days: list[Fact], statement: Statement) -> list[Fact]:
    """The dates said of the incident itself: a few words from a word that names it or what it did ("killed 51
    people early Sunday"), not of what followed it, in a clause of its own ("anger in the town on Tuesday in the
    wake of a fire that left dozens dead", "the injured were flown abroad on Sunday")."""
    at, text = statement.start, statement.text
    words = _incident_words(text)
    if not words:  # the words are English's: a statement in another language keeps its dates, as before
        return days
    return [d for d in days if any(_said_of(words_between(text, w, (d.start - at, d.end - at))) for w in words)]


@lru_cache(maxsize=1 << 14)
def _incident_words(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` names the incident: asked of a statement once for each statement it is linked with (a story's
    statements are linked by the thousand)."""
    return tuple(m.span() for m in _INCIDENT.finditer(text))


def _said_of(between: list[str]) -> bool:
    return len(between) <= _INCIDENT_WORDS and not _AFTER.intersection(w.lower() for w in between)


#: Words that give a date to something after the incident named beside it ("on Tuesday, after the fire"), or to
#: another act ("the attack, and declared March 24 a day of mourning", "the attack, he said on Sunday").
_AFTER = frozenset(
    {"after", "following", "wake", "since", "nakon", "posle", "poslije", "pas", "после"}
    | {"declared", "announced", "proclaimed", "said", "told", "reported", "added", "proglasio", "rekao", "tha"}
)


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
