"""Names as the articles in the story's own languages print them: evidence of a name's right letters.

An English article about Serbia or Albania often writes a local name without its marks ("Vucic", "Thumane"),
and sometimes no English article of the corpus writes it with them. The articles in Serbian (either script),
Croatian, Bosnian or Albanian do: "Vučić", "Милић", "Thumanë". They are sources like the English ones, but their
names follow their own grammar, so they are read here only as evidence of how a name the English articles use
is spelt, never as variants to report:

* a capitalised word of a source-language statement, not the statement's first word (which a sentence
  capitalises whatever it is) unless Serbo-Croatian has no such word, in Latin or Serbian Cyrillic (spelt in
  Serbian Latin letter for letter: Vuk's alphabet gives each letter one Latin spelling, "Милић" → "Milić");
* declined as the sentence needs it ("Milića", "u Vračaru", "Thumanës", "Durrësit"): the word supports the English
  spelling it starts with, less one of the case endings below, or with the ending in place of the name's final
  vowel ("Tiršovoj" of "Tiršova"); of several, the longest ("Durrës" supports "Durres", not "Durre");
* and only where the native letters restore marks the English spelling lacks, or are the English spelling with
  its marks: a plain native spelling ("Thumane" on a page typed without ë) says nothing English does not.

The native spelling then stands beside the English ones when :mod:`.names` chooses the canonical form, each
article that prints it counting as an origin ("Milić" in two Serbian articles against one English "Milic").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..model import Document, Mention, Statement
from . import lexicon
from .facts.tokens import fold
from .letters import UPPER
from .notation import latin

#: A name word of a source-language statement, with its Latin spelling ("Милића", "Milića").
NativeWord = tuple[Mention, str]

#: Statement languages whose names are read as native spellings: Serbo-Croatian in Latin (``sh``, as
#: stages/language reports it), Serbian Cyrillic (``sr``) and Albanian. Russian, Bulgarian and Macedonian Cyrillic
#: romanise otherwise (ч is "ch" in English usage, not "č"), so they give no native Latin spelling.
NATIVE_LANGUAGES = frozenset({"sh", "sr", "hr", "bs", "sq"})
#: Cyrillic statements of a Serbian article that langdetect gave another Cyrillic language: Serbian text without
#: the letters only Serbian uses.
_CYRILLIC_LANGUAGES = frozenset({"mk", "bg", "ru", "uk"})
#: Case endings of Serbo-Croatian and Albanian nouns that names take in running text (genitive, dative, accusative,
#: locative, instrumental; Albanian definite forms): "Milića", "Vračaru", "Milićem", "Tiršovoj"; "Thumanës",
#: "Thumanën", "Durrësit", "Durrësi".
CASE_ENDINGS = frozenset(
    "a u e i o om em oj og ima ama ih "  # Serbo-Croatian
    "s n t it ut in un ës në së ve ja ri rit".split()  # Albanian
)
_WORD = re.compile(rf"(?<![\w’'])[{UPPER}\u0400-\u042f][\w’'-]*\w")
#: A capitalised word this common in English (Zipf) is a word before it is a name: no native spelling is sought.
_COMMON_ZIPF = 3.0
#: The shortest English spelling (folded) a native word is matched with.
_SHORTEST = 4


def document_words(document: Document, statements: list[Statement]) -> list[tuple[int, int, int, str, str]]:
    """One article's native name words as (statement number, start, end, text, Latin spelling): plain data."""
    out = []
    for number, statement in enumerate(statements):
        if not _native(document, statement):
            continue
        for m in _WORD.finditer(statement.text):
            word = m.group()
            if word.isupper() or (m.start() == 0 and not _no_word(statement, latin(word))):
                continue  # a headline's or an acronym's capitals, or the sentence's
            start = statement.start + m.start()
            for offset, part in _parts(word):
                out.append((number, start + offset, start + offset + len(part), part, latin(part)))
    return out


