"""Read articles from disk into :class:`~compare.model.Document` objects.

Reading is defensive: sources come from scrapers, e-mail attachments and copy-paste,
in UTF-8 or in the Windows code pages that Balkan outlets still use. A file that
cannot be used raises :class:`~compare.errors.InputError` with the reason; the
caller decides whether that skips the file or stops the run.
"""

from __future__ import annotations

import re
import stat
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from ..analysis.facts.dates import possible_date
from ..errors import InputError, printable
from ..model import Boilerplate, Document, Skipped
from .boilerplate import is_timestamp, lines_with_offsets, mark_boilerplate

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1 controls but tab and newline
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")

#: Header fields accepted in ``Key: value`` lines at the very top of a text file.
#: ``Translation-of:`` names the article this one translates (a path relative to this file's folder, a file name
#: or a document id): compare/stages/translations.py.
HEADER_KEYS = ("source", "outlet", "date", "url", "author", "language", "title", "translation-of")
#: A key with no value ("Title: " where a scraper found none) is still a header line: the lines after it are too.
_HEADER_LINE = re.compile(rf"^({'|'.join(HEADER_KEYS)})\s*:\s*(.*)$", re.IGNORECASE)

# Legacy encodings worth trying when a file is not UTF-8, most likely first for
# the sources this tool reads: Central European and Cyrillic Windows code pages and
# their ISO twins. Limiting the candidates keeps charset-normalizer from choosing
# an exotic code page for a short text.
_FALLBACK_ENCODINGS = ["cp1250", "iso8859_2", "cp1252", "latin_1", "cp1251", "iso8859_5", "koi8_r", "utf_16"]

#: An "article" larger than this is not one. 10 MB of text is about 49,000 sentences, compared in about half a
#: minute and 0.75 GB (docs/benchmarks.md, "One very long article"): a limit the tool honours in reasonable time.
MAX_BYTES = 10 * 1024 * 1024


def find_articles(paths: Iterable[str | Path], ignore: Iterable[str] = ()) -> tuple[list[Path], list[Skipped]]:
    """Expand files and folders (recursively) into article files, in a stable order.

    A path that does not exist, or a folder without articles, raises
    :class:`InputError`: that is a usage mistake, not a bad file among many. Files
    given by name with an unknown suffix are skipped with a reason. Files under
    folders that ``ignore`` patterns match are left out (see :func:`ignored`).
    """
    ignore = tuple(ignore)
    found: list[Path] = []
    skipped: list[Skipped] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(str(raw), "no such file or directory")
        if path.is_dir():
            candidates = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in ARTICLE_SUFFIXES and not _hidden(p, path) and not ignored(p, ignore)
            )
            articles = []
            for p in candidates:
                problem = _not_readable(p)
                if problem:
                    if not p.is_dir():  # a folder named like an article is walked, not read
                        skipped.append(Skipped(printable(str(p)), problem))
                else:
                    articles.append(p)
            if not articles:
                raise InputError(str(raw), f"no articles ({', '.join(ARTICLE_SUFFIXES)}) in this directory")
            found.extend(articles)
        elif ignored(path, ignore):
            continue
        elif problem := _not_readable(path):
            skipped.append(Skipped(printable(str(raw)), problem))
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            found.append(path)
        else:
            skipped.append(
                Skipped(printable(str(raw)), f"not an article file (expected {', '.join(ARTICLE_SUFFIXES)})")
            )
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values()), skipped


def _too_large(size: int) -> str:
    return f"too large for an article ({size / 2**20:.1f} MiB; the limit is {MAX_BYTES // 2**20} MiB)"


def _not_readable(path: Path) -> str:
    """Why a path cannot be read as an article (a FIFO would block, a device never end), or ""."""
    try:
        mode = path.stat().st_mode
    except OSError as error:  # a dangling symlink, a symlink loop
        return f"cannot read ({error.strerror or error})"
    if stat.S_ISDIR(mode):
        return "a folder"
    if not stat.S_ISREG(mode):
        return "not a regular file (a pipe, a device or a socket)"
    return ""


def ignored(path: Path, patterns: tuple[str, ...]) -> bool:
    """Whether the file or a folder above it matches a pattern, matched from the right as
    :meth:`pathlib.PurePath.match` does: "drafts" leaves out every folder of that name,
    "*.html" every HTML file, "corpus/2022-*" those folders under corpus/."""
    return any(p.match(pattern) for pattern in patterns for p in (path, *path.parents) if p.parts)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def document_ids(paths: list[Path]) -> list[str]:
    """File stems, widened with parent folder names until they are unique."""
    depth = {p: 1 for p in paths}

    def name(p: Path) -> str:
        parts = p.with_suffix("").parts
        return "/".join(parts[-depth[p] :])

    while True:
        # Ids are shown everywhere: a name the file system could not decode, or with control characters in it,
        # is carried in its escaped form.
        names = [printable(name(p)) for p in paths]
        clashes = {n for n in names if names.count(n) > 1}
        if not clashes:
            return names
        widened = False
        for p, n in zip(paths, names):
            if n in clashes and depth[p] < len(p.with_suffix("").parts):
                depth[p] += 1
                widened = True
        if not widened:  # same file reached twice through different spellings
            return [f"{n}~{i}" if n in clashes else n for i, n in enumerate(names)]


