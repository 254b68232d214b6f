"""URLs as inputs: fetched from a local HTTP server (never the network), cached, read like saved pages."""

import json
import re
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import SEEDS

from compare.errors import InputError
from compare.stages import fetch


def article(seed: str, outlet: str, date: str, title: str) -> bytes:
    lines = (SEEDS / seed).read_text(encoding="utf-8").splitlines()
    paragraphs = "".join(f"<p>{line}</p>" for line in lines[1:] if line.strip())
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title} | {outlet}</title>'
        f'<meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="{date}T08:00:00Z"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


class Site:
    """A local web site: path → (status, headers, body, seconds to wait first, seconds between bytes)."""

    def __init__(self):
        self.routes: dict[str, tuple] = {}
        self.hits: Counter = Counter()
        self.agents: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.hits[self.path] += 1
                site.agents.append(self.headers.get("User-Agent", ""))
                status, headers, body, wait, drip = site.routes.get(self.path, (404, {}, b"gone", 0, 0))
                time.sleep(wait)
                try:
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    if drip:
                        for byte in body:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            time.sleep(drip)
                    else:
                        self.wfile.write(body)
                except OSError:
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def page(self, path, body, content_type="text/html; charset=utf-8", status=200, wait=0.0, drip=0.0, **more):
        self.routes[path] = (status, {"Content-Type": content_type, **more} if content_type else more, body, wait, drip)
        return self.base + path

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    running = Site()
    yield running
    running.stop()


@pytest.fixture
def stories(site):
    """Two articles about the Banjska attack, as two outlets publish them."""
    return [
        site.page("/news/stoltenberg-in-pristina.html", article("003_1368b5bfcf4f8e9e.txt", "Example News",
                                                                 "2023-11-20", "Stoltenberg in Pristina")),
        site.page("/world/kfor-will-stay", article("004_89b3097603270220.txt", "Other Daily", "2023-11-21",
                                                    "KFOR will stay")),
    ]


