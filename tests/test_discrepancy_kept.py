"""The discrepancy detector's aligned-pair comparisons kept between runs: what their key holds, and that a run
served from the memo reports exactly what a run without it reports."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

import compare.detect.discrepancy as discrepancy
from compare.detect import discrepancy_kept
from compare.detect.discrepancy_values import Comparison
from compare.infra.memo import AnalysisMemo
from compare.model import Fact, Statement
from compare.pipeline import run
from compare.report import render
from compare.stages.embed import HashingEmbedder

A = Statement(id="a#1", doc="a", start=100, end=140, text="Four police officers were killed in Banjska.")
B = Statement(id="b#3", doc="b", start=7, end=47, text="Five police officers were killed in Banska.")


def _fact(statement: Statement, kind, start: int, end: int, value: str, subject: str = "", low=None, high=None):
    return Fact(kind, statement.id, statement.doc, statement.start + start, statement.start + end,
                statement.text[start:end], value, subject, low, high)


def _facts(a: Statement = A, b: Statement = B, four: str = "4") -> dict[str, list[Fact]]:
    return {
        a.id: [_fact(a, "quantity", 0, 4, four, "police officers killed", 4.0, 4.0)],
        b.id: [_fact(b, "quantity", 0, 4, "5", "police officers killed", 5.0, 5.0)],
    }


class Counting:
    """A comparison of two statements that counts its calls: the first pair of facts, and a place it makes up
    in the second statement (as the detector's names-as-places does), so both kinds of stored fact are met."""

    def __init__(self, facts_of: dict[str, list[Fact]]):
        self.calls = 0
        self.facts_of = facts_of

    def __call__(self, sa: Statement, sb: Statement, link: str, same: bool) -> list[Comparison]:
        self.calls += 1
        x, y = self.facts_of[sa.id][0], self.facts_of[sb.id][0]
        made = _fact(sb, "place", 36, 42, "banska", "where")
        return [Comparison(x, y, False, link), Comparison(x, made, same, "event")]


def _compared(memo, facts_of, subjects=frozenset(), pair=(A, B), same=True):
    counting = Counting(facts_of)
    out = discrepancy_kept.compared_later([(*pair, "group g1", same)], facts_of, subjects, counting, memo)()
    return out, counting.calls


def test_a_kept_pair_gives_the_same_comparisons_and_is_not_compared_again(tmp_path):
    memo = AnalysisMemo(tmp_path)
    fresh, calls = _compared(None, _facts())
    first, first_calls = _compared(memo, _facts())
    again, again_calls = _compared(memo, _facts())
    assert (calls, first_calls, again_calls) == (1, 1, 0)
    assert fresh == first == again
    assert again[1].b == _fact(B, "place", 36, 42, "banska", "where") and again[1].link == "event"


def test_each_input_of_a_comparison_is_part_of_its_key(tmp_path):
    memo = AnalysisMemo(tmp_path)
    _compared(memo, _facts())
    changed_text = dataclasses.replace(A, text=A.text.replace("killed", "slain"))
    assert _compared(memo, _facts(a=changed_text), pair=(changed_text, B))[1] == 1
    assert _compared(memo, _facts(four="4.0"))[1] == 1  # a fact's value
    assert _compared(memo, _facts(), same=False)[1] == 1  # one report's pair or not
    assert _compared(memo, _facts(), subjects=frozenset({"police officers killed"}))[1] == 1  # now a slot subject
    assert _compared(memo, _facts(), subjects=frozenset({"soldiers killed"}))[1] == 0  # a slot of neither fact
    assert _compared(memo, _facts(), pair=(B, A))[1] == 1  # the order of the two
    memo.version = "another"  # of the code
    assert _compared(memo, _facts())[1] == 1


def test_a_statement_that_moved_or_was_renamed_is_served_with_this_run_s_ids_and_offsets(tmp_path):
    memo = AnalysisMemo(tmp_path)
    _compared(memo, _facts())
    moved = dataclasses.replace(B, id="c#9", doc="c", start=B.start + 50, end=B.end + 50)
    facts_of = _facts(b=moved)
    out, calls = _compared(memo, facts_of, pair=(A, moved))
    assert calls == 0
    assert out == _compared(None, facts_of, pair=(A, moved))[0]
    assert out[1].b.statement == "c#9" and out[1].b.start == moved.start + 36


def test_a_damaged_record_is_compared_again(tmp_path):
    memo = AnalysisMemo(tmp_path)
    _compared(memo, _facts())
    memo._db.execute("UPDATE results SET value = ? WHERE stage = ?", [b"\xe9\x00", discrepancy_kept.STAGE])
    memo._db.commit()
    out, calls = _compared(memo, _facts())
    assert calls == 1 and out == _compared(None, _facts())[0]
    key = memo._db.execute("SELECT key FROM results WHERE stage = ?", [discrepancy_kept.STAGE]).fetchone()[0]
    memo.put_one(discrepancy_kept.STAGE, key, [(0, 5, False, None)])  # readable, but no such fact
    assert _compared(memo, _facts())[1] == 1


def test_the_key_covers_every_input_of_the_comparison():
    # A new parameter of _compare_aligned is a new input: it must join the key (discrepancy_kept), then this list.
    assert list(inspect.signature(discrepancy._compare_aligned).parameters) == [
        "sa", "sb", "fa", "fb", "link", "wordings", "same_report", "subjects"
    ]


def test_a_memo_opened_before_a_fork_is_opened_again_in_the_child(tmp_path):
    memo = AnalysisMemo(tmp_path)
    assert memo.in_this_process() is memo
    memo._pid = -1  # as seen from a forked process
    child = memo.in_this_process()
    assert child is not memo and child.path == memo.path
    child.close()


@pytest.mark.parametrize("forked", [False, True])
def test_runs_served_from_the_memo_report_what_a_run_without_it_reports(tmp_path, seeds_dir, monkeypatch, forked):
    import compare.detect

    # The seeds are small: make the detectors run in forked processes too, where the memo is opened again.
    monkeypatch.setattr(compare.detect, "PARALLEL_FROM_STATEMENTS", 0 if forked else 10**9)
    monkeypatch.setattr(compare.detect, "usable_cores", lambda: 2)
    calls = 0
    compare_aligned = discrepancy._compare_aligned

    def counted(*args):
        nonlocal calls
        calls += 1
        return compare_aligned(*args)

    monkeypatch.setattr(discrepancy, "_compare_aligned", counted)
    without = render(run([seeds_dir], HashingEmbedder()), "json")
    memo = AnalysisMemo(tmp_path)
    first = render(run([seeds_dir], HashingEmbedder(), memo=memo), "json")
    kept = _kept(memo)
    calls = 0
    second = render(run([seeds_dir], HashingEmbedder(), memo=memo), "json")
    assert kept > 0 and _kept(memo) == kept  # the first run (a forked child, too) stored every pair, the second none
    if not forked:  # a child's calls are not counted here
        assert calls == 0
    assert without == first == second


def _kept(memo: AnalysisMemo) -> int:
    return memo._db.execute("SELECT COUNT(*) FROM results WHERE stage = ?", [discrepancy_kept.STAGE]).fetchone()[0]


@pytest.mark.parametrize("with_memo", [False, True])
def test_pairs_compared_in_forked_processes_give_what_one_process_gives(tmp_path, monkeypatch, with_memo):
    monkeypatch.setattr(discrepancy_kept, "PARALLEL_FROM", 1)
    pairs, facts_of = [], {}
    for n in range(5):  # B moved about: five pairs, each compared in one of two processes
        moved = dataclasses.replace(B, id=f"c{n}#1", doc=f"c{n}", start=B.start + n, end=B.end + n)
        facts_of.update(_facts(b=moved))
        pairs.append((A, moved, f"group g{n}", n % 2 == 0))
    alone = Counting(facts_of)
    expected = discrepancy_kept.compared_later(pairs, facts_of, frozenset(), alone, None)()
    shared = Counting(facts_of)
    memo = AnalysisMemo(tmp_path) if with_memo else None
    assert discrepancy_kept.compared_later(pairs, facts_of, frozenset(), shared, memo, workers=2)() == expected
    assert (alone.calls, shared.calls) == (5, 0)  # the processes compared them all
    if memo is not None:  # what they made was kept
        kept = Counting(facts_of)
        assert discrepancy_kept.compared_later(pairs, facts_of, frozenset(), kept, memo, workers=2)() == expected
        assert kept.calls == 0 and _kept(memo) == 2  # the same texts and facts: one key per value of same


def test_the_detector_shares_its_new_pairs_out_where_the_detectors_fork(tmp_path, seeds_dir, monkeypatch):
    import os

    import compare.detect

    alone = render(run([seeds_dir], HashingEmbedder()), "json")
    # The seeds are small: let the detectors fork, and the discrepancy detector's new pairs go to processes.
    monkeypatch.setattr(compare.detect, "PARALLEL_FROM_STATEMENTS", 0)
    monkeypatch.setattr(compare.detect, "usable_cores", lambda: 2)
    monkeypatch.setattr(discrepancy_kept, "PARALLEL_FROM", 1)
    pids = tmp_path / "pids"
    compare_aligned = discrepancy._compare_aligned

    def noted(*args):  # looked up by name where it is called: in the children
        with pids.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return compare_aligned(*args)

    monkeypatch.setattr(discrepancy, "_compare_aligned", noted)
    assert render(run([seeds_dir], HashingEmbedder(), memo=AnalysisMemo(tmp_path / "cache")), "json") == alone
    workers = set(pids.read_text().split())  # one or two: a process that is free first may take both shares
    assert workers and str(os.getpid()) not in workers
