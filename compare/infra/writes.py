"""Writing a report to a file the way a user expects: whole or not at all, through links, keeping the mode."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, content: str | bytes | bytearray) -> None:
    """Write via a temporary file and rename: a failed or killed run never leaves half a report.

    A symlink is written through (its target replaced, not the link); a device or a pipe (``-o /dev/stdout``) is
    written directly, having no directory to rename in; an existing file keeps its mode; SIGTERM and SIGHUP during
    the write remove the temporary file before the process ends."""
    data = content.encode("utf-8") if isinstance(content, str) else content  # bytes, or a bytearray
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_file():
        with open(target, "wb") as handle:
            handle.write(data)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    with _removed_on_signal(tmp):
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            if target.exists():
                mode = target.stat().st_mode & 0o7777
            else:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask  # mkstemp makes 0600; a new report is for sharing, as any new file would be
            os.chmod(tmp, mode)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


@contextlib.contextmanager
def _removed_on_signal(tmp: str):
    """SIGTERM and SIGHUP end the process as they would, after removing ``tmp`` (main thread only: elsewhere
    signal handlers cannot be set, and the default action stands)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signals = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {s: signal.getsignal(s) for s in signals}

    def handler(signum, frame):
        Path(tmp).unlink(missing_ok=True)
        signal.signal(signum, previous[signum] if callable(previous[signum]) else signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    for s in signals:
        signal.signal(s, handler)
    try:
        yield
    finally:
        for s, old in previous.items():
            signal.signal(s, old)
