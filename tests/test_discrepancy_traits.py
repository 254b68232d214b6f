"""The readers of traits said in passing (compare/detect/discrepancy_place_traits.py, discrepancy_lengths.py), in
each corpus language: what they read, and what they leave alone."""

import pytest

from compare.detect import discrepancy_lengths, discrepancy_place_traits
from compare.model import Fact, Statement


def _statement(text):
    return Statement("d#1", "d", 0, len(text), text)


def _place(text, name):
    at = text.index(name)
    return Fact("place", "d#1", "d", at, at + len(name), name, name.lower(), "where")


@pytest.mark.parametrize(
    "text, name, points",
    [
        ("Floods hit the north-eastern town of Brod overnight.", "Brod", "EN"),
        ("Požar je izbio u Kočanima, u istočnom delu zemlje.", "Kočanima", "E"),
        ("Zjarri ndodhi në Koçan, në jug të vendit.", "Koçan", "S"),
        ("Пожар в Кочани, на западе страны.", "Кочани", "W"),
        ("Кочани, на истоку Македоније, је мали град.", "Кочани", "E"),
    ],
)
def test_direction_within_the_country(text, name, points):
    said = discrepancy_place_traits._directions(_statement(text), {"d#1": [_place(text, name)]})
    assert [s.fact.value for s in said] == [points]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Kočani, 100 km east of Skopje, mourned.", "Kočani"),  # from another place
        ("Koçani, 100 km në lindje të Shkupit, është", "Koçani"),
        ("The fire in Kocani shocked people across North Macedonia.", "Kocani"),  # a country's name
        ("Aid came from Kocani and the Western Balkans.", "Kocani"),
    ],
)
def test_no_direction_within_the_country(text, name):
    assert discrepancy_place_traits._directions(_statement(text), {"d#1": [_place(text, name)]}) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("Kočani, grad od 20.000 stanovnika, je u žalosti.", "20,000"),
        ("Koçani, qytet me rreth 30 mijë banorë.", "about 30,000"),
        ("Kocani, a town of just 30,000 people, buried its dead.", "30,000"),
        ("Kocani, with a population of about 1.5 million, mourned.", "about 1,500,000"),
    ],
)
def test_population(text, value):
    name = text.split(",")[0]
    said = discrepancy_place_traits._sizes(_statement(text), {"d#1": [_place(text, name)]})
    assert [s.fact.value for s in said] == [value]


def test_people_somewhere_are_no_population():
    text = "Në Koçan janë akomoduar rreth 1450 banorë në çadra."
    assert discrepancy_place_traits._sizes(_statement(text), {"d#1": [_place(text, "Koçan")]}) == []


@pytest.mark.parametrize(
    "text, days",
    [
        ("The government declared seven days of national mourning.", "7"),
        ("A five-day mourning period begins on Saturday.", "5"),
        ("The mourning period has been declared for seven days.", "7"),
        ("Proglašena su tri dana žalosti.", "3"),
        ("Vlada je proglasila trodnevnu žalost.", "3"),
        ("Qeveria shpalli zi kombëtare tri ditore.", "3"),
        ("Объявлен трёхдневный траур.", "3"),
    ],
)
def test_mourning_length(text, days):
    assert [s.fact.value for s in discrepancy_lengths._lengths(_statement(text))] == [days]


def test_a_day_of_mourning_is_no_length():
    assert discrepancy_lengths._lengths(_statement("Wednesday was declared a day of mourning.")) == []
    assert discrepancy_lengths._lengths(_statement("Tre ditë pas ngjarjes në Mal të Zi.")) == []


@pytest.mark.parametrize(
    "text, value, group, part",
    [
        ("Those killed were between 14 and 25 years old.", "14–25", "the dead", False),
        ("Most of the victims were aged 14 to 24.", "14–24", "the dead", True),
        ("Poginuli su u dobi od 14 do 25 godina.", "14–25", "the dead", False),
        ("Të plagosurit janë mes 16 dhe 30 vjeç.", "16–30", "the injured", False),
    ],
)
def test_age_range(text, value, group, part):
    said = discrepancy_lengths._ranges(_statement(text))
    assert [(s.fact.value, s.of, s.part) for s in said] == [(value, group, part)]


def test_two_ages_are_no_range():
    assert discrepancy_lengths._ranges(_statement("Two children, aged 8 and 11, were killed.")) == []