def test_pages_are_compared_with_their_metadata_and_a_failed_url_is_one_line(cli, site, stories, tmp_path):
    missing = site.page("/news/deleted", b"<html>not here</html>", status=404)
    result = cli.invoke("report", *stories, missing, "--cache-dir", tmp_path / "c", "-f", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().splitlines() == [f"compare-sources: skipped {missing}: HTTP 404 Not Found"]
    data = json.loads(result.stdout)
    first, second = data["documents"]
    assert first["id"] == "127.0.0.1/news/stoltenberg-in-pristina.html" and first["path"] == stories[0]
    assert (first["title"], first["date"]) == ("Stoltenberg in Pristina", "2023-11-20")
    assert first["metadata"]["outlet"] == "Example News" and first["metadata"]["url"] == stories[0]
    assert second["id"] == "127.0.0.1/world/kfor-will-stay" and second["metadata"]["outlet"] == "Other Daily"
    assert "Home" not in first["text"] and "93 soldiers were injured" in first["text"]
    assert data["skipped"] == [{"path": missing, "reason": "HTTP 404 Not Found"}]
    assert all(agent.startswith("compare-sources/") for agent in site.agents)


def test_files_and_pages_are_compared_together_and_pages_come_from_the_cache(cli, site, stories, tmp_path):
    args = ["report", SEEDS / "000_61b05497adb964c8.txt", *stories, "--cache-dir", tmp_path / "c", "-f", "json"]
    first = cli.invoke(*args)
    assert first.exit_code == 0, first.output
    assert [d["id"] for d in json.loads(first.stdout)["documents"]][0] == "000_61b05497adb964c8"
    site.stop()  # the next run needs no server
    again = cli.invoke(*args)
    assert again.exit_code == 0 and again.stdout == first.stdout
    assert sum(site.hits.values()) == 2


def test_no_cache_fetches_again(cli, site, stories, tmp_path):
    for _ in range(2):
        assert cli.invoke("report", *stories, "--cache-dir", tmp_path / "c").exit_code == 0
    assert sum(site.hits.values()) == 2
    assert cli.invoke("report", *stories, "--no-cache", "--cache-dir", tmp_path / "c").exit_code == 0
    assert sum(site.hits.values()) == 4


def test_one_usable_page_is_nothing_to_compare(cli, site, stories, tmp_path):
    result = cli.invoke("report", stories[0], site.base + "/nowhere", "--no-cache")
    assert result.exit_code == 2 and "only one usable article; nothing to compare it with" in result.stderr


@pytest.fixture
def strict(monkeypatch):
    monkeypatch.setattr(fetch, "TIMEOUT", 0.5)
    monkeypatch.setattr(fetch, "MAX_PAGE_BYTES", 2000)


@pytest.mark.parametrize(
    "route, reason",
    [
        (dict(body=b"{}", content_type="application/json"), r"not an HTML page \(application/json\)"),
        (dict(body=b"%PDF-1.4", content_type="application/pdf"), r"not an HTML page \(application/pdf\)"),
        # Refused on the declared length, before a byte of the body is read:
        (dict(body=b"<p>x</p>" * 400, **{"Content-Length": "5000000"}), r"too large for an article \(5\.0 MB; the limit is 2 KB\)$"),
        (dict(body=b"<p>x</p>" * 400), r"too large for an article \(3 KB; the limit is 2 KB\)$"),  # none declared
        (dict(body=b"<p>late</p>", wait=10.0), r"timed out after 0\.5 s"),
        (dict(body=b"<p>" + b"x" * 200 + b"</p>", drip=0.05), r"timed out after 0\.5 s"),  # never idle 0.5 s
        (dict(body=b"", status=302, content_type=None, Location="file:///etc/passwd"), r"HTTP 302 Found - Redirection to url 'file:///etc/passwd' is not allowed$"),
        (dict(body=b"", status=302, content_type=None, Location="ftp://example.org/a"), r"cannot fetch \(unknown url type: ftp\)$"),
        (dict(body=b"oops", status=500), r"HTTP 500 Internal Server Error"),
    ],
)
def test_a_page_that_cannot_be_had_is_an_input_error_with_the_reason(site, strict, route, reason):
    url = site.page("/page", **route)
    started = time.monotonic()
    with pytest.raises(InputError) as raised:
        fetch.fetch(url)
    assert raised.value.path == url and re.match(reason, raised.value.reason), raised.value.reason
    # Well before the slow pages would have been read (10 s), with room for a loaded machine.
    assert time.monotonic() - started < 5


def test_an_unreachable_host_is_an_input_error(strict):
    with pytest.raises(InputError, match=r"^http://127\.0\.0\.1:9/x: cannot fetch"):
        fetch.fetch("http://127.0.0.1:9/x")  # the discard port: nothing listens


def test_a_redirect_is_followed_and_the_page_names_where_it_ended(site, stories):
    moved = site.page("/old", b"", content_type=None, status=301, Location="/news/stoltenberg-in-pristina.html")
    page = fetch.fetch(moved)
    assert page.url == moved and page.final_url == stories[0] and b"Stoltenberg" in page.body
    document = fetch.page_document(page, "x")
    assert document.path == moved and document.metadata["url"] == stories[0]


def test_a_declared_charset_is_used_and_a_false_one_is_not(site):
    text = "<html><body><article><h1>Vučić in Banjska</h1><p>Vučić spoke in Zvečan about the attack.</p></article>"
    right = site.page("/cp1250", text.encode("cp1250"), content_type="text/html; charset=windows-1250")
    wrong = site.page("/utf8", text.encode("utf-8"), content_type="text/html; charset=ascii")
    for url in (right, wrong):
        assert "Vučić in Banjska" in fetch.page_document(fetch.fetch(url), "x").text


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.example.org/news/clashes-in-banjska", "example.org/news/clashes-in-banjska"),
        ("http://Example.org/a b/ç?id=5&x=<y>", "example.org/a-b/id-5-x-y"),
        ("https://example.org/", "example.org"),
    ],
)
def test_a_url_id_is_host_and_path_made_safe(url, expected):
    assert fetch.url_id(url) == expected


def test_a_long_url_id_is_cut_and_kept_apart_by_a_hash():
    base = "https://example.org/" + "very-long-section/" * 10
    one, two = fetch.url_id(base + "a"), fetch.url_id(base + "b")
    assert one != two and len(one) <= fetch.MAX_ID and re.fullmatch(r"[A-Za-z0-9._/-]+", one)
    assert one == fetch.url_id(base + "a")  # stable


def test_only_http_and_https_are_urls():
    assert fetch.is_url("https://example.org/x") and fetch.is_url("HTTP://example.org")
    assert not fetch.is_url("file:///etc/passwd") and not fetch.is_url("https:/folded") and not fetch.is_url("a.txt")


def test_check_and_baseline_take_urls_and_know_the_pages_by_them(cli, site, stories, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy = site.page("/copy", article("004_89b3097603270220.txt", "Other Daily", "2023-11-21", "KFOR will stay")
                     .replace(b"93", b"41"))
    args = [*stories, copy, "--cache-dir", tmp_path / "c"]
    result = cli.invoke("check", *args, "-f", "json")
    assert result.exit_code in (0, 1), result.output
    paths = {p for f in json.loads(result.stdout)["findings"] for p in f["paths"]}
    assert paths and paths <= {*stories, copy}
    assert cli.invoke("baseline", *args).exit_code == 0
    assert cli.invoke("check", *args, "-b", ".compare-baseline.json").exit_code == 0  # nothing new
