"""One name spelled several ways across the corpus: lost diacritics, transliteration, case endings, truncation.

The corpus is the evidence: no source text is needed. :mod:`compare.names`
clusters the spellings into entities and names how each variant differs from
the entity's canonical form (diacritised, printed by the most independent
origins that are not translations, on a tie the one English usage knows). Differences a translation makes —
transliteration through another language, a case ending left on the name,
damaged encoding — are ``mt_artefact`` findings; lost diacritics, lost
letters and a full name a minority of the articles spells another way
(:mod:`compare.analysis.full_names`) are ``name_variant`` findings.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis import names, tables
from ..analysis.facts.tokens import fold
from ..model import Corpus, Evidence, Finding, Identity, Severity
from ..payloads import NameVariantData, Spelling
from . import outlets, register

#: relation → (finding kind, severity, MQM category, what to tell the reader)
_RELATIONS: dict[str, tuple[str, Severity, str, str]] = {
    "diacritics": ("name_variant", "info", "Fluency/Spelling", "has lost its diacritics"),
    "truncation": ("name_variant", "warning", "Fluency/Spelling", "is missing letters"),
    "spelling": ("name_variant", "warning", "Fluency/Spelling", "is spelt another way"),
    "transliteration": (
        "mt_artefact",
        "warning",
        "Accuracy/Mistranslation",
        "is a transliteration through another language",
    ),
    "case_ending": ("mt_artefact", "warning", "Fluency/Grammar", "carries a case ending from the source language"),
    "encoding": ("mt_artefact", "warning", "Fluency/Character encoding", "has damaged characters"),
}


def variant_identity(finding: Finding) -> Identity:
    """A name variant finding's identity (its misspelt_names findings' too): the documents that use the variant carry
    the problem; those that spell the name right do not."""
    data = finding.data
    assert isinstance(data, NameVariantData)
    documents = next(v.documents for v in data.variants if v.text == data.variant)
    return Identity(topic=fold(data.entity), values=(data.variant,), documents=tuple(documents))


@register(
    "name_variants",
    description="one person or place spelled several ways: lost diacritics, "
    "transliteration, case endings, truncation, damaged encoding",
    needs=("statements", "translations"),
    per_document=names.document_mentions,
    payload=NameVariantData,
    table=("names", tables.name_table),
    identity=variant_identity,
    rules={
        f"{kind}/{relation}": f"A name {told}, where the rest of the corpus spells it otherwise."
        for relation, (kind, _, _, told) in _RELATIONS.items()
    },
)
def detect(corpus: Corpus, per_document: dict[str, list[tuple]]) -> Iterable[Finding]:
    # A name only an article and its own translation spell differently is the translation detector's to judge:
    # it reports a name romanised through another language (CS505) and, on purpose, not one whose diacritics
    # the English drops ("Djuric" for the original's Đurić).
    translated = {frozenset((pair.original, pair.translation)) for pair in corpus.translations or ()}
    for entity in corpus.names or []:  # the detector's table, built just before it runs (register(table=…))
        canonical = entity.variants[0]
        canonical_docs = sorted({m.doc for m in canonical.mentions})
        for variant in entity.variants[1:]:
            kind, severity, mqm, told = _RELATIONS[variant.relation]
            if variant.relation == "diacritics" and not names.marks_added(variant.text, entity.canonical):
                told = "has another diacritic"  # "Vučič" for Vučić: a mark changed, none lost
            docs = sorted({m.doc for m in variant.mentions})
            if frozenset(docs + canonical_docs) in translated:
                continue
            shown = [m for m in variant.mentions] + [
                next(m for m in canonical.mentions if m.doc == d) for d in canonical_docs[:3]
            ]
            message = (
                f"“{variant.text}” ({outlets(corpus, docs)}, {len(variant.mentions)}×) {told}: "
                f"the corpus spells it “{entity.canonical}” ({outlets(corpus, canonical_docs)}, "
                f"{len(canonical.mentions)}×)"
            )
            yield Finding(
                id="",
                kind=kind,
                subkind=variant.relation,
                severity=severity,
                message=message,
                statements=list(dict.fromkeys(m.statement for m in shown)),
                evidence=[Evidence(m.doc, m.start, m.end, m.text) for m in shown],
                data=NameVariantData(
                    entity=entity.canonical,
                    variant=variant.text,
                    relation=variant.relation,
                    mqm=mqm,
                    variants=[
                        Spelling(
                            text=v.text,
                            relation=v.relation,
                            documents=sorted({m.doc for m in v.mentions}),
                            mentions=len(v.mentions),
                        )
                        for v in entity.variants
                    ],
                ),
            )
