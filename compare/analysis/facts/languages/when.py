"""Dates and clock times in Serbian, Albanian and Russian statements, resolved as English ones are.

A day and a month name, declined or not ("3. maja 2023.", "3. маја", "26 nëntor 2019", "3 мая"), or digits
("3.5.2023.": :func:`compare.analysis.notation.dates`, which the translation check reads too); a month alone
("u maju 2023"); a year; a day named from the article's date ("juče", "dje", "вчера"); a weekday ("u sredu", "të
mërkurën", "в среду", "prošlog petka"); clock times ("u 8.40", "oko 8:40 časova", "në orën 3:54", "в 8 часов
вечера"). Values, and the resolution against the article's date, are :mod:`..dates`' own, so a Serbian and an
English report of one day give one value. A date said of the report rather than the event ("rekao je u sredu",
"je u sredu saopštila") is not the event's, as English's "said on Monday" is not.
"""

from __future__ import annotations

import datetime as dt
import re

from ....model import Document, Fact, Statement
from ...notation import Dated, month_of
from ...notation import dates as written_dates
from .. import dates
from ..tokens import Token
from .words import Words

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_CLOCK = re.compile(r"(?P<h>[0-2]?\d)(?:(?P<sep>[:.,])(?P<min>[0-5]\d))?")
_YEAR = re.compile(r"(?:19|20)\d\d")


def document_date(document: Document, statements: list[Statement]) -> tuple[dt.date | None, str]:
    """The article's date from a ``Date:`` header or its first statements written as these languages write dates
    ("3. maja 2023."), where the English reading (:func:`..dates.document_date`) found none."""
    lines = [("header", document.metadata.get("date", ""))] + [("text", s.text) for s in statements[:3]]
    for source, text in lines:
        for d in written_dates(text, english=False):
            if d.year and dates.day_value(d.year, d.month, d.day, None):
                return dt.date(d.year, d.month, d.day), source
    return None, ""


def extract(statement: Statement, today: dt.date | None, words: Words) -> list[Fact]:
    """Date and time facts of ``statement``; ``today`` is the article's date, if known."""
    toks = words.keyed(statement)
    taken: list[tuple[int, int]] = []  # token index ranges already read
    base = statement.start
    facts: list[Fact] = []

    def add(kind, first: int, last: int, value: str | None) -> None:
        if value and not any(s <= last and first <= e for s, e in taken):
            taken.append((first, last))
            if not _the_reports(words, toks, first, last):
                facts.append(dates.when_fact(statement, kind, toks[first].start - base, toks[last].end - base, value))

    for k, tok in enumerate(toks):  # first, so that "8.40" is never read as a number or a day
        if (figure := _clock_figure(words, tok)) and (read := _clock(words, toks, k, *figure)):
            add("time", k, read[1], read[0])
    written = written_dates(statement.text, english=False)
    days = [(*span, d) for d in written if (span := _tokens_of(toks, base + d.start, base + d.end))]
    for first, last, d in days:
        add("date", first, last, dates.day_value(d.year, d.month, d.day, today))
    for k, tok in enumerate(toks):
        if tok.text.islower() and (month := month_of(tok.text, english=False)):  # "u maju", "в мае 2023 года"
            year = _year_after(toks, k)
            add("date", k, k + (1 if year else 0), dates.day_value(year, month, None, today))
    for k, tok in enumerate(toks):
        if _YEAR.fullmatch(tok.text) and not _counts(words, toks, k):
            add("date", k, k, tok.text)
    for k, tok in enumerate(toks):
        if today and (offset := words.get("relative", tok.lower)) is not None:
            add("date", k, k, dates.shifted(today, int(offset)))
    future = any(words.starting_at("future", toks, k) for k in range(len(toks)))
    for k in range(len(toks)):
        if day := words.starting_at("weekday", toks, k):
            first, after = k, day[1]
            which = words.ending_at("which", toks, k) or words.starting_at("which", toks, after)
            if which and which[1] < k:
                first = which[1]  # "prošle srede", "в прошлую среду"
            if any(s in (after, after + 1) for s, _, _ in days):
                taken.append((first, after - 1))  # "u sredu, 3. maja": the date itself is read
                continue
            if (told := _day_of_range(toks, after, days, _WEEKDAYS.index(day[0]), today)) is not None:
                add("date", first, after + 1, told)  # "od petka, 5. do nedelje, 7. maja": Friday the 5th of May
                continue
            weekday, last_or_next = _WEEKDAYS.index(day[0]), which[0] if which else ""
            ahead = last_or_next == "next" or (future and last_or_next != "last")  # "prošlog petka" is past, always
            value = dates.weekday_value(weekday, today, last_or_next, ahead)
            add("date", first, after - 1, value)
    return sorted(facts, key=lambda f: f.start)


