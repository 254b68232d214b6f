"""Pairs the cosine bars drop that a second look keeps (issue 17): a foreign statement's best match confirmed by a
shared figure, place or day; a stray statement's language; English pairs far down each other's lists that share
rare words."""

import numpy as np

from compare.model import Statement
from compare.stages.across import _neighbourhood, scored_pairs
from compare.stages.lexical import worded_pairs


def _statement(n, doc, text, language):
    return Statement(f"{doc}#{n}", doc, 0, len(text), text, language=language)


def _vectors(gram):
    """Unit vectors whose cosines are ``gram``."""
    return np.linalg.cholesky(np.array(gram, dtype=np.float64)).astype(np.float32)


# A Serbian statement (row 0) whose best English match is row 1 at 0.85; row 1 has three Serbian statements of
# other articles nearer to it (0.90), so it ranks row 0 fourth: no mutual match, and 0.85 is under the margin.
GRAM = [
    [1.00, 0.85, 0.80, 0.80, 0.80, 0.70],
    [0.85, 1.00, 0.90, 0.90, 0.90, 0.60],
    [0.80, 0.90, 1.00, 0.85, 0.85, 0.60],
    [0.80, 0.90, 0.85, 1.00, 0.85, 0.60],
    [0.80, 0.90, 0.85, 0.85, 1.00, 0.60],
    [0.70, 0.60, 0.60, 0.60, 0.60, 1.00],
]
LANGUAGES = ["sh", "en", "sh", "sh", "sh", "en"]


def _corpus(serbian: str, english: str) -> list[Statement]:
    others = [
        "Premijer je posetio porušena sela u dolini reke.",
        "Spasioci su tokom noći pretraživali ruševine kuća.",
        "Vlada je proglasila dan žalosti u celoj zemlji.",
    ]
    return [
        _statement(1, "sr", serbian, "sh"),
        _statement(1, "en", english, "en"),
        *(_statement(1, f"s{n}", text, "sh") for n, text in enumerate(others)),
        _statement(1, "en2", "Officials of both towns met on Monday morning.", "en"),
    ]


def test_a_foreign_statement_s_best_match_is_kept_on_a_shared_figure_however_the_other_ranks_it():
    vectors, docs = _vectors(GRAM), np.arange(6)
    statements = _corpus(
        "U poplavama je poginulo 16 osoba, saopštila je policija.", "Police said 16 people died in the floods."
    )
    assert (0, 1) in scored_pairs(statements, vectors, docs, {0, 2, 3, 4}, LANGUAGES)
    # Without the figure, the same ranks and cosines keep nothing: a best match alone is as often another fact.
    statements = _corpus(
        "U poplavama je poginulo više osoba, saopštila je policija.", "Police said many people died in the floods."
    )
    assert (0, 1) not in scored_pairs(statements, vectors, docs, {0, 2, 3, 4}, LANGUAGES)


def test_a_shared_name_alone_does_not_confirm_a_best_match_that_is_not_mutual():
    # Two things one minister said share his name, and nothing else of one fact.
    statements = _corpus(
        "Ministar Nikšić je rekao da su putevi ka dolini zatvoreni.", "Minister Niksic said the aid would arrive soon."
    )
    assert (0, 1) not in scored_pairs(statements, _vectors(GRAM), np.arange(6), {0, 2, 3, 4}, LANGUAGES)


def test_a_stray_statement_s_language_gives_way_to_its_article_s_where_no_article_is_written_in_it():
    # A short Russian sentence read as Macedonian, in a corpus of Russian and English articles: its neighbours are
    # taken among the Russian statements, not among itself alone.
    assert _neighbourhood("mk", "ru", {"ru", "en"}) == "ru"
    assert _neighbourhood("ru", "ru", {"ru", "en"}) == "ru"
    # A language some article is written in stays the statement's own.
    assert _neighbourhood("sr", "sh", {"sh", "sr", "en"}) == "sr"
    # A Serbian quotation inside an English article stays Serbian: English is no neighbourhood for it.
    assert _neighbourhood("sh", "en", {"en"}) == "sh"


def _lists(n, pairs):
    """Neighbour lists of eight (rows of other documents) with their cosines, filler first."""
    top = np.zeros((n, 8), dtype=np.int64)
    scores = np.full((n, 8), -np.inf, dtype=np.float32)
    for row, listed in pairs.items():
        for place, (other, score) in enumerate(listed):
            top[row, place], scores[row, place] = other, score
    return top, scores


TEXTS = [
    "Serbia and Kosovo have reached an agreement, but Vucic does not want to sign it.",
    "As in Brussels, Vucic did not want to sign the agreement that was reached.",
    "The talks in the lakeside town lasted twelve hours into the night.",
    "European envoys said the dialogue would continue next month.",
    "Protesters gathered outside the government building in the capital.",
    "The prime minister thanked the mediators for their patience and effort.",
    "Journalists waited outside the hotel for a statement from either side.",
    "The annex sets out how each article of the plan will be put into practice.",
]


def test_an_english_pair_far_down_both_lists_is_kept_on_its_rare_words_at_the_sure_cosine():
    docs = np.arange(len(TEXTS))
    filler = [(k, 0.80 - 0.01 * k) for k in range(2, 7)]
    # Each lists the other fifth, at 0.72: under the margin in a neighbourhood of one topic.
    top, scores = _lists(len(TEXTS), {0: [*filler[:4], (1, 0.72)], 1: [*filler[:4], (0, 0.72)]})
    assert list(worded_pairs(TEXTS, top, scores, docs, {})) == [(0, 1)]
    # Listed by one side only: not kept (a sentence close to everything gains no partners by it).
    top, scores = _lists(len(TEXTS), {0: [*filler[:4], (1, 0.72)], 1: filler})
    assert worded_pairs(TEXTS, top, scores, docs, {}) == {}
    # Both ways, but under the SURE cosine: not kept that far down.
    top, scores = _lists(len(TEXTS), {0: [*filler[:4], (1, 0.66)], 1: [*filler[:4], (0, 0.66)]})
    assert worded_pairs(TEXTS, top, scores, docs, {}) == {}
