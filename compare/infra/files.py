"""Reading the JSON files a user hands the tool: baselines, gold labels, saved reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import InputError

MAX_JSON_BYTES = 200_000_000  # a baseline of a 10,000-article corpus is a few MB


def read_json(path: Path, what: str, missing: str | None = None) -> Any:
    """The file's JSON (a UTF-8 byte-order mark allowed: editors on Windows write one); a missing,
    unreadable or malformed file is an :class:`InputError` naming it and saying why in one line."""
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            raise InputError(str(path), f"too large for a {what} ({path.stat().st_size // 1_000_000} MB)")
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(str(path), missing or f"no such {what} file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read {what} ({getattr(error, 'strerror', None) or error})") from None
    except json.JSONDecodeError as error:
        raise InputError(str(path), f"not a {what}: invalid JSON at line {error.lineno}") from None
    except (RecursionError, ValueError):
        # Nesting deeper than Python's recursion allows, or an integer of thousands of digits: no file the tool
        # wrote, and nothing worth reading.
        raise InputError(str(path), f"not a {what}: nested too deep or a number too long") from None
