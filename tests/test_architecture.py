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
