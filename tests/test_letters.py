"""search_form: the cheap first tests of the corpus-wide readers rely on it matching wherever re.IGNORECASE does."""

from __future__ import annotations

import re

import pytest

from compare.analysis.letters import _ODD_SMALL, search_form
from compare.detect import (
    discrepancy_agent_words,
    discrepancy_conditions,
    discrepancy_declared,
    discrepancy_lengths,
    discrepancy_observances,
    discrepancy_place_traits,
    discrepancy_statehood,
)

#: Every letter the first tests spell their words with.
_LETTERS = "abcdefghijklmnopqrstuvwxyzčćšžđëçабвгдежзийклмнопрстуфхцчшщъыьэюяёђјљњћџ"
_CASED = "".join(
    chr(code)
    for code in range(0x110000)
    if not 0xD800 <= code < 0xE000 and (chr(code).lower() != chr(code) or chr(code).upper() != chr(code))
)


def test_every_character_ignorecase_takes_for_a_letter_has_it_in_its_search_form() -> None:
    for letter in _LETTERS:
        for match in re.finditer(re.escape(letter), _CASED, re.IGNORECASE):
            assert letter in search_form(match.group()), (letter, match.group())


def test_a_small_letter_ignorecase_takes_for_another_small_letter_is_an_odd_one() -> None:
    small = "".join(c for c in _CASED if c == c.lower())
    for letter in _LETTERS:
        for match in re.finditer(re.escape(letter), small, re.IGNORECASE):
            assert match.group() == letter or _ODD_SMALL.match(match.group()), (letter, match.group())


def test_the_agent_words_are_small_letters() -> None:
    for pattern in (discrepancy_agent_words._cue(), discrepancy_agent_words._attackers()):
        letters = {c for c in re.sub(r"\\.|[^\w]", "", pattern.pattern)}
        assert letters <= set(_LETTERS) | {"_"}, letters - set(_LETTERS)


@pytest.mark.parametrize(
    "text",
    [
        "Three days of national mourning were declared.",
        "Vlada je proglasila TRODNEVNU ŽALOST.",
        "Qeveria shpalli zi kombëtare tri ditore.",
        "The victims were aged between 14 and 24.",
        "Žrtve su bile od 14 do 25 godina.",
        "The eastern town of Kočani lies in eastern North Macedonia.",
        "Kočani, a town of 25,000 people, mourned.",
        "Grad u istočnom dijelu zemlje ima 30.000 stanovnika.",
        "Qyteti lindor me rreth 30 mijë banorë.",
        "He is in critical condition; another DIED in hospital.",
        "Nothing of the kind, in ıstanbul or ſtable.",
        "Kosovo declared independence in 2008; it broke AWAY from Serbia.",
        "Dan žalosti proglašen je za 24. mart.",
        "Kosovo Police officers KILLED the gunman, the attacker Milan Radoičić.",
    ],
)
def test_first_tests_answer_as_the_whole_patterns(text: str) -> None:
    lengths = discrepancy_lengths
    assert lengths.mentions(text) == bool(lengths._LENGTH.search(text) or lengths._RANGE.search(text))
    traits = discrepancy_place_traits
    whole = traits._BEFORE_NOUN.search(text) or traits._AFTER_NOUN.search(text) or traits._WITHIN.search(text)
    assert traits.mentions(text) == bool(whole)
    assert traits.mentions_population(text) == bool(traits._POPULATION.search(text))
    states = discrepancy_conditions._STATES.values()
    assert discrepancy_conditions.mentions(text) == any(p.search(text) for p in states)
    assert discrepancy_statehood.mentions(text) == bool(discrepancy_statehood._MENTIONS.search(text))
    assert discrepancy_observances.mentions(text) == bool(discrepancy_observances._OBSERVANCE.search(text))
    assert discrepancy_declared.mentions(text) == bool(discrepancy_declared._DECLARED.search(text))
