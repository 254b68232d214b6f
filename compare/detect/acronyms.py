"""Acronyms a translation broke, and bodies the corpus names several ways.

Five findings, all ``mt_artefact`` / ``acronym`` (``data.problem`` tells them apart):

* ``expansion_mismatch`` — an acronym defined by a name whose letters it does not
  share: the source language's acronym kept beside a translated name;
* ``undefined_near_miss`` — an acronym an English article uses and never defines, one letter from another
  acronym of the corpus: a mistranslated or mistyped letter;
* ``several_names`` — one body under several acronyms or written-out names,
  reported once with every name and where it is used;
* ``aligned_other`` — an English article's undefined acronym that statements reporting the same thing in
  independent articles give as another acronym, more than a letter off ("SOC" for the corpus's PMC);
* ``source_language`` — an acronym an English article uses and no English sentence defines, which the corpus's
  source-language articles use ("a representative of the MUP" where Serbian articles write "MUP Srbije"; a
  definition in their language tells an English reader nothing): the source's acronym left untranslated. An
  acronym the termbase knows as English usage (RTS, SNS) is not one.

See :mod:`compare.acronyms` for how the table and the concepts are built.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis import acronyms as table_of
from ..analysis import aligned_acronyms, lexicon, tables
from ..analysis.acronyms import Concept
from ..analysis.facts.tokens import fold
from ..analysis.site_names import is_site_name, site_names
from ..model import Acronym, Corpus, Definition, Evidence, Finding, Identity, Mention, Severity
from ..payloads import AcronymData, BodyName
from . import normalise, outlets, register


def _identity(finding: Finding) -> Identity:
    data = finding.data
    assert isinstance(data, AcronymData)
    if data.problem == "several_names":  # a new article using a known name adds nothing; a new name does
        return Identity(
            topic=f"several_names {fold(data.concept or '')}",
            values=tuple(sorted({normalise(n.text) for n in data.names or []})),
        )
    if data.problem == "expansion_mismatch":
        values, carriers = [data.expansion or ""], {data.acronym, data.expansion}
    else:  # undefined_near_miss: the acronyms it is near are references, not the problem
        values, carriers = list(data.near or []), {data.acronym}
    documents = {e.doc for e in finding.evidence if e.text in carriers}
    return Identity(
        topic=f"{data.problem} {data.acronym}",
        values=tuple(sorted(map(normalise, values))),
        documents=tuple(sorted(documents)),
    )


@register(
    "acronyms",
    description="acronyms whose letters do not fit their expansion, undefined acronyms one "
    "letter from another, one body under several names",
    needs=("statements", "groups"),
    identity=_identity,
    payload=AcronymData,
    table=("acronyms", tables.acronym_table),
    rules={
        "mt_artefact/acronym": "An acronym the translation broke: its letters do not fit its expansion, "
        "it is undefined and one letter from another acronym, it is the source language's acronym left undefined, "
        "or one body goes by several names."
    },
)
def detect(corpus: Corpus) -> Iterable[Finding]:
    acronyms = {a.text: a for a in corpus.acronyms or []}  # the detector's table (register(table=…))
    near_misses = table_of.near_misses(acronyms)
    concepts = table_of.concepts(corpus, acronyms, near_misses)
    concept_of = {n.text: c for c in concepts for n in c.acronyms}

    for entry in acronyms.values():
        bad = [d for d in entry.definitions if table_of.misfit(d)]
        if not bad or _native_gloss(corpus, entry, bad):
            continue
        definition = bad[0]
        expected = table_of.initials(definition.expansion)
        concept = concept_of.get(entry.text)
        message = (
            f"“{entry.text}” ({_docs(corpus, [d.where for d in bad])}) does not abbreviate “{definition.expansion}” "
            f"(that would be “{expected}”): "
            f"probably the source language's acronym kept beside a translated name"
            + _elsewhere(corpus, concept, entry.text)
        )
        shown = [d.where for d in bad] + entry.occurrences
        yield _finding(
            "expansion_mismatch",
            "warning",
            "Accuracy/Mistranslation",
            message,
            shown,
            {"acronym": entry.text, "expansion": definition.expansion, "expected": expected},
            concept,
        )

    sites = site_names(corpus)
    for text, near in near_misses.items():
        entry = acronyms[text]
        # A letter a translation got wrong is in the translation: an acronym only articles in the source
        # language write ("FBiH" beside "BiH", "RTV" beside "RTS" in Bosnian and Serbian text) is their own.
        if not _in_english(corpus, entry.occurrences) or is_site_name(text, sites):
            continue  # … and an outlet the headers name ("MIA") is no mistyped acronym
        # The suspect is the less attested of two: "DNA" in two articles beside the "DNK" of ten, not the reverse.
        near = [o for o in near if _origins(corpus, acronyms[o].occurrences) >= _origins(corpus, entry.occurrences)]
        if not near or _spelled_out(corpus, entry):
            continue
        others = " and ".join(f"“{o}” ({_docs(corpus, acronyms[o].occurrences)})" for o in near)
        message = (
            f"“{text}” ({_docs(corpus, entry.occurrences)}, {len(entry.occurrences)}×) is never defined and is "
            f"one letter from {others}: a mistranslated or mistyped acronym; check which the source uses"
        )
        shown = entry.occurrences + [acronyms[o].occurrences[0] for o in near]
        yield _finding(
            "undefined_near_miss",
            "warning",
            "Terminology/Wrong term",
            message,
            shown,
            {"acronym": text, "near": near},
            concept_of.get(text),
        )

    yield from _source_language(corpus, acronyms, near_misses, concept_of)
    yield from _aligned_other(corpus, acronyms, near_misses, concept_of)

    for concept in concepts:
        listed = ", ".join(f"“{n.text}” ({_docs(corpus, n.occurrences)}, {len(n.occurrences)}×)" for n in concept.names)
        message = (
            f"{concept.canonical} goes by {len(concept.names)} names: {listed}; statements using "
            f"any of them are about the same body"
        )
        shown = [o for n in concept.names for o in n.occurrences]
        yield _finding(
            "several_names", "info", "Terminology/Inconsistent use of terminology", message, shown, {}, concept
        )


def _source_language(
    corpus: Corpus, acronyms: dict[str, Acronym], near_misses: dict[str, list[str]], concept_of: dict[str, Concept]
) -> Iterable[Finding]:
    """Acronyms English articles use undefined, where the articles in another language use them too."""
    for text, entry in acronyms.items():
        # A definition in the source language ("Hercegovačko-neretvanski kanton (HNK)") tells no English reader
        # what the acronym stands for: only one an English sentence gives does.
        defined = _in_english(corpus, [d.where for d in entry.definitions])
        if entry.known or defined or text in near_misses:
            continue
        english = _in_english(corpus, entry.occurrences)
        source = [o for o in entry.occurrences if o not in english]
        if not english or not source or _written_as_word(corpus, text):
            continue
        message = (
            f"“{text}” ({_docs(corpus, english)}, {len(english)}×) is never defined in English and is the acronym "
            f"the articles in {_languages(corpus, source)} use ({_docs(corpus, source)}): the source language's "
            "acronym left untranslated; name the body in English"
        )
        first = list({o.doc: o for o in reversed(source)}.values())[:3]
        yield _finding(
            "source_language",
            "warning",
            "Accuracy/Untranslated",
            message,
            english + first,
            {"acronym": text},
            concept_of.get(text),
        )


def _aligned_other(
    corpus: Corpus, acronyms: dict[str, Acronym], near_misses: dict[str, list[str]], concept_of: dict[str, Concept]
) -> Iterable[Finding]:
    """An English article's undefined acronym that aligned statements of independent articles give as another
    acronym of the same length, more than a letter off (:mod:`compare.analysis.aligned_acronyms`)."""
    sites = site_names(corpus)
    for text, others in aligned_acronyms.aligned_others(corpus, acronyms).items():
        entry = acronyms[text]
        if entry.known or entry.definitions or text in near_misses or is_site_name(text, sites):
            continue
        if not _in_english(corpus, entry.occurrences) or _spelled_out(corpus, entry):
            continue
        listed = " and ".join(f"“{o}” ({_docs(corpus, acronyms[o].occurrences)})" for o in others)
        message = (
            f"“{text}” ({_docs(corpus, entry.occurrences)}, {len(entry.occurrences)}×) is never defined, and "
            f"statements reporting the same thing in independent articles print {listed} in its place: probably "
            "the body's name translated and abbreviated anew; check which the source uses"
        )
        shown = entry.occurrences + [acronyms[o].occurrences[0] for o in others]
        fields, concept = {"acronym": text, "near": others}, concept_of.get(text)
        yield _finding("aligned_other", "warning", "Terminology/Wrong term", message, shown, fields, concept)


def _origins(corpus: Corpus, occurrences: list[Mention]) -> int:
    """How many independent articles use an acronym: a copy and its original count once."""
    return len({corpus.document(o.doc).copy_of or o.doc for o in occurrences})


def _spelled_out(corpus: Corpus, entry: Acronym) -> bool:
    """Whether an article that uses the acronym also writes a capitalised name it abbreviates, word by word
    ("Minister of Foreign Affairs" beside "the MFA"): the article's own abbreviation, not a letter mistyped."""
    glue = "|".join(sorted(table_of.NAME_GLUE))
    letters = rf"\w*(?:\s+(?:{glue}))*\s+".join(re.escape(c) for c in entry.text)
    name = re.compile(rf"\b{letters}\w*")
    return any(name.search(corpus.document(doc).text) for doc in entry.documents)


