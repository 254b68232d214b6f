"""What a translated sentence changed of its original: numbers, dates, names and negation.

The two sentences are in different languages (Serbian in either script, Albanian or Russian against English),
so nothing is compared word for word. Each side is read for what survives translation unchanged: figures,
dates (a day and a month name), the spelling of names, and whether the sentence is negated. A change is
reported only where both sides give something and the two disagree: a figure the translation spelt out in
words ("dvadeset" → "20") or a name it translated ("Klinički centar" → "Clinical Centre") has nothing to
disagree with, and stays silent.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .notation import Dated, dates, latin, number_value
from .spellings import romanised, untransliterated

__all__ = ["Change", "Dated", "changes", "dates", "latin", "negations", "numbers", "renamed"]

#: Digits with separators; a trailing period ("1998. godine", Serbian ordinals) is not part of the number.
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")

# --- negation ------------------------------------------------------------------------------------------------

#: Words that negate a clause, lower-case; Serbian after latin() and with its diacritics kept ("neće").
_NEGATIONS: dict[str, frozenset[str]] = {
    "en": frozenset("not no never none nobody nothing neither nor cannot".split()),
    "sr": frozenset(
        "ne nije nisu nisam nisi nismo niste nema nemaju nemamo nemate nemam neće nećemo nećete neću nećeš "
        "nikad nikada niko nikoga ništa nijedan nijedna nijedno".split()
    ),
    "sq": frozenset("nuk s' s’ jo mos asnjë kurrë askush asgjë".split()),
    "ru": frozenset("не нет никогда никто ничего ни".split()),
}
#: A negation word before these does not negate the clause ("not only", "ne samo", "jo vetëm").
_NOT_NEGATING_BEFORE = frozenset("only just samo vetëm только".split())
#: A word with its clitic ("didn't"), or Albanian s' alone ("s'erdhi": did not come).
_NEGATION_TOKEN = re.compile(r"(?<!\w)[sS][’'](?=\w)|[^\W\d_]+(?:[’'][^\W\d_]+)?")


def negation_language(language: str) -> str:
    """Which negation list reads a document of ``language`` (ISO 639-1, "sh" for Serbo-Croatian in Latin)."""
    if language == "sq":
        return "sq"
    if language in ("ru", "uk", "be"):
        return "ru"
    return "en" if language == "en" else "sr"


def negations(text: str, language: str) -> list[tuple[int, int]]:
    """Spans of the words that negate a clause in ``text`` (``language``: a key of the negation lists)."""
    words = _NEGATIONS[language]
    tokens = list(_NEGATION_TOKEN.finditer(latin(text) if language == "sr" else text))
    spans = []
    for n, m in enumerate(tokens):
        word = m.group().lower()
        following = tokens[n + 1].group().lower() if n + 1 < len(tokens) else ""
        if following in _NOT_NEGATING_BEFORE:
            continue
        if word in words or (language == "en" and word.endswith(("n't", "n’t"))):
            spans.append((m.start(), m.end()))
    if language == "sr" and spans:  # latin() changes lengths (љ → lj): find the words again in the text itself
        return _respan(text, latin(text), spans)
    return spans


def _respan(text: str, converted: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    offsets, position = [], 0  # converted offset -> text offset
    for ch in text:
        offsets.extend([position] * len(latin(ch)))
        position += 1
    offsets.append(position)
    return [(offsets[s], offsets[e - 1] + 1) for s, e in spans]


# --- names ---------------------------------------------------------------------------------------------------

#: Zipf frequency from which a capitalised English word is taken for a word, not a name ("Police" 5.3,
#: "Clinical" 4.5, "Firefighters" 3.6); rarer ones may be names ("Milosh" 1.4, "Novi" 2.6).
ENGLISH_WORD_ZIPF = 3.5
_CAPITALISED = re.compile(r"(?<![\w’'])[^\W\d_][^\W_]*(?:[-’'][^\W\d_]+)*")


@lru_cache(maxsize=1 << 14)
def _keys(word: str) -> tuple[str, str]:
    """How a name is compared: strictly (script, diacritics and Serbian digraphs folded: "Đurić" = "Djuric")
    and loosely (any romanisation: "Šćekić" = "Shchekich", "Xhevdet" = "Dzhevdet")."""
    text = latin(word)
    # Loosely, đ is dž: Russian spells both дж ("Джокович"), so "Dzhokovich" is Đoković through Russian. Doubled
    # letters stay: "Puttin" is a misspelling, not a romanisation.
    return untransliterated(text), romanised(text.replace("đ", "dž").replace("Đ", "Dž"), doubles=False)


#: Languages whose names English romanises by its own scheme (Russian х as kh, ч as ch, й as y: "Махачкала" is
#: "Makhachkala", "Сергей" "Sergey"): a translation that spells them so has romanised them right. Serbian
#: Cyrillic has its own Latin spelling, which :func:`_keys` reads.
_ENGLISH_SCHEME = frozenset({"ru"})


@lru_cache(maxsize=1 << 14)
def _english_key(word: str) -> str:
    """A name as English romanises Russian (anyascii), with the glides English writes several ways (y, i, j;
    "Sergey"/"Sergei", "Gariyeva"/"Garieva") as one."""
    from anyascii import anyascii

    text = anyascii(word.lower()).replace("'", "")
    return re.sub(r"i+", "i", re.sub(r"[yj]", "i", text))


def _stem_of(translated: str, original: str) -> bool:
    """Whether ``original`` is ``translated`` with a case ending: Serbian and Albanian decline names
    ("Vučića", "Kurtit"), English does not; a final vowel may change ("Srbija" → "Srbiji")."""
    if len(translated) < 3:
        return translated == original
    if original.startswith(translated) and len(original) - len(translated) <= 3:
        return True
    return (
        len(translated) >= 4
        and translated[-1] in "aeiou"
        and original.startswith(translated[:-1])
        and len(original) - len(translated) <= 2
    )


def _names(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _CAPITALISED.finditer(text) if m.group()[0].isupper()]


def renamed(original: str, translation: str, language: str = "") -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Names the translation spells through another language's romanisation ("Milosh Shchekich" for "Miloš
    Šćekić"): (span in the original, span in the translation) for each run of such words. An original in
    ``language`` that English romanises by its own scheme (:data:`_ENGLISH_SCHEME`) is spelt right so."""
    originals = _names(original)
    english = language in _ENGLISH_SCHEME
    changed: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for start, end, word in _names(translation):
        if lexicon.zipf(word.lower()) >= ENGLISH_WORD_ZIPF:  # "Police", "The", "Clinical": words, not names
            continue
        strict, loose = _keys(word)
        if any(_stem_of(strict, _keys(other)[0]) for _, _, other in originals):
            continue
        if english and any(_stem_of(_english_key(word), _english_key(other)) for _, _, other in originals):
            continue  # "Makhachkala" of "Махачкале": English's romanisation of Russian
        partner = next((o for o in originals if _stem_of(loose, _keys(o[2])[1])), None)
        if partner is None:
            continue  # a name the original words otherwise, or a translated one: nothing to set it against
        if changed and not translation[changed[-1][1][1] : start].strip():  # the next word of the same name
            (o_start, o_end), (t_start, _) = changed[-1]
            changed[-1] = ((min(o_start, partner[0]), max(o_end, partner[1])), (t_start, end))
        else:
            changed.append(((partner[0], partner[1]), (start, end)))
    return changed


