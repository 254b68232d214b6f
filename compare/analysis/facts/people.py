"""People's roles ("Kosovo Prime Minister Albin Kurti") and who said what.

A ``role`` fact's subject is the person (folded surname: "kurti"), its value
the title with the body it is held in where the text says so ("prime minister
of kosovo"). An ``attribution`` fact names the speaker of a statement: the
person after or before a quotation ("…,” Stoltenberg said"), or the subject of a
reporting verb ("Stoltenberg said that …", "according to Osmani"). A quotation
that runs over several sentences gives its speaker to each of them. Pronouns and
unnamed officials ("he added", "the official said") are kept with an empty value:
they say someone spoke, not who, so they never conflict with a name.
"""

from __future__ import annotations

import bisect
import re

from ...model import Document, Fact, Statement
from .. import lexicon
from ..letters import LOWER, UPPER
from .tokens import fold

#: How a role's value says it is past: "former prime minister of kosovo".
FORMER = "former "
_UPPER = UPPER
_LOWER = LOWER
_PERSON = rf"[{_UPPER}][{_LOWER}’'-]+(?:\s+[{_UPPER}][{_LOWER}’'-]+){{0,2}}(?![\w’'])"
_TITLES = (
    r"Prime Minister|Deputy Prime Minister|President|Vice[- ]President|Secretary[- ]General|Speaker|"
    r"Foreign Minister|Defen[cs]e Minister|Interior Minister|Minister|Commander|Ambassador|Chancellor|Mayor|"
    r"Spokes(?:person|man|woman)|Director|Chairman|Chairwoman|Envoy|Rapporteur|Patriarch|King|Queen|"
    r"High Representative|Commissioner"
)
_RANKS = (
    r"(?:(?:Major|Lieutenant|Brigadier)\s+General\s+|General\s+|Colonel\s+"
    r"|Dr\.?\s+|Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+|Lord\s+)?"
)
#: Words before a title that say which body the title is held in.
_AFFILIATIONS = {
    "kosovo": "kosovo",
    "kosovar": "kosovo",
    "serbian": "serbia",
    "serbia": "serbia",
    "nato": "nato",
    "kfor": "kfor",
    "eu": "eu",
    "european union": "eu",
    "albanian": "albania",
    "albania": "albania",
    "russian": "russia",
    "us": "united states",
    "american": "united states",
    "u.s.": "united states",
    "croatian": "croatia",
    "bosnian": "bosnia",
    "montenegrin": "montenegro",
    "german": "germany",
    "french": "france",
    "british": "united kingdom",
    "alliance": "nato",
    "un": "un",
    "eulex": "eulex",
}
_NOT_AFF = r"(?!(?:Prime|Deputy|Vice|Foreign|Defen[cs]e|Interior|Secretary|Major|Lieutenant|The)\b)"
_BODY_OF = r"(?:(?:Republic|Parliament|Government|Assembly|State)\s+of\s+(?:the\s+)?)?"
#: What a title is for: "High Representative for Foreign Affairs and Security Policy", "Commissioner for Enlargement".
_PORTFOLIO = r"(?:\s+for\s+(?:[A-Z][\w-]*\s+|and\s+){0,5}[A-Z][\w-]*)?"
#: Where a title is held: "of Kosovo", "of the European Union"; a word that denies the body is a state ("of the
#: so-called Kosovo") is read with it, and kept in the fact's text for the discrepancy detector.
QUALIFIERS = r"so-called|unrecogni[sz]ed|self-proclaimed|self-declared|breakaway"
_HELD_IN = rf"(?:(?:{QUALIFIERS})\s+)?(?P<aff2>[A-Z]\w*(?:\s+[A-Z]\w*){{0,2}}?)"
_FORMER = r"(?:\b(?P<former>(?:[Ff]ormer|[Tt]hen)\s+|[Ee]x-\s*))?"  # "ex-Prime Minister" as "ex- Prime Minister"
_ANY_TITLE = re.compile(_TITLES)  # which each of the three patterns below holds
_TITLE_BEFORE = re.compile(
    rf"{_FORMER}(?:\b{_NOT_AFF}(?P<aff>[A-Z][\w.]*)\s+)?\b(?P<title>{_TITLES})"
    rf"(?:\s+of\s+(?:the\s+)?{_BODY_OF}{_HELD_IN})?{_PORTFOLIO}\s+{_RANKS}(?P<name>{_PERSON})(?!\s+(?:for\b|of\b|[{_UPPER}]))"
)
_TITLE_AFTER = re.compile(
    rf"(?P<name>{_PERSON})\s*[,(]\s*(?:the\s+)?(?:{_NOT_AFF}(?P<aff>[A-Z][\w.]*)\s+)?(?P<title>{_TITLES})"
    rf"(?:\s+of\s+(?:the\s+)?{_BODY_OF}(?P<aff2>[A-Z][\w]*))?"
    # "Borrell, the Prime Minister of Kosovo, Albin Kurti", "Lajcak, Serbian President Aleksandar Vucic": a title
    # followed by a name is that name's
    rf"(?![\w\s]*,\s*{_RANKS}[{_UPPER}][{_LOWER}]+\s+[{_UPPER}])(?!\s+{_RANKS}[{_UPPER}][{_LOWER}])"
)
_TITLE_OF_NAME = re.compile(
    rf"{_FORMER}\b(?P<title>{_TITLES})(?:\s+of\s+(?:the\s+)?{_BODY_OF}{_HELD_IN})?{_PORTFOLIO}"
    rf",\s+{_RANKS}(?P<name>{_PERSON})"
)
_TITLED = re.compile(
    rf"{_FORMER}(?:{_NOT_AFF}[A-Z][\w.]*\s+)?(?:{_TITLES})(?:\s+of\s+(?:the\s+)?{_BODY_OF}{_HELD_IN})?"
    rf"(?:\s+{_RANKS}{_PERSON})?"
)


