"""Sources that report the same fact with different values.

Which facts are "the same" is decided in three ways, from strongest to weakest:

* **group**: the two statements were aligned (they say the same thing), so their
  counts of the same thing, their dates, places and speakers must agree. Within
  such a pair a value that was swapped in place ("in Banjska" / "in Jarinje",
  a number with nothing nameable after it) is caught by aligning the words of the
  two sentences and comparing what changed;
* **event**: two statements of different documents that both describe an incident
  (attack, clash, riot …) or a meeting at the same place, or on the same day, are taken to
  describe one event even when their wording is too far apart to align; they are
  compared on counts of people with what happened to them, and on the day or the
  place;
* **corpus**: some facts hold whatever the sentence: a village lies in one
  municipality, a person holds one office at a time.

Like values in other words never conflict: counts are compared as the intervals their wording allows ("about
30" and "at least 30" agree, "more than 90" and "93" agree), dates only on the fields both know ("in May" and
"May 29" agree), names after folding ("Banska" is a spelling of "Banjska", reported as a name variant elsewhere,
not as a different place). Numbers that count nothing nameable (years, page counters) are never compared.

Every finding lists the values side by side with their sources — "2 sources say
30 (000, 002), 1 says 41 (005)" — and points at each value's exact span. Where
the articles carry different dates and the later one gives a larger toll, the
finding is marked as a possible update rather than an error.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from itertools import combinations

from rapidfuzz.distance import Indel

from ..analysis import lexicon
from ..analysis.facts import agreement, dates, people
from ..analysis.facts.places import COUNTRIES, NOT_PLACES, nested_places, place_fact, same_container, within
from ..analysis.facts.tokens import fold, lowered_words, same_name, same_name_pairs, spelt_alike, tokens
from ..infra.memo import AnalysisMemo
from ..model import Corpus, Document, Fact, Finding, Identity, Statement
from ..payloads import DiscrepancyData
from . import (
    detector_processes,
    discrepancy_announcements,
    discrepancy_claims,
    discrepancy_corpus_wide,
    discrepancy_headline,
    discrepancy_kept,
    discrepancy_measures,
    discrepancy_observances,
    discrepancy_order,
    discrepancy_timeline,
    normalise,
    register,
)
from .discrepancy_events import compare_event, compare_when, event_links, one_moment, tells_of_event
from .discrepancy_figures import told_by_one, toll_undated
from .discrepancy_scope import place_distances, same_slot_parts
from .discrepancy_timeline import slotted
from .discrepancy_values import Comparison, findings, paired, speakers

#: How alike (difflib ratio of their words) two aligned sentences must be for an in-place swap or a different
#: speaker to count: paraphrases are common ("those responsible must face justice"), one sentence with two names not.
_SAME_WORDING = 0.6
_AGE = "age of "  # the subject of a person's age (people.ages): compared across the corpus, person by person


def _identity(finding: Finding) -> Identity:
    # No documents: a new article that sides with one of the values adds no new disagreement; one with a
    # value of its own changes ``values``.
    data = finding.data
    assert isinstance(data, DiscrepancyData)
    return Identity(
        topic=normalise(data.subject), values=tuple(sorted({v for cls in data.values for v in cls.normalised}))
    )


#: What the detector reads of each statement's text alone, in order: whether it tells of an event (event links),
#: the places it puts one within another (nested places), the actions it asserts or denies (discrepancy_claims)
#: and which corpus-wide readers it may interest (discrepancy_corpus_wide.marks). A per-document step, kept with
#: the rest of each article's analysis, so that no pattern runs over every statement on every run.
Readings = list[tuple[bool, tuple, list[discrepancy_claims.Reading], int]]


def statement_readings(document: Document, statements: list[Statement]) -> Readings:
    marks = discrepancy_corpus_wide.marks
    return [(tells_of_event(s.text), within(s.text), discrepancy_claims.read(s), marks(s.text)) for s in statements]


@register(
    "discrepancy",
    description="sources that give different counts, dates, places, roles or speakers for the same fact",
    needs=("facts", "groups", "translations"),
    payload=DiscrepancyData,
    identity=_identity,
    per_document=statement_readings,
    memo=True,
    rules={
        "discrepancy/count": "Sources give different numbers for the same count (killed, injured, deployed …).",
        "discrepancy/date": "Sources give different dates for the same event.",
        "discrepancy/time": "Sources give different times of day for the same event.",
        "discrepancy/place": "Sources put the same event, or the same village, in different places.",
        "discrepancy/role": "Sources give the same person different offices.",
        "discrepancy/attribution": "Sources attribute the same statement to different people.",
        "discrepancy/headline": "An article's headline gives a figure or an outcome its own body does not bear out.",
        "discrepancy/claim": "One source says an action was done (signed, agreed), another that it was not.",
        "discrepancy/condition": "Sources report one person in critical condition and dead.",
        "discrepancy/agent": "Sources name different killers of the attacker (police, a passer-by), or later none.",
        "discrepancy/declared": "Sources call one declared state by different kinds (emergency, natural disaster).",
        "discrepancy/departure": "Sources say one official resigned and was dismissed.",
        "discrepancy/measure": (
            "Sources give different values for one fixed measure of an event or a place (a quake's magnitude, "
            "a hall's capacity)."
        ),
    },
)
def detect(corpus: Corpus, per_document: dict[str, Readings], memo: AnalysisMemo | None = None) -> Iterable[Finding]:
    # An article and its translation that alone disagree are the translation detector's finding (CS501…), with
    # both sentences aligned: not a second one here.
    translated = {frozenset((pair.original, pair.translation)) for pair in corpus.translations or ()}
    for finding in _findings(corpus, per_document, memo):
        if frozenset(e.doc for e in finding.evidence) not in translated:
            yield finding


def _findings(corpus: Corpus, per_document: dict[str, Readings], memo: AnalysisMemo | None) -> Iterable[Finding]:
    readings = {
        statement.id: own
        for document, statements in corpus.by_document()
        for statement, own in zip(statements, per_document[document.id])
    }
    facts_of: dict[str, list[Fact]] = defaultdict(list)
    for fact in corpus.facts:
        facts_of[fact.statement].append(fact)
    # Copy families as the pipeline's copies stage marked them (compare.stages.copies).
    origin_of = {d.id: d.copy_of or d.id for d in corpus.documents}
    subjects = discrepancy_timeline.slot_subjects(corpus.facts, origin_of)
    timed = discrepancy_timeline.timeline_statements(corpus, facts_of, subjects)
    outlet = lambda doc: corpus.document(doc).outlet  # noqa: E731
    slots = discrepancy_timeline.Slots(corpus, facts_of, timed, subjects, origin_of, outlet)
    days = {d.id: d.date for d in corpus.documents}

    def one_report(a: Statement, b: Statement) -> bool:
        # Counts in the timelines are compared there, unless the pair is one report's: two reports of the
        # same day, counts of an event before the story (which no timeline holds), or reports of which one is
        # undated (which no timeline can order; a toll, which grows, is still left to its timeline: below).
        return not (a.id in timed and b.id in timed) or days[a.doc] == days[b.doc] or not (days[a.doc] and days[b.doc])

    seen_pairs: set[tuple[str, str]] = set()
    aligned: list[discrepancy_kept.AlignedPair] = []
    for group in corpus.groups:
        members = [corpus.statement(s) for s in group.statements]
        for sa, sb in combinations(members, 2):
            if sa.doc == sb.doc:
                continue  # a long article's repeated sentences make groups of hundreds: look each one up once
            a, b = sa.id, sb.id
            seen_pairs.add((a, b) if a < b else (b, a))
            if not facts_of[a] and not facts_of[b]:
                continue  # nothing to compare, and no wording to diff
            aligned.append((sa, sb, f"group {group.id}", one_report(sa, sb)))
    wordings: dict[tuple[str, str], _Wording] = {}  # outlets repeat sentences: each pair of texts is diffed once
    compare = lambda sa, sb, link, same: _compare_aligned(  # noqa: E731
        sa, sb, facts_of[sa.id], facts_of[sb.id], link, wordings, same, subjects
    )
    # Unchanged pairs: kept. Many new ones (a cold run): compared in processes, where the detectors may fork,
    # while this one makes the findings and comparisons that read no aligned pair.
    workers = detector_processes(len(corpus.statements), len(aligned))
    aligned_comparisons = discrepancy_kept.compared_later(aligned, facts_of, subjects, compare, memo, workers)
    yield from discrepancy_timeline.findings(slots)
    yield from discrepancy_announcements.findings(slots)
    yield from discrepancy_headline.findings(corpus, facts_of)
    yield from discrepancy_measures.findings(corpus, facts_of, origin_of, outlet)
    said = discrepancy_corpus_wide.marked(corpus, {statement: own[3] for statement, own in readings.items() if own[3]})
    yield from discrepancy_corpus_wide.findings(corpus, facts_of, said)
    linked: list[Comparison] = []
    eventful = {statement for statement, own in readings.items() if own[0]}
    links = event_links(corpus, facts_of, eventful)
    claimed = {statement: own[2] for statement, own in readings.items() if own[2]}
    yield from discrepancy_claims.findings(corpus, facts_of, seen_pairs | links.keys(), claimed)
    for (a, b), shared in links.items():
        if (a, b) in seen_pairs:
            continue
        pair = corpus.statement(a), corpus.statement(b)
        linked += compare_event(facts_of[a], facts_of[b], shared, one_report(*pair), pair)
    apart = {f: key for s in corpus.statements for f, key in place_distances(s, facts_of[s.id]).items()}
    linked += _compare_corpus_wide(corpus.facts, apart)
    linked += discrepancy_observances.comparisons(corpus, facts_of, said[discrepancy_corpus_wide.OBSERVANCES])
    beside = lambda c: (facts_of[c.a.statement], facts_of[c.b.statement]) if c.link.startswith("group") else ([], [])  # noqa: E731
    comparisons = [c for c in aligned_comparisons() + linked if not toll_undated(c.a, c.b, days, subjects, beside(c))]
    comparisons = same_slot_parts(comparisons, slots.reports)  # a town's count, a destination's: slots of their own
    # A place another statement puts within or beside the other ("Crocus City Hall outside of Moscow") agrees.
    places = {f.value for f in corpus.facts if f.kind == "place"}
    nested = nested_places(corpus.statements, places, [readings[s.id][1] for s in corpus.statements])
    comparisons = [replace(c, agree=True) if _nested(c, nested) else c for c in comparisons]
    # An article that gives both figures of a count (the toll, and further down a part of it) disagrees with no
    # report of the same day (the timelines' rule): days apart, the other figure may be an update it reports.
    told = told_by_one([f for f in corpus.facts if f.kind == "quantity" and f.subject])
    comparisons = [replace(c, agree=True) if _told_the_same_day(c, told, days) else c for c in comparisons]
    # Undated reports the tolls put in order: a count that moved between them is an update (discrepancy_order).
    kept = [c for c in comparisons if not _each_its_own_news(c, days)]
    rest, updates = discrepancy_order.split(corpus, kept, slots.reports, outlet)
    yield from [*updates, *findings(corpus, rest)]


def _told_the_same_day(c: Comparison, told: Callable[[Fact, Fact], bool], days: dict[str, str]) -> bool:
    return c.a.kind == "quantity" and bool(days[c.a.doc]) and days[c.a.doc] == days[c.b.doc] and told(c.a, c.b)


def _nested(c: Comparison, nested: set[frozenset[str]]) -> bool:
    return not c.agree and c.a.kind == c.b.kind == "place" and frozenset((c.a.value, c.b.value)) in nested


# --- linked statement pairs -------------------------------------------------------------------

#: How alike two texts are worded (difflib ratio of their lower-cased words), and the word ranges
#: (i1, i2, j1, j2) one replaced with the other where the ratio reaches _SAME_WORDING.
_Wording = tuple[float, tuple[tuple[int, int, int, int], ...]]


def _wording(a: str, b: str, known: dict[tuple[str, str], _Wording]) -> _Wording:
    if a == b:
        return 1.0, ()  # what difflib says of two equal sequences, without running it
    if (a, b) not in known:
        words_a, words_b = lowered_words(a), lowered_words(b)
        # difflib's ratio counts matched blocks, which never exceed the longest common subsequence: where
        # that bound (rapidfuzz, in C) is already below the bar, difflib would be too, and is not run.
        bound = Indel.normalized_similarity(words_a, words_b)
        if bound < _SAME_WORDING:
            known[(a, b)] = (bound, ())
            return known[(a, b)]
        matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
        ratio = matcher.ratio()
        replaced = (
            tuple((i1, i2, j1, j2) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op == "replace")
            if ratio >= _SAME_WORDING
            else ()
        )
        known[(a, b)] = (ratio, replaced)
    return known[(a, b)]


def _compare_aligned(
    sa: Statement,
    sb: Statement,
    fa: list[Fact],
    fb: list[Fact],
    link: str,
    wordings: dict[tuple[str, str], _Wording],
    same_report: bool,
    subjects: frozenset[str],
) -> list[Comparison]:
    out: list[Comparison] = []
    # An event's measures are compared event by event (discrepancy_measures): aligned sentences may tell two quakes.
    keep_a = [f for f in fa if paired(f) and (same_report or not slotted(f, subjects))]
    keep_b = [f for f in fb if paired(f) and (same_report or not slotted(f, subjects))]
    listed = agreement.listed_subjects(keep_a) | agreement.listed_subjects(keep_b)  # parts, none of them the whole
    for x in keep_a:
        for y in keep_b:
            if x.kind == y.kind == "quantity" and x.subject and x.subject == y.subject and x.subject not in listed:
                out.append(Comparison(x, y, agreement.compatible(x, y), link))
    out = discrepancy_announcements.moments_apart(out)
    ratio, replaced = _wording(sa.text, sb.text, wordings)
    # Clock times of aligned sentences are compared however they are worded ("the meeting began around 6 p.m." /
    # "ended at around 8 pm"): hours apart they are told as moments of one day, not as an error (values.py).
    if one_moment(sa.text, sb.text, fa, fb):
        out += compare_when(fa, fb, "time", link)
    if ratio < _SAME_WORDING:
        # Sentences aligned by meaning but worded apart often tell two events' days ("the quake on Monday",
        # "rescuers on February 12 pulled …"): their dates are compared only through an event link; their speakers
        # only where they give the same figures (one announcement: discrepancy_announcements).
        return out + (speakers(fa, fb, link) if discrepancy_announcements.one_announcement(fa, fb) else [])
    out += compare_when(fa, fb, "date", link)
    if replaced:
        out += _swapped_in_place(
            replaced, (sa, tokens(sa), keep_a), (sb, tokens(sb), keep_b), link, already={(c.a, c.b) for c in out}
        )
    return out + speakers(fa, fb, link)


def _each_its_own_news(c: Comparison, days: dict[str, str]) -> bool:
    """Two dates each within days of their own article's date, in articles weeks apart: two events."""
    if c.agree or c.a.kind != "date":
        return False
    return dates.each_its_own_news(c.a.value, days.get(c.a.doc, ""), c.b.value, days.get(c.b.doc, ""))


