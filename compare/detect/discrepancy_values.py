"""How the facts a discrepancy comparison set side by side become findings.

:mod:`.discrepancy` decides which facts are the same fact (aligned statements,
events, corpus-wide facts) and compares them; this module turns the disagreeing
comparisons into findings: facts joined over the comparisons, split into classes
of mutually compatible values, labelled ("about 30", "2023-09-24"), pictured with
their sources ("2 sources say 30 (000, 002), 1 says 41 (005)") and marked as a
possible update where the later article gives the larger toll.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..analysis.facts import agreement, dates, people
from ..analysis.facts.ages import AGE
from ..analysis.facts.places import same_container
from ..analysis.facts.shares import PROGRESS
from ..analysis.facts.tokens import spelt_alike
from ..analysis.spellings import damaged_forms
from ..infra.disjoint import DisjointSets
from ..model import Corpus, Fact, Finding, Severity
from . import outlets, sayings
from .discrepancy_findings import classes_finding
from .discrepancy_when import hours_apart, rounded_alike, without_contradicted_relatives

SUBKIND_OF = {
    "quantity": "count",
    "date": "date",
    "time": "time",
    "place": "place",
    "containment": "place",
    "role": "role",
    "attribution": "attribution",
}
_WHAT = {"date": "the date", "time": "the time", "place": "the place", "attribution": "who said it"}
#: Subjects that are an event's or a place's fixed measure (a quake's magnitude, a hall's capacity): compared event
#: by event (:mod:`.discrepancy_measures`), never as counts of a slot or of an aligned pair.
#: Each with what it measures, for the messages.
MEASURES = {"magnitude": "event", "capacity": "venue"}
#: Subjects no aligned pair compares: the measures, and a count's progress ("with 70% of precincts counted"), which
#: is when a figure was reported, not a fact reported (analysis.facts.shares).
UNCOMPARED = frozenset({*MEASURES, PROGRESS})


#: What a holder is given of a count in progress: its share, or the seats that share wins (analysis.facts.shares).
HOLDERS_SHARES = ("share of ", "poll share of ", "seats of ")


def moving_share(subject: str) -> bool:
    """A holder's share of a count in progress ("share of coalition", "seats of coalition"): it moves both ways, hour
    by hour, as the count goes on."""
    return subject.startswith(HOLDERS_SHARES)


def moves_within_a_day(subject: str) -> bool:
    """A share or a turnout moves hour by hour while a count goes on: two figures of one day are two moments of it,
    not one announcement reported two ways."""
    return moving_share(subject) or subject.startswith("turnout")


def paired(fact: Fact) -> bool:
    """Whether aligned statements compare this fact: not a measure, a count's progress, nor a share of a count, which
    two sentences alike in words may give at two moments of the count (the timelines compare shares, by report
    time)."""
    return fact.subject not in UNCOMPARED and not moving_share(fact.subject)


EVENT_OUTCOMES = (
    *("killed", "injured", "arrested", "charged", "kidnapped", "missing", "displaced", "evacuated", "hospitalised"),
    "transferred",
)
#: Independent origins that make a value one agency's reading of a measure, not one outlet's error.
READING_ORIGINS = 2
#: Outcomes whose count falls as a story unfolds: the wounded leave hospital, and recover or die.
FALLING = ("hospitalised", "critically injured")


@dataclass(frozen=True)
class Comparison:
    a: Fact
    b: Fact
    agree: bool
    link: str  #: "group <id>", "event" or "corpus"


def speakers(fa: list[Fact], fb: list[Fact], link: str) -> list[Comparison]:
    """The speakers of two statements that report one thing (aligned), compared: one person's name spelt two ways,
    or damaged by a copy's encoding, agrees."""
    named_b = [f for f in fb if f.kind == "attribution" and f.value]
    return [
        Comparison(x, y, spelt_alike(x.value, y.value) or _damaged(x.text, y.text), link)
        for x in fa
        if x.kind == "attribution" and x.value
        for y in named_b
    ]


def _damaged(a: str, b: str) -> bool:
    """Whether one speaker's name is the other's with the letters a copy's encoding lacked dropped ("Dui" of
    "Dučić"): one person, whose name the copy damaged (name_variants reports the damage)."""
    return b in damaged_forms(a) or a in damaged_forms(b)


