"""The NumPy forward pass computes what sentence-transformers computes, without torch."""

import json
import shutil
import subprocess
import sys

import numpy as np
import pytest

from compare.stages.embed import SentenceTransformerEmbedder, default_model_dir
from compare.stages.embed.numpy_engine import NumpyBertEncoder, supports
from compare.pipeline import load_documents, segment_documents

CONFIGS = ("config.json", "modules.json", "tokenizer.json", "sentence_bert_config.json")


def _copy_configs(tmp_path):
    source = default_model_dir()
    for name in CONFIGS:
        shutil.copy(source / name, tmp_path / name)
    (tmp_path / "1_Pooling").mkdir()
    shutil.copy(source / "1_Pooling" / "config.json", tmp_path / "1_Pooling" / "config.json")
    (tmp_path / "model.safetensors").write_bytes(b"")
    return tmp_path


def test_supports_the_packaged_model():
    assert supports(default_model_dir())


@pytest.mark.parametrize("change", [
    ("1_Pooling/config.json", {"pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}),
    ("config.json", {"model_type": "xlm-roberta"}),
    ("config.json", {"hidden_act": "gelu_new"}),
    ("config.json", {"position_embedding_type": "relative_key"}),
])
def test_other_architectures_go_to_sentence_transformers(tmp_path, change):
    folder = _copy_configs(tmp_path)
    assert supports(folder)
    name, values = change
    config = json.loads((folder / name).read_text())
    (folder / name).write_text(json.dumps({**config, **values}))
    assert not supports(folder)


def test_missing_or_unreadable_files_are_not_supported(tmp_path):
    folder = _copy_configs(tmp_path)
    (folder / "model.safetensors").unlink()
    assert not supports(folder)
    (folder / "model.safetensors").write_bytes(b"")
    (folder / "modules.json").write_text("{not json")
    assert not supports(folder)


@pytest.mark.model
def test_numpy_vectors_match_sentence_transformers(seeds_dir):
    documents, _ = load_documents([seeds_dir])
    texts = [s.text for s in segment_documents(documents)]
    texts += ["  padded with spaces  ", "Ćirilica: Вучић и Курти", "x", " ".join(["Banjska"] * 400)]  # > 256 tokens
    torch_side = SentenceTransformerEmbedder(numpy_up_to=0).encode(texts)
    numpy_side = NumpyBertEncoder(default_model_dir()).encode(texts)
    assert numpy_side.dtype == np.float32 and numpy_side.shape == torch_side.shape
    assert np.allclose(np.linalg.norm(numpy_side, axis=1), 1.0, atol=1e-6)
    assert np.abs(numpy_side - torch_side).max() < 1e-5
    assert np.abs(numpy_side @ numpy_side.T - torch_side @ torch_side.T).max() < 1e-5


def _modules_after_encoding(count: int, numpy_up_to: int) -> list[str]:
    code = ("import sys; from compare.stages.embed import SentenceTransformerEmbedder as S; "
            f"v = S(numpy_up_to={numpy_up_to}).encode(['Three attackers were killed in Banjska.'] * {count}); "
            "print(v.shape[0], 'torch' in sys.modules, 'sentence_transformers' in sys.modules)")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()


@pytest.mark.model
def test_a_few_texts_are_encoded_without_torch():
    assert _modules_after_encoding(3, numpy_up_to=200) == ["3", "False", "False"]
    # More than numpy_up_to: torch's model, in a process of its own (tests/test_embed.py): not imported here either.
    assert _modules_after_encoding(3, numpy_up_to=2) == ["3", "False", "False"]
