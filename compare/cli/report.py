"""``compare-sources report``: the comparison as a terminal, JSON, Markdown or HTML report."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..options import RunOptions
from .app import OutputFormat, app, emit, pipeline_command, run_pipeline, terminal_width
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
    """Compare articles: group shared statements, run the detectors, print or write a report."""
    from ..ci.fingerprint import project_root
    from ..ci.selection import Selection
    from ..report import SUFFIX_FORMATS, render, render_bytes
    from ..report.review import apply, fingerprint_all, reviews

    fmt: OutputFormat = format or (SUFFIX_FORMATS.get(output.suffix.lower(), "text") if output else "text")
    root = project_root()
    _, entries, _ = read_review(review, root)
    corpus = Selection.of(options).apply(run_pipeline(context, options, progress))
    fingerprint_all(corpus, root)
    apply(corpus, reviews(entries), show_false_alarms)
    color = output is None and sys.stdout.isatty()
    width = 100 if output is not None or not sys.stdout.isatty() else None
    content = (render if output is None else render_bytes)(
        corpus, fmt, color=color, width=width or terminal_width(), show_boilerplate=show_boilerplate
    )
    emit(content, output)
    if timings:
        stages = " · ".join(f"{stage} {seconds:.2f} s" for stage, seconds in corpus.timings.items())
        typer.echo(f"compare-sources: timings: {stages}", err=True)
