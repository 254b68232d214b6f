"""Whether an acronym is made of its long form's word starts, as English abbreviates a name.

Schwartz–Hearst (:func:`.acronyms.long_form`) asks only that the short form's letters occur in order, the first
at a word's start: "GM" fits "Georgian Dream" through the m of "Dream". A translation that kept the source
language's acronym (the Bulgarian ГМ of "Грузинска мечта") passes that test; here every run of the acronym's
letters must start a word of the long form ("KFOR": K-osovo, FOR-ce; "AFAD": AF-et, A-cil, D-urum).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .facts.tokens import fold


def made_of_word_starts(acronym: str, long: str) -> bool:
    """Whether ``acronym`` splits into runs, each a subsequence of a later word of ``long`` that starts with the
    word's first letter (words may be skipped: "of", "the")."""
    letters = fold(acronym).replace("-", "")
    words = [fold(w) for w in re.findall(r"[^\W_]+", long)]
    return _split(letters, tuple(words))


@lru_cache(maxsize=4096)
def _split(letters: str, words: tuple[str, ...]) -> bool:
    if not letters:
        return True
    for n, word in enumerate(words):
        if word[:1] != letters[0]:
            continue
        # the longest run this word can give, then shorter ones
        taken, rest = 1, iter(word[1:])
        while taken < len(letters) and letters[taken] in rest:
            taken += 1
        if any(_split(letters[k:], words[n + 1 :]) for k in range(taken, 0, -1)):
            return True
    return False
