"""SARIF 2.1.0 for GitHub code scanning (``check --format sarif``).

What code scanning needs and this gives: one rule per ``kind/subkind`` with a
description (from the detector registry, so ``ruleId`` is stable), a
``region.startLine`` and columns for every result, relative paths with ``/``,
and ``partialFingerprints`` so that re-uploads update alerts instead of
duplicating them. Columns count Unicode code points (``columnKind``), as the
offsets do. Only new findings are results; accepted ones are absent, so their
alerts close. Each result is located in the file that brought the finding in
(:mod:`.primary`), and the other sources' evidence is its ``relatedLocations``.
The rule code (``CS101``, :mod:`.rules`) is the rule's ``properties.code``: the
``ruleId`` stays ``kind/subkind``, so alerts uploaded before codes existed keep
their identity. Tests validate the output against the official schema.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from .. import __version__
from ..detect import registry
from .check import CheckResult
from .fingerprint import SARIF_KEY
from .locate import Location
from .rules import code_of

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _physical(location: Location) -> dict:
    return {
        # A URI reference (RFC 3986): spaces, "#", "%" and non-ASCII letters percent-encoded, "/" kept.
        "artifactLocation": {"uri": quote(location.path, safe="/")},
        "region": {
            "startLine": location.start_line,
            "startColumn": location.start_column,
            "endLine": location.end_line,
            "endColumn": location.end_column,
            "snippet": {"text": location.text},
        },
    }


def rules() -> list[dict]:
    out = []
    for detector in registry().values():
        for rule_id, description in detector.rules.items():
            out.append(
                {
                    "id": rule_id,
                    "name": rule_id.replace("/", "_"),
                    "shortDescription": {"text": description.split(":")[0].rstrip(".")},
                    "fullDescription": {"text": description},
                    "help": {
                        "text": f"{description} Reported by the '{detector.name}' detector "
                        f"(switch it off with --disable {detector.name})."
                    },
                    "properties": {"detector": detector.name, "code": code_of(rule_id)},
                }
            )
    return out


def to_sarif(result: CheckResult) -> dict:
    table = rules()
    index = {rule["id"]: n for n, rule in enumerate(table)}
    results = []
    for r in result.with_status("new"):
        f = r.finding
        first, *related = r.locations or [Location(r.primary, "", 1, 1, 1, 1, "")]
        results.append(
            {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVELS[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": _physical(first)}],
                "relatedLocations": [
                    {"id": n, "physicalLocation": _physical(loc), "message": {"text": loc.text}}
                    for n, loc in enumerate(related, start=1)
                ],
                "partialFingerprints": {SARIF_KEY: r.fingerprint},
                "baselineState": "new",
                "properties": {"severity": f.severity, "code": r.code, "paths": r.paths, "fails": r.fails},
            }
        )
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "compare-sources", "version": __version__, "rules": table}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(result: CheckResult) -> str:
    return json.dumps(to_sarif(result), ensure_ascii=False, indent=2) + "\n"
