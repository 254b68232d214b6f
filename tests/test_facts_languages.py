"""The facts stage on Serbian (both scripts), Albanian and Russian statements, case by case from
tests/data/facts/{sr,sq,ru}.json: the facts English statements give, read from the other languages."""

import json
import math
import re
import subprocess
import sys

import pytest

from compare.analysis import facts
from compare.model import Corpus, Document, Statement
from compare.stages.segment import segment
from conftest import DATA, ROOT, one_statement_documents

FILES = {name: json.loads((DATA / "facts" / f"{name}.json").read_text(encoding="utf-8")) for name in ("sr", "sq", "ru")}
CASES = [(name, {"language": data["language"], "date": data["date"], **case})
         for name, data in FILES.items() for case in data["cases"]]


def extract(texts: list[tuple[str, str]], date: str = "") -> list:
    """The facts of one document per (text, language), each statement given that language."""
    return facts.extract(one_statement_documents([(text, date, language) for text, language in texts]))


def _matches(fact, want) -> bool:
    return fact.kind == want["kind"] and fact.text == want["text"] and all(
        getattr(fact, k) == v for k, v in want.items() if k not in ("kind", "text"))


@pytest.mark.parametrize("name, case", CASES, ids=lambda c: c if isinstance(c, str) else c["text"][:40])
def test_case(name, case):
    found = extract([(case["text"], case["language"])], case["date"])
    for want in case.get("expect", []):
        assert [f for f in found if _matches(f, want)], (want, [(f.kind, f.text, f.value, f.subject) for f in found])
    for unwanted in case.get("absent", []):
        assert not [f for f in found if _matches(f, unwanted)], found


def _compared(found) -> list[tuple]:
    return sorted((f.kind, f.value, f.subject, f.low, f.high) for f in found if f.kind in ("quantity", "date", "time"))


@pytest.mark.parametrize("name, case", [c for c in CASES if "english" in c[1]],
                         ids=lambda c: c if isinstance(c, str) else c["text"][:40])
def test_the_same_statement_in_english_gives_the_same_facts(name, case):
    theirs = _compared(extract([(case["text"], case["language"])], case["date"]))
    english = _compared(extract([(case["english"], "en")], case["date"]))
    assert theirs == english


def _places(found, doc: str) -> list[tuple[str, str]]:
    return [(f.text, f.value) for f in found if f.kind == "place" and f.doc == doc]


def test_places_meet_across_languages_scripts_and_case_endings():
    found = extract([
        ("The storm reached Belgrade first, then hit Durres and Tirana; officials in Moscow sent help.", "en"),
        ("Oluja je stigla u Beograd. U Beogradu je palo drveće, a u Kragujevac su stigli vatrogasci. "
         "Iz Kragujevca javljaju da je u Kragujevcu mirno.", "sh"),
        ("Олуја је прво стигла у Београд. У Београду нема струје.", "sr"),
        ("Stuhia goditi Durrësin. Në Durrës ka dëme, ndërsa në Tiranë jo.", "sq"),
        ("Помощь пришла из Москвы. В Москве объявили сбор.", "ru"),
    ])
    assert _places(found, "d0") == [("Belgrade", "belgrade"), ("Durres", "durres"), ("Tirana", "tirana"),
                                    ("Moscow", "moscow")]
    assert {v for _, v in _places(found, "d1")} == {"belgrade", "kragujevac"}
    assert [t for t, _ in _places(found, "d1")] == ["Beograd", "Beogradu", "Kragujevac", "Kragujevca", "Kragujevcu"]
    assert _places(found, "d2") == [("Београд", "belgrade"), ("Београду", "belgrade")]
    assert _places(found, "d3") == [("Durrësin", "durres"), ("Durrës", "durres"), ("Tiranë", "tirana")]
    assert _places(found, "d4") == [("Москвы", "moscow"), ("Москве", "moscow")]


def test_a_country_in_another_language_is_a_country():
    from compare.analysis.facts.places import COUNTRIES

    found = extract([("Delegacija je otputovala u Srbiju, a zatim u Albaniju.", "sh")])
    assert [(f.text, f.value) for f in found if f.kind == "place"] == [("Srbiju", "serbia"), ("Albaniju", "albania")]
    assert {"serbia", "albania"} <= COUNTRIES


def test_a_serbian_article_is_dated_from_its_first_lines():
    document = Document(id="a", path="a.txt", text="Beograd, 4. maja 2023.\nJuče je ubijeno osmoro dece.",
                        language="sh")
    statements = segment(document)
    for statement in statements:
        statement.language = "sh"
    found = facts.extract(Corpus(documents=[document], statements=statements))
    assert (document.date, document.date_source) == ("2023-05-04", "text")
    assert [f.value for f in found if f.text == "Juče"] == ["2023-05-03"]


