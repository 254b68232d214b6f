"""Numbers as Serbian, Albanian and Russian statements write them.

Digits in those languages' notation ("1.200" is twelve hundred, "6,4" six point four: the notation
:mod:`compare.analysis.notation` reads for the translation check too), cardinal words and their compounds
("dvadeset i pet", "njëzet e pesë", "двести тридцать"), with a scale ("tri hiljade", "dy mijë", "две тысячи");
collective numerals, which count people ("osmoro", "dvojica", "пятеро"); approximate numerals ("desetak": about
ten); and counts without a figure ("stotine", "qindra", "сотни"), read as the English word of the same sense.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from ...notation import number_value
from ..tokens import Token
from .words import Words

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


class Figure(NamedTuple):
    """A number read from a statement's tokens."""

    value: float
    used: int  #: tokens read
    qualifier: str  #: "exact"; "about" for an approximate numeral; "vague" for a count without a figure
    people: bool  #: a collective numeral: it counts people even where no noun follows
    word: str  #: for a count without a figure, the English word whose interval it has ("hundreds")
    lone_word: bool  #: a single number word: "jedan", "një", "один" may be no more than an article


def figure_at(words: Words, toks: tuple[Token, ...], i: int) -> Figure | None:
    """The number that starts at ``toks[i]``, or None."""
    key = toks[i].lower
    if key[:1].isdigit():
        if not _DIGITS.fullmatch(toks[i].text) or _ordinal(toks, i):
            return None
        value = float(number_value(toks[i].text, english=False))
        if i + 1 < len(toks) and (scale := words.get("scale", toks[i + 1].lower)) is not None:
            return Figure(value * float(scale), 2, "exact", False, "", False)  # "20 hiljada", "1,5 miliona"
        return Figure(value, 1, "exact", False, "", False)
    if (about := words.get("roughly", key)) is not None:
        return Figure(float(about), 1, "about", False, "", False)
    total, current, people, j, end, last = 0.0, 0.0, False, i, i, 0.0
    joiners = words.words("joiner")
    while j < len(toks):
        word = toks[j].lower
        number, collective = words.get("number", word), words.get("people", word)
        scale = words.get("scale", word)
        if number is not None or collective is not None:
            value = float(number or collective or 0)
            if last and not value < 10 ** math.floor(math.log10(last)):
                break  # "osam i jedanaest" (eight and eleven): two numbers; "dvadeset i pet" is one, 25
            current, last = current + value, value
            people = people or collective is not None
        elif scale is not None and (j > i or words.get("vague", word) is None):
            # "hiljadu ljudi" alone is a thousand; "hiljade ljudi" alone is thousands, a count without a figure
            current, last = (current or 1) * float(scale), 0.0
            if float(scale) >= 1000:
                total, current = total + current, 0.0
        elif not (j > i and word in joiners and j + 1 < len(toks) and words.get("number", toks[j + 1].lower)):
            break
        j += 1
        end = j if toks[j - 1].lower not in joiners else end
    if end > i:
        return Figure(total + current, end - i, "exact", people, "", end - i == 1)
    if (vague := words.get("vague", key)) is not None:
        return Figure(0.0, 1, "vague", False, vague, False)
    return None


def _ordinal(toks: tuple[Token, ...], i: int) -> bool:
    """ "8. razred", "12. mart" (a date is read before counts are): a figure with a period and a lower-case word
    after it is an ordinal."""
    return (
        i + 2 < len(toks)
        and toks[i + 1].text == "."
        and toks[i + 1].start == toks[i].end
        and toks[i + 2].text[:1].islower()
    )
