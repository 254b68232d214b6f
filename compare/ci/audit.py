"""Going through a baseline's accepted findings (``compare-sources audit``), as detect-secrets' ``audit`` does.

Each entry is looked up in the current run: it *occurs* (with its current
locations), is *stale* (its rule was examined and it no longer occurs: ``baseline
--update`` would drop it) or *unexamined* (its detector is off or its rule not
selected in this run). A person's decisions are written into the baseline
itself, so that they travel with it: ``"audited": true`` once someone has looked
at an entry and kept it, a ``"note"`` saying why; an entry they reject is removed,
so that ``check`` reports the finding again. ``--update`` keeps both fields.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..model import Corpus
from .check import Checked, check
from .output import where
from .rules import code_of
from .selection import Selection

Status = Literal["occurs", "stale", "unexamined"]


@dataclass
class Audited:
    entry: dict  #: the baseline entry, as read (and as a decision changes it)
    status: Status
    current: Checked | None  #: the finding in this run, where it occurs

    @property
    def audited(self) -> bool:
        return self.entry.get("audited") is True


def look_up(entries: list[dict], corpus: Corpus, root: Path, selection: Selection) -> list[Audited]:
    """Every entry with its status in this run, in the baseline's order."""
    result = check(corpus, root, accepted={e["fingerprint"] for e in entries}, fail_on="info", selection=selection)
    current = {r.fingerprint: r for r in result.results}
    found = []
    for entry in entries:
        checked = current.get(entry["fingerprint"])
        if checked is not None:
            found.append(Audited(entry, "occurs", checked))
        else:
            examined = selection.examines(str(entry.get("rule", "")))
            found.append(Audited(entry, "stale" if examined else "unexamined", None))
    return found


def _code(entry: dict) -> str:
    # A baseline made before rule codes existed has none written: the rule gives it.
    return str(entry.get("code") or code_of(str(entry.get("rule", ""))))


def _documents(entry: dict) -> list[str]:
    documents = entry.get("documents")
    return [str(d) for d in documents] if isinstance(documents, list) else []


def describe(item: Audited) -> list[str]:
    """What a person needs to decide on an entry: rule, status, message, where it is, and the note so far."""
    e = item.entry
    status = {"occurs": "still occurs", "stale": "no longer occurs", "unexamined": "not examined in this run"}
    head = f"{_code(e)} {e.get('rule', '')} ({e.get('severity', '')}) · {status[item.status]}"
    lines = [head + (" · audited" if item.audited else ""), str(e.get("message", ""))]
    if item.current is not None and item.current.locations:
        lines += [f"  {where(loc)}: “{loc.text}”" for loc in item.current.locations]
    else:
        lines += [f"  {path}" for path in _documents(e)]
    if e.get("note"):
        lines.append(f"note: {e['note']}")
    return lines


def row(item: Audited) -> dict:
    e = item.entry
    return {
        "fingerprint": e["fingerprint"],
        "code": _code(e),
        "rule": e.get("rule", ""),
        "severity": e.get("severity", ""),
        "status": item.status,
        "audited": item.audited,
        "note": e.get("note", ""),
        "documents": _documents(e),
        "message": e.get("message", ""),
    }


def render_report(items: list[Audited], as_json: bool) -> str:
    """Every entry, one line each (or a JSON list): for scripts and reviews (``audit --report``)."""
    rows = [row(item) for item in items]
    if as_json:
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    lines = [
        f"{r['fingerprint'][:12]}  {r['code'] or '-':<5}  {r['status']:<10}  "
        f"{'audited' if r['audited'] else 'unaudited':<9}  {r['message']}"
        + (f"  [note: {r['note']}]" if r["note"] else "")
        for r in rows
    ]
    return "\n".join([*lines, summary(items)]) + "\n"


def stats(items: list[Audited]) -> list[dict]:
    """Entries per rule code: how many, how many audited, how many stale (``audit --stats``)."""
    table: dict[str, dict] = {}
    for item in items:
        code = _code(item.entry)
        counts = table.setdefault(
            code, {"code": code, "rule": item.entry.get("rule", ""), "entries": 0, "audited": 0, "stale": 0}
        )
        counts["entries"] += 1
        counts["audited"] += item.audited
        counts["stale"] += item.status == "stale"
    return sorted(table.values(), key=lambda counts: counts["code"])


def render_stats(items: list[Audited], as_json: bool) -> str:
    rows = stats(items)
    if as_json:
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    width = max((len(str(r["rule"])) for r in rows), default=0)
    lines = [
        f"{r['code'] or '-':<5}  {r['rule']:<{width}}  {r['entries']:3d} entries  {r['audited']:3d} audited  "
        f"{r['stale']:3d} stale"
        for r in rows
    ]
    return "\n".join([*lines, summary(items)]) + "\n"


def summary(items: list[Audited]) -> str:
    count = sum(item.audited for item in items)
    stale = sum(item.status == "stale" for item in items)
    return f"{len(items)} accepted finding(s): {count} audited, {len(items) - count} unaudited, {stale} stale"
