"""The report as Markdown, for pasting into an issue, a wiki or a chat."""

from __future__ import annotations

from ..model import Corpus
from .context import snippet
from .highlight import differing_spans
from .review import hidden_line
from .review import label as review_label
from .text import document_notes, ordered_groups, summary_counts


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


def render_markdown(corpus: Corpus, *, show_boilerplate: bool = False) -> str:
    c = summary_counts(corpus)
    lines = [
        "# compare-sources report",
        "",
        f"{c['documents']} documents, {c['statements']} statements, {c['groups']} groups, {c['findings']} findings "
        f"({c['error']} errors, {c['warning']} warnings, {c['info']} info); {c['boilerplate']} boilerplate lines "
        f"set aside, {c['skipped']} files skipped.",
        "",
        "## Documents",
        "",
        "| id | title | language | notes |",
        "|---|---|---|---|",
    ]
    for d in corpus.documents:
        notes = "; ".join(document_notes(corpus, d))
        lines.append(f"| {_escape(d.id)} | {_escape(d.title)} | {d.language} | {_escape(notes)} |")
    if corpus.findings:
        lines += ["", "## Findings", ""]
        for f in corpus.findings:
            label = f.kind + (f"/{f.subkind}" if f.subkind else "")
            lines.append(f"- **{f.severity}** `{label}` {_escape(f.message)}")
            if f.review is not None:
                lines.append(f"  - *review: {_escape(review_label(f.review))}*")
            for e in f.evidence:
                before, text, after = snippet(corpus, e)
                lines.append(
                    f"  - {_escape(e.doc)} [{e.start}:{e.end}]: {_escape(before)}**{_escape(text)}**{_escape(after)}"
                )
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
    return "\n".join(lines).rstrip() + "\n"
