"""Score a report against the gold labels of a real-coverage corpus (``compare-sources score``).

The scorer reads only the report's JSON form (the contract of docs/json-contract.md),
so a report written earlier scores the same as a fresh run. Labels quote the
articles (:mod:`.labels`); they are found again in each document's text, and a
finding is matched to a label through its evidence spans:

* a **discrepancy** label is *found* when one discrepancy finding's evidence
  overlaps mentions of at least two of its different values;
* a **consistent** fact is *flagged* when a discrepancy finding puts two of its
  mentions under different values;
* an **artefact** label is *found* when an artefact finding's flagged span (for a
  name variant, the variant's own mentions, not the corpus's spelling it is
  compared with) overlaps the labelled string in its document;
* a **statement pair** is *grouped* when one group holds a statement overlapping
  each of its two quotations;
* a **boilerplate** string is *aligned* when a statement overlapping it is in a group.

A finding that matches no label of its kind is *unmatched*, listed under the
document of its first flagged span.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..infra.files import read_json
from .labels import LABELS, Gold, Mention, locate, missing

DISCREPANCY_KINDS = frozenset({"discrepancy"})
ARTEFACT_KINDS = frozenset({"name_variant", "mt_artefact"})
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}

Span = tuple[str, int, int]  # doc, start, end


class ReportIndex:
    """Where labels fall in one report: spans of quotations, statements under them, groups of statements."""

    def __init__(self, report: dict):
        self.texts = {d["id"]: d["text"] for d in report["documents"]}
        # Labels quote bodies: a headline repeated in the "Title:" header line must not be found there.
        self.body_start = {
            d["id"]: max((b["end"] for b in d.get("boilerplate", []) if b.get("reason") == "header"), default=0)
            for d in report["documents"]
        }
        self.statements: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for s in report["statements"]:
            self.statements[s["doc"]].append((s["start"], s["end"], s["id"]))
        self.groups_of: dict[str, set[str]] = defaultdict(set)
        for group in report["groups"]:
            for statement in group["statements"]:
                self.groups_of[statement].add(group["id"])

    def bodies(self) -> dict[str, tuple[str, int]]:
        return {doc: (text, self.body_start[doc]) for doc, text in self.texts.items()}

    def spans(self, mention: Mention) -> list[Span]:
        if mention.document not in self.texts:
            return []
        return [
            (mention.document, start, end)
            for start, end in locate(self.texts[mention.document], mention, self.body_start[mention.document])
        ]

    def statements_at(self, spans: Iterable[Span]) -> set[str]:
        found: set[str] = set()
        for doc, start, end in spans:
            found.update(sid for s_start, s_end, sid in self.statements.get(doc, ()) if s_start < end and start < s_end)
        return found

    def grouped(self, statements: set[str]) -> bool:
        return any(self.groups_of.get(s) for s in statements)


def _overlaps(evidence: Iterable[dict], spans: Iterable[Span]) -> bool:
    spans = list(spans)
    return any(e["doc"] == doc and e["start"] < end and start < e["end"] for e in evidence for doc, start, end in spans)


def flagged_evidence(finding: dict) -> list[dict]:
    """The spans a finding says are wrong: a name variant's own mentions, else all its evidence."""
    variant = finding.get("data", {}).get("variant")
    if variant:
        own = [e for e in finding["evidence"] if _fold(e["text"]) == _fold(variant)]
        if own:
            return own
    return finding["evidence"]


def predicted_label(finding: dict) -> str:
    """How the report classes a discrepancy: an explicit relation, else an update where it says so."""
    data = finding.get("data", {})
    if data.get("relation") in LABELS:
        return data["relation"]
    return "update" if data.get("possible_update") else "conflict"


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _values_text(values) -> str:
    return " / ".join(f"{v.value} ({', '.join(sorted({m.document for m in v.mentions}))})" for v in values)


