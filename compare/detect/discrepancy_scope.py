"""The scope of a count: the countries it is given for ("killed 5,000 in Turkey and 1,500 in Syria").

A toll given per country is compared per country (:mod:`.discrepancy_timeline`), so a
count's scope must be read from the words said of it, not from every country its
sentence names.
"""

from __future__ import annotations

import re

from ..analysis.facts.places import COUNTRIES
from ..analysis.facts.tokens import fold
from ..model import Fact, Statement

_CLAUSE_BREAK = re.compile(r"[;:]|\s(?:while|whereas|but|and in)\s|,\s(?:and|with)\s", re.IGNORECASE)
_ALIASES = {"turkiye": "turkey", "britain": "united kingdom"}
_BOTH = re.compile(r"\b(?:both|the two) countries\b", re.IGNORECASE)
_COUNTRY = re.compile(r"\b([A-Z][a-zà-ÿ]+)")


def count_scope(statement: Statement, fact: Fact, counts: list[Fact]) -> str:
    """The countries named in the clause that holds the count, less those said of another count: the words
    after another count, up to the next one, are that count's ("Hatay was among the 11 provinces hit by quakes
    that killed 45,000 people in Turkey and Syria": the 11 provinces have no country; "killed 5,000 in Turkey
    and 1,500 in Syria": one country each). A country before every count ("In Syria, 1,262 were killed and
    2,285 injured", "Syria's Health Ministry said …") scopes them all."""
    text = statement.text
    at = fact.start - statement.start
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, at)]
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(text, fact.end - statement.start)]
    clause_start, clause_end = starts[-1] if starts else 0, ends[0] if ends else len(text)
    marks = sorted({c.start - statement.start for c in counts} | {at, clause_end})
    others = [
        (c.end - statement.start, next((m for m in marks if m >= c.end - statement.start), clause_end))
        for c in counts
        if c is not fact and clause_start <= c.start - statement.start < clause_end
    ]
    named = sorted(
        {
            _ALIASES.get(n, n)
            for m in _COUNTRY.finditer(text, clause_start, clause_end)
            if (n := fold(m.group(1))) in COUNTRIES and not any(a <= m.start() < b for a, b in others)
        }
    )
    if _BOTH.search(text, clause_start, clause_end) or len(named) > 1:
        return "combined"
    return named[0] if named else ""


def scope_text(scope: str) -> str:
    return "in the countries together" if scope == "combined" else f"in {scope.title()}"