def _swapped_in_place(
    replaced: tuple[tuple[int, int, int, int], ...], side_a: tuple, side_b: tuple, link: str, already: set
) -> list[Comparison]:
    """Values that differ where the two sentences are otherwise worded alike."""
    (sa, ta, fa), (sb, tb, fb) = side_a, side_b
    out: list[Comparison] = []
    for i1, i2, j1, j2 in replaced:
        span_a = (ta[i1].start, ta[i2 - 1].end)
        span_b = (tb[j1].start, tb[j2 - 1].end)
        in_a = [f for f in fa if f.start < span_a[1] and span_a[0] < f.end]
        in_b = [f for f in fb if f.start < span_b[1] and span_b[0] < f.end]
        for kind in ("place", "quantity", "date", "time"):
            xs = [f for f in in_a if f.kind == kind]
            ys = [f for f in in_b if f.kind == kind]
            if kind == "place":
                # The new name may be one the corpus never put after "in": it still took a place's slot.
                xs = xs or _names_as_places(sa, ta[i1:i2], ys)
                ys = ys or _names_as_places(sb, tb[j1:j2], xs)
            elif kind == "date":  # "March 10 and 11" → "March 15 and 11": one span, two dates
                xs, ys = (
                    [x for x in xs if not any(dates.compatible(x.value, y.value) for y in ys)],
                    [y for y in ys if not any(dates.compatible(x.value, y.value) for x in xs)],
                )
            if len(xs) != 1 or len(ys) != 1 or (xs[0], ys[0]) in already:
                continue
            x, y = xs[0], ys[0]
            if kind == "place":
                cx, cy = _containment_of(x, fa), _containment_of(y, fb)
                if x.value in COUNTRIES or y.value in COUNTRIES or (cx and cy and same_name(cx.subject, cy.subject)):
                    continue  # a changed municipality is reported once, as a containment conflict
                out.append(Comparison(x, y, spelt_alike(x.value, y.value), link))
            elif kind == "date":
                if dates.comparable(x.value, y.value):
                    out.append(Comparison(x, y, dates.compatible(x.value, y.value), link))
            elif kind == "time":
                out.append(Comparison(x, y, dates.same_time(x.value, y.value), link))
            elif x.subject == y.subject and not (x.subject == "" and _looks_like_year(x, y)):
                out.append(Comparison(x, y, agreement.compatible(x, y), link))
    return out


