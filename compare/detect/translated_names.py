"""Proper names a translation rendered as ordinary words: an outlet's name as a clause, a surname as the English
word it means.

"… as Kosovo is online reported" where the corpus names the portal Kosovo Online: the translation read the name
as a sentence and supplied a verb. "Photo: Arben Wolf" for a photographer the source credits as Arben Ujku
(Albanian "ujku", the wolf). Neither is a misspelling: no letter-level comparison of names relates "Wolf" to
"Ujku", and "is online" holds no name at all. What shows them is where they stand.

* An outlet: the corpus knows its outlets, from the articles' ``Outlet:`` headers and from the names its
  sentences give after an outlet's noun ("the portal Kosovo Online"). A reporting frame ("as … reported",
  "according to …", "told …") that holds such a name's words in order, with words inserted between them that
  no name holds (a verb, an article) or lowered to lower case, is the name rendered as a phrase.
* A credit: a photo credit's person ("Photo: Agency/Given Surname") whose surname is a common English word that
  English uses far more than the region's languages do, under a given name English does not use: a name no
  photographer of the region bears, and what a translation makes of a surname that is a word in its language.
  Where the corpus credits the same given name with another surname, the finding says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..analysis.lexicon import zipf
from ..model import Corpus, Document, Evidence, Finding, Identity
from ..payloads import TranslatedNameData
from . import named, register

_ENGLISH = ("en", "und")
_NAME_WORD = r"[A-Z0-9ČĆŠŽĐ][\w.-]*"
_OUTLET_NOUN = (
    r"(?:news\s+)?(?:portal|daily|newspaper|paper|broadcaster|outlet|website|site|agency|channel|television|"
    r"tv|radio|weekly|magazine)"
)
#: An outlet's noun; the name is the capitalised words after it ("the portal X") or before it ("X portal"). Found
#: first, then its neighbours read case-sensitively: one pattern for both, searched with re.IGNORECASE at every place
#: of every text, cost seconds at 1,000 articles.
_NOUN = re.compile(rf"\b{_OUTLET_NOUN}\b", re.IGNORECASE)
_NAME_AFTER = re.compile(rf"\s+[\"“']?({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})")
_NAME_BEFORE = re.compile(rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s+$")
_FRAME_WORDS = r"[\w’'-]+(?:\s+[\w’'-]+){1,4}"
#: Reporting frames: the slot is where an outlet's name stands.
_FRAMES = (
    re.compile(rf"\bas\s+(?:the\s+)?({_FRAME_WORDS})\s+(?:reported|reports|wrote|writes|learned|learnt|announced)\b"),
    re.compile(rf"\b(?:according\s+to|reported\s+by|quoted\s+by|cited\s+by|told)\s+(?:the\s+)?({_FRAME_WORDS})"),
)
#: Words a translation puts between a name's words when it reads the name as a sentence.
_INSERTED = frozenset("is are was were be been the a an it its of on in at to".split())
_CREDIT = re.compile(r"(?:^|\()\s*(?:photos?|foto|photograph|pictures?|images?)\s*(?::|by\b)\s*([^()\n]+)", re.I | re.M)
_PERSON = re.compile(r"^([A-ZČĆŠŽĐ][a-zčćšžđëç]+)\s+([A-Z][a-z]+)$")
#: Words of a credit that name no one (agencies, archives, the page's own kinds of picture).
_CREDIT_WORDS = frozenset(
    "images image photo photos pictures picture press news media agency service archive archives handout pool "
    "staff illustration video screenshot reproduction office ministry police government".split()
)


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text)


def known_outlets(corpus: Corpus) -> dict[str, list[str]]:
    """Outlet names of two words or more the corpus gives, each with the documents that write it."""
    names: dict[str, list[str]] = {}
    for document in corpus.documents:
        header = re.sub(r"\s*\(.*?\)\s*", " ", document.metadata.get("outlet", "")).strip()
        found = [header] if header else []
        for m in _NOUN.finditer(document.text):
            after = _NAME_AFTER.match(document.text, m.end(), m.end() + 80)
            before = _NAME_BEFORE.search(document.text, max(0, m.start() - 80), m.start())
            found += [n.group(1).strip(" .,") for n in (after, before) if n]
        for name in found:
            words = _words(name)
            if len(words) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in words):
                names.setdefault(" ".join(words), [])
                if document.id not in names[" ".join(words)]:
                    names[" ".join(words)].append(document.id)
    return names


def _rendered(slot: str, name: str) -> str:
    """The part of ``slot`` that renders outlet ``name`` as a phrase, "" if none: its words in order, with only
    words no name holds between them, and inserted words or lower case where the name has capitals."""
    target = [w.lower() for w in _words(name)]
    words = _words(slot)
    for start, word in enumerate(words):
        if word.lower() != target[0]:
            continue
        matched, inserted, end = 1, False, start + 1
        while end < len(words) and matched < len(target):
            if words[end].lower() == target[matched]:
                matched += 1
            elif words[end].lower() in _INSERTED:
                inserted = True
            else:
                break
            end += 1
        if matched < len(target):
            continue
        span = words[start:end]
        lowered = any(w.islower() for w in span if w.lower() in target)
        if inserted or lowered:
            return " ".join(span)
    return ""


def _outlet_findings(corpus: Corpus) -> Iterable[Finding]:
    outlets = known_outlets(corpus)
    if not outlets:
        return
    by_first: dict[str, list[str]] = {}  # a slot is compared only with the names its words can begin
    for name in outlets:
        by_first.setdefault(name.split()[0].lower(), []).append(name)
    for document, statements in corpus.by_document():
        reported: set[str] = set()
        for statement in statements:
            if statement.language not in _ENGLISH:
                continue
            for frame in _FRAMES:
                for m in frame.finditer(statement.text):
                    names = {n for w in _words(m.group(1)) for n in by_first.get(w.lower(), ())}
                    for name in sorted(names):
                        writers = outlets[name]
                        phrase = _rendered(m.group(1), name)
                        where = statement.text.find(phrase, m.start(1)) if phrase else -1
                        if where < 0 or name in reported or not [w for w in writers if w != document.id]:
                            continue
                        reported.add(name)
                        start = statement.start + where
                        yield _finding(document, statement.id, start, phrase, name, "outlet", writers)


def _credited(corpus: Corpus) -> dict[str, set[str]]:
    """Each given name the corpus's credits and sentences write, with the surnames it stands before."""
    out: dict[str, set[str]] = {}
    for document in corpus.documents:
        for m in re.finditer(r"\b([A-ZČĆŠŽĐ][a-zčćšžđëç]+)\s+([A-ZČĆŠŽĐ][\wčćšžđëç]+)", document.text):
            out.setdefault(m.group(1), set()).add(m.group(2))
    return out


