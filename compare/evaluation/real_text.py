"""The real-corpus scorer's text output: per story the figures, every miss and every unmatched finding, then
the totals over the stories (``compare-sources score``; ``--json`` prints the same figures as data)."""

from __future__ import annotations

from .real import totals, unmatched_count


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def format_text(results: list[dict]) -> str:
    """Per story: the figures, then every miss and every finding that matches nothing; then the totals."""
    lines: list[str] = []
    for r in results:
        lines += [line.rstrip() for line in _story_lines(r)] + [""]
    if len(results) > 1:
        lines += _totals_lines(results, totals(results))
    return "\n".join(lines).rstrip() + "\n"


_ROW = "  {:<26}{:>9}{:>7}{:>8}{:>10}{:>9}{:>11}"


def _kind_rows(title: str, figures: dict, breakdown: dict) -> list[str]:
    """A kind's row (recall and precision), then a recall row per class of its labels that has any."""
    lines = [
        _ROW.format(
            title,
            figures["labelled"],
            figures["found"],
            _figure(figures["recall"]),
            figures["findings"],
            figures["matched"],
            _figure(figures["precision"]),
        )
    ]
    for name, x in breakdown.items():
        if x["labelled"]:
            lines.append(_ROW.format(f"  {name}", x["labelled"], x["found"], _figure(x["recall"]), "", "", ""))
    return lines


def _story_lines(r: dict) -> list[str]:
    d, a, p = r["discrepancies"], r["artefacts"], r["pairs"]
    lines = [
        f"{r['story']}: {r['documents']} articles from {r['outlets']} outlets",
        f"  {'':<26}{'labelled':>9}{'found':>7}{'recall':>8}{'findings':>10}{'matched':>9}{'precision':>11}",
    ]
    row = _ROW
    lines += _kind_rows("discrepancies", d, d["by_label"])
    lines += _kind_rows("artefacts / name variants", a, a["by_type"])
    lines.append(row.format("statement pairs grouped", p["labelled"], p["grouped"], _figure(p["recall"]), "", "", ""))
    for origin in ("independent", "copies", "across_languages"):
        if p[origin]["labelled"]:
            lines.append(
                row.format(
                    f"  {origin}", p[origin]["labelled"], p[origin]["grouped"], _figure(p[origin]["recall"]), "", "", ""
                )
            )
    judged = d["labelled_right"]
    if d["across_languages"]["labelled"]:
        x = d["across_languages"]
        lines.append(f"  discrepancies across languages found: {x['found']} of {x['labelled']}")
    t = r["translations"]
    if t["labelled"] or t["unlabelled"]:
        lines.append(f"  translated articles paired with their original: {t['found']} of {t['labelled']}")
        lines += [f"    missed: {m}" for m in t["missed"]] + [f"    not labelled: {m}" for m in t["unlabelled"]]
    lines += [
        f"  consistent facts flagged: {r['consistent']['flagged']} of {r['consistent']['labelled']}",
        f"  boilerplate aligned: {r['boilerplate']['aligned']} of {r['boilerplate']['labelled']}",
        f"  found discrepancies labelled right (update/conflict/scope): {judged['right']} of {judged['found']}",
        f"  name variants whose expected form the report names: {a['expected_form']['right']} of "
        f"{a['expected_form']['named']}",
    ]
    if r["not_scored"]:
        lines.append("  not scored: " + ", ".join(f"{rule} {n}" for rule, n in sorted(r["not_scored"].items())))
    lines += [f"  CORPUS: {problem}" for problem in r["corpus_problems"]]
    lines += _section(
        "missed discrepancies", [f"{m['id']} {m['label']}: {m['slot']}: {m['values']}" for m in d["missed"]]
    )
    lines += _section(
        "found discrepancies labelled otherwise",
        [f"{m['id']} labelled {m['label']}, reported {'/'.join(m['reported'])}" for m in d["wrongly_labelled"]],
    )
    lines += _section(
        "missed artefacts",
        [f"{m['id']} {m['type']}: {m['document']} “{m['text']}” → {m['expected']}" for m in a["missed"]],
    )
    lines += _section("missed pairs", [f"{m['id']} ({m['why']}): " + " | ".join(m["statements"]) for m in p["missed"]])
    lines += _section(
        "consistent facts flagged",
        [f"{c['id']} {c['slot']}: {c['finding']} {c['message']}" for c in r["consistent"]["flagged_facts"]],
    )
    lines += _section(
        "boilerplate aligned", [f"{b['id']} {b['document']}: {b['text']}" for b in r["boilerplate"]["aligned_strings"]]
    )
    count = unmatched_count(r)
    lines.append(
        f"  findings that match nothing labelled: {count}, in {len(r['unmatched'])} of {r['documents']} articles"
    )
    for doc, items in r["unmatched"].items():
        lines.append(f"    {doc} ({len(items)})")
        lines += [f"      {i['finding']} {i['severity']} {i['rule']}: {i['message']}" for i in items]
    return lines


def _section(title: str, items: list[str]) -> list[str]:
    return [f"  {title}:", *(f"    {item}" for item in items)] if items else []


def _totals_lines(results: list[dict], total: dict) -> list[str]:
    head = "{:<36}{:>6}{:>9}{:>7}{:>9}{:>7}{:>8}{:>12}{:>11}"
    lines = [
        "all stories: recall (R) and precision (P) per story",
        head.format("story", "docs", "discr R", "P", "artef R", "P", "pairs R", "consistent", "unmatched"),
    ]
    rows = [(r, unmatched_count(r)) for r in results] + [(dict(total, story="total"), total["unmatched"])]
    for r, unmatched in rows:
        lines.append(
            head.format(
                r["story"][:36],
                r["documents"],
                _figure(r["discrepancies"]["recall"]),
                _figure(r["discrepancies"]["precision"]),
                _figure(r["artefacts"]["recall"]),
                _figure(r["artefacts"]["precision"]),
                _figure(r["pairs"]["recall"]),
                f"{r['consistent']['flagged']}/{r['consistent']['labelled']}",
                unmatched,
            )
        )
    return lines
