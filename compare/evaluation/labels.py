"""Gold labels of a real-coverage corpus: read, checked, and found again in the articles.

A gold file (``gold_version`` 1, schema ``gold-v1.schema.json`` beside this module,
documented in docs/quality.md) labels one story by reading every article. Labels
point into the articles by **quoting them** — a document id and the exact words,
with a longer ``context`` where the words occur more than once — never by offsets
or statement ids, so they survive a change of segmentation, of header handling or
of the tool itself, and a corpus rebuilt from its retrieval list can be checked
word for word (:func:`missing`).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from ..errors import InputError
from ..infra.files import read_json

SCHEMA_PATH = Path(__file__).with_name("gold-v1.schema.json")

Label = Literal["conflict", "update", "scope"]
LABELS: tuple[Label, ...] = ("conflict", "update", "scope")


@dataclass(frozen=True)
class Mention:
    """Words quoted from one document's body; ``context`` picks the occurrence meant."""

    document: str
    text: str
    context: str | None = None


@dataclass(frozen=True)
class Value:
    value: str  #: the labeller's normalised reading ("5894", "2023-02-06")
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Discrepancy:
    """One fact of one event for which sources give different values."""

    id: str
    slot: str
    label: Label
    values: tuple[Value, ...]
    note: str = ""


@dataclass(frozen=True)
class Artefact:
    """One string a translation (or a careless hand) broke, in one document."""

    id: str
    mention: Mention
    expected: str
    type: str
    note: str = ""


@dataclass(frozen=True)
class Consistent:
    """One fact stated in agreeing values with different words: never to be flagged."""

    id: str
    slot: str
    mentions: tuple[Mention, ...]
    note: str = ""


@dataclass(frozen=True)
class StatementPair:
    """Two documents' sentences that report the same thing: to be grouped."""

    id: str
    statements: tuple[Mention, Mention]
    copy: bool = False  #: both articles are copies of one wire story
    note: str = ""


@dataclass(frozen=True)
class BoilerplateLabel:
    """Page furniture that must never be aligned."""

    id: str
    mention: Mention
    note: str = ""


@dataclass(frozen=True)
class GoldDocument:
    id: str
    file: str
    outlet: str
    url: str
    title: str = ""
    date: str = ""
    query: str = ""
    copy_of: str | None = None
    notes: str = ""
    #: ISO 639-1, with the script where it matters ("sr-Cyrl"); the scorer counts pairs and discrepancies
    #: whose mentions are in different languages apart.
    language: str = "en"
    translation_of: str | None = None


@dataclass
class Gold:
    path: Path
    story: str
    description: str
    documents: list[GoldDocument]
    discrepancies: list[Discrepancy] = field(default_factory=list)
    artefacts: list[Artefact] = field(default_factory=list)
    consistent: list[Consistent] = field(default_factory=list)
    pairs: list[StatementPair] = field(default_factory=list)
    boilerplate: list[BoilerplateLabel] = field(default_factory=list)

    def mentions(self) -> Iterator[tuple[str, Mention]]:
        """Every quoted string, with the id of the label it belongs to."""
        for d in self.discrepancies:
            for value in d.values:
                for mention in value.mentions:
                    yield d.id, mention
        for a in self.artefacts:
            yield a.id, a.mention
        for c in self.consistent:
            for mention in c.mentions:
                yield c.id, mention
        for p in self.pairs:
            for mention in p.statements:
                yield p.id, mention
        for b in self.boilerplate:
            yield b.id, b.mention


