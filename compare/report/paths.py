"""File paths as a shared report shows them: never absolute.

A report is sent to colleagues and archived; ``/home/alice/cases/leak-2024/…``
tells them who made it and where, and nothing about the articles. A relative
path stays as it was given; absolute ones are shown from their common folder
(its name kept, as it usually names the story).
"""

from __future__ import annotations

import ntpath
import posixpath


def _is_absolute(path: str) -> bool:
    return posixpath.isabs(path) or ntpath.isabs(path)


def shown_paths(paths: list[str]) -> dict[str, str]:
    """Each of ``paths`` → how a report shows it: relative ones unchanged, absolute ones from their common folder."""
    absolute = [p for p in paths if _is_absolute(p)]
    out = {p: p for p in paths}
    if not absolute:
        return out
    windows = any(not posixpath.isabs(p) and ntpath.isabs(p) for p in absolute)
    module = ntpath if windows else posixpath
    try:
        common = module.commonpath([module.dirname(p) for p in absolute])
    except ValueError:  # Windows paths on different drives share no folder
        common = ""
    base = module.dirname(common) if common else ""
    for p in absolute:
        out[p] = module.relpath(p, base) if base else module.basename(p)
    return out
