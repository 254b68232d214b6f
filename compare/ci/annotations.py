"""GitHub Actions workflow commands (``check --format github``).

``::error file=PATH,line=N,endLine=N,col=N,endColumn=N,title=T::message`` puts
the finding on the article's line in the pull request. An annotation alone does
not fail a job; the exit code does. Values are escaped as the runner expects:
``%``, CR and LF everywhere, and also ``:`` and ``,`` inside properties.
"""

from __future__ import annotations

from .check import CheckResult
from .output import summary

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_annotations(result: CheckResult) -> str:
    lines = []
    for r in result.with_status("new"):
        f = r.finding
        properties: dict[str, str | int] = {"title": f"compare-sources {f.rule}"}
        if r.locations:
            loc = r.locations[0]
            properties = {
                "file": loc.path,
                "line": loc.start_line,
                "endLine": loc.end_line,
                "col": loc.start_column,
                "endColumn": loc.end_column,
                **properties,
            }
        else:
            properties = {"file": r.paths[0], **properties}
        props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
        message = f.message
        if len(r.locations) > 1:
            message += "\n" + "\n".join(f"{loc.path}:{loc.start_line}: “{loc.text}”" for loc in r.locations[1:])
        lines.append(f"::{COMMANDS[f.severity]} {props}::{escape_data(message)}")
    lines.append(summary(result))
    return "\n".join(lines) + "\n"
