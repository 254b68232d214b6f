from pathlib import Path

import pytest

from compare.config import load, parse
from compare.errors import UsageError


def test_no_pyproject_means_defaults(tmp_path):
    settings = load(tmp_path)
    assert settings.paths == [] and settings.threshold is None and settings.fail_on is None


def test_settings_are_read_from_the_nearest_pyproject_and_paths_resolved_against_it(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.compare-sources]\npaths = ["corpus"]\nthreshold = 0.7\nfail-on = "error"\n'
        'baseline = "ci/baseline.json"\nignore = ["drafts"]\ndisable = ["provenance"]\n')
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    settings = load(tmp_path / "sub" / "deeper")
    assert settings.paths == [tmp_path / "corpus"] and settings.baseline == tmp_path / "ci" / "baseline.json"
    assert (settings.threshold, settings.fail_on, settings.ignore, settings.disable) == (
        0.7, "error", ["drafts"], ["provenance"])


def test_a_pyproject_without_the_section_gives_defaults(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert load(tmp_path).threshold is None


@pytest.mark.parametrize("table, fragment", [
    ({"treshold": 0.5}, "unknown key(s) in [tool.compare-sources]: treshold"),
    ({"threshold": 2}, "threshold must be a number from 0 to 1"),
    ({"threshold": True}, "threshold must be a number"),
    ({"fail-on": "fatal"}, "fail-on must be one of error, warning, info"),
    ({"ignore": "drafts"}, "ignore must be a list of strings"),
    ({"baseline": 3}, "baseline must be a path"),
])
def test_mistakes_name_the_file_and_the_key(table, fragment):
    with pytest.raises(UsageError, match=None) as caught:
        parse(table, Path("/p/pyproject.toml"))
    assert str(caught.value).startswith("/p/pyproject.toml: ") and fragment in str(caught.value)


def test_broken_toml_is_a_usage_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.compare-sources\n")
    with pytest.raises(UsageError, match="cannot read settings"):
        load(tmp_path)
