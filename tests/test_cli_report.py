import json
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from compare.cli import app
from conftest import SEEDS

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, ["report", *map(str, args)])


def _two_articles(write):
    a = write("a.txt", "Four die in Banjska\n\nOne police officer and three attackers were killed in Banjska.\n")
    b = write("b.txt", "Clashes in Banjska\n\nOne police officer and three attackers were killed in Banjska on Sunday.\n")
    return a, b


def test_text_report_on_seeds(cli):
    result = cli.invoke("report", SEEDS)
    assert result.exit_code == 0, result.output
    assert "Documents" in result.stdout
    assert "5 documents," in result.stdout


def test_json_to_file_infers_format_and_reuses_the_cache(cli, tmp_path):
    out = tmp_path / "reports" / "seeds.json"
    assert cli.invoke("report", SEEDS, "-o", out).exit_code == 0
    data = json.loads(out.read_text())
    assert data["schema_version"] == 1 and len(data["documents"]) == 5
    encoded = cli.embedder.encoded
    assert encoded > 0
    assert cli.invoke("report", SEEDS, "--format", "json", "-o", out).exit_code == 0
    assert cli.embedder.encoded == encoded  # everything came from the cache
    assert [p.name for p in out.parent.iterdir()] == ["seeds.json"]  # no temporary files left


