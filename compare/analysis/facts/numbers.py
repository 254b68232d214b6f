"""Numbers as articles write them: digits in either thousands convention ("1,000", "4.500", "1,5"),
ordinals ("24th", "third"), and number words ("forty-one", "a dozen", "two hundred and fifty", "a thousand").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .tokens import Token

_UNITS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * n for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if n > 1}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_ORDINALS = {
    w: n
    for n, w in enumerate("_ first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())
    if n
}
_DIGITS = re.compile(r"^(\d{1,3}(?:([,.])\d{3})+|\d+(?:[.,]\d+)?)(st|nd|rd|th|%)?$")


#: Words a number can begin with, other than digits and hyphenated number words.
_NUMBER_STARTS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES) | frozenset(_ORDINALS) | {"dozen", "a", "an"}


def _number_word_parts(word: str) -> list[str] | None:
    """ "forty-one" → ["forty", "one"]; None if the word is not (a hyphenated run of) number words."""
    parts = re.split(r"[-‐]", word)
    return parts if all(p in _UNITS or p in _TENS or p in _SCALES or p == "dozen" for p in parts) else None


def parse_number(tokens_: Sequence[Token], i: int) -> tuple[float, int, bool] | None:
    """(value, tokens used, is ordinal) for a number starting at ``tokens_[i]``."""
    word = tokens_[i].lower
    if not (word[:1].isdigit() or word in _NUMBER_STARTS or "-" in word or "‐" in word):
        return None  # most tokens: ruled out before any pattern is tried
    m = _DIGITS.match(tokens_[i].text)
    if m:
        digits, separator, suffix = m.group(1), m.group(2), m.group(3)
        # With a separator it marks thousands in either convention ("1,000", "4.500"); alone, a decimal comma.
        value = float(re.sub(r"[,.]", "", digits)) if separator else float(digits.replace(",", "."))
        used = 1
        if i + 1 < len(tokens_) and tokens_[i + 1].lower in _SCALES:
            value *= _SCALES[tokens_[i + 1].lower]
            used = 2
        return value, used, suffix in ("st", "nd", "rd", "th")
    if word in _ORDINALS:
        return float(_ORDINALS[word]), 1, True
    parts = _number_word_parts(word)
    if parts is None:
        if (
            word in ("a", "an", "one")
            and i + 1 < len(tokens_)
            and tokens_[i + 1].lower in ("dozen", "hundred", "thousand")
        ):
            nxt = tokens_[i + 1].lower
            return float(12 if nxt == "dozen" else _SCALES[nxt]), 2, False
        if word in ("a", "an"):
            return 1.0, 1, False
        return None
    total, current, used = 0.0, 0.0, 0
    last = ""  # the kind of the last word read: "unit", "tens" or "scale"
    j = i
    while j < len(tokens_):
        parts = _number_word_parts(tokens_[j].lower)
        if parts is None:
            # "and" joins only after a scale: "two hundred and fifty" is one number, "six and seven" two.
            if (
                tokens_[j].lower == "and"
                and last == "scale"
                and j + 1 < len(tokens_)
                and tokens_[j + 1].lower in _UNITS | _TENS
            ):
                j += 1
                continue
            break
        kinds = ["unit" if p in _UNITS else "tens" if p in _TENS else "scale" for p in parts]
        # A unit follows a tens word or a scale, a tens word a scale: "six seven" or "five twenty" are two numbers.
        if any(
            (kind == "unit" and before in ("unit",)) or (kind == "tens" and before in ("unit", "tens"))
            for kind, before in zip(kinds, [last, *kinds[:-1]])
        ):
            break
        for p in parts:
            if p in _UNITS:
                current += _UNITS[p]
            elif p in _TENS:
                current += _TENS[p]
            elif p == "dozen":
                current = (current or 1) * 12
            else:
                current = (current or 1) * _SCALES[p]
                if _SCALES[p] >= 1000:
                    total, current = total + current, 0.0
        last = kinds[-1]
        j += 1
        used = j - i
    if not used:
        return None
    value = total + current
    return (value, used, False) if value or tokens_[i].lower == "zero" else None
