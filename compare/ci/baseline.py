"""The baseline file: findings a team has accepted, so that ``check`` fails only on new ones.

The flow is detect-secrets': ``compare-sources baseline PATH -o .compare-baseline.json``
accepts what exists now, the file is committed, ``check`` fails only on findings
whose fingerprint it does not hold, and ``baseline --update`` keeps the accepted
entries that still occur and drops the rest. Entries are matched by fingerprint
alone; the rest of an entry is there for the people reviewing it, and fields they
add (a ``"note"`` saying why it was accepted, ``"audited"`` set by ``audit``)
survive ``--update``. So do the entries of rules the run does not examine (a
detector switched off, a rule not selected): nothing says they stopped occurring.

The file records the settings it was made with (model, threshold, disabled
detectors, rule selection); ``check`` warns when its own differ, since other
settings find other findings and the baseline's would then look new or vanish.

Entries are sorted by rule, documents and fingerprint, and the file carries no
timestamp, so that re-running on an unchanged corpus rewrites it byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..infra.files import read_json
from .rules import code_of

VERSION = 1
TOOL = "compare-sources"


def entry(fingerprint: str, finding, paths: list[str]) -> dict:
    return {
        "fingerprint": fingerprint,
        "rule": finding.rule,
        "code": code_of(finding.rule),
        "severity": finding.severity,
        "documents": paths,
        "message": finding.message,
    }


def _order(e: dict) -> tuple[str, list[str], str]:
    # A hand-edited entry may lack the fields a reviewer reads: it sorts first rather than crash the write.
    documents = e.get("documents")
    return str(e.get("rule", "")), [str(d) for d in documents] if isinstance(documents, list) else [], e["fingerprint"]


def dumps(entries: list[dict], settings: dict) -> str:
    ordered = sorted(entries, key=_order)
    return (
        json.dumps(
            {"version": VERSION, "tool": TOOL, "settings": settings, "findings": ordered}, ensure_ascii=False, indent=2
        )
        + "\n"
    )


@dataclass
class Baseline:
    entries: list[dict]
    settings: dict = field(default_factory=dict)  #: as recorded; {} in a file that has none


def read(path: Path) -> list[dict]:
    """The entries of a baseline file; a missing or malformed file is an input error naming it."""
    return load(path).entries


def load(path: Path, what: str = "baseline", create: str = "compare-sources baseline") -> Baseline:
    """A baseline file's entries and settings; a missing or malformed file is an input error naming it.

    ``what`` and ``create`` name the file in those errors: a review file (compare/report/review.py) is read here
    too, being one."""
    data = read_json(path, what, missing=f"no such {what} file (create it with '{create}')")
    if not isinstance(data, dict) or data.get("tool") != TOOL or not isinstance(data.get("findings"), list):
        raise InputError(str(path), f"not a compare-sources {what}")
    if data.get("version") != VERSION:
        raise InputError(str(path), f"{what} version {data.get('version')!r} is not supported (expected {VERSION})")
    entries = data["findings"]
    if not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries):
        raise InputError(str(path), f"not a compare-sources {what}: every finding needs a fingerprint")
    recorded = data.get("settings")
    return Baseline(entries, recorded if isinstance(recorded, dict) else {})


#: The recorded settings ``check`` compares, with how its warning names them; a key the file lacks is not compared
#: (a baseline made before the key existed).
COMPARED = {
    "model": "model",
    "threshold": "threshold",
    "disabled_detectors": "disabled detectors",
    "select": "select",
    "ignore": "ignore",
    "per_file_ignores": "per-file-ignores",
}


def _shown(value: object) -> str:
    if isinstance(value, list):
        return ",".join(map(str, value)) or "none"
    if isinstance(value, dict):
        return "; ".join(f"{k}={','.join(map(str, v))}" for k, v in value.items()) or "none"
    return str(value)


def differences(recorded: dict, current: dict) -> list[str]:
    """``"threshold 0.63 → 0.7"`` for each compared setting the run does not share with the baseline."""
    return [
        f"{label} {_shown(recorded[key])} → {_shown(current.get(key))}"
        for key, label in COMPARED.items()
        if key in recorded and recorded[key] != current.get(key)
    ]


def settings_warning(path: Path, recorded: dict, current: dict) -> str | None:
    """The one line ``check`` and ``audit`` warn with when the run's settings are not the baseline's."""
    changes = differences(recorded, current)
    if not changes:
        return None
    return (
        f"{path} was made with other settings ({'; '.join(changes)}): findings it accepted may look new "
        "or vanish; re-run 'compare-sources baseline' with these settings"
    )


def update(
    old: list[dict], current: dict[str, dict], examined: Callable[[str], bool] = lambda rule: True
) -> tuple[list[dict], list[dict], int]:
    """(kept, dropped, unexamined): old entries that still occur, refreshed from ``current``, or whose rule this
    run does not ``examine`` (kept as they are: how many is the third value); and those that no longer occur.

    Fields a person added to an entry are kept; the tool's own fields are refreshed,
    so a message that now counts one more source is up to date.
    """
    kept, dropped, unexamined = [], [], 0
    for item in old:
        fresh = current.get(item["fingerprint"])
        if fresh is None and not examined(str(item.get("rule", ""))):
            kept.append(item)
            unexamined += 1
        elif fresh is None:
            dropped.append(item)
        else:
            kept.append({**item, **fresh})
    return kept, dropped, unexamined
