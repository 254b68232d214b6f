"""The words that tell who killed the story's attacker (``compare/data/agent-words.tsv``), and how a statement's
words are looked up in them (:mod:`.discrepancy_agents` reads the claims).

Every word of the table and of a statement is looked up folded: lower case, diacritics dropped, Serbian Cyrillic
in Latin letters (Russian as written, ё as е). A table word that ends in ``*`` is a stem; one with a space is a
phrase. Most statements name no killing: :func:`mentions` (a verb of killing, or a question word that leaves the
killer open) and :func:`names_attacker` (a noun for the attacker, and a capitalised word) pick the few that are
read, as part of the discrepancy detector's per-document step.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from importlib import resources
from typing import NamedTuple

from ..analysis.facts.tokens import fold
from ..analysis.letters import search_lowered, word_starts
from ..analysis.notation import latin
from ..model import Corpus, Statement

_LANGUAGES = {"en": "en", "sh": "sr", "sr": "sr", "hr": "sr", "bs": "sr", "sq": "sq", "ru": "ru"}
_CYRILLIC_GUESSES = frozenset({"ru", "mk", "bg", "uk"})  # Serbian Cyrillic, in a Serbian article
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+|[^\w\s]")
#: Tokens that end a clause; and words that do, per language ("a" is Serbian "but", English's article).
_CLAUSE_MARKS = frozenset(',;:.!?()[]–—"“”„«»')
_CLAUSE_WORDS = {
    "en": frozenset("but while whereas although".split()),
    "sr": frozenset("a ali dok mada iako".split()),
    "sq": frozenset("por ndërsa megjithëse".split()),
    "ru": frozenset("а но хотя пока".split()),
}


class _Table(NamedTuple):
    words: dict[str, dict[str, str]]  #: kind → folded word → value
    stems: dict[str, list[tuple[str, str]]]
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]  #: kind → (words, value), longest first


def _key(language: str, word: str) -> str:
    word = word.lower()
    return word.replace("ё", "е") if language == "ru" else fold(latin(word) if language == "sr" else word)


@cache
def _tables() -> dict[str, _Table]:
    text = resources.files("compare").joinpath("data/agent-words.tsv").read_text(encoding="utf-8")
    out: dict[str, _Table] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        language, kind, spellings, value = (line.split("\t") + [""])[:4]
        table = out.setdefault(language, _Table(defaultdict(dict), defaultdict(list), defaultdict(list)))
        for spelling in spellings.split("|"):
            words = tuple(_key(language, w) for w in spelling.rstrip("*").split())
            if len(words) > 1:
                table.phrases[kind].append((words, value))
            elif spelling.endswith("*"):
                table.stems[kind].append((words[0], value))
            else:
                table.words[kind][words[0]] = value
    for table in out.values():
        for phrases in table.phrases.values():
            phrases.sort(key=lambda p: -len(p[0]))
    return out


class _Tok(NamedTuple):
    text: str
    start: int  #: offset in the statement
    end: int
    key: str


def _tokens(language: str, text: str) -> list[_Tok]:
    return [_Tok(m.group(), m.start(), m.end(), _key(language, m.group())) for m in _TOKEN.finditer(text)]


def _match(table: _Table, kind: str, toks: list[_Tok], i: int) -> tuple[str, int] | None:
    """The ``kind`` word or phrase that starts at ``toks[i]``: its value and the index after it."""
    for words, value in table.phrases.get(kind, ()):
        if tuple(t.key for t in toks[i : i + len(words)]) == words:
            return value, i + len(words)
    key = toks[i].key
    if key in table.words.get(kind, {}):
        return table.words[kind][key], i + 1
    stem = next((v for s, v in table.stems.get(kind, ()) if key.startswith(s)), None)
    return (stem, i + 1) if stem is not None else None


def reader(statement: Statement, corpus: Corpus) -> Reader | None:
    """The statement's words read against its language's table; None for a language without one."""
    language = statement.language
    if language in _CYRILLIC_GUESSES and corpus.document(statement.doc).language == "sr":
        language = "sr"
    table = _LANGUAGES.get(language)
    if table is None:
        return None
    return Reader(statement, table, _tables()[table], _tokens(table, statement.text))


@cache
def _cue() -> re.Pattern[str]:
    """Words one of which (a verb of killing, or a word of an open question) a statement must hold to be read."""
    words = {
        w.rstrip("*").split()[0]
        for table in _tables().values()
        for kind in ("kill", "self", "whose")
        for source in (table.words[kind], dict(table.stems[kind]), {p[0]: "" for p, _ in table.phrases[kind]})
        for w in source
    }
    return re.compile(r"\b" + word_starts(words), re.I)


def mentions(text: str) -> bool:
    """Whether a statement may claim who killed someone: most do not, and are not read further."""
    lowered = text.lower()
    return bool(
        search_lowered(_cue(), _exact(_cue()), fold(latin(lowered))) or search_lowered(_cue(), _exact(_cue()), lowered)
    )


def names_attacker(text: str) -> bool:
    """Whether a statement may name the attacker (a capitalised word after a noun for him)."""
    lowered = text.lower()
    return bool(re.search(r"\s[A-ZА-ЯЁЂЈЉЊЋЏČĆŠŽĐ]", text)) and bool(
        search_lowered(_attackers(), _exact(_attackers()), lowered)
        or search_lowered(_attackers(), _exact(_attackers()), fold(latin(lowered)))
    )


@cache
def _attackers() -> re.Pattern[str]:
    words = {w for t in _tables().values() for w in (*t.words["attacker"], *(s for s, _ in t.stems["attacker"]))}
    return re.compile(r"\b" + word_starts(words), re.I)


@cache
def _exact(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without re.I, for texts already lower-cased (letters.search_lowered): its words are small
    letters (tests/test_letters.py)."""
    return re.compile(pattern.pattern)


class Reader(NamedTuple):
    """One statement's words, read against its language's table."""

    statement: Statement
    language: str  #: the table's: en, sr, sq or ru
    table: _Table
    toks: list[_Tok]

    @property
    def english(self) -> bool:
        return self.language == "en"

    def at(self, kind: str, i: int) -> tuple[str, int] | None:
        return _match(self.table, kind, self.toks, i) if 0 <= i < len(self.toks) else None

    def find(self, kind: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
        hi = len(self.toks) if hi is None else hi
        return [(i, m[1], m[0]) for i in range(lo, hi) if (m := self.at(kind, i))]

    def clauses(self) -> list[tuple[int, int]]:
        """The statement's clauses, as token index ranges."""
        out, start = [], 0
        for i, t in enumerate(self.toks):
            if t.text in _CLAUSE_MARKS or t.key in _CLAUSE_WORDS[self.language]:
                out.append((start, i))
                start = i + 1
        return [c for c in [*out, (start, len(self.toks))] if c[0] < c[1]]
