"""The JSON Schemas shipped in compare/schemas: valid, complete, and met by real ``check --format json`` output."""

import json
from importlib.resources import files

import jsonschema
import pytest

from compare.schemas import NAMES, load
from conftest import git

#: An outlet that puts the number of injured soldiers at 41 where the seeds (003) say 93: one new finding.
CONTRADICTING = """Source: Example Outlet
Date: 2023-11-21

Stoltenberg: KFOR will stay as long as needed

In May, our KFOR troops were attacked, in which case 41 soldiers were injured, some seriously, said Stoltenberg.
"""


@pytest.mark.parametrize("name", NAMES)
def test_each_schema_is_valid_json_schema_2020_12(name):
    schema = load(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == f"compare-sources/{name}.json"


def test_the_package_holds_exactly_the_listed_schemas():
    shipped = {p.name.removesuffix(".json") for p in files("compare.schemas").iterdir() if p.name.endswith(".json")}
    assert shipped == set(NAMES)


def test_an_unknown_schema_is_a_one_line_error():
    with pytest.raises(ValueError, match=r"^no schema 'report-v2'; there are report-v1, check-v1$"):
        load("report-v2")


def _check_json(cli, *args):
    result = cli.invoke("check", "corpus", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_check_json_matches_its_schema(cli, corpus_repo):
    schema = load("check-v1")
    plain = _check_json(cli)  # no baseline, no --since: those fields are null
    jsonschema.validate(plain, schema)
    assert plain["baseline"] is None and plain["changed"] is None and plain["findings"]

    assert cli.invoke("baseline", "corpus", "-o", ".compare-baseline.json").exit_code == 0
    (corpus_repo / "corpus" / "005_example.txt").write_text(CONTRADICTING, encoding="utf-8")
    git(corpus_repo, "add", ".")
    git(corpus_repo, "commit", "-q", "-m", "baseline and a contradicting article")
    data = _check_json(cli, "--baseline", ".compare-baseline.json", "--since", "HEAD~1")
    jsonschema.validate(data, schema)
    assert {f["status"] for f in data["findings"]} >= {"new", "accepted"}
    assert data["changed"] == ["corpus/005_example.txt"]

    # The schema holds the output to something: a line 0 or a lost summary count is refused.
    broken = json.loads(json.dumps(data))
    broken["findings"][0]["locations"][0]["start_line"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    del data["summary"]["failing"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_each_json_lines_record_is_a_finding_of_the_check_schema(cli, corpus_repo):
    schema = load("check-v1")
    finding = {**schema["properties"]["findings"]["items"], "$defs": schema["$defs"]}
    result = cli.invoke("check", "corpus", "--format", "json-lines")
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.splitlines()
    assert lines and len(lines) == len(_check_json(cli)["findings"])
    for line in lines:
        jsonschema.validate(json.loads(line), finding)
