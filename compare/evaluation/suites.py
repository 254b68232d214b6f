"""``compare-sources eval``: precision, recall and F1 of the detectors, and recall of the alignment.

Three suites, each reproducible from a seed:

* ``discrepancy`` — copies with a count, date, place, speaker or role changed
  (to flag), and counts and dates reworded without changing them (not to flag);
* ``translation`` — copies with a name stripped of diacritics or transliterated,
  an acronym letter changed, a word garbled, a sentence or a few words left in
  Serbian, Albanian or Russian;
* ``alignment`` — for every article, a copy in which each statement the
  paraphraser can rewrite is reworded (:mod:`.paraphrase`); the gold is the pair
  (statement, its rewording), found when both end up in one group. The same
  statements and vectors go through ``sentence_transformers.util.paraphrase_mining``
  for comparison (a pair counts when it scores at or above the threshold), timed
  in the same run.

Edited copies and scoring rules: :mod:`.edits` and :mod:`.score`.
"""

from __future__ import annotations

import copy
import random
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Document
from ..pipeline import segment_documents
from ..stages.align import DEFAULT_THRESHOLD, align, alignable
from ..stages.embed import Embedder
from ..stages.ingest import read_document
from . import DETECTOR_SUITES, paraphrase
from .score import figures, make_trials, run_trials


@dataclass(frozen=True)
class Suite:
    edits: tuple[str, ...]  #: edit kinds (compare/evaluation/edits.py)
    kinds: tuple[str, ...]  #: finding kinds scored
    limit: int | None  #: edit sites per kind and article


SUITES = {
    "discrepancy": Suite(
        ("count", "count_neutral", "date", "date_neutral", "place", "attribution", "role"), ("discrepancy",), None
    ),
    "translation": Suite(
        ("diacritics", "transliteration", "acronym", "garbled", "untranslated"), ("mt_artefact", "name_variant"), 6
    ),
}
assert tuple(SUITES) == DETECTOR_SUITES


def detector_suite(
    name: str,
    documents: list[Document],
    embedder: Embedder,
    *,
    seed: int,
    variants: int,
    limit: int | None = None,
    progress=None,
) -> dict:
    suite = SUITES[name]
    trials = make_trials(
        documents, kinds=list(suite.edits), seed=seed, variants=variants, limit=suite.limit if limit is None else limit
    )
    started = time.perf_counter()
    tally, _ = run_trials(documents, trials, embedder, kinds=suite.kinds, progress=progress)
    rows = tally.table()
    rows.append(
        figures(
            "all",
            sum(tally.edits.values()),
            sum(tally.found.values()),
            sum(tally.findings.values()),
            sum(tally.correct.values()),
        )
    )
    return {
        "suite": name,
        "trials": tally.trials,
        "seconds": round(time.perf_counter() - started, 1),
        "rows": rows,
        "neutral": dict(tally.neutral_edits),
        "neutral_flagged": dict(tally.neutral_flagged),
        "controls": sum(1 for t in trials if t.edit is None),
        "missed": tally.missed,
        "false_alarms": tally.false_alarms,
    }


