"""Days a government declares (a day of national mourning), compared across the corpus whatever the wording.

A declared day is a fact of the whole story, not of one sentence: "three days of national mourning from Friday",
"Wednesday is declared a day of mourning" and "trodnevna žalost počevši od petka, 5." name its first day in
wordings too far apart to align, and in languages the sentence model does not match. Each statement that names
the observance gives the date said next to it (the nearest, a few words away at most, so that the report's own
day elsewhere in the sentence is not taken for it); dates of different articles are then compared on the fields
both know, a weekday against a calendar date included. A day written without its year ("26 nëntorin", "May 7")
takes the story's year where every dated article of the corpus has the same one, so that its weekday is known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from itertools import combinations

from ..analysis.facts import dates
from ..analysis.facts.tokens import words_between
from ..analysis.letters import search_form
from ..model import Corpus, Fact, Statement
from .discrepancy_values import Comparison

#: Words that name a declared day of mourning, in the corpus languages (lower case, both scripts of Serbian).
_OBSERVANCE = re.compile(r"\bmourning\b|\b(?:žalost|жалост|траур)\w*|\bdit[eë]\s+zie?\b|\bzie\b", re.IGNORECASE)
#: Words between the observance and its date, at most.
_NEAR_WORDS = 6
#: The subject the observance's dates are compared under (and named by in the finding).
SUBJECT = "mourning"


#: A stem of each alternative of _OBSERVANCE: a cheap first test, in search_form(text).
_OBSERVANCE_STEMS = re.compile(r"mourning|žalost|жалост|траур|zi")


def mentions(text: str) -> bool:
    """Whether a statement may name a declared day of mourning."""
    return _OBSERVANCE_STEMS.search(search_form(text)) is not None and _OBSERVANCE.search(text) is not None


def comparisons(
    corpus: Corpus, facts_of: dict[str, list[Fact]], statements: Iterable[Statement] | None = None
) -> list[Comparison]:
    """The dates of the declared day that articles give, each pair of articles compared once per pair of dates
    (``statements``: those that :func:`mentions` passes, where known; else every statement is looked at)."""
    years = {d.date[:4] for d in corpus.documents if d.date}
    story_year = years.pop() if len(years) == 1 else None
    said: list[Fact] = []
    for statement in corpus.statements if statements is None else statements:
        if not (m := _OBSERVANCE.search(statement.text)):
            continue
        word = (statement.start + m.start(), statement.start + m.end())
        days = [f for f in facts_of.get(statement.id, []) if f.kind == "date" and _a_day(f.value)]
        at = statement.start  # the facts' spans in the statement's text, as the observance's
        gaps = {f: words_between(statement.text, m.span(), (f.start - at, f.end - at), str.lower) for f in days}
        named = re.match(r"\s+day\b", statement.text[m.end() :], re.IGNORECASE) is not None  # "Mourning Day"
        near = sorted(
            (len(gap), f.start, f)
            for f, gap in gaps.items()
            if _its_day(f, word, gap, named) and not _dates_another(statement.text[f.end - at :])
        )
        if near:
            day = near[0][2]
            said.append(replace(day, subject=SUBJECT, value=_in_year(day.value, story_year)))
    out = []
    for x, y in combinations(said, 2):
        if x.doc != y.doc and dates.comparable(x.value, y.value):
            out.append(Comparison(x, y, dates.compatible(x.value, y.value), "event"))
    return out


def _a_day(value: str) -> bool:
    _, _, day, weekday = dates.parts(value)
    return day is not None or weekday is not None


def _in_year(value: str, year: str | None) -> str:
    return year + value[4:] if year and value.startswith("????-") else value


def _its_day(day: Fact, word: tuple[int, int], between: list[str], named: bool = False) -> bool:
    """Whether a date a few words from the observance is its day: one said after it ("mourning from Friday",
    "ditë zie kombëtare 26 nëntorin"), unless it ends it ("until Sunday"); one said before it only where it is
    named the day ("Wednesday is declared a day of mourning", "declared March 22 as National Mourning Day"), not
    the day it was declared ("on Monday declared seven days of mourning")."""
    if len(between) > _NEAR_WORDS:
        return False
    if day.start >= word[1]:
        return not (between and between[-1] in _UNTIL)
    return any(w in _DAY for w in between) or (named and "as" in between)


def _dates_another(after: str) -> bool:
    """Whether a date is said as the day of the thing named after it ("during today's session", "Sunday's
    meeting"), not of the observance, unless that thing is the observance ("Friday's national day of mourning")."""
    if not _POSSESSIVE.match(after):
        return False
    head = after.lower().split()[1:4]
    return not any(w in _DAY or _OBSERVANCE.match(w) for w in head)


_POSSESSIVE = re.compile(r"['’]s\b")

#: A word just before a date that makes it the end of a period, not its start.
_UNTIL = frozenset({"until", "till", "through", "to", "do", "deri", "до"})
#: "day" in the singular, in the corpus languages: "a day of mourning", "dan žalosti", "ditë zie", "день траура".
_DAY = frozenset({"day", "dan", "ditë", "dite", "день"})
