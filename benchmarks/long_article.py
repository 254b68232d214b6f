"""How long one very long article takes: a 5 MB article beside a short one, with the hashing embedder.

    python benchmarks/long_article.py [--megabytes 5] [--seed 0]

Writes the article from the seeds' sentences, each varied (a word and a number inserted at random) so that no
two sentences are equal and no cache helps, then runs the pipeline once in this process and prints the wall time,
each stage's seconds and the peak RSS. The figures are recorded in docs/benchmarks.md: a long article must cost
time and memory in proportion to its size.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.pipeline import run  # noqa: E402
from compare.stages.embed import HashingEmbedder  # noqa: E402


def write(folder: Path, megabytes: float, seed: int) -> int:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    sentences = [s.strip() for t in texts for s in t.replace("\n", " ").split(".") if len(s.split()) > 4]
    words = [w for s in sentences for w in s.split() if w.isalpha() and w.islower()]
    paragraphs, size = ["A very long article", ""], 0
    while size < megabytes * 1_000_000:
        varied = []
        for _ in range(5):
            sentence = rng.choice(sentences).split()
            sentence.insert(rng.randrange(len(sentence)), rng.choice(words))
            sentence.insert(rng.randrange(len(sentence)), str(rng.randint(1, 9999)))
            varied.append(" ".join(sentence) + ".")
        paragraphs.append(" ".join(varied))
        size += len(paragraphs[-1]) + 2
    (folder / "long.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    (folder / "short.txt").write_text(texts[0], encoding="utf-8")
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        size = write(Path(folder), args.megabytes, args.seed)
        start = time.perf_counter()
        corpus = run([Path(folder)], HashingEmbedder())
        wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{size / 1e6:.1f} MB article, {len(corpus.statements)} statements: {wall:.1f} s, peak RSS {peak} MB")
    for stage, seconds in corpus.timings.items():
        if seconds >= 0.05:
            print(f"  {stage:<28} {seconds:6.2f}")


if __name__ == "__main__":
    main()
