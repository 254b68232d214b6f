"""compare-sources rules, and choosing rules by code: --select, --ignore, per-file-ignores; --exclude."""

import json

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from compare.ci.rules import CODES, selected, table
from compare.cli import app
from compare.detect import registry

#: The codes as first assigned. A code must never change or be reused: pyproject files, baselines and CI logs
#: name them. A new rule is appended here and in compare/ci/rules.py.
ASSIGNED = {
    "CS101": "discrepancy/count", "CS102": "discrepancy/date", "CS103": "discrepancy/time",
    "CS104": "discrepancy/place", "CS105": "discrepancy/role", "CS106": "discrepancy/attribution",
    "CS107": "discrepancy/headline", "CS108": "discrepancy/measure",
    "CS201": "name_variant/diacritics", "CS202": "name_variant/truncation",
    "CS301": "mt_artefact/transliteration", "CS302": "mt_artefact/case_ending", "CS303": "mt_artefact/encoding",
    "CS304": "mt_artefact/acronym", "CS305": "mt_artefact/garbled", "CS306": "mt_artefact/untranslated",
    "CS307": "mt_artefact/mojibake", "CS401": "provenance/machine_translation", "CS402": "provenance/translation",
    "CS501": "translation_change/number", "CS502": "translation_change/date", "CS503": "translation_change/name",
    "CS504": "translation_change/negation", "CS505": "translation_change/dropped", "CS506": "translation_change/added",
    "CS203": "name_variant/spelling", "CS308": "mt_artefact/run_together", "CS309": "mt_artefact/spun",
    "CS310": "mt_artefact/calque", "CS109": "discrepancy/claim", "CS110": "discrepancy/condition",
    "CS111": "discrepancy/declared",
    "CS204": "name_variant/misspelt", "CS112": "discrepancy/agent", "CS311": "mt_artefact/translated_name",
    "CS113": "discrepancy/departure",
}


def test_codes_are_stable_unique_and_cover_every_registered_rule():
    assert {code: rule for rule, code in CODES.items()} == ASSIGNED
    assert len(set(CODES.values())) == len(CODES)
    registered = {rule for detector in registry().values() for rule in detector.rules}
    assert registered == set(CODES), "a new rule needs the next free code of its family in compare/ci/rules.py"


