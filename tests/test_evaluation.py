"""The edit generator and scorer behind compare-sources eval, on a small slice of the seeds."""

import random

from compare.stages.embed import HashingEmbedder
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
    tally, baseline = run_trials(documents, trials, HashingEmbedder(), kinds=("discrepancy",))
    assert tally.edits["count"] >= 10
    assert tally.found["count"] / tally.edits["count"] >= 0.9
    assert sum(tally.neutral_flagged.values()) == 0
    assert not tally.false_alarms
    assert any(f.kind == "discrepancy" for f in baseline.findings)  # the originals' own conflict


def test_translation_damage_edits_are_what_they_say():
    documents = _seeds()
    rng = random.Random(0)
    kinds = ["diacritics", "transliteration", "acronym", "garbled", "untranslated"]
    found = edits.sites(documents[2], rng, kinds, limit=4)
    by_kind = {k: [s for s in found if s.kind == k] for k in kinds}
    assert all(0 < len(v) <= 4 for v in by_kind.values()), {k: len(v) for k, v in by_kind.items()}
    text = documents[2].text
    for site in by_kind["diacritics"]:
        assert site.replacement.isascii() and not text[site.start:site.end].isascii()
    for site in by_kind["acronym"]:
        before = text[site.start:site.end]
        assert len(site.replacement) == len(before) and sum(a != b for a, b in zip(before, site.replacement)) == 1
    from compare.analysis.spellings import untransliterated
    for site in by_kind["transliteration"]:
        assert untransliterated(site.replacement) == untransliterated(text[site.start:site.end])


def test_scoring_finds_translation_damage_on_a_slice():
    documents = _seeds()
    trials = make_trials(documents, kinds=["acronym", "garbled", "untranslated"], seed=0, variants=1,
                         controls=1, limit=1)
    tally, _ = run_trials(documents, trials, HashingEmbedder(), kinds=("mt_artefact", "name_variant"))
    for kind in ("acronym", "garbled", "untranslated"):
        assert tally.edits[kind] >= 4 and tally.found[kind] / tally.edits[kind] >= 0.8, (kind, tally.missed)
    assert len(tally.false_alarms) <= 2, tally.false_alarms
