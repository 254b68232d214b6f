"""The edit generator and scorer behind benchmarks/discrepancy_quality.py, on a small slice of the seeds."""

import random

from compare.embed import HashingEmbedder
from compare.evaluation import edits
from compare.evaluation.score import make_trials, run_trials
from compare.pipeline import load_documents
from conftest import SEEDS


def _seeds():
    documents, _ = load_documents([SEEDS])
    return documents


def test_edit_sites_change_only_the_site():
    documents = _seeds()
    rng = random.Random(0)
    found = edits.sites(documents[3], rng, ["count", "date", "date_neutral"])
    assert {s.kind for s in found} == {"count", "date", "date_neutral"}
    for site in found:
        assert documents[3].text[site.start:site.end] != site.replacement
        assert site.start >= edits.body_offset(documents[3])


def test_trials_record_where_the_edit_sits():
    documents = _seeds()
    for trial in make_trials(documents, kinds=["count", "place"], seed=1, variants=1, controls=1):
        if trial.edit:
            assert trial.text[trial.edit.start:trial.edit.end] == trial.edit.after


def test_scoring_finds_changed_counts_and_ignores_rewordings():
    documents = _seeds()
    trials = make_trials(documents, kinds=["count", "count_neutral"], seed=0, variants=1, controls=0)
    tally, baseline = run_trials(documents, trials, HashingEmbedder(), kind="discrepancy")
    assert tally.edits["count"] >= 10
    assert tally.found["count"] / tally.edits["count"] >= 0.9
    assert sum(tally.neutral_flagged.values()) == 0
    assert not tally.false_alarms
    assert any(f.kind == "discrepancy" for f in baseline.findings)  # the originals' own conflict
