from compare.stages import language
from compare.model import Document, Statement

SERBIAN_LATIN = "Predsednik Srbije je rekao da Beograd uvek podržava najjaču moguću saradnju sa Kforom i da će čuvati mir."
SERBIAN_CYRILLIC = "Председник Србије је рекао да Београд увек подржава најјачу могућу сарадњу са Кфором и да ће чувати мир."
ENGLISH = "NATO deployed an additional 1,000 troops in Kosovo, the largest increase in the last decade."


def test_detection_is_deterministic_and_corrected_for_serbian():
    for _ in range(3):
        assert language.detect(ENGLISH) == "en"
        assert language.detect(SERBIAN_LATIN) == "sh"
        assert language.detect(SERBIAN_CYRILLIC) == "sr"


def test_short_or_uncertain_statements_take_the_document_language():
    assert language.detect("KFOR, Zvečan and Banjska") == "und"
    more = " The head of NATO said that there is no tolerance for any violence, and those responsible must face justice."
    text = f"{ENGLISH}{more * 3}\nWhat did Stoltenberg, Kurti and Osmani say?\n{SERBIAN_LATIN}"
    doc = Document(id="d", path="d", text=text)
    first, second, third = (text.index(ENGLISH), text.index("What"), text.index(SERBIAN_LATIN))
    statements = [
        Statement("d#1", "d", first, first + len(ENGLISH + more * 3), ENGLISH + more * 3),
        Statement("d#2", "d", second, second + 44, text[second:second + 44]),
        Statement("d#3", "d", third, third + len(SERBIAN_LATIN), SERBIAN_LATIN),
    ]
    language.annotate(doc, statements)
    assert doc.language == "en"
    assert [s.language for s in statements] == ["en", "en", "sh"]


def test_english_headlines_that_langdetect_misreads_are_english():
    # langdetect: Afrikaans and Norwegian; their lower-case words are English words.
    for headline in ("Four die in Banjska monastery siege", "No progress in Brussels talks"):
        assert language.checked(language.detect(headline, min_probability=0.0), headline) == "en"
    # Serbian function words are English-looking ("je", "da", "na") but far more common in Serbian.
    assert language.checked("sh", SERBIAN_LATIN) == "sh"


def test_a_line_of_names_has_no_language_of_its_own():
    # langdetect calls this Indonesian; with no lower-case word there is nothing to tell a language by.
    names = "Serbian President Aleksandar Vucic"
    assert language.checked("id", names) == language.UNDETERMINED
    assert language.checked("sh", "Vučić: Nema Dogovora Bez Garancija") == language.UNDETERMINED
    assert language.checked("sh", SERBIAN_LATIN) == "sh"
