"""Command line: ``compare-sources`` (also ``python -m compare``).

Start-up is kept light so ``--help`` answers at once: numpy, torch,
sentence-transformers and trafilatura are imported inside the commands, and the
model is loaded only when a statement is not in the embedding cache.

Exit codes follow ruff and SQLFluff: 0 done, 1 new findings (``check``), 2 usage
or input error (one line on stderr naming the file and the reason, never a
traceback).

:mod:`.app` holds the application, the options every pipeline command shares and
the :class:`~.app.Services` a command is given (tests pass deterministic ones in);
each other module adds its commands: :mod:`.report`, :mod:`.ci` (check, baseline),
:mod:`.review`, :mod:`.audit`, :mod:`.measure` (eval, score), :mod:`.detectors`, :mod:`.rules`.
"""

from __future__ import annotations

import importlib

from .app import Services, app, main

#: The modules that add commands, in the order ``--help`` lists them.
COMMAND_MODULES = ("report", "review", "ci", "audit", "measure", "detectors", "rules")
for _module in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_module}")

__all__ = ["Services", "app", "main"]
