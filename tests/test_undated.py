"""Dates for undated articles, told by the story's dated articles (compare/analysis/facts/undated.py)."""

from conftest import one_statement_documents

from compare.analysis import facts

DATED = [
    ("A fire at the Riverside warehouse on April 10 killed three people, police said.", "2024-04-10"),
    ("Three people were killed in the fire at the Riverside warehouse on 10 April.", "2024-04-10"),
]


def _dates(undated: list[tuple[str, str]], dated=DATED) -> dict[str, tuple[str, str]]:
    corpus = one_statement_documents([(t, d, "en") for t, d in dated] + [(t, "", lang) for t, lang in undated])
    facts.extract(corpus)
    return {d.id: (d.date, d.date_source) for d in corpus.documents[len(dated):]}


def test_yesterday_of_the_story_puts_the_article_the_day_after():
    assert _dates([("The fire at the warehouse yesterday has now killed five people.", "en")]) == {
        "d2": ("2024-04-11", "corpus")}
    assert _dates([("Požar koji je juče izbio u skladištu odneo je pet života.", "sh")]) == {
        "d2": ("2024-04-11", "corpus")}


def test_today_is_the_story_day_only_beside_the_event_hour():
    assert _dates([("The fire broke out today at about 8:40 in the warehouse.", "en")]) == {
        "d2": ("2024-04-10", "corpus")}
    # A follow-up's "today" may be any later day; a weekday is said of the story's day for a week after it, but
    # the lede that tells the event at its hour on the story's weekday (10 April 2024 was a Wednesday) is of that day.
    assert _dates([("The mayor declared a day of mourning today.", "en"),
                   ("The toll rose to five. The fire broke out on Wednesday at 8:40 in the warehouse.", "en"),
                   ("The fire broke out on Wednesday at 8:40 in the warehouse.", "en")]) == {
        "d2": ("", ""), "d3": ("", ""), "d4": ("2024-04-10", "corpus")}


def test_a_dateline_takes_the_story_year():
    assert _dates([("Riverside, April 11: The toll of the warehouse fire rose to five.", "en")]) == {
        "d2": ("2024-04-11", "corpus")}


def test_a_dateline_cut_into_sentences_of_its_own_is_read():
    # An agency's "City. Day Month. AGENCY - …": the segmenter makes the date a statement alone.
    assert _dates([("Riverside. 12 April. CITYWIRE - The toll of the warehouse fire rose to five.", "en")]) == {
        "d2": ("2024-04-12", "corpus")}


def test_a_story_of_several_days_dates_nothing():
    several = [("Talks in Brussels on 27 February ended without a deal.", "2023-02-28"),
               ("The talks held in Brussels on February 27 ended.", "2023-02-28"),
               ("Talks in Ohrid on 18 March ended with a deal.", "2023-03-19"),
               ("The leaders met in Ohrid on March 18.", "2023-03-19")]
    assert _dates([("Yesterday's talks were never easy, he said.", "en")], several) == {"d4": ("", "")}