def _translated_surname(given: str, surname: str) -> bool:
    """An English word as surname under a given name English does not use."""
    word = surname.lower()
    if word in _CREDIT_WORDS or zipf(word) < 3.3:
        return False
    if zipf(word) < zipf(word, "sh") + 0.5:
        return False  # a word (or name) Serbo-Croatian writes as much: "Marin", "Mira"
    return zipf(given.lower()) < 3.0


def _credit_findings(corpus: Corpus) -> Iterable[Finding]:
    credited: dict[str, set[str]] | None = None
    for document in corpus.documents:
        for m in _CREDIT.finditer(document.text):
            offset = m.start(1)
            for part in re.split(r"[/|,;]", m.group(1)):
                name = part.strip(" .")
                person = _PERSON.match(name)
                if not person or not _translated_surname(person.group(1), person.group(2)):
                    continue
                credited = credited if credited is not None else _credited(corpus)
                others = sorted(
                    s for s in credited.get(person.group(1), set()) if s != person.group(2) and zipf(s.lower()) < 3.3
                )
                start = document.text.find(name, offset)
                expected = f"{person.group(1)} {others[0]}" if len(others) == 1 else ""
                yield _finding(document, "", start, name, expected, "photographer", [])


def _finding(
    document: Document, statement: str, start: int, text: str, name: str, role: str, writers: list[str]
) -> Finding:
    others = [w for w in writers if w != document.id]
    if role == "outlet":
        message = (
            f"“{text}” ({named(document)}) reads as the outlet {name} rendered as a phrase: the corpus names it "
            f"{name} ({len(others)} other article{'s' if len(others) != 1 else ''})"
        )
    else:
        known = f"; the corpus credits {name}" if name else ""
        message = (
            f"“{text}” ({named(document)}): a credited name whose surname is an English word, under a given name "
            f"English does not use: a surname translated as the word it means{known}"
        )
    return Finding(
        id="",
        kind="mt_artefact",
        subkind="translated_name",
        severity="warning" if role == "outlet" or name else "info",
        message=message,
        statements=[statement] if statement else [],
        evidence=[Evidence(document.id, start, start + len(text), text)],
        data=TranslatedNameData(
            document=document.id,
            text=text,
            role=role,
            name=name,
            written_in=others,
            mqm="Accuracy/Mistranslation",
        ),
    )


def _identity(finding: Finding) -> Identity:
    assert isinstance(finding.data, TranslatedNameData)
    data = finding.data
    return Identity(topic="translated_name", values=(data.role, data.text), documents=(data.document,))


@register(
    "translated_names",
    description="proper names a translation rendered as ordinary words: an outlet's name as a clause (“as Kosovo "
    "is online reported” for Kosovo Online), a credited surname as the English word it means",
    needs=("documents", "statements"),  # credits and Outlet: headers are in the text, set aside from statements
    payload=TranslatedNameData,
    identity=_identity,
    rules={
        "mt_artefact/translated_name": "A proper name translated as if it were ordinary words (an outlet's name "
        "as a clause, a surname as the English word it means): read the name the source gives."
    },
)
def detect(corpus: Corpus) -> Iterable[Finding]:
    yield from _outlet_findings(corpus)
    yield from _credit_findings(corpus)
