"""How run time and memory grow with the corpus: 10, 100, 1,000 … synthetic articles.

    python benchmarks/scale.py [--sizes 10,100,1000] [--seed 0] [--hashing] [--workdir DIR] [--json FILE]

For each size it writes a synthetic corpus (compare/evaluation/synthetic.py:
stories covered by about five outlets each, with varied background sentences)
and runs the whole pipeline, report included, three times, each in a fresh
process so that peak memory and imports are the run's own:

* **cold** — empty embedding cache: the model is loaded and every statement encoded;
* **cached** — the same corpus again: every vector comes from the cache (torch
  must not even be imported);
* **+1 article** — one new article added to the cached corpus: only its
  statements are encoded.

Prints, per size: statements, wall time end to end, the model's share (loading
and encoding) and everything else, statements per second, peak RSS (and that of
the largest child process: a worker of the per-article stage, or the model's), the
largest sum of the run's processes' RSS at one moment ("tree"), and the
same for the cached and +1 runs, then each stage's seconds in the cold run.
The figures are recorded in docs/benchmarks.md. ``--hashing`` swaps the model
for the deterministic hashing embedder, to time everything but the model.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def worker(folder: str, cache: str, hashing: bool, out: str) -> None:
    """One run in this process; prints its figures as JSON on the last line."""
    from compare.infra.cache import EmbeddingCache
    from compare.infra.heap import kept_for_the_run
    from compare.stages.embed import CachedEmbedder, HashingEmbedder, SentenceTransformerEmbedder
    from compare.infra.memo import AnalysisMemo
    from compare.pipeline import run
    from compare.infra.processes import exit_skipping_teardown
    from compare.report import render_bytes
    from compare.infra.timing import timed

    started = time.perf_counter()
    embedder = CachedEmbedder(HashingEmbedder() if hashing else SentenceTransformerEmbedder(),
                              EmbeddingCache(Path(cache)))
    with kept_for_the_run():  # as compare-sources report holds the heap until the report is written
        corpus = run([folder], embedder, memo=AnalysisMemo(Path(cache)))
        with timed(corpus.timings, "report"):
            Path(out).write_bytes(render_bytes(corpus, "json"))  # as the CLI writes a report file
    print(json.dumps({
        "documents": len(corpus.documents), "statements": len(corpus.statements), "groups": len(corpus.groups),
        "findings": len(corpus.findings), "encoded": embedder.misses, "timings": corpus.timings,
        "inside_s": time.perf_counter() - started,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        # The per-article stage's worker processes (forked, so they share the parent's pages at first) and the
        # model's process.
        "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "torch_imported": "torch" in sys.modules,
    }))
    exit_skipping_teardown(0)  # as compare-sources ends


def measure(folder: Path, cache: Path, hashing: bool) -> dict:
    command = [sys.executable, __file__, "--worker", str(folder), "--cache", str(cache),
               "--out", str(folder.parent / "report.json")] + (["--hashing"] if hashing else [])
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "HF_HUB_OFFLINE": "1"})
    tree = {"peak": 0}
    sampling = threading.Thread(target=_sample_tree, args=(process, tree), daemon=True)
    sampling.start()
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    sampling.join()
    if process.returncode != 0:
        raise SystemExit(f"worker failed on {folder}:\n{stderr[-2000:]}")
    figures = json.loads(stdout.strip().splitlines()[-1])
    figures["wall_s"] = wall
    figures["tree_peak_rss_mb"] = tree["peak"]
    model = figures["timings"].get("embed: model", 0.0)
    figures["model_s"] = model
    figures["other_s"] = wall - model
    return figures


def _sample_tree(process: subprocess.Popen, tree: dict) -> None:
    """The largest sum of the resident memory of the worker and its child processes alive at one moment (the
    model's process, the forked workers), sampled every 0.1 s until it ends: the memory the run needs at once.
    A forked child's pages shared with its parent count twice here, so this errs high."""
    def resident(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/statm") as handle:
                return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            return 0

    def descendants(pid: int) -> list[int]:
        found = []
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as handle:
                    for child in map(int, handle.read().split()):
                        found += [child, *descendants(child)]
        except OSError:
            pass
        return found

    if not os.path.isdir(f"/proc/{process.pid}"):
        return  # not Linux: no figure
    while process.poll() is None:
        total = sum(resident(pid) for pid in [process.pid, *descendants(process.pid)])
        tree["peak"] = max(tree["peak"], round(total / 2**20))
        time.sleep(0.1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hashing", action="store_true", help="hashing embedder instead of the model")
    parser.add_argument("--workdir", type=Path, help="keep corpora and caches here (default: a temporary folder)")
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.cache, args.hashing, args.out)
        return

    from benchmarks import synthetic

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="compare-scale-"))
    rows = []
    print(f"{os.cpu_count()} CPUs · Python {sys.version.split()[0]} · "
          f"{'hashing embedder' if args.hashing else 'all-MiniLM-L6-v2'} · seed {args.seed}")
    print(f"{'articles':>8} {'stmts':>7} | {'cold s':>7} {'model s':>7} {'other s':>7} {'other %':>7} "
          f"{'stmt/s':>6} {'RSS MB':>6} {'wrk MB':>6} {'tree MB':>7} | {'cached s':>8} {'RSS MB':>6} {'torch':>5} | "
          f"{'+1 s':>6} {'model s':>7} {'enc':>4}")
    for size in [int(s) for s in args.sizes.split(",")]:
        base = workdir / str(size)
        shutil.rmtree(base, ignore_errors=True)
        corpus, cache = base / "corpus", base / "cache"
        written = synthetic.articles(size + 1, seed=args.seed)
        corpus.mkdir(parents=True)
        for name, text in written[:size]:
            (corpus / name).write_text(text, encoding="utf-8")
        cold = measure(corpus, cache, args.hashing)
        cached = measure(corpus, cache, args.hashing)
        name, text = written[size]
        (corpus / name).write_text(text, encoding="utf-8")
        added = measure(corpus, cache, args.hashing)
        row = {"articles": size, "cold": cold, "cached": cached, "added": added}
        rows.append(row)
        print(f"{size:>8} {cold['statements']:>7} | {cold['wall_s']:>7.1f} {cold['model_s']:>7.1f} "
              f"{cold['other_s']:>7.1f} {100 * cold['other_s'] / cold['wall_s']:>6.1f}% "
              f"{cold['statements'] / cold['wall_s']:>6.0f} {cold['peak_rss_mb']:>6.0f} "
              f"{cold.get('worker_peak_rss_mb', 0):>6.0f} {cold['tree_peak_rss_mb']:>7.0f} | "
              f"{cached['wall_s']:>8.1f} {cached['peak_rss_mb']:>6.0f} {str(cached['torch_imported'])[0]:>5} | "
              f"{added['wall_s']:>6.1f} {added['model_s']:>7.1f} {added['encoded']:>4}", flush=True)
    print("\nstages of the cold runs (s):")
    stages = list(dict.fromkeys(k for row in rows for k in row["cold"]["timings"]))
    for stage in stages:
        print(f"  {stage:<24}" + "".join(f"{row['cold']['timings'].get(stage, 0):>9.2f}" for row in rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
