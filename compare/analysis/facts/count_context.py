"""What the words around a count say it is: a quake's magnitude, a venue's capacity, or a part of an earlier count.

Read by :mod:`.quantities` after it has parsed a sentence's numbers: "a 7.8 magnitude
earthquake" is no count of whole things but an event's measure; "133 people died,
including three children" counts children who died.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from ...model import Fact, Statement
from .counted import CLAUSE_END, lemma
from .counted import OUTCOMES as _OUTCOMES
from .tokens import Token


def spread_magnitudes(facts: list[Fact]) -> list[Fact]:
    """A sentence that gives one quake's magnitude gives its other fractional figures of that size in the same unit:
    "the first measuring 7.8 and the second 7.6", "after 7.7 and 7.6 magnitude quakes"."""
    if not any(f.subject == "magnitude" for f in facts):
        return facts
    return [
        replace(f, subject="magnitude") if not f.subject and f.low == f.high and _fractional(f.low) else f
        for f in facts
    ]


def shares_of_a_count(toks: Sequence[Token], facts: list[Fact], of: frozenset[str] = frozenset({"of"})) -> list[Fact]:
    """A count that is a share of another count of the same people, beside it with "of" (``of``: the language's
    words), tells how many of them are in some state, not another toll of them: "three of the four injured",
    "troje od četvero ranjenih", "od četvoro povrijeđenih, troje (su stabilni)". Such a share keeps its figure
    but loses its subject, so it is never compared with the toll; a share naming other people ("of the eight
    killed, seven were girls") keeps its own."""
    at = {f.start: k for k, f in enumerate(facts)}
    index = {t.start: n for n, t in enumerate(toks)}
    shares: set[int] = set()
    for k, whole in enumerate(facts):
        n = index.get(whole.start)
        if n is None or not whole.subject:
            continue
        before = n - 1 if n and toks[n - 1].lower != "the" else n - 2
        if before < 0 or toks[before].lower not in of:
            continue
        # "troje od četvero": the share right before "od"; "od četvoro povrijeđenih, troje": after a comma.
        candidates = [before - 1] if before else []
        comma = next((j for j in range(n + 1, min(n + 5, len(toks))) if toks[j].text == ","), None)
        if comma is not None:
            candidates.append(comma + 1)
        for j in candidates:
            part = at.get(toks[j].start) if 0 <= j < len(toks) else None
            if part is not None and part != k and facts[part].subject == whole.subject:
                shares.add(part)
    return [replace(f, subject="") if k in shares else f for k, f in enumerate(facts)]


#: Words that state wounded people's condition, by what they say: a count they follow counts those in it, not the
#: wounded. A severe condition ("critical", "life-threatening", or "serious" with "condition") is a slot of its own
#: (:data:`CRITICAL`), which the detectors follow as it changes; a good one ("stable", "fine") is only a share of
#: the wounded. The source languages' words are the tables' ``condition`` rows, with the same values.
CONDITIONS = {
    **dict.fromkeys("critical life-threatening intensive".split(), "critical"),
    **dict.fromkeys("serious grave".split(), "severe"),
    **dict.fromkeys("stable fine".split(), "stable"),
    **dict.fromkeys("condition state".split(), "state"),
    "injuries": "harm",
}
#: The subject of a count of people in a severe condition.
CRITICAL = "people critically injured"


def in_a_condition(
    toks: Sequence[Token],
    facts: list[Fact],
    condition: Callable[[str], str | None] = CONDITIONS.get,
    of: frozenset[str] = frozenset({"of"}),
) -> list[Fact]:
    """A count of wounded people whose own words (up to the next count or the clause's end) state their condition
    counts those in it, a share of the wounded, not their toll: "Two pupils wounded in the shooting were in
    critical condition", "one student is perfectly fine", "dvoje je u kritičnom stanju". Such a count loses its
    subject, or where the condition is severe takes :data:`CRITICAL`, as does a count without a subject whose words
    name a severe state ("with three in a critical condition", "15 are in extremely serious condition"). The whole
    a share is taken of keeps it ("three of the four injured are stable"; ``of``: the words before it); a toll never
    becomes one (``condition``: a word's class, as the tables key it: critical, severe, stable, state, harm)."""
    index = {t.start: n for n, t in enumerate(toks)}
    starts = sorted(index[f.start] for f in facts if f.start in index)
    out = []
    for fact in facts:
        n = index.get(fact.start)
        before = n - 2 if n and n >= 2 and toks[n - 1].lower == "the" else (n or 0) - 1
        whole = before >= 0 and toks[before].lower in of
        said = {condition(word) for word in _own_words(toks, n, starts)} - {None} if n is not None else set()
        severe = "critical" in said or {"severe", "state"} <= said
        if fact.subject.endswith(" injured") and not whole and said & {"critical", "stable", "state"}:
            fact = replace(fact, subject=CRITICAL if severe else "")
        elif not fact.subject and not whole and severe and said & {"state", "harm"}:
            fact = replace(fact, subject=CRITICAL)
        out.append(fact)
    return out


def _own_words(toks: Sequence[Token], n: int, starts: list[int]) -> list[str]:
    """The words a count at token ``n`` says of itself: those after it, up to the next count (``starts``: the
    counts' token indices, in order) or the clause's end, lower case."""
    stop = next((m for m in starts if m > n), len(toks))
    stop = next((k for k in range(n + 1, stop) if toks[k].lower in CLAUSE_END), stop)
    return [t.lower for t in toks[n + 1 : stop]]


#: Words that place an outcome where it befell them: "one was arrested on the spot", "two died at the scene".
AT_THE_SCENE = (("on", "the", "spot"), ("at", "the", "scene"), ("on", "the", "scene"))


def at_the_scene(
    toks: Sequence[Token], facts: list[Fact], phrases: Iterable[tuple[str, ...]] = AT_THE_SCENE
) -> list[Fact]:
    """A count whose own words (up to the next count or the clause's end) say the outcome befell them at the scene
    counts those it befell there and then, a part of the toll, not the toll: "one attacker was arrested on the spot"
    (the others later), "two died at the scene" (more in hospital). Such a count keeps its figure but loses its
    subject (``phrases``: the language's words for it, folded)."""
    index = {t.start: n for n, t in enumerate(toks)}
    starts = sorted(index[f.start] for f in facts if f.start in index)
    wanted = [p for p in phrases if p]
    out = []
    for fact in facts:
        n = index.get(fact.start)
        if n is not None and fact.subject.split()[-1:] and fact.subject.split()[-1] in _OUTCOMES.values():
            words = _own_words(toks, n, starts)
            if any(tuple(words[k : k + len(p)]) == p for p in wanted for k in range(len(words) - len(p) + 1)):
                fact = replace(fact, subject="")
        out.append(fact)
    return out


#: Words that make a count part of an earlier one: "133 people died, including three children".
_PART_OF = (("including",), ("among", "them"), ("of", "whom"), ("among", "whom"), ("among", "the", "dead"))
_DEAD_BODIES = frozenset({"body"})  # "84 bodies identified, including those of five children": the dead


def inherit_outcomes(
    toks: Sequence[Token], facts: list[Fact], part_of: Iterable[tuple[str, ...]] = _PART_OF
) -> list[Fact]:
    """A count given as part of an earlier count of the sentence shares what happened to it: "at least 133 people
    had died, including three children" counts children killed; "the hospitalisation of 115 people, including
    five children" does not. ``part_of``: the words that say so (English's by default)."""
    out: list[Fact] = []
    starts = {t.start: n for n, t in enumerate(toks)}
    for fact in facts:
        head = out[-1] if out else None
        n = starts.get(fact.start, 0)
        part = any(
            n >= len(words) + k and tuple(t.lower for t in toks[n - len(words) - k : n - k]) == words
            for words in part_of
            for k in (0, 2)  # "including those of five children"
        )
        counted = fact.subject.split()
        if part and head and len(counted) == 1 and counted[0] not in ("magnitude", "percent"):
            outcome = "killed" if head.subject in _DEAD_BODIES else _own_outcome(head.subject)
            if outcome:
                fact = replace(fact, subject=f"{counted[0]} {outcome}")
        out.append(fact)
    return out


def breakdown_not_by_class(
    toks: Sequence[Token], facts: list[Fact], share_of: Iterable[tuple[str, ...]] = (("of", "them"),)
) -> list[Fact]:
    """Counts that split a toll otherwise than by who was counted: "22 were killed: 21 during the attacks and one
    officer died the next day", "21 of them on the day and one officer later". The parts either sum to a count
    given before them in the sentence or start with a share of an earlier one (``share_of``: the words after it,
    "of them"); where a part names no class of people, the split is by time or place, and a part that names one
    (the officer) is no toll of that class: it loses its subject. A split by class ("17 police and 5 civilians")
    keeps every part's."""
    index = {t.start: n for n, t in enumerate(toks)}
    exact = [f for f in facts if f.low is not None and f.low == f.high and f.start in index]
    for k, head in enumerate(exact):
        after = exact[k + 1 :]
        n = index[head.start]
        shared = any(tuple(t.lower for t in toks[n + 1 : n + 1 + len(w)]) == w for w in share_of)
        if shared:
            parts = exact[k:]
        elif _own_outcome(head.subject):
            parts = _summing_to(head, after)
        else:
            continue
        if len(parts) < 2 or all(_classed(f) for f in parts):
            continue
        dropped = {f.start for f in parts if _classed(f)}
        return [replace(f, subject="") if f.start in dropped else f for f in facts]
    return facts


def parts_take_their_total(facts: list[Fact]) -> list[Fact]:
    """Counts that add up to the count just before them and name nothing of their own count what it counts: "five
    attackers killed — two in Derbent and three in Makhachkala" gives two and three attackers killed, where the
    parts alone read as people killed (or as nothing, in English)."""
    exact = [f for f in facts if f.low is not None and f.low == f.high]
    for k, head in enumerate(exact):
        if not _classed(head):
            continue
        after = exact[k + 1 :]
        bare = {f.start for f in _summing_to(head, after) if f.subject in ("", f"people {_own_outcome(head.subject)}")}
        if bare:
            return [replace(f, subject=head.subject) if f.start in bare else f for f in facts]
    return facts


def _summing_to(head: Fact, after: list[Fact]) -> list[Fact]:
    """The shortest run (two or more) of the counts after ``head`` that adds up to it: its parts; none if none does."""
    total = 0.0
    for m, fact in enumerate(after, start=1):
        total += fact.low or 0
        if m >= 2 and total == head.low:
            return after[:m]
    return []


def _classed(fact: Fact) -> bool:
    """Whether a count names a class of people with what happened to them ("police killed", not "people killed")."""
    return bool(_own_outcome(fact.subject)) and not fact.subject.startswith("people ")


def _own_outcome(subject: str) -> str:
    words = subject.split()
    return words[-1] if len(words) == 2 and words[-1] in _OUTCOMES.values() else ""


def _fractional(value: float | None) -> bool:
    return value is not None and 1 <= value <= 10 and value != int(value)


#: Words that name a quake right after its magnitude ("a 7.8 magnitude earthquake", "a strong 6.7 aftershock").
_QUAKES = frozenset("magnitude quake earthquake tremor aftershock temblor shock".split())
#: Units a translation puts after a magnitude ("7.8 degrees", "7.8 points"): a magnitude where a quake is told of.
_SCALE_CALQUES = frozenset("degrees points".split())


def is_magnitude(toks: Sequence[Token], first: int, end: int, value: float) -> bool:
    """Whether the number is an earthquake's magnitude: "magnitude 7.8", "a magnitude of 7.7", "7.8-magnitude",
    "measuring 7.8", "7.8 on the Richter scale", "put the magnitude of the quake at 7.4"."""
    if not 1 <= value <= 10:
        return False
    after = [t.lower for t in toks[end : end + 4] if t.lower not in ("-", "‐")]
    before = [t.lower for t in toks[max(0, first - 6) : first]]
    if after[:1] and after[0] in _QUAKES or after[:3] == ["on", "the", "richter"]:
        return True
    if before[-1:] == ["magnitude"] or before[-2:] in (["magnitude", "of"], ["magnitudes", "of"]):
        return True
    if before[-1:] == ["at"] and "magnitude" in before:
        return True
    quake_told = any(t.lower in _QUAKES or t.lower[:-1] in _QUAKES for t in toks)
    return quake_told and (before[-1:] == ["measuring"] or (bool(after[:1]) and after[0] in _SCALE_CALQUES))


def is_capacity(toks: Sequence[Token], first: int, end: int) -> bool:
    """Whether the number is a venue's capacity: "a 6,200-seat hall", "a capacity of 7,500", "can accommodate 6,200
    people"."""
    after = [t.lower for t in toks[end : end + 2] if t.lower not in ("-", "‐")]
    before = [t.lower for t in toks[max(0, first - 3) : first]]
    if after[:1] in (["seat"], ["seater"]):
        return True
    return before[-2:] == ["capacity", "of"] or bool(before[-1:]) and before[-1] in ("accommodate", "accommodates")


#: What counted people do that says who they are: "three people in camouflage opened fire" are attackers, "32,071
#: people were involved in search and rescue efforts" rescuers.
_DOINGS = {
    ("opened", "fire"): "attackers",
    ("open", "fire"): "attackers",
    ("opening", "fire"): "attackers",
    ("stormed",): "attackers",
    ("burst", "into"): "attackers",
    ("rescue",): "rescuers",
    ("rescuing",): "rescuers",
    ("providing", "assistance"): "rescuers",
    ("voted",): "voter",  # "2,060,412 people voting": the voters who came, counted like "776,726 voters"
    ("voting",): "voter",
}
_DOING_WINDOW = 6  # words between the counted people and what they do ("three individuals dressed in camouflage")
#: Nouns (with the word before them) that name rescuers: "rescue workers", "search and rescue volunteers".
_RESCUERS = frozenset("rescuers rescuer".split())
_RESCUE_NOUNS = frozenset("workers worker teams team personnel volunteers volunteer crews".split())


def people_by_doing(toks: Sequence[Token], noun: int) -> str:
    """The class of people counted (their noun at ``toks[noun]``) by what their clause says they do, or ""."""
    words: list[str] = []
    for token in toks[noun + 1 : noun + 1 + _DOING_WINDOW + 2]:
        if token.lower in CLAUSE_END or token.lower == ",":
            break
        words.append(token.lower)
    for i in range(min(len(words), _DOING_WINDOW + 1)):
        for doing, who in _DOINGS.items():
            if tuple(words[i : i + len(doing)]) == doing:
                return who
    return ""


def rescuers(toks: Sequence[Token], j: int) -> int:
    """The index of the noun if the words from ``toks[j]`` name rescuers ("rescuers", "rescue workers", "search and
    rescue volunteers"), else -1."""
    words = [t.lower for t in toks[j : j + 4]]
    if words[:1] and words[0] in _RESCUERS:
        return j
    for start in (0, 2):  # "rescue workers", "search and rescue volunteers"
        named = words[start : start + 1] == ["rescue"] and len(words) > start + 1 and words[start + 1] in _RESCUE_NOUNS
        if named and (start == 0 or words[:2] == ["search", "and"]):
            return j + start + 1
    return -1


#: Units and spans of time, which a list never counts as things ("two years, a month").
_UNITS = frozenset("km mile percent year month week day hour minute second time".split())
_LIST_JOINS = frozenset({",", "and"})
#: Words after which a listed thing's phrase has ended: "a synagogue in Derbent".
_PHRASE_ENDS = _LIST_JOINS | CLAUSE_END | frozenset("in on at of near for from with or".split())
_PHRASE_MAX = 3  # "a traffic police post"


def listed_things(statement: Statement, toks: Sequence[Token], facts: list[Fact]) -> list[Fact]:
    """Things a list counts with "a" after a count of things: "two churches, a synagogue and a traffic police post"
    gives one synagogue and one post, so that a report of "two synagogues" disagrees with it. "a" is read as one
    only here, in a list that counts with figures; elsewhere "a synagogue" names one in passing. Each thing is its
    head noun (the last word of its phrase), named as a plural count's noun is (``lemma``)."""
    index = {t.start: n for n, t in enumerate(toks)}
    out = list(facts)
    for fact in facts:
        n = index.get(fact.start)
        if n is None or not fact.subject or " " in fact.subject or fact.subject in _UNITS or fact.low != fact.high:
            continue
        # the list goes on after the count's own noun phrase: "two Orthodox churches, a synagogue and a post"
        k = next((m for m in range(n + 1, min(n + 2 + _PHRASE_MAX, len(toks))) if toks[m].lower in _LIST_JOINS), 0)
        while 0 < k < len(toks) - 2 and toks[k].lower in _LIST_JOINS:
            k += 1 if toks[k].lower == "," and toks[k + 1].lower == "and" else 0
            if toks[k + 1].lower not in ("a", "an"):
                break
            end = k + 2
            while end < min(len(toks), k + 2 + _PHRASE_MAX) and toks[end].lower not in _PHRASE_ENDS:
                if not toks[end].text.isalpha() or toks[end].capitalised:
                    break
                end += 1
            if end == k + 2 or (end < len(toks) and toks[end].lower not in _PHRASE_ENDS):
                break  # no noun, or a phrase that runs on into words no list has ("a church that burned")
            first, head = toks[k + 1], toks[end - 1]
            text = statement.text[first.start - statement.start : head.end - statement.start]
            out.append(replace(fact, start=first.start, end=head.end, text=text, value="1", low=1.0, high=1.0))
            out[-1] = replace(out[-1], subject=lemma(head.lower))
            k = end
    return sorted(out, key=lambda f: f.start)
