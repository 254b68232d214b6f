"""A name one article misspells where statements reporting the same thing spell it right.

Machine translation misspells names it does not know past what any spelling table names ("Burjanin" and
"Braznin" for Brđanin, "Podglica" for Podgorica). :mod:`.name_variants` reads the corpus's spellings alone and
cannot tell such a misspelling from another name; the alignment can: statements grouped as reporting one thing,
from independent articles, that each print a name the other does not, spelt alike, where independent articles
print one spelling and one article alone the other (:mod:`compare.analysis.aligned_names`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..analysis import aligned_names, names
from ..model import Corpus, Evidence, Finding, Mention
from ..payloads import NameVariantData, Spelling
from . import outlets, register
from .name_variants import variant_identity

#: What the variant is, for the message, by its relation to the right spelling.
_HOW = {
    "misspelt": "spelt another way",
    "truncation": "the surname without its suffix, as a rendering through Russian shortens it",
}
#: Mentions of the right spelling a finding shows beside the misspelt one's.
_SHOWN = 3


@register(
    "misspelt_names",
    description="a name one article misspells where statements reporting the same thing in independent "
    "articles spell it right",
    needs=("statements", "groups"),
    per_document=names.document_mentions,
    payload=NameVariantData,
    identity=variant_identity,
    rules={
        "name_variant/misspelt": "A name one article spells otherwise than independent articles do in statements "
        "that report the same thing.",
        "name_variant/truncation": "A surname one article prints without its suffix (a rendering through Russian: "
        "'Jovanov' for Jovanović) where statements that report the same thing in independent articles print it "
        "whole.",
    },
)
def detect(corpus: Corpus, per_document: dict[str, list[tuple]]) -> Iterable[Finding]:
    found: list[Mention] = []
    native = []
    for document, statements in corpus.by_document():
        found += names.rebuild_mentions(statements, per_document[document.id])
        native += names.rebuild_native(statements, per_document[document.id])
    by_text: dict[str, list[Mention]] = defaultdict(list)
    for mention in found:
        by_text[mention.text].append(mention)
    for variant, canonical, how in aligned_names.misspellings(corpus, found, native):
        wrong, right = by_text[variant], by_text[canonical]
        wrong_docs = sorted({m.doc for m in wrong})
        right_docs = sorted({m.doc for m in right})
        shown = wrong + [next(m for m in right if m.doc == d) for d in right_docs[:_SHOWN]]
        yield Finding(
            id="",
            kind="name_variant",
            subkind=how,
            severity="warning",
            message=(
                f"“{variant}” ({outlets(corpus, wrong_docs)}, {len(wrong)}×) is {_HOW[how]}: statements reporting "
                f"the same thing in independent articles print “{canonical}” ({outlets(corpus, right_docs)}, "
                f"{len(right)}×)"
            ),
            statements=list(dict.fromkeys(m.statement for m in shown)),
            evidence=[Evidence(m.doc, m.start, m.end, m.text) for m in shown],
            data=NameVariantData(
                entity=canonical,
                variant=variant,
                relation=how,
                mqm="Fluency/Spelling",
                variants=[
                    Spelling(text=t, relation=r, documents=d, mentions=len(m))
                    for t, r, d, m in ((canonical, "", right_docs, right), (variant, how, wrong_docs, wrong))
                ],
            ),
        )
