"""The terminal report, rendered with rich.

Order follows what a fact-checker needs first: the summary (counts by severity
and kind), the findings (:mod:`.layout`: sorted, limited, per-document repeats
folded), then the groups that carry findings, then the other groups (most
sources first), then what was set aside (skipped files, boilerplate), and the
documents last: at 150 articles their table alone filled the first 600 lines.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Corpus, Document, Evidence, Group
from ..payloads import ProvenanceData
from .context import snippet
from .highlight import differing_spans
from .layout import Entry, Layout, arrange, kind_counts, shown
from .positions import reference
from .review import hidden_line
from .review import label as review_label

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
REVIEW_STYLE = {"verified": "green", "false-alarm": "dim", "note": "magenta"}


def ordered_groups(corpus: Corpus) -> list[Group]:
    """Groups with findings first, then by number of documents and similarity."""
    flagged = {f.group for f in corpus.findings if f.group}
    doc_count = {g.id: len({corpus.statement(s).doc for s in g.statements}) for g in corpus.groups}
    return sorted(corpus.groups, key=lambda g: (g.id not in flagged, -doc_count[g.id], -g.similarity))


def document_notes(corpus: Corpus, doc: Document) -> list[str]:
    """Metadata, reading warnings, copy family and provenance of a document, for the documents table."""
    notes = [f"{k}: {v}" for k, v in doc.metadata.items()] + list(doc.warnings)
    if doc.copy_of:
        outlet = corpus.document(doc.copy_of).outlet
        notes.append(f"republishes {doc.copy_of}" + (f" ({outlet})" if outlet != doc.copy_of else ""))
    copies = [d.id for d in corpus.documents if d.copy_of == doc.id]
    if copies:
        notes.append(f"republished by {len(copies)}: {', '.join(copies)}")
    for f in corpus.findings:
        if isinstance(f.data, ProvenanceData) and f.data.document == doc.id:
            notes.append("machine-translated" if f.data.machine else "translated")
    return notes


def summary_counts(corpus: Corpus) -> dict[str, int]:
    counts = {
        "documents": len(corpus.documents),
        "statements": len(corpus.statements),
        "groups": len(corpus.groups),
        "findings": len(corpus.findings),
        "skipped": len(corpus.skipped),
        "boilerplate": sum(len(d.boilerplate) for d in corpus.documents),
    }
    for severity in ("error", "warning", "info"):
        counts[severity] = sum(1 for f in corpus.findings if f.severity == severity)
    return counts


def summary_line(corpus: Corpus) -> str:
    """The report's first line, one line so that scripts can grep it."""
    c = summary_counts(corpus)
    return (
        f"{c['documents']} documents, {c['statements']} statements, {c['groups']} groups, "
        f"{c['findings']} findings ({c['error']} errors, {c['warning']} warnings, {c['info']} info); "
        f"{c['boilerplate']} boilerplate lines set aside, {c['skipped']} files skipped"
    )


def render_text(
    corpus: Corpus,
    *,
    color: bool = False,
    width: int = 100,
    show_boilerplate: bool = False,
    layout: Layout | None = None,
) -> str:
    layout = layout or Layout()
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        width=width,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    entries, total = arrange(corpus, layout)
    console.print(Text(summary_line(corpus), style="bold"), soft_wrap=True)
    if corpus.findings:
        console.print(Text.assemble(("by kind: ", "dim"), kind_counts(corpus.findings)))
    note = shown(layout, len(entries), total, len(corpus.findings))
    if note:
        console.print(Text.assemble(("shown: ", "dim"), note))
    console.print()
    if entries:
        _findings(console, corpus, entries)
    _groups(console, corpus)
    _set_aside(console, corpus, show_boilerplate)
    if layout.lists_documents(corpus):
        _documents(console, corpus)
    else:
        console.print(Text(f"{len(corpus.documents)} documents: --documents lists them.", style="dim"))
    return buffer.getvalue()


