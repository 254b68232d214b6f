"""Reports: the JSON contract, the terminal report, Markdown and HTML, all from one Corpus."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .layout import Layout

Format = Literal["text", "json", "markdown", "html"]
FORMATS: tuple[Format, ...] = ("text", "json", "markdown", "html")
SUFFIX_FORMATS: dict[str, Format] = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
}


def render(
    corpus,
    fmt: Format,
    *,
    color: bool = False,
    width: int = 100,
    show_boilerplate: bool = False,
    layout: Layout | None = None,
) -> str:
    """The report as a string in ``fmt``; ``layout`` (sort, limit, documents) shapes text and Markdown only."""
    if fmt == "json":
        from .json_format import dumps

        return dumps(corpus)
    if fmt == "html":
        from .html import render_html

        return render_html(corpus)
    if fmt == "markdown":
        from .markdown import render_markdown

        return render_markdown(corpus, show_boilerplate=show_boilerplate, layout=layout)
    from .text import render_text

    return render_text(corpus, color=color, width=width, show_boilerplate=show_boilerplate, layout=layout)


def render_bytes(corpus, fmt: Format, **options) -> bytes | bytearray:
    """The report in ``fmt`` as UTF-8 bytes for a file; JSON goes straight to bytes, never through a string."""
    if fmt == "json":
        from .json_format import dump_bytes

        return dump_bytes(corpus)
    return render(corpus, fmt, **options).encode("utf-8")
