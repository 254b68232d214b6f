"""Dates and clock times, resolved against the article's own date where it has one.

Absolute ("20 November 2023", "September 24", "Sept. 24", "24.09.2023"), partial
("late September 2023", "in May", "2023"), relative ("today", "yesterday",
"on Monday", "May this year") and clock times ("3 a.m.", "01:00 GMT").

A date fact's ``value`` is ISO 8601 with what is unknown left out or marked:
"2023-09-24", "2023-09", "????-09-24" (no year known), "2023", or
"weekday:Monday" for a weekday that could not be placed. Two dates conflict
only on a field both of them know: "in May" agrees with "May 29", "May 30"
does not.

The article's date comes from its ``Date:`` header, else from the first full
date in its title or first two sentences ("on Monday (20 November 2023)").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from ...model import Document, Fact, FactKind, Span, Statement
from .places import place_fact

_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_NUMBER = {name: n for n, name in enumerate(_MONTH_NAMES, start=1)}
_MONTH_NUMBER.update({name[:3]: n for name, n in list(_MONTH_NUMBER.items())})
_MONTH_NUMBER["sept"] = 9
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_M = (
    r"(?P<{g}>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"

_PATTERNS = [
    # 20 November 2023 / 24th of September
    ("dmy", re.compile(rf"\b{_DAY.format(g='d')}\s+(?:of\s+)?{_M.format(g='m')}(?:,?\s+{_YEAR.format(g='y')})?\b")),
    # September 24, 2023 / March 10 and 11 / Sept. 24
    (
        "mdy",
        re.compile(
            rf"\b{_M.format(g='m')}\s+{_DAY.format(g='d')}(?:\s*(?:and|-|–|&)\s*{_DAY.format(g='d2')})?"
            rf"(?:,?\s+{_YEAR.format(g='y')})?\b(?![.,]?\d)"
        ),
    ),
    # 24.09.2023 / 2023-09-24
    ("numeric", re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b\.?")),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    # late September 2023 / in May / May this year
    (
        "my",
        re.compile(
            rf"(?:\b(?P<part>early|mid|late|end of|beginning of|the end of)[\s-]+)?\b{_M.format(g='m')}"
            rf"(?:,?\s+{_YEAR.format(g='y')}|\s+(?P<rel>this|last|next)\s+year)?\b"
        ),
    ),
    ("year", re.compile(rf"\b{_YEAR.format(g='y')}\b(?![.,:]?\d)")),
    (
        "relative",
        re.compile(
            r"\b(?P<word>today|yesterday|tomorrow|tonight)\b|\b(?P<ago>a|one|two|three|\d) days? ago\b", re.IGNORECASE
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<which>(?i:last|this|next|on|earlier on|later on|since|by|until|from"
            r"|(?:starting|beginning)(?: on| from)?))\s+)?"
            r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
    ),
]
_PATTERN_OF = dict(_PATTERNS)
_TIME = re.compile(
    # "4:17 a.m." and "4.17 a.m.": never read from the middle of a number ("17 a.m." of "4.17 a.m.")
    r"(?<![\d.:])\b(?P<h>[0-2]?\d)(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\b(?P<h2>[0-2]?\d):(?P<min2>[0-5]\d)(?:\s*(?P<zone>GMT|UTC|CET|CEST|EET|EEST|MSK|local time|h\b))?"
)
#: Words that set the day after them ahead of the article, whose year (not written) is then this one or the next.
_AHEAD = re.compile(r"\b(?:until|till|through|by|starting|beginning|due on|scheduled for)\s+(?:on\s+)?$", re.I)
#: A capitalised "May" is a month only in a date-like context (not "May God …").
_MAY_CONTEXT = re.compile(
    r"(?:\b(?:in|on|of|since|until|by|from|early|mid|late|last|this|next|during)\s+$)", re.IGNORECASE
)
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3}


def document_date(document: Document, statements: list[Statement]) -> tuple[dt.date | None, str]:
    """The article's date and where it came from ("header", "text" or "")."""
    header = document.metadata.get("date", "")
    if header:
        day = next((d for d in _full_dates(header) if d), None) or _iso_day(header)
        if day:
            return day, "header"
    # A page's publication stamp is set aside as boilerplate, never an event's date, but it is the
    # article's own date: read it with the first statements, in text order.
    opening = statements[:3]
    until = opening[-1].end if opening else len(document.text)
    lines: list[Statement | Span] = [
        *opening,
        *(b for b in document.boilerplate if b.reason == "timestamp" and b.start < until),
    ]
    for line in sorted(lines, key=lambda span: span.start):
        day = next((d for d in _full_dates(line.text) if d), None)
        if day:
            return day, "text"
    return None, ""


