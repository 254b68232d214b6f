"""What detectors and reports share, worked out once onto the corpus: the names the corpus spells more than
one way (``Corpus.names``) and its acronym table (``Corpus.acronyms``).

Each table belongs to a detector (name_variants, acronyms), which declares it (``register(table=…)``): it is
built where that detector runs, in its process, and only when it runs, so a report of a run with the detector
switched off shows neither its findings nor its table, in every format.
"""

from __future__ import annotations

from typing import Any

from ..model import Acronym, Corpus, Entity
from . import acronyms, body_names, full_names, names
from .translations import declared_translations


def name_table(corpus: Corpus, per_document: dict[str, list[tuple]] | None = None) -> list[Entity]:
    """The names spelled several ways, from each document's mentions (read here when not given): single words
    (:mod:`.names`), then full names a minority of the articles spells otherwise (:mod:`.full_names`), and names of
    bodies of several words (:mod:`.body_names`); the names
    of source-language statements are evidence of the right spelling for both (:mod:`.native_names`)."""
    if per_document is None:
        found, native = names.mentions(corpus), names.native_words(corpus)
    else:
        found, native = [], []
        for document, statements in corpus.by_document():
            found += names.rebuild_mentions(statements, per_document[document.id])
            native += names.rebuild_native(statements, per_document[document.id])
    words = names.entities(corpus, translated=declared_translations(corpus), found=found, native=native)
    spelled = {v.text: entity.canonical for entity in words for v in entity.variants}
    people = full_names.full_name_entities(corpus, found, spelled, native)
    bodies = body_names.body_name_entities(corpus)
    return sorted(words + people + bodies, key=lambda e: (-e.mentions, e.canonical))


def acronym_table(corpus: Corpus, per_document: Any = None) -> list[Acronym]:
    """Every acronym of the statements, in order of first appearance (the acronyms detector has no
    per-document step)."""
    return list(acronyms.table(corpus).values())