def test_the_pipeline_reads_each_statement_in_its_detected_language(tmp_path):
    """Language detection, the per-article stage and the places across articles, end to end."""
    from compare.pipeline import run
    from compare.stages.embed import HashingEmbedder

    (tmp_path / "en.txt").write_text("Date: 2023-05-04\n\nShooting in Belgrade\n\n"
                                     "Eight children and a guard were killed in a school in Belgrade on Wednesday.\n",
                                     encoding="utf-8")
    (tmp_path / "sr.txt").write_text("Date: 2023-05-04\n\nPucnjava u Beogradu\n\n"
                                     "U školi u Beogradu u sredu je ubijeno devetoro dece i jedan čuvar.\n",
                                     encoding="utf-8")
    (tmp_path / "ru.txt").write_text("Date: 2023-05-04\n\nСтрельба в Белграде\n\n"
                                     "В среду в школе в Белграде погибли не менее восьми детей и охранник.\n",
                                     encoding="utf-8")
    corpus = run([tmp_path], HashingEmbedder())
    body = {s.doc: s for s in corpus.statements if s.role == "body"}
    assert {doc: s.language for doc, s in body.items()} == {"en": "en", "sr": "sh", "ru": "ru"}
    said = {doc: _compared(f for f in corpus.facts if f.statement == s.id) for doc, s in body.items()}
    assert ("quantity", "9", "children killed", 9.0, 9.0) in said["sr"]
    assert ("quantity", "at least 8", "children killed", 8.0, math.inf) in said["ru"]
    for doc in ("en", "sr", "ru"):
        assert ("date", "2023-05-03", "when", None, None) in said[doc]
        assert "belgrade" in {f.value for f in corpus.facts if f.statement == body[doc].id and f.kind == "place"}


def test_english_and_undetermined_statements_keep_the_english_readers():
    from compare.analysis.facts.languages import words_for

    assert words_for("en") is None and words_for("und") is None and words_for("de") is None
    assert words_for("sh") is words_for("sr") is words_for("ru", "sr")  # Cyrillic Serbian langdetect calls Russian
    assert words_for("sq").table == "sq" and words_for("ru").table == "ru"


def test_the_word_tables_name_only_what_the_english_readers_know():
    """A typo in a table's kind or value would silently read nothing, or a subject no English statement has."""
    from compare.analysis.facts.counted import BODIES, OUTCOMES
    from compare.analysis.facts.languages.words import load
    from compare.analysis.facts.people import _TITLES
    from compare.analysis.facts.quantities import VAGUE

    kinds = {"number", "people", "roughly", "scale", "vague", "joiner", "range", "between", "qualifier", "noun",
             "member", "body", "outcome", "part_of", "subordinator", "function", "percent", "magnitude", "weekday",
             "which", "future", "relative", "clock_before", "clock_after", "hour_cue", "evening", "zone", "report",
             "place_cue", "not_place", "ending", "age", "of", "condition", "at_the_scene", "another", "share_of",
             "transfer", "toward", "abroad", "office"}
    checks = {
        "number": lambda v: v.isdigit(), "people": lambda v: v.isdigit(), "roughly": lambda v: v.isdigit(),
        "scale": lambda v: v.isdigit(), "vague": lambda v: v in VAGUE, "body": lambda v: v in BODIES,
        "outcome": lambda v: v in set(OUTCOMES.values()), "which": lambda v: v in ("last", "next"),
        "qualifier": lambda v: v in ("at_least", "more_than", "less_than", "at_most", "about", "nearly"),
        "weekday": lambda v: v in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        "relative": lambda v: v.lstrip("-").isdigit(), "noun": lambda v: v.isalpha() and v.islower(),
        # an office is one of the titles the English role reader knows, as it writes them
        "office": lambda v: v.islower() and re.fullmatch(_TITLES, v.title()) is not None,
    }
    for table in ("sr", "sq", "ru"):
        path = ROOT / "compare" / "data" / f"fact-words-{table}.tsv"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                kind, words, value = (line.split("\t") + [""])[:3]
                assert kind in kinds, (table, line)
                assert words and all(w.strip() == w and w for w in words.split("|")), (table, line)
                assert checks.get(kind, lambda v: True)(value), (table, line)
        assert load(table).words("ending")


def test_the_spellings_module_can_be_imported_first():
    """facts.languages.places reads spellings, which imports facts.tokens: either may be imported first."""
    for first in ("compare.analysis.spellings", "compare.analysis.names", "compare.analysis.facts",
                  "compare.analysis.translation_diff"):
        subprocess.run([sys.executable, "-c", f"import {first}"], check=True, cwd=ROOT)


def test_people_taken_somewhere_are_counted_by_destination_not_as_the_toll():
    """A count its clause moves to a destination is a transfer there (a city read as its country); one treated
    abroad is in hospital "abroad"; a transfer in a relative clause after the count is not the count's."""
    from compare.analysis.facts import quantities, transfers
    from compare.analysis.facts.languages import counts
    from compare.analysis.facts.languages.words import load

    def read(text, table=None):
        statement = Statement("s", "d", 0, len(text), text, language=table or "en")
        words = load(table) if table else None
        found = counts.extract(statement, [], words) if words else quantities.extract(statement, [])
        return [(f.text, f.subject, transfers.destination(statement, f, words)) for f in
                transfers.relabel(statement, found, words)]

    assert read("Eight people hurt in the crash were flown to Türkiye on Friday.") == [
        ("Eight", "people transferred", "turkiye")]
    assert read("U Beograd je avionom dovezeno 12 pacijenata.", "sr") == [("12", "people transferred", "serbia")]
    assert read("Two were killed, while 30 others are being treated abroad.")[1] == ("30", "people hospitalised",
                                                                                       "abroad")
    assert read("Jashtë vendit trajtohen ende 26 pacientë.", "sq") == [("26", "people hospitalised", "abroad")]
    assert read("Povređeno je 90 ljudi, koji su prebačeni u bolnice u Skoplju.", "sr")[0][1] == "people injured"
