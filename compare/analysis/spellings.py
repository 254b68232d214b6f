"""How two spellings of one name differ, and which spellings may be one name at all.

Machine translation and transliteration leave one name spelled several ways; :mod:`.names` blocks the spellings
by :func:`skeleton` and joins two only where :func:`relation` can name their difference:

* ``diacritics`` — equal once folded (Vucic/Vučić);
* ``transliteration`` — equal once Serbian digraphs and Albanian ë are undone
  (Aljbin/Albin, Banska/Banjska, Vyosa/Vjosa, Bërnabić/Brnabić), or once romanised
  (Vakhdat/Vahdat, Mirzojev/Mirzoyev, Kahramanmarash/Kahramanmaraş), or once a Ukrainian h reads as g
  (Hirchi/Girchi);
* ``case_ending`` — a Slavic case ending left on the name (Aljbina, Kurtija), or Albanian's definite form of a
  name in -ë (Thumana of Thumanë);
* ``truncation`` — a letter or two lost (Rute/Rutte, Bansk/Banjska), or a Russian place's adjective ending
  (Sergokalin/Sergokalinsky);
* ``spelling`` — one letter of a long name typed as another (Kotelnikoy/Kotelnikov): :mod:`.names` keeps it only
  against a spelling that several independent articles print;
* ``encoding`` — "?" or mojibake where letters were (Vu?i?, KurtÃ«), or the letters English lacks dropped
  (Tirova, Aanin, Dui for Tiršova, Ašanin, Dučić: a copy saved in an encoding without them).

Spellings that differ in any other way are different names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .facts.tokens import fold

MOJIBAKE = re.compile(r"Ã.|Ä.|Å.|â€")
#: Endings a Serbian or Russian case system leaves on a name (genitive, dative, instrumental …).
CASE_ENDINGS = ("a", "u", "om", "em", "e", "ija", "iju", "ijom", "ije", "ja", "ju", "jem", "ov", "ova", "ovi")
_DERIVATIONS = frozenset({"ia", "ian", "ians", "s", "n", "an", "ns", "ese", "ish", "i", "ar", "ic"})
#: The endings of a Russian place's adjective as English spells it ("Sergokalinsky district", "Krasnogorskiy"): a
#: name that stops before one has lost it ("Sergokalin district", through a language that declines it otherwise).
ADJECTIVE_ENDINGS = ("sky", "skiy", "skii", "skaya", "skoye", "skoe")
_ADJECTIVE_STEM = 6
#: English endings on one stem: two such words are two words ("Wahhabis"/"Wahhabism"), not one with letters lost.
_SUFFIXES = frozenset({"", "s", "is", "ism", "isms", "ist", "ists", "ite", "ites", "ian", "ians", "ic", "ics"})


#: How the region's names are romanised differently, as one spelling: (pattern, replacement), in order, on the
#: folded lower-case name. English through Russian writes kh, zh, sh, ch, dzh (Vakhdat, Dalerdzhon) where Serbian
#: Latin and Tajik write h, ž, š, č, dž/j (Vahdat, Dalerjon) and Turkish ş (Kahramanmaraş/Kahramanmarash);
#: Albanian writes xh for dž, gj for đ, q for ć, ç for č, th and dh for t and d, ll and rr; Polish sz, cz and w
#: for š, č and v (Toszkowski for Toškovski); glides come as y, j or i (Mirzoyev, Mirzojev, Mirzoev; Fayzov, Fajzov,
#: Faizov; Bryansk, Briansk; Gakhariya, Gakharia); doubled letters come and go (Borrell, Borel; Shamsiddin,
#: Shamsidin). Georgian, Arabic and Persian gh comes as g.
ROMANISATIONS: tuple[tuple[str, str], ...] = (
    (r"dzh|dz|xh|ksh", "j"),  # Albanian xh read letter by letter, x as ks: "Kshemajli" for Xhemajli
    (r"gh", "g"),  # Georgian ღ, Arabic and Persian غ: gh or g (Ghirchi, Girchi; Ghani, Gani)
    (r"sz", "s"),  # Polish š
    (r"cz", "c"),  # Polish č
    (r"tch|ch|q", "c"),
    (r"kh", "h"),
    (r"zh", "z"),
    (r"sh", "s"),
    (r"gj", "dj"),
    (r"th", "t"),
    (r"dh", "d"),
    (r"w", "v"),
    (r"x", "ks"),
    (r"y", "j"),
    (r"ij(?=[aeiou])", "j"),  # Gakhariya → Gakharia
    (r"i(?=[aeiou])", "j"),  # Briansk → Bryansk
    (r"(?<=[aeiou])j(?=[aeiou])", ""),  # Mirzoyev → Mirzoev
    (r"j(?![aeiou])", "i"),  # Fayzov → Faizov, Hatay → Hatai
)
DOUBLED = re.compile(r"(.)\1+")
_ROMANISATION_PATTERNS = tuple((re.compile(pattern), replacement) for pattern, replacement in ROMANISATIONS)


@lru_cache(maxsize=1 << 16)  # asked of every pair of spellings in a block: a few thousand words, many times each
def romanised(word: str, doubles: bool = True) -> str:
    """One spelling for the romanisations of a name (:data:`ROMANISATIONS`), on top of :func:`untransliterated`;
    ``doubles``: doubled letters as one too."""
    text = untransliterated(word)
    if doubles:
        text = DOUBLED.sub(r"\1", text)
    for pattern, replacement in _ROMANISATION_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


#: An h that is no digraph's: Ukrainian and Belarusian write Г as h where Russian and English write g (Hirchi,
#: Huria, Heorhiy for Girchi, Guria, Georgiy).
_LONE_H = re.compile(r"(?<![KkZzSsCcTtGgDdPpXx])([Hh])")
#: A spelling English knows this well (Zipf) is a word of its own, not a name romanised through Ukrainian
#: ("Hall" beside "Gall", "Hold" beside "Gold").
_UKRAINIAN_H_ZIPF = 2.0


def g_for_h(word: str) -> str:
    """``word`` with each lone h (:data:`_LONE_H`) written g, as Russian and English romanise Г."""
    return _LONE_H.sub(lambda m: "G" if m.group(1) == "H" else "g", word)


def _through_ukrainian(variant: str, canonical: str) -> bool:
    """Whether the two spellings are one name once a lone h of the rarer reads as a g ("Hirchi" of "Girchi")."""
    from .lexicon import zipf

    h_variant, h_canonical = _lone_h(variant), _lone_h(canonical)
    return (
        h_variant != h_canonical  # one of the two has a lone h
        and _g_romanised(variant) == _g_romanised(canonical)
        and zipf((variant if h_variant else canonical).lower()) < _UKRAINIAN_H_ZIPF
    )


@lru_cache(maxsize=1 << 16)  # as romanised(): asked of every pair of spellings in a block
def _lone_h(word: str) -> bool:
    return _LONE_H.search(word) is not None


@lru_cache(maxsize=1 << 16)
def _g_romanised(word: str) -> str:
    return romanised(g_for_h(word), doubles=False)


def damaged_forms(word: str) -> set[str]:
    """How a copy may print ``word`` with letters lost, where the loss changes its :func:`skeleton`: the letters
    English lacks dropped ("Tirova" of "Tiršova", "Dui" of "Dučić"), or the h of a digraph ("Xesika" of "Xhesika",
    where xh is one letter)."""
    forms = {
        word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == "h" and word[i - 1].lower() not in "aeiouy"
    }
    # "Mili?evi?" of "Milićević": each letter the encoding lacked printed as "?", which the skeleton drops
    questioned = "".join(c if c.isascii() else "?" for c in word)
    return (forms | {_dropped(word), questioned}) - {word, ""}


@lru_cache(maxsize=1 << 16)  # as romanised(): asked of every pair of spellings in a block
def _dropped(word: str) -> str:
    return "".join(c for c in word if c.isascii())


@lru_cache(maxsize=1 << 16)
def _damaged(word: str) -> bool:
    return "?" in word or MOJIBAKE.search(word) is not None


_VOWELS_AND_GLIDES = re.compile(r"[aeiouyj]")


@lru_cache(maxsize=1 << 16)  # asked three times of every spelling of the corpus when blocking (names._blocks)
def skeleton(word: str) -> str:
    """Blocking key: romanised, glides and vowels dropped after the first letter, doubles collapsed."""
    folded = romanised(word.replace("?", ""))
    if not folded:
        return ""
    rest = _VOWELS_AND_GLIDES.sub("", folded[1:])
    return DOUBLED.sub(r"\1", folded[0] + rest)


@lru_cache(maxsize=1 << 16)  # as romanised(): asked of every pair of spellings in a block
def untransliterated(word: str) -> str:
    """The folded form with Serbian digraphs and Albanian ë undone: "Aljbin" → "albin"."""
    text = re.sub("ë$", "a", word.lower()).replace("ë", "")  # Albanian Banjskë, Mitrovicë
    text = fold(text)
    return text.replace("y", "j").replace("lj", "l").replace("nj", "n").replace("dj", "d")


#: Letters from which a name's final vowel swapped for a case ending is that ending, not another name.
_LONG_NAME = 8


def relation(variant: str, canonical: str, *, ending_is_truncation: bool = True) -> str:
    """How ``variant`` differs from ``canonical``: "" if equal, "none" if the difference has no name.

    A variant that is the canonical form less a case-like ending ("Bansk" of
    "Banska") counts as truncated unless ``ending_is_truncation`` is false:
    "Albin" is not a truncated "Aljbina".
    """
    if variant.lower() == canonical.lower():
        return ""  # "UkrinForm" beside "Ukrinform": a house style's capitals, no letter lost or changed
    if _damaged(variant):
        pattern = re.escape(fold(MOJIBAKE.sub("?", variant))).replace(r"\?", ".{1,2}")
        return (
            "encoding"
            if re.fullmatch(pattern, fold(canonical))
            or re.fullmatch(re.escape(MOJIBAKE.sub("?", variant)).replace(r"\?", "."), canonical)
            else "none"
        )
    fv, fc = fold(variant), fold(canonical)
    if fv == fc:
        return "diacritics"
    if canonical.endswith("ë") and len(fc) >= 5 and fv == fc[:-1] + "a":
        return "case_ending"  # Albanian's definite form: "Thumana" of Thumanë, as "Tirana" of Tiranë
    tv, tc = untransliterated(variant), untransliterated(canonical)
    if tv == tc or romanised(variant, doubles=False) == romanised(canonical, doubles=False):
        return "transliteration"  # "Srpska" of "Srpëska" too: Albanian puts in an ë, which is not a letter lost
    if _soft(variant) == _soft(canonical):
        return "transliteration"  # "Liliana" of "Ljiljana": Serbian lj and nj as Russian and English write them
    if _albanian_definite(variant, canonical):
        return "case_ending"  # "Kovaçiqi": Albanian's definite form of "Kovaçiq", Kovačić spelt the Albanian way
    if _through_ukrainian(variant, canonical):
        return "transliteration"
    if variant.isascii() and _dropped(canonical) == variant and not canonical[:-1].isascii():
        return "encoding"  # "Aanin": Ašanin's š dropped, not an English spelling of it ("Thuman" is Thumanë cut)
    for base, longer in ((tc, tv), (fc, fv)):
        if longer.startswith(base) and longer[len(base) :] in CASE_ENDINGS and len(base) >= 4:
            return "case_ending"
        # "Kurtija": the ending may replace a final vowel of the base ("Kurti" + "ja")
        if (
            len(base) >= 4
            and longer.startswith(base[:-1])
            and longer[len(base) - 1 :] in CASE_ENDINGS
            and base[-1] in "aeiou"
            and len(longer) > len(base)
        ):
            return "case_ending"
        # "Rachabalizode" of "Rachabalizoda": the case's ending in place of the name's final vowel. Long names only:
        # short ones ending in other vowels are often other names ("Maria", "Marie").
        if (
            len(base) == len(longer) >= _LONG_NAME
            and base[:-1] == longer[:-1]
            and base[-1] in "aeiou"
            and longer[-1] in CASE_ENDINGS
        ):
            return "case_ending"
    if _one_stem(fv, fc):
        return "none"  # "Wahhabis"/"Wahhabism": the plural of one word, the -ism of its stem
    for short, full in ((tv, tc), (fv, fc)):
        ending = full[len(short) :]
        if full.startswith(short) and (
            (ending in _DERIVATIONS and _english_ending(canonical, len(ending)))
            or (not ending_is_truncation and ending in CASE_ENDINGS)
        ):
            return "none"  # "Serb"/"Serbia", "Kosovar": English word formation, not a lost letter
        if (
            len(short) >= 4
            and len(full) - len(short) in (1, 2)
            and _is_subsequence(short, full)
            and short[0] == full[0]
        ):
            return "truncation"
        if len(short) >= _ADJECTIVE_STEM and full.startswith(short) and full[len(short) :] in ADJECTIVE_ENDINGS:
            return "truncation"  # "Sergokalin" of "Sergokalinsky": the adjective's ending lost
    # Checked last: a doubled letter lost ("Rute" for "Rutte") is a truncation; another romanisation keeps them.
    if romanised(variant) == romanised(canonical):
        return "transliteration"
    if len(fv) == len(fc) >= _LONG_NAME and fv[0] == fc[0] and sum(a != b for a, b in zip(fv, fc)) == 1:
        return "spelling"  # "Kotelnikoy": a long name with one letter typed as another
    return "none"


_SOFT_BEFORE_I = re.compile(r"(?<=[ln])j(?=i)")
_SOFT = re.compile(r"(?<=[ln])j(?=[aeou])")


@lru_cache(maxsize=1 << 16)
def _soft(word: str) -> str:
    """The folded name with Serbian lj and nj written as Russian renders them, l and n softened by the vowel after:
    "Ljiljana" → "liliana", as "Liliana" reads."""
    return _SOFT.sub("i", _SOFT_BEFORE_I.sub("", fold(word)))


#: Letters only an Albanian spelling of a name has: q for ć, ç for č, xh for dž, gj for đ, ë.
_ALBANIAN_LETTERS = re.compile(r"q|ç|xh|gj|ë")


def _albanian_definite(variant: str, canonical: str) -> bool:
    """Whether ``variant`` is an Albanian spelling of ``canonical`` (q, ç, xh, gj or ë in it) with Albanian's
    definite ending -i after a consonant: "Kovaçiqi", the Kovačić of an Albanian sentence, as "Kurti" is "Kurt"
    with no such letter and stays a name of its own."""
    lower = variant.lower()
    stem = variant[:-1]
    return (
        lower.endswith("i")
        and len(stem) >= 4
        and lower[-2] not in "aeiouy"
        and _ALBANIAN_LETTERS.search(stem.lower()) is not None
        and romanised(stem, doubles=False) == romanised(canonical, doubles=False)
    )


#: Two romanisations of one name English text uses this often each (Zipf) are both English spellings of it
#: ("Nikolai" 3.1, "Nikolay" 2.5; "Sergei", "Sergey"), not one transliterated through another language ("Mirzoev",
#: "Briansk", "Younes" are rarer).
_BOTH_ENGLISH_ZIPF = 2.5


def both_english(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` romanise one name alike and English text uses each (:data:`_BOTH_ENGLISH_ZIPF`)."""
    from .lexicon import zipf

    return romanised(a) == romanised(b) and min(zipf(a.lower()), zipf(b.lower())) >= _BOTH_ENGLISH_ZIPF


