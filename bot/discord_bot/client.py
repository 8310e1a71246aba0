"""The bot: intents, safe defaults, command sync, and the composition root of the Discord layer.

``FAQBot.setup_hook`` is the one place that knows the runtime: it builds each cog (and the
announcer) from the services it needs. Errors of commands go to the tree's handler
(:class:`bot.discord_bot.failures.FAQTree`).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import discord
from discord.ext import commands

from bot.app import Runtime
from bot.discord_bot.access import ModeratorRule
from bot.discord_bot.announcing import Announcer
from bot.discord_bot.answering import AskCog
from bot.discord_bot.cogs import RolesCog
from bot.discord_bot.failures import FAQTree
from bot.discord_bot.moderation import KnowledgeBaseCog
from bot.discord_bot.render import NO_MENTIONS
from bot.errors import BotError
from bot.storage.announcements import AnnouncementLog

log = logging.getLogger(__name__)

# How often the bot looks for roles to announce besides right after its own refreshes:
# catches automatic (watch) refreshes and closing dates coming near as days pass.
ANNOUNCE_POLL_SECONDS = 60.0


def intents() -> discord.Intents:
    """The intents the bot needs: no privileged ones (mentions and DMs carry their content)."""
    wanted = discord.Intents.default()
    wanted.message_content = False
    wanted.members = False
    wanted.presences = False
    return wanted


class FAQBot(commands.Bot):
    """A discord.py bot over the core services in ``runtime`` (one gateway connection)."""

    def __init__(self, runtime: Runtime, **options: Any) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(),
            allowed_mentions=NO_MENTIONS,
            help_command=None,
            tree_cls=FAQTree,
            **options,
        )
        self.runtime = runtime
        self.settings = runtime.services.settings
        self.announcer: Announcer | None = None  # set up when discord.announce_channel is set
        self._announce_task: asyncio.Task[None] | None = None
        self._reloader: asyncio.Task[None] | None = None
        self._reload_failure: str | None = None  # the last failure logged, so it is logged once
        self.announced_once = asyncio.Event()  # set after the first look for announcements
        self.reads_messages = False  # the Message Content intent is on (help channels only)

    async def setup_hook(self) -> None:
        """Build the cogs from the runtime's services, add them, then sync the commands."""
        self.request_message_content()
        runtime, settings = self.runtime, self.settings
        services = runtime.services
        if settings.discord.announce_channel and runtime.db is not None:
            self.announcer = Announcer(
                services.roles,
                AnnouncementLog(runtime.db),
                self.get_partial_messageable(settings.discord.announce_channel),
                closing_soon_days=settings.discord.closing_soon_days,
                max_age_days=settings.roles.max_age_days,
            )
        await self.add_cog(
            AskCog(
                self,
                desk=runtime.desk,
                questions=runtime.questions,
                conversations=runtime.conversations,
                settings=settings.discord,
                max_question_chars=settings.answers.max_question_chars,
                reads_messages=self.reads_messages,
            )
        )
        await self.add_cog(RolesCog(services.roles, settings.discord))
        await self.add_cog(
            KnowledgeBaseCog(
                runtime.knowledge_base,
                services.holder,
                runtime.questions,
                ModeratorRule(settings.discord.moderator_roles),
                self.announce,
                settings.discord.view_timeout_seconds,
            )
        )
        await self.sync_commands()
        if self.announcer is not None:
            self._announce_task = asyncio.create_task(self._announce_loop())
        if settings.knowledge.reload_seconds > 0 and runtime.db is not None:
            self._reloader = asyncio.create_task(self._reload_loop(settings.knowledge.reload_seconds))

    def request_message_content(self) -> None:
        """Ask for the Message Content intent when help channels need it and the portal allows it.

        Runs after login, before the gateway connects: the application's flags say whether the
        intent is enabled in the developer portal. Asking for it when it is not would make
        Discord refuse the connection, so then the bot runs without help channels and says so
        in one line. discord.py has no public way to change intents after construction; the
        gateway reads them from the connection state when it identifies.
        """
        if not self.settings.discord.help_channels:
            return
        flags = self.application.flags if self.application is not None else None
        if flags is None or not (flags.gateway_message_content or flags.gateway_message_content_limited):
            log.warning(
                "discord.help_channels is set but the Message Content intent is off in the developer portal "
                "(Bot → Privileged Gateway Intents): help channels are not answered; everything else works"
            )
            return
        self._connection._intents.message_content = True
        self.reads_messages = True

    async def close(self) -> None:
        """Stop announcing and reloading, then disconnect."""
        for task in (self._announce_task, self._reloader):
            if task is not None:
                task.cancel()
        await super().close()

    async def _reload_loop(self, seconds: float) -> None:
        while True:
            await asyncio.sleep(seconds)
            await self.reload_tick()

    async def reload_tick(self) -> bool:
        """Swap in a snapshot another process stored (a CLI refresh or rollback); never raises.

        Return True when the knowledge base in use changed. A failure (a locked or damaged
        database) is logged once and the bot keeps answering from the snapshot it has.
        """
        try:
            changed = await self.runtime.knowledge_base.follow_store()
        except Exception as exc:
            text = str(exc) if isinstance(exc, BotError) else f"{type(exc).__name__}: {exc}"
            if text != self._reload_failure:
                log.error(
                    "cannot take in the stored knowledge base, still answering from the one in use: %s", text
                )
                self._reload_failure = text
            return False
        self._reload_failure = None
        if changed:
            await self.announce_tick()
        return changed

    async def _announce_loop(self) -> None:
        while True:
            await self.announce_tick()
            self.announced_once.set()
            await asyncio.sleep(ANNOUNCE_POLL_SECONDS)

    async def announce_tick(self) -> int:
        """Take in a refresh made from the command line, then announce; never raises."""
        try:
            await self.runtime.knowledge_base.follow_store()
            return await self.announce()
        except Exception:
            log.exception("could not announce roles")
            return 0

    async def announce(self) -> int:
        """Post newly opened roles (and closing reminders) to ``discord.announce_channel``, once.

        What was posted is recorded in the database, so a restart never posts it again.
        The first time, the roles already open are only noted: a new channel is not flooded.
        Return how many messages were posted (0 when announcing is off).
        """
        return await self.announcer.announce() if self.announcer is not None else 0

    async def sync_commands(self) -> None:
        """Sync to the guilds in config.yaml (instant, for development), else globally."""
        guilds = self.settings.discord.guilds
        if guilds:
            for guild_id in guilds:
                guild = discord.Object(id=guild_id)
                self.tree.copy_global_to(guild=guild)
                await self.tree.sync(guild=guild)
        else:
            await self.tree.sync()

    async def on_message(self, message: discord.Message) -> None:
        """Mentions and DMs are questions, handled by the ask cog's listener; there are no text commands."""