def is_title(text: str) -> bool:
    """Whether ``text`` is a title, with the person who holds it or not ("Deputy Prime Minister Jovan Kralj")."""
    return _TITLED.fullmatch(text.strip()) is not None


#: Capitalised words that are not names when they open a "name".
_NOT_NAMES = frozenset(
    fold(w)
    for w in """As The A An This That He She It They We I Mr Mrs Ms Dr Lord But And However Although
Serbia Kosovo NATO KFOR Belgrade Pristina Brussels Monday Tuesday Wednesday Thursday Friday Saturday Sunday
On In At Today Yesterday Tomorrow Meanwhile Earlier Later""".split()
)

_SAYS = (
    r"said|says|added|adds|stated|states|stressed|emphasi[sz]ed|noted|claimed|claims|replied|warned|explained|"
    r"declared|concluded|continued|told\s+\w+(?:\s+\w+)?|wrote|underlined|announced|insisted|argued|asked|"
    r"called|condemned|described|denounced|labell?ed|termed"  # "X called it an act of terror"
)
_WHO = (
    rf"(?P<GROUP>(?:an?|the)\s+(?:[\w-]+\s+){{0,4}}?(?:official|head of \w+|spokes\w+|president|minister|"
    rf"secretary general|source|diplomat|commander|ambassador|envoy)|he|she|they|"
    rf"(?!(?:As|If|When|While|After|Before|Although|But|And|Speaking)\s){_PERSON})"
)
_AFTER_QUOTE = re.compile(
    rf"^\s*[,.]?\s*(?:(?:{_SAYS})\s+{_WHO.replace('GROUP', 'who')}|{_WHO.replace('GROUP', 'who2')}\s+(?:{_SAYS}))\b"
)
_BEFORE_QUOTE = re.compile(rf"{_WHO.replace('GROUP', 'who')}\s+(?:also\s+)?(?:{_SAYS})(?:\s+that)?\s*[:,]?\s*$")
#: A news agency or a body known by its letters, named whole after "according to": "RIA Novosti", "TASS", "AFP";
#: not a country's letters before what it qualifies ("US officials").
_AGENCY = r"[A-Z]{2,}(?:\s+[A-Z][a-z]+)?(?![\w’'-]|\s+[a-z])"
_REPORTED = re.compile(
    rf"(?<!\bAs )(?<!\bas )\b(?:{_WHO.replace('GROUP', 'who')})\s+(?:also\s+|then\s+|later\s+)?(?:{_SAYS})\b"
    rf"|\b[Aa]ccording to\s+{_WHO.replace('(?P<GROUP>', f'(?P<who2>{_AGENCY}|')}"
)
#: A word one of _REPORTED's forms needs (a faster search: the words alone).
_REPORTING = re.compile(rf"{_SAYS}|[Aa]ccording to")
_QUOTES = re.compile(r"“[^“”]+”|„[^„“”]+[“”]|«[^«»]+»|\"[^\"\n]+\"")


