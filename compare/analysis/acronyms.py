"""The corpus's acronyms: where each occurs, how it is defined, and which name one body.

Translations break acronyms in three ways this module makes visible:

* the acronym of the source language is kept while its expansion is translated
  ("Union of Serbian Municipalities (USO)": USO is the Serbian *Udruženje srpskih
  opština*; the English letters would be USM) — a definition that does not fit;
* a letter is mistranslated or mistyped ("WSO" for ZSO) — an acronym never defined,
  one letter away from another acronym of the corpus;
* one body gets several names across (or within) articles: "Union", "Association"
  and "Community of Serb(ian) Municipalities", ZSO, USO, WSO — a *concept* with
  its names and where each is used.

Definitions are found with the Schwartz–Hearst rule (Schwartz & Hearst 2003, the
usual baseline for abbreviation definitions): the letters of the short form must
occur in order in the words just before its parentheses, the first one starting
a word; it fits only if each run of its letters starts a word (:mod:`.initials`: not GM for "Georgian Dream").
Otherwise, where capitalised words stand before the parentheses, it is defined by a name it does not fit.

Acronyms in ``data/acronyms.tsv`` (NATO, KFOR, EULEX, ZSO …) are known to be
right; they are never reported as mistyped, and their expansions link the
corpus's other names of the same body.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..infra.disjoint import DisjointSets
from ..model import Acronym, Corpus, Definition, Mention, Statement
from . import lexicon
from .body_shapes import body_parts, head_last, head_pattern, same_body_name, stem, tail_pattern
from .facts.people import is_title
from .facts.tokens import fold
from .initials import made_of_word_starts

_UPPER = "A-ZÇČĆŠŽĐË"
_ACRONYM = re.compile(rf"(?<![\w.&/-])([{_UPPER}][{_UPPER}a-z]{{0,6}}[{_UPPER}])(?![\w&/]|\.\w|-\w)")
_ROMAN = re.compile(r"[IVXLCDM]+")
#: Words that may stand inside a capitalised name ("Union *of* Serbian Municipalities").
NAME_GLUE = {"of", "and", "for", "the", "in", "on", "de", "du", "des", "la", "le", "i", "e", "za", "na"}
_COMMON_WORD_ZIPF = 4.5  # an all-caps common word ("NEXT") is emphasis, not an acronym


@dataclass
class Name:
    """One way a concept is named: an acronym or a written-out name."""

    text: str
    type: str  #: "acronym" or "expansion"
    occurrences: list[Mention] = field(default_factory=list)


@dataclass
class Concept:
    """One body and every name the corpus gives it."""

    canonical: str
    names: list[Name]

    @property
    def acronyms(self) -> list[Name]:
        return [n for n in self.names if n.type == "acronym"]


@dataclass(frozen=True)
class KnownAcronym:
    acronym: str
    expansions: tuple[str, ...]
    source_expansions: tuple[str, ...]


@lru_cache(maxsize=1)
def known_acronyms() -> dict[str, KnownAcronym]:
    """data/acronyms.tsv by acronym."""
    text = resources.files("compare").joinpath("data/acronyms.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        acronym, english, source = (line.split("\t") + ["", ""])[:3]
        out[acronym] = KnownAcronym(
            acronym, tuple(filter(None, english.split("|"))), tuple(filter(None, source.split("|")))
        )
    return out


def long_form(short: str, text: str) -> str | None:
    """The Schwartz–Hearst long form of ``short`` at the end of ``text``, or None.

    Letters are compared folded, so "UÇK" matches "Ushtria Çlirimtare e Kosovës".
    """
    s_low, t_low = fold(short), fold(text)
    if len(t_low) != len(text):  # folding changed offsets (đ → dj): compare without it
        s_low, t_low = short.lower(), text.lower()
    s, t = len(s_low) - 1, len(t_low) - 1
    while s >= 0:
        c = s_low[s]
        if not c.isalnum():
            s -= 1
            continue
        while t >= 0 and (t_low[t] != c or (s == 0 and t > 0 and t_low[t - 1].isalnum())):
            t -= 1
        if t < 0:
            return None
        t -= 1
        s -= 1
    start = max(text.rfind(" ", 0, t + 1), text.rfind("-", 0, t + 1) if t >= 0 and text[t] == "-" else -1) + 1
    found = text[start:].strip(' "“”«»„')  # the name, not the quotation marks around it
    if len(found.split()) < 2 and "-" not in found:  # "KFOR" inside one word is not a definition
        return None
    return found


def fits(acronym: str, expansion: str) -> bool:
    return long_form(acronym, expansion) is not None


def _fits_strictly(acronym: str, expansion: str) -> bool:
    """As a definition fits: each run of the letters starts a word ("POC" fits no "Public Monitoring Committee")."""
    return fits(acronym, expansion) and made_of_word_starts(acronym, expansion)


def initials(expansion: str) -> str:
    """What an English reader would abbreviate ``expansion`` to: "Union of Serbian Municipalities" → "USM"."""
    words = re.findall(r"[\w’'-]+", expansion)
    return "".join(w[0].upper() for w in words if w.lower() not in NAME_GLUE)


def _capitalised_name_before(text: str) -> str:
    """The capitalised name that ends ``text``: "… north of Kosovo, the Union of Serbian Municipalities"."""
    words = text.rstrip().split(" ")
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip(",;:")
        if bare != word and taken:
            break
        if bare[:1].isupper() or bare.lower() in NAME_GLUE:
            taken.append(bare)
            continue
        break
    while taken and taken[-1].lower() in NAME_GLUE:  # leading "the", "of"
        taken.pop()
    while taken and taken[0].lower() in NAME_GLUE:
        taken.pop(0)
    name = " ".join(reversed(taken))
    return name if sum(w[:1].isupper() for w in taken) >= 2 else ""


#: What follows a dateline's place at the start of a story: ", Country" or a credit in parentheses, or a dash.
_DATELINE = re.compile(
    r"(?:,\s+[A-Z][\w .]{0,40}?)?\s*"
    r"(?:\((?:[^()]*[\d/]|AP|AFP|Reuters|Xinhua|Anadolu|dpa|TASS|Sputnik|Tanjug)|[—–]|-\s)"
)
#: A page's date stamp, which may stand before a dateline: "date 2019-11-26 TIRANA, Nov. 26 – …".
_STAMP = re.compile(r"(?:[a-z]+ )?\d{4}-\d{2}(?:-\d{2})?\s+")


def _is_acronym(token: str, statement_text: str, at: int) -> bool:
    if token in known_acronyms():
        return True
    if _ROMAN.fullmatch(token) or sum(c.isupper() for c in token) < 2:
        return False
    if lexicon.zipf(token.lower()) >= _COMMON_WORD_ZIPF:
        return False
    opening = at == 0 or _STAMP.fullmatch(statement_text, 0, at)  # the story's first word, or after its stamp
    if opening and len(token) >= 4 and _DATELINE.match(statement_text, at + len(token)):
        return False  # "NURDAGI, Turkey (AP) —": a dateline's place in capitals
    # A headline in capitals is emphasis: three capitalised words in a row are not acronyms.
    around = statement_text[max(0, at - 40) : at + len(token) + 40]
    return not re.search(rf"[{_UPPER}]{{3,}}\s+[{_UPPER}]{{3,}}\s+[{_UPPER}]{{3,}}", around)


def _definitions(statement: Statement, m: re.Match) -> list[Definition]:
    acronym, text = m.group(1), statement.text
    out = []
    before, after = text[: m.start()], text[m.end() :]
    if before.endswith("(") and after.startswith(")"):  # Long Form (LF)
        window = before[:-1].rstrip()
        words = window.split()
        limit = min(len(acronym) + 5, 2 * len(acronym))
        window_text = " ".join(words[-limit:])
        found = long_form(acronym, window_text)
        expansion = found or _capitalised_name_before(window)
        if not found and is_title(expansion):
            expansion = ""  # "Deputy Prime Minister Jovan Kralj (SNP)": the person's party, not a name of it
        fit = bool(found) and made_of_word_starts(acronym, expansion)
        # "OHRID, NORTH MACEDONIA (AP)": a dateline in capitals, not a written-out name
        if expansion and not expansion.isupper():
            start = statement.start + window.rfind(expansion)
            out.append(
                Definition(
                    acronym,
                    expansion,
                    fit,
                    Mention(statement.doc, statement.id, start, start + len(expansion), expansion),
                )
            )
    inside = re.match(r"\s*\(([^()]{3,120})\)", after)
    if inside:  # SF (Long Form)
        expansion = inside.group(1).strip()
        found = long_form(acronym, expansion)
        credit = bool(re.search(r"\d|/", expansion))  # "BRUSSELS (UrduPoint News / Sputnik - 19th March, 2023)"
        if not credit and (
            found == expansion
            or (not found and sum(w[:1].isupper() for w in expansion.split()) >= 2 and len(expansion.split()) >= 2)
        ):
            start = statement.start + m.end() + inside.start(1) + inside.group(1).find(expansion)
            out.append(
                Definition(
                    acronym,
                    expansion,
                    bool(found) and made_of_word_starts(acronym, expansion),
                    Mention(statement.doc, statement.id, start, start + len(expansion), expansion),
                )
            )
    return out


def table(corpus: Corpus) -> dict[str, Acronym]:
    """Every acronym of the corpus's statements, with its occurrences and definitions, in order of appearance."""
    known = known_acronyms()
    found: dict[str, Acronym] = {}
    for statement in corpus.statements:
        for m in _ACRONYM.finditer(statement.text):
            token = m.group(1)
            if not _is_acronym(token, statement.text, m.start()):
                continue
            entry = found.setdefault(token, Acronym(token, known=token in known))
            entry.occurrences.append(
                Mention(statement.doc, statement.id, statement.start + m.start(1), statement.start + m.end(1), token)
            )
            entry.definitions.extend(_definitions(statement, m))
    return found


