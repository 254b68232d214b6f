"""The built wheel: what it ships, and that it runs installed on its own, away from the source checkout.

The fresh venv gets only the wheel; its dependencies (torch, sentence-transformers …) come from this
environment's site-packages through a .pth file, appended after the venv's own, because installing them anew
would take minutes. Paths in a .pth file are added without running the .pth files inside them, so the editable
install of the checkout stays out, and the test checks that ``compare`` is imported from the venv.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

import compare
from compare.schemas import NAMES
from conftest import ROOT

pytestmark = pytest.mark.wheel

#: The contradicting pair of the API guide: one discrepancy/count finding.
ARTICLES = {
    "wire.txt": "Source: Wire\nDate: 2023-09-25\n\nClashes in Banjska\n\n"
    "Police said 93 soldiers were injured in Banjska on Sunday.\n",
    "daily.txt": "Source: Daily\nDate: 2023-09-25\n\nClashes in Banjska\n\n"
    "Police said 41 soldiers were injured in Banjska on Sunday.\n",
}


def _run(*args: str | Path, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    # No PYTHONPATH: it would put the checkout ahead of the installed package.
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    clean.update(HF_HUB_OFFLINE="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1", **env)
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=clean, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the sources: a build writes build/ and *.egg-info beside them."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "compare", source / "compare", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp_path_factory.mktemp("dist")
    # This environment's setuptools (the test extra asks for >=77), offline, instead of an isolated build env.
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
         source, "-w", dist, cwd=source)
    (built,) = dist.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed in it, and this environment's packages behind it."""
    home = tmp_path_factory.mktemp("venv")
    _run(sys.executable, "-m", "venv", "--without-pip", home, cwd=home)
    python = home / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel,
         cwd=home)
    own = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=home).stdout.strip()
    outer = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    Path(own, "_dependencies.pth").write_text("".join(f"{path}\n" for path in outer), encoding="utf-8")
    return home


def test_the_wheel_ships_the_data_license_types_and_schemas(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    info = f"compare_sources-{compare.__version__}.dist-info"
    assert f"{info}/licenses/LICENSE" in names
    assert {"compare/py.typed", *(f"compare/schemas/{name}.json" for name in NAMES)} <= names
    # Every file of the package that git tracks is in the wheel: data a module reads is never left behind.
    tracked = subprocess.run(["git", "-C", str(ROOT), "ls-files", "compare"], capture_output=True, text=True,
                             check=True).stdout.split()
    assert tracked and set(tracked) <= names, sorted(set(tracked) - names)
    metadata = Parser().parsestr(zipfile.ZipFile(wheel).read(f"{info}/METADATA").decode("utf-8"))
    assert metadata["Name"] == "compare-sources" and metadata["Version"] == compare.__version__
    assert metadata["License-Expression"] == "MIT" and metadata["License-File"] == "LICENSE"


def test_the_installed_wheel_runs_a_report(venv, tmp_path):
    python, script = venv / "bin" / "python", venv / "bin" / "compare-sources"
    where = _run(python, "-c", "import compare, importlib.metadata as m; print(compare.__file__); "
                 "print(m.version('compare-sources'))", cwd=tmp_path).stdout.split()
    assert Path(where[0]).is_relative_to(venv), where  # the wheel's copy, not the checkout
    assert where[1] == compare.__version__

    assert _run(script, "--version", cwd=tmp_path).stdout == f"compare-sources {compare.__version__}\n"
    assert "Usage: compare-sources" in _run(script, "--help", cwd=tmp_path).stdout

    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    _run(script, "report", "articles", "--format", "json", "-o", "report.json", "--no-cache", "--no-progress",
         cwd=tmp_path)
    # Validated in the venv, against the schema as the installed package reads it.
    _run(python, "-c", "import json, sys, jsonschema; from compare.schemas import load; "
         "jsonschema.validate(json.load(open(sys.argv[1])), load('report-v1'))", "report.json", cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [f["kind"] + "/" + f["subkind"] for f in report["findings"]] == ["discrepancy/count"]
    assert report["tool"]["version"] == compare.__version__
