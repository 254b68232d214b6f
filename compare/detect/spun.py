"""A copy reworded by a synonym spinner: words swapped for near-synonyms all through, some of them nonsense.

"At least 40 individuals are useless after a number of gunmen opened fireplace at a Russian live performance
venue" is another site's "At least 40 people are dead after multiple gunmen opened fire at a Russian concert
venue", run through a spinner. Each swapped word is a real English word, so no word list flags it, but the
corpus holds the original: a copy of one story (:mod:`compare.analysis.copies`) that differs from it by
swapped words every few words (:mod:`compare.analysis.word_swaps`) is reported once, with every swapped word
as evidence, for a fact-checker to read the original instead ("useless" was "dead", "fireplace" was "fire").
Which of the two is the spun one is told by the words: the spinner's are the rarer in English.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis import copies, word_swaps
from ..model import Corpus, Evidence, Finding, Identity
from ..payloads import SpunData
from . import named, register

#: A copy with at least this many swaps…
MIN_SWAPS = 8
#: …making at least this share of its words, is spun: edited wire copies show 0 to 3 (word_swaps' doc).
MIN_SHARE = 0.05
#: A pair of articles outside one copy family sharing this share of their 5-grams (copies share 34–92 %,
#: independent articles of one story at most 17 % on the development corpora)…
REWORDED_SHARE = 0.1
#: …is a spun copy's candidate where the word alignment holds this share of the shorter one's words: a spun copy
#: keeps half of them in order (KEYC's copy of Reuters in albania-earthquake-2019: 5-grams 17 %, words 51 %), where
#: independent articles keep at most 42 % (two articles translating one statement, in kosovo's corpus).
ALIGNED = 0.5
#: Swaps quoted in the message; the evidence holds them all.
SHOWN = 4


def _identity(finding: Finding) -> Identity:
    assert isinstance(finding.data, SpunData)
    return Identity(topic="spun", values=(finding.data.original,), documents=(finding.data.document,))


@register(
    "spun",
    description="a copy of another article reworded by a synonym spinner: words swapped for near-synonyms "
    "all through (“opened fireplace” for “opened fire”)",
    needs=("statements",),
    payload=SpunData,
    identity=_identity,
    rules={
        "mt_artefact/spun": "A copy of another article of the corpus with its words swapped for near-synonyms, as "
        "a synonym spinner does: some swaps change the meaning; read the original."
    },
)
def detect(corpus: Corpus) -> Iterable[Finding]:
    english = {d.id for d in corpus.documents if d.language in ("en", "und")}
    texts: dict[str, list[tuple[int, str]]] = {}
    for statement in corpus.statements:
        texts.setdefault(statement.doc, []).append((statement.start, statement.text))
    words = _Words(texts)
    reported = set()
    for copy, original in _copies(corpus, english, words):
        spun, other = copy, original
        found = word_swaps.swaps(words[other], words[spun])
        if word_swaps.rarer(found) < 0:  # the copy's words are the usual ones: the spinner's is the origin
            spun, other = other, spun
            found = word_swaps.swaps(words[other], words[spun])
        share = len(found) / max(1, min(len(words[spun]), len(words[other])))
        if len(found) < MIN_SWAPS or share < MIN_SHARE or spun in reported:
            continue
        reported.add(spun)
        yield _finding(corpus, spun, other, found)


class _Words(dict):
    """Each article's words, read when first asked for: most articles are in no pair."""

    def __init__(self, texts: dict[str, list[tuple[int, str]]]):
        super().__init__()
        self.texts = texts

    def __missing__(self, doc: str) -> list[tuple[str, int, int]]:
        self[doc] = word_swaps.words(self.texts.get(doc, []))
        return self[doc]


def _copies(corpus: Corpus, english: set[str], words: _Words) -> list[tuple[str, str]]:
    """The English copies and the articles they copy: those of a copy family, then pairs a spinner reworded too
    heavily for a copy family (fewer than 30 % of their 5-grams left) that still share :data:`REWORDED_SHARE` of
    them, and whose word alignment holds :data:`ALIGNED` of the shorter one's words."""
    pairs = [(d.id, d.copy_of) for d in corpus.documents if d.copy_of and d.id in english and d.copy_of in english]
    family = {d.id: d.copy_of or d.id for d in corpus.documents}
    for a, b in copies.sharing_pairs(corpus, english, REWORDED_SHARE):
        if family[a] != family[b] and word_swaps.aligned(words[a], words[b]) >= ALIGNED:
            pairs.append((b, a))
    return pairs


def _finding(corpus: Corpus, spun: str, original: str, found: list[word_swaps.Swap]) -> Finding:
    document = corpus.document(spun)
    shown = ", ".join(f"“{s.was}” → “{s.now}”" for s in found[:SHOWN])
    return Finding(
        id="",
        kind="mt_artefact",
        subkind="spun",
        severity="warning",
        message=f"{named(document)} copies {named(corpus.document(original))} with {len(found)} words or phrases "
        f"swapped for near-synonyms, as a synonym spinner does ({shown} …): some change the meaning; read the "
        "original",
        evidence=[Evidence(spun, s.start, s.end, document.text[s.start : s.end]) for s in found],
        data=SpunData(
            document=spun,
            original=original,
            swaps=[[s.was, s.now] for s in found],
            mqm="Accuracy/Mistranslation",
        ),
    )
