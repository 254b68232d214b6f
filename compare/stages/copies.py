"""Copies: republished articles set aside before the neighbour search and put back into its groups.

A wire story printed by twenty sites would otherwise fill every statement's list of
nearest neighbours with its own copies: the margin, which compares a pair with each
statement's usual neighbours, then drops the independent articles' pairs, and the
groups fall apart. So the copy families of :mod:`compare.analysis.copies` are found
first; a copy's sentence that its family's origin prints word for word (case and
spacing folded) is not searched at all, and joins every group of its counterpart
afterwards. A sentence the copy changed ("1,200 troops" for "1,000") is searched like
any other, so its changed value is still compared.
"""

from __future__ import annotations

from collections import defaultdict

from ..analysis.copies import families
from ..model import Corpus, Group, Pair, Statement


def mark_copies(corpus: Corpus) -> dict[str, str]:
    """Set ``Document.copy_of`` on every copy; return each copied statement's id → its origin's statement id."""
    origin_of = families(corpus)
    for document in corpus.documents:
        origin = origin_of.get(document.id, document.id)
        document.copy_of = "" if origin == document.id else origin
    by_doc: dict[str, list[Statement]] = defaultdict(list)
    for statement in corpus.statements:
        by_doc[statement.doc].append(statement)
    counterpart: dict[str, str] = {}
    for document in corpus.documents:
        if not document.copy_of:
            continue
        original = {_key(s.text): s.id for s in reversed(by_doc[document.copy_of])}
        for statement in by_doc[document.id]:
            match = original.get(_key(statement.text))
            if match:
                counterpart[statement.id] = match
    return counterpart


def with_copies(groups: list[Group], counterpart: dict[str, str], order: dict[str, int]) -> list[Group]:
    """The groups with each copied statement beside its counterpart; a counterpart in no group is grouped with
    its copies, which say the same thing."""
    if not counterpart:
        return groups
    copies_of: dict[str, list[str]] = defaultdict(list)
    for copy, original in counterpart.items():
        copies_of[original].append(copy)
    placed: set[str] = set()
    out: list[Group] = []
    for group in groups:
        added = [c for s in group.statements for c in copies_of.get(s, ())]
        if not added:
            out.append(group)
            continue
        placed.update(s for s in group.statements if s in copies_of)
        score = {frozenset((p.a, p.b)): p.score for p in group.pairs}
        pairs = list(group.pairs)
        for s in group.statements:
            for copy in copies_of.get(s, ()):
                pairs.append(Pair(s, copy, 1.0))
                pairs += [
                    Pair(copy, other, score[frozenset((s, other))])
                    for other in group.statements
                    if other != s and frozenset((s, other)) in score
                ]
        statements = sorted([*group.statements, *added], key=order.__getitem__)
        out.append(Group(group.id, statements, pairs))
    for original, copies in copies_of.items():
        if original not in placed:
            members = sorted([original, *copies], key=order.__getitem__)
            out.append(Group("", members, [Pair(original, c, 1.0) for c in copies]))
    out.sort(key=lambda g: order[g.statements[0]])
    for n, group in enumerate(out, start=1):
        group.id = f"g{n}"
    return out


def _key(text: str) -> str:
    return " ".join(text.casefold().split())
