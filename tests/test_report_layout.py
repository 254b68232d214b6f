"""The text and Markdown reports' layout: summary first, positions as check prints them, repeats folded."""

import re

from compare.ci.locate import locate
from compare.model import Document, Evidence, Finding
from compare.pipeline import run
from compare.report import render
from compare.report.filters import Filters, kind_selectors, severities
from compare.report.layout import Layout, arrange, fold
from compare.report.positions import position, reference
from compare.stages.embed import HashingEmbedder
from conftest import SEEDS

BODY = "The council met on Monday to vote on the budget plan for the port and the new school.\n"


def _translated(write, count):
    """``count`` articles that each say they are machine translations, with outlet headers."""
    return [write(f"{n:02d}_site.txt", f"Outlet: Paper {n}\n\nBudget vote\n\nThis article was machine translated.\n"
                  + BODY) for n in range(count)]


def test_the_summary_comes_first_and_the_documents_last():
    corpus = run([SEEDS], HashingEmbedder())
    lines = render(corpus, "text", width=200).splitlines()
    assert lines[0].startswith(f"5 documents, {len(corpus.statements)} statements")
    assert lines[1].startswith("by kind: ") and "provenance 2 (machine_translation 1, translation 1)" in lines[1]
    first_finding = next(n for n, line in enumerate(lines) if re.match(r"(error|warning|info) +CS\d{3} ", line))
    documents = next(n for n, line in enumerate(lines) if line.strip() == "Documents")
    groups = next(n for n, line in enumerate(lines) if line.startswith("Statements reported by"))
    assert first_finding < 6 < groups < documents
    markdown = render(corpus, "markdown").splitlines()
    assert markdown.index("## Findings") < markdown.index("## Documents") == max(
        n for n, line in enumerate(markdown) if line.startswith("## "))


def test_a_large_corpus_leaves_its_documents_out_unless_asked(write):
    corpus = run(_translated(write, 21), HashingEmbedder())
    out = render(corpus, "text", width=200)
    assert "Documents" not in out and out.rstrip().endswith("21 documents: --documents lists them.")
    assert "Documents" in render(corpus, "text", width=200, layout=Layout(documents=True))
    assert "Documents" not in render(corpus, "text", width=200, layout=Layout(documents=False))


def test_evidence_is_placed_as_check_places_it_with_the_outlet_first(write):
    paths = _translated(write, 2)
    corpus = run(paths, HashingEmbedder())
    finding = next(f for f in corpus.findings if f.kind == "provenance")
    evidence = finding.evidence[0]
    document = corpus.document(evidence.doc)
    where = locate(document, evidence, document.path)
    assert position(document, evidence) == f"{document.path}:{where.start_line}:{where.start_column}"
    assert where.start_line == 5 and where.start_column == 18  # "machine translated" on the fifth line
    assert reference(document, evidence) == (document.outlet, position(document, evidence))
    assert document.outlet.startswith("Paper ")
    text = render(corpus, "text", width=300, layout=Layout(documents=False))
    assert f"{document.outlet} {document.path}:5:18" in text
    assert re.search(r"\[\d+:\d+\]", text) is None  # no character offsets left


def test_an_html_page_is_placed_by_its_path_alone():
    document = Document("p", "news/p.html", "Title\n\nText here.")
    assert position(document, Evidence("p", 7, 11, "Text")) == "news/p.html"
    assert reference(document, Evidence("p", 7, 11, "Text"))[0] == ""  # no outlet header: the path says it


