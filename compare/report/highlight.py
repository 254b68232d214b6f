"""Which numbers and names in a group's statements are not shared by all of them.

The terminal and Markdown reports highlight these so the eye goes to "93" vs "30"
or "Banska" vs "Banjska" without reading every word. This is presentation only;
deciding that two values *conflict* is the detectors' job.
"""

from __future__ import annotations

import re

NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds "
    "thousand thousands million dozen dozens".split()
)
# A number (1,000 · 4.500 · 24 · 13%) or a capitalised word (names, places, acronyms).
_SALIENT = re.compile(r"\d[\d.,]*\d%?|\d%?|[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'-]*", re.UNICODE)
_WORD = re.compile(r"[\w’'-]+", re.UNICODE)


def salient_tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised) for numbers, number words and capitalised words in ``text``."""
    tokens = []
    for match in _WORD.finditer(text):
        word = match.group()
        lower = word.casefold()
        if lower in NUMBER_WORDS or _SALIENT.fullmatch(word):
            tokens.append((match.start(), match.end(), lower.strip("’'")))
    return tokens


def differing_spans(texts: list[str]) -> list[list[tuple[int, int]]]:
    """For each text, the spans of its salient tokens that some other text lacks."""
    token_lists = [salient_tokens(t) for t in texts]
    sets = [{norm for _, _, norm in tokens} for tokens in token_lists]
    shared = set.intersection(*sets) if sets else set()
    # A capitalised sentence opener ("The", "He") is not a name: ignore common words everywhere.
    return [
        [(s, e) for s, e, norm in tokens if norm not in shared and not _is_function_word(norm)]
        for tokens in token_lists
    ]


_FUNCTION_WORDS = frozenset(
    "the a an he she it they we i you his her its their our this that these those there here in on at "
    "after before as but and or if when while since although however immediately earlier first also "
    "speaking according among mr mrs dr lord".split()
)


def _is_function_word(norm: str) -> bool:
    return norm in _FUNCTION_WORDS
