"""The names the corpus's own outlets go by, read from each article's header.

An article names its outlet ("told Vreme", "confirmed to MIA") and a page repeats its site's name in its furniture
("Buy niketn"): such a word is a name the header vouches for, never a garbled word, a source-language word left
untranslated or a mistyped acronym. The words come from the ``Outlet:`` field and from the host name of ``Source:``
/ ``URL:`` (its labels but the top-level domain and "www"), case folded; words shorter than three letters ("en",
"iz") say too little to vouch for anything.
"""

from __future__ import annotations

import re

from ..model import Corpus, Document

_HOST = re.compile(r"[a-z][a-z0-9+.-]*://([^/:?#]+)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{3,}")
#: Host labels that name no outlet.
_NOT_NAMES = frozenset({"www", "com", "net", "org", "edition", "service"})


def site_names(corpus: Corpus) -> frozenset[str]:
    """Case-folded words of every article's outlet name and of its address's host name."""
    return frozenset(w for document in corpus.documents for w in own_site_names(document))


def own_site_names(document: Document) -> frozenset[str]:
    """Case-folded words of one article's outlet name and of its address's host name."""
    words = {w.casefold() for w in _WORD.findall(document.metadata.get("outlet", ""))}
    for key in ("source", "url"):
        host = _HOST.match(document.metadata.get(key, ""))
        if host:
            labels = host.group(1).lower().split(".")[:-1]  # the top-level domain names a country, not a site
            words.update(w for label in labels for w in _WORD.findall(label))
    return frozenset(words - _NOT_NAMES)


def is_site_name(word: str, names: frozenset[str]) -> bool:
    """Whether ``word`` is one of the corpus's outlet or site names (case aside)."""
    return word.casefold() in names
