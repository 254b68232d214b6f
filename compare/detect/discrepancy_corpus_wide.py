"""Findings about one thing the whole story speaks of, read from every statement rather than from aligned pairs.

Each names its subject its own way (a plan after its sponsors, a country's year of separation, the group that
claimed an attack, one person's condition, who killed the attacker, a moment in two time zones, the kind of state
declared, a place's compass direction and population, a mourning's length, the victims' ages, the ages listed of a
few children, how many children a parent has), in sentences that seldom align; so each is gathered across the
corpus, and its own module says what ties two mentions to one thing.

Most statements mention none of these things. Which ones may (each module's cheap ``mentions`` test) is read
with the rest of each article's analysis and kept (:func:`marks`, part of the discrepancy detector's
per-document step), so that a run looks at those few statements only, not at every statement of the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from ..model import Corpus, Fact, Finding, Statement
from . import (
    discrepancy_agent_words,
    discrepancy_agents,
    discrepancy_claimants,
    discrepancy_conditions,
    discrepancy_declared,
    discrepancy_departures,
    discrepancy_family,
    discrepancy_framing,
    discrepancy_lengths,
    discrepancy_listed_ages,
    discrepancy_observances,
    discrepancy_place_traits,
    discrepancy_statehood,
    discrepancy_tenure,
    discrepancy_zones,
)

#: The readers whose statements are marked, each by one bit, in this order.
_READERS: tuple[Callable[[str], bool], ...] = (
    discrepancy_framing.mentions,
    discrepancy_statehood.mentions,
    discrepancy_claimants.mentions,
    discrepancy_conditions.mentions,
    discrepancy_observances.mentions,
    discrepancy_declared.mentions,
    discrepancy_agent_words.mentions,
    discrepancy_agent_words.names_attacker,
    discrepancy_place_traits.mentions,
    discrepancy_place_traits.mentions_population,
    discrepancy_lengths.mentions,
    discrepancy_listed_ages.mentions,
    discrepancy_family.mentions,
    discrepancy_tenure.mentions,
    discrepancy_departures.mentions,
)
FRAMING, STATEHOOD, CLAIMANTS, CONDITIONS, OBSERVANCES, DECLARED, AGENTS, ATTACKER_NAMES = range(8)
DIRECTIONS, POPULATIONS, LENGTHS, LISTED_AGES, FAMILIES, TENURES, DEPARTURES = range(8, len(_READERS))


def marks(text: str) -> int:
    """Which readers a statement may interest, one bit each (0 for most statements)."""
    return sum(1 << bit for bit, mentions in enumerate(_READERS) if mentions(text))


def marked(corpus: Corpus, marks_of: Mapping[str, int]) -> list[list[Statement]]:
    """Per reader, the statements whose ``marks_of`` (statement id → :func:`marks`, nonzero ones only) has its bit,
    in corpus order."""
    out: list[list[Statement]] = [[] for _ in _READERS]
    for statement in corpus.statements:
        if bits := marks_of.get(statement.id, 0):
            for bit, own in enumerate(out):
                if bits >> bit & 1:
                    own.append(statement)
    return out


def findings(
    corpus: Corpus, facts_of: dict[str, list[Fact]], said: list[list[Statement]] | None = None
) -> Iterable[Finding]:
    """``said``: the statements each reader may find something in (:func:`marked`), where known."""

    def of(reader: int) -> list[Statement] | None:
        return None if said is None else said[reader]

    yield from discrepancy_framing.findings(corpus, corpus.facts, of(FRAMING))
    yield from discrepancy_statehood.findings(corpus, of(STATEHOOD))
    yield from discrepancy_claimants.findings(corpus, of(CLAIMANTS))
    yield from discrepancy_conditions.findings(corpus, facts_of, of(CONDITIONS))
    yield from discrepancy_zones.findings(corpus, corpus.facts)
    yield from discrepancy_declared.findings(corpus, of(DECLARED))
    yield from discrepancy_agents.findings(corpus, of(AGENTS), of(ATTACKER_NAMES))
    yield from discrepancy_place_traits.findings(corpus, facts_of, of(DIRECTIONS), of(POPULATIONS))
    yield from discrepancy_lengths.findings(corpus, of(LENGTHS))
    yield from discrepancy_listed_ages.findings(corpus, of(LISTED_AGES))
    yield from discrepancy_family.findings(corpus, of(FAMILIES))
    yield from discrepancy_tenure.findings(corpus, of(TENURES))
    yield from discrepancy_departures.findings(corpus, of(DEPARTURES))
