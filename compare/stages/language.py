"""Language of documents and statements, deterministic.

langdetect is the detector (as asked), with two corrections it needs here:

* it is random unless seeded, so every call goes through one seeded factory;
* it has no Serbian or Bosnian profile: Serbian Latin comes out as ``hr`` (or
  ``bs``/``sl``) and Serbian Cyrillic as ``mk`` or ``bg``. Cyrillic with letters
  only Serbian uses (ђ ћ џ љ њ ј) is reported as ``sr``; Latin text of the
  Serbo-Croatian group is reported as ``sh`` because langdetect cannot tell
  Serbian from Croatian or Bosnian, and claiming either would be a guess.

Very short statements ("The terrorists") say nothing reliable about their
language, so they take the document's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Document, Statement

UNDETERMINED = "und"
SEED = 0
MIN_LETTERS = 25  # below this langdetect's guesses are noise
MIN_PROBABILITY = 0.8
ENGLISH_SHARE = 0.6  # of lower-case words that are English: above it, a non-English guess is overruled
#: A statement with at least this many lower-case words, nearly all of them English words no more common in a
#: source language, and no letter English never uses, is English without asking langdetect (5–30 ms a
#: statement: most of a large run's time before this).
PLAIN_ENGLISH_WORDS = 3
PLAIN_ENGLISH_SHARE = 0.9
#: Share of a document's statement text in plainly English statements above which the document is English.
PLAIN_ENGLISH_DOCUMENT = 0.8
_SERBIAN_CYRILLIC = re.compile("[ђћџљњјЂЋЏЉЊЈ]")
_LATIN_SOUTH_SLAVIC = {"hr", "bs", "sr", "sl"}
_CYRILLIC_SOUTH_SLAVIC = {"mk", "bg", "sr", "ru", "uk"}

_factory = None


@lru_cache(maxsize=1 << 16)  # wire copy repeats sentences across articles; a result depends on the text alone
def detect(text: str, min_probability: float = MIN_PROBABILITY) -> str:
    """ISO 639-1 code of ``text`` (``sh``/``sr`` as explained above), or ``und``.

    ``und`` too where langdetect is unsure: a sentence full of names ("What did
    Stoltenberg, Kurti and Osmani say?") splits its vote between unrelated languages.
    """
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_LETTERS:
        return UNDETERMINED
    from langdetect.lang_detect_exception import LangDetectException

    detector = _detector_factory().create()
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return UNDETERMINED
    if best.prob < min_probability:
        return UNDETERMINED
    return _correct(best.lang, text)


def _detector_factory():
    """One seeded factory per process: loading the profiles costs ~0.1 s."""
    global _factory
    if _factory is None:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        factory = DetectorFactory()
        factory.load_profile(PROFILES_DIRECTORY)
        factory.set_seed(SEED)
        _factory = factory
    return _factory


def _correct(code: str, text: str) -> str:
    if code in _CYRILLIC_SOUTH_SLAVIC and _SERBIAN_CYRILLIC.search(text):
        return "sr"
    if code in _LATIN_SOUTH_SLAVIC:
        return "sh"
    return code


def checked(code: str, text: str) -> str:
    """``code``, or "en" where langdetect said otherwise but the words are English.

    langdetect misreads short English headlines ("Four die in Banjska monastery
    siege" → Afrikaans, "No progress in Brussels talks" → Norwegian). When most
    lower-case words are English words, and not words of the guessed language,
    the text is English. With fewer than two lower-case words to judge by, it is undetermined.
    """
    from ..analysis.lexicon import english_share

    if code in ("en", UNDETERMINED):
        return code
    share = english_share(text, code)
    if share is None:
        # Fewer than two lower-case words: a line of names ("Serbian President Aleksandar Vucic" is "Indonesian"
        # to langdetect) or of figures, which says nothing of its language.
        return UNDETERMINED
    return "en" if share >= ENGLISH_SHARE else code


def plainly_english(text: str) -> bool:
    """Whether ``text`` is English beyond doubt: enough words, nearly all English first, no Cyrillic, and no č/ë
    in a lower-case word.

    Where this holds langdetect says "en" or, for a sentence crowded with names,
    is unsure; either way the statement is English.
    """
    from ..analysis.lexicon import CYRILLIC, FOREIGN_LETTERS, english_first

    if CYRILLIC.search(text):
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", text) if w.islower() and len(w) > 1]
    # č/ë in a lower-case word is another language's word; in a capitalised one it is a name (Vučić, Zvečan),
    # which English text about the region is full of.
    if any(FOREIGN_LETTERS.search(w) for w in words):
        return False
    return len(words) >= PLAIN_ENGLISH_WORDS and sum(map(english_first, words)) >= PLAIN_ENGLISH_SHARE * len(words)


def annotate(document: Document, statements: list[Statement]) -> None:
    """Set ``document.language`` and each statement's ``language`` in place."""
    plain = [plainly_english(s.text) for s in statements]
    total = sum(len(s.text) for s in statements)
    if total and sum(len(s.text) for s, p in zip(statements, plain) if p) >= PLAIN_ENGLISH_DOCUMENT * total:
        document.language = "en"
    else:
        body = "\n".join(s.text for s in statements)
        document.language = checked(detect(body[:5000], min_probability=0.5), body[:5000])
    for statement, is_plain in zip(statements, plain):
        own = "en" if is_plain else checked(detect(statement.text), statement.text)
        statement.language = own if own != UNDETERMINED else document.language
