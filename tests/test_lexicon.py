from compare.analysis import lexicon


def test_english_words_any_case_and_possessive():
    for word in ("troops", "Normalisation", "Stoltenberg’s", "NATO's", "monastery"):
        assert lexicon.is_english(word), word
    for word in ("Peleven", "statoined", "Aljbin"):
        assert not lexicon.is_english(word), word


def test_source_language_words():
    assert lexicon.source_language("opština") == "sh"
    assert lexicon.source_language("srpskih") == "sh"
    assert lexicon.source_language("është") == "sq"  # no Albanian list: its letters tell
    assert lexicon.source_language("troops") == ""


def test_nearest_common_words_are_one_edit_away():
    assert lexicon.nearest_words("Peleven") == ["eleven"]
    assert "stationed" not in lexicon.nearest_words("statoined")  # a swap is two edits
    assert lexicon.nearest_words("Kozhevnikov") == []


def test_english_share_counts_lower_case_words_only():
    assert lexicon.english_share("Kurti and Vučić met in Brussels") == 1.0
    assert lexicon.english_share("Vučić rekao je da je Srbija spremna", "sh") == 0.0
    assert lexicon.english_share("Kurti Vučić") is None


def test_nearest_words_index_finds_what_a_full_scan_finds():
    import random

    from rapidfuzz.distance import Levenshtein

    from compare.analysis.lexicon import _common_words, nearest_words, zipf

    def scan(word):  # the definition: every common word one edit away, most frequent first
        lower = word.lower()
        found = [w for n in (len(lower) - 1, len(lower), len(lower) + 1) for w in _common_words().get(n, [])
                 if w != lower and Levenshtein.distance(lower, w, score_cutoff=1) <= 1]
        return sorted(found, key=lambda w: -zipf(w))[:3]

    rng = random.Random(7)
    common = [w for words in _common_words().values() for w in words]
    for word in rng.sample(common, 150):
        i = rng.randrange(len(word))
        damaged = rng.choice((word[:i] + word[i + 1:], word[:i] + rng.choice("aeiourst") + word[i:],
                              word[:i] + rng.choice("aeiourst") + word[i + 1:]))
        assert nearest_words(damaged) == scan(damaged), damaged


def test_common_words_are_the_top_words_of_zipf_at_least_3_5():
    from wordfreq import top_n_list

    from compare.analysis.lexicon import _common_words, zipf

    expected: dict[int, list[str]] = {}
    for word in top_n_list("en", 30000):
        if word.isalpha() and word.isascii() and zipf(word) >= 3.5:
            expected.setdefault(len(word), []).append(word)
    assert _common_words() == expected  # same words, same order (by frequency within each length)


def test_languages_wordfreq_cannot_serve_without_optional_packages_answer_zero():
    from compare.analysis.lexicon import zipf

    assert zipf("the", "ko") == 0.0 and zipf("the", "ja") == 0.0
    assert zipf("the", "en") > 5


def test_a_korean_article_with_english_words_is_compared(tmp_path):
    from compare.pipeline import run
    from compare.stages.embed import HashingEmbedder

    (tmp_path / "a.txt").write_text("제목\n\n서울에서 회의가 열렸다 the meeting 그리고 결과는 좋았다.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title\n\nThe meeting was held in Seoul and the results were good.\n", encoding="utf-8")
    corpus = run([tmp_path], HashingEmbedder())
    assert len(corpus.documents) == 2


def test_a_few_words_by_their_edits_and_many_by_the_index_find_the_same_words():
    import random

    from compare.analysis.lexicon import _by_edits, _by_index, _common_words

    rng = random.Random(11)
    common = [w for words in _common_words().values() for w in words]
    words = ["peleven", "statoined", "kozhevnikov", "vučić", "është", "a", "", "the", "thee", "x"]
    for word in rng.sample(common, 300):
        i = rng.randrange(len(word))
        words += [word, word[:i] + word[i + 1:], word[:i] + rng.choice("aeiouyčë") + word[i:],
                  word[:i] + rng.choice("bcdkstzš") + word[i + 1:]]
    assert sum(bool(_by_index(w)) for w in words) > 500
    for word in words:
        assert _by_edits(word) == _by_index(word), word


def test_words_of_the_letters_a_to_z_are_looked_up_as_wordfreq_tokenizes_and_rounds_them():
    import random
    import string

    from wordfreq import get_frequency_dict, zipf_frequency

    rng = random.Random(0)
    for language in ("en", "sh"):
        listed = [w for w in get_frequency_dict(language) if w.isascii() and w.isalpha() and w.islower()]
        made = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(1, 12))) for _ in range(5000)]
        for word in listed[::20] + made + ["a", "the", "zzzzzz"]:
            assert lexicon._listed_zipf(word, language) == zipf_frequency(word, language), (language, word)
