"""Places in Serbian, Albanian and Russian statements, matched with the corpus's other mentions of them.

As in English (:mod:`..places`), the corpus is its own gazetteer: a capitalised name after a locative cue ("u
Beogradu", "kod Zvečana", "u selu Banjska", "në Durrës", "в Москве") is a place, and so is every later mention
of it. These languages decline names, so a mention is matched on folded stems: the name is spelt in Latin letters
(Serbian Cyrillic letter for letter, Russian as anyascii romanises it), folded and romanised as the name
detectors romanise (:func:`compare.analysis.spellings.romanised`: "Prishtinë" and "Priština" become one spelling),
and its case ending is taken off ("Beogradu" → beograd, "Durrësin" → durres, "Москве" → moskv), as it is off an
English name's final vowel; a vowel dropped before a final consonant comes back ("Kragujevcu" meets
"Kragujevac"). A name that English writes otherwise ("Beograd" / "Belgrade", "Москва" / "Moscow", "Srbija" /
"Serbia") meets its English name through ``data/place-names.tsv``. A mention takes the value of the English name
it meets where the corpus has one, so that "u Beogradu" and "in Belgrade" are one place, and a country stays a
country (:data:`..places.COUNTRIES`), never compared.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from anyascii import anyascii

from ....model import Fact, Statement

# spellings imports facts.tokens: taken as a module, so that importing spellings (or names) first finds it whole
# when it is called.
from ... import spellings  # isort: skip
from ...notation import latin
from ..places import NOT_PLACES, place_fact
from ..tokens import Token, fold
from .words import Words, load

#: A name's words at most: "Novi Sad", "Kosovska Mitrovica", "Crna Gora".
_LONGEST = 2
_VOWELS = ("a", "e", "i", "o", "u")
_FLEETING = re.compile(r"(?<=[^aeiou])a(?=[^aeiou]$)")


def cue_names(statement: Statement, words: Words) -> list[tuple[str, ...]]:
    """The names of ``statement`` that stand after a locative cue, each as its words."""
    toks = words.keyed(statement)
    found = []
    for k in range(1, len(toks)):
        if _capitalised(toks[k]) and words.ending_at("place_cue", toks, k) is not None:
            name = _name_at(words, toks, k)
            if name:
                found.append(tuple(t.text for t in name))
    return found


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.text.isalpha() and not token.text.isupper()


def _name_at(words: Words, toks: tuple[Token, ...], k: int) -> list[Token]:
    """The capitalised words from ``toks[k]`` that make one name, or [] where the first is no place's."""
    if fold(toks[k].text) in NOT_PLACES or words.get("not_place", toks[k].lower) is not None:
        return []
    name = [toks[k]]
    while len(name) < _LONGEST and k + len(name) < len(toks):
        nxt = toks[k + len(name)]
        if not _capitalised(nxt) or nxt.start != name[-1].end + 1 or fold(nxt.text) in NOT_PLACES:
            break
        name.append(nxt)
    return name


class PlaceIndex:
    """The corpus's places as these languages' statements may mention them: candidate stems → the place's value."""

    def __init__(self, known: set[str], mentioned: set[str], cued: list[tuple[tuple[str, ...], str]]) -> None:
        """``known``: the folded names English statements put after a cue (:func:`..places.gazetteer`);
        ``mentioned``: every folded name English statements write (:func:`..places.names_in`); ``cued``: the names
        these languages' statements put after a cue, with the table that read each."""
        exonyms = _exonyms()
        english, written = _by_candidate(known), _by_candidate(mentioned) if cued else {}
        foreign: dict[str, str] = {}
        #: The values of the places these languages' statements name after a cue: English names where English
        #: statements write them ("në Tiranë" is "tirana" where an English article writes "Tirana").
        self.found: set[str] = set()
        # One word before two ("u Beogradu" before "grad Beograd Veselin …"), and of a name of two words the first
        # alone where only it is a known place: the second word then begins something else (a person, a street).
        for name_words, table in sorted(cued, key=lambda cue: len(cue[0])):
            value = None
            for words in (name_words, name_words[:1]) if len(name_words) > 1 else (name_words,):
                candidates = _candidates(words, table)
                value = next((i[c] for i in (exonyms, english, written, foreign) for c in candidates if c in i), None)
                if value:
                    break
            if value is None:
                words, candidates = name_words, _candidates(name_words, table)
                value = _own_value(name_words, table)
            for candidate in candidates:
                foreign.setdefault(candidate, value)
            self.found.add(value)
        values = known | self.found
        # Where a stem meets several places, an English name's table row wins, then an English mention.
        self._index = {**foreign, **english, **{c: v for c, v in exonyms.items() if v in values}}

    def value(self, name_words: tuple[str, ...], table: str) -> str | None:
        """The value of the place ``name_words`` (as a statement read by ``table`` writes it) names, or None."""
        return next((self._index[c] for c in _candidates(name_words, table) if c in self._index), None)


