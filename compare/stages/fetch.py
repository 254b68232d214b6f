"""Articles given as http(s) URLs: fetched, kept in the page cache, and read like an HTML file.

The tool reaches the network only here, and only for the URLs the user gives.
A page is fetched with a timeout on the whole transfer, a size limit and an
honest User-Agent, following redirects between http and https only (no ``file:``
or ``ftp:`` handler is installed). It must be served as HTML (or without a
Content-Type); the article and its metadata (title, outlet from the site name,
date, canonical URL) are extracted by trafilatura, as for a saved page. A page
that cannot be fetched or read raises :class:`InputError` with a one-line reason,
and the caller skips that URL as it skips an unreadable file.

A URL's document id is its host (less ``www.``) and path, each part reduced to
letters, digits, ``.``, ``_`` and ``-``: stable from run to run, safe in a file
name and a terminal, and still recognisable (``example.org/news/clashes-in-banjska``).
Its path is the URL itself, which is also what fingerprints use (compare/ci/fingerprint.py).
"""

from __future__ import annotations

import hashlib
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from http.client import HTTPException
from urllib.parse import urlsplit

from .. import __version__
from ..errors import InputError, printable
from ..infra.pages import Page, PageCache
from ..model import Document

TIMEOUT = 20.0  #: seconds for a whole page, connection to last byte
MAX_PAGE_BYTES = 10 * 1024 * 1024  #: a news page is rarely over 2 MB; this is no article
USER_AGENT = f"compare-sources/{__version__} (news article comparison; one fetch per URL given)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
WORKERS = 8  #: pages fetched at once: one slow site should not hold up the others
_ID_PART = re.compile(r"[^A-Za-z0-9._-]+")
MAX_ID = 80


def is_url(text: object) -> bool:
    return isinstance(text, str) and re.match(r"https?://[^/\s]", text, re.IGNORECASE) is not None


def url_id(url: str) -> str:
    """``host/path-slug``: see the module's doc. Long ones are cut, with a hash of the URL to keep them apart."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    pieces = [_ID_PART.sub("-", p).strip("-.") for p in parts.path.split("/")]
    if parts.query:
        pieces.append(_ID_PART.sub("-", parts.query).strip("-."))
    slug = "/".join([host, *(p for p in pieces if p)])
    if len(slug) > MAX_ID:
        slug = slug[: MAX_ID - 9].rstrip("-./") + "-" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    return slug


def _opener() -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),  # the user's http(s)_proxy, as every HTTP client honours
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.UnknownHandler(),
    ):
        opener.add_handler(handler)
    return opener


def fetch(url: str) -> Page:
    """The page at ``url``; :class:`InputError` with the reason where it cannot be had."""
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"}
    )
    deadline = time.monotonic() + TIMEOUT
    try:
        with _opener().open(request, timeout=TIMEOUT) as response:
            declared = response.headers.get("Content-Type")
            kind = response.headers.get_content_type()
            if declared and kind not in HTML_TYPES:
                raise InputError(url, f"not an HTML page ({kind})")
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > MAX_PAGE_BYTES:
                raise InputError(url, _too_large(int(length)))
            chunks, size = [], 0
            while chunk := response.read1(64 * 1024):  # what has come, not 64 KB: the deadline is checked as it comes
                size += len(chunk)
                if size > MAX_PAGE_BYTES:
                    raise InputError(url, _too_large(size))
                if time.monotonic() > deadline:  # a server that trickles bytes never trips the socket timeout
                    raise TimeoutError
                chunks.append(chunk)
            now = datetime.now(UTC).isoformat(timespec="seconds")
            return Page(url, response.geturl(), b"".join(chunks), response.headers.get_content_charset(), now)
    except urllib.error.HTTPError as error:
        error.close()
        raise InputError(url, f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise InputError(url, f"timed out after {TIMEOUT:g} s") from None
        raise InputError(url, f"cannot fetch ({error.reason})") from None
    except TimeoutError:
        raise InputError(url, f"timed out after {TIMEOUT:g} s") from None
    except (OSError, HTTPException, ValueError) as error:  # a reset connection, a malformed response or URL
        raise InputError(url, f"cannot fetch ({type(error).__name__}: {error})") from None


def _too_large(size: int) -> str:
    return f"too large for an article ({_size(size)}; the limit is {_size(MAX_PAGE_BYTES)})"


def _size(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB" if count >= 1_000_000 else f"{count // 1000} KB"


def page_document(page: Page, doc_id: str) -> Document:
    """The article of a fetched page; the page's URL stands in for its path, and is its ``url`` where the page
    names no canonical one."""
    from .ingest import parse_document

    return parse_document(
        page.body, page.url, doc_id, html=True, charset=page.charset, defaults={"url": page.final_url}
    )


def load_pages(
    urls: list[str],
    ids: list[str],
    cache: PageCache | None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Document], list[tuple[str, str]]]:
    """(documents, [(url, reason) of those that failed]), in the order given; cached pages are not fetched."""
    pages: dict[str, Page | InputError] = {}
    missing = []
    for url in urls:
        cached = cache.get(url) if cache is not None else None
        if cached is not None:
            pages[url] = cached
        else:
            missing.append(url)

    def attempt(url: str) -> Page | InputError:
        try:
            return fetch(url)
        except InputError as error:
            return error

    with ThreadPoolExecutor(max_workers=max(1, min(WORKERS, len(missing)))) as pool:
        for done, (url, got) in enumerate(zip(missing, pool.map(attempt, missing)), start=1):
            pages[url] = got
            if cache is not None and isinstance(got, Page):
                cache.put(got)
            if progress:
                progress(done, len(missing))
    documents, failed = [], []
    for url, doc_id in zip(urls, ids):
        got = pages[url]
        try:
            if isinstance(got, InputError):
                raise got
            documents.append(page_document(got, doc_id))
        except InputError as error:
            failed.append((printable(url), error.reason))
    return documents, failed
