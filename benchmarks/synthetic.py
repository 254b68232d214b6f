"""Synthetic news corpora of any size, for the scaling benchmark (benchmarks/scale.py).

Real corpora of thousands of articles on a few stories are what the tool meets in
a newsroom, so the generator writes *stories*, each covered by about five outlets:
every article of a story reports some of the story's facts (a count of people
killed or injured, a place, a day, who said what), each in one of several
wordings, so they align and sometimes disagree as real coverage does; around them
it writes background sentences from a small grammar with a wide vocabulary, so
that statements are varied rather than copies. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

_SYLLABLES = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu " \
             "ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo lja nje dra gra bra sto"
_FIRST = ("Ana Milan Jelena Marko Arben Drita Ivan Luka Mira Nikola Petar Vesna Besnik Dragan Elena Fatmir "
          "Goran Hana Igor Jovana Kristina Lulzim Maja Nenad Olga Pavle Rina Sasa Teuta Uros Valon Zoran").split()
_ORGS = ("NATO", "KFOR", "EULEX", "the Kosovo Police", "the European Union", "the United Nations", "the OSCE",
         "the government", "the municipality", "the interior ministry", "the defence ministry")
_ROLES = ("Prime Minister", "President", "Foreign Minister", "Interior Minister", "police spokesperson",
          "mayor", "Secretary General", "commander", "ambassador", "envoy")
_PEOPLE = ("police officers", "soldiers", "protesters", "civilians", "attackers", "journalists", "peacekeepers")
_OUTCOMES = ("killed", "injured", "arrested", "detained", "wounded", "evacuated")
_NOUNS = ("border crossing", "checkpoint", "municipal building", "bridge", "monastery", "road", "village",
          "barracks", "court", "school", "market", "hospital", "power plant", "mine", "railway", "customs post",
          "election", "agreement", "dialogue", "investigation", "sanction", "budget", "referendum", "mission",
          "patrol", "convoy", "weapons cache", "statement", "proposal", "report", "summit", "delegation")
_VERBS = ("condemned", "welcomed", "criticised", "announced", "postponed", "rejected", "approved", "inspected",
          "reviewed", "supported", "questioned", "defended", "described", "examined", "discussed", "suspended",
          "restored", "monitored", "reported", "confirmed", "denied", "planned", "delayed", "funded")
_ADJECTIVES = ("northern", "southern", "regional", "local", "international", "new", "long-awaited", "disputed",
               "temporary", "joint", "security", "economic", "political", "diplomatic", "armed", "peaceful",
               "tense", "fragile", "costly", "urgent", "official", "unexpected", "recent", "second")
_TIMES = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "late at night", "this week",
          "in the morning", "after midnight", "over the weekend", "earlier this month", "last year")


@dataclass
class Story:
    place: str
    municipality: str
    day: date
    people: str
    outcome: str
    count: int
    speaker: str
    role: str
    org: str


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]  # str.capitalize() would lower the rest: "EULEX" → "Eulex"


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _name(rng: random.Random, syllables: int = 3) -> str:
    return "".join(rng.choice(_SYLLABLES.split()) for _ in range(syllables)).capitalize()


def _story(rng: random.Random) -> Story:
    return Story(place=_name(rng), municipality=_name(rng, 2), day=date(2023, 1, 1) + timedelta(rng.randrange(700)),
                 people=rng.choice(_PEOPLE), outcome=rng.choice(_OUTCOMES), count=rng.randrange(2, 120),
                 speaker=f"{rng.choice(_FIRST)} {_name(rng)}", role=rng.choice(_ROLES), org=rng.choice(_ORGS))


def _facts(s: Story, rng: random.Random) -> list[str]:
    """The story's facts, each in one of its wordings; now and then an outlet gets a count wrong."""
    count = s.count if rng.random() > 0.1 else s.count + rng.choice((-10, 10, 20))
    day = f"{s.day:%B} {s.day.day}"
    return [_upper_first(sentence) for sentence in (
        rng.choice((f"{count} {s.people} were {s.outcome} in {s.place} on {day}.",
                    f"On {day}, {count} {s.people} were {s.outcome} in the village of {s.place}.",
                    f"Authorities said {count} {s.people} had been {s.outcome} in {s.place}.")),
        rng.choice((f"{s.place} lies in the municipality of {s.municipality}.",
                    f"The village of {s.place} is part of {s.municipality} municipality.",
                    f"{s.place}, in the {s.municipality} municipality, was sealed off.")),
        rng.choice((f"{s.role} {s.speaker} said those responsible would be brought to justice.",
                    f"“Those responsible will face justice,” said {s.role} {s.speaker}.",
                    f"According to {s.role} {s.speaker}, the perpetrators must be held accountable.")),
        rng.choice((f"{_upper_first(s.org)} deployed additional forces to {s.place} after the violence.",
                    f"After the clashes, {s.org} sent more personnel to the area around {s.place}.",
                    f"{_upper_first(s.org)} reinforced its presence near {s.place}.")),
        rng.choice((f"The incident in {s.place} raised fears of a wider conflict in the region.",
                    f"Observers warned that the violence in {s.place} could spread across the region.",
                    f"Diplomats fear the events in {s.place} could destabilise the wider region.")),
    )]


def _background(rng: random.Random) -> str:
    """One sentence of the story's surroundings, from a grammar with a wide vocabulary."""
    org, verb, adjective, noun = rng.choice(_ORGS), rng.choice(_VERBS), rng.choice(_ADJECTIVES), rng.choice(_NOUNS)
    who = f"{rng.choice(_ROLES)} {rng.choice(_FIRST)} {_name(rng)}"
    other_noun = rng.choice(_NOUNS)
    return _upper_first(rng.choice((
        f"{org} {verb} the {adjective} {noun} {rng.choice(_TIMES)}.",
        f"{who} {verb} the {noun} in {_name(rng)} and called for {_a(adjective)} {other_noun}.",
        f"The {adjective} {noun} near {_name(rng)} was {verb} by {org} {rng.choice(_TIMES)}.",
        f"In {_name(rng)}, {rng.randrange(3, 900)} people attended a meeting about the {adjective} {noun}.",
        f"{who} said the {noun} had been {verb} because of the {adjective} {other_noun}.",
        f"Talks on the {adjective} {noun} between {org} and {rng.choice(_ORGS)} will resume {rng.choice(_TIMES)}.",
    )))


def articles(count: int, seed: int = 0, per_story: int = 5) -> list[tuple[str, str]]:
    """``count`` articles as (file name, text): header, title, paragraphs."""
    rng = random.Random(seed)
    stories = [_story(rng) for _ in range(max(1, count // per_story))]
    out = []
    for n in range(count):
        story = stories[n % len(stories)]
        facts = rng.sample(_facts(story, rng), rng.randrange(3, 6))
        body = facts + [_background(rng) for _ in range(rng.randrange(12, 25))]
        rng.shuffle(body)
        paragraphs = [" ".join(body[i:i + 2]) for i in range(0, len(body), 2)]
        title = f"{story.count} {story.people} {story.outcome} in {story.place}" if rng.random() < 0.5 else \
            _upper_first(f"{story.role} {story.speaker}: {story.place} attack must not go unpunished")
        day = story.day + timedelta(rng.randrange(0, 3))
        text = f"Source: Outlet {n % 37}\nDate: {day.isoformat()}\n\n{title}\n\n" + "\n\n".join(paragraphs) + "\n"
        out.append((f"{n:05d}_{story.place.lower()}.txt", text))
    return out


def write(folder: Path, count: int, seed: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in articles(count, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
