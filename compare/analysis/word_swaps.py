"""Words a copy swapped for others, against the article it copies: the trace of a synonym spinner.

A "spinner" republishes an article with its words replaced by dictionary synonyms so that it passes for new
text. It works word by word, blind to sense, and leaves a copy that reads "40 individuals are useless after a
number of gunmen opened fireplace" where the original said "40 people are dead after multiple gunmen opened
fire". Such a copy still shares most of its 5-grams with the original (:mod:`.copies` puts them in one
family), so the original is at hand: aligned word by word, the two differ by short runs of ordinary words
swapped for other ordinary words, every few words.

Only swaps of lower-case English words count: a changed figure is an update or a conflict (the discrepancy
detector's), a changed name a spelling (name_variants'), and an unknown word a garble or damage (garbled_words',
encoding's). A spinner that also reorders a phrase ("family members" → "members of the family") leaves a run too
long to be one swap: the words it moved and the glue it added are set aside, and what is left is the swap. A swap
of one word for a spelling of itself ("authorised"/"authorized", "said"/"says") is an
editor's, not a spinner's. A wire copy edited by hand changes a handful of words; on the development corpora
the edited copies differ from their originals by 0 to 3 such swaps, the spun copy by 43 (13 % of its words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz.distance import Levenshtein

from . import lexicon

_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*|\d[\d,.]*")
#: The longest run of words on either side of a swap: "multiple" → "a number of".
LONGEST = 3
#: One word within this many edits of the other is a spelling of it, not a synonym.
SPELLING_EDITS = 2


@dataclass(frozen=True)
class Swap:
    was: str  #: the other article's words
    now: str  #: this article's words
    start: int  #: where ``now`` starts in this article's text
    end: int


def words(texts: list[tuple[int, str]]) -> list[tuple[str, int, int]]:
    """The words of an article's statements, given as (start in the document, text): (word, start, end)."""
    return [(m.group(), start + m.start(), start + m.end()) for start, text in texts for m in _WORD.finditer(text)]


def swaps(other: list[tuple[str, int, int]], this: list[tuple[str, int, int]]) -> list[Swap]:
    """Where ``this`` article's words replace ``other``'s by ordinary words of another spelling, each a run of at
    most :data:`LONGEST` words between stretches the two share."""
    matcher = SequenceMatcher(None, [w.lower() for w, _, _ in other], [w.lower() for w, _, _ in this], autojunk=False)
    ops = matcher.get_opcodes()
    out = []
    for n, (op, i1, i2, j1, j2) in enumerate(ops):
        if op != "replace":
            continue
        was, now = list(other[i1:i2]), list(this[j1:j2])
        if i2 - i1 > LONGEST or j2 - j1 > LONGEST:
            was, now = _reordered(ops, n, other, this)
            if not was or len(was) > LONGEST or len(now) > LONGEST:
                continue
        if not all(_ordinary(w) for w, _, _ in was + now):
            continue
        before, after = [w for w, _, _ in was], [w for w, _, _ in now]
        if len(was) == len(now) == 1 and Levenshtein.distance(before[0].lower(), after[0].lower()) <= SPELLING_EDITS:
            continue
        out.append(Swap(" ".join(before), " ".join(after), now[0][1], now[-1][2]))
    return out


#: Words this common (Zipf) are the glue a reordering adds or drops ("family members" → "members of the family").
_GLUE_ZIPF = 6.5
#: The longest run both articles keep between a replaced run and the words a reordering moved past it.
_MOVED_PAST = 2


def _reordered(
    ops: Sequence[tuple[str, int, int, int, int]],
    n: int,
    other: list[tuple[str, int, int]],
    this: list[tuple[str, int, int]],
) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    """The words swapped in a replaced run too long to be one swap, where a spinner also reordered a phrase:
    "three immediate family members" → "three rapid members of the family" aligns as "immediate" replaced by
    "rapid members of the", "family" kept, "members" dropped. With the words dropped or added just past a short
    kept run, less the words both sides hold ("members") and the glue ("of the"), what is left is the swap
    ("immediate" → "rapid"); ([], []) where nothing is."""
    _, i1, i2, j1, j2 = ops[n]
    was, now = list(other[i1:i2]), list(this[j1:j2])
    for step in (1, -1):
        kept, moved = n + step, n + 2 * step
        if not 0 <= moved < len(ops) or ops[kept][0] != "equal" or ops[kept][2] - ops[kept][1] > _MOVED_PAST:
            continue
        op, k1, k2, l1, l2 = ops[moved]
        if op in ("delete", "insert"):
            was += other[k1:k2]
            now += this[l1:l2]
    both = {w.lower() for w, _, _ in was} & {w.lower() for w, _, _ in now}
    if not both:
        return [], []  # no word moved: a long rewrite, not a reordering
    was, now = (
        [w for w in side if w[0].lower() not in both and lexicon.zipf(w[0].lower()) < _GLUE_ZIPF] for side in (was, now)
    )
    was.sort(key=lambda w: w[1])
    now.sort(key=lambda w: w[1])
    return (was, now) if was and now else ([], [])


def aligned(other: list[tuple[str, int, int]], this: list[tuple[str, int, int]]) -> float:
    """The share of the shorter article's words that the word alignment finds in both, in order: a copy's most
    of them however many words a spinner swapped ("opened fireplace" keeps "opened"), where two articles that
    only quote the same statement share a passage or two."""
    matcher = SequenceMatcher(None, [w.lower() for w, _, _ in other], [w.lower() for w, _, _ in this], autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(1, min(len(other), len(this)))


def _ordinary(word: str) -> bool:
    """A lower-case English word: not a figure, not a name, not a word English does not know."""
    return word.isalpha() and word.islower() and lexicon.is_english(word)


def rarer(found: list[Swap]) -> float:
    """How much rarer in English (Zipf, summed over the swaps, by each side's mean) the words put in are than the
    words they replace. A spinner draws on a thesaurus for words that are not the usual ones ("people" → "folks",
    "said" → "mentioned", "building" → "constructing"): the side with the rarer words is the spun one."""
    return sum(_mean_zipf(s.was) - _mean_zipf(s.now) for s in found)


def _mean_zipf(text: str) -> float:
    parts = text.split()
    return sum(lexicon.zipf(w.lower()) for w in parts) / len(parts)