def misfit(definition: Definition) -> bool:
    """A definition whose letters do not fit, and which the termbase does not vouch for.

    A known acronym's definition is vouched for when it shares its content words
    with one of the termbase's names ("European Union Rule of Law Mission" for
    EULEX) or names the same kind of body.
    """
    if definition.fits:
        return False
    entry = known_acronyms().get(definition.acronym)
    if not entry:
        return True
    words = _content_stems(definition.expansion)
    return not any(
        same_body_name(definition.expansion, e) or words <= _content_stems(e)
        for e in entry.expansions + entry.source_expansions
    )


def _content_stems(name: str) -> set[str]:
    return {stem(w) for w in re.findall(r"\w+", name) if w.lower() not in NAME_GLUE}


def near_misses(acronyms: dict[str, Acronym]) -> dict[str, list[str]]:
    """Undefined, unknown acronyms one letter from another acronym of the corpus → those acronyms."""
    from rapidfuzz.distance import Levenshtein

    out = {}
    for text, entry in acronyms.items():
        if entry.known or entry.definitions or len(text) < 3:
            continue
        near = [
            other
            for other in acronyms
            if other != text
            and len(other) >= 3
            and other.casefold() != text.casefold()  # "BIH" is "BiH" in capitals, not another acronym
            and Levenshtein.distance(text, other, score_cutoff=1) <= 1
        ]
        if near:
            out[text] = near
    return out


