"""Dependencies point one way: checked on the `ast` imports of every module under bot/.

Three rules:

1. Layers. Each module belongs to a component (a top-level module or subpackage of ``bot``),
   and components sit in the layers of ``LAYERS``, lowest first. A module may import its own
   component or a component of a lower layer; a higher layer, or another component of its
   own layer (siblings are independent), is a violation.
2. Only the Discord adapters (``bot.discord_bot``) import ``discord`` or ``aiohttp``.
3. No import cycles between modules. Module-level and function-level imports both count,
   since a function-level import still needs the other module at run time; imports under
   ``if TYPE_CHECKING:`` are exempt from this rule only (they never run, and annotations
   may name each other, as the Discord client and its cogs do). They still obey 1 and 2.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

import bot

PACKAGE = Path(bot.__file__).parent
ROOT = "bot"

# Lowest first. Components in one tuple are siblings and must not import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("bot", "errors", "gcpause", "models", "sanitize", "yaml_errors"),  # "bot" is the empty package itself
    ("config",),  # raises ConfigError
    ("documents",),  # reading and parsing files into documents, passages and roles
    ("search",),  # tokenizing, the index, ranking
    ("snapshot", "storage"),  # a corpus with its engine; SQLite
    ("services",),  # answers, roles, lifecycle (storage behind it), evaluation
    ("app", "charts"),  # the composition root; the kb stats chart
    ("bench", "discord_bot"),  # front ends over app
    ("cli",),  # the command line (runs bench and the Discord bot)
    ("__main__",),
)
ADAPTERS = {"discord_bot"}  # components allowed to import the Discord libraries
DISCORD = {"discord", "aiohttp"}


@dataclass(frozen=True)
class Import:
    """One import statement's target, as a module name."""

    target: str
    line: int
    type_only: bool  # under ``if TYPE_CHECKING:``