def findings(corpus: Corpus, comparisons: list[Comparison]) -> Iterable[Finding]:
    doc_order = corpus.document_order()
    origin_of = {d.id: d.copy_of or d.id for d in corpus.documents}  # copies of one story count once
    by_kind: dict[str, list[Comparison]] = defaultdict(list)
    for c in comparisons:
        by_kind[SUBKIND_OF[c.a.kind]].append(c)
    for subkind, own in by_kind.items():
        # Facts numbered once (equal facts, one number): union–find over ints hashes each fact once, not per step.
        number: dict[Fact, int] = {}
        ends = [(number.setdefault(c.a, len(number)), number.setdefault(c.b, len(number))) for c in own]
        sets: DisjointSets[int] = DisjointSets()
        for x, y in ends:
            sets.union(x, y)
        clusters: dict[int, list[Comparison]] = defaultdict(list)
        for c, (x, _) in zip(own, ends):
            clusters[sets.find(x)].append(c)
        for members in clusters.values():
            if all(c.agree for c in members):
                continue
            if subkind == "count" and is_length(members[0].a.subject):
                yield from _readings(corpus, members, doc_order, origin_of)
                continue
            members = without_contradicted_relatives(members) if subkind == "date" else members
            if all(c.agree for c in members):
                continue
            rounded = subkind == "time" and rounded_alike(members, lambda f: _before(corpus, f))
            relation = "scope" if subkind == "time" and (hours_apart(members) or rounded) else "conflict"
            yield _finding(corpus, subkind, members, doc_order, origin_of, relation=relation, rounded=rounded)


def _before(corpus: Corpus, fact: Fact) -> str:
    """The words right before a fact in its document ("around" before "2:35")."""
    return corpus.document(fact.doc).text[max(0, fact.start - 30) : fact.start]


def is_length(subject: str) -> bool:
    """Whether a count's subject is a length (a depth, a distance from a place): a measurement, not a tally."""
    return subject == "km" or subject.startswith("km ")


def _readings(
    corpus: Corpus, comparisons: list[Comparison], doc_order: dict[str, int], origin_of: dict[str, str]
) -> Iterable[Finding]:
    """A length measured by agencies each their own way (a quake's depth, its epicentre's distance from a city):
    two values each given by several independent origins are two readings, a difference of scope; a value one
    origin alone gives is still an error, reported over every value as before."""
    facts = {f for c in comparisons for f in (c.a, c.b)}
    classes = value_classes(sorted(facts, key=lambda f: (doc_order[f.doc], f.start)))
    readings = agency_readings(classes, origin_of)
    if len(readings) >= 2:
        kept = {f for cls in readings for f in cls}
        own = [c for c in comparisons if c.a in kept and c.b in kept]
        # Readings never compared directly (each only against an outlier) are still one measure's readings.
        own += [Comparison(a[0], b[0], False, comparisons[0].link) for a, b in zip(readings, readings[1:])]
        yield _finding(corpus, "count", own, doc_order, origin_of, relation="scope")
    if len(readings) < len(classes):
        yield _finding(corpus, "count", comparisons, doc_order, origin_of)


def agency_readings(classes: list[list[Fact]], origin_of: dict[str, str]) -> list[list[Fact]]:
    """The value classes each given by :data:`READING_ORIGINS` independent origins at least: each one agency's
    reading of a measure, where a value only one origin gives may be that outlet's error."""
    return [cls for cls in classes if len({origin_of[f.doc] for f in cls}) >= READING_ORIGINS]


def _finding(
    corpus: Corpus,
    subkind: str,
    comparisons: list[Comparison],
    doc_order: dict[str, int],
    origin_of: dict[str, str],
    relation: str = "conflict",
    rounded: bool = False,
) -> Finding:
    facts = sorted({f for c in comparisons for f in (c.a, c.b)}, key=lambda f: (doc_order[f.doc], f.start))
    classes = value_classes(facts)
    first = facts[0]
    what = _describe(subkind, first)
    labels = [label(cls) for cls in classes]
    picture = _picture(corpus, classes, labels, origin_of)
    sources = sorted({f.doc for f in facts}, key=doc_order.__getitem__)
    links = sorted({c.link for c in comparisons})
    update = subkind == "count" and relation == "conflict" and _possible_update(corpus, classes)
    exact = all(f.kind != "quantity" or f.low == f.high for f in facts)
    severity: Severity = "warning" if update or not exact or subkind in ("role", "attribution") else "error"
    message = f"Sources disagree on {what}: {picture}"
    if update:
        message += " (the later article gives the larger figure: possibly an update, not an error)"
    if rounded:
        severity = "info"
        message = f"Sources give one time at two precisions (minutes apart, each said as approximate): {picture}"
    elif relation == "scope" and subkind == "time":
        severity = "info"
        message = f"Sources give different times, hours apart (different moments of the day, or time zones): {picture}"
    elif relation == "scope":
        severity = "info"
        message = (
            f"Sources give one length ({first.subject}) as different measurements (two readings, each reported by"
            f" several independent sources): {picture}"
        )
    groups = {c.link.split(" ", 1)[1] for c in comparisons if c.link.startswith("group ")}
    return classes_finding(
        subkind,
        facts,
        list(zip(classes, labels)),
        doc_order,
        severity=severity,
        message=message,
        subject=first.subject if subkind in ("count", "role") or first.kind == "containment" else "",
        sources=len(sources),
        origins=len({origin_of[d] for d in sources}),
        linked_by=links,
        relation=relation,
        possible_update=update,
        group=groups.pop() if len(groups) == 1 and all(c.link.startswith("group ") for c in comparisons) else None,
    )


