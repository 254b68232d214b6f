"""compare-sources audit: going through the baseline's accepted findings, interactively and for scripts."""

import json

import pytest


@pytest.fixture
def accepted(cli, corpus_repo):
    """The seeds' findings accepted in .compare-baseline.json; its entries."""
    assert cli.invoke("baseline", "corpus").exit_code == 0
    return json.loads((corpus_repo / ".compare-baseline.json").read_text())["findings"]


def entries(repo):
    return json.loads((repo / ".compare-baseline.json").read_text())["findings"]


def ordered(repo, cli):
    """The fingerprints in the order audit asks about them."""
    rows = json.loads(cli.invoke("audit", "corpus", "--report", "--format", "json").stdout)
    return [row["fingerprint"] for row in rows]


def test_interactive_accept_note_reject_then_quit(cli, corpus_repo, accepted):
    first, second, third, *_ = ordered(corpus_repo, cli)
    answers = "a\nn\nconfirmed with the municipality\na\nr\nq\n"
    result = cli.invoke("audit", "corpus", input=answers)
    assert result.exit_code == 0, result.output
    assert "[1/14]" in result.stdout and "[3/14]" in result.stdout and "[5/14]" not in result.stdout  # quit at the 4th
    assert "still occurs" in result.stdout and "corpus/" in result.stdout  # the finding with its locations
    after = {e["fingerprint"]: e for e in entries(corpus_repo)}
    assert after[first]["audited"] is True and "note" not in after[first]
    assert after[second]["audited"] is True and after[second]["note"] == "confirmed with the municipality"
    assert third not in after and len(after) == len(accepted) - 1  # rejected: check reports it again
    assert "1 rejected (removed)" in result.stderr

    check = json.loads(cli.invoke("check", "corpus", "-b", ".compare-baseline.json", "-f", "json").stdout)
    assert [f["fingerprint"] for f in check["findings"] if f["status"] == "new"] == [third]

    # Audited entries are not asked about again unless --all; --update keeps the decisions.
    result = cli.invoke("audit", "corpus", input="q\n")
    assert "[1/11]" in result.stdout
    assert cli.invoke("baseline", "corpus", "--update").exit_code == 0
    assert {e["fingerprint"]: e for e in entries(corpus_repo)}[second]["note"].startswith("confirmed")


def test_end_of_input_keeps_what_was_decided(cli, corpus_repo, accepted):
    first = ordered(corpus_repo, cli)[0]
    result = cli.invoke("audit", "corpus", input="a\n")
    assert result.exit_code == 0, result.output
    assert {e["fingerprint"]: e for e in entries(corpus_repo)}[first]["audited"] is True


def test_skipping_everything_leaves_the_file_untouched(cli, corpus_repo, accepted):
    before = (corpus_repo / ".compare-baseline.json").read_text()
    result = cli.invoke("audit", "corpus", input="nonsense\ns\n" + "\n" * 13)
    assert result.exit_code == 0 and "answer one of: a, r, s, n, q" in result.stdout
    assert (corpus_repo / ".compare-baseline.json").read_text() == before


def test_a_note_can_be_removed(cli, corpus_repo, accepted):
    first = ordered(corpus_repo, cli)[0]
    cli.invoke("audit", "corpus", input="n\ntemporary\nq\n")
    assert {e["fingerprint"]: e for e in entries(corpus_repo)}[first]["note"] == "temporary"
    cli.invoke("audit", "corpus", input="n\n \nq\n")
    assert "note" not in {e["fingerprint"]: e for e in entries(corpus_repo)}[first]


def test_report_shows_status_and_fails_on_request(cli, corpus_repo, accepted):
    stale = {"fingerprint": "0" * 32, "rule": "discrepancy/count", "code": "CS101", "severity": "error",
             "documents": ["corpus/gone.txt"], "message": "gone", "audited": True}
    off = {"fingerprint": "1" * 32, "rule": "mt_artefact/garbled", "code": "CS305", "severity": "warning",
           "documents": ["corpus/x.txt"], "message": "a word no longer looked for"}
    data = json.loads((corpus_repo / ".compare-baseline.json").read_text())
    data["findings"] += [stale, off]
    (corpus_repo / ".compare-baseline.json").write_text(json.dumps(data))

    result = cli.invoke("audit", "corpus", "--report", "--format", "json", "--disable", "garbled_words")
    assert result.exit_code == 0, result.output
    rows = {row["fingerprint"]: row for row in json.loads(result.stdout)}
    assert rows["0" * 32]["status"] == "stale" and rows["0" * 32]["audited"] is True
    assert rows["1" * 32]["status"] == "unexamined"
    assert sum(row["status"] == "occurs" for row in rows.values()) == len(accepted) - 1  # Peleven: detector off

    text = cli.invoke("audit", "corpus", "--report", "--disable", "garbled_words")
    total = len(accepted) + 2
    assert text.stdout.splitlines()[-1] == f"{total} accepted finding(s): 1 audited, {total - 1} unaudited, 1 stale"
    assert cli.invoke("audit", "corpus", "--report", "--fail-on-stale").exit_code == 1
    assert cli.invoke("audit", "corpus", "--stats", "--fail-on-unaudited").exit_code == 1


def test_stats_count_entries_per_code(cli, corpus_repo, accepted):
    result = cli.invoke("audit", "corpus", "--stats", "--format", "json")
    rows = json.loads(result.stdout)
    assert sum(r["entries"] for r in rows) == len(accepted) and all(r["audited"] == r["stale"] == 0 for r in rows)
    assert {r["code"]: r["entries"] for r in rows}["CS304"] == sum(e["rule"] == "mt_artefact/acronym" for e in accepted)
    cli.invoke("audit", "corpus", "--all", input="a\n" * len(accepted))
    assert cli.invoke("audit", "corpus", "--stats", "--fail-on-unaudited").exit_code == 0
    assert "nothing to audit" in cli.invoke("audit", "corpus").stdout
    assert "other settings (threshold 0.63 → 0.7)" in cli.invoke("audit", "corpus", "--stats", "--threshold", "0.7").stderr


@pytest.mark.parametrize("args, fragment", [
    (["--baseline", "missing.json"], "missing.json: no such baseline file"),
    (["--fail-on-stale"], "go with --report or --stats"),
])
def test_bad_input_is_one_line_and_exit_2(cli, corpus_repo, accepted, args, fragment):
    result = cli.invoke("audit", "corpus", *args)
    assert result.exit_code == 2 and fragment in result.stderr and "Traceback" not in result.output


def test_a_baseline_from_before_rule_codes_is_audited_by_its_rules(cli, corpus_repo, accepted):
    data = json.loads((corpus_repo / ".compare-baseline.json").read_text())
    for entry in data["findings"]:
        del entry["code"]
    data["findings"][0]["documents"] = "not a list"  # hand-edited: shown without documents, not a crash
    (corpus_repo / ".compare-baseline.json").write_text(json.dumps(data))
    result = cli.invoke("audit", "corpus", "--report", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert all(row["code"].startswith("CS") for row in rows) and rows[0]["documents"] == []
    assert cli.invoke("audit", "corpus", input="q\n").exit_code == 0
