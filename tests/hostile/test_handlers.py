"""Every Discord handler turns any exception into the private apology (or, for autocomplete,
an empty list), never silence; driven through the real client against the fake Discord."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import bot.discord_bot.components as components
import bot.discord_bot.moderation as moderation
from bot.config import load_settings
from bot.discord_bot.client import FAQBot
from bot.discord_bot.failures import APOLOGY
from tests.conftest import KNOWLEDGE, ROOT
from tests.e2e.conftest import start_bot, stop_bot
from tests.e2e.fake import CHANNEL_ID, GUILD_ID, FakeDiscord

EPHEMERAL = 64
ASKER, OTHER = 900000000000000200, 900000000000000201


def boom(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("injected failure")


async def aboom(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("injected failure")


@pytest.fixture
async def shipped_bot(fake: FakeDiscord, tmp_path: Path):
    """The bot with the shipped config.yaml (cooldown and all), pointed at the fake guild."""
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    settings = load_settings(ROOT / "config.yaml")
    settings = replace(
        settings,
        knowledge_dir=folder,
        database=tmp_path / "data" / "bot.db",
        discord=replace(settings.discord, guilds=(GUILD_ID,)),
    )
    instance = await start_bot(settings, fake)
    try:
        yield instance
    finally:
        await stop_bot(instance)


def option(name: str, value: Any, type: int = 3) -> dict:
    return {"name": name, "type": type, "value": value}


async def answered(fake: FakeDiscord) -> dict:
    """An answer message with vote and share buttons (asked by another member)."""
    reply = await fake.interact(
        fake.command("ask", [option("question", "Can I do the residency part-time?")], user_id=OTHER)
    )
    return reply.message


def button(message: dict, prefix: str) -> str:
    for row in message["components"]:
        for c in row["components"]:
            if c.get("custom_id", "").startswith(prefix):
                return c["custom_id"]
    raise AssertionError(prefix)


Case = Callable[[FakeDiscord, FAQBot, pytest.MonkeyPatch], Awaitable[Any]]


async def ask(fake: FakeDiscord, bot: FAQBot, mp: pytest.MonkeyPatch) -> Any:
    mp.setattr(bot.runtime.services.answers, "ask", boom)
    return await fake.interact(fake.command("ask", [option("question", "Anything?")], user_id=ASKER))


async def roles(fake: FakeDiscord, bot: FAQBot, mp: pytest.MonkeyPatch) -> Any:
    mp.setattr(bot.runtime.services.roles, "page", boom)
    return await fake.interact(fake.command("roles", user_id=ASKER))


async def role(fake: FakeDiscord, bot: FAQBot, mp: pytest.MonkeyPatch) -> Any:
    mp.setattr(bot.runtime.services.roles, "get", boom)
    return await fake.interact(fake.command("role", [option("name", "gradio")], user_id=ASKER))


async def kb_status(fake: FakeDiscord, bot: FAQBot, mp: pytest.MonkeyPatch) -> Any:
    mp.setattr(moderation, "status_embed", boom)
    return await fake.interact(fake.subcommand("kb", "status", user_id=ASKER))


async def kb_refresh(fake: FakeDiscord, bot: FAQBot, mp: pytest.MonkeyPatch) -> Any:
    mp.setattr(bot.runtime.knowledge_base, "refresh", aboom)
    followup = fake.wait_for("followup")
    deferred = await fake.interact(fake.subcommand("kb", "refresh", moderator=True, user_id=ASKER))
    assert deferred.type == 5
    sent = await asyncio.wait_for(followup, timeout=10)
    return type("Reply", (), {"type": 4, "data": sent})()


async def kb_history(fake: FakeDiscord, bot: FAQBot, mp: pytest.MonkeyPatch) -> Any:
    mp.setattr(bot.runtime.knowledge_base, "history", aboom)
    return await fake.interact(fake.subcommand("kb", "history", moderator=True, user_id=ASKER))


async def kb_rollback(fake: FakeDiscord, bot: FAQBot, mp: pytest.MonkeyPatch) -> Any:
    mp.setattr(bot.runtime.knowledge_base, "rollback", aboom)
    followup = fake.wait_for("followup")
    deferred = await fake.interact(fake.subcommand("kb", "rollback", moderator=True, user_id=ASKER))
    assert deferred.type == 5
    sent = await asyncio.wait_for(followup, timeout=10)
    return type("Reply", (), {"type": 4, "data": sent})()


async def kb_stats(fake: FakeDiscord, bot: FAQBot, mp: pytest.MonkeyPatch) -> Any:
    mp.setattr(bot.runtime.questions, "outcomes", aboom)
    followup = fake.wait_for("followup")
    deferred = await fake.interact(fake.subcommand("kb", "stats", moderator=True, user_id=ASKER))
    assert deferred.type == 5
    sent = await asyncio.wait_for(followup, timeout=10)
    return type("Reply", (), {"type": 4, "data": sent})()


async def kb_unanswered(fake: FakeDiscord, bot: FAQBot, mp: pytest.MonkeyPatch) -> Any:
    mp.setattr(bot.runtime.questions, "outcomes", aboom)
    return await fake.interact(fake.subcommand("kb", "unanswered", moderator=True, user_id=ASKER))


async def vote(fake: FakeDiscord, bot: FAQBot, mp: pytest.MonkeyPatch) -> Any:
    message = await answered(fake)
    mp.setattr(bot.runtime.questions, "vote", aboom)
    return await fake.interact(fake.click(message, button(message, "faqbot:vote:"), user_id=ASKER))


async def share(fake: FakeDiscord, bot: FAQBot, mp: pytest.MonkeyPatch) -> Any:
    message = await answered(fake)
    mp.setattr(components, "shared_embed", boom)
    return await fake.interact(fake.click(message, "faqbot:share", user_id=ASKER))


async def suggestion(fake: FakeDiscord, bot: FAQBot, mp: pytest.MonkeyPatch) -> Any:
    reply = await fake.interact(
        fake.command("ask", [option("question", "When does the residency start?")], user_id=OTHER)
    )
    mp.setattr(bot.get_cog("AskCog"), "respond", aboom)
    return await fake.interact(fake.click(reply.message, "faqbot:suggest", values=["x"], user_id=ASKER))


async def pager(fake: FakeDiscord, bot: FAQBot, mp: pytest.MonkeyPatch) -> Any:
    first = await fake.interact(fake.command("roles", [option("type", "internship")], user_id=ASKER))
    nxt = next(
        c["custom_id"] for row in first.data["components"] for c in row["components"] if c["label"] == "Next"
    )
    mp.setattr(bot.runtime.services.roles, "page", boom)
    return await fake.interact(fake.click(first.message, nxt, user_id=ASKER))


async def find_answer(fake: FakeDiscord, bot: FAQBot, mp: pytest.MonkeyPatch) -> Any:
    target = await fake.message_create(
        "Can I do the residency part-time?", author_id=OTHER, mentions_bot=False
    )
    mp.setattr(bot.runtime.services.answers, "ask", boom)
    return await fake.interact(fake.message_command("Find answer", target, user_id=ASKER))


async def conversation(fake: FakeDiscord, bot: FAQBot, mp: pytest.MonkeyPatch) -> Any:
    mp.setattr(bot.runtime.conversations, "history", aboom)
    thread = await fake.thread_create(CHANNEL_ID)
    return await fake.interact(
        fake.command("ask", [option("question", "Anything?")], user_id=ASKER, channel=thread)
    )


@pytest.mark.parametrize(
    "case",
    [
        ask,
        roles,
        role,
        kb_status,
        kb_refresh,
        kb_history,
        kb_rollback,
        kb_unanswered,
        vote,
        share,
        suggestion,
        pager,
        find_answer,
        conversation,
    ],
)
async def test_injected_error_gets_the_apology(
    fake: FakeDiscord,
    shipped_bot: FAQBot,
    monkeypatch: pytest.MonkeyPatch,
    case: Case,
    caplog: pytest.LogCaptureFixture,
) -> None:
    reply = await case(fake, shipped_bot, monkeypatch)
    assert reply.type == 4
    assert reply.data["flags"] & EPHEMERAL
    assert reply.data["content"] == APOLOGY
    assert "injected failure" not in str(reply.data)
    assert any("injected failure" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)


@pytest.mark.parametrize(
    ("command", "name", "target"), [("roles", "org", "orgs"), ("role", "name", "complete")]
)
async def test_injected_error_in_autocomplete_offers_no_choices(
    fake: FakeDiscord,
    shipped_bot: FAQBot,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    name: str,
    target: str,
) -> None:
    monkeypatch.setattr(shipped_bot.runtime.services.roles, target, boom)
    result = await fake.interact(fake.autocomplete(command, name, "a", user_id=ASKER))
    assert result.type == 8 and result.data["choices"] == []


async def test_injected_error_in_a_mention_gets_a_reply(
    fake: FakeDiscord,
    shipped_bot: FAQBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(shipped_bot.runtime.services.answers, "ask", boom)
    sent = fake.wait_for("channel_message")
    await fake.message_create("<@900000000000000002> Anything?", author_id=ASKER)
    reply = await asyncio.wait_for(sent, timeout=10)
    assert reply["content"].startswith("Sorry")
    assert "injected failure" not in str(reply)
