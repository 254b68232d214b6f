"""The facts stage: what each statement asserts, as typed values with exact spans.

Runs after segmentation and before alignment; needs no embeddings. Each module
reads one kind of value: :mod:`.dates` (dates and clock times, resolved against
the article's date), :mod:`.quantities` (counts with what they count),
:mod:`.places` (places and which municipality they are said to be in) and
:mod:`.people` (roles and who said what). Detectors compare these values across
sources; the JSON report lists them so a reader can see what was compared.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..memo import AnalysisMemo, document_key
from ..model import Corpus, Document, Fact, Statement
from . import dates, people, places, quantities

#: A fact without its ids, as the memo stores it: kind, start, end, text, value, subject, low, high.
_Row = tuple


def extract(corpus: Corpus, memo: AnalysisMemo | None = None) -> list[Fact]:
    """All facts of the corpus in corpus order; also sets ``Document.date`` where it can.

    Places are read against the corpus's own gazetteer, so they are worked out on
    every run; everything else depends on its document alone and comes from
    ``memo`` when the document was read before.
    """
    by_doc = defaultdict(list)
    for statement in corpus.statements:
        by_doc[statement.doc].append(statement)
    known_places = places.gazetteer(corpus.statements)
    keys = {d.id: document_key(d) for d in corpus.documents} if memo is not None else {}
    stored = memo.get_many("facts", keys.values()) if memo is not None else {}
    fresh = {}
    facts: list[Fact] = []
    for document in corpus.documents:
        statements = by_doc.get(document.id, [])
        own = stored.get(keys.get(document.id, ""))
        if own is None or len(own[2]) != len(statements):
            own = _document_facts(document, statements)
            if memo is not None:
                fresh[keys[document.id]] = own
        date, source, rows = own
        if date:
            document.date, document.date_source = date, source
        for statement, statement_rows in zip(statements, rows):
            found = [Fact(kind, statement.id, statement.doc, start, end, text, value, subject, low, high)
                     for kind, start, end, text, value, subject, low, high in statement_rows]
            found += places.extract(statement, known_places)
            facts.extend(sorted(found, key=lambda f: (f.start, f.kind)))
    if memo is not None:
        memo.put_many("facts", fresh)
    return facts


def _document_facts(document: Document, statements: list[Statement]) -> tuple[str, str, list[list[_Row]]]:
    """The document's date, where it came from, and each statement's facts other than places."""
    today, source = dates.document_date(document, statements)
    speakers = people.attributions(document, statements)
    rows = []
    for statement in statements:
        when = dates.extract(statement, today)
        masked = [(f.start, f.end) for f in when]
        own = when + quantities.extract(statement, masked) + people.roles(statement)
        own += [f for f in speakers if f.statement == statement.id]
        rows.append([(f.kind, f.start, f.end, f.text, f.value, f.subject, f.low, f.high) for f in own])
    return (today.isoformat() if isinstance(today, dt.date) else "", source if today else "", rows)
