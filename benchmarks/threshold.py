"""Measure grouping quality on a labelled corpus for a grid of thresholds and margins.

    python benchmarks/threshold.py [tests/data/alignment/seeds.json] [--cache-dir DIR]

Embeds the corpus once (real model, through the embedding cache), then runs the
alignment stage for each setting and scores the *pairs it puts in one group*
against the labelled pairs: a labelled pair grouped together is a hit; any other
cross-document pair grouped together counts against precision. The labels are
incomplete (unlabelled pairs that really match count as errors), so precision is
a lower bound; the recall of the labelled set is exact. Prints a table and the
setting with the best F1 among those that keep every 'required' pair.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.stages.align import align, alignable  # noqa: E402
from compare.infra.cache import EmbeddingCache, default_cache_dir  # noqa: E402
from compare.stages.embed import CachedEmbedder, SentenceTransformerEmbedder  # noqa: E402
from benchmarks.alignment_gold import AlignmentGold, find_statement  # noqa: E402
from compare.model import Corpus  # noqa: E402
from compare.pipeline import load_documents, segment_documents  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(ROOT / "tests/data/alignment/seeds.json"))
    parser.add_argument("--cache-dir", type=Path, default=None)
    args = parser.parse_args()

    gold = AlignmentGold.load(args.gold)
    documents, _ = load_documents([gold.corpus])
    corpus = Corpus(documents=documents, statements=segment_documents(documents))
    usable = [s for s in corpus.statements if alignable(s)]
    embedder = CachedEmbedder(SentenceTransformerEmbedder(), EmbeddingCache(args.cache_dir or default_cache_dir()))
    vectors = embedder.encode([s.text for s in usable])

    def key(a, b):
        return tuple(sorted((a.id, b.id)))

    labelled = {key(find_statement(corpus, a), find_statement(corpus, b)) for a, b in gold.pairs}
    required = {key(find_statement(corpus, a), find_statement(corpus, b)) for a, b in gold.required}
    print(f"{len(documents)} documents, {len(usable)} alignable statements, "
          f"{len(labelled)} labelled pairs ({len(required)} required), model {embedder.name}")
    print(f"{'threshold':>9} {'margin':>6} {'groups':>6} {'pairs':>5} {'hits':>4} {'precision':>9} "
          f"{'recall':>6} {'F1':>5} required")
    rows = []
    for threshold, margin in itertools.product([0.55, 0.58, 0.6, 0.63, 0.65, 0.68, 0.7, 0.75],
                                               [1.0, 1.03, 1.06, 1.1]):
        groups = align(usable, vectors, threshold=threshold, margin=margin)
        doc_of = {s.id: s.doc for s in usable}
        predicted = {tuple(sorted(p)) for g in groups for p in itertools.combinations(g.statements, 2)
                     if doc_of[p[0]] != doc_of[p[1]]}
        hits = len(predicted & labelled)
        precision = hits / len(predicted) if predicted else 0.0
        recall = hits / len(labelled)
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        keeps = required <= predicted
        rows.append((f1, keeps, threshold, margin))
        print(f"{threshold:9.2f} {margin:6.2f} {len(groups):6d} {len(predicted):5d} {hits:4d} {precision:9.2f} "
              f"{recall:6.2f} {f1:5.2f} {'yes' if keeps else 'no'}")
    best = max((r for r in rows if r[1]), default=None)
    if best:
        print(f"best F1 keeping every required pair: threshold {best[2]:.2f}, margin {best[3]:.2f} (F1 {best[0]:.2f})")


if __name__ == "__main__":
    main()
