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

