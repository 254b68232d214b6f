"""Which dates of a statement linked as one event's are the incident's own (discrepancy_events._of_the_incident)."""

from compare.detect.discrepancy_events import _of_the_incident
from compare.model import Fact, Statement


def _dates(text: str, *days: str) -> list[str]:
    statement = Statement(id="a#1", doc="a", start=100, end=100 + len(text), text=text, language="en")
    facts = []
    for day in days:
        at = text.index(day)
        facts.append(Fact("date", "a#1", "a", 100 + at, 100 + at + len(day), day, "2025-03-09", "when"))
    return [f.text for f in _of_the_incident(facts, statement)]


def test_a_date_a_few_words_from_what_the_incident_did_is_its_own():
    assert _dates("A gas explosion killed 14 people early Sunday in Dravik.", "Sunday") == ["Sunday"]


def test_a_date_of_the_aftermath_or_of_another_act_is_not():
    assert _dates("Grief filled the streets of Dravik on Tuesday in the wake of the explosion.", "Tuesday") == []
    assert _dates("He condemned the attack on the hall and declared Monday a day of mourning.", "Monday") == []


def test_a_statement_without_english_incident_words_keeps_its_dates():
    # the incident's words are read in English only: another language's statement is not judged by them
    assert _dates("Požar u diskoteci izbio je u nedelju oko 2.30.", "nedelju") == ["nedelju"]
