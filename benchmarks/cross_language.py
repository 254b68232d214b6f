"""Mixing the two models against the multilingual one throughout, on the development stories with originals.

    python benchmarks/cross_language.py --corpora ../corpora [STORY ...]

``mixed`` is what the pipeline does: all-MiniLM-L6-v2 pairs English statements, multilingual-e5-small every
pair with a statement in another language (compare/stages/across.py). ``multilingual`` treats every statement
as foreign, so every pair comes from multilingual-e5-small under the same bars. For each story whose gold
names an article not in English (every story with ``--all``), both are scored with the real-corpus scorer:
labelled pairs grouped (English with English, across languages), discrepancies and their precision. The
figures go to docs/translations.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _ratio(found: int, labelled: int) -> str:
    return f"{found}/{labelled}" if labelled else "–"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", nargs="*", help="story slugs [default: those with an article not in English]")
    parser.add_argument("--corpora", type=Path, required=True)
    parser.add_argument("--all", action="store_true", help="every story, English-only ones too")
    args = parser.parse_args()

    from compare import pipeline
    from compare.cli.app import default_embedder, default_multilingual
    from compare.evaluation import real
    from compare.evaluation.labels import load_gold
    from compare.options import RunOptions
    from compare.pipeline import analyse, load_documents
    from compare.report.json_format import to_dict
    from compare.stages import across

    def throughout(statements, document_languages, model, translations=()):
        # Every statement foreign, and every article too: the model is made whatever the corpus.
        return across.foreign_pairs(statements, dict.fromkeys(document_languages, "xx"), model, translations)

    golds = [load_gold(path) for path in sorted((ROOT / "corpora").glob("*/gold.json"))]
    golds = [
        g
        for g in golds
        if (g.story in args.stories if args.stories else args.all or any(d.language != "en" for d in g.documents))
        and g.story != "georgia-election-2024"  # held out: never studied
    ]
    print("| story | mode | pairs en–en | pairs across languages | discrepancies found | precision |")
    print("|---|---|---:|---:|---:|---:|")
    is_foreign = across.is_foreign
    for gold in golds:
        paths = real.article_paths(args.corpora / gold.story, gold)
        options = RunOptions(paths=tuple(paths))
        for mode, rule, pairs in (
            ("mixed", is_foreign, across.foreign_pairs),
            ("multilingual", lambda *_: True, throughout),
        ):
            documents, skipped = load_documents(paths)  # afresh: a run sets their languages, dates and copies
            across.is_foreign, pipeline.foreign_pairs = rule, pairs
            try:
                corpus = analyse(
                    documents,
                    default_embedder(options),
                    options,
                    skipped=skipped,
                    multilingual=partial(default_multilingual, options),
                )
            finally:
                across.is_foreign, pipeline.foreign_pairs = is_foreign, across.foreign_pairs
            result = real.score(to_dict(corpus), gold)
            pairs, discrepancies = result["pairs"], result["discrepancies"]
            english = pairs["labelled"] - pairs["across_languages"]["labelled"]
            english_grouped = pairs["grouped"] - pairs["across_languages"]["grouped"]
            print(
                f"| {gold.story} | {mode} | {_ratio(english_grouped, english)} | "
                f"{_ratio(pairs['across_languages']['grouped'], pairs['across_languages']['labelled'])} | "
                f"{_ratio(discrepancies['found'], discrepancies['labelled'])} | "
                f"{_ratio(discrepancies['matched'], discrepancies['findings'])} |"
            )


if __name__ == "__main__":
    main()
