import json
import re

import jsonschema

from compare.stages.embed import HashingEmbedder
from compare.model import Evidence, Finding
from compare.options import RunOptions
from compare.pipeline import run
from compare.report import render
from compare.report.highlight import differing_spans
from compare.schemas import load
from conftest import SEEDS

SCHEMA = load("report-v1")


def _corpus_with_finding():
    corpus = run([SEEDS], HashingEmbedder(), RunOptions(threshold=0.5))
    doc = corpus.documents[0]
    corpus.findings.append(Finding("f99", "discrepancy", "warning", "3 vs 4 <b>attackers</b>",
                                   statements=[corpus.statements[0].id], subkind="count",
                                   evidence=[Evidence(doc.id, 0, 5, doc.text[:5])], group=corpus.groups[0].id))
    return corpus


def test_json_matches_schema_and_offsets_hold():
    corpus = _corpus_with_finding()
    data = json.loads(render(corpus, "json"))
    jsonschema.validate(data, SCHEMA)
    assert data["schema_version"] == 1
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for s in data["statements"]:
        assert texts[s["doc"]][s["start"]:s["end"]] == s["text"]
    for d in data["documents"]:
        for b in d["boilerplate"]:
            assert d["text"][b["start"]:b["end"]] == b["text"]
    ids = {s["id"] for s in data["statements"]}
    for g in data["groups"]:
        assert set(g["statements"]) <= ids
        assert len({s.split("#")[0] for s in g["statements"]}) >= 2
    for finding in data["findings"]:
        for e in finding["evidence"]:
            assert texts[e["doc"]][e["start"]:e["end"]] == e["text"]
    assert any(f["kind"] == "discrepancy" for f in data["findings"])


def test_text_report_puts_flagged_groups_first_and_summarises():
    corpus = _corpus_with_finding()
    out = render(corpus, "text", width=120)
    assert "Findings" in out and "discrepancy/count" in out
    first_group_line = next(line for line in out.splitlines() if re.match(r"g\d+ ", line))
    assert first_group_line.startswith(corpus.groups[0].id + " ")
    assert out.splitlines()[0].startswith(f"5 documents, {len(corpus.statements)} statements")


def test_markdown_escapes_article_text():
    corpus = _corpus_with_finding()
    out = render(corpus, "markdown")
    assert "<b>" not in out and "\\<b\\>" in out
    assert out.startswith("# compare-sources report")


def test_differing_numbers_and_names_are_marked():
    texts = ["93 soldiers were injured in Zvečan.", "30 soldiers were injured in Zvecan."]
    marked = [[t[s:e] for s, e in spans] for t, spans in zip(texts, differing_spans(texts))]
    assert marked == [["93", "Zvečan"], ["30", "Zvecan"]]


def test_the_json_report_is_written_as_the_standard_library_would_write_it():
    import json

    from compare.report.json_format import encode, encode_bytes

    data = {"text": "Vučić — „ZSO“ \u0417\u0421\u041e 😀 \"quoted\" \\ tab\t", "numbers": [0, -3, 0.5, 0.0001, 93, 1e16,
            2.5e-05, -1e-07, 1.5e17, 123456789012345.6, 123456789.125], "empty": {}, "list": [], "nested": [{"a": None, "b": True}]}
    assert encode(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    lone = {"text": "broken \udc80 byte"}  # orjson refuses a lone surrogate: the standard library writes it
    assert encode(lone) == json.dumps(lone, ensure_ascii=False, indent=2) + "\n"
    assert json.loads(encode_bytes(lone)) == lone  # in a file: valid UTF-8, the surrogate as its JSON escape
    assert encode_bytes(data) == encode(data).encode("utf-8")


def test_the_json_report_is_written_a_slice_of_records_at_a_time_as_it_would_be_whole(monkeypatch):
    from compare.report import json_format

    corpus = _corpus_with_finding()
    whole = json_format.encode_bytes(json_format.to_dict(corpus))
    for records in (1, 2, 10_000):  # a slice per record, several, one for each list
        monkeypatch.setattr(json_format, "_SLICE", records)
        assert json_format.dump_bytes(corpus) == whole
    corpus.findings, corpus.groups = [], []  # empty lists: "[]", as orjson writes them
    assert json_format.dump_bytes(corpus) == json_format.encode_bytes(json_format.to_dict(corpus))
    corpus.statements[0].text += " 0.00001"  # what orjson writes otherwise than json: the standard library's output
    assert json_format.dump_bytes(corpus) == (json.dumps(json_format.to_dict(corpus), ensure_ascii=False, indent=2)
                                              + "\n").encode()


def test_every_report_names_copy_families(tmp_path):
    import shutil

    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    shutil.copy(SEEDS / "003_1368b5bfcf4f8e9e.txt", tmp_path / "901_copy.txt")
    corpus = run([tmp_path], HashingEmbedder())
    assert corpus.document("901_copy").copy_of == "003_1368b5bfcf4f8e9e"
    for fmt in ("text", "markdown"):
        out = render(corpus, fmt, width=200) if fmt == "text" else render(corpus, fmt).replace("\\_", "_")
        assert "republishes 003_1368b5bfcf4f8e9e" in out and "republished by 1: 901_copy" in out
    assert "republishes 003_1368b5bfcf4f8e9e" in render(corpus, "html")
    assert json.loads(render(corpus, "json"))["documents"][-1]["copy_of"] == "003_1368b5bfcf4f8e9e"
