"""The small helpers of the artefact detectors: acronyms made of word starts, Cyrillic words in Latin letters,
spellings through Ukrainian."""

from compare.analysis.initials import made_of_word_starts
from compare.analysis.latin_cyrillic import cyrillic_word
from compare.analysis.spellings import g_for_h, relation


def test_acronym_runs_start_words():
    assert made_of_word_starts("KFOR", "Kosovo Force")
    assert made_of_word_starts("CEC", "Central Election Commission")
    assert made_of_word_starts("ODIHR", "Office for Democratic Institutions and Human Rights")
    assert not made_of_word_starts("GM", "Georgian Dream")  # the m of "Dream" starts no word
    assert not made_of_word_starts("USO", "Union of Serbian Municipalities")


def test_cyrillic_words_in_latin_letters():
    assert cyrillic_word("Edinstvo") == ("ru", "единство")
    assert cyrillic_word("Pershiy")[0] == "uk"
    assert cyrillic_word("Pravda") == ("", "")  # English usage
    assert cyrillic_word("Ribnikar") == ("", "")  # no word


def test_ukrainian_h_reads_as_g():
    assert g_for_h("Hirchi") == "Girchi"
    assert g_for_h("Khvichia") == "Khvichia"  # a digraph's h stays
    assert relation("Hirchi", "Girchi") == "transliteration"
    assert relation("Ghirchi", "Girchi") == "transliteration"
    assert relation("Hold", "Gold") == "none"  # an English word


def test_case_only_is_no_variant():
    assert relation("UkrinForm", "Ukrinform") == ""
