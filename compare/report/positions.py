"""Where a finding's words are, as a reader looks them up: the outlet first, then ``file:line:column``.

The position is the one ``check`` prints (:mod:`compare.ci.locate`), so a finding
read in a report is found at the same place in an editor or a CI log. For a text
or Markdown article ``Document.text`` keeps every line of the file, so the
position is worked out from the corpus alone. An HTML page's offsets point into
the text extracted from it: a report reads nothing but the corpus, so there it
gives the page's path without a line.
"""

from __future__ import annotations

from pathlib import Path

from ..ci.locate import line_column
from ..model import Document, Evidence
from ..stages.ingest import HTML_SUFFIXES


def outlet(document: Document) -> str:
    """The outlet's name from the article's header, or "" where it has none (the id would only repeat the path)."""
    return document.outlet if document.outlet != document.id else ""


def position(document: Document, evidence: Evidence) -> str:
    """``path:line:column`` of the evidence's first character (the path as given); an HTML page's path alone."""
    if Path(document.path).suffix.lower() in HTML_SUFFIXES:
        return document.path
    line, column = line_column(document.text, evidence.start)
    return f"{document.path}:{line}:{column}"


def reference(document: Document, evidence: Evidence) -> tuple[str, str]:
    """(outlet or "", position): what the reports print before the evidence's words."""
    return outlet(document), position(document, evidence)
