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
from dataclasses import dataclass
from typing import Iterable

from .model import Boilerplate, Span


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
_VIDEO_PLUG = r"^(?:(?:bonus |related )?video\s*:|watch(?: the)? video\b|watch\s*:)"

LINE_RULES: tuple[LineRule, ...] = (
    _rule("counter", rf"^[\d.,]+\s*{_COUNTER_UNIT}(?:\s+[\d.,]+\s*{_COUNTER_UNIT})*$",
          'view, comment and share counters ("15254 views 5 comment(s)")'),
    _rule("photo credit", r"^(?=.{0,120}$)(?:illustration\b|.*\b(?:photo|foto|image|picture)\s*(?::|by\b))",
          'photo and illustration credits ("Illustration, Photo: Shutterstock")'),
    _rule("disclaimer", r"^disclaimer\s*:", 'site disclaimers ("Disclaimer: The translations are …")'),
    _rule("share prompt", r"^(?:follow us|share (?:this|on)|subscribe\b|sign up (?:for|to)|like us on|join us on)",
          'follow, share and subscribe prompts'),
    _rule("tags", r"^(?:tags?|topics?|keywords?)\s*:", 'tag lists ("Tags: Serbia Kosovo …")'),
    _rule("summary prompt", r"^(?:no time to read\??|get a summary|tl;?dr:?|listen to (?:this|the) article)$",
          'summary and audio prompts ("No time to read?", "Get a summary")'),
    _rule("navigation", _NAV_LINK + r"|\s::\s",
          'previous/next links and breadcrumb trails ("Next Article", "NEXT RTS :: Elections 2023 :: …")'),
    _rule("related links", r"^(?:read more|read also|also read|related(?: articles| news| stories)?|see also|more on this)\b",
          '"Read more" and related-article blocks'),
    _rule("video plug", _VIDEO_PLUG,
          'video plugs ("Watch the video about …:", "Bonus video:")'),
    _rule("language note", r"^the (?:article|text|original) is (?:in|written in|available in) [\w ]+\.?$",
          'notes on the original language ("The article is in Serbian")'),
    _rule("sign-off", r"^/\S+$|^\(?[\w-]+\.(?:al|rs|ba|me|mk|hr|ru|ua|com|net|org|info|eu)\)?$",
          'outlet sign-offs ("/Argumentum.al")'),
)


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
    FollowerRule("teaser", re.compile(_NAV_LINK, re.I),
                 (_SHORT_LINE,), "the title of another article after a previous/next link"),
    FollowerRule("video", re.compile(_VIDEO_PLUG, re.I),
                 (_SHORT_LINE, _CREDIT_LINE), "the caption and credit line of an embedded video"),
)


def lines_with_offsets(text: str) -> Iterable[Span]:
    """Each non-blank line, stripped, as a span of ``text``."""
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        yield Span(start, start + len(stripped), stripped)


def mark_boilerplate(lines: list[Span]) -> list[Boilerplate]:
    """The boilerplate among ``lines`` (already stripped spans of one document)."""
    marked: dict[int, str] = {}
    for index, line in enumerate(lines):
        for rule in LINE_RULES:
            if rule.matches(line.text):
                marked.setdefault(index, rule.reason)
                break
    for index, line in enumerate(lines):
        for rule in FOLLOWER_RULES:
            if not rule.trigger.search(line.text):
                continue
            for offset, accept in enumerate(rule.accepts, start=1):
                follower = index + offset
                if follower >= len(lines) or not accept.search(lines[follower].text):
                    break
                marked.setdefault(follower, rule.reason)
    return [Boilerplate(lines[i].start, lines[i].end, lines[i].text, reason) for i, reason in sorted(marked.items())]


def describe_rules() -> list[tuple[str, str]]:
    """(reason, description) for every rule, for docs and ``--help`` texts."""
    return [(r.reason, r.description) for r in LINE_RULES] + [(r.reason, r.description) for r in FOLLOWER_RULES]
