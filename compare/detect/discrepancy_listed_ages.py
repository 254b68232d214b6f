"""The ages of a few people listed together ("two children aged 8 and 11", "uzrasta osam i jedanaest godina",
"8 dhe 11 vjeç"): compared across the corpus, list against list.

Victims are often told as a group whose members' ages are listed in one breath; an outlet that changes one of them
("aged 8 and 10") gives no age reader a figure to set against the others, since a sentence with several ages says
nothing of one person. A list is read as a whole instead, with the people it is said of (children, the dead …) and
how many ages it holds: two lists of as many ages for the same people are one group's, and differ where their
multisets of ages do. The lists are said in sentences worded too differently to align, in every corpus language, so
they are read from every statement, like the age ranges of :mod:`.discrepancy_lengths`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Corpus, Fact, Finding, Statement
from . import discrepancy_traits
from .discrepancy_traits import Said

#: Numbers in words up to 19, in the corpus languages (a listed age of a child or teenager is mostly written so).
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
    "jedan": 1, "jedna": 1, "dva": 2, "dvije": 2, "dve": 2, "tri": 3, "četiri": 4, "pet": 5, "šest": 6,
    "sedam": 7, "osam": 8, "devet": 9, "deset": 10, "jedanaest": 11, "dvanaest": 12, "trinaest": 13,
    "četrnaest": 14, "petnaest": 15, "šesnaest": 16, "sedamnaest": 17, "osamnaest": 18, "devetnaest": 19,
    "један": 1, "два": 2, "три": 3, "четири": 4, "пет": 5, "шест": 6, "седам": 7, "осам": 8, "девет": 9,
    "десет": 10, "једанаест": 11, "дванаест": 12, "тринаест": 13, "четрнаест": 14, "петнаест": 15,
    "një": 1, "dy": 2, "tre": 3, "katër": 4, "pesë": 5, "gjashtë": 6, "shtatë": 7, "tetë": 8, "nëntë": 9,
    "dhjetë": 10, "njëmbëdhjetë": 11, "dymbëdhjetë": 12, "trembëdhjetë": 13, "katërmbëdhjetë": 14,
}  # fmt: skip
_AGE = r"(?:\d{1,2}|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + ")"
_MORE = rf"(?:\s*,\s*{_AGE})*"
#: "aged 8 and 11", "ages 8, 11 and 14", "uzrasta osam i jedanaest godina", "od 8 i 11 godina",
#: "8 dhe 11 vjeç", "в возрасте 8 и 11 лет".
_LIST = re.compile(
    rf"\b(?:aged|ages)\s+(?P<en>{_AGE}{_MORE},?\s+and\s+{_AGE})\b(?!\s*(?:-|to|years|percent|%))"
    rf"|\b(?:uzrasta|uzrast|starosti|узраста|старости|od|од)\s+(?P<sh>{_AGE}{_MORE}\s+(?:i|и)\s+{_AGE})"
    r"\s+(?:godin\w*|годин\w*)"
    rf"|\b(?P<sq>{_AGE}{_MORE}\s+dhe\s+{_AGE})\s+vje[çc]\w*",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|\band\b|\bi\b|\bи\b|\bdhe\b)\s*", re.IGNORECASE)
#: The people a list is said of, named just before it.
_CHILDREN = re.compile(
    r"\b(?:children|kids|boys|girls|sons|daughters|brothers|sisters|siblings|djece|dece|deca|djeca|dečak\w*"
    r"|djevojčic\w*|devojčic\w*|sinov\w*|деце|дјеце|деца|дјеца|fëmij\w*|vajz\w*|djem\w*)\b",
    re.IGNORECASE,
)
#: How far before the list its people are looked for.
_BEFORE = 60
LISTED = "ages of"


def mentions(text: str) -> bool:
    """Whether a statement may list the ages of a few people."""
    return _LIST.search(text) is not None


def findings(corpus: Corpus, statements: Iterable[Statement] | None = None) -> Iterable[Finding]:
    """``statements``: those :func:`mentions` passes, where known (else every statement is looked at)."""
    statements = list(corpus.statements if statements is None else statements)
    listed = [s for st in statements for s in _lists(st)]
    yield from discrepancy_traits.findings(
        corpus, listed, lambda a, b: a.value == b.value, "count", lambda people: f"the ages of the {people}",
        lambda cls: cls[0].fact.value.replace(",", ", "),
    )  # fmt: skip


def _lists(statement: Statement) -> list[Said]:
    text, out = statement.text, []
    for m in _LIST.finditer(text):
        listed = next(v for k, v in m.groupdict().items() if v)
        ages = [_number(word) for word in _SPLIT.split(listed) if word]
        people = _CHILDREN.search(text[max(0, m.start() - _BEFORE) : m.start()])
        if len(ages) < 2 or None in ages or len(set(ages)) < 2 or people is None:
            continue
        value = ",".join(str(a) for a in sorted(a for a in ages if a is not None))
        start, end = statement.start + m.start(), statement.start + m.end()
        fact = Fact("quantity", statement.id, statement.doc, start, end, m.group(), value, LISTED)
        # Lists of as many ages of children are one group's; a list of two and a list of three are not.
        out.append(Said(fact, f"{len(ages)} children"))
    return out


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _WORDS.get(word.lower())
