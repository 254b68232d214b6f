"""The JSON contract (schema_version 1), documented in docs/json-contract.md.

Machine formats are a contract: fields are only ever added within a schema
version, never renamed or removed, and consumers should ignore fields they do not
know. ``compare/schemas/report-v1.json`` is the JSON Schema the tests validate against.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, fields
from itertools import islice
from typing import Any, TypeVar

import orjson

from .. import __version__
from ..model import (
    Acronym,
    Boilerplate,
    Corpus,
    Definition,
    Document,
    Entity,
    Evidence,
    Fact,
    Finding,
    Group,
    Mention,
    Pair,
    Review,
    RunSettings,
    Skipped,
    Statement,
    Variant,
)
from ..payloads import Payload

R = TypeVar("R")

SCHEMA_VERSION = 1
_SLICE = 2_000  # records written at once


def to_dict(corpus: Corpus) -> dict:
    return {key: list(value) if isinstance(value, Iterator) else value for key, value in _sections(corpus).items()}


def _sections(corpus: Corpus) -> dict[str, Any]:
    """The report's fields, the long lists as iterators of their records (made as they are read)."""
    original_of = {pair.translation: pair.original for pair in corpus.translations or ()}
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "compare-sources", "version": __version__},
        "settings": corpus.settings.to_dict(),
        "documents": (
            {
                "id": d.id,
                "path": d.path,
                "title": d.title,
                "language": d.language,
                "date": d.date,
                "date_source": d.date_source,
                "copy_of": d.copy_of,
                "translation_of": original_of.get(d.id, ""),
                "encoding": d.encoding,
                "metadata": d.metadata,
                "warnings": d.warnings,
                "boilerplate": [
                    {"text": b.text, "start": b.start, "end": b.end, "reason": b.reason} for b in d.boilerplate
                ],
                "text": d.text,
            }
            for d in corpus.documents
        ),
        "skipped": [{"path": s.path, "reason": s.reason} for s in corpus.skipped],
        "statements": (
            {
                "id": s.id,
                "doc": s.doc,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "language": s.language,
                "role": s.role,
            }
            for s in corpus.statements
        ),
        "facts": (
            {
                "kind": f.kind,
                "statement": f.statement,
                "doc": f.doc,
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "value": f.value,
                "subject": f.subject,
                **({"low": _number(f.low), "high": _number(f.high)} if f.kind == "quantity" else {}),
            }
            for f in corpus.facts
        ),
        "groups": (
            {
                "id": g.id,
                "statements": g.statements,
                "similarity": round(g.similarity, 4),
                "pairs": [{"statements": [p.a, p.b], "similarity": p.score} for p in g.pairs],
            }
            for g in corpus.groups
        ),
        "findings": (
            {
                "id": f.id,
                "kind": f.kind,
                "subkind": f.subkind,
                "detector": f.detector,
                "severity": f.severity,
                "message": f.message,
                "group": f.group,
                "statements": f.statements,
                "evidence": [{"doc": e.doc, "text": e.text, "start": e.start, "end": e.end} for e in f.evidence],
                "data": f.data.to_dict(),
                "fingerprint": f.fingerprint,
                "review": None if f.review is None else asdict(f.review),
            }
            for f in corpus.findings
        ),
        "false_alarms_hidden": corpus.false_alarms_hidden,
        "names": None
        if corpus.names is None
        else [
            {
                "canonical": e.canonical,
                "variants": [
                    {"text": v.text, "relation": v.relation, "mentions": [_mention(m) for m in v.mentions]}
                    for v in e.variants
                ],
            }
            for e in corpus.names
        ],
        "acronyms": None
        if corpus.acronyms is None
        else [
            {
                "text": a.text,
                "known": a.known,
                "occurrences": [_mention(m) for m in a.occurrences],
                "definitions": [{"expansion": d.expansion, "fits": d.fits, **_mention(d.where)} for d in a.definitions],
            }
            for a in corpus.acronyms
        ],
    }


def _mention(m: Mention) -> dict:
    return {"doc": m.doc, "statement": m.statement, "start": m.start, "end": m.end, "text": m.text}


def from_dict(data: dict) -> Corpus:
    """The Corpus a JSON report was written from (timings aside): every report renders the same from it."""
    from ..detect import registry

    payloads = {name: detector.payload for name, detector in registry().items()}
    return Corpus(
        documents=[
            _record(Document, d, boilerplate=[_record(Boilerplate, b) for b in d["boilerplate"]])
            for d in data["documents"]
        ],
        skipped=[_record(Skipped, s) for s in data["skipped"]],
        statements=[_record(Statement, s) for s in data["statements"]],
        facts=[_fact(f) for f in data["facts"]],
        groups=[
            Group(
                g["id"],
                g["statements"],
                [Pair(p["statements"][0], p["statements"][1], p["similarity"]) for p in g["pairs"]],
            )
            for g in data["groups"]
        ],
        findings=[
            _record(
                Finding,
                f,
                evidence=[_record(Evidence, e) for e in f["evidence"]],
                data=payloads.get(f["detector"], Payload).from_dict(f["data"]),
                review=_record(Review, f["review"]) if f.get("review") else None,
            )
            for f in data["findings"]
        ],
        false_alarms_hidden=data.get("false_alarms_hidden", 0),
        settings=_record(RunSettings, data["settings"]),
        names=None if data.get("names") is None else [_entity(e) for e in data["names"]],
        acronyms=None if data.get("acronyms") is None else [_acronym(a) for a in data["acronyms"]],
    )


