"""``report``'s filters, sort and limit on the command line, and the first screen of a large corpus."""

import json
import re

import jsonschema
import pytest

from compare.schemas import load
from conftest import SEEDS

FINDING = re.compile(r"(error|warning|info) +CS\d{3} ")


def test_at_150_articles_the_first_finding_is_on_the_first_screen(cli, tmp_path):
    from benchmarks import synthetic

    folder = tmp_path / "corpus"
    synthetic.write(folder, 150)
    result = cli.invoke("report", folder, "--no-progress")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) > 1000  # a report long enough for its order to matter
    first = next(n for n, line in enumerate(lines) if FINDING.match(line))
    assert first < 40, "\n".join(lines[:45])
    assert lines[0].startswith("150 documents, ") and "--documents lists them" in lines[-1]


def test_filters_narrow_every_format_and_the_json_stays_valid(cli, tmp_path):
    out = tmp_path / "all.json"
    assert cli.invoke("report", SEEDS, "-o", out).exit_code == 0
    everything = json.loads(out.read_text())["findings"]
    narrowed = tmp_path / "some.json"
    result = cli.invoke("report", SEEDS, "-o", narrowed, "--severity", "warning", "--kind", "mt_artefact",
                        "--document", "002")
    assert result.exit_code == 0, result.output
    data = json.loads(narrowed.read_text())
    jsonschema.validate(data, load("report-v1"))
    expected = [f["id"] for f in everything if f["severity"] != "info" and f["kind"] == "mt_artefact"
                and any(e["doc"].startswith("002_") for e in f["evidence"])]
    assert expected and [f["id"] for f in data["findings"]] == expected
    assert len(data["documents"]) == 5  # the rest of the report is whole


def test_kind_accepts_rule_codes_and_narrows_select(cli):
    by_code = cli.invoke("report", SEEDS, "--kind", "CS3", "--format", "markdown").stdout
    by_kind = cli.invoke("report", SEEDS, "--kind", "mt_artefact", "--format", "markdown").stdout
    findings = [line for line in by_code.splitlines() if line.startswith("- **")]
    assert findings and all("`CS3" in line for line in findings)
    assert findings == [line for line in by_kind.splitlines() if line.startswith("- **")]
    # --kind never brings back what --select left out
    result = cli.invoke("report", SEEDS, "--select", "CS1", "--kind", "mt_artefact", "--format", "markdown")
    assert result.exit_code == 0 and not [line for line in result.stdout.splitlines() if line.startswith("- **")]


def test_sort_and_limit_lay_out_the_text_report(cli):
    result = cli.invoke("report", SEEDS, "--sort", "sources", "--limit", "2")
    assert result.exit_code == 0, result.output
    assert len([line for line in result.stdout.splitlines() if FINDING.match(line)]) == 2
    assert "the first 2 of" in result.stdout and "sorted by sources" in result.stdout


@pytest.mark.parametrize("args, fragment", [
    (["--severity", "loud"], "--severity: 'loud' is not a severity"),
    (["--kind", "gossip"], "--kind: 'gossip' is neither a kind"),
    (["--kind", "CS9"], "--kind: CS9 selects no rule"),
    (["--document", "nobody"], "--document: 'nobody' names no document"),
    (["--limit", "0"], "--limit"),
    (["--sort", "colour"], "--sort"),
    (["--format", "json", "--limit", "3"], "--limit: lay out the text and Markdown reports"),
    (["-o", "r.html", "--sort", "sources"], "--sort: lay out the text and Markdown reports"),
])
def test_bad_view_flags_are_one_line_and_exit_2(cli, tmp_path, monkeypatch, args, fragment):
    monkeypatch.chdir(tmp_path)
    result = cli.invoke("report", SEEDS, *args)
    assert result.exit_code == 2, result.output
    assert fragment in result.stderr and "Traceback" not in result.output
