"""The bot: intents, safe defaults, cogs, command sync and one place for errors."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import Runtime
from bot.discord_bot.cogs import AskCog, KnowledgeCog, RolesCog
from bot.discord_bot.components import ShareButton, SuggestionSelect, VoteButton
from bot.discord_bot.render import NO_MENTIONS
from bot.errors import BotError

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong on my side. The moderators can see what happened in the logs."


def intents() -> discord.Intents:
    """The intents the bot needs: no privileged ones (mentions and DMs carry their content)."""
    wanted = discord.Intents.default()
    wanted.message_content = False
    wanted.members = False
    wanted.presences = False
    return wanted


class FAQBot(commands.Bot):
    """A discord.py bot over the core services in ``runtime``."""

    def __init__(self, runtime: Runtime) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(),
            allowed_mentions=NO_MENTIONS,
            help_command=None,
        )
        self.runtime = runtime
        self.settings = runtime.services.settings
        self.ask_cog: AskCog
        self.tree.on_error = self.on_app_command_error

    async def setup_hook(self) -> None:
        """Add the cogs and persistent components, then sync the commands."""
        self.ask_cog = AskCog(self)
        await self.add_cog(self.ask_cog)
        await self.add_cog(RolesCog(self))
        await self.add_cog(KnowledgeCog(self))
        self.add_dynamic_items(VoteButton, ShareButton, SuggestionSelect)
        await self.sync_commands()

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

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Turn our own errors into a friendly private reply; log and apologise for the rest."""
        original = getattr(error, "original", error)
        await self.apologise(interaction, original)

    async def apologise(self, interaction: discord.Interaction, error: BaseException) -> None:
        """Reply privately with what went wrong (our errors) or a short apology (anything else)."""
        if isinstance(error, BotError):
            text = str(error)
        else:
            log.error("error in an interaction", exc_info=error)
            text = APOLOGY
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
            else:
                await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException:
            log.warning("could not tell the member about an error", exc_info=True)
