"""Project settings from ``[tool.compare-sources]`` in pyproject.toml.

Found like ruff finds its own: the nearest pyproject.toml at or above the
working folder. Every setting has a flag of the same name that overrides it, so
a CI job and a person at a terminal get the same answer from the same repo::

    [tool.compare-sources]
    paths = ["corpus"]                  # what check and baseline read when no PATH is given
    threshold = 0.63
    fail-on = "warning"                 # error | warning | info
    baseline = ".compare-baseline.json"
    review = ".compare-review.json"     # fact-checkers' decisions (compare-sources review); may be the baseline
    exclude = ["drafts", "*.html"]      # files left out, matched from the right like pathlib: a folder or file pattern
    disable = ["provenance"]            # detectors switched off
    select = ["CS1", "CS3"]             # rules reported, by code or code prefix (compare/ci/rules.py); default ALL
    ignore = ["CS305"]                  # rules not reported
    per-file-ignores = {"wire" = ["CS3"]}  # rules not reported on the files a pattern matches

Paths in the file are relative to the folder that holds it.

``ignore`` used to hold file patterns, as ``exclude`` does now. A value of the
form of a rule code (``CS`` and digits, or ``ALL``) is a rule; any other value is
still taken as a file pattern, with a deprecation warning (:attr:`Settings.warnings`).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .ci.rules import check_selectors, is_selector
from .errors import UsageError
from .model import SEVERITIES

SECTION = "compare-sources"


@dataclass
class Settings:
    paths: list[Path] = field(default_factory=list)
    threshold: float | None = None
    fail_on: str | None = None
    baseline: Path | None = None
    review: Path | None = None  #: the review file (compare/report/review.py)
    exclude: list[str] = field(default_factory=list)  #: file patterns left out of the corpus
    disable: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)  #: rule selectors; empty: every rule
    ignore: list[str] = field(default_factory=list)  #: rule selectors not reported
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)  #: file pattern → rule selectors
    source: Path | None = None  #: the pyproject.toml they came from, if any
    warnings: list[str] = field(default_factory=list)  #: deprecated spellings met, one line each


def find_pyproject(start: Path) -> Path | None:
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load(start: Path | None = None) -> Settings:
    """The settings of the nearest pyproject.toml; defaults where there is none or it has no section."""
    path = find_pyproject(start or Path.cwd())
    if path is None:
        return Settings()
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"{path}: cannot read settings ({error})") from None
    tool = document.get("tool", {})
    table = tool.get(SECTION) if isinstance(tool, dict) else None
    if table is None:
        return Settings(source=path)
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [tool] {SECTION} must be a table ([tool.{SECTION}]), not {type(table).__name__}")
    return parse(table, path)


def parse(table: dict, path: Path) -> Settings:
    """Validate one ``[tool.compare-sources]`` table; every mistake names the file and the key."""
    known = {
        "paths",
        "threshold",
        "fail-on",
        "baseline",
        "review",
        "exclude",
        "ignore",
        "disable",
        "select",
        "per-file-ignores",
    }
    unknown = sorted(set(table) - known)
    if unknown:
        raise UsageError(
            f"{path}: unknown key(s) in [tool.{SECTION}]: {', '.join(unknown)} (known: {', '.join(sorted(known))})"
        )
    here = path.parent

    def strings(key: str) -> list[str]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise UsageError(f"{path}: [tool.{SECTION}] {key} must be a list of strings")
        return value

    threshold = table.get("threshold")
    if threshold is not None and (
        isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 1
    ):
        raise UsageError(f"{path}: [tool.{SECTION}] threshold must be a number from 0 to 1")
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise UsageError(f"{path}: [tool.{SECTION}] fail-on must be one of {', '.join(SEVERITIES)}")
    baseline, review = table.get("baseline"), table.get("review")
    for key, value in (("baseline", baseline), ("review", review)):
        if value is not None and not isinstance(value, str):
            raise UsageError(f"{path}: [tool.{SECTION}] {key} must be a path")
    where = f"{path}: [tool.{SECTION}]"
    rules, patterns = split_ignore(strings("ignore"))
    warnings = []
    if patterns:
        warnings.append(
            f"{path}: [tool.{SECTION}] ignore holds file patterns ({', '.join(patterns)}): "
            "that key now names rules; write them under 'exclude'"
        )
    return Settings(
        paths=[here / p for p in strings("paths")],
        threshold=None if threshold is None else float(threshold),
        fail_on=fail_on,
        baseline=None if baseline is None else here / baseline,
        review=None if review is None else here / review,
        exclude=_patterns(strings("exclude") + patterns, f"{where} exclude"),
        disable=strings("disable"),
        select=list(check_selectors(strings("select"), f"{where} select")),
        ignore=list(check_selectors(rules, f"{where} ignore")),
        per_file_ignores=_per_file_ignores(table.get("per-file-ignores", {}), where),
        source=path,
        warnings=warnings,
    )


def split_ignore(values: list[str]) -> tuple[list[str], list[str]]:
    """(rule selectors, file patterns) of an ``ignore`` list, told apart by form alone (see the module's doc)."""
    return [v for v in values if is_selector(v)], [v for v in values if not is_selector(v)]


def _patterns(patterns: list[str], where: str) -> list[str]:
    # pathlib refuses an empty pattern with a ValueError, deep in the file search: say so here instead.
    if any(not p.strip() for p in patterns):
        raise UsageError(f"{where}: an empty pattern matches nothing; remove it")
    return patterns


def _per_file_ignores(value: object, where: str) -> dict[str, list[str]]:
    if not isinstance(value, dict) or not all(
        isinstance(codes, list) and all(isinstance(c, str) for c in codes) for codes in value.values()
    ):
        raise UsageError(f"{where} per-file-ignores must be a table of file pattern = [rule codes]")
    _patterns(list(value), f"{where} per-file-ignores")
    return {
        pattern: list(check_selectors(codes, f"{where} per-file-ignores {pattern!r}"))
        for pattern, codes in value.items()
    }