def possible_date(header: str) -> bool:
    """Whether a ``Date:`` header names a day the calendar has ("31 September 2023" does not)."""
    first = next(_full_dates(header), "none")
    if first != "none":
        return first is not None
    # No full date in it at all ("March 2023", "yesterday"): not impossible, just not a day.
    return _iso_day(header) is not None or not re.match(r"\d{4}-\d{2}-\d{2}", header)


def _full_dates(text: str) -> Iterator[dt.date | None]:
    """Each date of ``text`` that gives year, month and day: the day, or None where the calendar has no such day
    ("31 September")."""
    for year, month, day in _absolute(text):
        if year:
            yield dt.date(year, month, day) if _on_the_calendar(year, month, day) else None


def _iso_day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def names_relative_day(text: str) -> bool:
    """Whether ``text`` names a day from the article's date, as English writes it ("today", "two days ago")."""
    return _PATTERN_OF["relative"].search(text) is not None


def _absolute(text: str):
    for kind in ("dmy", "mdy", "numeric", "iso"):
        for m in _PATTERN_OF[kind].finditer(text):
            month = _month(m.group("m"))
            year = int(m.group("y")) if m.group("y") else None
            day = int(m.group("d"))
            if month and 1 <= day <= 31:
                yield year, month, day


def _month(text: str) -> int | None:
    text = text.lower().rstrip(".")
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    return _MONTH_NUMBER.get(text) or _MONTH_NUMBER.get(text[:3])


#: Words before a date or time that make it the page's or the report's, not the event's: a publication stamp
#: ("date 2024-03-23", "Updated: 1:57 pm"), a figure's time ("as of Friday"), a report's ("reported on Thursday",
#: "said on Monday that …").
_NOT_THE_EVENTS = re.compile(
    r"(?:\b(?:date[ds]?|published|updated|posted|modified)\s*:?|\bas\s+of|\b(?:said|says|reported|announced|stated|"
    r"confirmed|told\s+\w+(?:\s+\w+){0,3})(?:\s+on)?)\s*$",
    re.IGNORECASE,
)


#: What every pattern above needs somewhere in the text (a digit, a month, a weekday, a relative word): most
#: sentences hold none, and one search rules out the nine patterns.
_MAY_HOLD_DATE = re.compile(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day\b|(?i:today|tonight|tomorrow|yesterday|ago)"
)


def extract(statement: Statement, today: dt.date | None) -> list[Fact]:
    """Date and time facts of ``statement``; ``today`` is the article's date, if known."""
    text = statement.text
    if not _MAY_HOLD_DATE.search(text):
        return []
    taken: list[tuple[int, int]] = []
    facts: list[Fact] = []

    def add(kind, start, end, values):
        if values and not any(s < end and start < e for s, e in taken):
            taken.append((start, end))
            if _NOT_THE_EVENTS.search(text[max(0, start - 40) : start]):
                return  # the page's stamp or the report's own time: never the event's date
            for value in values if isinstance(values, list) else [values]:
                facts.append(when_fact(statement, kind, start, end, value))

    for m in _TIME.finditer(text):  # first, so "01:00" is never read as a day
        add("time", m.start(), m.end(), _time_value(m))
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            add("date", m.start(), m.end(), _value(kind, m, text, today))
    facts.sort(key=lambda f: f.start)
    return facts