# --- concepts ---------------------------------------------------------------------------------------


def concepts(
    corpus: Corpus, acronyms: dict[str, Acronym] | None = None, near: dict[str, list[str]] | None = None
) -> list[Concept]:
    """Bodies that the corpus names in more than one way, each with every name and its occurrences.

    ``acronyms`` and ``near`` are the table and its near misses, where the caller already has them.
    """
    acronyms = table(corpus) if acronyms is None else acronyms
    near = near_misses(acronyms) if near is None else near
    known = known_acronyms()
    sets: DisjointSets[str] = DisjointSets()
    find, union = sets.find, sets.union

    # Written-out names: definitions, plus every "<body noun> of <tail>" and "<modifiers> <head>" the corpus uses
    # (:mod:`.body_shapes`), each shape a node that joins the names of its shape.
    expansions: dict[str, dict[tuple[str, int], Mention]] = defaultdict(dict)
    shapes: dict[str, re.Pattern] = {}

    def shape(name: str) -> str | None:
        parts, modifiers = body_parts(name), head_last(name)
        node = "T:" + "/".join(parts[1]) if parts else "H:" + _key(modifiers) if modifiers else None
        if node and node not in shapes:
            shapes[node] = tail_pattern(parts[1]) if parts else head_pattern(modifiers or "")
        return node

    for entry in acronyms.values():
        find("A:" + entry.text)
        for d in entry.definitions:
            union("A:" + entry.text, "E:" + _key(d.expansion))
            expansions[_key(d.expansion)][d.where.doc, d.where.start] = d.where
            node = shape(d.expansion)
            if node:
                union("E:" + _key(d.expansion), node)
        for name in known[entry.text].expansions if entry.text in known else ():
            node = shape(name)
            if node:
                union("A:" + entry.text, node)
    for node, pattern in shapes.items():
        for statement in corpus.statements:
            for m in pattern.finditer(statement.text):
                start = statement.start + m.start()
                expansions[_key(m.group())][statement.doc, start] = Mention(
                    statement.doc, statement.id, start, statement.start + m.end(), m.group()
                )
                union("E:" + _key(m.group()), node)
    for text, others in near.items():
        for other in others:
            union("A:" + text, "A:" + other)

    result = []
    for nodes in sets.groups():
        names = [
            Name(n[2:], "acronym", acronyms[n[2:]].occurrences)
            for n in nodes
            if n.startswith("A:") and n[2:] in acronyms
        ]
        for node in nodes:
            if node.startswith("E:") and expansions.get(node[2:]):
                found = sorted(expansions[node[2:]].values(), key=lambda o: (o.doc, o.start))
                names.append(Name(found[0].text, "expansion", found))
        if not names:
            continue
        if len(_forms(names, acronyms, near)) < 2:
            continue
        names.sort(key=lambda n: (min(o.start for o in n.occurrences), n.occurrences[0].doc))
        names.sort(key=lambda n: min(o.doc for o in n.occurrences))
        result.append(Concept(_canonical(names, known), names))
    return result


def _forms(names: list[Name], acronyms: dict[str, Acronym], near: dict[str, list[str]]) -> list[Name]:
    """The names that count as different: an acronym and the name it is defined by or fits are one
    form, and an acronym that joined only as a near miss is not counted (its own finding says it)."""
    defined = {_key(d.expansion) for n in names if n.type == "acronym" for d in acronyms[n.text].definitions}
    return [
        n
        for n in names
        if (n.type == "acronym" and n.text not in near)
        or (
            n.type == "expansion"
            and _key(n.text) not in defined
            and not any(_fits_strictly(a.text, n.text) for a in names if a.type == "acronym")
        )
    ]


def _key(name: str) -> str:
    return " ".join(fold(name).split())


def _canonical(names: list[Name], known: dict[str, KnownAcronym]) -> str:
    """The name to show: a known acronym with its English name, else the most used name."""
    for name in names:
        if name.type == "acronym" and name.text in known and known[name.text].expansions:
            return f"{name.text} ({known[name.text].expansions[0]})"
    return max(names, key=lambda n: (len(n.occurrences), n.type == "expansion")).text
