"""Quantities: what is counted, how many, and how exactly the wording puts it.

"around 30 armed men", "93 soldiers were injured", "one police officer and three
attackers were killed", "1,000 troops", "4.500 police", "more than 90",
"dozens", "Forty-one", "a dozen", "13 percent". Each becomes a fact whose
``subject`` is the counted class and what happened to it ("attackers killed",
"soldiers injured", "soldiers deployed") and whose interval is what the wording
allows, so "about 30" and "at least 30" agree while "93" and "30" do not.

Numbers that count nothing nameable — years, dates, clock times, page counters —
get no subject and are never compared.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence, Set

from ...model import Fact, Statement
from .count_context import (
    at_the_scene,
    breakdown_not_by_class,
    in_a_condition,
    inherit_outcomes,
    is_capacity,
    is_magnitude,
    listed_things,
    parts_take_their_total,
    people_by_doing,
    rescuers,
    shares_of_a_count,
    spread_magnitudes,
)
from .counted import BODIES as _BODIES
from .counted import CLASSES as _CLASSES
from .counted import CLAUSE_END, counted_after_its_verb, lemma, toll_before
from .counted import OUTCOMES as _OUTCOMES
from .numbers import parse_number
from .places import distance_subject
from .shares import counted_subject, decimal_share, rank_subject, share_subject
from .tokens import Token, tokens

#: Words that name a count only vaguely, as the interval they allow.
VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "several": (3, 9),
    "few": (2, 5),
    "handful": (3, 6),
    "tens": (20, 99),
}

#: Qualifier words before a number → how they widen its interval.
_QUALIFIERS = [
    (("at", "least"), "at_least"),
    (("no", "fewer", "than"), "at_least"),
    (("no", "less", "than"), "at_least"),
    (("more", "than"), "more_than"),
    (("over",), "more_than"),
    (("upwards", "of"), "more_than"),
    (("in", "excess", "of"), "more_than"),
    (("above",), "more_than"),
    (("fewer", "than"), "less_than"),
    (("less", "than"), "less_than"),
    (("under",), "less_than"),
    (("up", "to"), "at_most"),
    (("at", "most"), "at_most"),
    (("as", "many", "as"), "at_most"),
    (("about",), "about"),
    (("around",), "about"),
    (("approximately",), "about"),
    (("roughly",), "about"),
    (("some",), "about"),
    (("an", "estimated"), "about"),
    (("estimated",), "about"),
    (("nearly",), "nearly"),
    (("almost",), "nearly"),
    (("close", "to"), "nearly"),
    (("just", "under"), "nearly"),
]

_DISTANCE_UNITS = frozenset({"km", "kilometer", "kilometre", "mile", "mi"})
_ROUNDING = 0.03  # how far a distance may be off its other unit's figure


PEOPLE = frozenset(
    {"police", "soldiers", "attackers", "protesters", "civilians", "people", "serbs", "albanians"}
    | {"children", "students"}
)
_ADJECTIVES_MAX = 3  # "30 heavily armed Serb men"
_OUTCOME_WINDOW = 10
#: A verb's endings: an outcome word so ending just before a count is the count's own verb ("killed 26 people").
_VERB_ENDINGS = ("ing", "ed", "hurt", "slain")
_STOP = frozenset(
    "the a an of in on at to and or by for with from since until as that which than per its their his her among".split()
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
#: Words read as the counted noun for want of one, that cannot be one: "killed 31 has been contained".
_NOT_NOUNS = frozenset(
    "has have had was were is are will would could may might since after before when while suffered sustained".split()
)
#: Nouns a class word describes rather than counts: "a terrorist attack", "two militant groups".
_ATTRIBUTED = frozenset("attack attacks group groups organisation organization cell cells act acts threat plot".split())
#: Verbs between a count and the injuries its people suffered: "over 5,300 suffered injuries".
_SUFFERED = frozenset("suffered sustained received".split())


def interval(value: float, qualifier: str) -> tuple[float, float]:
    if qualifier == "about":
        # "about 30" is 27 to 33; "about 9.05" is 9.05 rounded: a figure given with decimals is near its last one
        decimals = len(f"{value:g}".partition(".")[2])
        slack = 10.0**-decimals / 2 if decimals else max(1.0, round(value * 0.1))
        return value - slack, value + slack
    if qualifier == "at_least":
        return value, math.inf
    if qualifier == "more_than":
        return value + (1 if value == int(value) else 0.01), math.inf
    if qualifier == "less_than":
        return 0.0, value - (1 if value == int(value) else 0.01)
    if qualifier == "at_most":
        return 0.0, value
    if qualifier == "nearly":
        return value * 0.9, value
    return value, value


def _qualifier(toks: Sequence[Token], i: int) -> tuple[str, int]:
    """The qualifier just before ``toks[i]`` and the index where it starts."""
    for words, name in _QUALIFIERS:
        n = len(words)
        if i - n >= 0 and tuple(t.lower for t in toks[i - n : i]) == words:
            return name, i - n
    return "exact", i


def _counted(toks: Sequence[Token], j: int) -> tuple[str, int]:
    """The class of the thing counted by a number ending before ``toks[j]`` and the index of its noun."""
    if _hyphened(toks, j) and not (j + 3 < len(toks) and toks[j + 2].lower == "-" and toks[j + 3].lower == "old"):
        j += 1  # "an 11-point plan", "a 30-member delegation" count points, members ("3-year-old" is an age)
    if (noun := rescuers(toks, j)) >= 0:
        return "rescuers", noun  # "16,400 rescue workers", "1,000 search and rescue volunteers"
    for k in range(j, min(j + _ADJECTIVES_MAX + 1, len(toks))):
        word = toks[k].lower
        if word in CLAUSE_END or word in (",", "and", "or"):
            break  # "two synagogues and police officers": the next noun is another count's
        if (word in _DISTANCE_UNITS or lemma(word) in _DISTANCE_UNITS) and k == j:
            return lemma(word), k  # right after the number: "7.7 quake struck 7 kilometers" counts no km with 7.7
        if word in ("member", "members") and k + 1 < len(toks) and toks[k + 1].lower == "of":
            for m in range(k + 2, min(k + 6, len(toks))):
                if toks[m].lower in _BODIES:
                    return _BODIES[toks[m].lower], m
            return "people", k
        if word == "police" and k + 1 < len(toks) and toks[k + 1].lower in ("officer", "officers", "men"):
            return "police", k + 1
        if word in _CLASSES and not (k + 1 < len(toks) and toks[k + 1].lower in _ATTRIBUTED):
            return ("attackers" if word == "men" and toks[k - 1].lower == "armed" else _CLASSES[word]), k  # armed men
        if word in ("percent", "per", "%") or toks[j - 1].text.endswith("%"):
            return "percent", k
    if j <= len(toks) and toks[j - 1].text.endswith("%"):
        return "percent", j - 1  # at the statement's end too: "Georgian Dream – 52.9%"
    # Any other noun: the first plural in the next few plain words ("9 associated
    # countries", "8 parliamentary observer delegations"), else the first word.
    run: list[int] = []
    for k in range(j, min(j + _ADJECTIVES_MAX, len(toks))):
        word = toks[k].lower
        if word in ("more", "other", "further") and not run:
            continue  # "100 more people", "three other suspects": the noun comes after
        if k == j and toks[k].capitalised and _plain_plural(toks, k + 1):
            continue  # "four Molotov cocktails", "two Kalashnikov rifles": a name that qualifies the noun after it
        if (
            not word.isalpha()
            or word in _NOT_NOUNS
            or word in _STOP
            or word in _MONTHS
            or toks[k].capitalised
            or word in _OUTCOMES
            or len(word) < 3
            or word.endswith("ly")
        ):
            break
        run.append(k)
    if run:
        k = next((k for k in run if toks[k].lower.endswith("s") and not toks[k].lower.endswith("ss")), run[0])
        return lemma(toks[k].lower), k
    return "", j - 1


#: Counted nouns whose ordinal names a toll ("the tenth victim", "the 51st death"); not "the first victim in
#: Tirana", which is one place's.
_TOLL_ORDINALS = frozenset({"victim", "death", "fatality"})


def _plain_plural(toks: Sequence[Token], k: int) -> bool:
    """Whether ``toks[k]`` is a lower-case plural word ("cocktails")."""
    if k >= len(toks) or toks[k].capitalised or not toks[k].text.isalpha():
        return False
    word = toks[k].lower
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word not in _NOT_NOUNS | _STOP


def _hyphened(toks: Sequence[Token], j: int) -> bool:
    """Whether ``toks[j]`` is a hyphen that joins the number before it to the word after it, with no space."""
    return (
        0 < j < len(toks) - 1
        and toks[j].text in ("-", "‐")
        and toks[j].start == toks[j - 1].end
        and toks[j + 1].start == toks[j].end
        and toks[j + 1].text.isalpha()
    )


def outcome_in_clause(
    toks: Sequence[Token],
    noun: int,
    start: int,
    outcome_of: Callable[[str], str | None] = _OUTCOMES.get,
    subordinators: Set[str] = frozenset(),
) -> str:
    """What happened to the people counted from ``toks[start]`` (their noun at ``toks[noun]``), as their clause says;
    ``outcome_of`` reads a word (English's by default, another language's for its statements), and a clause read
    backwards ends at one of ``subordinators`` (English's by default)."""
    subordinators = subordinators or _SUBORDINATORS
    if start and toks[start - 1].lower.endswith(_VERB_ENDINGS) and (before := outcome_of(toks[start - 1].lower)):
        # "killing at least 144 people and injuring around 550", "the quake killed 26 people and injured 650": the
        # verb before the count is its own (not an adjective: "an additional 15,384 people were injured").
        return before
    for k in range(noun + 1, min(noun + 1 + _OUTCOME_WINDOW, len(toks))):
        if toks[k].lower in CLAUSE_END or toks[k].lower == ",":
            break  # "30 gunmen took part, and 90 soldiers were injured": the next clause has its own count
        if found := outcome_of(toks[k].lower):
            return found
    # Backwards further: "a police officer was killed in a firefight near …, as well as three Serbs"; not past a
    # subordinate clause's start ("three were killed when some 30 gunmen stormed …": the 30 were not killed).
    for k in range(start - 1, max(start - 1 - 2 * _OUTCOME_WINDOW, -1), -1):
        if toks[k].lower in CLAUSE_END or toks[k].lower in subordinators:
            break
        if found := outcome_of(toks[k].lower):
            return found
    return ""


def extract(statement: Statement, masked: list[tuple[int, int]]) -> list[Fact]:
    """Quantity facts of ``statement``; spans in ``masked`` (dates, times) are not numbers."""
    toks = tokens(statement)
    facts: list[Fact] = []
    i = segment_start = 0  # a share's holder is named after the figure before it (shares.share_subject)
    while i < len(toks):
        tok = toks[i]
        if masked and any(s <= tok.start < e for s, e in masked):
            i += 1
            continue
        word = tok.lower
        low: float
        high: float
        vague = VAGUE.get(word)
        if vague and not (word == "few" and i and toks[i - 1].lower not in ("a",)):
            low, high, used, ordinal, value_text = vague[0], vague[1], 1, False, word
            qualifier, first = "vague", i - (1 if word in ("few", "handful") and i and toks[i - 1].lower == "a" else 0)
        else:
            parsed = parse_number(toks, i)
            if parsed is None:
                i += 1
                continue
            value, used, ordinal = parsed
            counted_one = _is_counted_article(toks, i) or counted_after_its_verb(toks, i)
            if word in ("a", "an", "one") and used == 1 and not counted_one:
                i += 1
                continue
            qualifier, first = _qualifier(toks, i)
            # "10 or 15", "10 to 15", "between 10 and 15", "10-15"
            high_value = value
            if i + used + 1 < len(toks) and toks[i + used].lower in ("or", "to", "-", "–", "and"):
                nxt = parse_number(toks, i + used + 1)
                if (
                    nxt
                    and nxt[0] > value
                    and (toks[i + used].lower != "and" or (first > 0 and toks[first - 1].lower == "between"))
                ):
                    high_value, used = nxt[0], used + 1 + nxt[1]
            low, high = interval(value, qualifier)
            if high_value != value:
                low, high = value, high_value
            value_text = _format(value) if high_value == value else f"{_format(value)}–{_format(high_value)}"
        end = i + used
        counted, noun = _counted(toks, end)
        if counted == "other" and facts and (said := facts[-1].subject.split()[:1]) and said[0] in PEOPLE:
            counted = said[0]  # "killed 59 people and injured 155 others": the people counted before
        if counted == "percent" and not vague and (decimal := decimal_share(toks[i].text)):
            value = high_value = decimal  # "52.991%": a share's digits after the point are decimals, never thousands
            low, high, value_text = *interval(value, qualifier), _format(value)
        if ordinal and counted in _TOLL_ORDINALS and value >= 2:
            subject = "people killed"  # "became the tenth victim": the toll is now ten
        elif ordinal:
            subject = rank_subject(toks, counted, first, end, segment_start)
        elif counted in _DISTANCE_UNITS:
            preceding = " ".join(t.text for t in toks[max(segment_start, first - 3) : first])
            subject = distance_subject(" ".join(t.text for t in toks[noun + 1 : noun + 14]), preceding)
            converted = first > 1 and toks[first - 1].text == "(" and facts and facts[-1].end == toks[first - 2].end
            if converted and facts[-1].subject.startswith("km"):
                subject = facts[-1].subject  # "a length of 17 km (10.6 miles)": the same distance, converted
            if counted in ("mile", "mi"):
                low, high = low * 1.609, high * 1.609
            # A distance given in another unit is rounded there ("31 miles" for 50 km): allow for the rounding.
            low, high = low * (1 - _ROUNDING), high * (1 + _ROUNDING)
            end = noun + 1  # the unit is part of the value: "50 km", "31 miles"
        elif counted in ("percent",):
            after = next((t.lower for t in toks[noun + 1 : noun + 4] if t.lower not in _STOP), "")
            share = share_subject(toks, first, end, segment_start, ranged=high_value != value)
            subject = f"percent {after}".strip() if share is None else share
        elif counted in PEOPLE or not counted:
            outcome = outcome_in_clause(toks, max(noun, end - 1), first)
            if not counted and outcome and _outcome_follows(toks, end):
                counted = "people"  # a headline's "4 die"; "2,300 were killed"
            elif not counted and (toll := toll_before(toks, first)):
                counted, outcome = "people", toll
            if counted == "people" and not outcome:
                counted = people_by_doing(toks, noun) or counted  # "three people in camouflage opened fire"
            subject = f"{counted} {outcome}".strip() if counted else ""
        elif counted == "victim":  # "fourteen victims": the dead, unless their own verb says otherwise ("were hurt")
            own = outcome_in_clause(toks, noun, first) if _outcome_follows(toks, noun + 1) else ""
            subject = f"people {own or 'killed'}"
        elif toks[noun].lower in _NOT_NOUNS and (toll := toll_before(toks, first)):
            subject = f"people {toll}"  # "the blaze that killed 31 has been contained": no noun counted
        else:
            before = facts[-1].subject if facts else ""
            subject = counted_subject(toks, counted, (noun, first, end), segment_start, before)
        if not vague and not ordinal and high_value == value and is_magnitude(toks, first, end, value):
            subject = "magnitude"  # a quake's size, compared as one event's measure (discrepancy_measures)
        elif not vague and not ordinal and is_capacity(toks, first, end):
            subject = "capacity"  # a venue's seats, compared like a measure
        elif _is_year(toks, i, value_text, counted):
            subject = ""
        elif not vague and value != int(value) and counted not in _DISTANCE_UNITS and counted != "percent":
            subject = ""  # "a 7.6 earthquake": a measure (magnitude, rate), never a count of whole things
        facts.append(count_fact(statement, toks[first], toks[end - 1], value_text, qualifier, subject, (low, high)))
        i = end
        if not ordinal:
            segment_start = end  # "Coalition for Change is in second place with 11.2%": a rank is no figure of its own
    facts = at_the_scene(toks, in_a_condition(toks, shares_of_a_count(toks, inherit_outcomes(toks, facts))))
    facts = parts_take_their_total(breakdown_not_by_class(toks, facts))
    return listed_things(statement, toks, spread_magnitudes(facts))


_SUBORDINATORS = frozenset("when while whereas after before because although though until where".split())
_AUXILIARIES = frozenset("were was are is have has had been being".split())


def _outcome_follows(toks: Sequence[Token], end: int) -> bool:
    """Whether the count is followed by its outcome, perhaps after auxiliaries ("4 die", "2,300 have been killed")."""
    k = end
    while k < len(toks) and k < end + 3 and (toks[k].lower in _AUXILIARIES or toks[k].lower in _SUFFERED):
        k += 1
    return k < len(toks) and toks[k].lower in _OUTCOMES


def _is_counted_article(toks: Sequence[Token], i: int) -> bool:
    """ "a"/"one" counts only before a counted person: "a police officer was killed"."""
    counted, noun = _counted(toks, i + 1)
    if noun > i + 2 and toks[i + 1].lower not in ("member", "police"):
        return False  # "an additional 1,000 troops": the article belongs to another number
    if counted == "people":  # "one person was arrested": a count; "one person familiar with …" is none
        return toks[i].lower == "one" and _outcome_follows(toks, noun + 1)
    return counted in PEOPLE - {"people"} and bool(outcome_in_clause(toks, i + 1, i))


def _is_year(toks: Sequence[Token], i: int, value_text: str, counted: str) -> bool:
    if counted in PEOPLE:
        return False
    return value_text.isdigit() and len(value_text) == 4 and 1800 <= int(value_text) <= 2100


def format_number(value: float) -> str:
    return _format(value)  # a count as digits: 4.0 → "4", 7.5 → "7.5"


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def count_fact(
    statement: Statement, first: Token, last: Token, value_text: str, qualifier: str, subject: str, bounds: tuple
) -> Fact:
    """The quantity fact of ``first`` to ``last``: its value as written ("at least 30"), what it counts, ``bounds``."""
    return Fact(
        kind="quantity",
        statement=statement.id,
        doc=statement.doc,
        start=first.start,
        end=last.end,
        text=statement.text[first.start - statement.start : last.end - statement.start],
        value=value_text if qualifier in ("exact", "vague") else f"{qualifier.replace('_', ' ')} {value_text}",
        subject=subject,
        low=bounds[0],
        high=bounds[1],
    )
