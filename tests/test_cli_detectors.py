from typer.testing import CliRunner

from compare.cli import app
from compare.detect import registry


def test_lists_every_registered_detector():
    result = CliRunner().invoke(app, ["detectors"])
    assert result.exit_code == 0
    for name, detector in registry().items():
        assert f"{name}: {detector.description}" in result.stdout
