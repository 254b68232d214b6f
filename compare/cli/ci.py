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
        help="text: a line per new finding; json: every finding with its status; sarif: SARIF 2.1.0 for code scanning; github: workflow annotations.",
    ),
    output: Output = None,
    *,
    options: RunOptions,
    progress: bool,
) -> None:
    """Fail (exit 1) on new findings: those not in the baseline, at or above --fail-on.

    Exit codes: 0 nothing new at or above --fail-on, 1 new findings, 2 usage or input error.
    """
    from ..ci.baseline import read
    from ..ci.changes import changed_since
    from ..ci.check import check as run_check
    from ..ci.fingerprint import path_key, project_root
    from ..ci.render import render_check
    from ..errors import InputError, UsageError

    if since is not None and not since.strip():
        raise fail("--since: empty revision (an unset CI variable?); give a revision or leave the option out")
    found = settings()
    root = project_root()
    baseline = baseline or found.baseline
    try:
        accepted = {e["fingerprint"] for e in read(baseline)} if baseline else set()
        changed = changed_since(since, root) if since else None
    except (InputError, UsageError) as error:
        raise fail(str(error)) from None
    level = fail_on or found.fail_on or DEFAULT_FAIL_ON
    corpus = run_pipeline(context, options, progress)
    result = run_check(
        corpus,
        root,
        accepted=accepted,
        fail_on=level,
        since=since,
        changed=changed,
        baseline=path_key(baseline, root) if baseline else None,
    )
    emit(render_check(result, format), output)
    if result.failing:
        raise typer.Exit(EXIT_FINDINGS)


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
        False, "--update", help="Keep the accepted entries that still occur and drop the rest; accept nothing new."
    ),
    *,
    options: RunOptions,
    progress: bool,
) -> None:
    """Record the current findings as accepted, so that 'check' fails only on new ones."""
    from ..ci import baseline as baseline_file
    from ..ci.check import baseline_entries
    from ..ci.fingerprint import project_root
    from ..errors import InputError

    found = settings()
    target = output or found.baseline or Path(".compare-baseline.json")
    try:
        old = baseline_file.read(target) if update else []
    except InputError as error:
        raise fail(str(error)) from None
    corpus = run_pipeline(context, options, progress)
    current = baseline_entries(corpus, project_root())
    if update:
        entries, dropped = baseline_file.update(old, current)
        kept = {e["fingerprint"] for e in entries}
        note = (
            f"kept {len(entries)}, dropped {len(dropped)} that no longer occur; "
            f"{len(set(current) - kept)} current finding(s) not accepted (run without --update to accept them)"
        )
    else:
        entries = list(current.values())
        note = f"{len(entries)} finding(s) accepted"
    settings_used = {k: v for k, v in corpus.settings.to_dict().items() if k != "margin"}
    emit(baseline_file.dumps(entries, settings_used), target, "baseline")
    typer.echo(f"compare-sources: {note}", err=True)
