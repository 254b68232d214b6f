"""A clock time given in universal time without saying so, against the local time other sources give.

A report that states both readings ("at 03:54 local time (02:54 GMT)") tells the corpus the offset between them.
Where another article then gives the universal reading bare ("struck at 2:54"), it reads as local and seems to
contradict the local time the rest give ("në orën 03:54"): the same moment in two time zones, a difference of
**scope** (info), which the finding says, naming the article that gives both. Where every universal reading is
marked (GMT, UTC), readers can tell the two apart and nothing is reported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..model import Corpus, Evidence, Fact, Finding
from ..payloads import DiscrepancyData, ValueClass
from . import sayings

_UNIVERSAL = ("GMT", "UTC")
_CLOCK = re.compile(r"(\d\d):(\d\d)")


def findings(corpus: Corpus, facts: list[Fact]) -> Iterable[Finding]:
    times = [f for f in facts if f.kind == "time" and _CLOCK.match(f.value)]
    by_statement: dict[str, list[Fact]] = defaultdict(list)
    for f in times:
        by_statement[f.statement].append(f)
    offsets: dict[tuple[str, str], list[Fact]] = {}
    for own in by_statement.values():
        for local in (f for f in own if _zone(f) == "local time"):
            for universal in (f for f in own if _zone(f) in _UNIVERSAL):
                if _clock(local) != _clock(universal) and _clock(local)[3:] == _clock(universal)[3:]:
                    offsets.setdefault((_clock(local), _clock(universal)), []).extend((local, universal))
    for (here, there), told in offsets.items():
        bare = [f for f in times if _clock(f) == there and not _zone(f)]
        if not bare:
            continue
        sides = [
            [f for f in times if _clock(f) == there and (not _zone(f) or _zone(f) in _UNIVERSAL)],
            [f for f in times if _clock(f) == here and _zone(f) in ("", "local time")],
        ]
        if sides[1] and len({f.doc for side in sides for f in side}) > 1:
            yield _finding(corpus, sides, told[0].doc)


def _zone(fact: Fact) -> str:
    return fact.value.partition(" ")[2]


def _clock(fact: Fact) -> str:
    return fact.value.partition(" ")[0]


def _finding(corpus: Corpus, sides: list[list[Fact]], teller: str) -> Finding:
    doc_order = corpus.document_order()
    sides = [sorted(side, key=lambda f: (doc_order[f.doc], f.start)) for side in sides]
    labels = [f"{_clock(sides[0][0])} (universal time)", f"{_clock(sides[1][0])} (local time)"]
    picture = sayings(corpus, ((list(dict.fromkeys(f.doc for f in side)), label) for label, side in zip(labels, sides)))
    both = corpus.document(teller).outlet or teller
    message = f"Sources give one moment in two time zones, one of them unmarked ({both} gives both readings): {picture}"
    facts = [f for side in sides for f in side]
    return Finding(
        id="",
        kind="discrepancy",
        subkind="time",
        severity="info",
        message=message,
        statements=list(dict.fromkeys(f.statement for f in facts)),
        evidence=[Evidence(f.doc, f.start, f.end, f.text) for f in facts],
        data=DiscrepancyData(
            subject="",
            values=[
                ValueClass(
                    value=label,
                    documents=sorted({f.doc for f in side}, key=doc_order.__getitem__),
                    texts=list(dict.fromkeys(f.text for f in side)),
                    normalised=list(dict.fromkeys(f.value for f in side)),
                    statements=list(dict.fromkeys(f.statement for f in side)),
                )
                for label, side in zip(labels, sides)
            ],
            sources=len({f.doc for f in facts}),
            linked_by=["zone"],
            possible_update=False,
            relation="scope",
            reason="a universal time given without its zone, beside the local time of the same moment",
        ),
    )
