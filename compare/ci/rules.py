"""Rule codes: one stable code per finding rule (``kind/subkind``), as ruff numbers its rules.

``--select``, ``--ignore`` and ``per-file-ignores`` name rules by these codes, by
prefix: ``CS1`` is every discrepancy, ``CS104`` one rule, ``ALL`` every rule. The
hundreds are families (the finding kinds); the number within a family is the
order the rule was added in.

A code is never changed or reused once assigned, because baselines, pyproject
files and CI logs name it: a new rule gets the next free number of its family,
and a retired rule's code stays reserved here. This table is the only place the
codes are written (``compare-sources rules`` and docs/ci.md list it, and a test
holds it against a frozen copy and against the detector registry).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import UsageError

PREFIX = "CS"

#: rule (``kind/subkind``) → code. Append only.
CODES: dict[str, str] = {
    "discrepancy/count": "CS101",
    "discrepancy/date": "CS102",
    "discrepancy/time": "CS103",
    "discrepancy/place": "CS104",
    "discrepancy/role": "CS105",
    "discrepancy/attribution": "CS106",
    "discrepancy/headline": "CS107",
    "discrepancy/measure": "CS108",
    "name_variant/diacritics": "CS201",
    "name_variant/truncation": "CS202",
    "mt_artefact/transliteration": "CS301",
    "mt_artefact/case_ending": "CS302",
    "mt_artefact/encoding": "CS303",
    "mt_artefact/acronym": "CS304",
    "mt_artefact/garbled": "CS305",
    "mt_artefact/untranslated": "CS306",
    "mt_artefact/mojibake": "CS307",
    "provenance/machine_translation": "CS401",
    "provenance/translation": "CS402",
    "translation_change/number": "CS501",
    "translation_change/date": "CS502",
    "translation_change/name": "CS503",
    "translation_change/negation": "CS504",
    "translation_change/dropped": "CS505",
    "translation_change/added": "CS506",
    "name_variant/spelling": "CS203",
    "mt_artefact/run_together": "CS308",
    "mt_artefact/spun": "CS309",
    "mt_artefact/calque": "CS310",
    "discrepancy/claim": "CS109",
    "discrepancy/condition": "CS110",
    "discrepancy/declared": "CS111",
    "name_variant/misspelt": "CS204",
    "discrepancy/agent": "CS112",
    "mt_artefact/translated_name": "CS311",
    "discrepancy/departure": "CS113",
}

FAMILIES = {
    "CS1": "discrepancy",
    "CS2": "name_variant",
    "CS3": "mt_artefact",
    "CS4": "provenance",
    "CS5": "translation_change",
}

#: What a rule selector looks like: ``ALL``, or ``CS`` and up to three digits. Decided by its form alone, so
#: that ``--ignore`` can tell a rule selector from a (deprecated) file pattern before looking anything up.
SELECTOR = re.compile(rf"ALL|{PREFIX}\d{{0,3}}")


@dataclass(frozen=True)
class Rule:
    code: str
    rule: str  #: ``kind/subkind``, the finding's ``rule`` and the SARIF ``ruleId``
    detector: str  #: the registered detector that adds it
    description: str


def code_of(rule: str) -> str:
    """The code of a rule id; a rule made outside the registry has none ("")."""
    return CODES.get(rule, "")


def table() -> list[Rule]:
    """Every registered rule with its code, in code order."""
    from ..detect import registry

    found = [
        Rule(code_of(rule), rule, detector.name, description)
        for detector in registry().values()
        for rule, description in detector.rules.items()
    ]
    return sorted(found, key=lambda r: (r.code == "", r.code, r.rule))


def is_selector(text: str) -> bool:
    """Whether ``text`` has the form of a rule selector (``CS1``, ``CS104``, ``ALL``), whatever it selects."""
    return SELECTOR.fullmatch(text) is not None


def check_selectors(selectors: list[str] | tuple[str, ...], where: str) -> tuple[str, ...]:
    """``selectors`` unchanged; a UsageError naming ``where`` for one that is malformed or selects no rule."""
    for selector in selectors:
        if not is_selector(selector):
            raise UsageError(f"{where}: {selector!r} is not a rule code (CS101, a prefix such as CS1, or ALL)")
        if selector != "ALL" and not any(code.startswith(selector) for code in CODES.values()):
            raise UsageError(f"{where}: {selector} selects no rule (see 'compare-sources rules')")
    return tuple(selectors)


def matched(code: str, selectors: tuple[str, ...]) -> int:
    """The length of the longest selector that matches ``code`` (``ALL`` counts 0); -1 where none does."""
    return max((0 if s == "ALL" else len(s) for s in selectors if s == "ALL" or code.startswith(s)), default=-1)


def selected(code: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Whether ``code`` is reported, as ruff decides: the more specific of the matching selectors wins
    (``--select CS1 --ignore CS104``: every discrepancy but places), and on a tie ``ignore`` does."""
    chosen = matched(code, select or ("ALL",))
    return chosen >= 0 and chosen > matched(code, ignore)
