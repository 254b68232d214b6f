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
        'baseline = "ci/baseline.json"\nexclude = ["drafts"]\ndisable = ["provenance"]\n'
        'select = ["CS1", "CS3"]\nignore = ["CS104"]\n[tool.compare-sources.per-file-ignores]\n"wire" = ["CS305"]\n')
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    settings = load(tmp_path / "sub" / "deeper")
    assert settings.paths == [tmp_path / "corpus"] and settings.baseline == tmp_path / "ci" / "baseline.json"
    assert (settings.threshold, settings.fail_on, settings.exclude, settings.disable) == (
        0.7, "error", ["drafts"], ["provenance"])
    assert (settings.select, settings.ignore, settings.per_file_ignores) == (["CS1", "CS3"], ["CS104"],
                                                                             {"wire": ["CS305"]})
    assert settings.warnings == []


def test_the_old_ignore_key_still_excludes_file_patterns_with_a_warning(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.compare-sources]\nignore = ["drafts", "CS3", "*.html"]\n')
    settings = load(tmp_path)
    assert settings.exclude == ["drafts", "*.html"] and settings.ignore == ["CS3"]
    (warning,) = settings.warnings
    assert "ignore holds file patterns (drafts, *.html)" in warning and "'exclude'" in warning


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
    ({"exclude": "drafts"}, "exclude must be a list of strings"),
    ({"exclude": [""]}, "exclude: an empty pattern"),
    ({"select": ["E501"]}, "select: 'E501' is not a rule code"),
    ({"select": ["CS9"]}, "select: CS9 selects no rule"),
    ({"ignore": ["CS999"]}, "ignore: CS999 selects no rule"),
    ({"per-file-ignores": ["wire"]}, "per-file-ignores must be a table"),
    ({"per-file-ignores": {"wire": "CS3"}}, "per-file-ignores must be a table"),
    ({"per-file-ignores": {"wire": ["CS9"]}}, "per-file-ignores 'wire': CS9 selects no rule"),
    ({"per-file-ignores": {"": ["CS3"]}}, "per-file-ignores: an empty pattern"),
])
def test_mistakes_name_the_file_and_the_key(table, fragment):
    with pytest.raises(UsageError, match=None) as caught:
        parse(table, Path("/p/pyproject.toml"))
    assert str(caught.value).startswith("/p/pyproject.toml: ") and fragment in str(caught.value)


def test_broken_toml_is_a_usage_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.compare-sources\n")
    with pytest.raises(UsageError, match="cannot read settings"):
        load(tmp_path)
