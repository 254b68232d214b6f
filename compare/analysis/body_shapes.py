"""The shapes of a body's name that a translation renders several ways, for :mod:`.acronyms`' concepts.

* "<body noun> of <tail>": "Union", "Association", "Community of Serb(ian) Municipalities" are one source word
  (*zajednica*) rendered as any body noun; the tail's words are compared by their first four letters.
* "<modifiers> <head>": "Public Monitoring Commission" and "Public Monitoring Committee" for one
  *Общественная наблюдательная комиссия*: a translation renders a head noun as another of the same kind. Only
  the name a defined or known acronym stands for is asked, with two modifiers at least, so that "Election
  Committee" is not taken for "Central Election Commission".
"""

from __future__ import annotations

import re

from .facts.tokens import fold

#: Head nouns of names of bodies: a translation renders one source word as any of them.
BODY_NOUNS = frozenset(
    """union association community league alliance federation council assembly
organisation organization confederation coalition society""".split()
)
#: Heads that end a name ("Public Monitoring Commission"): the body nouns, and the commission and committee a
#: translation swaps (Russian комиссия/комитет, Serbian komisija/komitet, each rendered as either).
_LAST_HEADS = BODY_NOUNS | {"commission", "committee"}
_MODIFIERS = 2


def stem(word: str) -> str:
    return fold(word)[:4]


def body_parts(name: str) -> tuple[str, tuple[str, str]] | None:
    """("union", ("serb", "muni")) for "Union of Serbian Municipalities"; None for other shapes."""
    m = re.fullmatch(r"(?:the\s+)?([\w-]+)\s+of\s+(?:the\s+)?([\w-]+(?:[\s-][\w-]+){0,2})", name.strip(), re.IGNORECASE)
    if not m or m.group(1).lower() not in BODY_NOUNS:
        return None
    tail = re.split(r"[\s-]+", m.group(2))
    return m.group(1).lower(), (stem(tail[0]), stem(tail[-1]))


def same_body_name(a: str, b: str) -> bool:
    """Two names of one body that a translation may render differently: same tail, any body noun."""
    pa, pb = body_parts(a), body_parts(b)
    return bool(pa and pb and pa[1] == pb[1])


def tail_pattern(tail: tuple[str, str]) -> re.Pattern:
    """Finds any body noun + "of" + the tail's words, whatever their endings or a modifier between."""
    heads = "|".join(sorted(BODY_NOUNS))
    return re.compile(
        rf"\b(?:{heads})\s+of\s+(?:the\s+)?{re.escape(tail[0])}[\w]*(?:[\s-]\w+)?\s+"
        rf"{re.escape(tail[1])}\w*",
        re.IGNORECASE,
    )


def head_last(name: str) -> str | None:
    """ "Public Monitoring" for "Public Monitoring Commission": a name's capitalised modifiers, two at least,
    before a head noun of :data:`_LAST_HEADS`; None for other shapes."""
    words = name.split()
    while words and not all(w[:1].isupper() for w in words):  # "Members of the Regional Oversight Commission"
        words = words[1:]
    if len(words) <= _MODIFIERS or words[-1].lower() not in _LAST_HEADS:
        return None
    return " ".join(words[:-1])


def head_pattern(modifiers: str) -> re.Pattern:
    """Finds the modifiers as written before any head noun of :data:`_LAST_HEADS` ("Public Monitoring
    Committee" for "Public Monitoring")."""
    heads = "|".join(f"[{h[0].upper()}{h[0]}]{h[1:]}" for h in sorted(_LAST_HEADS))
    words = r"\s+".join(re.escape(w) for w in modifiers.split())
    return re.compile(rf"(?<![\w-]){words}\s+(?:{heads})\b")