def _documents(console: Console, corpus: Corpus) -> None:
    table = Table(title="Documents", title_justify="left", expand=True, show_lines=False)
    table.add_column("id", no_wrap=True)
    table.add_column("title", ratio=3)
    table.add_column("lang", no_wrap=True)
    table.add_column("statements", justify="right")
    table.add_column("notes", ratio=1)
    per_doc: dict[str, int] = {}
    for s in corpus.statements:
        per_doc[s.doc] = per_doc.get(s.doc, 0) + 1
    for d in corpus.documents:
        notes = document_notes(corpus, d)
        table.add_row(Text(d.id), Text(d.title), d.language, str(per_doc.get(d.id, 0)), Text("; ".join(notes)))
    console.print(table)
    console.print()


def _where(corpus: Corpus, evidence: Evidence) -> Text:
    """The outlet (where the article names one), then file:line:column as ``check`` prints it."""
    outlet, position = reference(corpus.document(evidence.doc), evidence)
    return Text.assemble((outlet, "bold"), " " if outlet else "", (position, "dim"))


def _findings(console: Console, corpus: Corpus, entries: list[Entry]) -> None:
    console.rule("Findings", align="left")
    for entry in entries:
        f = entry.first
        line = Text.assemble((f"{f.severity:<7} ", SEVERITY_STYLE[f.severity]), (f"{entry.label}  ", "bold"), f.message)
        if entry.folded:
            line.append(f"  (the same in {len(entry.findings)} documents)", style="bold")
        console.print(line)
        if f.review is not None:
            console.print(Text("          " + review_label(f.review), style=REVIEW_STYLE[f.review.status]))
        if entry.folded:
            # Where each document says it, one line each (a wrapped path would not open in an editor), without
            # the words again: their repetition is what folding saves.
            for g in entry.findings:
                if g.evidence:
                    console.print(Text.assemble("          ", _where(corpus, g.evidence[0])))
            continue
        for e in f.evidence:
            before, text, after = snippet(corpus, e)
            console.print(Text.assemble("          ", _where(corpus, e), "  ", before, (text, "bold underline"), after))
    console.print()


def _groups(console: Console, corpus: Corpus) -> None:
    console.rule(f"Statements reported by more than one source ({len(corpus.groups)} groups)", align="left")
    findings_by_group: dict[str, list[str]] = {}
    for f in corpus.findings:
        if f.group:
            findings_by_group.setdefault(f.group, []).append(f.id)
    for group in ordered_groups(corpus):
        statements = [corpus.statement(s) for s in group.statements]
        docs = len({s.doc for s in statements})
        header = Text.assemble((group.id, "bold"), f"  {docs} documents · similarity {group.similarity:.2f}")
        if group.id in findings_by_group:
            header.append(f"  findings: {', '.join(findings_by_group[group.id])}", style="bold red")
        console.print(header)
        spans = differing_spans([s.text for s in statements])
        for statement, marks in zip(statements, spans):
            text = Text(statement.text)
            for start, end in marks:
                text.stylize("bold yellow underline", start, end)
            row = Table.grid(padding=(0, 2))
            row.add_column(width=2)
            row.add_column(no_wrap=True, style="dim")
            row.add_column()
            row.add_row("", statement.doc, text)
            console.print(row)
        console.print()


def _set_aside(console: Console, corpus: Corpus, show_boilerplate: bool) -> None:
    if corpus.false_alarms_hidden:
        console.print(Text(hidden_line(corpus.false_alarms_hidden), style="dim"))
    for skipped in corpus.skipped:
        console.print(Text.assemble(("skipped ", "yellow"), skipped.path, ": ", skipped.reason))
    if show_boilerplate:
        for d in corpus.documents:
            for b in d.boilerplate:
                console.print(
                    Text.assemble(("set aside ", "dim"), f"{d.id} [{b.start}:{b.end}] {b.reason}: ", (b.text, "dim"))
                )
    elif any(d.boilerplate for d in corpus.documents):
        console.print(
            Text("Boilerplate lines were set aside from alignment; --show-boilerplate lists them.", style="dim")
        )
    console.print()
