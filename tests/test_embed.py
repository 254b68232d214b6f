import subprocess
import sys

import numpy as np
import pytest

from compare.infra.cache import EmbeddingCache
from compare.stages.embed import CachedEmbedder, HashingEmbedder, SentenceTransformerEmbedder, default_model_dir
from compare.errors import UsageError
from conftest import CountingEmbedder


def test_hashing_embedder_is_deterministic_and_unit_length():
    texts = ["NATO deployed 1,000 troops.", "NATO deployed 1,000 troops.", "Snow in Ergaki."]
    a, b = HashingEmbedder().encode(texts), HashingEmbedder().encode(texts)
    assert np.array_equal(a, b)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)
    assert a[0] @ a[1] > 0.99 and a[0] @ a[2] < 0.5


def test_cache_serves_known_texts_and_encodes_only_new_ones(tmp_path):
    inner = CountingEmbedder()
    first = CachedEmbedder(inner, EmbeddingCache(tmp_path)).encode(["a b c", "d e f", "a b c"])
    assert inner.encoded == 2  # the repeated text is encoded once
    again = CachedEmbedder(inner, EmbeddingCache(tmp_path))
    second = again.encode(["d e f", "a b c", "g h i"])
    assert inner.encoded == 3 and again.hits == 2 and again.misses == 1
    assert np.array_equal(first[1], second[0]) and np.array_equal(first[0], second[1])


def test_cache_is_keyed_by_model(tmp_path):
    cache = EmbeddingCache(tmp_path)
    CachedEmbedder(HashingEmbedder(dim=64), cache).encode(["x y z"])
    other = CountingEmbedder()
    CachedEmbedder(other, cache).encode(["x y z"])
    assert other.encoded == 1
    assert cache.count() == 2


def test_progress_reports_encoding(tmp_path):
    seen = []
    CachedEmbedder(HashingEmbedder(), None).encode(["a", "b"], progress=lambda *step: seen.append(step))
    assert seen[0] == ("model", 0, 0) and seen[1] == ("embed", 0, 2) and seen[-1] == ("embed", 2, 2)
    seen.clear()
    cache = EmbeddingCache(tmp_path)
    CachedEmbedder(HashingEmbedder(), cache).encode(["a", "b"])
    CachedEmbedder(HashingEmbedder(), cache).encode(["a", "b"], progress=lambda *step: seen.append(step))
    assert seen == [("embed", 0, 0)]  # all cached: no model to load


def test_model_directory_is_validated(tmp_path):
    with pytest.raises(UsageError, match="not found"):
        SentenceTransformerEmbedder(tmp_path / "missing")
    with pytest.raises(UsageError, match="not a sentence-transformers model"):
        SentenceTransformerEmbedder(tmp_path)


def test_packaged_model_is_named_without_loading_torch():
    code = ("import sys; from compare.stages.embed import SentenceTransformerEmbedder as S; e = S(); "
            "print(e.name, 'torch' in sys.modules, 'sentence_transformers' in sys.modules, e.loaded)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0].startswith("all-MiniLM-L6-v2@") and out[1:] == ["False", "False", "False"]
    assert default_model_dir().is_dir()


def test_a_v1_cache_is_adopted_not_encoded_again(tmp_path):
    import sqlite3

    import numpy as np

    from compare.infra.cache import EmbeddingCache

    old = sqlite3.connect(tmp_path / "embeddings-v1.sqlite3")
    old.execute("CREATE TABLE vectors (model TEXT NOT NULL, key TEXT NOT NULL, dim INTEGER NOT NULL, "
                "vector BLOB NOT NULL, PRIMARY KEY (model, key)) WITHOUT ROWID")
    old.execute("INSERT INTO vectors VALUES ('m', 'k', 2, ?)", [np.array([0.6, 0.8], dtype=np.float32).tobytes()])
    old.commit()
    old.close()
    cache = EmbeddingCache(tmp_path)
    assert list(cache.get_many("m", ["k"])["k"]) == [np.float32(0.6), np.float32(0.8)]
    assert not (tmp_path / "embeddings-v1.sqlite3").exists()


def test_a_one_off_run_frees_the_model_once_everything_is_encoded(seeds_dir):
    from compare.stages.embed import CachedEmbedder, HashingEmbedder
    from compare.pipeline import analyse, load_documents, run

    class Releasing(HashingEmbedder):
        released = 0

        def release(self):
            self.released += 1

    inner = Releasing()
    run([seeds_dir], CachedEmbedder(inner, None))
    assert inner.released == 1
    analyse(load_documents([seeds_dir])[0], CachedEmbedder(inner, None))  # eval analyses again: keeps it
    assert inner.released == 1


_SENTENCES = ["Three attackers were killed in Banjska.", "The toll rose to 51 overnight.", "Rescuers dug all night."]


@pytest.mark.model
def test_the_model_runs_in_its_own_process_and_gives_the_vectors_it_gives_here(tmp_path):
    # In a fresh interpreter, as a run is: torch is never imported there, and the process ends on release.
    code = (
        "import sys, numpy as np; from compare.stages.embed import SentenceTransformerEmbedder as S; "
        f"e = S(numpy_up_to=0); v = e.encode({_SENTENCES * 4!r}); p = e._child._process; e.release(); "
        f"np.save({str(tmp_path / 'v.npy')!r}, v); "
        "print('torch' in sys.modules, 'sentence_transformers' in sys.modules, p.poll() is not None, e.loaded)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "True", "False"]
    here = SentenceTransformerEmbedder(numpy_up_to=0, in_child=False).encode(_SENTENCES * 4)
    there = np.load(tmp_path / "v.npy")
    assert there.dtype == np.float32 and np.array_equal(there, here)  # bit for bit


@pytest.mark.model
def test_a_model_process_that_dies_leaves_the_encoding_to_this_one():
    embedder = SentenceTransformerEmbedder(numpy_up_to=0)
    first = embedder.encode(_SENTENCES)
    embedder._child._process.kill()  # as the kernel would, out of memory
    with pytest.warns(RuntimeWarning, match="running the model in this process"):
        again = embedder.encode(_SENTENCES)
    assert np.array_equal(first, again) and embedder.loaded and embedder._child is None
    embedder.release()
    assert not embedder.loaded


@pytest.mark.model
def test_a_model_process_ends_with_its_embedder():
    import gc

    embedder = SentenceTransformerEmbedder(numpy_up_to=0)
    embedder.encode(_SENTENCES)  # and never released
    process = embedder._child._process
    del embedder
    gc.collect()
    assert process.wait(timeout=60) == 0
