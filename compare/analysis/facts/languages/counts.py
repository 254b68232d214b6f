"""Counts in Serbian, Albanian and Russian statements, as the facts English statements give.

"Ubijeno je osmoro dece", "të paktën 51 persona humbën jetën", "более 100 человек пострадали": the number
(:mod:`.numbers`), the qualifier before it ("najmanje", "të paktën", "не менее": the interval English's "at least"
has), a range ("10 do 15"), and what is counted. The counted noun is translated into the English noun it stands
for ("dece" → children, "ushtarë" → soldiers) and the subject is then what the English reader makes of that
noun: a class of :data:`counted.CLASSES` with the outcome its clause gives ("people killed", "soldiers
injured"), else the noun itself ("children", "student"), so that a Serbian and an English report of one count
give one subject and the detectors compare them. A noun the tables do not know gives no subject: it is never
compared, rather than compared as the wrong thing.
"""

from __future__ import annotations

from dataclasses import replace

from ....model import Fact, Statement
from ..count_context import (
    at_the_scene,
    breakdown_not_by_class,
    in_a_condition,
    inherit_outcomes,
    parts_take_their_total,
    shares_of_a_count,
    spread_magnitudes,
)
from ..counted import BODIES, CLASSES, CLAUSE_END
from ..quantities import PEOPLE, VAGUE, count_fact, format_number, interval, lemma, outcome_in_clause
from ..tokens import Token
from .numbers import Figure, figure_at
from .words import Words

#: Tokens after the number within which its noun is looked for: "8 teško povređenih osoba" (eight severely
#: injured persons) puts an adverb and a participle first.
_NOUN_WINDOW = 4
#: Marks of what :func:`_counted` found besides a noun: a percentage, or a word the tables do not know.
_PERCENT, _UNKNOWN = "%", "?"


def extract(statement: Statement, masked: list[tuple[int, int]], words: Words) -> list[Fact]:
    """Quantity facts of ``statement``; spans in ``masked`` (dates, times) are not numbers."""
    toks = words.keyed(statement)
    facts: list[Fact] = []
    i = 0
    while i < len(toks):
        if masked and any(s <= toks[i].start < e for s, e in masked):
            i += 1
            continue
        figure = figure_at(words, toks, i)
        if figure is None:
            i += 1
            continue
        end, first, qualifier = i + figure.used, i, figure.qualifier
        if figure.lone_word and figure.value == 1 and i and words.get("another", toks[i - 1].lower) is not None:
            # "ещё один полицейский скончался", "još jedan policajac": English's "another", one more beyond a count
            # given before, never the toll itself
            i = end
            continue
        low: float
        high: float
        if figure.word:
            (low, high), value_text = VAGUE[figure.word], figure.word
        else:
            if qualifier == "exact" and (before := words.ending_at("qualifier", toks, i)):
                qualifier, first = before
            high_value, end = _range(words, toks, first, end, figure)
            low, high = interval(figure.value, qualifier)
            value_text = format_number(figure.value)
            if high_value != figure.value:
                low, high = figure.value, high_value
                value_text += f"–{format_number(high_value)}"
        subject = _subject(words, toks, first, end, figure)
        if subject is None and figure.lone_word and _before_a_town(words, toks, end):
            subject = _PART  # "jedno u Konjicu, 12 u Jablanici": one of a list's counts, by town
        if subject is not None:
            facts.append(count_fact(statement, toks[first], toks[end - 1], value_text, qualifier, subject, (low, high)))
        i = end
    facts = _parts_of_a_list(toks, facts)
    facts = inherit_outcomes(toks, facts, words.phrases("part_of"))
    facts = shares_of_a_count(toks, facts, words.words("of"))
    facts = in_a_condition(toks, facts, lambda word: words.get("condition", word), words.words("of"))
    facts = at_the_scene(toks, facts, words.phrases("at_the_scene"))
    facts = parts_take_their_total(breakdown_not_by_class(toks, facts, words.phrases("share_of")))
    return spread_magnitudes(facts)


#: The subject of a lone "jedan" before a town until its list's other counts give it theirs (:func:`_parts_of_a_list`).
_PART = "\0part"
#: Tokens from a part to the nearest other count of its list ("15 je osoba iz Jablanice, jedna iz Konjica").
_LIST_REACH = 8


def _before_a_town(words: Words, toks: tuple[Token, ...], end: int) -> bool:
    """Whether a preposition and a capitalised name follow the number: "jedno u Konjicu", "jedna iz Konjica"."""
    return (
        end + 1 < len(toks)
        and toks[end].lower in words.words("function")
        and toks[end + 1].text[:1].isupper()
        and toks[end + 1].text.isalpha()
    )


def _parts_of_a_list(toks: tuple[Token, ...], facts: list[Fact]) -> list[Fact]:
    """A lone "jedan" before a town, in a list of a toll's parts by town ("13 (jedno u Konjicu, 12 u Jablanici)"),
    counts what the list's nearest count counts, as English's "one in Konjic" beside "12 in Jablanica" does; with
    no such count beside it, it is only an article and no count."""
    index = {t.start: n for n, t in enumerate(toks)}
    out = []
    for fact in facts:
        if fact.subject != _PART:
            out.append(fact)
            continue
        near = [
            (abs(index[f.start] - index[fact.start]), f.subject)
            for f in facts
            if f.subject != _PART and " " in f.subject and f.start in index and fact.start in index
        ]
        distance, subject = min(near, default=(_LIST_REACH + 1, ""))
        if distance <= _LIST_REACH:
            out.append(replace(fact, subject=subject))
    return out


