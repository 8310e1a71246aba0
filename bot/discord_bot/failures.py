"""What a member is told, privately, when something fails or is refused.

Our own errors (:class:`bot.errors.BotError`) say what went wrong in their words; anything
else is logged in full and the member gets a short apology, never a traceback. The command
tree's error handler sends refused checks (a member who is not a moderator) their own reply.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from bot.discord_bot.access import NotModerator
from bot.discord_bot.render import NO_MENTIONS
from bot.errors import BotError

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong on my side. The moderators can see what happened in the logs."
NOT_HERE = "You cannot use that command here."


async def reply_privately(interaction: discord.Interaction, text: str) -> None:
    """Send ``text`` to the member of the interaction only (a follow-up once it was answered)."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException:
        log.warning("could not tell the member about an error", exc_info=True)


async def apologise(interaction: discord.Interaction, error: BaseException) -> None:
    """Reply privately with what went wrong (our errors) or a short apology (anything else, logged)."""
    if isinstance(error, BotError):
        text = str(error)
    else:
        log.error("error in an interaction", exc_info=error)
        text = APOLOGY
    await reply_privately(interaction, text)


class FAQTree(app_commands.CommandTree[Any]):
    """The bot's command tree: one place for what a failed or refused command says."""

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError, /
    ) -> None:
        """A refused check gets its private refusal; any other error the private apology."""
        if isinstance(error, app_commands.CheckFailure):
            command = interaction.command.qualified_name if interaction.command else "?"
            log.info("refused /%s to member %s: %s", command, interaction.user.id, type(error).__name__)
            await reply_privately(interaction, str(error) if isinstance(error, NotModerator) else NOT_HERE)
            return
        await apologise(interaction, getattr(error, "original", error))
