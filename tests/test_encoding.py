"""The encoding detector's per-article step: which characters are damage."""

from compare.detect.encoding import document_damage
from compare.model import Document


def test_another_script_glued_to_latin_words_is_a_language_not_damaged_encoding():
    chinese = "我们在London称, 在Berlin称, 在Rome称."  # a Chinese character glued after English words
    assert document_damage(Document(id="zh", path="zh.txt", text=chinese), []) == []
    damaged = "He said āyesā and āno.ā"
    assert [what for _, _, what in document_damage(Document(id="en", path="en.txt", text=damaged), [])] == ["ā"] * 4
