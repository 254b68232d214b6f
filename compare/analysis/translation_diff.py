"""What a translated sentence changed of its original: numbers, dates, names and negation.

The two sentences are in different languages (Serbian in either script, Albanian or Russian against English),
so nothing is compared word for word. Each side is read for what survives translation unchanged: figures,
dates (a day and a month name), the spelling of names, and whether the sentence is negated. A change is
reported only where both sides give something and the two disagree: a figure the translation spelt out in
words ("dvadeset" → "20") or a name it translated ("Klinički centar" → "Clinical Centre") has nothing to
disagree with, and stays silent.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from . import lexicon
from .spellings import romanised, untransliterated

#: Serbian Cyrillic to Serbian Latin, letter for letter (Vuk's alphabet: each letter has one Latin spelling).
_SERBIAN_LATIN = dict(
    zip(
        "абвгдђежзијклљмнњопрстћуфхцчџшАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ",
        "a b v g d đ e ž z i j k l lj m n nj o p r s t ć u f h c č dž š "
        "A B V G D Đ E Ž Z I J K L Lj M N Nj O P R S T Ć U F H C Č Dž Š".split(),
    )
)
_TO_LATIN = str.maketrans(_SERBIAN_LATIN)


def latin(text: str) -> str:
    """Serbian Cyrillic spelt in Serbian Latin; other text (Russian letters included) unchanged."""
    return text.translate(_TO_LATIN)


# --- numbers -------------------------------------------------------------------------------------------------

#: Digits with separators; a trailing period ("1998. godine", Serbian ordinals) is not part of the number.
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")


def _number_value(text: str, english: bool) -> str:
    """One spelling of a figure: English writes 1,200.5 where Serbian and Albanian write 1.200,5."""
    thousands = "," if english else "."
    parts = re.split(r"([.,])", text)
    digits = parts[0]
    for separator, group in zip(parts[1::2], parts[2::2]):
        if separator == thousands and len(group) == 3:
            digits += group
        else:  # the decimal mark, or a thousands separator before other than three digits: read as decimal
            digits += "." + group
    if "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    return digits.lstrip("0") or "0"


# --- dates ---------------------------------------------------------------------------------------------------

#: Month names by number, as prefixes of the folded word, so that declined forms match ("marta", "nëntorit").
_MONTHS: dict[str, tuple[str, ...]] = {
    # English, with the abbreviations news copy uses
    "en": (
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
    ),
    # Serbian (both scripts, after latin()), Bosnian, Croatian months spelt the Serbian way
    "sr": (
        "januar",
        "februar",
        "mart",
        "april",
        "maj",
        "jun",
        "jul",
        "avgust",
        "septemb",
        "oktob",
        "novemb",
        "decemb",
    ),
    "sq": (
        "janar",
        "shkurt",
        "mars",
        "prill",
        "maj",
        "qershor",
        "korrik",
        "gusht",
        "shtator",
        "tetor",
        "nentor",
        "dhjetor",
    ),
    # Russian, as anyascii spells it ("сентября" → "sentyabrya")
    "ru": (
        "yanvar",
        "fevral",
        "mart",
        "aprel",
        "ma",
        "iyun",
        "iyul",
        "avgust",
        "sentyabr",
        "oktyabr",
        "noyabr",
        "dekabr",
    ),
}
_ENGLISH_MONTHS = "january february march april may june july august september october november december".split()
_WORD = r"[^\W\d_]+"
_DAY_MONTH = re.compile(rf"(?<!\d)(\d{{1,2}})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?({_WORD})\.?(?:,?\s+(\d{{4}}))?")
_MONTH_DAY = re.compile(rf"({_WORD})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(\d{{4}}))?")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)")


@dataclass(frozen=True)
class Dated:
    """A date as a sentence gives it: day, month, and the year where it is written."""

    start: int
    end: int
    day: int
    month: int
    year: int | None

    def same(self, other: Dated) -> bool:
        return (self.day, self.month) == (other.day, other.month) and (
            self.year is None or other.year is None or self.year == other.year
        )


def _month(word: str, english: bool) -> int:
    """1–12 for a month name (any declined form), 0 for any other word."""
    folded = anyascii(latin(word)).lower()  # Russian letters too: "мая" → "maya"
    if english:
        full = word.lower().rstrip(".")
        return next(
            (n for n, name in enumerate(_ENGLISH_MONTHS, 1) if len(full) >= 3 and name.startswith(full)),
            0,
        )
    for stems in (_MONTHS["sr"], _MONTHS["sq"], _MONTHS["ru"]):
        for n, stem in enumerate(stems, 1):
            # "ma" (Russian мая/май) only whole: a prefix that short would take any word.
            if folded.startswith(stem) and (len(stem) > 2 or folded in ("maya", "may")):
                return n
    return 0


def dates(text: str, english: bool) -> list[Dated]:
    """Dates written with a month name ("15. marta 2024", "March 16, 2024", "16 March") or in digits
    ("15.3.2024.", not in English copy)."""
    found: list[Dated] = []
    for pattern, day_first in ((_DAY_MONTH, True), (_MONTH_DAY, False)):
        for m in pattern.finditer(text):
            day_text, word = (m.group(1), m.group(2)) if day_first else (m.group(2), m.group(1))
            month, day = _month(word, english), int(day_text)
            if month and 1 <= day <= 31 and not any(d.start <= m.start() < d.end for d in found):
                found.append(Dated(m.start(), m.end(), day, month, int(m.group(3)) if m.group(3) else None))
    if not english:
        for m in _NUMERIC.finditer(text):
            day, month = int(m.group(1)), int(m.group(2))
            if 1 <= day <= 31 and 1 <= month <= 12:
                found.append(Dated(m.start(), m.end(), day, month, int(m.group(3))))
    return sorted(found, key=lambda d: d.start)


# --- negation ------------------------------------------------------------------------------------------------

#: Words that negate a clause, lower-case; Serbian after latin() and with its diacritics kept ("neće").
_NEGATIONS: dict[str, frozenset[str]] = {
    "en": frozenset("not no never none nobody nothing neither nor cannot".split()),
    "sr": frozenset(
        "ne nije nisu nisam nisi nismo niste nema nemaju nemamo nemate nemam neće nećemo nećete neću nećeš "
        "nikad nikada niko nikoga ništa nijedan nijedna nijedno".split()
    ),
    "sq": frozenset("nuk s' s’ jo mos asnjë kurrë askush asgjë".split()),
    "ru": frozenset("не нет никогда никто ничего ни".split()),
}
#: A negation word before these does not negate the clause ("not only", "ne samo", "jo vetëm").
_NOT_NEGATING_BEFORE = frozenset("only just samo vetëm только".split())
#: A word with its clitic ("didn't"), or Albanian s' alone ("s'erdhi": did not come).
_NEGATION_TOKEN = re.compile(r"(?<!\w)[sS][’'](?=\w)|[^\W\d_]+(?:[’'][^\W\d_]+)?")


def negation_language(language: str) -> str:
    """Which negation list reads a document of ``language`` (ISO 639-1, "sh" for Serbo-Croatian in Latin)."""
    if language == "sq":
        return "sq"
    if language in ("ru", "uk", "be"):
        return "ru"
    return "en" if language == "en" else "sr"


def negations(text: str, language: str) -> list[tuple[int, int]]:
    """Spans of the words that negate a clause in ``text`` (``language``: a key of the negation lists)."""
    words = _NEGATIONS[language]
    tokens = list(_NEGATION_TOKEN.finditer(latin(text) if language == "sr" else text))
    spans = []
    for n, m in enumerate(tokens):
        word = m.group().lower()
        following = tokens[n + 1].group().lower() if n + 1 < len(tokens) else ""
        if following in _NOT_NEGATING_BEFORE:
            continue
        if word in words or (language == "en" and word.endswith(("n't", "n’t"))):
            spans.append((m.start(), m.end()))
    if language == "sr" and spans:  # latin() changes lengths (љ → lj): find the words again in the text itself
        return _respan(text, latin(text), spans)
    return spans


def _respan(text: str, converted: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    offsets, position = [], 0  # converted offset -> text offset
    for ch in text:
        offsets.extend([position] * len(latin(ch)))
        position += 1
    offsets.append(position)
    return [(offsets[s], offsets[e - 1] + 1) for s, e in spans]


# --- names ---------------------------------------------------------------------------------------------------

#: Zipf frequency from which a capitalised English word is taken for a word, not a name ("Police" 5.3,
#: "Clinical" 4.5, "Firefighters" 3.6); rarer ones may be names ("Milosh" 1.4, "Novi" 2.6).
ENGLISH_WORD_ZIPF = 3.5
_CAPITALISED = re.compile(r"(?<![\w’'])[^\W\d_][^\W_]*(?:[-’'][^\W\d_]+)*")


@lru_cache(maxsize=1 << 14)
def _keys(word: str) -> tuple[str, str]:
    """How a name is compared: strictly (script, diacritics and Serbian digraphs folded: "Đurić" = "Djuric")
    and loosely (any romanisation: "Šćekić" = "Shchekich", "Xhevdet" = "Dzhevdet")."""
    text = latin(word)
    # Loosely, đ is dž: Russian spells both дж ("Джокович"), so "Dzhokovich" is Đoković through Russian. Doubled
    # letters stay: "Puttin" is a misspelling, not a romanisation.
    return untransliterated(text), romanised(text.replace("đ", "dž").replace("Đ", "Dž"), doubles=False)


def _stem_of(translated: str, original: str) -> bool:
    """Whether ``original`` is ``translated`` with a case ending: Serbian and Albanian decline names
    ("Vučića", "Kurtit"), English does not; a final vowel may change ("Srbija" → "Srbiji")."""
    if len(translated) < 3:
        return translated == original
    if original.startswith(translated) and len(original) - len(translated) <= 3:
        return True
    return (
        len(translated) >= 4
        and translated[-1] in "aeiou"
        and original.startswith(translated[:-1])
        and len(original) - len(translated) <= 2
    )


def _names(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _CAPITALISED.finditer(text) if m.group()[0].isupper()]


def renamed(original: str, translation: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Names the translation spells through another language's romanisation ("Milosh Shchekich" for "Miloš
    Šćekić"): (span in the original, span in the translation) for each run of such words."""
    originals = _names(original)
    changed: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for start, end, word in _names(translation):
        if lexicon.zipf(word.lower()) >= ENGLISH_WORD_ZIPF:  # "Police", "The", "Clinical": words, not names
            continue
        strict, loose = _keys(word)
        if any(_stem_of(strict, _keys(other)[0]) for _, _, other in originals):
            continue
        partner = next((o for o in originals if _stem_of(loose, _keys(o[2])[1])), None)
        if partner is None:
            continue  # a name the original words otherwise, or a translated one: nothing to set it against
        if changed and not translation[changed[-1][1][1] : start].strip():  # the next word of the same name
            (o_start, o_end), (t_start, _) = changed[-1]
            changed[-1] = ((min(o_start, partner[0]), max(o_end, partner[1])), (t_start, end))
        else:
            changed.append(((partner[0], partner[1]), (start, end)))
    return changed


