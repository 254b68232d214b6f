"""How the tool uses processes: forked workers for pure-Python work, and a quick end once torch is loaded.

The per-article stage (:mod:`compare.documents`) and the detectors
(:mod:`compare.detect`) are pure Python, so threads would not run them at once;
forked processes do, and start sharing the parent's loaded word lists and corpus.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


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


def forked_map(
    function: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    chunksize: int = 1,
    done: Callable[[int], None] | None = None,
) -> list[R]:
    """``[function(item) for item in items]`` on ``workers`` forked processes (which see this process's state
    as it was when they started), in order; ``done(n)`` is called as the first ``n`` results are back. A worker
    that dies (killed for memory, say) loses nothing: the work is done again here, with a warning."""
    import multiprocessing
    import warnings
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results: list[R] = []
            for result in pool.map(function, items, chunksize=chunksize):
                results.append(result)
                if done is not None:
                    done(len(results))
            return results
    except BrokenProcessPool as error:
        warnings.warn(f"a worker process died ({error}); finishing in this process", RuntimeWarning, stacklevel=2)
        return serial_map(function, items, done)


def forked_map_started(function: Callable[[T], R], items: Sequence[T], workers: int) -> Callable[[], list[R]]:
    """:func:`forked_map` started now: the forked processes work while this one goes on, and the call returned
    waits for their results, in order (done here, with a warning, where a process died)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    futures = [pool.submit(function, item) for item in items]  # the processes fork here

    def results() -> list[R]:
        import warnings
        from concurrent.futures.process import BrokenProcessPool

        try:
            return [future.result() for future in futures]
        except BrokenProcessPool as error:
            warnings.warn(f"a worker process died ({error}); finishing in this process", RuntimeWarning, stacklevel=2)
            return serial_map(function, items)
        finally:
            pool.shutdown()

    return results


class Forked(Generic[R]):
    """``function()`` started now in a forked process (which sees this process's state as it is now), while
    this one goes on; :meth:`result` waits for its value. A process that dies loses nothing: the work is then
    done here by ``here()`` (default: ``function``), with a warning, as :func:`forked_map` does."""

    def __init__(self, function: Callable[[], R], here: Callable[[], R] | None = None):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self._here = here or function
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        self._future = self._pool.submit(function)  # forks here: the child has this moment's state

    def result(self) -> R:
        import warnings
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._future.result()
        except BrokenProcessPool as error:
            warnings.warn(f"a worker process died ({error}); finishing in this process", RuntimeWarning, stacklevel=2)
            return self._here()
        finally:
            self._pool.shutdown()


def serial_map(function: Callable[[T], R], items: Sequence[T], done: Callable[[int], None] | None = None) -> list[R]:
    """``[function(item) for item in items]``, calling ``done(n)`` as each ``n`` is finished."""
    results: list[R] = []
    for item in items:
        results.append(function(item))
        if done is not None:
            done(len(results))
    return results


def exit_skipping_teardown(code: int) -> None:
    """End the process with ``code`` now, without the interpreter's teardown, which does nothing a finished run
    needs: it frees the objects of the run and of the word lists one by one and collects the whole heap once
    more (0.1 s after a report on the seeds, 0.5 s after adding one article to 1,000, on a 2-core CPU), and
    with torch loaded it also stops its thread pools and runs its static destructors (about a second). Callers
    have written and closed every output (reports are replaced atomically, caches commit each write); only the
    standard streams are left to flush."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a pipe its reader closed ("… | head"), a closed stream
            stream.flush()
    os._exit(code)
