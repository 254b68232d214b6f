"""Text damaged by a wrong character encoding: mojibake, replacement characters, a stray letter for punctuation.

A page saved in one encoding and read in another turns "Kosovo’s" into "KosovoÃ¢Â€Â™s", "Vučić" into "VuÄ\x8diÄ\x87"
or "Vu?i?", and on some sites every quotation mark into one unrelated letter ("āObjective", "textā"). Names
are one victim (name_variants reports a damaged spelling of a name the corpus spells right elsewhere); quotes,
numbers and ordinary words are others, and a fact-checker should know the text was damaged at all. One finding
per article, with every damaged place as evidence:

* sequences that UTF-8 read as Windows-1252 or Latin-1 leaves (Ã©, Ä\x8d, â€™, Ð¸ …) and U+FFFD;
* a Latin letter foreign to English and to the region's alphabets that the article uses three times or more, at
  least twice glued to the edge of an English word, where punctuation stood (another script is another language).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from ..model import Corpus, Document, Evidence, Finding, Identity, Statement
from ..payloads import EncodingData
from . import named, register

#: What UTF-8 bytes look like read as Windows-1252 or Latin-1, and the replacement character.
_MOJIBAKE = re.compile(
    r"[ÃÄÅÐÑ][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc]|â€|\ufffd"
)
#: Letters a name of the region or a loanword may carry: never taken for damage.
_NAME_LETTERS = set("čćšžđëçČĆŠŽĐËÇéèêáàâíìîóòôúùûüöäïñåøæœßğışŞİĞ")
_GLUED = re.compile(r"(?<=[A-Za-z])([^\x00-\x7f])(?=[\s.,;:!?)]|$)|(?:(?<=[\s(])|^)([^\x00-\x7f])(?=[A-Za-z])", re.M)
MIN_STRAY = 3  # occurrences of a stray letter, at least two of them glued to a word


def _stray_letter(char: str) -> bool:
    """A Latin letter that neither English nor the region's names use; other scripts are languages, not damage."""
    return char not in _NAME_LETTERS and unicodedata.name(char, "").startswith("LATIN")


def document_damage(document: Document, statements: list[Statement]) -> list[tuple[int, int, str]]:
    """One article's damaged places as (start, end, what): plain data for the memo."""
    text = document.text
    found = [(m.start(), m.end(), m.group()) for m in _MOJIBAKE.finditer(text)]
    glued = Counter(m.group(1) or m.group(2) for m in _GLUED.finditer(text))
    for char, count in glued.items():
        if count >= 2 and _stray_letter(char) and text.count(char) >= MIN_STRAY:
            found += [(m.start(), m.end(), char) for m in re.finditer(re.escape(char), text)]
    taken: list[tuple[int, int, str]] = []
    for start, end, what in sorted(found):
        if not taken or start >= taken[-1][1]:
            taken.append((start, end, what))
    return taken


def _identity(finding: Finding) -> Identity:
    assert isinstance(finding.data, EncodingData)
    return Identity(values=tuple(finding.data.characters), documents=(finding.data.document,))


@register(
    "encoding",
    description="text damaged by a wrong character encoding: mojibake, replacement characters, a stray letter "
    "where punctuation stood",
    needs=("documents",),
    per_document=document_damage,
    payload=EncodingData,
    identity=_identity,
    rules={
        "mt_artefact/mojibake": "The article's text was damaged by a wrong character encoding: check names, "
        "quotes and numbers against the original."
    },
)
def detect(corpus: Corpus, per_document: dict[str, list[tuple[int, int, str]]]) -> Iterable[Finding]:
    for document in corpus.documents:
        damage = per_document[document.id]
        if not damage:
            continue
        kinds = [what for what, _ in Counter(what for _, _, what in damage).most_common()]
        shown = ", ".join(f"“{what}”" for what in kinds[:4])
        yield Finding(
            id="",
            kind="mt_artefact",
            subkind="mojibake",
            severity="warning",
            message=f"{named(document)} has text damaged by a wrong character encoding ({shown}; "
            f"{len(damage)} places): names, quotes and numbers there may be wrong",
            evidence=[Evidence(document.id, start, end, document.text[start:end]) for start, end, _ in damage],
            data=EncodingData(
                document=document.id, characters=kinds, occurrences=len(damage), mqm="Fluency/Character encoding"
            ),
        )
