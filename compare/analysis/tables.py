"""What detectors and reports share, worked out once onto the corpus: the names the corpus spells more than
one way (``Corpus.names``) and its acronym table (``Corpus.acronyms``).

Each table belongs to a detector (name_variants, acronyms), which declares it (``register(table=…)``): it is
built where that detector runs, in its process, and only when it runs, so a report of a run with the detector
switched off shows neither its findings nor its table, in every format.
"""

from __future__ import annotations

from typing import Any

from ..model import Acronym, Corpus, Entity
from . import acronyms, names
from .translations import declared_translations


def name_table(corpus: Corpus, per_document: dict[str, list[tuple]] | None = None) -> list[Entity]:
    """The names spelled several ways, from each document's mentions (read here when not given)."""
    found = None
    if per_document is not None:
        found = [
            m
            for document, statements in corpus.by_document()
            for m in names.rebuild_mentions(statements, per_document[document.id])
        ]
    return names.entities(corpus, translated=declared_translations(corpus), found=found)


def acronym_table(corpus: Corpus, per_document: Any = None) -> list[Acronym]:
    """Every acronym of the statements, in order of first appearance (the acronyms detector has no
    per-document step)."""
    return list(acronyms.table(corpus).values())
