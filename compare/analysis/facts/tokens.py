"""Words of a statement with their offsets in the document, and name folding."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import combinations
from typing import NamedTuple

from anyascii import anyascii
from rapidfuzz.distance import Indel, Levenshtein

from ...model import Statement
from ..lexicon import deletion_variants

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th|%)?|\w+(?:[-'’.]\w+)*\.?|[^\w\s]")


class Token(NamedTuple):
    text: str
    start: int  #: offset in the document
    end: int
    #: ``text`` lower-cased without a trailing period: made with the token, because the quantity parser reads
    #: it again and again (a cached property cost a fifth of the facts stage on a long article).
    lower: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokens(statement: Statement) -> tuple[Token, ...]:
    """The words, numbers and punctuation of ``statement``, with document offsets."""
    return _tokens(statement.text, statement.start)


@lru_cache(maxsize=1 << 15)
def lowered_words(text: str) -> tuple[str, ...]:
    """Each token's ``lower`` of ``text``, in order, without building the tokens (what word diffs compare)."""
    return tuple(_word(match).lower().rstrip(".") for match in _TOKEN.findall(text))


def words_between(text: str, a: tuple[int, int], b: tuple[int, int], case: Callable[[str], str] = str) -> list[str]:
    """The words of ``text`` between two of its spans (``(start, end)``, in either order), read after ``case``
    of the text between them (``str.lower``: lower case): how far a word stands from what it is said of."""
    left, right = (a, b) if a[0] <= b[0] else (b, a)
    return re.findall(r"\w+", case(text[left[1] : right[0]]))


@lru_cache(maxsize=4096)  # the facts stage and the discrepancy detector both read a statement's tokens
def _tokens(text: str, offset: int) -> tuple[Token, ...]:
    out = []
    make = tuple.__new__  # Token(...) without its Python-level constructor: a statement has dozens of tokens
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word[-1] == ".":
            word = _word(word)
        start = offset + m.start()
        out.append(make(Token, (word, start, start + len(word), word.lower().rstrip("."))))
    return tuple(out)


def _word(match: str) -> str:
    """A match of the token pattern as a token: a trailing period belongs to the word only for abbreviations
    ("Sept.", "a.m.")."""
    if match.endswith(".") and len(match) > 1 and not _keeps_period(match):
        return match[:-1]
    return match


def _keeps_period(text: str) -> bool:
    bare = text[:-1].lower()
    return (
        bare
        in {
            "sept",
            "sep",
            "oct",
            "nov",
            "dec",
            "jan",
            "feb",
            "mar",
            "apr",
            "aug",
            "jun",
            "jul",
            "mr",
            "mrs",
            "dr",
            "gen",
            "st",
            "no",
        }
        or "." in bare
    )


@lru_cache(maxsize=1 << 17)
def fold(name: str) -> str:
    """Lower-case ASCII form of a name: "Vučić" and "Vucic" fold alike.

    rapidfuzz compares code points as they are, so diacritics would count as edits;
    folding is done here, on purpose, before any fuzzy comparison.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "dj").replace("Đ", "Dj")
    if not stripped.isascii():
        # Latin letters that no decomposition takes apart: Turkish dotless ı, ł, ø, ß, æ, ə. Other scripts stay
        # as they are: a Cyrillic name is a transliteration question, not a diacritic.
        stripped = "".join(_latin_ascii(c) for c in stripped)
    return stripped.lower()


@lru_cache(maxsize=1024)
def _latin_ascii(character: str) -> str:
    if character.isascii() or not unicodedata.name(character, "").startswith("LATIN"):
        return character
    return anyascii(character) or character


def same_name(a: str, b: str, cutoff: float = 85.0) -> bool:
    """Whether two names are spellings of one name (diacritics, a dropped letter)."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 4:
        return False
    return Levenshtein.normalized_similarity(fa, fb) * 100 >= cutoff or (
        Levenshtein.distance(fa, fb) == 1 and min(len(fa), len(fb)) >= 4
    )


#: How alike two folded spellings must be (Indel similarity) to be one name a translation misspelt, beyond
#: :func:`same_name`'s edits: "Burjanin" (0.88) and "Braznin" (0.80) of Brdjanin, "Podglica" (0.82) of Podgorica,
#: "Čukanovic" (0.84) of Djukanovic; or less alike where the first letters agree ("Brznin", 0.71).
_ALIKE = 0.8
_ALIKE_SAME_START = 0.7


def spelt_alike(a: str, b: str) -> bool:
    """Whether two names may be one name misspelt, as machine translation misspells a name it does not know.

    Looser than :func:`same_name`: for two names printed in one slot of statements that report one thing (the
    speaker of one quotation, the place of one event), where two different names that alike are far less likely
    than one name misspelt. A word and its derived form ("Serbia", "Serbian") are not one name misspelt.
    """
    if same_name(a, b):
        return True
    fa, fb = fold(a), fold(b)
    if min(len(fa), len(fb)) < 4 or fa.startswith(fb) or fb.startswith(fa):
        return _dropped(fa, fb) or _dropped(fb, fa)
    similarity = Indel.normalized_similarity(fa, fb)
    return similarity >= _ALIKE or (similarity >= _ALIKE_SAME_START and fa[0] == fb[0])


#: The South Slavic surname suffix a rendering through Russian may drop ("Jovanov" for Jovanović), folded.
_SURNAME_SUFFIXES = ("ic", "ich")


def suffix_dropped(x: str, y: str) -> bool:
    """Whether ``x`` is the name ``y`` without its surname's -ić ("Jovanov" for Jovanović): a surname of its own
    too, so only a slot both fill (one speaker, one aligned statement) makes them one name."""
    return _dropped(fold(x), fold(y))


def _dropped(fx: str, fy: str) -> bool:
    return len(fx.rsplit(" ", 1)[-1]) >= 4 and fy.startswith(fx) and fy[len(fx) :] in _SURNAME_SUFFIXES


def _max_edits(length: int, cutoff: float = 85.0) -> int:
    """The most edits :func:`same_name` allows between names whose longer one has ``length`` letters."""
    return max(1, int(length * (100 - cutoff) / 100 + 1e-9))


def same_name_pairs(names: Iterable[str]) -> set[tuple[str, str]]:
    """Every pair of folded names ``(a, b)``, ``a <= b``, that :func:`same_name` holds the same name.

    The same answer as asking :func:`same_name` of every pair, without asking it of
    every pair: two strings within k edits share a string that k deletions make
    of each (symmetric delete), so only names that share a deletion variant are
    compared. Names of 4 letters or fewer match only themselves; long names, which
    would need many variants, are compared with every name of a length in reach.
    """
    folded = sorted({fold(n) for n in names})
    pairs = {(f, f) for f in folded}
    long_limit = 20
    index: dict[str, list[str]] = defaultdict(list)
    longs = [f for f in folded if len(f) > long_limit]
    for f in folded:
        if 4 <= len(f) <= long_limit:
            # Partners may be longer than f by up to their own allowance: cover the largest one in reach.
            for variant in deletion_variants(f, _max_edits(len(f) + 3)):
                index[variant].append(f)
    for bucket in index.values():
        for a, b in combinations(sorted(set(bucket)), 2):
            if same_name(a, b):
                pairs.add((a, b))
    for a in longs:
        for b in folded:
            if b != a and len(b) >= len(a) - _max_edits(len(a)) - 1 and len(b) >= 4 and same_name(a, b):
                pairs.add((min(a, b), max(a, b)))
    return pairs