def _record(cls: type[R], obj: dict, /, **parts: Any) -> R:
    """A model record from the JSON object of its fields; ``parts`` are the fields built by the caller."""
    names = {f.name for f in fields(cls) if f.init}  # type: ignore[arg-type]
    return cls(**{key: value for key, value in obj.items() if key in names and key not in parts}, **parts)


def _fact(f: dict) -> Fact:
    # A quantity's open upper bound ("at least 30") is written as null: it is infinity.
    high = float("inf") if f["kind"] == "quantity" and f.get("high") is None else f.get("high")
    return _record(Fact, f, low=f.get("low"), high=high)


def _entity(e: dict) -> Entity:
    variants = [Variant(v["text"], v["relation"], [_record(Mention, m) for m in v["mentions"]]) for v in e["variants"]]
    return Entity(e["canonical"], variants)


def _acronym(a: dict) -> Acronym:
    definitions = [Definition(a["text"], d["expansion"], d["fits"], _record(Mention, d)) for d in a["definitions"]]
    return Acronym(a["text"], [_record(Mention, m) for m in a["occurrences"]], definitions, a["known"])


def _number(value: float | None) -> float | None:
    """JSON has no infinity: an open upper bound ("at least 30") is null."""
    if value is None or value == float("inf"):
        return None
    return int(value) if value == int(value) else value


def dumps(corpus: Corpus) -> str:
    """The report as indented JSON text (:func:`dump_bytes`, decoded)."""
    return dump_bytes(corpus).decode("utf-8")


def dump_bytes(corpus: Corpus) -> bytes | bytearray:
    """The report as indented UTF-8 JSON, ready for a file.

    Byte for byte what ``json.dumps(..., ensure_ascii=False, indent=2)`` writes (tested),
    by orjson in a twentieth of the time: the standard library's C encoder does not
    indent, so its pure-Python path took 2 s on 1,000 articles. Bytes, not text: at
    10,000 articles the report is 0.34 GB, and as a Python string twice that again.
    Written a slice of records at a time into one growing buffer, as orjson would indent them in the whole: the
    records as dicts took 1.25 times the report's size on top of it (0.42 GB at 10,000 articles).
    """
    out = bytearray(b"{")
    try:
        for key, value in _sections(corpus).items():
            out += (b"\n  " if len(out) == 1 else b",\n  ") + orjson.dumps(key) + b": "
            if isinstance(value, Iterator):
                _dump_records(out, value)
            else:
                out += orjson.dumps(value, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n  ")
    except orjson.JSONEncodeError:
        return encode_bytes(to_dict(corpus))  # a lone surrogate
    out += b"\n}\n"
    # A bytearray grows in place (bytes(out) would copy it): what a file is written from, as bytes are.
    return out if b"0.0000" not in out else encode_bytes(to_dict(corpus))  # as _orjson says


def _dump_records(out: bytearray, records: Iterator[Any]) -> None:
    """``records`` as the list orjson writes one level down (each line indented two more spaces)."""
    empty = True
    while chunk := list(islice(records, _SLICE)):
        # orjson writes the slice as "[\n  record,\n  record\n]": its records are kept, two spaces further in.
        dumped = orjson.dumps(chunk, option=orjson.OPT_INDENT_2)
        out += (b"[\n    " if empty else b",\n    ") + dumped[4:-2].replace(b"\n", b"\n  ")
        empty = False
    out += b"[]" if empty else b"\n  ]"


def encode(data: dict) -> str:
    fast = _orjson(data)
    return fast.decode("utf-8") if fast is not None else json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def encode_bytes(data: dict) -> bytes:
    fast = _orjson(data)
    if fast is not None:
        return fast
    # A lone surrogate cannot be UTF-8: written as its JSON escape (\udc80), the file stays valid JSON.
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8", "backslashreplace")


def _orjson(data: dict) -> bytes | None:
    try:
        out = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    except orjson.JSONEncodeError:
        return None  # a lone surrogate
    # The one rendering that differs: below 1e-4 orjson writes 0.000025 where json writes 2.5e-05. Such a
    # float (or that text in an article) is rare; the standard library then writes the whole report.
    return None if b"0.0000" in out else out
