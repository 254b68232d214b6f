import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location("cli_docs", ROOT / "scripts" / "cli_docs.py")
cli_docs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cli_docs)


def test_every_command_is_documented():
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in cli_docs.commands():
        assert f"## compare-sources {name}" in text


def test_cli_reference_is_current():
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == cli_docs.render(), (
        "docs/cli.md is stale: run python scripts/cli_docs.py")


def test_readme_names_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make seeds" in readme and "make test" in readme


def test_retrieval_lists_are_current():
    spec = importlib.util.spec_from_file_location("retrieval_list", ROOT / "scripts" / "retrieval_list.py")
    retrieval = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(retrieval)
    for gold in retrieval.gold_files():
        assert gold.with_name("retrieval.tsv").read_text(encoding="utf-8") == retrieval.render(gold), (
            f"{gold.parent.name}/retrieval.tsv is stale: run python scripts/retrieval_list.py")


def test_corpus_article_writes_a_row_under_its_header(tmp_path, monkeypatch, capsys):
    spec = importlib.util.spec_from_file_location("corpus_article", ROOT / "scripts" / "corpus_article.py")
    article = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(article)
    row = next(iter((ROOT / "corpora" / "georgia-election-2024" / "retrieval.tsv").read_text().splitlines()[1:]))
    name, outlet, date, url, title = row.split("\t")[:5]
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO('" date 2024-10-26 First line\\nSecond \\u00eb"'))
    article.main(["georgia-election-2024", name, "--corpora", str(tmp_path)])
    written = (tmp_path / "georgia-election-2024" / name).read_text(encoding="utf-8")
    assert written.startswith(f"Title: {title}\nOutlet: {outlet}\nSource: {url}\n")
    assert (f"Date: {date}\n" in written) == bool(date)
    assert written.endswith("\n\n date 2024-10-26 First line\nSecond ë\n")  # verbatim, its leading space too
