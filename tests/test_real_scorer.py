"""The real-corpus scorer: labels found again in a report, findings matched to them through their evidence.

The report is the pipeline's own output on a small corpus written for the project
(tests/data/scorer/ferry-fire); its groups and findings are then replaced by
hand-made ones, so each matching rule is checked against a known answer.
"""

import json
import shutil

import pytest

from compare.stages.embed import HashingEmbedder
from compare.errors import InputError
from compare.evaluation import real
from compare.evaluation.labels import Mention, load_gold, locate
from compare.pipeline import run
from compare.report.json_format import to_dict
from conftest import DATA, ROOT

STORY = DATA / "scorer" / "ferry-fire"


@pytest.fixture(scope="module")
def report() -> dict:
    return to_dict(run([STORY], HashingEmbedder()))


@pytest.fixture
def gold():
    return load_gold(STORY / "gold.json")


def evidence(report: dict, doc: str, text: str, context: str | None = None) -> dict:
    document = next(d for d in report["documents"] if d["id"] == doc)
    index = real.ReportIndex(report)
    (start, end), *_ = locate(document["text"], Mention(doc, text, context), index.body_start[doc])
    return {"doc": doc, "text": text, "start": start, "end": end}


def statement(report: dict, doc: str, words: str) -> str:
    return next(s["id"] for s in report["statements"] if s["doc"] == doc and words in s["text"])


def finding(fid, kind, subkind, evidence, **data):
    return {"id": fid, "kind": kind, "subkind": subkind, "severity": "warning", "message": fid,
            "evidence": evidence, "statements": [], "group": None, "data": data}


def with_(report, groups=(), findings=()):
    return {**report, "groups": [{"id": f"g{n}", "statements": list(g)} for n, g in enumerate(groups, 1)],
            "findings": list(findings)}


def test_a_discrepancy_is_found_when_two_of_its_values_are_in_one_finding(report, gold):
    toll = finding("f1", "discrepancy", "count", [evidence(report, "01_harbour-news", "12", "killed 12 people"),
                                                  evidence(report, "02_adriatic-daily", "Fifteen")])
    result = real.score(with_(report, findings=[toll]), gold)["discrepancies"]
    assert (result["found"], result["matched"], result["precision"]) == (1, 1, 1.0)
    assert result["by_label"]["conflict"]["found"] == 1 and result["by_label"]["update"]["found"] == 0
    # 12 alone of the update's values is in the finding: that is not the update found.
    assert [m["id"] for m in result["missed"]] == ["d2"]
    assert result["labelled_right"] == {"found": 1, "right": 1, "share": 1.0}


def test_an_update_reported_as_a_conflict_is_found_but_labelled_wrong(report, gold):
    toll = finding("f1", "discrepancy", "count", [evidence(report, "01_harbour-news", "12", "killed 12 people"),
                                                  evidence(report, "03_wire-service", "17", "risen to 17")])
    result = real.score(with_(report, findings=[toll]), gold)["discrepancies"]
    assert result["found"] == 1 and result["wrongly_labelled"] == [
        {"id": "d2", "label": "update", "reported": ["conflict"]}]
    toll["data"]["possible_update"] = True
    assert real.score(with_(report, findings=[toll]), gold)["discrepancies"]["labelled_right"]["right"] == 1


def test_a_consistent_fact_split_across_values_is_flagged_and_unmatched(report, gold):
    a, b = "01_harbour-news", "02_adriatic-daily"
    injured = finding("f1", "discrepancy", "count",
                      [evidence(report, a, "40 passengers"), evidence(report, b, "Around 40 travellers")],
                      values=[{"value": "40", "documents": [a], "texts": ["40 passengers"]},
                              {"value": "about 40", "documents": [b], "texts": ["Around 40 travellers"]}])
    result = real.score(with_(report, findings=[injured]), gold)
    assert result["consistent"]["flagged"] == 1
    assert result["discrepancies"]["precision"] == 0.0
    assert [i["finding"] for i in result["unmatched"]["01_harbour-news"]] == ["f1"]
    # The two under one value are agreement, not a flag.
    injured["data"]["values"] = [{"value": "40", "documents": [a, b], "texts": ["40 passengers", "Around 40 travellers"]},
                                 {"value": "17", "documents": ["03_wire-service"], "texts": ["17"]}]
    assert real.score(with_(report, findings=[injured]), gold)["consistent"]["flagged"] == 0
    # A finding that compares other words is no flag of this fact.
    toll = finding("f2", "discrepancy", "count", [evidence(report, a, "12", "killed 12 people"),
                                                  evidence(report, b, "Fifteen")],
                   values=[{"value": "12", "documents": [a], "texts": ["12"]},
                           {"value": "15", "documents": [b], "texts": ["Fifteen"]}])
    assert real.score(with_(report, findings=[toll]), gold)["consistent"]["flagged"] == 0


def test_a_name_variant_matches_through_its_own_mentions_only(report, gold):
    right = finding("f1", "name_variant", "truncation",
                    [evidence(report, "02_adriatic-daily", "Horvatt"), evidence(report, "01_harbour-news", "Horvat")],
                    variant="Horvatt", entity="Horvat")
    backwards = finding("f2", "name_variant", "truncation",
                        [evidence(report, "01_harbour-news", "Horvat"), evidence(report, "02_adriatic-daily", "Horvatt")],
                        variant="Horvat", entity="Horvatt")
    result = real.score(with_(report, findings=[right, backwards]), gold)
    artefacts = result["artefacts"]
    assert (artefacts["found"], artefacts["findings"], artefacts["matched"]) == (1, 2, 1)
    assert artefacts["expected_form"] == {"named": 1, "right": 1}
    assert [i["finding"] for i in result["unmatched"]["01_harbour-news"]] == ["f2"]


