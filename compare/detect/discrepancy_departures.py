"""How one person left a post: resigned, or dismissed, as sources tell it.

An official who goes after a scandal often files a resignation and is then dismissed, and outlets pick one ("X was
dismissed", "об увольнении X", against "the official later resigned", "ушел в отставку"). No fact kind holds this:
it has no number, and the sentences are worded too far apart to align, often in different languages. A statement
tells a departure where a word of resigning or of dismissal (English, Russian, Serbian in both scripts, Albanian)
stands in it, not after a word of demanding ("demanded the resignation of") nor denied; it is said of the name
nearest that word, else of nobody named. A departure said of nobody named is the story's one departing person's,
where every named departure of the corpus is one person's (the official of the story), else it is left out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..analysis.facts.tokens import fold
from ..model import Corpus, Finding, Statement
from . import sayings
from .discrepancy_said import PersonSaid as Said
from .discrepancy_said import said_finding

#: Dismissal first: "отправлен в отставку" (sent into retirement) is a dismissal, "ушел в отставку" a resignation.
_KINDS = {
    "dismissed": re.compile(
        r"\b(?:was|were|has been|had been|been)\s+(?:dismissed|fired|sacked|removed from (?:his |her )?(?:post|office))"
        r"|\bdismissal of\b|\bуволен\w*|\bуволил\w*|\bувольнени\w*|\bотправ\w+ в отставку|\bснят\w* с должност\w*"
        r"|\bосвобожд[её]н\w* от должност\w*|\bsmijenjen\w*|\bsmenjen\w*|\bсмењен\w*|\brazrije[sš]en\w*"
        r"|\brazre[sš]en\w*|\bразрешен\w*|\bu shkarkua\b|\bshkarkimi?\b",
        re.IGNORECASE,
    ),
    "resigned": re.compile(
        r"\b(?:resigned|resigns|stepped down|has quit|handed in (?:his|her) resignation)\b"
        r"|\b(?:ушел|ушёл|ушла|подал|подала|уйти)\s+в\s+отставку|\bpodn(?:eo|ela|io|ijela)\s+ostavku"
        r"|\bподнео\s+оставку|\bподнела\s+оставку|\bdao\s+ostavku|\bdha\s+dorëheqjen\b|\bdorëhiqet\b",
        re.IGNORECASE,
    ),
}
#: A departure demanded or denied is none: "demanding the resignation", "требуют увольнения", "was not dismissed".
_NOT_DONE = re.compile(
    r"\b(?:demand\w*|call\w* for|urg\w*|треб\w*|призыв\w*|zahtev\w*|zahtijev\w*|захтев\w*|kërk\w*"
    r"|not|never|не|nije|није|nuk)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
#: A capitalised word, Latin or Cyrillic: a name, unless it opens the sentence.
_NAME = re.compile(r"(?<![\w-])[A-ZÀ-ÞŠĐČĆŽА-ЯЁЂЈЉЊЋЏ][a-zß-ÿšđčćžа-яёђјљњћџ]{2,}")
#: Characters around a departure word within which a name is its person's.
_NEAR = 40


def mentions(text: str) -> bool:
    """Whether a statement may tell a departure: most do not, and are not read further."""
    return any(pattern.search(text) for pattern in _KINDS.values())


def findings(corpus: Corpus, statements: Iterable[Statement] | None = None) -> Iterable[Finding]:
    """``statements``: those that :func:`mentions` passes, where known (else every statement is looked at)."""
    read = corpus.statements if statements is None else statements
    said = [s for statement in read for s in _departures(statement)]
    named = {s.person for s in said if s.person}
    by_person: dict[str, list[Said]] = defaultdict(list)
    for s in said:
        if s.person or len(named) == 1:
            by_person[s.person or next(iter(named))].append(s)
    for own in by_person.values():
        sides = [[s for s in own if s.state == kind] for kind in _KINDS]
        if all(sides) and len({s.statement.doc for side in sides for s in side}) > 1:
            yield _finding(corpus, sides)


def _departures(statement: Statement) -> list[Said]:
    text = statement.text
    out: list[Said] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _KINDS.items():
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken) or _NOT_DONE.search(text[: m.start()]):
                continue
            taken.append(m.span())
            names = [
                (min(abs(n.start() - m.end()), abs(m.start() - n.end())), n.group())
                for n in _NAME.finditer(text, max(0, m.start() - _NEAR), m.end() + _NEAR)
                if n.start() > 0 and not m.start() <= n.start() < m.end()
            ]
            person = _transliterated(min(names)[1])[:5] if names else ""
            out.append(Said(person, kind, statement, statement.start + m.start(), statement.start + m.end()))
    return out


_LATIN = "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya dj j lj nj c dz"
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяђјљњћџ", _LATIN.split(" ")))


def _transliterated(name: str) -> str:
    """The name folded, a Cyrillic one in Latin letters: "Омарова" and "Omarov" start alike."""
    return "".join(_CYRILLIC.get(c, c) for c in fold(name))


def _finding(corpus: Corpus, sides: list[list[Said]]) -> Finding:
    doc_order = corpus.document_order()
    sides = [sorted(side, key=lambda s: (doc_order[s.statement.doc], s.start)) for side in sides]
    labels = list(_KINDS)
    picture = sayings(
        corpus, ((list(dict.fromkeys(s.statement.doc for s in side)), label) for label, side in zip(labels, sides))
    )
    message = f"Sources disagree on how the official left the post: {picture}"
    reason = "one source reports a dismissal, another a resignation"
    values = [(label, label, side) for label, side in zip(labels, sides)]
    said = sides[0] + sides[1]
    return said_finding(corpus, "departure", "how the official left", values, said, message, False, reason)
