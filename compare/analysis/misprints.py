"""A name one article prints once with one letter wrong, where independent articles print it right.

Machine translation and hurried copy leave a name with one letter changed, added, dropped or two swapped
("Nastik" for Nastic, "Gorchi" for Girchi, "Kavkazu" for Kavkaza). Such a form has no difference
:func:`~.spellings.relation` can name, and often another consonant skeleton than the name, so :mod:`.names`
never compares the two. The corpus is the evidence: a spelling one origin alone prints, one edit
(Damerau-Levenshtein) from a spelling at least two independent origins print, is that name misprinted. Short
words are left alone (one letter turns many names into others), as are words English knows, and two spellings one
statement prints together (two names).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from rapidfuzz.distance import OSA

from ..model import Entity, Mention, Variant
from . import lexicon
from .facts.tokens import fold
from .spellings import relation

#: Letters from which one edit is a misprint, not another name ("Mirko"/"Marko" are five: the given-name guard of
#: :mod:`.names` and the origins keep them apart; four-letter names are too close to each other).
MIN_LENGTH = 5
#: A spelling English prints this often (Zipf) is a word or a name of its own ("Pence"), not a misprint.
_ENGLISH_ZIPF = 2.0
#: Independent origins that must print the right spelling.
_ATTESTED = 2


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one substitution, insertion, deletion or swap of neighbours apart."""
    return OSA.distance(a, b, score_cutoff=1) == 1


def misprints(
    by_text: dict[str, list[Mention]], evidence: dict[str, list[Mention]], origin_of: dict[str, str]
) -> list[tuple[str, str]]:
    """(misprint, right spelling) pairs: ``by_text`` the English mentions of each spelling (the misprints' side),
    ``evidence`` every spelling's mentions, the source-language articles' included (the right side)."""
    origins = {t: {origin_of.get(m.doc, m.doc) for m in found} for t, found in evidence.items()}
    index: dict[str, set[str]] = defaultdict(set)
    for text in evidence:
        folded = fold(text)
        if len(folded) >= MIN_LENGTH and len(origins[text]) >= _ATTESTED and not _english(text):
            for key in lexicon.deletion_variants(folded):
                index[key].add(text)
    statements: dict[str, set[str]] = {t: {m.statement for m in found} for t, found in by_text.items()}
    out = []
    for text in by_text:
        folded = fold(text)
        if len(folded) < MIN_LENGTH or len(origins[text]) != 1 or _english(text):
            continue
        candidates = {c for key in lexicon.deletion_variants(folded) for c in index.get(key, ())}
        right = [
            c
            for c in candidates
            if _first(fold(c)) == _first(folded)  # a first letter changed is as often another name ("Milic", "Bilic")
            and one_edit(folded, fold(c))
            and not _ending(folded, fold(c))
            and relation(text, c) == "none"  # a named difference is .names's to judge
            and (relation(c, text) == "none" or _consonant_added(folded, fold(c)))
            and not statements[text] & statements.get(c, set())
        ]
        if right:
            best = max(right, key=lambda c: (len(origins[c]), len(evidence[c])))
            if sum(len(origins[c]) == len(origins[best]) for c in right) == 1:
                out.append((text, best))
    return out


_VOWELS = frozenset("aeiouy")


def _consonant_added(longer: str, shorter: str) -> bool:
    """Whether ``longer`` is ``shorter`` with a consonant put between two consonants ("Brjdjanin" for Brdjanin): no
    romanisation does that, where a vowel added is often another's ("Tartous", "Tartus")."""
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1 :] == shorter:
            around = longer[max(0, i - 1) : i + 2]
            return len(around) == 3 and not _VOWELS & set(around)
    return False


def _first(folded: str) -> str:
    """The first letter, a hard c and k alike ("Cocani" for Kocani, as a French translation hears it)."""
    return "k" if folded[0] == "c" and folded[1:2] in ("a", "o", "u") else folded[0]


def _ending(a: str, b: str) -> bool:
    """Whether one spelling is the other with a letter more at the end: English word formation ("Saidakram",
    "Saidakrami") or a letter lost, which :func:`~.spellings.relation` tells apart."""
    return a.startswith(b) or b.startswith(a)


def _english(text: str) -> bool:
    return lexicon.is_english(text, _ENGLISH_ZIPF)


def add(
    result: list[Entity],
    by_text: dict[str, list[Mention]],
    evidence: dict[str, list[Mention]],
    origin_of: dict[str, str],
    apart: Callable[[str, str], bool],
) -> None:
    """Adds to ``result`` each misprint (:func:`misprints`) no entity holds yet, under the entity of the right
    spelling, or as a new one; ``apart(misprint, right)`` tells two names (from their given names)."""
    placed = {v.text: entity for entity in result for v in entity.variants}
    for text, right in misprints(by_text, evidence, origin_of):
        if text in placed or apart(text, right):
            continue
        entity = placed.get(right) or Entity(right, [Variant(right, "", evidence[right])])
        if right not in placed:
            result.append(entity)
            placed[right] = entity
        entity.variants.append(Variant(text, "spelling", by_text[text]))
        placed[text] = entity
