import pytest

from compare.analysis import acronyms
from compare.model import Corpus, Document, Statement


@pytest.mark.parametrize("short, text, expected", [
    ("KFOR", "the NATO-led Kosovo Force", "Kosovo Force"),
    ("BiH", "established the state of Bosnia and Herzegovina", "Bosnia and Herzegovina"),
    ("UÇK", "Ushtria Çlirimtare e Kosovës", "Ushtria Çlirimtare e Kosovës"),
    ("OSCE", "the Organization for Security and Co-operation in Europe",
     "Organization for Security and Co-operation in Europe"),
    ("USO", "north of Kosovo, the Union of Serbian Municipalities", None),
    ("ZSO", "the Community of Serb Municipalities", None),
])
def test_schwartz_hearst_long_form(short, text, expected):
    assert acronyms.long_form(short, text) == expected


def test_initials_skip_function_words():
    assert acronyms.initials("Union of Serbian Municipalities") == "USM"
    assert acronyms.initials("Association of Serb-majority Municipalities") == "ASM"


def _corpus(*texts):
    documents, statements = [], []
    for n, text in enumerate(texts):
        doc = f"d{n}"
        documents.append(Document(doc, doc, text))
        statements.append(Statement(f"{doc}#1", doc, 0, len(text), text))
    return Corpus(documents, statements)


def test_table_definitions_and_what_is_not_an_acronym():
    corpus = _corpus(
        "The Union of Serbian Municipalities (USO) met NATO and KFOR. NEXT: World War II, a NATO-led force.",
        "ZSO (Community of Serb Municipalities) was discussed with the EU.",
    )
    table = acronyms.table(corpus)
    assert list(table) == ["USO", "NATO", "KFOR", "ZSO", "EU"]  # not NEXT (a word), II (a numeral), "NATO-led"
    (uso,) = table["USO"].definitions
    assert (uso.expansion, uso.fits) == ("Union of Serbian Municipalities", False)
    assert acronyms.misfit(uso)
    (zso,) = table["ZSO"].definitions
    assert zso.expansion == "Community of Serb Municipalities" and not acronyms.misfit(zso)  # the termbase vouches


def test_near_misses_only_for_undefined_unknown_acronyms_of_three_letters_or_more():
    table = acronyms.table(_corpus("WSO, USO and ZSO; the EU and the EO; NATO and NAPO and KFOR."))
    assert acronyms.near_misses(table) == {"WSO": ["USO", "ZSO"], "USO": ["WSO", "ZSO"], "NAPO": ["NATO"]}


def test_two_established_names_of_one_body_are_not_a_near_miss():
    # ISIS and ISIL are one letter apart and both right: the termbase knows them; ISIT is a typo of either.
    table = acronyms.table(_corpus("The ISIS claim was repeated; ISIL fighters and the ISIT cell were named."))
    assert acronyms.near_misses(table) == {"ISIT": ["ISIS", "ISIL"]}


def test_body_names_link_across_body_nouns_and_word_forms():
    corpus = _corpus("the Association of Serbian Municipalities (USO)",
                     "the association of Serb-majority municipalities and the Council of Europe",
                     "a union of Serb municipalities")
    (concept,) = acronyms.concepts(corpus)
    assert [n.text for n in concept.names] == [
        "Association of Serbian Municipalities", "USO", "association of Serb-majority municipalities",
        "union of Serb municipalities"]
