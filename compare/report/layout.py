"""How the terminal and Markdown reports lay findings out: sorted, limited, and per-document repeats folded.

A detector that reads each article alone says the same thing of every article it
fits ("D says it is a machine translation", "a statement is in Serbian inside
the English text of D"): at 150 articles one note can repeat thirty times and
push everything else off the screen. Findings of one rule and severity whose
messages are the same once the one document each names is masked out are shown
as one entry that lists the documents. Only these two reports fold: JSON, SARIF
and the CI outputs keep every finding, each with its own fingerprint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..ci.rules import code_of
from ..model import SEVERITIES, Corpus, Finding
from .filters import Filters, involved

Sort = Literal["severity", "sources", "document"]
SORTS: tuple[Sort, ...] = ("severity", "sources", "document")

#: Corpora up to this many documents list them in the terminal report unless told otherwise; a larger one's
#: table (four lines an article, at 150 articles the first 600 lines) is listed only with ``--documents``.
DOCUMENTS_UP_TO = 20


@dataclass(frozen=True)
class Layout:
    """What the command line asks of the text and Markdown reports' layout."""

    sort: Sort = "severity"
    limit: int | None = None  #: entries shown (a folded entry counts once); None: all
    documents: bool | None = None  #: list the documents (last); None: where there are at most DOCUMENTS_UP_TO
    filters: Filters = field(default_factory=Filters)  #: those already applied, for the summary to name

    def lists_documents(self, corpus: Corpus) -> bool:
        return len(corpus.documents) <= DOCUMENTS_UP_TO if self.documents is None else self.documents


@dataclass
class Entry:
    """One finding, or several of one rule that differ only in the document they are about."""

    findings: list[Finding]

    @property
    def first(self) -> Finding:
        return self.findings[0]

    @property
    def folded(self) -> bool:
        return len(self.findings) > 1

    @property
    def label(self) -> str:
        """``CS401 provenance/machine_translation``: code (where the rule has one) and rule."""
        code = code_of(self.first.rule)
        return f"{code} {self.first.rule}" if code else self.first.rule

    def documents(self) -> list[str]:
        return list(dict.fromkeys(doc for f in self.findings for doc in involved(f)))


def _masked(finding: Finding, corpus: Corpus) -> str | None:
    """The message with its one document's names masked, or None for a finding about several documents."""
    docs = involved(finding)
    if len(docs) != 1:
        return None
    document = corpus.document(docs[0])
    names = sorted({document.id, document.id.split("_")[0], document.outlet} - {""}, key=len, reverse=True)
    pattern = "|".join(re.escape(name) for name in names)
    return re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", "\0", finding.message)


def fold(findings: list[Finding], corpus: Corpus) -> list[Entry]:
    """Entries in the order of their first finding; per-document findings alike folded into one."""
    entries: list[Entry] = []
    by_key: dict[tuple[str, str, str], Entry] = {}
    for finding in findings:
        masked = _masked(finding, corpus)
        key = (finding.rule, finding.severity, masked or "")
        alike = by_key.get(key) if masked is not None else None
        if alike is not None and involved(finding)[0] not in alike.documents():
            alike.findings.append(finding)
            continue
        entry = Entry([finding])
        entries.append(entry)
        if masked is not None:
            by_key.setdefault(key, entry)
    return entries


def arrange(corpus: Corpus, layout: Layout) -> tuple[list[Entry], int]:
    """The entries to show, in ``layout``'s order and number, and how many there are in all."""
    entries = fold(corpus.findings, corpus)
    doc_order = {d.id: n for n, d in enumerate(corpus.documents)}

    def severity(entry: Entry) -> int:
        return SEVERITIES.index(entry.first.severity)

    # sorted() is stable: within a key, entries keep the detectors' order (severity, then position).
    if layout.sort == "sources":  # how many sources each finding rests on: a folded entry's are about one each
        entries.sort(key=lambda e: (-max(len(involved(f)) for f in e.findings), severity(e)))
    elif layout.sort == "document":
        entries.sort(key=lambda e: min((doc_order.get(d, len(doc_order)) for d in e.documents()), default=0))
    else:
        entries.sort(key=severity)
    total = len(entries)
    return entries[: layout.limit] if layout.limit is not None else entries, total


def kind_counts(findings: list[Finding]) -> str:
    """``discrepancy 12 (count 7, date 5) · mt_artefact 3 (garbled 3)``, kinds by number of findings."""
    kinds: dict[str, dict[str, int]] = {}
    for f in findings:
        subkinds = kinds.setdefault(f.kind, {})
        subkinds[f.subkind] = subkinds.get(f.subkind, 0) + 1
    parts = []
    for kind, subkinds in sorted(kinds.items(), key=lambda item: -sum(item[1].values())):
        inner = ", ".join(f"{sub} {n}" for sub, n in sorted(subkinds.items(), key=lambda item: -item[1]) if sub)
        parts.append(f"{kind} {sum(subkinds.values())}" + (f" ({inner})" if inner else ""))
    return " · ".join(parts)


def shown(layout: Layout, entries: int, total: int, findings: int) -> str:
    """The summary's line on what the filters, the limit and the folding left out, or "" where nothing was."""
    parts = []
    if layout.filters.active:
        parts.append(f"filtered to {layout.filters.describe()}")
    if entries < total:
        parts.append(f"the first {entries} of {total} entries (--limit)")
    if total < findings:
        parts.append(f"{findings - total} findings repeated per document folded into the entries that list them")
    if layout.sort != "severity":
        parts.append(f"sorted by {layout.sort}")
    return "; ".join(parts)
