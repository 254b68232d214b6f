"""JUnit XML (``check --format junit``), for CI systems that show test reports (GitLab, Jenkins, Azure).

One ``<testsuite>`` per file a new finding is reported on, one ``<testcase>`` per
finding, as ruff and SQLFluff write it: ``classname`` is the file, ``name`` the
rule code and rule, and the case holds a ``<failure>`` when the finding fails the
check (at or above ``--fail-on``); a new finding below it passes, its message in
``<system-out>``. With nothing new, one passing case says so, since some readers
reject an empty report. ``file`` and ``line`` on a test case are the common
extensions GitLab and ruff use. Tests validate the output against a JUnit XSD.
"""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from .check import Checked, CheckResult


def _case(r: Checked) -> ET.Element:
    f = r.finding
    first = r.locations[0] if r.locations else None
    where = f"{first.path}:{first.start_line}:{first.start_column}" if first else r.primary
    case = ET.Element("testcase", name=f"{r.code} {f.rule}", classname=r.primary, file=r.primary)
    if first:
        case.set("line", str(first.start_line))
    body = "\n".join(
        [f"{where}: {f.severity} {r.code} {f.rule} {f.message}"]
        + [f"    {loc.path}:{loc.start_line}:{loc.start_column}: “{loc.text}”" for loc in r.locations[1:]]
    )
    if r.fails:
        failure = ET.SubElement(case, "failure", message=f.message, type=f.severity)
        failure.text = body
    else:
        ET.SubElement(case, "system-out").text = body
    return case


def to_junit(result: CheckResult) -> ET.Element:
    new = result.with_status("new")
    by_file: dict[str, list[Checked]] = defaultdict(list)
    for r in new:
        by_file[r.primary].append(r)
    root = ET.Element(
        "testsuites", name="compare-sources", tests=str(max(len(new), 1)), failures=str(len(result.failing))
    )
    if not new:
        suite = ET.SubElement(root, "testsuite", name="compare-sources", tests="1", failures="0", errors="0")
        ET.SubElement(suite, "testcase", name="no new findings", classname="compare-sources")
    for path, checked in sorted(by_file.items()):
        failures = sum(r.fails for r in checked)
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(len(checked)), failures=str(failures), errors="0")
        suite.extend(_case(r) for r in checked)
    return root


def render_junit(result: CheckResult) -> str:
    root = to_junit(result)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
