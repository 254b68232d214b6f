"""Calques: a source-language term rendered word for word, in English words that mean something else.

"Rescue teams continue looking for survivors of the collapsed palaces": the Albanian source said "pallate",
blocks of flats. "A situation that has a tragic balance with 24 killed": "bilanc", the toll. Every word is
English, so no word list flags it, and no other article need hold the source. What shows it is knowing how the
term is mistranslated: the termbase ``data/calques.tsv`` lists such terms, each reviewed on its own as true of
its language pair (not of one article's wording), with the source words, the English term they mean, and the
context the English words must stand in where English uses them otherwise ("balance" beside the dead and
injured; "palace" beside collapsed buildings, and only in a corpus that holds Albanian text). Each article using
an entry's words is reported once, every use as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Corpus, Document, Evidence, Finding, Identity, Statement
from ..payloads import CalqueData
from . import named, register

_ENGLISH = ("en", "und")
_CAPITALISED = re.compile(r"(?<!^)\b[A-Z]")


@dataclass(frozen=True)
class Calque:
    wrong: re.Pattern[str]  #: what the translation writes
    right: str  #: the English term the source word means
    languages: tuple[str, ...]
    source: tuple[str, ...]
    context: re.Pattern[str] | None  #: the sentence must hold it
    unless: re.Pattern[str] | None  #: the sentence must not hold it
    corpus: bool  #: only in a corpus holding text in one of ``languages``


@lru_cache(maxsize=1)
def termbase() -> tuple[Calque, ...]:
    """data/calques.tsv, in its order (its header says what each column holds)."""
    text = resources.files("compare").joinpath("data/calques.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        wrong, right, languages, source, context, unless, corpus = line.split("\t")
        out.append(
            Calque(
                re.compile(rf"\b(?:{wrong})\b", re.IGNORECASE),
                right,
                tuple(languages.split("|")),
                tuple(source.split("|")),
                re.compile(context, re.IGNORECASE) if context else None,
                re.compile(unless, re.IGNORECASE) if unless else None,
                corpus == "yes",
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def _any_wrong() -> re.Pattern[str]:
    """Every entry's wrong words at once: most statements hold none, and one scan rules out every entry's context."""
    return re.compile("|".join(f"(?:{calque.wrong.pattern})" for calque in termbase()), re.IGNORECASE)


def document_calques(document: Document, statements: list[Statement]) -> list[tuple[int, int, int, int]]:
    """One article's uses of the termbase's wrong words, in their context, as (entry, statement number, start,
    end): plain data."""
    out = []
    for number, statement in enumerate(statements):
        if statement.language not in _ENGLISH or not _any_wrong().search(statement.text):
            continue
        for index, calque in enumerate(termbase()):
            if calque.context and not calque.context.search(statement.text):
                continue
            if calque.unless and calque.unless.search(statement.text):
                continue
            for m in calque.wrong.finditer(statement.text):
                if _CAPITALISED.search(m.group()) or (m.start() > 0 and m.group()[:1].isupper()):
                    continue  # a name ("the Palace of Serbia", "Elysee Palace"), not the word
                out.append((index, number, statement.start + m.start(), statement.start + m.end()))
    return out


def _identity(finding: Finding) -> Identity:
    assert isinstance(finding.data, CalqueData)
    data = finding.data
    return Identity(topic="calque", values=(data.term, data.english), documents=(data.document,))


@register(
    "calques",
    description="a source-language term translated word for word into English words that mean something else "
    "(“collapsed palaces” for Albanian “pallate”, apartment blocks), from a reviewed termbase",
    needs=("statements",),
    per_document=document_calques,
    payload=CalqueData,
    identity=_identity,
    rules={
        "mt_artefact/calque": "A term of the source language translated word for word into English words that "
        "mean something else: read the English term the source means."
    },
)
def detect(corpus: Corpus, per_document: dict[str, list[tuple[int, int, int, int]]]) -> Iterable[Finding]:
    present = {s.language for s in corpus.statements} | {d.language for d in corpus.documents}
    present |= {"sr", "hr", "bs"} if "sh" in present else set()  # langdetect's Serbo-Croatian, either name
    entries = termbase()
    for document, statements in corpus.by_document():
        found: dict[int, list[tuple[int, int, int]]] = {}
        for index, number, start, end in per_document[document.id]:
            calque = entries[index]
            if calque.corpus and not present.intersection(calque.languages):
                continue
            found.setdefault(index, []).append((number, start, end))
        for index, uses in found.items():
            yield _finding(document, statements, entries[index], uses)


def _finding(
    document: Document, statements: list[Statement], calque: Calque, uses: list[tuple[int, int, int]]
) -> Finding:
    words = [document.text[start:end] for _, start, end in uses]
    languages = "/".join(calque.languages)
    source = "”, “".join(calque.source)
    return Finding(
        id="",
        kind="mt_artefact",
        subkind="calque",
        severity="warning",
        message=f"“{words[0]}” ({named(document)}, {len(uses)}×) reads as a word-for-word translation of the "
        f"source's “{source}” ({languages}): in English, “{calque.right}”",
        statements=list(dict.fromkeys(statements[number].id for number, _, _ in uses)),
        evidence=[Evidence(document.id, start, end, word) for (_, start, end), word in zip(uses, words)],
        data=CalqueData(
            document=document.id,
            term=words[0].lower(),
            english=calque.right,
            languages=list(calque.languages),
            source=list(calque.source),
            mqm="Accuracy/Mistranslation",
        ),
    )