#: A person's age beside the name: "Shamsidin Fariduni, 25,", "Fariduni (25)", "Fariduni, a 25-year-old …",
#: "a 25-year-old Fariduni".
_AGE_DIGIT = re.compile("[1-9]")  # the first digit of an age, which each of the four patterns below holds
_AGE_AFTER = re.compile(rf"(?P<name>{_PERSON}),\s+(?:aged\s+)?(?P<age>[1-9]\d?),")
# "Vuk Borilović (34)", and the slashes some Serbian and Montenegrin outlets print instead ("Vuk Borilović /34/")
_AGE_PAREN = re.compile(rf"(?P<name>{_PERSON})\s+(?:\((?:aged\s+)?(?P<age>[1-9]\d?)\)|/(?P<age2>[1-9]\d?)/)")
_AGE_APPOSED = re.compile(rf"(?P<name>{_PERSON}),\s+an?\s+(?P<age>[1-9]\d?)-year-old\b")
_AGE_BEFORE = re.compile(rf"\b(?P<age>[1-9]\d?)-year-old\s+(?:[a-z]+\s+){{0,2}}(?P<name>{_PERSON})")
_NOT_IN_NAMES = frozenset(
    fold(w)
    for w in """On In At By Since From Until January February March April May June July August September October
November December""".split()
)


def ages(statement: Statement) -> list[Fact]:
    """Ages given beside a person's name, as quantities whose subject is "age of <surname>"."""
    facts: dict[int, Fact] = {}
    if not _AGE_DIGIT.search(statement.text):
        return []  # every pattern's age has one: most statements hold none, and one search rules out four
    for pattern in (_AGE_AFTER, _AGE_PAREN, _AGE_APPOSED, _AGE_BEFORE):
        for m in pattern.finditer(statement.text):
            name = _clean_name(m.group("name"))
            if not name or any(fold(w) in _NOT_IN_NAMES for w in m.group("name").split()):
                continue
            group = "age" if m.group("age") else "age2"
            age = int(m.group(group))
            facts.setdefault(
                m.start(group),
                Fact(
                    kind="quantity",
                    statement=statement.id,
                    doc=statement.doc,
                    start=statement.start + m.start(group),
                    end=statement.start + m.end(group),
                    text=m.group(group),
                    value=str(age),
                    subject=f"age of {person_key(name)}",
                    low=float(age),
                    high=float(age),
                ),
            )
    return sorted(facts.values(), key=lambda f: f.start)


def roles(statement: Statement) -> list[Fact]:
    facts = []
    if not _ANY_TITLE.search(statement.text):
        return []  # every pattern holds a title: most statements name none, and one search rules out three
    for pattern in (_TITLE_BEFORE, _TITLE_AFTER, _TITLE_OF_NAME):
        for m in pattern.finditer(statement.text):
            name = _clean_name(m.group("name"))
            if not name:
                continue
            title = re.sub(r"[- ]+", " ", m.group("title").lower())
            aff = next(
                (
                    _AFFILIATIONS[a.lower()]
                    for a in (m.groupdict().get("aff"), m.groupdict().get("aff2"))
                    if a and a.lower() in _AFFILIATIONS
                ),
                "",
            )
            value = f"{title} of {aff}" if aff else title
            if m.groupdict().get("former"):
                value = f"{FORMER}{value}"  # a past role: it conflicts only with the same role held now
            facts.append(
                Fact(
                    kind="role",
                    statement=statement.id,
                    doc=statement.doc,
                    start=statement.start + m.start(),
                    end=statement.start + m.end(),
                    text=m.group(),
                    value=value,
                    subject=person_key(name),
                )
            )
    # One fact per person per statement: the longest reading wins.
    best: dict[str, Fact] = {}
    for f in facts:
        if f.subject not in best or len(f.value) > len(best[f.subject].value):
            best[f.subject] = f
    return sorted(best.values(), key=lambda f: f.start)


#: A one-word "name" at least this common in English is a word a title phrase ran into ("Commissioner for
#: Foreign Policy"), not a surname.
_WORD_ZIPF = 4.0


def _clean_name(name: str) -> str:
    words = [w for w in name.split() if fold(w) not in _NOT_NAMES]
    if len(words) == 1 and lexicon.is_english(words[0], _WORD_ZIPF):
        return ""
    return " ".join(words)


def person_key(name: str) -> str:
    """A person's key: the folded surname in the nominative ("Aleksandar Vučić", "Vučića", "Vučiću" → "vucic")."""
    return _CASE_ENDING.sub("ic", re.sub(r"[’']s?$", "", fold(name.split()[-1])))


