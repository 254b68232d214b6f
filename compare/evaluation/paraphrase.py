"""Meaning-keeping rewrites of statements, the gold for alignment recall.

Another outlet reports the same fact in other words: "NATO deployed an
additional 1,000 troops, Stoltenberg said" becomes "Stoltenberg stated that the
alliance sent an extra 1,000 soldiers". The rewriter swaps words for synonyms
and moves the speaker from the end to the front (or back), and keeps a rewrite
only when enough words changed, so that alignment is tested on paraphrase, not
on copies. Values (numbers, dates, names) are never touched: a rewrite says the
same thing, and the pair must end up in one group.
"""

from __future__ import annotations

import random
import re

#: word → words that can stand for it in news prose without changing what is reported.
SYNONYMS = {
    "said": ["stated", "declared"],
    "says": ["states"],
    "told": ["informed"],
    "stated": ["said"],
    "attack": ["assault"],
    "attacked": ["assaulted"],
    "attacks": ["assaults"],
    "troops": ["soldiers", "forces"],
    "soldiers": ["troops"],
    "forces": ["troops"],
    "injured": ["wounded"],
    "wounded": ["injured"],
    "killed": ["slain"],
    "deployed": ["sent"],
    "additional": ["extra", "further"],
    "must": ["should"],
    "should": ["must"],
    "responsible": ["accountable"],
    "government": ["authorities"],
    "officials": ["representatives"],
    "president": ["head of state"],
    "meeting": ["talks"],
    "talks": ["negotiations"],
    "agreement": ["deal"],
    "situation": ["state of affairs"],
    "security": ["safety"],
    "region": ["area"],
    "conflict": ["war"],
    "violence": ["unrest"],
    "police": ["police force"],
    "villagers": ["residents"],
    "residents": ["locals"],
    "condemned": ["denounced"],
    "criticised": ["criticized"],
    "announced": ["made public"],
    "began": ["started"],
    "started": ["began"],
    "ended": ["finished"],
    "large": ["big"],
    "big": ["large"],
    "important": ["significant"],
    "serious": ["grave"],
    "recent": ["latest"],
    "northern": ["north"],
    "ready": ["prepared"],
    "help": ["assist"],
    "support": ["back"],
    "stop": ["halt"],
    "continue": ["go on"],
    "because": ["as"],
    "however": ["but"],
    "after": ["following"],
    "before": ["prior to"],
    "about": ["around"],
    "many": ["numerous"],
    "people": ["persons"],
    "country": ["state"],
}
#: "…, Stoltenberg said." → "Stoltenberg said that …."
_TRAILING_SPEAKER = re.compile(
    r"^[“\"]?(?P<body>.+?)[,.]?[”\"]?,? (?P<who>(?:[A-Z][\w’'-]+ ){0,3}[A-Z][\w’'-]+) "
    r"(?P<verb>said|says|stated|added)\.$"
)
MIN_CHANGED = 2  # words that must differ for a rewrite to count as a paraphrase


def rewrite(sentence: str, rng: random.Random) -> str | None:
    """A paraphrase of ``sentence``, or None where too little could be changed."""
    from ..analysis.lexicon import zipf

    text = sentence
    moved = _TRAILING_SPEAKER.match(text)
    if moved and rng.random() < 0.7:
        body = moved.group("body").rstrip(",. ")
        first = body.split()[0] if body.split() else ""
        if first[1:].islower() and zipf(first.lower()) >= 4.0:  # "The" → "the"; "NATO", "Serbia" stay
            body = body[:1].lower() + body[1:]
        text = f"{moved.group('who')} {moved.group('verb')} that {body}."
    parts = re.split(r"([A-Za-z]+)", text)  # words at odd positions, what lies between at even ones
    changed = 0
    for n in range(1, len(parts), 2):
        choices = SYNONYMS.get(parts[n].lower())
        if not choices or rng.random() < 0.25:
            continue
        new = rng.choice(choices)
        parts[n] = new[:1].upper() + new[1:] if parts[n][:1].isupper() else new
        changed += 1
        if n >= 2 and parts[n - 1] == " " and parts[n - 2].lower() in ("a", "an"):  # "an injured" → "a wounded"
            article = "an" if new[:1].lower() in "aeiou" else "a"
            parts[n - 2] = article.capitalize() if parts[n - 2][:1].isupper() else article
    text = "".join(parts)
    if moved and text.split()[:1] != sentence.split()[:1]:
        changed += 1
    return text if changed >= MIN_CHANGED and text != sentence else None
