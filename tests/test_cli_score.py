"""compare-sources score: gold labels of a corpus in, recall and precision per kind out."""

import json
import shutil

from typer.testing import CliRunner

from compare.cli import app
from conftest import DATA

runner = CliRunner()
CORPORA = DATA / "scorer"
GOLD = CORPORA / "ferry-fire" / "gold.json"


def test_score_runs_the_pipeline_and_prints_figures_and_misses(cli):
    result = cli.run(["score", str(GOLD), "--corpora", str(CORPORA)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ferry-fire: 3 articles from 3 outlets")
    for line in ("discrepancies", "artefacts / name variants", "statement pairs grouped",
                 "consistent facts flagged:", "boilerplate aligned:", "findings that match nothing labelled:"):
        assert line in result.stdout


def test_score_json_and_a_saved_report_give_the_same_figures(cli, tmp_path):
    fresh = cli.run(["score", str(GOLD), "--corpora", str(CORPORA), "--json"])
    assert fresh.exit_code == 0, fresh.output
    saved = tmp_path / "report.json"
    made = cli.run(["report", str(CORPORA / "ferry-fire"), "-o", str(saved)])
    assert made.exit_code == 0, made.output
    again = cli.run(["score", str(GOLD), "--report", str(saved), "--json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout) == json.loads(fresh.stdout)
    total = json.loads(fresh.stdout)["total"]
    assert total["discrepancies"]["labelled"] == 2 and total["pairs"]["labelled"] == 2


def test_check_passes_on_a_faithful_corpus_and_fails_on_a_changed_one(tmp_path):
    result = runner.invoke(app, ["score", str(GOLD), "--corpora", str(CORPORA), "--check"])
    assert result.exit_code == 0 and "every labelled string found" in result.stdout
    shutil.copytree(CORPORA / "ferry-fire", tmp_path / "ferry-fire")
    article = tmp_path / "ferry-fire" / "01_harbour-news.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("Share this article", "Share"), encoding="utf-8")
    result = runner.invoke(app, ["score", str(GOLD), "--corpora", str(tmp_path), "--check"])
    assert result.exit_code == 1
    assert "b1: 01_harbour-news does not contain 'Share this article'" in result.stdout


def test_usage_errors_are_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "gold.json"
    bad.write_text("{", encoding="utf-8")
    for args, words in [
        (["score", str(bad), "--corpora", str(CORPORA)], "not a gold file: invalid JSON"),
        (["score", str(GOLD)], "give --corpora"),
        (["score", str(GOLD), "--corpora", str(tmp_path)], "no such folder"),
        (["score", str(GOLD), "--report", str(bad)], "not a JSON report: invalid JSON"),
    ]:
        result = runner.invoke(app, args, env={"COMPARE_SOURCES_CORPORA": ""})
        assert result.exit_code == 2, (args, result.output)
        assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