def test_rules_lists_every_rule_and_the_docs_do_too():
    result = CliRunner().invoke(app, ["rules"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [[r.code, r.rule] for r in table()]
    data = json.loads(CliRunner().invoke(app, ["rules", "--format", "json"]).stdout)
    assert data[0] == {"code": "CS101", "rule": "discrepancy/count", "detector": "discrepancy",
                       "description": registry()["discrepancy"].rules["discrepancy/count"]}
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    for rule in table():
        assert f"| `{rule.code}` | `{rule.rule}` |" in docs


@pytest.mark.parametrize("code, select, ignore, expected", [
    ("CS104", (), (), True),
    ("CS104", ("CS1",), (), True),
    ("CS304", ("CS1",), (), False),
    ("CS104", ("CS1",), ("CS104",), False),  # the more specific wins
    ("CS104", ("CS104",), ("CS1",), True),
    ("CS104", ("CS1",), ("CS1",), False),  # a tie: ignore wins
    ("CS104", ("ALL",), ("CS",), False),
    ("CS104", (), ("ALL",), False),
    ("CS104", ("CS10",), ("ALL",), True),
])
def test_selection_follows_ruff(code, select, ignore, expected):
    assert selected(code, select, ignore) is expected


def codes(cli, *args):
    result = cli.invoke("check", "corpus", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return {f["code"] for f in json.loads(result.stdout)["findings"]}, result


def test_select_and_ignore_on_check(cli, corpus_repo):
    everything, _ = codes(cli)
    assert {"CS104", "CS305", "CS401"} <= everything
    assert codes(cli, "--select", "CS3")[0] == {c for c in everything if c.startswith("CS3")}
    assert codes(cli, "--ignore", "CS3", "--ignore", "CS4")[0] == {c for c in everything if c < "CS3"}
    assert codes(cli, "--select", "CS1", "--select", "CS305")[0] == {"CS104", "CS305"}
    found, result = codes(cli, "--select", "CS4")
    assert found == {"CS401", "CS402"} and result.exit_code == 1  # the machine-translation note is a warning
    assert cli.invoke("check", "corpus", "--select", "CS402").exit_code == 0  # an info only


def test_select_on_report_and_baseline(cli, corpus_repo):
    data = json.loads(cli.invoke("report", "corpus", "--format", "json", "--select", "CS104").stdout)
    assert [f["kind"] + "/" + f["subkind"] for f in data["findings"]] == ["discrepancy/place"]
    assert cli.invoke("baseline", "corpus", "--ignore", "CS1").exit_code == 0
    baseline = json.loads((corpus_repo / ".compare-baseline.json").read_text())
    assert baseline["settings"]["ignore"] == ["CS1"] and baseline["settings"]["select"] == ["ALL"]
    assert not any(e["code"].startswith("CS1") for e in baseline["findings"])
    assert all(e["code"] for e in baseline["findings"])


def test_per_file_ignores_match_the_file_a_finding_is_reported_on(cli, corpus_repo):
    (corpus_repo / "pyproject.toml").write_text(
        '[tool.compare-sources]\npaths = ["corpus"]\n'
        '[tool.compare-sources.per-file-ignores]\n"corpus/002_*" = ["CS3"]\n"004_89b3097603270220.txt" = ["CS2"]\n')
    data = json.loads(cli.invoke("check", "--format", "json").stdout)
    reported = {(f["code"], f["reported_on"].split("/")[-1][:3]) for f in data["findings"]}
    assert not any(code.startswith("CS3") and doc == "002" for code, doc in reported)
    assert not any(code.startswith("CS2") and doc == "004" for code, doc in reported)
    assert ("CS301", "004") in reported  # "Banska" in 004: a CS3 finding on another file
    assert ("CS201", "001") in reported  # "Zvecan" in 001, though it cites 002's spelling
    assert ("CS402", "002") in reported  # 002's other rules


@pytest.mark.parametrize("args, fragment", [
    (["--select", "E501"], "--select: 'E501' is not a rule code"),
    (["--select", "CS9"], "--select: CS9 selects no rule"),
    (["--ignore", "CS999"], "--ignore: CS999 selects no rule"),
    (["--exclude", ""], "--exclude: an empty pattern"),
])
def test_bad_selectors_are_one_line_and_exit_2(cli, corpus_repo, args, fragment):
    result = cli.invoke("check", "corpus", *args)
    assert result.exit_code == 2, result.output
    assert fragment in result.stderr and "Traceback" not in result.output


def test_exclude_and_the_deprecated_ignore_pattern(cli, corpus_repo):
    every = json.loads(cli.invoke("report", "corpus", "-f", "json").stdout)["documents"]
    result = cli.invoke("report", "corpus", "-f", "json", "--exclude", "002_*")
    assert result.exit_code == 0 and "warning" not in result.stderr
    assert len(json.loads(result.stdout)["documents"]) == len(every) - 1
    result = cli.invoke("report", "corpus", "-f", "json", "--ignore", "002_*", "--ignore", "CS3")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["documents"]) == len(every) - 1
    assert not any(f["kind"] == "mt_artefact" for f in json.loads(result.stdout)["findings"])
    (warning,) = [line for line in result.stderr.splitlines() if "deprecated" in line]
    assert "--ignore 002_*: --ignore now takes rule codes; use --exclude 002_*" in warning


def test_the_deprecated_ignore_key_still_excludes_with_one_warning(cli, corpus_repo):
    (corpus_repo / "pyproject.toml").write_text('[tool.compare-sources]\npaths = ["corpus"]\nignore = ["002_*"]\n')
    result = cli.invoke("report", "-f", "json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["documents"]) == 4
    assert len([line for line in result.stderr.splitlines() if "deprecated" in line]) == 1
    (corpus_repo / "pyproject.toml").write_text('[tool.compare-sources]\npaths = ["corpus"]\nexclude = ["002_*"]\n')
    result = cli.invoke("report", "-f", "json")
    assert len(json.loads(result.stdout)["documents"]) == 4 and "deprecated" not in result.stderr