@cache
def _validator():
    import jsonschema

    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold file; a broken one raises :class:`InputError` naming the first problem."""
    path = Path(path)
    data = read_json(path, "gold file")
    problem = next(iter(sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))), None)
    if problem is not None:
        where = "/".join(str(part) for part in problem.absolute_path) or "top level"
        raise InputError(str(path), f"gold file does not match gold-v1.schema.json at {where}: {problem.message}")
    gold = _build(path, data)
    _check_references(gold)
    return gold


def _mention(item: dict) -> Mention:
    return Mention(item["document"], _nfc(item["text"]), _nfc(item["context"]) if item.get("context") else None)


def _build(path: Path, data: dict) -> Gold:
    return Gold(
        path=path,
        story=data["story"],
        description=data.get("description", ""),
        documents=[
            GoldDocument(
                d["id"],
                d.get("file") or f"{d['id']}.txt",
                d["outlet"],
                d["url"],
                d.get("title", ""),
                d.get("date") or "",
                d.get("query", ""),
                d.get("copy_of"),
                d.get("notes", ""),
                d.get("language") or "en",
                d.get("translation_of"),
            )
            for d in data["documents"]
        ],
        discrepancies=[
            Discrepancy(
                d["id"],
                d["slot"],
                d["label"],
                tuple(Value(v["value"], tuple(_mention(m) for m in v["mentions"])) for v in d["values"]),
                d.get("note", ""),
            )
            for d in data["discrepancies"]
        ],
        artefacts=[
            Artefact(a["id"], _mention(a), a["expected"], a["type"], a.get("note", "")) for a in data["artefacts"]
        ],
        consistent=[
            Consistent(c["id"], c["slot"], tuple(_mention(m) for m in c["mentions"]), c.get("note", ""))
            for c in data["consistent"]
        ],
        pairs=[
            StatementPair(
                p["id"],
                (_mention(p["statements"][0]), _mention(p["statements"][1])),
                p.get("copy", False),
                p.get("note", ""),
            )
            for p in data["pairs"]
        ],
        boilerplate=[BoilerplateLabel(b["id"], _mention(b), b.get("note", "")) for b in data["boilerplate"]],
    )


def _check_references(gold: Gold) -> None:
    """What the schema cannot say: ids unique, every quoted document listed, every pair across two documents."""
    fail = lambda reason: InputError(str(gold.path), reason)  # noqa: E731
    documents = [d.id for d in gold.documents]
    if len(set(documents)) != len(documents):
        raise fail("a document id is listed twice")
    labels = [
        *(d.id for d in gold.discrepancies),
        *(a.id for a in gold.artefacts),
        *(c.id for c in gold.consistent),
        *(p.id for p in gold.pairs),
        *(b.id for b in gold.boilerplate),
    ]
    twice = sorted({label for label in labels if labels.count(label) > 1})
    if twice:
        raise fail(f"label ids used twice: {', '.join(twice)}")
    for document in gold.documents:
        if Path(document.file).stem != document.id:
            raise fail(f"document {document.id!r}: its file {document.file!r} must be named after it")
    known = set(documents)
    for document in gold.documents:
        for field_name in ("copy_of", "translation_of"):
            other = getattr(document, field_name)
            if other is not None and other not in known:
                raise fail(f"document {document.id!r}: its {field_name} {other!r} is not in 'documents'")
        original = next((d for d in gold.documents if d.id == document.translation_of), None)
        if original is not None and original.language == document.language:
            raise fail(f"document {document.id!r}: translation_of names an article in its own language (a copy?)")
    for label, mention in gold.mentions():
        if mention.document not in known:
            raise fail(f"{label} quotes document {mention.document!r}, which is not in 'documents'")
        if mention.context is not None and mention.text not in mention.context:
            raise fail(f"{label}: {mention.text!r} is not inside its context")
    for pair in gold.pairs:
        if pair.statements[0].document == pair.statements[1].document:
            raise fail(f"{pair.id}: a statement pair joins two different documents")
    for c in gold.consistent:
        if len({m.document for m in c.mentions}) < 2:
            raise fail(f"{c.id}: a consistent fact needs mentions from two or more documents")


def _nfc(text: str) -> str:
    # The reader NFC-normalises every article; labels typed on another keyboard must compare equal.
    return unicodedata.normalize("NFC", text)


def locate(text: str, mention: Mention, body_start: int = 0) -> list[tuple[int, int]]:
    """Every (start, end) of the mention in ``text`` at or after ``body_start`` (the header's end)."""
    spans = []
    if mention.context is None:
        for start in _occurrences(text, mention.text, body_start):
            spans.append((start, start + len(mention.text)))
        return spans
    inner = mention.context.index(mention.text)
    for start in _occurrences(text, mention.context, body_start):
        spans.append((start + inner, start + inner + len(mention.text)))
    return spans


def _occurrences(text: str, needle: str, start: int) -> Iterator[int]:
    position = text.find(needle, start)
    while position != -1:
        yield position
        position = text.find(needle, position + 1)


def missing(gold: Gold, bodies: dict[str, tuple[str, int]]) -> list[str]:
    """The labelled strings a corpus does not carry: ``bodies`` maps document id to (text, body start).

    Empty for a corpus rebuilt faithfully from the retrieval list.
    """
    problems = [f"{d.id}: the article is missing ({d.file})" for d in gold.documents if d.id not in bodies]
    for label, mention in gold.mentions():
        if mention.document not in bodies:
            continue
        text, body_start = bodies[mention.document]
        if not locate(text, mention, body_start):
            quoted = mention.context or mention.text
            problems.append(f"{label}: {mention.document} does not contain {quoted!r}")
    return problems
