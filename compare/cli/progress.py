"""The progress display on stderr: one line for the stage under way, and nothing when stderr is not a terminal.

Every stage of the pipeline says when it starts (:data:`compare.pipeline.StageProgress`),
so the line never stands still on a finished one: on 150 articles it used to show
"reading articles 150/150" through the per-article analysis and the model's
loading. A stage with something to count (files, articles, statements,
detectors) gets a bar; one without (loading the model, the neighbour search) a
moving bar and its seconds. Only the current stage is shown, and the line is
gone when the run ends.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress

    from ..pipeline import StageProgress

LABELS = {
    "read": "reading articles",
    "fetch": "fetching pages",
    "documents": "analysing articles",
    "facts": "placing facts",
    "copies": "finding copies",
    "model": "loading the model",
    "embed": "encoding statements",
    "align": "searching neighbours",
    "detect": "running detectors",
}


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def progress_reporter(enabled: bool) -> tuple[Progress | None, StageProgress | None]:
    """A rich progress display on stderr and the ``progress`` the pipeline calls, or (None, None) when it is
    switched off or stderr is not a terminal (a log or a pipe gets no progress at all)."""
    if not enabled or not stderr_is_terminal():
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

    display = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[count]}"),
        TimeElapsedColumn(),
        console=Console(stderr=True, force_terminal=True),  # only made where stderr is a terminal
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def update(stage: str, done: int, total: int) -> None:
        count = f"{done}/{total}" if total else ""
        if stage not in tasks:
            for earlier in tasks.values():  # one line: the stage under way
                display.update(earlier, visible=False)
            tasks[stage] = display.add_task(LABELS.get(stage, stage), total=total or None, count=count)
            display.refresh()  # shown now, however short the stage
            return
        display.update(tasks[stage], completed=done, total=total or None, count=count)

    return display, update
