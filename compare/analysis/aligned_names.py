"""Names that statements reporting one thing print in each other's place: one name misspelt.

Machine translation misspells a name it does not know in ways no spelling table names ("Burjanin" and
"Braznin" for Brđanin, "Podglica" for Podgorica, "Nastik" for Nastić): the letters differ too much for
:func:`~.facts.tokens.same_name`, and the consonant skeletons that :mod:`.names` blocks spellings by differ too.
The alignment is the evidence those spellings lack: when two statements of one group, from independent
articles, each print a name the other does not, and the two are spelt alike
(:func:`~.facts.tokens.spelt_alike`), they are one name, and the spelling that one article alone prints is the
misspelt one, if independent articles print the other (their source-language statements included). Two names
one statement prints together are two names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from ..model import Corpus, Mention
from . import lexicon
from .facts.tokens import fold, same_name, spelt_alike, suffix_dropped
from .native_names import NativeWord
from .spellings import relation

#: A capitalised word this common in English (Zipf) is a word, not a name ("According", "Health").
_COMMON_ZIPF = 3.0


class Misspelling(NamedTuple):
    variant: str  #: the spelling one article alone prints
    canonical: str  #: the spelling independent articles print
    how: str = "misspelt"  #: "misspelt", or "truncation": the surname without its suffix ("Jovanov" for Jovanović)


def misspellings(corpus: Corpus, found: list[Mention], native: list[NativeWord]) -> list[Misspelling]:
    """The misspelt names the alignment shows, in the order the groups first show them: ``found`` are the English
    statements' name mentions, ``native`` the source-language statements' names (evidence of a spelling only)."""
    origin_of = {d.id: d.copy_of or d.id for d in corpus.documents}
    origins: dict[str, set[str]] = defaultdict(set)  # folded spelling → the independent origins that print it
    for mention in found:
        origins[fold(mention.text)].add(origin_of[mention.doc])
    for mention, latin in native:
        origins[fold(latin)].add(origin_of[mention.doc])
    by_statement: dict[str, set[str]] = defaultdict(set)
    printed_in: dict[str, set[str]] = defaultdict(set)  # spelling → the statements that print it
    for mention in found:
        by_statement[mention.statement].add(mention.text)
        printed_in[mention.text].add(mention.statement)
    return [
        Misspelling(variant, canonical, "truncation" if suffix_dropped(variant, canonical) else "misspelt")
        for variant, canonical in _misspellings(corpus, by_statement, origins, origin_of)
        if not printed_in[variant] & printed_in[canonical]  # two names one statement prints together are two
    ]


def _misspellings(
    corpus: Corpus, by_statement: dict[str, set[str]], origins: dict[str, set[str]], origin_of: dict[str, str]
) -> Iterable[tuple[str, str]]:
    """(misspelt, right) spellings of the names aligned statements print in each other's place, each pair once."""
    seen: set[tuple[str, str]] = set()
    for a, b in independent_pairs(corpus, origin_of):
        only_a, only_b = by_statement[a] - by_statement[b], by_statement[b] - by_statement[a]
        for x in only_a:
            for y in only_b:
                pair = _misspelling(x, y, origins)
                if pair is not None and pair not in seen:
                    seen.add(pair)
                    yield pair


def independent_pairs(corpus: Corpus, origin_of: dict[str, str]) -> Iterable[tuple[str, str]]:
    """The pairs of statements (ids) one group holds from independent articles (``origin_of``: a document's copy
    family), in the groups' order: statements that report one thing in words written apart."""
    doc_of = {s.id: s.doc for s in corpus.statements}
    for group in corpus.groups:
        for i, a in enumerate(group.statements):
            for b in group.statements[i + 1 :]:
                if origin_of[doc_of[a]] != origin_of[doc_of[b]]:
                    yield a, b


def _misspelling(x: str, y: str, origins: dict[str, set[str]]) -> tuple[str, str] | None:
    if same_name(x, y) or not spelt_alike(x, y):
        return None  # one spelling of the other, which .names judges, or two names
    if relation(x, y) != "none" or relation(y, x) != "none":
        return None  # a difference .names can name (diacritics, transliteration …): its to judge
    if any(lexicon.is_english(w, _COMMON_ZIPF) for w in (x, y)):
        return None
    if min(lexicon.zipf(x.lower()), lexicon.zipf(y.lower())) >= lexicon.UNKNOWN_ZIPF:
        return None  # English prints both ("Tartus", "Tartous"): two romanisations, not a misspelling
    nx, ny = len(origins[fold(x)]), len(origins[fold(y)])
    if nx == 1 and ny >= 2:
        return x, y
    if ny == 1 and nx >= 2:
        return y, x
    return None
