"""Regenerate docs/cli.md from the commands' --help (tests/test_docs.py checks it is current).

    python scripts/cli_docs.py          # rewrite docs/cli.md
"""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from compare.cli import app

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def commands() -> list[str]:
    return sorted(typer.main.get_command(app).commands)


def help_text(args: list[str]) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], prog_name="compare-sources", terminal_width=100)
    return result.stdout.rstrip()


def render() -> str:
    parts = [
        "# Command-line reference",
        "",
        "Generated from `--help` by `python scripts/cli_docs.py`; a test fails when it is out of date.",
        "",
        "```",
        help_text([]),
        "```",
    ]
    for name in commands():
        parts += ["", f"## compare-sources {name}", "", "```", help_text([name]), "```"]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")
