"""One thing named in words that frame it otherwise than the other sources do.

* An office described in words that deny what the others grant: "Prime Minister of the so-called Kosovo" against
  "Prime Minister of Kosovo". The office is the same (the role facts agree, and :mod:`.discrepancy` compares them
  as such); what differs is a qualifier that denies the body is a state ("so-called", "unrecognized",
  "self-proclaimed").
* A place's country named without the word that tells it apart: "Ohrid, Macedonia" against "Ohrid, North
  Macedonia". The bare name is a former or short name of the country, or another country's or region's name
  (Sudan, South Sudan): a reader wants to know that sources put the place in the country under two names.
  Only names one is the other less its qualifier are set side by side; other pairs of names are spellings (the
  name detectors'), or a place put in two countries, which no sentence here is read for.
* A plan named after different sponsors: "the Franco-German plan" against "the European-US plan". A story's
  coverage speaks of one plan (as a person holds one office), and the adjectives before it say whose it is: the
  countries and unions they name are compared, and sources whose sponsors have none in common are set side by
  side, where the alignment ties two of the namings, or a sentence naming the plan after some says the others made
  or back it. A plan drafted by some and backed by others is named after either: a difference of scope.

A reader comparing sources wants to know that some name the same thing in those words: a difference of scope (of
framing), at info level, never an error.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..analysis.facts.people import QUALIFIERS
from ..analysis.facts.places import COUNTRIES, QUALIFIED
from ..analysis.facts.tokens import fold
from ..model import Corpus, Fact, Finding, Statement
from .discrepancy_values import scope_finding

_QUALIFIED = re.compile(rf"\b(?:{QUALIFIERS})\b", re.IGNORECASE)
_COUNTRY = rf"(?P<name>(?:(?P<qualifier>{'|'.join(w.capitalize() for w in sorted(QUALIFIED))})\s+)?[A-Z][\w-]+)"
#: A place's country, set after it ("Ohrid, North Macedonia") or before it ("North Macedonia’s Ohrid").
_COUNTRY_AFTER = re.compile(rf",\s+{_COUNTRY}\b(?!\s+[A-Z])")
_COUNTRY_BEFORE = re.compile(rf"(?<![\w-]){_COUNTRY}[’']s\s+$")

#: Unions and the combining forms of country names ("Franco-German") that no suffix leads back to the country.
_SPONSORS = {
    "eu": "europe",
    "european union": "europe",
    "us": "america",
    "usa": "america",
    "united states": "america",
    "uk": "britain",
    "franco": "france",
    "french": "france",
    "anglo": "britain",
    "sino": "china",
    "russo": "russia",
    "italo": "italy",
    "greco": "greece",
}
_HEADS = ("plan", "Plan", "roposal", "nitiative")
#: Verbs and nouns that tell who made or backs a text ("drafted by", "presented", "enjoys US support").
_MAKING = re.compile(
    r"\b(?:draft|present|proposed|submit|author|sponsor|back(?:ed|s|ing|ers?)?\b|support|endors|broker|put forward"
    r"|based on|on the basis of)",
    re.IGNORECASE,
)
_ACTOR = re.compile(r"\b(?:United States|European Union|EU|USA|US|UK|[A-Z][a-z]+)\b")
_DEMONYM = re.compile(r"(?:ian|an|ese|ish|i)$")  # Russian, German, Chinese, Turkish, Iraqi
_SPONSOR = r"(?:EU|US|USA|UK|[A-Z][a-z]+(?:\s+Union)?)"
#: A plan named after its sponsors: "the Franco-German plan", "an EU-backed reconciliation plan".
_SPONSORED = re.compile(
    rf"\b(?P<by>{_SPONSOR}(?:-{_SPONSOR})*)(?:-[a-z]+)?\s+(?:[a-z]+\s+)?(?:[Pp]lans?|[Pp]roposals?|[Ii]nitiatives?)\b"
)


def _sponsor(word: str) -> str | None:
    """The country or union a word before a plan names ("German" → germany, "EU" → europe), or None."""
    folded = fold(word)
    if folded in _SPONSORS:
        return _SPONSORS[folded]
    stem = _DEMONYM.sub("", folded)
    if stem == folded or len(stem) < 4:
        return None  # a country's own name before "plan" says what it is about ("the Kosovo plan"), not whose
    # The nearest name the stem begins: "austr" is Austria's, not Australia's.
    return min((c for c in COUNTRIES if c.startswith(stem)), key=lambda c: (len(c), c), default=None)


def mentions(text: str) -> bool:
    """Whether a statement may name a plan after its sponsors: most do not, and are not read further."""
    return any(head in text for head in _HEADS)


def findings(corpus: Corpus, facts: list[Fact], statements: Iterable[Statement] | None = None) -> Iterable[Finding]:
    """``statements``: those that :func:`mentions` passes, where known (else every statement is looked at)."""
    by_role: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind == "role":
            by_role[(f.subject, f.value)].append(f)
    doc_order = corpus.document_order()
    for (subject, _), own in by_role.items():
        framed = [f for f in own if _QUALIFIED.search(f.text)]
        plain = [f for f in own if f not in framed]
        if not framed or not plain or not {f.doc for f in framed} - {f.doc for f in plain}:
            continue
        yield scope_finding(
            corpus,
            "role",
            subject,
            f"Sources describe the office of {subject.capitalize()} in words that deny its state",
            "one office, described by some sources with a word that denies its state",
            [plain, framed],
        )
    yield from _country_names(corpus, facts, doc_order)
    yield from _sponsors(corpus, doc_order, corpus.statements if statements is None else statements)


def _sponsors(corpus: Corpus, doc_order: dict[str, int], statements: Iterable[Statement]) -> Iterable[Finding]:
    """Sources that name the plan after sponsors none of which the others name."""
    by: dict[frozenset[str], list[Fact]] = defaultdict(list)
    for statement in statements:
        if not mentions(statement.text):
            continue  # most statements: a cheap look before the pattern
        for m in _SPONSORED.finditer(statement.text):
            named = [_sponsor(part) for part in m.group("by").split("-")]
            if all(named):
                start, end = statement.start + m.start(), statement.start + m.end()
                sponsors = frozenset(n for n in named if n)
                value = "+".join(sorted(sponsors))
                by[sponsors].append(Fact("role", statement.id, statement.doc, start, end, m.group(), value, "plan"))
    docs = {sponsors: {f.doc for f in own} for sponsors, own in by.items()}
    groups_of: dict[str, set[str]] = defaultdict(set)  # a statement may sit in several groups
    for g in corpus.groups:
        for s in g.statements:
            groups_of[s].add(g.id)
    groups = {sponsors: set().union(*(groups_of[f.statement] for f in own)) for sponsors, own in by.items()}
    makers = _makers(corpus, by)
    # Two documents at least, each naming sponsors the other does not: one article that names the plan both ways
    # ("the EU's plan, based on a Franco-German proposal") tells how it came about. And something must tie the
    # two namings: the alignment (statements of one group), or a source whose sentence names the plan after the
    # ones and tells that the others made or back it ("which the EU presented on the basis of a Franco-German
    # proposal"). A story may well speak of two plans ("the Russian proposal", "the Ukrainian plan"), and only
    # such a reading of the sentences says they are one.
    if not any(
        not x & y and docs[x] - docs[y] and docs[y] - docs[x] and (groups[x] & groups[y] or makers[x] & y)
        for x in by
        for y in by
    ):
        return
    classes = sorted(by.values(), key=lambda cls: (-len({f.doc for f in cls}), doc_order[cls[0].doc]))
    yield scope_finding(
        corpus,
        "attribution",
        "sponsors of the plan",
        "Sources name the plan after different sponsors",
        "one plan, named by some sources after sponsors none of which others name",
        classes,
    )


def _makers(corpus: Corpus, by: dict[frozenset[str], list[Fact]]) -> dict[frozenset[str], set[str]]:
    """By naming, the sponsors its own sentences say made or back the plan, outside any naming ("which the EU
    presented on the basis of a Franco-German proposal and which enjoys US support" → europe, america)."""
    out: dict[frozenset[str], set[str]] = defaultdict(set)
    for sponsors, own in by.items():
        for statement_id in dict.fromkeys(f.statement for f in own):
            statement = corpus.statement(statement_id)
            text = _SPONSORED.sub(" ", statement.text)  # a sponsor of another naming is another plan's
            if _MAKING.search(text):
                out[sponsors] |= {s for m in _ACTOR.finditer(text) if (s := _actor(m.group())) and s not in sponsors}
    return out


def _actor(word: str) -> str | None:
    """The country or union a name in a sentence stands for ("the EU", "France", "the United States")."""
    folded = fold(word)
    if folded in _SPONSORS:
        return _SPONSORS[folded]
    return folded if folded in COUNTRIES and folded != "states" else _sponsor(word)


def _countries(corpus: Corpus, facts: list[Fact]) -> dict[str, list[Fact]]:
    """The countries places are put in, by place: containment facts over the country's name as written."""
    out: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind != "place" or f.value in COUNTRIES:
            continue
        statement = corpus.statement(f.statement)
        at, end = f.start - statement.start, f.end - statement.start
        after = _COUNTRY_AFTER.match(statement.text, end)
        before = _COUNTRY_BEFORE.search(statement.text[:at])
        for m in (after, before):
            if m is None or fold(m.group("name").split()[-1]) not in COUNTRIES:
                continue
            name, start, stop = m.group("name"), statement.start + m.start("name"), statement.start + m.end("name")
            out[f.value].append(Fact("containment", f.statement, f.doc, start, stop, name, fold(name), f.value))
    return out


def _country_names(corpus: Corpus, facts: list[Fact], doc_order: dict[str, int]) -> Iterable[Finding]:
    for place, own in _countries(corpus, facts).items():
        names = {f.value for f in own}
        for full in sorted(n for n in names if " " in n and n.split()[0] in QUALIFIED):
            bare = full.split(maxsplit=1)[1]
            qualified = [f for f in own if f.value == full]
            short = [f for f in own if f.value == bare]
            if short and {f.doc for f in short} - {f.doc for f in qualified}:
                yield scope_finding(
                    corpus,
                    "place",
                    f"country of {place}",
                    f"Sources name the country of {place.capitalize()} with and without its qualifier",
                    "one place's country, named by some sources without the word that tells it apart",
                    [qualified, short],
                )
