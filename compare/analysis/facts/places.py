"""Places named in statements, and which municipality or town a place is said to be in.

There is no gazetteer that knows every Kosovo village, so the corpus is its own:
a capitalised name counts as a place once some article puts it after a
locative cue ("in Banjska", "near the village of Banska", "the Leposavić
municipality", "the village of Dobrava", "Dobrava, located in …"). Every
mention of such a name is then a ``place`` fact.

Containment ("Banjska of Zvečan", "Banska in the Leposavić municipality",
"X in the municipality of Y", "X, located in Y", "X in the Y province", "the
village of X, Y,") becomes a ``containment`` fact whose subject is the place and
whose value is the municipality or town it is said to lie in: a
village lies in one municipality, whatever the event, so two articles that put it
in different ones disagree. Countries and regions ("northern Kosovo") contain
everything and are never the container compared.
"""

from __future__ import annotations

import re

import pycountry

from ...model import Fact, FactKind, Statement
from ..letters import LOWER, UPPER
from .tokens import fold, same_name

_NAME = rf"[{UPPER}][\w’'-]*[{LOWER}](?:\s+(?:[{UPPER}][\w’'-]*[{LOWER}]))?(?![\w’'])"
_LOCATIVE = re.compile(
    rf"\b(?:in|near|at|outside)\s+(?:the\s+)?(?:nearby\s+)?"
    rf"(?:(?:village|town|city|municipality|settlement|area|region|district|monastery)\s+of\s+)?(?P<name>{_NAME})"
    rf"|\b(?:village|town|settlement|hamlet)\s+of\s+(?P<name3>{_NAME})"
    rf"|(?P<name4>{_NAME}),\s+(?:located|situated|lying)\s+in\b"
)
_MUNICIPALITY = re.compile(rf"\b(?:the\s+)?(?P<name>{_NAME})\s+municipality\b|\bmunicipality\s+of\s+(?P<name2>{_NAME})")
_UNIT = r"(?:municipality|province|district|region|county)"
_CONTAINED = re.compile(
    rf"(?P<place>{_NAME})\s*,?\s+(?:(?:(?:located|situated|lying)\s+)?in\s+(?:the\s+)?"
    rf"(?:{_UNIT}\s+of\s+(?P<c1>{_NAME})|(?P<c2>{_NAME})\s+{_UNIT})"
    rf"|(?:located|situated|lying)\s+in\s+(?P<c4>{_NAME})"
    rf"|of\s+(?P<c3>{_NAME})\b)"
)
#: "the village of Dobrava, Gornji Grad," / "the village of Dobrava, Gornji Grad municipality": the name after
#: the comma is the village's municipality (not a list: no "and" or third name follows).
_APPOSED = re.compile(
    rf"\b(?:village|town|settlement|hamlet)\s+of\s+(?P<place>{_NAME}),\s+(?P<c5>{_NAME})(?:\s+{_UNIT})?"
    rf"(?=\s*[,.;)]|\s+(?:was|were|is|has|had)\b)(?!,\s+[A-Z][^,]*\s+and\s)"
)
_SETTLEMENT = re.compile(r"village|town|settlement|hamlet")  # one of which _APPOSED needs: a faster search
#: Never places, though they follow "in": months, weekdays, institutions, languages.
NOT_PLACES = frozenset(
    fold(w)
    for w in """
January February March April May June July August September October November December Monday Tuesday Wednesday
Thursday Friday Saturday Sunday The This That These Those His Her Their Our Its Parliament Assembly Government Union
Association Community Alliance Army Police Republic Federation Council Commission Agreement Dayton President Prime
Minister Secretary General Speaker Mr Mrs Ms Dr Lord Sir Facebook Twitter Viber Partnership Peace Western Eastern
Northern Southern European World International Orthodox Serbian Albanian Russian English Croatian Bosnian Bulgarian
Kosovar Serb Serbs Albanians Belgrade's Pristina's North South East West Today Tomorrow Camp Mission Office Ministry
Church Cathedral Mosque Synagogue Temple Monastery Hospital Clinic School University Hall Stadium
""".split()
)
#: First words of two-word country names whose second word alone names the country ("North Macedonia", "Saudi
#: Arabia"); not "Isle of Man" or "Hong Kong", whose last word is no country's name.
QUALIFIED = frozenset("north south east new saudi sri".split())


def _iso_countries() -> set[str]:
    """Every ISO 3166 country as the word a sentence names it by: a one-word name ("Peru", "Timor-Leste"), the
    second word of a qualified one ("North Macedonia" → "macedonia")."""
    words = set()
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None)):
            parts = (name or "").split(",")[0].split()
            named = len(parts) == 1 or (len(parts) == 2 and parts[0].lower() in QUALIFIED)
            if named and re.fullmatch(r"[\w-]+", parts[-1]):
                words.add(fold(parts[-1]))
    return words


