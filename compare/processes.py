"""When the pipeline may spread pure-Python work over forked processes.

The per-article stage (:mod:`compare.documents`) and the detectors
(:mod:`compare.detect`) are pure Python, so threads would not run them at once;
forked processes do, and start sharing the parent's loaded word lists and corpus.
"""

from __future__ import annotations

import os
import sys


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    # Fork is cheap and shares what is loaded, but only Linux forks safely by default, and not once torch
    # has started its thread pools (a forked child could inherit a held lock).
    return sys.platform == "linux" and "torch" not in sys.modules


def fork_pool(workers: int):
    """A pool of ``workers`` forked processes (they see the parent's state as it was when they start)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
