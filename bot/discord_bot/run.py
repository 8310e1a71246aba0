"""``python -m bot run``: start the bot with the token from the environment."""

from __future__ import annotations

import asyncio
import logging
import os

import aiohttp
import discord

from bot.app import start_runtime
from bot.config import Settings
from bot.errors import BotError

log = logging.getLogger(__name__)

TOKEN_VARIABLE = "DISCORD_TOKEN"


def token_from_environment() -> str:
    """Return the bot token; raise BotError if it is not set. It is never read from a file."""
    token = os.environ.get(TOKEN_VARIABLE, "").strip()
    if not token:
        raise BotError(
            f"{TOKEN_VARIABLE} is not set: export the bot token from the Discord developer portal "
            "(see README, 'Running the bot')"
        )
    return token


async def run_bot(settings: Settings, token: str) -> None:
    """Load the knowledge base, log in and serve until stopped."""
    from bot.discord_bot.client import create_bot

    runtime = await start_runtime(settings, author="the Discord bot")
    watcher = None
    try:
        bot = create_bot(runtime)
        if settings.knowledge.watch:
            watcher = asyncio.create_task(runtime.knowledge_base.watch(settings.knowledge.watch_debounce_seconds))
        async with bot:
            try:
                await bot.start(token)
            except discord.LoginFailure:
                raise BotError(
                    f"Discord rejected the token in {TOKEN_VARIABLE}: check it, or reset it in the portal"
                ) from None
            except discord.PrivilegedIntentsRequired:
                raise BotError(
                    "Discord refused the gateway intents: the Message Content intent (for discord.help_channels) "
                    "is off in the developer portal (Bot → Privileged Gateway Intents); enable it, or empty "
                    "discord.help_channels"
                ) from None
            except (TimeoutError, aiohttp.ClientError, OSError, discord.GatewayNotFound) as exc:
                raise BotError(
                    f"cannot reach Discord ({type(exc).__name__}: {exc}): check the network and try again"
                ) from None
    finally:
        if watcher is not None:
            watcher.cancel()
        await runtime.close()


def run(settings: Settings) -> int:
    """Run the bot; return the exit status."""
    token = token_from_environment()
    discord.utils.setup_logging(level=logging.INFO)
    try:
        asyncio.run(run_bot(settings, token))
    except KeyboardInterrupt:
        log.info("stopped")
    return 0
