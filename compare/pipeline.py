"""The stages in order: ingest → segment → language → facts → embed → align → detect.

Each stage is its own module; this one only wires them together and decides what
a bad file does to a run (it is skipped, with its reason kept in the corpus).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from . import facts, language
from .align import DEFAULT_MARGIN, DEFAULT_THRESHOLD, NEIGHBOURS, align, alignable, search
from .detect import check_names, run_detectors
from .embed import CachedEmbedder, Embedder
from .errors import InputError
from .ingest import document_ids, find_articles, read_document
from .memo import AnalysisMemo, document_key, statement_keys
from .model import Corpus, Document, Skipped, Statement
from .segment import segment
from .timing import timed

#: ``progress(stage, done, total)``; stages: "read", "embed".
StageProgress = Callable[[str, int, int], None]


def load_documents(paths: Iterable[str | Path], progress: StageProgress | None = None,
                   ignore: Iterable[str] = ()) -> tuple[list[Document], list[Skipped]]:
    """Read every article under ``paths``; unusable files are skipped, not fatal.

    Raises :class:`InputError` for a missing path or a folder without articles,
    and when fewer than two usable articles remain: there is nothing to compare.
    """
    files, skipped = find_articles(paths, ignore)
    documents: list[Document] = []
    for number, (path, doc_id) in enumerate(zip(files, document_ids(files)), start=1):
        try:
            documents.append(read_document(path, doc_id))
        except InputError as error:
            skipped.append(Skipped(error.path, error.reason))
        if progress:
            progress("read", number, len(files))
    if len(documents) < 2:
        if len(documents) == 1:
            raise InputError(documents[0].path, "only one usable article; nothing to compare it with")
        if skipped:
            raise InputError(skipped[0].path, skipped[0].reason)
        raise InputError(" ".join(str(p) for p in paths) or ".", "no articles given")
    return documents, skipped


def segment_documents(documents: list[Document], memo: AnalysisMemo | None = None) -> list[Statement]:
    """Statements of every document in corpus order, languages set on both (from ``memo`` where it knows them)."""
    keys = {d.id: document_key(d) for d in documents} if memo is not None else {}
    stored = memo.get_many("statements", keys.values()) if memo is not None else {}
    fresh = {}
    statements: list[Statement] = []
    for document in documents:
        known = stored.get(keys.get(document.id, ""))
        if known is None:
            own = segment(document)
            language.annotate(document, own)
            if memo is not None:
                fresh[keys[document.id]] = (document.language, [(s.start, s.end, s.role, s.language) for s in own])
        else:
            document.language = known[0]
            own = [Statement(id=f"{document.id}#{n}", doc=document.id, start=start, end=end,
                             text=document.text[start:end], role=role, language=lang)
                   for n, (start, end, role, lang) in enumerate(known[1], start=1)]
        statements.extend(own)
    if memo is not None:
        memo.put_many("statements", fresh)
    return statements


def run(paths: Iterable[str | Path], embedder: Embedder, *, threshold: float = DEFAULT_THRESHOLD,
        margin: float = DEFAULT_MARGIN, disabled: Iterable[str] = (), ignore: Iterable[str] = (),
        progress: StageProgress | None = None, memo: AnalysisMemo | None = None) -> Corpus:
    """Run every stage over the articles under ``paths`` (less those ``ignore`` patterns match).

    ``memo`` keeps what each document alone yields (statements, languages, facts) for the next run.
    """
    disabled = sorted(set(disabled))
    check_names(disabled)  # before any work: a typo should not cost an embedding run
    timings: dict[str, float] = {}
    with timed(timings, "read"):
        documents, skipped = load_documents(paths, progress, ignore)
    corpus = analyse(documents, embedder, threshold=threshold, margin=margin, disabled=disabled,
                     progress=progress, skipped=skipped, memo=memo)
    corpus.timings = {**timings, **corpus.timings}
    return corpus



def analyse(documents: list[Document], embedder: Embedder, *, threshold: float = DEFAULT_THRESHOLD,
            margin: float = DEFAULT_MARGIN, disabled: Iterable[str] = (),
            progress: StageProgress | None = None, skipped: list[Skipped] | None = None,
            memo: AnalysisMemo | None = None) -> Corpus:
    """Every stage after reading, over documents already loaded."""
    disabled = sorted(set(disabled))
    timings: dict[str, float] = {}
    with timed(timings, "segment"):
        corpus = Corpus(documents=documents, skipped=skipped or [], statements=segment_documents(documents, memo))
    with timed(timings, "facts"):
        corpus.facts = facts.extract(corpus, memo)
    to_embed = [s for s in corpus.statements if alignable(s)]
    texts = [s.text for s in to_embed]
    cached = isinstance(embedder, CachedEmbedder)
    model_before = embedder.model_seconds if cached else 0.0
    with timed(timings, "embed"):
        if cached:
            vectors = embedder.encode(texts, progress=(lambda d, t: progress("embed", d, t)) if progress else None)
        else:
            vectors = embedder.encode(texts)
    if cached:  # the share of "embed" spent loading and running the model (the rest: cache look-ups)
        timings["embed: model"] = embedder.model_seconds - model_before
    with timed(timings, "align"):
        nearest = None
        if memo is not None and len(to_embed) > 1:
            # One search kept per model: a corpus run again, or grown, searches for its new rows only.
            name = f"{embedder.name}:{NEIGHBOURS}"
            nearest = search(to_embed, vectors, statement_keys(to_embed, documents), memo.get_nearest(name))
            memo.put_nearest(name, nearest)
        corpus.groups = align(to_embed, vectors, threshold=threshold, margin=margin, nearest=nearest)
        del nearest
    del vectors  # the detectors work on text and facts: free the vectors before they run
    corpus.settings = {"model": embedder.name, "threshold": threshold, "margin": margin,
                       "disabled_detectors": disabled}
    corpus.findings = run_detectors(corpus, disabled=disabled, timings=timings)
    corpus.timings = timings
    return corpus
