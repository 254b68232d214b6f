"""``compare-sources check``: which findings are new, and whether they fail the run.

A finding is *accepted* when the baseline holds its fingerprint, *outside* when
``--since`` is given and it involves no file added or changed since that
revision, and *new* otherwise. New findings at or above ``--fail-on`` fail the
run (exit code 1, as ruff and SQLFluff do); below it they are still reported.
Findings whose rule the :class:`~.selection.Selection` leaves out are not there at
all. Each finding is reported on the document that brought it in (:mod:`.primary`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..model import SEVERITIES, Corpus, Finding
from . import baseline as baseline_file
from .fingerprint import fingerprint, involved_paths, path_key
from .locate import Location, locate
from .primary import documents, evidence_order
from .rules import code_of
from .selection import Selection

Status = Literal["new", "accepted", "outside"]


@dataclass
class Checked:
    finding: Finding
    fingerprint: str
    status: Status
    fails: bool
    paths: list[str]  #: every file the finding involves
    locations: list[Location]  #: one per evidence span; the first is where the finding is reported
    primary: str  #: the file the finding is reported on: the one that brought it in

    @property
    def code(self) -> str:
        return code_of(self.finding.rule)


@dataclass
class CheckResult:
    corpus: Corpus
    root: Path
    fail_on: str
    baseline: str | None  #: the baseline file, relative to the root
    since: str | None
    changed: set[str] | None = None  #: files added or changed since ``since``
    results: list[Checked] = field(default_factory=list)

    def with_status(self, status: Status) -> list[Checked]:
        return [r for r in self.results if r.status == status]

    @property
    def changed_documents(self) -> list[str]:
        """The corpus's files among those changed since ``since``."""
        paths = {path_key(d.path, self.root) for d in self.corpus.documents}
        return sorted(paths & self.changed) if self.changed is not None else []

    @property
    def failing(self) -> list[Checked]:
        return [r for r in self.results if r.fails]


def fails(severity: str, fail_on: str) -> bool:
    """Whether a severity is at or above the ``--fail-on`` level (error > warning > info)."""
    return SEVERITIES.index(severity) <= SEVERITIES.index(fail_on)


def fingerprinted(corpus: Corpus, root: Path) -> list[tuple[Finding, str, list[str]]]:
    """Each finding with its fingerprint and the files it involves."""
    return [(f, fingerprint(f, corpus, root), involved_paths(f, corpus, root)) for f in corpus.findings]


def locations(corpus: Corpus, finding: Finding, root: Path, changed: set[str] | None = None) -> list[Location]:
    """Where each evidence span lies in its file, those in the file the finding is reported on first."""
    return [
        locate(corpus.document(e.doc), e, path_key(corpus.document(e.doc).path, root))
        for e in evidence_order(finding, corpus, changed)
    ]


def changed_ids(corpus: Corpus, root: Path, changed: set[str] | None) -> set[str] | None:
    """The ids of the documents among the files changed since ``--since``."""
    if changed is None:
        return None
    return {d.id for d in corpus.documents if path_key(d.path, root) in changed}


def check(
    corpus: Corpus,
    root: Path,
    *,
    accepted: set[str],
    fail_on: str,
    baseline: str | None = None,
    since: str | None = None,
    changed: set[str] | None = None,
    selection: Selection | None = None,
) -> CheckResult:
    result = CheckResult(corpus, root, fail_on, baseline, since, changed)
    docs = changed_ids(corpus, root, changed)
    selection = selection or Selection()
    for finding, key, paths in fingerprinted(corpus, root):
        if not selection.allows(finding, corpus, docs):
            continue
        if key in accepted:
            status: Status = "accepted"
        elif changed is not None and not changed.intersection(paths):
            status = "outside"
        else:
            status = "new"
        order = documents(finding, corpus, docs)
        result.results.append(
            Checked(
                finding,
                key,
                status,
                status == "new" and fails(finding.severity, fail_on),
                paths,
                locations(corpus, finding, root, docs),
                path_key(corpus.document(order[0]).path, root) if order else "",
            )
        )
    return result


def baseline_entries(corpus: Corpus, root: Path) -> dict[str, dict]:
    """Fingerprint → baseline entry for every finding (two findings with one identity share an entry)."""
    return {key: baseline_file.entry(key, finding, paths) for finding, key, paths in fingerprinted(corpus, root)}


def recorded_settings(corpus: Corpus, selection: Selection) -> dict:
    """What a baseline records of the run that made it, and ``check`` compares with its own."""
    used = {k: v for k, v in corpus.settings.to_dict().items() if k != "margin"}
    return {**used, **selection.settings()}