# --- all together --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One thing a translated sentence changed: its kind and where it is on each side (sentence offsets)."""

    what: str  #: "number", "date", "name" or "negation"
    original: tuple[int, int]
    translation: tuple[int, int]


def numbers(text: str, english: bool, outside: list[Dated]) -> list[tuple[int, int, str]]:
    """Figures of ``text`` (start, end, value) that are not part of one of the dates ``outside``."""
    return [
        (m.start(), m.end(), number_value(m.group(), english))
        for m in _NUMBER.finditer(text)
        if not any(d.start <= m.start() < d.end for d in outside)
    ]


def _unmatched(ours: list, theirs: list, same) -> list:
    left = list(theirs)
    out = []
    for item in ours:
        match = next((other for other in left if same(item, other)), None)
        if match is None:
            out.append(item)
        else:
            left.remove(match)
    return out


def changes(original: str, translation: str, language: str) -> list[Change]:
    """What ``translation`` (English) changed of ``original`` (in ``language``), in the order of the
    translation's words."""
    found: list[Change] = []
    o_dates, t_dates = dates(original, english=False), dates(translation, english=True)
    for a, b in zip(_unmatched(o_dates, t_dates, Dated.same), _unmatched(t_dates, o_dates, lambda x, y: y.same(x))):
        found.append(Change("date", (a.start, a.end), (b.start, b.end)))
    o_numbers, t_numbers = numbers(original, False, o_dates), numbers(translation, True, t_dates)
    o_values, t_values = Counter(v for *_, v in o_numbers), Counter(v for *_, v in t_numbers)
    o_extra = [n for n in o_numbers if (o_values - t_values)[n[2]] > 0]
    t_extra = [n for n in t_numbers if (t_values - o_values)[n[2]] > 0]
    for a, b in zip(o_extra, t_extra):  # a figure only one side writes in digits is not a change
        found.append(Change("number", (a[0], a[1]), (b[0], b[1])))
    for o_span, t_span in renamed(original, translation, language):
        found.append(Change("name", o_span, t_span))
    o_negated, t_negated = negations(original, negation_language(language)), negations(translation, "en")
    if bool(o_negated) != bool(t_negated):
        whole_o, whole_t = (0, len(original)), (0, len(translation))
        found.append(Change("negation", o_negated[0] if o_negated else whole_o, t_negated[0] if t_negated else whole_t))
    return sorted(found, key=lambda c: c.translation)
