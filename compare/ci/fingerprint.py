"""Stable fingerprints of findings: what baselines store and SARIF deduplicates by.

A fingerprint hashes the finding's rule and its :class:`~compare.model.Identity`
(declared by its detector), with document ids replaced by the files' paths
relative to the project root. Offsets, ids, messages, counts and run order are
left out on purpose: they change when an unrelated paragraph is edited or an
article is added, and the problem does not.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

from ..detect import identity
from ..model import Corpus, Finding
from ..stages.fetch import is_url

#: The key under which SARIF results carry the fingerprint (versioned, as GitHub advises).
SARIF_KEY = "compareSourcesFinding/v1"


def project_root(start: Path | None = None) -> Path:
    """The git work tree holding ``start`` (default: the working folder), else that folder itself."""
    start = (start or Path.cwd()).resolve()
    try:
        result = subprocess.run(
            ["git", "-C", str(start), "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return start
    return Path(result.stdout.strip()) if result.returncode == 0 and result.stdout.strip() else start


def path_key(path: str | Path, root: Path) -> str:
    """A file's path relative to ``root``, with ``/``: the same on every machine and clone. A page fetched from
    a URL is known by the URL, which is that already."""
    if is_url(path):
        return str(path)
    return Path(os.path.relpath(Path(path).resolve(), root)).as_posix()


def fingerprint(finding: Finding, corpus: Corpus, root: Path) -> str:
    found = identity(finding)
    material = {
        "rule": finding.rule,
        "topic": found.topic,
        "values": list(found.values),
        "documents": sorted(path_key(corpus.document(d).path, root) for d in found.documents),
    }
    digest = hashlib.sha256(json.dumps(material, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:32]


def involved_paths(finding: Finding, corpus: Corpus, root: Path) -> list[str]:
    """Every file the finding points into, by its evidence or its statements."""
    docs = {e.doc for e in finding.evidence} | {corpus.statement(s).doc for s in finding.statements}
    return sorted(path_key(corpus.document(d).path, root) for d in docs)