def score(report: dict, gold: Gold, *, min_severity: str = "info") -> dict:
    """Recall and precision per kind of label for one story, with every miss and unmatched finding."""
    index = ReportIndex(report)
    rank = SEVERITY_RANK[min_severity]
    findings = [f for f in report["findings"] if SEVERITY_RANK.get(f["severity"], 2) <= rank]
    discrepancy_findings = [f for f in findings if f["kind"] in DISCREPANCY_KINDS]
    artefact_findings = [f for f in findings if f["kind"] in ARTEFACT_KINDS]
    unmatched: dict[str, list[dict]] = defaultdict(list)
    result = {
        "story": gold.story,
        "documents": len(gold.documents),
        "outlets": len({d.outlet for d in gold.documents}),
        "corpus_problems": missing(gold, index.bodies()),
        "discrepancies": _score_discrepancies(gold, index, discrepancy_findings, unmatched),
        "consistent": _score_consistent(gold, index, discrepancy_findings),
        "artefacts": _score_artefacts(gold, index, artefact_findings, unmatched),
        "pairs": _score_pairs(gold, index),
        "translations": _score_translations(gold, report),
        "boilerplate": _score_boilerplate(gold, index),
        "not_scored": dict(
            Counter(
                f"{f['kind']}/{f['subkind']}" for f in findings if f["kind"] not in DISCREPANCY_KINDS | ARTEFACT_KINDS
            )
        ),
    }
    result["unmatched"] = {doc: unmatched[doc] for doc in sorted(unmatched)}
    return result


def _summary(finding: dict) -> dict:
    return {
        "finding": finding["id"],
        "rule": f"{finding['kind']}/{finding['subkind']}",
        "severity": finding["severity"],
        "message": finding["message"],
    }


def _figures(labels: list, matches: dict[str, list[dict]], findings: list[dict]) -> dict:
    """Labels found (recall) and findings that found one (precision)."""
    found = sum(1 for label in labels if matches[label.id])
    matched = {f["id"] for fs in matches.values() for f in fs}
    return {
        "labelled": len(labels),
        "found": found,
        "recall": _ratio(found, len(labels)),
        "findings": len(findings),
        "matched": len(matched),
        "precision": _ratio(len(matched), len(findings)),
    }


def _recall_by(labels: list, matches: dict[str, list[dict]], key: Callable[[Any], str], keys: Iterable[str]) -> dict:
    """Recall per label class (a discrepancy's label, an artefact's type)."""
    out = {}
    for value in keys:
        of_kind = [label for label in labels if key(label) == value]
        found = sum(1 for label in of_kind if matches[label.id])
        out[value] = {"labelled": len(of_kind), "found": found, "recall": _ratio(found, len(of_kind))}
    return out


def _score_discrepancies(gold: Gold, index: ReportIndex, findings: list[dict], unmatched) -> dict:
    value_spans = {
        d.id: [[span for m in v.mentions for span in index.spans(m)] for v in d.values] for d in gold.discrepancies
    }
    matches: dict[str, list[dict]] = defaultdict(list)
    for finding in findings:
        hit = False
        for d in gold.discrepancies:
            if sum(_overlaps(finding["evidence"], spans) for spans in value_spans[d.id]) >= 2:
                matches[d.id].append(finding)
                hit = True
        if not hit:
            unmatched[finding["evidence"][0]["doc"] if finding["evidence"] else ""].append(_summary(finding))
    found = [d for d in gold.discrepancies if matches[d.id]]
    right = [d for d in found if any(predicted_label(f) == d.label for f in matches[d.id])]
    language = {d.id: d.language for d in gold.documents}
    across = [d for d in gold.discrepancies if len(_languages(gold, (m for v in d.values for m in v.mentions))) > 1]
    return {
        **_figures(gold.discrepancies, matches, findings),
        # Labels whose values are printed in different languages; found by a finding quoting two of them.
        "across_languages": {
            "labelled": len(across),
            "found": sum(
                1
                for d in across
                if any(len({language.get(e["doc"], "en") for e in f["evidence"]}) > 1 for f in matches[d.id])
            ),
        },
        "by_label": _recall_by(gold.discrepancies, matches, lambda d: d.label, LABELS),
        "labelled_right": {"found": len(found), "right": len(right), "share": _ratio(len(right), len(found))},
        "missed": [
            {"id": d.id, "label": d.label, "slot": d.slot, "values": _values_text(d.values)}
            for d in gold.discrepancies
            if not matches[d.id]
        ],
        "wrongly_labelled": [
            {"id": d.id, "label": d.label, "reported": sorted({predicted_label(f) for f in matches[d.id]})}
            for d in found
            if d not in right
        ],
    }


