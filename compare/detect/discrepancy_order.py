"""Undated reports put in order by the toll each gives: a count that changed between them is an update.

Saved pages often lose their date, and two undated reports of one story whose aligned sentences give different
figures for a count that moves (the missing, the injured) would read as a conflict: no timeline can order them.
But a developing story's toll grows, and a report's own toll says when it was written: the report that gives 21
dead was written after the one that gives 19. Where two undated reports give close but different figures for a
growing slot of the same scope (people killed, injured, arrested: not the compared one), and no such slot orders
them the other way, the later one is the one with the larger toll, and a count that moved between them in its
slot's own direction (the missing fall as bodies are found; a toll never falls) is one update, not a conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from ..analysis.facts.agreement import vague
from ..infra.disjoint import DisjointSets
from ..model import Corpus, Finding
from .discrepancy_figures import point
from .discrepancy_timeline import Report, report_finding
from .discrepancy_values import EVENT_OUTCOMES, FALLING, Comparison

#: Tolls further apart than this ratio in two reports count different things (a town's part against the whole),
#: not one toll at two moments.
_SAME_TOLL = 2.0
#: Slots that move either way as a story unfolds: the missing are reported, then found.
_EITHER_WAY = ("missing",)


def split(
    corpus: Corpus, comparisons: list[Comparison], reports: dict[str, list[Report]], outlet: Callable[[str], str]
) -> tuple[list[Comparison], list[Finding]]:
    """The comparisons left to compare as before, and the update findings of those the tolls put in order."""
    tolls = _tolls(reports)
    ordered: list[tuple[Comparison, str, str]] = []  # with the earlier and the later document
    rest = []
    for c in comparisons:
        order = _order(corpus, c, tolls)
        if order is None:
            rest.append(c)
        else:
            ordered.append((c, *order))
    return rest, list(_findings(corpus, ordered, outlet))


def _tolls(reports: dict[str, list[Report]]) -> dict[str, dict[tuple[str, str, str], float]]:
    """Each document's largest figure per growing slot (subject, scope, town): its toll at its writing."""
    out: dict[str, dict[tuple[str, str, str], float]] = defaultdict(dict)
    for own in reports.values():
        for r in own:
            f = r.fact
            if not _grows(f.subject) or vague(f):
                continue
            key = (f.subject, r.scope, r.place)
            out[f.doc][key] = max(out[f.doc].get(key, 0.0), point(f))
    return out


def _close(x: float, y: float) -> bool:
    return min(x, y) > 0 and max(x, y) / min(x, y) <= _SAME_TOLL


def _grows(subject: str) -> bool:
    return subject.endswith(EVENT_OUTCOMES) and not subject.endswith((*FALLING, *_EITHER_WAY))


def _order(corpus: Corpus, c: Comparison, tolls: dict) -> tuple[str, str] | None:
    """The earlier and the later of the comparison's two undated documents, where their tolls order them and the
    compared count moved between them in its slot's direction; None otherwise."""
    a, b = c.a, c.b
    if (
        c.agree
        or a.kind != "quantity"
        or vague(a)
        or vague(b)
        or not a.subject.endswith(EVENT_OUTCOMES)
        or a.doc == b.doc
    ):
        return None
    if corpus.document(a.doc).date or corpus.document(b.doc).date or not _close(point(a), point(b)):
        return None  # figures far apart count different things (a town's dead against the country's)
    signs = set()
    for key, x in tolls.get(a.doc, {}).items():
        y = tolls.get(b.doc, {}).get(key)
        if key[0] != a.subject and y is not None and x != y and _close(x, y):
            signs.add(y > x)
    if len(signs) != 1:
        return None  # no toll orders them, or two order them both ways
    later_is_b = signs.pop()
    earlier, later = (a, b) if later_is_b else (b, a)
    moved = point(later) - point(earlier)
    if a.subject.endswith(_EITHER_WAY) or (moved < 0) == a.subject.endswith(FALLING):
        return earlier.doc, later.doc
    return None


def _findings(corpus: Corpus, ordered: list[tuple[Comparison, str, str]], outlet: Callable) -> Iterable[Finding]:
    origin_of = {d.id: d.copy_of or d.id for d in corpus.documents}
    sets: DisjointSets[int] = DisjointSets()
    number: dict = {}
    for c, _, _ in ordered:
        sets.union(number.setdefault(c.a, len(number)), number.setdefault(c.b, len(number)))
    clusters: dict[int, list[tuple[Comparison, str, str]]] = defaultdict(list)
    for item in ordered:
        clusters[sets.find(number[item[0].a])].append(item)
    for members in clusters.values():
        facts = list(dict.fromkeys(f for c, _, _ in members for f in (c.a, c.b)))
        pairs = sorted({(outlet(e), outlet(lt)) for _, e, lt in members})
        told = "; ".join(f"{lt} after {e}" for e, lt in pairs)
        reason = f"undated reports put in order by the toll each gives: {told}"
        links = sorted({c.link for c, _, _ in members})
        yield report_finding(corpus, facts[0].subject, facts, origin_of, "update", reason, outlet, link=links[0])
