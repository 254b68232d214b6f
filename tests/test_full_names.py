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
