"""The data model every stage reads and writes.

A run turns files into :class:`Document` objects, cuts each into :class:`Statement`
spans, reads the :class:`Fact` values each statement asserts, lines statements up
into :class:`Group` objects and attaches :class:`Finding` objects with
:class:`Evidence` spans. Every span is a pair of character offsets into
``Document.text`` (the decoded, NFC-normalised text), so ``text[start:end]`` always
gives back the quoted words: the JSON contract, the terminal report and the HTML
report all point into the same string.

The classes are plain frozen-ish dataclasses with no behaviour beyond small
conveniences; serialisation lives in :mod:`compare.report.json_format`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .payloads import Payload

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

#: A fact-checker's decision on a finding (``compare-sources review``, compare/report/review.py).
ReviewStatus = Literal["verified", "false-alarm", "note"]
REVIEW_STATUSES: tuple[ReviewStatus, ...] = ("verified", "false-alarm", "note")

#: Where a statement sits in its article. Headlines carry claims too ("4 die"),
#: but detectors may want to weigh them differently from body sentences.
Role = Literal["title", "heading", "body"]


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text: ``document.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Boilerplate(Span):
    """Text that is not part of the story (navigation, share prompts, credits …).

    It is excluded from alignment but kept, with the rule that marked it, so the
    reports can show everything that was set aside.
    """

    reason: str = ""


#: The site of a URL, the outlet of an article without an ``Outlet:`` header (asked for every value of a finding).
_SITE = re.compile(r"[a-z][a-z0-9+.-]*://(?:www\.)?([^/:?#]+)", re.IGNORECASE)


@dataclass
class Document:
    """One article as read from disk."""

    id: str  #: unique in the run; the file stem, widened with parent folders on clashes
    path: str  #: as given on the command line (or found under a given folder)
    text: str  #: decoded, NFC-normalised text; every offset in a run points into it
    title: str = ""
    metadata: dict[str, str] = field(default_factory=dict)  #: header fields: source, outlet, date …
    language: str = "und"  #: ISO 639-1 code, or "und" where undetermined
    date: str = ""  #: publication date (ISO 8601) where known; relative dates are resolved against it
    date_source: str = ""  #: where ``date`` came from: "header", "text", "corpus" (told by other articles) or ""
    encoding: str = "utf-8"  #: how the bytes were decoded
    boilerplate: list[Boilerplate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  #: non-fatal problems met while reading
    #: The id of the document this one republishes (its copy family's origin, compare/analysis/copies.py); ""
    #: for an original.
    copy_of: str = ""

    @property
    def outlet(self) -> str:
        """Who published it, as a reader names it: ``Outlet:``, else the site of ``Source:``/``URL:``, else the id."""
        if self.metadata.get("outlet"):
            return self.metadata["outlet"]
        for key in ("source", "url"):
            site = _SITE.match(self.metadata.get(key, ""))
            if site:
                return site.group(1).lower()
        return self.id

    def line_span(self, start: int, end: int) -> tuple[int, int]:
        """The offsets of the line of the text that holds ``start:end`` (its end before the newline)."""
        last = self.text.find("\n", end)
        return self.text.rfind("\n", 0, start) + 1, len(self.text) if last < 0 else last


@dataclass
class Statement:
    """One sentence (or heading) of a document, the unit that gets aligned."""

    id: str  #: "<doc id>#<index>", index counting from 1 in reading order
    doc: str  #: the owning Document.id
    start: int
    end: int
    text: str
    role: Role = "body"
    language: str = "und"


#: What a fact is. Quantities count something, dates and times say when,
#: places where, roles who someone is, attributions who said the statement.
FactKind = Literal["quantity", "date", "time", "place", "containment", "role", "attribution"]


@dataclass(frozen=True)
class Fact:
    """A value one statement asserts, with the exact span that asserts it.

    ``subject`` says what the value is about, so that only like is compared with
    like: the counted thing for quantities ("soldiers injured"), the place for a
    containment ("banjska"), the person for a role ("kurti"). ``value`` is the
    normalised value ("93", "2023-09-24", "zvecan", "prime minister");
    ``low``/``high`` is the interval a quantity's wording allows ("about 30" is
    27–33, "more than 90" is 91–∞), so that compatible wordings never conflict.
    The span lies in the statement, except for the speaker of a quotation that
    runs over several sentences, who is named once, after its last one.
    """

    kind: FactKind
    statement: str  #: Statement.id
    doc: str
    start: int
    end: int
    text: str
    value: str
    subject: str = ""
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class Pair:
    """Cosine similarity between two statements of different documents."""

    a: str
    b: str
    score: float


@dataclass
class Group:
    """Statements from two or more documents that say the same thing."""

    id: str
    statements: list[str]  #: statement ids, in corpus order
    pairs: list[Pair]  #: the cross-document similarities the group was built from

    @property
    def similarity(self) -> float:
        """Mean cross-document similarity of the group's statements."""
        return sum(p.score for p in self.pairs) / len(self.pairs) if self.pairs else 0.0


