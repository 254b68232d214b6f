"""The formats of ``compare-sources check``: text, JSON, JSON Lines, SARIF 2.1.0, GitHub workflow annotations,
GitLab code quality and JUnit XML."""

from __future__ import annotations

from . import CheckFormat
from .check import CheckResult


def render_check(result: CheckResult, fmt: CheckFormat) -> str:
    """The check result in ``fmt``; each format's module is imported only when asked for."""
    if fmt == "sarif":
        from .sarif import render_sarif

        return render_sarif(result)
    if fmt == "github":
        from .annotations import render_annotations

        return render_annotations(result)
    if fmt == "gitlab":
        from .gitlab import render_gitlab

        return render_gitlab(result)
    if fmt == "junit":
        from .junit import render_junit

        return render_junit(result)
    from .output import render_json, render_json_lines, render_text

    return {"json": render_json, "json-lines": render_json_lines}.get(fmt, render_text)(result)
