"""Words a translation garbled: neither English, nor a name the corpus uses, nor a plausible name.

"Peleven years after the declaration of independence" — the source said
*fifteen*; the translation made a word that does not exist. A word is suspect
when wordfreq does not know it in English and it is not a word of a source
language (that is :mod:`.untranslated`'s business). Capitalised words are
usually names, and names are often rare, so a capitalised word is only flagged
when nothing marks it as a name — the corpus never writes it capitalised in
mid-sentence — and it is one letter from a common English word (Peleven →
eleven). "Kozhevnikov" at the start of a sentence is simply a rare name. Nor is
a word beside a social network's name garbled: it is an account's handle ("on his
vukvukovic Instagram profile").

Words run together are ``mt_artefact``/run_together: a word and a number with no
space between them ("lasted12 hours"), and a name or word with the next
sentence's first word glued to it ("… Albin CortiOn Sunday, he …"), where the
first part is a word or a name the corpus writes on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis import dropped_letters, lexicon
from ..analysis.site_names import is_site_name, site_names
from ..model import Corpus, Document, Evidence, Finding, Statement
from ..payloads import GarbledData
from . import named, register

_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*")
# Addresses, and bare host names ("results.cec.gov.ge"): a site's name is not a garbled word.
_URL = re.compile(r"\S+(?:\.\w{2,}/\S*|@\S+|://\S+)|www\.\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}\b")
_MAY_HOLD_URL = re.compile(r"[/@]|www\.|[a-z0-9]\.[a-z]{2}")
# Script or markup caught in an article's text ("fbq('init', …)", "{", "</div>"): not prose.
_CODE = re.compile(r"\w\(['\"]|[{}]|=>|\)\s*;|\w=\w|</?[a-z]+>")
#: A sentence with this many unknown words, making this share of its words, is not garbled prose but a
#: line of page furniture or code ("shareicon closeicon downicon"): a translation garbles a word here and there.
MOSTLY_UNKNOWN = (3, 0.3)
# A Latin letter neither English nor of the region's alphabets: a damaged encoding's ("āObjective": the encoding
# detector's) or another language's ("canlı"), not a garble of an English word.
_ODD_LETTER = re.compile(r"[^\x00-\u00ffčćšžđČĆŠŽĐ](?<=[\u0100-\u024f])")
# Regular endings on an English stem ("temblors", "panickedly", "illogicalities"): rare forms, not garbles.
_ENDINGS = (
    ("ities", "ity"),
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("ness", ""),
    # English makes verbs of adjectives and nouns with -ize/-ise ("instrumentalizing" of "instrumental")
    ("izing", ""),
    ("ising", ""),
    ("ized", ""),
    ("ised", ""),
    ("izes", ""),
    ("ises", ""),
    ("ize", ""),
    ("ise", ""),
)
_POSSESSIVE = re.compile(r"[’']s$")
#: English prefixes that make new words of common ones ("microsurgeon", "counterstrike"), which wordfreq need not
#: list: such a word is English, not garbled. Prefixes of three letters or more: "re" + "ported" would pass a typo.
_PREFIXES = (
    "anti counter cardio hyper hypo inter intra macro mega micro mini multi neuro non ortho out over post pre self "
    "semi super ultra under".split()
)
#: The rest of a prefixed word must be a common word (Zipf) of this many letters at least.
_PREFIXED_REST = (3.5, 4)
_OPENING = "\"'“‘«„([-–—•*# "
#: A capital after lower-case letters inside one word: markup glued to text, never a translation's garble.
_GLUED = re.compile(r"[a-z][A-Z]")
#: Social networks: a word next to one's name is an account's handle ("his vukvukovic Instagram profile"), not a
#: garble. Names that are also common words ("X", "Threads") are left out.
_NETWORKS = frozenset("instagram twitter facebook telegram tiktok youtube linkedin vkontakte".split())
#: A common English word and a number with no space between them ("lasted12", "12hours"); not a unit, an
#: ordinal or a decade (3 letters or fewer: "3km", "2nd", "1990s"), nor part of an address, a file's name or a
#: handle ("news24.com", "photo2023.jpg", "@vote2024").
_WORD_NUMBER = re.compile(r"(?<![\w@#/.-])(?:[a-z]{4,}\d+|\d+[a-z]{4,})(?![\w@/-]|\.\w)")
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
thousand million""".split()
)