def alignment_suite(
    documents: list[Document], embedder: Embedder, *, seed: int, threshold: float = DEFAULT_THRESHOLD
) -> dict:
    """Recall of (statement, rewording) pairs: compare-sources groups vs paraphrase_mining, same vectors."""
    rng = random.Random(seed)
    originals = copy.deepcopy(documents)
    statements = segment_documents(originals)
    copies, gold_texts = [], []  # gold: (original statement id, reworded text)
    with tempfile.TemporaryDirectory() as tmp:
        for document in originals:
            own = [s for s in statements if s.doc == document.id and s.role == "body" and alignable(s)]
            rewritten = [(s, paraphrase.rewrite(s.text, rng)) for s in own]
            reworded = [(s, r) for s, r in rewritten if r]
            if not reworded:
                continue
            copy_id = f"{document.id}-reworded"
            path = Path(tmp) / f"{copy_id}.txt"
            path.write_text(f"{document.title}\n\n" + "\n\n".join(r for _, r in reworded) + "\n", encoding="utf-8")
            copies.append(read_document(path, copy_id))
            gold_texts += [(s.id, r, copy_id) for s, r in reworded]
    everything = segment_documents(originals + copies)
    usable = [s for s in everything if alignable(s)]
    by_text = {(s.doc, s.text): s.id for s in usable}
    gold = {(sid, by_text[(doc, text)]) for sid, text, doc in gold_texts if (doc, text) in by_text}
    vectors = embedder.encode([s.text for s in usable])

    started = time.perf_counter()
    groups = align(usable, vectors, threshold=threshold)
    ours_s = time.perf_counter() - started
    together = {(a, b) for g in groups for a in g.statements for b in g.statements if a != b}
    ours = {pair for pair in gold if pair in together}

    import torch
    from sentence_transformers.util import paraphrase_mining_embeddings

    started = time.perf_counter()
    mined = paraphrase_mining_embeddings(torch.from_numpy(vectors), top_k=8)
    mining_s = time.perf_counter() - started
    ids = [s.id for s in usable]
    above = {(ids[int(i)], ids[int(j)]) for score, i, j in mined if score >= threshold}
    above |= {(b, a) for a, b in above}
    theirs = {pair for pair in gold if pair in above}
    n = len(gold)
    return {
        "suite": "alignment",
        "gold_pairs": n,
        "threshold": threshold,
        "statements": len(usable),
        "groups": {
            "recall": len(ours) / n if n else None,
            "seconds": round(ours_s, 3),
            "pairs_output": len(together) // 2,
        },
        "paraphrase_mining": {
            "recall": len(theirs) / n if n else None,
            "seconds": round(mining_s, 3),
            "pairs_output": len(above) // 2,
        },
        "missed_by_groups": [{"statement": a, "reworded": b} for a, b in sorted(gold - ours)][:20],
    }


def evaluate(
    documents: list[Document],
    embedder: Embedder,
    suites: Sequence[str],
    *,
    seed: int = 0,
    variants: int = 2,
    limit: int | None = None,
    progress=None,
) -> dict:
    results = []
    for name in suites:
        if name == "alignment":
            results.append(alignment_suite(documents, embedder, seed=seed))
        else:
            results.append(
                detector_suite(name, documents, embedder, seed=seed, variants=variants, limit=limit, progress=progress)
            )
    return {"seed": seed, "model": embedder.name, "documents": [d.id for d in documents], "suites": results}


def _fmt(x) -> str:
    return "  –  " if x is None else f"{x:.2f}"


def format_text(result: dict, show: int = 5) -> str:
    lines = [f"{len(result['documents'])} articles · model {result['model']} · seed {result['seed']}"]
    for suite in result["suites"]:
        lines.append("")
        if suite["suite"] == "alignment":
            g, m = suite["groups"], suite["paraphrase_mining"]
            lines += [
                f"alignment: {suite['gold_pairs']} statements reworded in copies, {suite['statements']} "
                f"statements in all, threshold {suite['threshold']}",
                f"  {'method':<28} {'recall':>6} {'pairs out':>9} {'seconds':>8}",
                f"  {'compare-sources groups':<28} {_fmt(g['recall']):>6} {g['pairs_output']:>9} {g['seconds']:>8.3f}",
                f"  {'paraphrase_mining (top 8)':<28} {_fmt(m['recall']):>6} {m['pairs_output']:>9} "
                f"{m['seconds']:>8.3f}",
            ]
            continue
        lines.append(f"{suite['suite']}: {suite['trials']} trials, {suite['seconds']:.0f} s")
        lines.append(
            f"  {'subkind':<16} {'edits':>5} {'found':>5} {'recall':>6} {'findings':>8} {'correct':>7} "
            f"{'precision':>9} {'F1':>5}"
        )
        for row in suite["rows"]:
            lines.append(
                f"  {row['subkind']:<16} {row['edits']:>5} {row['found']:>5} {_fmt(row['recall']):>6} "
                f"{row['findings']:>8} {row['correct']:>7} {_fmt(row['precision']):>9} {_fmt(row['f1']):>5}"
            )
        for kind, n in sorted(suite["neutral"].items()):
            lines.append(
                f"  rewordings that keep the value ({kind}): {n}, flagged {suite['neutral_flagged'].get(kind, 0)}"
            )
        lines.append(f"  untouched copies: {suite['controls']}")
        for title, items in (("missed", suite["missed"]), ("false alarms", suite["false_alarms"])):
            for item in items[:show]:
                lines.append(f"  {title}: {item}")
    return "\n".join(lines) + "\n"
