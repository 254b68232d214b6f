"""The facts stage, case by case from tests/data/facts/cases.json (a new case is a new entry)."""

import json

import pytest
from conftest import DATA, SEEDS

from compare.analysis import facts
from compare.analysis.facts import agreement, dates
from compare.model import Corpus, Document
from compare.stages.segment import segment

CASES = json.loads((DATA / "facts" / "cases.json").read_text(encoding="utf-8"))["cases"]


def extract(text: str, date: str = "") -> list:
    # The title line is a statement of its own: keep the sentence under test in the body.
    document = Document(id="a", path="a.txt", text="Title\n" + text, title="Title",
                        metadata={"date": date} if date else {})
    corpus = Corpus(documents=[document], statements=segment(document))
    return facts.extract(corpus)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"][:40])
def test_case(case):
    found = extract(case["text"], case.get("date", ""))
    for want in case.get("expect", []):
        matches = [f for f in found if f.kind == want["kind"] and f.text == want["text"]
                   and all(getattr(f, k) == v for k, v in want.items() if k not in ("kind", "text"))]
        assert matches, (want, [(f.kind, f.text, f.value, f.subject) for f in found])
    for unwanted in case.get("absent", []):
        assert not [f for f in found if f.kind == unwanted["kind"] and f.text == unwanted["text"]
                    and all(getattr(f, k) == v for k, v in unwanted.items() if k not in ("kind", "text"))], found


def test_every_fact_quotes_its_span():
    from compare.pipeline import load_documents, segment_documents

    documents, _ = load_documents([SEEDS])
    corpus = Corpus(documents=documents, statements=segment_documents(documents))
    found = facts.extract(corpus)
    assert len(found) > 100
    for f in found:
        assert corpus.document(f.doc).text[f.start:f.end] == f.text, f
        statement = corpus.statement(f.statement)
        if f.kind != "attribution":  # a quotation's speaker may be named in its last sentence
            assert statement.start <= f.start and f.end <= statement.end, f


def test_article_date_from_text():
    from compare.pipeline import load_documents, segment_documents

    documents, _ = load_documents([SEEDS])
    corpus = Corpus(documents=documents, statements=segment_documents(documents))
    facts.extract(corpus)
    dated = {d.id[:3]: (d.date, d.date_source) for d in corpus.documents}
    assert dated["003"] == ("2023-11-20", "text")
    assert dated["000"] == ("", "")


@pytest.mark.parametrize("a,b,agree", [
    ("about 30", "at least 30", True), ("more than 90", "93", True), ("93", "30", False),
    ("3", "4", False), ("about 100", "117", False), ("hundreds", "300", True), ("10–15", "12", True),
    # two estimates agree where one lies within the other's 10 %, not where their intervals merely touch
    ("about 100", "about 110", True), ("about 100", "about 120", False), ("about 100", "108", True),
])
def test_quantity_compatibility(a, b, agree):
    fa = next(f for f in extract(f"Officials said {a} soldiers were injured.") if f.kind == "quantity")
    fb = next(f for f in extract(f"Officials said {b} soldiers were injured.") if f.kind == "quantity")
    assert agreement.compatible(fa, fb) is agree


@pytest.mark.parametrize("a,b,agree", [
    ("????-05", "2023-05-29", True), ("2023-05-30", "2023-05-29", False), ("????-09-24", "2023-09-24", True),
    ("2023", "????-09-24", True), ("weekday:Monday", "2023-11-20", True), ("weekday:Tuesday", "2023-11-20", False),
])
def test_date_compatibility(a, b, agree):
    assert dates.compatible(a, b) is agree


def test_same_name_pairs_are_exactly_the_pairs_same_name_accepts():
    import random
    from itertools import combinations

    from compare.analysis.facts.tokens import fold, same_name, same_name_pairs

    rng = random.Random(3)
    base = ["Banjska", "Zvečan", "Leposavić", "Kurti", "Vučić", "Rutte", "Stoltenberg", "Osmani", "Ana",
            "Radoičić", "Jarinje", "Zubin Potok", "Prime Minister Albin Kurti", "North Atlantic Treaty Organization",
            "Community of Serb Municipalities", "Bo", "Ljubljana"]
    names = set(base)
    for name in base * 6:  # damaged copies: a letter dropped, doubled, swapped or replaced
        i = rng.randrange(len(name))
        names.add(rng.choice((name[:i] + name[i + 1:], name[:i] + name[i] + name[i:],
                              name[:i] + rng.choice("aeiojkns") + name[i + 1:], name.upper(),
                              name[:i] + rng.choice("aeiojkns") + name[i:] + rng.choice("ae"))))
    folded = sorted({fold(n) for n in names})
    expected = {(a, a) for a in folded} | {(a, b) for a, b in combinations(folded, 2) if same_name(a, b)}
    assert same_name_pairs(names) == expected
    assert len(expected) > len(folded)  # the damaged copies do pair up


def test_a_values_label_does_not_depend_on_the_hash_seed():
    import os
    import subprocess
    import sys

    code = ("from compare.model import Fact; from compare.detect.discrepancy_values import label; "
            "facts = [Fact('place', f's{n}', f'd{n}', 0, 7, text, 'tuljake') "
            "for n, text in enumerate(['Tuljaze', 'Tuljake', 'Tuljake', 'Tuljaze'])]; print(label(facts))")
    labels = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip() for seed in range(6)}
    assert labels == {"Tuljaze"}  # a tie goes to the wording met first


def test_lowered_words_are_the_tokens_lower_forms():
    from compare.analysis.facts.tokens import _tokens, lowered_words

    texts = [s.text for path in sorted(SEEDS.glob("*.txt"))
             for s in segment(Document(id=path.stem, path=str(path), text=path.read_text(encoding="utf-8")))]
    texts += ["Gen. Ristić arrived at 10 a.m. on Sept. 29.", "U.S.-led KFOR: 93 (3.5%) hurt…", "Mr. X. Y."]
    for text in texts:
        assert lowered_words(text) == tuple(t.lower for t in _tokens(text, 0)), text
