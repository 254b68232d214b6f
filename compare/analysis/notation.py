"""How Serbian (both scripts), Albanian and Russian write what English writes otherwise: the script, numbers and
dates.

Read by the translation check (:mod:`.translation_diff`: what a translation changed of its original) and by the
facts stage for statements in those languages (:mod:`.facts.languages`): one reading of "1.200,5", "3. maja" or
"26 nëntor" for both. Nothing here imports the rest of the package, so either may import it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

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


def number_value(text: str, english: bool) -> str:
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


#: What may follow a month's stem in its declined forms, folded (Russian as anyascii spells it): "marta", "maju",
#: "septembra", "nëntorit", "korrikut", "сентября", "мае"; nothing else, so that "3 majke" (three mothers) or "5
#: junaka" (five heroes) is no date.
_MONTH_ENDINGS = frozenset("a u i e om em ar ra ru rom re it in ut un ' ya ye yu y".split()) | {""}


@lru_cache(maxsize=1 << 14)  # the facts stage asks it of every lower-case word of a statement in these languages
def month_of(word: str, english: bool) -> int:
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
            # "ma" (Russian май, мая, мае) only with a Russian ending: a prefix that short would take any word.
            ending = folded[len(stem) :]
            if (
                folded.startswith(stem)
                and ending in _MONTH_ENDINGS
                and (len(stem) > 2 or ending in ("y", "ya", "e", "yu"))
            ):
                return n
    return 0


def dates(text: str, english: bool) -> list[Dated]:
    """Dates written with a month name ("15. marta 2024", "March 16, 2024", "16 March") or in digits
    ("15.3.2024.", not in English copy)."""
    found: list[Dated] = []
    # Serbian, Albanian and Russian put the day first: "maju 3" is a month and a count ("u maju 3 osobe …").
    orders = ((_DAY_MONTH, True), (_MONTH_DAY, False)) if english else ((_DAY_MONTH, True),)
    for pattern, day_first in orders:
        for m in pattern.finditer(text):
            day_text, word = (m.group(1), m.group(2)) if day_first else (m.group(2), m.group(1))
            month, day = month_of(word, english), int(day_text)
            if month and 1 <= day <= 31 and not any(d.start <= m.start() < d.end for d in found):
                found.append(Dated(m.start(), m.end(), day, month, int(m.group(3)) if m.group(3) else None))
    if not english:
        for m in _NUMERIC.finditer(text):
            day, month = int(m.group(1)), int(m.group(2))
            if 1 <= day <= 31 and 1 <= month <= 12:
                found.append(Dated(m.start(), m.end(), day, month, int(m.group(3))))
    return sorted(found, key=lambda d: d.start)
