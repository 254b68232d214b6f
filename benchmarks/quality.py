"""Precision and recall of the detectors on generated edits of the seed corpus.

    python benchmarks/quality.py [ARTICLES] [--suite discrepancy|translation] [--seed N] [--variants N]
                                 [--limit N] [--hashing] [--json FILE]

Makes edited copies of each article, runs the whole pipeline on the originals
plus each copy, and scores the findings against the edits (see
compare/evaluation/score.py for the rules).

* ``discrepancy``: a count, date, place, speaker or role changed, or a count or
  date reworded without changing it; scores ``discrepancy`` findings.
* ``translation``: a name stripped of its diacritics or transliterated, an
  acronym with one wrong letter, a garbled word, a sentence or a few words left
  in Serbian, Albanian or Russian; scores ``mt_artefact`` and ``name_variant``
  findings.

Prints a table per subkind, the false alarms on rewordings and untouched copies,
and a sample of misses and false alarms. The real packaged model is used unless
--hashing is given.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.cache import EmbeddingCache, default_cache_dir  # noqa: E402
from compare.embed import CachedEmbedder, HashingEmbedder, SentenceTransformerEmbedder  # noqa: E402
from compare.evaluation.score import make_trials, run_trials  # noqa: E402
from compare.pipeline import load_documents  # noqa: E402

#: suite → (edit kinds, finding kinds scored, sites per kind and article; None for all)
SUITES = {
    "discrepancy": (["count", "count_neutral", "date", "date_neutral", "place", "attribution", "role"],
                    ("discrepancy",), None),
    "translation": (["diacritics", "transliteration", "acronym", "garbled", "untranslated"],
                    ("mt_artefact", "name_variant"), 6),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", default=str(ROOT / "seeds"))
    parser.add_argument("--suite", choices=sorted(SUITES), default="discrepancy")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, help="edit sites per kind and article (default: the suite's)")
    parser.add_argument("--variants", type=int, default=2, help="edited copies per edit site")
    parser.add_argument("--hashing", action="store_true", help="deterministic embedder instead of the model")
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--json", type=Path, help="write the tally here")
    parser.add_argument("--show", type=int, default=8, help="misses and false alarms to print")
    args = parser.parse_args()

    documents, _ = load_documents([args.articles])
    inner = HashingEmbedder() if args.hashing else SentenceTransformerEmbedder()
    embedder = CachedEmbedder(inner, EmbeddingCache(args.cache_dir or default_cache_dir()))
    edit_kinds, finding_kinds, limit = SUITES[args.suite]
    trials = make_trials(documents, kinds=edit_kinds, seed=args.seed, variants=args.variants,
                         limit=args.limit if args.limit is not None else limit)
    started = time.perf_counter()
    tally, _ = run_trials(documents, trials, embedder, kinds=finding_kinds)
    elapsed = time.perf_counter() - started

    print(f"{args.suite}: {len(documents)} articles, {tally.trials} trials (seed {args.seed}, model {embedder.name}), "
          f"{elapsed:.0f} s")
    print(f"{'subkind':<12} {'edits':>5} {'found':>5} {'recall':>6}   {'findings':>8} {'correct':>7} "
          f"{'precision':>9} {'F1':>5}")

    def fmt(x):
        return "  –  " if x is None else f"{x:.2f}"

    rows = tally.table()
    for row in rows:
        print(f"{row['subkind']:<12} {row['edits']:>5} {row['found']:>5} {fmt(row['recall']):>6}   "
              f"{row['findings']:>8} {row['correct']:>7} {fmt(row['precision']):>9} {fmt(row['f1']):>5}")
    total_edits = sum(tally.edits.values())
    total_found = sum(tally.found.values())
    total_findings = sum(tally.findings.values())
    total_correct = sum(tally.correct.values())
    print(f"{'all':<12} {total_edits:>5} {total_found:>5} {fmt(total_found / total_edits if total_edits else None):>6}   "
          f"{total_findings:>8} {total_correct:>7} "
          f"{fmt(total_correct / total_findings if total_findings else None):>9}")
    for kind, n in sorted(tally.neutral_edits.items()):
        print(f"rewordings that keep the value ({kind}): {n}, flagged {tally.neutral_flagged[kind]}")
    controls = sum(1 for t in trials if t.edit is None)
    print(f"untouched copies: {controls}")
    for title, items in (("missed", tally.missed), ("false alarms", tally.false_alarms)):
        if items and args.show:
            print(f"\n{title} (first {min(args.show, len(items))} of {len(items)}):")
            for item in items[:args.show]:
                print("  ", json.dumps(item, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps({"trials": tally.trials, "rows": rows, "missed": tally.missed,
                                         "false_alarms": tally.false_alarms,
                                         "neutral": dict(tally.neutral_edits),
                                         "neutral_flagged": dict(tally.neutral_flagged)},
                                        indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
