"""Is this an English word? Offline word frequencies from wordfreq.

wordfreq ships frequency lists for about forty languages inside its wheel (no
download at run time), built from subtitles, Wikipedia, news and web text, so
it knows inflected forms, British spellings and common names — far more than a
hand-kept word list could. Frequencies are on the Zipf scale: 7 for "the", 3 for
a word seen once per million words, 0 for a word not in the list.

Serbian, Croatian and Bosnian are one list there (``sh``, Latin script);
Albanian has none, so its letters (ë, ç) are used as the sign instead.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

#: Below this an English "word" is unknown: the lists reach down to about 1.0.
UNKNOWN_ZIPF = 1.0
#: A source-language word that is at least this common is recognisably that language.
FOREIGN_ZIPF = 2.5
#: Languages our sources are translated from that wordfreq covers.
SOURCE_LANGUAGES = ("sh", "ru", "mk", "bg", "uk")
#: Letters English never uses but Serbian, Croatian, Bosnian or Albanian words do.
FOREIGN_LETTERS = re.compile("[čćšžđëçÇČĆŠŽĐË]")
CYRILLIC = re.compile("[\u0400-\u04ff]")
LANGUAGE_NAMES = {
    "sh": "Serbian/Croatian/Bosnian",
    "sr": "Serbian",
    "ru": "Russian",
    "mk": "Macedonian",
    "bg": "Bulgarian",
    "uk": "Ukrainian",
    "sq": "Albanian",
    "hr": "Croatian",
    "bs": "Bosnian",
    "de": "German",
    "fr": "French",
    "tr": "Turkish",
    # The rest of what langdetect tells apart, so that no message prints a bare code ("in nl").
    "af": "Afrikaans", "ar": "Arabic", "bn": "Bengali", "ca": "Catalan", "cs": "Czech", "cy": "Welsh",
    "da": "Danish", "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian",
    "fi": "Finnish", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian", "id": "Indonesian",
    "it": "Italian", "ja": "Japanese", "kn": "Kannada", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian",
    "ml": "Malayalam", "mr": "Marathi", "ne": "Nepali", "nl": "Dutch", "no": "Norwegian", "pa": "Punjabi",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "sk": "Slovak", "sl": "Slovenian", "so": "Somali",
    "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "th": "Thai", "tl": "Tagalog",
    "ur": "Urdu", "vi": "Vietnamese", "zh-cn": "Chinese", "zh-tw": "Chinese",
}  # fmt: skip


#: Languages whose wordfreq lists need an optional tokenizer package (MeCab, jieba) the tool does not install.
_NEEDS_TOKENIZER = frozenset({"ja", "ko", "zh"})


#: Lists whose words of the letters a-z are looked up directly (:func:`_listed_zipf`).
_DIRECT = frozenset({"en", "sh"})
_A_TO_Z = re.compile("[a-z]+")


@lru_cache(maxsize=1 << 18)
def zipf(word: str, language: str = "en") -> float:
    """wordfreq's Zipf frequency; 0 for a language it cannot serve without an optional package."""
    if language in _NEEDS_TOKENIZER:
        return 0.0
    if language in _DIRECT and _A_TO_Z.fullmatch(word):
        return _listed_zipf(word, language)
    from wordfreq import zipf_frequency

    try:
        return zipf_frequency(word, language)
    except (ImportError, LookupError):
        return 0.0


def _listed_zipf(word: str, language: str) -> float:
    """``zipf_frequency(word, language)`` for a word of the letters a-z, which wordfreq's tokenizer leaves as it
    is: its lookup and arithmetic without the tokenizer, which is most of the cost of a word not asked before.
    The same value as wordfreq's for every a-z word of both lists and 100,000 random ones (checked once; the
    test checks a sample, tests/test_lexicon.py)."""
    from wordfreq import freq_to_zipf, get_frequency_dict, zipf_to_freq

    minimum = zipf_to_freq(0.0)
    listed = get_frequency_dict(language).get(word)
    if listed is None:
        freq = minimum
    else:
        freq = max(1.0 / (1.0 / listed), minimum)  # wordfreq's sum over one token, and its floor
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)  # to three significant digits, as wordfreq does
    return round(freq_to_zipf(freq), 2)