@dataclass(frozen=True)
class Evidence:
    """The exact words a finding rests on."""

    doc: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Review:
    """What a fact-checker decided about a finding, who decided and when (ISO 8601)."""

    status: ReviewStatus
    note: str = ""
    by: str = ""
    at: str = ""


@dataclass
class Finding:
    """Something a detector flags: a disagreement, a translation artefact …"""

    id: str
    kind: str  #: the detector's name, e.g. "discrepancy"
    severity: Severity
    message: str  #: one line a fact-checker can act on
    statements: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    subkind: str = ""
    group: str | None = None  #: the group the finding was made in, if any
    data: Payload = field(default_factory=Payload)  #: the detector's typed details (compare/payloads.py)
    detector: str = ""  #: the registered detector that made it (set by the registry)
    #: What a review file knows it by (compare/ci/fingerprint.py); set by the report, "" where none was made.
    fingerprint: str = ""
    review: Review | None = None  #: a fact-checker's decision, read from the review file

    @property
    def rule(self) -> str:
        """``kind/subkind``: the stable rule id of SARIF results and baselines."""
        return f"{self.kind}/{self.subkind}" if self.subkind else self.kind


@dataclass(frozen=True)
class Identity:
    """What makes a finding the same problem from one run to the next.

    A baseline accepts problems, not positions: ids, offsets and run order change
    when an unrelated paragraph is edited or a file is added, these fields do not.
    ``topic`` is what the finding is about (a counted thing, a name, an acronym),
    ``values`` the normalised values it puts side by side, and ``documents`` the
    ids of the documents that carry the problem — only for problems that sit in
    particular documents (a garbled word, a misspelt name): a new article
    repeating them is a new problem, while a new article that sides with one
    value of a known disagreement is not.
    """

    topic: str = ""
    values: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """Words of one statement that name something: a person or place, an acronym, a body's written-out name."""

    doc: str
    statement: str
    start: int
    end: int
    text: str


@dataclass
class Variant:
    """One spelling of a name, with where the corpus uses it."""

    text: str  #: the spelling as written
    relation: str  #: how it differs from the entity's canonical form ("" for the canonical form itself)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Entity:
    """A name the corpus spells more than one way."""

    canonical: str
    variants: list[Variant]  #: canonical first

    @property
    def mentions(self) -> int:
        return sum(len(v.mentions) for v in self.variants)


@dataclass(frozen=True)
class Definition:
    """An acronym written next to a name: "Union of Serbian Municipalities (USO)"."""

    acronym: str
    expansion: str
    fits: bool  #: the acronym's letters occur in order in the expansion (Schwartz–Hearst)
    where: Mention  #: the expansion's span


@dataclass
class Acronym:
    """An acronym of the corpus, where it occurs and how the corpus defines it."""

    text: str
    occurrences: list[Mention] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    known: bool = False  #: listed in data/acronyms.tsv

    @property
    def documents(self) -> list[str]:
        return sorted({o.doc for o in self.occurrences})


