"""``compare-sources eval`` (labelled edits of articles) and ``score`` (gold labels of real coverage)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, get_args

import typer

from .app import (
    EXIT_FINDINGS,
    CacheDir,
    Disable,
    Model,
    NoCache,
    Output,
    Severity,
    SuiteChoice,
    Threshold,
    app,
    emit,
    fail,
    run_options,
    run_pipeline,
    services,
    settings,
)

SUITE_CHOICES: tuple[str, ...] = get_args(SuiteChoice)  # the suites, then "all"


def _suites(values: list[str]) -> list[str]:
    """A list option of choices (typer takes no list of a Literal): each value checked here."""
    wrong = [v for v in values if v not in SUITE_CHOICES]
    if wrong:
        raise typer.BadParameter(f"{', '.join(wrong)} is not one of {', '.join(SUITE_CHOICES)}")
    return values


@app.command(name="eval")
def evaluate(
    context: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[PATH]...",
            show_default=False,
            help="Articles to make the labelled copies from [default: ./seeds].",
        ),
    ] = None,
    suite: list[str] = typer.Option(
        ["all"],
        "--suite",
        "-s",
        metavar="[" + "|".join(SUITE_CHOICES) + "]",
        callback=_suites,
        help="What to measure (repeatable): detector suites, alignment recall, or all.",
    ),
    seed: int = typer.Option(0, "--seed", help="Seed of the edits: the same seed gives the same labelled corpus."),
    variants: int = typer.Option(2, "--variants", min=1, help="Edited copies per edit site."),
    limit: int | None = typer.Option(
        None, "--limit", min=1, help="Edit sites per kind and article [default: the suite's]."
    ),
    json_output: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    output: Output = None,
    model: Model = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
) -> None:
    """Measure the detectors and the alignment on labelled edits of the articles (precision, recall, F1)."""
    import json

    from ..errors import InputError
    from ..evaluation import ALL_SUITES
    from ..evaluation.suites import evaluate as run_suites
    from ..evaluation.suites import format_text
    from ..pipeline import load_documents

    chosen = list(ALL_SUITES) if "all" in suite else list(dict.fromkeys(suite))
    folder = paths or [Path("seeds")]
    options = run_options(settings(), folder, model=model, cache_dir=cache_dir, no_cache=no_cache)
    try:
        documents, skipped = load_documents(folder)
    except InputError as error:
        raise fail(str(error)) from None
    for item in skipped:
        typer.echo(f"compare-sources: skipped {item.path}: {item.reason}", err=True)
    result = run_suites(
        documents, services(context).make_embedder(options), chosen, seed=seed, variants=variants, limit=limit
    )
    content = json.dumps(result, ensure_ascii=False, indent=2) + "\n" if json_output else format_text(result)
    emit(content, output, "figures")


@app.command()
def score(
    context: typer.Context,
    gold: Annotated[
        list[Path],
        typer.Argument(
            metavar="GOLD...", show_default=False, help="Gold files of real-coverage corpora (corpora/*/gold.json)."
        ),
    ],
    corpora: Path | None = typer.Option(
        None,
        "--corpora",
        envvar="COMPARE_SOURCES_CORPORA",
        help="Folder holding each story's articles in a subfolder named after the story (rebuilt from corpora/*/retrieval.tsv).",
    ),
    report_file: Path | None = typer.Option(
        None, "--report", help="Score this JSON report instead of running the pipeline (one gold file)."
    ),
    check_only: bool = typer.Option(
        False, "--check", help="Only check that the articles carry every labelled string; exit 1 if one does not."
    ),
    min_severity: Severity = typer.Option("info", "--min-severity", help="Leave out findings below this severity."),
    json_output: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    output: Output = None,
    model: Model = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    threshold: Threshold = None,
    disable: Disable = None,
) -> None:
    """Score reports against the gold labels of real coverage: recall and precision per kind, every miss listed."""
    import json

    from ..errors import InputError
    from ..evaluation import real
    from ..evaluation.labels import load_gold
    from ..evaluation.real_text import format_text
    from ..report.json_format import to_dict

    try:
        golds = [load_gold(path) for path in gold]
        if report_file is not None and len(golds) != 1:
            raise fail("--report scores one gold file at a time")
        if report_file is None and corpora is None:
            raise fail("where are the articles? give --corpora (or set COMPARE_SOURCES_CORPORA)")
        results, problems = [], 0
        for labels in golds:
            if report_file is not None:
                report_data = real.read_report(report_file)
            elif check_only:
                assert corpora is not None  # checked above
                report_data = real.read_articles(corpora / labels.story, labels)
            else:
                assert corpora is not None
                paths = real.article_paths(corpora / labels.story, labels)
                options = run_options(
                    settings(),
                    paths,
                    model=model,
                    cache_dir=cache_dir,
                    no_cache=no_cache,
                    threshold=threshold,
                    disable=disable,
                    exclude=[],
                )
                report_data = to_dict(run_pipeline(context, options))
            if check_only:
                found = real.missing(labels, real.ReportIndex(report_data).bodies())
                problems += len(found)
                typer.echo(
                    f"{labels.story}: "
                    + ("every labelled string found" if not found else f"{len(found)} labelled strings missing")
                )
                for line in found:
                    typer.echo(f"  {line}")
                continue
            results.append(real.score(report_data, labels, min_severity=min_severity))
    except InputError as error:
        raise fail(str(error)) from None
    if check_only:
        raise typer.Exit(EXIT_FINDINGS if problems else 0)
    content = (
        json.dumps({"stories": results, "total": real.totals(results)}, ensure_ascii=False, indent=2) + "\n"
        if json_output
        else format_text(results)
    )
    emit(content, output, "scores")
