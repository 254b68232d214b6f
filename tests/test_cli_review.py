"""compare-sources review: a fact-checker's decisions, written to the review file and read by every report."""

import json
import re
import shutil

import jsonschema
import pytest

from compare.schemas import load as load_schema

REVIEW = ".compare-review.json"


def report(cli, *args):
    result = cli.invoke("report", "corpus", "-f", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def by_message(data, words):
    (found,) = [f for f in data["findings"] if words in f["message"]]
    return found


def entries(repo, name=REVIEW):
    return {e["fingerprint"]: e for e in json.loads((repo / name).read_text())["findings"]}


def review(cli, *args):
    return cli.invoke("review", "corpus", "--by", "alice", *args)


def test_a_review_survives_a_rerun_with_an_article_added(cli, corpus_repo):
    held = corpus_repo / "004_89b3097603270220.txt"
    shutil.move(corpus_repo / "corpus" / held.name, held)
    first = report(cli)
    rute, peleven = by_message(first, "“Rute”"), by_message(first, "“Peleven”")
    assert review(cli, "-F", rute["id"], "-s", "false-alarm", "-n", "a typo in a quote").exit_code == 0
    assert review(cli, "-F", peleven["fingerprint"][:8], "-s", "verified").exit_code == 0

    shutil.move(held, corpus_repo / "corpus" / held.name)
    second = report(cli)
    assert len(second["findings"]) > len(first["findings"])  # the added article brought findings of its own
    assert not [f for f in second["findings"] if "“Rute”" in f["message"]] and second["false_alarms_hidden"] == 1
    again = by_message(second, "“Peleven”")
    assert again["id"] != peleven["id"] and again["fingerprint"] == peleven["fingerprint"]
    assert again["review"]["status"] == "verified" and again["review"]["by"] == "alice"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", again["review"]["at"])
    unreviewed = [f for f in second["findings"] if f["fingerprint"] != peleven["fingerprint"]]
    assert all(f["review"] is None for f in unreviewed)

    shown = report(cli, "--show-false-alarms")
    assert by_message(shown, "“Rute”")["review"] == {
        "status": "false-alarm",
        "note": "a typo in a quote",
        "by": "alice",
        "at": by_message(shown, "“Rute”")["review"]["at"],
    }
    assert shown["false_alarms_hidden"] == 0
    jsonschema.validate(second, load_schema("report-v1"))
    jsonschema.validate(shown, load_schema("report-v1"))


def test_every_format_shows_the_review_and_the_hidden_count(cli, corpus_repo):
    data = report(cli)
    rute, peleven = by_message(data, "“Rute”"), by_message(data, "“Peleven”")
    assert review(cli, "-F", rute["id"], "-s", "false-alarm").exit_code == 0
    assert review(cli, "-F", peleven["id"], "-n", "asked the desk").exit_code == 0  # a note alone: status note

    text = cli.invoke("report", "corpus")
    assert "note by alice" in text.stdout and ": asked the desk" in text.stdout
    assert "“Rute”" not in text.stdout.split("Statements reported")[0]
    assert "1 finding(s) marked false alarm in the review file are hidden" in text.stdout
    markdown = cli.invoke("report", "corpus", "-f", "markdown", "--show-false-alarms").stdout
    assert "*review: false alarm by alice" in markdown and "*review: note by alice" in markdown
    assert "are hidden" not in markdown
    html = cli.invoke("report", "corpus", "-f", "html").stdout
    assert f'data-review="note" data-fingerprint="{peleven["fingerprint"]}"' in html
    assert 'id="false-alarms-hidden"' in html and 'data-review="false-alarm"' not in html
    html = cli.invoke("report", "corpus", "-f", "html", "--show-false-alarms").stdout
    assert f'data-review="false-alarm" data-fingerprint="{rute["fingerprint"]}"' in html


def test_a_new_status_keeps_the_note_and_clear_removes_the_entry(cli, corpus_repo):
    key = by_message(report(cli), "“Peleven”")["fingerprint"]
    assert review(cli, "-F", key, "-n", "asked the desk").exit_code == 0
    assert entries(corpus_repo)[key]["review"] == "note"
    result = cli.invoke("review", "corpus", "-F", key, "-s", "verified", "--by", "bob")
    assert result.exit_code == 0 and "verified by bob" in result.stderr
    entry = entries(corpus_repo)[key]
    assert (entry["review"], entry["note"], entry["by"]) == ("verified", "asked the desk", "bob")
    assert entry["rule"] and entry["message"] and entry["documents"]  # described for the people reading the file
    assert review(cli, "-F", key, "-s", "verified", "-n", "").exit_code == 0
    assert "note" not in entries(corpus_repo)[key]
    result = review(cli, "-F", key, "--clear")
    assert result.exit_code == 0 and "review removed" in result.stderr and entries(corpus_repo) == {}


def test_list_needs_no_run_and_says_how_many_of_each(cli, corpus_repo):
    data = report(cli)
    assert review(cli, "-F", data["findings"][0]["id"], "-F", data["findings"][1]["id"], "-s", "verified").exit_code == 0
    listing = cli.invoke("review", "--list")  # no PATH, no pyproject paths: nothing is run
    assert listing.exit_code == 0, listing.output
    assert listing.stdout.splitlines()[-1] == "2 reviewed finding(s): 2 verified, 0 false-alarm, 0 note"
    assert data["findings"][0]["fingerprint"][:12] in listing.stdout
    rows = json.loads(cli.invoke("review", "--list", "-f", "json").stdout)
    assert {r["fingerprint"] for r in rows} == {f["fingerprint"] for f in data["findings"][:2]}


def test_the_review_file_is_a_baseline_check_accepts(cli, corpus_repo):
    data = report(cli)
    assert review(cli, "-F", data["findings"][0]["id"], "-s", "false-alarm").exit_code == 0
    result = json.loads(cli.invoke("check", "corpus", "-b", REVIEW, "-f", "json").stdout)
    accepted = [f["fingerprint"] for f in result["findings"] if f["status"] == "accepted"]
    assert accepted == [data["findings"][0]["fingerprint"]]


def test_a_baseline_keeps_its_entries_and_settings_when_reviewed_and_update_keeps_the_review(cli, corpus_repo):
    (corpus_repo / "pyproject.toml").write_text(
        '[tool.compare-sources]\nbaseline = "one.json"\nreview = "one.json"\n', encoding="utf-8"
    )
    assert cli.invoke("baseline", "corpus").exit_code == 0
    before = json.loads((corpus_repo / "one.json").read_text())
    key = report(cli)["findings"][2]["fingerprint"]
    assert review(cli, "-F", key, "-s", "verified").exit_code == 0
    after = json.loads((corpus_repo / "one.json").read_text())
    assert after["settings"] == before["settings"] and len(after["findings"]) == len(before["findings"])
    assert cli.invoke("baseline", "corpus", "--update").exit_code == 0
    assert entries(corpus_repo, "one.json")[key]["review"] == "verified"
    assert report(cli)["findings"][2]["review"]["status"] == "verified"  # report reads 'review' of the settings


@pytest.mark.parametrize(
    "args, message",
    [
        (["-F", "f999", "-s", "verified"], "error: --finding f999: no finding of this run has this id or fingerprint"),
        (["-F", "f1"], "error: give --status (verified, false-alarm, note) or a --note, or --clear"),
        (["-F", "f1", "-n", ""], "error: give --status (verified, false-alarm, note) or a --note, or --clear"),
        (["-s", "verified"], "error: give the finding to review with --finding"),
        (["-F", "f1", "--clear", "-s", "note"], "error: --clear takes no --status or --note"),
        (["--list", "-F", "f1"], "error: --list takes no --finding"),
        (["-F", "f1", "-s", "fine"], "Invalid value for '--status'"),
    ],
)
def test_bad_input_is_a_one_line_error(cli, corpus_repo, args, message):
    result = cli.invoke("review", "corpus", *args)
    assert result.exit_code == 2 and message in result.stderr
    assert not (corpus_repo / REVIEW).exists()


def test_findings_are_named_by_id_fingerprint_or_a_unique_prefix_of_six_or_more():
    from compare.errors import InputError
    from compare.model import Corpus, Finding
    from compare.report.review import resolve

    corpus = Corpus(documents=[])
    corpus.findings = [Finding(f"f{n}", "k", "info", "m", fingerprint=key) for n, key in
                       enumerate(["abcdef01" + "0" * 24, "abcdef02" + "0" * 24, "123456" + "0" * 26], start=1)]
    assert resolve(corpus, "F2").id == "f2" and resolve(corpus, "123456").id == "f3"
    assert resolve(corpus, corpus.findings[1].fingerprint).id == "f2"
    with pytest.raises(InputError, match="prefix matches 2 findings; give more of it"):
        resolve(corpus, "abcdef0")
    with pytest.raises(InputError, match="a prefix needs 6 characters or more"):
        resolve(corpus, "12345")


@pytest.mark.parametrize(
    "content, message",
    [
        ("{", "not a review file: invalid JSON at line 1"),
        ('{"tool": "other", "findings": []}', "not a compare-sources review file"),
        (
            '{"version": 1, "tool": "compare-sources", "findings": [{"fingerprint": "ab", "review": "maybe"}]}',
            "finding ab: review 'maybe' is not one of verified, false-alarm, note",
        ),
    ],
)
def test_a_malformed_review_file_is_a_one_line_error_for_every_command(cli, corpus_repo, content, message):
    (corpus_repo / REVIEW).write_text(content, encoding="utf-8")
    for args in (["report", "corpus"], ["review", "--list"], ["review", "corpus", "-F", "f1", "-s", "note"]):
        result = cli.invoke(*args)
        assert result.exit_code == 2 and f"{REVIEW}: {message}" in result.stderr, args
        assert len(result.stderr.strip().splitlines()) == 1


def test_a_review_file_given_must_exist_to_be_read_the_default_need_not(cli, corpus_repo):
    for args in (["report", "corpus"], ["review", "--list"]):
        result = cli.invoke(*args, "--review", "nowhere.json")
        assert result.exit_code == 2 and "nowhere.json: no such review file" in result.stderr
    assert report(cli)["false_alarms_hidden"] == 0
    assert review(cli, "-F", "f1", "-s", "false-alarm", "--review", "new/reviews.json").exit_code == 0
    assert report(cli, "--review", "new/reviews.json")["false_alarms_hidden"] == 1


def test_the_default_file_is_at_the_project_root_from_any_folder(cli, corpus_repo, monkeypatch):
    key = report(cli)["findings"][0]["fingerprint"]
    monkeypatch.chdir(corpus_repo / "corpus")
    assert cli.invoke("review", ".", "--by", "alice", "-F", key, "-s", "verified").exit_code == 0
    assert key in entries(corpus_repo)  # written at the root, and the fingerprint is the root's
