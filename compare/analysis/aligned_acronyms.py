"""Acronyms that statements reporting one thing print in each other's place: one body's acronym mistranslated.

A translation that renders a body's name word by word and abbreviates it anew gives an acronym more than one letter
from the one every other outlet prints ("SOC" for the PMC the corpus names): no spelling rule relates the two, and
the near-miss check (one letter) does not reach them. The alignment does, as it does for misspelt names
(:mod:`.aligned_names`): two statements of one group, from independent articles, that each print an acronym the
other does not, of the same length, where one article alone prints the one and independent articles the other.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import Acronym, Corpus
from .aligned_names import independent_pairs


def aligned_others(corpus: Corpus, acronyms: dict[str, Acronym]) -> dict[str, list[str]]:
    """Each acronym one origin alone prints, with the acronyms independent articles print in its place in aligned
    statements (the same length, more than one letter apart: one letter is the near-miss check's)."""
    origin_of = {d.id: d.copy_of or d.id for d in corpus.documents}
    origins = {text: {origin_of[o.doc] for o in entry.occurrences} for text, entry in acronyms.items()}
    printed: dict[str, set[str]] = defaultdict(set)  # statement → the acronyms it prints
    for text, entry in acronyms.items():
        for o in entry.occurrences:
            printed[o.statement].add(text)
    out: dict[str, list[str]] = defaultdict(list)
    for a, b in independent_pairs(corpus, origin_of):
        for x in printed[a] - printed[b]:
            for y in printed[b] - printed[a]:
                for odd, usual in ((x, y), (y, x)):
                    if _in_place_of(odd, usual, origins) and usual not in out[odd]:
                        out[odd].append(usual)
    return dict(out)


def _in_place_of(odd: str, usual: str, origins: dict[str, set[str]]) -> bool:
    if len(odd) != len(usual) or len(origins[odd]) != 1 or len(origins[usual] - origins[odd]) < 2:
        return False
    return sum(p != q for p, q in zip(odd, usual)) > 1