# --- all together --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One thing a translated sentence changed: its kind and where it is on each side (sentence offsets)."""

    what: str  #: "number", "date", "name" or "negation"
    original: tuple[int, int]
    translation: tuple[int, int]


def numbers(text: str, english: bool, outside: list[Dated]) -> list[tuple[int, int, str]]:
    """Figures of ``text`` (start, end, value) that are not part of one of the dates ``outside``."""
    return [
        (m.start(), m.end(), _number_value(m.group(), english))
        for m in _NUMBER.finditer(text)
        if not any(d.start <= m.start() < d.end for d in outside)
    ]


def _unmatched(ours: list, theirs: list, same) -> list:
    left = list(theirs)
    out = []
    for item in ours:
        match = next((other for other in left if same(item, other)), None)
        if match is None:
            out.append(item)
        else:
            left.remove(match)
    return out


def changes(original: str, translation: str, language: str) -> list[Change]:
    """What ``translation`` (English) changed of ``original`` (in ``language``), in the order of the
    translation's words."""
    found: list[Change] = []
    o_dates, t_dates = dates(original, english=False), dates(translation, english=True)
    for a, b in zip(_unmatched(o_dates, t_dates, Dated.same), _unmatched(t_dates, o_dates, lambda x, y: y.same(x))):
        found.append(Change("date", (a.start, a.end), (b.start, b.end)))
    o_numbers, t_numbers = numbers(original, False, o_dates), numbers(translation, True, t_dates)
    o_values, t_values = Counter(v for *_, v in o_numbers), Counter(v for *_, v in t_numbers)
    o_extra = [n for n in o_numbers if (o_values - t_values)[n[2]] > 0]
    t_extra = [n for n in t_numbers if (t_values - o_values)[n[2]] > 0]
    for a, b in zip(o_extra, t_extra):  # a figure only one side writes in digits is not a change
        found.append(Change("number", (a[0], a[1]), (b[0], b[1])))
    for o_span, t_span in renamed(original, translation):
        found.append(Change("name", o_span, t_span))
    o_negated, t_negated = negations(original, negation_language(language)), negations(translation, "en")
    if bool(o_negated) != bool(t_negated):
        whole_o, whole_t = (0, len(original)), (0, len(translation))
        found.append(Change("negation", o_negated[0] if o_negated else whole_o, t_negated[0] if t_negated else whole_t))
    return sorted(found, key=lambda c: c.translation)
