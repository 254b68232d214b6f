"""Controlled edits of article copies: the gold for measuring detectors.

An edited copy is an article with one change whose effect is known in advance:
a count, a date, a place or a speaker changed to a different value (a
discrepancy a detector must flag), a value reworded without changing it
("93" → "more than 90", "September 24" → "24 September": nothing to flag), or
damage a translation does — a name stripped of diacritics or transliterated, an
acronym with a wrong letter, a garbled word, a sentence or fragment left in
Serbian, Albanian or Russian (a translation artefact to flag). The
edit sites are found with simple patterns of their own, not with the facts
stage, so the measurement does not only find what the extractor already reads.

Each :class:`Edit` records where the new text sits in the copy, so a finding
can be matched to the edit it should report. A fixed seed makes the set
reproducible.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass

from ..analysis import lexicon
from ..analysis.facts.tokens import fold
from ..model import Document

_NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_COUNTED = (
    r"(?:(?:[a-z]+|KFOR|NATO|Kosovo)\s+){0,2}(?:soldiers|troops|attackers|police officers?|officers|armed men|"
    r"people|countries|delegates|vehicles|percent|Serbs|fighters|member countries|delegations|protesters)"
)
#: Places that occur in the seed stories, and others of the region to swap them for.
PLACES = ["Banjska", "Zvečan", "Leposavić", "Pristina", "Belgrade", "Sarajevo", "Brussels", "Sofia", "Brčko"]
OTHER_PLACES = ["Jarinje", "Zubin Potok", "Mitrovica", "Prizren", "Novi Sad", "Skopje", "Podgorica", "Peć", "Niš"]
SPEAKERS = ["Stoltenberg", "Vučić", "Osmani", "Kurti", "Lancaster", "Rutte", "Radoičić"]
_SAYS = r"(?:said|says|added|stated|claims|replied)"


@dataclass(frozen=True)
class Edit:
    """One recorded change in an edited copy."""

    doc: str  #: id of the edited copy
    source: str  #: id of the article it was copied from
    kind: str  #: what was edited: count, date, place, attribution, role (or *_neutral)
    expect: str  #: the finding subkind a detector should report, "" if nothing should be flagged
    start: int  #: offsets of the new text in the copy
    end: int
    before: str
    after: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Site:
    start: int
    end: int
    replacement: str
    kind: str
    expect: str


Rule = Callable[[str, random.Random], Iterator[Site]]


def _number_value(text: str) -> int | None:
    text = text.lower().replace(",", "")
    if text.isdigit():
        return int(text)
    return _NUMBER_WORDS.index(text) if text in _NUMBER_WORDS else None


def _other_number(value: int, rng: random.Random) -> int:
    # Far enough that no wording of the original ("about", "more than") could cover it.
    factor = rng.choice([0.3, 0.5, 1.6, 2.0, 3.0])
    other = max(1, round(value * factor))
    return other if abs(other - value) >= max(2, value * 0.25) else value + max(2, round(value * 0.5))


def count_changes(text: str, rng: random.Random) -> Iterator[Site]:
    pattern = rf"\b(\d{{1,3}}(?:,\d{{3}})*|{'|'.join(_NUMBER_WORDS[1:])})(?=\s+{_COUNTED}\b)"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        value = _number_value(m.group(1))
        if value is None:
            continue
        new = _other_number(value, rng)
        replacement = (
            f"{new:,}" if m.group(1)[0].isdigit() else (_NUMBER_WORDS[new] if new < len(_NUMBER_WORDS) else str(new))
        )
        if m.group(1)[0].isupper():
            replacement = replacement.capitalize()
        yield Site(m.start(1), m.end(1), replacement, "count", "count")


def count_rewordings(text: str, rng: random.Random) -> Iterator[Site]:
    pattern = rf"\b(\d{{1,3}}(?:,\d{{3}})*|{'|'.join(_NUMBER_WORDS[2:])})(?=\s+{_COUNTED}\b)"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        value = _number_value(m.group(1))
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if value is None or re.search(r"(?:about|around|than|least|over|some)\s+$", before):
            continue
        options = [
            f"about {value:,}",
            f"at least {value:,}" if value > 3 else str(value),
            f"more than {value - max(1, value // 10):,}" if value >= 10 else f"{value}",
        ]
        if m.group(1)[0].isdigit() and value < len(_NUMBER_WORDS):
            options.append(_NUMBER_WORDS[value])
        elif not m.group(1)[0].isdigit():
            options.append(str(value))
        if value >= 1000:
            options.append(f"{value:,}".replace(",", "."))  # the other thousands convention
        replacement = rng.choice(options)
        if m.group(1)[0].isupper():
            replacement = replacement[0].upper() + replacement[1:]
        yield Site(m.start(1), m.end(1), replacement, "count_neutral", "")


_MONTH_DAY = re.compile(rf"\b({'|'.join(_MONTHS)}) ([1-9]|[12]\d|3[01])\b(?![,.]?\d)")
_DAY_MONTH = re.compile(rf"\b([1-9]|[12]\d|3[01]) ({'|'.join(_MONTHS)})\b")


def date_changes(text: str, rng: random.Random) -> Iterator[Site]:
    for m in _MONTH_DAY.finditer(text):
        day = int(m.group(2))
        new = day + rng.choice([1, 2, 3, 5]) if day < 25 else day - rng.choice([1, 2, 3, 5])
        if re.match(rf"\s*(?:and|-|–)\s*{new}\b", text[m.end() :]):
            new += 7  # "March 10 and 11" must not become "March 11 and 11"
        yield Site(m.start(2), m.end(2), str(new), "date", "date")
    for m in _DAY_MONTH.finditer(text):
        day = int(m.group(1))
        new = day + rng.choice([1, 2, 3]) if day < 25 else day - rng.choice([1, 2, 3])
        yield Site(m.start(1), m.end(1), str(new), "date", "date")
    for m in re.finditer(rf"\b(?:in|In) ({'|'.join(_MONTHS)})\b", text):
        month = _MONTHS.index(m.group(1))
        yield Site(m.start(1), m.end(1), _MONTHS[(month + rng.choice([1, 2, 3, 4])) % 12], "date", "date")


def _ordinal_suffix(day: int) -> str:
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10 if day not in (11, 12, 13) else 0, "th")


def date_rewordings(text: str, rng: random.Random) -> Iterator[Site]:
    for m in _MONTH_DAY.finditer(text):
        month, day = m.group(1), m.group(2)
        options = [
            f"{day} {month}",
            f"{month[:3]}. {day}" if month != "May" else f"{day} May",
            f"{month} {day}{_ordinal_suffix(int(day))}",
        ]
        yield Site(m.start(), m.end(), rng.choice(options), "date_neutral", "")
    for m in _DAY_MONTH.finditer(text):
        yield Site(m.start(), m.end(), f"{m.group(2)} {m.group(1)}", "date_neutral", "")


def place_changes(text: str, rng: random.Random) -> Iterator[Site]:
    for place in PLACES:
        for m in re.finditer(rf"(?<![\w-]){place}(?![\w-])", text):
            yield Site(m.start(), m.end(), rng.choice(OTHER_PLACES), "place", "place")


def speaker_changes(text: str, rng: random.Random) -> Iterator[Site]:
    for name in SPEAKERS:
        for m in re.finditer(rf"(?:{_SAYS}\s+({name})\b|\b({name})\s+(?:also\s+)?{_SAYS}\b)", text):
            group = 1 if m.group(1) else 2
            other = rng.choice([s for s in SPEAKERS if s != name])
            yield Site(m.start(group), m.end(group), other, "attribution", "attribution")


def role_changes(text: str, rng: random.Random) -> Iterator[Site]:
    swaps = {"Prime Minister": "President", "President": "Prime Minister", "Secretary General": "Foreign Minister"}
    for title, other in swaps.items():
        for m in re.finditer(rf"(?<!Prime )(?<!Vice )\b{title}(?= [A-Z][a-zčćšžđë]+ [A-Z])", text):
            yield Site(m.start(), m.end(), other, "role", "role")


# --- translation damage ---------------------------------------------------------------------------

_NAME = re.compile(r"(?<=[a-z,;] )[A-ZČĆŠŽĐ][a-zčćšžđë]{3,}(?![\w’'-])")


def _names(text: str) -> Iterator[re.Match]:
    """Capitalised words in mid-sentence that are not common English words: names."""
    for m in _NAME.finditer(text):
        if lexicon.zipf(m.group().lower()) < 3.0:
            yield m


def diacritic_losses(text: str, rng: random.Random) -> Iterator[Site]:
    for m in _names(text):
        folded = fold(m.group())
        if folded != m.group().lower() and "dj" not in folded:
            yield Site(m.start(), m.end(), folded[0].upper() + folded[1:], "diacritics", "diacritics")


def _transliterate(name: str, rng: random.Random) -> str | None:
    """One of the spellings a name takes through Serbian or Albanian: lj/nj added or lost, j → y, ë added."""
    options = []
    for n, (c, after) in enumerate(zip(name, name[1:] + " ")):
        if c in "ln" and after not in "j aeiou":
            options.append(name[: n + 1] + "j" + name[n + 1 :])  # Albin → Aljbin
        if c in "ln" and after == "j":
            options.append(name[: n + 1] + name[n + 2 :])  # Banjska → Banska
        if c == "j" and n > 0:
            options.append(name[:n] + "y" + name[n + 1 :])  # Vjosa → Vyosa
        if n > 0 and c.lower() not in "aeiouj" and after not in "aeiouj " and name[n - 1].lower() in "bcdfgkmnpstvz":
            options.append(name[:n] + "ë" + name[n:])  # Brnabić → Bërnabić
    return rng.choice(options) if options else None


def transliterations(text: str, rng: random.Random) -> Iterator[Site]:
    for m in _names(text):
        other = _transliterate(m.group(), rng)
        if other:
            yield Site(m.start(), m.end(), other, "transliteration", "transliteration")


def acronym_swaps(text: str, rng: random.Random) -> Iterator[Site]:
    present = set(re.findall(r"\b[A-Z]{2,6}\b", text))
    for m in re.finditer(r"(?<![\w-])([A-Z]{3,5})(?![\w-])", text):
        for _ in range(10):
            at = rng.randrange(len(m.group()))
            other = m.group()[:at] + rng.choice("ABCDEFGHIJKLMNOPRSTUVWZ") + m.group()[at + 1 :]
            if other not in present and lexicon.zipf(other.lower()) < 3.0:
                yield Site(m.start(), m.end(), other, "acronym", "acronym")
                break


def _garble(word: str, rng: random.Random) -> str | None:
    for _ in range(10):
        at = rng.randrange(1, len(word) - 1)
        how = rng.choice(["swap", "substitute", "drop"])
        if how == "swap":
            other = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        elif how == "substitute":
            other = word[:at] + rng.choice("abcdefghiklmnoprstuvz") + word[at + 1 :]
        else:
            other = word[:at] + word[at + 1 :]
        if lexicon.zipf(other.lower()) == 0.0 and not lexicon.FOREIGN_LETTERS.search(other):
            return other
    return None


def garblings(text: str, rng: random.Random) -> Iterator[Site]:
    for m in re.finditer(r"(?<=[a-z,] )([a-z]{5,})(?=[ ,.])", text):
        if lexicon.zipf(m.group()) >= 3.5:
            other = _garble(m.group(), rng)
            if other:
                yield Site(m.start(), m.end(), other, "garbled", "garbled")
    # A sentence-initial word gaining a letter ("Eleven" → "Peleven").
    for m in re.finditer(r"(?:^|(?<=[.!?] ))([A-Z][a-z]{3,})(?= [a-z])", text, re.MULTILINE):
        word = m.group(1)
        if lexicon.zipf(word.lower()) >= 3.5:
            other = rng.choice("BCDFGKLMPRST") + word.lower()
            if lexicon.zipf(other.lower()) == 0.0:
                yield Site(m.start(1), m.end(1), other, "garbled", "garbled")


def _bank() -> list[tuple[str, str, str]]:
    from importlib import resources

    text = resources.files(__package__).joinpath("data/untranslated.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return [(language, kind, sentence) for language, kind, sentence in rows]


def untranslated_text(text: str, rng: random.Random) -> Iterator[Site]:
    bank = _bank()
    sentences = [t for _, scope, t in bank if scope == "sentence"]
    fragments = [t for _, scope, t in bank if scope == "fragment"]
    # A whole sentence of a paragraph left in the source language …
    for m in re.finditer(r"(?:^|(?<=[.!?] ))[A-Z][^.!?\n]{40,}[.!?](?= |$)", text, re.MULTILINE):
        yield Site(m.start(), m.end(), rng.choice(sentences), "untranslated", "untranslated")
    # … or a few words of an English sentence.
    for m in re.finditer(r"(?<=[a-z] )([a-z]+ [a-z]+ [a-z]+)(?= [a-z])", text):
        if rng.random() < 0.1:
            yield Site(m.start(1), m.end(1), rng.choice(fragments), "untranslated", "untranslated")


#: Every rule, by the kind of edit it makes.
RULES: dict[str, Rule] = {
    "count": count_changes,
    "count_neutral": count_rewordings,
    "date": date_changes,
    "date_neutral": date_rewordings,
    "place": place_changes,
    "attribution": speaker_changes,
    "role": role_changes,
    "diacritics": diacritic_losses,
    "transliteration": transliterations,
    "acronym": acronym_swaps,
    "garbled": garblings,
    "untranslated": untranslated_text,
}


def body_offset(document: Document) -> int:
    """Where the article's body starts: the title line is left alone (headlines are reworded anyway)."""
    return document.text.find("\n") + 1 if "\n" in document.text else 0


def sites(
    document: Document, rng: random.Random, kinds: list[str] | None = None, limit: int | None = None
) -> list[Site]:
    """Candidate edits of ``document`` outside its title and boilerplate; at most ``limit`` per kind."""
    start = body_offset(document)
    boiler = [(b.start, b.end) for b in document.boilerplate]
    found: list[Site] = []
    for kind in kinds or list(RULES):
        candidates = [
            site
            for site in RULES[kind](document.text, rng)
            if site.start >= start and not any(s <= site.start < e for s, e in boiler)
        ]
        if limit is not None and len(candidates) > limit:
            candidates = sorted(rng.sample(candidates, limit), key=lambda site: site.start)
        found.extend(candidates)
    return found
