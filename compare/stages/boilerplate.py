"""Mark the lines of an article that are not part of the story.

News pages carry navigation, teasers of other articles, share prompts, view
counters, photo credits, tag lists, video plugs and sign-offs. Aligning them would
group "Follow us on Facebook" across outlets and drown the real statements, so they
are set aside here — but kept, with the rule that caught them, so nothing
disappears silently.

Two kinds of rules:

* :data:`LINE_RULES` look at one line on its own;
* :data:`FOLLOWER_RULES` mark the line(s) *after* a trigger line, for things that
  are only recognisable by position (the teaser title after "Previous Article",
  the caption and credit after "Watch the video:").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Boilerplate, Span


@dataclass(frozen=True)
class LineRule:
    reason: str
    pattern: re.Pattern[str]
    description: str

    def matches(self, line: str) -> bool:
        return self.pattern.search(line) is not None


def _rule(reason: str, pattern: str, description: str) -> LineRule:
    return LineRule(reason, re.compile(pattern, re.IGNORECASE), description)


_COUNTER_UNIT = r"(?:views?|reads?|comments?|comment\(s\)|shares?|likes?)"
# Shared by a line rule and the follower rule it triggers.
_NAV_LINK = r"^(?:previous|next|prev|older|newer)(?: (?:article|story|post|news))?\s*$"
# A theme that prints the link and the other article's title without a space: "Next articleThe judiciary is …".
_NAV_GLUED = r"^(?:previous|next) (?:article|story|post)(?-i:[A-Z])(?:\S+\s+){0,24}\S+$"
# A publication stamp: nothing but dates, clock times, zones and the words pages put around them
# ("27 October 2024 19:44 (UTC+04:00)", "Feb 27, 2023, 12:47 AM | Updated: 1:57 pm", "NEWS 19.03.2023 15:33").
# Months and weekdays in English and in the region's Latin-script languages, written out or cut short.
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    r"januar|februar|mart|maj|juni?|juli?|avgust|septembar|oktobar|novembar|decembar|"
    r"janar|shkurt|mars|prill|qershor|korrik|gusht|shtator|tetor|n[eë]ntor|dhjetor)\b\.?"
)
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?"
)
_STAMP_WORD = (
    rf"(?:\d{{1,4}}(?:[.:/-]\d{{1,4}}){{0,3}}\.?(?:st|nd|rd|th)?|{_MONTH}|{_WEEKDAY}|[ap]\.?m\.?|"
    r"(?:utc|gmt|cet|cest|msk|eet|eest)(?:[+-−]\d{1,2}(?::\d\d)?)?|updated|published|posted|modified|last|"
    r"on|at|news|date|time|[|,()•·–—-]+)"
)
# It must hold a date or a time, not just a number ("6,200").
_HAS_WHEN = rf"(?=.*\d)(?=.*(?:\b{_MONTH}|\b{_WEEKDAY}|\d:\d\d|\d[./-]\d{{1,2}}[./-]\d))"
_TIMESTAMP = rf"^(?=.{{0,80}}$){_HAS_WHEN}(?:{_STAMP_WORD}[\s,:]*)+$"
_VIDEO_PLUG = r"^(?:(?:bonus |related )?video\s*:|watch(?: the)? video\b|watch\s*:)"

LINE_RULES: tuple[LineRule, ...] = (
    _rule(
        "counter",
        rf"^[\d.,]+\s*{_COUNTER_UNIT}(?:\s+[\d.,]+\s*{_COUNTER_UNIT})*$",
        'view, comment and share counters ("15254 views 5 comment(s)")',
    ),
    _rule(
        "timestamp",
        _TIMESTAMP,
        'publication stamps: only dates, times and zones ("27 October 2024 19:44 (UTC+04:00)", "Updated: 1:57 pm")',
    ),
    _rule(
        "photo caption",
        r"\((?:photo|foto|image|picture)s?\s*(?::|by\b)[^()]*\)\s*$",
        'photo captions ending in their credit ("… on Feb. 6, 2023. (Photo by A. Name/Agency)")',
    ),
    _rule(
        "photo caption",
        # A wire photo's caption: one scene, then where and the day it was taken, perhaps its credit.
        rf"^(?=(?:\S+\s+){{0,40}}\S+$)[^.!?]*,\s*(?:{_MONTH}\s+\d{{1,2}},?|\d{{1,2}}\s+{_MONTH})\s+(?:19|20)\d\d\.?"
        r"\s*(?:\([\w .]+\)|reuters/.*|image copyright)?$",
        'wire photo captions ending in the day they were taken ("… in Durres, Albania, November 29, 2019.")',
    ),
    _rule(
        "photo credit",
        r"^(?=.{0,120}$)(?:illustration\b|.*\b(?:photo|foto|image|picture)\s*(?::|by\b|copyright\b))",
        'photo and illustration credits ("Illustration, Photo: Shutterstock", "Image copyright")',
    ),
    _rule("byline", r"^(?:from|by|author)\s*:\s*[\w .'-]{1,40}$", 'bylines ("From: Exit Staff")'),
    _rule("disclaimer", r"^disclaimer\s*:", 'site disclaimers ("Disclaimer: The translations are …")'),
    _rule(
        "share prompt",
        r"^(?:follow us|share (?:this|on)|subscribe\b|sign up (?:for|to)|like us on|join us on)"
        r"|^support (?:us|our journalism|the [\w .'-]{1,40})!?$",
        'follow, share, subscribe and donation prompts ("Support The Moscow Times!")',
    ),
    _rule("tags", r"^(?:tags?|topics?|keywords?)\s*:", 'tag lists ("Tags: Serbia Kosovo …")'),
    _rule("link", r"^https?://\S+$", "a page's address printed as a line of its own"),
    _rule("reading time", r"^\d{1,3}\s*min(?:ute)?s?\.?\s*read$", 'reading-time notes ("4 min read")'),
    _rule(
        "source tag",
        r"^\((?:[A-Z][\w.]*\s*[-–]?\s*){1,4}\)$",
        'a syndication tag that opens an article ("(MENAFN- Agency)")',
    ),
    _rule(
        "breadcrumbs",
        # Two separators or more of one kind between short parts: a site's path to the article.
        r"^(?=.{0,100}$)[^>»›/]{1,30}(?:\s+([>»›/])\s+[^>»›/]{1,30})(?:\s+\1\s+[^>»›/]{1,30})+$",
        'breadcrumb trails ("Home > News > Region")',
    ),
    _rule("comment form", r"^please enter your (?:comment|name|email)", 'comment forms ("Please enter your comment!")'),
    _rule(
        "summary prompt",
        r"^(?:no time to read\??|get a summary|tl;?dr:?|listen to (?:this|the) article)$",
        'summary and audio prompts ("No time to read?", "Get a summary")',
    ),
    _rule(
        "navigation",
        _NAV_LINK + r"|\s::\s|" + _NAV_GLUED,
        'previous/next links and breadcrumb trails ("Next Article", "NEXT RTS :: Elections 2023 :: …"), and a link '
        'glued to the title it leads to ("Next articleThe …")',
    ),
    _rule(
        "related links",
        r"^(?:read more|read also|also read|related(?: articles| news| stories)?|see also|more on this)\b",
        '"Read more" and related-article blocks',
    ),
    _rule(
        "script",
        # Six words at most (each followed by at most one space) is checked first, without backtracking: the
        # search for two code constructs scans the whole line, and prose lines are long (0.10 s -> 0.01 s on
        # 14,000 lines).
        r"^(?=\S+(?:\s\S+){0,5}\s?$)(?=(?:.*?(?:\)\s*;|\w=[\w!\[\"'{(]|[{}]|=>|\w\.\w+\()){2})",
        'page script caught in the text ("n.queue=[];t=b.createElement(e);"): two code constructs, few spaces',
    ),
    _rule("video plug", _VIDEO_PLUG, 'video plugs ("Watch the video about …:", "Bonus video:")'),
    _rule(
        "language note",
        r"^the (?:article|text|original) is (?:in|written in|available in) [\w ]+\.?$",
        'notes on the original language ("The article is in Serbian")',
    ),
    _rule(
        "sign-off",
        r"^/\S+$|^\(?[\w-]+\.(?:al|rs|ba|me|mk|hr|ru|ua|com|net|org|info|eu)\)?$",
        'outlet sign-offs ("/Argumentum.al")',
    ),
)


_TIMESTAMP_RULE = next(rule for rule in LINE_RULES if rule.reason == "timestamp")


@dataclass(frozen=True)
class FollowerRule:
    """After a line matching ``trigger``, mark up to ``count`` following lines that pass ``accept``."""

    reason: str
    trigger: re.Pattern[str]
    accepts: tuple[re.Pattern[str], ...]  #: one pattern per following line, in order
    description: str


_SHORT_LINE = re.compile(r"^(?:\S+\s+){0,24}\S+$")  # a caption or teaser title: at most 25 words
# A credit line: a few capitalised words, no sentence punctuation ("The British Broadcasting Corporation").
_CREDIT_LINE = re.compile(r"^(?:The\s+)?(?:[A-Z][\w&'.-]*\s*){1,6}$")

FOLLOWER_RULES: tuple[FollowerRule, ...] = (
    FollowerRule(
        "teaser", re.compile(_NAV_LINK, re.I), (_SHORT_LINE,), "the title of another article after a previous/next link"
    ),
    FollowerRule(
        "video",
        re.compile(_VIDEO_PLUG, re.I),
        (_SHORT_LINE, _CREDIT_LINE),
        "the caption and credit line of an embedded video",
    ),
)


def lines_with_offsets(text: str) -> Iterable[Span]:
    """Each non-blank line, stripped, as a span of ``text``; page furniture a page glued before the text of a
    line (see :func:`glued_prefix`) is a line of its own."""
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        while (cut := glued_prefix(stripped)) > 0:
            head = stripped[:cut].rstrip()
            yield Span(start, start + len(head), head)
            rest = stripped[cut:]
            start += cut + len(rest) - len(rest.lstrip())
            stripped = rest.lstrip()
        yield Span(start, start + len(stripped), stripped)


# Furniture a scraped page runs into the line of text after it: a stamp, an address, a reading time, a
# syndication tag, a photo credit ("date 2024-06-29 Police said …", "13.08.2022. | 21:38The patients …",
# "4 min readThe …", "Photo: Agency/A. NameThe minister …"). Each is a line rule's furniture once cut off.
_GLUED = re.compile(
    r"^(?:https?://\S+(?=\s)"
    r"|\d{1,3}\s*min(?:ute)?s?\.?\s*read(?=\s|[A-Z])"
    r"|\((?-i:[A-Z][\w.]*\s*[-–]?\s*){1,4}\)(?=\s+[A-Z\"“]))",
    re.IGNORECASE,
)
# A credit, then the text: after a space ("Photo: AP The …") or run into it ("… A. NameThe …").
_GLUED_CREDIT = re.compile(
    r"^(?i:photo|foto|image)s?\s*:\s*(?:[A-Z][\w.]*(?:\s*/\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
    r"(?=\s+[A-Z][a-z]+\s+[a-z])|\S.{0,60}?[a-z.](?=[A-Z][a-z]+\s+\w+\s+\w+))"
)
# Where a stamp may end: at a space, or where a letter follows a digit without one ("21:38Zdravstveno").
_STAMP_END = re.compile(r"(?<=\S)(?=\s)|(?<=\d)(?=[^\W\d])")
# A glued stamp is furniture only when it is a page's, not a sentence's date: a clock time, a numeric date or
# a stamp word, never "On 12 March 2023" opening the lede.
_PAGE_STAMP = re.compile(r"\d:\d\d|\d[./-]\d{1,2}[./-]\d|\b(?:date|updated|published|posted)\b|\|", re.I)


def glued_prefix(line: str) -> int:
    """Where page furniture glued before a line's text ends (0 if none): the text after it must be a sentence
    or a headline of three words or more."""
    cut = 0
    match = _GLUED.match(line) or _GLUED_CREDIT.match(line)
    if match:
        cut = match.end()
    elif line[:1].isdigit() or line[:4].lower() in ("date", "upda", "publ", "post"):
        for end in _STAMP_END.finditer(line[:80]):
            head = line[: end.start()]
            if _PAGE_STAMP.search(head) and not re.match(r"(?i)on\b|at\b", head) and is_timestamp(head.strip()):
                cut = end.start()
    rest = line[cut:].lstrip()
    if not cut:
        return 0
    if glued_prefix(rest):  # furniture before more furniture: "date … https://… The …"
        return cut
    return cut if len(rest.split()) >= 3 and (rest[:1].isupper() or rest[:1] in "\"“‘«„'") else 0


def mark_boilerplate(lines: list[Span]) -> list[Boilerplate]:
    """The boilerplate among ``lines`` (already stripped spans of one document)."""
    marked: dict[int, str] = {}
    for index, line in enumerate(lines):
        for rule in LINE_RULES:
            if rule.matches(line.text):
                marked.setdefault(index, rule.reason)
                break
    for index, line in enumerate(lines):
        for follower_rule in FOLLOWER_RULES:
            if not follower_rule.trigger.search(line.text):
                continue
            for offset, accept in enumerate(follower_rule.accepts, start=1):
                follower = index + offset
                if follower >= len(lines) or not accept.search(lines[follower].text):
                    break
                marked.setdefault(follower, follower_rule.reason)
    return [Boilerplate(lines[i].start, lines[i].end, lines[i].text, reason) for i, reason in sorted(marked.items())]


def is_timestamp(line: str) -> bool:
    """Whether a line is only a publication stamp (dates, times, zones)."""
    return _TIMESTAMP_RULE.matches(line)


def describe_rules() -> list[tuple[str, str]]:
    """(reason, description) for every rule, for docs and ``--help`` texts."""
    return [(r.reason, r.description) for r in LINE_RULES] + [(r.reason, r.description) for r in FOLLOWER_RULES]
