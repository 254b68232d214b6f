"""Per-document results kept between runs, beside the embedding cache.

A corpus that grows by one article should not make every stage read the other
thousand again. What a stage works out from one document alone — its statements
and their languages, the facts each statement asserts — is stored under a key
made of everything it depends on: the document's text, title, header and
boilerplate, and :func:`analysis_version` (the package's own source and data
files, the versions of the word lists and language profiles, and Python's).
Any change to either gives a new key, so a stale result is never served; it
simply stops being looked up.

Values are plain tuples, lists, strings and numbers written with :mod:`marshal`
(fast, and unlike pickle it cannot run code when read) into one SQLite file, for
the reasons the embedding cache uses one (:mod:`compare.cache`). Offsets are
document offsets already; only ids, which depend on the other files of the run,
are rebuilt on the way out.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ..model import Document, Statement
from .cache import damage_is_a_miss, open_database, select_keys

FILENAME = "analysis-v1.sqlite3"
_MARSHAL_VERSION = 4


@lru_cache(maxsize=1)
def analysis_version() -> str:
    """A hash of what per-document results depend on besides the document: the code, its data, its word lists."""
    package = Path(__file__).resolve().parent.parent  # the whole compare package
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".tsv", ".txt", ".json") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    for distribution in ("wordfreq", "langdetect"):
        try:
            digest.update(f"{distribution}={metadata.version(distribution)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(distribution.encode())
    digest.update(f"python={sys.version_info[0]}.{sys.version_info[1]}".encode())
    return digest.hexdigest()[:16]


def document_key(document: Document) -> str:
    """Everything a per-document stage reads of ``document`` (not its id or path), hashed with the version."""
    digest = hashlib.sha256(analysis_version().encode())
    for part in (
        document.text,
        document.title,
        repr(sorted(document.metadata.items())),
        repr([(b.start, b.end) for b in document.boilerplate]),
    ):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def statement_keys(statements: list[Statement], documents: list[Document], doc_keys: Mapping[str, str]) -> list[str]:
    """A key per statement that survives runs: its document's key (``doc_keys``, by document id, as
    :func:`document_key` made them), which copy of that document, its span."""
    short: dict[str, str] = {}
    copies: dict[str, int] = {}
    seen: dict[str, int] = {}
    for document in documents:
        key = doc_keys[document.id][:24]
        seen[key] = seen.get(key, 0) + 1
        short[document.id], copies[document.id] = key, seen[key]
    return [f"{short[s.doc]}/{copies[s.doc]}:{s.start}:{s.end}" for s in statements]


class AnalysisMemo:
    """Results by (stage, document key); a missing, truncated or unreadable value is a miss."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self.path = self.directory / FILENAME
        # A rowid table: values run to kilobytes (see compare/cache.py).
        self._db, _ = open_database(
            self.path,
            "results",
            "stage TEXT NOT NULL, key TEXT NOT NULL, "
            "version TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (stage, key)",
        )
        self.version = analysis_version()
        # Rows of another version can never be looked up again (the version is part of every key): without
        # this the file would grow with every upgrade.
        with damage_is_a_miss(self.path), self._db:
            self._db.execute("DELETE FROM results WHERE version != ?", [self.version])
        self.hits = 0
        self.misses = 0
        self._pid = os.getpid()

    def get_many(self, stage: str, keys: Iterable[str]) -> dict[str, Any]:
        wanted = list(dict.fromkeys(keys))
        found: dict[str, Any] = {}
        query = "SELECT key, value FROM results WHERE stage = ? AND key IN ({marks})"
        with damage_is_a_miss(self.path):
            for key, blob in select_keys(self._db, query, [stage], wanted):
                try:
                    found[key] = marshal.loads(blob)
                except (EOFError, ValueError, TypeError):
                    continue  # damaged: computed again and overwritten
        self.hits += len(found)
        self.misses += len(wanted) - len(found)
        return found

    def put_many(self, stage: str, values: Mapping[str, Any]) -> None:
        if not values:
            return
        rows = [(stage, key, self.version, marshal.dumps(value, _MARSHAL_VERSION)) for key, value in values.items()]
        with damage_is_a_miss(self.path), self._db:
            self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", rows)

    def get_one(self, stage: str, key: str) -> Any:
        """One stored value, or None."""
        return self.get_many(stage, [key]).get(key)

    def put_one(self, stage: str, key: str, value: Any) -> None:
        self.put_many(stage, {key: value})

    def in_this_process(self) -> AnalysisMemo:
        """This memo, or in a process forked since it was opened (a detector's) one of its own on the same file:
        an SQLite connection must not be used across a fork. The caller closes one it did not open."""
        return self if os.getpid() == self._pid else AnalysisMemo(self.directory)

    def close(self) -> None:
        self._db.close()
