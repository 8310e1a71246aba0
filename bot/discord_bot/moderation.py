"""The /kb commands: the knowledge base's status for everyone; refresh, history, rollback,
unanswered questions and statistics for moderators.

Moderator rights are checked server side, on every command (``access.moderators_only``, an
``app_commands.check`` whose refusal the command tree answers) and every button press, from
what Discord resolved for that interaction, not only from the command's default permissions,
which a server admin can change. The cog builds from what it is given: the knowledge
services, the question log, the moderator rule and a way to announce.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot.access import ModeratorRule, moderators_only
from bot.discord_bot.components import FollowUp
from bot.discord_bot.failures import apologise
from bot.discord_bot.render import (
    NO_MENTIONS,
    PROBLEMS_SHOWN,
    gaps_embed,
    history_embed,
    refresh_embed,
    rollback_preview_embed,
    stats_embed,
    status_embed,
)
from bot.models import Problem
from bot.services.changes import describe_entry, when
from bot.services.current import SnapshotHolder
from bot.services.gaps import find_gaps
from bot.services.lifecycle import KnowledgeBaseService
from bot.services.stats import collect_stats
from bot.storage.questions import QuestionLog

log = logging.getLogger(__name__)

Announce = Callable[[], Awaitable[int]]  # post what a change opened; returns how many messages


def discord_author(user: discord.abc.User) -> str:
    """Name a member for the history: their Discord name and id."""
    return f"{user.name} (Discord {user.id})"


def problems_text(problems: Sequence[Problem]) -> str:
    """Return every problem as plain text, one a line, for the attached file."""
    return "".join(f"{p}\n" for p in problems)


def problems_file(problems: Sequence[Problem]) -> discord.File | None:
    """Attach every problem as a text file when there are more than an embed shows."""
    if len(problems) <= PROBLEMS_SHOWN:
        return None
    return discord.File(io.BytesIO(problems_text(problems).encode()), filename="problems.txt")


class RollbackConfirm(discord.ui.View):
    """ "Roll back" / "Cancel" under a rollback preview; only the moderator who asked may press."""

    def __init__(
        self,
        knowledge_base: KnowledgeBaseService,
        moderators: ModeratorRule,
        announce: Announce,
        *,
        owner: int,
        target: int,
        timeout: float,
    ) -> None:
        super().__init__(timeout=timeout)
        self.knowledge_base = knowledge_base
        self.moderators = moderators
        self.announce = announce
        self.owner = owner
        self.target = target
        self.message_edit: Any = None  # edits the preview when the buttons time out

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Let only the moderator who asked press, and only while still a moderator."""
        if interaction.user.id != self.owner or not self.moderators(interaction):
            await interaction.response.send_message(
                "Only the moderator who asked for this rollback can confirm it.",
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )
            return False
        return True

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        """Any failure gets the bot's private reply, never silence."""
        await apologise(interaction, error)

    async def on_timeout(self) -> None:
        """Disable the buttons: a stale preview must not roll back later."""
        for child in self.children:
            if isinstance(child, discord.ui.Button):
                child.disabled = True
        if self.message_edit is not None:
            try:
                await self.message_edit(view=self)
            except discord.HTTPException:
                log.debug("could not disable an expired rollback preview", exc_info=True)

    @discord.ui.button(label="Roll back", style=discord.ButtonStyle.danger)
    async def confirm(
        self, interaction: discord.Interaction, button: discord.ui.Button[RollbackConfirm]
    ) -> None:
        """Roll back now, and show what changed."""
        self.stop()
        await interaction.response.defer()
        report = await self.knowledge_base.rollback(self.target, by=discord_author(interaction.user))
        await interaction.edit_original_response(
            embed=refresh_embed(report), view=None, allowed_mentions=NO_MENTIONS
        )
        await self.announce()

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary)
    async def cancel(
        self, interaction: discord.Interaction, button: discord.ui.Button[RollbackConfirm]
    ) -> None:
        """Leave the knowledge base as it is."""
        self.stop()
        await interaction.response.edit_message(
            content="Rollback cancelled: nothing changed.",
            embed=None,
            view=None,
            allowed_mentions=NO_MENTIONS,
        )


