"""Evidence of one fact that two statements in different languages share, which the multilingual model does
not see: a figure or date read in each language's notation, a count the facts stage read from a numeral, a
name few statements print (spelt in any script), a place or a day the facts stage resolved.

Read by :mod:`compare.stages.across`: a pair of foreign statements each among the other's nearest is kept on
such evidence, and a short statement pairs only on it (docs/alignment.md).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..analysis.facts.places import COUNTRIES
from ..analysis.notation import dates, latin
from ..analysis.translation_diff import numbers
from ..model import Fact, Statement
from .anchors import MAX_SHARING
from .language import UNDETERMINED

ENGLISH = "en"
#: A name, place or day printed by more statements than this is the story's (the town, the president, the day
#: of the attack), not one fact's; the figure anchors' bound (compare/stages/anchors.py).
NAMED_BY = MAX_SHARING
#: The least count the facts stage read without a counted thing ("seven of them fatally") that is evidence:
#: one, two and three are as often an article or a pair ("a police officer", "two churches") as a count, and with
#: three a wrong pair of Durrës tolls (three dead against sixteen) became a wrong discrepancy (docs/alignment.md).
LEAST_COUNT = 4
#: A capitalised word of four letters or more: a name's candidate ("Kurbin", "Ашанин", "Kalandarishvili").
_NAME = re.compile(r"(?<![\w’'])[^\W\d_]{4,}")
_OPENS = re.compile(r"(?:^|[.:!?\"“”„«»(—–-])\W*$")  # what a word capitalised by its place follows
_STEM = 5  # letters a name's key keeps: Serbian, Albanian and Russian decline names ("Omarova", "Kurbinit")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


@dataclass(frozen=True)
class Evidence:
    """What one statement gives to check a pair by: figures (one notation), names (:func:`name_key`) and the
    facts stage's places and days ("place:belgrade", "date:1988-11-21")."""

    figures: frozenset[str]
    names: frozenset[str]
    told: frozenset[str]

    def meets(self, other: Evidence) -> bool:
        """One figure, one place or day, or one name in common."""
        return (
            bool(self.figures & other.figures)
            or bool(self.told & other.told)
            or any(same_name(a, b) for a in self.names for b in other.names)
        )

    def meets_on_figure(self, other: Evidence) -> bool:
        """One figure or one day in common. Not a name, which is as often the speaker's as the fact's (a minister's
        two statements on two things share his name), nor a place, which is as often the story's town (in a small
        corpus too few statements print it for the bound of :data:`NAMED_BY` to tell)."""
        days = {key for key in self.told if key.startswith("date:")}
        return bool(self.figures & other.figures) or bool(days & other.told)


def fact_evidence(facts: Iterable[Fact]) -> dict[str, set[str]]:
    """Each statement's evidence from the facts stage: places (a town's name in any language and case is one
    value: "u Beogradu", "у Београду" and "in Belgrade" are "place:belgrade"; a country is no one fact's place),
    days resolved to the calendar ("21.11.1988." and "November 21, 1988"; "juče" and "yesterday" against each
    article's date), and counts read from a numeral without a counted thing, as "count:7"."""
    found: dict[str, set[str]] = {}
    for fact in facts:
        if fact.kind == "place" and fact.value and fact.value not in COUNTRIES:
            found.setdefault(fact.statement, set()).add(f"place:{fact.value}")
        elif fact.kind == "date" and _DAY.fullmatch(fact.value):
            found.setdefault(fact.statement, set()).add(f"date:{fact.value}")
        elif fact.kind == "quantity" and fact.low is not None and fact.low == fact.high and fact.low >= LEAST_COUNT:
            found.setdefault(fact.statement, set()).add(f"count:{fact.low:g}")
    return found


