"""The per-document memo: what it keys on, and that a run served from it says exactly what a fresh run says."""

from __future__ import annotations

import dataclasses
import shutil

from compare.stages.align import Nearest
from compare.stages.embed import HashingEmbedder
from compare.infra.memo import AnalysisMemo, document_key
from compare.model import Document
from compare.pipeline import run
from compare.report import render


def test_the_key_follows_what_a_stage_reads_and_not_the_name_or_path():
    doc = Document(id="a", path="a.txt", text="Four people died.", title="", metadata={"date": "2023-09-24"})
    same = dataclasses.replace(doc, id="b", path="elsewhere/b.txt")
    assert document_key(doc) == document_key(same)
    assert document_key(doc) != document_key(dataclasses.replace(doc, text="Five people died."))
    assert document_key(doc) != document_key(dataclasses.replace(doc, metadata={"date": "2023-09-25"}))


def test_a_run_from_the_memo_reports_what_a_fresh_run_reports(tmp_path, seeds_dir):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    (corpus / "zz_partly_serbian.txt").write_text(
        "Kurti visits Banjska\n\nKosovo Prime Minister Albin Kurti visited Banjska on Monday. "
        "Predsednik Srbije rekao je da su napadi na Srbe u Banjskoj neprihvatljivi i da će Srbija odgovoriti. "
        "Four police officers were injured.\n", encoding="utf-8")
    fresh_corpus = run([corpus], HashingEmbedder())
    assert {s.language for s in fresh_corpus.statements} > {"en"}  # languages too must come back from the memo
    fresh = render(fresh_corpus, "json")
    memo = AnalysisMemo(tmp_path / "cache")
    first = render(run([corpus], HashingEmbedder(), memo=memo), "json")
    assert memo.hits == 0 and memo.misses > 0
    per_document = (memo.misses - 1) // len(fresh_corpus.documents)  # each stage's value; and one search
    second = render(run([corpus], HashingEmbedder(), memo=memo), "json")
    assert memo.hits > 0
    assert fresh == first == second
    # One article changed and one renamed (so ids move): only the changed one is worked out again.
    changed = sorted(corpus.glob("*.txt"))
    changed[0].write_text(changed[0].read_text(encoding="utf-8").replace("Kosovo", "Kosova", 1), encoding="utf-8")
    changed[1].rename(corpus / "zz_renamed.txt")
    misses = memo.misses
    again_corpus = run([corpus], HashingEmbedder(), memo=memo)
    again = render(again_corpus, "json")
    # The changed article's values, and the comparisons of aligned pairs with its changed sentence or with the
    # renamed article (a pair's comparison is kept in its documents' order, which the new name may turn round):
    # nothing else.
    changed_pairs = [
        p for g in again_corpus.groups for p in g.pairs
        if "Kosova" in again_corpus.statement(p.a).text + again_corpus.statement(p.b).text
        or "zz_renamed" in (again_corpus.statement(p.a).doc, again_corpus.statement(p.b).doc)
    ]
    assert per_document <= memo.misses - misses <= per_document + len(changed_pairs)
    assert again == render(run([corpus], HashingEmbedder()), "json")


def test_a_damaged_value_is_a_miss_not_a_crash(tmp_path):
    memo = AnalysisMemo(tmp_path)
    memo.put_many("facts", {"k": ("2023-09-24", "header", [])})
    memo._db.execute("UPDATE results SET value = x'ff00'")
    memo._db.commit()
    assert memo.get_many("facts", ["k"]) == {}
    assert Nearest.from_record(memo.get_one("nearest", "model:8")) is None


def test_rows_of_another_version_are_dropped_when_the_memo_is_opened(tmp_path, monkeypatch):
    import compare.infra.memo

    memo = AnalysisMemo(tmp_path)
    memo.put_many("facts", {"k": ("", "", [])})
    memo.close()
    assert AnalysisMemo(tmp_path).get_many("facts", ["k"]) == {"k": ("", "", [])}
    monkeypatch.setattr(compare.infra.memo, "analysis_version", lambda: "another")
    again = AnalysisMemo(tmp_path)
    assert again._db.execute("SELECT COUNT(*) FROM results").fetchone()[0] == 0
