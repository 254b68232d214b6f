"""The facts stage: what each statement asserts, as typed values with exact spans.

Runs after segmentation and before alignment; needs no embeddings. Each module
reads one kind of value: :mod:`.dates` (dates and clock times, resolved against
the article's date), :mod:`.quantities` (counts with what they count),
:mod:`.places` (places and which municipality they are said to be in) and
:mod:`.people` (roles and who said what). Detectors compare these values across
sources; the JSON report lists them so a reader can see what was compared.
Statements in Serbian, Albanian and Russian are read by :mod:`.languages` instead,
into the same facts; every other statement by the English readers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import NamedTuple

from ...model import Corpus, Document, Fact, FactKind, Statement
from . import ages, dates, languages, parts, people, places, quantities, transfers, undated
from .tokens import tokens

_ISO_STAMP = re.compile(r"\b(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?\b")


class FactRow(NamedTuple):
    """One fact of a statement, without ids: what the memo keeps and :func:`assemble` turns into a Fact."""

    kind: FactKind
    start: int
    end: int
    text: str
    value: str
    subject: str
    low: float | None
    high: float | None


class DocumentFacts(NamedTuple):
    """What one document yields on its own: its date, where the date came from ("header", "text", "corpus" or ""),
    each statement's facts other than places, and what each statement says of places before the corpus's
    place names are known (:data:`places.Reading`)."""

    date: str
    source: str
    rows: list[list[FactRow]]
    places: list[places.Reading]

    @classmethod
    def from_plain(cls, value: tuple) -> DocumentFacts:
        """The record from the plain tuples the memo stores (readings of places stay plain tuples)."""
        date, source, rows, readings = value
        return cls(date, source, [[FactRow(*row) for row in statement] for statement in rows], readings)


def extract(corpus: Corpus) -> list[Fact]:
    """All facts of the corpus in corpus order; also sets ``Document.date`` where it can."""
    return assemble(corpus, {d.id: document_facts(d, statements) for d, statements in corpus.by_document()})


def assemble(corpus: Corpus, per_document: Mapping[str, DocumentFacts]) -> list[Fact]:
    """The corpus's facts from each document's own (:func:`document_facts`, perhaps of an earlier run)
    and its places, which are read against the corpus's gazetteer and so on every run."""
    per_document = _date_the_undated(corpus, per_document)
    known_places = places.gazetteer(corpus.statements, [r for own in per_document.values() for r in own.places])
    index = languages.place_index(corpus, known_places)
    if index is not None:
        known_places |= index.found  # "u Beogradu" makes an English "Belgrade" a place too
    facts: list[Fact] = []
    for document, statements in corpus.by_document():
        own = per_document[document.id]
        if own.date:
            document.date, document.date_source = own.date, own.source
        for statement, rows, reading in zip(statements, own.rows, own.places):
            found = [
                Fact(r.kind, statement.id, statement.doc, r.start, r.end, r.text, r.value, r.subject, r.low, r.high)
                for r in rows
            ]
            words = languages.words_for(statement.language, document.language) if index is not None else None
            if index is not None and words is not None:
                found += languages.places.extract(statement, index, words)
            else:
                found += places.extract(statement, known_places, reading)
            facts.extend(sorted(found, key=lambda f: (f.start, f.kind)))
    return facts


def _named_by_own_count(rows: list[list[FactRow]]) -> list[list[FactRow]]:
    """``rows`` with each unnamed count of people ("8 dead", "killed eight of his peers") that equals the one count
    the same article gives of a named class with that outcome ("eight students were killed") taken as that count.

    The article itself says who its unnamed figure counts: read as everyone killed, a headline's "8 dead" over a
    body's "eight pupils and a guard" would contradict the other reports' toll of nine. Not where the two
    statements are dated differently: "on May 4 a man killed eight" tells of another event.
    """
    named: dict[tuple[str, str], set[tuple[str, frozenset[str]]]] = {}
    for statement in rows:
        days = frozenset(r.value for r in statement if r.kind == "date")
        for row in statement:
            counted, _, outcome = row.subject.rpartition(" ")
            if row.kind == "quantity" and counted and counted != "people":
                named.setdefault((outcome, row.value), set()).add((row.subject, days))
    out = []
    for statement in rows:
        days = frozenset(r.value for r in statement if r.kind == "date")
        kept = []
        for row in statement:
            counted, _, outcome = row.subject.rpartition(" ")
            found = named.get((outcome, row.value), set()) if row.kind == "quantity" and counted == "people" else set()
            classes = {subject for subject, said in found if not (days and said and not days & said)}
            kept.append(row._replace(subject=next(iter(classes))) if len(classes) == 1 else row)
        out.append(kept)
    return out


