"""Spun copies (compare.detect.spun, compare.analysis.word_swaps): a synonym spinner's swaps against the original."""

import shutil

from compare.analysis import word_swaps
from compare.pipeline import run
from compare.stages.embed import HashingEmbedder
from conftest import DATA


def _swaps(before, after):
    return [(s.was, s.now) for s in word_swaps.swaps(word_swaps.words([(0, before)]), word_swaps.words([(0, after)]))]


def test_only_ordinary_words_swapped_for_other_words_count():
    before = "At least 12 people were injured when Horvat said the fire was authorized by the mayor near the old bridge."
    after = "At least 15 people were injured when Horvatt says the fireplace was authorised by the mayor close to the old bridge."
    # A figure (an update), a name (a spelling), a tense or spelling within two edits: not a spinner's.
    assert _swaps(before, after) == [("fire", "fireplace"), ("near", "close to")]


def test_the_spun_side_is_the_one_with_the_rarer_words_whatever_the_dates(tmp_path):
    for path in (DATA / "findings" / "spun-copy").glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    spun = tmp_path / "b.txt"  # dated before the original: the family's origin, yet the spun one
    spun.write_text(spun.read_text(encoding="utf-8").replace("2024-07-15", "2024-07-13"), encoding="utf-8")
    corpus = run([tmp_path], HashingEmbedder())
    assert corpus.document("a").copy_of == "b"
    [finding] = [f for f in corpus.findings if f.subkind == "spun"]
    assert (finding.data.document, finding.data.original) == ("b", "a")
    assert {e.doc for e in finding.evidence} == {"b"} and finding.evidence[1].text == "fireplace"