def _parts(word: str) -> list[tuple[int, str]]:
    """A compound of names as its names, each with its offset ("Blažev-Pančo", a singer's double name: each part is
    spelt as on its own, and the English articles' mentions are split alike); any other word whole."""
    parts = word.split("-")
    if len(parts) < 2 or not all(part[:1].isupper() for part in parts):
        return [(0, word)]
    offsets = [sum(len(p) + 1 for p in parts[:n]) for n in range(len(parts))]
    return list(zip(offsets, parts))


def _no_word(statement: Statement, word: str) -> bool:
    """Whether ``word`` (Latin) opening a Serbo-Croatian statement is no word of the language: a name, though the
    sentence would capitalise it anyway ("Kavazović" after a split at "Husein-ef."). Albanian has no word list to
    ask, so its first words stay unread."""
    return statement.language != "sq" and lexicon.zipf(word.lower(), "sh") < lexicon.UNKNOWN_ZIPF


def _native(document: Document, statement: Statement) -> bool:
    if statement.language in NATIVE_LANGUAGES:
        return True
    return statement.language in _CYRILLIC_LANGUAGES and document.language == "sr"


def spellings(english: Iterable[str], words: Sequence[NativeWord]) -> dict[str, list[Mention]]:
    """The native spellings of English ``spellings`` that the ``words`` (a mention and its Latin spelling) print
    with marks, each with the mentions that print it: "Milić" ← "Милић", "Милића" for the English "Milic"."""
    whole, less_vowel = _index(english)
    found: dict[str, list[Mention]] = defaultdict(list)
    for mention, word in words:
        spelling = nominative(word, whole, less_vowel)
        if spelling and fold(spelling) != spelling.lower():  # marks: the native spelling adds something
            found[spelling].append(mention)
    return dict(found)


def readings(english: Iterable[str], words: Sequence[NativeWord]) -> list[str]:
    """How each of ``words`` reads beside the English ``spellings``: the English spelling it declines, in its own
    letters ("Biqikut" → "Biqiku"), else its Latin spelling."""
    whole, less_vowel = _index(english)
    return [nominative(word, whole, less_vowel) or word for _, word in words]


class _Uncommon:
    """Values by key, each kept only where its English spelling is no common English word (Zipf below
    :data:`_COMMON_ZIPF`): asked of the keys a native word looks up, not of every spelling of the corpus (the
    frequency of a word not yet asked costs wordfreq a look-up, and the corpus holds thousands of spellings)."""

    def __init__(self) -> None:
        self._all: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._kept: dict[str, list[str]] = {}

    def add(self, key: str, spelling: str, value: str) -> None:
        self._all[key].append((spelling, value))

    def get(self, key: str) -> list[str]:
        """The values kept under ``key``, in the order added; [] if none."""
        kept = self._kept.get(key)
        if kept is None:
            entries = self._all.get(key, ())
            kept = self._kept[key] = [v for t, v in entries if lexicon.zipf(t.lower()) < _COMMON_ZIPF]
        return kept


def _index(english: Iterable[str]) -> tuple[_Uncommon, _Uncommon]:
    """The English spellings by their folded form, and by it less a final vowel (that vowel)."""
    whole, less_vowel = _Uncommon(), _Uncommon()
    for text in english:
        folded = fold(text)
        if len(folded) < _SHORTEST:
            continue
        whole.add(folded, text, text)
        if folded[-1] in "aeiou":
            less_vowel.add(folded[:-1], text, folded[-1])
    return whole, less_vowel


def nominative(word: str, whole: _Uncommon, less_vowel: _Uncommon) -> str:
    """``word`` as the longest English spelling it declines (folded keys of ``whole``), in ``word``'s letters; or
    with a case ending in place of the spelling's final vowel (keys of ``less_vowel``); else ""."""
    for cut in range(len(word), _SHORTEST - 1, -1):
        stem, ending = word[:cut], word[cut:].lower()
        if ending and ending not in CASE_ENDINGS:
            continue
        folded = fold(stem)
        if whole.get(folded):
            return stem
        vowels = less_vowel.get(folded) if ending else []
        if vowels:
            return stem + vowels[0]
    return ""


