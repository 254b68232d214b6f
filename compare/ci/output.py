"""``compare-sources check``'s text output (one line a finding, as ruff's concise output) and JSON.

Only *new* findings are listed in text (and in SARIF and annotations, which have
their own modules); the JSON lists every finding with its status, for scripts.
:mod:`.render` picks the format.
"""

from __future__ import annotations

import json

from .. import __version__
from ..model import SEVERITIES
from .check import Checked, CheckResult
from .locate import Location


def render_json(result: CheckResult) -> str:
    return json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\n"


def summary(result: CheckResult) -> str:
    """One line: how many new findings, how many fail, how many were set aside and why."""
    new = result.with_status("new")
    by_severity = ", ".join(f"{sum(r.finding.severity == s for r in new)} {s}" for s in SEVERITIES)
    line = (
        f"{len(new)} new finding{'s' if len(new) != 1 else ''} ({by_severity}); "
        f"{len(result.failing)} at or above --fail-on {result.fail_on}"
    )
    accepted = result.with_status("accepted")
    if result.baseline is not None:
        line += f"; {len(accepted)} accepted in {result.baseline}"
    if result.since is not None:
        line += (
            f"; {len(result.with_status('outside'))} not involving the {len(result.changed_documents)} "
            f"article(s) changed since {result.since}"
        )
    return line


def _where(location: Location) -> str:
    return f"{location.path}:{location.start_line}:{location.start_column}"


def render_text(result: CheckResult) -> str:
    lines = []
    for r in result.with_status("new"):
        f = r.finding
        first = r.locations[0] if r.locations else None
        lines.append(f"{_where(first) if first else r.paths[0]}: {f.severity} {f.rule} {f.message}")
        lines += [f"    {_where(loc)}: “{loc.text}”" for loc in r.locations[1:]]
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def _location_dict(location: Location) -> dict:
    return {
        "path": location.path,
        "doc": location.doc,
        "start_line": location.start_line,
        "start_column": location.start_column,
        "end_line": location.end_line,
        "end_column": location.end_column,
        "text": location.text,
    }


def _checked_dict(r: Checked) -> dict:
    f = r.finding
    return {
        "fingerprint": r.fingerprint,
        "status": r.status,
        "fails": r.fails,
        "rule": f.rule,
        "kind": f.kind,
        "subkind": f.subkind,
        "severity": f.severity,
        "message": f.message,
        "paths": r.paths,
        "locations": [_location_dict(loc) for loc in r.locations],
        "data": f.data.to_dict(),
    }


def to_dict(result: CheckResult) -> dict:
    return {
        "schema_version": 1,
        "tool": {"name": "compare-sources", "version": __version__},
        "fail_on": result.fail_on,
        "baseline": result.baseline,
        "since": result.since,
        "changed": result.changed_documents if result.since is not None else None,
        "summary": {
            "new": len(result.with_status("new")),
            "failing": len(result.failing),
            "accepted": len(result.with_status("accepted")),
            "outside": len(result.with_status("outside")),
        },
        "findings": [_checked_dict(r) for r in result.results],
    }
