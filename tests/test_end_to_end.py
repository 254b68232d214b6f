"""End to end on the seed corpus with the real packaged model (all-MiniLM-L6-v2)."""

import json
import socket
import subprocess
import sys

import pytest

from compare.infra.cache import EmbeddingCache
from compare.stages.align import CLOSE_FLOOR
from compare.stages.embed import CachedEmbedder, SentenceTransformerEmbedder
from benchmarks.alignment_gold import AlignmentGold, find_statement, grouped_together
from compare.pipeline import run
from conftest import DATA, ROOT

pytestmark = pytest.mark.model
GOLD = AlignmentGold.load(DATA / "alignment" / "seeds.json")


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("embedding-cache")


@pytest.fixture(scope="module")
def corpus(cache_dir):
    def refuse(*args, **kwargs):
        raise AssertionError("the tool tried to open a network connection")

    original = socket.socket.connect
    socket.socket.connect = refuse  # the model is packaged: nothing may reach a hub
    try:
        embedder = CachedEmbedder(SentenceTransformerEmbedder(), EmbeddingCache(cache_dir))
        result = run([GOLD.corpus], embedder)
    finally:
        socket.socket.connect = original
    # The packaged model encoded the statements, and the one-off run freed it afterwards.
    assert embedder.misses > 0 and embedder.model_seconds > 0 and not embedder.inner.loaded
    return result


@pytest.mark.parametrize("a, b", GOLD.required, ids=lambda ref: ref[1][:30] if isinstance(ref, tuple) else None)
def test_required_statements_are_grouped(corpus, a, b):
    sa, sb = find_statement(corpus, a), find_statement(corpus, b)
    assert grouped_together(corpus, sa, sb), f"{sa.id} and {sb.id} are not in one group"


def test_no_boilerplate_in_any_group(corpus):
    grouped = [corpus.statement(s).text for g in corpus.groups for s in g.statements]
    for line in GOLD.never_grouped:
        assert not any(line in text for text in grouped), line


def test_groups_span_documents_and_stay_small(corpus):
    assert corpus.groups
    for group in corpus.groups:
        docs = {corpus.statement(s).doc for s in group.statements}
        assert len(docs) >= 2
        assert len(group.statements) <= 6
        # Below the threshold only each other's best match that stands out by far (align.CLOSE_FLOOR).
        assert all(p.score >= min(corpus.settings.threshold, CLOSE_FLOOR) for p in group.pairs)


def test_cached_rerun_loads_no_model(corpus, cache_dir, tmp_path):
    out = tmp_path / "seeds.json"
    # main() ends the process itself (os._exit, skipping the interpreter's teardown): what it had imported is
    # printed on the way out.
    code = (
        "import os, sys; from compare.cli import main; sys.argv = ['compare-sources', 'report', sys.argv[1], "
        "'--cache-dir', sys.argv[2], '-o', sys.argv[3], '--no-progress']\n"
        "end = os._exit\n"
        "def noted(code):\n"
        "    print('torch' in sys.modules, 'sentence_transformers' in sys.modules, flush=True)\n"
        "    end(code)\n"
        "os._exit = noted\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(GOLD.corpus), str(cache_dir), str(out)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]
    data = json.loads(out.read_text())
    assert len(data["groups"]) == len(corpus.groups)
