"""Golden-file cases: articles in, expected findings out (tests/data/findings/<case>/).

A case is a folder with article files (or an "articles" path in case.json) and a
case.json listing the expected findings of the kinds it covers ("kinds", and
"subkinds" where given). Each expected finding names its kind, subkind,
severity, the document (id prefix, "doc") or the documents (id prefixes,
"docs"), the exact evidence texts and, optionally, entries its ``data`` must hold. A new case is a new folder, not new code.
"""

import json

import pytest

from compare.detect import registry
from compare.stages.embed import HashingEmbedder
from compare.pipeline import run
from conftest import DATA

CASES = sorted(p.parent for p in (DATA / "findings").glob("*/case.json"))


def _actual(corpus, kinds, subkinds=None):
    out = []
    for f in corpus.findings:
        if f.kind in kinds and (subkinds is None or f.subkind in subkinds):
            docs = sorted({e.doc for e in f.evidence})
            out.append({"kind": f.kind, "subkind": f.subkind, "severity": f.severity,
                        "docs": docs, "evidence": [e.text for e in f.evidence], "data": f.data.to_dict()})
    return out


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden_case(case):
    spec = json.loads((case / "case.json").read_text(encoding="utf-8"))
    articles = (case / spec["articles"]).resolve() if "articles" in spec else case
    corpus = run([articles], HashingEmbedder())
    for f in corpus.findings:  # evidence always quotes the text it points at
        for e in f.evidence:
            assert corpus.document(e.doc).text[e.start:e.end] == e.text
        assert f.rule in registry()[f.detector].rules  # every rule is declared, so SARIF can describe it
    actual = _actual(corpus, set(spec["kinds"]), spec.get("subkinds"))
    assert len(actual) == len(spec["expected"]), actual
    for want, got in zip(spec["expected"], actual):
        assert (got["kind"], got["subkind"], got["severity"]) == (want["kind"], want["subkind"], want["severity"])
        if "doc" in want:
            assert all(d.startswith(want["doc"]) for d in got["docs"]), got
        else:
            assert len(got["docs"]) == len(want["docs"]), got
            assert all(d.startswith(p) for d, p in zip(got["docs"], want["docs"])), got
        assert got["evidence"] == want["evidence"], got
        for key, value in want.get("data", {}).items():
            assert got["data"][key] == value, (key, got["data"])
