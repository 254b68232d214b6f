"""An article's headline against its own body: a figure or an outcome the body does not bear out.

Headlines are written last and fastest, often by someone else: "Four wounded" over a
body that says four were killed, or "over 100 dead" over a body that counts 100. A
headline's count of people with an outcome is checked against the body's counts of the
same article: nothing to flag when some body figure agrees with it; a finding when the
body gives the same number with another outcome for the same people, or only a close
but different figure for the same slot (a far-off one is another moment of the story).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis.facts import agreement, quantities
from ..model import Corpus, Evidence, Fact, Finding
from ..payloads import DiscrepancyData
from . import named
from .discrepancy_figures import close_figures
from .discrepancy_findings import value_class
from .discrepancy_values import EVENT_OUTCOMES


def findings(corpus: Corpus, facts_of: dict[str, list[Fact]]) -> Iterable[Finding]:
    for document, statements in corpus.by_document():
        titles = {s.id: s.text for s in statements if s.role == "title"}
        heads = [f for s in statements if s.role == "title" for f in facts_of.get(s.id, ()) if _outcome_count(f)]
        # The standfirst's lines under the headline ("11 people died and 6 others were injured") stand by it: where
        # one repeats the flagged figure, it is quoted beside the headline's.
        standfirst = [f for s in statements if s.role == "heading" for f in facts_of.get(s.id, ()) if _outcome_count(f)]
        body = [f for s in statements if s.role == "body" for f in facts_of.get(s.id, ()) if _outcome_count(f)]
        unnamed = [
            f
            for s in statements
            if s.role == "body"
            for f in facts_of.get(s.id, ())
            if f.kind == "quantity" and f.subject in _PARTS and f.low is not None and f.low == f.high
        ]
        for head in heads:
            same_slot = [b for b in body if b.subject == head.subject]
            if any(agreement.compatible(head, b, one_figure=False) for b in same_slot):
                continue
            if _sum_of_parts(head, same_slot, unnamed):
                continue
            people = head.subject.split()[0]
            other_outcome = [
                b
                for b in body
                if b.subject != head.subject
                and b.subject.split()[0] == people
                and (b.low, b.high) == (head.low, head.high)
            ]
            if other_outcome:
                body_says = other_outcome[0].subject.split()[-1]
                yield _finding(
                    head,
                    _echoes(head, standfirst),
                    other_outcome,
                    f"The headline of {named(document)}, “{titles[head.statement]}”, counts {_number(head)} "
                    f"{head.subject}; its body counts {_number(head)} {people} {body_says}",
                )
                continue
            close = [b for b in same_slot if close_figures(head, b)]
            if close:
                yield _finding(
                    head,
                    _echoes(head, standfirst),
                    close,
                    f"The headline of {named(document)}, “{titles[head.statement]}”, says “{head.text}” "
                    f"({head.subject}); its body says " + ", ".join(f"“{b.text}”" for b in close),
                )


#: Subjects of a body's figures that may be a headline toll's parts: a figure left to its list ("16 in Tuzla and
#: three in Zenica") and bodies found.
_PARTS = ("", "body")


def _sum_of_parts(head: Fact, same_slot: list[Fact], parts: list[Fact]) -> bool:
    """Whether the headline's exact figure is two or three of the body's figures added up, one of them of its
    slot: the headline totals what the body gives by town ("19 killed" over "16 in Tuzla and three in Zenica")
    or as a count and those found since ("rose to 20" over "18 … two more bodies were found")."""
    if head.low is None or head.low != head.high:
        return False
    exact = [f for f in same_slot if f.low is not None and f.low == f.high]
    for first in exact:
        rest = [f.low or 0.0 for f in exact + parts if f is not first]
        left = head.low - (first.low or 0.0)
        if left in rest or any(x + y == left for i, x in enumerate(rest) for y in rest[i + 1 :]):
            return True
    return False


def _number(fact: Fact) -> str:
    return quantities.format_number(fact.low or 0.0)


def _outcome_count(fact: Fact) -> bool:
    return fact.kind == "quantity" and fact.low is not None and fact.subject.endswith(EVENT_OUTCOMES)


def _echoes(head: Fact, standfirst: list[Fact]) -> list[Fact]:
    """The standfirst's figures that repeat the headline's: the same slot, the same figure."""
    return [f for f in standfirst if f.subject == head.subject and (f.low, f.high) == (head.low, head.high)]


def _finding(head: Fact, echoes: list[Fact], body: list[Fact], message: str) -> Finding:
    facts = [head, *echoes, *body]
    return Finding(
        id="",
        kind="discrepancy",
        subkind="headline",
        severity="warning",
        message=message,
        statements=list(dict.fromkeys(f.statement for f in facts)),
        evidence=[Evidence(f.doc, f.start, f.end, f.text) for f in facts],
        data=DiscrepancyData(
            subject=head.subject,
            values=[value_class([head, *echoes], head.text, {head.doc: 0})]
            + [value_class([f], f.text, {f.doc: 0}) for f in body],
            sources=1,
            linked_by=["headline"],
            possible_update=False,
            relation="conflict",
            reason="the headline gives a figure or an outcome its own body does not bear out",
            origins=1,
        ),
    )
