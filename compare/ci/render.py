"""The formats of ``compare-sources check``: text, JSON, SARIF 2.1.0 and GitHub workflow annotations."""

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
    from .output import render_json, render_text

    return render_json(result) if fmt == "json" else render_text(result)
