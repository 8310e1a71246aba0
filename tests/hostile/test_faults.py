"""Faults injected where a subprocess cannot reach: a full disk, two processes refreshing at
once, an error inside every CLI command, no network for ``run``, hostile text in embeds."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import threading
import time
from dataclasses import replace
from pathlib import Path

import discord
import discord.http
import pytest

import bot.cli as cli
import bot.services.lifecycle as lifecycle
import bot.storage.questions as questions
from bot.app import start_runtime
from bot.config import Settings, load_settings
from bot.discord_bot.render import answer_embed, escape, link_text, link_url
from bot.discord_bot.run import run
from bot.errors import BotError, StorageError
from bot.models import Answer, Citation
from tests.conftest import write
from tests.hostile.conftest import ROOT, SEED


def shipped(tmp_path: Path) -> Settings:
    folder = tmp_path / "knowledge"
    shutil.copytree(SEED, folder)
    return replace(
        load_settings(ROOT / "config.yaml"), knowledge_dir=folder, database=tmp_path / "data" / "bot.db"
    )


async def test_disk_full_during_refresh_says_disk_full(tmp_path: Path) -> None:
    settings = shipped(tmp_path)
    runtime = await start_runtime(settings)
    try:
        before = await runtime.knowledge_base.store.active_id()
        async with runtime.db.execute("PRAGMA page_count") as cur:
            (pages,) = await cur.fetchone()
        # The database may not grow: what a full disk does to SQLite (SQLITE_FULL).
        await runtime.db.execute(f"PRAGMA max_page_count = {pages + 2}")
        paragraphs = "\n\n".join(
            f"## Topic {n}\n\nPlain words about topic number {n} of many." for n in range(3000)
        )
        write(settings.knowledge_dir, "big.md", f"# Big\n\n{paragraphs}\n")
        with pytest.raises(StorageError) as raised:
            await runtime.knowledge_base.refresh(by="test")
        message = str(raised.value)
        assert message.startswith("disk full") and "no transaction" not in message
        assert "move" not in message
        await runtime.db.execute(f"PRAGMA max_page_count = {2**31}")
        assert await runtime.knowledge_base.store.active_id() == before  # nothing half-applied
        assert runtime.services.answers.ask("Can I do the residency part-time?").answered
    finally:
        await runtime.close()


async def test_stale_refresh_never_undoes_a_newer_one(tmp_path: Path, monkeypatch) -> None:
    """Two processes (two connections to one database): A starts a forced refresh first and
    finishes last; B adds a file in between. A must not undo B's snapshot."""
    settings = shipped(tmp_path)
    first = await start_runtime(settings)
    second = await start_runtime(settings)
    read_started, b_applied = threading.Event(), threading.Event()
    real = lifecycle.KnowledgeBaseService._read_changed
    calls = {"a": 0}

    def paused(self, current, report, reparse=False):
        result = real(self, current, report, reparse)
        if self is first.knowledge_base:
            calls["a"] += 1
            if calls["a"] == 1:  # A has read the folder without the new file: let B run now
                read_started.set()
                assert b_applied.wait(timeout=30)
        return result

    monkeypatch.setattr(lifecycle.KnowledgeBaseService, "_read_changed", paused)
    try:
        # A has a change to apply (B will find it too, being later)
        write(settings.knowledge_dir, "bikes.md", "# Bikes\n\n## Where do bikes go?\n\nIn the racks by door B.\n")
        task_a = asyncio.create_task(first.knowledge_base.refresh(by="a", force=True))
        assert await asyncio.to_thread(read_started.wait, 30)
        write(
            settings.knowledge_dir,
            "parade.md",
            "# Parade\n\n## Is there a dress code?\n\nWear the team colours.\n",
        )
        report_b = await second.knowledge_base.refresh(by="b")
        assert report_b.applied and report_b.added == ["bikes.md", "parade.md"]
        b_applied.set()
        report_a = await task_a
        assert calls["a"] == 2  # A started again from B's snapshot
        # ... and found nothing left to change (B stored A's change too): nothing new is stored
        assert not report_a.applied and not report_a.changes
        active = await first.knowledge_base.store.active_id()
        assert active == report_b.snapshot_id
        sources = [f.result.source for f in await first.knowledge_base.store.load(active)]
        assert "parade.md" in sources
    finally:
        b_applied.set()
        await first.close()
        await second.close()