def _native_gloss(corpus: Corpus, entry: Acronym, bad: list[Definition]) -> bool:
    """Whether an English article gives the body's own acronym beside its English name ("Military Medical Academy
    (VMA)"), the acronym the articles in the body's language write: the reader is told both, and "the VMA" later
    reads; a third language's acronym no source writes ("MLRAS" for the Syrian Arab Red Crescent) is still one."""
    english = _in_english(corpus, [d.where for d in bad])
    native = [o for o in entry.occurrences if o not in _in_english(corpus, entry.occurrences)]
    return bool(english) and len(english) == len(bad) and bool(native)


def _written_as_word(corpus: Corpus, text: str) -> bool:
    """Whether the corpus also writes ``text`` as a capitalised word ("PULS" and “Puls”, a club's name): a name
    set in capitals, not an acronym."""
    word = re.compile(rf"\b{re.escape(text[:1] + text[1:].lower())}\b")
    return any(word.search(d.text) for d in corpus.documents)


def _languages(corpus: Corpus, occurrences: list[Mention]) -> str:
    codes = sorted({corpus.statement(o.statement).language for o in occurrences})
    return " and ".join(lexicon.LANGUAGE_NAMES.get(c, c) for c in codes)


_ENGLISH = ("en", "und")


def _in_english(corpus: Corpus, occurrences: list[Mention]) -> list[Mention]:
    """The occurrences in English sentences of English articles."""
    return [
        o
        for o in occurrences
        if corpus.statement(o.statement).language in _ENGLISH and corpus.document(o.doc).language in _ENGLISH
    ]


