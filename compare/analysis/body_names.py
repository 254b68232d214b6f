"""Names of bodies (parties, coalitions, laws) of several words that a minority of the articles writes otherwise.

A translation renders a body's name word for word, and its small words drift: "Coalition for Changes" (the
source's plural) or "Coalition of Change" where every other outlet writes "Coalition for Change", or a quoted
name stops short ("Unity – National" for "Unity – National Movement"). Each word alone is English, so neither
the single-word table (:mod:`.names`) nor the full names of people (:mod:`.full_names`) sees it; the evidence is
the corpus: the name as most independent articles write it (copies count once), at least three and twice the
variant's articles. Only these differences count, each a translation's and never another body's name:

* one small word swapped for another ("for"/"of": a preposition the source language's case chose);
* one capitalised word with a plural ending added or dropped ("Changes"/"Change");
* a quoted name cut short: every use of the shorter one ends at its closing quotation mark, and its words begin
  the longer name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..model import Corpus, Entity, Mention, Variant

#: Small words inside a body's name ("Coalition *for* Change", "Law *on* Transparency").
_SMALL = frozenset("of for on in to at with and".split())
#: A name's words: capitalised words, small words between them, dashes and hyphens joining its parts.
_NAME = re.compile(r"(?<![\w’'-])[A-Z][\w’']*(?:(?:\s*[-–—]\s*|\s+)(?:(?:of|for|on|in|to|at|with)\s+)*[A-Z][\w’']*)+")
_PARTS = re.compile(r"\s*[-–—]\s*|\s+")
#: Words that open a sentence or a phrase before a name, and are not part of it ("The Coalition for Change").
_OPENERS = re.compile(r"(?:(?:The|A|An|In|On|At|For|Of|And|But|After|Before|While|When|As|By|From|With|To)\s+)+")
_CLOSING = ('"', "”", "»", "“")
#: Dates are no name's words ("in Georgia on October 26"): a phrase holding one is not compared.
_DATE_WORDS = frozenset(
    """january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday""".split()
)
#: Independent articles the right name needs, and how many times the variant's.
_MAJORITY, _TIMES = 3, 2


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in _PARTS.split(text) if w)


def _origins(mentions: list[Mention], origin_of: dict[str, str]) -> int:
    return len({origin_of.get(m.doc, m.doc) for m in mentions})


def body_name_entities(corpus: Corpus) -> list[Entity]:
    """Names of several words a minority of the English articles writes otherwise, each with its majority form."""
    english = {d.id for d in corpus.documents if d.language in ("en", "und")}
    found: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    quoted: dict[tuple[str, ...], bool] = {}
    for statement in corpus.statements:
        if statement.doc not in english or statement.language not in ("en", "und"):
            continue
        for m in _NAME.finditer(statement.text):
            opener = _OPENERS.match(m.group())
            text = m.group()[opener.end() if opener else 0 :]
            words = _words(text)
            if sum(w[:1].isupper() for w in words) < 2 or any(w.lower() in _DATE_WORDS for w in words):
                continue
            start = statement.start + m.end() - len(text)
            found[words].append(Mention(statement.doc, statement.id, start, start + len(text), text))
            closes = statement.text[m.end() : m.end() + 1] in _CLOSING
            quoted[words] = quoted.get(words, True) and closes
    origin_of = {d.id: d.copy_of or d.id for d in corpus.documents}
    origins = {words: _origins(mentions, origin_of) for words, mentions in found.items()}
    majority = [w for w in found if origins[w] >= _MAJORITY]
    # Each majority name under the keys a variant of it has (its opening words; itself less one word), so that
    # a variant is compared with the few names it may drift from, not with every name of the corpus.
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for n, name in enumerate(majority):
        for key in _keys(name):
            by_key[key].append(n)
    result = []
    for variant, mentions in found.items():
        near = sorted({n for key in _keys(variant, variant=True) for n in by_key.get(key, ())})
        right = [
            w
            for w in (majority[n] for n in near)
            if origins[w] >= _TIMES * origins[variant] and _drift(variant, w, quoted)
        ]
        if not right:
            continue
        name = max(right, key=lambda w: (origins[w], len(found[w])))
        relation = "truncation" if len(variant) < len(name) else "spelling"
        result.append(
            Entity(
                _written(found[name]),
                [Variant(_written(found[name]), "", found[name]), Variant(_written(mentions), relation, mentions)],
            )
        )
    return result


def _keys(words: tuple[str, ...], variant: bool = False) -> list[tuple]:
    """A name's opening words (those a quoted name cut short may be), and the name less each one of its words
    (a swapped word): a variant's own words are asked among the opening words, a name's are stored there."""
    masked = [("=", len(words), n, words[:n] + words[n + 1 :]) for n in range(len(words))]
    if variant:
        return [("<", words), *masked]
    return [*(("<", words[:n]) for n in range(1, len(words))), *masked]


def _written(mentions: list[Mention]) -> str:
    """How most of the mentions write the name (its dashes differ: "Unity – National Movement")."""
    return Counter(m.text for m in mentions).most_common(1)[0][0]


def _drift(variant: tuple[str, ...], name: tuple[str, ...], quoted: dict[tuple[str, ...], bool]) -> bool:
    """Whether ``variant`` is ``name`` with one of the differences a translation makes (module docstring)."""
    if len(variant) < len(name):
        content = [w for w in variant if w.lower() not in _SMALL]
        return quoted[variant] and name[: len(variant)] == variant and len(content) >= 2
    if len(variant) != len(name) or len(name) < 3:
        return False  # two capitalised words are mostly a person's name, which full_names compares
    differing = [(v, n) for v, n in zip(variant, name) if v != n]
    if len(differing) != 1:
        return False
    ((v, n),) = differing
    if v.lower() in _SMALL and n.lower() in _SMALL:
        return True
    short, long = sorted((v, n), key=len)
    return short[:1].isupper() and long in (short + "s", short + "es")