def test_markdown_format(cli, write):
    result = cli.invoke("report", *_two_articles(write), "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout.startswith("# compare-sources report")


def test_no_cache_encodes_every_time(cli, write):
    paths = _two_articles(write)
    cli.invoke("report", *paths, "--no-cache")
    first = cli.embedder.encoded
    cli.invoke("report", *paths, "--no-cache")
    assert cli.embedder.encoded == 2 * first


@pytest.mark.parametrize("setup, fragment", [
    (lambda w, t: [t / "missing.txt", SEEDS], "missing.txt: no such file or directory"),
    (lambda w, t: [w("empty.txt", ""), w("a.txt", "x")], "only one usable article"),
    (lambda w, t: [w("only.txt", "One article alone says something.")], "only one usable article"),
    (lambda w, t: [w("blob.txt", b"\x00\x01\x02binary")], "blob.txt: binary file"),
    (lambda w, t: [w("empty.txt", "")], "empty.txt: empty file"),
    (lambda w, t: [(t / "nothing").mkdir() or t / "nothing"], "no articles"),
])
def test_bad_input_is_one_line_and_exit_2(cli, write, tmp_path, setup, fragment):
    result = cli.invoke("report", *setup(write, tmp_path))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("compare-sources: error: ") and fragment in lines[-1]
    assert "Traceback" not in result.output


def test_bad_file_among_many_is_skipped_and_the_rest_processed(cli, write, tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    (folder / "broken.txt").write_bytes(b"\x00\x00binary")
    (folder / "empty.md").write_text("")
    out = tmp_path / "r.json"
    result = cli.invoke("report", folder, "-o", out)
    assert result.exit_code == 0
    assert "skipped" in result.stderr and "broken.txt: binary file" in result.stderr
    data = json.loads(out.read_text())
    assert len(data["documents"]) == 5
    assert sorted(s["reason"] for s in data["skipped"]) == ["binary file (contains NUL bytes)", "empty file"]


def test_unwritable_output_is_an_error_and_leaves_nothing(cli, write, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = cli.invoke("report", *_two_articles(write), "-o", blocker / "r.json")
    assert result.exit_code == 2 and "cannot write report" in result.stderr


def test_unknown_detector_and_bad_model_are_usage_errors(write, tmp_path):
    paths = _two_articles(write)
    result = invoke(*paths, "--model", tmp_path, "--cache-dir", tmp_path / "c")
    assert result.exit_code == 2 and "not a sentence-transformers model" in result.stderr


def test_unknown_detector(cli, write):
    result = cli.invoke("report", *_two_articles(write), "--disable", "nonsense")
    assert result.exit_code == 2 and "unknown detector" in result.stderr


def test_help_imports_nothing_heavy():
    code = ("import sys; from compare.cli import app; from typer.testing import CliRunner; "
            "CliRunner().invoke(app, ['report', '--help']); "
            "print(sorted(m for m in ('numpy', 'torch', 'sentence_transformers', 'trafilatura') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_python_dash_m(write):
    result = subprocess.run([sys.executable, "-m", "compare", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("compare-sources ")


def test_disabling_a_detector_removes_its_findings(cli, tmp_path):
    out = tmp_path / "r.json"
    cli.invoke("report", SEEDS, "-o", out)
    assert any(f["kind"] == "provenance" for f in json.loads(out.read_text())["findings"])
    cli.invoke("report", SEEDS, "--disable", "provenance", "-o", out)
    data = json.loads(out.read_text())
    assert data["findings"] and data["settings"]["disabled_detectors"] == ["provenance"]
    assert not any(f["kind"] == "provenance" for f in data["findings"])


def test_timings_name_every_stage(cli, tmp_path):
    result = cli.invoke("report", SEEDS, "-o", tmp_path / "r.json", "--timings")
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("compare-sources: timings: read ")
    for stage in ("documents", "facts", "embed", "align", "detect: discrepancy", "detect: untranslated"):
        assert f"{stage} " in line


@pytest.mark.parametrize("loaded", ["torch", "json"])
@pytest.mark.parametrize("args, code, stream, text", [
    (["--version"], 0, "stdout", "compare-sources "),
    (["report", "no-such-folder"], 2, "stderr", "no-such-folder"),
])
def test_the_process_ends_without_its_teardown_and_loses_nothing(args, code, stream, text, loaded):
    # main() ends the process with os._exit (the teardown takes 0.1-0.5 s after a run, a second more with torch
    # loaded): the exit code and everything printed must come out as they would otherwise.
    script = (f"import sys, {loaded}, atexit; atexit.register(lambda: print('teardown ran', file=sys.stderr)); "
              "from compare.cli import main; sys.argv = ['compare-sources', *sys.argv[1:]]; main()")
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True)
    assert result.returncode == code
    assert text in getattr(result, stream)
    assert "teardown ran" not in result.stderr  # interpreter exit skipped


def test_a_report_written_before_a_skipped_teardown_is_complete(tmp_path):
    out = tmp_path / "r.json"
    script = ("import sys, torch; from compare.cli import main; "
              "sys.argv = ['compare-sources', 'report', *sys.argv[1:]]; main()")
    result = subprocess.run([sys.executable, "-c", script, str(SEEDS), "-o", str(out), "--cache-dir",
                             str(tmp_path / "cache"), "--no-progress"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(out.read_text())["findings"]
    again = subprocess.run([sys.executable, "-m", "compare", "report", str(SEEDS), "-o", str(tmp_path / "again.json"),
                            "--cache-dir", str(tmp_path / "cache"), "--no-progress", "--timings"],
                           capture_output=True, text=True)
    assert "embed: model 0.00 s" in again.stderr  # the caches were committed before the process ended
    assert (tmp_path / "again.json").read_bytes() == out.read_bytes()


def test_odd_file_names_and_escape_sequences_never_reach_the_terminal(cli, tmp_path):
    """A name that is not UTF-8 (an archive from Windows), escape sequences and a newline in a name or a
    title: every format is written, names are shown escaped, and no escape character reaches stdout or stderr."""
    import os

    folder = tmp_path / "odd"
    folder.mkdir()
    body = "The council met on Monday to vote on the budget plan for the port.\n"
    (folder / "plain.txt").write_text("Budget vote\n\n" + body, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w", encoding="utf-8") as handle:
        handle.write("Council votes\n\n" + body)
    (folder / "\x1b[31mred\x1b[0m\nerror: forged.txt").write_text(
        "Title \x1b]0;pwned\x07here\n\n" + body, encoding="utf-8"
    )
    for fmt in ("text", "markdown", "html", "json"):
        out = tmp_path / f"report.{fmt}"
        result = cli.invoke("report", folder, "--format", fmt, "-o", out)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stderr and "\nerror: forged" not in result.stderr
    import json

    documents = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["documents"]
    assert any(d["path"].endswith("caf\\xe9.txt") and d["id"] == "caf\\xe9" for d in documents)
    result = cli.invoke("report", folder, "--format", "text")
    assert result.exit_code == 0 and "\x1b" not in result.stdout
    for fmt in ("text", "json", "sarif", "github"):
        result = cli.invoke("check", folder, "--format", fmt)
        assert result.exit_code in (0, 1), result.output
        assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
    assert cli.invoke("baseline", folder, "-o", tmp_path / "b.json").exit_code == 0


def test_output_writes_through_a_symlink_and_keeps_the_mode(cli, tmp_path):
    import os

    target = tmp_path / "reports" / "report.json"
    target.parent.mkdir()
    target.write_text("old")
    os.chmod(target, 0o600)
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    result = cli.invoke("report", SEEDS, "--format", "json", "-o", link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text().startswith("{")
    assert oct(target.stat().st_mode & 0o777) == oct(0o600)
    assert not list(target.parent.glob(".*.tmp"))


def test_a_write_killed_by_sigterm_leaves_no_temporary_file(tmp_path):
    import subprocess
    import sys

    script = (
        "import importlib, os, signal, sys\n"
        "from pathlib import Path\n"
        "app = importlib.import_module('compare.infra.writes')\n"
        "real = os.replace\n"
        "def replace(src, dst):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "app.os.replace = replace\n"
        "app.write_atomically(Path(sys.argv[1]), b'x' * 1000)\n"
    )
    out = tmp_path / "report.json"
    done = subprocess.run([sys.executable, "-c", script, str(out)], capture_output=True, timeout=60)
    assert done.returncode == -15, done.stderr  # killed by SIGTERM, as it would have been
    assert not out.exists() and not list(tmp_path.glob(".*.tmp"))


def test_a_bug_is_exit_101_with_one_line_and_a_log(tmp_path):
    """An internal error is neither 'new findings' (1) nor 'bad input' (2): exit 101, one line, a traceback file."""
    import subprocess
    import sys

    script = (
        "import importlib, sys\n"
        "app = importlib.import_module('compare.cli.app')\n"
        "pipeline = importlib.import_module('compare.pipeline')\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('a bug')\n"
        "pipeline.run = broken\n"
        "sys.argv = ['compare-sources', 'report', sys.argv[1], '--format', 'json']\n"
        "app.main()\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(SEEDS)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 101, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "internal error (RuntimeError: a bug)" in lines[0]
    log = lines[0].rsplit(" ", 1)[1]
    assert "RuntimeError: a bug" in open(log, encoding="utf-8").read()
