"""The run's objects set aside from the cyclic collector (compare/infra/heap.py): only within a run, and handed
back at its end."""

from __future__ import annotations

import gc

from compare.infra import heap
from compare.pipeline import run
from compare.report import render
from compare.stages.embed import HashingEmbedder


def test_settle_freezes_only_within_a_run_and_the_run_hands_the_objects_back():
    gc.unfreeze()
    kept = [[n] for n in range(1000)]
    heap.settle()
    assert gc.get_freeze_count() == 0  # a library caller's process is left alone
    with heap.kept_for_the_run():
        heap.settle()
        assert gc.get_freeze_count() >= len(kept)
        with heap.kept_for_the_run():  # nested: the outer run owns the heap
            pass
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_freeze_count() == 0


def test_objects_the_caller_froze_stay_frozen():
    gc.unfreeze()
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        with heap.kept_for_the_run():
            heap.settle()
        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()


def test_a_run_reports_the_same_with_or_without_the_heap_set_aside(seeds_dir, monkeypatch):
    gc.unfreeze()
    kept = render(run([seeds_dir], HashingEmbedder()), "json")
    assert gc.get_freeze_count() == 0
    monkeypatch.setattr(heap, "settle", lambda: None)
    assert render(run([seeds_dir], HashingEmbedder()), "json") == kept