#: A source-language name this long, one letter of its stem typed as another, is a misprint of the spelling the
#: corpus agrees on (:func:`misprints`); shorter names a letter apart are as often two names.
_MISPRINT_LENGTH = 8
#: The last letters of a name, where Serbo-Croatian and Albanian endings change it ("Kushtetuta"/"Kushtetutë"):
#: a letter changed there may be grammar, so only the letters before them are compared.
_ENDING_ROOM = 3
#: The fewest independent articles that must print the right spelling.
_MISPRINT_ORIGINS = 2


def misprints(
    native: Sequence[NativeWord], origin_of: dict[str, str]
) -> list[tuple[str, list[Mention], str, list[Mention]]]:
    """Names one source-language article prints with one letter of the stem typed as another, where independent
    articles in the language, two at least, print the name right: "Buturević Polje" in one Bosnian article,
    "Buturović Polje" in three others. A misprint, not grammar: endings change a name's last letters, not its
    stem. As (right spelling, its mentions, misprint, its mentions). English spellings are no evidence (the
    language's "Hercegovina" is not a misprint of English's "Herzegovina"), and a spelling that differs only in
    marks is a page typed without them, not a misprint."""
    by_word: dict[str, list[Mention]] = defaultdict(list)
    misprinted = {word for _, word in native}
    for mention, word in native:
        by_word[word].append(mention)
    starred: dict[str, list[str]] = defaultdict(list)  # a spelling with one stem letter starred → spellings
    for word in by_word:
        for key in _starred(word) + _shortened(word):
            starred[key].append(word)
    out = []
    for word in sorted(misprinted):
        mentions = by_word[word]
        origins = {origin_of.get(m.doc, m.doc) for m in mentions}
        if len(origins) != 1:
            continue
        right = {
            other
            for key in _starred(word) + _shortened(word)
            for other in starred[key]
            if fold(other) != fold(word)
            and (len(other) == len(word) or _stem_edit(word, other))
            and len({origin_of.get(m.doc, m.doc) for m in by_word[other]} - origins) >= _MISPRINT_ORIGINS
        }
        if len(right) == 1:
            other = right.pop()
            out.append((other, by_word[other], word, mentions))
    return out


#: The last letters a letter dropped, added or swapped with its neighbour must leave alike: "Makedonje" for
#: "Makedonije" keeps the genitive's -je, where "Makedonija" and "Makedoniju" are grammar.
_KEPT_ENDING = 2


def _shortened(word: str) -> list[str]:
    """``word`` and ``word`` less one letter before its ending: two spellings one letter added, dropped or two
    swapped apart share one (checked by :func:`_stem_edit`)."""
    if len(word) < _MISPRINT_LENGTH or not word[:1].isupper():
        return []
    return [word] + [word[:i] + word[i + 1 :] for i in range(1, len(word) - _KEPT_ENDING)]


def _stem_edit(word: str, other: str) -> bool:
    """Whether the two are one letter added, dropped or swapped with its neighbour apart, their endings alike, and
    not the ijekavian and ekavian forms of one word ("Sjevernoj", "Severnoj": Bosnian and Serbian for North)."""
    from .misprints import one_edit

    stems = [_JAT.sub("e", w[:-_KEPT_ENDING].lower()) for w in (word, other)]
    return (
        word[-_KEPT_ENDING:] == other[-_KEPT_ENDING:] and stems[0] != stems[1] and one_edit(word.lower(), other.lower())
    )


_JAT = re.compile("ije|je")


def _starred(word: str) -> list[str]:
    if len(word) < _MISPRINT_LENGTH or not word[:1].isupper():
        return []
    return [word[:i] + "*" + word[i + 1 :] for i in range(1, len(word) - _ENDING_ROOM)]
