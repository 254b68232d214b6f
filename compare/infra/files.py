"""Reading the JSON files a user hands the tool: baselines, gold labels, saved reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import InputError


def read_json(path: Path, what: str, missing: str | None = None) -> Any:
    """The file's JSON (a UTF-8 byte-order mark allowed: editors on Windows write one); a missing,
    unreadable or malformed file is an :class:`InputError` naming it and saying why in one line."""
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(str(path), missing or f"no such {what} file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read {what} ({getattr(error, 'strerror', None) or error})") from None
    except json.JSONDecodeError as error:
        raise InputError(str(path), f"not a {what}: invalid JSON at line {error.lineno}") from None
