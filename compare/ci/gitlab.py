"""GitLab code-quality report (``check --format gitlab``), for the merge-request widget.

GitLab reads a JSON array of issues (a subset of Code Climate's format): each
with ``description``, ``check_name``, ``fingerprint``, ``severity`` (``info``,
``minor``, ``major``, ``critical`` or ``blocker``) and ``location.path`` with
``location.lines.begin``. Only new findings are issues, as in SARIF: GitLab
compares the report with the target branch's to say which issues a merge request
brings. The fingerprint is the finding's, so an issue keeps its identity from one
pipeline to the next. Tests validate the output against a schema of these fields.
"""

from __future__ import annotations

import json

from .check import CheckResult

#: compare-sources severity → GitLab's. A contradiction between sources is "major" (as ruff reports every rule);
#: nothing here blocks a merge by itself, which is the exit code's job.
SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def to_gitlab(result: CheckResult) -> list[dict]:
    issues = []
    for r in result.with_status("new"):
        f = r.finding
        first = r.locations[0] if r.locations else None
        others = [f"{loc.path}:{loc.start_line}: “{loc.text}”" for loc in r.locations[1:]]
        issues.append(
            {
                "type": "issue",
                "check_name": r.code or f.rule,
                "description": f"{r.code} {f.rule}: {f.message}",
                "content": {"body": "\n".join(others)} if others else None,
                "categories": ["Bug Risk"],
                "fingerprint": r.fingerprint,
                "severity": SEVERITIES[f.severity],
                "location": {
                    "path": first.path if first else r.primary,
                    "lines": {"begin": first.start_line if first else 1, "end": first.end_line if first else 1},
                },
            }
        )
    return [{k: v for k, v in issue.items() if v is not None} for issue in issues]


def render_gitlab(result: CheckResult) -> str:
    return json.dumps(to_gitlab(result), ensure_ascii=False, indent=2) + "\n"