def _words(statement: Statement) -> list[tuple[re.Match, bool]]:
    """Each word of ``statement`` with whether it opens the sentence (capitalised for grammar, not as a name)."""
    text = statement.text
    # Every address _URL matches holds "/", "@", "www." or a dot before two letters; most sentences hold none.
    masked = _URL.sub(lambda m: " " * len(m.group()), text) if _MAY_HOLD_URL.search(text) else text
    words: list[tuple[re.Match, bool]] = []
    end = 0
    for m in _WORD.finditer(masked):
        # What decides is the text since the previous word: words hold no punctuation.
        before = masked[end : m.start()]
        # Most words follow one space, which never opens a sentence: a third of the stage on a long article.
        words.append((m, False if before == " " and words else _opens(before, first=not words)))
        end = m.end()
    return words


#: A numeric date, with its time, standing alone between two words: a page's stamp or a dateline ("date
#: 2024-03-23 According to …", "23.03.2024 14:05 Police said …"), after which the text starts a sentence.
_STAMP = re.compile(r"\W*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4})(?:[ T,]+\d{1,2}:\d{2}(?::\d{2})?)?\W*")


def _opens(before: str, first: bool = True) -> bool:
    """Whether a word after ``before`` (the text since the previous word, or since the start for the
    ``first`` word) starts a sentence: nothing but openers before the first word, or sentence
    punctuation, closing quotes, a space and opening quotes, or a date stamp."""
    if _STAMP.fullmatch(before):
        return True
    if first:
        return not before.strip(_OPENING) or _opens(before, first=False)
    unquoted = before.rstrip("\"'“‘«„(")
    spaced = unquoted.rstrip()
    return len(spaced) < len(unquoted) and spaced.rstrip("\"'”’»)").endswith((".", "!", "?", ":", "…"))


#: A line that credits a source, a photo or an author ("Source: korrespondent"): what follows is a name, whatever
#: its case, not prose a translation could garble.
_CREDIT = re.compile(r"(?:sources?|via|photos?|credits?|authors?)\s*:", re.IGNORECASE)
#: The same credit after the prose of its line ("… the company said. Source: vijestionline"), a word or two before.
_CREDIT_BEFORE = re.compile(rf"\b{_CREDIT.pattern}\s*(?:\S+\s+)?$", re.IGNORECASE)
#: A line of counters ("2707 articles0 Followers"): an author's or a page's widget, whose figures and labels are
#: printed without spaces by the page's layout, not run together by a translation.
_COUNTERS = re.compile(r"(?:\d[\d,.]*\s*[^\W\d_]+\s*){2,}")


