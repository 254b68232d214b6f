"""``compare-sources detectors``: what each registered detector reads and adds."""

from __future__ import annotations

import typer

from .app import app


@app.command()
def detectors() -> None:
    """List the detectors, what they read and which finding kinds they add."""
    from ..detect import registry

    found = registry()
    if not found:
        typer.echo("no detectors registered")
    for detector in found.values():
        typer.echo(f"{detector.name}: {detector.description}")
        typer.echo(f"    needs: {', '.join(detector.needs)}; adds: {', '.join(detector.rules)}")
