"""Who killed the attacker: the police, a passer-by, or the attacker himself, as sources tell it.

A story's gunman dies once, and the first reports often disagree on whose shot it was ("shot and killed by
police", "Policija je ubila Borilovića", "u qëllua për vdekje nga policia" against "killed by a passer-by",
"ga je ubio sugrađanin"). No fact kind holds such a claim: it has no number, and its sentences are worded too
far apart to align. A statement claims a killer where a verb of killing (English, Serbian, Albanian, Russian:
``data/agent-words.tsv``) has in its clause

* a doer of a known class, police or civilian: after "by" or right before the verb in English, in the forms
  that can only name the doer in the other languages (nominatives, "od strane", "nga", Russian instrumentals),
  not after "with" or "against" ("in a clash with police" names a party, not who killed); or the attacker's
  own hand ("committed suicide", "ubio se");
* the attacker as the one killed: a noun for him ("the gunman", "napadača", "sulmuesi"), his name (a name the
  corpus puts right after such a noun: "the shooter, identified as Vuk Borilovic"), or a pronoun or bare "man"
  (or no subject at all: "before being shot dead by …") in a statement that, or whose predecessor, tells of the
  attacker or of an attack ("opened fire", "went on a rampage").

A claim given to earlier reports ("dispelling earlier reports that said …", "prvobitno") is reported as
superseded by the statement itself, and is not read; a denied one ("was not killed by police") neither. A
statement that leaves the question open ("whether his death was caused by police or by a civilian", "da li …
ili", "čiji hitac", "whose bullet") says the killer is undetermined. Statements that merely name both parties
("the gunman was killed by a passer-by and a police officer was among the wounded") claim what their verb says.

All claims about the attacker are one fact of the story, compared across the corpus as one person's condition
is (:mod:`.discrepancy_conditions`): only where no source counts more than one attacker, since several
attackers may each have died by another hand. Two killers named by different documents are a **conflict**
(warning), or an **update** where every report of one precedes every report of the other. Reports that say the
killer is still being established, dated after the first claim of one, are the story moving on: an **update**
(info), not a conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from ..analysis.facts.tokens import fold
from ..analysis.notation import latin
from ..model import Corpus, Fact, Finding, Statement
from . import sayings
from .discrepancy_agent_words import Reader, mentions, names_attacker, reader
from .discrepancy_said import said_finding

#: English words between a passive verb and "by", and between "by" and the doer.
_BEFORE_BY = frozenset("dead and down fatally".split())
_ARTICLES = frozenset("a an the one another".split())
#: English words between the one killed and a passive verb: they name no one else ("was believed to have been").
_PASSIVE_FILLERS = frozenset(
    "was were is are been being be had has have to believed thought said reported reportedly allegedly later "
    "then also himself before after finally eventually who which that and".split()
)
_ATTACKER_NAME = 6  #: letters of a folded name compared (declined forms: Borilović, Borilovića)
_NAME_WINDOW = 5  #: tokens after a noun for the attacker within which his name is read
_UNDETERMINED = "undetermined"
_LABELS = {"police": "police", "civilian": "a civilian", "self": "himself", _UNDETERMINED: "still being established"}
_CONTEXT = ("attacker", "attack")


class Claim(NamedTuple):
    statement: Statement
    start: int  #: offsets in the document
    end: int
    agent: str  #: police, civilian, self, or undetermined

    @property
    def text(self) -> str:
        return self.statement.text[self.start - self.statement.start : self.end - self.statement.start]


def _attacker_names(readers: Iterable[Reader], places: frozenset[str]) -> frozenset[str]:
    """The attacker's name, as the first letters of the capitalised words right after a noun for him ("the
    shooter, identified as Vuk Borilovic", "ubicu Vuka Borilovića"): a killed person so named is the attacker."""
    out = set()
    for r in readers:
        for _, j, _ in r.find("attacker"):
            for k in range(j, min(j + _NAME_WINDOW, len(r.toks))):
                t = r.toks[k]
                if r.at("kill", k):
                    break
                stem = fold(latin(t.text))[:_ATTACKER_NAME].lower()
                if t.text[:1].isupper() and t.text.isalpha() and len(t.text) >= 5 and stem not in places:
                    out.add(stem)
    return frozenset(out)


def _is_name(r: Reader, i: int, names: frozenset[str]) -> bool:
    t = r.toks[i]
    return t.text[:1].isupper() and fold(latin(t.text))[:_ATTACKER_NAME].lower() in names


