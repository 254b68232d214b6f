"""GitHub Actions workflow commands (``check --format github``).

``::error file=PATH,line=N,endLine=N,col=N,endColumn=N,title=T::message`` puts
the finding on the article's line in the pull request. An annotation alone does
not fail a job; the exit code does. Values are escaped as the runner expects:
``%``, CR and LF everywhere, and also ``:`` and ``,`` inside properties.

The annotation sits on the file that brought the finding in (:mod:`.primary`), so
that it shows in the pull request that added it; the other sources' words follow
in the message, since an annotation has one file only.
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
        properties: dict[str, str | int] = {"title": f"compare-sources {r.code} {f.rule}"}
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
            properties = {"file": r.primary, **properties}
        props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
        message = f.message
        others = [f"{loc.path}:{loc.start_line}: “{loc.text}”" for loc in r.locations[1:]]
        located = {loc.path for loc in r.locations} | {r.primary}
        others += [path for path in r.paths if path not in located]  # involved by a statement, with no evidence span
        if others:
            message += "\nSee also:\n" + "\n".join(others)
        lines.append(f"::{COMMANDS[f.severity]} {props}::{escape_data(message)}")
    lines.append(summary(result))
    return "\n".join(lines) + "\n"
