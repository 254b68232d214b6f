"""The baseline file: findings a team has accepted, so that ``check`` fails only on new ones.

The flow is detect-secrets': ``compare-sources baseline PATH -o .compare-baseline.json``
accepts what exists now, the file is committed, ``check`` fails only on findings
whose fingerprint it does not hold, and ``baseline --update`` keeps the accepted
entries that still occur and drops the rest. Entries are matched by fingerprint
alone; the rest of an entry is there for the people reviewing it, and fields they
add (a ``"note"`` saying why it was accepted) survive ``--update``.

Entries are sorted by rule, documents and fingerprint, and the file carries no
timestamp, so that re-running on an unchanged corpus rewrites it byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from ..infra.files import read_json

VERSION = 1
TOOL = "compare-sources"


def entry(fingerprint: str, finding, paths: list[str]) -> dict:
    return {
        "fingerprint": fingerprint,
        "rule": finding.rule,
        "severity": finding.severity,
        "documents": paths,
        "message": finding.message,
    }


def dumps(entries: list[dict], settings: dict) -> str:
    ordered = sorted(entries, key=lambda e: (e["rule"], e["documents"], e["fingerprint"]))
    return (
        json.dumps(
            {"version": VERSION, "tool": TOOL, "settings": settings, "findings": ordered}, ensure_ascii=False, indent=2
        )
        + "\n"
    )


def read(path: Path) -> list[dict]:
    """The entries of a baseline file; a missing or malformed file is an input error naming it."""
    data = read_json(path, "baseline", missing="no such baseline file (create it with 'compare-sources baseline')")
    if not isinstance(data, dict) or data.get("tool") != TOOL or not isinstance(data.get("findings"), list):
        raise InputError(str(path), "not a compare-sources baseline")
    if data.get("version") != VERSION:
        raise InputError(str(path), f"baseline version {data.get('version')!r} is not supported (expected {VERSION})")
    entries = data["findings"]
    if not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries):
        raise InputError(str(path), "not a compare-sources baseline: every finding needs a fingerprint")
    return entries


def update(old: list[dict], current: dict[str, dict]) -> tuple[list[dict], list[dict]]:
    """(kept, dropped): old entries that still occur, refreshed from ``current``, and those that do not.

    Fields a person added to an entry are kept; the tool's own fields are refreshed,
    so a message that now counts one more source is up to date.
    """
    kept, dropped = [], []
    for item in old:
        fresh = current.get(item["fingerprint"])
        if fresh is None:
            dropped.append(item)
        else:
            kept.append({**item, **fresh})
    return kept, dropped