IDENTIFY_INTERVAL = 5.0  # Discord allows max_concurrency identifies per 5 s, one per bucket


class ShardedFAQBot(FAQBot, commands.AutoShardedBot):
    """The same bot over discord.py's AutoShardedBot: one process, many shards (Discord requires
    sharding past 2,500 servers). Every handler works the same on any shard."""

    def __init__(self, runtime: Runtime, shard_count: int | None) -> None:
        super().__init__(runtime, shard_count=shard_count)
        self._max_concurrency = 1
        self._identified: dict[int, float] = {}
        self._identify_lock = asyncio.Lock()

    async def setup_hook(self) -> None:
        """Learn how many shards may identify at once, then set up as usual."""
        try:
            self._max_concurrency = max(1, (await self.fetch_session_start_limits()).max_concurrency)
        except (discord.HTTPException, discord.GatewayNotFound, KeyError, TypeError):
            log.warning("could not read the session start limits: shards identify one every 5 s")
        await super().setup_hook()

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Wait as Discord asks: 5 s between identifies of the same bucket (shard id modulo
        max_concurrency). discord.py waits 5 s before every shard but the first; a large bot
        whose max_concurrency is 16 starts 16 times faster."""
        bucket = (shard_id or 0) % self._max_concurrency
        loop = asyncio.get_running_loop()
        async with self._identify_lock:
            last = self._identified.get(bucket)
            if last is not None and loop.time() - last < IDENTIFY_INTERVAL:
                await asyncio.sleep(IDENTIFY_INTERVAL - (loop.time() - last))
            self._identified[bucket] = loop.time()


def create_bot(runtime: Runtime) -> FAQBot:
    """Build the bot ``discord.shards`` asks for: unsharded (off), or sharded (auto or a number)."""
    count = runtime.services.settings.discord.shard_count
    if count == 0:
        return FAQBot(runtime)
    return ShardedFAQBot(runtime, shard_count=count)
