"""The slot timelines (compare/detect/discrepancy_timeline.py): which pairs of reports are compared."""

import datetime as dt
import random
from itertools import combinations

from compare.detect.discrepancy_figures import within_a_day
from compare.detect.discrepancy_timeline import Report
from compare.model import Fact


def _report(n: int, day: str) -> Report:
    fact = Fact(kind="quantity", statement=f"d{n}#1", doc=f"d{n}", start=0, end=2, text="10", value="10",
                subject="people killed", low=10.0, high=10.0)
    return Report(fact, f"d{n}", day, "")


def test_pairs_within_a_day_are_every_pair_that_can_be_one_announcement():
    rng = random.Random(3)
    start = dt.date(2024, 3, 1)
    for _ in range(30):
        reports = [
            _report(n, "" if rng.random() < 0.2 else (start + dt.timedelta(days=rng.randint(0, 6))).isoformat())
            for n in range(rng.randint(0, 25))
        ]

        def near(i, j):
            a, b = reports[i].day, reports[j].day
            return not a or not b or abs(dt.date.fromisoformat(a).toordinal() - dt.date.fromisoformat(b).toordinal()) <= 1

        expected = [(i, j) for i, j in combinations(range(len(reports)), 2) if near(i, j)]
        assert within_a_day([r.day for r in reports]) == expected
