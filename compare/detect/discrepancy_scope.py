"""The scope of a count: the countries it is given for ("killed 5,000 in Turkey and 1,500 in Syria"), and the
town it is a part of a toll for ("25 in Durrës, 23 in Thumanë and 1 in Kurbin").

A toll given per country is compared per country (:mod:`.discrepancy_timeline`), so a
count's scope must be read from the words said of it, not from every country its
sentence names. A toll given per town is compared per town where some statement splits the
toll by towns: that statement shows the story counts its dead town by town, so a town's
count is compared with the same town's in other articles, and the total with totals.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from ..analysis.facts import transfers
from ..analysis.facts.languages import words_for
from ..analysis.facts.places import COUNTRIES
from ..analysis.facts.tokens import fold
from ..model import Fact, Statement
from .discrepancy_figures import differ, point
from .discrepancy_values import MEASURES

_CLAUSE_BREAK = re.compile(r"[;:]|\s(?:while|whereas|but|and in)\s|,\s(?:and|with)\s", re.IGNORECASE)
#: The same conjunctions in the source languages, where a town often comes before its count ("u Jablanici je
#: poginulo 16 osoba, dok su se u Fojnici utopile tri"): without them the next clause's town is read as the
#: first count's. ", a" / ", а" (and, whereas) only there: in English ", a" opens an apposition. "pa", "tako da",
#: "čime" (so, so that, whereby) open the clause of a total that sums the counts before it ("u Fojnici su se utopile
#: tri osobe pa se ukupan broj popeo na 19"): the town of its first part is not the total's.
_SOURCE_BREAKS = {
    "sr": r"\s(?:dok|ali|a|pa|tako da|čime)\s",
    "sq": r"\s(?:ndërsa|kurse|por)\s",
    "ru": r"\s(?:но|а|тогда как|в то время как)\s",
}
_SOURCE_BREAKS |= {code: _SOURCE_BREAKS["sr"] for code in ("hr", "bs", "sh", "cnr")}
_CLAUSE_BREAKS = {
    code: re.compile(f"{_CLAUSE_BREAK.pattern}|{words}", re.IGNORECASE) for code, words in _SOURCE_BREAKS.items()
}
_ALIASES = {"turkiye": "turkey", "britain": "united kingdom"}
#: Countries whose one name joins two ("Bosnia and Herzegovina"): one country, not the two of "Turkey and Syria".
_ONE_COUNTRY = re.compile(r"\bBosnia\s*(?:and|&|-)\s*Herzegovina\b|\bTrinidad and Tobago\b|\bAntigua and Barbuda\b")
#: A dateline opening a statement ("JABLANICA: …", "Jablanica, (APP - … 5th Oct, 2024) …", "SARAJEVO, BANJALUKA -
#: …"): where the report was filed, not where its counts were counted.
_DATELINE = re.compile(r"^\s*(?:[A-ZÀ-ÞŠĐČĆŽ][\w .'’-]{1,40},\s*\([^()]*\)|[A-ZŠĐČĆŽ][A-ZŠĐČĆŽ ,]{2,40}\s*[:–—-])\s")
_BOTH = re.compile(r"\b(?:both|the two) countries\b", re.IGNORECASE)
_COUNTRY = re.compile(r"\b([A-Z][a-zà-ÿ]+)")


def _own_words(statement: Statement, fact: Fact, counts: list[Fact]) -> tuple[int, int, list[tuple[int, int]]]:
    """The clause that holds the count (offsets in the statement), and the spans in it that are other counts'
    words: the words after another count, up to the next one."""
    text = statement.text
    at = fact.start - statement.start
    breaks = _CLAUSE_BREAKS.get(statement.language.split("-")[0], _CLAUSE_BREAK)
    starts = [m.end() for m in breaks.finditer(text, 0, at)]
    ends = [m.start() for m in breaks.finditer(text, fact.end - statement.start)]
    opening = m.end() if (m := _DATELINE.match(text)) and m.end() <= at else 0
    clause_start, clause_end = starts[-1] if starts else opening, ends[0] if ends else len(text)
    marks = sorted({c.start - statement.start for c in counts} | {at, clause_end})
    others = [
        (c.end - statement.start, next((m for m in marks if m >= c.end - statement.start), clause_end))
        for c in counts
        if c is not fact and clause_start <= c.start - statement.start < clause_end
    ]
    return clause_start, clause_end, others


def count_scope(statement: Statement, fact: Fact, counts: list[Fact]) -> str:
    """The countries named in the clause that holds the count, less those said of another count: the words
    after another count, up to the next one, are that count's ("Hatay was among the 11 provinces hit by quakes
    that killed 45,000 people in Turkey and Syria": the 11 provinces have no country; "killed 5,000 in Turkey
    and 1,500 in Syria": one country each). A country before every count ("In Syria, 1,262 were killed and
    2,285 injured", "Syria's Health Ministry said …") scopes them all."""
    if where := transfers.destination(statement, fact, words_for(statement.language)):
        return _ALIASES.get(where, where)  # "transported to Türkiye", "treated abroad": where they were taken
    text = statement.text
    clause_start, clause_end, others = _own_words(statement, fact, counts)
    joined = [(m.start(), m.end()) for m in _ONE_COUNTRY.finditer(text, clause_start, clause_end)]
    named = sorted(
        {
            _ALIASES.get(n, n)
            for m in _COUNTRY.finditer(text, clause_start, clause_end)
            if (n := fold(m.group(1))) in COUNTRIES
            and not any(a <= m.start() < b for a, b in others)
            and not any(a < m.start() < b for a, b in joined)  # "Herzegovina" of "Bosnia and Herzegovina"
        }
    )
    if _BOTH.search(text, clause_start, clause_end) or len(named) > 1:
        return "combined"
    return named[0] if named else ""


