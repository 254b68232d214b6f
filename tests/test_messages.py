"""Finding messages name articles as a reader knows them: by outlet, with the file as a secondary reference."""

from compare.detect import NAMED_OUTLETS, named, outlets
from compare.model import Corpus, Document
from compare.pipeline import run
from compare.stages.embed import HashingEmbedder


def _document(doc_id: str, **metadata: str) -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", text="Title\n\nBody.", title="Title", metadata=metadata)


def test_outlets_are_named_once_each_with_their_count_and_the_rest_counted():
    documents = [
        _document("01_a", outlet="Valley Courier"),
        _document("02_b", source="https://www.example.org/news/1"),
        _document("03_c"),
        *(_document(f"0{n}_d", outlet="Regional Wire") for n in (4, 5, 6)),
        *(_document(f"1{n}_e", outlet=f"Outlet {n}") for n in range(4)),
    ]
    corpus = Corpus(documents=documents)
    assert outlets(corpus, ["01_a", "02_b", "03_c"]) == "Valley Courier, example.org, 03"
    assert outlets(corpus, ["04_d", "05_d", "06_d", "01_a"]) == "Regional Wire ×3, Valley Courier"
    # Eight outlets: the first four named, the other four counted.
    assert NAMED_OUTLETS == 4
    assert outlets(corpus, [d.id for d in documents]) == "Valley Courier, example.org, 03, Regional Wire ×3, 4 more"
    assert named(documents[0]) == "Valley Courier (01_a)" and named(documents[2]) == "03_c"


def test_a_discrepancy_message_names_the_outlets_of_each_side(tmp_path):
    texts = {
        "a.txt": "Outlet: Valley Courier\nDate: 2024-05-02\n\nFlood in the valley\n\n"
        "The flood killed 12 people in the valley on Tuesday, officials said.\n",
        "b.txt": "Outlet: Regional Wire\nDate: 2024-05-02\n\nValley flood\n\n"
        "The flood killed 15 people in the valley on Tuesday, officials said.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = run([tmp_path], HashingEmbedder())
    messages = [f.message for f in corpus.findings if f.kind == "discrepancy"]
    assert messages and all("Valley Courier" in m and "Regional Wire" in m for m in messages), messages


def test_a_relative_date_is_labelled_with_its_day_or_why_it_has_none():
    from compare.detect.discrepancy_values import label
    from compare.model import Fact

    def saturday(doc: str, value: str) -> Fact:
        return Fact(kind="date", statement=f"{doc}#1", doc=doc, start=0, end=11, text="on Saturday", value=value)

    assert label([saturday("a", "weekday:Saturday"), saturday("b", "2024-03-23")]) == "on Saturday (2024-03-23)"
    assert label([saturday("a", "weekday:Saturday")]) == "on Saturday (in an undated article)"