def _date_the_undated(corpus: Corpus, per_document: Mapping[str, DocumentFacts]) -> Mapping[str, DocumentFacts]:
    """``per_document`` with the undated documents whose date the story's other articles tell
    (:mod:`.undated`) read again on that date."""
    undated_ones = [(d, s) for d, s in corpus.by_document() if not per_document[d.id].date]
    dated = (
        {r.value for rows in own.rows for r in rows if r.kind == "date"} for own in per_document.values() if own.date
    )
    story = undated.story_day(dated) if undated_ones else None
    if story is None:
        return per_document
    told = dict(per_document)
    for document, statements in undated_ones:
        day = undated.infer(document, statements, story, _when)
        if day is not None:
            told[document.id] = document_facts(document, statements, (day, "corpus"))
    return told


def _when(document: Document, statement: Statement, today: dt.date | None) -> list[Fact]:
    """The dates and times of ``statement``, read in its language against ``today``."""
    words = languages.words_for(statement.language, document.language)
    return languages.when.extract(statement, today, words) if words is not None else dates.extract(statement, today)


def _openings(statement: Statement, document: Document) -> tuple:
    """A statement's tokens and the words of its language that open a part of an earlier count."""
    words = languages.words_for(statement.language, document.language)
    return (words.keyed(statement), words.phrases("part_of")) if words else (tokens(statement), parts.OPENINGS)


def document_facts(
    document: Document, statements: list[Statement], known: tuple[dt.date, str] | None = None
) -> DocumentFacts:
    """The document's date, where it came from, and each statement's facts other than places (``known``: the
    date and its source where the corpus told it)."""
    today, source = known or dates.document_date(document, statements)
    if today is None and languages.words_for(document.language) is not None:
        today, source = languages.document_date(document, statements)  # "Date: 3. maja 2023.", "26 nëntor 2019"
    speakers: dict[str, list[Fact]] = {}
    for fact in people.attributions(document, statements):
        speakers.setdefault(fact.statement, []).append(fact)
    rows = []
    for statement in statements:
        words = languages.words_for(statement.language, document.language)
        if words is not None:
            own = languages.statement_facts(statement, today, words)
        else:
            when = dates.extract(statement, today)
            aged = people.ages(statement)
            aged += ages.unnamed_ages(statement, [(f.start, f.end) for f in when + aged])
            masked = [(f.start, f.end) for f in when + aged]
            own = when + aged + quantities.extract(statement, masked) + people.roles(statement)
        own = transfers.relabel(statement, own, words)  # "nine injured were flown to Türkiye": no toll
        own += speakers.get(statement.id, [])
        # "date 2019-11" (a dateline) is a month, not a count of 11: no quantity inside a numeric date.
        if stamps := [
            (statement.start + m.start(), statement.start + m.end()) for m in _ISO_STAMP.finditer(statement.text)
        ]:
            own = [f for f in own if f.kind != "quantity" or not any(a <= f.start < b for a, b in stamps)]
        rows.append([FactRow(f.kind, f.start, f.end, f.text, f.value, f.subject, f.low, f.high) for f in own])
    rows = _named_by_own_count(parts.of_the_previous(statements, rows, lambda s: _openings(s, document)))
    readings = [places.reading(statement.text) for statement in statements]
    return DocumentFacts(
        today.isoformat() if isinstance(today, dt.date) else "", source if today else "", rows, readings
    )