def _day_of_range(
    toks: tuple[Token, ...],
    after: int,
    days: list[tuple[int, int, Dated]],
    weekday: int,
    today: dt.date | None,
) -> str | None:
    """The day a weekday names by its day of the month alone, the month written once at the range's end ("od petka,
    5. do nedelje, 7. maja"): None unless the day falls on that weekday in the month of the next written date."""
    if not (after + 2 < len(toks) and toks[after].text == "," and toks[after + 1].text.isdigit()):
        return None
    if toks[after + 2].text != ".":
        return None
    month_of_range = next((d for first, _, d in days if first > after), None)
    if month_of_range is None or not month_of_range.month:
        return None
    value = dates.day_value(month_of_range.year, month_of_range.month, int(toks[after + 1].text), today)
    year, month, day, _ = dates.parts(value) if value else (None, None, None, None)
    if not (year and month and day) or dt.date(year, month, day).weekday() != weekday:
        return None
    return value


def _clock_figure(words: Words, token: Token) -> tuple[int, int, str] | None:
    """The hour, minute and separator a token may give a clock time: "8:40", "8.40", "8,40", "8", or an hour in words
    ("oko osam sati", "около восьми часов")."""
    if m := _CLOCK.fullmatch(token.text):
        return int(m.group("h")), int(m.group("min") or 0), m.group("sep") or ""
    number = words.get("number", token.lower)
    return (int(number), 0, "") if number and int(number) <= 24 else None


def _clock(words: Words, toks: tuple[Token, ...], k: int, hour: int, minute: int, sep: str) -> tuple[str, int] | None:
    """The value of a clock time at ``toks[k]`` and the index of its last token, or None where the figure is no time:
    "8:40" always is; "8.40" after "u", "oko", "në", "в" or before "časova"; a bare hour only with both ("u 8 sati",
    "в 8 часов") or after words that name the hour ("në orën 8")."""
    before = words.ending_at("clock_before", toks, k) is not None
    named = words.ending_at("hour_cue", toks, k) is not None
    last = k
    if k + 1 < len(toks) and words.get("clock_after", toks[k + 1].lower) is not None:
        last = k + 1
    if sep in (".", ",") and not (before or named or last > k):  # "oko 8,40 sati", not "6,40 evra"
        return None
    if not sep and not (named or (before and last > k)):
        return None
    after = last + 1 + (last + 1 < len(toks) and toks[last + 1].lower in words.words("function"))
    if after < len(toks) and words.get("evening", toks[after].lower) is not None:
        last = after
        hour += 12 if hour < 12 else 0  # "u 8 sati uveče", "в 8 часов вечера", "në orën 8 të mbrëmjes"
    zone = words.starting_at("zone", toks, last + 1)
    value = dates.clock_value(hour, minute, zone[0] if zone else "")
    return (value, zone[1] - 1 if zone else last) if value else None


def _tokens_of(toks: tuple[Token, ...], start: int, end: int) -> tuple[int, int] | None:
    """The first and last index of the tokens within ``start``–``end`` (document offsets): a date's span may end in
    the sentence's full stop, which no token holds ("… 12. marta.")."""
    inside = [n for n, t in enumerate(toks) if start <= t.start and t.end <= end]
    return (inside[0], inside[-1]) if inside else None


def _year_after(toks: tuple[Token, ...], k: int) -> int | None:
    """The year right after a month ("maja 2023", "nëntor 2019"), if one is written there."""
    if k + 1 < len(toks) and _YEAR.fullmatch(toks[k + 1].text):
        return int(toks[k + 1].text)
    return None


def _counts(words: Words, toks: tuple[Token, ...], k: int) -> bool:
    """Whether a four-digit figure counts something ("2000 vojnika") rather than naming a year."""
    return k + 1 < len(toks) and words.starting_at("noun", toks, k + 1) is not None


def _the_reports(words: Words, toks: tuple[Token, ...], first: int, last: int) -> bool:
    """Whether a verb of saying or publishing stands right beside the date, perhaps past an auxiliary ("rekao je u
    sredu", "je u sredu saopštila", "tha të hënën", "заявил в среду"): the report's date, not the event's."""
    function = words.words("function")
    k = first - 1
    while k >= 0 and k >= first - 3 and (toks[k].lower in function or words.get("clock_before", toks[k].lower)):
        k -= 1
    if k >= 0 and k < first and words.get("report", toks[k].lower) is not None:
        return True
    k = last + 1
    while k < len(toks) and k <= last + 2 and toks[k].lower in function:
        k += 1
    return k < len(toks) and words.get("report", toks[k].lower) is not None