def _told_of_attacker(readers: Iterable[Reader], skip: range, names: frozenset[str]) -> bool:
    """Whether a statement (the first reader) or the one before it tells of an attacker or an attack; ``skip``:
    the claim's own words, which are no evidence of it."""
    for n, r in enumerate(readers):
        for kind in _CONTEXT:
            if any(not (n == 0 and i in skip) for i, _, _ in r.find(kind)):
                return True
        if any(_is_name(r, i, names) for i in range(len(r.toks))):
            return True
    return False


def _claims(r: Reader, previous: Reader | None, names: frozenset[str]) -> list[Claim]:
    toks, at = r.toks, r.statement.start
    readers = [r, previous] if previous else [r]

    def span(i: int, j: int, agent: str) -> Claim:
        return Claim(r.statement, at + toks[i].start, at + toks[j - 1].end, agent)

    question = r.find("whose") or [(i, j, v) for i, j, v in r.find("whether") if r.find("or", j)]
    if question:
        deaths = r.find("death") + r.find("kill") + r.find("self")
        i = question[0][0]
        # To the end of the clause of the question's last alternative ("whether … or by a local civilian").
        last = max([i, *(k for k, _, _ in r.find("or", i))])
        after = [hi for lo, hi in r.clauses() if lo <= last < hi and any(k > i for k, _, _ in deaths)]
        patient = [k for k, _, _ in r.find("attacker")] or [k for k in range(len(toks)) if _is_name(r, k, names)]
        if deaths and after and (patient or (r.find("person") and _told_of_attacker(readers, range(0), names))):
            return [span(i, max(after), _UNDETERMINED)]
        return []
    out = []
    for lo, hi in r.clauses():
        if r.find("earlier", lo, hi):
            continue
        for i, j, agent in [*r.find("kill", lo, hi), *r.find("self", lo, hi)]:
            if any(r.at("not", k) for k in range(max(lo, i - 2), i)):
                continue
            doer = (None, i, j) if agent == "self" else _doer(r, lo, hi, i, j)
            if doer is None:
                continue
            value, first, last = doer
            whom = _whom(r, lo, hi, i, j, first if value else i, names)
            if whom is None:
                continue
            if whom < 0 and not _told_of_attacker(readers, range(i, j), names):
                continue
            start = min(first, i, whom if whom >= 0 else i)
            out.append(span(start, max(last, j), value or "self"))
    return out


def _doer(r: Reader, lo: int, hi: int, i: int, j: int) -> tuple[str, int, int] | None:
    """Who killed, for the verb at ``toks[i:j]``: the agent's class and the tokens that name it."""
    if r.english:
        k = j + (j < hi and r.toks[j].key in _BEFORE_BY)
        if r.at("by", k) and k < hi:
            k += 1
            while k < hi and r.toks[k].key in _ARTICLES:
                k += 1
            if (m := r.at("agent", k)) and m[1] <= hi:
                return m[0], i, m[1]
            return None
        for k in range(max(lo, i - 4), i):  # "police shot dead the shooter", "a passerby shot and killed him"
            if (m := r.at("agent", k)) and m[1] == i and not r.at("with", k - 1):
                return m[0], k, i
        return None
    found = [(k, m) for k in range(lo, hi) if not i <= k < j and (m := r.at("agent", k)) and not r.at("with", k - 1)]
    if len({m[0] for _, m in found}) != 1:
        return None  # none, or both parties in one clause
    k, (value, end) = found[0]
    return value, k, end


def _whom(r: Reader, lo: int, hi: int, i: int, j: int, doer: int, names: frozenset[str]) -> int | None:
    """Who was killed: the index of a noun for the attacker or his name; -1 for a pronoun, "man" or no one named
    (the statement must then tell of the attacker); None for anyone else."""
    if r.english:
        if doer < i:  # active: the object after the verb
            k = j
            while k < hi and r.toks[k].key in _ARTICLES:
                k += 1
            if k < hi and (r.at("attacker", k) or _is_name(r, k, names)):
                return k
            return -1 if k < hi and r.at("person", k) else None
        for k in range(i - 1, lo - 1, -1):  # passive: the subject before it
            if r.at("attacker", k) or _is_name(r, k, names):
                return k
            if r.at("person", k):
                return -1
            if r.toks[k].key not in _PASSIVE_FILLERS and r.toks[k].key not in _ARTICLES:
                return None
        return -1
    for k in range(lo, hi):
        if not i <= k < j and (r.at("attacker", k) or _is_name(r, k, names)):
            return k
    return -1 if any(r.at("person", k) for k in range(lo, hi)) else None


