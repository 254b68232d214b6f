"""Per-document analysis: what each article yields on its own, worked out once.

Segmentation, language, facts (less places) and the detectors' ``per_document``
steps (:mod:`compare.detect`) read one article at a time. So they are

* **kept between runs** (:mod:`compare.memo`, keyed by the article's content and
  the code's version): a corpus run again, or grown by one article, analyses
  only the articles it has not seen;
* **spread over the cores** when many articles are new: the work is pure
  Python, so it runs in forked worker processes, each given a share of the
  articles; values come back as the same plain data the memo stores.

What is left for the corpus-wide stages is the comparison across articles.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, NamedTuple

from ..analysis import copies, facts, lexicon
from ..detect import registry
from ..infra.memo import AnalysisMemo, document_key
from ..infra.processes import can_fork, forked_map, serial_map, usable_cores
from ..model import Document, Role, Statement
from . import language
from .lexical import words
from .segment import segment

STATEMENTS, FACTS, WORDS = "statements", "facts", "words"


class StatementRow(NamedTuple):
    """A statement of a document without ids: its span, role and language."""

    start: int
    end: int
    role: Role
    language: str


class DocumentStatements(NamedTuple):
    language: str  #: the document's
    rows: list[StatementRow]

    @classmethod
    def from_plain(cls, value: tuple) -> DocumentStatements:
        language, rows = value
        return cls(language, [StatementRow(*row) for row in rows])


class DocumentWords(NamedTuple):
    """What the copies stage and the alignment's second opinion read of a document's words, worked out once."""

    shingles: copies.Shingles  #: the copy test's (compare/analysis/copies.py)
    #: Each statement's words as compare/stages/lexical.py weighs them, sorted, joined by spaces (none holds one):
    #: one string a statement is a tenth of the objects to read back from the memo.
    bags: list[str]

    @classmethod
    def from_plain(cls, value: tuple) -> DocumentWords:
        shingles, bags = value
        return cls(tuple(shingles), bags)


#: How each stage's record is rebuilt from the plain tuples the memo keeps (the detectors' steps are plain data).
_RECORDS: dict[str, Callable[[Any], Any]] = {
    STATEMENTS: DocumentStatements.from_plain,
    FACTS: facts.DocumentFacts.from_plain,
    WORDS: DocumentWords.from_plain,
}


_ATOMS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """Named records as plain tuples, all the way down: what marshal, the memo's format, can store.

    Atoms are left where they are without a call each: a thousand articles hold about 800,000 values."""
    if isinstance(value, tuple):
        return tuple([v if type(v) in _ATOMS else _plain(v) for v in value])
    if isinstance(value, list):
        return [v if type(v) in _ATOMS else _plain(v) for v in value]
    return value


#: New articles from which a process pool pays for its start-up (measured: docs/benchmarks.md).
PARALLEL_FROM = 100


@dataclass
class DocumentAnalyses:
    """The per-document results of a corpus, ids filled in."""

    statements: list[Statement]  #: in corpus order, languages set (documents' languages are set too)
    facts: dict[str, facts.DocumentFacts]  #: by document id, for :func:`compare.facts.assemble`
    steps: dict[str, dict[str, Any]]  #: detector name → document id → its per-document value
    words: dict[str, DocumentWords]  #: by document id
    analysed: int = 0  #: documents worked out in this run (the rest came from the memo)
    processes: int = 1  #: how many processes worked them out
    keys: dict[str, str] = field(default_factory=dict)  #: document id → memo key (none without a memo)


def analyse_documents(
    documents: list[Document],
    detectors: list[str],
    memo: AnalysisMemo | None = None,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
    progress: Callable[[int, int], None] | None = None,
) -> DocumentAnalyses:
    """Segment, detect languages, read facts and run the per-document steps of ``detectors`` (those that
    have one) over ``documents``: from ``memo`` where it has every value of a document, else worked out
    here, on ``workers`` processes (default: the usable cores) when at least ``parallel_from`` are new.
    ``progress(done, total)`` counts the documents worked out here."""
    steps = tuple(name for name in detectors if registry()[name].per_document is not None)
    stages = (STATEMENTS, FACTS, WORDS, *(f"detect:{name}" for name in steps))
    keys = {d.id: document_key(d) for d in documents} if memo is not None else {}
    stored = {stage: memo.get_many(stage, keys.values()) for stage in stages} if memo is not None else {}
    values: dict[str, dict[str, Any]] = {}
    todo = []
    for document in documents:
        known = {stage: stored[stage].get(keys[document.id]) for stage in stages} if memo is not None else {}
        if memo is not None and all(value is not None for value in known.values()):
            values[document.id] = {stage: _RECORDS.get(stage, _same)(value) for stage, value in known.items()}
        else:
            todo.append(document)
    done = (lambda n: progress(n, len(todo))) if progress is not None else None
    if done is not None:
        done(0)
    computed, processes = _analyse_all(todo, steps, workers, parallel_from, done)
    for document, value in zip(todo, computed):  # plain data, as the memo gives it
        values[document.id] = {stage: _RECORDS.get(stage, _same)(plain) for stage, plain in value.items()}
    if memo is not None:
        for stage in stages:
            memo.put_many(stage, {keys[d.id]: value[stage] for d, value in zip(todo, computed)})
    statements: list[Statement] = []
    for document in documents:
        document.language, rows = values[document.id][STATEMENTS]
        statements.extend(
            Statement(
                id=f"{document.id}#{n}",
                doc=document.id,
                start=row.start,
                end=row.end,
                text=document.text[row.start : row.end],
                role=row.role,
                language=row.language,
            )
            for n, row in enumerate(rows, start=1)
        )
    return DocumentAnalyses(
        statements=statements,
        facts={d.id: values[d.id][FACTS] for d in documents},
        steps={name: {d.id: values[d.id][f"detect:{name}"] for d in documents} for name in steps},
        words={d.id: values[d.id][WORDS] for d in documents},
        analysed=len(todo),
        processes=processes,
        keys=keys,
    )


def _same(value: Any) -> Any:
    return value


#: An article this long (characters) has its facts read in one forked process while the detectors' steps run in
#: another, when it is worked out alone: both read only the segmented article, and each takes seconds on a
#: long one (docs/benchmarks.md, "One very long article").
SPLIT_FROM = 200_000


def analyse_document(document: Document, steps: tuple[str, ...], split: bool = False) -> dict[str, Any]:
    """Every per-document value of one article, as the plain data without ids that the memo keeps (made
    plain here: in a worker process, that is done beside the other worker, and plain tuples are sent back
    faster than named ones); with ``split``, a long article's facts are read in a forked process beside the
    detectors' steps."""
    statements = segment(document)
    language.annotate(document, statements)
    out: dict[str, Any] = {
        STATEMENTS: DocumentStatements(
            document.language, [StatementRow(s.start, s.end, s.role, s.language) for s in statements]
        ),
        WORDS: DocumentWords(
            copies.document_shingles(statements), [" ".join(sorted(words(s.text))) for s in statements]
        ),
    }
    halves = (partial(_facts, document, statements), partial(_steps, document, statements, steps))
    if split and len(document.text) >= SPLIT_FROM:
        # Each child forks with the segmented article and hands back plain data (pickled).
        results = forked_map(operator.call, halves, 2)
    else:
        results = [half() for half in halves]
    for result in results:
        out.update(result)
    # A value two stages share (_steps) made plain once: a worker then sends it back once (pickle keeps one copy).
    plain: dict[int, Any] = {}
    for value in out.values():
        if id(value) not in plain:
            plain[id(value)] = _plain(value)
    return {stage: plain[id(value)] for stage, value in out.items()}


