"""Text the translation left in the source language: whole statements and fragments inside English ones.

Statements: langdetect (seeded, see :mod:`compare.language`) gives each
statement a language; a run of statements in another language inside an
English article is one finding. An article that is not in English at all is a source, not an artefact: its
statements line up with the English ones through the multilingual model (compare/stages/across.py), and it
may be the original of a translation (compare/stages/translations.py). Fragments: inside an English statement, a run of
words that are not English but are common words of a source language (wordfreq:
Serbian/Croatian/Bosnian, Russian, Macedonian, Bulgarian, Ukrainian), carry
letters English never uses (č, ë …), or are Cyrillic. Capitalised runs are names
("Republika Srpska") and a run in parentheses is a deliberate gloss, so neither
is flagged, unless quoted words are a Russian, Ukrainian or Bulgarian name in Latin letters that the translation
should have translated ("Edinstvo", Unity: :mod:`compare.analysis.latin_cyrillic`). Nor is page furniture: a
line of its own of a word or three besides an address, without a sentence's punctuation ("podeli vest", "Vaš
komentar", a photo credit "Фото — <site>"), is a share or comment prompt or a credit the page kept in its own
language, not a passage the translation left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import groupby

from ..analysis import latin_cyrillic, lexicon
from ..analysis.site_names import is_site_name, own_site_names, site_names
from ..model import Corpus, Document, Evidence, Finding, Statement
from ..payloads import UntranslatedData
from ..stages.language import UNDETERMINED
from . import named, register

_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*")
_TARGET = "en"
_JOINS = re.compile(r"[\s,;:–—-]*")  # what may stand between the words of one fragment
#: Page furniture: at most this many words on a line of their own, without a sentence's closing punctuation.
_FURNITURE_WORDS = 3
#: An address or a host name ("results.cec.gov.ge"): a credit's source, not words of the line ("Фото — …").
_ADDRESS = re.compile(r"\S+://\S+|(?:[\w-]+\.)+[a-z]{2,6}\b(?:/\S*)?")
#: A name in quotation marks on such a line is the credited party's, like an address ("Translated by «<service>»").
_QUOTED_NAME = re.compile(r"[«„“\"][^«»„“”\"]{1,40}[»”\"]")


#: A run's word: its (start, end) in the statement and its language ("" for a word no list knows).
Run = tuple[int, int, str]


def _language_name(code: str) -> str:
    return lexicon.LANGUAGE_NAMES.get(code, code)


def document_runs(document: Document, statements: list[Statement]) -> list[tuple[int, list[list[Run]]]]:
    """What one article contributes: in each of its English statements, the runs of source-language
    words, as (statement number, [(start, end, language or "" for a word no list knows) …]), offsets
    in the statement."""
    if document.language not in (_TARGET, UNDETERMINED):
        return []
    return [
        (number, runs)
        for number, statement in enumerate(statements)
        if statement.language in (_TARGET, UNDETERMINED) and not _furniture(document, statement)
        for runs in [_runs(statement.text)]
        if runs
    ]


def _furniture(document: Document, statement: Statement) -> bool:
    """Whether ``statement`` is a short line of its own without a sentence's punctuation: a page's share or
    comment prompt, a label ("podeli vest", "Vaš komentar"), kept in the site's language by design."""
    text = statement.text.strip()
    if text.endswith((".", "!", "?", "…")):
        return False  # a sentence's punctuation: most statements, told apart before any search
    first, last = document.line_span(statement.start, statement.end)
    line = document.text[first:last].strip()
    sites = own_site_names(document)  # "Read <site> Read <site>": the site's own name, as an address is
    words = [w for w in _WORD.findall(_QUOTED_NAME.sub(" ", _ADDRESS.sub(" ", text))) if not is_site_name(w, sites)]
    return line == text and len(words) <= _FURNITURE_WORDS


@register(
    "untranslated",
    description="statements and fragments left in the source language",
    needs=("statements",),
    per_document=document_runs,
    payload=UntranslatedData,
    rules={"mt_artefact/untranslated": "An article, statements or words left in the source language."},
)
def detect(corpus: Corpus, per_document: dict[str, list[tuple[int, list[list[Run]]]]]) -> Iterable[Finding]:
    # How many articles print each quoted name: one that several print is the corpus's name for it, not one
    # article's transliteration.
    quoted = Counter(name for d in corpus.documents for name in set(_QUOTED.findall(d.text)))
    sites = site_names(corpus)
    for document, statements in corpus.by_document():
        if document.language not in (_TARGET, UNDETERMINED):
            continue  # a source in its own language
        yield from _statement_runs(document, statements)
        for number, runs in per_document[document.id]:
            for run in runs:
                finding = _fragment(document, statements[number], run)
                if finding:
                    yield finding
        yield from _transliterated(document, statements, quoted, sites)


#: A name in quotation marks: capitalised words, four at most ("Edinstvo", "Pershiy Kanal").
_QUOTED = re.compile(r"[\"“«„]([A-Z][a-z]+(?: [A-Z][a-z]+){0,3})[\"”»“]")
#: A word this common in English (Zipf) is English, whatever it also is transliterated.
_ENGLISH_WORD = 3.0


