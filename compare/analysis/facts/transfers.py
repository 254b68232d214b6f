"""Counts of people moved to a destination, and of people treated abroad: a slot of their own, never the toll.

"Nine people critically injured … were transported to Türkiye" counts those flown there, not everyone injured;
"transfer three injured individuals to Istanbul", "U Beograd je dovezeno 12 pacijenata" and "17 patients to the
Republic of Serbia" (after "have been sent for treatment to these countries:") count transfers as well.
"64 others are being treated abroad", "Jashtë vendit janë shtruar 60 pacientë" and "45 people are being treated in
foreign hospitals" count those in hospital abroad (a count that falls as they return), where "sent for treatment
abroad" counts people moved there. A transferred count takes the subject :data:`TRANSFERRED`, a count
treated abroad :data:`ABROAD_SUBJECT`; the detectors compare each by its destination (:func:`destination`), read as a
country where the name is one, or a region, city or municipality of one (ISO 3166-2, pycountry), so that a report of
Belgrade and one of Serbia are one slot, and "abroad" is its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

import pycountry

from ...model import Fact, Statement
from .counted import CLAUSE_END
from .languages.places import _candidates, _exonyms
from .languages.words import Words
from .places import COUNTRIES
from .tokens import Token, fold, tokens

TRANSFERRED = "people transferred"
#: People in hospital abroad: a count of those hospitalised, with the destination "abroad" as its scope.
ABROAD_SUBJECT = "people hospitalised"
ABROAD = "abroad"
#: English verbs that move people somewhere (a destination must follow, or "for treatment").
_VERBS = frozenset(
    "transfer transfers transferred transferring transport transports transported transporting flown airlifted "
    "evacuated sent brought".split()
)
_TO = frozenset({"to", "into"})
#: "treated abroad", "in foreign hospitals", "sent for treatment outside North Macedonia".
_ABROAD = frozenset({"abroad", "overseas"})
_FOREIGN = frozenset({"foreign"})
_OUTSIDE = frozenset({"outside"})
#: Words that make a moved count a medical transfer without a named destination ("sent for treatment").
_TREATMENT = frozenset({"treatment", "treated", "hospital", "hospitals"})
#: Words that start a clause of their own: a transfer said there is another count's ("150, who were taken to …").
_RELATIVES = frozenset("who which whom that while whereas when after".split())
_BACK, _AHEAD = 12, 25  # tokens a count's clause reaches before and after it
#: Counted subjects a transfer may relabel: people, with or without what happened to them.
_PEOPLE_SUBJECTS = frozenset(
    {"", "people", "patient", "other", "victim", "people injured", "people hospitalised", "people critically injured"}
    | {"people killed", "people deployed", "people evacuated", "children", "students", "citizens", "citizen"}
)


def relabel(statement: Statement, facts: list[Fact], words: Words | None = None) -> list[Fact]:
    """``facts`` with each count of people that its clause moves to a destination, or says is treated abroad,
    given :data:`TRANSFERRED` or :data:`ABROAD_SUBJECT` (``words``: the statement's language's tables; None for
    English)."""
    if not facts:
        return facts
    toks = words.keyed(statement) if words is not None else tokens(statement)
    starts = sorted(f.start for f in facts if f.kind == "quantity")
    out = []
    for fact in facts:
        if fact.kind == "quantity" and fact.subject in _PEOPLE_SUBJECTS and fact.low is not None:
            moved, where = _reading(toks, fact, starts, words)
            if moved:
                fact = replace(fact, subject=TRANSFERRED)
            elif where == ABROAD:
                fact = replace(fact, subject=ABROAD_SUBJECT)
        out.append(fact)
    return out


def destination(statement: Statement, fact: Fact, words: Words | None = None) -> str:
    """Where a transferred count (or one treated abroad) was taken: a country, folded as :data:`places.COUNTRIES`
    has it, "abroad", "combined" for several countries, a city's folded name where no country is known; "" where
    the count is no transfer or its clause names no destination."""
    if fact.subject not in (TRANSFERRED, ABROAD_SUBJECT):
        return ""
    toks = words.keyed(statement) if words is not None else tokens(statement)
    moved, where = _reading(toks, fact, [fact.start], words)
    return where if moved or where == ABROAD else ""


def _reading(toks: Sequence[Token], fact: Fact, starts: list[int], words: Words | None) -> tuple[bool, str]:
    """Whether the count's clause moves its people, and the destination it names ("" where none)."""
    index = {t.start: n for n, t in enumerate(toks)}
    n = index.get(fact.start)
    if n is None:
        return False, ""
    end = next((k for k in range(n, len(toks)) if toks[k].end >= fact.end), n) + 1
    later = next((s for s in starts if s > fact.start), None)
    clause = _clause(toks, n, end, later, words)
    lowered = [toks[k].lower for k in clause]
    verb = next((k for k in clause if _moves(toks[k].lower, words)), None)
    if _abroad(toks, clause, words):
        return verb is not None, ABROAD  # "sent for treatment abroad" moves them; "treated abroad" counts who is there
    if verb is None:
        # "…sent for treatment to these countries: 9 patients to the Republic of Turkey": a list after the verb
        cue = next((k for k in range(end, min(end + 3, len(toks))) if toks[k].lower in _cues(words)), None)
        if cue is None or not any(_moves(t.lower, words) for t in toks[:n]):
            return False, ""
        where = _countries(toks, [k for k in clause if k >= cue], words)
        return bool(where), where
    where = _countries(toks, clause, words)
    return bool(where) or any(w in _TREATMENT for w in lowered), where


