"""The layout's rules, checked on the import graph (docs/architecture.md).

Every import counts, including those inside functions: a function-level import hides a
cycle from Python's loader but not from a reader.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ROOMS = ("flows", "transforms", "reports", "db", "bench", "demo", "tests")
# What each room of the product may import from the others (itself always allowed).
ALLOWED = {
    "transforms": set(),
    "reports": {"transforms"},
    "flows": {"transforms", "reports", "db"},
    "bench": {"flows", "transforms", "reports", "db", "tests"},
    "demo": set(),
}
# Pure functions: text in, records out. No I/O libraries, no orchestration, no database.
NOT_IN_TRANSFORMS = ("prefect", "duckdb", "httpx", "weasyprint", "smtplib", "dask", "socket")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {
        module_name(p): p
        for room in ROOMS
        for p in (ROOT / room).rglob("*.py")
        if "data" not in p.relative_to(ROOT).parts[1:-1]
    }


def imports(path: Path, known: dict[str, Path]) -> Iterator[str]:
    """Every module `path` imports (project modules resolved to the file that is imported)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                yield candidate if candidate in known else node.module


def graph() -> dict[str, set[str]]:
    known = modules()
    return {
        name: {target for target in imports(path, known) if target in known}
        for name, path in known.items()
    }


def test_no_room_imports_what_it_may_not() -> None:
    wrong = [
        f"{source} imports {target}"
        for source, targets in graph().items()
        for target in targets
        if (room := source.split(".")[0]) in ALLOWED
        and (other := target.split(".")[0]) != room
        and other not in ALLOWED[room]
    ]
    assert not wrong, "\n".join(wrong)


def test_transforms_are_pure() -> None:
    known = modules()
    wrong = [
        f"{name} imports {target}"
        for name, path in known.items()
        if name.startswith("transforms")
        for target in imports(path, known)
        if target.split(".")[0] in NOT_IN_TRANSFORMS
    ]
    assert not wrong, "\n".join(wrong)


def test_the_import_graph_has_no_cycle() -> None:
    edges = graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


@pytest.mark.parametrize(
    ("source", "target", "allowed"),
    [("flows.ingest", "transforms.urls", True), ("reports.briefing", "flows.storage", False)],
)
def test_the_rules_themselves(source: str, target: str, allowed: bool) -> None:
    """The check can fail: a backward arrow is caught, a forward one is not."""
    room, other = source.split(".")[0], target.split(".")[0]
    assert (other in ALLOWED[room]) is allowed