def _transliterated(
    document: Document, statements: list[Statement], others: dict[str, int], sites: frozenset[str]
) -> Iterable[Finding]:
    """Quoted names of an English article that are Russian, Ukrainian or Bulgarian words in Latin letters
    (:mod:`.analysis.latin_cyrillic`): a name the translation transliterated instead of translating ("Edinstvo",
    Unity). Every word must be such a word ("Pershiy Kanal", перший канал), and one article alone print it; a name
    English writes ("Pravda", "Sputnik") is left alone, being English usage, and so is an outlet's name that the
    articles' headers give ("told “Vreme”": :mod:`.analysis.site_names`)."""
    for statement in statements:
        if statement.language not in (_TARGET, UNDETERMINED) or not _QUOTED.search(statement.text):
            continue
        for m in _QUOTED.finditer(statement.text):
            words = m.group(1).split()
            if any(lexicon.is_english(w, _ENGLISH_WORD) or is_site_name(w, sites) for w in words):
                continue
            read = [latin_cyrillic.cyrillic_word(w) for w in words]
            found = [(language, cyrillic) for language, cyrillic in read if language]
            if len(found) < len(words) or others.get(m.group(1), 0) > 1:
                continue  # a person's name ("Vladislav Ribnikar": no word of the family name), or the corpus's name
            language = found[0][0]
            start = statement.start + m.start(1)
            yield _untranslated(
                f"“{m.group(1)}” ({named(document)}) is {_language_name(language)} in Latin letters "
                f"({' '.join(c for _, c in found)}), left untranslated",
                [statement],
                [Evidence(statement.doc, start, start + len(m.group(1)), m.group(1))],
                language,
                "fragment",
                text=m.group(1),
            )


def _untranslated(
    message: str,
    statements: list[Statement],
    evidence: list[Evidence],
    language: str,
    scope: str,
    count: int | None = None,
    text: str | None = None,
) -> Finding:
    return Finding(
        id="",
        kind="mt_artefact",
        subkind="untranslated",
        severity="warning",
        message=message,
        statements=[s.id for s in statements],
        evidence=evidence,
        data=UntranslatedData(language=language, statements=count, scope=scope, text=text, mqm="Accuracy/Untranslated"),
    )


def _statement_runs(document: Document, statements: list[Statement]) -> Iterable[Finding]:
    for language, grouped in groupby((s for s in statements if not _furniture(document, s)), key=lambda s: s.language):
        run = list(grouped)
        if language in (_TARGET, UNDETERMINED):
            continue
        what = "A statement is" if len(run) == 1 else f"{len(run)} statements are"
        yield _untranslated(
            f"{what} in {_language_name(language)} inside the English text of {named(document)}: "
            f"the translation left {'it' if len(run) == 1 else 'them'} out",
            run,
            [Evidence(s.doc, s.start, s.end, s.text) for s in run],
            language,
            "statement",
            count=len(run),
            text=run[0].text,
        )


def _runs(text: str) -> list[list[Run]]:
    """Runs of source-language words; a word no list knows ("sulmit") joins a run it touches."""
    runs: list[list[tuple[re.Match, str]]] = []
    pending: list[tuple[re.Match, str]] = []  # unknown words since the last run ended
    for m in _WORD.finditer(text):
        language = lexicon.foreign_language(m.group())
        joined = runs and not pending and _JOINS.fullmatch(text[runs[-1][-1][0].end() : m.start()])
        if not language:
            unknown = not lexicon.is_english(m.group()) and not m.group()[:1].isupper()
            if unknown and joined:
                runs[-1].append((m, ""))
            elif unknown and (not pending or _JOINS.fullmatch(text[pending[-1][0].end() : m.start()])):
                pending.append((m, ""))
            else:
                pending = []
            continue
        if joined:
            runs[-1].append((m, language))
        elif pending and _JOINS.fullmatch(text[pending[-1][0].end() : m.start()]):
            runs.append(pending + [(m, language)])
        else:
            runs.append([(m, language)])
        pending = []
    spans = []
    for run in runs:
        while run and not run[-1][1]:  # trailing unknown words stay out unless a foreign word follows
            run.pop()
        if run:
            spans.append([(m.start(), m.end(), language) for m, language in run])
    return spans


def _fragment(document: Document, statement: Statement, run: list[Run]) -> Finding | None:
    first, last = run[0][0], run[-1][1]
    text = statement.text[first:last]
    if all(statement.text[s : s + 1].isupper() for s, _, lang in run if lang) and not lexicon.CYRILLIC.search(text):
        return None  # a name
    if len(run) == 1 and len(text) < 4:
        return None  # "na", "je" alone: too little to tell
    if statement.text[:first].rstrip().endswith("(") and statement.text[last:].lstrip().startswith(")"):
        return None  # a gloss
    languages = [lang for _, _, lang in run if lang]
    language = max(languages, key=languages.count)
    start = statement.start + first
    if text == statement.text.strip(' .!?"“”«»'):
        # The whole statement, where langdetect could not decide (Cyrillic splits its vote).
        return _untranslated(
            f"A statement is in {_language_name(language)} inside the English text of {named(document)}: "
            f"the translation left it out",
            [statement],
            [Evidence(statement.doc, statement.start, statement.end, statement.text)],
            language,
            "statement",
            count=1,
            text=statement.text,
        )
    return _untranslated(
        f"“{text}” ({named(document)}) is {_language_name(language)}, left untranslated in an English sentence",
        [statement],
        [Evidence(statement.doc, start, start + len(text), text)],
        language,
        "fragment",
        text=text,
    )
