"""A discrepancy finding over facts told apart into classes of compatible values, as every fact reader reports one.

The readers that compare facts (:mod:`.discrepancy_values`, :mod:`.discrepancy_traits`) differ in how they tell
values apart and word the message; the finding they make of the classes is one shape: its statements, its evidence
class by class, and a payload value per class (:func:`value_class`, which the other readers' payloads use too).
"""

from __future__ import annotations

from ..model import Evidence, Fact, Finding, Severity
from ..payloads import DiscrepancyData, ValueClass


def value_class(cls: list[Fact], label: str, doc_order: dict[str, int]) -> ValueClass:
    """One side of a discrepancy as the payload carries it: the label, documents in corpus order, wordings."""
    return ValueClass(
        value=label,
        documents=sorted({f.doc for f in cls}, key=doc_order.__getitem__),
        texts=list(dict.fromkeys(f.text for f in cls)),
        normalised=sorted({f.value for f in cls}),
        statements=list(dict.fromkeys(f.statement for f in cls)),
    )


def classes_finding(
    subkind: str,
    facts: list[Fact],
    sides: list[tuple[list[Fact], str]],
    doc_order: dict[str, int],
    *,
    severity: Severity,
    message: str,
    subject: str,
    sources: int,
    origins: int | None = None,
    linked_by: list[str],
    relation: str,
    possible_update: bool = False,
    reason: str = "",
    group: str | None = None,
) -> Finding:
    """The finding of facts told apart into classes of compatible values (``sides``: each class with its label):
    its statements in the order of ``facts``, its evidence class by class, a value per class."""
    return Finding(
        id="",
        kind="discrepancy",
        subkind=subkind,
        severity=severity,
        message=message,
        statements=list(dict.fromkeys(f.statement for f in facts)),
        evidence=[Evidence(f.doc, f.start, f.end, f.text) for f in dict.fromkeys(f for cls, _ in sides for f in cls)],
        group=group,
        data=DiscrepancyData(
            subject=subject,
            values=[value_class(cls, label, doc_order) for cls, label in sides],
            sources=sources,
            origins=origins,
            linked_by=linked_by,
            possible_update=possible_update,
            relation=relation,
            reason=reason,
        ),
    )
