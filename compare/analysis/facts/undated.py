"""Dates for the articles that give none, read against the story's dated articles.

Saved pages often lose their date: no ``Date:`` header, no full date in the opening lines. Their figures then
stand outside every timeline ("undated"), and their relative days ("juče", "this morning", "on Wednesday") name
no day. But an article of a developing story tells of the story's day in its opening lines, and the story's day
is what the dated articles' statements name most often. Two readings, the surer first:

* a **dateline** without its year ("Belgrade, May 3: …", "TIRANA, Nov. 26 – …"): the article's day, in the
  story's year;
* the **first relative day** of the opening lines, taken to name the story's day: "yesterday" ("juče", "dje",
  "вчера") puts the article the day after it, "two days ago" two days after. "Today" or "this morning" put it
  on the story's day only in a sentence that tells the event's hour ("jutros oko 8 časova"): the breaking report
  of the event itself; elsewhere they name a follow-up's day ("declared a state of emergency today"), which may
  be any later day. A weekday names no report day, "on Monday" being said of the story's day for a week after
  it, except in the lede that tells the event at its hour on the story's weekday ("u srijedu oko 8,40 sati").
  A future day names some other day, and the next reference is read.

The story's day is the day the dated articles name most often, where one day dominates (a quake, a shooting); a
story of several days (talks in one city, then in another weeks later) has none, and no date is inferred.

The document's facts are then read again with that date (``Document.date_source`` ``"corpus"``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable

from ...model import Document, Fact, Statement
from . import dates

#: Statements of the opening read for a relative day: the title and the first few sentences.
_OPENING = 5
#: How many times more articles must name the story's day than any other day.
_DOMINANT = 1.5
#: How far back a relative day may lie from the article ("prekjuče", "two days ago").
_DAYS_BACK = 2
#: Before a dateline's date: a place in capitals or a capitalised name, and a comma or a dash.
_DATELINE = re.compile(r"^[\"“]?[A-ZÀ-ÖØ-ÞА-Я][\w .'’-]{1,40}(?:\([A-Za-z ]+\))?\s*[,–—-]\s*$")
_ISO_DAY = re.compile(r"^(\d{4}|\?{4})-(\d{2})-(\d{2})$")

#: Reads the date and time facts of one statement of a document against a day (or none).
WhenReader = Callable[[Document, Statement, "dt.date | None"], list[Fact]]


def story_day(dated: Iterable[set[str]]) -> dt.date | None:
    """The day the dated articles' statements name most often (``dated``: the date values each dated article's
    facts give), where it is the story's day: named by at least two articles, by at least half of those that name
    a day, and by half as many again as any other day; None where the story has no one day."""
    named: Counter[str] = Counter()
    naming = 0  # dated articles that name any day
    for values in dated:
        days = {v for v in values if _ISO_DAY.match(v)}
        named.update(days)
        naming += bool(days)
    ranked = sorted(named.items(), key=lambda item: (-item[1], item[0])) + [("", 0), ("", 0)]
    (day, count), runner_up = ranked[0], ranked[1][1]
    if count < 2 or count < _DOMINANT * runner_up or 2 * count < naming or day.startswith("?"):
        return None  # no one day the story is about: talks in one city, then in another weeks later
    return dt.date.fromisoformat(day)


def infer(document: Document, statements: list[Statement], story: dt.date, when: WhenReader) -> dt.date | None:
    """The date of an undated ``document`` of a story whose day is ``story``, or None where its opening says
    nothing of it (``when``: the reader of a statement's dates, in the statement's language)."""
    opening = [s for s in statements if s.role != "heading"][:_OPENING]
    if not opening:
        return None
    for statement in opening:
        dateline = _dateline(document, statement, story, when)
        if dateline is not None:
            return dateline
    lede = next((s for s in opening if s.role == "body"), None)
    for statement in opening:
        read = when(document, statement, None)
        plain = {(f.start, f.end): f.value for f in read if f.kind == "date"}
        clocked = any(f.kind == "time" for f in read)
        for fact in when(document, statement, story):
            base = plain.get((fact.start, fact.end))
            if fact.kind != "date" or not _ISO_DAY.match(fact.value) or fact.value.startswith("?"):
                continue
            if base is not None and not base.startswith("weekday:"):
                continue  # a date of its own ("3. maja 2023."), which no relative day is
            back = (story - dt.date.fromisoformat(fact.value)).days
            if back == 0 and not clocked:
                continue  # "today" of a follow-up ("declared a state of emergency today"), not of the story's event
            if base is not None and not (back == 0 and statement is lede):
                # A weekday: "on Monday" is said of the story's day for a week after it; but the lede that tells
                # the event at its hour on its weekday ("u srijedu oko 8,40 sati pucao") is the breaking report.
                continue
            if 0 <= back <= _DAYS_BACK:
                return story + dt.timedelta(days=back)
    return None


def _dateline(document: Document, statement: Statement, story: dt.date, when: WhenReader) -> dt.date | None:
    """ "Belgrade, May 3: …": a day and month right after a place at the start of the first sentence, or a
    statement that is the date alone, in the story's year (the year that puts it nearest the story's day)."""
    for fact in when(document, statement, None):
        m = _ISO_DAY.match(fact.value)
        before = statement.text[: fact.start - statement.start]
        after = statement.text[fact.end - statement.start : fact.end - statement.start + 2]
        # A dateline the segmenter cut into sentences of their own ("Махачкала. 1 июля. ИНТЕРФАКС - …") leaves
        # a statement that is the date alone.
        alone = not before.strip() and not statement.text[fact.end - statement.start :].strip(" .")
        if fact.kind != "date" or not m or not (alone or _DATELINE.match(before) and re.match(r"\s*[:–—(-]", after)):
            continue
        month, day = int(m.group(2)), int(m.group(3))
        candidates = [
            dt.date(year, month, day)
            for year in (story.year - 1, story.year, story.year + 1)
            if dates.day_value(year, month, day, None)
        ]
        return min(candidates, key=lambda d: abs((d - story).days), default=None)
    return None
