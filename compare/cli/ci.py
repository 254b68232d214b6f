"""``compare-sources check`` and ``baseline``: fail only on new findings, against the accepted ones."""

from __future__ import annotations

from pathlib import Path

import typer

from ..options import RunOptions
from .app import (
    DEFAULT_FAIL_ON,
    EXIT_FINDINGS,
    CheckFormat,
    Output,
    Severity,
    app,
    emit,
    fail,
    pipeline_command,
    run_pipeline,
    settings,
    warn,
)


@app.command()
@pipeline_command
def check(
    context: typer.Context,
    baseline: Path | None = typer.Option(
        None,
        "--baseline",
        "-b",
        help="Accepted findings (made by 'compare-sources baseline'); only findings not in it count [default: 'baseline' in [tool.compare-sources], else none].",
    ),
    since: str | None = typer.Option(
        None,
        "--since",
        metavar="GIT_REF",
        help="Count only findings that involve a file added or changed since this git revision.",
    ),
    fail_on: Severity | None = typer.Option(
        None, "--fail-on", help="Lowest severity of a new finding that fails the check [default: warning]."
    ),
    format: CheckFormat = typer.Option(
        "text",
        "--format",
        "-f",
        help="text: a line per new finding; json: every finding with its status; json-lines: the same, a line each; sarif: SARIF 2.1.0 for code scanning; github: workflow annotations; gitlab: a code-quality report; junit: JUnit XML.",
    ),
    output: Output = None,
    write: list[str] | None = typer.Option(
        None,
        "--write",
        metavar="FORMAT:FILE",
        show_default=False,
        help="Also write the result in another format to a file, from the same run (repeatable): --write sarif:check.sarif --write junit:check.xml.",
    ),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when new findings fail the check."),
    statistics: bool = typer.Option(
        False,
        "--statistics",
        help="Instead of the findings, count the new ones per rule code (text, or JSON with --format json).",
    ),
    *,
    options: RunOptions,
    progress: bool,
) -> None:
    """Fail (exit 1) on new findings: those not in the baseline, at or above --fail-on.

    Each finding is reported on the article that brought it in: the one changed since --since, else the one
    giving the minority value, else the later one. Exit codes: 0 nothing new at or above --fail-on (or
    --exit-zero), 1 new findings, 2 usage or input error.
    """
    from ..ci.baseline import load, settings_warning
    from ..ci.changes import changed_since
    from ..ci.check import check as run_check
    from ..ci.check import recorded_settings
    from ..ci.fingerprint import path_key, project_root
    from ..ci.output import render_statistics
    from ..ci.render import render_check
    from ..ci.selection import Selection
    from ..errors import InputError, UsageError

    if since is not None and not since.strip():
        raise fail("--since: empty revision (an unset CI variable?); give a revision or leave the option out")
    if statistics and format not in ("text", "json"):
        raise fail(f"--statistics is written as text or json, not {format}")
    extra = [_write_spec(spec) for spec in write or []]
    found = settings()
    root = project_root()
    baseline = baseline or found.baseline
    try:
        accepted_file = load(baseline) if baseline else None
        changed = changed_since(since, root) if since else None
    except (InputError, UsageError) as error:
        raise fail(str(error)) from None
    level = fail_on or found.fail_on or DEFAULT_FAIL_ON
    selection = Selection.of(options)
    corpus = run_pipeline(context, options, progress)
    if accepted_file is not None and baseline is not None:
        line = settings_warning(baseline, accepted_file.settings, recorded_settings(corpus, selection))
        if line:
            warn(line)
    result = run_check(
        corpus,
        root,
        accepted={e["fingerprint"] for e in accepted_file.entries} if accepted_file else set(),
        fail_on=level,
        since=since,
        changed=changed,
        baseline=path_key(baseline, root) if baseline else None,
        selection=selection,
    )
    emit(render_statistics(result, format == "json") if statistics else render_check(result, format), output)
    for fmt, path in extra:
        emit(render_check(result, fmt), path)
    if result.failing and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)


def _write_spec(spec: str) -> tuple[CheckFormat, Path]:
    """``FORMAT:FILE`` of ``--write``, checked before the run."""
    from typing import cast

    from ..ci import CHECK_FORMATS

    fmt, _, path = spec.partition(":")
    if fmt not in CHECK_FORMATS or not path:
        raise fail(f"--write {spec}: expected FORMAT:FILE with FORMAT one of {', '.join(CHECK_FORMATS)}")
    return cast(CheckFormat, fmt), Path(path)


@app.command()
@pipeline_command
def baseline(
    context: typer.Context,
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="The baseline file [default: 'baseline' in [tool.compare-sources], else .compare-baseline.json].",
    ),
    update: bool = typer.Option(
        False,
        "--update",
        help="Keep the accepted entries that still occur, or whose rule this run does not examine (a disabled detector, a rule not selected); drop the rest; accept nothing new.",
    ),
    *,
    options: RunOptions,
    progress: bool,
) -> None:
    """Record the current findings as accepted, so that 'check' fails only on new ones."""
    from ..ci import baseline as baseline_file
    from ..ci.check import baseline_entries, recorded_settings
    from ..ci.fingerprint import project_root
    from ..ci.selection import Selection
    from ..errors import InputError

    found = settings()
    target = output or found.baseline or Path(".compare-baseline.json")
    try:
        old = baseline_file.read(target) if update else []
    except InputError as error:
        raise fail(str(error)) from None
    selection = Selection.of(options)
    corpus = selection.apply(run_pipeline(context, options, progress))
    current = baseline_entries(corpus, project_root())
    if update:
        entries, dropped, unexamined = baseline_file.update(old, current, selection.examines)
        kept = {e["fingerprint"] for e in entries}
        note = (
            f"kept {len(entries)} ({unexamined} of rules this run does not examine), dropped {len(dropped)} that "
            f"no longer occur; {len(set(current) - kept)} current finding(s) not accepted "
            "(run without --update to accept them)"
        )
    else:
        entries = list(current.values())
        note = f"{len(entries)} finding(s) accepted"
    emit(baseline_file.dumps(entries, recorded_settings(corpus, selection)), target, "baseline")
    typer.echo(f"compare-sources: {note}", err=True)
