"""Evidence from the corpus that two spellings of a name differ by an error, or by none (:mod:`.names` asks).

* a one-letter difference is a misspelling only against a spelling independent articles print (:func:`attested`);
* a shorter spelling the source-language articles print, beside an English word, is the name in its own language
  and its English translation, not letters lost (:func:`native_of`: "Puls" and "Pulse");
* a plain surname after a given name written with its marks is plain on purpose, not diacritics lost
  (:func:`plain_on_purpose`: "Ljupčo Kocevski").
"""

from __future__ import annotations

from collections.abc import Set

from ..model import Mention
from . import lexicon
from .facts.tokens import fold

#: A capitalised word at least this common in English (Zipf) is a word, not only a name.
COMMON_ZIPF = 3.0


def attested(canonical: str, variant: str, evidence: dict[str, list[Mention]], origin_of: dict[str, str]) -> bool:
    """Whether independent articles print ``canonical``, two at least, and one article alone ``variant``."""
    origins = [len({origin_of.get(m.doc, m.doc) for m in evidence[t]}) for t in (canonical, variant)]
    return origins[0] >= 2 and origins[1] == 1


def native_of(short: str, full: str, printed: Set[str]) -> bool:
    """Whether the source-language articles print ``short`` and ``full`` is an English word ("Puls", a club's name,
    beside English's "Pulse"): the name in its language and in English, no letter lost."""
    return short in printed and lexicon.is_english(full, COMMON_ZIPF)


def plain_on_purpose(
    bare: str, marked: str, given: dict[str, set[str]], evidence: dict[str, list[Mention]], origin_of: dict[str, str]
) -> bool:
    """Whether the articles printing ``bare`` write its given names with diacritics ("Ljupčo Kocevski") and the
    marked spelling has no more independent origins: they keep the marks, so the plain surname has none to lose."""
    names = given.get(bare) or set()
    origins = [len({origin_of.get(m.doc, m.doc) for m in evidence[t]}) for t in (marked, bare)]
    return bool(names) and all(fold(n) != n.lower() for n in names) and origins[0] <= origins[1]
