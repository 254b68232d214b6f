"""Full names one source spells otherwise (compare/analysis/full_names.py): which two full names are one person's."""

import pytest

from compare.analysis.full_names import _same_person


@pytest.mark.parametrize(
    "variant, canonical",
    [
        (("alexander", "markovic"), ("aleksandar", "markovic")),  # the given name's English form
        (("joseph", "borrell"), ("josep", "borrell")),
        (("albin", "corti"), ("albin", "kurti")),  # a hard c heard for k, a vowel swapped
        (("muhammadsober", "fayzov"), ("muhammadsobir", "fayzov")),
        (("saidakram", "rajabalizoda"), ("saidakrami", "rachabalizoda")),  # long names: a letter off in each half
    ],
)
def test_one_person_spelled_otherwise(variant, canonical):
    assert _same_person(variant, canonical)


@pytest.mark.parametrize(
    "variant, canonical",
    [
        (("health", "minister"), ("health", "ministry")),  # common English words carry no match
        (("syrian", "civil"), ("syria", "civil")),
        (("ivana", "markovic"), ("ivan", "markovic")),  # a feminine given name: another person
        (("milan", "radoicic"), ("ivan", "radojicic")),  # short given names far apart
        (("bagram", "bajaj"), ("bajram", "begaj")),  # both halves off in short names: no evidence of one person
        (("donald", "trump"), ("donald", "tusk")),
    ],
)
def test_other_people_or_words(variant, canonical):
    assert not _same_person(variant, canonical)


def test_candidates_hold_every_pair_same_person_accepts():
    """The index asked for candidates must never miss a pair _same_person would accept (it only saves time)."""
    import random

    from compare.analysis.full_names import _Candidates

    rng = random.Random(7)
    letters = "abcdeijklmnoprstuvz"

    def word(n):
        return "".join(rng.choice(letters) for _ in range(n))

    base = [(word(rng.randint(4, 11)), word(rng.randint(4, 11))) for _ in range(60)]
    people = list(dict.fromkeys(base + [_misspelt(rng, p) for p in base for _ in range(3)]))
    candidates = _Candidates(dict.fromkeys(people))
    origins = dict.fromkeys(people, 5)
    for variant in people:
        found = set(candidates.of(variant, origins, 0))
        accepted = {key for key in people if _same_person(variant, key)}
        assert accepted <= found, (variant, accepted - found)


def _misspelt(rng, person):
    """The full name with a letter changed, dropped or added in one half or both."""
    def edit(w):
        i = rng.randrange(len(w))
        return rng.choice([w[:i] + w[i + 1:], w[:i] + "k" + w[i + 1:], w[:i] + "a" + w[i:]])
    given, family = person
    which = rng.randrange(3)
    return (edit(given) if which != 1 else given, edit(family) if which != 0 else family)
