"""Run the real bot (as ``python -m bot run`` builds it) against the fake Discord."""

from __future__ import annotations

import asyncio
import shutil
from dataclasses import replace
from pathlib import Path

import discord
import discord.gateway
import discord.http
import pytest
import yarl

from bot.app import start_runtime
from bot.config import Settings, load_settings
from bot.discord_bot.client import FAQBot, create_bot
from tests.conftest import KNOWLEDGE, ROOT
from tests.e2e.fake import GUILD_ID, MOD_ROLE_ID, FakeDiscord


@pytest.fixture
async def fake():
    server = FakeDiscord()
    await server.start()
    old_base, old_gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = server.api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(server.gateway_url)
    try:
        yield server
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_base, old_gateway
        await server.stop()
    # whatever the test did, no message the bot sent or edited could ping anyone
    for payload in server.sent_payloads:
        mentions = payload.get("allowed_mentions")
        assert mentions is not None and mentions["parse"] == [], payload
        assert mentions.get("replied_user", False) is False, payload


def bot_settings(tmp_path: Path, **discord_options) -> Settings:
    """The shipped config.yaml (cooldown and all), pointed at a copy of the knowledge base, a fresh
    database and the fake guild; ``discord_options`` only for tests about a setting."""
    shipped = load_settings(ROOT / "config.yaml")
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    options = {"guilds": (GUILD_ID,), "moderator_roles": (str(MOD_ROLE_ID),), **discord_options}
    return replace(
        shipped,
        knowledge_dir=folder,
        database=tmp_path / "data" / "bot.db",
        discord=replace(shipped.discord, **options),
    )


async def start_bot(settings: Settings, fake: FakeDiscord) -> FAQBot:
    runtime = await start_runtime(settings)
    bot = create_bot(runtime)
    bot._test_task = asyncio.create_task(bot.start("fake-token"))  # type: ignore[attr-defined]
    # discord.py dispatches on_ready only after waiting guild_ready_timeout (2 s) for more
    # guilds; events are handled from the first GUILD_CREATE on, so tests start once the
    # fake has sent it (the login test waits for the real on_ready).
    ready = asyncio.create_task(fake.connected.wait())
    done, _ = await asyncio.wait({ready, bot._test_task}, timeout=15, return_when=asyncio.FIRST_COMPLETED)  # type: ignore[attr-defined]
    if ready not in done:
        ready.cancel()
        await stop_bot(bot)
        if bot._test_task.done() and bot._test_task.exception():  # type: ignore[attr-defined]
            raise bot._test_task.exception()  # type: ignore[attr-defined]
        raise AssertionError("the bot did not become ready")
    return bot


async def stop_bot(bot: FAQBot) -> None:
    await bot.close()
    task = bot._test_task  # type: ignore[attr-defined]
    await asyncio.wait({task}, timeout=10)
    await bot.runtime.close()


@pytest.fixture
async def bot(fake, tmp_path):
    instance = await start_bot(bot_settings(tmp_path), fake)
    try:
        yield instance
    finally:
        await stop_bot(instance)
