"""The group that claimed an attack, named by some sources as a body and by others as its branch.

"The Islamic State group claimed responsibility" against "Islamic State affiliate ISIS-K has claimed
responsibility" or "the Islamic State - Khorasan Province claimed responsibility": the claim is one, and the
sources name its author at two levels, the movement and its regional branch. A reader wants to know that, as
with a place's country named with and without its qualifier (:mod:`.discrepancy_framing`): a difference of
scope, at info level.

The claimant is the last name before the verb of the claim in its clause ("The Islamic State terrorist
organization (ISIL), banned in Russia, claimed …": ISIL; a country named there is where the group is banned,
not who claimed). A name is a branch of a body where it is the body's name followed by a dash and the branch's
("Islamic State - Khorasan Province"), or the body's acronym with a letter joined ("ISIS-K"). Names are one
body where one is, word for word, the start of the other or of a known acronym's expansion ("ISIL": "Islamic
State of Iraq and the Levant"; "Islamic State"). Bodies that differ are left alone: a claim and a government's
accusation of another are two statements, not two readings of one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import combinations

from ..analysis.acronyms import known_acronyms
from ..analysis.facts.places import COUNTRIES
from ..analysis.facts.tokens import fold
from ..infra.disjoint import DisjointSets
from ..model import Corpus, Fact, Finding, Statement
from .discrepancy_values import scope_finding

#: The verb of a claim of an attack, and what cuts the clause before it ("The Times writes that ISIS has …").
_CLAIM = re.compile(r"\b(?:claim(?:ed|s|ing)?|took|takes|taken)\s+(?:the\s+)?responsibility\b")
_CLAUSE = re.compile(r"(?:^|[.;:!?]\s|\bthat\s|\bwhich\s)")
_WORD = r"[A-Z][\w’'.]*(?:-[A-Z]\w*)*"
#: A run of capitalised words, with "of"/"and" between them, or a spaced dash before a branch's name.
_NAME = re.compile(rf"{_WORD}(?:(?:\s+(?:of|and|of the)\s+|\s+[-–—]\s+|\s+){_WORD})*")
#: Capitalised words that open a clause, not a name: "While the Islamic State …", "The Islamic State group".
_OPENERS = frozenset("the a an while also but and as after although when though yet".split())
_NEGATED = re.compile(r"\b(?:no|not|nobody|none)\b[^.]*$", re.IGNORECASE)
_BRANCH = re.compile(r"^(?P<body>.+?)(?:\s+[-–—]\s+|-)(?P<branch>[A-Z][\w ]*)$")


def mentions(text: str) -> bool:
    """Whether a statement may tell of a claim of responsibility."""
    return "responsibility" in text


def findings(corpus: Corpus, statements: Iterable[Statement] | None = None) -> Iterable[Finding]:
    """``statements``: those that :func:`mentions` passes, where known (else every statement is looked at)."""
    said = corpus.statements if statements is None else statements
    claims = [c for s in said if mentions(s.text) for c in _claims(s.id, s.doc, s.start, s.text)]
    if len({f.doc for f in claims}) < 2:
        return
    # The claims of the branches' body: names that are one another's, word for word the start or an acronym's.
    # Claims under other names ("Daesh", another group) are left out rather than read as another body.
    forms = [_forms(f.subject) for f in claims]
    bodies: DisjointSets[int] = DisjointSets()
    for i, j in combinations(range(len(claims)), 2):
        if _one_body(forms[i], forms[j]):
            bodies.union(i, j)
    body = next((g for g in bodies.groups() if any(claims[i].value for i in g)), [])
    claims = [claims[i] for i in sorted(body)]
    sides: dict[str, list[Fact]] = {}
    for f in claims:
        sides.setdefault(_branch(f.value, {c.value for c in claims}), []).append(f)
    if (
        len(sides) < 2
        or "" not in sides
        or all({f.doc for f in own} <= {f.doc for f in sides[""]} for own in sides.values())
    ):
        return  # the body alone against a branch, told by another article than the body's own
    doc_order = corpus.document_order()
    classes = sorted(sides.values(), key=lambda cls: (-len({f.doc for f in cls}), doc_order[cls[0].doc]))
    yield scope_finding(
        corpus,
        "attribution",
        "group that claimed the attack",
        "Sources name the group that claimed the attack as a body and as its branch",
        "one claim, whose author some sources name as a body and others as its branch",
        classes,
    )


def _claims(statement: str, doc: str, offset: int, text: str) -> Iterable[Fact]:
    """The claimant of each claim the statement makes: a fact whose subject is the body's name, value its branch."""
    for m in _CLAIM.finditer(text):
        before = text[: m.start()]
        clause_start = max((c.end() for c in _CLAUSE.finditer(before)), default=0)
        clause = before[clause_start:]
        if _NEGATED.search(clause):
            continue  # "No group has yet claimed responsibility"
        names = [n for n in _names(clause, clause_start) if fold(n[0]) not in COUNTRIES]
        if not names:
            continue
        name, start = names[-1]
        branch = _BRANCH.match(name)
        body, part = (branch.group("body"), branch.group("branch")) if branch else (name, "")
        yield Fact("role", statement, doc, offset + start, offset + start + len(name), name, fold(part), body)


def _names(clause: str, at: int) -> Iterable[tuple[str, int]]:
    for m in _NAME.finditer(clause):
        words, start = m.group().split(" "), at + m.start()
        while words and words[0].lower() in _OPENERS:
            start += len(words[0]) + 1
            words = words[1:]
        if words:
            yield " ".join(words).rstrip(".’'"), start


def _branch(branch: str, branches: set[str]) -> str:
    """A branch named by its initial ("k" of ISIS-K) as the branch whose words it begins ("khorasan province")."""
    if not branch or " " in branch or len(branch) > 3:
        return branch
    full = [b for b in branches if b != branch and "".join(w[0] for w in b.split()).startswith(branch)]
    return full[0] if len(full) == 1 else branch


def _forms(name: str) -> set[str]:
    """The folded names a body goes by: its own, and a known acronym's expansions."""
    known = known_acronyms().get(name)
    return {fold(name), *(fold(e) for e in (known.expansions if known else ()))}


def _one_body(x: set[str], y: set[str]) -> bool:
    return any(a == b or a.startswith(b + " ") or b.startswith(a + " ") for a in x for b in y)
