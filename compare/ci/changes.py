"""Which files were added or changed since a git revision (``check --since REF``)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import UsageError


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=120)
    except FileNotFoundError:
        raise UsageError("--since needs git, and git is not installed") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"git {' '.join(args)} did not answer within 120 s") from None
    if result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or ["git failed"])[-1]
        raise UsageError(f"git {' '.join(args)}: {reason}")
    return result.stdout


def changed_since(ref: str, root: Path) -> set[str]:
    """Paths (relative to ``root``, with ``/``) added or modified since ``ref``.

    Committed, staged and unstaged changes all count, and so do untracked files
    that are not ignored: in CI the new article is committed, at a terminal it
    may not be yet. Renames count as additions.
    """
    try:
        _git(root, "rev-parse", "--git-dir")
    except UsageError:
        raise UsageError(f"--since needs a git repository, and {root} is not in one") from None
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except UsageError:
        raise UsageError(f"--since {ref}: no such commit in {root}") from None
    # -z: names as they are; without it git quotes every path with a non-ASCII letter ("Zve\304\215an").
    changed = _git(root, "diff", "--name-only", "-z", "--no-renames", "--diff-filter=ACMRT", ref, "--")
    untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard")
    return {name for name in (changed + "\0" + untracked).split("\0") if name}
