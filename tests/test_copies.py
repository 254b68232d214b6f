"""Copy families: wire copy republished word for word or lightly edited is one origin (compare.analysis.copies)."""

from compare.analysis.copies import families
from compare.model import Corpus, Document
from compare.stages.segment import segment
from conftest import SEEDS


def _corpus(texts: dict[str, str]) -> Corpus:
    documents = [Document(id=name, path=f"{name}.txt", text=text) for name, text in texts.items()]
    return Corpus(documents=documents, statements=[s for d in documents for s in segment(d)])


def _seeds() -> dict[str, str]:
    return {p.stem.split("_")[0]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def test_independent_articles_are_their_own_origins():
    origin = families(_corpus(_seeds()))
    assert all(doc == own for doc, own in origin.items())


def test_verbatim_and_edited_copies_join_their_original():
    texts = _seeds()
    texts["copy1"] = texts["003"]
    texts["copy2"] = texts["003"]
    # A light edit: one number changed and the last paragraph cut.
    texts["edited"] = texts["003"].replace("1,000 troops", "1,200 troops").rsplit("\n", 2)[0]
    origin = families(_corpus(texts))
    assert origin["copy1"] == origin["copy2"] == origin["edited"] == origin["003"] == "003"
    assert {doc for doc, own in origin.items() if own == "003"} == {"003", "copy1", "copy2", "edited"}
    assert all(origin[d] == d for d in ("000", "001", "002", "004"))


def test_the_earliest_dated_copy_is_the_origin():
    texts = _seeds()
    corpus = _corpus({"late": texts["003"], "early": texts["003"]})
    corpus.document("late").date, corpus.document("early").date = "2023-11-22", "2023-11-20"
    assert families(corpus) == {"late": "early", "early": "early"}


def test_a_shared_quotation_does_not_make_a_copy():
    texts = _seeds()
    quote = next(line for line in texts["003"].splitlines() if "93 soldiers" in line)
    # An independent article (another seed) that quotes the sentence.
    origin = families(_corpus({"003": texts["003"], "other": texts["000"] + "\n\n" + quote}))
    assert origin["other"] == "other"


def test_outlet_names_the_publisher():
    doc = Document(id="005_x", path="x.txt", text="", metadata={"source": "https://www.example-news.org/a/1"})
    assert doc.outlet == "example-news.org"
    doc.metadata["outlet"] = "Example News"
    assert doc.outlet == "Example News"
    assert Document(id="005_x", path="x.txt", text="").outlet == "005_x"