def when_fact(statement: Statement, kind: FactKind, start: int, end: int, value: str) -> Fact:
    """A date or time fact over ``statement.text[start:end]`` (offsets in the statement)."""
    return place_fact(statement, kind, start, end, value, "when" if kind == "date" else "clock")


def _value(kind: str, m: re.Match, text: str, today: dt.date | None):
    if kind in ("dmy", "mdy", "numeric", "iso"):
        month = _month(m.group("m"))
        day = int(m.group("d"))
        if not month:
            return None
        year = int(m.group("y")) if m.group("y") else _infer_year(month, today, bool(_AHEAD.search(text[: m.start()])))
        days = [day] + ([int(m.group("d2"))] if kind == "mdy" and m.group("d2") else [])
        if not all(_on_the_calendar(year, month, d) for d in days):
            return None  # "31 September": a typo, no date at all (the header's is warned of at reading)
        return [_iso(year, month, d) for d in days]
    if kind == "my":
        month = _month(m.group("m"))
        if (
            m.group("m") == "May"
            and not m.group("y")
            and not m.group("rel")
            and not m.group("part")
            and not _MAY_CONTEXT.search(text[: m.start()])
        ):
            return None
        if m.group("y"):
            year = int(m.group("y"))
        elif m.group("rel") and today:
            year = today.year + {"this": 0, "last": -1, "next": 1}[m.group("rel")]
        else:
            year = _infer_year(month, today)
        return _iso(year, month, None)
    if kind == "year":
        after = text[m.end() : m.end() + 12].lower()
        if re.match(r"\s*(?:troops|soldiers|police|people|officers)", after):
            return None  # "2000 troops" is a count
        return str(int(m.group("y")))
    if kind == "relative":
        if not today:
            return None
        if m.group("word"):
            offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m.group("word").lower()]
        else:
            ago = m.group("ago").lower()
            offset = -(int(ago) if ago.isdigit() else _NUMBER_WORDS[ago])
        return shifted(today, offset)
    if kind == "weekday":
        weekday = _WEEKDAYS.index(m.group("wd").lower())
        after = text[m.end() : m.end() + 30]
        if re.match(r"\s*[(,]?\s*(?:\d{1,2}\s+[A-Z]|[A-Z][a-z]+\.?\s+\d)", after):
            return None  # "on Monday (20 November 2023)": the date itself is extracted
        which = (m.group("which") or "").lower()
        # "three days of mourning from Friday", "starting Friday": a start said ahead of the day; not "the toll
        # from Friday's attack", "from Friday night's", which name a day gone
        possessive = re.match(r"(?:\s+(?:night|morning|afternoon|evening))?['’]s\b", after)
        ahead = which == "next" or (which.startswith(("from", "starting", "beginning")) and not possessive)
        future = ahead or bool(re.search(r"\b(?:will|shall|is due|is expected)\b", text))
        return weekday_value(weekday, today, which, future)
    return None


def shifted(today: dt.date, days: int) -> str:
    """The date value of the day ``days`` after ``today`` (before it where negative): "yesterday" is -1."""
    when = today + dt.timedelta(days=days)
    return _iso(when.year, when.month, when.day)


def weekday_value(weekday: int, today: dt.date | None, which: str, future: bool) -> str:
    """The day a weekday (0 for Monday) names in an article of ``today``: the latest such day up to today, or with
    ``future`` the next one from today; ``which`` "last" on the same weekday is a week ago. "weekday:Monday" where
    the article has no date."""
    if not today:
        return f"weekday:{_WEEKDAYS[weekday].capitalize()}"
    delta = (weekday - today.weekday()) % 7 if future else -((today.weekday() - weekday) % 7)
    if delta == 0 and which == "last":
        delta = -7  # "last Friday", written on a Friday: a week ago
    return shifted(today, delta)


