"""How long one person the story singles out had served in a post, compared across the corpus.

A profile of a victim gives the years of service in passing ("the priest, who had served more than 40 years at the
church", "the priest served at the altar for about 40 years", "the church where he had worked for 45 years"), in
sentences that share nothing else and do not align. A statement gives a tenure where a verb of serving or working
is followed closely by a number of years; it is said of the person the sentence names before the verb by a
singular noun of a post (the priest, the teacher, the guard), the story's one person of that post, as the
condition reader keys its persons (:mod:`.discrepancy_conditions`). A prison term ("served ten years in prison") is
no tenure.

Tenures are intervals ("about 40" is 36 to 44, "more than 40" above 40); two that cannot both hold are set side by
side. Where only one side is exact and the others are approximate, the sources differ in precision (a scope finding,
info), not on the fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Corpus, Fact, Finding, Statement
from . import discrepancy_traits
from .discrepancy_traits import Said

#: A singular noun of a post held for years: the person the story singles out by it.
_POSTS = re.compile(
    r"\b(priest|rabbi|imam|pastor|bishop|teacher|principal|headmaster|guard|watchman|officer|director|mayor|coach"
    r"|doctor|judge|caretaker|janitor)\b",
    re.IGNORECASE,
)
_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
_QUALIFIER = r"about|around|some|roughly|nearly|almost|over|more\s+than|at\s+least"
#: "served more than 40 years", "served at the altar for about 40 years", "had worked for 45 years".
_TENURE = re.compile(
    rf"\b(?:served|worked|serving|working)\b(?:\s+[\w’'-]+){{0,4}}?\s+(?:for\s+)?(?:(?P<q>{_QUALIFIER})\s+)?"
    rf"(?P<n>[1-9]\d?|{'|'.join(_NUMBERS)})\s+years\b(?!\s+(?:in|behind)\s+(?:prison|jail|bars)\b)",
    re.IGNORECASE,
)
_APPROXIMATE = {"about": (0.9, 1.1), "around": (0.9, 1.1), "some": (0.9, 1.1), "roughly": (0.9, 1.1)}
_BELOW = ("nearly", "almost")
_ABOVE = ("over", "more than", "at least")
TENURE = "years of service"


def mentions(text: str) -> bool:
    """Whether a statement may give a person's years in a post."""
    return _TENURE.search(text) is not None and _POSTS.search(text) is not None


def findings(corpus: Corpus, statements: Iterable[Statement] | None = None) -> Iterable[Finding]:
    """``statements``: those :func:`mentions` passes, where known (else every statement is looked at)."""
    said = [s for st in (corpus.statements if statements is None else statements) for s in _tenures(st)]
    yield from discrepancy_traits.findings(
        corpus, said, _overlap, "count", lambda post: f"how long the {post} had served",
        lambda cls: " / ".join(dict.fromkeys(s.fact.text for s in cls)),
    )  # fmt: skip


def _tenures(statement: Statement) -> list[Said]:
    text, out = statement.text, []
    for m in _TENURE.finditer(text):
        posts = list(_POSTS.finditer(text, 0, m.start()))
        if not posts:
            continue
        n = int(m.group("n")) if m.group("n").isdigit() else _NUMBERS[m.group("n").lower()]
        q = re.sub(r"\s+", " ", (m.group("q") or "").lower())
        low, high = float(n), float(n)
        if q in _APPROXIMATE:
            low, high = n * _APPROXIMATE[q][0], n * _APPROXIMATE[q][1]
        elif q in _BELOW:
            low = n * 0.9
        elif q in _ABOVE:
            high = float("inf")
        start = m.start("q") if m.group("q") else m.start("n")
        fact = Fact(
            "quantity",
            statement.id,
            statement.doc,
            statement.start + start,
            statement.start + m.end(),
            text[start : m.end()],
            f"{q} {n}".strip(),
            TENURE,
            low,
            high,
        )
        out.append(Said(fact, posts[-1].group(1).lower(), approximate=bool(q)))
    return out


def _overlap(a: Fact, b: Fact) -> bool:
    return (a.low or 0.0) <= (b.high or 0.0) and (b.low or 0.0) <= (a.high or 0.0)
