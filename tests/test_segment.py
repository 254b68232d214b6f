from compare.stages.ingest import read_document
from compare.model import Document
from compare.stages.segment import segment, sentence_spans
from conftest import SEEDS


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, 0, len(text))]


def test_offsets_point_into_the_text_on_every_seed():
    for path in SEEDS.glob("*.txt"):
        doc = read_document(path, path.stem)
        statements = segment(doc)
        assert statements
        for s in statements:
            assert doc.text[s.start:s.end] == s.text
            assert s.text == s.text.strip()
        starts = [s.start for s in statements]
        assert starts == sorted(starts)


def test_abbreviations_initials_and_numbers_do_not_split():
    text = "Mr. Stoltenberg met Dr. Osmani on Sept. 24 in the U.S. Embassy. J. Smith said 1.5 million left."
    assert _sentences(text) == [
        "Mr. Stoltenberg met Dr. Osmani on Sept. 24 in the U.S. Embassy.",
        "J. Smith said 1.5 million left.",
    ]


def test_abbreviations_of_the_source_languages_do_not_split():
    text = (
        "Дело возбуждено по ч. 2 ст. 105 УК, ущерб оценён в 3 млн. рублей. Следствие идёт. "
        "Zgrada u ul. Kralja Petra br. 12 je oštećena, tj. nije bezbedna. Policija je na licu mesta."
    )
    assert _sentences(text) == [
        "Дело возбуждено по ч. 2 ст. 105 УК, ущерб оценён в 3 млн. рублей.",
        "Следствие идёт.",
        "Zgrada u ul. Kralja Petra br. 12 je oštećena, tj. nije bezbedna.",
        "Policija je na licu mesta.",
    ]


def test_quotes_end_sentences_only_before_a_new_sentence():
    text = "“Such attacks are unacceptable. Those responsible must face justice”, added the head of NATO. He left."
    assert _sentences(text) == [
        "“Such attacks are unacceptable.",
        "Those responsible must face justice”, added the head of NATO.",
        "He left.",
    ]
    assert _sentences("“Is it over?” asked Vučić. “No.”") == ["“Is it over?” asked Vučić.", "“No.”"]


def test_roles_title_heading_body():
    text = "Four die in Banjska\n\nKFOR, Zvečan and Banjska\n\nA police officer was killed. Three attackers died.\n"
    doc = Document(id="d", path="d.txt", text=text, title="Four die in Banjska")
    statements = segment(doc)
    assert [(s.role, s.text) for s in statements] == [
        ("title", "Four die in Banjska"),
        ("heading", "KFOR, Zvečan and Banjska"),
        ("body", "A police officer was killed."),
        ("body", "Three attackers died."),
    ]
    assert [s.id for s in statements] == ["d#1", "d#2", "d#3", "d#4"]


def test_markdown_markup_is_not_part_of_the_statement():
    text = "# Title line\n\n- A bulleted claim about 30 men.\n"
    doc = Document(id="m", path="m.md", text=text, title="# Title line")
    statements = segment(doc)
    assert statements[-1].text == "A bulleted claim about 30 men."
    assert doc.text[statements[-1].start:statements[-1].end] == statements[-1].text
