"""How many children a parent the story speaks of has ("the father of three children", "a father of four", "otac
troje maloletne dece", "отац је троје дјеце", "baba i katër fëmijëve"): compared across the corpus.

Profiles of a gunman, a victim or a suspect give their family in passing, in sentences that share nothing else and
seldom align; outlets that quote different neighbours give different figures. A figure is said of a father or of a
mother, and of the person the sentence names before it where it names one ("Vuk Borilović bio oženjen i otac
troje dece"); most say "he" or nothing. Figures of one parent word are compared where the story's sentences name
at most one such person (the unnamed "he" is then that person, or an unknown the others may describe); where they
name several, only the figures said of one named person are compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.facts.people import person_key
from ..model import Corpus, Fact, Finding, Statement
from . import discrepancy_traits
from .discrepancy_traits import Said

_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "dvoje": 2, "troje": 3, "četvoro": 4, "četvero": 4, "petoro": 5, "šestoro": 6, "sedmoro": 7,
    "dva": 2, "dvije": 2, "tri": 3, "četiri": 4, "pet": 5,
    "двоје": 2, "троје": 3, "четворо": 4, "петоро": 5, "шесторо": 6, "два": 2, "три": 3, "четири": 4,
    "dy": 2, "tre": 3, "katër": 4, "pesë": 5, "gjashtë": 6,
}  # fmt: skip
_N = r"(?P<n>\d{1,2}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_ROLES = {"father": "father", "otac": "father", "отац": "father", "baba": "father", "babai": "father",
          "mother": "mother", "majka": "mother", "мајка": "mother", "nëna": "mother", "nëne": "mother"}  # fmt: skip
#: "father of three (young) children", "a father of four", "otac (je) troje (maloletne) dece", "baba i katër fëmijëve".
_FAMILY = re.compile(
    rf"\b(?P<role>father|mother)\s+of\s+{_N}\b(?!\s*-)(?:\s+(?:young|minor|small|little|grown|adult))?"
    rf"(?=\s+(?:children|kids|sons|daughters)\b|\s*[,.;)]|\s+and\b|\s*$)"
    rf"|\b(?P<role2>otac|majka|отац|мајка)\s+(?:je\s+|је\s+)?{_N.replace('<n>', '<n2>')}\s+(?:\w+\s+)?"
    r"(?:dece|djece|деце|дјеце|sinova|синова|kćeri|ћерки)\b"
    rf"|\b(?P<role3>baba|babai|nëna|nëne)\s+(?:i\s+|e\s+)?{_N.replace('<n>', '<n3>')}\s+fëmij\w*",
    re.IGNORECASE,
)
#: A person's name just before the parent word: capitalised words not opening the sentence.
_NAME = re.compile(r"(?<=[\s,(])(?P<name>[A-ZČĆĐŠŽА-ЯЂЈЉЊЋЏ][\wčćđšž’'-]+(?:\s+[A-ZČĆĐŠŽА-ЯЂЈЉЊЋЏ][\wčćđšž’'-]+)+)")
_BEFORE = 60
CHILDREN = "children of"


def mentions(text: str) -> bool:
    """Whether a statement may say how many children a parent has."""
    return _FAMILY.search(text) is not None


def findings(corpus: Corpus, statements: Iterable[Statement] | None = None) -> Iterable[Finding]:
    """``statements``: those :func:`mentions` passes, where known (else every statement is looked at)."""
    said = [s for st in (corpus.statements if statements is None else statements) for s in _said(st)]
    keyed: list[Said] = []
    for role in {s.of.split("|")[0] for s in said}:
        own = [s for s in said if s.of.split("|")[0] == role]
        names = {s.of.split("|")[1] for s in own} - {""}
        if len(names) <= 1:
            keyed += [Said(s.fact, role) for s in own]
        else:  # several parents named: an unnamed one may be any of them
            keyed += [Said(s.fact, s.of.replace("|", " ")) for s in own if s.of.split("|")[1]]
    yield from discrepancy_traits.findings(
        corpus, keyed, lambda a, b: a.value == b.value, "count", lambda parent: f"how many children the {parent} has",
        lambda cls: cls[0].fact.value,
    )  # fmt: skip


def _said(statement: Statement) -> list[Said]:
    text, out = statement.text, []
    for m in _FAMILY.finditer(text):
        role = _ROLES[next(m.group(g) for g in ("role", "role2", "role3") if m.group(g)).lower()]
        word = next(m.group(g) for g in ("n", "n2", "n3") if m.group(g))
        n = int(word) if word.isdigit() else _NUMBERS.get(word.lower())
        if not n:
            continue
        names = list(_NAME.finditer(text[max(0, m.start() - _BEFORE) : m.start()]))
        name = person_key(names[-1].group("name")) if names else ""
        start, end = statement.start + m.start(), statement.start + m.end()
        fact = Fact("quantity", statement.id, statement.doc, start, end, m.group(), str(n), CHILDREN)
        out.append(Said(fact, f"{role}|{name}"))
    return out
