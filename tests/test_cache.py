"""The caches heal themselves: a damaged file is set aside and rebuilt, an unusable path runs without a cache."""

import os

import numpy as np
import pytest

from compare.infra import cache
from compare.infra.cache import FILENAME, CacheUnusable, EmbeddingCache
from compare.infra.memo import AnalysisMemo


def _filled(directory):
    store = EmbeddingCache(directory)
    store.put_many("m", {f"k{i}": np.ones(384, dtype=np.float32) * i for i in range(200)})
    store.close()
    memo = AnalysisMemo(directory)
    memo.put_many("stage", {f"k{i}": ("value", i) for i in range(200)})
    memo.close()


@pytest.mark.parametrize("damage", ["random", "truncated"])
def test_a_damaged_cache_is_moved_aside_and_rebuilt(tmp_path, damage):
    _filled(tmp_path)
    for path in (tmp_path / FILENAME, AnalysisMemo(tmp_path).path):
        if damage == "random":
            path.write_bytes(os.urandom(300))
        else:
            os.truncate(path, path.stat().st_size // 2)
    cache.NOTICES.clear()
    store = EmbeddingCache(tmp_path)
    assert store.get_many("m", ["k1"]) == {}  # rebuilt empty: the vectors are encoded again
    store.put_many("m", {"k1": np.ones(384, dtype=np.float32)})
    assert set(store.get_many("m", ["k1"])) == {"k1"}
    memo = AnalysisMemo(tmp_path)
    assert memo.get_many("stage", ["k1"]) == {}
    assert len(cache.NOTICES) == 2 and all("moved aside" in n for n in cache.NOTICES)
    assert len(list(tmp_path.glob("*.corrupt-*"))) == 2


def test_a_cache_path_that_cannot_hold_a_database_is_reported(tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    with pytest.raises(CacheUnusable):
        EmbeddingCache(a_file)
    (tmp_path / "folder" / FILENAME).mkdir(parents=True)
    with pytest.raises(CacheUnusable):
        EmbeddingCache(tmp_path / "folder")


def test_the_cli_runs_on_with_a_warning(tmp_path):
    from typer.testing import CliRunner

    from compare.cli import Services, app
    from compare.cli.app import default_memo, embedding_cache
    from compare.stages.embed import CachedEmbedder, HashingEmbedder
    from conftest import SEEDS

    services = Services(make_embedder=lambda o: CachedEmbedder(HashingEmbedder(), embedding_cache(o)),
                        make_memo=default_memo)

    def report(cache_dir):
        args = ["report", str(SEEDS), "--cache-dir", str(cache_dir), "--format", "json"]
        return CliRunner().invoke(app, args, obj=services)

    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / FILENAME).write_bytes(os.urandom(500))
    result = report(cache_dir)
    assert result.exit_code == 0, result.output
    assert "moved aside" in result.stderr
    assert report(cache_dir).stderr == ""  # healed
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    result = report(a_file)
    assert result.exit_code == 0, result.output
    assert "running without the embedding cache" in result.stderr
    assert "running without the analysis cache" in result.stderr
