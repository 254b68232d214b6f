"""Full names one source spells otherwise, where the rest of the corpus agrees on the person's name.

:mod:`compare.analysis.names` pairs single words whose difference it can name
(diacritics, a romanisation, a case ending, lost letters). A translation also
swaps a vowel or a letter in a way no scheme explains ("Muhammadsober" for
"Muhammadsobir"), gives a given name another language's form ("Alexander" for
"Aleksandar", "Joseph" for "Josep") or hears a name wrong ("Corti" for "Kurti").
Alone, such a word is as likely another name. Beside the other half of the
person's name it is not: "Alexander Vučić" is the "Aleksandar Vučić" of every
other source. So the evidence here is the full name, a given name followed by a
family name:

* two full names are one person's when one half is the same (or spelled the same
  in the single-word table) and the other is a letter or two apart once romanised
  (:func:`~compare.analysis.spellings.romanised`; a hard c heard as k); long names
  may differ in both halves, a letter each;
* the spelling most independent articles use (copies count once) is the right
  one (where only the family name differs, that name alone, with its every
  mention in the articles that spell it so: "Corti" of "Albin Corti" and of
  "after meeting Corti"), and only where it has at least twice the other's articles and two at
  least: one source against one is no majority;
* beside one long family name, two given names with the same consonants in order are one name in two
  languages' forms ("Mykhailo" and "Mikheil Saakashvili");
* common English words are not names ("Health Ministry"/"Health Minister"),
  nor is English word formation ("Syria"/"Syrian") a misspelling (where English knows the formed word:
  "Jukan" beside "Darko Juka" has a letter added), and a given
  name with a feminine -a added ("Ivan"/"Ivana") is another person;
* a full name with a half the single-word table already reports ("Muhamedjon
  Sajfov", for "Sajfov") is not reported again;
* the full names of the Serbian and Albanian articles (:mod:`.native_names`: "Xhesika Biqiku" in an Albanian
  report) count among the majority's origins, read as the English spelling they decline, and are never a
  variant themselves (their grammar is their own).

A full name a page cut off with an ellipsis ("foreign policy chief Josep Bo...")
is a truncation of the whole name the corpus gives the person with that given name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz.distance import Levenshtein

from ..model import Corpus, Entity, Mention, Variant
from . import lexicon
from .facts.tokens import fold
from .native_names import NativeWord, readings
from .spellings import both_english, romanised, skeleton

#: A full name's half this common in English (Zipf) cannot carry the match: "Health", "North", "Prime".
_COMMON_ZIPF = 3.0
#: The fewest independent origins of a right spelling: one source against one is no majority.
_LEAST_ORIGINS = 2
#: Names at least this long, romanised, may be two letters apart; shorter ones one letter.
_LONG = 8
_HARD_C = re.compile(r"c(?![eiyh])")
#: The start of a family name cut off by an ellipsis, after a given name: " Bo..." of "Josep Bo...".
_ELLIPSIS = re.compile(r" ([A-ZČĆŠŽĐ][^\W\d_]{0,8})(?:\.\.\.|…)")
#: English word formation between two words: "Syria"/"Syrian", "Serb"/"Serbia".
_DERIVED = ("n", "an", "ian", "ns", "s", "ese", "ish", "ia", "ar")


def full_name_entities(
    corpus: Corpus, found: list[Mention], spelled: Mapping[str, str], native: Sequence[NativeWord] = ()
) -> list[Entity]:
    """Full names spelled otherwise by a minority of the corpus's articles, each with its majority spelling.

    ``found`` are the corpus's name mentions (single capitalised words, in text order); ``spelled`` maps a
    word to the canonical spelling the single-word table gives it, so that "Aleksandar Vucic" and
    "Aleksandar Vučić" are one spelling of one person here. ``native`` are the names of the source-language
    statements with their Latin spellings: evidence of how the majority writes a name, never a variant."""
    origin_of = {d.id: d.copy_of or d.id for d in corpus.documents}
    read = dict(zip(((m.doc, m.start) for m, _ in native), readings({m.text for m in found}, native)))
    people: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    written: dict[tuple[str, int], str] = {}  # how a source-language full name reads ("Xhesika Biqiku")
    reported = set()  # full names with a half the single-word table reports already ("Muhamedjon Sajfov")
    for first, second in _pairs(corpus, found + [m for m, _ in native]):
        words = [read.get((m.doc, m.start), m.text) for m in (first, second)]
        key = (fold(spelled.get(words[0], words[0])), fold(spelled.get(words[1], words[1])))
        text = corpus.document(first.doc).text[first.start : second.end]
        people[key].append(Mention(first.doc, first.statement, first.start, second.end, text))
        if (first.doc, first.start) in read:
            written[(first.doc, first.start)] = " ".join(words)
        elif spelled.get(first.text, first.text) != first.text or spelled.get(second.text, second.text) != second.text:
            reported.add((first.doc, first.start))
    origins = {key: len({origin_of.get(m.doc, m.doc) for m in found_}) for key, found_ in people.items()}
    candidates = _Candidates(people, origins)
    by_word: dict[str, list[Mention]] = defaultdict(list)  # every mention by its word's folded canonical spelling
    for m in found:
        by_word[fold(spelled.get(m.text, m.text))].append(m)
    for m, _ in native:
        word = read[(m.doc, m.start)]
        by_word[fold(spelled.get(word, word))].append(m)
    result = []
    for variant, every in people.items():
        mentions = [m for m in every if (m.doc, m.start) not in written]
        if all((m.doc, m.start) in reported for m in mentions):
            continue  # one finding for one misspelt name (and none for a name only source-language text prints)
        need = max(_LEAST_ORIGINS, 2 * origins[variant])
        better = [key for key in candidates.of(variant, origins, need) if _same_person(variant, key)]
        if not better:
            continue
        canonical = max(better, key=lambda key: (origins[key], len(people[key])))
        if variant[0] == canonical[0]:  # the family name: its every mention in those articles is the person's
            result.append(_family_name(variant[1], canonical[1], mentions, by_word, spelled, read))
            continue
        right = _written(people[canonical], spelled, written)
        result.append(
            Entity(
                right,
                [Variant(right, "", people[canonical]), Variant(_most_written(mentions), "spelling", mentions)],
            )
        )
    return result + _cut_short(corpus, found, spelled, people, origins)


class _Candidates:
    """The full names that may be one person's with a given one, in the corpus's order: those that share a half,
    and, for names whose halves are all long, those whose halves are each a letter apart once romanised (their
    one-letter deletions meet). :func:`_same_person` accepts no other pair, and asking it only of these keeps
    a corpus of thousands of names from comparing every name with every other."""

    def __init__(self, people: Mapping[tuple[str, str], object], origins: Mapping[tuple[str, str], int] | None = None):
        """``origins``: each name's independent origins, where only names of two at least are ever asked for (most
        names of a large corpus have one, and sets of them would be built for nothing)."""
        self.order = {key: n for n, key in enumerate(people)}
        self.pruned = origins is not None
        self.by_half: dict[tuple[int, str], list[tuple[str, str]]] = defaultdict(list)
        self.by_near: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for key in people:
            if origins is not None and origins[key] < _LEAST_ORIGINS:
                continue
            self.by_half[(0, key[0])].append(key)
            self.by_half[(1, key[1])].append(key)
            for near in self._near(key):
                self.by_near[near].append(key)

    @staticmethod
    def _near(key: tuple[str, str]) -> set[tuple[str, str]]:
        if min(len(key[0]), len(key[1])) < _LONG:
            return set()
        given, family = (lexicon.deletion_variants(_heard(half)) for half in key)
        return {(g, f) for g in given for f in family}

    def of(self, variant: tuple[str, str], origins: Mapping[tuple[str, str], int], need: int) -> list[tuple[str, str]]:
        """The candidates for ``variant`` that ``need`` independent origins spell so, in the corpus's order."""
        assert need >= _LEAST_ORIGINS or not self.pruned, "names of fewer origins are not indexed"
        found = set(self.by_half.get((0, variant[0]), ())) | set(self.by_half.get((1, variant[1]), ()))
        for near in self._near(variant):
            found.update(self.by_near.get(near, ()))
        return sorted((key for key in found if origins[key] >= need), key=self.order.__getitem__)


