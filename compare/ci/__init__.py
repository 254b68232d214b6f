"""The CI check beside the pipeline: fingerprints, baselines, ``--since``, and the check's output formats."""

from __future__ import annotations

from typing import Literal

CheckFormat = Literal["text", "json", "json-lines", "sarif", "github", "gitlab", "junit"]
CHECK_FORMATS: tuple[CheckFormat, ...] = ("text", "json", "json-lines", "sarif", "github", "gitlab", "junit")
