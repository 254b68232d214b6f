import re

import pytest

from compare.detect.garbled import _OPENING, _opens

#: The definition _opens implements without scanning the whole prefix.
SENTENCE_START = re.compile(r"[.!?:…][\"'”’»)]*\s+[\"'“‘«„(]*$")


@pytest.mark.parametrize("before", [
    "", "“", "(", "He said.  ", "He said. “", "He said.” ", "He said.”“", "x: (", "a…\n«", "said ", "said.",
    "U.S. ", "end?! ", "end) ", "end.) “(", "Peleven years after the declaration. ", "one, two ", "said:\t",
])
def test_a_word_opens_a_sentence_after_openers_or_sentence_punctuation(before):
    assert _opens(before) == (not before.strip(_OPENING) or bool(SENTENCE_START.search(before)))



@pytest.mark.parametrize("before, opens", [(" 2024-03-23 ", True), ("\n23.03.2024 14:05 ", True), (" 2024-03-23T09:51 — ", True),
                                           (" 1/4/2024, ", True), (" 2024 ", False), (" 23 March 2024 ", False), (" 12:30 ", False)])
def test_a_word_after_a_date_stamp_opens_a_sentence(before, opens):
    assert _opens(before, first=False) == opens


@pytest.mark.parametrize("word, meant", [("presiden", "president"), ("accordin", "according"), ("referrer", ""),
                                         ("colour", ""), ("inshallah", ""), ("wast", ""), ("toward", "")])
def test_a_rare_word_a_thousand_times_rarer_than_its_neighbour_is_a_misspelling(word, meant):
    from compare.analysis.lexicon import misspelling_of

    assert misspelling_of(word) == meant


def test_a_misspelt_word_is_flagged_though_web_text_lists_it():
    from compare.detect.garbled import document_words
    from compare.model import Document
    from compare.stages.segment import segment

    text = "Flood relief\n\nThe presiden of the council said the referrer of the complaint would be heard.\n\nMore."
    document = Document(id="a", path="a.txt", text=text, title="Flood relief", language="en")
    statements = segment(document)
    for statement in statements:
        statement.language = "en"
    _, suspects, _ = document_words(document, statements)
    assert [word for _, _, word, _, _ in suspects] == ["presiden"]
