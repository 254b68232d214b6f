"""Overlapping spans of one text → flat segments, each knowing which spans cover it.

HTML cannot nest elements that overlap ("Banska in the Leposavić municipality"
is a discrepancy's evidence, "Banska" inside it a name variant's), so the text
is cut at every span boundary and each piece carries the classes and ids of
all the spans over it. Anchors (empty elements with an id) go where a span
starts, so a link can jump to it; a mark with an ``href`` (evidence → its
finding) makes the pieces it covers a link, to the first such mark's target.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    css: str  #: class names the covered text gets ("stmt", "ev sev-error" …)
    id: str = ""  #: anchor id, or "" for spans that are only styled
    title: str = ""  #: tooltip (a boilerplate rule, a statement id)
    href: str = ""  #: an in-page id the covered text links to (evidence → its finding)


@dataclass
class Segment:
    text: str
    css: list[str] = field(default_factory=list)
    spans: list[str] = field(default_factory=list)  #: ids of the marks covering it
    anchors: list[str] = field(default_factory=list)  #: ids of the marks starting here
    title: str = ""
    links: list[str] = field(default_factory=list)  #: hrefs of the marks covering it, first mark first


def segments(text: str, marks: list[Mark], start: int = 0, end: int | None = None) -> list[Segment]:
    """``text[start:end]`` cut at every boundary of ``marks`` that falls inside it."""
    end = len(text) if end is None else end
    inside = sorted((m for m in marks if m.end > start and m.start < end and m.end > m.start), key=lambda m: m.start)
    cuts = sorted({start, end, *(max(m.start, start) for m in inside), *(min(m.end, end) for m in inside)})
    out: list[Segment] = []
    active: list[Mark] = []  # a sweep: marks enter at their start and leave at their end
    waiting = iter(inside)
    upcoming = next(waiting, None)
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a]
        anchors = []
        while upcoming is not None and max(upcoming.start, start) == a:
            active.append(upcoming)
            if upcoming.id and upcoming.start == a:  # a clipped mark starts elsewhere
                anchors.append(upcoming.id)
            upcoming = next(waiting, None)
        css = list(dict.fromkeys(c for m in active for c in m.css.split()))
        out.append(
            Segment(
                text[a:b],
                css,
                [m.id for m in active if m.id],
                anchors,
                next((m.title for m in reversed(active) if m.title), ""),
                list(dict.fromkeys(m.href for m in active if m.href)),
            )
        )
    return out
