"""Ages of people the statement does not name: "a 13-year-old boy", "14-godišnji učenik", "Četrnaestogodišnji
učenik", "dečak (14)", "К. К. (14)", "20-vjeçare", "14-летний".

A news story often never names its central person (a minor, a victim), and outlets disagree on the age as on
any figure. Such an age is a quantity whose subject is :data:`AGE`; two unnamed people may be any two people,
so the detectors compare it only between aligned statements (the same sentence's place in two reports), never
across the corpus as they compare a named person's age (:func:`.people.ages`). The words that make a number an
age are data: ``age`` in ``compare/data/fact-words-*.tsv``; English's is "year-old".
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ...model import Fact, Statement
from .numbers import parse_number
from .tokens import Token, tokens

if TYPE_CHECKING:
    from .languages.words import Words

#: The subject of an unnamed person's age.
AGE = "age"

#: English nouns of a person a parenthesised age may follow ("the boy (14)"); other languages' come from the
#: tables' counted nouns of people.
_PERSONS = frozenset(
    "boy boys girl girls child student pupil teenager teen man woman suspect shooter attacker gunman victim son "
    "daughter youth".split()
)
_PERSON_CLASSES = frozenset("boys girls children students men women teachers suspects attackers patients".split())
_ENGLISH_AGE = re.compile(r"^(?P<number>.+?)-years?-old$")
#: How old a person can be said to be.
_OLDEST = 110


def unnamed_ages(statement: Statement, taken: list[tuple[int, int]], words: Words | None = None) -> list[Fact]:
    """The ages in ``statement`` outside the spans ``taken`` (named people's ages, dates), read with ``words``
    (a :class:`.languages.Words`, or None for English)."""
    if words is None and "(" not in statement.text and "-old" not in statement.text.lower():
        return []  # English ages are "13-year-old", "13 years-old" or "(13)": most statements hold none
    toks = words.keyed(statement) if words is not None else tokens(statement)
    facts = []
    for i, tok in enumerate(toks):
        if any(s <= tok.start < e for s, e in taken):
            continue
        found = _compound(tok, words) or _before_age_word(toks, i, words) or _parenthesised(toks, i, words)
        if found is None:
            continue
        age, start, end = found
        if 0 < age <= _OLDEST:
            text = statement.text[start - statement.start : end - statement.start]
            value = float(age)
            facts.append(Fact("quantity", statement.id, statement.doc, start, end, text, str(age), AGE, value, value))
    if len({f.value for f in facts}) > 1:
        # "a 79-year-old woman and an eight-year-old girl": several people, none of them the one another
        # report's sentence speaks of; read (so that no count takes the figures) but never compared.
        facts = [replace(f, subject="") for f in facts]
    return facts


def _number(word: str, words: Words | None) -> int | None:
    if word.isdigit() and len(word) <= 3:
        return int(word)
    if words is None:
        parsed = parse_number([Token(word, 0, len(word), word)], 0)
        return int(parsed[0]) if parsed and not parsed[2] and parsed[1] == 1 else None
    value = words.get("number", word) or words.get("people", word)
    return int(float(value)) if value is not None else None


def _is_age_word(word: str, words: Words | None) -> bool:
    return word in ("year-old", "years-old") if words is None else words.get("age", word) is not None


def _compound(tok: Token, words: Words | None) -> tuple[int, int, int] | None:
    """One word: "thirteen-year-old", "13-year-old", "četrnaestogodišnji" (a number word joined to the age
    word, perhaps by a linking vowel)."""
    if words is None:
        m = _ENGLISH_AGE.match(tok.lower)
        age = _number(m.group("number"), None) if m else None
        return (age, tok.start, tok.end) if age is not None else None
    for cut in range(3, len(tok.lower) - 2):
        if _is_age_word(tok.lower[cut:], words) and not _is_age_word(tok.lower[cut - 1 :], words):
            prefix = tok.lower[:cut]
            for candidate in (prefix, prefix[:-1]):  # "četrnaesto-godišnji": the linking vowel
                if (age := _number(candidate, words)) is not None:
                    return age, tok.start, tok.end
            return None
    return None


def _before_age_word(toks: tuple[Token, ...], i: int, words: Words | None) -> tuple[int, int, int] | None:
    """A number, a hyphen perhaps, then the age word: "14-godišnji", "20 vjeç", "14-летний"."""
    j = i + 1
    if j < len(toks) and toks[j].text in "-‐–" and toks[j].start == toks[i].end:
        j += 1
    if j >= len(toks) or not _is_age_word(toks[j].lower, words):
        return None
    age = _number(toks[i].lower, words)
    return (age, toks[i].start, toks[j].end) if age is not None else None


def _parenthesised(toks: tuple[Token, ...], i: int, words: Words | None) -> tuple[int, int, int] | None:
    """ "dečak (14)", "К. К. (14)": a figure in brackets right after a person noun or initials."""
    if not (0 < i < len(toks) - 1 and toks[i].text == "(" and toks[i + 1].text.isdigit() and i + 2 < len(toks)):
        return None
    if toks[i + 2].text != ")" or i < 1:
        return None
    before = toks[i - 1]
    initial = len(before.text) == 1 and before.text.isupper()
    noun = words.get("noun", before.lower) if words is not None else before.lower
    if not (initial or noun in _PERSONS or noun in _PERSON_CLASSES):
        return None
    return int(toks[i + 1].text), toks[i + 1].start, toks[i + 1].end
