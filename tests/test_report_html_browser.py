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


def _open(browser, corpus_path: Path, tmp_path: Path, width: int = 1280):
    """The report of a corpus, opened from file:// with every non-file request recorded and refused."""
    report = tmp_path / "report.html"
    report.write_text(render(run([corpus_path], HashingEmbedder()), "html"), encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
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
    for link in page.locator("main a[href^='#']").all()[:40]:  # follow links and hover over the text
        link.click()
        link.hover()
    page.locator(".text").first.hover()
    assert page.evaluate("window.__pwned") is None
    assert events["dialogs"] == [] and events["requests"] == []
    assert not [m for m in events["console"] if "Content Security Policy" in m]  # nothing even tried
    assert "<script>window.__pwned = 'script'; alert(1)</script>" in page.locator("#texts").inner_text()
    assert page.locator("a.source").count() == 1  # the https source link; the javascript: URL stayed text
    page.screenshot(path=str(ARTIFACTS / "report-payloads.png"))
