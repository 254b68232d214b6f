"""``compare-sources rules``: every rule with its stable code, for --select, --ignore and per-file-ignores."""

from __future__ import annotations

import json
from typing import Literal

import typer

from .app import app


@app.command()
def rules(
    format: Literal["text", "json"] = typer.Option("text", "--format", "-f", help="text: a table; json: a list."),
) -> None:
    """List the rules: code, rule (kind/subkind), the detector that adds it and what it means."""
    from ..ci.rules import table

    found = table()
    if format == "json":
        typer.echo(json.dumps([vars(rule) for rule in found], ensure_ascii=False, indent=2))
        return
    width = max(len(rule.rule) for rule in found)
    for rule in found:
        typer.echo(f"{rule.code:<6} {rule.rule:<{width}}  {rule.description} [{rule.detector}]")