def value_classes(facts: list[Fact]) -> list[list[Fact]]:
    """Facts partitioned into mutually compatible values, the most widely reported first.

    Compatibility depends on a fact's value alone (kind, value, interval), so each class
    is checked against one fact per distinct value, and each pair of values once: a
    cluster of thousands of facts repeats a few values many times.
    """
    if facts and all(f.kind == "quantity" and f.low is not None and f.high is not None for f in facts):
        return _interval_classes(facts)
    classes: list[list[Fact]] = []
    values: list[dict[tuple, Fact]] = []  # per class: one fact for each distinct value in it
    known: dict[tuple, bool] = {}

    def compatible(f: Fact, key: tuple, other_key: tuple, other: Fact) -> bool:
        pair = (key, other_key)
        if pair not in known:
            known[pair] = _compatible(f, other)
        return known[pair]

    for f in facts:
        key = (f.kind, f.value, f.low, f.high)
        for cls, seen in zip(classes, values):
            if all(compatible(f, key, k, g) for k, g in seen.items()):
                cls.append(f)
                seen.setdefault(key, f)
                break
        else:
            classes.append([f])
            values.append({key: f})
    return sorted(classes, key=lambda cls: -len({f.doc for f in cls}))


def _interval_classes(facts: list[Fact]) -> list[list[Fact]]:
    """:func:`value_classes` for counts, in one pass: intervals that all overlap pairwise share a point (Helly, in
    one dimension), so a class is known by its highest low and lowest high, and a fact joins the first class whose
    bounds it overlaps: the same classes as checking it against every member, without doing so."""
    classes: list[list[Fact]] = []
    bounds: list[tuple[float, float]] = []
    # A class's bounds only narrow, within those of each fact it took: an interval seen before joins the class
    # it joined then (no class before that one can overlap it since), without the scan. Slots of a large corpus
    # repeat a few figures thousands of times.
    joined: dict[tuple[float, float], int] = {}
    estimates: list[list[Fact]] = []  # per class, one approximate figure of each value
    for f in facts:
        low, high = agreement.rounding_bounds(f)
        n = joined.get((low, high), -1)
        if n < 0:
            n = next(
                (
                    k
                    for k, (lo, hi) in enumerate(bounds)
                    if max(lo, low) <= min(hi, high) and not any(agreement.two_estimates(f, e) for e in estimates[k])
                ),
                len(classes),
            )
            if n == len(classes):
                classes.append([])
                bounds.append((low, high))
                estimates.append([])
            if f.value.startswith("about "):  # "about 100" and "about 120" overlap, yet are two estimates
                estimates[n].append(f)
            joined[(low, high)] = n
        classes[n].append(f)
        bounds[n] = (max(bounds[n][0], low), min(bounds[n][1], high))
    return sorted(classes, key=lambda cls: -len({f.doc for f in cls}))


def _compatible(x: Fact, y: Fact) -> bool:
    if x.kind == "quantity":
        return agreement.compatible(x, y)
    if x.kind == "date":
        return dates.compatible(x.value, y.value)
    if x.kind == "time":
        return dates.same_time(x.value, y.value)
    if x.kind == "role":
        return people.compatible_roles(x.value, y.value)
    if x.kind == "containment":
        return same_container(x.value, y.value)
    return spelt_alike(x.value, y.value)  # places and speakers of aligned statements: a misspelling is one name


