"""Claims: one source says a thing was done ("Serbia and Kosovo signed in Ohrid"), another that it was not
("nothing had been signed").

No fact kind holds such a statement: it carries no number, date or name to compare. What it carries is a
predicate and its polarity, read here from English wording alone: a past action asserted ("X signed", "they
have agreed on", "it was approved") against the same verb denied ("did not sign", "has not been signed",
"nothing was signed", "has yet to be agreed"). Two statements of different documents are set against each
other only when

* they are tied: aligned, linked as one event, or naming one place (not a country) — "in Ohrid";
* they are said of the same parties: where both name who acted, one name at least is common to both, and
  where both say what was acted on (a passive verb's subject, "the annex has yet to be agreed"; an active
  verb's object), one word at least;
* they are of one moment: neither sentence dates its action to another day or year than the other's, nor
  places it in the past of the story ("ten years since the agreements were signed").

A term one source says a text no longer uses ("the term ‘self-management’ replaces the words
‘self-government’": both quoted, a verb of replacing between them) is a claim about that text too: sources that
still give the old term are set beside it, wherever they give it. They may quote an earlier draft, or the one
source be wrong: the two wordings are shown side by side (info).

A denial that says the thing is still to come ("has yet to be agreed", "not yet signed"), in an article dated
before the assertion, is the story moving on: an update, not a conflict. Such an announcement needs no tie: the
later report of the action done is rarely worded like it, or made at the same place, and what was acted on
names the action instead (one word at least in common). It is set against assertions of later reports, and
of undated ones, which the dated reports place on the timeline.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..analysis import lexicon
from ..analysis.facts import dates
from ..analysis.facts.places import COUNTRIES
from ..model import Corpus, Evidence, Fact, Finding, Statement
from ..payloads import DiscrepancyData, ValueClass
from . import sayings
from .discrepancy_said import said_finding

_NEGATED = re.compile(
    r"\b(?:(?P<aux>did|does|do|has|have|had|was|were|is|are)(?:\s+not|n[’']t)(?P<yet1>\s+yet)?"
    r"|never|nothing\s+(?:is|was|has\s+been|had\s+been|have\s+been)"
    r"|(?:has|have|had|is|are|was|were)\s+(?P<yet2>yet)\s+to\s+be)"
    # an adverb may stand before the verb: "was not officially detained", "has not been formally charged"
    r"(?:\s+(?!only\b)[a-z]+ly)?\s+(?:been\s+)?(?:(?!only\b)[a-z]+ly\s+)?(?P<verb>[a-z]{4,})\b",
    re.IGNORECASE,
)
#: A past action asserted: a verb in -ed after an auxiliary ("have agreed", "was signed") or right after a name
#: ("Kosovo signed"); after a lower-case noun it is mostly a participle qualifying it ("the deal signed by …").
_ASSERTED = re.compile(r"\b(?P<before>[A-Za-z]+)\s+(?P<verb>[a-z]{3,}ed)\b")
_AUXILIARIES = frozenset("has have had was were is are been".split())
#: A subject that denies its verb, a few words before it in its clause: "no employee", "none of the guests".
_SUBJECT_DENIED = re.compile(
    r"\b(?:no|nobody|none|neither|not\s+(?:a\s+single|one|any))\b(?:\s+[\w’'-]+){0,4}\s*$", re.IGNORECASE
)
#: -ed words that are no action done at a moment, or are the reporting verbs every story is full of.
_NOT_ACTIONS = frozenset(
    "need needed used based called aged related concerned interested expected reported added stated noted "
    "explained stressed claimed cited quoted asked urged warned announced".split()
)
_OPENER_ZIPF = 4.0  # a capitalised word at least this common in English is a word, not a name ("Why", "Then")
_AFTER = 6  # words after a verb read for what it acted on
_BEFORE = 5  # words before a predicate read for who acted
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]+")
_CLAUSE_END = re.compile(r"[,;:.!?”\"]|\s(?:and|but|while|because|despite)\s")
_STOP = frozenset(
    "the a an any anything nothing something this that these those it its their them they he she his her him "
    "we our you your with on in at of for to by from upon after before about into over under between and "
    "or not yet be been being which who whom what when where all some no".split()
)
#: Words that put an action in the past of the story: "ten years since …", "two years ago", "last year".
_PAST = re.compile(
    r"\b(?:ago|since|last\s+(?:year|month|week)|(?:years|months)\s+earlier|previously|former|once)\b", re.IGNORECASE
)
_RELATIVE = re.compile(r",?\s*\b(?:which|that)\s*$", re.IGNORECASE)
_BE = frozenset("was were is are been".split())
_TERM = r"[‘“'\"](?P<{}>[^‘’“”'\"]{{3,40}})[’”'\"]"
_WORDS_FOR = r"(?:the\s+)?(?:(?:words?|terms?|phrase|wording|expression)\s+)?"
#: A quoted term said to take another's place in a text: "‘X’ replaces the words ‘Y’", "‘Y’ was replaced by ‘X’".
_REPLACED = re.compile(
    rf"{_TERM.format('new')}\s+(?:replaces|replaced|supersedes|superseded|instead\s+of|in\s+place\s+of|rather\s+than)"
    rf"\s+{_WORDS_FOR}{_TERM.format('old')}"
    rf"|{_TERM.format('old2')}\s+(?:is|was|has\s+been|had\s+been)\s+replaced\s+(?:by|with)\s+{_WORDS_FOR}"
    rf"{_TERM.format('new2')}",
    re.IGNORECASE,
)
#: Words one of which a statement must hold for :data:`_REPLACED` to be tried: a verb of replacing is never the
#: first word of the sentence, so a look for each, case and all, is enough (and far faster than a pattern).
_REPLACING = ("replace", "supersede", "instead of", "in place of", "rather than")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a year named: an action told as background, unless the article's


@dataclass(frozen=True, eq=False)  # one claim per match: compared by identity
class Claim:
    statement: Statement
    start: int  #: offsets in the document
    end: int
    stems: frozenset[str]  #: forms the verb may take ("sign", "signe" for "signed")
    negated: bool
    pending: bool  #: a denial that says the thing is still to come ("yet to be agreed")
    agents: frozenset[str]  #: names before the predicate
    objects: frozenset[str]  #: content words after it

    @property
    def text(self) -> str:
        return self.statement.text[self.start - self.statement.start : self.end - self.statement.start]


def _stems(word: str) -> frozenset[str]:
    word = word.lower()
    if word.endswith("ed"):
        return frozenset({word[:-2], word[:-1]})
    return frozenset({word})


def _objects(text: str, at: int) -> frozenset[str]:
    stop = _CLAUSE_END.search(text, at)
    words = _WORD.findall(text, at, stop.start() if stop else len(text))[:_AFTER]
    return frozenset(w.lower()[:5] for w in words if w.lower() not in _STOP and len(w) > 2)


def _acted_on(text: str, at: int) -> frozenset[str]:
    """What a passive predicate acted on: its subject, the content words before it in its clause ("the annex has
    yet to be agreed"); a relative clause ("…, which has yet to be agreed") is said of the words before it."""
    head = _RELATIVE.sub("", text[:at])
    starts = [m.end() for m in _CLAUSE_END.finditer(head)]
    words = [w for w in _WORD.findall(head, starts[-1] if starts else 0) if w.lower() not in _AUXILIARIES]
    return frozenset(w.lower()[:5] for w in words[-_BEFORE:] if w.lower() not in _STOP and len(w) > 2)


def _agents(text: str, at: int) -> frozenset[str]:
    """Names among the words before a predicate; a common word capitalised to open a sentence ("Why", "The") is
    none."""
    found = list(_WORD.finditer(text, 0, at))[-_BEFORE:]
    return frozenset(
        m.group().lower()[:5]
        for m in found
        if m.group()[0].isupper()
        and len(m.group()) > 1
        and not (m.start() == 0 and lexicon.is_english(m.group(), _OPENER_ZIPF))
    )


#: A claim as the detector's per-document step keeps it (plain data, for the memo): its offsets within the
#: statement, the verb's forms, negated, pending, who acted, what was acted on.
Reading = tuple[int, int, list[str], bool, bool, list[str], list[str]]


def read(statement: Statement) -> list[Reading]:
    """What :func:`claims` finds in an English statement, as plain data: read with the rest of each article's
    analysis and kept, so that these patterns do not run over every statement on every run."""
    if statement.language != "en":
        return []
    at = statement.start
    return [
        (c.start - at, c.end - at, sorted(c.stems), c.negated, c.pending, sorted(c.agents), sorted(c.objects))
        for c in claims(statement)
    ]


def _claims_of(statement: Statement, readings: Iterable[Reading]) -> list[Claim]:
    at = statement.start
    return [
        Claim(statement, at + a, at + b, frozenset(stems), negated, pending, frozenset(agents), frozenset(objects))
        for a, b, stems, negated, pending, agents, objects in readings
    ]


def claims(statement: Statement) -> list[Claim]:
    """The past actions a statement asserts or denies."""
    text = statement.text
    if _PAST.search(text):
        return []
    out: list[Claim] = []
    denied: list[tuple[int, int]] = []
    for m in _NEGATED.finditer(text):
        verb = m.group("verb").lower()
        if m.group("aux") and m.group("aux").lower() in ("does", "do", "is", "are") and not verb.endswith("ed"):
            continue  # "does not want": a stance, not an action done or not done
        if verb in _NOT_ACTIONS or verb in _AUXILIARIES:
            continue
        denied.append((m.start(), m.end()))
        pending = bool(m.group("yet1") or m.group("yet2"))
        aux = (m.group("aux") or "").lower()
        said = m.group().lower()
        passive = aux in _BE or "been" in said or bool(m.group("yet2")) or said.startswith("nothing")
        out.append(_claim(statement, m.start(), m.end(), verb, True, pending, passive))
    for m in _ASSERTED.finditer(text):
        verb, before = m.group("verb"), m.group("before")
        if verb in _NOT_ACTIONS or any(a <= m.start("verb") < b for a, b in denied):
            continue
        if before.lower() not in _AUXILIARIES and not (before[0].isupper() and m.start() > 0):
            continue
        if re.match(r"\s+by\b", text[m.end() :]) and before.lower() not in _AUXILIARIES:
            continue
        # "No employee was injured", "none of the guests were hurt": the subject denies what the verb says.
        denies = before.lower() in _BE and _SUBJECT_DENIED.search(text[max(0, m.start() - 80) : m.start()])
        out.append(_claim(statement, m.start("verb"), m.end(), verb, bool(denies), False, before.lower() in _BE))
    return out


def _claim(statement: Statement, start: int, end: int, verb: str, negated: bool, pending: bool, passive: bool) -> Claim:
    """A claim over ``text[start:end]``; what a passive verb acted on is its subject, what an active one did, its
    object."""
    text = statement.text
    return Claim(
        statement,
        statement.start + start,
        statement.start + end,
        _stems(verb),
        negated,
        pending,
        _agents(text, start),
        _acted_on(text, start) if passive else _objects(text, end),
    )


def _same_parties(x: Claim, y: Claim, places: frozenset[str]) -> bool:
    """Whether two claims may be said of the same parties; the place that ties them ("in Brussels") is where they
    acted, not what they acted on, and is left out of the comparison."""
    if x.agents and y.agents and not x.agents & y.agents:
        return False
    xs, ys = x.objects - places, y.objects - places
    return not (xs and ys and not xs & ys)


def _one_moment(x: Fact | None, y: Fact | None) -> bool:
    return x is None or y is None or not dates.comparable(x.value, y.value) or dates.compatible(x.value, y.value)


def findings(
    corpus: Corpus,
    facts_of: dict[str, list[Fact]],
    tied: set[tuple[str, str]],
    readings: Mapping[str, Iterable[Reading]],
) -> Iterable[Finding]:
    """Assertions and denials of one action by different documents, over statements ``tied`` (aligned or linked
    as one event, ids in order) or naming one place; ``readings``: each statement's claims (:func:`read`)."""
    said: dict[str, list[Claim]] = {}
    for statement in corpus.statements:
        own = _claims_of(statement, readings.get(statement.id, ()))
        if own and not _other_year(statement, corpus):
            said[statement.id] = own
    places: dict[str, set[str]] = {
        s: {f.value for f in facts_of.get(s, ()) if f.kind == "place" and f.value not in COUNTRIES} for s in said
    }
    day = {s: next((f for f in facts_of.get(s, ()) if f.kind == "date"), None) for s in said}
    denied: dict[str, list[tuple[str, Claim]]] = defaultdict(list)  # by the verb's forms: few denials share one
    for s, own in said.items():
        for c in own:
            if c.negated:
                for stem in c.stems:
                    denied[stem].append((s, c))
    pairs: dict[tuple[str, str], list[tuple[Claim, Claim]]] = {}
    for sa, a in ((s, c) for s, own in said.items() for c in own if not c.negated):
        against = {id(c): (s, c) for stem in a.stems for s, c in denied.get(stem, ())}
        for sd, d in against.values():
            key = (sa, sd) if sa < sd else (sd, sa)
            if a.statement.doc == d.statement.doc:
                continue
            where = frozenset(p[:5] for p in places[sa] | places[sd])
            if key in tied or places[sa] & places[sd]:
                if _same_parties(a, d, where) and _one_moment(day[sa], day[sd]):
                    pairs.setdefault((sa, min(a.stems)), []).append((a, d))
            elif _fulfils(a, d, where, corpus):
                # What one source said was still to come, another says was done: one finding per announcement.
                pairs.setdefault((sd, min(a.stems)), []).append((a, d))
    for found in pairs.values():
        yield _finding(corpus, found)
    yield from _superseded_terms(corpus)


#: A term where a statement gives it: (statement, start, end, text), offsets in the document.
Term = tuple[Statement, int, int, str]


def _superseded_terms(corpus: Corpus) -> Iterable[Finding]:
    """A quoted term one source says replaced another in a text, against other sources that give the other."""
    for statement in corpus.statements:
        if not any(word in statement.text for word in _REPLACING):
            continue
        for m in _REPLACED.finditer(statement.text):
            new, old = ("new", "old") if m.group("new") else ("new2", "old2")
            said = (statement, statement.start + m.start(new), statement.start + m.end(new), m.group(new))
            given = _uses(corpus, m.group(old), statement.doc)
            if given:
                yield _term_finding(corpus, said, given, m.group(old))


def _uses(corpus: Corpus, term: str, besides: str) -> list[Term]:
    """The first mention of ``term`` (a whole word or phrase) in each statement of the documents but one."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE)
    out = []
    for s in corpus.statements:
        m = None if s.doc == besides else pattern.search(s.text)
        if m:
            out.append((s, s.start + m.start(), s.start + m.end(), m.group()))
    return out


def _fulfils(a: Claim, d: Claim, places: frozenset[str], corpus: Corpus) -> bool:
    """Whether assertion ``a`` may report the action denial ``d`` said was still to come ("the annex has yet to be
    agreed"), though no alignment, event or place ties their sentences: the thing acted on names it, so both must
    say what it was, in one word at least; and ``a`` is of a later report, or an undated one."""
    if not d.pending or not (a.objects - places) & (d.objects - places) or not _same_parties(a, d, places):
        return False
    said, done = corpus.document(d.statement.doc).date, corpus.document(a.statement.doc).date
    return bool(said) and (not done or done > said)


def _other_year(statement: Statement, corpus: Corpus) -> bool:
    """Whether the statement names a year other than its article's: an earlier action, told as background."""
    own = corpus.document(statement.doc).date[:4]
    return any(m.group() != own for m in _YEAR.finditer(statement.text))


def _finding(corpus: Corpus, found: list[tuple[Claim, Claim]]) -> Finding:
    doc_order = corpus.document_order()
    yes = list(dict.fromkeys(a for a, _ in found))
    verb = yes[0].text.lower()  # the asserted verb as written: "signed"
    no = sorted(dict.fromkeys(d for _, d in found), key=lambda c: (doc_order[c.statement.doc], c.start))
    date_of = lambda c: corpus.document(c.statement.doc).date  # noqa: E731
    # Undated reports cannot be put on the timeline: the dated ones decide, and must all follow the announcement.
    dated = [(date_of(a), date_of(d)) for a, d in found if date_of(a) and date_of(d)]
    update = all(d.pending for _, d in found) and bool(dated) and all(said < done for done, said in dated)
    sides = [(verb, yes), (f"not {verb}", no)]
    picture = sayings(corpus, ((list(dict.fromkeys(c.statement.doc for c in cs)), cs[0].text) for _, cs in sides))
    message = f"Sources disagree on whether it was {verb}: {picture}"
    if update:
        message += " (the earlier article says it was still to come: the story moved on)"
    reason = "one source asserts an action another denies"
    values = [(label, label, cs) for label, cs in sides]
    return said_finding(corpus, "claim", verb, values, yes + no, message, update, reason)


def _term_finding(corpus: Corpus, said: Term, given: list[Term], old: str) -> Finding:
    doc_order = corpus.document_order()
    sides = [(said[3], [said]), (old, given)]
    picture = sayings(corpus, ((list(dict.fromkeys(t[0].doc for t in ts)), label) for label, ts in sides))
    terms = [said, *given]
    return Finding(
        id="",
        kind="discrepancy",
        subkind="claim",
        severity="info",
        message=f"Sources disagree on the term a text uses: {picture} (the first says it replaced “{old}”)",
        statements=list(dict.fromkeys(t[0].id for t in terms)),
        evidence=[Evidence(t[0].doc, t[1], t[2], t[3]) for t in terms],
        data=DiscrepancyData(
            subject=old.casefold(),
            values=[
                ValueClass(
                    value=label,
                    documents=sorted({t[0].doc for t in ts}, key=doc_order.__getitem__),
                    texts=list(dict.fromkeys(t[3] for t in ts)),
                    normalised=[label.casefold()],
                    statements=list(dict.fromkeys(t[0].id for t in ts)),
                )
                for label, ts in sides
            ],
            sources=len({t[0].doc for t in terms}),
            linked_by=["claim"],
            possible_update=False,
            relation="conflict",
            reason="one source says a term replaced another in a text, which other sources still give",
        ),
    )
