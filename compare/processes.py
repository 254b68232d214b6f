"""How the tool uses processes: forked workers for pure-Python work, and a quick end once torch is loaded.

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
    # Fork is cheap and shares what is loaded, but only Linux forks safely by default (macOS's system
    # libraries do not). Torch may have run in the parent: a child inherits none of its OpenMP threads, which
    # would hang it if it called into torch again, but the children run pure Python and end with os._exit
    # (tests/test_documents.py forks after a torch matrix product).
    return sys.platform == "linux"


def fork_pool(workers: int):
    """A pool of ``workers`` forked processes (they see the parent's state as it was when they start)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))


def exit_skipping_teardown(code: int) -> None:
    """End the process with ``code`` now, if torch was loaded: its teardown at interpreter exit (thread pools,
    static destructors) takes about a second on a 2-core CPU, for nothing. Callers have written and closed
    every output (reports are replaced atomically, caches commit each write); only the standard streams are
    left to flush. Without torch the ordinary exit is as quick, and taken."""
    if "torch" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
