"""How long a declared mourning lasts, and the range of the victims' ages: compared across the corpus.

"seven days of mourning", "a seven-day national mourning period", "trodnevna žalost", "tri dana žalosti", "zi
kombëtare tri ditore" and "трёхдневный траур" give the length of one declared observance; "aged between 14 and
24", "u dobi od 14 do 25 godina" and "mes 14 dhe 25 vjeç" the youngest and the oldest of a group. Both come in
sentences too far apart to align, in every corpus language, so they are read from every statement.

A length is read only where its figure is tied to the observance word ("N days of mourning", "N-day mourning",
"mourning ... for N days"); a lone "a day of mourning" names a day more often than a length. An age range is the
group's the sentence names: the dead, the injured, or both together ("those killed and injured"); ranges of one
group disagree where either end differs. A range said of most of a group ("the majority of the victims were aged
14 to 24") against the whole group's is a difference of scope.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.letters import search_form
from ..model import Corpus, Fact, Finding, Statement
from . import discrepancy_traits
from .discrepancy_traits import Said

#: Numbers in words, 1-10, in the corpus languages, and the prefixes of compounds ("trodnevna", "трёхдневный").
_WORDS = {
    1: "one|jedan|jedna|jedno|një|один|одна|jednodnevn|однодневн|једнодневн",
    2: "two|dva|dvije|dve|dy|два|две|dvodnevn|двухдневн|дводневн",
    3: "three|tri|tre|три|trodnevn|тродневн|тр[её]хдневн",
    4: "four|četiri|cetiri|katër|kater|четыре|четири|četvorodnevn|četverodnevn|четырехдневн|четвородневн",
    5: "five|pet|pesë|pese|пять|пет|petodnevn|пятидневн|петодневн",
    6: "six|šest|sest|gjashtë|шесть|шест",
    7: "seven|sedam|shtatë|shtate|семь|седам|sedmodnevn|седмодневн|семидневн",
    8: "eight|osam|tetë|восемь|осам",
    9: "nine|devet|nëntë|девять|девет",
    10: "ten|deset|dhjetë|десять|десет|desetodnevn|десетодневн",
}
_ALL = [w for words in _WORDS.values() for w in words.split("|")]
_NUMBER = r"\d{1,2}|" + "|".join(w for w in _ALL if not re.search("dnevn|дневн", w))
_COMPOUND = "|".join(w for w in _ALL if re.search("dnevn|дневн", w))
_MOURNING = r"(?:mourning|žalost\w*|zalost\w*|жалост\w*|траур\w*|zie|zi(?=\s+kombëtare))"  # not "Mal të Zi"
#: "seven days of (national) mourning", "a seven-day national mourning period", "trodnevna žalost", "tri dana
#: žalosti", "zi kombëtare tri ditore", "tri ditë zie", "трёхдневный траур", "mourning has been declared for seven
#: days".
_LENGTH = re.compile(
    rf"\b(?P<n>{_NUMBER})[\s-]+(?:days?|dana|дана|дня|дней|ditë|dite)\s+(?:of\s+)?(?:\w+\s+){{0,2}}?{_MOURNING}\b"
    rf"|\b(?P<n2>{_NUMBER})-day\s+(?:\w+\s+){{0,2}}?mourning\b"
    rf"|\b(?P<n3>{_COMPOUND})\w*\s+(?:\w+\s+)?{_MOURNING}\b"
    rf"|\b{_MOURNING}\s+(?:\w+\s+){{0,2}}?(?P<n4>{_NUMBER})[\s-]?ditor\w*"
    rf"|\bmourning\s+(?:\w+\s+){{0,4}}?for\s+(?P<n5>{_NUMBER})\s+days\b",
    re.IGNORECASE,
)
#: The group whose ages a sentence gives.
_DEAD = re.compile(
    r"\b(?:killed|dead|died|deaths?|victims?|lives|poginul\w*|stradal\w*|preminul\w*|umrl\w*|žrtv\w*|zrtv\w*"
    r"|погинул\w*|страдал\w*|жртв\w*|viktim\w*|vdiq|vdekur\w*|humb\w+\s+jetën|погиб\w*|жертв\w*|умер\w*)\b",
    re.IGNORECASE,
)
_INJURED = re.compile(
    r"\b(?:injured|wounded|hurt|povrijeđen\w*|povređen\w*|ozlijeđen\w*|ranjen\w*|повређен\w*|рањен\w*"
    r"|plagos\w*|lënduar\w*|ранен\w*|пострадавш\w*)\b",
    re.IGNORECASE,
)
#: "aged between 14 and 24", "between 14 and 25 years old", "u dobi od 14 do 25 godina", "od 14 do 25 godina",
#: "mes 14 dhe 25 vjeç", "nga 14 deri në 25 vjeç", "в возрасте от 14 до 25 лет".
_RANGE = re.compile(
    r"\b(?:aged|ages?)\s+(?:between\s+(?P<a>\d{1,2})\s+and|from\s+(?P<a1>\d{1,2})\s+to|(?P<a5>\d{1,2})\s*(?:to|-|–))"
    r"\s*(?P<b>\d{1,2})\b"
    r"|\b(?:between\s+(?P<a2>\d{1,2})\s+and|(?P<a6>\d{1,2})\s*(?:to|-|–))\s*(?P<b2>\d{1,2})[\s-]+years?[\s-]+old\b"
    r"|\b(?:od|от)\s+(?P<a3>\d{1,2})\s+(?:do|до)\s+(?P<b3>\d{1,2})\s+(?:godin\w*|годин\w*|лет|года)\b"
    r"|\b(?:mes|nga)\s+(?P<a4>\d{1,2})\s+(?:dhe|deri\s+në|deri)\s+(?P<b4>\d{1,2})\s+vje[çc]\w*",
    re.IGNORECASE,
)
#: Words that give a range for a part of the group only.
_PART = re.compile(
    r"\b(?:most|mostly|majority|many|većin\w*|vecin\w*|uglavnom|већин\w*|углавном|shumica|shumicën|kryesisht"
    r"|большинств\w*|в\s+основном)\b",
    re.IGNORECASE,
)
LENGTH, AGES = "length of the mourning", "age range"


#: Cheap first tests for mentions(), in search_form(text): every alternative of _LENGTH holds a word of mourning
#: (_MOURNING's), every one of _RANGE one of these words; most statements hold neither, and the long patterns,
#: tried at every place of the text, are then not run.
_MOURNING_WORDS = re.compile(r"mourning|žalost|zalost|жалост|траур|zie|zi\s+kombëtare")
_RANGE_WORDS = re.compile(r"age|year|godin|годин|лет|года|vje")


def mentions(text: str) -> bool:
    """Whether a statement may give an observance's length or a group's ages."""
    lowered = search_form(text)
    return bool(_MOURNING_WORDS.search(lowered) and _LENGTH.search(text)) or bool(
        _RANGE_WORDS.search(lowered) and _RANGE.search(text)
    )


def findings(corpus: Corpus, statements: Iterable[Statement] | None = None) -> Iterable[Finding]:
    """``statements``: those :func:`mentions` passes, where known (else every statement is looked at)."""
    statements = list(corpus.statements if statements is None else statements)
    lengths = [s for st in statements for s in _lengths(st)]
    yield from discrepancy_traits.findings(
        corpus, lengths, lambda a, b: a.value == b.value, "count", lambda _: "how long the mourning lasts",
        lambda cls: f"{cls[0].fact.value} days",
    )  # fmt: skip
    ranges = [s for st in statements for s in _ranges(st)]
    yield from discrepancy_traits.findings(
        corpus, ranges, lambda a, b: a.value == b.value, "count", lambda group: f"the ages of {group}",
        lambda cls: cls[0].fact.value,
    )  # fmt: skip


def _lengths(statement: Statement) -> list[Said]:
    out = []
    for m in _LENGTH.finditer(statement.text):
        word = next(v for k, v in m.groupdict().items() if v)
        days = _number(word)
        if days is not None:
            out.append(Said(_fact(statement, m, str(days), LENGTH), "mourning"))
    return out


def _ranges(statement: Statement) -> list[Said]:
    text, out = statement.text, []
    for m in _RANGE.finditer(text):
        # The group named before the range ("those killed ... are between 14 and 25"), else after it.
        group = _group(text[: m.start()]) or _group(text[m.end() :])
        if not group:
            continue
        a, b = (int(v) for v in m.groupdict().values() if v)
        if a < b:
            # "most" said just before the range (", most aged between"), or of the group ("the majority of victims")
            part = _PART.search(text[max(0, m.start() - 40) : m.start()]) is not None
            out.append(Said(_fact(statement, m, f"{a}–{b}", AGES), group, part))
    return out


def _group(text: str) -> str:
    dead, injured = _DEAD.search(text) is not None, _INJURED.search(text) is not None
    return "the dead and injured" if dead and injured else "the dead" if dead else "the injured" if injured else ""


def _fact(statement: Statement, m: re.Match, value: str, subject: str) -> Fact:
    start, end = statement.start + m.start(), statement.start + m.end()
    return Fact("quantity", statement.id, statement.doc, start, end, m.group(), value, subject)


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    low = word.lower()
    return next((n for n, words in _WORDS.items() if re.match(rf"(?:{words})$", low)), None)