def count_place(statement: Statement, fact: Fact, counts: list[Fact], places: Iterable[Fact]) -> str:
    """The town (not a country) named in the count's own words, as the facts stage read it in the statement's
    language: the one after it ("25 janë në Durrës", "17 in Kessel"), else the one before it ("in Durres … the
    quake killed 24"); "" where none is, or several."""
    clause_start, clause_end, others = _own_words(statement, fact, counts)
    at = fact.start - statement.start
    # In a list of one thing's counts, first the comma-delimited part that holds the count: each count has its
    # town on its own side, whichever side a language puts it on ("16 from Jablanica, two from Konjic" as well
    # as "in Konjic three are sought, in Jablanica four").
    text = statement.text
    # A count's own words end at a parenthesis, which lists its parts ("13 (one in Konjic, 12 in Jablanica)"): a
    # town in it is a part's. A headline joins two headlines with a comma ("Toll rises to 20, new landslide in
    # Jablanica"): a town past it is the other's.
    ends = (text.find("(", at, clause_end), text.find(", ", at, clause_end) if statement.role == "title" else -1)
    own_end = min((k for k in ends if k >= 0), default=clause_end)
    listed = [c for c in counts if c.subject == fact.subject and clause_start <= c.start - statement.start < clause_end]
    if len(listed) > 1:
        part_start = max(clause_start, text.rfind(", ", clause_start, at) + 2, text.rfind("(", clause_start, at) + 1)
        comma = text.find(", ", fact.end - statement.start, clause_end)
        part_end = min(own_end, comma) if comma >= 0 else own_end
        in_part = {
            p.value
            for p in places
            if p.kind == "place" and p.value not in COUNTRIES and part_start <= p.start - statement.start < part_end
        }
        if len(in_part) == 1:
            return in_part.pop()
    named = sorted(
        (p.start - statement.start, p.value)
        for p in places
        if p.kind == "place"
        and p.value not in COUNTRIES
        and clause_start <= p.start - statement.start < clause_end
        and not any(a <= p.start - statement.start < b for a, b in others)
    )
    after = {value for start, value in named if at < start < own_end}
    before = {value for start, value in named if start < at}
    own = after or before  # "50 viktimat e tjera ishin nga Durrësi dhe Thumana": two towns' dead, not one's
    return own.pop() if len(own) == 1 else ""


