"""Fetched web pages, kept in the cache folder so that a re-run compares the same text without the network.

One page is two files under ``pages-v1/``, named by a hash of the URL as given:
the body's bytes as served (``.html``) and what the response said of them
(``.json``: the URL it came from after redirects, its charset, when). The
description is written last, and a page counts as cached only when both files
read back, so a run killed mid-write costs a fetch, never a broken page. A page is
kept until the cache is cleared: news pages change, and a comparison should not
change under the fact-checker between two runs. ``--no-cache`` fetches afresh.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from .cache import CacheUnusable
from .writes import write_atomically

FOLDER = "pages-v1"


@dataclass(frozen=True)
class Page:
    url: str  #: as given
    final_url: str  #: after redirects
    body: bytes
    charset: str | None = None  #: as the Content-Type header declared it
    fetched_at: str = ""  #: ISO 8601


class PageCache:
    def __init__(self, folder: Path):
        self.folder = folder / FOLDER
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CacheUnusable(f"{self.folder}: {error.strerror or error}") from None

    def _files(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
        return self.folder / f"{key}.html", self.folder / f"{key}.json"

    def get(self, url: str) -> Page | None:
        body_file, meta_file = self._files(url)
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            body = body_file.read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("url") != url:
            return None  # a hash collision, or a file not ours
        return Page(url, str(meta.get("final_url", url)), body, meta.get("charset"), str(meta.get("fetched_at", "")))

    def put(self, page: Page) -> None:
        """Keep the page; a cache that cannot be written costs the next run a fetch, nothing else."""
        body_file, meta_file = self._files(page.url)
        meta = {k: v for k, v in asdict(page).items() if k != "body"}
        try:
            write_atomically(body_file, page.body)
            write_atomically(meta_file, json.dumps(meta, ensure_ascii=False))
        except OSError:
            pass
