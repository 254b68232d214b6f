"""The words around an evidence span, so a reader sees a value in its sentence."""

from __future__ import annotations

from ..model import Corpus, Evidence

WIDTH = 60  # characters of context on each side


def snippet(corpus: Corpus, evidence: Evidence, width: int = WIDTH) -> tuple[str, str, str]:
    """(before, evidence text, after) within the evidence's line, cut at word boundaries."""
    document = corpus.document(evidence.doc)
    text = document.text
    line_start, line_end = document.line_span(evidence.start, evidence.end)
    start = max(line_start, evidence.start - width)
    end = min(line_end, evidence.end + width)
    before, after = text[start : evidence.start], text[evidence.end : end]
    if start > line_start:
        before = "…" + before.split(" ", 1)[-1] if " " in before else "…" + before
    if end < line_end:
        after = after.rsplit(" ", 1)[0] + "…" if " " in after else after + "…"
    return before, evidence.text, after