def scope_finding(
    corpus: Corpus, subkind: str, subject: str, headline: str, reason: str, classes: list[list[Fact]]
) -> Finding:
    """One thing the story's sources name in different words (an office framed, a plan's sponsors, a claimant as
    body and branch): an info finding, a difference of scope, each class shown by its most common wording."""
    doc_order = corpus.document_order()
    sides = [(cls, most_common(f.text for f in cls)) for cls in classes]
    picture = sayings(corpus, ((sorted({f.doc for f in cls}, key=doc_order.__getitem__), text) for cls, text in sides))
    facts = [f for cls in classes for f in cls]
    return classes_finding(
        subkind,
        facts,
        sides,
        doc_order,
        severity="info",
        message=f"{headline}: {picture}",
        subject=subject,
        sources=len({f.doc for f in facts}),
        linked_by=["corpus"],
        relation="scope",
        reason=reason,
    )


def label(cls: list[Fact]) -> str:
    """The most common wording of a value; roles by their normalised title, containments by municipality."""
    if cls[0].kind == "role":
        return most_common(f.value for f in cls)
    if cls[0].kind == "containment":
        common = most_common(f.value for f in cls)
        return next(f.text for f in cls if f.value == common)
    text = most_common(f.text for f in cls)
    if cls[0].kind == "date" and not any(ch.isdigit() for ch in text):
        # "today", "on Monday": the reader needs the day it stands for
        # The day it stands for in an article that has a date, where another article with the words has none.
        values = [f.value for f in cls if f.text == text]
        value = next((v for v in values if not v.startswith(("weekday:", "?"))), values[0])
        if value.startswith(("weekday:", "?")):
            return f"{text} (in an undated article)"  # why no day is given: nothing to resolve it against
        return f"{text} ({value})"
    return text


def most_common(items: Iterable[str]) -> str:
    """The most frequent item; on a tie the first in corpus order (a set's order changes from run to run)."""
    return Counter(items).most_common(1)[0][0]


def _picture(corpus: Corpus, classes: list[list[Fact]], labels: list[str], origin_of: dict[str, str]) -> str:
    """ "2 sources say “93” (AP, Reuters + 4 copies); 1 says “41” (KoSSev)": copies of one story count once per
    value (an edited copy that changed the value speaks for itself there); sources named by outlet."""
    parts = []
    for n, (cls, label) in enumerate(zip(classes, labels)):
        docs = list(dict.fromkeys(f.doc for f in cls))
        families: dict[str, list[str]] = {}
        for d in docs:
            families.setdefault(origin_of.get(d, d), []).append(d)
        shown = [origin if origin in members else members[0] for origin, members in families.items()]
        copies = len(docs) - len(shown)
        count = len(shown)
        verb = "say" if count > 1 else "says"
        noun = ("source" if count == 1 else "sources") if n == 0 else ""
        more = f" + {copies} {'copy' if copies == 1 else 'copies'}" if copies else ""
        parts.append(f"{count} {noun + ' ' if noun else ''}{verb} “{label}” ({outlets(corpus, shown)}{more})")
    return "; ".join(parts)


def _describe(subkind: str, fact: Fact) -> str:
    if subkind == "count" and fact.subject == AGE:
        return "the age of the person the reports describe"
    if subkind == "count" and fact.subject.startswith("age of "):
        return f"the age of {fact.subject[7:].capitalize()}"
    if subkind == "count":
        return f"how many ({fact.subject})"
    if subkind == "role":
        return f"the role of {fact.subject.capitalize()}"
    if fact.kind == "containment":
        return f"where {fact.subject.capitalize()} is"
    if fact.kind == "date" and fact.subject != "when":
        return f"the date of the {fact.subject}"  # a declared day (discrepancy_observances)
    return _WHAT.get(subkind, subkind)


def _possible_update(corpus: Corpus, classes: list[list[Fact]]) -> bool:
    """Whether every later-dated source gives a larger figure than every earlier one."""
    if not classes[0] or not classes[0][0].subject.endswith(EVENT_OUTCOMES):
        return False
    dated = [(corpus.document(f.doc).date, f.low or 0.0) for cls in classes for f in cls]
    if any(not d for d, _ in dated) or len({d for d, _ in dated}) < 2:
        return False
    ordered = sorted(dated)
    return all(a[1] <= b[1] for a, b in zip(ordered, ordered[1:]) if a[0] != b[0]) and ordered[0][1] < ordered[-1][1]