def _clause(toks: Sequence[Token], n: int, end: int, later: int | None, words: Words | None) -> list[int]:
    """The token indices of the count's own clause: back to a clause's start, ahead to its end or the next count."""
    stops = _RELATIVES | (words.words("subordinator") if words is not None else frozenset())
    back = n
    while back > max(0, n - _BACK) and toks[back - 1].lower not in CLAUSE_END | {","} | stops:
        back -= 1
    ahead = end
    while ahead < min(len(toks), end + _AHEAD) and toks[ahead].lower not in CLAUSE_END | {","}:
        if later is not None and toks[ahead].start >= later or toks[ahead].lower in stops:
            break
        ahead += 1
    return [k for k in range(back, ahead) if not n <= k < end]


def _moves(word: str, words: Words | None) -> bool:
    return word in _VERBS if words is None else words.get("transfer", word) is not None


def _cues(words: Words | None) -> frozenset[str]:
    return _TO if words is None else words.words("toward")


def _abroad(toks: Sequence[Token], clause: list[int], words: Words | None) -> bool:
    """Whether the clause says its people are abroad: "abroad", "in foreign hospitals", "outside North Macedonia",
    "jashtë vendit", "u inostranstvu"."""
    for k in clause:
        word = toks[k].lower
        if words is not None:
            if words.starting_at("abroad", tuple(toks), k) is not None:
                return True
            continue
        if word in _ABROAD or word in _FOREIGN and k + 1 < len(toks) and toks[k + 1].lower in _TREATMENT:
            return True
        if word in _OUTSIDE and any(_country_of(t.text, None) in COUNTRIES for t in toks[k + 1 : k + 3]):
            return True
        if word in _OUTSIDE and k + 2 < len(toks) and toks[k + 2].lower == "country":
            return True
    return False


def _countries(toks: Sequence[Token], clause: list[int], words: Words | None) -> str:
    """The destination named after the first cue ("to", "u", "në") of the clause that names one: its country, or
    "combined" for a list of several ("to hospitals in Greece, Serbia, Bulgaria and Turkey"); a later cue names
    somewhere else ("u Ljubljanu … iz fabrike u Dolnom Polju": the factory's town)."""
    cues = _cues(words)
    for k in clause:
        if toks[k].lower not in cues:
            continue
        for m in range(k + 1, min(k + 7, len(toks))):
            if toks[m].lower in CLAUSE_END or toks[m].lower == ",":
                break
            # "to the Republic of Serbia", "to hospitals in Greece": the first name that is a country's or in one
            if toks[m].capitalised and (country := _country_of(toks[m].text, words)):
                found = [country, *_listed(toks, m + 1, words)]
                return "combined" if len(set(found)) > 1 else country
            if toks[m].capitalised and toks[m].text.isalpha() and m == k + 1:
                stems = _candidates((toks[m].text,), words.table if words is not None else "")
                # a city of no known country: itself, by its English name ("u Skoplje")
                return next((_exonyms()[c] for c in stems if c in _exonyms()), stems[0] if stems else "")
    return ""


#: Words that join the names of a list: "Greece, Serbia, Bulgaria and Turkey", "u Bugarsku, Tursku i Srbiju".
_JOINS = frozenset({",", "and", "i", "dhe", "и", "e"})


def _listed(toks: Sequence[Token], m: int, words: Words | None) -> list[str]:
    """The countries of the names listed from ``toks[m]`` on, joined by commas and "and"."""
    out = []
    while m + 1 < len(toks) and toks[m].lower in _JOINS:
        m += 1
        while m < len(toks) and toks[m].lower in _JOINS:
            m += 1
        if m >= len(toks) or not toks[m].capitalised or not (country := _country_of(toks[m].text, words)):
            break
        out.append(country)
        m += 1
    return out


def _country_of(name: str, words: Words | None) -> str:
    """The country a place's name names or lies in (folded), else "" (a city no table knows is no scope)."""
    candidates = _candidates((name,), words.table if words is not None else "")
    for form in (fold(name), *(_exonyms().get(c, "") for c in candidates), *candidates):
        if form in COUNTRIES:
            return form
        if country := _subdivisions().get(form):
            return country
    return ""


@cache
def _subdivisions() -> dict[str, str]:
    """:func:`_iso_subdivisions`, and each by the English name of :data:`place-names.tsv` ("Belgrade": Beograd)."""
    own = _iso_subdivisions()
    return own | {english: own[local] for local, english in _exonyms().items() if local in own and english not in own}


@cache
def _iso_subdivisions() -> dict[str, str]:
    """Folded names of ISO 3166-2 subdivisions (provinces, cities, municipalities) → their country's folded word;
    names that two countries share are left out."""
    out: dict[str, str] = {}
    shared: set[str] = set()
    for sub in pycountry.subdivisions:
        name = fold(sub.name.replace("†", "").strip())
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None or " " in name:
            continue
        word = fold(country.name.split(",")[0].split()[-1])
        for form in _candidates((name,), "*"):  # "Ljubljana" as "u Ljubljanu" is read: without its ending
            if out.get(form, word) != word:
                shared.add(form)
            out[form] = word
    return {name: word for name, word in out.items() if name not in shared}
