"""The report as Markdown, for pasting into an issue, a wiki or a chat.

The same order as the terminal report: the summary, the findings (:mod:`.layout`),
the groups, what was set aside, and the documents last.
"""

from __future__ import annotations

from ..model import Corpus, Evidence
from .context import snippet
from .highlight import differing_spans
from .layout import Layout, arrange, kind_counts, shown
from .positions import reference
from .review import hidden_line
from .review import label as review_label
from .text import document_notes, ordered_groups, summary_line


def _escape(text: str) -> str:
    # Article text is untrusted: neutralise Markdown and inline HTML.
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", " ")


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in spans:
        out.append(_escape(text[last:start]))
        out.append(f"**{_escape(text[start:end])}**")
        last = end
    out.append(_escape(text[last:]))
    return "".join(out)


def _where(corpus: Corpus, evidence: Evidence) -> str:
    outlet, position = reference(corpus.document(evidence.doc), evidence)
    return f"{_escape(outlet)} · {_escape(position)}" if outlet else _escape(position)


def _evidence(corpus: Corpus, evidence: Evidence) -> str:
    before, text, after = snippet(corpus, evidence)
    return f"{_where(corpus, evidence)}: {_escape(before)}**{_escape(text)}**{_escape(after)}"


def render_markdown(corpus: Corpus, *, show_boilerplate: bool = False, layout: Layout | None = None) -> str:
    layout = layout or Layout()
    entries, total = arrange(corpus, layout)
    lines = ["# compare-sources report", "", summary_line(corpus) + ".", ""]
    if corpus.findings:
        lines += [f"By kind: {_escape(kind_counts(corpus.findings))}.", ""]
    note = shown(layout, len(entries), total, len(corpus.findings))
    if note:
        lines += [f"Shown: {_escape(note)}.", ""]
    if entries:
        lines += ["## Findings", ""]
        for entry in entries:
            f = entry.first
            head = f"- **{f.severity}** `{entry.label}` {_escape(f.message)}"
            if entry.folded:
                lines.append(f"{head} (the same in {len(entry.findings)} documents)")
                lines += [f"  - {_evidence(corpus, g.evidence[0])}" for g in entry.findings if g.evidence]
                continue
            lines.append(head)
            if f.review is not None:
                lines.append(f"  - *review: {_escape(review_label(f.review))}*")
            lines += [f"  - {_evidence(corpus, e)}" for e in f.evidence]
    lines += ["", f"## Statements reported by more than one source ({len(corpus.groups)} groups)", ""]
    for group in ordered_groups(corpus):
        statements = [corpus.statement(s) for s in group.statements]
        lines.append(f"### {group.id} · similarity {group.similarity:.2f}")
        lines.append("")
        for statement, spans in zip(statements, differing_spans([s.text for s in statements])):
            lines.append(f"- *{_escape(statement.doc)}*: {_marked(statement.text, spans)}")
        lines.append("")
    if corpus.false_alarms_hidden:
        lines += [_escape(hidden_line(corpus.false_alarms_hidden)), ""]
    if corpus.skipped:
        lines += ["## Skipped files", ""] + [f"- {_escape(s.path)}: {_escape(s.reason)}" for s in corpus.skipped]
        lines.append("")
    if show_boilerplate:
        lines += ["## Set aside as boilerplate", ""]
        for d in corpus.documents:
            lines += [f"- {_escape(d.id)} [{b.start}:{b.end}] {b.reason}: {_escape(b.text)}" for b in d.boilerplate]
        lines.append("")
    lines += ["## Documents", "", "| id | title | language | notes |", "|---|---|---|---|"]
    for d in corpus.documents:
        notes = "; ".join(document_notes(corpus, d))
        lines.append(f"| {_escape(d.id)} | {_escape(d.title)} | {d.language} | {_escape(notes)} |")
    return "\n".join(lines).rstrip() + "\n"
