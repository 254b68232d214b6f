"""Events told apart for a fixed measure (compare/detect/discrepancy_measures.py): the clusters' invariants."""

import random
from itertools import combinations

from compare.detect.discrepancy_measures import SAME_EVENT, _apart_in_time, _Cluster, _events, _Mention
from compare.model import Fact


def _mention(rng: random.Random, n: int) -> _Mention:
    value = rng.choice([7.8, 7.7, 7.6, 7.5, 7.4, 6.7, 6.4, 5.8])
    doc = f"d{rng.randrange(12)}"
    fact = Fact(kind="quantity", statement=f"{doc}#{n}", doc=doc, start=n, end=n + 3, text=str(value),
                value=str(value), subject="magnitude", low=value, high=value)
    days = frozenset([f"2023-02-{rng.choice([6, 6, 6, 20]):02d}"]) if rng.random() < 0.3 else frozenset()
    reported = "" if rng.random() < 0.2 else f"2023-02-{rng.randint(6, 27):02d}"
    return _Mention(fact, rng.random() < 0.1, days, reported)


def _one_event(mentions) -> bool:
    values = [m.fact.low for m in mentions]
    if max(values) > SAME_EVENT["magnitude"] * min(values):
        return False
    for x, y in combinations(mentions, 2):
        if x.fact.doc == y.fact.doc and not (x.title or y.title) and x.fact.low != y.fact.low:
            return False
        if _apart_in_time((x.days, x.reported), (y.days, y.reported)):
            return False
    return True


def test_every_event_holds_mentions_of_one_event_and_no_two_events_could_be_one():
    rng = random.Random(11)
    for _ in range(60):
        mentions = [_mention(rng, n) for n in range(rng.randint(1, 60))]
        events = _events(mentions)
        assert sorted(m.fact.start for e in events for m in e) == sorted(m.fact.start for m in mentions)
        assert all(_one_event(e) for e in events)
        for a, b in combinations(events, 2):  # greedy to the end: no two events left that may be one
            assert not _Cluster(a).may_join(_Cluster(b), SAME_EVENT["magnitude"]) or not _one_event(a + b)
