"""Save one stored page's text as an article of a development corpus, under the header lines corpora/README.md
gives (Title, Outlet, Source, Date where the row has one), taken from the story's retrieval.tsv.

    python scripts/corpus_article.py STORY FILE --corpora DIR < excerpt

Standard input is the page's text: either as the stored-pages search printed it, a JSON string (quotes and
escapes included, so every character survives the copy), or the plain text.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def header(story: str, name: str) -> str:
    """The header lines of ``name``'s row in ``story``'s retrieval list."""
    with (CORPORA / story / "retrieval.tsv").open(encoding="utf-8", newline="") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)}
    if name not in rows:
        raise SystemExit(f"{name}: not a row of corpora/{story}/retrieval.tsv")
    row = rows[name]
    lines = [f"Title: {row['title']}", f"Outlet: {row['outlet']}", f"Source: {row['url']}"]
    if row["date"]:
        lines.append(f"Date: {row['date']}")
    return "\n".join(lines) + "\n\n"


def page_text(raw: str) -> str:
    """The text of a page as given: a JSON string is decoded, anything else kept as it is."""
    stripped = raw.strip()
    return json.loads(stripped) if stripped.startswith('"') else stripped


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story")
    parser.add_argument("file")
    parser.add_argument("--corpora", type=Path, required=True, help="the folder the corpora are rebuilt in")
    args = parser.parse_args(argv)
    text = header(args.story, args.file) + page_text(sys.stdin.read()) + "\n"
    target = args.corpora / args.story / args.file
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