def module_name(path: Path, package: Path = PACKAGE) -> str:
    """Return the dotted name of ``path`` inside ``package``."""
    parts = [package.name, *path.relative_to(package).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def find_imports(source: str, module: str, is_package: bool, known: Iterable[str]) -> list[Import]:
    """Return every import in ``source`` (at any depth), relative ones resolved against ``module``."""
    known = set(known)
    found: list[Import] = []

    def resolve(base: str, name: str) -> str:
        # `from bot.search import engine` imports the module bot.search.engine.
        full = f"{base}.{name}" if base else name
        return full if full in known else base

    def visit(node: ast.AST, type_only: bool) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, True)
            for child in node.orelse:
                visit(child, type_only)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(alias.name, node.lineno, type_only))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = module.split(".")
                drop = node.level - 1 if is_package else node.level
                anchor = anchor[: len(anchor) - drop] if drop else anchor
                base = ".".join(anchor + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names:
                found.append(Import(resolve(base, alias.name), node.lineno, type_only))
        for child in ast.iter_child_nodes(node):
            visit(child, type_only)

    visit(ast.parse(source), False)
    return found


def component(module: str) -> str:
    """Return the component of a ``bot`` module: its first part under ``bot``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def layer_of(layers: tuple[tuple[str, ...], ...]) -> dict[str, int]:
    """Map each component to its layer number."""
    return {name: level for level, names in enumerate(layers) for name in names}


def layer_violations(
    graph: Mapping[str, list[Import]], layers: tuple[tuple[str, ...], ...] = LAYERS
) -> list[str]:
    """Return each import of a higher layer or of a sibling component, and each unplaced module."""
    level = layer_of(layers)
    problems: list[str] = []
    for module, imports in sorted(graph.items()):
        mine = component(module)
        if mine not in level:
            problems.append(f"{module}: component {mine!r} has no place in LAYERS")
            continue
        for imp in imports:
            if imp.target != ROOT and not imp.target.startswith(ROOT + "."):
                continue
            theirs = component(imp.target)
            if theirs == mine or theirs not in level:
                continue
            if level[theirs] > level[mine]:
                problems.append(f"{module}:{imp.line} imports {imp.target} from a higher layer")
            elif level[theirs] == level[mine]:
                problems.append(f"{module}:{imp.line} imports {imp.target}, a sibling in its layer")
    return problems


def discord_violations(graph: Mapping[str, list[Import]], adapters: set[str] = ADAPTERS) -> list[str]:
    """Return each import of the Discord libraries outside the adapters."""
    return [
        f"{module}:{imp.line} imports {imp.target}"
        for module, imports in sorted(graph.items())
        if component(module) not in adapters
        for imp in imports
        if imp.target.split(".")[0] in DISCORD
    ]


def cycles(graph: Mapping[str, list[Import]]) -> list[list[str]]:
    """Return the import cycles between modules (strongly connected components of 2+ modules or a self-import)."""
    edges = {
        module: sorted({i.target for i in imports if i.target in graph and not i.type_only})
        for module, imports in graph.items()
    }
    # Tarjan's algorithm, iterative so a deep chain cannot hit the recursion limit.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work: list[tuple[str, int]] = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            if i < len(edges[node]):
                work.append((node, i + 1))
                nxt = edges[node][i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                members: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1 or node in edges[node]:
                    found.append(sorted(members))
    return sorted(found)


def package_graph(package: Path = PACKAGE) -> dict[str, list[Import]]:
    """Return every module of ``package`` with its imports."""
    paths = {module_name(path, package): path for path in package.rglob("*.py")}
    return {
        name: find_imports(path.read_text(encoding="utf-8"), name, path.name == "__init__.py", paths)
        for name, path in paths.items()
    }


GRAPH = package_graph()


def test_every_module_is_found() -> None:
    # A sanity floor: if the walk found nothing, every other test would pass vacuously.
    assert {"bot.cli", "bot.services.answers", "bot.search.engine", "bot.discord_bot.cogs"} <= GRAPH.keys()
    assert any(i.target == "bot.search.engine" for i in GRAPH["bot.services.answers"])


def test_no_module_imports_a_higher_layer_or_a_sibling() -> None:
    assert layer_violations(GRAPH) == []


def test_core_does_not_import_discord() -> None:
    assert discord_violations(GRAPH) == []


def test_no_import_cycles() -> None:
    assert cycles(GRAPH) == []


# The checker itself, on synthetic module sets: each rule must be able to fail.


def graph_of(sources: dict[str, str]) -> dict[str, list[Import]]:
    """Build a graph from ``{module name: source}``; names ending in ``.__init__`` are packages."""
    names = {name.removesuffix(".__init__"): name.endswith(".__init__") for name in sources}
    return {
        name: find_imports(sources[name + (".__init__" if is_pkg else "")], name, is_pkg, names)
        for name, is_pkg in names.items()
    }


def test_checker_reports_an_import_of_a_higher_layer() -> None:
    graph = graph_of(
        {
            "bot.search.engine": "def f():\n    from bot.services.answers import AnswerService\n",
            "bot.services.answers": "from bot.search import engine\n",
        }
    )
    assert layer_violations(graph) == ["bot.search.engine:2 imports bot.services.answers from a higher layer"]


def test_checker_reports_siblings_and_unplaced_modules() -> None:
    graph = graph_of(
        {
            "bot.storage.codec": "from bot.snapshot import Snapshot\n",
            "bot.snapshot": "",
            "bot.newthing": "import bot.models\n",
        }
    )
    assert layer_violations(graph) == [
        "bot.newthing: component 'newthing' has no place in LAYERS",
        "bot.storage.codec:1 imports bot.snapshot, a sibling in its layer",
    ]


def test_checker_resolves_relative_imports() -> None:
    graph = graph_of({"bot.search.__init__": "", "bot.search.index": "from ..services import answers\n"})
    assert [i.target for i in graph["bot.search.index"]] == ["bot.services"]
    assert layer_violations(graph) == ["bot.search.index:1 imports bot.services from a higher layer"]


def test_checker_reports_discord_outside_the_adapters() -> None:
    graph = graph_of(
        {
            "bot.services.answers": "if True:\n    import discord.ext.commands\n",
            "bot.discord_bot.cogs": "import discord\nfrom aiohttp import web\n",
            "bot.app": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from aiohttp import web\n",
        }
    )
    assert discord_violations(graph) == [
        "bot.app:3 imports aiohttp",
        "bot.services.answers:2 imports discord.ext.commands",
    ]


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        (
            {
                "bot.evaluation": "from bot.services.lifecycle import x\n",
                "bot.services.lifecycle": "def f():\n    import bot.evaluation\n",
            },
            [["bot.evaluation", "bot.services.lifecycle"]],
        ),
        (
            {
                "bot.a": "import bot.b\n",
                "bot.b": "import bot.c\n",
                "bot.c": "from bot import a\n",
                "bot.d": "import bot.d\n",
                "bot.e": "import bot.a\n",
            },
            [["bot.a", "bot.b", "bot.c"], ["bot.d"]],
        ),
        (
            {
                "bot.discord_bot.client": "import bot.discord_bot.cogs\n",
                "bot.discord_bot.cogs": "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from bot.discord_bot.client import FAQBot\n",
            },
            [],
        ),
    ],
    ids=["function-level import", "three-module cycle and self-import", "type-only import exempt"],
)
def test_checker_reports_cycles(sources: dict[str, str], expected: list[list[str]]) -> None:
    assert cycles(graph_of(sources)) == expected


def test_matplotlib_is_imported_only_where_a_chart_is_drawn() -> None:
    """No module imports matplotlib at its top level: bot.charts does, inside the function
    that draws (and so does no service, nor the bot at start)."""
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
        names = {a.name.split(".")[0] for n in top if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module.split(".")[0] for n in top if isinstance(n, ast.ImportFrom) and n.module}
        assert "matplotlib" not in names, path
    uses = sorted(
        name for name, found in GRAPH.items() if any(i.target.split(".")[0] == "matplotlib" for i in found)
    )
    assert uses == ["bot.charts"]
