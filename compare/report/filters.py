"""Which findings a report shows: ``--severity``, ``--kind`` and ``--document``.

They narrow the findings a run reports, after ``--select``, ``--ignore`` and the
settings' selection (:mod:`compare.ci.selection`), for one reading, in every
format: a JSON report filtered so is the same contract with fewer findings.

``--kind`` takes what a report prints (``discrepancy``, ``discrepancy/date``) or
a rule code or prefix (``CS102``, ``CS1``), and matches by code as ``--select``
does. It narrows and never widens: ``select`` in a pyproject.toml is the
project's choice of rules, and a reader's ``--kind mt_artefact`` must not bring
back a family the project left out, as a second ``--select`` would.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..ci.rules import CODES, check_selectors, code_of, is_selector, matched
from ..errors import UsageError
from ..model import SEVERITIES, Corpus, Finding, Severity


def _values(given: Iterable[str]) -> list[str]:
    """Repeated flags and comma-separated lists, as one list."""
    return [v.strip() for value in given for v in value.split(",") if v.strip()]


def severities(given: Iterable[str]) -> tuple[Severity, ...]:
    """One severity is a minimum (``warning``: warnings and errors); several are exactly those."""
    values = _values(given)
    for value in values:
        if value not in SEVERITIES:
            raise UsageError(f"--severity: {value!r} is not a severity ({', '.join(SEVERITIES)})")
    if len(values) == 1:
        return SEVERITIES[: SEVERITIES.index(values[0]) + 1]
    return tuple(s for s in SEVERITIES if s in values)


def kind_selectors(given: Iterable[str]) -> tuple[str, ...]:
    """The rule selectors (codes or prefixes) of ``--kind`` values: a kind, a ``kind/subkind`` or a selector."""
    selectors: list[str] = []
    for value in _values(given):
        if is_selector(value):
            selectors += check_selectors([value], "--kind")
        elif value in CODES:
            selectors.append(CODES[value])
        elif codes := [code for rule, code in CODES.items() if rule.split("/")[0] == value]:
            selectors += codes
        else:
            kinds = ", ".join(dict.fromkeys(rule.split("/")[0] for rule in CODES))
            raise UsageError(
                f"--kind: {value!r} is neither a kind ({kinds}), a kind/subkind nor a rule code "
                "(see 'compare-sources rules')"
            )
    return tuple(dict.fromkeys(selectors))


def _names(path: str) -> set[str]:
    return {path, Path(path).name, str(Path(path).resolve())}


def document_ids(given: Iterable[str], corpus: Corpus) -> tuple[str, ...]:
    """The documents ``--document`` values name: by id, the id's prefix that messages print ("004"), the path
    as given, its file name or its full path, or the outlet (any case)."""
    found: list[str] = []
    for value in _values(given):
        full = str(Path(value).resolve())
        hits = [
            d.id
            for d in corpus.documents
            if value in (d.id, d.id.split("_")[0])
            or value in _names(d.path)
            or full in _names(d.path)
            or value.casefold() == d.outlet.casefold()
        ]
        if not hits:
            raise UsageError(f"--document: {value!r} names no document (an id, a path, a file name or an outlet)")
        found += hits
    return tuple(dict.fromkeys(found))


def involved(finding: Finding) -> list[str]:
    """The documents a finding involves: those of its evidence, then of its statements, each once."""
    docs = [e.doc for e in finding.evidence] + [s.rsplit("#", 1)[0] for s in finding.statements]
    return list(dict.fromkeys(docs))


@dataclass(frozen=True)
class Filters:
    """Each filter given keeps the findings it matches; an empty one keeps every finding."""

    severities: tuple[Severity, ...] = ()
    kinds: tuple[str, ...] = ()  #: rule selectors
    documents: tuple[str, ...] = ()  #: document ids
    kind_names: tuple[str, ...] = ()  #: ``--kind`` as given, for the summary ("mt_artefact", not its seven codes)

    @property
    def active(self) -> bool:
        return bool(self.severities or self.kinds or self.documents)

    def allows(self, finding: Finding) -> bool:
        if self.severities and finding.severity not in self.severities:
            return False
        if self.kinds and matched(code_of(finding.rule), self.kinds) < 0:
            return False
        return not self.documents or any(doc in self.documents for doc in involved(finding))

    def apply(self, corpus: Corpus) -> Corpus:
        """The corpus with only the findings the filters keep; the same object, changed."""
        if self.active:
            corpus.findings = [f for f in corpus.findings if self.allows(f)]
        return corpus

    def describe(self) -> str:
        """The filters as the report's summary names them: "severity error, warning · kind CS1"."""
        parts = []
        if self.severities:
            parts.append(f"severity {', '.join(self.severities)}")
        if self.kinds:
            parts.append(f"kind {', '.join(self.kind_names or self.kinds)}")
        if self.documents:
            parts.append(f"document {', '.join(self.documents)}")
        return " · ".join(parts)