def test_findings_repeated_per_document_are_folded_with_their_documents_listed(write):
    corpus = run(_translated(write, 4), HashingEmbedder())
    notes = [f for f in corpus.findings if f.rule == "provenance/machine_translation"]
    assert len(notes) == 4
    entries = fold(corpus.findings, corpus)
    folded = [e for e in entries if e.folded]
    assert len(folded) == 1 and folded[0].findings == notes
    text = render(corpus, "text", width=300)
    assert text.count("says it is a machine translation") == 1 and "(the same in 4 documents)" in text
    for finding in notes:
        document = corpus.document(finding.evidence[0].doc)
        assert f"{document.outlet} {position(document, finding.evidence[0])}" in text
    assert "findings repeated per document folded" in text.splitlines()[2]
    markdown = render(corpus, "markdown")
    assert markdown.count("says it is a machine translation") == 1 and "(the same in 4 documents)" in markdown


def test_findings_of_several_documents_or_other_wording_are_not_folded():
    corpus = run([SEEDS], HashingEmbedder())
    doc = corpus.documents[0]
    evidence = Evidence(doc.id, 0, 5, doc.text[:5])
    other = corpus.documents[1]
    made = [Finding(f"x{n}", "mt_artefact", "warning", message, evidence=[e], subkind="garbled")
            for n, (message, e) in enumerate([
                (f"“abc” is garbled in {doc.id}", evidence),
                (f"“xyz” is garbled in {other.id}", Evidence(other.id, 0, 5, other.text[:5])),
                (f"“abc” is garbled in {doc.id}", evidence),  # the same document again: not a repeat elsewhere
            ])]
    assert [len(e.findings) for e in fold(made, corpus)] == [1, 1, 1]
    alike = Finding("x9", "mt_artefact", "warning", f"“abc” is garbled in {other.id}",
                    evidence=[Evidence(other.id, 0, 5, other.text[:5])], subkind="garbled")
    assert [len(e.findings) for e in fold([made[0], alike], corpus)] == [2]


def test_sort_and_limit(write):
    corpus = run([SEEDS], HashingEmbedder())
    by_severity, total = arrange(corpus, Layout())
    assert total == len(by_severity) and [e.first for e in by_severity] == corpus.findings
    by_sources, _ = arrange(corpus, Layout(sort="sources"))
    counts = [max(len({e.doc for e in f.evidence}) for f in entry.findings) for entry in by_sources]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    order = {d.id: n for n, d in enumerate(corpus.documents)}
    by_document, _ = arrange(corpus, Layout(sort="document"))
    firsts = [min(order[e.doc] for e in entry.first.evidence) for entry in by_document]
    assert firsts == sorted(firsts)
    limited, total = arrange(corpus, Layout(limit=3))
    assert len(limited) == 3 and total == len(corpus.findings)
    assert "the first 3 of" in render(corpus, "text", width=300, layout=Layout(limit=3))


def test_filters_by_severity_kind_and_document():
    assert severities(["warning"]) == ("error", "warning")
    assert severities(["info,error"]) == ("error", "info")
    assert kind_selectors(["discrepancy/date"]) == ("CS102",)
    assert kind_selectors(["name_variant", "CS3"]) == ("CS201", "CS202", "CS203", "CS204", "CS3")
    corpus = run([SEEDS], HashingEmbedder())
    kept = Filters(kinds=kind_selectors(["mt_artefact"])).apply(corpus).findings
    assert kept and all(f.kind == "mt_artefact" for f in kept)
    doc = kept[0].evidence[0].doc
    only = Filters(documents=(doc,)).apply(corpus).findings
    assert only and all(any(e.doc == doc for e in f.evidence) for f in only)


def test_a_document_is_named_by_id_number_path_file_name_or_outlet(write):
    import pytest

    from compare.errors import UsageError
    from compare.report.filters import document_ids

    paths = _translated(write, 3)
    corpus = run(paths, HashingEmbedder())
    for name in ("01_site", "01", str(paths[1]), "01_site.txt", "paper 1"):
        assert document_ids([name], corpus) == ("01_site",), name
    assert document_ids(["00,Paper 2"], corpus) == ("00_site", "02_site")
    with pytest.raises(UsageError, match="names no document"):
        document_ids(["Paper 9"], corpus)
