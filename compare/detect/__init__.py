"""Detectors: small registered units that read the corpus and add findings.

Like spaCy's pipeline components, each detector lives in its own module, declares
what it needs (statements, groups …) and which finding kinds it adds, and
registers itself here under a name. ``compare-sources detectors`` lists them;
``--disable NAME`` switches one off.

A detector is a function ``(corpus) -> iterable of Finding`` — ids are assigned
afterwards, in a stable order, so detectors never coordinate numbering. One whose
work is mostly reading each article on its own declares that part as a
``per_document`` step, ``(document, its statements) -> value``, and is then called
as ``(corpus, {document id: value})``: the pipeline keeps those values between runs
and works them out for many articles at once on several cores
(:mod:`compare.documents`), so only the comparison across articles is left to do
on every run. A value must be plain data (tuples, lists, strings, numbers) that
holds no ids: offsets are document offsets, statements are numbered within their
document. It
declares its rules (``kind/subkind`` → one line saying what it means: SARIF
rules, ``compare-sources detectors``) and may declare how to tell whether two
findings are the same problem (:class:`~compare.model.Identity`, what baselines
fingerprint); the default is the finding's evidence texts and documents.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from ..infra.cache import CacheUnusable
from ..infra.memo import AnalysisMemo
from ..infra.processes import Forked, can_fork, forked_map, serial_map, usable_cores
from ..model import SEVERITIES, Corpus, Document, Finding, Identity, Statement
from ..payloads import Payload

DetectorFunc = Callable[..., Iterable[Finding]]  #: (corpus) or, with a per-document step, (corpus, values)
IdentityFunc = Callable[[Finding], Identity]
DocumentStep = Callable[[Document, list[Statement]], Any]
TableBuilder = Callable[[Corpus, Any], Any]
Outcome = tuple[float, list[Finding], tuple[str, Any] | None]  #: seconds, findings, (table attribute, value)

#: Modules that register detectors when imported. A new detector is a new module
#: here and one line in this tuple.
DETECTOR_MODULES: tuple[str, ...] = (
    "provenance",
    "discrepancy",
    "name_variants",
    "misspelt_names",
    "acronyms",
    "garbled",
    "untranslated",
    "encoding",
    "spun",
    "calques",
    "translated_names",
    "translation",
)

#: The corpus parts a detector may declare it reads; the pipeline fills each before the detectors run.
NEEDS = ("documents", "statements", "facts", "groups", "translations")


@dataclass(frozen=True)
class Detector:
    name: str
    description: str
    needs: tuple[str, ...]  #: corpus parts read: some of :data:`NEEDS`
    rules: dict[str, str]  #: "kind/subkind" of every finding it adds → what that finding means
    run: DetectorFunc
    identity: IdentityFunc
    payload: type[Payload]  #: the record its findings carry as ``data``
    per_document: DocumentStep | None = None  #: what it reads of each article alone (see the module's doc)
    #: A table it adds to the corpus for the reports, and reads itself: (Corpus attribute, how it is built from
    #: the corpus and the per-document values). Built where the detector runs, so in its process.
    table: tuple[str, TableBuilder] | None = None
    #: Called with ``memo=`` (the run's :class:`AnalysisMemo`, or None) to keep what it works out between runs.
    memo: bool = False

    @property
    def kinds(self) -> tuple[str, ...]:
        """The finding kinds it adds."""
        return tuple(dict.fromkeys(rule.split("/")[0] for rule in self.rules))


_REGISTRY: dict[str, Detector] = {}


def register(
    name: str,
    *,
    description: str,
    needs: tuple[str, ...],
    rules: dict[str, str],
    payload: type[Payload],
    identity: IdentityFunc | None = None,
    per_document: DocumentStep | None = None,
    table: tuple[str, TableBuilder] | None = None,
    memo: bool = False,
):
    """Decorator that adds a detector function to the registry."""

    def decorate(func: DetectorFunc) -> DetectorFunc:
        if name in _REGISTRY:
            raise ValueError(f"detector {name!r} registered twice")
        unknown = set(needs) - set(NEEDS)
        if unknown or not needs:
            raise ValueError(f"detector {name!r} needs {sorted(unknown) or 'nothing'}; it may need {', '.join(NEEDS)}")
        _REGISTRY[name] = Detector(
            name, description, needs, rules, func, identity or evidence_identity, payload, per_document, table, memo
        )
        return func

    return decorate


def named(document: Document) -> str:
    """One document as a message names it: its outlet and file ("teleSUR English (08_telesurenglish)"), or the
    file alone where the article names no outlet."""
    return document.id if document.outlet == document.id else f"{document.outlet} ({document.id})"


#: Outlets a message names before "and k more": the evidence lists every file with its line and column.
NAMED_OUTLETS = 4


def outlets(corpus: Corpus, docs: Iterable[str]) -> str:
    """Documents as a reader knows them, for messages: by outlet (``Outlet:``, else the site of ``Source:``), an
    outlet with several of them once ("Pledge Times ×3"), a document without either by its file-name prefix
    (before the first "_": "004_89b…" → "004");
    at most :data:`NAMED_OUTLETS`, then how many more."""
    counts: dict[str, int] = {}
    for doc in docs:
        document = corpus.document(doc)
        name = document.outlet if document.outlet != document.id else doc.split("_")[0]
        counts[name] = counts.get(name, 0) + 1
    named = [f"{name} ×{n}" if n > 1 else name for name, n in counts.items()]
    if len(named) > NAMED_OUTLETS + 1:
        named = [*named[:NAMED_OUTLETS], f"{len(named) - NAMED_OUTLETS} more"]
    return ", ".join(named)


def sayings(corpus: Corpus, sides: Iterable[tuple[list[str], str]]) -> str:
    """Each side of a disagreement as a message tells it, from its documents (in the order given) and its words:
    "1 says “signed” (AP); 2 say “not signed” (KoSSev, RTS)"."""
    return "; ".join(
        f"{len(docs)} {'says' if len(docs) == 1 else 'say'} “{text}” ({outlets(corpus, docs)})" for docs, text in sides
    )


def normalise(text: str) -> str:
    """Case, spacing and edge punctuation folded, so rewrapped or re-cased text keeps its identity."""
    return " ".join(text.casefold().split()).strip(".,;:!?\"'“”‘’()[]")


def evidence_identity(finding: Finding) -> Identity:
    """The default identity: the normalised evidence texts, in the documents that hold them."""
    return Identity(
        values=tuple(sorted({normalise(e.text) for e in finding.evidence})),
        documents=tuple(sorted({e.doc for e in finding.evidence})),
    )


def identity(finding: Finding) -> Identity:
    """The identity the finding's detector declares (the default for a finding made outside the registry)."""
    detector = registry().get(finding.detector)
    return (detector.identity if detector else evidence_identity)(finding)


