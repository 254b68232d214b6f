from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from compare.stages.embed import CachedEmbedder, HashingEmbedder

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


class CountingEmbedder(HashingEmbedder):
    """The deterministic embedder, counting how many texts it was asked to encode."""

    def __init__(self):
        super().__init__()
        self.calls = 0
        self.encoded = 0

    def encode(self, texts, progress=None):
        self.calls += 1
        self.encoded += len(texts)
        return super().encode(texts, progress)


class Cli:
    """The command line with deterministic services passed in (no model): a counting hashing embedder, and the
    embedding cache and the per-article memo in a temporary folder."""

    def __init__(self, cache: Path):
        from compare.cli import Services
        from compare.infra.cache import EmbeddingCache
        from compare.infra.memo import AnalysisMemo
        from compare.stages.embed.multilingual import MultilingualEmbedder

        self.embedder = CountingEmbedder()
        self.services = Services(
            make_embedder=lambda options: CachedEmbedder(self.embedder,
                                                         EmbeddingCache(cache) if options.use_cache else None),
            make_memo=lambda options: AnalysisMemo(cache) if options.use_cache else None,
            make_multilingual=lambda options: CachedEmbedder(MultilingualEmbedder(),
                                                             EmbeddingCache(cache) if options.use_cache else None))

    def run(self, args, **kwargs):
        from typer.testing import CliRunner

        from compare.cli import app

        return CliRunner().invoke(app, [str(a) for a in args], obj=self.services, **kwargs)

    def invoke(self, *args, **kwargs):
        return self.run(args, **kwargs)


@pytest.fixture
def cli(tmp_path) -> Cli:
    return Cli(tmp_path / "cache")


@pytest.fixture
def write(tmp_path):
    """write("name.txt", text or bytes) -> path under a temporary folder."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def git(repo: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": os.environ.get("PATH", ""), "HOME": str(repo)}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                          env=env).stdout


@pytest.fixture
def corpus_repo(tmp_path, monkeypatch) -> Path:
    """A git repository whose first commit holds the seeds under corpus/; the working folder is its root."""
    repo = tmp_path / "repo"
    shutil.copytree(SEEDS, repo / "corpus")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "seeds")
    monkeypatch.chdir(repo)
    return repo


#: Hostile article text and file names: each payload sets window.__pwned if it ever runs.
PAYLOADS = [
    "<script>window.__pwned = 'script'; alert(1)</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "<a href=\"javascript:window.__pwned = 'link'\">click here</a>",
    "\"><svg onload=\"window.__pwned = 'svg'\"><b x='",
    "' onmouseover='window.__pwned = \"attr\"' data-x='",
    "</textarea></title></style><script>window.__pwned = 'close'</script>",
]


@pytest.fixture
def payload_corpus(tmp_path) -> Path:
    """Two articles about one event with payloads in the body, the header and the file name."""
    folder = tmp_path / "payloads"
    folder.mkdir()
    body = "\n\n".join(f"Police said 93 soldiers were injured in Banjska, and the report quoted {p} as evidence."
                       for p in PAYLOADS)
    (folder / "001_plain.txt").write_text(
        "Source: Example <b>Outlet</b>\nURL: javascript:window.__pwned='url'\nDate: 2023-09-25\n\n"
        f"Clashes in Banjska {PAYLOADS[0]}\n\n{body}\n", encoding="utf-8")
    (folder / "002_x\"><img src=y onerror=window.__pwned='name'>.txt").write_text(
        "Source: Other\nURL: https://example.org/a?b=\"c\"\n\nClashes in Banjska\n\n"
        + body.replace("93", "41") + "\n", encoding="utf-8")
    return folder


def one_statement_documents(texts: list[tuple[str, str, str]]):
    """A corpus of one document per (text, date or "", language), a title line above each text and every
    statement given its document's language: what the facts stage reads, without segmenting languages apart."""
    from compare.model import Corpus, Document
    from compare.stages.segment import segment

    documents, statements = [], []
    for n, (text, date, language) in enumerate(texts):
        document = Document(id=f"d{n}", path=f"d{n}.txt", text="Title\n" + text, title="Title",
                            metadata={"date": date} if date else {}, language=language)
        for statement in segment(document):
            statement.language = language
            statements.append(statement)
        documents.append(document)
    return Corpus(documents=documents, statements=statements)

