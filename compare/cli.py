"""Command line: ``compare-sources`` (also ``python -m compare``).

Start-up is kept light so ``--help`` answers at once: numpy, torch,
sentence-transformers and trafilatura are imported inside the commands, and the
model is loaded only when a statement is not in the embedding cache.

Exit codes follow ruff and SQLFluff: 0 done, 2 usage or input error (one line on
stderr naming the file and the reason, never a traceback).
"""

from __future__ import annotations

import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__

app = typer.Typer(
    name="compare-sources",
    help="Line up the statements that several news articles share and flag what disagrees.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_USAGE = 2


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


def _fail(message: str) -> "typer.Exit":
    typer.echo(f"compare-sources: error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def make_embedder(model: Optional[Path], cache_dir: Optional[Path], use_cache: bool):
    """The embedder a command uses; tests replace this to inject a deterministic one."""
    from .cache import EmbeddingCache, default_cache_dir
    from .embed import CachedEmbedder, SentenceTransformerEmbedder

    inner = SentenceTransformerEmbedder(model)
    cache = EmbeddingCache(cache_dir or default_cache_dir()) if use_cache else None
    return CachedEmbedder(inner, cache)


def _progress_reporter(enabled: bool):
    """A rich progress bar on stderr, or None when stderr is not a terminal."""
    if not enabled or not sys.stderr.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                        TimeRemainingColumn(), console=Console(stderr=True), transient=True)
    tasks: dict[str, int] = {}
    labels = {"read": "reading articles", "embed": "embedding statements"}

    def update(stage: str, done: int, total: int) -> None:
        if total == 0:
            return
        if stage not in tasks:
            tasks[stage] = progress.add_task(labels.get(stage, stage), total=total)
        progress.update(tasks[stage], completed=done, total=total)

    return progress, update


def write_atomically(path: Path, content: str) -> None:
    """Write via a temporary file and rename: a failed run never leaves half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _version(value: bool) -> None:
    if value:
        typer.echo(f"compare-sources {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Line up the statements that several news articles share and flag what disagrees."""


@app.command()
def report(
    paths: List[Path] = typer.Argument(..., metavar="PATH...", help="Article files or folders (searched recursively for .txt, .md, .html, .htm)."),
    format: Optional[OutputFormat] = typer.Option(None, "--format", "-f", help="Report format [default: from the -o suffix, else text]."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file instead of the terminal."),
    model: Optional[Path] = typer.Option(None, "--model", help="Local sentence-transformers model directory [default: the packaged all-MiniLM-L6-v2]."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", envvar="COMPARE_SOURCES_CACHE_DIR", help="Embedding cache folder [default: the user cache folder]."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the embedding cache."),
    threshold: Optional[float] = typer.Option(None, "--threshold", min=0.0, max=1.0, help="Cosine similarity at which statements are grouped [default: 0.63]."),
    disable: List[str] = typer.Option([], "--disable", help="Switch a detector off (repeatable); see 'compare-sources detectors'."),
    show_boilerplate: bool = typer.Option(False, "--show-boilerplate", help="List every line set aside as boilerplate."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on stderr (only on a terminal)."),
) -> None:
    """Compare articles: group shared statements, run the detectors, print or write a report."""
    from .report import SUFFIX_FORMATS, render

    fmt = format.value if format else SUFFIX_FORMATS.get(output.suffix.lower(), "text") if output else "text"
    corpus = _run(paths, model, cache_dir, no_cache, threshold, disable, progress)
    color = output is None and sys.stdout.isatty()
    width = 100 if output is not None or not sys.stdout.isatty() else None
    content = render(corpus, fmt, color=color, width=width or _terminal_width(),
                     show_boilerplate=show_boilerplate)
    if output is None:
        sys.stdout.write(content)
    else:
        try:
            write_atomically(output, content)
        except OSError as error:
            raise _fail(f"{output}: cannot write report ({error.strerror or error})") from None
        typer.echo(f"wrote {output}", err=True)


def _terminal_width() -> int:
    import shutil

    return max(60, min(shutil.get_terminal_size((100, 24)).columns, 160))


def _run(paths, model, cache_dir, no_cache, threshold, disable, progress):
    from .align import DEFAULT_THRESHOLD
    from .errors import InputError, UsageError
    from .pipeline import run

    bar, update = _progress_reporter(progress)
    try:
        embedder = make_embedder(model, cache_dir, not no_cache)
        if bar is not None:
            bar.start()
        try:
            corpus = run(paths, embedder, threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
                         disabled=disable, progress=update)
        finally:
            if bar is not None:
                bar.stop()
    except (InputError, UsageError) as error:
        raise _fail(str(error)) from None
    for skipped in corpus.skipped:
        typer.echo(f"compare-sources: skipped {skipped.path}: {skipped.reason}", err=True)
    for document in corpus.documents:
        for warning in document.warnings:
            typer.echo(f"compare-sources: warning: {document.path}: {warning}", err=True)
    return corpus


@app.command()
def detectors() -> None:
    """List the detectors, what they read and which finding kinds they add."""
    from .detect import registry

    found = registry()
    if not found:
        typer.echo("no detectors registered")
    for detector in found.values():
        typer.echo(f"{detector.name}: {detector.description}")
        typer.echo(f"    needs: {', '.join(detector.needs)}; adds: {', '.join(detector.kinds)}")


def main() -> None:
    app(prog_name="compare-sources")


if __name__ == "__main__":
    main()
