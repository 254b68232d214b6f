"""The discrepancy detector's comparisons of aligned statement pairs, kept between runs.

Comparing the two statements of every aligned pair (their counts, dates, speakers, and the values one
sentence swapped for another) is most of the detector's time, and a corpus run again, or grown by one
article, has nearly all of its pairs from the run before. A pair's comparisons are kept in the
:class:`~compare.infra.memo.AnalysisMemo` under a key made of everything the comparison reads:

* each statement's text and its facts, with offsets counted from the statement's start (a statement that
  moved within its document, or whose document was renamed, compares as before);
* which of those facts' subjects are slot subjects (compared along the corpus's timelines instead);
* whether the two statements are one report's (``same_report``);
* the memo's version (:func:`~compare.infra.memo.analysis_version`: the package's code and data).

A comparison reads nothing else: a new input of ``discrepancy._compare_aligned`` must join the key
(tests/test_discrepancy_kept.py fails on a new parameter). Stored comparisons name their facts by their
place in the statement's fact list, or, for a fact the comparison made itself (a name read as a place),
by its fields relative to its statement; ids and the group's link are filled in from this run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import operator
from collections.abc import Callable, Mapping, Sequence

from ..infra.memo import AnalysisMemo
from ..infra.processes import forked_map_started
from ..model import Fact, Statement
from .discrepancy_values import Comparison

STAGE = "discrepancy:aligned"

#: Two statements of different documents, the link their comparisons carry ("group g12"), and whether they
#: are one report's.
AlignedPair = tuple[Statement, Statement, str, bool]
Compare = Callable[[Statement, Statement, str, bool], list[Comparison]]

#: A fact in a stored comparison: n ≥ 0 is the first statement's n-th fact, n < 0 the second's (-n - 1)-th;
#: a tuple is one made by the comparison: (0 or 1 for the statement it lies in, then its fields, offsets
#: counted from that statement's start).
_FactRef = int | tuple


#: New pairs from which their comparisons are made in forked processes, where the caller allows more than one:
#: a cold run of 1,000 articles compares 19,000 pairs (1.1 s on one core). Each process sends its comparisons
#: back encoded as the memo keeps them, and they are decoded here as kept ones are.
PARALLEL_FROM = 2_000

_shared: tuple[Sequence[AlignedPair], Mapping[str, list[Fact]], Compare] | None = None  # what forked processes read


def compared_later(
    pairs: Sequence[AlignedPair],
    facts_of: Mapping[str, list[Fact]],
    subjects: frozenset[str],
    compare: Compare,
    memo: AnalysisMemo | None,
    workers: int = 1,
) -> Callable[[], list[Comparison]]:
    """``compare``'s comparisons of every pair in turn, those of pairs the memo holds read from it; at least
    :data:`PARALLEL_FROM` pairs to compare are shared out between ``workers`` forked processes. Started: the
    processes (if any) compare while the caller goes on, and the call returned gives the comparisons. The caller
    does not call ``compare`` in between."""
    if memo is None and (workers < 2 or len(pairs) < PARALLEL_FROM):
        return lambda: [c for sa, sb, link, same in pairs for c in compare(sa, sb, link, same)]
    keys: list[str] | None = None
    stored: dict[str, list] = {}
    if memo is not None:
        version = memo.version  # analysis_version(): rows of other versions are dropped, but not at once
        digests: dict[str, str] = {}

        def digest(statement: Statement) -> str:
            if statement.id not in digests:
                facts = facts_of.get(statement.id, [])
                hashed = hashlib.sha256(version.encode())
                hashed.update(statement.text.encode("utf-8", "surrogatepass"))
                hashed.update(repr([_relative(f, statement) for f in facts]).encode("utf-8", "surrogatepass"))
                hashed.update(repr(sorted({f.subject for f in facts} & subjects)).encode("utf-8", "surrogatepass"))
                digests[statement.id] = hashed.hexdigest()[:32]
            return digests[statement.id]

        keys = [f"{digest(sa)}{digest(sb)}{int(same)}" for sa, sb, _, same in pairs]
        stored = memo.get_many(STAGE, keys)
    todo = [n for n in range(len(pairs)) if keys is None or keys[n] not in stored]
    made = _in_processes(pairs, todo, facts_of, compare, workers) if len(todo) >= PARALLEL_FROM else dict
    return lambda: _assembled(pairs, facts_of, compare, memo, keys, stored, made())


def _assembled(
    pairs: Sequence[AlignedPair],
    facts_of: Mapping[str, list[Fact]],
    compare: Compare,
    memo: AnalysisMemo | None,
    keys: list[str] | None,
    stored: dict[str, list],
    fresh: dict[int, list],
) -> list[Comparison]:
    """Every pair's comparisons: kept ones decoded, those made in processes (``fresh``) decoded, the rest made
    here; the new ones kept."""
    out: list[Comparison] = []
    new: dict[str, list] = {}
    for n, (sa, sb, link, same) in enumerate(pairs):
        fa, fb = facts_of.get(sa.id, []), facts_of.get(sb.id, [])
        key = keys[n] if keys is not None else None
        kept = key in stored
        record = stored[key] if key is not None and kept else fresh.get(n)
        found = _decoded(record, sa, sb, fa, fb, link) if record is not None else None
        if found is None:  # not kept (or damaged), nor made in a process
            found = compare(sa, sb, link, same)
            record, kept = None, False
        if key is not None and not kept:
            new[key] = record if record is not None else [_encoded(c, sa, sb, fa, fb, link) for c in found]
        out += found
    if memo is not None:
        memo.put_many(STAGE, new)
    return out


def _in_processes(
    pairs: Sequence[AlignedPair], todo: list[int], facts_of: Mapping[str, list[Fact]], compare: Compare, workers: int
) -> Callable[[], dict[int, list]]:
    """The encoded comparisons of the pairs ``todo`` (positions in ``pairs``), started in ``workers`` forked
    processes, each taking every ``workers``-th of them: the call returned waits for them ({} where there is one
    worker)."""
    global _shared
    if workers < 2:
        return dict
    _shared = ([pairs[n] for n in todo], facts_of, compare)
    started = forked_map_started(_encoded_part, [(k, workers) for k in range(workers)], workers)

    def made() -> dict[int, list]:
        global _shared
        try:
            parts = started()  # a process that died is done again here, with the shared pairs
        finally:
            _shared = None
        return {
            todo[n]: record for k, part in enumerate(parts) for n, record in zip(range(k, len(todo), workers), part)
        }

    return made


def _encoded_part(share: tuple[int, int]) -> list[list]:
    """In a forked process: the encoded comparisons of every ``step``-th pair of the shared ones from ``first``."""
    assert _shared is not None, "only called while _in_processes shares the pairs"
    pairs, facts_of, compare = _shared
    first, step = share
    out = []
    for sa, sb, link, same in pairs[first::step]:
        fa, fb = facts_of.get(sa.id, []), facts_of.get(sb.id, [])
        out.append([_encoded(c, sa, sb, fa, fb, link) for c in compare(sa, sb, link, same)])
    return out


#: Fact's fields but its ids, in order; its offsets are among them. Every field is part of a key, whatever
#: fields Fact gains.
_FIELDS = tuple(f.name for f in dataclasses.fields(Fact) if f.name not in ("statement", "doc"))
_VALUES = operator.attrgetter(*_FIELDS)  # all of them in one call: a key reads every fact of 20,000 statements
_START, _END = _FIELDS.index("start"), _FIELDS.index("end")


def _relative(fact: Fact, statement: Statement) -> tuple:
    """A fact's fields without ids (:data:`_FIELDS`), its offsets counted from ``statement``'s start."""
    values = list(_VALUES(fact))
    values[_START] -= statement.start
    values[_END] -= statement.start
    return tuple(values)


def _encoded(c: Comparison, sa: Statement, sb: Statement, fa: list[Fact], fb: list[Fact], link: str) -> tuple:
    return (_ref(c.a, sa, sb, fa, fb), _ref(c.b, sa, sb, fa, fb), c.agree, None if c.link == link else c.link)


def _ref(fact: Fact, sa: Statement, sb: Statement, fa: list[Fact], fb: list[Fact]) -> _FactRef:
    if fact in fa:
        return fa.index(fact)
    if fact in fb:
        return -fb.index(fact) - 1
    side, statement = (0, sa) if fact.statement == sa.id else (1, sb)
    return (side, *_relative(fact, statement))


def _decoded(
    record: list, sa: Statement, sb: Statement, fa: list[Fact], fb: list[Fact], link: str
) -> list[Comparison] | None:
    """The comparisons ``record`` stores, or None if it does not fit these statements (damaged)."""
    try:
        return [
            Comparison(_fact(a, sa, sb, fa, fb), _fact(b, sa, sb, fa, fb), agree, own_link or link)
            for a, b, agree, own_link in record
        ]
    except (IndexError, TypeError, ValueError):
        return None


def _fact(ref: _FactRef, sa: Statement, sb: Statement, fa: list[Fact], fb: list[Fact]) -> Fact:
    if isinstance(ref, int):
        return fa[ref] if ref >= 0 else fb[-ref - 1]
    side, *values = ref
    statement = sb if side else sa
    fields = dict(zip(_FIELDS, values, strict=True))
    fields["start"] += statement.start
    fields["end"] += statement.start
    return Fact(statement=statement.id, doc=statement.doc, **fields)
