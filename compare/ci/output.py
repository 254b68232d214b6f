"""``compare-sources check``'s text output (one line a finding, as ruff's concise output), JSON, JSON Lines
and ``--statistics``.

Only *new* findings are listed in text (and in SARIF, annotations, GitLab and
JUnit, which have their own modules); JSON and JSON Lines list every finding with
its status, for scripts.
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


def render_json_lines(result: CheckResult) -> str:
    """One finding per line, each as ``json`` writes it: for grep, jq and streaming readers."""
    return "".join(json.dumps(_checked_dict(r), ensure_ascii=False) + "\n" for r in result.results)


def statistics(result: CheckResult) -> list[dict]:
    """New findings per rule code, the most frequent first (``check --statistics``, as ruff's)."""
    counts: dict[str, dict] = {}
    for r in result.with_status("new"):
        row = counts.setdefault(r.code, {"code": r.code, "rule": r.finding.rule, "count": 0, "failing": 0})
        row["count"] += 1
        row["failing"] += r.fails
    return sorted(counts.values(), key=lambda row: (-row["count"], row["code"]))


def render_statistics(result: CheckResult, as_json: bool = False) -> str:
    rows = statistics(result)
    if as_json:
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    width = max((len(row["rule"]) for row in rows), default=0)
    lines = [f"{row['count']:5d}  {row['code']}  {row['rule']:<{width}}  {row['failing']} failing" for row in rows]
    return "\n".join([*lines, summary(result)]) + "\n"


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


def where(location: Location) -> str:
    return f"{location.path}:{location.start_line}:{location.start_column}"


def render_text(result: CheckResult) -> str:
    lines = []
    for r in result.with_status("new"):
        f = r.finding
        first = r.locations[0] if r.locations else None
        lines.append(f"{where(first) if first else r.primary}: {f.severity} {r.code} {f.rule} {f.message}")
        lines += [f"    {where(loc)}: “{loc.text}”" for loc in r.locations[1:]]
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
        "code": r.code,
        "kind": f.kind,
        "subkind": f.subkind,
        "severity": f.severity,
        "message": f.message,
        "paths": r.paths,
        "reported_on": r.primary,
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