def scope_and_place(statement: Statement, fact: Fact, facts: list[Fact]) -> tuple[str, str]:
    """The count's :func:`count_scope` and :func:`count_place` among the statement's ``facts``."""
    # A town is the count's it follows, even a figure whose subject is left to the list ("22 died in Portmere, 17
    # in Kessel"), though not a vague word ("disa zona të Durrësit", several parts of Durrës); a country, said of
    # a whole toll, is read past numbers that count nothing.
    counts = [
        f
        for f in facts
        if f.kind == "quantity" and f.subject not in MEASURES and (f.subject or f.low is not None and f.low == f.high)
    ]
    places = [f for f in facts if f.kind == "place"]
    return count_scope(statement, fact, [f for f in counts if f.subject]), count_place(statement, fact, counts, places)


class _Scoped(Protocol):
    @property
    def fact(self) -> Fact: ...
    @property
    def scope(self) -> str: ...
    @property
    def place(self) -> str: ...
    @property
    def origin(self) -> str: ...


Scoped = TypeVar("Scoped", bound=_Scoped)


def split_places(statements: Iterable[Sequence[_Scoped]]) -> dict[str, set[str]]:
    """Per counted subject, the towns some statement splits it by: two of its counts each with a town of its
    own ("25 in Durrës, 23 in Thumanë"). Only these split a slot: a town named beside the whole toll (the city
    of the event) leaves it one."""
    out: dict[str, set[str]] = defaultdict(set)
    for reports in statements:
        by_subject: dict[str, set[str]] = defaultdict(set)
        for r in reports:
            if r.place:
                by_subject[r.fact.subject].add(r.place)
        for subject, places in by_subject.items():
            if len(places) > 1:
                out[subject] |= places
    return out


def destined(report: _Scoped) -> bool:
    """Whether a report counts people taken somewhere (or treated abroad), whose scope is where they were taken."""
    return report.fact.subject == transfers.TRANSFERRED or report.scope == transfers.ABROAD


class _Compared(Protocol):
    @property
    def a(self) -> Fact: ...
    @property
    def b(self) -> Fact: ...


Compared = TypeVar("Compared", bound=_Compared)


def same_slot_parts(comparisons: list[Compared], reports: dict[str, list[Scoped]]) -> list[Compared]:
    """The comparisons of two counts of one part of a slot: where the corpus splits a toll by towns, a town's count
    and another town's (or the total) are two slots; people taken somewhere are counted by destination (three
    flown to one city are not six flown to another, nor those in hospital abroad the ones at home)."""
    place_of = {r.fact: r.place for own in reports.values() for r in own}
    taken = {r.fact: r.scope for own in reports.values() for r in own if destined(r)}
    return [
        c
        for c in comparisons
        if c.a.kind != "quantity"
        or (place_of.get(c.a, ""), taken.get(c.a, "")) == (place_of.get(c.b, ""), taken.get(c.b, ""))
    ]


def by_scope(reports: list[Scoped]) -> dict[str, list[Scoped]]:
    """Reports by scope: by country where the corpus gives the slot for several, and by town where it splits
    the slot by towns (the reports' own ``place``, kept only then); else all in one."""
    scopes = {r.scope for r in reports if r.scope}
    # a transfer's destination is its slot, even where the corpus names one: the ones taken abroad are not the rest
    split = len(scopes) > 1 or any(destined(r) for r in reports)
    out: dict[str, list[Scoped]] = defaultdict(list)
    for r in reports:
        out["/".join(s for s in (r.scope if split else "", r.place) if s)].append(r)
    return out