#: The case endings of a South Slavic surname in -ić, folded: genitive, dative, instrumental.
_CASE_ENDING = re.compile(r"(?<=\w\w\w)ic(?:a|u|em)$")


def attributions(document: Document, statements: list[Statement]) -> list[Fact]:
    """Who each statement of ``document`` is attributed to, where the text says."""
    text = document.text
    facts: list[Fact] = []
    attributed: set[str] = set()
    ends = [s.end for s in statements]  # statements are in text order, so their ends are sorted
    for quote in _QUOTES.finditer(text):
        who = None
        after = _AFTER_QUOTE.match(text[quote.end() : quote.end() + 120].split("\n")[0])
        if after:
            g = "who" if after.group("who") else "who2"
            who = (quote.end() + after.start(g), quote.end() + after.end(g), after.group(g))
        else:
            line_start = text.rfind("\n", 0, quote.start()) + 1
            before = _BEFORE_QUOTE.search(text[max(line_start, quote.start() - 120) : quote.start()])
            if before:
                offset = max(line_start, quote.start() - 120)
                who = (offset + before.start("who"), offset + before.end("who"), before.group("who"))
        if not who:
            continue
        # The statements the quotation overlaps: found by bisection, a long article has thousands.
        for statement in statements[max(bisect.bisect_right(ends, quote.start()), 0) :]:
            if statement.start >= quote.end():
                break
            if quote.start() < statement.end and statement.id not in attributed:
                attributed.add(statement.id)
                facts.append(_attribution(statement, *who))
    for statement in statements:
        if statement.id in attributed:
            continue
        unquoted = _unquoted(statement.text)
        m = _REPORTED.search(unquoted) if _REPORTING.search(unquoted) else None  # most hold no verb of saying
        if m:
            g = "who" if m.group("who") else "who2"
            facts.append(_attribution(statement, statement.start + m.start(g), statement.start + m.end(g), m.group(g)))
    return sorted(facts, key=lambda f: (f.start, f.statement))


def _unquoted(text: str) -> str:
    """The text with quotations blanked (same length), so verbs inside quotes are not read as attribution."""
    return _QUOTES.sub(lambda m: " " * len(m.group()), text)


#: Words that make a speaker's name a body's, not a person's.
_BODY = re.compile(
    r"\b(?:Ministry|Ministries|Office|Agency|Committee|Commission|Department|Service|Embassy|Council|Government|"
    r"Police|Prosecutor's|Prosecution|Directorate|Authority|Authorities|Administration|Affairs)\b"
)

_LEADING_TITLE = re.compile(
    r"^(?:(?:Secretary|General|Major|Lieutenant|President|Prime|Minister|Commander|Speaker|Dr|Mr|Ms|Mrs|Lord)\.?\s+)+(?=[A-Z])"
)


def _attribution(statement: Statement, start: int, end: int, who: str) -> Fact:
    title = _LEADING_TITLE.match(who)
    if title:  # "General Jens Stoltenberg" → "Jens Stoltenberg"
        start, who = start + title.end(), who[title.end() :]
    name = _clean_name(who) if who[:1].isupper() else ""
    # A body speaks under many names ("the Ministry of Foreign Affairs", "the Foreign Ministry"), none of them a
    # surname to key a person by: its statements are not set against a person's.
    person = name and fold(name.split()[0]) not in ("an", "the") and not _BODY.search(name)
    value = person_key(name) if person else ""
    return Fact(
        kind="attribution",
        statement=statement.id,
        doc=statement.doc,
        start=start,
        end=end,
        text=who,
        value=value,
        subject="speaker",
    )


def compatible_roles(a: str, b: str) -> bool:
    """Whether two roles of one person can both be true: the same title (one may leave out where it is held), or
    different titles of which one is past. A past role against the same role held now is a contradiction (one
    report calls the sitting prime minister "former")."""
    past_a, past_b = a.startswith(FORMER), b.startswith(FORMER)
    a, b = a.removeprefix(FORMER), b.removeprefix(FORMER)
    if past_a or past_b:
        return past_a == past_b or not _same_role(a, b)
    return _same_role(a, b)


def _same_role(a: str, b: str) -> bool:
    title_a, _, aff_a = a.partition(" of ")
    title_b, _, aff_b = b.partition(" of ")
    if title_a != title_b and not (title_a in title_b or title_b in title_a):
        return False
    return not (aff_a and aff_b and aff_a != aff_b)
