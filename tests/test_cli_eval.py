"""compare-sources eval: labelled edits in, precision/recall/F1 and alignment recall out."""

import json
import random
import re
import shutil

from typer.testing import CliRunner

from compare.cli import app
from compare.evaluation.paraphrase import MIN_CHANGED, rewrite
from conftest import SEEDS

runner = CliRunner()


def test_alignment_recall_against_paraphrase_mining(cli):
    result = cli.run(["eval", str(SEEDS), "--suite", "alignment", "--json"])
    assert result.exit_code == 0, result.output
    (suite,) = json.loads(result.stdout)["suites"]
    assert suite["gold_pairs"] >= 30
    for method in ("groups", "paraphrase_mining"):
        assert 0 < suite[method]["recall"] <= 1 and suite[method]["seconds"] >= 0
    assert suite["paraphrase_mining"]["pairs_output"] >= 1


def test_detector_suite_table(cli, tmp_path):
    folder = tmp_path / "two"
    folder.mkdir()
    for name in ("002_1907e6fae98f94ab.txt", "004_89b3097603270220.txt"):
        shutil.copy(SEEDS / name, folder / name)
    result = cli.run(["eval", str(folder), "-s", "translation", "--limit", "1", "--variants", "1"])
    assert result.exit_code == 0, result.output
    assert re.search(r"^translation: \d+ trials", result.stdout, re.M)
    assert re.search(r"^  all +\d+ +\d+ +[01]\.\d\d", result.stdout, re.M)
    assert "untouched copies: 4" in result.stdout


def test_a_missing_folder_is_a_usage_error(cli, tmp_path):
    result = cli.run(["eval", str(tmp_path / "nothing")])
    assert result.exit_code == 2 and "no such file or directory" in result.stderr


def test_rewrites_change_words_but_not_values():
    rng = random.Random(1)
    sentence = "NATO deployed an additional 1,000 troops to Kosovo after the attack in Banjska, Stoltenberg said."
    seen = set()
    for _ in range(20):
        new = rewrite(sentence, rng)
        if new is None:
            continue
        seen.add(new)
        for value in ("NATO", "1,000", "Kosovo", "Banjska", "Stoltenberg"):
            assert value in new
        changed = set(sentence.lower().split()) ^ set(new.lower().split())
        assert len(changed) >= MIN_CHANGED
    assert len(seen) >= 3
    assert any(s.startswith("Stoltenberg said that") or s.startswith("Stoltenberg stated that") for s in seen)


def test_articles_agree_with_the_new_word():
    rng = random.Random(0)
    rewrites = {rewrite("An injured soldier and an additional unit were sent, officials said.", rng) for _ in range(30)}
    assert any("wounded" in r for r in rewrites if r)
    assert not any(re.search(r"\ban [b-df-hj-np-tv-z]|\ba [aeiou]", r, re.I) for r in rewrites if r)