def crossed_splits(reports: list[Scoped]) -> list[list[Scoped]]:
    """Pairs of sources that split one toll by towns each their own way: one gives more dead in a town, the other
    more in another ("25 in Durrës, 23 in Thumanë" against "24 in Durrës, 26 in Thumanë"). A toll never falls, so
    no order of the two reports makes both figures an update: the reports of both towns, for each such pair of
    sources, are one conflict."""
    own: dict[str, dict[str, Scoped]] = defaultdict(dict)  # origin → town → its one report there
    for r in reports:
        if r.place:
            own[r.origin].setdefault(r.place, r)
    out = []
    origins = sorted(own)
    for n, a in enumerate(origins):
        for b in origins[n + 1 :]:
            towns = [t for t in own[a] if t in own[b] and differ(own[a][t].fact, own[b][t].fact)]
            more = {point(own[a][t].fact) > point(own[b][t].fact) for t in towns}
            if len(more) == 2:
                out.append([own[x][t] for t in towns for x in (a, b)])
    return out


#: What stands between a place and the distance in apposition to it: "Thumane, 30 km northwest of Tirana".
_APPOSED_DISTANCE = re.compile(r"\s*,\s*(?:about|some|around|roughly|nearly|almost)?\s*")


#: What follows a distance between two places, after its conversion into another unit, if any: "which are about
#: 120 km (75 miles) apart", "Makhachkala, some 100 km away".
_APART = re.compile(r"\s*(?:\([^()]*\)\s*)?(apart|away)\b", re.IGNORECASE)


def place_distances(statement: Statement, facts: list[Fact]) -> dict[Fact, str]:
    """The statement's distances of a named place from another ("Thumane, 30 km northwest of Tirana"), each keyed
    by the place and the distance's subject: a town lies where it lies, so every article that gives the distance
    must agree, whatever event it tells of (an epicentre's distance is a measure of the event, not of a town).
    Two towns said to lie a distance apart ("Derbent and Makhachkala, which are 120 km apart"; "…in Makhachkala,
    some 100 km away", from the town named before) are keyed by the pair, in either order."""
    places = [f for f in facts if f.kind == "place"]
    out = {}
    for fact in facts:
        if fact.kind != "quantity" or not fact.subject.startswith("km"):
            continue
        if fact.subject == "km":
            if pair := _towns_apart(statement, fact, places):
                out[fact] = " ".join(sorted(pair)) + " km apart"
            continue
        if " of " not in fact.subject:
            continue
        for place in places:
            between = statement.text[place.end - statement.start : fact.start - statement.start]
            if place.end <= fact.start and _APPOSED_DISTANCE.fullmatch(between):
                out[fact] = f"{place.value} {fact.subject}"
    return out


def _towns_apart(statement: Statement, fact: Fact, places: list[Fact]) -> tuple[str, str] | None:
    """The two towns (no country) a distance lies between: the two named last before "N km apart", or for "N km
    away" the town it is in apposition to and the one named before that. A distance in parentheses after another
    is its conversion ("100 km (62 miles)"), not a reading of its own."""
    text, at = statement.text, fact.start - statement.start
    said = _APART.match(text, fact.end - statement.start)
    if not said or text[:at].rstrip().endswith("("):
        return None
    before: list[Fact] = []
    for place in sorted((p for p in places if p.end <= fact.start), key=lambda p: -p.end):
        if place.value not in COUNTRIES and all(place.value != p.value for p in before):
            before.append(place)
    if len(before) < 2:
        return None
    apposed = _APPOSED_DISTANCE.fullmatch(text[before[0].end - statement.start : at])
    if said.group(1).lower() == "away" and not apposed:
        return None
    return before[0].value, before[1].value


def scope_text(scope: str) -> str:
    """How a finding names a scope: "in Turkey", "in the countries together", "in Turkey in Hatay", "in Durres and
    Thumane" (towns a crossed split is given for, "+"-joined)."""
    return " ".join(
        "in the countries together"
        if part == "combined"
        else "abroad"
        if part == transfers.ABROAD
        else "in " + " and ".join(t.title() for t in part.split("+"))
        for part in scope.split("/")
    )
