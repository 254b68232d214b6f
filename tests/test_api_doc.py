"""docs/api.md: its Python blocks run, in order, as one session, and its table of finding records is complete."""

import re
import tempfile

from compare.detect import registry
from conftest import ROOT

GUIDE = ROOT / "docs" / "api.md"


def _blocks() -> list[str]:
    return re.findall(r"^```python\n(.*?)^```$", GUIDE.read_text(encoding="utf-8"), re.S | re.M)


def test_the_guide_s_examples_run(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the example's folder lands in tmp_path
    blocks = _blocks()
    assert len(blocks) >= 3 and any("run([folder]" in b for b in blocks), "docs/api.md lost its examples"
    session: dict = {"__name__": "api_doc"}
    for block in blocks:
        exec(compile(block, str(GUIDE), "exec"), session)
    assert "discrepancy/count error Sources disagree" in capsys.readouterr().out
    assert list(tmp_path.glob("*/report.json"))  # the last block wrote the report


def test_the_guide_names_every_detector_s_record():
    text = GUIDE.read_text(encoding="utf-8")
    for name, detector in registry().items():
        assert re.search(rf"^\| {name} \| `{detector.payload.__name__}`", text, re.M), name