class Witnesses:
    """Each statement's :class:`Evidence`, read when a pair asks for it (most pairs pass or fail on the cosine).
    ``anchors``: each statement's counts (:func:`~compare.stages.anchors.fact_anchors`), whose figures the facts
    stage read from numerals too ("пятеро", "šestoro"); ``facts``: :func:`fact_evidence`."""

    def __init__(
        self,
        statements: Sequence[Statement],
        anchors: Mapping[str, set[str]] | None = None,
        facts: Mapping[str, set[str]] | None = None,
    ) -> None:
        self.statements, self.anchors = statements, anchors or {}
        self.named = _rare_names(statements)
        self.told = [(facts or {}).get(s.id, set()) for s in statements]
        self.count = Counter(key for keys in self.told for key in keys if not key.startswith("count:"))
        self.read: dict[int, Evidence] = {}

    def __call__(self, n: int) -> Evidence:
        if n not in self.read:
            statement, told = self.statements[n], self.told[n]
            counted = {anchor.rpartition("=")[2] for anchor in self.anchors.get(statement.id, ())}
            counted |= {key.partition(":")[2] for key in told if key.startswith("count:")}
            rare = {key for key in told if not key.startswith("count:") and self.count[key] <= NAMED_BY}
            figures = {_plain(f) for f in _figures(statement) | counted}
            self.read[n] = Evidence(frozenset(figures), frozenset(self.named[n]), frozenset(rare))
        return self.read[n]

    def meet(self, a: int, b: int) -> bool:
        """Whether statements ``a`` and ``b`` share evidence of one fact."""
        return self(a).meets(self(b))

    def meet_on_figure(self, a: int, b: int) -> bool:
        """Whether statements ``a`` and ``b`` share a figure or a day (:meth:`Evidence.meets_on_figure`)."""
        return self(a).meets_on_figure(self(b))


def _figures(statement: Statement) -> set[str]:
    """The figures and dates a statement prints, in one notation whatever its language: "1.200" in Serbian and
    "1,200" in English are both "1200"; "3. maja" and "May 3" both "05-03"."""
    english = statement.language in (ENGLISH, UNDETERMINED)
    on = dates(statement.text, english)
    found = {value for _, _, value in numbers(statement.text, english, on)}
    found.update(f"{d.month:02d}-{d.day:02d}" for d in on)
    return found


def _plain(figure: str) -> str:
    """One spelling of a figure, whichever reading gave it ("6" in the text, 6.0 from a count); a date as it is."""
    try:
        return f"{float(figure):g}"
    except ValueError:
        return figure


def name_key(word: str) -> str:
    """How a name is compared across scripts and romanisations: Latin letters (Serbian Cyrillic by its own
    alphabet, other scripts as anyascii spells them) and the glides English writes several ways (y, j, i) as one:
    "Miljić", "Milić" and "Милић" are "milic", "Milich" is "milich", "Ašanin" and "Asanin" are "asanin"."""
    from anyascii import anyascii

    text = anyascii(latin(word)).lower().replace("'", "")
    return re.sub(r"i+", "i", re.sub(r"[yj]", "i", text))


def same_name(one: str, other: str) -> bool:
    """Whether two keys (:func:`name_key`) spell one name: equal, or one the other with an ending of up to three
    letters, since Serbian, Albanian and Russian decline names ("Omarova", "Kurbinit") and a romanisation may
    add one ("Milich"); "Branko" and "Brankice" (Brankica) are two names."""
    short, long = sorted((one, other), key=len)
    return long.startswith(short) and len(long) - len(short) <= 3


def _rare_names(statements: Sequence[Statement]) -> list[set[str]]:
    """Each statement's names (keys) that at most :data:`NAMED_BY` statements print (counted by their first
    five letters, so that a declined form counts with its name). A capitalised word that opens a sentence, a
    quotation or a heading's second part ("Deca su …", "…: Дечак месец дана …") is a name only if the corpus
    also capitalises it inside a sentence ("Milich said" is Milić's name, "… Veselin Milić").
    """
    keys, inside = [], set()
    for statement in statements:
        found = set()
        for m in _NAME.finditer(statement.text):
            if m.group()[0].isupper():
                key, opening = name_key(m.group()), bool(_OPENS.search(statement.text, 0, m.start()))
                found.add((key, opening))
                if not opening:
                    inside.add(key[:_STEM])
        keys.append(found)
    named = [{key for key, opening in found if not opening or key[:_STEM] in inside} for found in keys]
    count = Counter(stem for found in named for stem in {key[:_STEM] for key in found})
    return [{key for key in found if count[key[:_STEM]] <= NAMED_BY} for found in named]
