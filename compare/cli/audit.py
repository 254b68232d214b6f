"""``compare-sources audit``: go through the baseline's accepted findings, at a terminal or in a script."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

import typer

from ..options import RunOptions
from .app import EXIT_FINDINGS, app, emit, fail, pipeline_command, run_pipeline, settings, warn

if TYPE_CHECKING:
    from ..ci.audit import Audited
    from ..ci.baseline import Baseline

CHOICES = {"a": "accept", "r": "reject", "s": "skip", "n": "note", "q": "quit"}
PROMPT = "(a)ccept, (r)eject, (s)kip, (n)ote, (q)uit"


@app.command()
@pipeline_command
def audit(
    context: typer.Context,
    baseline: Path | None = typer.Option(
        None,
        "--baseline",
        "-b",
        help="The baseline file [default: 'baseline' in [tool.compare-sources], else .compare-baseline.json].",
    ),
    report: bool = typer.Option(
        False, "--report", help="Print every entry with its status instead of asking (for scripts and reviews)."
    ),
    stats: bool = typer.Option(False, "--stats", help="Print counts per rule code instead of asking."),
    format: Literal["text", "json"] = typer.Option("text", "--format", "-f", help="Of --report and --stats."),
    every: bool = typer.Option(False, "--all", help="Ask about audited entries too, not only the unaudited ones."),
    fail_on_unaudited: bool = typer.Option(
        False, "--fail-on-unaudited", help="With --report or --stats: exit 1 if an entry is not audited yet."
    ),
    fail_on_stale: bool = typer.Option(
        False, "--fail-on-stale", help="With --report or --stats: exit 1 if an entry no longer occurs."
    ),
    *,
    options: RunOptions,
    progress: bool,
) -> None:
    """Go through the baseline's accepted findings: accept (mark audited), reject (remove, so that 'check'
    reports the finding again), skip, or note why; the decisions are written into the baseline when the last
    entry is answered or at quit. --report and --stats answer without asking, for scripts."""
    from ..ci import baseline as baseline_file
    from ..ci.audit import look_up, render_report, render_stats
    from ..ci.check import recorded_settings
    from ..ci.fingerprint import project_root
    from ..ci.selection import Selection
    from ..errors import InputError

    target = baseline or settings().baseline or Path(".compare-baseline.json")
    try:
        accepted = baseline_file.load(target)
    except InputError as error:
        raise fail(str(error)) from None
    if (fail_on_unaudited or fail_on_stale) and not (report or stats):
        raise fail("--fail-on-unaudited and --fail-on-stale go with --report or --stats")
    selection = Selection.of(options)
    corpus = run_pipeline(context, options, progress)
    line = baseline_file.settings_warning(target, accepted.settings, recorded_settings(corpus, selection))
    if line:
        warn(line)
    items = look_up(accepted.entries, corpus, project_root(), selection)
    if report or stats:
        typer.echo((render_report if report else render_stats)(items, format == "json"), nl=False)
        unaudited = fail_on_unaudited and any(not item.audited for item in items)
        stale = fail_on_stale and any(item.status == "stale" for item in items)
        if unaudited or stale:
            raise typer.Exit(EXIT_FINDINGS)
        return
    _interactive(items, every, accepted, target)


def _interactive(items: list[Audited], every: bool, accepted: Baseline, target: Path) -> None:
    """Ask about each entry in turn; write the decisions back (whole or not at all) when any changed the file."""
    from ..ci import baseline as baseline_file
    from ..ci.audit import describe, summary

    queue = [item for item in items if every or not item.audited]
    if not queue:
        typer.echo(f"nothing to audit: {summary(items)}")
        return
    rejected: set[int] = set()  # ids of the rejected entries' dicts
    changed = False
    for number, item in enumerate(queue, start=1):
        typer.echo(f"\n[{number}/{len(queue)}] " + "\n".join(describe(item)))
        action = _ask()
        while action == "note":
            note = _ask_note(str(item.entry.get("note", "")))
            if note is None:
                action = "quit"
            else:
                changed |= _set_note(item.entry, note)
                action = _ask()
        if action == "quit":
            break
        if action == "accept" and not item.audited:
            item.entry["audited"] = True
            changed = True
        elif action == "reject":
            rejected.add(id(item.entry))
            changed = True
    remaining = [item for item in items if id(item.entry) not in rejected]
    if changed:
        emit(baseline_file.dumps([item.entry for item in remaining], accepted.settings), target, "baseline")
    typer.echo(f"{len(rejected)} rejected (removed); {summary(remaining)}", err=True)


def _set_note(entry: dict, note: str) -> bool:
    """Whether the note changed; an empty one removes the field."""
    if note == entry.get("note", ""):
        return False
    if note:
        entry["note"] = note
    else:
        entry.pop("note", None)
    return True


def _ask() -> str:
    """One decision, asked again until it is one of the choices; the end of the input (or Ctrl-C) is quit,
    keeping what was decided."""
    while True:
        try:
            answer = str(typer.prompt(PROMPT, default="s")).strip().lower()
        except typer.Abort:
            typer.echo("", err=True)
            return "quit"
        if answer[:1] in CHOICES and CHOICES[answer[:1]].startswith(answer):
            return CHOICES[answer[:1]]
        typer.echo(f"answer one of: {', '.join(CHOICES)}")


def _ask_note(current: str) -> str | None:
    """The new note ("" removes it); None where the input ended."""
    try:
        return str(typer.prompt("note (empty removes it)", default=current, show_default=bool(current))).strip()
    except typer.Abort:
        return None
