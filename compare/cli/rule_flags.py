"""The flags that choose files and rules: ``--exclude``, ``--select`` and ``--ignore``.

``--ignore`` used to take file patterns; it now takes rule codes, as ruff's does,
and ``--exclude`` takes the patterns. Which one a value is is decided by its form
alone (:func:`compare.ci.rules.is_selector`): ``CS`` and up to three digits, or
``ALL``, is a rule selector, and anything else is a file pattern, still honoured
with a deprecation warning. Nothing is looked up on disk, so the same command
line means the same thing in every checkout; a folder really named ``CS1`` is
left out with ``--exclude CS1``.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

Exclude = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        metavar="PATTERN",
        show_default=False,
        help="Leave out files or folders matching this pattern, matched from the right: 'drafts', '*.html' (repeatable) [default: 'exclude' in [tool.compare-sources]].",
    ),
]
Select = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        metavar="CODE",
        show_default=False,
        help="Report only these rules: a code (CS104), a prefix (CS1) or ALL (repeatable); see 'compare-sources rules'.",
    ),
]
Ignore = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        metavar="CODE",
        show_default=False,
        help="Do not report these rules: a code or a prefix (repeatable); the more specific of --select and --ignore wins. "
        "A value that is not a rule code is taken as an --exclude pattern (deprecated).",
    ),
]


def sort_flags(flags: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The flags with ``--ignore``'s file patterns moved to ``exclude``, and a warning line for them, if any.

    The file patterns given on the command line (``--exclude`` and old-style ``--ignore``) together replace the
    ``exclude`` setting, as every list flag replaces its setting."""
    from ..config import split_ignore

    if flags.get("ignore") is None:
        return flags, []
    rules, patterns = split_ignore(flags["ignore"])
    if not patterns:
        return flags, []
    exclude = [*(flags.get("exclude") or []), *patterns]
    warning = (
        f"--ignore {' '.join(patterns)}: --ignore now takes rule codes; "
        f"use --exclude {' --exclude '.join(patterns)} to leave out files"
    )
    return {**flags, "ignore": rules or None, "exclude": exclude}, [warning]
