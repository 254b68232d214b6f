"""How one run is made, decided once: from ``[tool.compare-sources]`` and the command's flags (flags win).

Every command that runs the pipeline builds one :class:`RunOptions`; the pipeline
reads what it compares with (threshold, margin, disabled detectors, excluded
paths), the CI outputs which rules they report (``select``, ``ignore``,
``per_file_ignores``: :mod:`compare.ci.selection`), and the command builds its
embedder and memo from the rest. Detector names
are checked here, once, before any work: a typo should not cost an embedding run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .model import RunSettings
from .stages.align import DEFAULT_MARGIN, DEFAULT_THRESHOLD

if TYPE_CHECKING:
    from .config import Settings


@dataclass(frozen=True)
class RunOptions:
    paths: tuple[Path | str, ...] = ()  #: files and folders, and http(s) URLs as given (str)
    threshold: float = DEFAULT_THRESHOLD  #: cosine similarity at which statements are grouped
    margin: float = DEFAULT_MARGIN  #: how far a pair must stand out from its statements' usual neighbours
    disabled: tuple[str, ...] = ()  #: detectors switched off, sorted; every name a registered detector
    exclude: tuple[str, ...] = ()  #: path patterns left out of the corpus
    select: tuple[str, ...] = ()  #: rule selectors reported (compare/ci/rules.py); empty: every rule
    ignore: tuple[str, ...] = ()  #: rule selectors not reported
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  #: (file pattern, rule selectors)
    base: Path | None = None  #: the folder ``per_file_ignores`` patterns are relative to (the pyproject's)
    model: Path | None = None  #: a local sentence-transformers model instead of the packaged one
    cache_dir: Path | None = None  #: where embeddings and per-article results are kept
    use_cache: bool = True
    #: Look for translation pairs with the multilingual model even where every article reads as English
    #: (it is loaded anyway where one is not, or one declares its original).
    multilingual: bool = False
    enabled: tuple[str, ...] = field(init=False)  #: the detectors that run, in registration order

    def __post_init__(self) -> None:
        from .detect import check_names

        if any(not pattern.strip() for pattern in self.exclude):
            from .errors import UsageError

            raise UsageError("--exclude: an empty pattern matches nothing; remove it")
        disabled = tuple(sorted(set(self.disabled)))
        object.__setattr__(self, "disabled", disabled)
        object.__setattr__(self, "enabled", tuple(name for name in check_names(disabled) if name not in disabled))

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        paths: Iterable[Path | str] | None = None,
        threshold: float | None = None,
        disable: Iterable[str] | None = None,
        exclude: Iterable[str] | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        model: Path | None = None,
        cache_dir: Path | None = None,
        no_cache: bool = False,
        multilingual: bool = False,
    ) -> RunOptions:
        """Flags given (not None) replace the settings; raises UsageError for an unknown detector.

        ``ignore`` holds rule selectors only: the command line sorts file patterns given to ``--ignore`` (its
        old meaning) into ``exclude``."""
        return cls(
            paths=tuple(paths or settings.paths),
            threshold=threshold
            if threshold is not None
            else settings.threshold
            if settings.threshold is not None
            else DEFAULT_THRESHOLD,
            disabled=tuple(settings.disable if disable is None else disable),
            exclude=tuple(settings.exclude if exclude is None else exclude),
            select=tuple(settings.select if select is None else select),
            ignore=tuple(settings.ignore if ignore is None else ignore),
            per_file_ignores=tuple((pattern, tuple(codes)) for pattern, codes in settings.per_file_ignores.items()),
            base=settings.source.parent if settings.source is not None else None,
            model=model,
            cache_dir=cache_dir,
            use_cache=not no_cache,
            multilingual=multilingual,
        )

    def settings(self, model_name: str) -> RunSettings:
        """What the report records of the run (``settings`` in the JSON contract)."""
        return RunSettings(model_name, self.threshold, self.margin, list(self.disabled))
