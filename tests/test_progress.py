"""Progress: every stage says when it starts and how far it is, on stderr, and only on a terminal."""

import pytest

from compare.cli.progress import LABELS
from compare.infra.processes import can_fork, forked_map
from compare.pipeline import run
from compare.stages.embed import CachedEmbedder, HashingEmbedder
from compare.stages.per_article import analyse_documents
from conftest import SEEDS

STAGES = ["read", "documents", "facts", "copies", "model", "embed", "align", "detect"]


def _stages(seen):
    return list(dict.fromkeys(stage for stage, _, _ in seen))


def test_every_stage_reports_itself_in_order_and_counts_to_its_end():
    seen = []
    run([SEEDS], CachedEmbedder(HashingEmbedder(), None), progress=lambda *step: seen.append(step))
    assert _stages(seen) == STAGES
    for stage in ("read", "documents", "embed", "detect"):
        last = [(done, total) for name, done, total in seen if name == stage][-1]
        assert last[0] == last[1] > 0, (stage, last)


def test_a_cached_run_has_no_model_to_load(tmp_path):
    from compare.infra.cache import EmbeddingCache

    cache = EmbeddingCache(tmp_path)
    run([SEEDS], CachedEmbedder(HashingEmbedder(), cache))
    seen = []
    run([SEEDS], CachedEmbedder(HashingEmbedder(), cache), progress=lambda *step: seen.append(step))
    assert "model" not in _stages(seen)


@pytest.mark.skipif(not can_fork(), reason="forked workers need Linux")
def test_articles_analysed_in_worker_processes_are_counted_as_they_come_back():
    from compare.stages.ingest import document_ids, find_articles, read_document

    files, _ = find_articles([SEEDS])
    documents = [read_document(path, doc) for path, doc in zip(files, document_ids(files))]
    seen = []
    analyse_documents(documents, [], workers=2, parallel_from=2, progress=lambda *step: seen.append(step))
    assert seen == [(n, 5) for n in range(6)]
    counted = []
    assert forked_map(abs, [-1, -2, -3], 2, done=counted.append) == [1, 2, 3] and counted == [1, 2, 3]


def test_on_a_terminal_each_stage_is_shown(cli, monkeypatch):
    monkeypatch.setattr("compare.cli.progress.stderr_is_terminal", lambda: True)
    result = cli.invoke("report", SEEDS, "--format", "json")
    assert result.exit_code == 0, result.output
    shown = [result.stderr.find(LABELS[stage]) for stage in STAGES]
    assert -1 not in shown, result.stderr
    assert shown == sorted(shown)  # in the order the stages run


def test_nothing_is_written_when_stderr_is_not_a_terminal_or_progress_is_off(cli, monkeypatch):
    result = cli.invoke("report", SEEDS, "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""
    monkeypatch.setattr("compare.cli.progress.stderr_is_terminal", lambda: True)
    result = cli.invoke("report", SEEDS, "--format", "json", "--no-progress")
    assert result.exit_code == 0 and result.stderr == ""
