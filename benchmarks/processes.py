"""Where forked processes pay off: the detectors in one process against one per core, by corpus size.

    python benchmarks/processes.py [--sizes 50,100,200,400,1000] [--seed 0] [--model [--cache-dir DIR]] [--repeat 3]

Writes a synthetic corpus (compare/evaluation/synthetic.py), runs every stage up to
the detectors on its first N articles, then times the detect stage (all detectors,
findings included) with one process and with one forked process per usable core,
best of ``--repeat``. ``--model`` aligns with the packaged model (vectors from the
user cache or ``--cache-dir``, encoded on the first run); by default the hashing embedder, which
groups fewer statements, so the detectors have less to compare. Sets
``PARALLEL_FROM_STATEMENTS`` in compare/detect/__init__.py; figures go to
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,100,200,400,1000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--model", action="store_true", help="align with the packaged model (cached vectors)")
    parser.add_argument("--cache-dir", type=Path, help="embedding cache for --model (default: the user cache)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import compare.detect as detect
    from compare.infra.cache import EmbeddingCache, default_cache_dir
    from compare.stages.embed import CachedEmbedder, HashingEmbedder, SentenceTransformerEmbedder
    from benchmarks import synthetic
    from compare.options import RunOptions
    from compare.pipeline import analyse, load_documents
    from compare.infra.processes import usable_cores

    sizes = [int(s) for s in args.sizes.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="compare-processes-"))
    synthetic.write(folder, max(sizes), seed=args.seed)
    everything, _ = load_documents([folder])
    embedder = (CachedEmbedder(SentenceTransformerEmbedder(), EmbeddingCache(args.cache_dir or default_cache_dir())) if args.model
                else HashingEmbedder())
    names = list(detect.registry())
    cores = usable_cores()
    print(f"{cores} usable cores · {'all-MiniLM-L6-v2' if args.model else 'hashing embedder'} · seed {args.seed}")
    print(f"{'articles':>8} {'statements':>10} {'groups':>7} {'findings':>8} | {'1 process':>9} "
          f"{f'{cores} processes':>11} {'gain':>6}")
    for size in sizes:
        corpus = analyse(everything[:size], embedder, RunOptions(disabled=tuple(names)))  # all but the detectors

        def best(parallel: bool) -> tuple[float, int]:
            detect.PARALLEL_FROM_STATEMENTS = 0 if parallel else 10 ** 9
            detect.PARALLEL_UP_TO_STATEMENTS = 10 ** 9
            seconds = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                found = detect.run_detectors(corpus)
                seconds.append(time.perf_counter() - started)
            return min(seconds), len(found)

        alone, findings = best(False)
        forked, same = best(True)
        assert same == findings
        print(f"{size:>8} {len(corpus.statements):>10} {len(corpus.groups):>7} {findings:>8} | {alone:>8.2f}s "
              f"{forked:>10.2f}s {alone - forked:>+5.2f}s", flush=True)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
