"""Which town a count is for (discrepancy_scope.count_place), in English and in a source language's word order."""

import pytest
from conftest import one_statement_documents

from compare.analysis import facts
from compare.detect.discrepancy_scope import scope_and_place

# (sentence, language, {count as written: its town, "" for none}); English articles name the towns, so that the
# corpus knows them as places in every language.
CASES = [
    ("Flash floods killed 16 people in Tuzla and three in Zenica overnight.", "en", {"16": "tuzla"}),
    # the town before its count, the next clause's town after it
    ("U Tuzli je tokom noći poginulo 16 osoba, dok su se u Zenici utopile tri osobe.", "sh",
     {"16": "tuzla", "tri": "zenica"}),
    # a list of one thing's counts, each town on its count's own side of the comma
    ("U Tuzli je aktivna potraga za tri nestale osobe, u Zenici za njih dvoje.", "sh",
     {"tri": "tuzla", "dvoje": "zenica"}),
    ("Of the dead, 16 died in Tuzla, two in Zenica and three in Bihać.", "en", {"16": "tuzla", "two": "zenica"}),
    ("U Zenici se traga za četiri nestale osobe, a u Tuzli za petoro nestalih.", "sh",
     {"četiri": "zenica", "petoro": "tuzla"}),
]


@pytest.mark.parametrize("text, language, towns", CASES, ids=lambda c: c[:30] if isinstance(c, str) else "")
def test_count_place(text, language, towns):
    corpus = one_statement_documents(
        [(text, "2025-03-10", language), ("Floods hit Tuzla, Zenica and Bihać on Monday.", "2025-03-10", "en")]
    )
    found = facts.extract(corpus)
    statement = corpus.statements[0] if corpus.statements[0].text == text else corpus.statements[1]
    own = [f for f in found if f.statement == statement.id]
    for count, town in towns.items():
        fact = next(f for f in own if f.kind == "quantity" and f.text == count)
        assert scope_and_place(statement, fact, own)[1] == town, (count, [(f.kind, f.text, f.value) for f in own])