#: Containers that contain everything in a story, never compared: every country (ISO 3166, pycountry), and the
#: regions, former states, parts of names and other spellings that news writes in a country's place.
COUNTRIES = frozenset(
    {
        fold(w)
        for w in """
Kosovo Bosnia Herzegovina BiH Macedonia Europe Balkans Metohija Yugoslavia America United Kingdom States Britain Korea
Türkiye Turkey Russia Syria Iran Moldova
""".split()
    }
    | _iso_countries()
)


#: What :func:`gazetteer` and :func:`extract` read of one statement's text before they look at the corpus's
#: place names, as plain tuples: (the names it puts after a locative cue; each capitalised name as (start, its
#: folded form, end, its first word folded, that word's end); each containment it states as (the place folded,
#: its start, its last word folded, that word's start, the end, the container folded)), offsets within the text.
#: It depends on the text alone, so the per-article stage works it out once and keeps it (:func:`reading`), and
#: a corpus grown by one article runs no pattern over the statements of the others.
Reading = tuple[
    tuple[str, ...], tuple[tuple[int, str, int, str, int], ...], tuple[tuple[str, int, str, int, int, str], ...]
]


_MEDIUM_BEFORE = re.compile(
    r"\b(?:TV|television|radio|site|portal|website|daily|newspaper|weekly|magazine|broadcaster|channel|outlet)\s+$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"[’']s\b")


def reading(text: str) -> Reading:
    """The statement text's :data:`Reading`."""
    cued: list[str] = []
    for m in _LOCATIVE.finditer(text):
        cued += _place_names(m.group("name") or m.group("name3") or m.group("name4"))
    for m in _MUNICIPALITY.finditer(text) if "municipality" in text else ():  # the word each form holds
        cued += _place_names(m.group("name") or m.group("name2"))
    names = []
    for m in re.finditer(_NAME, text):
        if _MEDIUM_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # "TV Vijesti", "the news site Vijesti": an outlet named after its town is no place here
        name = _POSSESSIVE.split(m.group())[0]  # "Montenegro's central city", "Russia’s National Committee": the owner
        first = name.split()[0]
        names.append((m.start(), fold(name), m.start() + len(name), fold(first), m.start() + len(first)))
    contained = []
    for m in [*_CONTAINED.finditer(text), *(_APPOSED.finditer(text) if _SETTLEMENT.search(text) else ())]:
        place_text, place_start = m.group("place"), m.start("place")
        # "Kurti spoke near Banska in …" may catch a word before the place: the last word stands in for it.
        last = place_text.split()[-1]
        groups = m.groupdict()
        container_text = next(groups[g] for g in ("c1", "c2", "c3", "c4", "c5") if groups.get(g))
        container = fold(container_text)
        if container in COUNTRIES:
            continue
        if groups.get("c3") and (container in NOT_PLACES or container_text.isupper()):
            continue  # "Secretary General of NATO" is no place; "Banjska of Zvečan" is
        last_start = place_start + place_text.rfind(last)
        contained.append((fold(place_text), place_start, fold(last), last_start, m.end(), container))
    return tuple(cued), tuple(names), tuple(contained)


def gazetteer(statements: list[Statement], readings: list[Reading] | None = None) -> set[str]:
    """Folded names the corpus itself uses as places (``readings``: the statements' own, if kept)."""
    names: set[str] = set()
    for own in readings if readings is not None else (reading(s.text) for s in statements):
        names.update(own[0])
    return names


def _place_names(name: str) -> list[str]:
    words = name.split()
    # "Banjska Monastery", "Pristina Airport": the first word is the place.
    if len(words) > 1 and (fold(words[-1]) in NOT_PLACES or not words[-1][0].isupper()):
        words = words[:1]
    folded = fold(" ".join(words))
    if folded in NOT_PLACES or fold(words[0]) in NOT_PLACES or name.isupper():
        return []
    if re.search(r"(?:ian|ese|ish)$", folded) and folded not in COUNTRIES:
        return []  # nationalities and languages: "in Serbian"
    return [folded]


def names_in(text: str) -> set[str]:
    """The capitalised names of ``text`` (and the first word of each of two words), folded: what :func:`extract`
    looks up among the corpus's places."""
    found: set[str] = set()
    for m in re.finditer(_NAME, text):
        found.update((fold(m.group()), fold(m.group().split()[0])))
    return found


def extract(statement: Statement, places: set[str], own: Reading | None = None) -> list[Fact]:
    """Place and containment facts of ``statement``, given the corpus's place names (and the statement's
    :data:`Reading`, if kept)."""
    own = own if own is not None else reading(statement.text)
    facts: list[Fact] = []
    for start, name, end, first, first_end in own[1]:
        if name in places:
            facts.append(place_fact(statement, "place", start, end, name, "where"))
        elif first in places:
            facts.append(place_fact(statement, "place", start, first_end, first, "where"))
    for place, place_start, last, last_start, end, container in own[2]:
        if place not in places:  # not the name of a place: the last word of it may be
            place, place_start = last, last_start
        if place not in places or container == place:
            continue
        facts.append(place_fact(statement, "containment", place_start, end, container, place))
    return facts


#: "Crocus City Hall outside of Moscow", "the stadium in Antakya", "Jarinje near Leposavić": one place within (or by)
#: another, so that a report of either is no disagreement on where.
_WITHIN = re.compile(
    rf"(?P<inner>(?:[{UPPER}][\w’'-]*\s+){{0,3}}[{UPPER}][\w’'-]*)\s+(?:in|outside(?:\s+of)?|near|of)\s+"
    rf"(?:the\s+)?(?P<outer>{_NAME})"
)
#: "the cities of Derbent and Makhachkala, Dagestan.": a place and, after a comma, the region it lies in, where the
#: clause ends there (not a list: "Kotor, Budva, Tivat").
_APPOSED_REGION = re.compile(rf"(?<!, )\b(?P<inner>{_NAME}),\s+(?P<outer>{_NAME})(?=\s*(?:[.;)]|$))")


def within(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What :func:`nested_places` reads of a statement's text before it looks at the corpus's places: each "X
    outside of Y" (in, near, of) and "X, Y." as (Y folded, every run of X's words folded). It depends on the text
    alone, so the discrepancy detector's per-article step works it out once and keeps it."""
    out = []
    for m in [*_WITHIN.finditer(text), *(_APPOSED_REGION.finditer(text) if "," in text else ())]:
        # The capitalised words before "outside of" may hold more than the place ("The Harbour Arena",
        # "Crocus City Hall"): any run of them the corpus uses as a place.
        words = fold(m.group("inner")).split()
        runs = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
        out.append((fold(m.group("outer")), tuple(sorted(runs))))
    return tuple(out)


def nested_places(
    statements: list[Statement], places: set[str], readings: list[tuple[tuple[str, tuple[str, ...]], ...]] | None = None
) -> set[frozenset[str]]:
    """Pairs of the corpus's places that some statement puts one within or beside the other (``readings``: the
    statements' :func:`within`, if kept)."""
    pairs: set[frozenset[str]] = set()
    for own in readings if readings is not None else (within(s.text) for s in statements):
        for outer, runs in own:
            if outer in places:
                pairs.update(frozenset((inner, outer)) for inner in runs if inner in places and inner != outer)
    return pairs


def same_container(a: str, b: str) -> bool:
    """Whether two folded container names may be one place: the same name, or one stem written in two
    languages' forms ("karachiv" / "karachevsky", Ukrainian and Russian): a spelling for the name detectors,
    not a different municipality."""
    if same_name(a, b):
        return True
    stem = 0
    for x, y in zip(a, b):
        if x != y:
            break
        stem += 1
    return stem >= _STEM and stem >= 0.6 * min(len(a), len(b))


_STEM = 5


def place_fact(statement: Statement, kind: FactKind, start: int, end: int, value: str, subject: str) -> Fact:
    """A place or containment fact (or any other kind: dates use it too) over ``statement.text[start:end]`` (offsets in
    the statement)."""
    return Fact(
        kind=kind,
        statement=statement.id,
        doc=statement.doc,
        start=statement.start + start,
        end=statement.start + end,
        text=statement.text[start:end],
        value=value,
        subject=subject,
    )


#: A direction from a place after a distance: "north of Pristina", "northwest of", "north-west of", "to the north
#: west of": one direction, however it is written.
_DIRECTION = re.compile(
    rf"(?:to\s+the\s+)?((?:north|south)\s*-?\s*(?:east|west)|north|south|east|west)\w*\s+of\s+([{UPPER}]\w+)"
)
#: A direction from no place named ("70 km to the north-east"): a distance of its own.
_HEADING = re.compile(r"to\s+the\s+((?:north|south)\s*-?\s*(?:east|west)|north|south|east|west)\b(?!-|\s+of\b)")
#: A conversion into another unit between a distance and its direction ("70 km (43 miles) southwest of"), or the
#: end of the parenthesis a conversion stands in ("(43 miles) southwest of"): the direction is the conversion's too.
_CONVERSION = re.compile(r"^\s*(?:\([^()]*\)|\))\s*")
#: Words before a distance that make it a length of something, not a distance from a place ("over a length of 17
#: km", "a 17 km stretch of the railway").
_LENGTH = re.compile(r"\blength\s+of\s*$|\bstretch\b", re.IGNORECASE)


def distance_subject(after: str, before: str = "") -> str:
    """What a distance counts, from the words ``after`` its unit: "km north of Pristina" for "50km north of
    Pristina", "km north" for a direction from no place, "km length" for a length ("a length of 17 km", from the
    words ``before`` it), "km" where none of these is said."""
    if _LENGTH.search(before) or re.match(r"\W*stretch\b", after, re.IGNORECASE):
        return "km length"
    at = conversion.end() if (conversion := _CONVERSION.match(after)) else 0
    where = _DIRECTION.match(after, at) or _HEADING.match(after, at)
    if not where:
        return "km"
    direction = re.sub(r"[\s-]", "", where.group(1).lower())
    return f"km {direction} of {where.group(2)}" if where.re is _DIRECTION else f"km {direction}"
