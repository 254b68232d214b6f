"""Measured quality: labelled corpora made by controlled edits, and scoring against them.

:mod:`.edits` makes edited copies of articles and records each edit (the gold);
:mod:`.score` runs the pipeline on the originals plus the copies and scores the
findings against the recorded edits. :mod:`.labels` and :mod:`.real` score a report
against the gold labels of real coverage (``compare-sources score``).
"""

from __future__ import annotations

from typing import Literal

#: The suites of ``compare-sources eval``: two detector suites, then alignment recall.
Suite = Literal["discrepancy", "translation", "alignment"]
DETECTOR_SUITES: tuple[Suite, ...] = ("discrepancy", "translation")
ALL_SUITES: tuple[Suite, ...] = (*DETECTOR_SUITES, "alignment")
