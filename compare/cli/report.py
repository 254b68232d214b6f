"""``compare-sources report``: the comparison as a terminal, JSON, Markdown or HTML report."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from .app import (
    CacheDir,
    Disable,
    Ignore,
    Model,
    NoCache,
    OutputFormat,
    Paths,
    ShowProgress,
    Threshold,
    app,
    emit,
    run_options,
    run_pipeline,
    settings,
    terminal_width,
)


@app.command()
def report(
    context: typer.Context,
    paths: Paths = None,
    format: OutputFormat | None = typer.Option(
        None, "--format", "-f", help="Report format [default: from the -o suffix, else text]."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report to this file instead of the terminal."
    ),
    model: Model = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    threshold: Threshold = None,
    disable: Disable = None,
    ignore: Ignore = None,
    show_boilerplate: bool = typer.Option(
        False, "--show-boilerplate", help="List every line set aside as boilerplate."
    ),
    timings: bool = typer.Option(False, "--timings", help="Print the seconds each stage took on stderr."),
    progress: ShowProgress = True,
) -> None:
    """Compare articles: group shared statements, run the detectors, print or write a report."""
    from ..report import SUFFIX_FORMATS, render, render_bytes

    fmt: OutputFormat = format or (SUFFIX_FORMATS.get(output.suffix.lower(), "text") if output else "text")
    options = run_options(
        settings(),
        paths,
        model=model,
        cache_dir=cache_dir,
        no_cache=no_cache,
        threshold=threshold,
        disable=disable,
        ignore=ignore,
    )
    corpus = run_pipeline(context, options, progress)
    color = output is None and sys.stdout.isatty()
    width = 100 if output is not None or not sys.stdout.isatty() else None
    content = (render if output is None else render_bytes)(
        corpus, fmt, color=color, width=width or terminal_width(), show_boilerplate=show_boilerplate
    )
    emit(content, output)
    if timings:
        stages = " · ".join(f"{stage} {seconds:.2f} s" for stage, seconds in corpus.timings.items())
        typer.echo(f"compare-sources: timings: {stages}", err=True)
