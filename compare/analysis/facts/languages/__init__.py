"""Facts of statements in Serbian (Latin and Cyrillic), Albanian and Russian, as English statements give them.

The facts stage reads a statement in one of these languages (``Statement.language`` ``sh``, ``sr``, ``sq``,
``ru``: :func:`.words.words_for`) here, and every other statement with the English readers, unchanged. Each
module reads one kind of value with the language's word tables (``compare/data/fact-words-*.tsv``):
:mod:`.when` (dates and clock times), :mod:`.counts` with :mod:`.numbers` (counts and what they count),
:mod:`.places` (places, matched across languages and scripts). What they produce is what the English readers
produce for the same statement in English (kind, value, subject, interval), so that the detectors compare a
Serbian article's figure with an English article's.
"""

from __future__ import annotations

import datetime as dt

from ....model import Corpus, Fact, Statement
from .. import ages, people
from .. import places as english_places
from . import counts, offices, places, when
from .words import Words, words_for

__all__ = ["Words", "document_date", "place_index", "statement_facts", "words_for"]

document_date = when.document_date


def statement_facts(statement: Statement, today: dt.date | None, words: Words) -> list[Fact]:
    """The dates, times, ages, counts and offices of ``statement``, read with ``words``."""
    found = when.extract(statement, today, words) + people.ages(statement)  # "Kesić (14)" reads in any language
    found += ages.unnamed_ages(statement, [(f.start, f.end) for f in found], words)  # "14-godišnji učenik"
    return (
        found + counts.extract(statement, [(f.start, f.end) for f in found], words) + offices.extract(statement, words)
    )


def place_index(corpus: Corpus, known: set[str]) -> places.PlaceIndex | None:
    """The corpus's places as statements in these languages name them, with ``known`` (the English readers'
    gazetteer); None where the corpus has no statement in these languages."""
    cued: list[tuple[tuple[str, ...], str]] = []
    english: list[Statement] = []
    for document, statements in corpus.by_document():
        for statement in statements:
            words = words_for(statement.language, document.language)
            if words is None:
                english.append(statement)
            else:
                cued += [(name, words.table) for name in places.cue_names(statement, words)]
    if len(english) == len(corpus.statements):
        return None
    mentioned = set().union(*(english_places.names_in(s.text) for s in english)) if cued else set()
    return places.PlaceIndex(known, mentioned, cued)
