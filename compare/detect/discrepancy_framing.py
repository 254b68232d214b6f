"""One office described in words that deny what the others grant: "Prime Minister of the so-called Kosovo"
against "Prime Minister of Kosovo".

The office is the same (the role facts agree, and :mod:`.discrepancy` compares them as such); what differs is a
qualifier that denies the body is a state ("so-called", "unrecognized", "self-proclaimed"). A reader comparing
sources wants to know that some describe the same person in those words: a difference of scope (of framing), at
info level, never an error.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..analysis.facts.people import QUALIFIERS
from ..model import Corpus, Evidence, Fact, Finding
from ..payloads import DiscrepancyData
from . import sayings
from .discrepancy_values import value_class

_QUALIFIED = re.compile(rf"\b(?:{QUALIFIERS})\b", re.IGNORECASE)


def findings(corpus: Corpus, facts: list[Fact]) -> Iterable[Finding]:
    by_role: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind == "role":
            by_role[(f.subject, f.value)].append(f)
    doc_order = corpus.document_order()
    for (subject, _), own in by_role.items():
        framed = [f for f in own if _QUALIFIED.search(f.text)]
        plain = [f for f in own if f not in framed]
        if not framed or not plain or not {f.doc for f in framed} - {f.doc for f in plain}:
            continue
        yield _finding(corpus, subject, plain, framed, doc_order)


def _finding(corpus: Corpus, subject: str, plain: list[Fact], framed: list[Fact], doc_order: dict) -> Finding:
    sides = [(plain, _most_common(plain)), (framed, _most_common(framed))]
    picture = sayings(corpus, ((sorted({f.doc for f in cls}, key=doc_order.__getitem__), text) for cls, text in sides))
    facts = plain + framed
    return Finding(
        id="",
        kind="discrepancy",
        subkind="role",
        severity="info",
        message=f"Sources describe the office of {subject.capitalize()} in words that deny its state: {picture}",
        statements=list(dict.fromkeys(f.statement for f in facts)),
        evidence=[Evidence(f.doc, f.start, f.end, f.text) for f in facts],
        data=DiscrepancyData(
            subject=subject,
            values=[value_class(cls, text, doc_order) for cls, text in sides],
            sources=len({f.doc for f in facts}),
            linked_by=["corpus"],
            possible_update=False,
            relation="scope",
            reason="one office, described by some sources with a word that denies its state",
        ),
    )


def _most_common(facts: list[Fact]) -> str:
    texts = [f.text for f in facts]
    return max(dict.fromkeys(texts), key=texts.count)
