"""The stages in order: ingest → per-article analysis (segment → language → facts → detector steps) →
facts across articles → copies → embed → align → translation pairs → detect.

Each stage is its own module; this one only wires them together and decides what
a bad file does to a run (it is skipped, with its reason kept in the corpus).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from .analysis import facts
from .detect import run_detectors, start_early
from .errors import InputError
from .infra import heap
from .infra.memo import AnalysisMemo, statement_keys
from .infra.pages import PageCache
from .infra.timing import timed
from .model import Corpus, Document, Skipped, Statement
from .options import RunOptions
from .stages import language
from .stages.across import foreign_pairs
from .stages.align import align, alignable, kept_search
from .stages.anchors import fact_anchors
from .stages.copies import mark_copies, with_copies
from .stages.embed import Embedder
from .stages.fetch import is_url, load_pages, url_id
from .stages.ingest import document_ids, find_articles, read_document
from .stages.per_article import analyse_documents
from .stages.segment import segment
from .stages.translations import find_pairs

#: Makes the multilingual embedder, called only when a run needs it (compare/stages/translations.py).
MultilingualFactory = Callable[[], Embedder]


def default_multilingual() -> Embedder:
    """multilingual-e5-small without a cache (the command line gives one with the embedding cache)."""
    from .stages.embed.multilingual import MultilingualEmbedder

    return MultilingualEmbedder()


#: ``progress(stage, done, total)`` as each stage starts and goes on, in this order: "read" (files), "fetch" (pages
#: of URLs given), "documents" (articles analysed, those not in the memo), "facts", "copies", "model" (loading it,
#: where a statement is not in the embedding cache), "embed" (statements encoded), "align" (the neighbour search
#: and grouping) and "detect" (detectors done). A ``total`` of 0: the stage has started and has nothing to count.
StageProgress = Callable[[str, int, int], None]


def load_documents(
    paths: Iterable[str | Path],
    progress: StageProgress | None = None,
    ignore: Iterable[str] = (),
    pages: PageCache | None = None,
) -> tuple[list[Document], list[Skipped]]:
    """Read every article under ``paths``, and fetch those given as http(s) URLs (after the files, keeping
    fetched pages in ``pages``); unusable files and pages are skipped, not fatal.

    Raises :class:`InputError` for a missing path or a folder without articles,
    and when fewer than two usable articles remain: there is nothing to compare.
    """
    paths = list(paths)
    urls = list(dict.fromkeys(str(p) for p in paths if is_url(p)))
    files, skipped = find_articles([p for p in paths if not is_url(p)], ignore)
    documents: list[Document] = []
    ids = document_ids(files)
    for number, (path, doc_id) in enumerate(zip(files, ids), start=1):
        try:
            documents.append(read_document(path, doc_id))
        except InputError as error:
            skipped.append(Skipped(error.path, error.reason))
        if progress:
            progress("read", number, len(files))
    if urls:
        taken = set(ids)
        fetched, failed = load_pages(
            urls,
            [_unique(url_id(u), taken) for u in urls],
            pages,
            (lambda done, total: progress("fetch", done, total)) if progress else None,
        )
        documents += fetched
        skipped += [Skipped(url, reason) for url, reason in failed]
    if len(documents) < 2:
        if len(documents) == 1:
            raise InputError(documents[0].path, "only one usable article; nothing to compare it with")
        if skipped:
            raise InputError(skipped[0].path, skipped[0].reason)
        raise InputError(" ".join(str(p) for p in paths) or ".", "no articles given")
    return documents, skipped


def _unique(doc_id: str, taken: set[str]) -> str:
    """``doc_id``, or ``doc_id~2``… where a file or another page has it already; recorded as taken."""
    found, n = doc_id, 1
    while found in taken:
        n += 1
        found = f"{doc_id}~{n}"
    taken.add(found)
    return found


def segment_documents(documents: list[Document]) -> list[Statement]:
    """Statements of every document in corpus order, languages set on both."""
    statements: list[Statement] = []
    for document in documents:
        own = segment(document)
        language.annotate(document, own)
        statements.extend(own)
    return statements


def run(
    paths: Iterable[str | Path],
    embedder: Embedder,
    options: RunOptions | None = None,
    *,
    progress: StageProgress | None = None,
    memo: AnalysisMemo | None = None,
    pages: PageCache | None = None,
    multilingual: MultilingualFactory = default_multilingual,
) -> Corpus:
    """Run every stage over the articles under ``paths`` (less those ``options.exclude`` patterns match), and
    the pages of the http(s) URLs among them.

    ``memo`` keeps what each document alone yields (statements, languages, facts, detector steps) and the
    neighbour search for the next run; ``pages`` the fetched pages; ``multilingual`` makes the model that pairs
    originals with their translations, where there are articles in other languages.
    """
    options = options or RunOptions()
    timings: dict[str, float] = {}
    multilingual = cache(multilingual)  # one model for the translations and the pairs across languages
    with heap.kept_for_the_run():  # what each stage makes lives to the end: out of the collector's way
        with timed(timings, "read"):
            documents, skipped = load_documents(paths, progress, options.exclude, pages)
        heap.settle()
        corpus = analyse(
            documents,
            embedder,
            options,
            progress=progress,
            skipped=skipped,
            memo=memo,
            release_model=True,
            multilingual=multilingual,
        )
    corpus.timings = {**timings, **corpus.timings}
    return corpus


def analyse(
    documents: list[Document],
    embedder: Embedder,
    options: RunOptions | None = None,
    *,
    progress: StageProgress | None = None,
    skipped: list[Skipped] | None = None,
    memo: AnalysisMemo | None = None,
    release_model: bool = False,
    multilingual: MultilingualFactory = default_multilingual,
) -> Corpus:
    """Every stage after reading, over documents already loaded.

    ``release_model``: let the embedder free its model once everything is encoded (a one-off run needs the
    memory more than the model; a caller that analyses again, like ``eval``, keeps it).
    """
    options = options or RunOptions()
    timings: dict[str, float] = {}

    def stage(name: str) -> Callable[[int, int], None] | None:
        """``progress`` for one stage, told that it has started."""
        if progress is None:
            return None
        progress(name, 0, 0)
        return lambda done, total: progress(name, done, total)

    with timed(timings, "documents"):  # segment, language, facts and detector steps of each article
        analysed = analyse_documents(documents, list(options.enabled), memo, progress=stage("documents"))
    corpus = Corpus(documents=documents, skipped=skipped or [], statements=analysed.statements)
    corpus.shingles = {doc: kept.shingles for doc, kept in analysed.words.items()}
    # Each statement's words as one string until the alignment reads them: as sets, a large corpus's would hold
    # hundreds of MB through the model's run.
    bags = [bag for document in documents for bag in analysed.words[document.id].bags]  # in order
    heap.settle()
    with timed(timings, "facts"):  # across documents: places, against the corpus's gazetteer
        stage("facts")
        corpus.facts = facts.assemble(corpus, analysed.facts)
    analysed.facts = {}  # now in corpus.facts
    heap.settle()
    with timed(timings, "copies"):
        stage("copies")
        counterpart = mark_copies(corpus)  # copied sentences: not searched, put back beside their originals
    rows = [n for n, s in enumerate(corpus.statements) if alignable(s) and s.id not in counterpart]
    to_embed, words = [corpus.statements[n] for n in rows], [bags[n] for n in rows]
    del bags, rows
    model_before = embedder.model_seconds
    with timed(timings, "embed"):
        vectors = embedder.encode([s.text for s in to_embed], progress=progress)
    # The share of "embed" spent loading and running the model (the rest: cache look-ups).
    timings["embed: model"] = embedder.model_seconds - model_before
    if release_model:
        embedder.release()
    with timed(timings, "translations"):  # the multilingual model: loaded only where it is needed
        corpus.translations = find_pairs(corpus, multilingual, forced=options.multilingual)
    with timed(timings, "across languages"):  # pairs with a statement in another language: the same model
        languages = {d.id: d.language for d in documents}
        anchors = fact_anchors(corpus.facts)
        foreign = foreign_pairs(to_embed, languages, multilingual, corpus.translations or (), anchors, corpus.facts)
    heap.settle()  # before a fork: the child need not copy the heap to walk it
    # The detectors that read no groups start now, beside the alignment, where they would run in processes.
    early = start_early(corpus, list(options.enabled), prepared=analysed.steps, memo=memo)
    with timed(timings, "align"):
        stage("align")
        nearest = None
        if memo is not None and len(to_embed) > 1:
            keys = statement_keys(to_embed, documents, analysed.keys)
            nearest = kept_search(to_embed, vectors, keys, memo, embedder.name)
        groups = align(
            to_embed,
            vectors,
            threshold=options.threshold,
            margin=options.margin,
            nearest=nearest,
            memo=memo,
            anchors=anchors,
            foreign=foreign,
            words=words,
        )
        order = {s.id: n for n, s in enumerate(corpus.statements)}
        corpus.groups = with_copies(groups, counterpart, order)
        del nearest
    heap.settle()  # before the detectors' processes are forked: they need not copy the heap to walk it
    del vectors  # the detectors work on text and facts: free the vectors before they run
    corpus.settings = options.settings(embedder.name)
    with timed(timings, "detect"):  # all of them: on a large corpus they run at once, each timed on its own
        corpus.findings = run_detectors(
            corpus,
            list(options.enabled),
            timings=timings,
            prepared=analysed.steps,
            progress=stage("detect"),
            memo=memo,
            early=early,
        )
    heap.settle()
    corpus.timings = timings
    return corpus
