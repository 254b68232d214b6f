"""Run the pipeline on originals plus edited copies and score findings against the edits.

A *trial* is the original articles plus one edited copy of one of them (with a
random share of its other paragraphs left out, so copies are not all whole
duplicates), or an untouched copy as a control. For each trial:

* an edit that should be flagged is **found** when a finding of the expected
  subkind has evidence overlapping the edited text in the copy;
* a finding is **correct** when it overlaps an edit that expects its subkind;
  it is **inherited** (not scored) when the originals alone already produce a
  finding with the same values — copying 003 also copies 003's own conflicts;
  any other finding is a **false alarm**, including any finding on a rewording
  that keeps the value ("93" → "more than 90") and any on an untouched copy.
"""

from __future__ import annotations

import copy
import random
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Corpus, Document, Finding
from ..options import RunOptions
from ..payloads import DiscrepancyData
from ..pipeline import analyse
from ..stages.embed import Embedder
from ..stages.ingest import read_document
from . import edits as edit_rules
from .edits import Edit

KEEP_PARAGRAPHS = 0.7  # share of the other paragraphs an edited copy keeps


@dataclass
class Trial:
    source: str
    text: str
    edit: Edit | None  #: None for an untouched control copy


@dataclass
class Tally:
    edits: Counter = field(default_factory=Counter)  #: by expected subkind
    found: Counter = field(default_factory=Counter)
    findings: Counter = field(default_factory=Counter)  #: scored findings by subkind
    correct: Counter = field(default_factory=Counter)
    neutral_edits: Counter = field(default_factory=Counter)  #: rewordings by kind
    neutral_flagged: Counter = field(default_factory=Counter)
    false_alarms: list[dict] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    trials: int = 0

    def table(self) -> list[dict]:
        rows = []
        for subkind in sorted(set(self.edits) | set(self.findings)):
            rows.append(
                figures(
                    subkind, self.edits[subkind], self.found[subkind], self.findings[subkind], self.correct[subkind]
                )
            )
        return rows


def figures(subkind: str, edits: int, found: int, findings: int, correct: int) -> dict:
    """A table row: recall over the edits, precision over the findings, and their F1 (0 where either is 0)."""
    precision = correct / findings if findings else None
    recall = found / edits if edits else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision and recall
        else (0.0 if precision is not None and recall is not None else None)
    )
    return {
        "subkind": subkind,
        "edits": edits,
        "found": found,
        "recall": recall,
        "findings": findings,
        "correct": correct,
        "precision": precision,
        "f1": f1,
    }


def make_trials(
    documents: list[Document],
    *,
    kinds: list[str],
    seed: int = 0,
    variants: int = 2,
    controls: int = 2,
    limit: int | None = None,
) -> list[Trial]:
    """Edited copies (``variants`` per edit site, at most ``limit`` sites per kind and document)
    and untouched ``controls`` per document."""
    rng = random.Random(seed)
    trials: list[Trial] = []
    for document in documents:
        for _ in range(variants):
            for site in edit_rules.sites(document, rng, kinds, limit):
                trials.append(_trial(document, site, rng))
        for _ in range(controls):
            trials.append(_trial(document, None, rng))
    return trials


def _trial(document: Document, site, rng: random.Random) -> Trial:
    text = document.text
    replacement = ""
    if site:
        replacement = site.replacement
        text = text[: site.start] + replacement + text[site.end :]
    # Keep the title, the edited paragraph and a random share of the others.
    lines = text.split("\n")
    kept, offset, new_start = [], 0, None
    position = 0
    for n, line in enumerate(lines):
        holds_edit = site is not None and position <= site.start <= position + len(line)
        if n == 0 or holds_edit or rng.random() < KEEP_PARAGRAPHS:
            if holds_edit:
                new_start = offset + (site.start - position)
            kept.append(line)
            offset += len(line) + 1
        position += len(line) + 1
    text = "\n".join(kept)
    edit = None
    if site:
        assert new_start is not None, "the edited line is always kept"
        edit = Edit(
            doc="",
            source=document.id,
            kind=site.kind,
            expect=site.expect,
            start=new_start,
            end=new_start + len(replacement),
            before=document.text[site.start : site.end],
            after=replacement,
        )
    return Trial(document.id, text, edit)


def signature(finding: Finding) -> tuple:
    """What makes two findings the same problem, wherever they are: the values compared, else the words quoted."""
    if isinstance(finding.data, DiscrepancyData):
        return finding.kind, finding.subkind, frozenset(v.value for v in finding.data.values)
    return finding.kind, finding.subkind, frozenset(e.text for e in finding.evidence)


def run_trials(
    documents: list[Document],
    trials: list[Trial],
    embedder: Embedder,
    *,
    kinds: tuple[str, ...],
    disabled: tuple[str, ...] = (),
    progress=None,
) -> tuple[Tally, Corpus]:
    """Score the findings of ``kinds`` in every trial; returns the tally and the corpus of the originals alone."""
    options = RunOptions(disabled=disabled)
    baseline_corpus = analyse(copy.deepcopy(documents), embedder, options)
    baseline = {signature(f) for f in baseline_corpus.findings if f.kind in kinds}
    tally = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        for number, trial in enumerate(trials, start=1):
            copy_id = f"{trial.source.split('_')[0]}-edited"
            path = Path(tmp) / f"{copy_id}.txt"
            path.write_text(trial.text, encoding="utf-8")
            edited = read_document(path, copy_id)
            corpus = analyse(copy.deepcopy(documents) + [edited], embedder, options)
            _score(tally, corpus, trial, copy_id, kinds, baseline)
            if progress:
                progress(number, len(trials))
    tally.trials = len(trials)
    return tally, baseline_corpus


def _score(tally: Tally, corpus: Corpus, trial: Trial, copy_id: str, kinds: tuple[str, ...], baseline: set) -> None:
    edit = trial.edit
    if edit and edit.expect:
        tally.edits[edit.expect] += 1
    elif edit:
        tally.neutral_edits[edit.kind] += 1
    found = flagged_neutral = False
    for finding in corpus.findings:
        if finding.kind not in kinds:
            continue
        on_edit = edit is not None and any(
            e.doc == copy_id and e.start < edit.end and edit.start < e.end for e in finding.evidence
        )
        if on_edit and edit is not None and edit.expect == finding.subkind:
            found = True
            tally.findings[finding.subkind] += 1
            tally.correct[finding.subkind] += 1
            continue
        if not on_edit and signature(finding) in baseline:
            continue  # the originals' own finding, carried into the copy
        if on_edit and edit is not None and not edit.expect:
            flagged_neutral = True
        tally.findings[finding.subkind] += 1
        tally.false_alarms.append(
            {
                "source": trial.source,
                "edit": edit.to_dict() if edit else None,
                "subkind": finding.subkind,
                "message": finding.message,
            }
        )
    if edit and edit.expect:
        tally.found[edit.expect] += found
        if not found:
            tally.missed.append(edit.to_dict())
    if flagged_neutral and edit is not None:
        tally.neutral_flagged[edit.kind] += 1