def day_value(year: int | None, month: int, day: int | None, today: dt.date | None) -> str | None:
    """The date value of a day (or with ``day`` None, a month) whose year, if not written, is the article's (a month
    well after the article's is last year's); None where the calendar has no such day."""
    year = year or _infer_year(month, today)
    if day is not None and not _on_the_calendar(year, month, day):
        return None
    return _iso(year, month, day)


def _infer_year(month: int | None, today: dt.date | None, ahead: bool = False) -> int | None:
    if not today or month is None:
        return None
    if ahead:  # "in custody until May 22", written in March: this year's; "until January 5", in December: next
        return today.year if month >= today.month else today.year + 1
    # A month well after the article's month is last year's ("in September", written in March).
    return today.year if month <= today.month + 1 else today.year - 1


def _on_the_calendar(year: int | None, month: int, day: int) -> bool:
    """Whether the month has that day; without a year, in a leap year (29 February may be right)."""
    return 1 <= day <= calendar.monthrange(year or 2024, month)[1]


def _iso(year: int | None, month: int | None, day: int | None) -> str:
    y = f"{year:04d}" if year else "????"
    if month is None:
        return y
    return f"{y}-{month:02d}" + (f"-{day:02d}" if day else "")


def _time_value(m: re.Match) -> str:
    if m.group("h") is not None:
        hour = int(m.group("h")) % 12 + (12 if m.group("ampm").lower().startswith("p") else 0)
        minute = int(m.group("min") or 0)
        zone = ""
    else:
        hour, minute, zone = int(m.group("h2")), int(m.group("min2")), (m.group("zone") or "")
    return clock_value(hour, minute, zone if zone != "h" else "")


def clock_value(hour: int, minute: int, zone: str) -> str:
    """A time fact's value: "08:40", "01:00 GMT"; "" for an hour the clock has not."""
    if hour > 23:
        return ""
    return f"{hour:02d}:{minute:02d}" + (f" {zone}" if zone else "")


def parts(value: str) -> tuple[int | None, int | None, int | None, int | None]:
    """(year, month, day, weekday) of a date value; None where unknown."""
    if value.startswith("weekday:"):
        return None, None, None, _WEEKDAYS.index(value.split(":", 1)[1].lower())
    fields = value.split("-")
    year = int(fields[0]) if fields[0].isdigit() else None
    month = int(fields[1]) if len(fields) > 1 else None
    day = int(fields[2]) if len(fields) > 2 else None
    weekday = dt.date(year, month, day).weekday() if year and month and day else None
    return year, month, day, weekday


def compatible(a: str, b: str) -> bool:
    """Whether two date values can name the same day: they differ on no field both know."""
    pa, pb = parts(a), parts(b)
    # A day of the month without its month is not comparable (never produced, but be safe).
    return all(x is None or y is None or x == y for x, y in zip(pa, pb))


def comparable(a: str, b: str) -> bool:
    """Whether two date values share a field to disagree on, at day or month level."""
    pa, pb = parts(a), parts(b)
    shared = [i for i in range(4) if pa[i] is not None and pb[i] is not None]
    return any(i in shared for i in (1, 2, 3))


def same_time(a: str, b: str) -> bool:
    za, zb = a.partition(" ")[2], b.partition(" ")[2]
    if za and zb and za != zb:
        return True  # different zones cannot be compared without a conversion table; do not flag
    return a.partition(" ")[0] == b.partition(" ")[0]


#: Days within which a date is its own report's news, and beyond which two reports are of different moments.
NEWS_DAYS = 7


def each_its_own_news(value_a: str, report_a: str, value_b: str, report_b: str) -> bool:
    """Whether two dates each lie within days of their own article's date, in articles weeks apart: each article
    tells its own day's news ("thousands protested today", in January and in May), two events, no conflict."""
    days = [value_a, report_a, value_b, report_b]
    if not all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) for v in days):
        return False
    va, ra, vb, rb = (dt.date.fromisoformat(v).toordinal() for v in days)
    return abs(va - ra) <= NEWS_DAYS and abs(vb - rb) <= NEWS_DAYS and abs(ra - rb) > NEWS_DAYS