def registry() -> dict[str, Detector]:
    """All detectors by name, in registration order."""
    for module in DETECTOR_MODULES:
        importlib.import_module(f"{__name__}.{module}")
    return dict(_REGISTRY)


def check_names(names: Iterable[str]) -> dict[str, Detector]:
    """The registry; raises UsageError for names in ``names`` that are not registered detectors."""
    detectors = registry()
    unknown = set(names) - set(detectors)
    if unknown:
        from ..errors import UsageError

        raise UsageError(f"unknown detector(s): {', '.join(sorted(unknown))} (see 'compare-sources detectors')")
    return detectors


#: Statements from which the detectors run in forked processes at once (about 100 articles; below, the gain
#: is under 0.1 s: benchmarks/processes.py, docs/benchmarks.md).
PARALLEL_FROM_STATEMENTS = 2_000
#: ... and up to which: past it a child copies much of the corpus as it reads it (each object it touches is
#: copied on write), and memory is what limits the largest corpora.
PARALLEL_UP_TO_STATEMENTS = 60_000

_shared: tuple[Corpus, dict[str, dict[str, Any]], AnalysisMemo | None] | None = None  # what forked processes read


@dataclass
class Early:
    """Detectors started before the alignment, in a forked process (:func:`start_early`)."""

    names: list[str]
    running: Forked[list[Outcome]]


def start_early(
    corpus: Corpus,
    names: Iterable[str] | None = None,
    prepared: dict[str, dict[str, Any]] | None = None,
    workers: int | None = None,
    memo: AnalysisMemo | None = None,
) -> Early | None:
    """Start the detectors of ``names`` that read no groups (``needs`` without "groups") in one forked process
    now, before the alignment, where :func:`run_detectors` would run them in processes anyway; None where it
    would not (a small or very large corpus, one core), or where none qualifies. Hand the result to
    :func:`run_detectors`, which then runs only those that read groups, and collects these.

    Why: the alignment leaves a core idle most of its time (adding one article, it is pure Python; on a cold
    run the index is built on one thread), and the largest group-free detector (name_variants, 1.5 s at 1,000
    articles) took as long as the discrepancy detector that reads the groups. The child sees the corpus as it
    is now, everything in place but the groups (and the settings, which no detector reads)."""
    global _shared
    detectors = registry()
    names = list(detectors if names is None else names)
    early = [name for name in names if "groups" not in detectors[name].needs]
    if not early or detector_processes(len(corpus.statements), len(names), workers) < 2:
        return None
    _shared = (corpus, prepared or {}, memo)
    try:
        here = partial(serial_map, partial(_run_one, corpus=corpus, prepared=prepared or {}, memo=memo), early)
        return Early(early, Forked(partial(_run_all_shared, early), here))
    finally:
        _shared = None  # the child has its copy


