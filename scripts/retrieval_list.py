"""Write each development corpus's retrieval list (corpora/<story>/retrieval.tsv) from its gold file.

The gold file's ``documents`` are the one source: URL, outlet, date and the stored-pages query that found each
article. The TSV is the same list for a person rebuilding the corpus by hand; tests/test_docs.py checks it is
current.

    python scripts/retrieval_list.py
"""

from __future__ import annotations

import json
from pathlib import Path

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
COLUMNS = ("file", "outlet", "date", "url", "title", "query", "copy_of")


def render(gold_path: Path) -> str:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    rows = ["\t".join(COLUMNS)]
    for d in gold["documents"]:
        values = {"file": d.get("file") or f"{d['id']}.txt", **d}
        rows.append("\t".join(str(values.get(column) or "").replace("\t", " ") for column in COLUMNS))
    return "\n".join(rows) + "\n"


def gold_files() -> list[Path]:
    return sorted(CORPORA.glob("*/gold.json"))


if __name__ == "__main__":
    for path in gold_files():
        target = path.with_name("retrieval.tsv")
        target.write_text(render(path), encoding="utf-8")
        print(f"wrote {target}")
