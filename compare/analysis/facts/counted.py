"""The words a count is read with: what is counted, what happened to it, and tolls named before their number.

Word lists of English news usage, kept apart from the parser in :mod:`.quantities` that reads them.
"""

from __future__ import annotations

from collections.abc import Sequence

from .tokens import Token

CLAUSE_END = frozenset(".;:?!")  #: tokens that end a clause: a count's words never reach past them

#: Counted nouns → the class they are compared under.
CLASSES = {
    "police": "police",
    "policeman": "police",
    "policemen": "police",
    "policemen's": "police",
    "officer": "police",
    "officers": "police",
    "cop": "police",
    "cops": "police",
    "policewoman": "police",
    "soldier": "soldiers",
    "soldiers": "soldiers",
    "troop": "soldiers",
    "troops": "soldiers",
    "peacekeeper": "soldiers",
    "peacekeepers": "soldiers",
    "servicemen": "soldiers",
    "serviceman": "soldiers",
    "attacker": "attackers",
    "attackers": "attackers",
    "gunman": "attackers",
    "gunmen": "attackers",
    "militant": "attackers",
    "militants": "attackers",
    "fighter": "attackers",
    "fighters": "attackers",
    "terrorist": "attackers",
    "terrorists": "attackers",
    "assailant": "attackers",
    "assailants": "attackers",
    "insurgents": "attackers",
    "paramilitaries": "attackers",
    "men": "people",
    "protester": "protesters",
    "protesters": "protesters",
    "protestor": "protesters",
    "protestors": "protesters",
    "demonstrator": "protesters",
    "demonstrators": "protesters",
    "rioter": "protesters",
    "rioters": "protesters",
    "civilian": "civilians",
    "civilians": "civilians",
    "people": "people",
    "person": "people",
    "persons": "people",
    "individual": "people",
    "man": "people",  # "arrested one man" (counted only after its verb: counted_after_its_verb)
    "woman": "people",
    "citizen": "people",  # "46 citizens were hurt": what the sources' "граждан", "građana", "qytetarë" count
    "citizens": "people",
    "individuals": "people",
    "survivors": "people",
    # Children and pupils are counted apart from adults ("eight children and a guard were killed"), and named
    # each their own way: "children", "pupils", "students". Girls and boys are not: "seven girls and a boy" are
    # two parts of one count of children.
    "child": "children",
    "children": "children",
    "kids": "children",
    "minors": "children",
    "student": "students",
    "students": "students",
    "pupil": "students",
    "pupils": "students",
    "schoolchildren": "students",
    "classmates": "students",
    # The parts of a plan, agreement or law, which translations and outlets name each their own way ("an 11-point
    # plan", "the 11 articles of the agreement", "ten clauses").
    "point": "points",
    "points": "points",
    "article": "points",
    "articles": "points",
    "clause": "points",
    "clauses": "points",
    "provision": "points",
    "provisions": "points",
    # Ethnic plurals name who was counted without saying which side they were on.
    "serbs": "serbs",
    "albanians": "albanians",
}
#: "members of the Kosovo Police" / "members of KFOR": the class comes from the body.
BODIES = {
    "police": "police",
    "kfor": "soldiers",
    "army": "soldiers",
    "nato": "soldiers",
    "eulex": "police",
    "forces": "soldiers",
    "military": "soldiers",
    "troops": "soldiers",
    "mission": "soldiers",
}
#: What happened to the counted people.
OUTCOMES = {
    "killed": "killed",
    "killing": "killed",
    "dead": "killed",
    "died": "killed",
    "die": "killed",
    "dies": "killed",
    "deaths": "killed",
    "death": "killed",
    "slain": "killed",
    "fatalities": "killed",
    "lives": "killed",
    "perished": "killed",
    # Security forces' word for attackers they killed ("five militants were neutralised", Russian "ликвидированы").
    "eliminated": "killed",
    "liquidated": "killed",
    "neutralised": "killed",
    "neutralized": "killed",
    "injured": "injured",
    "wounded": "injured",
    "hurt": "injured",
    "injuries": "injured",
    "wounds": "injured",
    "injuring": "injured",
    "wounding": "injured",
    "arrested": "arrested",
    "detained": "arrested",
    "apprehended": "arrested",
    "custody": "arrested",
    "arrests": "arrested",
    # Charged in court: a count of its own, which grows as prosecutors file, beside the arrests it follows.
    "charged": "charged",
    "indicted": "charged",
    "indictment": "charged",
    "deployed": "deployed",
    "deployment": "deployed",
    "deploy": "deployed",
    "additional": "deployed",
    "reinforcements": "deployed",
    "reinforce": "deployed",
    "increase": "deployed",
    "sent": "deployed",
    "send": "deployed",
    "evacuated": "evacuated",
    "displaced": "displaced",
    "missing": "missing",
    "kidnapped": "kidnapped",
    "abducted": "kidnapped",
    # Still in hospital: "the hospitalisation of 115 people", "100 people were being treated in hospital", "63
    # survivors were undergoing treatment".
    "hospitalised": "hospitalised",
    "hospitalized": "hospitalised",
    "hospitalisation": "hospitalised",
    "hospitalization": "hospitalised",
    "hospital": "hospitalised",
    "treatment": "hospitalised",
}
#: A toll named before its number: "the death toll rose to 137", "an attack that killed 60",
#: "the number of injured reached 5,300". Read only where the number counts nothing itself.
_TOLL_NOUNS = {"toll": "killed", "fatalities": "killed", "dead": "killed", "deaths": "killed", "victims": "killed"}
_TOLL_QUALIFIED = {
    "death": "killed",
    "injury": "injured",
    "injured": "injured",
    "wounded": "injured",
    "injuries": "injured",
}
_TOLL_VERBS = {
    "killed": "killed",
    "killing": "killed",
    "kills": "killed",
    "kill": "killed",
    "injuring": "injured",
    "injured": "injured",
    "wounding": "injured",
    "wounded": "injured",
    "arrested": "arrested",
    "detained": "arrested",
}
#: What may stand between a toll and its figure after a comma: the verb of the figure and its preposition.
_TOLL_CHANGE = frozenset(
    "rises rose risen climbs climbed reached reaches stood stands increased grew jumped soared".split()
    + "is was has had now to at".split()
)
_TOLL_WINDOW = 16  # "the death toll from Friday night's mass killing at the city's music venue stood at 140"


