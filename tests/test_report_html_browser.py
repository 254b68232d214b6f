"""The HTML report in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Filters are clicked, an evidence link is followed to its span, the keyboard and a
narrow screen are tried, and a corpus of hostile articles must run nothing. The
screenshots are kept in tests/artifacts/. Where Chromium or Playwright is missing
these tests are skipped, unless COMPARE_SOURCES_REQUIRE_BROWSER=1 (set by
.ci/run, which installs both), where they fail instead.
"""

import os
import shutil
from pathlib import Path

import pytest

from compare.stages.embed import HashingEmbedder
from compare.pipeline import run
from compare.report import render
from conftest import ROOT, SEEDS

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: As this machine needs them: no sandbox as root, and no background calls to a network that is not there.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    required = os.environ.get("COMPARE_SOURCES_REQUIRE_BROWSER") == "1"
    missing = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "playwright is not installed"
    if missing is None and not Path(CHROMIUM).exists():
        missing = f"no Chromium at {CHROMIUM}"
    if missing:
        (pytest.fail if required else pytest.skip)(missing)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def _open(browser, corpus_path: Path, tmp_path: Path, width: int = 1280, height: int = 900):
    """The report of a corpus, opened from file:// with every non-file request recorded and refused."""
    report = tmp_path / "report.html"
    report.write_text(render(run([corpus_path], HashingEmbedder()), "html"), encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": height})
    events = {"requests": [], "dialogs": [], "console": []}

    def refuse(route):
        events["requests"].append(route.request.url)
        route.abort()

    page.route(lambda url: not url.startswith("file://"), refuse)
    page.on("dialog", lambda dialog: (events["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: events["console"].append(message.text))
    page.goto(report.as_uri())
    return page, events


def _shown(page) -> int:
    return page.locator("article.finding:visible").count()


def test_filters_narrow_the_findings(browser, tmp_path):
    page, events = _open(browser, SEEDS, tmp_path)
    total = page.locator("article.finding").count()
    errors = page.locator("article.finding[data-severity=error]").count()
    assert page.locator("#filters").is_visible() and _shown(page) == total > errors >= 1
    page.get_by_role("checkbox", name="warning", exact=True).uncheck()
    page.get_by_role("checkbox", name="info", exact=True).uncheck()
    assert _shown(page) == errors
    assert page.locator("#shown").inner_text() == f"Showing {errors} of {total} findings"
    page.get_by_role("checkbox", name="warning", exact=True).check()
    page.get_by_role("combobox", name="Kind").select_option("provenance")
    assert _shown(page) == page.locator("article.finding[data-severity=warning][data-kind=provenance]").count() == 1
    page.get_by_role("combobox", name="Kind").select_option("")
    page.get_by_role("checkbox", name="info", exact=True).check()
    page.get_by_role("combobox", name="Document").select_option(label="001_7e66eedf09a6c9ee")
    visible = page.locator("article.finding:visible")
    assert 0 < visible.count() < total
    assert all("1" in visible.nth(i).get_attribute("data-docs").split() for i in range(visible.count()))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-filtered.png"), full_page=False)
    assert not events["console"] and not events["requests"]


def test_an_evidence_link_jumps_to_its_span_in_the_full_text(browser, tmp_path):
    page, _ = _open(browser, SEEDS, tmp_path)
    finding = page.locator("article.finding[data-kind=discrepancy]").first
    link = finding.locator("a.ev").last
    wanted = link.inner_text()
    link.click()
    anchor = link.get_attribute("href")
    assert page.evaluate("location.hash") == anchor
    target = page.locator(".text .target")
    assert "".join(target.all_inner_texts()) == wanted
    assert target.first.is_visible()
    box, viewport = target.first.bounding_box(), page.viewport_size
    assert 0 <= box["y"] <= viewport["height"]  # scrolled into view
    page.screenshot(path=str(ARTIFACTS / "report-jump.png"))


def test_keyboard_and_narrow_screen_and_print(browser, tmp_path):
    page, _ = _open(browser, SEEDS, tmp_path, width=375)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to findings"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#findings"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), page.evaluate("[document.documentElement.scrollWidth, window.innerWidth, document.documentElement.clientWidth]")  # no sideways scroll
    page.screenshot(path=str(ARTIFACTS / "report-narrow.png"))
    page.emulate_media(media="print")
    assert not page.locator("#filters").is_visible() and page.locator("article.finding").first.is_visible()


def test_hostile_articles_run_nothing(browser, payload_corpus, tmp_path):
    page, events = _open(browser, payload_corpus, tmp_path)
    followed = 0
    for link in page.locator("main a[href^='#']:visible").all()[:60]:  # follow links and hover over the text
        if link.is_visible():  # a link followed before may have shown another article instead of this one
            link.click()
            link.hover()
            followed += 1
    assert followed >= 40
    page.locator(".text").first.hover()
    assert page.evaluate("window.__pwned") is None
    assert events["dialogs"] == [] and events["requests"] == []
    assert not [m for m in events["console"] if "Content Security Policy" in m]  # nothing even tried
    assert "<script>window.__pwned = 'script'; alert(1)</script>" in page.locator("#texts").inner_text()
    assert page.locator("a.source").count() == 1  # the https source link; the javascript: URL stayed text
    page.screenshot(path=str(ARTIFACTS / "report-payloads.png"))


def _on_screen(page, selector: str) -> bool:
    """Whether the element's top edge is on the screen (a scroll may leave it a fraction of a pixel above)."""
    return -1 <= page.locator(selector).bounding_box()["y"] < page.viewport_size["height"]


def test_at_150_articles_the_first_finding_is_in_the_first_viewport(browser, tmp_path):
    from benchmarks import synthetic

    synthetic.write(tmp_path / "corpus", 150)
    page, events = _open(browser, tmp_path / "corpus", tmp_path, height=800)
    assert page.locator("details.article-view").count() == 150
    first = page.locator("article.finding").first.bounding_box()
    assert 0 < first["y"] < 800 - 100, first  # its heading and message are on the first screen, not just its edge
    assert page.locator(".overview").is_visible() and page.locator(".top li").count() == 5
    assert not page.locator("#documents table").is_visible()  # the documents table is folded
    page.screenshot(path=str(ARTIFACTS / "report-150-first-screen.png"))
    assert not events["console"] and not events["requests"]


def test_article_view_shows_one_article_statement_by_statement(browser, tmp_path):
    page, events = _open(browser, SEEDS, tmp_path)
    views = page.locator("details.article-view")
    assert page.locator("#pick").is_visible() and views.count() == 5
    assert page.locator("details.article-view:visible").count() == 1  # the first article, picked
    page.get_by_role("combobox", name="Article").select_option(value="view-4")
    assert page.locator("details.article-view:visible").count() == 1 and page.locator("#view-4").is_visible()
    rows = page.locator("#view-4 li.st")
    assert rows.count() == int(page.locator("#documents tbody tr").nth(4).locator("td.num a").inner_text()) > 0
    ids = set(page.evaluate("Array.from(document.querySelectorAll('[id]'), e => e.id)"))
    for href in page.locator("#view-4 a").evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert href[1:] in ids, href  # every group, finding and full-text link lands
    contradicted = page.locator("#view-4 li.st-contradicted").first
    link = contradicted.locator(".st-links a[href^='#finding-']").first
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target
    assert _on_screen(page, target)
    page.locator(f"{target} a.jump[href='#view-4']").first.click()  # back to the article
    _shows(page.locator("#view-4"))
    page.locator("#documents tbody tr").nth(2).locator("td.num a").click()  # another article from its row
    _shows(page.locator("#view-2"))
    page.locator("#view-4").wait_for(state="hidden", timeout=5000)
    assert page.get_by_role("combobox", name="Article").input_value() == "view-2"
    agreed = page.locator("#view-2 li.st-agreed").first
    agreed.locator("a[href^='#group-']").first.click()
    assert _on_screen(page, page.evaluate("location.hash"))
    statement = page.locator("#view-3 li.st").nth(2).get_attribute("id")
    page.evaluate(f"location.hash = '#{statement}'")  # a link into an article not picked shows it
    _shows(page.locator(f"#{statement}"))
    assert page.locator("#view-3").is_visible() and page.locator("details.article-view:visible").count() == 1
    page.screenshot(path=str(ARTIFACTS / "report-article-view.png"))
    assert not events["console"] and not events["requests"]


def _shows(locator) -> None:
    """Wait for what a click or a new hash shows: the page's script handles the event after the click returns."""
    locator.wait_for(state="visible", timeout=5000)


def test_a_span_links_to_its_finding_and_back_even_when_filtered_out(browser, tmp_path):
    page, events = _open(browser, SEEDS, tmp_path)
    span = page.locator("#texts .text a.ev.sev-info").first
    finding = span.get_attribute("href")
    assert page.locator(finding).get_attribute("data-severity") == "info"
    page.get_by_role("checkbox", name="info", exact=True).uncheck()
    assert not page.locator(finding).is_visible()
    span.click()
    assert page.evaluate("location.hash") == finding
    _shows(page.locator(finding))  # the filters were reset to show it
    assert _on_screen(page, finding)
    back = page.locator(f"{finding} a.ev").first
    back.click()  # and from its excerpt back to the span in the full text
    # The target is marked on hashchange, after the click returns: wait for it (a loaded CI host is slow).
    page.locator(".text .target").first.wait_for(state="visible", timeout=5000)
    assert not events["console"] and not events["requests"]


def test_j_and_k_move_between_the_findings_but_not_while_choosing_a_filter(browser, tmp_path):
    page, _ = _open(browser, SEEDS, tmp_path, height=800)
    assert page.locator("#keys").is_visible()
    findings = page.locator("article.finding")

    def focused() -> str:
        return page.evaluate("document.activeElement.id")

    page.keyboard.press("j")
    assert focused() == findings.nth(0).get_attribute("id")
    page.keyboard.press("j")
    page.keyboard.press("n")
    assert focused() == findings.nth(2).get_attribute("id")
    assert -1 <= findings.nth(2).bounding_box()["y"] < 100  # scrolled to the top of the screen
    page.keyboard.press("k")
    assert focused() == findings.nth(1).get_attribute("id")
    page.screenshot(path=str(ARTIFACTS / "report-keys.png"))
    page.get_by_role("checkbox", name="warning", exact=True).uncheck()  # focus stays on the checkbox
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.closest('article.finding').dataset.severity") != "warning"
    kind = page.get_by_role("combobox", name="Kind")
    kind.focus()
    scrolled = page.evaluate("window.scrollY")
    page.keyboard.press("j")  # a letter typed in a select picks an option; it must not move to a finding
    assert page.evaluate("document.activeElement.name") == "kind" and page.evaluate("window.scrollY") == scrolled