def run_detectors(
    corpus: Corpus,
    names: Iterable[str] | None = None,
    timings: dict[str, float] | None = None,
    prepared: dict[str, dict[str, Any]] | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    memo: AnalysisMemo | None = None,
    early: Early | None = None,
) -> list[Finding]:
    """Findings of the detectors ``names`` (default: all), ordered by severity then position, ids f1, f2 …

    ``timings`` gets the seconds each detector took, as ``"detect: NAME"``. ``prepared``
    holds per-document step values already worked out, by detector name then document
    id; the steps of detectors missing from it are run here. On a large corpus the
    detectors run on ``workers`` forked processes (default: the usable cores) at once;
    the findings are the same, in the same order. ``early``: those :func:`start_early` started, collected
    here; the others run here, in this process where only one is left. ``progress(done, total)`` counts the
    detectors done (in their order: one that finishes early is counted when those before it have).
    Detectors registered with ``memo=True`` keep their work between runs in ``memo``.
    """
    global _shared
    names = list(registry() if names is None else names)
    workers = detector_processes(len(corpus.statements), len(names), workers)
    prepared = prepared or {}
    started = [] if early is None else early.names
    assert set(started) <= set(names), "the early detectors are some of those asked for"
    rest = [name for name in names if name not in started]
    outcomes: dict[str, Outcome] = {}
    done: set[str] = set()

    def count(more: Iterable[str]) -> None:
        done.update(more)
        if progress is not None:
            progress(next((n for n, name in enumerate(names) if name not in done), len(names)), len(names))

    count([])
    if workers > 1 and len(rest) > 1:
        _shared = (corpus, prepared, memo)
        try:
            outcomes.update(zip(rest, forked_map(_run_shared, rest, workers, done=lambda n: count(rest[:n]))))
        finally:
            _shared = None
    else:  # one process, or one detector left beside the early ones: no fork, no findings to send back
        for name in rest:
            outcomes[name] = _run_one(name, corpus, prepared, memo)
            count([name])
    if early is not None:
        outcomes.update(zip(early.names, early.running.result()))
        count(early.names)
    results = [outcomes[name] for name in names]
    findings: list[Finding] = []
    detectors = registry()
    for name, (seconds, found, table) in zip(names, results):
        if timings is not None:
            timings[f"detect: {name}"] = seconds
        if table is not None:
            setattr(corpus, *table)
        payload = detectors[name].payload
        for finding in found:
            assert isinstance(finding.data, payload), f"{name} made a finding without its declared payload"
            finding.detector = name
            findings.append(finding)
    order = {s.id: n for n, s in enumerate(corpus.statements)}
    doc_order = {d.id: n for n, d in enumerate(corpus.documents)}

    def position(f: Finding) -> tuple:
        first_statement = min((order.get(s, len(order)) for s in f.statements), default=len(order))
        first_doc = min((doc_order.get(e.doc, len(doc_order)) for e in f.evidence), default=len(doc_order))
        return (SEVERITIES.index(f.severity), first_statement, first_doc, f.kind, f.subkind, f.message)

    findings.sort(key=position)
    for number, finding in enumerate(findings, start=1):
        finding.id = f"f{number}"
    return findings


def detector_processes(statements: int, detectors: int, workers: int | None = None) -> int:
    """How many processes run ``detectors`` over a corpus of ``statements``: 1, or one per core (at most
    ``workers``) on a corpus large enough to pay for the forks and not so large that their copies matter."""
    workers = min(workers or usable_cores(), detectors)
    if workers > 1 and PARALLEL_FROM_STATEMENTS <= statements <= PARALLEL_UP_TO_STATEMENTS and can_fork():
        return workers
    return 1


def _run_one(
    name: str, corpus: Corpus, prepared: dict[str, dict[str, Any]], memo: AnalysisMemo | None = None
) -> Outcome:
    """One detector's findings, the seconds it took, and the table it adds (attribute, value), if any."""
    detector = registry()[name]
    started = time.perf_counter()
    values = None
    if detector.per_document is not None:
        step = detector.per_document
        values = prepared.get(name)
        if values is None:
            values = {document.id: step(document, statements) for document, statements in corpus.by_document()}
    table = None
    if detector.table is not None:
        attribute, build = detector.table
        table = (attribute, build(corpus, values))
        setattr(corpus, attribute, table[1])  # the detector reads it here; a forked child's goes back with it
    args = (corpus,) if detector.per_document is None else (corpus, values)
    if not detector.memo:
        found = list(detector.run(*args))
    else:
        own = _memo_here(memo)
        try:
            found = list(detector.run(*args, memo=own))
        finally:
            if own is not None and own is not memo:
                own.close()
    return time.perf_counter() - started, found, table


def _memo_here(memo: AnalysisMemo | None) -> AnalysisMemo | None:
    """``memo`` as this process may use it; None where its file cannot be opened here (the detector then works
    everything out, as without a cache)."""
    try:
        return memo.in_this_process() if memo is not None else None
    except CacheUnusable:
        return None


def _run_shared(name: str) -> Outcome:
    assert _shared is not None, "only called while run_detectors or start_early shares the corpus"
    return _run_one(name, *_shared)


def _run_all_shared(names: list[str]) -> list[Outcome]:
    return [_run_shared(name) for name in names]