def _containment_of(fact: Fact, facts: list[Fact]) -> Fact | None:
    return next((f for f in facts if f.kind == "containment" and f.start <= fact.start and fact.end <= f.end), None)


#: A sentence's first word at least this common in English (Zipf) is a word, not a name ("It", "This", "Then").
_OPENER_ZIPF = 4.0


def _names_as_places(statement: Statement, toks: list, other_side: list[Fact]) -> list[Fact]:
    """A capitalised name in a replaced stretch, read as a place when the other side has one there."""
    if len(other_side) != 1:
        return []
    names = [
        t
        for t in toks
        if t.capitalised
        and t.text.isalpha()
        and fold(t.text) not in NOT_PLACES
        # "It was followed by …": the word that opens the sentence is capitalised for grammar, not as a name
        and not (t.start == statement.start and lexicon.is_english(t.text, _OPENER_ZIPF))
    ]
    if not names or len(names) > 3:
        return []
    start, end = names[0].start - statement.start, names[-1].end - statement.start
    return [place_fact(statement, "place", start, end, fold(statement.text[start:end]), "where")]


def _looks_like_year(x: Fact, y: Fact) -> bool:
    return any(f.value.isdigit() and len(f.value) == 4 for f in (x, y))


def _compare_corpus_wide(facts: list[Fact], apart: dict[Fact, str]) -> list[Comparison]:
    """Every pair of containments (roles, ages, a town's distances from another: ``apart``) of different documents
    whose places (people) are one name.

    Only facts whose subjects :func:`same_name_pairs` pairs are compared, not every
    pair of facts in the corpus; pairs come out in the order of the facts.
    """
    out: list[Comparison] = []
    kinds: tuple[tuple[Callable[[Fact], str | None], Callable[[Fact, Fact], bool]], ...] = (
        (lambda f: f.subject if f.kind == "containment" else None, lambda x, y: same_container(x.value, y.value)),
        (lambda f: f.subject if f.kind == "role" else None, lambda x, y: people.compatible_roles(x.value, y.value)),
        (lambda f: f.subject[len(_AGE) :] if f.subject.startswith(_AGE) else None, agreement.compatible),
        (apart.get, agreement.compatible),
    )
    for key_of, agree in kinds:
        own = [f for f in facts if key_of(f) is not None]
        by_subject: dict[str, list[int]] = defaultdict(list)
        for n, f in enumerate(own):
            by_subject[fold(key_of(f) or "")].append(n)
        found: list[tuple[int, int]] = []
        for a, b in same_name_pairs(by_subject):
            pairs = (
                combinations(by_subject[a], 2)
                if a == b
                else ((min(i, j), max(i, j)) for i in by_subject[a] for j in by_subject[b])
            )
            found.extend((i, j) for i, j in pairs if own[i].doc != own[j].doc)
        out += [Comparison(own[i], own[j], agree(own[i], own[j]), "corpus") for i, j in sorted(found)]
    return out
