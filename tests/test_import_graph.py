"""No import cycle in homework_tui or audio (DESIGN.md: arrows point down only).

The graph is read from the source with `ast`, so it holds every import: at the top of a module,
inside functions, and under `if TYPE_CHECKING:` (a type-only cycle is still two modules that
each need the other). `from package import name` points at `package.name` when that is a
module, else at the package itself. A cycle fails the test and is printed module by module.
"""

from __future__ import annotations

import ast
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("homework_tui", "audio")


def module_files() -> dict[str, Path]:
    """Every module of the packages, by dotted name (a package by its own name)."""
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _absolute(module: str, is_package: bool, level: int, target: str | None) -> str:
    """The dotted name a (possibly relative) `from … import` refers to."""
    if level == 0:
        return target or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def imports_of(module: str, path: Path, known: set[str]) -> set[str]:
    """The modules of `known` that `module` imports, anywhere in its source."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    targets: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, is_package, node.level, node.module)
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                targets.add(submodule if submodule in known else source)
    return {target for target in targets if target in known and target != module}


def import_graph() -> dict[str, set[str]]:
    files = module_files()
    known = set(files)
    return {module: imports_of(module, path, known) for module, path in files.items()}


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's components of more than one module (iterative: no recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, list[str]]] = [(start, sorted(graph[start]))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, pending = work[-1]
            if pending:
                child = pending.pop()
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, sorted(graph[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    return components


def a_cycle(graph: dict[str, set[str]], component: list[str]) -> list[str]:
    """One shortest cycle through the component's first module, as a path that closes."""
    members = set(component)
    start = component[0]
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in sorted(graph[node] & members):
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if child not in came_from:
                came_from[child] = node
                queue.append(child)
    return component  # not reached: a component of two or more always closes


def test_the_graph_sees_every_kind_of_import(tmp_path: Path) -> None:
    """The reader finds imports inside functions, under TYPE_CHECKING and relative ones (a test
    that read fewer imports would pass with cycles)."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from homework_tui.app import HomeworkApp\n"
        "def later():\n    import audio.voice\n"
        "from .model import relaxation\n"
        "from . import paths\n",
        encoding="utf-8",
    )
    found = imports_of("homework_tui.sample", sample, set(module_files()))
    assert found == {
        "homework_tui.app",
        "audio.voice",
        "homework_tui.model.relaxation",
        "homework_tui.paths",
    }


def test_a_cycle_is_found_and_printed() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    (component,) = strongly_connected(graph)
    assert component == ["a", "b", "c"]
    assert a_cycle(graph, component) == ["a", "b", "c", "a"]


def test_no_import_cycle() -> None:
    graph = import_graph()
    components = strongly_connected(graph)
    cycles = [" -> ".join(a_cycle(graph, component)) for component in components]
    sizes = [len(component) for component in components]
    assert not cycles, (
        f"{len(cycles)} import cycle(s) (modules in each: {sizes}); one path through each:\n"
        + "\n".join(cycles)
    )


def test_shared_widgets_import_no_screens() -> None:
    """Widgets send Messages up instead of importing screens (DESIGN.md): the shared ones in
    ui/widgets reach nothing of ui/ but each other and the app protocol."""
    graph = import_graph()
    allowed = ("homework_tui.ui.widgets", "homework_tui.ui.app_protocol")
    reached = {
        module: sorted(
            t for t in targets if t.startswith("homework_tui.ui") and not t.startswith(allowed)
        )
        for module, targets in graph.items()
        if module.startswith("homework_tui.ui.widgets")
    }
    assert reached and not any(reached.values()), reached


def test_todays_list_asks_its_screen_for_insights_and_the_report() -> None:
    """Today's list of homework (a widget) posts InsightsWanted / ReportWanted; it imports no
    other section."""
    targets = import_graph()["homework_tui.ui.today.today_due"]
    assert not [
        t
        for t in targets
        if t.startswith("homework_tui.ui.")
        and not t.startswith(("homework_tui.ui.today", "homework_tui.ui.app_protocol"))
    ]
