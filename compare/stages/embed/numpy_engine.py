"""The packaged sentence-transformers model's forward pass in NumPy, for a handful of texts.

Adding one article to a cached corpus leaves a dozen new statements to encode.
Importing sentence-transformers (and with it torch and transformers) and loading
the model costs 3.5–8 s for that; this module computes the same vectors in a
fraction of a second from the same files — ``tokenizer.json`` through the
``tokenizers`` library, ``model.safetensors`` through ``safetensors.numpy`` —
with no torch at all.

It is the same function, not an approximation: a BERT encoder (post-layer-norm,
absolute positions, exact erf GELU), mean pooling over real tokens, unit length,
truncation at the model's ``max_seq_length``. Its vectors agree with
sentence-transformers' to about 1e-7 per component (tests/test_embed_numpy.py),
the same order as the differences between two batch sizes in torch, so the
embedding cache holds both under one model name.

It is 1.7 (short sentences) to 3 (long ones) times slower per sentence than torch
on a 2-core CPU (no fused kernels; docs/benchmarks.md), so
:class:`~compare.stages.embed.SentenceTransformerEmbedder` uses it only for small batches before torch
is loaded; :func:`supports` says whether a model directory is one it can run (BERT weights in
safetensors, a Transformer → mean Pooling [→ Normalize] pipeline); any other model always goes through
sentence-transformers.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

BATCH_SIZE = 32  # texts per forward pass, sorted by length so that little of a batch is padding
_MODULES = (
    "sentence_transformers.models.Transformer",
    "sentence_transformers.models.Pooling",
    "sentence_transformers.models.Normalize",
)


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def supports(model_dir: Path) -> bool:
    """Whether this module computes exactly what sentence-transformers computes for ``model_dir``."""
    config = _json(model_dir / "config.json")
    modules = _json(model_dir / "modules.json")
    pooling = _json(model_dir / "1_Pooling" / "config.json")
    if not (isinstance(config, dict) and isinstance(modules, list) and isinstance(pooling, dict)):
        return False
    kinds = tuple(module.get("type") for module in modules if isinstance(module, dict))
    if kinds not in (_MODULES[:2], _MODULES):
        return False
    if [module.get("path") for module in modules[:2]] != ["", "1_Pooling"]:
        return False
    mean_only = pooling.get("pooling_mode_mean_tokens") is True and not any(
        value for key, value in pooling.items() if key.startswith("pooling_mode_") and key != "pooling_mode_mean_tokens"
    )
    return (
        config.get("model_type") == "bert"
        and config.get("hidden_act") == "gelu"
        and config.get("position_embedding_type", "absolute") == "absolute"
        and mean_only
        and pooling.get("include_prompt", True) is True
        and (model_dir / "model.safetensors").is_file()
        and (model_dir / "tokenizer.json").is_file()
    )


class NumpyBertEncoder:
    """Encodes texts with a BERT sentence-transformers model held as NumPy arrays (≈90 MB for MiniLM-L6)."""

    def __init__(self, model_dir: Path):
        import numpy as np
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
        settings = _json(model_dir / "sentence_bert_config.json") or {}
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        # sentence-transformers truncates at max_seq_length (256 here), not at tokenizer.json's own 128.
        max_length = int(settings.get("max_seq_length") or config.get("max_position_embeddings", 512))
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=max_length)
        self.tokenizer.no_padding()
        weights = {}
        for key, value in load_file(str(model_dir / "model.safetensors")).items():
            key = key.removeprefix("bert.")
            # Dense layers as (in, out), contiguous: x @ W is one BLAS call without a transposed copy.
            if value.ndim == 2 and not key.startswith("embeddings."):
                value = np.ascontiguousarray(value.T)
            weights[key] = value.astype(np.float32, copy=False)
        self.weights = weights

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 rows, one per text, in the order given."""
        import numpy as np

        out = np.empty((len(texts), self.weights["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for begin in range(0, len(order), BATCH_SIZE):
            rows = order[begin : begin + BATCH_SIZE]
            out[rows] = self._forward([texts[i] for i in rows])
        return out

    def _layer_norm(self, x: np.ndarray, name: str) -> np.ndarray:
        import numpy as np

        mean = x.mean(-1, keepdims=True)
        centred = x - mean
        variance = (centred * centred).mean(-1, keepdims=True)
        return centred / np.sqrt(variance + self.eps) * self.weights[name + ".weight"] + self.weights[name + ".bias"]

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        batch, length, width = x.shape
        product = x.reshape(batch * length, width) @ self.weights[name + ".weight"] + self.weights[name + ".bias"]
        return product.reshape(batch, length, -1)

    def _forward(self, texts: list[str]) -> np.ndarray:
        import numpy as np
        from scipy.special import erf

        # sentence-transformers strips each text before tokenizing.
        encodings = self.tokenizer.encode_batch([text.strip() for text in texts])
        batch, length = len(encodings), max(len(e.ids) for e in encodings)
        ids = np.zeros((batch, length), dtype=np.int64)
        mask = np.zeros((batch, length), dtype=np.float32)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1.0
        w = self.weights
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._layer_norm(x, "embeddings.LayerNorm")
        heads = self.heads
        size = x.shape[-1] // heads
        # Padding keys get the most negative float, as transformers does: exp() of it is 0.
        key_bias = ((1.0 - mask) * np.finfo(np.float32).min)[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(size))

        def split(t: np.ndarray) -> np.ndarray:  # (batch, length, hidden) → (batch, heads, length, size)
            return np.ascontiguousarray(t.reshape(batch, length, heads, size).transpose(0, 2, 1, 3))

        for layer in range(self.layers):
            prefix = f"encoder.layer.{layer}."
            query = split(self._dense(x, prefix + "attention.self.query"))
            key = split(self._dense(x, prefix + "attention.self.key"))
            value = split(self._dense(x, prefix + "attention.self.value"))
            scores = query @ np.ascontiguousarray(key.transpose(0, 1, 3, 2)) * scale + key_bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ value).transpose(0, 2, 1, 3).reshape(batch, length, heads * size)
            x = self._layer_norm(
                self._dense(context, prefix + "attention.output.dense") + x, prefix + "attention.output.LayerNorm"
            )
            hidden = self._dense(x, prefix + "intermediate.dense")
            hidden = 0.5 * hidden * (1.0 + erf(hidden * np.float32(1.0 / np.sqrt(2.0))))  # exact GELU
            x = self._layer_norm(self._dense(hidden, prefix + "output.dense") + x, prefix + "output.LayerNorm")
        pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
