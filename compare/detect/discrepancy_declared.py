"""The kind of state a government declared (a state of emergency, of natural disaster), compared across the corpus.

"The government declared a state of natural disaster", "vlasti su proglasile izvanredno stanje" (a state of
emergency) and "a state of emergency has been declared" tell of one declaration in wordings too far apart to align,
and in languages the sentence model does not match. Each statement that says a state was declared (a verb of
declaring in it) gives the kind its words name, in any of the corpus languages. Where two articles name the
declared state differently, one of them calls the declaration by another kind's name (a translation's "state of
emergency" for "stanje prirodne nesreće"): the kinds are set side by side, each with the articles that give it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..analysis.letters import search_form
from ..model import Corpus, Evidence, Fact, Finding, Statement
from ..payloads import DiscrepancyData
from . import sayings
from .discrepancy_findings import value_class

#: Each kind of declared state, as the corpus languages name it.
_KINDS = (
    (
        "state of natural disaster",
        r"\bstate\s+of\s+(?:a\s+)?natural\s+disaster\b|\bstanj\w*\s+prirodne\s+(?:i\s+druge\s+)?nesre[ćc]\w*"
        r"|\bgjendje\w*\s+(?:së\s+|e\s+)?fatkeqësi\w*\s+natyrore\b",
    ),
    (
        "state of emergency",
        r"\bstate\s+of\s+emergency\b|\b(?:iz)?vanredn\w*\s+stanj\w*|\bgjendje\w*\s+e\s+jashtëzakonshme\b"
        r"|\bчрезвычайн\w+\s+(?:положени|ситуаци)\w*|\bрежим\w*\s+ЧС\b",
    ),
    ("state of war", r"\bstate\s+of\s+war\b|\bratn\w*\s+stanj\w*|\bвоенн\w+\s+положени\w*"),
)
_KIND = [(kind, re.compile(words, re.IGNORECASE)) for kind, words in _KINDS]
#: A verb or noun of declaring, in the same statement: a state only named ("the end of the state of emergency",
#: "calls for a state of emergency") is no report of a declaration's kind.
_DECLARED = re.compile(r"\bdeclar|\bproclaim|\bproglas|\bshpall|\bобъяв|\bвв[её]д", re.IGNORECASE)
_CALLED_FOR = re.compile(r"\bcall\w*\s+for\b|\bdemand|\bzatraž|\bтреб", re.IGNORECASE)


#: _DECLARED's stems: a cheap first test, in search_form(text).
_DECLARED_STEMS = re.compile(r"declar|proclaim|proglas|shpall|объяв|вв[её]д")


def mentions(text: str) -> bool:
    """Whether a statement may say a state was declared: most do not, and are not read further."""
    return _DECLARED_STEMS.search(search_form(text)) is not None and _DECLARED.search(text) is not None


def findings(corpus: Corpus, statements: Iterable[Statement] | None = None) -> Iterable[Finding]:
    """``statements``: those that :func:`mentions` passes, where known (else every statement is looked at)."""
    said: list[Fact] = []
    for statement in corpus.statements if statements is None else statements:
        text = statement.text
        if not mentions(text) or _CALLED_FOR.search(text):
            continue
        for kind, words in _KIND:
            for m in words.finditer(text):
                start, end = statement.start + m.start(), statement.start + m.end()
                said.append(Fact("role", statement.id, statement.doc, start, end, m.group(), kind, "state declared"))
    by_kind: dict[str, list[Fact]] = defaultdict(list)
    for fact in said:
        by_kind[fact.value].append(fact)
    # Two articles must name different kinds: an article that names two tells of two declarations.
    if len(by_kind) > 1 and any(f.doc != g.doc and f.value != g.value for f in said for g in said):
        yield _finding(corpus, said, by_kind)


def _finding(corpus: Corpus, facts: list[Fact], by_kind: dict[str, list[Fact]]) -> Finding:
    doc_order = corpus.document_order()
    classes = sorted(by_kind.values(), key=lambda cls: (-len({f.doc for f in cls}), doc_order[cls[0].doc]))
    # Each side by its kind's English name: the articles word it in their languages.
    sides = [(sorted({f.doc for f in cls}, key=doc_order.__getitem__), cls[0].value) for cls in classes]
    return Finding(
        id="",
        kind="discrepancy",
        subkind="declared",
        severity="warning",
        message=f"Sources name the state that was declared differently: {sayings(corpus, sides)}",
        statements=list(dict.fromkeys(f.statement for f in facts)),
        evidence=[Evidence(f.doc, f.start, f.end, f.text) for f in facts],
        data=DiscrepancyData(
            subject="state declared",
            values=[value_class(cls, cls[0].value, doc_order) for cls in classes],
            sources=len({f.doc for f in facts}),
            linked_by=["corpus"],
            possible_update=False,
            relation="conflict",
            reason="sources call one declaration by different kinds of state",
        ),
    )
