"""Where a place lies within its country, and how many people live there: compared across the corpus.

"North Macedonia's eastern town of X", "X, a town in the east of the country", "qytetin lindor ..., X" and
"istočni grad X" put X in one part of its country; "a town of 30,000 people", "X, with a population of 20,000"
and "grad od 20.000 stanovnika" give its size. Such words come in passing, in sentences that agree on nothing
else, so they are read from every statement and tied to the place named beside them (a place the corpus's place
facts know, not the country the phrase itself names). A direction is a set of compass points: "south-eastern"
agrees with "eastern" and with "southern", "eastern" and "southern" disagree. A population is an interval, ten
per cent either side of an approximate figure and five of a plain one (censuses and roundings differ that much).

A direction relative to another place ("100 km east of Skopje", "north of the capital") says where the place
lies from that one, not within its country: it is not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.facts.places import COUNTRIES
from ..analysis.facts.tokens import fold, spelt_alike
from ..analysis.letters import search_form
from ..model import Corpus, Fact, Finding, Statement
from . import discrepancy_traits
from .discrepancy_traits import Said
from .discrepancy_values import most_common

# Compass points as the corpus languages write them, each stem with its points: the adjective ("eastern",
# "istočni", "lindor", "восточный") and the noun ("the east", "istok", "lindje", "восток").
_POINTS = {
    "N": r"north|sjever|sever|север|сјевер|veri",
    "S": r"south|jug|југ|юг",
    "E": r"east|isto[čc]|исто[чк]|восто[чк]|lind",
    "W": r"west|zapad|запад|perëndim|perendim",
}
_EN_ADJ = r"(?:north|south)-?(?:east|west)ern|northern|southern|eastern|western"
_SH_ADJ = (
    r"(?:jugo|југо|юго-|sjevero|severo|сјеверо|северо-?)?(?:isto[čc]n|zapadn|исто[чк]н|западн|восточн)\w{0,3}"
    r"|(?:sjevern|severn|ju[žz]n|северн|сјеверн|јужн|южн)\w{0,3}"
)
_SQ_ADJ = r"(?:jug|veri)?(?:lindor|perëndimor|perendimor)e?|verior[e]?|jugor[e]?"
_ADJ = rf"(?:{_EN_ADJ}|{_SH_ADJ})"
#: Nouns of a settlement or an area within a country, in the corpus languages.
_PLACE_NOUN = (
    r"(?:town|city|village|municipality|region|province|district|county|port|resort|settlement"
    r"|grad\w{0,3}|gradi[ćc]\w{0,2}|mjest\w{0,2}|mest\w{0,2}|sel\w{0,2}|op[šs]tin\w{0,2}|op[ćc]in\w{0,2}|regij\w{0,2}"
    r"|pokrajin\w{0,2}|град\w{0,3}|мјест\w{0,2}|мест\w{0,2}|сел\w{0,2}|општин\w{0,2}|регион\w{0,2}|област\w{0,2}"
    r"|город\w{0,2}|пос[её]л\w{0,3})"
)
_SQ_NOUN = r"(?:qytet|fshat|komun|rajon|krahin|qark)\w{0,3}"
_NAME = r"(?-i:[A-ZČĆŠŽĐА-ЯЁЉЊЂЋЏЈ][\w'’-]*)"
#: "the eastern town of X", "eastern North Macedonian town of X", "istočni grad X", "восточный город X": the place
#: named after the noun (else beside the phrase).
_BEFORE_NOUN = re.compile(
    rf"\b(?P<dir>{_ADJ})\s+(?P<names>(?:{_NAME}\s+){{0,3}}){_PLACE_NOUN}\b(?:\s+of\s+(?P<of>{_NAME}(?:\s+{_NAME})?))?",
    re.IGNORECASE,
)
_AFTER_NOUN = re.compile(rf"\b{_SQ_NOUN}\s+(?P<dir>{_SQ_ADJ})\b", re.IGNORECASE)
#: "in the east of the country", "in eastern North Macedonia", "u istočnom dijelu zemlje", "na istoku Makedonije",
#: "në lindje të vendit", "на востоке страны": the place named just before.
_IN_THE = r"(?:north|south)?-?(?:north|south|east|west)(?:ern\s+part)?"
_ON_THE = r"(?:istoku|zapadu|jugu|sjeveru|severu|истоку|западу|југу|северу|востоке|западе|юге|севере)"
_SQ_WITHIN = r"(?:jug|veri)?(?:lindje|perëndim)|veri|jug|lindore|perëndimore|veriore|jugore"
_WITHIN = re.compile(
    rf"\bin\s+the\s+(?P<dir>{_IN_THE})\s+of\s+(?P<of>the\s+country|{_NAME}(?:\s+{_NAME})?)"
    rf"|\bin\s+(?P<dir2>{_EN_ADJ})\s+(?P<of2>{_NAME}(?:\s+{_NAME})?)"
    rf"|\b(?:na|на)\s+(?P<dir3>(?:jugo|sjevero|severo|југо|северо|юго-|северо-)?{_ON_THE})\s+(?P<of3>\w+)"
    rf"|\bu\s+(?P<dir4>{_SH_ADJ})\s+(?:dijelu|delu|dijel\w*)\s+(?P<of4>\w+)"
    rf"|\bnë\s+(?:pjesën\s+)?(?P<dir5>{_SQ_WITHIN})\s+(?:të|e)\s+(?P<of5>\w+)",
    re.IGNORECASE,
)
#: The stems of the compass words of _ADJ, _SQ_ADJ, _IN_THE, _ON_THE and _SQ_WITHIN, one of which every match of
#: _BEFORE_NOUN, _AFTER_NOUN and _WITHIN holds: a cheap first test for mentions(), in search_form(text).
_DIRECTION_STEMS = re.compile(
    r"north|south|east|west|isto|zapad|исто|запад|восто|sjever|sever|ju[žz]|север|сјевер|јуж|юж|југ|юг|lind"
    r"|perëndim|perendim|veri|jug"
)
#: Words for "the country" after "in the east of": the place before is within the country the story is about.
_THE_COUNTRY = frozenset("zemlje države drzave vendit shtetit страны земље државе".split())
#: Stems of the region's country names in the corpus languages, which COUNTRIES (English) does not hold.
_COUNTRY_STEMS = (
    "makedon", "macedon", "maqedon", "македон", "srbij", "србиј", "serbi", "kosov", "косов", "bosn", "босн", "hrvat",
    "хрват", "shqip", "albani", "turk", "türk", "турц", "росси", "rusij", "русиј", "crne gor", "црне гор", "mal te zi",
)  # fmt: skip

_QUALIFIED = (
    r"(?:just\s+|only\s+|about\s+|around\s+|approximately\s+|some\s+|roughly\s+|nearly\s+|almost\s+|over\s+"
    r"|more\s+than\s+|oko\s+|blizu\s+|preko\s+|više\s+od\s+|око\s+|rreth\s+|mbi\s+|около\s+|почти\s+|более\s+)?"
)
_FIGURE = r"\d{1,3}(?:[.,\s]\d{3})+|\d+(?:[.,]\d+)?"
_SCALE = r"(?:\s+(?:million|thousand|miliona|milion|hiljada|tisuća|хиљада|mijë|milion[ëe]?|тыс(?:яч)?\.?|миллион\w*))?"
#: "a town of 30,000 people", "a population of 20,000", "grad od 20.000 stanovnika", "me rreth 30 mijë banorë",
#: "население около 30 тысяч": a place's population (not a count of people somewhere: "700 banorë" in tents).
_DWELLERS = r"people|inhabitants|residents|stanovnika|становника|žitelja|житеља|жителей|человек"
_POPULATION = re.compile(
    rf"\b(?:{_PLACE_NOUN}|country|nation|island)\s+(?:of|od|sa|s|with)\s+(?P<q>{_QUALIFIED})(?P<n>{_FIGURE}{_SCALE})"
    rf"\s+(?:{_DWELLERS})\b"
    rf"|\bpopulation\s+(?:of\s+|is\s+)?(?P<q2>{_QUALIFIED})(?P<n2>{_FIGURE}{_SCALE})"
    rf"|\b(?:me|ka)\s+(?P<q3>{_QUALIFIED})(?P<n3>{_FIGURE}{_SCALE})\s+banor\w*"
    rf"|\b(?:{_SQ_NOUN})\s+(?:me\s+)?(?:popullsi\w*\s+)?(?:prej\s+)?(?P<q4>{_QUALIFIED})(?P<n4>{_FIGURE}{_SCALE})\s+banor\w*"
    rf"|\bнаселени\w+\s+(?P<q5>{_QUALIFIED})(?P<n5>{_FIGURE}{_SCALE})",
    re.IGNORECASE,
)
_WORDS_AWAY = 8  # words between a phrase and the place it is said of, at most
DIRECTION, POPULATION = "compass direction", "population"


#: Every alternative of _POPULATION holds one of these words (and a figure): a cheap first test, in search_form(text).
_POPULATION_WORDS = re.compile(rf"{_DWELLERS}|population|banor|населени")


def mentions(text: str) -> bool:
    """Whether a statement may say where a place lies within its country, or how many live there."""
    return _DIRECTION_STEMS.search(search_form(text)) is not None and bool(
        _BEFORE_NOUN.search(text) or _AFTER_NOUN.search(text) or _WITHIN.search(text)
    )


def mentions_population(text: str) -> bool:
    return _POPULATION_WORDS.search(search_form(text)) is not None and _POPULATION.search(text) is not None


def findings(
    corpus: Corpus,
    facts_of: dict[str, list[Fact]],
    directions: Iterable[Statement] | None = None,
    populations: Iterable[Statement] | None = None,
) -> Iterable[Finding]:
    """``directions``, ``populations``: the statements :func:`mentions` and :func:`mentions_population` pass,
    where known (else every statement is looked at)."""
    said = [s for st in (corpus.statements if directions is None else directions) for s in _directions(st, facts_of)]
    yield from discrepancy_traits.findings(
        corpus, _one_name(said), _same_points, "place", lambda p: f"where {p.title()} lies within its country",
        lambda cls: " / ".join(dict.fromkeys(_label(s.fact.value) for s in cls)),
    )  # fmt: skip
    sized = [s for st in (corpus.statements if populations is None else populations) for s in _sizes(st, facts_of)]
    yield from discrepancy_traits.findings(
        corpus, _one_name(sized), _overlap, "count", lambda p: f"the population of {p.title()}",
        lambda cls: most_common(s.fact.value for s in cls),
    )  # fmt: skip


def _directions(statement: Statement, facts_of: dict[str, list[Fact]]) -> list[Said]:
    text, out = statement.text, []
    places = [f for f in facts_of.get(statement.id, []) if f.kind == "place" and not _country(f.value)]
    for m in [*_BEFORE_NOUN.finditer(text), *_AFTER_NOUN.finditer(text), *_WITHIN.finditer(text)]:
        groups = {k: v for k, v in m.groupdict().items() if v}
        key, word = next((k, v) for k, v in groups.items() if k.startswith("dir"))
        of = next((v for k, v in groups.items() if k.startswith("of")), "")
        points = frozenset(p for p, stem in _POINTS.items() if re.search(stem, word, re.IGNORECASE))
        if not points:
            continue
        if word[0].isupper() and m.start(key) > 0:
            continue  # "in Northern Macedonia", "Western Balkans": a name, not a direction
        if m.re is _WITHIN and not (_country(fold(of)) or of.lower() in _THE_COUNTRY or of.lower() == "the country"):
            continue  # "in the east of Skopje": from a city, not within the country
        if m.re is _BEFORE_NOUN and (named := _named(of or groups.get("names", ""))):
            out.append(Said(_direction(statement, m, points), named))  # "the eastern town of X", "eastern X Province"
            continue
        if m.re is _BEFORE_NOUN and of:
            continue  # "the southern region of Puglia", a name the corpus does not know as a place
        if (where := _place(statement, places, m, before_only=m.re is _WITHIN)) is not None:
            out.append(Said(_direction(statement, m, points), where.value))
    return out


def _direction(statement: Statement, m: re.Match, points: frozenset[str]) -> Fact:
    start, end = statement.start + m.start(), statement.start + m.end()
    return Fact("place", statement.id, statement.doc, start, end, m.group(), "".join(sorted(points)), DIRECTION)


def _named(names: str) -> str:
    """The place a phrase names itself ("town of Kocani", "eastern Erzincan Province"), folded; not a country's
    adjective ("the eastern North Macedonian town")."""
    names = names.strip()
    if not names or re.search(r"(?:ian|ese|ish|ic)$", names) or _country(names):
        return ""
    return fold(names)


def _sizes(statement: Statement, facts_of: dict[str, list[Fact]]) -> list[Said]:
    out = []
    places = [f for f in facts_of.get(statement.id, []) if f.kind == "place"]
    for m in _POPULATION.finditer(statement.text):
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        figure = _number(next(v for k, v in groups.items() if k.startswith("n")))
        # "just 30,000" stresses the figure; "about 30,000" widens it
        qualified = next((v for k, v in groups.items() if k.startswith("q")), "").strip() not in ("", "just", "only")
        where = _place(statement, places, m, before_only=True)
        if figure is None or where is None:
            continue
        slack = 0.1 if qualified else 0.05
        value = f"{'about ' if qualified else ''}{figure:,.0f}"
        fact = Fact(
            "quantity", statement.id, statement.doc, statement.start + m.start(), statement.start + m.end(),
            m.group(), value, POPULATION, figure * (1 - slack), figure * (1 + slack),
        )  # fmt: skip
        out.append(Said(fact, where.value))
    return out


def _place(statement: Statement, places: list[Fact], m: re.Match, before_only: bool) -> Fact | None:
    """The place a phrase is said of: the nearest before it (or after it, unless ``before_only``), a few words away
    at most; none inside the phrase."""
    start, end = statement.start + m.start(), statement.start + m.end()

    def words(a: int, b: int) -> int:
        return len(statement.text[a - statement.start : b - statement.start].split())

    outside = [p for p in places if p.end <= start or p.start >= end]
    near = [(words(p.end, start), p) for p in outside if p.end <= start]
    if not before_only:
        near += [(words(end, p.start), p) for p in outside if p.start >= end]
    near = [(n, p) for n, p in near if n <= _WORDS_AWAY]
    return min(near, key=lambda x: x[0])[1] if near else None


def _country(value: str) -> bool:
    words = fold(value).split()
    return any(w in COUNTRIES for w in words) or any(stem in fold(value) for stem in map(fold, _COUNTRY_STEMS))


def _one_name(said: list[Said]) -> list[Said]:
    """``said`` with each place under one spelling of its name ("kocani", "kochani")."""
    names: list[str] = []
    out = []
    for s in said:
        name = next((n for n in names if spelt_alike(n, s.of)), None)
        if name is None:
            names.append(name := s.of)
        out.append(Said(s.fact, name, s.part))
    return out


def _same_points(a: Fact, b: Fact) -> bool:
    return bool(set(a.value) & set(b.value))


def _overlap(a: Fact, b: Fact) -> bool:
    assert a.low is not None and a.high is not None and b.low is not None and b.high is not None
    return a.low <= b.high and b.low <= a.high


_NAMES = {"N": "north", "S": "south", "E": "east", "W": "west"}


def _label(points: str) -> str:
    """ "ES" → "south-east": a direction's points as one word."""
    ordered = sorted(points, key="NSEW".index)
    return "-".join(_NAMES[p] for p in ordered)


_MULTIPLIERS = (
    ("mil", 1e6), ("милл", 1e6), ("thousand", 1e3), ("hiljad", 1e3), ("tisu", 1e3), ("хиљад", 1e3), ("mij", 1e3),
    ("тыс", 1e3),
)  # fmt: skip


def _number(text: str) -> float | None:
    """ "30,000", "20.000", "15000", "1.8 million", "30 mijë": the figure."""
    text = text.strip()
    if re.fullmatch(r"\d{1,3}(?:[.,\s]\d{3})+", text):
        return float(re.sub(r"[.,\s]", "", text))
    figure, _, scale = text.partition(" ")
    multiplier = next((v for stem, v in _MULTIPLIERS if scale.lower().startswith(stem)), 1.0)
    if multiplier > 1:
        figure = figure.replace(",", ".")
    try:
        return float(figure) * multiplier
    except ValueError:
        return None
