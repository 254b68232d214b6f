"""Which document a finding is reported on: the one that brought the problem in.

A finding spans several articles, and an annotation can sit on one file only. It
belongs on the article that introduced the new value, so that it shows in the
pull request that added it, not on an older article that merely disagrees:

1. under ``--since``, a file added or changed since the revision that carries
   the problem (a file that only cites the corpus's usage did not bring it in);
2. else the document that carries the problem: for a discrepancy, the side
   fewest sources take (the minority value; every side carries it); for the
   other findings, the documents their detector's identity names (the misspelt,
   garbled or untranslated text), before the documents cited as the corpus's
   usage;
3. among those, the later one: by publication date, then by corpus order.

A finding whose identity names no documents and that has no sides keeps its
detector's order, which puts the problem first.

The other documents become related locations (SARIF ``relatedLocations``, the
lines under a text or annotation message).
"""

from __future__ import annotations

from ..detect import identity
from ..model import Corpus, Evidence, Finding
from ..payloads import DiscrepancyData


def _support(finding: Finding) -> dict[str, int]:
    """Document id → how many documents its side has (the fewer, the likelier it brought the problem in)."""
    data = finding.data
    if isinstance(data, DiscrepancyData) and data.values:
        support: dict[str, int] = {}
        for cls in data.values:
            for doc in cls.documents:
                support[doc] = min(support.get(doc, len(cls.documents)), len(cls.documents))
        return support
    return dict.fromkeys(identity(finding).documents, 0)


def documents(finding: Finding, corpus: Corpus, changed: set[str] | None = None) -> list[str]:
    """The ids of the documents the finding involves, the one to report it on first.

    ``changed`` holds the ids of the documents added or changed since ``--since`` (None without it)."""
    involved = list(
        dict.fromkeys([e.doc for e in finding.evidence] + [corpus.statement(s).doc for s in finding.statements])
    )
    # A finding whose identity names no documents (an acronym's several names) is in all of them: the detector's
    # order, which puts the problem first, decides.
    support = _support(finding) or {doc: n for n, doc in enumerate(involved)}
    missing = len(corpus.documents) + 1  # a document on no side (cited as the corpus's usage) comes last
    order = {d.id: n for n, d in enumerate(corpus.documents)}
    dates = sorted({corpus.document(d).date for d in involved})  # "" (no date) sorts first: never the later one

    def key(doc: str) -> tuple[bool, int, int, int]:
        return (
            not (changed is not None and doc in changed and doc in support),
            support.get(doc, missing),
            -dates.index(corpus.document(doc).date),
            -order.get(doc, -1),
        )

    return sorted(involved, key=key)


def evidence_order(finding: Finding, corpus: Corpus, changed: set[str] | None = None) -> list[Evidence]:
    """The finding's evidence, the primary document's first; otherwise in the detector's order."""
    order = documents(finding, corpus, changed)
    return sorted(finding.evidence, key=lambda e: not order or e.doc != order[0])
