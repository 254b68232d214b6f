"""The year a country broke away or declared independence, compared across the corpus whatever the wording.

Background sentences date a country's separation ("since Kosovo unilaterally broke away in 2008", "Kosovo declared
independence in 2008", "seceded from Serbia in 1999"). A year is never compared as a count or an event day, and
these sentences rarely align (each outlet words its background its own way), so the years are read here by what
they date: a verb or noun of separation (seceded, broke away, split from, declared or gained independence, a
declaration of independence, secession) followed closely by "in <year>", said of the country named nearest before
it (not the one it left, "from Serbia").

Where sources give one country's separation different years, they are set side by side. A source that itself
dates two steps of the separation differently ("seceded … in 1999 … and declared its independence in 2008") tells
the corpus that each year may belong to another step, and years given only to different steps (a break in one, a
declaration in another) date two steps: a difference of **scope** (info). Otherwise sources give one step two
years, and one of them is wrong: a **conflict** (warning).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..analysis.facts.places import COUNTRIES
from ..analysis.facts.tokens import fold
from ..analysis.letters import search_form
from ..model import Corpus, Evidence, Fact, Finding, Statement
from ..payloads import DiscrepancyData
from . import outlets, sayings
from .discrepancy_findings import value_class
from .discrepancy_values import most_common

#: A step of separation, then its year a few words on, within the clause ("declaration of independence from
#: Serbia in 2008"), not after another verb ("broke away and was admitted in 2015").
_DATED = re.compile(
    r"\b(?P<step>seced(?:ed|es|ing)|secession|br(?:oke|eaks?|eaking) away|split(?:s|ting)? (?:away )?from"
    r"|(?:declared|declares|declaring|gained|gains|won|wins) (?:its |their )?independence"
    r"|declaration of independence|became independent)"
    r"(?P<gap>(?:(?!\b(?:and|but|while|when)\b)[^,;.()]){0,30}?)\bin (?P<year>1[6-9]\d\d|20\d\d)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"\b(?P<from>from\s+|of\s+)?(?P<name>[A-Z][\w-]+)")


_MENTIONS = re.compile(r"independ|seced|secess|away|split", re.IGNORECASE)


_MENTIONS_SMALL = re.compile(_MENTIONS.pattern)  # in search_form(text): a first test, without the slow flag


def mentions(text: str) -> bool:
    """Whether a statement may date a separation: most do not, and are not read further."""
    return _MENTIONS_SMALL.search(search_form(text)) is not None and _MENTIONS.search(text) is not None


def findings(corpus: Corpus, statements: Iterable[Statement] | None = None) -> Iterable[Finding]:
    """``statements``: those that :func:`mentions` passes, where known (else every statement is looked at)."""
    by_country: dict[str, list[Fact]] = defaultdict(list)
    for statement in corpus.statements if statements is None else statements:
        if not mentions(statement.text):
            continue  # most statements: a cheap look before the pattern
        for m in _DATED.finditer(statement.text):
            country = _country(statement.text[: m.start()])
            if country is None:
                continue
            start, end = statement.start + m.start(), statement.start + m.end()
            year, step = m.group("year"), _step(m.group("step"))
            by_country[country].append(Fact("date", statement.id, statement.doc, start, end, m.group(), year, step))
    doc_order = corpus.document_order()
    for country, facts in by_country.items():
        # Two documents must give different years: one article that dates two steps is no discrepancy on its own.
        if any(f.doc != g.doc and f.value != g.value for f in facts for g in facts):
            yield _finding(corpus, country, facts, doc_order)


def _step(words: str) -> str:
    """Which step of a separation words name: the break itself, the declaration, or independence gained."""
    folded = fold(words)
    if folded.startswith("declar"):
        return "declaration"
    return "independence" if "independ" in folded else "separation"


def _country(before: str) -> str | None:
    """The country named nearest before the step, less the one it left ("from Serbia") or a part of ("of")."""
    for m in reversed(list(_NAME.finditer(before))):
        name = fold(m.group("name").removesuffix("’s").removesuffix("'s"))
        if name in COUNTRIES and not m.group("from"):
            return name
    return None


def _finding(corpus: Corpus, country: str, facts: list[Fact], doc_order: dict[str, int]) -> Finding:
    by_year: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        by_year[f.value].append(f)
    classes = sorted(by_year.values(), key=lambda cls: (-len({f.doc for f in cls}), doc_order[cls[0].doc]))
    sides = [(cls, most_common(f.text for f in cls)) for cls in classes]
    picture = sayings(corpus, ((sorted({f.doc for f in cls}, key=doc_order.__getitem__), text) for cls, text in sides))
    # A document that gives two years, each to another step, tells the steps apart.
    two = [
        doc
        for doc in sorted({f.doc for f in facts}, key=doc_order.__getitem__)
        if len({f.value for f in facts if f.doc == doc}) > 1 and len({f.subject for f in facts if f.doc == doc}) > 1
    ]
    # Otherwise, years given to different steps only (a break in one year, a declaration in another) date two steps.
    apart = all(len({f.value for f in facts if f.subject == step}) == 1 for step in {f.subject for f in facts})
    scope = bool(two) or apart
    if two:
        reason = f"{outlets(corpus, two[:1])} dates two steps of the separation apart: each year may be another step's"
    elif apart:
        reason = "each year dates another step of the separation (the break, the declaration, independence gained)"
    else:
        reason = "sources give one step of the separation different years"
    return Finding(
        id="",
        kind="discrepancy",
        subkind="date",
        severity="info" if scope else "warning",
        message=f"Sources date the separation of {country.title()} differently: {picture}",
        statements=list(dict.fromkeys(f.statement for f in facts)),
        evidence=[Evidence(f.doc, f.start, f.end, f.text) for f in facts],
        data=DiscrepancyData(
            subject=f"year of the separation of {country}",
            values=[value_class(cls, cls[0].value, doc_order) for cls in classes],
            sources=len({f.doc for f in facts}),
            linked_by=["corpus"],
            possible_update=False,
            relation="scope" if scope else "conflict",
            reason=reason,
        ),
    )
