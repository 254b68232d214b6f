"""Proper-name mentions across the corpus, clustered into entities with their spellings.

Machine translation and transliteration leave one name spelled several ways
("Vučić"/"Vucic", "Albin"/"Aljbin"/"Aljbina", "Rutte"/"Rute",
"Banjska"/"Banska"/"Bansk"). Mentions are capitalised words; they are blocked by
a consonant skeleton, and two spellings join one entity only if their difference is
one :mod:`.spellings` can name (diacritics, transliteration, case ending, truncation,
encoding). Spellings that differ in any other way are different names. And two spellings
that the corpus itself shows as different people — each with its own given name
("Milan Radoičić" and "Ivan Radojičić"), or given names each always followed by
its own family name ("Alexandr Bortnikov", "Alexander Khinshtein") — are never merged.
Which spelling is the name is decided here, from the corpus's independent origins and
English usage (:func:`entities`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Set

from ..infra.disjoint import DisjointSets
from ..model import Corpus, Document, Entity, Mention, Statement, Variant
from . import lexicon, misprints, native_names
from .facts.tokens import fold, same_name
from .letters import LOWER, UPPER
from .name_evidence import attested, native_of, plain_on_purpose
from .native_names import NativeWord
from .spellings import (
    ADJECTIVE_ENDINGS,
    DOUBLED,
    MOJIBAKE,
    Forms,
    both_english,
    damaged_forms,
    g_for_h,
    may_relate,
    relation,
    romanised,
    skeleton,
)

_POSSESSIVE = re.compile(r"[’']s?$")
#: The word 1-3 other characters before the end of a text (or of its last line), matched on the text reversed:
#: the search ``(\w+)\W{1,3}$`` would try every place of the text.
_WORD_BEFORE_REVERSED = re.compile(r"\n?\W{1,3}(\w+)")
_WORD_AFTER = re.compile(r"\W{1,3}(\w+)")
_WORD = re.compile(rf"(?<![\w’'])[{UPPER}][\wÃ?’'-]*[\w?](?![\w’'])")
_STOP = frozenset(
    """the this that these those there then they their when where what which while after before
during since until about also and but for from into over with without mr mrs ms dr in on at by to of as an""".split()
)


def mentions(corpus: Corpus) -> list[Mention]:
    """Capitalised words of the English statements (names in a source language follow its grammar)."""
    return [
        m
        for document, statements in corpus.by_document()
        for m in rebuild_mentions(statements, document_mentions(document, statements))
    ]


def document_mentions(document: Document, statements: list[Statement]) -> list[tuple[int, int, int, str, str]]:
    """One article's mentions as (statement number, start, end, text, ""): plain data, without ids; then the names
    of its source-language statements, each with its Latin spelling (:mod:`.native_names`)."""
    out: list[tuple[int, int, int, str, str]] = []
    for number, statement in enumerate(statements):
        if statement.language not in ("en", "und"):
            continue
        for m in _WORD.finditer(statement.text):
            for offset, word in _names_of(m.group()):
                folded = fold(word)
                if len(folded) < 3 or word.isupper() or folded in _STOP:
                    continue
                if _in_source_language(statement.text, m.start(), m.end()):
                    continue  # "pas sulmit në Banjskë": the source language's spelling, reported as untranslated
                start = statement.start + m.start() + offset
                out.append((number, start, start + len(word), word, ""))
    return out + native_names.document_words(document, statements)


def _names_of(word: str) -> list[tuple[int, str]]:
    """The names a capitalised word holds, each with its offset in it: itself, less a possessive ("Rutte's") or
    the next sentence's first word glued to it ("CortiOn"); each part of a compound of names ("Russian-Ukrainian",
    "Belgrade-Pristina": each part is spelt as the name is on its own; "Serb-majority" is one word)."""
    possessive = _POSSESSIVE.search(word)
    if possessive:  # "Rutte's" is a mention of "Rutte"
        word = word[: possessive.start()]
    glued = lexicon.glued_opener(word)
    if glued:  # "CortiOn": a mention of "Corti", the next sentence's "On" glued to it
        word = word[:glued]
    parts = word.split("-")
    if len(parts) > 1 and all(part[:1].isupper() for part in parts):
        offsets = [sum(len(p) + 1 for p in parts[:n]) for n in range(len(parts))]
        return list(zip(offsets, parts))
    return [(0, word)]


def rebuild_mentions(statements: list[Statement], found: list[tuple[int, int, int, str, str]]) -> list[Mention]:
    """:func:`document_mentions`'s data as mentions of ``statements``: the English ones."""
    return [
        Mention(statements[n].doc, statements[n].id, start, end, text) for n, start, end, text, nat in found if not nat
    ]


