"""Words of a source-language article with a letter lost, where the rest of the corpus prints the word whole.

An article in Bosnian that writes "polava" twice, in a corpus whose other articles write "poplava" (flood), lost a
letter: a typo a reader (or a translation of the article) carries on. wordfreq's Serbo-Croatian list does not tell
a typo from a rare inflected form on its own (it lacks many forms a noun or a verb takes), so the corpus decides:

* the word is lower case, five letters or more, neither a Serbo-Croatian word wordfreq knows nor an English one,
  and no other article prints it;
* one letter put back gives a common word of the language (Zipf 3 or more) that two articles at least print.

A letter typed as another or one too many is left alone: a form one letter from another ("snimki"/"snimci",
"stradalim"/"stradali") is as often the language's own inflection or dialect as a typo.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..model import Corpus, Statement
from . import lexicon

#: Statement languages read: Serbo-Croatian in Latin script, as stages/language reports it.
LANGUAGES = frozenset({"sh", "hr", "bs", "sr"})
_WORD = re.compile(r"[^\W\d_]+")
_LETTERS = "abcdefghijklmnopqrstuvwxyzčćšžđ"
#: The shortest word asked about: shorter ones are a letter from too many others.
_SHORTEST = 5
#: How common (Zipf, Serbo-Croatian) the whole word must be.
_WHOLE_ZIPF = 3.0
#: How many articles must print the whole word.
_PRINTED_BY = 2


def dropped(corpus: Corpus) -> Iterable[tuple[Statement, int, str, str, int]]:
    """Each word with a letter lost, as (statement, offset in it, the word, the whole word, how many articles print
    the whole word), in the corpus's order."""
    source = [s for s in corpus.statements if s.language in LANGUAGES]
    suspects = [
        (s, m)
        for s in source
        for m in _WORD.finditer(s.text)
        if len(m.group()) >= _SHORTEST and m.group().islower() and _unknown(m.group())
    ]
    if not suspects:
        return
    printed: dict[str, set[str]] = defaultdict(set)
    for statement in corpus.statements:
        for m in _WORD.finditer(statement.text):
            printed[m.group().lower()].add(statement.doc)
    for statement, m in suspects:
        word = m.group()
        if printed[word] != {statement.doc}:
            continue
        whole = [w for w in _one_more(word) if len(printed.get(w, ())) >= _PRINTED_BY and _common(w)]
        if whole:
            best = max(whole, key=lambda w: len(printed[w]))
            yield statement, m.start(), word, best, len(printed[best])


def _unknown(word: str) -> bool:
    return lexicon.zipf(word, "sh") == 0 and not lexicon.is_english(word)


def _common(word: str) -> bool:
    return lexicon.zipf(word, "sh") >= _WHOLE_ZIPF


def _one_more(word: str) -> set[str]:
    """``word`` with one letter put in anywhere."""
    return {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in _LETTERS}