def _score_consistent(gold: Gold, index: ReportIndex, findings: list[dict]) -> dict:
    flagged = []
    for c in gold.consistent:
        mention_spans = [index.spans(m) for m in c.mentions]
        for finding in findings:
            if _splits(finding, mention_spans):
                flagged.append({"id": c.id, "slot": c.slot, **_summary(finding)})
                break
    return {"labelled": len(gold.consistent), "flagged": len(flagged), "flagged_facts": flagged}


def _splits(finding: dict, mention_spans: list[list[Span]]) -> bool:
    """Does the finding set two mentions of one agreed fact against each other?

    Each evidence span is read as the value whose quoted texts hold it (``data.values``), so that only
    the words a finding compares count, not everything else its sentences say.
    """
    values = finding.get("data", {}).get("values") or []
    sides = []
    for spans in mention_spans:
        touching = [e for e in finding["evidence"] if _overlaps([e], spans)]
        if not touching:
            continue
        sides.append(
            {
                n
                for e in touching
                for n, v in enumerate(values)
                if e["text"] in v.get("texts", ()) and e["doc"] in v.get("documents", ())
            }
        )
    if not values:
        return len(sides) >= 2
    return any(a and b and not a & b for i, a in enumerate(sides) for b in sides[i + 1 :])


def _score_artefacts(gold: Gold, index: ReportIndex, findings: list[dict], unmatched) -> dict:
    spans = {a.id: index.spans(a.mention) for a in gold.artefacts}
    matches: dict[str, list[dict]] = defaultdict(list)
    for finding in findings:
        flagged = flagged_evidence(finding)
        hit = [a for a in gold.artefacts if _overlaps(flagged, spans[a.id])]
        for a in hit:
            matches[a.id].append(finding)
        if not hit:
            unmatched[flagged[0]["doc"] if flagged else ""].append(_summary(finding))
    found = [a for a in gold.artefacts if matches[a.id]]
    with_entity = [a for a in found if any(f.get("data", {}).get("entity") for f in matches[a.id])]
    right_form = [
        a for a in with_entity if any(_fold(f["data"].get("entity", "")) == _fold(a.expected) for f in matches[a.id])
    ]
    return {
        **_figures(gold.artefacts, matches, findings),
        "by_type": _recall_by(gold.artefacts, matches, lambda a: a.type, sorted({a.type for a in gold.artefacts})),
        "expected_form": {"named": len(with_entity), "right": len(right_form)},
        "missed": [
            {"id": a.id, "type": a.type, "document": a.mention.document, "text": a.mention.text, "expected": a.expected}
            for a in gold.artefacts
            if not matches[a.id]
        ],
    }


def _languages(gold: Gold, mentions: Iterable[Mention]) -> set[str]:
    language = {d.id: d.language for d in gold.documents}
    return {language.get(m.document, "en") for m in mentions}


def _score_pairs(gold: Gold, index: ReportIndex) -> dict:
    result: dict = {"labelled": len(gold.pairs), "grouped": 0, "missed": []}
    by_origin = {"independent": [0, 0], "copies": [0, 0], "across_languages": [0, 0]}
    for pair in gold.pairs:
        sides = [index.statements_at(index.spans(m)) for m in pair.statements]
        grouped = any(index.groups_of.get(a, set()) & index.groups_of.get(b, set()) for a in sides[0] for b in sides[1])
        kinds = ["copies" if pair.copy else "independent"]
        if len(_languages(gold, pair.statements)) > 1:
            kinds.append("across_languages")
        for kind in kinds:
            by_origin[kind][0] += 1
            by_origin[kind][1] += grouped
        if grouped:
            result["grouped"] += 1
        else:
            why = "not a statement" if not all(sides) else "not grouped"
            result["missed"].append(
                {"id": pair.id, "why": why, "statements": [f"{m.document}: {m.text}" for m in pair.statements]}
            )
    result["recall"] = _ratio(result["grouped"], len(gold.pairs))
    result.update(
        {origin: {"labelled": n, "grouped": k, "recall": _ratio(k, n)} for origin, (n, k) in by_origin.items()}
    )
    return result


