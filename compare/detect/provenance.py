"""Documents that say they are translations, machine or human.

Fact-checkers read a machine translation differently: names, acronyms and numbers
may be the translator's, not the outlet's. How a declaration is recognised is
:mod:`compare.analysis.translations` (the name tables use it too).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis.translations import DECLARED, MACHINE
from ..model import Corpus, Evidence, Finding, Identity
from ..payloads import ProvenanceData
from . import named, register


def _identity(finding: Finding) -> Identity:
    assert isinstance(finding.data, ProvenanceData)
    return Identity(documents=(finding.data.document,))


@register(
    "provenance",
    description="documents that declare themselves (machine) translations",
    needs=("documents",),
    payload=ProvenanceData,
    identity=_identity,
    rules={
        "provenance/machine_translation": "The article says it was translated by a machine: names, acronyms "
        "and numbers may be the translator's, not the outlet's.",
        "provenance/translation": "The article says it is a translation: check names and terms against the original.",
    },
)
def detect(corpus: Corpus) -> Iterable[Finding]:
    for document in corpus.documents:
        machine = list(MACHINE.finditer(document.text))
        declared = list(DECLARED.finditer(document.text))
        if not machine and not declared:
            continue
        languages = sorted({next(g for g in m.groups() if g).capitalize() for m in declared})
        evidence = [
            Evidence(document.id, m.start(), m.end(), m.group())
            for m in sorted(machine + declared, key=lambda m: m.start())
        ]
        source = f" from {', '.join(languages)}" if languages else ""
        if machine:
            message = (
                f"{named(document)} says it is a machine translation{source}: names, acronyms and numbers "
                f"may be the translator's, not the outlet's"
            )
        else:
            message = f"{named(document)} says it is a translation{source}; check names and terms against the original"
        yield Finding(
            id="",
            kind="provenance",
            subkind="machine_translation" if machine else "translation",
            severity="warning" if machine else "info",
            message=message,
            evidence=evidence,
            data=ProvenanceData(document=document.id, machine=bool(machine), source_languages=languages),
        )