def _heard(word: str) -> str:
    """A folded word as it sounds for comparison: a hard c heard as k, then romanised alike. In that order: the
    romanisation writes Albanian q (a ć) as c, which is never a hard c ("Biquku" is a vowel from "Biqiku")."""
    return romanised(_HARD_C.sub("k", word))


def _cut_short(
    corpus: Corpus,
    found: list[Mention],
    spelled: Mapping[str, str],
    people: Mapping[tuple[str, str], list[Mention]],
    origins: Mapping[tuple[str, str], int],
) -> list[Entity]:
    """Full names a page cut off with an ellipsis ("chief Josep Bo..."), where the corpus writes the whole
    name of the person with that given name ("Josep Borrell"), in two articles at least."""
    cut: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for given in found:
        text = corpus.document(given.doc).text
        m = _ELLIPSIS.match(text, given.end)
        if not m:
            continue
        first, part = fold(spelled.get(given.text, given.text)), fold(m.group(1))
        whole = [k for k in people if k[0] == first and k[1].startswith(part) and k[1] != part and origins[k] >= 2]
        if whole:
            key = max(whole, key=lambda k: origins[k])
            cut[key].append(Mention(given.doc, given.statement, given.start, m.end(), text[given.start : m.end()]))
    result = []
    for key, mentions in cut.items():
        right = _written(people[key], spelled, {})
        result.append(
            Entity(right, [Variant(right, "", people[key]), Variant(mentions[0].text, "truncation", mentions)])
        )
    return result


