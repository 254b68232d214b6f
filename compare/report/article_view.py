"""The article-first view: one article's statements, each marked agreed, contradicted or reported only here.

A fact-checker often starts from one article ("is this piece sound?") rather
than from the findings. Each statement is:

* **contradicted** — a discrepancy finding charges it (another source reports a
  different value), linked to that finding;
* **agreed** — otherwise, when it is in a group with statements of other
  sources, linked to the group;
* **reported only here** — neither.

Every finding charged to the statement (a misspelt name, a translation
artefact …) is linked beside it whatever its status, and its evidence in the
statement is marked and links to the finding. A finding is charged to the
documents that carry the problem, as in the documents table: the correct
"Banjska" quoted as a reference for the "Banska" finding does not flag its own
statement.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..detect import identity
from ..model import Corpus, Finding, Group, Statement
from .marks import Mark, Segment, segments
from .page import DocView, Ids

#: Status of a statement → its label in the page; the order is the legend's.
STATUSES = {"agreed": "agreed", "contradicted": "contradicted", "only": "reported only here"}
#: Findings of this kind make a statement "contradicted"; the others only flag it.
CONTRADICTING = "discrepancy"


@dataclass
class GroupLink:
    id: str
    docs: int  #: how many documents the group's statements come from


@dataclass
class FindingLink:
    id: str
    kind: str
    severity: str


@dataclass
class StatementView:
    anchor: str  #: its row in this view
    text_anchor: str  #: where it is in the full text
    status: str  #: a key of STATUSES
    role: str
    segments: list[Segment]  #: its text, the evidence of its findings marked and linked to them
    groups: list[GroupLink] = field(default_factory=list)
    findings: list[FindingLink] = field(default_factory=list)


@dataclass
class ArticleView:
    doc: DocView
    anchor: str
    statements: list[StatementView]
    counts: dict[str, int]  #: statements per status, every key of STATUSES present


def charged_statements(corpus: Corpus, ids: Ids) -> dict[str, list[Finding]]:
    """Statement id → the findings charged to it, in the corpus's order of findings (most severe first)."""
    doc_of = {s.id: s.doc for s in corpus.statements}
    out: dict[str, list[Finding]] = defaultdict(list)
    for f in corpus.findings:
        docs = set(identity(f).documents) or {e.doc for e in f.evidence}
        held = [s for s in f.statements if s in doc_of]
        for e in f.evidence:  # a provenance finding names no statement, only its evidence
            statement = ids.holding(e.doc, e.start, e.end)
            if statement is not None:
                held.append(statement.id)
        for s in dict.fromkeys(held):
            if doc_of[s] in docs:
                out[s].append(f)
    return out


def article_views(corpus: Corpus, ids: Ids, doc_view: dict[str, DocView]) -> list[ArticleView]:
    """One view per document, in corpus order."""
    charged = charged_statements(corpus, ids)
    groups_of: dict[str, list[GroupLink]] = defaultdict(list)
    for g in corpus.groups:
        link = _group_link(corpus, g)
        for s in g.statements:
            groups_of[s].append(link)
    views = []
    for document, statements in corpus.by_document():
        rows = [_statement(s, ids, groups_of[s.id], charged.get(s.id, [])) for s in statements]
        counts = Counter(r.status for r in rows)
        view = doc_view[document.id]
        views.append(ArticleView(view, view.view, rows, {k: counts[k] for k in STATUSES}))
    return views


def _group_link(corpus: Corpus, group: Group) -> GroupLink:
    return GroupLink(group.id, len({corpus.statement(s).doc for s in group.statements}))


def _statement(s: Statement, ids: Ids, groups: list[GroupLink], findings: list[Finding]) -> StatementView:
    if any(f.kind == CONTRADICTING for f in findings):
        status = "contradicted"
    elif groups:
        status = "agreed"
    else:
        status = "only"
    own = [
        Mark(e.start - s.start, e.end - s.start, f"ev sev-{f.severity}", href=ids.finding(f))
        for f in findings
        for e in f.evidence
        if e.doc == s.doc and s.start <= e.start and e.end <= s.end
    ]
    return StatementView(
        ids.statement_view(s.id),
        ids.statement[s.id],
        status,
        s.role,
        segments(s.text, own),
        groups,
        [FindingLink(f.id, f.kind, f.severity) for f in findings],
    )
