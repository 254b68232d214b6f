"""``compare-sources report``: the comparison as a terminal, JSON, Markdown or HTML report."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..options import RunOptions
from .app import OutputFormat, app, emit, pipeline_command, run_pipeline, terminal_width


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
    *,
    options: RunOptions,
    progress: bool,
) -> None:
    """Compare articles: group shared statements, run the detectors, print or write a report."""
    from ..ci.selection import Selection
    from ..report import SUFFIX_FORMATS, render, render_bytes

    fmt: OutputFormat = format or (SUFFIX_FORMATS.get(output.suffix.lower(), "text") if output else "text")
    corpus = Selection.of(options).apply(run_pipeline(context, options, progress))
    color = output is None and sys.stdout.isatty()
    width = 100 if output is not None or not sys.stdout.isatty() else None
    content = (render if output is None else render_bytes)(
        corpus, fmt, color=color, width=width or terminal_width(), show_boilerplate=show_boilerplate
    )
    emit(content, output)
    if timings:
        stages = " · ".join(f"{stage} {seconds:.2f} s" for stage, seconds in corpus.timings.items())
        typer.echo(f"compare-sources: timings: {stages}", err=True)
