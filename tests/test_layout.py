"""The package's shape: small modules, no import cycle, and the layers never import the outputs."""

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "compare"
MAX_LINES = 400


def _modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if package else parts)] = (path, package)
    return found


def _imports() -> dict[str, set[str]]:
    """Every module's imports of other modules of the package, at any depth (lazy imports too)."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, (path, package) in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = name.split(".") if package else name.split(".")[:-1]
                if node.level:
                    base = base[: len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    found = sub if sub in modules else target
                    if found in modules and found != name:
                        graph[name].add(found)
            elif isinstance(node, ast.Import):
                graph[name] |= {alias.name for alias in node.names if alias.name in modules}
    return graph


def test_no_module_is_over_the_limit():
    long = {str(path.relative_to(ROOT)): n for path, _ in _modules().values()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


def test_the_package_has_no_import_cycle():
    graph = _imports()
    seen, on_path = set(), []

    def visit(name: str) -> None:
        if name in on_path:
            raise AssertionError(" → ".join(on_path[on_path.index(name):] + [name]))
        if name in seen:
            return
        on_path.append(name)
        for target in sorted(graph[name]):
            visit(target)
        on_path.pop()
        seen.add(name)

    for name in sorted(graph):
        visit(name)


def test_the_pipeline_layers_never_import_the_outputs():
    outputs = ("compare.report", "compare.ci", "compare.cli", "compare.evaluation")
    for name, targets in _imports().items():
        if name.startswith(("compare.stages", "compare.analysis", "compare.detect", "compare.infra")):
            assert not [t for t in targets if t.startswith(outputs)], (name, targets)
