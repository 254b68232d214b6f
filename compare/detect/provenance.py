"""Documents that say they are translations, machine or human.

Fact-checkers read a machine translation differently: names, acronyms and numbers
may be the translator's, not the outlet's. Outlets say so in disclaimers ("The
translations are mostly done through AI translator"), language notes ("The
article is in Serbian") or in the name of a language service ("BBC News in
Serbian"). Boilerplate is searched too: that is where such notes live.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..payloads import ProvenanceData
from ..model import Corpus, Evidence, Finding, Identity
from . import register

_MACHINE = re.compile(
    r"\b(?:machine|automatic(?:ally)?|AI|neural|google|deepl)[\s-]+translat\w*"
    r"|\btranslat\w+\s+(?:are|is|was|were|has been|have been)\s+(?:\w+\s+){0,2}"
    r"(?:done|made|produced|generated|provided)\s+(?:through|by|with|using)\s+(?:an?\s+)?"
    r"(?:AI|artificial intelligence|machine|automatic|software|google|deepl)\w*(?:\s+translat\w+)?",
    re.IGNORECASE,
)
_LANGUAGE = r"(Serbian|Croatian|Bosnian|Montenegrin|Albanian|Macedonian|Russian|Ukrainian|Bulgarian|Slovenian|Romanian|Greek|Turkish|German|French|Spanish|Italian|Arabic|Chinese)"
_DECLARED = re.compile(
    rf"\b(?:the\s+(?:article|text|original|story)\s+is\s+(?:originally\s+)?(?:written\s+)?in\s+{_LANGUAGE}"
    rf"|translated\s+from\s+(?:the\s+)?{_LANGUAGE}"
    rf"|originally\s+(?:published|written|appeared)\s+in\s+{_LANGUAGE}"
    rf"|\b(?:BBC News|BBC|VOA|Voice of America|DW|Deutsche Welle|RFE/RL|Radio Free Europe|Sputnik|RT|Al Jazeera)\s+"
    rf"(?:in|na)\s+{_LANGUAGE})",
    re.IGNORECASE,
)


def declared_translations(corpus: Corpus) -> set[str]:
    """Ids of the documents that say they are translations (machine or not)."""
    return {d.id for d in corpus.documents if _MACHINE.search(d.text) or _DECLARED.search(d.text)}


def _identity(finding: Finding) -> Identity:
    assert isinstance(finding.data, ProvenanceData)
    return Identity(documents=(finding.data.document,))


@register("provenance", description="documents that declare themselves (machine) translations",
          needs=("documents",), payload=ProvenanceData, identity=_identity, rules={
              "provenance/machine_translation": "The article says it was translated by a machine: names, acronyms "
                                                "and numbers may be the translator's, not the outlet's.",
              "provenance/translation": "The article says it is a translation: check names and terms against the "
                                        "original."})
def detect(corpus: Corpus) -> Iterable[Finding]:
    for document in corpus.documents:
        machine = list(_MACHINE.finditer(document.text))
        declared = list(_DECLARED.finditer(document.text))
        if not machine and not declared:
            continue
        languages = sorted({next(g for g in m.groups() if g).capitalize() for m in declared})
        evidence = [Evidence(document.id, m.start(), m.end(), m.group())
                    for m in sorted(machine + declared, key=lambda m: m.start())]
        source = f" from {', '.join(languages)}" if languages else ""
        if machine:
            message = (f"{document.id} says it is a machine translation{source}: names, acronyms and numbers "
                       f"may be the translator's, not the outlet's")
        else:
            message = f"{document.id} says it is a translation{source}; check names and terms against the original"
        yield Finding(
            id="", kind="provenance", subkind="machine_translation" if machine else "translation",
            severity="warning" if machine else "info", message=message, evidence=evidence,
            data=ProvenanceData(document=document.id, machine=bool(machine), source_languages=languages),
        )
