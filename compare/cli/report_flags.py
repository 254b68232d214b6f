"""The flags of ``report`` that choose and lay out the findings: ``--severity``, ``--kind``, ``--document``,
``--sort``, ``--limit`` and ``--documents``.

The three filters narrow the findings in every format, as ``--select`` does
(:mod:`compare.report.filters`); sorting, the limit and the documents table lay
out the terminal and Markdown reports (:mod:`compare.report.layout`), and are a
usage error with a format that always holds every finding (JSON, HTML).
"""

from __future__ import annotations

from typing import Annotated

import typer

from ..report.layout import Sort

SeverityFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--severity",
        metavar="SEVERITY",
        show_default=False,
        help="Show findings of this severity and above (error, warning, info); several (comma-separated or "
        "repeated) show exactly those.",
    ),
]
KindFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        metavar="KIND",
        show_default=False,
        help="Show only findings of this kind (discrepancy), kind/subkind (discrepancy/date) or rule code or "
        "prefix (CS102, CS1) (repeatable). It narrows what --select and the settings report, never widens it.",
    ),
]
DocumentFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--document",
        metavar="DOC",
        show_default=False,
        help="Show only findings involving this document: its id, the id's number prefix, its path or file "
        "name, or its outlet (repeatable).",
    ),
]
SortOrder = Annotated[
    Sort | None,
    typer.Option(
        "--sort",
        show_default=False,
        help="Order of the findings in text and Markdown: by severity (then position), by the number of sources "
        "they rest on, or by the first document they involve [default: severity].",
    ),
]
Limit = Annotated[
    int | None,
    typer.Option("--limit", min=1, show_default=False, help="Show the first N findings (text and Markdown)."),
]
ListDocuments = Annotated[
    bool | None,
    typer.Option(
        "--documents/--no-documents",
        show_default=False,
        help="List the documents at the end of the terminal report [default: up to 20 documents]; "
        "Markdown always lists them.",
    ),
]