# The word-level questions below are pure and asked hundreds of thousands of times a run (every word of
# every statement, by several detectors) about a vocabulary of a few tens of thousands: memoised.
@lru_cache(maxsize=1 << 18)
def is_english(word: str, cutoff: float = UNKNOWN_ZIPF) -> bool:
    """Whether ``word`` (any case, possessive allowed) is in the English list."""
    lower = re.sub(r"[’']s?$", "", word.lower())
    return zipf(lower) >= cutoff or (lower != word.lower() and zipf(word.lower()) >= cutoff)


#: A word this common (Zipf) is a function word or a sentence's usual opener ("On", "In", "The", "After").
_OPENER_ZIPF = 6.0
_LAST_CAPITAL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]*$)")


def glued_opener(word: str) -> int:
    """Where a word ends that the next sentence's first word was glued to ("CortiOn": 5, at "On"), 0 if none:
    a lower-case letter, then a capitalised function word to the end."""
    m = _LAST_CAPITAL.search(word)
    if not m or m.start() < 3 or zipf(word[m.start() :].lower()) < _OPENER_ZIPF:
        return 0
    return m.start()


@lru_cache(maxsize=1 << 18)
def english_first(word: str) -> bool:
    """Whether a lower-case Latin-script ``word`` is an English word at least as common in English as in Serbian,
    Croatian or Bosnian ("je", "da", "na" are not). The other source languages are written in Cyrillic, which
    the callers have already ruled out: not loading their lists saves a second a run."""
    english = zipf(word)
    return english >= UNKNOWN_ZIPF and english >= zipf(word, "sh")


@lru_cache(maxsize=1 << 18)
def source_language(word: str) -> str:
    """The source language ``word`` is a common word of ("sh", "ru" …), "sq" for Albanian letters, or ""."""
    lower = word.lower()
    # Russian, Macedonian, Bulgarian and Ukrainian are written in Cyrillic: a Latin word is only looked up in
    # the Latin list (their lists hold a few Latin tokens, loading them costs 1.4 s a run).
    for language in SOURCE_LANGUAGES if CYRILLIC.search(word) else ("sh",):
        if zipf(lower, language) >= FOREIGN_ZIPF:
            return language
    if "ë" in lower or "ç" in lower:
        return "sq"
    return ""


def english_share(text: str, other: str = "") -> float | None:
    """Share of the lower-case words of ``text`` that are English rather than words of language ``other``.

    Lower-case words only: names look foreign in any language. A word counts as
    English when it is common in English (Zipf ≥ 3) and not much more common in
    ``other`` ("in" is English and Afrikaans alike; "je" is Serbian), or known to English (Zipf ≥ 2) and not to
    ``other`` at all ("reopens" beside Romanian).
    None when there are fewer than two such words to judge by.
    """
    words = [w for w in re.findall(r"[^\W\d_]+", text) if w.islower() and len(w) > 1]
    if len(words) < 2:
        return None
    other = {"sr": "sh", "hr": "sh", "bs": "sh"}.get(other, other)
    known = other if other in _wordfreq_languages() else ""

    def english(word: str) -> bool:
        if known and zipf(word) >= 2.0 and not zipf(word, known):
            return True  # "reopens": rarer in English than 3, but no word of the other language at all
        return zipf(word) >= 3.0 and (not known or zipf(word) >= zipf(word, known) - 1.0)

    return sum(english(w) for w in words) / len(words)


@lru_cache(maxsize=1)
def _wordfreq_languages() -> frozenset[str]:
    from wordfreq import available_languages

    return frozenset(available_languages())


@lru_cache(maxsize=1 << 18)
def foreign_language(word: str) -> str:
    """The source language ``word`` belongs to rather than to English ("sh", "sr", "ru", "sq"), or "".

    "" too for words that are as much English as anything ("in", "no", "to") and
    for words no list knows.
    """
    lower = word.lower()
    if CYRILLIC.search(word):
        return "sr" if re.search("[ђћџљњј]", lower) else "ru" if zipf(lower, "ru") else "sh"
    language = source_language(word)
    if language and language != "sq" and zipf(lower, language) < zipf(lower) + 1.0:
        return ""
    if language:
        return language
    return "sh" if FOREIGN_LETTERS.search(word) and not is_english(word) else ""