COMMANDS = {
    "ask": ["ask", "hello?"],
    "roles": ["roles"],
    "kb_check": ["kb", "check"],
    "kb_refresh": ["kb", "refresh"],
    "kb_history": ["kb", "history"],
    "kb_rollback": ["kb", "rollback"],
    "kb_gaps": ["kb", "gaps"],
    "kb_stats": ["kb", "stats"],
    "run": ["run"],
    "chat": ["chat"],
    "eval": ["eval", "questions.yaml"],
    "bench": ["bench", "--passages", "10"],
    "calibrate": ["calibrate", "questions.yaml"],
}


@pytest.mark.parametrize(("name", "argv"), COMMANDS.items(), ids=list(COMMANDS))
def test_injected_error_in_every_command_is_one_line(name: str, argv: list[str], monkeypatch, capsys) -> None:
    def broken(args):
        raise RuntimeError("injected\nfailure")

    monkeypatch.setattr(cli, f"cmd_{name}", broken)
    assert {a.dest for a in cli.build_parser()._actions} >= {"command"}
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert code == cli.EXIT_BUG
    assert err == "error: unexpected RuntimeError: injected failure (a bug: run with --debug for details)\n"
    assert "Traceback" not in out + err


def test_every_command_is_covered() -> None:
    parser = cli.build_parser()
    names = set()
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        for command, sub in action.choices.items():
            if sub._subparsers is None:
                names.add(command)
            else:
                names |= {f"{command}_{n}" for a in sub._subparsers._group_actions for n in a.choices}
    assert names == set(COMMANDS)


def test_storage_and_os_errors_are_one_line(monkeypatch, capsys) -> None:
    def locked(args):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(cli, "cmd_kb_history", locked)
    assert cli.main(["kb", "history"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "locked by another process" in err and err.count("\n") == 1


def test_run_without_network_is_one_line(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "not.a.token")
    # Nothing listens on port 9 of the loopback: the connection is refused, as offline.
    monkeypatch.setattr(discord.http.Route, "BASE", "http://127.0.0.1:9/api/v10")
    with pytest.raises(BotError, match="cannot reach Discord"):
        run(shipped(tmp_path))


def test_mentions_with_short_ids_are_escaped() -> None:
    for raw in ("<@&123>", "<@123>", "<@!42>", "<#7>", "<@&12345678901234567890>"):
        assert raw not in escape(f"hi {raw} there")


def test_links_cannot_be_broken_out_of() -> None:
    evil = "https://example.org/) [@everyone](http://evil.example)"
    assert link_url(evil) is None
    assert link_text("a] [b](http://evil.example) [c") == "a\\] \\[b\\](http://evil.example) \\[c"
    citation = Citation(
        source="evil.md",
        title="Evil",
        url=evil,
        section=None,
        snippet="Wear the team colours.",
        score=1.0,
        line=1,
    )
    embed = answer_embed(Answer("Dress code?", True, (citation,)))
    assert "evil.example" not in embed.description and "](" not in embed.description


async def test_question_log_waits_briefly_for_another_process_write_lock(tmp_path: Path, caplog) -> None:
    """Discord drops an interaction not answered within 3 s: recording a question may not
    wait out SQLite's 10 s busy timeout first."""
    settings = shipped(tmp_path)
    runtime = await start_runtime(settings)
    holder = sqlite3.connect(settings.database, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # a refresh in another process, storing its snapshot
        answer = runtime.services.answers.ask("Can I do the residency part-time?")
        start = time.monotonic()
        assert await runtime.questions.record(answer, 1.0) is None
        assert time.monotonic() - start < questions.WRITE_WAIT_SECONDS + 0.5
        assert sum("write lock" in r.getMessage() for r in caplog.records) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        await runtime.close()
