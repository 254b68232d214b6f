"""Pieces the HTML report's parts share: the documents' rows and the page's anchor ids.

Ids are made here from positions and the run's own ids (``doc-3``, ``s-3-41``,
``ev-f7-0``), never from article text, so hostile text cannot forge or clash
with one.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Corpus, Finding, Statement
from .marks import Segment


@dataclass
class DocView:
    n: int
    id: str
    path: str  #: as shown: never absolute (see paths.py)
    title: str
    outlet: str
    date: str
    language: str
    translation: str  #: "machine", "human" or ""
    copy_of: str  #: the id of the document it republishes, "" for an original
    url: str  #: http(s) only, else ""
    statements: int
    counts: dict[str, int]
    anchor: str  #: its full text
    view: str  #: its statements in the article view
    text: list[Segment] = field(default_factory=list)


class Ids:
    """Page-unique anchor ids for documents, statements, evidence and name mentions."""

    def __init__(self, corpus: Corpus):
        self.doc_n = {d.id: n for n, d in enumerate(corpus.documents)}
        self.statement = {s.id: f"s-{self.doc_n[s.doc]}-{n}" for n, s in enumerate(corpus.statements)}
        self.statements_of: dict[str, list[Statement]] = defaultdict(list)
        for s in corpus.statements:
            self.statements_of[s.doc].append(s)
        # Statements are in reading order and do not overlap: the one that may hold a span starts last before it.
        self._starts = {doc: [s.start for s in statements] for doc, statements in self.statements_of.items()}

    @staticmethod
    def doc(n: int) -> str:
        return f"doc-{n}"

    @staticmethod
    def view(n: int) -> str:
        return f"view-{n}"

    def statement_view(self, statement: str) -> str:
        """The statement's row in the article view (its full-text anchor is ``statement[...]``)."""
        return f"view-{self.statement[statement]}"

    @staticmethod
    def finding(finding: Finding) -> str:
        return f"finding-{finding.id}"

    def evidence(self, finding: Finding, k: int) -> str:
        return f"ev-{finding.id}-{k}"

    def span(self, doc: str, start: int, end: int) -> str:
        return f"at-{self.doc_n[doc]}-{start}-{end}"

    def holding(self, doc: str, start: int, end: int) -> Statement | None:
        """The statement of ``doc`` that holds ``[start, end)``, if one does."""
        i = bisect_right(self._starts.get(doc, []), start) - 1
        if i < 0:
            return None
        s = self.statements_of[doc][i]
        return s if end <= s.end else None