def test_pairs_and_boilerplate_follow_the_groups(report, gold):
    horvat = [statement(report, doc, "Horvat") for doc in ("01_harbour-news", "02_adriatic-daily", "03_wire-service")]
    # The reader sets "Share this article" aside; a statement over it stands for a reader that did not.
    share = evidence(report, "01_harbour-news", "Share this article")
    statements = report["statements"] + [{"id": "01_harbour-news#99", "doc": share["doc"], "text": share["text"],
                                          "start": share["start"], "end": share["end"]}]
    result = real.score(with_({**report, "statements": statements},
                              groups=[horvat[:2], ["01_harbour-news#99", horvat[2]]]), gold)
    assert result["pairs"]["grouped"] == 1 and result["pairs"]["independent"]["recall"] == 1.0
    assert result["pairs"]["missed"][0]["id"] == "p2"
    assert result["boilerplate"]["aligned"] == 1
    assert result["boilerplate"]["aligned_strings"][0]["id"] == "b1"


def test_findings_below_the_chosen_severity_are_left_out(report, gold):
    info = finding("f1", "mt_artefact", "garbled", [evidence(report, "02_adriatic-daily", "Horvatt")])
    info["severity"] = "info"
    assert real.score(with_(report, findings=[info]), gold)["artefacts"]["found"] == 1
    assert real.score(with_(report, findings=[info]), gold, min_severity="warning")["artefacts"]["findings"] == 0


def test_labels_quote_the_body_not_the_header(report, gold):
    # "Ferry toll rises to 17" is both the Title: header and the body's first line.
    doc = next(d for d in report["documents"] if d["id"] == "03_wire-service")
    spans = locate(doc["text"], Mention("03_wire-service", "Ferry toll rises"), real.ReportIndex(report).body_start[doc["id"]])
    assert len(spans) == 1 and spans[0][0] > doc["text"].index("\n\n")


def test_a_corpus_that_lost_a_labelled_string_is_reported(tmp_path, gold):
    folder = tmp_path / "ferry-fire"
    shutil.copytree(STORY, folder)
    article = folder / "02_adriatic-daily.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("Horvatt", "Horvat"), encoding="utf-8")
    (folder / "03_wire-service.txt").unlink()
    data = real.read_articles(folder, gold)
    problems = real.missing(gold, real.ReportIndex(data).bodies())
    assert any(p.startswith("03_wire-service: the article is missing") for p in problems)
    assert any(p.startswith("a1: 02_adriatic-daily does not contain 'Horvatt'") for p in problems)


def test_pairs_discrepancies_and_translations_across_languages_are_counted_apart(tmp_path, report):
    # The same corpus, read as if the Adriatic Daily were in Croatian and the wire story its translation.
    data = json.loads((STORY / "gold.json").read_text(encoding="utf-8"))
    data["documents"][1]["language"] = "hr"
    data["documents"][2]["translation_of"] = "02_adriatic-daily"
    (tmp_path / "gold.json").write_text(json.dumps(data), encoding="utf-8")
    gold = load_gold(tmp_path / "gold.json")
    horvat = [statement(report, doc, "Horvat") for doc in ("01_harbour-news", "02_adriatic-daily")]
    toll = finding("f1", "discrepancy", "count", [evidence(report, "01_harbour-news", "12", "killed 12 people"),
                                                  evidence(report, "02_adriatic-daily", "Fifteen")])
    documents = [dict(d, translation_of="02_adriatic-daily" if d["id"] == "03_wire-service" else "")
                 for d in report["documents"]]
    result = real.score(with_({**report, "documents": documents}, groups=[horvat], findings=[toll]), gold)
    assert result["pairs"]["across_languages"] == {"labelled": 1, "grouped": 1, "recall": 1.0}
    assert result["discrepancies"]["across_languages"] == {"labelled": 1, "found": 1}
    assert result["translations"] == {"labelled": 1, "found": 1, "missed": [], "unlabelled": []}
    unpaired = real.score(with_(report, groups=[horvat], findings=[toll]), gold)["translations"]
    assert unpaired["found"] == 0 and unpaired["missed"] == ["02_adriatic-daily → 03_wire-service"]


def test_a_translation_of_naming_no_document_is_an_input_error(tmp_path):
    data = json.loads((STORY / "gold.json").read_text(encoding="utf-8"))
    data["documents"][2]["translation_of"] = "04_nowhere"
    (tmp_path / "gold.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="translation_of '04_nowhere' is not in 'documents'"):
        load_gold(tmp_path / "gold.json")


@pytest.mark.parametrize("change, reason", [
    (lambda g: g.update(gold_version=2), "gold_version"),
    (lambda g: g["discrepancies"][0].update(label="contradiction"), "discrepancies/0/label"),
    (lambda g: g["artefacts"][0].update(document="04_nowhere"), "not in 'documents'"),
    (lambda g: g["pairs"][0]["statements"][1].update(document="01_harbour-news"), "two different documents"),
    (lambda g: g["consistent"][0].update(id="d1"), "used twice: d1"),
])
def test_a_broken_gold_file_is_an_input_error_naming_the_problem(tmp_path, change, reason):
    data = json.loads((STORY / "gold.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        load_gold(path)


@pytest.mark.parametrize("path", sorted((ROOT / "corpora").glob("*/gold.json")), ids=lambda p: p.parent.name)
def test_the_development_corpora_gold_files_are_valid(path):
    gold = load_gold(path)
    assert gold.story == path.parent.name
    assert len(gold.documents) >= 12 and len({d.outlet for d in gold.documents}) >= 8
    # Third-party text: a label quotes a value, a name or a sentence's opening words, never a passage.
    assert max(len(text) for _, m in gold.mentions() for text in (m.text, m.context or "")) <= 90
