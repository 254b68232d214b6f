"""``compare-sources report``: the comparison as a terminal, JSON, Markdown or HTML report."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import typer

from ..options import RunOptions
from .app import OutputFormat, app, emit, fail, pipeline_command, run_pipeline, terminal_width
from .report_flags import DocumentFilter, KindFilter, Limit, ListDocuments, SeverityFilter, SortOrder
from .review import ReviewFile, read_review


@app.command()
@pipeline_command
def report(
    context: typer.Context,
    format: OutputFormat | None = typer.Option(
        None, "--format", "-f", help="Report format [default: from the -o suffix, else text]."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report to this file instead of the terminal."
    ),
    severity: SeverityFilter = None,
    kind: KindFilter = None,
    document: DocumentFilter = None,
    sort: SortOrder = None,
    limit: Limit = None,
    documents: ListDocuments = None,
    show_boilerplate: bool = typer.Option(
        False, "--show-boilerplate", help="List every line set aside as boilerplate."
    ),
    timings: bool = typer.Option(False, "--timings", help="Print the seconds each stage took on stderr."),
    review: ReviewFile = None,
    show_false_alarms: bool = typer.Option(
        False,
        "--show-false-alarms/--hide-false-alarms",
        help="Show the findings the review file marks false alarm (marked as such) instead of hiding them.",
    ),
    *,
    options: RunOptions,
    progress: bool,
) -> None:
    """Compare articles: group shared statements, run the detectors, print or write a report.

    The terminal and Markdown reports open with the counts by severity and kind, then the findings; the
    groups, what was set aside and the documents follow. Each finding's words are placed by outlet, then
    path:line:column as 'check' prints them. Findings a detector repeats for each document (the same message
    but for the document) are folded into one entry that lists the documents.

    --severity, --kind and --document narrow the findings in every format (a JSON report keeps its schema,
    with fewer findings), after --select, --ignore and the settings: --kind never brings back a rule they
    leave out. --sort, --limit and --documents lay out the text and Markdown reports only.

    Findings the review file (compare-sources review) marks false alarm are hidden, with a count, unless
    --show-false-alarms; the others show their review.
    """
    from ..ci.fingerprint import project_root
    from ..ci.selection import Selection
    from ..errors import UsageError
    from ..infra import heap
    from ..report import SUFFIX_FORMATS, render, render_bytes
    from ..report.filters import Filters, document_ids, kind_selectors, severities
    from ..report.layout import Layout
    from ..report.review import apply, fingerprint_all, reviews

    fmt: OutputFormat = format or (SUFFIX_FORMATS.get(output.suffix.lower(), "text") if output else "text")
    laid_out = {"--sort": sort, "--limit": limit, "--documents": documents}
    if fmt in ("json", "html") and any(value is not None for value in laid_out.values()):
        flags = ", ".join(name for name, value in laid_out.items() if value is not None)
        raise fail(f"{flags}: lay out the text and Markdown reports; a {fmt} report holds every finding")
    try:  # checked before the run: a typo should not cost one
        chosen = Filters(severities(severity or []), kind_selectors(kind or []), kind_names=tuple(kind or ()))
    except UsageError as error:
        raise fail(str(error)) from None
    root = project_root()
    _, entries, _ = read_review(review, root)
    with heap.kept_for_the_run():  # the corpus lives until the report is written (compare/infra/heap.py)
        corpus = Selection.of(options).apply(run_pipeline(context, options, progress))
        fingerprint_all(corpus, root)
        apply(corpus, reviews(entries), show_false_alarms)
        try:
            chosen = replace(chosen, documents=document_ids(document or [], corpus))
        except UsageError as error:
            raise fail(str(error)) from None
        corpus = chosen.apply(corpus)
        layout = Layout(sort or "severity", limit, documents, chosen)
        color = output is None and sys.stdout.isatty()
        width = 100 if output is not None or not sys.stdout.isatty() else None
        content = (render if output is None else render_bytes)(
            corpus, fmt, color=color, width=width or terminal_width(), show_boilerplate=show_boilerplate, layout=layout
        )
    emit(content, output)
    if timings:
        stages = " · ".join(f"{stage} {seconds:.2f} s" for stage, seconds in corpus.timings.items())
        typer.echo(f"compare-sources: timings: {stages}", err=True)
