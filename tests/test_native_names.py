"""Names of the source-language articles as evidence of a name's spelling (compare/analysis/native_names.py)."""

from compare.analysis import native_names
from compare.model import Mention


def _words(*texts):
    return [(Mention("d", "d#0", 0, len(t), t), native_names.latin(t)) for t in texts]


def test_declined_and_cyrillic_forms_give_the_nominative_with_its_marks():
    found = native_names.spellings(
        ["Milic", "Tirsova", "Thumane"], _words("Milića", "Илићу", "Милић", "Tiršovoj", "Thumanës")
    )
    assert sorted(found) == ["Milić", "Thumanë", "Tiršova"]
    assert [m.text for m in found["Milić"]] == ["Milića", "Милић"]


def test_the_longest_english_spelling_a_word_declines():
    # "Durrës" is the nominative of "Durres", not "Durre" with a genitive -s.
    assert native_names.spellings(["Durre", "Durres"], _words("Durrës", "Durrësit")) == {
        "Durrës": [m for m, _ in _words("Durrës", "Durrësit")]
    }


def test_no_native_spelling_without_marks_or_for_a_common_english_word():
    # A page typed without ë says nothing English does not; "Per" is an English word before it is a name.
    assert native_names.spellings(["Thumane", "Per"], _words("Thumane", "Për")) == {}
