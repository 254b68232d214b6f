"""The finding of sources that say incompatible things, each side a list of spans of their statements.

The claim, condition and agent readers (:mod:`.discrepancy_claims`, :mod:`.discrepancy_conditions`,
:mod:`.discrepancy_agents`) each read what a statement says, not a value of a fact, and report it the same way:
the sides with the documents that say each, a conflict or, where report time orders them, an update.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Protocol

from ..model import Corpus, Evidence, Finding, Statement
from ..payloads import DiscrepancyData, ValueClass


class Span(Protocol):
    """Words of a statement that say something: offsets in the document."""

    @property
    def statement(self) -> Statement: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


class PersonSaid(NamedTuple):
    """What one statement says of one person (a condition, a departure): the person's key ("" where none is named),
    the state it says, and its words (offsets in the document)."""

    person: str
    state: str
    statement: Statement
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.statement.text[self.start - self.statement.start : self.end - self.statement.start]


def said_finding(
    corpus: Corpus,
    subkind: str,
    subject: str,
    sides: Sequence[tuple[str, str, Sequence[Span]]],
    said: Sequence[Span],
    message: str,
    update: bool,
    reason: str,
) -> Finding:
    """The finding of ``sides`` (label, normalised value, the spans that say it), its evidence ``said`` in the order
    the message tells it; an update (info) or a conflict (warning)."""
    doc_order = corpus.document_order()
    return Finding(
        id="",
        kind="discrepancy",
        subkind=subkind,
        severity="info" if update else "warning",
        message=message,
        statements=list(dict.fromkeys(s.statement.id for s in said)),
        evidence=[Evidence(s.statement.doc, s.start, s.end, s.text) for s in said],
        data=DiscrepancyData(
            subject=subject,
            values=[
                ValueClass(
                    value=label,
                    documents=sorted({s.statement.doc for s in spans}, key=doc_order.__getitem__),
                    texts=list(dict.fromkeys(s.text for s in spans)),
                    normalised=[normalised],
                    statements=list(dict.fromkeys(s.statement.id for s in spans)),
                )
                for label, normalised, spans in sides
            ],
            sources=len({s.statement.doc for s in said}),
            linked_by=[subkind],
            possible_update=update,
            relation="update" if update else "conflict",
            reason=reason,
        ),
    )
