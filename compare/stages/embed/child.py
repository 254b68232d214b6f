"""The sentence-transformers model run in a child process of its own, so that the run never imports torch.

Torch, the model and its working memory take about 500 MB that a process keeps to its end once torch is
imported (its allocator and libraries are not given back when the model is dropped): in the process of the run
they sat on top of the alignment's peak, the largest of a 10,000-article run (docs/benchmarks.md). A child
started for the model (a fresh interpreter, not a fork: it shares none of the run's heap, and its memory is
its own) takes them away when it ends, after the last text is encoded.

The two talk over the child's standard streams: each message is a pickle (a list of texts one way, a float32
array, bit for bit what the model gave, the other) after its length in 8 bytes. The child's own output goes to
its standard error, which is the run's.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import subprocess
import sys
import traceback
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import numpy as np

_LENGTH = struct.Struct("<Q")


class ChildGone(Exception):
    """The child process could not start or ended without answering (killed for memory, say)."""


def _send(stream: IO[bytes], value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    """The next message, or raise EOFError where the other side has closed its end."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


class TorchChild:
    """A child process holding the model: :meth:`encode` sends it texts and returns their vectors. Starting
    waits until the model is loaded; :meth:`close` ends the process and frees everything it held."""

    def __init__(self, model_dir: Path, batch_size: int):
        root = str(Path(__file__).resolve().parents[3])  # the folder that holds the package ``compare``
        code = (
            f"import sys; sys.path.insert(0, {root!r}); from compare.stages.embed import SentenceTransformerEmbedder; "
            "from compare.stages.embed.child import serve; serve(SentenceTransformerEmbedder)"
        )
        self._process: subprocess.Popen[bytes] | None = None
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-c", code, str(model_dir), str(batch_size)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        except OSError as error:
            raise ChildGone(f"could not start the model's process: {error}") from None
        self._answer()  # "ready": the model is loaded

    def _answer(self) -> Any:
        assert self._process is not None and self._process.stdout is not None
        try:
            kind, value = _receive(self._process.stdout)
        except (EOFError, OSError, pickle.UnpicklingError):
            self.close()
            raise ChildGone("the model's process ended without answering") from None
        if kind == "error":
            self.close()
            raise RuntimeError(f"the model's process failed:\n{value}")
        return value

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self._process is None or self._process.stdin is None:
            raise ChildGone("the model's process has ended")
        try:
            _send(self._process.stdin, list(texts))
        except OSError:
            self.close()
            raise ChildGone("the model's process ended before it was sent the texts") from None
        return self._answer()

    def __del__(self) -> None:
        # Dropped without release (an embedder made for one call): the process must end too. Left to itself, the
        # Popen would be kept for reaping with its pipes open, and the child, waiting on them, would never end.
        self.close(wait=False)

    def close(self, wait: bool = True) -> None:
        """End the process: it exits as its input closes (killed if it does not within seconds)."""
        process, self._process = self._process, None
        if process is None:
            return
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        if not wait:
            return  # it ends as its input closes; reaped by subprocess
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def serve(model: Callable[..., Any]) -> None:
    """The child's loop: load the model, say so, then encode each list of texts received until input ends.
    ``model``: SentenceTransformerEmbedder, given by the caller (this module is imported by the one that
    defines it)."""
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # what the libraries print goes to standard error, not into the answers
    sys.stdout = sys.stderr
    requests = sys.stdin.buffer
    try:
        embedder = model(sys.argv[1], int(sys.argv[2]), numpy_up_to=0, in_child=False)
        embedder.load(sys.maxsize)
        _send(answers, ("ready", None))
        while True:
            try:
                texts = _receive(requests)
            except EOFError:
                break
            _send(answers, ("vectors", embedder.encode(texts)))
    except BrokenPipeError:
        pass  # the run has ended
    except Exception:
        with contextlib.suppress(OSError):
            _send(answers, ("error", traceback.format_exc()))
    # Nothing to tear down that matters: torch's thread pools and destructors take a second at exit.
    answers.flush()
    os._exit(0)
