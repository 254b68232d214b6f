"""Findings about one thing the whole story speaks of, read from every statement rather than from aligned pairs.

Each names its subject its own way (a plan after its sponsors, a country's year of separation, the group that
claimed an attack, one person's condition, a moment in two time zones), in sentences that seldom align; so each
is gathered across the corpus, and its own module says what ties two mentions to one thing.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Corpus, Fact, Finding
from . import (
    discrepancy_claimants,
    discrepancy_conditions,
    discrepancy_framing,
    discrepancy_statehood,
    discrepancy_zones,
)


def findings(corpus: Corpus, facts_of: dict[str, list[Fact]]) -> Iterable[Finding]:
    yield from discrepancy_framing.findings(corpus, corpus.facts)
    yield from discrepancy_statehood.findings(corpus)
    yield from discrepancy_claimants.findings(corpus)
    yield from discrepancy_conditions.findings(corpus, facts_of)
    yield from discrepancy_zones.findings(corpus, corpus.facts)