class KnowledgeBaseCog(
    commands.GroupCog, group_name="kb", group_description="The knowledge base behind the answers"
):
    """/kb status, refresh, history, rollback, unanswered and stats."""

    def __init__(
        self,
        knowledge_base: KnowledgeBaseService,
        holder: SnapshotHolder,
        questions: QuestionLog,
        moderators: ModeratorRule,
        announce: Announce,
        view_timeout: float,
    ) -> None:
        self.knowledge_base = knowledge_base
        self.holder = holder
        self.questions = questions
        self.moderators = moderators  # the rule of ``moderators_only`` and of the rollback buttons
        self.announce = announce
        self.view_timeout = view_timeout
        super().__init__()

    @app_commands.command(name="status")
    async def status(self, interaction: discord.Interaction) -> None:
        """How many documents, passages and roles the bot knows, and which snapshot it answers from."""
        snapshot = self.holder.current
        info = await self.knowledge_base.info(snapshot.snapshot_id) if snapshot.snapshot_id is not None else None
        await interaction.response.send_message(
            embed=status_embed(snapshot, info), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(name="refresh")
    @moderators_only()
    @app_commands.describe(dry_run="Only show what would change")
    async def refresh(self, interaction: discord.Interaction, dry_run: bool = False) -> None:
        """Reload the knowledge folder without a restart (moderators)."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        report = await self.knowledge_base.refresh(by=discord_author(interaction.user), dry_run=dry_run)
        kwargs: FollowUp = {
            "embed": refresh_embed(report),
            "ephemeral": True,
            "allowed_mentions": NO_MENTIONS,
        }
        attached = problems_file(report.problems)
        if attached is not None:
            kwargs["file"] = attached
        await interaction.followup.send(**kwargs)
        if report.applied:
            await self.announce()

    @app_commands.command(name="history")
    @moderators_only()
    async def history(self, interaction: discord.Interaction) -> None:
        """The latest refreshes and rollbacks: what changed, who made them, when (moderators)."""
        entries = await self.knowledge_base.history()
        await interaction.response.send_message(
            embed=history_embed(entries), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(name="rollback")
    @moderators_only()
    @app_commands.describe(
        snapshot="The snapshot whose files to restore (default: the one before the one in use)"
    )
    async def rollback(
        self, interaction: discord.Interaction, snapshot: app_commands.Range[int, 1, 2**53] | None = None
    ) -> None:
        """Go back to an earlier snapshot, after you confirm (moderators)."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        preview = await self.knowledge_base.rollback(snapshot, by=discord_author(interaction.user), dry_run=True)
        assert preview.restores is not None
        target = await self.knowledge_base.info(preview.restores)
        embed = rollback_preview_embed(preview, target)
        view = RollbackConfirm(
            self.knowledge_base,
            self.moderators,
            self.announce,
            owner=interaction.user.id,
            target=preview.restores,
            timeout=self.view_timeout,
        )
        sent = await interaction.followup.send(
            embed=embed, view=view, ephemeral=True, allowed_mentions=NO_MENTIONS, wait=True
        )
        view.message_edit = sent.edit  # to disable the buttons when they time out

    @rollback.autocomplete("snapshot")
    async def rollback_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[int]]:
        """Offer the latest snapshots, to moderators only (history names who made them)."""
        try:
            if not self.moderators(interaction):  # checks do not run for autocomplete
                return []
            choices = []
            for e in await self.knowledge_base.history():
                if e.active or (current and not str(e.id).startswith(current.strip())):
                    continue
                label = f"{e.id} · {when(e.at)} · {describe_entry(e.summary, e.by)}"
                choices.append(app_commands.Choice(name=label[:100], value=e.id))
            return choices[:25]
        except Exception:
            log.exception("autocomplete failed")
            return []

    @app_commands.command(name="unanswered")
    @moderators_only()
    @app_commands.describe(days="How far back to look")
    async def unanswered(
        self, interaction: discord.Interaction, days: app_commands.Range[int, 1, 365] = 30
    ) -> None:
        """Questions declined, answered unsure or voted unhelpful, grouped (moderators)."""
        gaps, rated = await find_gaps(self.questions, self.holder, days)
        await interaction.response.send_message(
            embed=gaps_embed(gaps, rated, days), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(name="stats")
    @moderators_only()
    @app_commands.describe(days="How far back to look")
    async def stats(
        self, interaction: discord.Interaction, days: app_commands.Range[int, 1, 365] = 30
    ) -> None:
        """How the bot is doing: questions by outcome, helpful votes, busy hours, answer time (moderators)."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        figures = await collect_stats(self.questions, self.holder, days)
        embed = stats_embed(figures)
        kwargs: FollowUp = {"embed": embed, "ephemeral": True, "allowed_mentions": NO_MENTIONS}
        try:
            from bot.charts import stats_png

            png = await asyncio.to_thread(stats_png, figures)
        except ImportError as exc:  # matplotlib missing from this install: the figures still go out
            log.warning("no chart for /kb stats: %s", exc)
        else:
            kwargs["file"] = discord.File(io.BytesIO(png), filename="stats.png")
            embed.set_image(url="attachment://stats.png")
        await interaction.followup.send(**kwargs)
