"""The HTML report's markup: self-contained, escaped, complete, and every link lands somewhere."""

import base64
import hashlib
import html
import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare.cli import app
from compare.stages.embed import HashingEmbedder
from compare.pipeline import run
from compare.report import render
from compare.report.page import Ids
from compare.report.paths import shown_paths
from conftest import PAYLOADS, ROOT, SEEDS


class Page(HTMLParser):
    """Every start tag with its attributes, the ids, and the raw text of <style> and <script>."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.raw: dict[str, list[str]] = {"style": [], "script": []}
        self._in: str | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in self.raw else None

    def handle_data(self, data):
        if self._in:
            self.raw[self._in].append(data)

    def handle_endtag(self, tag):
        self._in = None

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.tags if "id" in a]


@pytest.fixture(scope="module")
def seeds():
    corpus = run([SEEDS], HashingEmbedder())
    return corpus, render(corpus, "html")


def test_self_contained_every_link_lands_and_ids_are_unique(seeds):
    _, text = seeds
    page = Page(text)
    tags = {t for t, _ in page.tags}
    assert not tags & {"link", "img", "iframe", "object", "embed", "base"}
    assert not any("src" in a for _, a in page.tags)  # no script, image or frame from anywhere
    ids = page.ids()
    assert len(ids) == len(set(ids))
    for _, attrs in page.tags:
        href = attrs.get("href")
        if href is not None:
            assert href.startswith("#") and href[1:] in ids or re.match(r"https?://", href), href


def test_csp_allows_only_the_page_own_style_and_script(seeds):
    _, text = seeds
    page = Page(text)
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    for kind, directive in (("style", "style-src"), ("script", "script-src")):
        (source,) = page.raw[kind]
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp


def test_every_finding_is_shown_with_jumps_to_its_evidence(seeds):
    corpus, text = seeds
    ids = set(Page(text).ids())
    for f in corpus.findings:
        assert f"finding-{f.id}" in ids
        for k, e in enumerate(f.evidence):
            assert f"ev-{f.id}-{k}" in ids  # the anchor in the full text
            assert f'href="#ev-{f.id}-{k}"' in text  # the link from the side-by-side excerpt
    assert "1 of 2 sources reporting it" in text  # the agreement picture of the Banjska discrepancy


def test_full_texts_show_every_character_of_every_article(seeds):
    corpus, text = seeds
    blocks = re.findall(r'<div class="text">(.*?)</div>', text, flags=re.S)
    assert len(blocks) == len(corpus.documents)
    for document, block in zip(corpus.documents, blocks):
        assert html.unescape(re.sub(r"<[^>]+>", "", block)) == document.text
    assert text.count('class="boiler"') >= sum(len(d.boilerplate) for d in corpus.documents)


def test_hostile_text_and_file_names_render_as_text(payload_corpus):
    corpus = run([payload_corpus], HashingEmbedder())
    text = render(corpus, "html")
    page = Page(text)
    assert [t for t, _ in page.tags].count("script") == 1  # ours
    assert not any(t in ("img", "svg", "textarea") for t, _ in page.tags)
    assert not any(k.startswith("on") for _, a in page.tags for k in a)
    assert not any(a.get("href", "").lower().startswith("javascript") for _, a in page.tags)
    assert "javascript:window.__pwned=&#39;url&#39;" in text or "javascript:window.__pwned=&#x27;url&#x27;" in text
    visible = html.unescape(re.sub(r"<[^>]+>", "", text))
    for payload in PAYLOADS:
        assert payload in visible
    assert 'href="https://example.org/a?b=&#34;c&#34;"' in text  # a real source link, its quote escaped


def test_report_command_writes_html_from_the_suffix(cli, tmp_path):
    out = tmp_path / "seeds.html"
    umask = os.umask(0o022)
    try:
        result = cli.run(["report", str(SEEDS), "-o", str(out)])
    finally:
        os.umask(umask)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert out.stat().st_mode & 0o777 == 0o644  # as any new file under that umask: a report is for sharing


def test_every_format_renders_the_same_from_the_json_report(seeds):
    from compare.report.json_format import dumps, from_dict

    corpus, page = seeds
    read_back = from_dict(json.loads(dumps(corpus)))
    assert dumps(read_back) == dumps(corpus)
    assert render(read_back, "html") == page
    for fmt in ("markdown", "text"):
        assert render(read_back, fmt) == render(corpus, fmt)


def test_a_disabled_detector_is_absent_from_every_format():
    from compare.options import RunOptions

    off = ("name_variants", "acronyms", "provenance")
    corpus = run([SEEDS], HashingEmbedder(), RunOptions(disabled=off))
    assert not {f.detector for f in corpus.findings} & set(off)
    data = json.loads(render(corpus, "json"))
    assert data["names"] is None and data["acronyms"] is None
    assert data["settings"]["disabled_detectors"] == sorted(off)
    page = render(corpus, "html")
    assert "0 entities" in page and 'class="entities"' not in page
    assert "machine-translated</span>" not in page  # the translation column reads provenance findings
    assert "machine-translated</span>" in render(run([SEEDS], HashingEmbedder()), "html")
    for fmt in ("markdown", "text"):
        shown = render(corpus, fmt)
        assert "name_variant" not in shown and "acronym" not in shown and "provenance" not in shown


def test_no_inline_event_handler_and_no_relaxed_csp(seeds):
    _, text = seeds
    page = Page(text)
    assert not any(k.startswith("on") for _, a in page.tags for k in a)  # the CSP would block them anyway
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "unsafe-hashes" not in csp and "unsafe-eval" not in csp


def test_no_absolute_local_path_reaches_the_page(tmp_path):
    story = tmp_path / "some-story"
    shutil.copytree(SEEDS, story)
    (story / "notes.pdf").write_text("not an article", encoding="utf-8")
    corpus = run([story, story / "notes.pdf"], HashingEmbedder())
    assert corpus.skipped and all(Path(d.path).is_absolute() for d in corpus.documents)  # as given
    text = render(corpus, "html")
    for private in (str(tmp_path), str(ROOT), str(Path.home())):
        assert private not in text
    assert "file://" not in text
    assert re.search(r'title="some-story/000_61b05497adb964c8\.txt"', text)  # shown from the story's folder
    assert "<code>some-story/notes.pdf</code>" in text  # the skipped file too


def test_paths_are_shown_relative():
    assert shown_paths(["seeds/a.txt", "../b.txt"]) == {"seeds/a.txt": "seeds/a.txt", "../b.txt": "../b.txt"}
    assert shown_paths(["/srv/x/story/a.txt", "/srv/x/story/sub/b.txt", "c.txt"]) == {
        "/srv/x/story/a.txt": "story/a.txt", "/srv/x/story/sub/b.txt": "story/sub/b.txt", "c.txt": "c.txt"}
    assert shown_paths(["/a.txt"]) == {"/a.txt": "a.txt"}
    assert shown_paths(["C:\\Users\\al\\story\\a.txt", "C:\\Users\\al\\story\\b.txt"]) == {
        "C:\\Users\\al\\story\\a.txt": "story\\a.txt", "C:\\Users\\al\\story\\b.txt": "story\\b.txt"}
    assert shown_paths(["C:\\a\\x.txt", "D:\\y.txt"]) == {"C:\\a\\x.txt": "x.txt", "D:\\y.txt": "y.txt"}


def _statement_rows(text: str) -> dict[str, tuple[str, str]]:
    """Article-view row id → (status, the row's markup)."""
    rows = re.findall(r'<li class="st st-(\w+)" id="(view-s-\d+-\d+)">(.*?)</li>', text, flags=re.S)
    return {row_id: (status, body) for status, row_id, body in rows}


def test_article_view_marks_every_statement_and_links_its_group_or_finding(seeds):
    corpus, text = seeds
    ids = Ids(corpus)
    rows = _statement_rows(text)
    assert len(rows) == len(corpus.statements)
    for n, _ in enumerate(corpus.documents):
        assert f'<details class="article-view" id="view-{n}">' in text
    grouped = {s: g.id for g in corpus.groups for s in g.statements}
    discrepancy = next(f for f in corpus.findings if f.kind == "discrepancy")  # Banjska's municipality
    assert {corpus.statement(s).doc for s in discrepancy.statements} == {e.doc for e in discrepancy.evidence}
    for s in corpus.statements:
        status, body = rows[ids.statement_view(s.id)]
        assert f'href="#{ids.statement[s.id]}"' in body  # to its place in the full text
        if s.id in discrepancy.statements:
            assert status == "contradicted" and f'href="#finding-{discrepancy.id}"' in body
        elif s.id in grouped:
            assert status == "agreed" and f'href="#group-{grouped[s.id]}"' in body
        else:
            assert status == "only" and "#group-" not in body
    assert {status for status, _ in rows.values()} == {"agreed", "contradicted", "only"}
    # "Bansk" (004) is the misspelling; the correct "Banjska" in 000 is quoted as a reference, not flagged.
    bansk = next(f for f in corpus.findings if f.kind == "name_variant" and "“Bansk”" in f.message)
    flagged = [sid for sid, (_, body) in rows.items() if f'href="#finding-{bansk.id}"' in body]
    assert flagged and all(sid.startswith("view-s-4-") for sid in flagged)
    assert any(s.startswith("000") for s in bansk.statements)


def test_evidence_spans_link_to_their_findings(seeds):
    corpus, text = seeds
    texts = "".join(re.findall(r'<div class="text">(.*?)</div>', text, flags=re.S))
    links = re.findall(r'<a class="([^"]*)" href="#finding-(\w+)" data-spans="([^"]*)"', texts)
    assert {f for _, f, _ in links} == {f.id for f in corpus.findings if f.evidence}
    for css, finding, spans in links:
        assert "ev" in css.split() and f"ev-{finding}-" in spans  # a span links to a finding it is evidence of


def test_summary_first_and_documents_folded_at_150_articles(tmp_path):
    from benchmarks import synthetic

    synthetic.write(tmp_path / "corpus", 150)
    corpus = run([tmp_path / "corpus"], HashingEmbedder())
    text = render(corpus, "html")
    first = text.index('<article class="finding')
    assert text.index('class="by-kind"') < text.index('class="top"') < first < text.index('id="documents"')
    assert '<details class="documents">' in text  # closed: 150 rows would push everything down
    top = re.findall(r'<li><a href="#finding-(\w+)"><span class="badge sev-(\w+)"', text[:first])
    assert len(top) == 5 and {s for _, s in top} == {"error"}
    columns = {f.id: len({e.doc for e in f.evidence}) for f in corpus.findings}
    errors = [columns[f.id] for f in corpus.findings if f.severity == "error"]
    assert [columns[f] for f, _ in top] == sorted(errors, reverse=True)[:5]  # the errors across most sources
    by_kind = re.search(r'<table class="by-kind">.*?</table>', text, flags=re.S).group()
    assert '<th scope="row">discrepancy</th>' in by_kind
    assert f'<td class="num">{sum(f.kind == "discrepancy" for f in corpus.findings)}</td>' in by_kind
