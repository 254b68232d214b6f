"""What detectors and reports share, worked out once onto the corpus: the names the corpus spells more than
one way (``Corpus.names``) and its acronym table (``Corpus.acronyms``).

Each table belongs to a detector (name_variants, acronyms) and is worked out only when that detector runs:
a report of a run with the detector switched off shows neither its findings nor its table, in every format.
"""

from __future__ import annotations

from typing import Any

from ..model import Corpus
from . import acronyms, names
from .translations import declared_translations

#: Detector name → the per-document step whose values (if already worked out) a table is built from.
NAMES, ACRONYMS = "name_variants", "acronyms"


def annotate(corpus: Corpus, enabled: tuple[str, ...] | list[str], steps: dict[str, dict[str, Any]]) -> None:
    """Set the tables of the enabled detectors; ``steps`` holds per-document step values by detector."""
    if NAMES in enabled:
        corpus.names = name_table(corpus, steps.get(NAMES))
    if ACRONYMS in enabled:
        corpus.acronyms = list(acronyms.table(corpus).values())


def name_table(corpus: Corpus, per_document: dict[str, list[tuple]] | None = None):
    """The names spelled several ways, from each document's mentions (read here when not given)."""
    found = None
    if per_document is not None:
        found = [
            m
            for document, statements in corpus.by_document()
            for m in names.rebuild_mentions(statements, per_document[document.id])
        ]
    return names.entities(corpus, translated=declared_translations(corpus), found=found)
