"""Which findings a run reports: ``--select``, ``--ignore`` and ``per-file-ignores``, by rule code.

A per-file ignore applies where the file a finding is *reported on* matches
(:mod:`.primary`: the article that brought the problem in), the way ruff's applies
to the file a diagnostic is in: an artefact of a wire copy under ``wire/`` is
ignored with ``"wire" = ["CS3"]`` even though it cites the spelling of articles
elsewhere. Patterns are matched from the right, as ``exclude`` matches: ``wire``
is any folder of that name, ``*.html`` any HTML file, ``corpus/2022-*`` those
folders under corpus/; relative to the pyproject.toml's folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..model import Corpus, Finding
from ..options import RunOptions
from ..stages.ingest import ignored
from .primary import documents
from .rules import code_of, matched, selected


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    base: Path | None = None  #: the folder per-file patterns are relative to
    enabled: tuple[str, ...] | None = None  #: the detectors that run (None: all)

    @classmethod
    def of(cls, options: RunOptions) -> Selection:
        return cls(options.select, options.ignore, options.per_file_ignores, options.base, options.enabled)

    def examines(self, rule: str) -> bool:
        """Whether this run looks for findings of ``rule`` at all: its detector runs and its code is selected.
        (Per-file ignores leave a rule examined elsewhere.)"""
        from ..detect import registry

        detector = next((d.name for d in registry().values() if rule in d.rules), None)
        running = self.enabled is None or detector is None or detector in self.enabled
        return running and selected(code_of(rule), self.select, self.ignore)

    def _ignored_in(self, code: str, path: str) -> bool:
        if not self.per_file_ignores:
            return False
        file = Path(path).resolve()
        base = (self.base or Path.cwd()).resolve()
        # Relative where the file is under the pyproject's folder, so that "corpus/wire" matches there.
        relative = PurePosixPath(Path(os.path.relpath(file, base)).as_posix() if file.is_relative_to(base) else file)
        return any(
            matched(code, codes) >= 0 and ignored(Path(relative), (pattern,))
            for pattern, codes in self.per_file_ignores
        )

    def allows(self, finding: Finding, corpus: Corpus, changed_docs: set[str] | None = None) -> bool:
        """Whether ``finding`` is reported: its code is selected and not ignored for the file it is reported on
        (``changed_docs``: the ids of documents changed since ``--since``, which decide that file)."""
        code = code_of(finding.rule)
        if not selected(code, self.select, self.ignore):
            return False
        if not self.per_file_ignores:
            return True
        primary = documents(finding, corpus, changed_docs)
        return not (primary and self._ignored_in(code, corpus.document(primary[0]).path))

    def apply(self, corpus: Corpus) -> Corpus:
        """The corpus with only the findings reported (``report``, ``baseline``); the same object, changed."""
        corpus.findings = [f for f in corpus.findings if self.allows(f, corpus)]
        return corpus

    def settings(self) -> dict:
        """What a baseline records of the selection: a check with another one sees other findings."""
        return {
            "select": sorted(self.select) or ["ALL"],
            "ignore": sorted(self.ignore),
            "per_file_ignores": {pattern: sorted(codes) for pattern, codes in sorted(self.per_file_ignores)},
        }
