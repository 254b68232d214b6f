"""Whose share a percentage is: "Georgian Dream won 52.99%", "Coalition for Change – 11.2%", "turnout was 58.9%".

A bare "percent" subject sets side by side figures of different holders (one party's share against
another's, a region's turnout against the country's) and figures of different counts (the share of
ballots counted so far against a party's share of them). A percentage is therefore read with

* **progress**: a share of the ballots, votes or precincts counted so far ("after counting 70.91% of the
  ballots", "with 99% of precincts counted") dates a report within a count; it is its report time, not a
  fact to compare, and gets no subject;
* **poll**: a share an exit poll or a survey gives is its pollster's estimate, never the official count's
  ("poll share of …");
* **holder**: the name the share belongs to, the nearest name before it in its own part of the sentence
  (after the previous figure), leaving out the names of those who report it ("according to the CEC",
  "the commission said"), and what parentheses or a relative clause add ("Unity (National Movement, …)",
  "which unites Ahali, …"): "share of coalition";
* **turnout**: a turnout without a holder is the turnout.

A holder is keyed by its first word, folded, so "Coalition for Change" and "Coalition of Change" are one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .tokens import Token

#: Words that say a share is of the ballots counted so far.
_COUNTING = frozenset("counted counting processed processing calculated calculating tallied tallying covering".split())
#: Nouns a count's progress is a share of; with the words that may come between them and the counting verb.
_COUNTED_THINGS = frozenset(
    "of the all votes vote ballots ballot precincts precinct polling stations station were was had been data".split()
)
#: What a count's progress is given in, where the counting verb comes well before the share.
_PLACES_COUNTED = frozenset("precincts polling stations ballots".split())
_POLL = frozenset("poll polls survey surveys pollster".split())
#: Verbs after a name that make it the share's reporter, not its holder.
_REPORTING = frozenset("said says reported reports announced announces showed shows according".split())
#: Words before a name that make it a reporter or a source ("according to the CEC", "released by the CEC").
_SOURCE_BEFORE = frozenset("to by from of".split())
#: Words that open what a relative clause adds to a name, up to the next comma.
_ASIDE = frozenset("which who whose led involving including uniting".split())
_ARTICLES = frozenset("the a an".split())
_NOT_NAMES = frozenset(
    "the a an according after before based with as at in on of preliminary early official final first "
    "january february march april may june july august september october november december "
    "next then meanwhile however also its this that these earlier later voter for "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
#: The subject of a count's progress: its report time, compared with nothing.
PROGRESS = "progress of the count"
_CONNECT = frozenset("-–—&")


def decimal_share(text: str) -> float | None:
    """ "52.991%" as 52.991: a share's three digits after the point are decimals, never thousands."""
    return float(text.rstrip("%")) if re.fullmatch(r"\d{1,3}\.\d{3}%?", text) else None


def share_subject(toks: Sequence[Token], first: int, end: int, segment_start: int, ranged: bool = False) -> str | None:
    """The subject of the percentage ``toks[first:end]``: :data:`PROGRESS` for a count's progress, "poll share of X",
    "share of X", "turnout"; None where nothing says whose share it is (the caller keeps its plain reading)."""
    if progress(toks, first, end):
        return PROGRESS
    segment = list(range(segment_start, first))
    words = {toks[k].lower for k in segment}
    # "11-17%": no count gives a share as a range; a projection does
    poll = "poll " if ranged or words & _POLL else ""
    if "turnout" in words:
        # a turnout is the whole electorate's unless it is given for a place ("the turnout in Tbilisi")
        place = next((toks[k + 1].lower for k in segment[:-1] if toks[k].lower == "in" and toks[k + 1].capitalised), "")
        return f"turnout in {place}" if place else "turnout"
    holder = _holder(toks, segment)
    if holder:
        return f"{poll}share of {holder}"
    return None


#: Counted nouns a holder wins ("Coalition for Change – 18 seats"), as the subject they are counted under.
_WON = {"seat": "seats", "mandate": "seats"}
#: Where votes are counted: a count of them the counting has reached is the count's progress.
_PLACES_COUNTED = frozenset({"station", "precinct", "polling station", "ballot"})
_ELECTORATE = frozenset("eligible registered".split())


def rank_subject(toks: Sequence[Token], counted: str, first: int, end: int, segment_start: int) -> str:
    """The subject of an ordinal: "place of coalition (ordinal)" for "Coalition for Change is in second place" (a rank
    is its holder's: two parties' places are no discrepancy), else "<counted> (ordinal)"."""
    holder = share_subject(toks, first, end, segment_start) if counted == "place" else None
    if holder and holder.startswith("share of "):
        return f"place of {holder.removeprefix('share of ')} (ordinal)"
    return f"{counted} (ordinal)" if counted else ""


