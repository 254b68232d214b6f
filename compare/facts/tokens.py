"""Words of a statement with their offsets in the document, and name folding."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import Statement

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th|%)?|\w+(?:[-'’.]\w+)*\.?|[^\w\s]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int  #: offset in the document
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().rstrip(".")

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokens(statement: Statement) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(statement.text):
        text = m.group()
        # A trailing period belongs to the word only for abbreviations ("Sept.", "a.m.").
        if text.endswith(".") and len(text) > 1 and not _keeps_period(text):
            text = text[:-1]
        out.append(Token(text, statement.start + m.start(), statement.start + m.start() + len(text)))
    return out


def _keeps_period(text: str) -> bool:
    bare = text[:-1].lower()
    return bare in {"sept", "sep", "oct", "nov", "dec", "jan", "feb", "mar", "apr", "aug", "jun", "jul",
                    "mr", "mrs", "dr", "gen", "st", "no"} or "." in bare


def fold(name: str) -> str:
    """Lower-case ASCII form of a name: "Vučić" and "Vucic" fold alike.

    rapidfuzz compares code points as they are, so diacritics would count as edits;
    folding is done here, on purpose, before any fuzzy comparison.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("đ", "dj").replace("Đ", "Dj").replace("ł", "l").replace("ø", "o").lower()


def same_name(a: str, b: str, cutoff: float = 85.0) -> bool:
    """Whether two names are spellings of one name (diacritics, a dropped letter)."""
    from rapidfuzz.distance import Levenshtein

    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 4:
        return False
    return Levenshtein.normalized_similarity(fa, fb) * 100 >= cutoff or (
        Levenshtein.distance(fa, fb) == 1 and min(len(fa), len(fb)) >= 4)