def _broken_line(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is half of a word a line break cut in two ("elec" / "toral"): the page's
    layout broke it, and with the other half it is English."""
    before = re.search(r"([^\W\d_]+)\n$", text[max(0, start - 40) : start]) if text[start - 1 : start] == "\n" else None
    after = re.match(r"\n([^\W\d_]+)", text[end : end + 40]) if text[end : end + 1] == "\n" else None
    word = text[start:end]
    return bool(
        (before and lexicon.is_english(before.group(1) + word, 3.0))
        or (after and lexicon.is_english(word + after.group(1), 3.0))
    )


def _inflected_english(word: str) -> bool:
    """A rare regular form of an English word ("temblors", "panickedly"), not a garble of a common one: the
    stem is a word, and a common word (Zipf 3) or one no common word is an edit away from ("atacks" is
    "atack" + s, and "atack" is a misspelt "attack")."""
    lower = word.lower()
    for ending, stem in _ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 4:
            base = lower[: len(lower) - len(ending)] + stem
            if lexicon.is_english(base) and (lexicon.is_english(base, 3.0) or not lexicon.nearest_words(base)):
                return True
    return False


def _prefixed_english(word: str) -> bool:
    """An English prefix before a common English word ("microsurgeon"): a word, if a rare one."""
    lower = word.lower()
    zipf, letters = _PREFIXED_REST
    return any(
        lower.startswith(p) and len(lower) - len(p) >= letters and lexicon.is_english(lower[len(p) :], zipf)
        for p in _PREFIXES
    )


def _attested_names(words_of: list[list[tuple[re.Match, bool]]]) -> set[str]:
    """Words the corpus writes capitalised in mid-sentence: names, whatever wordfreq says."""
    names = set()
    for words in words_of:
        for m, opens in words:
            if not opens and m.group()[:1].isupper():
                names.add(_POSSESSIVE.sub("", m.group()))
    return names


def document_words(document: Document, statements: list[Statement]) -> tuple[list[str], list[tuple], list[tuple]]:
    """What one article contributes: the words it writes capitalised in mid-sentence (names, whatever
    wordfreq says), its suspects — words that are neither English nor source-language nor next to
    one — as (statement number, offset in the statement, word, opens a sentence, nearest English words),
    and words run together as (statement number, offset, word, where the first word ends).
    Which suspects are names is decided across the corpus."""
    words_of = [_words(statement) for statement in statements]
    suspects = []
    glued: list[tuple] = []
    if document.language in ("en", "und"):
        # An excerpt can end in the middle of a word ("… and the vill"): the last word is cut, not garbled.
        text_end = len(document.text.rstrip())
        for number, (statement, words) in enumerate(zip(statements, words_of)):
            if statement.language not in ("en", "und") or _CODE.search(statement.text):
                continue
            first, last = document.line_span(statement.start, statement.end)
            line = document.text[first:last].strip()
            if _CREDIT.match(line):
                continue  # "Source: korrespondent": a credit names an outlet or a person
            if not _COUNTERS.fullmatch(line):
                glued.extend((number, *found) for found in _word_and_number(statement.text))
            found = []
            credit = ":" in statement.text and _CREDIT.search(statement.text)  # a credit before a word needs one
            for n, (m, opens) in enumerate(words):
                word = m.group()
                if statement.start + m.end() == text_end or (
                    credit and _CREDIT_BEFORE.search(statement.text, 0, m.start())
                ):
                    continue
                bare = _POSSESSIVE.sub("", word) if "'" in word or "’" in word else word
                # A capital that only opens the sentence does not make a name of a typo ("Accordin to …").
                if lexicon.is_english(word) and not ((bare.islower() or opens) and lexicon.misspelling_of(bare)):
                    continue
                if len(bare) < 3 or bare.isupper() or _inflected_english(bare) or _prefixed_english(bare):
                    continue
                if _ODD_LETTER.search(bare):
                    continue
                if _GLUED.search(bare):
                    if lexicon.glued_opener(bare):  # "CortiOn": the next sentence's "On" glued to a name
                        glued.append((number, m.start(), bare, lexicon.glued_opener(bare)))
                    continue  # "openSyria", "sizeAa": an icon's or a widget's name glued to the text, page furniture
                if any(w.group().lower() in _NETWORKS for w, _ in words[max(0, n - 1) : n + 2]):
                    continue  # an account's handle beside the network's name
                # Lower-case neighbours only: "northern Kosovo" is English, "sulmit në" is not.
                neighbours = [w.group() for w, _ in words[max(0, n - 1) : n + 2] if w.group().islower()]
                if lexicon.FOREIGN_LETTERS.search(bare) or any(lexicon.foreign_language(w) for w in neighbours):
                    continue  # a source-language word or next to one: untranslated, not garbled
                if _broken_line(document.text, statement.start + m.start(), statement.start + m.end()):
                    continue
                found.append((number, m.start(), word, opens, lexicon.nearest_words(bare)))
            count, share = MOSTLY_UNKNOWN
            unknown = sum(1 for suspect in found if not suspect[2][:1].isupper())  # capitalised: mostly names
            if unknown < count or unknown < share * len(words):
                suspects.extend(found)
    return sorted(_attested_names(words_of)), suspects, glued


def _word_and_number(text: str) -> Iterable[tuple[int, str, int]]:
    """A common English word and a number written as one ("lasted12"): (offset, both, where the first ends)."""
    masked = _URL.sub(lambda m: " " * len(m.group()), text) if _MAY_HOLD_URL.search(text) else text
    for m in _WORD_NUMBER.finditer(masked):
        letters = m.group().strip("0123456789")
        if lexicon.is_english(letters, 3.0):
            first = m.group()
            yield m.start(), first, len(first) - len(first.lstrip("0123456789")) or len(letters)


@register(
    "garbled_words",
    description='words that are neither English, nor a name the corpus uses, nor a plausible name ("Peleven")',
    needs=("statements",),
    per_document=document_words,
    payload=GarbledData,
    rules={
        "mt_artefact/garbled": "A word that is neither English, nor a name the corpus uses: the translation "
        "garbled it.",
        "mt_artefact/run_together": "Two words, or a word and a number, written without the space between them.",
    },
)
def detect(corpus: Corpus, per_document: dict[str, tuple[list[str], list[tuple], list[tuple]]]) -> Iterable[Finding]:
    names = {name for attested, _, _ in per_document.values() for name in attested}
    sites = site_names(corpus)
    # The articles that write each capitalised word in mid-sentence: one article's only use is no name's evidence.
    writers: dict[str, set[str]] = {}
    for doc, (attested, _, _) in per_document.items():
        for name in attested:
            writers.setdefault(name, set()).add(doc)
    index = _name_words(writers)
    for document, statements in corpus.by_document():
        for number, offset, word, cut in per_document[document.id][2]:
            first = word[:cut]
            if first[:1].isdigit() or first.islower() or first in names or lexicon.is_english(first):
                yield _run_together(document, statements[number], offset, word, cut)
        # One finding per word and article, with every place it stands: "Buy niketn Buy niketn" is one word.
        garbled: dict[str, Finding] = {}
        for number, offset, word, opens, near in per_document[document.id][1]:
            bare = _POSSESSIVE.sub("", word)
            written = _misspelt_name_word(bare, writers, index)
            if written:
                near = [written]
            elif bare[:1].isupper() and (not opens or bare in names or not near) and not _misspelt_title(bare, writers):
                continue  # a plausible name
            if is_site_name(bare, sites):
                continue  # an outlet's or a site's name, which the articles' headers give
            statement = statements[number]
            start = statement.start + offset
            evidence = Evidence(statement.doc, start, start + len(word), word)
            if word in garbled:
                garbled[word].evidence.append(evidence)
                garbled[word].statements = list(dict.fromkeys([*garbled[word].statements, statement.id]))
                continue
            hint = f"; nearest English words: {', '.join(near)}" if near else ""
            if any(w in _NUMBER_WORDS for w in near):
                hint += " — check the number against another source"
            garbled[word] = Finding(
                id="",
                kind="mt_artefact",
                subkind="garbled",
                severity="warning",
                message=f"“{word}” ({named(document)}) is not an English word nor a name used elsewhere in the "
                f"corpus{hint}",
                statements=[statement.id],
                evidence=[evidence],
                data=GarbledData(word=word, nearest=list(near), mqm="Fluency/Unintelligible"),
            )
        yield from garbled.values()
    yield from _dropped_letters(corpus)
    yield from _o_for_zero(corpus)


#: A figure with the letter o typed for a zero ("oko 4o osoba", "1o0 people"), in any language: a digit first, and
#: no hyphen or letter around it ("GPT-4o" is a name).
_O_FOR_ZERO = re.compile(r"(?<![\w.,/-])[1-9]\d*[oO][\doO]*(?![\w/-])")


def _o_for_zero(corpus: Corpus) -> Iterable[Finding]:
    """Figures typed with the letter o for a zero: a reader, and the fact reader, takes "4o" for 4."""
    for statement in corpus.statements:
        if not re.search(r"\d[oO]", statement.text):
            continue
        for m in _O_FOR_ZERO.finditer(statement.text):
            word, start = m.group(), statement.start + m.start()
            figure = re.sub("[oO]", "0", word)
            message = (
                f"“{word}” ({named(corpus.document(statement.doc))}) is a figure with the letter o typed for a "
                f"zero: “{figure}” — check the number against another source"
            )
            yield _spelling_finding("garbled", statement, start, word, figure, message)


def _dropped_letters(corpus: Corpus) -> Iterable[Finding]:
    """Words of the source-language articles with a letter lost, which the other articles print whole
    (:mod:`compare.analysis.dropped_letters`): "polava" where the corpus writes "poplava"."""
    for statement, offset, word, whole, articles in dropped_letters.dropped(corpus):
        start = statement.start + offset
        language = lexicon.LANGUAGE_NAMES.get(statement.language, statement.language)
        message = (
            f"“{word}” ({named(corpus.document(statement.doc))}) is no {language} word: a letter lost from "
            f"“{whole}”, which {articles} articles of the corpus print"
        )
        yield _spelling_finding("garbled", statement, start, word, whole, message)


#: A capitalised word this long that misspells a common word ("[Law on] Tansparency") is a typo in a title, not a
#: name: names that long are seldom a letter short of, or over, an English word.
_TITLE_TYPO_LETTERS = 9


def _misspelt_title(word: str, writers: dict[str, set[str]]) -> bool:
    """A long capitalised word that one article alone writes, a common English word with a letter lost or added.
    A letter changed is another language's spelling as often ("Televizion", a station's Albanian name)."""
    if len(word) < _TITLE_TYPO_LETTERS or len(writers.get(word, ())) > 1:
        return False
    meant = lexicon.misspelling_of(word)
    return abs(len(meant) - len(word)) == 1


#: A capitalised word of a name this common in English (Zipf), which independent articles write in mid-sentence
#: ("Clinical Centre"), is a word of the name, which one article writing it a letter off has misspelt.
_NAME_WORD_ZIPF = 3.5


def _name_words(writers: dict[str, set[str]]) -> dict[tuple[str, int], list[tuple[str, set[str]]]]:
    """English words of names two articles write capitalised, by first letter and length: built once per run."""
    index: dict[tuple[str, int], list[tuple[str, set[str]]]] = {}
    for other, docs in writers.items():
        if len(other) >= 5 and len(docs) >= 2 and lexicon.is_english(other, _NAME_WORD_ZIPF):
            index.setdefault((other[:1], len(other)), []).append((other, docs))
    return index


def _misspelt_name_word(word: str, writers: dict[str, set[str]], index: dict) -> str:
    """The English word of a name (six letters or more, in ``index``) that ``word``, which one article alone writes,
    misspells by one edit or two letters swapped ("Clincial Centre" beside "Clinical Center"), or ""."""
    from rapidfuzz.distance import OSA

    if len(word) < 6 or not word[:1].isupper() or len(writers.get(word, ())) > 1:
        return ""
    own = writers.get(word, set())
    near = (o for n in (-1, 0, 1) for o, docs in index.get((word[:1], len(word) + n), ()) if len(docs - own) >= 2)
    return next((o for o in near if OSA.distance(word, o, score_cutoff=1) <= 1), "")


def _run_together(document: Document, statement: Statement, offset: int, word: str, cut: int) -> Finding:
    apart = f"{word[:cut]} {word[cut:]}"
    message = f"“{word}” ({named(document)}) runs two words together: “{apart}”"
    return _spelling_finding("run_together", statement, statement.start + offset, word, apart, message)


def _spelling_finding(subkind: str, statement: Statement, start: int, word: str, meant: str, message: str) -> Finding:
    """A warning on one misspelt word at ``start`` (a document offset), with the form it should have."""
    return Finding(
        id="",
        kind="mt_artefact",
        subkind=subkind,
        severity="warning",
        message=message,
        statements=[statement.id],
        evidence=[Evidence(statement.doc, start, start + len(word), word)],
        data=GarbledData(word=word, nearest=[meant], mqm="Fluency/Spelling"),
    )
