"""The JSON Schemas of the machine outputs, shipped inside the package so that an installed copy can check them.

``report-v1`` is the report's JSON contract (docs/json-contract.md), ``check-v1`` what ``check --format json``
writes (docs/ci.md). Both are JSON Schema 2020-12. These files are the only copies: the docs link to them.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

NAMES = ("report-v1", "check-v1")


def load(name: str) -> dict[str, Any]:
    """The schema ``name`` (one of :data:`NAMES`), read from the installed package."""
    if name not in NAMES:
        raise ValueError(f"no schema {name!r}; there are {', '.join(NAMES)}")
    schema: dict[str, Any] = json.loads((files(__name__) / f"{name}.json").read_text(encoding="utf-8"))
    return schema
