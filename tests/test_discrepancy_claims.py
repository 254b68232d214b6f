"""What discrepancy_claims reads of a sentence: past actions asserted and denied."""

import pytest

from compare.detect.discrepancy_claims import claims
from compare.model import Statement


def _read(text: str) -> list[tuple[str, bool, bool]]:
    statement = Statement(id="a#1", doc="a", start=0, end=len(text), text=text, language="en")
    return [(c.text, c.negated, c.pending) for c in claims(statement)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Valdoria and Ostrana signed in Lisbon.", [("signed", False, False)]),
        ("The two sides have agreed on the annex.", [("agreed", False, False)]),
        ("He said that nothing had been signed.", [("nothing had been signed", True, False)]),
        ("The minister did not sign the accord.", [("did not sign", True, False)]),
        ("The minister didn’t sign the accord.", [("didn’t sign", True, False)]),
        ("The annex has yet to be agreed.", [("has yet to be agreed", True, True)]),
        ("The plan has not yet been approved.", [("has not yet been approved", True, True)]),
    ],
)
def test_actions_asserted_and_denied(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The agreement signed by the former prime ministers is not about this.",  # a participle after a noun
        "The president does not want to sign.",  # a stance, not an action done or not
        "The treaty was signed forty years ago.",  # the story's past
        "Ten years have passed since the agreements were signed.",
        "The spokesman said the talks went well.",  # a reporting verb
    ],
)
def test_no_action_read(text):
    assert _read(text) == []


@pytest.mark.parametrize(
    "text, acted_on",
    [
        ("The two sides have agreed on the fisheries annex.", {"fishe", "annex"}),  # active: its object
        ("The fisheries annex has yet to be agreed at this round.", {"fishe", "annex"}),  # passive: its subject
        ("They argued over the annex, which has yet to be agreed.", {"argue", "annex"}),  # said of the annex
        ("They talked for hours but nothing had been signed.", set()),  # nothing named
    ],
)
def test_what_was_acted_on(text, acted_on):
    statement = Statement(id="a#1", doc="a", start=0, end=len(text), text=text, language="en")
    assert claims(statement)[0].objects == acted_on