def counted_subject(
    toks: Sequence[Token], counted: str, where: tuple[int, int, int], segment_start: int, before: str
) -> str:
    """The subject of a count of ``counted`` (``where``: its noun's index, the figure's first and end) that an election
    gives per holder, per what its people did, or as the count's progress: "Coalition for Change – 18 seats" ("seats
    of coalition"; after its share, "11.03% and 19 mandates", the share's holder's, named in ``before``, the subject
    of the figure before it), "935,004 voters voted for the party" ("votes for a party"), "3.5 million eligible
    voters" ("voter registered"), "after counting data from 2,206 polling stations" (:data:`PROGRESS`); else
    ``counted``."""
    noun, first, end = where
    if counted in _PLACES_COUNTED and progress(toks, first, end, window=4):
        return PROGRESS
    if counted in _WON:
        holder = _holder(toks, list(range(segment_start, first)))
        if not holder and before.startswith("share of ") and first - segment_start <= 2:
            holder = before.removeprefix("share of ")
        return f"{_WON[counted]} of {holder}" if holder else counted
    if counted == "voter":
        near = {t.lower for t in toks[max(0, first - 2) : noun + 3]}
        if near & _ELECTORATE:
            return "voter registered"
        if noun + 2 < len(toks) and toks[noun + 1].lower == "voted" and toks[noun + 2].lower == "for":
            return "votes for a party"
    return counted


def progress(toks: Sequence[Token], first: int, end: int, window: int = 3) -> bool:
    """Whether the figure ``toks[first:end]`` is how far a count has gone: "after counting 70.91% of the ballots",
    "with 99% of precincts counted", "processing of 68.69% of the ballots", "after 70% of the votes were counted";
    a counting verb at most ``window`` words before it, or after the things counted."""
    before = [t.lower for t in toks[max(0, first - window) : first]]
    if any(w in _COUNTING for w in before):
        return True
    places = [t.lower for t in toks[end : end + 3]]
    if any(w in _PLACES_COUNTED for w in places) and any(t.lower in _COUNTING for t in toks[max(0, first - 8) : first]):
        return True  # "after counting votes from 70.91% of the precincts"
    k = end
    while k < len(toks) and k < end + 6 and toks[k].lower in _COUNTED_THINGS:
        k += 1
    return k > end and k < len(toks) and toks[k].lower in _COUNTING


def _holder(toks: Sequence[Token], segment: list[int]) -> str:
    """The key of the holder's name in ``segment`` (token indices before the figure): the first name that is not
    a reporter's, a source's, a dateline's or a possessive."""
    kept: list[int] = []
    depth, aside = 0, False
    for k in segment:
        word = toks[k].lower
        if word in ("(", "["):
            depth += 1
        elif word in (")", "]"):
            depth = max(0, depth - 1)
        elif word == ",":
            # an aside lists names ("which unites Ahali, Girchi and Droa,"): it ends where the sentence goes on
            aside = aside and k + 1 < len(toks) and toks[k + 1].capitalised
        elif word in _ASIDE:
            aside = True
        elif not depth and not aside:
            kept.append(k)
    names: list[list[int]] = []
    open_name = False
    for n, k in enumerate(kept):
        tok = toks[k]
        named = (
            tok.capitalised
            and tok.text[:1].isalpha()
            and tok.lower not in _NOT_NAMES
            and not (tok.text.isupper() and len(tok.text) > 3)  # "TBILISI", "/TASS/": a dateline
        )
        adjacent = n > 0 and kept[n - 1] == k - 1
        if open_name and adjacent and (named or tok.lower in ("for", "of") or tok.lower in _CONNECT):
            names[-1].append(k)  # "Coalition for Change", "Gakharia - For Georgia", "Alliance of Patriots"
        elif named:
            names.append([k])
            open_name = True
            continue
        else:
            open_name = False
    for name in names:
        before = next((toks[j].lower for j in range(name[0] - 1, -1, -1) if toks[j].lower not in _ARTICLES), "")
        after = toks[name[-1] + 1].lower if name[-1] + 1 < len(toks) else ""
        if (
            before in _SOURCE_BEFORE
            or after in _REPORTING
            or after in ("’s", "'s")
            or toks[name[0]].lower.endswith("’s")
        ):
            continue
        key = toks[name[0]].lower.removesuffix("'s").strip("\"“”«»'")
        if key:
            return key
    return ""