@lru_cache(maxsize=1)
def _common_words() -> dict[int, list[str]]:
    """Common English words (Zipf ≥ 3.5, letters only) by length, most frequent first, for nearest-word lookups."""
    from wordfreq import get_frequency_list

    # The list is stored in buckets of one centibel: bucket i holds the words of Zipf 9 - i/100. Reading the
    # buckets down to 3.5 gives the words and order that asking zipf() of the top 30,000 gives, 50 times faster.
    by_length: dict[int, list[str]] = {}
    for bucket, words in enumerate(get_frequency_list("en")):
        if 9 - bucket / 100 < 3.5:
            break
        for word in words:
            if word.isalpha() and word.isascii():
                by_length.setdefault(len(word), []).append(word)
    return by_length


def deletion_variants(text: str, edits: int = 1) -> set[str]:
    """``text`` and every string made of it by deleting up to ``edits`` letters.

    Two strings within k edits of each other share one of these (symmetric delete),
    so an index of them finds near matches without comparing every pair.
    """
    variants, frontier = {text}, {text}
    for _ in range(edits):
        frontier = {v[:i] + v[i + 1 :] for v in frontier for i in range(len(v))}
        variants |= frontier
    return variants


@lru_cache(maxsize=1)
def _ranks() -> dict[str, int]:
    """Each common word's place in :func:`_common_words` (by length, then most frequent first)."""
    return {word: n for n, word in enumerate(word for words in _common_words().values() for word in words)}


@lru_cache(maxsize=1)
def _letters() -> str:
    """Every letter the common words use: what an edit of a word may put in to make one of them."""
    return "".join(sorted(set().union(*_ranks())))


@lru_cache(maxsize=1)
def _deletion_index() -> dict[str, list[str]]:
    """Each common word under itself and every one-letter deletion of it.

    Two words are one edit apart only if their deletion sets meet (symmetric
    delete), so a query looks up a handful of keys instead of scanning the list.
    """
    index: dict[str, list[str]] = {}
    for words in _common_words().values():
        for word in words:
            for key in deletion_variants(word):
                index.setdefault(key, []).append(word)
    return index


def _one_edit(word: str) -> set[str]:
    """Every string one insertion, deletion or substitution of a common word's letter away from ``word``."""
    letters = _letters()
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + c + b[1:] for a, b in splits if b for c in letters}
        | {a + c + b for a, b in splits for c in letters}
    )


#: Queries a process answers by trying every edit of the word (0.1 ms each) before it builds the deletion index
#: (0.11 s): an article added to a cached corpus asks a few dozen, a thousand new articles ask thousands. Both
#: find every common word one edit away.
EDITS_UP_TO = 200
_asked_by_edits = 0


#: A word rarer than this (Zipf) in English…
MISSPELT_ZIPF = 2.5
#: …that is one edit from a word this many Zipf units more common (a thousand times) is a misspelling of it:
#: web text holds "presiden" and "ukranian" often enough for wordfreq to list them, but as typos.
MISSPELT_GAP = 3.0


@lru_cache(maxsize=1 << 18)  # asked of every English word of every English statement (garbled_words)
def misspelling_of(word: str) -> str:
    """The common English word a rare ``word`` (five letters or more) misspells ("presiden" → "president"), or ""."""
    lower = word.lower()
    own = zipf(lower)
    if len(lower) < 5 or own >= MISSPELT_ZIPF:
        return ""
    return next((w for w in nearest_words(lower, 1) if zipf(w) >= own + MISSPELT_GAP), "")


@lru_cache(maxsize=65536)
def nearest_words(word: str, limit: int = 3) -> list[str]:
    """Common English words one edit (insertion, deletion, substitution) from ``word``, most frequent first."""
    global _asked_by_edits
    lower = word.lower()
    if _asked_by_edits < EDITS_UP_TO and not _deletion_index.cache_info().currsize:
        _asked_by_edits += 1
        candidates = _by_edits(lower)
    else:
        candidates = _by_index(lower)
    rank = _ranks()
    # Ties in frequency keep the order of a scan by length (shorter first), then by frequency rank.
    return sorted(candidates, key=lambda w: (-zipf(w), len(w), rank[w]))[:limit]


def _by_edits(lower: str) -> set[str]:
    """The common words one edit from ``lower`` (not itself), by trying every edit."""
    rank = _ranks()
    return {w for w in _one_edit(lower) if w in rank and w != lower}


def _by_index(lower: str) -> set[str]:
    """The common words one edit from ``lower`` (not itself), from the deletion index."""
    from rapidfuzz.distance import Levenshtein

    return {
        w
        for key in deletion_variants(lower)
        for w in _deletion_index().get(key, ())
        if w != lower and Levenshtein.distance(lower, w, score_cutoff=1) <= 1
    }