def _facts(document: Document, statements: list[Statement]) -> dict[str, Any]:
    return {FACTS: facts.document_facts(document, statements)}


def _steps(document: Document, statements: list[Statement], steps: tuple[str, ...]) -> dict[str, Any]:
    """The values of the detectors' per-document ``steps``, each under ``detect:<name>``; a step two detectors
    share (name_variants and misspelt_names read the same mentions) is run once, its value kept under both."""
    detectors = registry()
    out = {}
    done: dict[Callable[..., Any], Any] = {}
    for name in steps:
        step = detectors[name].per_document
        assert step is not None, "steps name detectors with a per-document step"
        if step not in done:
            done[step] = step(document, statements)
        out[f"detect:{name}"] = done[step]
    return out


def _analyse_all(
    documents: list[Document],
    steps: tuple[str, ...],
    workers: int | None,
    parallel_from: int,
    done: Callable[[int], None] | None = None,
) -> tuple[list[dict[str, Any]], int]:
    workers = workers or usable_cores()
    if len(documents) < max(parallel_from, 2) or workers < 2 or not can_fork():
        split = workers >= 2 and can_fork()
        return serial_map(partial(analyse_document, steps=steps, split=split), documents, done), 1
    workers = min(workers, len(documents))
    # The English word list is read here, before the fork: each worker would read its own (0.3 s, on both cores
    # at once), and the detectors this process runs or forks later read it too (names break ties by English
    # usage; the discrepancy detector asks whether a sentence's first word is English), where it is then loaded.
    lexicon.zipf("the")
    # Sixteen chunks per worker: each costs one round trip (about a millisecond), and the smaller the last ones,
    # the less time one worker waits for the other at the end (1,000 synthetic articles, with each one's time:
    # four chunks per worker leave one core idle 0.63 s at the end, sixteen 0.17 s).
    chunk = max(1, len(documents) // (workers * 16))
    return forked_map(partial(analyse_document, steps=steps), documents, workers, chunk, done), workers