def _family_name(
    variant: str,
    canonical: str,
    mentions: list[Mention],
    by_word: Mapping[str, list[Mention]],
    spelled: Mapping[str, str],
    read: Mapping[tuple[str, int], str],
) -> Entity:
    """A family name spelled otherwise beside the person's given name ("Albin Corti"): the articles that do so
    use it alone too ("after meeting Corti"), and each of those mentions is the same person's."""
    docs = {m.doc for m in mentions}
    wrong = [m for m in by_word.get(variant, []) if m.doc in docs and (m.doc, m.start) not in read]
    right = list(by_word.get(canonical, []))
    written = spelled.get(_most_written(right, read), _most_written(right, read))
    return Entity(written, [Variant(written, "", right), Variant(_most_written(wrong), "spelling", wrong)])


def _pairs(corpus: Corpus, found: list[Mention]) -> Iterable[tuple[Mention, Mention]]:
    """Two name words in a row, one space apart, in one statement: a given name and a family name."""
    by_statement: dict[str, list[Mention]] = defaultdict(list)
    for mention in found:
        by_statement[mention.statement].append(mention)
    for mentions in by_statement.values():
        mentions.sort(key=lambda m: m.start)
        for first, second in zip(mentions, mentions[1:]):
            if corpus.document(first.doc).text[first.end : second.start] == " ":
                yield first, second


def _same_person(variant: tuple[str, str], canonical: tuple[str, str]) -> bool:
    """Whether two full names (folded) are one person's: each half the same or close, one half the same unless
    both are long, and no half a common English word the match would rest on."""
    if variant == canonical:
        return False
    differing = [(v, c) for v, c in zip(variant, canonical) if v != c]
    shared = [v for v, c in zip(variant, canonical) if v == c]
    if any(lexicon.zipf(word) >= _COMMON_ZIPF for word in shared):
        return False
    if any(both_english(v, c) for v, c in differing):
        return False  # "Nikolay"/"Nikolai Kotelnikov": both English spellings of the given name, none misspelt
    if variant[1] == canonical[1] and len(variant[1]) >= _LONG and _one_given_name(variant[0], canonical[0]):
        return True
    if not shared and not all(_close(v, c, most=1) and min(len(v), len(c)) >= _LONG for v, c in differing):
        return False
    return all(_close(v, c) and not _derived(v, c) for v, c in differing)


#: Given names this long, with the same consonants in order, are one name in two languages' forms beside a
#: long family name ("Mykhailo"/"Mikheil Saakashvili", "Georgy"/"Giorgi").
_GIVEN_FORMS = 5


def _one_given_name(a: str, b: str) -> bool:
    """Whether two given names are one name in two languages' forms: the same consonants in order (vowels and
    glides differ between Ukrainian, Russian and Georgian forms), neither a feminine or derived form."""
    return min(len(a), len(b)) >= _GIVEN_FORMS and skeleton(a) == skeleton(b) and not _derived(a, b)


def _close(a: str, b: str, most: int = 2) -> bool:
    """Whether two folded words are a letter or two apart once romanised alike (two for long names only)."""
    sa, sb = _heard(a), _heard(b)
    allowed = min(most, 2 if min(len(sa), len(sb)) >= _LONG else 1)
    return Levenshtein.distance(sa, sb) <= allowed and not (
        lexicon.zipf(a) >= _COMMON_ZIPF and lexicon.zipf(b) >= _COMMON_ZIPF
    )


def _derived(a: str, b: str) -> bool:
    """English word formation ("syria"/"syrian") or a feminine given name ("ivan"/"ivana"): not one name. A word
    English does not know ("Jukan" beside "Darko Juka") is formed by no English ending: a letter was added."""
    short, long = sorted((a, b), key=len)
    if not long.startswith(short):
        return False
    ending = long[len(short) :]
    return ending == "a" or (ending in _DERIVED and lexicon.is_english(long))


def _written(mentions: list[Mention], spelled: Mapping[str, str], written: Mapping[tuple[str, int], str]) -> str:
    """How the majority writes a full name: each word in the single-word table's spelling (a source-language
    mention as it reads: "Милић" as "Milić")."""
    return " ".join(spelled.get(word, word) for word in _most_written(mentions, written).split(" "))


def _most_written(mentions: list[Mention], written: Mapping[tuple[str, int], str] | None = None) -> str:
    written = written or {}
    return Counter(written.get((m.doc, m.start), m.text) for m in mentions).most_common(1)[0][0]
