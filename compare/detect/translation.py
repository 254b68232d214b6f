"""What a translation changed of its original: numbers, dates, names, negation, and sentences dropped or added.

The pairs and their sentence alignment come from compare/stages/translations.py (``corpus.translations``);
each aligned pair of sentences is compared by compare/analysis/translation_diff.py. Every finding quotes both
sides: the original's words and the translation's. A sentence one side lacks is quoted beside the sentence
of the other side next to the gap, which is where it would have stood.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis.translation_diff import Change, changes
from ..model import Corpus, Evidence, Finding, Identity, Severity, Statement, TranslationPair
from ..payloads import TranslationChangeData
from ..stages.translations import furniture
from . import named, normalise, register

KIND = "translation_change"
#: MQM categories: a changed value is a mistranslation, a lost sentence an omission, a new one an addition.
_MQM = {"dropped": "Accuracy/Omission", "added": "Accuracy/Addition"}
_SEVERITY: dict[str, Severity] = {"number": "error", "date": "error", "negation": "error"}


def _identity(finding: Finding) -> Identity:
    data = finding.data
    assert isinstance(data, TranslationChangeData)
    return Identity(
        topic=data.change,
        values=(normalise(data.was), normalise(data.now)),
        documents=(data.original, data.translation),
    )


@register(
    "translation",
    description="what a translation changed of its original in the corpus (numbers, dates, names, negation, sentences)",
    needs=("statements", "translations"),
    payload=TranslationChangeData,
    identity=_identity,
    rules={
        f"{KIND}/number": "The translation gives another figure than its original.",
        f"{KIND}/date": "The translation gives another date than its original.",
        f"{KIND}/name": "The translation spells a name through another language's romanisation.",
        f"{KIND}/negation": "The translation negates what its original affirms, or the reverse.",
        f"{KIND}/dropped": "A sentence of the original is missing from its translation.",
        f"{KIND}/added": "The translation has a sentence its original lacks.",
    },
)
def detect(corpus: Corpus) -> Iterable[Finding]:
    for pair in corpus.translations or []:
        yield from _pair_findings(corpus, pair)


def _pair_findings(corpus: Corpus, pair: TranslationPair) -> Iterable[Finding]:
    language = corpus.document(pair.original).language
    links = pair.links
    for n, link in enumerate(links):
        if link.original and link.translation:
            ours, theirs = corpus.statement(link.original), corpus.statement(link.translation)
            for change in changes(ours.text, theirs.text, language):
                yield _changed(corpus, pair, ours, theirs, change)
        elif link.original and not furniture(corpus.statement(link.original)):
            beside = _beside(links, n, "translation")
            yield _gap(corpus, pair, "dropped", corpus.statement(link.original), beside)
        elif link.translation and not furniture(corpus.statement(link.translation)):
            # A page's furniture ("All news", "Комментарии", a counter) is neither side's sentence
            beside = _beside(links, n, "original")
            yield _gap(corpus, pair, "added", corpus.statement(link.translation), beside)


def _beside(links: list, n: int, side: str) -> str | None:
    """The sentence on ``side`` nearest before the gap at ``n`` (after it, for a gap at the start)."""
    before = [getattr(link, side) for link in links[:n] if getattr(link, side)]
    after = [getattr(link, side) for link in links[n + 1 :] if getattr(link, side)]
    return before[-1] if before else after[0] if after else None


def _evidence(statement: Statement, span: tuple[int, int] | None = None) -> Evidence:
    start, end = span or (0, len(statement.text))
    return Evidence(statement.doc, statement.start + start, statement.start + end, statement.text[start:end])


def _data(pair: TranslationPair, change: str, was: str, now: str) -> TranslationChangeData:
    return TranslationChangeData(
        change=change,
        original=pair.original,
        translation=pair.translation,
        was=was,
        now=now,
        declared=pair.declared,
        mqm=_MQM.get(change, "Accuracy/Mistranslation"),
    )


def _changed(corpus: Corpus, pair: TranslationPair, ours: Statement, theirs: Statement, change: Change) -> Finding:
    was, now = ours.text[slice(*change.original)], theirs.text[slice(*change.translation)]
    translation, original = named(corpus.document(pair.translation)), named(corpus.document(pair.original))
    if change.what == "name":
        message = f"{translation} spells “{was}” of its original {original} as “{now}”, through another romanisation"
    elif change.what == "negation":
        negated = change.original != (0, len(ours.text))
        message = (
            f"{translation} drops the negation “{was}” of its original {original}: it affirms what the original denies"
            if negated
            else f"{translation} adds a negation (“{now}”) its original {original} does not have"
        )
    else:
        message = f"{translation} gives the {change.what} “{now}” where its original {original} says “{was}”"
    return Finding(
        id="",
        kind=KIND,
        subkind=change.what,
        severity=_SEVERITY.get(change.what, "warning"),
        message=message,
        statements=[ours.id, theirs.id],
        evidence=[_evidence(ours, change.original), _evidence(theirs, change.translation)],
        data=_data(pair, change.what, was, now),
    )


def _gap(corpus: Corpus, pair: TranslationPair, change: str, alone: Statement, beside: str | None) -> Finding:
    translation, original = named(corpus.document(pair.translation)), named(corpus.document(pair.original))
    if change == "dropped":
        message = f"{translation} leaves out a sentence of its original {original}: “{alone.text}”"
    else:
        message = f"{translation} adds a sentence its original {original} does not have: “{alone.text}”"
    statements = [alone] + ([corpus.statement(beside)] if beside else [])
    if change == "added":
        statements.reverse()  # the original's side first, as in every finding of this detector
    return Finding(
        id="",
        kind=KIND,
        subkind=change,
        severity="warning",
        message=message,
        statements=[s.id for s in statements],
        evidence=[_evidence(s) for s in statements],
        data=_data(pair, change, alone.text if change == "dropped" else "", alone.text if change == "added" else ""),
    )
