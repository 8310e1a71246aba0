"""Moderators in Discord, end to end: one knowledge base with the command line, /kb status,
history and rollback with a confirmation, refresh reports with their problems attached."""

from __future__ import annotations

import asyncio
import itertools
import logging
import sys
import time
from dataclasses import replace
from pathlib import Path

from bot.discord_bot.access import ONLY_MODERATORS
from bot.discord_bot.failures import APOLOGY
from bot.discord_bot.render import PROBLEMS_SHOWN
from tests.conftest import ROOT
from tests.e2e.conftest import bot_settings, start_bot, stop_bot
from tests.e2e.fake import MOD_ROLE_ID, MODERATOR_ID, FakeDiscord
from tests.e2e.test_e2e import EPHEMERAL, components, custom_id, option

PART_TIME = "Can I do the residency part-time?"
OLD, NEW = "only offered as a full-time position.", "offered part-time too, from 20 hours a week."


def edit_residency(folder: Path) -> None:
    path = folder / "hf-ai-research-residency.md"
    path.write_text(path.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")


async def cli(settings, *argv: str) -> tuple[int, str, str]:
    """Run ``python -m bot`` in another process over the bot's own folder and database."""
    config = settings.database.parent.parent / "cli-config.yaml"
    config.write_text(f"knowledge_dir: {settings.knowledge_dir}\ndatabase: {settings.database}\n")
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *argv,
        "--config",
        str(config),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    return proc.returncode or 0, out.decode(), err.decode()


# Each question comes from another member: the shipped per-member cooldown stays on, and
# these tests are about which snapshot answers, not about the cooldown.
ASKERS = itertools.count(700_000_000_000_000_001)


async def ask(fake: FakeDiscord, question: str = PART_TIME) -> str:
    reply = await fake.interact(fake.command("ask", [option("question", question)], user_id=next(ASKERS)))
    return reply.data["embeds"][0]["description"]


async def answer_changes(fake: FakeDiscord, wanted: str, timeout: float = 15) -> float:
    """Ask until the answer holds ``wanted``; return how long that took (fail after ``timeout``)."""
    start = time.monotonic()
    while wanted not in await ask(fake):
        assert time.monotonic() - start < timeout, f"the bot never answered with {wanted!r}"
        await asyncio.sleep(0.05)
    return time.monotonic() - start


async def status(fake: FakeDiscord) -> dict[str, str]:
    reply = await fake.interact(fake.subcommand("kb", "status"))
    return {f["name"]: f["value"] for f in reply.data["embeds"][0]["fields"]}


async def test_a_refresh_and_a_rollback_from_the_command_line_reach_the_running_bot(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    settings = bot_settings(tmp_path)
    settings = replace(settings, knowledge=replace(settings.knowledge, reload_seconds=0.2))
    bot = await start_bot(settings, fake)
    try:
        assert "full-time position" in await ask(fake)
        assert (await status(fake))["In use"].startswith("Snapshot 1: first start")
        edit_residency(settings.knowledge_dir)
        code, out, err = await cli(settings, "kb", "refresh")
        assert code == 0 and "Applied as snapshot 2" in out, (out, err)
        await answer_changes(fake, "part-time too")
        used = (await status(fake))["In use"]
        assert used.startswith("Snapshot 2: refresh by ") and "(command line)" in used
        code, out, err = await cli(settings, "kb", "rollback")
        assert code == 0 and "Rolled back to the files of snapshot 1. Applied as snapshot 3" in out, (out, err)
        await answer_changes(fake, "full-time position")
        assert (await status(fake))["In use"].startswith(
            "Snapshot 3: rollback to the files of snapshot 1 by "
        )
    finally:
        await stop_bot(bot)


async def test_reload_check_takes_in_another_process_snapshot(fake: FakeDiscord, bot, tmp_path: Path) -> None:
    """The check itself, called directly: nothing to take in, then a CLI refresh."""
    holder = bot.runtime.services.holder
    assert await bot.reload_tick() is False
    before = holder.current.snapshot_id
    edit_residency(bot.runtime.knowledge_base.folder)
    code, _, err = await cli(bot.runtime.services.settings, "kb", "refresh")
    assert code == 0, err
    # The bot's own check runs every knowledge.reload_seconds (5 s shipped): on a slow machine
    # it may take the snapshot in while the CLI is still finishing; then there is nothing left.
    taken_already = holder.current.snapshot_id != before
    assert await bot.reload_tick() is not taken_already
    assert holder.current.snapshot_id != before
    assert "part-time too" in await ask(fake)
    assert await bot.reload_tick() is False


async def test_history_and_rollback_with_confirmation(fake: FakeDiscord, bot) -> None:
    edit_residency(bot.runtime.knowledge_base.folder)
    followup = fake.wait_for("followup")
    await fake.interact(fake.subcommand("kb", "refresh", moderator=True, user_id=MODERATOR_ID))
    refreshed = (await asyncio.wait_for(followup, timeout=10))["embeds"][0]
    assert refreshed["title"] == "Knowledge base refreshed"
    fields = {f["name"]: f["value"] for f in refreshed["fields"]}
    assert (
        fields["Passages changed"] == "• hf-ai-research-residency.md › Can I complete the program part-time?"
    )
    assert "Roles changed" not in fields

    history = await fake.interact(fake.subcommand("kb", "history", moderator=True))
    assert history.data["flags"] & EPHEMERAL
    entries = history.data["embeds"][0]["fields"]
    assert entries[0]["name"] == "Snapshot 2 — in use"
    assert f"refresh by user{MODERATOR_ID} (Discord {MODERATOR_ID})" in entries[0]["value"]
    assert "documents changed: hf-ai-research-residency.md" in entries[0]["value"]
    assert entries[1]["name"] == "Snapshot 1"

    followup = fake.wait_for("followup")
    await fake.interact(fake.subcommand("kb", "rollback", moderator=True, user_id=MODERATOR_ID))
    preview = await asyncio.wait_for(followup, timeout=10)
    embed = preview["embeds"][0]
    assert embed["title"] == "Roll back to the files of snapshot 1?"
    assert "files in the knowledge folder are not changed" in embed["description"]
    assert "re-applies" in embed["description"]
    assert "part-time too" in await ask(fake)  # nothing happens before the confirmation

    confirm = custom_id(preview, label="Roll back")
    member = await fake.interact(fake.click(preview, confirm))  # not the moderator who asked
    assert member.data["flags"] & EPHEMERAL and "Only the moderator who asked" in member.data["content"]
    other_mod = await fake.interact(fake.click(preview, confirm, moderator=True))
    assert "Only the moderator who asked" in other_mod.data["content"]
    assert "part-time too" in await ask(fake)

    edited = fake.wait_for("edit", lambda m: m["id"] == preview["id"])
    await fake.interact(fake.click(preview, confirm, moderator=True, user_id=MODERATOR_ID))
    done = await asyncio.wait_for(edited, timeout=10)
    assert done["embeds"][0]["title"] == "Rolled back to the files of snapshot 1"
    assert "next refresh" in done["embeds"][0]["description"]
    assert not done["components"]  # the buttons are gone
    assert "full-time position" in await ask(fake)

    history = await fake.interact(fake.subcommand("kb", "history", moderator=True))
    newest = history.data["embeds"][0]["fields"][0]
    assert newest["name"] == "Snapshot 3 — in use"
    assert (
        f"rollback to the files of snapshot 1 by user{MODERATOR_ID} (Discord {MODERATOR_ID})"
        in newest["value"]
    )


def snapshot_autocomplete(fake: FakeDiscord, **kwargs) -> dict:
    focused = {"name": "snapshot", "type": 4, "value": "", "focused": True}
    data = {
        "id": str(fake._command_id("kb")),
        "name": "kb",
        "type": 1,
        "options": [{"name": "rollback", "type": 1, "options": [focused]}],
    }
    return fake.interaction(data, type=4, **kwargs)


async def test_rollback_can_be_cancelled_and_members_cannot_use_it(fake: FakeDiscord, bot) -> None:
    for sub in ("history", "rollback"):
        refused = await fake.interact(fake.subcommand("kb", sub))
        assert refused.data["flags"] & EPHEMERAL and "Only moderators" in refused.data["content"]
    choices = await fake.interact(snapshot_autocomplete(fake))
    assert choices.data["choices"] == []  # history (who made what) is for moderators only
    edit_residency(bot.runtime.knowledge_base.folder)
    await bot.runtime.knowledge_base.refresh(by="test")
    followup = fake.wait_for("followup")
    await fake.interact(fake.subcommand("kb", "rollback", [option("snapshot", 1, 4)], moderator=True))
    preview = await asyncio.wait_for(followup, timeout=10)
    choices = await fake.interact(snapshot_autocomplete(fake, moderator=True))
    assert [c["value"] for c in choices.data["choices"]] == [1]  # not the one in use
    assert choices.data["choices"][0]["name"].startswith("1 · ")
    cancelled = await fake.interact(fake.click(preview, custom_id(preview, label="Cancel"), moderator=True))
    assert cancelled.type == 7 and "cancelled" in cancelled.data["content"] and not components(cancelled.data)
    assert "part-time too" in await ask(fake)
    assert len(await bot.runtime.knowledge_base.history()) == 2


async def test_refresh_lists_a_few_problems_and_attaches_them_all(fake: FakeDiscord, bot) -> None:
    folder = bot.runtime.knowledge_base.folder
    for n in range(PROBLEMS_SHOWN + 2):
        (folder / f"memo-{n}.md").write_text(f"---\ntitle: Memo {n}\nkind: memo\n---\n# Memo\n\nText {n}.\n")
    followup = fake.wait_for("followup")
    await fake.interact(fake.subcommand("kb", "refresh", moderator=True))
    sent = await asyncio.wait_for(followup, timeout=10)
    body = fake.requests[-1].body
    (attached,) = body["files"].values()
    lines = attached.decode().splitlines()
    assert sum("memo-" in ln and ": error: " in ln for ln in lines) == PROBLEMS_SHOWN + 2
    field = next(f for f in sent["embeds"][0]["fields"] if "error" in f["name"])
    assert field["name"].startswith(f"{PROBLEMS_SHOWN + 2} errors, ")
    assert field["value"].count("❌") == PROBLEMS_SHOWN and "problems.txt" in field["value"]
    assert body["allowed_mentions"] == {"parse": []}


async def test_kb_stats_sends_figures_and_the_chart(fake: FakeDiscord, bot) -> None:
    await ask(fake)
    await ask(fake, "Is there a dress code?")
    refused = await fake.interact(fake.subcommand("kb", "stats"))
    assert "Only moderators" in refused.data["content"]
    followup = fake.wait_for("followup")
    await fake.interact(fake.subcommand("kb", "stats", moderator=True))
    sent = await asyncio.wait_for(followup, timeout=20)
    embed = sent["embeds"][0]
    assert embed["title"] == "How the bot is doing, last 30 days"
    assert (
        embed["description"].startswith("**2** questions")
        and "answer time" in embed["description"].casefold()
    )
    assert embed["image"]["url"] == "attachment://stats.png"
    body = fake.requests[-1].body
    assert body["files"]["stats.png"][:4] == b"\x89PNG" and body["allowed_mentions"] == {"parse": []}


async def test_rollback_buttons_expire(fake: FakeDiscord, tmp_path: Path) -> None:
    bot = await start_bot(bot_settings(tmp_path, view_timeout_seconds=0.2), fake)
    try:
        edit_residency(bot.runtime.knowledge_base.folder)
        await bot.runtime.knowledge_base.refresh(by="test")
        followup = fake.wait_for("followup")
        await fake.interact(fake.subcommand("kb", "rollback", moderator=True, user_id=MODERATOR_ID))
        preview = await asyncio.wait_for(followup, timeout=10)
        expired = fake.wait_for(
            "edit", lambda m: m["id"] == preview["id"] and all(c.get("disabled") for c in components(m))
        )
        await asyncio.wait_for(expired, timeout=10)
        assert "part-time too" in await ask(fake)  # nothing was rolled back
    finally:
        await stop_bot(bot)


async def test_a_failing_reload_is_logged_once_and_answers_go_on(
    fake: FakeDiscord, bot, monkeypatch, caplog
) -> None:
    from bot.errors import StorageError

    async def locked() -> bool:
        raise StorageError("the database is locked by another process")

    monkeypatch.setattr(bot.runtime.knowledge_base, "follow_store", locked)
    assert await bot.reload_tick() is False and await bot.reload_tick() is False
    assert sum("cannot take in the stored knowledge base" in r.message for r in caplog.records) == 1
    assert "full-time position" in await ask(fake)


async def _aboom(*args, **kwargs):
    raise RuntimeError("must not run: the moderator check comes first")


async def test_moderator_commands_refuse_members_through_the_tree_error_handler(
    fake: FakeDiscord, bot, monkeypatch, caplog
) -> None:
    """The moderator rule is an app_commands.check: a member's /kb refresh, history, rollback,
    unanswered or stats never runs (nothing deferred, nothing called) and the tree's error
    handler answers privately with the refusal; no traceback reaches the member or the log."""
    caplog.set_level(logging.INFO, logger="bot.discord_bot.failures")
    knowledge = bot.runtime.knowledge_base
    for name in ("refresh", "history", "rollback", "info"):
        monkeypatch.setattr(knowledge, name, _aboom)
    monkeypatch.setattr(bot.runtime.questions, "outcomes", _aboom)
    refused_commands = ("refresh", "history", "rollback", "unanswered", "stats")
    for sub in refused_commands:
        refused = await fake.interact(fake.subcommand("kb", sub))
        assert refused.type == 4, sub  # an immediate reply, not a deferred "thinking…"
        assert refused.data["flags"] & EPHEMERAL, sub
        assert refused.data["content"] == ONLY_MODERATORS, sub
        assert refused.data["allowed_mentions"] == {"parse": []}
    assert not any(r.exc_info for r in caplog.records)  # refusals are not errors
    assert sum("refused /kb " in r.getMessage() for r in caplog.records) == len(refused_commands)
    # the rule is the configured one: the moderator role passes, as Manage Server does
    by_role = fake.subcommand("kb", "history")
    by_role["member"]["roles"] = [str(MOD_ROLE_ID)]
    monkeypatch.undo()
    history = await fake.interact(by_role)
    assert history.data["embeds"][0]["title"] == "Knowledge base history"
    # /kb status is for everyone
    status = await fake.interact(fake.subcommand("kb", "status"))
    assert status.data["embeds"][0]["title"] == "Knowledge base"


async def test_an_unexpected_command_error_gets_the_generic_private_reply(
    fake: FakeDiscord, bot, monkeypatch, caplog
) -> None:
    """Any other error is logged in full; the member gets only the short apology, privately."""
    monkeypatch.setattr(bot.runtime.knowledge_base, "history", _aboom)
    reply = await fake.interact(fake.subcommand("kb", "history", moderator=True))
    assert reply.data["flags"] & EPHEMERAL and reply.data["content"] == APOLOGY
    assert "must not run" not in str(reply.data) and "Traceback" not in str(reply.data)
    assert any("must not run" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)