def rebuild_native(statements: list[Statement], found: list[tuple[int, int, int, str, str]]) -> list[NativeWord]:
    """:func:`document_mentions`'s source-language names, each a mention with its Latin spelling."""
    return [
        (Mention(statements[n].doc, statements[n].id, start, end, text), nat)
        for n, start, end, text, nat in found
        if nat
    ]


def native_words(corpus: Corpus) -> list[NativeWord]:
    """The names of the corpus's source-language statements (:func:`rebuild_native`), read here."""
    return [
        w
        for document, statements in corpus.by_document()
        for w in rebuild_native(statements, document_mentions(document, statements))
    ]


def _in_source_language(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` stands next to a lower-case source-language word."""
    from .lexicon import foreign_language

    before = _WORD_BEFORE_REVERSED.match(text[max(0, start - 40) : start][::-1])
    after = _WORD_AFTER.match(text[end : end + 40])
    return any(
        m and (word := m.group(1)[::n]).islower() and foreign_language(word) for m, n in ((before, -1), (after, 1))
    )


def entities(
    corpus: Corpus,
    translated: Set[str] = frozenset(),
    found: list[Mention] | None = None,
    native: list[NativeWord] | None = None,
) -> list[Entity]:
    """Names spelled more than one way in the corpus, each with its canonical form and variants.

    ``translated`` are documents known to be translations: their spellings weigh
    less when choosing the canonical form. ``found`` are the corpus's mentions, if
    already read; ``native`` the names of its source-language statements (:mod:`.native_names`), which count
    as evidence of a spelling but are never variants themselves.
    """
    found = mentions(corpus) if found is None else found
    by_text: dict[str, list[Mention]] = defaultdict(list)
    for mention in found:
        by_text[mention.text].append(mention)
    native = native_words(corpus) if native is None else native
    evidence = dict(by_text)  # every spelling's mentions, the source-language articles' included
    for text, printed in native_names.spellings(by_text, native).items():
        evidence[text] = by_text.get(text, []) + printed
    blocks = _blocks(evidence)
    # Given names are asked of spellings that share a block with another only.
    shared = {t: evidence[t] for texts in blocks for t in texts}
    given, family = _given_names(corpus, shared), _family_names(corpus, evidence)
    origin_of = {d.id: d.copy_of or d.id for d in corpus.documents}  # copies of one story count once
    natives = {word for _, word in native}  # the Latin spellings the source-language articles print
    result = []
    pending = list(blocks)
    while pending:
        spellings = pending.pop(0)
        # Only a spelling that some other spelling of the block is a variant of can be the name: "Vice" in three
        # articles shares a block with "Vučić" and "Vucic" but is neither's spelling, and must not outrank them.
        related = _related_spellings(spellings)
        if not related:
            continue
        rank = {t: _canonical_rank(t, evidence[t], translated, origin_of) for t in related}
        canonical = max(related, key=rank.__getitem__)
        for _ in spellings:  # a damaged, shortened or inflected form is never the canonical one
            better = [t for t in spellings if _repairs_in_use(canonical, t, evidence, origin_of)]
            if not better:
                break
            canonical = max(better, key=rank.__getitem__)  # a repair is related, so ranked
        variants = [Variant(canonical, "", evidence[canonical])]
        for text in spellings:
            if text == canonical or text not in by_text:
                continue  # a spelling only the source-language articles print is evidence, not a variant
            rel = relation(text, canonical)
            if (
                rel in ("", "none")
                or _distinct_people(given.get(text), given.get(canonical))
                or _distinct_people(family.get(text), family.get(canonical))
            ):
                continue
            if _common_words(text, canonical):
                continue  # "Sport" and "Support", "Turks" and "Turkish": two words, not one name misspelt
            if rel == "diacritics" and _marks_added(canonical, text) and _english_name(canonical, text):
                continue  # "Priština" beside "Pristina": the local spelling of a name English writes its own way
            if rel == "truncation" and (_english_name(text, canonical) or native_of(text, canonical, natives)):
                continue  # "Mary" beside "Mariya": English's own form of the name, no letters lost; "Puls" of "Pulse"
            if rel == "diacritics" and plain_on_purpose(text, canonical, given, evidence, origin_of):
                continue  # "Ljupčo Kocevski": an article that marks the given name left the surname plain on purpose
            if rel == "transliteration" and both_english(text, canonical):
                continue  # "Nikolay" and "Nikolai", "Sergey" and "Sergei": both English spellings of the name
            if rel == "spelling" and not attested(canonical, text, evidence, origin_of):
                continue  # one letter apart in as many articles: two names as likely as one misspelt
            variants.append(Variant(text, rel, by_text[text]))
        if len(variants) > 1:
            result.append(Entity(canonical, variants))
        # A block may hold two names ("Panče"; "Pančo", "Panco"): what the first left may make another, unless the
        # first is English's own name, beside which its local forms ("Türkiye", "Turkiye" of "Turkey") are usage.
        if not lexicon.is_english(canonical, _COMMON_ZIPF):
            pending.append([t for t in spellings if t not in {v.text for v in variants}])
    misprints.add(result, by_text, evidence, origin_of, lambda t, r: _apart(corpus, t, r, evidence))
    for right, printed, misprint, where in native_names.misprints(native, origin_of):
        result.append(Entity(right, [Variant(right, "", printed), Variant(misprint, "spelling", where)]))
    return sorted(result, key=lambda e: (-e.mentions, e.canonical))


def _blocks(spellings: dict[str, list[Mention]]) -> list[list[str]]:
    """The spellings that may be one name, two at least, in the corpus's order: those of one :func:`skeleton`, and
    a spelling with the forms a damaged copy prints of it (:func:`~.spellings.damaged_forms`: "Tirova" of
    "Tiršova", "Xesika" of "Xhesika"), whose skeletons differ."""
    sets: DisjointSets[str] = DisjointSets(spellings)
    first: dict[str, str] = {}
    for text in spellings:
        key = skeleton(text)
        if len(key) >= 2:
            sets.union(text, first.setdefault(key, text))
    substituted: dict[str, str] = {}
    for text in spellings:
        # "Kotelnikoy" beside "Kotelnikov": a long name with one letter typed as another (spellings.relation)
        folded = fold(text)
        for i in range(1, len(folded)) if len(folded) >= _SPELLING_LENGTH else ():
            other = substituted.setdefault(folded[:i] + "*" + folded[i + 1 :], text)
            if other != text:
                sets.union(text, other)
        # "Hirchi" beside "Girchi": Ukrainian's h for Г (spellings.g_for_h), which the skeleton keeps apart
        key = skeleton(g_for_h(text))
        if key in first and first[key] != text:
            sets.union(text, first[key])
        # "Alizar" beside "Allizard": a French final consonant the Russian spelling drops, which the skeleton keeps
        key = skeleton(text)
        shorter = first.get(key[:-1], "") if len(key) >= 4 else ""
        if shorter and romanised(shorter) == romanised(text)[:-1]:
            sets.union(text, shorter)
        # "Sergokalin" beside "Sergokalinsky": a place's adjective that lost its ending (spellings.relation)
        stem = next((text[: -len(e)] for e in ADJECTIVE_ENDINGS if text.endswith(e)), "")
        if stem in spellings:
            sets.union(text, stem)
        for form in damaged_forms(text):
            if form in spellings:
                sets.union(form, text)
    return [group for group in sets.groups() if len(group) > 1]


def _related_spellings(spellings: list[str]) -> list[str]:
    """The spellings of a block that are a variant of another of them, or another is a variant of, in the block's
    order: each pair asked once, and none asked about two spellings already known to have a variant."""
    found: set[str] = set()
    forms = [Forms(text) for text in spellings]
    for i, a in enumerate(forms):
        for b in forms[i + 1 :]:
            if (
                (a.text not in found or b.text not in found)
                and may_relate(a, b)  # the few pairs that may be related, of a block's thousands
                and (relation(a.text, b.text) not in ("", "none") or relation(b.text, a.text) not in ("", "none"))
            ):
                found.update((a.text, b.text))
    return [t for t in spellings if t in found]


def _repairs(damaged: str, other: str) -> bool:
    """Whether ``other`` is ``damaged`` with its lost diacritics, letters or characters restored."""
    rel = relation(damaged, other, ending_is_truncation=False)
    if rel == "diacritics":
        return _marks_added(damaged, other) and not _english_name(damaged, other)
    if rel == "truncation" and DOUBLED.sub(r"\1", fold(damaged)) == DOUBLED.sub(r"\1", fold(other)):
        # A doubled letter is as often the romanisation's as a loss ("Latakia"/"Lattakia", "Shamsidin"/
        # "Shamsiddin"): only English usage of the longer form shows the shorter lost one ("Rutte"/"Rute").
        return lexicon.zipf(other.lower()) > lexicon.zipf(damaged.lower())
    return rel in ("truncation", "encoding")


#: A plain spelling this common in English (Zipf), and ten times as common as the marked one, is English's own
#: name for the place or person ("Pristina", 2.2, where wordfreq does not list "Priština"), not a spelling that
#: lost its marks ("Vucic", as rare in English text as "Vučić").
_EXONYM_ZIPF = 2.0
_EXONYM_GAP = 1.0


#: Letters from which a name with one letter typed as another is one name misspelt (spellings.relation).
_SPELLING_LENGTH = 8


def _english_name(bare: str, marked: str) -> bool:
    usage = lexicon.zipf(bare.lower())
    return usage >= _EXONYM_ZIPF and usage - lexicon.zipf(marked.lower()) >= _EXONYM_GAP


def marks_added(bare: str, marked: str) -> bool:
    """Whether ``marked`` is ``bare`` with diacritics added and none taken away (:func:`_marks_added`)."""
    return _marks_added(bare, marked)


def _marks_added(bare: str, marked: str) -> bool:
    """Whether ``marked`` is ``bare`` with diacritics added and none taken away: "Lajčák" of "Lajčak" and of
    "Lajcak", but neither "Lajčak" of "Lajcák" nor the other way round. Serbian Latin's đ written dj is a mark
    lost: "Djukanović" of "Đukanović"."""
    if len(bare) != len(marked) and len(bare) == len(marked.replace("Đ", "Dj").replace("đ", "dj")):
        marked = marked.replace("Đ", "Ð").replace("đ", "ð")  # placeholders: compare "Dj" with Đ as one letter
        bare = bare.replace("Dj", "D").replace("dj", "d")
    if len(bare) != len(marked):  # "Strauss"/"Strauß": only a wholly plain spelling counts as the bare one
        return fold(bare) == bare.lower() and fold(marked) != marked.lower()
    differing = [(b, m) for b, m in zip(bare.lower(), marked.lower()) if b != m]
    return bool(differing) and all(b.isascii() and not m.isascii() for b, m in differing)


def _repairs_in_use(damaged: str, other: str, by_text: dict[str, list[Mention]], origin_of: dict[str, str]) -> bool:
    """:func:`_repairs`, where the repair is not the rarer usage: a shorter spelling that more independent articles
    print than the longer one ("Tartus" in three, "Tartous" in one) is another romanisation, not a letter lost."""
    if not _repairs(damaged, other):
        return False
    if relation(damaged, other, ending_is_truncation=False) != "truncation":
        return True
    users = [len({origin_of.get(m.doc, m.doc) for m in by_text[t]}) for t in (other, damaged)]
    return users[0] >= users[1]


def _canonical_rank(text: str, found: list[Mention], translated: Set[str], origin_of: dict[str, str]) -> tuple:
    # Properly encoded; printed by the most independent origins that are not translations, then used most by them
    # (a wire story's copies count once, and their uses not at all: "Vakhdat" in one story and its republished copy
    # is one origin and one use, as "Vahdat" in another outlet is); on a tie, the spelling English text uses more
    # (wordfreq: "Vahdat" is listed, "Vakhdat" is not); then the most used by sources that are not translations,
    # the most used, diacritised, longest.
    # A diacritised spelling is preferred to its own folded twin by the loop in entities(), whatever
    # the counts; here a rare spelling with diacritics ("Banjskë" once) must not beat "Banjska" 20×.
    damaged = "?" in text or bool(MOJIBAKE.search(text))
    untranslated = [m for m in found if m.doc not in translated]
    origins = len({origin_of.get(m.doc, m.doc) for m in untranslated})
    original_uses = sum(1 for m in untranslated if origin_of.get(m.doc, m.doc) == m.doc)
    usage = lexicon.zipf(text.lower())
    return (
        not damaged,
        origins,
        original_uses,
        usage,
        len(untranslated),
        len(found),
        fold(text) != text.lower(),
        len(text),
    )


def _given_names(corpus: Corpus, by_text: dict[str, list[Mention]]) -> dict[str, set[str]]:
    """For each spelling, the capitalised words written right before it ("Milan" Radoičić)."""
    out: dict[str, set[str]] = defaultdict(set)
    for text, found in by_text.items():
        for m in found:
            before = corpus.document(m.doc).text[max(0, m.start - 30) : m.start]
            # On the same line: a headline's last word or an outlet's name above is nobody's given name.
            given = re.search(rf"([{UPPER}][{LOWER}]+)[ \t]+$", before)
            if given and fold(given.group(1)) not in _STOP:
                out[text].add(given.group(1))
    return out


def _family_names(corpus: Corpus, by_text: dict[str, list[Mention]]) -> dict[str, set[str]]:
    """For a spelling always written before another name, as given names are, the names after it ("Alexandr"
    Bortnikov, "Alexander" Khinshtein): two people's given names, not one name spelled two ways."""
    out: dict[str, set[str]] = {}
    for text, found in by_text.items():
        after = [_FAMILY_AFTER.match(corpus.document(m.doc).text, m.end) for m in found]
        if all(after):
            out[text] = {m.group(1) for m in after if m}
    return out


_FAMILY_AFTER = re.compile(rf"[ \t]+([{UPPER}][{LOWER}]+)")
#: A capitalised word at least this common in English (Zipf) is taken for a word, not only a name.
_COMMON_ZIPF = 3.0


def _common_words(*spellings: str) -> bool:
    return all(lexicon.is_english(spelling, _COMMON_ZIPF) for spelling in spellings)


def _apart(corpus: Corpus, text: str, right: str, evidence: dict[str, list[Mention]]) -> bool:
    """Whether given names show two spellings one letter apart as two names: "Marko Jović" and "Mirko Jović"; or
    "Bulent Kilic", a person, and "Kilis", a town no given name precedes."""
    given = _given_names(corpus, {t: evidence[t] for t in (text, right)})
    return _distinct_people(given.get(text), given.get(right)) or bool(given.get(text) and not given.get(right))


def _distinct_people(given_a: set[str] | None, given_b: set[str] | None) -> bool:
    """Both spellings come with given names (or family names), and none is shared or a variant of the other's."""
    if not given_a or not given_b:
        return False
    # A given name romanised another way keeps the person ("Muhamedsobir"/"Muhammadsobir": a vowel and a doubled
    # letter apart), as the family name does.
    return not any(
        fold(a) == fold(b) or relation(a, b) not in ("none",) or same_name(romanised(a), romanised(b))
        for a in given_a
        for b in given_b
    )
