"""Traits the story's sources state of one thing, each in its own wording, compared across the corpus.

A town's compass direction within its country ("the eastern town of X", "qytetin lindor"), its population ("a town
of 30,000 people"), the length of a declared mourning ("seven days of mourning", "trodnevna žalost") and the ages of
the victims ("aged between 14 and 24") are said in passing, in sentences that share no other fact and so seldom
align. Each reader (:mod:`.discrepancy_place_traits`, :mod:`.discrepancy_lengths`) finds its trait in any statement,
with the thing it is said of; this module sets the values of one thing side by side: classes of mutually compatible
values, and a finding where two articles' values fall in different classes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Corpus, Fact, Finding, Severity
from . import sayings
from .discrepancy_findings import classes_finding
from .discrepancy_values import most_common


@dataclass(frozen=True)
class Said:
    """One statement's value of a trait: ``fact`` (its span and normalised value), the thing it is said of (a
    place's folded name, "the dead"), and ``part``: whether it is said of a part only ("most of them were aged")."""

    fact: Fact
    of: str
    part: bool = False
    approximate: bool = False  #: a value said loosely ("about 40 years"), which an exact one refines


def classes(said: list[Said], compatible: Callable[[Fact, Fact], bool]) -> list[list[Said]]:
    """``said`` partitioned into classes of mutually compatible values, the most widely reported first."""
    out: list[list[Said]] = []
    for s in said:
        for cls in out:
            if all(compatible(s.fact, o.fact) for o in cls):
                cls.append(s)
                break
        else:
            out.append([s])
    return sorted(out, key=lambda cls: -len({s.fact.doc for s in cls}))


def findings(
    corpus: Corpus,
    said: Iterable[Said],
    compatible: Callable[[Fact, Fact], bool],
    subkind: str,
    what: Callable[[str], str],
    show: Callable[[list[Said]], str] | None = None,
) -> Iterable[Finding]:
    """A finding per thing whose values fall in classes that different articles give (``what``: the trait of the
    thing named, for the message: "where Kocani lies in its country"; ``show``: a class's label)."""
    by_thing: dict[str, list[Said]] = {}
    for s in said:
        by_thing.setdefault(s.of, []).append(s)
    for thing, own in by_thing.items():
        sides = classes(own, compatible)
        if len(sides) < 2 or not _apart(sides):
            continue
        yield _finding(corpus, subkind, what(thing), sides, show or _wording)


def _wording(cls: list[Said]) -> str:
    return most_common(said.fact.text for said in cls)


def _apart(sides: list[list[Said]]) -> bool:
    """Whether two classes are given by different articles (one article's two values may be two things)."""
    return any({s.fact.doc for s in a} != {s.fact.doc for s in b} for a in sides for b in sides if a is not b)


def _finding(
    corpus: Corpus, subkind: str, what: str, sides: list[list[Said]], show: Callable[[list[Said]], str]
) -> Finding:
    doc_order = corpus.document_order()
    sides = [sorted(cls, key=lambda s: (doc_order[s.fact.doc], s.fact.start)) for cls in sides]
    labels = [show(cls) for cls in sides]
    picture = sayings(
        corpus, ((list(dict.fromkeys(s.fact.doc for s in cls)), label) for cls, label in zip(sides, labels))
    )
    # A range said of a part of the group ("most were aged 14 to 24") against one said of all of it is a
    # difference of scope, not an error.
    whole = [cls for cls in sides if not all(s.part for s in cls)]
    # Loose values ("about 40") beside at most one exact one differ in precision, not on the fact.
    exact = [cls for cls in sides if not all(s.approximate for s in cls)]
    loose = len(exact) <= 1 and any(s.approximate for cls in sides for s in cls)
    scope = len(whole) == 1 and len(sides) > 1 or loose
    severity: Severity = "info" if scope else "warning"
    message = f"Sources disagree on {what}: {picture}"
    if loose:
        message = f"Sources give {what} at different precision: {picture}"
    elif scope:
        message = f"Sources give {what} for the whole group and for a part of it: {picture}"
    facts = [s.fact for cls in sides for s in cls]
    return classes_finding(
        subkind,
        facts,
        [([s.fact for s in cls], label) for cls, label in zip(sides, labels)],
        doc_order,
        severity=severity,
        message=message,
        subject=facts[0].subject,
        sources=len({f.doc for f in facts}),
        origins=len({corpus.document(f.doc).copy_of or f.doc for f in facts}),
        linked_by=["corpus"],
        relation="scope" if scope else "conflict",
        reason="approximate values against an exact one"
        if loose
        else "a part of the group against all of it"
        if scope
        else "",
    )