def _score_translations(gold: Gold, report: dict) -> dict:
    """The labelled (original, translation) pairs of articles the report pairs, and those it pairs unlabelled."""
    labelled = {(d.translation_of, d.id) for d in gold.documents if d.translation_of}
    reported = {(d["translation_of"], d["id"]) for d in report["documents"] if d.get("translation_of")}
    return {
        "labelled": len(labelled),
        "found": len(labelled & reported),
        "missed": sorted(f"{o} → {t}" for o, t in labelled - reported),
        "unlabelled": sorted(f"{o} → {t}" for o, t in reported - labelled),
    }


def _score_boilerplate(gold: Gold, index: ReportIndex) -> dict:
    aligned = [
        {"id": b.id, "document": b.mention.document, "text": b.mention.text}
        for b in gold.boilerplate
        if index.grouped(index.statements_at(index.spans(b.mention)))
    ]
    return {"labelled": len(gold.boilerplate), "aligned": len(aligned), "aligned_strings": aligned}


def unmatched_count(result: dict) -> int:
    """How many findings of one story's result match nothing labelled."""
    return sum(len(items) for items in result["unmatched"].values())


def totals(results: list[dict]) -> dict:
    """The stories' counts added up, with recall and precision over the sum."""

    def add(kind: str, *keys: str) -> dict:
        return {key: sum(r[kind][key] for r in results) for key in keys}

    out = {
        "stories": len(results),
        "documents": sum(r["documents"] for r in results),
        "discrepancies": add("discrepancies", "labelled", "found", "findings", "matched"),
        "artefacts": add("artefacts", "labelled", "found", "findings", "matched"),
        "pairs": add("pairs", "labelled", "grouped"),
        "translations": add("translations", "labelled", "found"),
        "consistent": add("consistent", "labelled", "flagged"),
        "boilerplate": add("boilerplate", "labelled", "aligned"),
        "unmatched": sum(unmatched_count(r) for r in results),
    }
    for kind in ("discrepancies", "artefacts"):
        out[kind]["recall"] = _ratio(out[kind]["found"], out[kind]["labelled"])
        out[kind]["precision"] = _ratio(out[kind]["matched"], out[kind]["findings"])
    out["pairs"]["recall"] = _ratio(out["pairs"]["grouped"], out["pairs"]["labelled"])
    return out


def read_report(path: Path) -> dict:
    """A JSON report written by ``compare-sources report``; a file that is not one is an input error."""
    data = read_json(path, "JSON report")
    if not isinstance(data, dict) or not all(k in data for k in ("documents", "statements", "groups", "findings")):
        raise InputError(str(path), "not a compare-sources JSON report")
    return data


def article_paths(folder: Path, gold: Gold) -> list[Path]:
    """The gold's articles that exist under ``folder``; missing ones surface as corpus problems."""
    if not folder.is_dir():
        raise InputError(str(folder), "no such folder: rebuild the story's articles from its retrieval list")
    return [folder / d.file for d in gold.documents if (folder / d.file).is_file()]


def read_articles(folder: Path, gold: Gold) -> dict:
    """The articles alone, read as the pipeline reads them, in the report's form: enough to locate labels."""
    from ..model import Corpus
    from ..report.json_format import to_dict
    from ..stages.ingest import read_document

    documents = []
    for path in article_paths(folder, gold):
        try:
            documents.append(read_document(path, path.stem))
        except InputError:
            continue  # an unreadable article is reported as missing
    return to_dict(Corpus(documents))