def _several_attackers(facts: Iterable[Fact]) -> bool:
    return any(f.kind == "quantity" and f.subject.startswith("attackers") and (f.low or 0) > 1 for f in facts)


def findings(
    corpus: Corpus, statements: Iterable[Statement] | None = None, naming: Iterable[Statement] | None = None
) -> Iterable[Finding]:
    """``statements``: those that :func:`mentions` passes, ``naming``: those :func:`names_attacker` passes, where
    known (else every statement is looked at)."""
    if _several_attackers(corpus.facts):
        return
    readers: dict[str, Reader | None] = {}

    def read(statement: Statement) -> Reader | None:
        if statement.id not in readers:
            readers[statement.id] = reader(statement, corpus)
        return readers[statement.id]

    candidates = [s for s in (corpus.statements if statements is None else statements) if mentions(s.text)]
    if not candidates:
        return
    places = frozenset(fold(f.value)[:_ATTACKER_NAME] for f in corpus.facts if f.kind == "place")
    named = corpus.statements if naming is None else naming
    names = _attacker_names(filter(None, map(read, (s for s in named if names_attacker(s.text)))), places)
    order = {s.id: n for n, s in enumerate(corpus.statements)}
    said: list[Claim] = []
    for statement in candidates:
        if (r := read(statement)) is None:
            continue
        n = order[statement.id]
        before = corpus.statements[n - 1] if n else None
        previous = read(before) if before is not None and before.doc == statement.doc else None
        said += _claims(r, previous, names)
    known = [c for c in said if c.agent != _UNDETERMINED]
    if len({c.agent for c in known}) > 1 and len({c.statement.doc for c in known}) > 1:
        yield _finding(corpus, known, _killers_update(corpus, known))
    yield from _reopened(corpus, known, [c for c in said if c.agent == _UNDETERMINED])


def _date(corpus: Corpus, claim: Claim) -> str:
    return corpus.document(claim.statement.doc).date


def _killers_update(corpus: Corpus, known: list[Claim]) -> bool:
    """Whether the killers named follow one another in time: every report of one before every report of the next."""
    by_agent: dict[str, list[str]] = defaultdict(list)
    for c in known:
        by_agent[c.agent].append(_date(corpus, c))
    if any("" in days for days in by_agent.values()):
        return False
    spans = sorted((min(days), max(days)) for days in by_agent.values())
    return all(a[1] < b[0] for a, b in zip(spans, spans[1:]))


def _reopened(corpus: Corpus, known: list[Claim], open_: list[Claim]) -> Iterable[Finding]:
    """Reports that the killer is still being established, dated after the first claim of one."""
    first = min((d for c in known if (d := _date(corpus, c))), default="")
    later = [c for c in open_ if first and _date(corpus, c) > first]
    if later:
        last = max(_date(corpus, c) for c in later)
        before = [c for c in known if _date(corpus, c) < last]
        yield _finding(corpus, before + later, True)


def _finding(corpus: Corpus, said: list[Claim], update: bool) -> Finding:
    doc_order = corpus.document_order()
    said = sorted(said, key=lambda c: (doc_order[c.statement.doc], c.start))
    agents = sorted({c.agent for c in said}, key=lambda a: (a == _UNDETERMINED, -sum(c.agent == a for c in said)))
    sides = [(_LABELS[a], [c for c in said if c.agent == a]) for a in agents]
    picture = sayings(corpus, ((list(dict.fromkeys(c.statement.doc for c in cs)), label) for label, cs in sides))
    reopened = _UNDETERMINED in agents
    if reopened:
        message = f"Who killed the attacker, named by earlier reports, is still open in later ones: {picture}"
    elif update:
        message = f"Who killed the attacker changed as the story unfolded: {picture}"
    else:
        message = f"Sources disagree on who killed the attacker: {picture}"
    if reopened:
        reason = "later reports say the killer is still being established"
    elif update:
        reason = "later reports name another killer"
    else:
        reason = "sources name different killers of one attacker"
    values = [(label, cs[0].agent, cs) for label, cs in sides]
    return said_finding(corpus, "agent", "who killed the attacker", values, said, message, update, reason)