def _finding(
    problem: str,
    severity: Severity,
    mqm: str,
    message: str,
    shown: list[Mention],
    fields: dict,
    concept: Concept | None,
) -> Finding:
    unique = list({(o.doc, o.start): o for o in shown}.values())
    names = None
    if concept:
        names = [
            BodyName(
                text=n.text, type=n.type, documents=sorted({o.doc for o in n.occurrences}), mentions=len(n.occurrences)
            )
            for n in concept.names
        ]
    data = AcronymData(problem=problem, **fields, mqm=mqm, concept=concept.canonical if concept else None, names=names)
    return Finding(
        id="",
        kind="mt_artefact",
        subkind="acronym",
        severity=severity,
        message=message,
        statements=list(dict.fromkeys(o.statement for o in unique)),
        evidence=[Evidence(o.doc, o.start, o.end, o.text) for o in unique],
        data=data,
    )


def _elsewhere(corpus: Corpus, concept: Concept | None, acronym: str) -> str:
    if not concept:
        return ""
    others = [n for n in concept.acronyms if n.text != acronym]
    known = [n for n in others if n.text in table_of.known_acronyms()]
    if not others:
        return ""
    return "; the same body is " + " and ".join(
        f"“{n.text}” in {_docs(corpus, n.occurrences)}" for n in known or others
    )


def _docs(corpus: Corpus, occurrences: list[Mention]) -> str:
    """The outlets that print an acronym or name, for a message."""
    return outlets(corpus, sorted({o.doc for o in occurrences}))
