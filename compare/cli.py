"""Command line: ``compare-sources`` (also ``python -m compare``).

Start-up is kept light so ``--help`` answers at once: numpy, torch,
sentence-transformers and trafilatura are imported inside the commands, and the
model is loaded only when a statement is not in the embedding cache.

Exit codes follow ruff and SQLFluff: 0 done, 1 new findings (``check``), 2 usage
or input error (one line on stderr naming the file and the reason, never a
traceback).
"""

from __future__ import annotations

import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from . import __version__
from .infra.processes import exit_skipping_teardown

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
DEFAULT_FAIL_ON = "warning"


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


def _fail(message: str) -> "typer.Exit":
    typer.echo(f"compare-sources: error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def make_embedder(model: Optional[Path], cache_dir: Optional[Path], use_cache: bool):
    """The embedder a command uses; tests replace this to inject a deterministic one."""
    from .infra.cache import EmbeddingCache, default_cache_dir
    from .stages.embed import CachedEmbedder, SentenceTransformerEmbedder

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


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write via a temporary file and rename: a failed run never leaves half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is for sharing, as any new file would be
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


# Options shared by every command that runs the pipeline. Each overrides its
# [tool.compare-sources] setting in pyproject.toml (see compare/config.py).
Paths = Annotated[Optional[List[Path]], typer.Argument(
    metavar="PATH...", show_default=False,
    help="Article files or folders (searched recursively for .txt, .md, .html, .htm) "
         "[default: 'paths' in [tool.compare-sources]].")]
Model = Annotated[Optional[Path], typer.Option(
    "--model", help="Local sentence-transformers model directory [default: the packaged all-MiniLM-L6-v2].")]
CacheDir = Annotated[Optional[Path], typer.Option(
    "--cache-dir", envvar="COMPARE_SOURCES_CACHE_DIR",
    help="Cache folder: embeddings and per-document results [default: the user cache folder].")]
NoCache = Annotated[bool, typer.Option(
    "--no-cache", help="Neither read nor write the caches (embeddings, and per-document results).")]
Threshold = Annotated[Optional[float], typer.Option(
    "--threshold", min=0.0, max=1.0, help="Cosine similarity at which statements are grouped [default: 0.63].")]
Disable = Annotated[Optional[List[str]], typer.Option(
    "--disable", metavar="NAME", show_default=False,
    help="Switch a detector off (repeatable); see 'compare-sources detectors'.")]
Ignore = Annotated[Optional[List[str]], typer.Option(
    "--ignore", metavar="PATTERN", show_default=False,
    help="Leave out files or folders matching this pattern, matched from the right: 'drafts', '*.html' (repeatable).")]
ShowProgress = Annotated[bool, typer.Option("--progress/--no-progress", help="Progress bar on stderr (only on a terminal).")]


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


@app.command()
def report(
    paths: Paths = None,
    format: Optional[OutputFormat] = typer.Option(None, "--format", "-f", help="Report format [default: from the -o suffix, else text]."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file instead of the terminal."),
    model: Model = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    threshold: Threshold = None,
    disable: Disable = None,
    ignore: Ignore = None,
    show_boilerplate: bool = typer.Option(False, "--show-boilerplate", help="List every line set aside as boilerplate."),
    timings: bool = typer.Option(False, "--timings", help="Print the seconds each stage took on stderr."),
    progress: ShowProgress = True,
) -> None:
    """Compare articles: group shared statements, run the detectors, print or write a report."""
    from .report import SUFFIX_FORMATS, render, render_bytes

    fmt = format.value if format else SUFFIX_FORMATS.get(output.suffix.lower(), "text") if output else "text"
    settings = _settings()
    corpus = _run(settings, paths, model, cache_dir, no_cache, threshold, disable, ignore, progress)
    color = output is None and sys.stdout.isatty()
    width = 100 if output is not None or not sys.stdout.isatty() else None
    content = (render if output is None else render_bytes)(
        corpus, fmt, color=color, width=width or _terminal_width(), show_boilerplate=show_boilerplate)
    _emit(content, output)
    if timings:
        stages = " · ".join(f"{stage} {seconds:.2f} s" for stage, seconds in corpus.timings.items())
        typer.echo(f"compare-sources: timings: {stages}", err=True)


@app.command()
def check(
    paths: Paths = None,
    baseline: Optional[Path] = typer.Option(None, "--baseline", "-b", help="Accepted findings (made by 'compare-sources baseline'); only findings not in it count [default: 'baseline' in [tool.compare-sources], else none]."),
    since: Optional[str] = typer.Option(None, "--since", metavar="GIT_REF", help="Count only findings that involve a file added or changed since this git revision."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Lowest severity of a new finding that fails the check [default: warning]."),
    format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="text: a line per new finding; json: every finding with its status; sarif: SARIF 2.1.0 for code scanning; github: workflow annotations."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of standard output."),
    model: Model = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    threshold: Threshold = None,
    disable: Disable = None,
    ignore: Ignore = None,
    progress: ShowProgress = True,
) -> None:
    """Fail (exit 1) on new findings: those not in the baseline, at or above --fail-on.

    Exit codes: 0 nothing new at or above --fail-on, 1 new findings, 2 usage or input error.
    """
    from .ci.baseline import read
    from .ci.changes import changed_since
    from .ci.check import check as run_check
    from .errors import InputError, UsageError
    from .ci.fingerprint import path_key, project_root
    from .ci.render import render_check

    settings = _settings()
    root = project_root()
    baseline = baseline or settings.baseline
    try:
        accepted = {e["fingerprint"] for e in read(baseline)} if baseline else set()
        changed = changed_since(since, root) if since else None
    except (InputError, UsageError) as error:
        raise _fail(str(error)) from None
    level = fail_on.value if fail_on else settings.fail_on or DEFAULT_FAIL_ON
    corpus = _run(settings, paths, model, cache_dir, no_cache, threshold, disable, ignore, progress)
    result = run_check(corpus, root, accepted=accepted, fail_on=level, since=since, changed=changed,
                       baseline=path_key(baseline, root) if baseline else None)
    _emit(render_check(result, format.value), output)
    if result.failing:
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def baseline(
    paths: Paths = None,
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="The baseline file [default: 'baseline' in [tool.compare-sources], else .compare-baseline.json]."),
    update: bool = typer.Option(False, "--update", help="Keep the accepted entries that still occur and drop the rest; accept nothing new."),
    model: Model = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    threshold: Threshold = None,
    disable: Disable = None,
    ignore: Ignore = None,
    progress: ShowProgress = True,
) -> None:
    """Record the current findings as accepted, so that 'check' fails only on new ones."""
    from .ci import baseline as baseline_file
    from .ci.check import baseline_entries
    from .errors import InputError
    from .ci.fingerprint import project_root

    settings = _settings()
    target = output or settings.baseline or Path(".compare-baseline.json")
    try:
        old = baseline_file.read(target) if update else []
    except InputError as error:
        raise _fail(str(error)) from None
    corpus = _run(settings, paths, model, cache_dir, no_cache, threshold, disable, ignore, progress)
    current = baseline_entries(corpus, project_root())
    if update:
        entries, dropped = baseline_file.update(old, current)
        kept = {e["fingerprint"] for e in entries}
        note = (f"kept {len(entries)}, dropped {len(dropped)} that no longer occur; "
                f"{len(set(current) - kept)} current finding(s) not accepted (run without --update to accept them)")
    else:
        entries = list(current.values())
        note = f"{len(entries)} finding(s) accepted"
    settings_used = {k: corpus.settings[k] for k in ("model", "threshold", "disabled_detectors")}
    _emit(baseline_file.dumps(entries, settings_used), target, "baseline")
    typer.echo(f"compare-sources: {note}", err=True)


class Suite(str, Enum):
    discrepancy = "discrepancy"
    translation = "translation"
    alignment = "alignment"
    all = "all"


@app.command(name="eval")
def evaluate(
    paths: Annotated[Optional[List[Path]], typer.Argument(metavar="[PATH]...", show_default=False, help="Articles to make the labelled copies from [default: ./seeds].")] = None,
    suite: List[Suite] = typer.Option([Suite.all], "--suite", "-s", help="What to measure (repeatable): detector suites, alignment recall, or all."),
    seed: int = typer.Option(0, "--seed", help="Seed of the edits: the same seed gives the same labelled corpus."),
    variants: int = typer.Option(2, "--variants", min=1, help="Edited copies per edit site."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Edit sites per kind and article [default: the suite's]."),
    json_output: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of standard output."),
    model: Model = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
) -> None:
    """Measure the detectors and the alignment on labelled edits of the articles (precision, recall, F1)."""
    import json

    from .errors import InputError
    from .evaluation.suites import ALL_SUITES, evaluate as run_suites, format_text
    from .pipeline import load_documents

    chosen = list(ALL_SUITES) if Suite.all in suite else list(dict.fromkeys(s.value for s in suite))
    folder = paths or [Path("seeds")]
    try:
        documents, skipped = load_documents(folder)
    except InputError as error:
        raise _fail(str(error)) from None
    for item in skipped:
        typer.echo(f"compare-sources: skipped {item.path}: {item.reason}", err=True)
    result = run_suites(documents, make_embedder(model, cache_dir, not no_cache), chosen, seed=seed,
                        variants=variants, limit=limit)
    content = json.dumps(result, ensure_ascii=False, indent=2) + "\n" if json_output else format_text(result)
    _emit(content, output, "figures")


@app.command()
def score(
    gold: Annotated[List[Path], typer.Argument(metavar="GOLD...", show_default=False, help="Gold files of real-coverage corpora (corpora/*/gold.json).")],
    corpora: Optional[Path] = typer.Option(None, "--corpora", envvar="COMPARE_SOURCES_CORPORA", help="Folder holding each story's articles in a subfolder named after the story (rebuilt from corpora/*/retrieval.tsv)."),
    report_file: Optional[Path] = typer.Option(None, "--report", help="Score this JSON report instead of running the pipeline (one gold file)."),
    check_only: bool = typer.Option(False, "--check", help="Only check that the articles carry every labelled string; exit 1 if one does not."),
    min_severity: FailOn = typer.Option(FailOn.info, "--min-severity", help="Leave out findings below this severity."),
    json_output: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of standard output."),
    model: Model = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    threshold: Threshold = None,
    disable: Disable = None,
) -> None:
    """Score reports against the gold labels of real coverage: recall and precision per kind, every miss listed."""
    import json

    from .errors import InputError
    from .evaluation import real
    from .evaluation.labels import load_gold

    try:
        golds = [load_gold(path) for path in gold]
        if report_file is not None and len(golds) != 1:
            raise _fail("--report scores one gold file at a time")
        if report_file is None and corpora is None:
            raise _fail("where are the articles? give --corpora (or set COMPARE_SOURCES_CORPORA)")
        results, problems = [], 0
        for labels in golds:
            if report_file is not None:
                report_data = real.read_report(report_file)
            elif check_only:
                report_data = real.read_articles(corpora / labels.story, labels)
            else:
                paths = real.article_paths(corpora / labels.story, labels)
                report_data = _report_dict(_run(_settings(), paths, model, cache_dir, no_cache, threshold, disable,
                                                [], True))
            if check_only:
                found = real.missing(labels, real.ReportIndex(report_data).bodies())
                problems += len(found)
                typer.echo(f"{labels.story}: " + ("every labelled string found" if not found else
                                                  f"{len(found)} labelled strings missing"))
                for line in found:
                    typer.echo(f"  {line}")
                continue
            results.append(real.score(report_data, labels, min_severity=min_severity.value))
    except InputError as error:
        raise _fail(str(error)) from None
    if check_only:
        raise typer.Exit(EXIT_FINDINGS if problems else 0)
    content = (json.dumps({"stories": results, "total": real.totals(results)}, ensure_ascii=False, indent=2) + "\n"
               if json_output else real.format_text(results))
    _emit(content, output, "scores")


def _report_dict(corpus) -> dict:
    from .report.json_format import to_dict

    return to_dict(corpus)


def _settings():
    from .config import load
    from .errors import UsageError

    try:
        return load()
    except UsageError as error:
        raise _fail(str(error)) from None


def _emit(content: str | bytes, output: Optional[Path], what: str = "report") -> None:
    if output is None:
        sys.stdout.write(content)
        return
    try:
        write_atomically(output, content)
    except OSError as error:
        raise _fail(f"{output}: cannot write {what} ({error.strerror or error})") from None
    typer.echo(f"wrote {output}", err=True)


def _terminal_width() -> int:
    import shutil

    return max(60, min(shutil.get_terminal_size((100, 24)).columns, 160))


def _memo_beside(embedder):
    """The per-document results live next to the embedding cache, and go with it (``--no-cache``)."""
    from .infra.memo import AnalysisMemo

    cache = getattr(embedder, "cache", None)
    return AnalysisMemo(cache.directory) if cache is not None else None


def _run(settings, paths, model, cache_dir, no_cache, threshold, disable, ignore, progress):
    from .stages.align import DEFAULT_THRESHOLD
    from .errors import InputError, UsageError
    from .pipeline import run

    paths = paths or settings.paths
    if not paths:
        raise _fail("no PATH given, and no 'paths' in [tool.compare-sources] of pyproject.toml")
    if threshold is None:
        threshold = DEFAULT_THRESHOLD if settings.threshold is None else settings.threshold
    bar, update = _progress_reporter(progress)
    try:
        embedder = make_embedder(model, cache_dir, not no_cache)
        if bar is not None:
            bar.start()
        try:
            corpus = run(paths, embedder, threshold=threshold,
                         disabled=settings.disable if disable is None else disable,
                         ignore=settings.ignore if ignore is None else ignore, progress=update,
                         memo=_memo_beside(embedder))
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
        typer.echo(f"    needs: {', '.join(detector.needs)}; adds: {', '.join(detector.rules)}")


def main() -> None:
    try:
        app(prog_name="compare-sources")
    except SystemExit as done:  # how click ends every command, successful or not
        if "torch" in sys.modules:
            code = done.code
            if isinstance(code, str):
                print(code, file=sys.stderr)
                code = 1
            exit_skipping_teardown(code or 0)
        raise


if __name__ == "__main__":
    main()
