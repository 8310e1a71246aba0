"""The core never imports discord: only the Discord adapters may."""

import ast
from pathlib import Path

import bot

PACKAGE = Path(bot.__file__).parent
ADAPTERS = {"discord_bot"}  # subpackages allowed to import discord


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_does_not_import_discord() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in ADAPTERS:
            continue
        if {"discord", "aiohttp"} & imports(path):
            offenders.append(str(rel))
    assert offenders == []


def test_knowledge_and_search_do_not_import_services() -> None:
    for sub in ("knowledge", "search"):
        for path in (PACKAGE / sub).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "bot.services" not in text and "bot.cli" not in text, path


def test_matplotlib_is_imported_only_where_a_chart_is_drawn() -> None:
    """No module imports matplotlib at its top level: bot.charts does, inside the function
    that draws (and so does no service, nor the bot at start)."""
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
        names = {a.name.split(".")[0] for n in top if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module.split(".")[0] for n in top if isinstance(n, ast.ImportFrom) and n.module}
        assert "matplotlib" not in names, path
    uses = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if "matplotlib" in imports(p)]
    assert uses == ["charts.py"]
