"""The letters names are written in, as regular-expression character classes.

Names in the coverage we compare come from Serbian, Albanian, Turkish, Polish, Czech and other Latin-script
languages: a class of capitals listed by hand ("A-ZČĆŠŽĐ") misses Ş, İ, Ł, Ø and the rest, and every name that
starts with one is never read. These classes hold every capital and small letter of Latin-1, Latin Extended-A
and -B, made from Unicode's own case data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_LATIN = [chr(code) for code in range(0x41, 0x250)]

#: Every Latin capital (escaped for use inside ``[...]``).
UPPER = re.escape("".join(c for c in _LATIN if c.isupper()))
#: Every small Latin letter, ß and dotless ı included (escaped for use inside ``[...]``).
LOWER = re.escape("".join(c for c in _LATIN if c.islower()))


def word_starts(words: Iterable[str]) -> str:
    """A pattern that matches where one of ``words`` starts, to ask whether a text holds any: the words as a tree
    of their letters, so that the engine tries one letter at each place in the text rather than every word (an
    alternation of a hundred words is tried word by word). A word that a shorter one begins with is left out: it
    adds no place the shorter one does not match."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        if "" in node:
            return ""
        branches = [re.escape(letter) + pattern(below) for letter, below in sorted(node.items())]
        if not branches:
            return "(?!)"  # no words: matches nowhere
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return pattern(tree)


#: The characters re.IGNORECASE takes for a letter that their str.lower() is not (U+0130 lowers to two characters,
#: dotless ı matches i, long ſ matches s, the Cyrillic letters' rounded and tall forms their plain ones).
_IGNORECASE_ODD = str.maketrans(
    {"İ": "i", "ı": "i", "ſ": "s", "ᲀ": "в", "ᲁ": "д", "ᲂ": "о", "ᲃ": "с", "ᲄ": "т", "ᲅ": "т", "ᲆ": "ъ", "ᲇ": "ѣ"}
)


def search_form(text: str) -> str:
    """``text`` lower-cased for a cheap first test: a pattern of small letters, searched in it without
    re.IGNORECASE, matches wherever it matches ``text`` with that flag (tests/test_letters.py), several times
    faster. Not for offsets: a few characters lower to two."""
    return text.translate(_IGNORECASE_ODD).lower()


#: The small letters that re.IGNORECASE takes for another small Latin or Cyrillic letter: dotless ı (i), long ſ (s),
#: the Cyrillic letters' rounded and tall forms (в, д, о, с, т, ъ, ѣ, ꙋ).
_ODD_SMALL = re.compile("[ıſ\u1c80-\u1c88]")


def search_lowered(pattern: re.Pattern[str], exact: re.Pattern[str], lowered: str) -> re.Match[str] | None:
    """``pattern.search(lowered)``, for a pattern compiled with re.IGNORECASE whose letters are all small Latin and
    Cyrillic ones, and a lower-cased text: ``exact`` (the same pattern without the flag) gives the same answer
    wherever the text holds no small letter the flag takes for another, several times faster."""
    return (pattern if _ODD_SMALL.search(lowered) else exact).search(lowered)