def extract(statement: Statement, index: PlaceIndex, words: Words) -> list[Fact]:
    """Place facts of ``statement``: each name (or its first word) that is one of the corpus's places."""
    toks = words.keyed(statement)
    facts: list[Fact] = []
    k = 0
    while k < len(toks):
        name = _name_at(words, toks, k) if _capitalised(toks[k]) else []
        read = 1  # past an unknown first word, the next may begin a place ("Iz Kragujevca")
        for n in range(len(name), 0, -1):  # "Novom Sadu", else its first word
            value = index.value(tuple(t.text for t in name[:n]), words.table)
            if value:
                start, end = name[0].start - statement.start, name[n - 1].end - statement.start
                facts.append(place_fact(statement, "place", start, end, value, "where"))
                read = n
                break
        k += read
    return facts


def _by_candidate(english_names: set[str]) -> dict[str, str]:
    """Folded English names by each of their candidate stems."""
    out: dict[str, str] = {}
    for name in sorted(english_names):
        for candidate in _candidates(tuple(name.split()), ""):
            out.setdefault(candidate, name)
    return out


@lru_cache(maxsize=1 << 14)
def _candidates(name_words: tuple[str, ...], table: str) -> tuple[str, ...]:
    """The stems a name may be matched on, most specific first: the whole name, then with each word's case ending
    off, romanised. ``table``: the language the name is written in ("" for English, "*" for the table of names)."""
    forms: list[str] = [""]
    for word in name_words:
        folded = _latin(word, table)
        stems = [folded] + [
            folded[: -len(e)] for e in _endings(table) if folded.endswith(e) and len(folded) > len(e) + 2
        ]
        spelt = list(dict.fromkeys(spellings.romanised(s) for s in stems))
        spelt += [_FLEETING.sub("", s) for s in spelt if len(s) > 4 and _FLEETING.search(s)]
        forms = [f"{form} {s}".strip() for form in forms for s in dict.fromkeys(spelt)]
    return tuple(f for f in dict.fromkeys(forms) if len(f) >= 3)


def _latin(word: str, table: str) -> str:
    """``word`` in folded Latin letters, as its language spells it in Latin."""
    if table == "ru":
        return anyascii(word).lower()
    return fold(anyascii(latin(word)) if table == "*" else latin(word) if table == "sr" else word)


@cache
def _endings(table: str) -> tuple[str, ...]:
    """The case endings a name may carry: its language's; every language's for the table of names, whose other
    names are written in any of them; a final vowel for an English name ("Tirana" meets "Tiranë")."""
    if table == "":
        return _VOWELS
    tables = ("sr", "sq", "ru") if table == "*" else (table,)
    return tuple(sorted({e for t in tables for e in load(t).words("ending")} | set(_VOWELS), key=len, reverse=True))


def _own_value(name_words: tuple[str, ...], table: str) -> str:
    """A place no English name or table row meets is named by its own stem: each word folded, less the longest case
    ending ("Kragujevcu" → kragujevc, "Белгороде" → belgorod)."""
    out = []
    for word in name_words:
        folded = _latin(word, table)
        ending = next((e for e in _endings(table) if folded.endswith(e) and len(folded) > len(e) + 2), "")
        out.append(folded[: len(folded) - len(ending)])
    return " ".join(out)


@lru_cache(maxsize=1)
def _exonyms() -> dict[str, str]:
    """data/place-names.tsv as candidate stems of each other name → the English name, folded."""
    text = resources.files("compare").joinpath("data/place-names.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            english, others = line.split("\t")[:2]
            value = fold(english)
            for name in [english, *others.split("|")]:
                table = "" if name == english else "*"
                for candidate in _candidates(tuple(name.split()), table):
                    out.setdefault(candidate, value)
    return out
