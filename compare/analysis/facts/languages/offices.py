"""Offices held by named people in Serbian, Croatian, Bosnian and Albanian statements, as English's role facts.

"ministrin e Mbrojtjes, Pançe Toshkovski" and "ministar unutrašnjih poslova Panče Toškovski" name a person's
office as "Defence Minister Pance Toskovski" does in English (:func:`..people.roles`): a ``role`` fact whose
subject is the person's key and whose value is the English title, so that the corpus-wide comparison of offices
(:mod:`compare.detect.discrepancy`) sets a source-language article's office beside the English ones.

Only offices whose words name one office are listed (``office`` rows of ``compare/data/fact-words-*.tsv``):
ministers of a named portfolio and the prime minister. "predsednik" or "presidenti" also head assemblies, courts
and parties, and are left out. The person is the run of capitalised words right after the title (a comma
between them allowed); a run longer than a name ("Severne Makedonije Panče Toškovski", where the country is
named first) gives its last two words.
"""

from __future__ import annotations

import re

from ....model import Fact, Statement
from ..people import person_key
from .words import Words

#: Words of a person's name read after a title: the first and last name.
_NAME_WORDS = 2
#: What may stand between a title and the name, or between two words of the name.
_TITLE_GAP = re.compile(r"\s*,?\s*")
_NAME_GAP = re.compile(r"[ \t]+")


def extract(statement: Statement, words: Words) -> list[Fact]:
    toks = words.keyed(statement)
    out = []
    text, offset = statement.text, statement.start
    i = 0
    while i < len(toks):
        found = words.starting_at("office", toks, i)
        if found is None:
            i += 1
            continue
        title, j = found
        j += j < len(toks) and toks[j].text == ","  # "ministrin e Mbrojtjes, Pançe Toshkovski"
        run: list[int] = []
        gap = _TITLE_GAP
        while j < len(toks) and toks[j].capitalised and toks[j].text.isalpha():
            before = toks[run[-1]].end if run else toks[j - 1].end
            if not gap.fullmatch(text[before - offset : toks[j].start - offset]):
                break
            run.append(j)
            gap, j = _NAME_GAP, j + 1
        if len(run) >= _NAME_WORDS:
            name = run[-_NAME_WORDS:]
            start, end = toks[i].start, toks[name[-1]].end
            out.append(
                Fact(
                    kind="role",
                    statement=statement.id,
                    doc=statement.doc,
                    start=start,
                    end=end,
                    text=text[start - offset : end - offset],
                    value=title,
                    subject=person_key(" ".join(toks[k].text for k in name)),
                )
            )
        i = max(j, i + 1)
    return out
