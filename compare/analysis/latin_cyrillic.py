"""Words of a Cyrillic-script language written in Latin letters: a translation that transliterated a name it
should have translated ("Edinstvo" for единство, Unity; "Pershiy Kanal" for перший канал, First Channel).

wordfreq lists Russian, Ukrainian and Bulgarian in Cyrillic, so a Latin spelling is read back into the Cyrillic
spellings it may stand for (the usual romanisations are ambiguous: y is и, ы, й or і; h is г or х) and looked up
there. Only a common word counts: a rare one is as likely a name that merely sounds Slavic.
"""

from __future__ import annotations

from functools import lru_cache

from . import lexicon

#: Latin letter groups and the Cyrillic letters each may stand for, longest groups first.
_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("shch", ("щ",)),
    ("zh", ("ж",)),
    ("kh", ("х",)),
    ("ts", ("ц", "тс")),
    ("ch", ("ч",)),
    ("sh", ("ш",)),
    ("yu", ("ю",)),
    ("ya", ("я",)),
    ("ye", ("е", "є")),
    ("yo", ("ё",)),
    ("yi", ("ї", "ый", "ий")),
    ("iy", ("ий", "ій", "ы")),
    ("a", ("а",)),
    ("b", ("б",)),
    ("c", ("ц", "к")),
    ("d", ("д",)),
    ("e", ("е", "э")),
    ("f", ("ф",)),
    ("g", ("г",)),
    ("h", ("г", "х")),
    ("i", ("и", "і")),
    ("j", ("й",)),
    ("k", ("к",)),
    ("l", ("л",)),
    ("m", ("м",)),
    ("n", ("н",)),
    ("o", ("о",)),
    ("p", ("п",)),
    ("r", ("р",)),
    ("s", ("с",)),
    ("t", ("т",)),
    ("u", ("у",)),
    ("v", ("в",)),
    ("y", ("ы", "и", "й")),
    ("z", ("з",)),
)
#: Languages read back into, and how common (Zipf) the word must be in one of them.
_LANGUAGES = ("ru", "uk", "bg")
_COMMON = 3.0
#: A Latin spelling this common in English (Zipf) is English usage: a newspaper's name ("Pravda", 2.7), a word.
_KNOWN_IN_ENGLISH = 2.5
#: Spellings tried at most for one word: the ambiguities multiply.
_MOST = 256


def _spellings(word: str) -> list[str]:
    out = [""]
    rest = word
    while rest:
        for group, letters in _GROUPS:
            if rest.startswith(group):
                out = [o + c for o in out for c in letters][:_MOST]
                rest = rest[len(group) :]
                break
        else:
            return []  # a letter no romanisation of these languages writes (q, w, x)
    return out


@lru_cache(maxsize=4096)
def cyrillic_word(word: str) -> tuple[str, str]:
    """(language, Cyrillic spelling) of a common Russian, Ukrainian or Bulgarian word ``word`` transliterates, or
    ("", "")."""
    lower = word.lower()
    if len(lower) < 4 or not lower.isascii() or lexicon.zipf(lower) >= _KNOWN_IN_ENGLISH:
        return "", ""
    best = ("", "", 0.0)
    for spelling in _spellings(lower):
        for language in _LANGUAGES:
            usage = lexicon.zipf(spelling, language)
            if usage >= _COMMON and usage > best[2]:
                best = (language, spelling, usage)
    return best[0], best[1]
