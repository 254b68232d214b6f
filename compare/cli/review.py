"""``compare-sources review``: a fact-checker marks findings verified, false alarm or noted, in the review file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from ..model import REVIEW_STATUSES, ReviewStatus
from ..options import RunOptions
from .app import app, emit, fail, pipeline_command, run_pipeline, settings

if TYPE_CHECKING:
    from ..model import Corpus

ReviewFile = Annotated[
    Path | None,
    typer.Option(
        "--review",
        metavar="FILE",
        help="The review file [default: 'review' in [tool.compare-sources], else .compare-review.json at the "
        "project root (the git work tree, else the working folder)].",
    ),
]


def read_review(given: Path | None, root: Path, writing: bool = False) -> tuple[Path, list[dict], dict]:
    """(path, entries, recorded settings) of the review file; one given by --review must exist, unless it is
    to be written, the default may not yet. A malformed file is a usage error."""
    from ..errors import InputError
    from ..report.review import default_path, load

    path = given or default_path(settings().review, root)
    try:
        entries, recorded = load(path, required=given is not None and not writing)
    except InputError as error:
        raise fail(str(error)) from None
    return path, entries, recorded


@app.command()
@pipeline_command(paths_required=False)
def review(
    context: typer.Context,
    finding: list[str] | None = typer.Option(
        None,
        "--finding",
        "-F",
        metavar="ID_OR_FINGERPRINT",
        show_default=False,
        help="The finding to review (repeatable): its id in the report (f3), its fingerprint, or 6 or more of "
        "the fingerprint's first characters.",
    ),
    status: ReviewStatus | None = typer.Option(
        None, "--status", "-s", help="The decision [default: note, where --note is given]."
    ),
    note: str | None = typer.Option(None, "--note", "-n", help="Why; replaces the note ('' removes it)."),
    by: str | None = typer.Option(None, "--by", help="Who decided [default: git's user.name, else the login name]."),
    clear: bool = typer.Option(False, "--clear", help="Remove the finding's entry from the review file."),
    listing: bool = typer.Option(
        False, "--list", help="List the review file's entries instead (no PATH needed: nothing is run)."
    ),
    format: Literal["text", "json"] = typer.Option("text", "--format", "-f", help="Of --list."),
    review_file: ReviewFile = None,
    *,
    options: RunOptions,
    progress: bool,
) -> None:
    """Mark findings as verified, false alarm or note, with who and when, in the review file that every report
    reads: the report shows each finding's review and hides false alarms. Findings are known by fingerprint,
    so a review holds on the next run, after articles are added."""
    from ..ci.fingerprint import project_root

    root = project_root()
    path, entries, recorded = read_review(review_file, root, writing=not listing)
    if listing:
        if finding or status or note is not None or clear:
            raise fail("--list takes no --finding, --status, --note or --clear")
        typer.echo(render_list(entries, format == "json"), nl=False)
        return
    if not finding:
        raise fail("give the finding to review with --finding (its id in the report, or its fingerprint), or --list")
    if clear and (status or note is not None):
        raise fail("--clear takes no --status or --note")
    if not clear and status is None and not note:
        raise fail(f"give --status ({', '.join(REVIEW_STATUSES)}) or a --note, or --clear")
    if not options.paths:
        raise fail("no PATH given, and no 'paths' in [tool.compare-sources] of pyproject.toml")
    corpus = run_pipeline(context, options, progress)
    entries, recorded, lines = _decide(corpus, root, entries, recorded, finding, status, note, by, clear, options)
    emit(_dumps(entries, recorded), path, "review file")
    for line in lines:
        typer.echo(line, err=True)


def _decide(
    corpus: Corpus,
    root: Path,
    entries: list[dict],
    recorded: dict,
    keys: list[str],
    status: ReviewStatus | None,
    note: str | None,
    by: str | None,
    clear: bool,
    options: RunOptions,
) -> tuple[list[dict], dict, list[str]]:
    """The entries with the decision applied to every finding ``keys`` name, the settings to record, and a line
    per finding for stderr. Every key is resolved before anything is written: a typo changes nothing."""
    from ..ci.baseline import entry
    from ..ci.check import recorded_settings
    from ..ci.fingerprint import involved_paths
    from ..ci.selection import Selection
    from ..errors import InputError
    from ..model import Review
    from ..report.review import clear as cleared
    from ..report.review import fingerprint_all, label, mark, now, resolve

    fingerprint_all(corpus, root)
    try:
        found = [resolve(corpus, key) for key in keys]
    except InputError as error:
        raise fail(f"--finding {error}") from None
    decision = None if clear else Review(status or "note", note or "", by if by is not None else reviewer(), now())
    lines = []
    for f in found:
        if decision is None:
            entries, removed = cleared(entries, f.fingerprint)
            lines.append(f"{f.id} {f.fingerprint[:12]}: " + ("review removed" if removed else "had no review"))
            continue
        fresh = entry(f.fingerprint, f, involved_paths(f, corpus, root))
        entries = mark(entries, fresh, decision, keep_note=note is None)
        lines.append(f"{f.id} {f.fingerprint[:12]}: {label(decision)}  ({f.message})")
    # A file that already records settings (a baseline made into a review file) keeps them: they say what
    # its accepted findings were found with.
    return entries, recorded or recorded_settings(corpus, Selection.of(options)), lines


def _dumps(entries: list[dict], recorded: dict) -> str:
    from ..ci.baseline import dumps

    return dumps(entries, recorded)


def reviewer() -> str:
    """Who is reviewing, as git knows them (the name their commits carry), else the login name, else ""."""
    import getpass
    import subprocess

    try:
        name = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        name = ""
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name: a container without a passwd entry
        return ""


def render_list(entries: list[dict], as_json: bool) -> str:
    """The reviewed entries, one line each (or a JSON list), and how many of each status."""
    from ..report.review import label, reviews

    found = reviews(entries)
    rows = [e for e in entries if e["fingerprint"] in found]
    if as_json:
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    lines = [f"{r['fingerprint'][:12]}  {label(found[r['fingerprint']])}  · {r.get('message', '')}" for r in rows]
    counts = ", ".join(f"{sum(r['review'] == s for r in rows)} {s}" for s in REVIEW_STATUSES)
    return "\n".join([*lines, f"{len(rows)} reviewed finding(s): {counts}"]) + "\n"