def read_document(path: Path, doc_id: str) -> Document:
    """Read, decode and normalise one article; mark its header, title and boilerplate."""
    problem = _not_readable(path)
    if problem:
        raise InputError(str(path), problem)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(str(path), _too_large(size))
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # bounded even if the file grows while it is read
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise InputError(str(path), _too_large(len(data)))
    return parse_document(data, str(path), doc_id, html=path.suffix.lower() in HTML_SUFFIXES)


def parse_document(
    data: bytes,
    name: str,
    doc_id: str,
    *,
    html: bool,
    charset: str | None = None,
    defaults: dict[str, str] | None = None,
) -> Document:
    """The document of an article's bytes (a file's, or a fetched page's: compare/stages/fetch.py), ``name``
    being its path. ``charset``: what a server declared the bytes to be, tried first; ``defaults``: metadata
    where the page declares none."""
    if not data.strip():
        raise InputError(name, "empty file")
    warnings: list[str] = []
    try:
        text, encoding = data.decode(charset or ""), charset or ""
    except (LookupError, UnicodeDecodeError):  # none declared, or one that lies: let the bytes speak
        text, encoding, warnings = decode(data, name)
    metadata: dict[str, str] = {}
    if html:
        text, metadata = html_to_text(text)
    for key, value in (defaults or {}).items():
        metadata.setdefault(key, value)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if _CONTROL.search(text):
        # Escape sequences in a title or a header would reach the terminal as commands: never text.
        text = _CONTROL.sub("", text)
        warnings = [*warnings, "control characters removed"]
    if not text.strip():
        raise InputError(name, "no text in this file")
    document = Document(id=doc_id, path=printable(name), text=text, encoding=encoding, warnings=warnings)
    _read_header_and_boilerplate(document, metadata)
    return document


def decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Decode bytes: UTF-8 if valid, else the most plausible legacy encoding (with a warning)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _utf16(data, "utf-16", "")
    if b"\x00" in data[:8192]:
        # UTF-16 without a byte-order mark: one byte of most pairs is NUL (ASCII text), on the even or odd side.
        head = data[:8192]
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if max(even, odd) > 0.3 * len(head) / 2 and min(even, odd) < 0.05 * len(head) / 2:
            return _utf16(data, "utf-16-le" if odd > even else "utf-16-be", "no byte-order mark; ")
        raise InputError(name, "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
        if "\x00" in text:  # NUL bytes past the first 8 KB: stray, never text
            return text.replace("\x00", ""), "utf-8", ["NUL bytes removed"]
        return text, "utf-8", []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only needed for non-UTF-8 files

    best = from_bytes(data, cp_isolation=_FALLBACK_ENCODINGS).best()
    if best is None:
        raise InputError(name, "not text: no plausible character encoding")
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise InputError(name, "binary file (mostly control characters)")
    return text, best.encoding, [f"not UTF-8; decoded as {best.encoding}"]


def _utf16(data: bytes, codec: str, note: str) -> tuple[str, str, list[str]]:
    """UTF-16 text; an odd byte or a lone surrogate becomes U+FFFD, with a warning, instead of failing the file."""
    text = data.decode(codec, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    warnings = [f"{note}decoded as UTF-16"] if note else []
    if "\ufffd" in text:
        warnings.append("damaged UTF-16 (an odd byte or a lone surrogate): replaced with U+FFFD")
    return text.replace("\x00", ""), "utf-16", warnings


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Main text of an HTML page (title first), and the metadata the page declares.

    trafilatura does the extraction: it is maintained, offline, and drops menus and
    footers far better than a hand-written tag walk. Short pages fall below its
    minimum size for "main content", so they fall back to all visible text.
    """
    import trafilatura  # ~0.4 s to import: only when an HTML file is read

    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, output_format="python"
    )
    body = getattr(result, "text", None) if result is not None else None
    if not body:
        body = trafilatura.html2txt(html) or ""
    metadata: dict[str, str] = {}
    title = ""
    if result is not None:
        title = (getattr(result, "title", None) or "").strip()
        for key, attr in (("outlet", "sitename"), ("date", "date"), ("author", "author"), ("url", "url")):
            value = getattr(result, attr, None)
            if value:
                metadata[key] = str(value)
    if title and not body.lstrip().startswith(title):
        body = f"{title}\n\n{body}"
    return body, metadata


def _read_header_and_boilerplate(document: Document, metadata: dict[str, str]) -> None:
    """Fill metadata, title and boilerplate from the text's lines."""
    lines = list(lines_with_offsets(document.text))
    header: list[Boilerplate] = []
    for line in lines:  # header lines come first, before any other text
        match = _HEADER_LINE.match(line.text)
        if not match:
            break
        if match.group(2).strip():
            metadata.setdefault(match.group(1).lower(), match.group(2).strip())
        header.append(Boilerplate(line.start, line.end, line.text, "header"))
    content = lines[len(header) :]
    if not content:
        raise InputError(document.path, "only header lines, no article text")
    declared_title = metadata.pop("title", None)
    document.metadata = metadata
    if metadata.get("date") and not possible_date(metadata["date"]):
        document.warnings.append(f"Date: {metadata['date']} is no calendar date; the article is undated")
    if declared_title:
        document.title = declared_title
        document.boilerplate = header + mark_boilerplate(content)
        return
    # A scraped page may open on its publication stamp; the headline is the first line after it, and the
    # headline itself is never boilerplate, whatever it looks like.
    stamps = 0
    while stamps < len(content) - 1 and is_timestamp(content[stamps].text):
        stamps += 1
    document.title = content[stamps].text
    document.boilerplate = header + mark_boilerplate(content[:stamps] + content[stamps + 1 :])
