"""compare-sources baseline: accept the current findings, and --update them."""

import json

from typer.testing import CliRunner

from compare.cli import app

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [*map(str, args)])


def test_baseline_accepts_every_finding_reproducibly(cli, corpus_repo):
    assert cli.invoke("baseline", "corpus").exit_code == 0  # default file name
    first = (corpus_repo / ".compare-baseline.json").read_text()
    data = json.loads(first)
    assert data["version"] == 1 and data["tool"] == "compare-sources"
    rules = {e["rule"] for e in data["findings"]}
    assert {"discrepancy/place", "mt_artefact/garbled", "provenance/machine_translation"} <= rules
    assert all(e["documents"] and all(p.startswith("corpus/") for p in e["documents"]) for e in data["findings"])
    assert cli.invoke("baseline", "corpus").exit_code == 0
    assert (corpus_repo / ".compare-baseline.json").read_text() == first  # byte for byte: no timestamps


def test_update_keeps_what_still_occurs_and_drops_the_rest(cli, corpus_repo):
    cli.invoke("baseline", "corpus", "-o", "accepted.json")
    data = json.loads((corpus_repo / "accepted.json").read_text())
    garbled = next(e for e in data["findings"] if e["rule"] == "mt_artefact/garbled")
    garbled["note"] = "checked against the original: a typo for 'eleven'"
    data["findings"].append({"fingerprint": "0" * 32, "rule": "discrepancy/count", "severity": "error",
                             "documents": ["corpus/gone.txt"], "message": "a finding that no longer occurs"})
    (corpus_repo / "accepted.json").write_text(json.dumps(data))
    seed = corpus_repo / "corpus" / "001_7e66eedf09a6c9ee.txt"
    seed.unlink()  # its findings (Rute, Zvecan, the AI-translation note) go away

    result = cli.invoke("baseline", "corpus", "-o", "accepted.json", "--update")
    assert result.exit_code == 0, result.output
    updated = json.loads((corpus_repo / "accepted.json").read_text())["findings"]
    prints = {e["fingerprint"] for e in updated}
    assert "0" * 32 not in prints
    assert not any("corpus/001_7e66eedf09a6c9ee.txt" in e["documents"] for e in updated)
    assert next(e for e in updated if e["fingerprint"] == garbled["fingerprint"])["note"].startswith("checked")
    assert len(updated) < len(data["findings"]) - 1
    assert "dropped" in result.stderr


def test_update_accepts_nothing_new(cli, corpus_repo):
    cli.invoke("baseline", "corpus", "-o", "accepted.json", "--disable", "garbled_words")
    result = cli.invoke("baseline", "corpus", "-o", "accepted.json", "--update")
    assert result.exit_code == 0 and "1 current finding(s) not accepted" in result.stderr
    rules = {e["rule"] for e in json.loads((corpus_repo / "accepted.json").read_text())["findings"]}
    assert "mt_artefact/garbled" not in rules
    assert cli.invoke("check", "corpus", "-b", "accepted.json").exit_code == 1  # Peleven is still new


def test_update_needs_an_existing_baseline(cli, corpus_repo):
    result = cli.invoke("baseline", "corpus", "-o", "nothing.json", "--update")
    assert result.exit_code == 2 and "nothing.json: no such baseline file" in result.stderr
    assert not (corpus_repo / "nothing.json").exists()


def test_unwritable_baseline_is_an_error(cli, corpus_repo):
    (corpus_repo / "file").write_text("not a folder")
    result = cli.invoke("baseline", "corpus", "-o", "file/b.json")
    assert result.exit_code == 2 and "cannot write baseline" in result.stderr


def test_baseline_records_its_settings_and_check_warns_in_one_line_when_they_differ(cli, corpus_repo):
    cli.invoke("baseline", "corpus", "--disable", "provenance", "--ignore", "CS305")
    settings = json.loads((corpus_repo / ".compare-baseline.json").read_text())["settings"]
    assert settings["disabled_detectors"] == ["provenance"] and settings["ignore"] == ["CS305"]
    assert {"model", "threshold", "select", "per_file_ignores"} <= set(settings)

    same = cli.invoke("check", "corpus", "-b", ".compare-baseline.json", "--disable", "provenance",
                      "--ignore", "CS305")
    assert same.exit_code == 0 and "other settings" not in same.stderr
    other = cli.invoke("check", "corpus", "-b", ".compare-baseline.json", "--threshold", "0.7")
    (line,) = [line for line in other.stderr.splitlines() if "other settings" in line]
    assert "threshold 0.63 → 0.7" in line and "disabled detectors provenance → none" in line
    assert "ignore CS305 → none" in line and line.startswith("compare-sources: warning: .compare-baseline.json")


def test_a_baseline_without_the_newer_settings_is_not_warned_about_them(cli, corpus_repo):
    cli.invoke("baseline", "corpus")
    data = json.loads((corpus_repo / ".compare-baseline.json").read_text())
    for key in ("select", "ignore", "per_file_ignores"):
        del data["settings"][key]  # as a baseline made before rule codes existed
    (corpus_repo / ".compare-baseline.json").write_text(json.dumps(data))
    result = cli.invoke("check", "corpus", "-b", ".compare-baseline.json", "--select", "CS1")
    assert result.exit_code == 0 and "other settings" not in result.stderr


def test_update_keeps_the_entries_of_rules_this_run_does_not_examine(cli, corpus_repo):
    cli.invoke("baseline", "corpus")
    before = json.loads((corpus_repo / ".compare-baseline.json").read_text())["findings"]
    result = cli.invoke("baseline", "corpus", "--update", "--disable", "garbled_words", "--ignore", "CS4")
    assert result.exit_code == 0, result.output
    after = json.loads((corpus_repo / ".compare-baseline.json").read_text())["findings"]
    assert after == before  # Peleven (detector off) and the provenance notes (ignored) are kept as they were
    assert "(3 of rules this run does not examine)" in result.stderr
    (corpus_repo / "corpus" / "002_1907e6fae98f94ab.txt").unlink()  # Peleven, the WSO… go; off, Peleven stays
    cli.invoke("baseline", "corpus", "--update", "--disable", "garbled_words")
    rules = [e["rule"] for e in json.loads((corpus_repo / ".compare-baseline.json").read_text())["findings"]]
    assert "mt_artefact/garbled" in rules and "provenance/translation" not in rules