def _range(words: Words, toks: tuple[Token, ...], first: int, end: int, figure: Figure) -> tuple[float, int]:
    """The upper end of a range that starts with ``figure`` ("10 do 15", "10-15", "između 10 i 15") and the index
    after it; ``figure``'s own value and ``end`` where there is none."""
    joined = words.starting_at("range", toks, end)
    between = end < len(toks) and toks[end].lower in words.words("joiner") and words.ending_at("between", toks, first)
    if joined is None and between:
        joined = ("", end + 1)
    if joined is None or joined[1] >= len(toks):
        return figure.value, end
    second = figure_at(words, toks, joined[1])
    if second is None or second.word or second.value <= figure.value:
        return figure.value, end
    return second.value, joined[1] + second.used


def _subject(words: Words, toks: tuple[Token, ...], first: int, end: int, figure: Figure) -> str | None:
    """What the number counts, as English's subjects name it; None where it counts nothing at all (a lone "jedan"
    that is no more than an article)."""
    noun, at, outcome = _counted(words, toks, end)
    if figure.qualifier != "vague" and _magnitude(words, toks, first, end, figure.value):
        return "magnitude"  # a quake's size, compared as one event's measure (discrepancy_measures)
    if noun == _PERCENT:
        return ""
    if noun == _UNKNOWN:
        counted = "people" if figure.people else ""  # "petoro mladih": a collective numeral counts people
        if not counted:
            return None if figure.lone_word and figure.value == 1 else ""
    else:
        counted = CLASSES.get(noun) or (lemma(noun) if noun else ("people" if figure.people else ""))
    if counted in PEOPLE or not counted:
        # Forwards up to the next count first, then backwards: these languages may put the verb first ("u vranë 25
        # njerëz dhe mbi 600 u plagosën": the 25 were killed, the 600 injured); past the next count only where
        # neither says (a list of counts before one verb: "një polic dhe tre ushtarë u plagosën").
        next_count = next((k for k in range(end, len(toks)) if figure_at(words, toks, k)), len(toks))
        for clause in (toks[:next_count], toks):
            outcome = outcome or outcome_in_clause(
                clause, max(at, end - 1), first, lambda word: words.get("outcome", word), words.words("subordinator")
            )
        counted = counted or ("people" if outcome else "")
        subject = f"{counted} {outcome}".strip() if counted else ""
    else:
        subject = counted
    if figure.lone_word and figure.value == 1 and not figure.people:
        # "jedan", "një", "один" count only a named person with an outcome, as English's "a"/"one" do ("a police
        # officer was killed"); elsewhere they are the article ("një person", "jedan od njih").
        return subject if counted in PEOPLE - {"people"} and outcome else None
    if figure.value != int(figure.value) or _year(figure, counted):
        return ""  # a measure or a rate, never a count of whole things; a year
    return subject


def _counted(words: Words, toks: tuple[Token, ...], end: int) -> tuple[str, int, str]:
    """What follows a number ending before ``toks[end]``: the English noun it counts ("" where none follows,
    :data:`_PERCENT` or :data:`_UNKNOWN`), the index of that noun, and an outcome said before the noun ("8 teško
    povređenih osoba")."""
    outcome, unknown = "", False
    for k in range(end, min(end + _NOUN_WINDOW, len(toks))):
        word = toks[k].lower
        if word in CLAUSE_END or word == "," or word[:1].isdigit():
            break
        if k == end and (words.get("percent", word) or toks[end - 1].text.endswith("%")):
            return _PERCENT, k, ""
        if noun := words.starting_at("noun", toks, k):
            return noun[0], noun[1] - 1, outcome
        if words.get("member", word) is not None:  # "pripadnika policije", "anëtarë të KFOR-it"
            bodies = (words.get("body", t.lower) for t in toks[k + 1 : k + 5])
            return next((BODIES[b] for b in bodies if b in BODIES), "people"), k, outcome
        if found := words.get("outcome", word):
            outcome = outcome or found
            continue
        if word in words.words("function") or not toks[k].text[:1].isalpha():
            break
        unknown = True  # an adjective or an adverb before the noun, or a noun the tables do not know
    if unknown and not outcome:
        return _UNKNOWN, end, ""
    return "", end - 1, outcome


def _magnitude(words: Words, toks: tuple[Token, ...], first: int, end: int, value: float) -> bool:
    """Whether the number is an earthquake's magnitude: "6,4 stepena", "jačine 6,4", "magnitudë 6.4", "6,4 балла",
    "магнитудой 6,4" (a word of the tables' magnitude kind right after it or right before it)."""
    if not 1 <= value <= 10:
        return False
    after = [t.lower for t in toks[end : end + 2] if t.lower not in ("-", "‐")][:1]
    before = [t.lower for t in toks[max(0, first - 2) : first]]
    if before[-1:] and before[-1] in words.words("function"):
        before = before[:-1]  # "jačine od 6,4", "me magnitudë prej 6.4"
    return any(words.get("magnitude", w) is not None for w in after + before[-1:])


def _year(figure: Figure, counted: str) -> bool:
    return counted not in PEOPLE and figure.value == int(figure.value) and 1800 <= figure.value <= 2100
