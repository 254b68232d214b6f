import json

import pytest

from compare.stages.boilerplate import lines_with_offsets, mark_boilerplate
from benchmarks.alignment_gold import AlignmentGold
from compare.stages.ingest import read_document
from compare.stages.segment import segment
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
    (["14 May 2025 08:30 (UTC+02:00)", "Jun 3, 2025, 9:12 AM | Updated: 4:05 pm", "NEWS 03.06.2025 17:40",
      "12. jun 2025 10:15", "Tuesday, 3 June 2025"], ["timestamp"] * 5),
    (["w.queue=[];s=d.createElement(t);s.async=!0;", "function track(){layer.push(arguments);}"], ["script"] * 2),
    (["The plan (a draft) was ready; it goes to a vote (the second) on Monday.", "The score was x = 5."], []),
    (["Rescuers lift a slab from a flattened house in Lowtown, Examplia, March 4, 2021.",
      "Volunteers queue to give blood in Midvale, 5 March 2021. (Example Press)"], ["photo caption"] * 2),
    (["Image copyright Example Pictures"], ["photo credit"]),
    (["From: Desk Staff", "By: A. Writer"], ["byline"] * 2),
    (["Support The Example Herald!", "Support our journalism"], ["share prompt"] * 2),
    (["https://example.org/2025/06/03/river-bursts-its-banks", "6 min read", "(WIRE- Example Agency)",
      "Please enter your comment!", "Home > News > Region", "News » World » Examplia"],
     ["link", "reading time", "source tag", "comment form", "breadcrumbs", "breadcrumbs"]),
    (["The storm reached Lowtown, Examplia, on March 4, 2021.", "Support for the plan grew after the vote.",
      "From the harbour the smoke could be seen for miles."], []),
])
def test_rules(lines, expected):
    spans = list(lines_with_offsets("\n".join(lines)))
    assert [b.reason for b in mark_boilerplate(spans)] == expected


@pytest.mark.parametrize("line", ["On 3 June 2025 the river burst its banks.", "6,200", "Marchers gathered on 5 May",
                                  "Published on Tuesday", "May 2025 protests"])
def test_story_lines_with_dates_are_not_timestamps(line):
    assert mark_boilerplate(list(lines_with_offsets(line))) == []


def test_a_publication_stamp_still_dates_the_article(write):
    from compare.analysis.facts.dates import document_date

    path = write("stamped.txt", "Bridge reopens\n\n14 May 2025 08:30 (UTC+02:00)\n\n"
                                "The bridge reopened on Monday after repairs.\n")
    document = read_document(path, "stamped")
    assert [b.reason for b in document.boilerplate] == ["timestamp"]
    assert document_date(document, segment(document))[0].isoformat() == "2025-05-14"


def test_a_page_opening_on_its_stamp_takes_the_next_line_as_title(write):
    document = read_document(write("stamp-first.txt", "Outlet: Example\n\n3 June 2025 17:40\n\nBridge reopens\n\n"
                                                      "The bridge reopened on Monday.\n"), "stamp-first")
    assert document.title == "Bridge reopens"
    assert [b.reason for b in document.boilerplate] == ["header", "timestamp"]


@pytest.mark.parametrize("line, parts", [
    # Page furniture run into the text after it is cut off as a line of its own, and set aside.
    ("date 2025-06-03 The river burst its banks overnight.", ["date 2025-06-03", "The river burst its banks overnight."]),
    ("03.06.2025. | 21:38The river burst its banks overnight.", ["03.06.2025. | 21:38", "The river burst its banks overnight."]),
    ("date 2025-06-03 https://example.org/river Lowtown was flooded overnight.",
     ["date 2025-06-03", "https://example.org/river", "Lowtown was flooded overnight."]),
    ("(WIRE- Example Agency) The river burst its banks.", ["(WIRE- Example Agency)", "The river burst its banks."]),
    ("4 min readThe river burst its banks overnight.", ["4 min read", "The river burst its banks overnight."]),
    ("Photo: Example Press/Ana MarkovaThe river burst its banks.", ["Photo: Example Press/Ana Markova", "The river burst its banks."]),
    ("Photo: EP The river burst its banks overnight.", ["Photo: EP", "The river burst its banks overnight."]),
    # A sentence's own date, a caption and a short tail stay whole.
    ("On 3 June 2025 Lowtown was flooded.", ["On 3 June 2025 Lowtown was flooded."]),
    ("3 June 2025 Lowtown was flooded again.", ["3 June 2025 Lowtown was flooded again."]),
    ("17:45 Update", ["17:45 Update"]),
])
def test_glued_furniture_is_its_own_line(line, parts):
    spans = list(lines_with_offsets("Title line\n" + line))[1:]
    assert [s.text for s in spans] == parts
    text = "Title line\n" + line
    assert all(text[s.start:s.end] == s.text for s in spans)
    marked = {b.text for b in mark_boilerplate(spans)}
    assert marked == set(parts[:-1])
