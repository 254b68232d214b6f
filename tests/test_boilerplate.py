import json

import pytest

from compare.boilerplate import lines_with_offsets, mark_boilerplate
from compare.gold import AlignmentGold
from compare.ingest import read_document
from compare.segment import segment
from conftest import DATA, SEEDS


def _all_seed_documents():
    return [read_document(p, p.stem) for p in sorted(SEEDS.glob("*.txt"))]


def test_seed_boilerplate_is_marked_and_never_segmented():
    gold = AlignmentGold.load(DATA / "alignment" / "seeds.json")
    documents = _all_seed_documents()
    marked = [b.text for d in documents for b in d.boilerplate]
    statements = [s.text for d in documents for s in segment(d)]
    for line in gold.never_grouped:
        assert any(line in m for m in marked), f"{line!r} not marked as boilerplate"
        assert not any(line in s for s in statements), f"{line!r} became a statement"


def test_story_lines_are_not_boilerplate():
    documents = _all_seed_documents()
    marked = " ".join(b.text for d in documents for b in d.boilerplate)
    for story in ["93 soldiers were injured", "Peleven years after", "KFOR, Zvečan and Banjska",
                  "What did Stoltenberg, Kurti and Osmani say?", "NATO forces operating as KFOR"]:
        assert story not in marked


@pytest.mark.parametrize("lines, expected", [
    (["Watch the video:", "Caption of the clip", "The British Broadcasting Corporation", "Story goes on here."],
     ["video plug", "video", "video"]),
    (["Previous Article", "Some other story title"], ["navigation", "teaser"]),
    (["Photo: Reuters"], ["photo credit"]),
    (["1,234 views 12 comments"], ["counter"]),
    (["Tags: Kosovo Serbia"], ["tags"]),
])
def test_rules(lines, expected):
    spans = list(lines_with_offsets("\n".join(lines)))
    assert [b.reason for b in mark_boilerplate(spans)] == expected