def _one_stem(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one stem of four letters or more with two English endings (:data:`_SUFFIXES`)."""
    shared = 0
    while shared < min(len(a), len(b)) and a[shared] == b[shared]:
        shared += 1
    return a != b and any(a[stem:] in _SUFFIXES and b[stem:] in _SUFFIXES for stem in range(4, shared + 1))


def _english_ending(canonical: str, letters: int) -> bool:
    """Whether the last ``letters`` of ``canonical`` may be an English ending: "Nurdağı" ends in Turkish's ı, so
    "Nurdag" is the name cut short, not its stem ("Serbia" of "Serb")."""
    return canonical[-letters:].isascii()


def _is_subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return all(c in it for c in short)


class Forms:
    """What :func:`relation` reads of one spelling, worked out once: a block of n spellings asks it of n² pairs."""

    __slots__ = ("text", "lower", "damaged", "folded", "untransliterated", "keys", "albanian")

    def __init__(self, text: str):
        self.text = text
        self.lower = text.lower()
        self.damaged = _damaged(text)
        self.folded = fold(text)
        self.untransliterated = untransliterated(text)
        # Spellings equal in one of these are related: folded, untransliterated, romanised (doubled letters kept
        # or not), through Ukrainian's h, the letters English lacks dropped. Tagged: equal only as the same form.
        self.keys = frozenset(
            (
                ("f", self.folded),
                ("t", self.untransliterated),
                ("r", romanised(text, doubles=False)),
                ("d", romanised(text)),
                ("g", _g_romanised(text)),
                ("a", _dropped(text)),
                ("s", _soft(text)),
            )
        )
        # Albanian's definite form: "Thumana" of "Thumanë" (relation's check, from the side of the ë)
        self.albanian = self.folded[:-1] + "a" if text.endswith("ë") and len(self.folded) >= 5 else ""


def may_relate(a: Forms, b: Forms) -> bool:
    """False only where :func:`relation` names no difference between the two, either way round ("" or "none"):
    a cheap test that spares a block's unrelated pairs the whole of it. Each of relation's answers other than
    "none" needs one of the tests here: damage, a form in common, Albanian's definite form, or, in the
    untransliterated or the folded form, a case ending or an adjective's (the shorter less its last letter begins
    the longer, at most five letters longer), a long name's one letter swapped or mistyped, or a letter or two lost
    (a subsequence)."""
    if a.lower == b.lower:
        return False  # "" both ways
    if a.damaged or b.damaged or not a.keys.isdisjoint(b.keys):
        return True
    if (a.albanian and a.albanian == b.folded) or (b.albanian and b.albanian == a.folded):
        return True
    if _albanian_definite(a.text, b.text) or _albanian_definite(b.text, a.text):
        return True
    for x, y in ((a.untransliterated, b.untransliterated), (a.folded, b.folded)):
        short, long = (x, y) if len(x) <= len(y) else (y, x)
        gap = len(long) - len(short)
        if gap == 0:
            # a long name's last letter swapped for an ending, or one letter typed as another
            if len(x) >= _LONG_NAME and x[0] == y[0] and sum(p != q for p, q in zip(x, y)) <= 1:
                return True
        elif (gap <= 5 and long.startswith(short[:-1])) or (
            gap <= 2 and len(short) >= 4 and short[0] == long[0] and _is_subsequence(short, long)
        ):
            return True
    return False