def counted_after_its_verb(toks: Sequence[Token], i: int) -> bool:
    """ "arrested one man", "killed one person": "one" right after the verb of what happened to those it counts is a
    count (elsewhere "one" is too often a pronoun or an article to be one: "one of the guards", "one day")."""
    return (
        0 < i < len(toks) - 1
        and toks[i].lower == "one"
        and toks[i - 1].lower.endswith(("ed", "ing"))
        and toks[i - 1].lower in OUTCOMES
        and toks[i + 1].lower in CLASSES
    )


def toll_before(toks: Sequence[Token], first: int) -> str:
    """The outcome a toll construction before ``toks[first]`` gives a bare number, or ""."""
    if first and toks[first - 1].lower in _TOLL_VERBS:  # "that killed 60", "injuring 145"
        return _TOLL_VERBS[toks[first - 1].lower]
    if first >= 3 and (toks[first - 3].lower, toks[first - 1].lower) == ("lives", "of"):
        return "killed"  # "claimed the lives of 137"
    for k in range(first - 1, max(first - 1 - _TOLL_WINDOW, -1), -1):
        word = toks[k].lower
        if word == "," and all(t.lower in _TOLL_CHANGE for t in toks[k + 1 : first]):
            continue  # "the death toll from the attack in Moscow, rises to 133": a stray comma before the verb
        if word in CLAUSE_END or word == "," or toks[k].text[:1].isdigit():
            return ""  # another clause, or another number nearer to the toll
        if word == "toll":
            qualifier = toks[k - 1].lower if k else ""
            return _TOLL_QUALIFIED.get(qualifier, "killed")
        if word in _TOLL_NOUNS and k >= 2 and toks[k - 1].lower == "of" and toks[k - 2].lower == "number":
            return _TOLL_NOUNS[word]  # "the number of dead rose to 810"
        if word in ("injured", "wounded") and k >= 2 and toks[k - 1].lower == "of" and toks[k - 2].lower == "number":
            return "injured"
    return ""


def lemma(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]  # "churches", "crashes", "boxes"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
