"""The word tables of Serbian, Albanian and Russian (``compare/data/fact-words-*.tsv``), and how a word is looked up.

A statement's words are looked up as their language spells them in lower case, Serbian Cyrillic in Latin letters
(:meth:`Words.keyed`); a table's words are found both so and folded (diacritics dropped, đ as dj). A word written
with its diacritics thus meets only the table words spelt with them ("što", what, is not "sto", a hundred), and a
word written without them, as some copy is, meets the table's words folded ("cetiri" is "četiri"). A table word
that ends in ``*`` is a stem, so one line serves every declined form ("povređen*": povređeno, povređenih,
povredjenih); a word with a space is a phrase ("više od"). The format is described at the head of
fact-words-sr.tsv.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources

from ....model import Statement
from ...notation import latin
from ..dates import names_relative_day
from ..tokens import Token, fold, tokens

#: Statement languages (stages/language.py) → the table that reads them.
_TABLES = {"sh": "sr", "sr": "sr", "hr": "sr", "bs": "sr", "sq": "sq", "ru": "ru"}
#: Serbian Cyrillic without ђ ћ џ љ њ ј is told from Macedonian, Bulgarian or Russian by its article's language only.
_CYRILLIC_GUESSES = frozenset({"ru", "mk", "bg", "uk"})


def _serbian(word: str) -> str:
    return latin(word).lower()


def _russian(word: str) -> str:
    return word.lower().replace("ё", "е")


_KEYS: dict[str, Callable[[str], str]] = {"sr": _serbian, "sq": str.lower, "ru": _russian}


#: Lookups a table keeps the answers of.
_KEPT = 1 << 17


class Words:
    """One language's tables: single words (whole or stems) and phrases, by kind."""

    def __init__(self, table: str, rows: list[tuple[str, str, str]]) -> None:
        self.table = table
        key = _KEYS[table]
        self._whole: dict[str, dict[str, str]] = defaultdict(dict)
        self._stems: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._phrases: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)
        self._found: dict[tuple[str, str], str | None] = {}
        for kind, spellings, value in rows:
            for spelling in spellings.split("|"):
                if kind == "ending":  # matched against romanised place names: kept as written
                    self._whole[kind][spelling] = value
                    continue
                spelt = key(spelling.rstrip("*"))
                for form in dict.fromkeys((spelt, fold(spelt) if table != "ru" else spelt)):
                    if " " in form:
                        self._phrases[kind][tuple(form.split())] = value
                    elif spelling.endswith("*"):
                        self._stems[kind].append((form, value))
                    else:
                        self._whole[kind].setdefault(form, value)
        for stems in self._stems.values():
            stems.sort(key=lambda stem: -len(stem[0]))  # the longest stem decides
        #: Each kind's phrases by their first and by their last word, longest first: the longest that fits is read.
        self._by_first: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        self._by_last: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for kind, phrases in self._phrases.items():
            for words, value in sorted(phrases.items(), key=lambda p: -len(p[0])):
                self._by_first[(kind, words[0])].append((words, value))
                self._by_last[(kind, words[-1])].append((words, value))
        self._sets = {kind: frozenset(whole) for kind, whole in self._whole.items()}

    def get(self, kind: str, key: str) -> str | None:
        """The value of the word ``key`` (as :func:`_keyed` spells it) as a ``kind``, or None."""
        found = self._found.get((kind, key), "")
        if found != "":
            return found
        value = self._whole[kind].get(key)
        if value is None:
            value = next((v for stem, v in self._stems[kind] if key.startswith(stem)), None)
        if len(self._found) >= _KEPT:
            self._found.clear()  # a bound on a long run's memory: the words of a corpus, asked of each kind
        self._found[(kind, key)] = value
        return value

    def words(self, kind: str) -> frozenset[str]:
        """The whole words of ``kind``."""
        return self._sets.get(kind, frozenset())

    def phrases(self, kind: str) -> list[tuple[str, ...]]:
        """The phrases of ``kind``, single whole words included, as tuples of folded words."""
        return [*self._phrases[kind], *((w,) for w in self._whole[kind])]

    def ending_at(self, kind: str, toks: tuple[Token, ...], i: int) -> tuple[str, int] | None:
        """The longest ``kind`` phrase (or word) whose last word is ``toks[i - 1]``: its value and first index."""
        for words, value in self._by_last.get((kind, toks[i - 1].lower), ()) if i else ():
            n = len(words)
            if i >= n and tuple(t.lower for t in toks[i - n : i]) == words:
                return value, i - n
        if i and (word := self.get(kind, toks[i - 1].lower)) is not None:
            return word, i - 1
        return None

    def starting_at(self, kind: str, toks: tuple[Token, ...], i: int) -> tuple[str, int] | None:
        """The longest ``kind`` phrase (or word) that starts at ``toks[i]``: its value and the index after it."""
        for words, value in self._by_first.get((kind, toks[i].lower), ()) if i < len(toks) else ():
            n = len(words)
            if tuple(t.lower for t in toks[i : i + n]) == words:
                return value, i + n
        if i < len(toks) and (word := self.get(kind, toks[i].lower)) is not None:
            return word, i + 1
        return None

    def keyed(self, statement: Statement) -> tuple[Token, ...]:
        """The statement's tokens, each ``lower`` spelt as the tables are looked up (Serbian Cyrillic in Latin)."""
        return _keyed(self.table, statement.text, statement.start)


@lru_cache(maxsize=4096)
def _keyed(table: str, text: str, offset: int) -> tuple[Token, ...]:
    key = _KEYS[table]
    return tuple(
        Token(t.text, t.start, t.end, key(t.lower)) for t in tokens(Statement("", "", offset, offset + len(text), text))
    )


@cache
def load(table: str) -> Words:
    """The tables of ``table`` ("sr", "sq" or "ru")."""
    text = resources.files("compare").joinpath(f"data/fact-words-{table}.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, spellings, value = (line.split("\t") + [""])[:3]
            rows.append((kind, spellings, value))
    return Words(table, rows)


def words_for(language: str, document_language: str = "") -> Words | None:
    """The tables that read a statement of ``language`` in a document of ``document_language``; None for English
    and every language without tables, which the English readers read as before."""
    if language in _CYRILLIC_GUESSES and document_language == "sr":
        language = "sr"
    table = _TABLES.get(language)
    return load(table) if table else None


@cache
def _relative_words() -> frozenset[str]:
    return frozenset().union(*(load(table).words("relative") for table in _KEYS))


def relative_day(text: str) -> bool:
    """Whether ``text`` (a date fact's words) names its day from the article's date: "today" (as dates.py reads
    English), "juče", "вчера" (the tables' ``relative`` words)."""
    if names_relative_day(text):
        return True
    words = _relative_words()
    return any(key(t.lower) in words for t in tokens(Statement("", "", 0, len(text), text)) for key in _KEYS.values())
