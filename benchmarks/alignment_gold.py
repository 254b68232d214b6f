"""Labelled data about a corpus, written by hand, read by tests and measurements.

A statement is referred to by a document id prefix and a few of its words
(``["002", "1,000 troops"]``) rather than by statement id, so labels survive
changes to segmentation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from compare.model import Corpus, Statement

Ref = tuple[str, str]


@dataclass
class AlignmentGold:
    corpus: Path
    required: list[tuple[Ref, Ref]]
    pairs: list[tuple[Ref, Ref]]
    never_grouped: list[str]

    @classmethod
    def load(cls, path: str | Path) -> "AlignmentGold":
        path = Path(path)
        data = json.loads(path.read_text(encoding="utf-8"))
        root = path.parent
        corpus = next(p for p in (root / data["corpus"], *[a / data["corpus"] for a in root.parents]) if p.exists())

        def pairs(key: str) -> list[tuple[Ref, Ref]]:
            return [(tuple(a), tuple(b)) for a, b in data.get(key, [])]

        return cls(corpus, pairs("required"), pairs("pairs"), data.get("never_grouped", []))


def find_statement(corpus: Corpus, ref: Ref) -> Statement:
    """The one statement of a document whose id starts with ``ref[0]`` that contains ``ref[1]``."""
    prefix, words = ref
    matches = [s for s in corpus.statements if s.doc.startswith(prefix) and words in s.text]
    if len(matches) != 1:
        raise LookupError(f"{ref!r} matches {len(matches)} statements, expected exactly one")
    return matches[0]


def grouped_together(corpus: Corpus, a: Statement, b: Statement) -> bool:
    return any(a.id in g.statements and b.id in g.statements for g in corpus.groups)
