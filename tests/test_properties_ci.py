"""Property-based: the CI commands on random corpora, random baseline files and random settings.

Whatever the input, ``baseline`` and ``check`` end with 0, 1 or 2 and never with an uncaught exception or the
internal-error code; a usage or input error is one line; a corpus checked against its own baseline has nothing
new, in every output format. Bounded like tests/test_properties.py (same profiles, docs/quality.md).
"""

import json
import os
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import test_properties  # noqa: F401  (registers and loads the hypothesis profiles)
from compare.ci import CHECK_FORMATS
from conftest import Cli

_SENTENCES = st.sampled_from(
    [
        "The council said 12 people were killed in the flood on Monday.",
        "Officials said 15 people were killed in the flood on Monday.",
        "The mayor of Zvečan, Ilir Peci, spoke to the press in Pristina.",
        "The mayor of Zvecan, Iljir Peci, spoke to reporters.",
        "About 1,000 troops were sent to the border.",
        "Around 1,200 troops were sent to the border on 31 September 2023.",
        "The WSO and the ZSO met today.",
        "Вучић је рекао да ће се састати.",
        "\x1b[31m red text \u200b and a \ufeff mark",
    ]
)
_ARTICLE = st.lists(_SENTENCES, min_size=1, max_size=6).map(" ".join)

#: JSON values of any shape, some deep and some huge, for the baseline's fields.
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_BASELINE = st.one_of(
    st.binary(max_size=64),
    _JSON.map(lambda v: json.dumps(v).encode()),
    st.builds(
        lambda version, findings, settings: json.dumps(
            {"version": version, "tool": "compare-sources", "settings": settings, "findings": findings}
        ).encode(),
        st.sampled_from([1, 2, "1", None]),
        st.lists(st.one_of(_JSON, st.fixed_dictionaries({"fingerprint": st.text(max_size=16)})), max_size=4),
        _JSON,
    ),
    st.just(b"\xef\xbb\xbf" + json.dumps({"version": 1, "tool": "compare-sources", "findings": []}).encode()),
    st.just(("[" * 100_000 + "]" * 100_000).encode()),
    st.just(b'{"version": 1, "tool": "compare-sources", "findings": [], "n": ' + b"9" * 5000 + b"}"),
)
_SETTING = st.sampled_from(
    ["paths", "threshold", "fail-on", "baseline", "ignore", "exclude", "select", "per-file-ignores", "disable", "unknown"]
)
_PYPROJECT = st.lists(
    st.tuples(_SETTING, _JSON.map(json.dumps)), max_size=3
).map(lambda pairs: "[tool.compare-sources]\n" + "".join(f"{key} = {value}\n" for key, value in pairs))


def _corpus(folder: Path, articles: list[str]) -> None:
    (folder / "corpus").mkdir()
    for n, text in enumerate(articles):
        (folder / "corpus" / f"{n}.txt").write_text(f"Outlet: Outlet {n}\n\n{text}\n", encoding="utf-8")


def _ended_cleanly(result) -> None:
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code == 2:
        errors = [line for line in result.output.splitlines() if line.startswith(("error:", "Error"))]
        assert len(errors) <= 1, result.output


@given(st.lists(_ARTICLE, min_size=2, max_size=4))
def test_a_corpus_checked_against_its_own_baseline_has_nothing_new_in_any_format(articles):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        _corpus(folder, articles)
        cli = Cli(folder / "cache")
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            made = cli.invoke("baseline", "corpus", "-o", "base.json", "--no-progress")
            _ended_cleanly(made)
            assert made.exit_code == 0, made.output
            for fmt in CHECK_FORMATS:
                result = cli.invoke("check", "corpus", "-b", "base.json", "-f", fmt, "--fail-on", "info")
                _ended_cleanly(result)
                assert result.exit_code == 0, (fmt, result.output)
            updated = cli.invoke("baseline", "corpus", "-o", "base.json", "--update", "--no-progress")
            assert updated.exit_code == 0, updated.output
        finally:
            os.chdir(cwd)


@given(_BASELINE, st.sampled_from(CHECK_FORMATS))
def test_any_baseline_file_is_read_or_refused_in_one_line(content, fmt):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        _corpus(folder, ["The council said 12 people were killed.", "Officials said 15 people were killed."])
        (folder / "base.json").write_bytes(content)
        cli = Cli(folder / "cache")
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            _ended_cleanly(cli.invoke("check", "corpus", "-b", "base.json", "-f", fmt, "--no-progress"))
            _ended_cleanly(cli.invoke("baseline", "corpus", "-o", "base.json", "--update", "--no-progress"))
        finally:
            os.chdir(cwd)


@given(_PYPROJECT)
def test_any_settings_table_is_used_or_refused_in_one_line(table):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        _corpus(folder, ["The council said 12 people were killed.", "Officials said 15 people were killed."])
        (folder / "pyproject.toml").write_text(table, encoding="utf-8")
        cli = Cli(folder / "cache")
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            _ended_cleanly(cli.invoke("check", "corpus", "--no-progress"))
            _ended_cleanly(cli.invoke("check", "--no-progress"))
        finally:
            os.chdir(cwd)
