"""The condition of one person the story singles out (the girl in critical condition, later dead), across sources.

Counts of the wounded say nothing of a single victim's fate, and the sentences that tell it are worded too far
apart to align ("Devojčica ... je vitalno ugrožena, u kritičnom stanju", "the girl ... remains in critical
condition", "преминула је ученица", "a girl that was wounded ... died"). A statement that names one person by
a singular noun (a girl, a boy, a teacher, a guard; not a counted group, "two girls") and states a condition
near it gives that person's condition; the story's statements about the same noun are one person's. In danger
of dying is compared with dead, and with stable (out of danger), which no report of one moment can both give.
Where every report of the danger precedes every report of the death, the story moved on (an update); otherwise
the sources contradict each other. A recovery is told over hours, in reports often undated: danger and stable
are an update unless a later day's report still gives the danger. A statement that denies or doubts the death
("no confirmation that she died") states no condition.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..analysis.facts.tokens import words_between
from ..analysis.letters import search_form
from ..model import Corpus, Fact, Finding, Statement
from . import sayings
from .discrepancy_said import PersonSaid as Said
from .discrepancy_said import said_finding

#: One person, by a singular noun, in the corpus languages (Serbian in both scripts, Albanian).
_PERSONS = {
    "girl": r"girl|schoolgirl|devojčic[aeiu]|djevojčic[aeiu]|девојчиц[аеиу]|učenic[aeu]|учениц[аеу]|vajz[aë]n?",
    "boy": r"boy|schoolboy|dečak|dječak|дечак|djal[iëe]n?",
    "teacher": r"teacher|nastavnic[aeiu]|profesoric[aeiu]|наставниц[аеиу]|професориц[аеиу]|mësuese?",
    "guard": r"guard|security guard|čuvar|чувар|roje",
    "officer": r"officer|police officer|policeman|gendarme|žandarm|жандарм|policajac|полицајац|policaj[ie]?",
    # Anyone else, so that a condition said of them is not given to a person above: "one student sustained
    # life-threatening injuries, while the teacher was in stable condition".
    "": r"students?|pupils?|child|children|boys|man|woman|patients?|victims?|učeni(?:k|ka|ci)|учени(?:к|ка|ци)"
    r"|dečaci|dječaci|дечаци|officers|policemen|police"
    r"|d[ij]?ete|дете|pacijent\w*|пацијент\w*|nxënës\w*|fëmij\w*",
}
_PERSON = re.compile(
    r"\b(?:" + "|".join(f"(?P<{k or 'other'}>{p})" for k, p in _PERSONS.items()) + r")\b", re.IGNORECASE
)
#: The conditions compared, in the order a story moves through them: in danger, then out of it or dead.
_STATES = {
    "in critical condition": re.compile(
        r"\bcritical(?:ly)?\b|\blife-threatening\b|\blife is in danger\b|\bvitally endangered\b|\bkritičn\w*"
        r"|\bvitalno (?:je )?ugrožen\w*|\bкритичн\w*|\bвитално (?:је )?угрожен\w*|\bgjendje kritike\b",
        re.IGNORECASE,
    ),
    "stable": re.compile(
        r"\bstable\b|\bout of danger\b|\bno longer in danger\b|\bstabiln\w*|\bстабилн\w*|\bvan životne opasnosti\b"
        r"|\bван животне опасности\b|\bjashtë rrezikut\b|\bgjendje stabile\b",
        re.IGNORECASE,
    ),
    "dead": re.compile(
        r"\bdied\b|\bsuccumbed\b|\bpassed away\b|\b(?:preminul|umrl|podlegl|преминул|умрл|подлегл)[aoiаои]\b"
        r"|\bumro\b|\bумро\b|\bvdiq\b|\bndërroi jetë\b",
        re.IGNORECASE,
    ),
}
#: A death denied, doubted or rumoured: no condition stated.
_DOUBTED = re.compile(
    r"\bno (?:confirmation|evidence)\b|\bnot (?:been )?confirmed\b|\bdenied\b|\brumou?rs?\b|\bnema potvrd\w*"
    r"|\bнема потврд\w*|\bnije potvrđen\w*|\bdemant\w*",
    re.IGNORECASE,
)
#: Words between a person and the condition said of them, at most.
_NEAR_WORDS = 12
#: Characters before a noun within which a count makes it a group ("two girls", "dvije djevojčice").
_COUNTED = 12


#: Any of the conditions, as one pattern: one pass over a statement, not three.
_ANY_STATE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in _STATES.values()), re.IGNORECASE)
#: A stem of each alternative of _STATES: a cheap first test, in search_form(text), which most statements fail.
_STATE_STEMS = re.compile(
    r"crit|life|vital|kritičn|критичн|витално|gjendje|stab|danger|стабилн|opasnosti|опасности|rrezik|died|succumb"
    r"|passed away|preminul|umrl|podlegl|преминул|умрл|подлегл|umro|умро|vdiq|ndërroi"
)


def mentions(text: str) -> bool:
    """Whether a statement may state a condition: most do not, and are not read further."""
    return _STATE_STEMS.search(search_form(text)) is not None and _ANY_STATE.search(text) is not None


def findings(
    corpus: Corpus, facts_of: dict[str, list[Fact]], statements: Iterable[Statement] | None = None
) -> Iterable[Finding]:
    """``statements``: those that :func:`mentions` passes, where known (else every statement is looked at)."""
    by_person: dict[str, list[Said]] = defaultdict(list)
    for statement in corpus.statements if statements is None else statements:
        for one in _conditions(statement, facts_of.get(statement.id, [])):
            by_person[one.person].append(one)
    for person, said in by_person.items():
        for then in ("dead", "stable"):  # in danger, then dead; in danger, then out of it
            sides = [[s for s in said if s.state == state] for state in (_DANGER, then)]
            if all(sides) and len({s.statement.doc for s in sides[0] + sides[1]}) > 1:
                yield _finding(corpus, person, sides, then)


def _conditions(statement: Statement, facts: list[Fact]) -> list[Said]:
    text = statement.text
    # Most statements state no condition: look for one before finding the persons it might be said of.
    states = [(state, m) for state, pattern in _STATES.items() for m in pattern.finditer(text)]
    if not states or _DOUBTED.search(text):
        return []
    counted = [f.end - statement.start for f in facts if f.kind == "quantity"]
    persons = [
        (m, "" if m.lastgroup == "other" else m.lastgroup or "")
        for m in _PERSON.finditer(text)
        if not any(0 <= m.start() - e <= _COUNTED for e in counted)
    ]
    out = []
    for state, m in states:
        gaps = [(len(words_between(text, p.span(), m.span())), p.start(), person) for p, person in persons]
        near = sorted(g for g in gaps if g[0] <= _NEAR_WORDS)
        if near and near[0][2]:
            out.append(Said(near[0][2], state, statement, statement.start + m.start(), statement.start + m.end()))
    return out


_DANGER = "in critical condition"


def _finding(corpus: Corpus, person: str, sides: list[list[Said]], then: str) -> Finding:
    doc_order = corpus.document_order()
    sides = [sorted(side, key=lambda s: (doc_order[s.statement.doc], s.start)) for side in sides]
    date_of = lambda s: corpus.document(s.statement.doc).date  # noqa: E731
    danger, death = sides
    if then == "dead":
        update = all(date_of(a) and date_of(b) and date_of(a) < date_of(b) for a in danger for b in death)
    else:  # recovery is told over hours: a conflict only where a later day's report still gives the danger
        update = not any(date_of(a) and date_of(b) and date_of(a) > date_of(b) for a in danger for b in death)
    labels = [_DANGER, then]
    picture = sayings(
        corpus, ((list(dict.fromkeys(s.statement.doc for s in side)), label) for label, side in zip(labels, sides))
    )
    if update:
        message = f"The condition of the {person} changed as the story unfolded (in danger, then {then}): {picture}"
    else:
        message = f"Sources disagree on the condition of the {person}: {picture}"
    reason = (
        f"later reports tell {'the death' if then == 'dead' else 'the recovery'} of one earlier reported in danger"
        if update
        else f"one source reports in danger a person another reports {then}"
    )
    values = [(label, label, side) for label, side in zip(labels, sides)]
    return said_finding(corpus, "condition", person, values, danger + death, message, update, reason)