@dataclass(frozen=True)
class RunSettings:
    """How a report was made (``settings`` in the JSON contract): enough to tell whether two runs compare."""

    model: str = ""  #: the embedding model's name and weights fingerprint
    threshold: float = 0.0
    margin: float = 0.0
    disabled_detectors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "model": self.model,
            "threshold": self.threshold,
            "margin": self.margin,
            "disabled_detectors": list(self.disabled_detectors),
        }


@dataclass(frozen=True)
class SentenceLink:
    """One step of the alignment of an original with its translation: two sentences that say the same, or one
    sentence the other side lacks (its partner is None)."""

    original: str | None  #: Statement.id in the original
    translation: str | None  #: Statement.id in the translation
    score: float = 0.0  #: the multilingual model's cosine of the two (0 for a gap)


@dataclass
class TranslationPair:
    """An article and its translation in the corpus, their sentences aligned in order, one to one."""

    original: str  #: Document.id
    translation: str  #: Document.id
    declared: bool  #: named by the translation's ``Translation-of:`` header, not found by the model
    share: float  #: of the longer article's sentences, those with a mutual best partner in the alignment
    links: list[SentenceLink] = field(default_factory=list)  #: in reading order of both


@dataclass(frozen=True)
class Skipped:
    """A file that could not be used, and why."""

    path: str
    reason: str


@dataclass
class Corpus:
    """Everything one run produced: the input of every report."""

    documents: list[Document]
    statements: list[Statement] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)  #: what the statements assert, in corpus order
    findings: list[Finding] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    settings: RunSettings = field(default_factory=RunSettings)  #: model, threshold … as used
    #: Names spelled more than one way, and the acronym table: worked out once for the detectors and reports
    #: that read them (None: not worked out, their detector is disabled).
    names: list[Entity] | None = None
    acronyms: list[Acronym] | None = None
    #: Originals and their translations found in the corpus (compare/stages/translations.py); None: not looked for.
    translations: list[TranslationPair] | None = None
    #: Each document id → its words as the copy test reads them (compare/analysis/copies.py), kept with the rest of
    #: its analysis; None: read from the statements where asked. Not in the JSON contract.
    shingles: dict[str, tuple[str, bytes]] | None = None
    #: seconds per stage of the run that made it ("read", "segment", "embed", "embed: model", "detect: acronyms" …);
    #: not in the JSON contract, so that a report of an unchanged corpus stays byte for byte the same
    timings: dict[str, float] = field(default_factory=dict)
    #: Findings a review marked false alarm, left out of this report (compare/report/review.py).
    false_alarms_hidden: int = 0

    def document(self, doc_id: str) -> Document:
        # Asked hundreds of thousands of times a run: the index is read straight from the instance, and rebuilt
        # when the list changed length (stages append to lists, they never replace items).
        index = self.__dict__.get("_documents_index")
        if index is None or len(index) != len(self.documents):
            index = self._build_index("documents")
        return index[doc_id]

    def document_order(self) -> dict[str, int]:
        """Each document id → its place in the corpus (0, 1 …), for sorting; kept like the index above (findings
        are sorted by it, thousands of them a run). Read it, do not change it."""
        order = self.__dict__.get("_document_order")
        if order is None or len(order) != len(self.documents):
            order = self.__dict__["_document_order"] = {document.id: n for n, document in enumerate(self.documents)}
        return order

    def by_document(self) -> list[tuple[Document, list[Statement]]]:
        """Each document with its statements, in corpus order."""
        statements: dict[str, list[Statement]] = {document.id: [] for document in self.documents}
        for statement in self.statements:
            statements[statement.doc].append(statement)
        return [(document, statements[document.id]) for document in self.documents]

    def statement(self, statement_id: str) -> Statement:
        index = self.__dict__.get("_statements_index")
        if index is None or len(index) != len(self.statements):
            index = self._build_index("statements")
        return index[statement_id]

    def _build_index(self, attribute: str) -> dict:
        index = {item.id: item for item in getattr(self, attribute)}
        self.__dict__[f"_{attribute}_index"] = index
        return index
