"""The facts stage: what each statement asserts, as typed values with exact spans.

Runs after segmentation and before alignment; needs no embeddings. Each module
reads one kind of value: :mod:`.dates` (dates and clock times, resolved against
the article's date), :mod:`.quantities` (counts with what they count),
:mod:`.places` (places and which municipality they are said to be in) and
:mod:`.people` (roles and who said what). Detectors compare these values across
sources; the JSON report lists them so a reader can see what was compared.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import Corpus, Fact
from . import dates, people, places, quantities


def extract(corpus: Corpus) -> list[Fact]:
    """All facts of the corpus in corpus order; also sets ``Document.date`` where it can."""
    by_doc = defaultdict(list)
    for statement in corpus.statements:
        by_doc[statement.doc].append(statement)
    known_places = places.gazetteer(corpus.statements)
    facts: list[Fact] = []
    for document in corpus.documents:
        statements = by_doc.get(document.id, [])
        today, source = dates.document_date(document, statements)
        if today:
            document.date, document.date_source = today.isoformat(), source
        speakers = people.attributions(document, statements)
        for statement in statements:
            when = dates.extract(statement, today)
            masked = [(f.start, f.end) for f in when]
            own = when + quantities.extract(statement, masked) + places.extract(statement, known_places)
            own += people.roles(statement) + [f for f in speakers if f.statement == statement.id]
            facts.extend(sorted(own, key=lambda f: (f.start, f.kind)))
    return facts
