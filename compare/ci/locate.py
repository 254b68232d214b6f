"""Evidence offsets → line and column in the file on disk, for SARIF and CI annotations.

For text and Markdown files ``Document.text`` keeps every line of the file
(header lines included, CRLF read as one line break), so a line is the number of
line breaks before the offset, plus one. Columns count characters (Unicode code
points, SARIF ``columnKind: unicodeCodePoints``), from 1. HTML is read through
trafilatura, so its offsets point into the extracted text: there the quoted
words are looked up in the page's source, and where markup splits them the
location falls back to the first line. A page fetched from a URL has no file:
its lines and columns are those of the extracted text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..model import Document, Evidence
from ..stages.fetch import is_url
from ..stages.ingest import HTML_SUFFIXES, decode


@dataclass(frozen=True)
class Location:
    path: str  #: relative to the project root, with "/"
    doc: str
    start_line: int
    start_column: int
    end_line: int
    end_column: int  #: one past the last character, as SARIF counts
    text: str


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The line and column (both from 1, columns in code points) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@lru_cache(maxsize=64)
def _html_source(path: str) -> str:
    try:
        text, _, _ = decode(Path(path).read_bytes(), path)
    except (OSError, InputError):
        return ""
    return html.unescape(text.replace("\r\n", "\n"))


def locate(document: Document, evidence: Evidence, path: str) -> Location:
    text, start, end = document.text, evidence.start, evidence.end
    # A fetched page has no source on disk: its positions are in the extracted text, as for a text file.
    if Path(document.path).suffix.lower() in HTML_SUFFIXES and not is_url(document.path):
        text = _html_source(document.path)
        start = text.find(evidence.text)
        if start < 0:
            return Location(path, document.id, 1, 1, 1, 1, evidence.text)
        end = start + len(evidence.text)
    start_line, start_column = line_column(text, start)
    end_line, end_column = line_column(text, end)
    return Location(path, document.id, start_line, start_column, end_line, end_column, evidence.text)
