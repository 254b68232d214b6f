"""What each detector's findings carry besides their evidence: one typed record per detector.

A :class:`~compare.model.Finding`'s ``data`` is one of these records. The
detector that makes it declares its type when it registers (``payload=``), the
reports and the identity functions read its fields, and it becomes plain JSON
only at the boundary (:meth:`Payload.to_dict`, the ``data`` object of the JSON
contract, whose key order is the field order; fields that are ``None`` are left
out). :meth:`Payload.from_dict` reads it back from a JSON report.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from typing import Any, ClassVar, TypeVar

P = TypeVar("P", bound="Payload")


@dataclass(frozen=True)
class Payload:
    """Base of the records; a finding made outside the registry carries an empty one."""

    #: Fields holding lists of records, by field name: how :meth:`from_dict` rebuilds them.
    nested: ClassVar[dict[str, type[Payload]]] = {}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in _names(type(self)):
            value = getattr(self, name)
            if value is None:
                continue
            out[name] = (
                [v.to_dict() if isinstance(v, Payload) else v for v in value] if isinstance(value, list) else value
            )
        return out

    @classmethod
    def from_dict(cls: type[P], data: dict[str, Any]) -> P:
        known = {f.name for f in fields(cls)}
        # to_dict leaves out fields that are None: a required field missing from the JSON was one of them.
        values: dict[str, Any] = {
            f.name: None for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING
        }
        for name, value in data.items():
            if name not in known:
                continue  # a field of a later version: consumers ignore what they do not know
            record = cls.nested.get(name)
            values[name] = [record.from_dict(v) for v in value] if record else value
        return cls(**values)


_NAMES: dict[type, tuple[str, ...]] = {}


def _names(record: type[Payload]) -> tuple[str, ...]:
    """A record's field names in order, asked once per type: a report writes tens of thousands of records, and
    :func:`dataclasses.fields` builds its answer anew on every call."""
    names = _NAMES.get(record)
    if names is None:
        names = _NAMES[record] = tuple(f.name for f in fields(record))
    return names


@dataclass(frozen=True)
class ValueClass(Payload):
    """One side of a discrepancy: a value, the documents that give it and how they word it."""

    value: str  #: the label shown ("93", "about 30", "2023-09-24")
    documents: list[str]
    texts: list[str]  #: the wordings, in corpus order
    normalised: list[str]  #: the facts' normalised values
    statements: list[str]


@dataclass(frozen=True)
class TimelineEntry(Payload):
    """One value of a slot as reported on one day."""

    day: str  #: the report's date (ISO 8601), "" where the article has none
    value: str  #: the figure as worded
    documents: list[str]
    outlets: list[str]  #: the documents' outlets (``Outlet:``, else the site of ``Source:``, else the file)


@dataclass(frozen=True)
class DiscrepancyData(Payload):
    nested: ClassVar[dict[str, type[Payload]]] = {"values": ValueClass, "timeline": TimelineEntry}

    subject: str  #: what was counted, the place whose municipality differs, the person whose role differs
    values: list[ValueClass]  #: mutually compatible values, the most widely reported first
    sources: int  #: documents involved
    linked_by: list[str]  #: how the statements were tied: "group g3", "event", "corpus"
    possible_update: bool  #: the later article gives the larger count
    #: "conflict", "update" (a figure that grew with report time) or "scope"; added 2026-11-30
    relation: str = "conflict"
    reason: str = ""  #: why the relation was judged so ("reports of the same day give close figures")
    origins: int | None = None  #: independent origins among the sources (copies of one story count once)
    timeline: list[TimelineEntry] | None = None  #: values by report date, for counts compared by slot


@dataclass(frozen=True)
class Spelling(Payload):
    """One way the corpus writes a name."""

    text: str
    relation: str  #: how it relates to the canonical spelling; "" for the canonical one
    documents: list[str]
    mentions: int


@dataclass(frozen=True)
class NameVariantData(Payload):
    nested: ClassVar[dict[str, type[Payload]]] = {"variants": Spelling}

    entity: str  #: the canonical spelling
    variant: str  #: the spelling flagged
    relation: str  #: diacritics, truncation, transliteration, case_ending, encoding
    mqm: str  #: the MQM error category
    variants: list[Spelling]


@dataclass(frozen=True)
class BodyName(Payload):
    """One name (an acronym or an expansion) a body goes by."""

    text: str
    type: str  #: "acronym" or "expansion"
    documents: list[str]
    mentions: int


@dataclass(frozen=True)
class AcronymData(Payload):
    nested: ClassVar[dict[str, type[Payload]]] = {"names": BodyName}

    problem: str  #: expansion_mismatch, undefined_near_miss, source_language or several_names
    acronym: str | None = None
    expansion: str | None = None  #: for a mismatch: the expansion its letters do not fit
    expected: str | None = None  #: for a mismatch: the letters the expansion gives
    near: list[str] | None = None  #: for a near miss: the acronyms one letter away
    mqm: str = ""
    concept: str | None = None  #: the body's name to show, where the acronym belongs to a known body
    names: list[BodyName] | None = None


@dataclass(frozen=True)
class GarbledData(Payload):
    word: str
    nearest: list[str]  #: common English words one edit away
    mqm: str


@dataclass(frozen=True)
class UntranslatedData(Payload):
    language: str  #: ISO 639-1; "sh" for Serbian/Croatian/Bosnian in Latin script
    statements: int | None  #: how many, for the document and statement scopes
    scope: str  #: document, statement or fragment
    text: str | None  #: the words left untranslated (not for a whole document)
    mqm: str


@dataclass(frozen=True)
class ProvenanceData(Payload):
    document: str
    machine: bool
    source_languages: list[str]


@dataclass(frozen=True)
class EncodingData(Payload):
    document: str
    characters: list[str]  #: the damaged characters or sequences, most frequent first
    occurrences: int
    mqm: str


@dataclass(frozen=True)
class SpunData(Payload):
    """A copy reworded by a synonym spinner (compare/detect/spun.py)."""

    document: str  #: the spun article
    original: str  #: the article it copies
    swaps: list[list[str]]  #: each swap as [the original's words, the spun article's], in the spun article's order
    mqm: str


@dataclass(frozen=True)
class CalqueData(Payload):
    """A source-language term translated word for word (compare/detect/calques.py, data/calques.tsv)."""

    document: str
    term: str  #: the translation's words (their first use, lower-case)
    english: str  #: the English term the source word means
    languages: list[str]  #: the source languages whose word it renders (ISO 639-1)
    source: list[str]  #: the source words
    mqm: str


@dataclass(frozen=True)
class TranslatedNameData(Payload):
    """A proper name translated as ordinary words (compare/detect/translated_names.py)."""

    document: str
    text: str  #: the translation's words
    role: str  #: "outlet" (a news outlet's name as a phrase) or "photographer" (a credited surname as a word)
    name: str  #: the name as the corpus writes it elsewhere, "" where it does not
    written_in: list[str]  #: the other documents that write ``name``
    mqm: str


@dataclass(frozen=True)
class TranslationChangeData(Payload):
    """What a translation changed of its original (compare/detect/translation.py)."""

    change: str  #: number, date, name, negation, dropped or added
    original: str  #: the original's document id
    translation: str  #: the translation's document id
    was: str  #: the original's words ("" for an added sentence)
    now: str  #: the translation's words ("" for a dropped sentence)
    declared: bool  #: the pair was declared by a ``Translation-of:`` header, not found by the model
    mqm: str
