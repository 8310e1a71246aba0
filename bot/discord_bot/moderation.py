"""The /kb commands: the knowledge base's status for everyone; refresh, history, rollback,
unanswered questions and statistics for moderators.

Moderator rights are checked here, on every command and every button press, from what
Discord resolved for that interaction (``access.is_moderator``), not only from the
command's default permissions, which a server admin can change.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot.access import is_moderator
from bot.discord_bot.render import COLOUR_ANSWER, COLOUR_UNKNOWN, NO_MENTIONS, escape, fit, plural
from bot.models import Problem
from bot.services.changes import change_lines, describe_entry, when
from bot.services.gaps import Gap, find_gaps
from bot.services.lifecycle import RefreshReport
from bot.services.refresh_labels import RefreshOutcome, broken_note, refresh_label, refresh_outcome
from bot.services.stats import Stats, collect_stats
from bot.snapshot import Snapshot
from bot.storage.questions import RatedAnswer
from bot.storage.snapshots import SnapshotInfo

if TYPE_CHECKING:
    from bot.discord_bot.client import FAQBot

log = logging.getLogger(__name__)

PROBLEMS_SHOWN = 8  # problems listed in an embed; all of them go in an attached file when there are more
ITEMS_SHOWN = 8  # entries of one change list shown in an embed
HISTORY_SHOWN = 8  # history entries in /kb history
GAPS_SHOWN = 12  # groups of questions in /kb unanswered
ONLY_MODERATORS = "Only moderators (Manage Server, or a moderator role) can do that."
ROLLBACK_NOTE = (
    "The files in the knowledge folder are not changed: the next refresh (`/kb refresh`, "
    "`kb refresh`, or an automatic one) reads them again and re-applies what this undoes, "
    "unless they are fixed first."
)


def discord_author(user: discord.abc.User) -> str:
    """Name a member for the history: their Discord name and id."""
    return f"{user.name} (Discord {user.id})"


def _moment(at: str) -> str:
    """Show a stored time as Discord's own timestamp (local to each reader), else as text."""
    try:
        return discord.utils.format_dt(datetime.fromisoformat(at), "f")
    except (TypeError, ValueError):
        return escape(when(at))


def _items(items: Sequence[str]) -> str:
    shown = [f"• {escape(i)}" for i in items[:ITEMS_SHOWN]]
    if len(items) > ITEMS_SHOWN:
        shown.append(f"… and {len(items) - ITEMS_SHOWN} more")
    return "\n".join(shown)


def problems_text(problems: Sequence[Problem]) -> str:
    """Return every problem as plain text, one a line, for the attached file."""
    return "".join(f"{p}\n" for p in problems)


def problems_file(problems: Sequence[Problem]) -> discord.File | None:
    """Attach every problem as a text file when there are more than an embed shows."""
    if len(problems) <= PROBLEMS_SHOWN:
        return None
    return discord.File(io.BytesIO(problems_text(problems).encode()), filename="problems.txt")


def add_problems(embed: discord.Embed, problems: Sequence[Problem]) -> None:
    """Add the count of errors and warnings and the first few, errors first."""
    if not problems:
        return
    errors = sum(p.severity == "error" for p in problems)
    ordered = sorted(problems, key=lambda p: p.severity != "error")
    lines = [f"{'❌' if p.severity == 'error' else '⚠️'} {escape(str(p))}" for p in ordered[:PROBLEMS_SHOWN]]
    if len(problems) > PROBLEMS_SHOWN:
        lines.append(f"… all {len(problems)} in the attached problems.txt")
    name = f"{plural(errors, 'error')}, {plural(len(problems) - errors, 'warning')}"
    embed.add_field(name=name, value="\n".join(lines), inline=False)


def refresh_embed(report: RefreshReport) -> discord.Embed:
    """Render what a refresh or rollback changed (or would), and its problems."""
    broken = len(report.broken)
    colour = {
        RefreshOutcome.REFUSED: discord.Colour.red(),
        RefreshOutcome.ROLLED_BACK: discord.Colour.orange(),
        RefreshOutcome.APPLIED: discord.Colour.green(),
    }.get(refresh_outcome(report), COLOUR_UNKNOWN)
    title = refresh_label(report)
    embed = discord.Embed(title=title, colour=colour)
    notes = []
    if report.refused:
        notes.append(escape(report.refused))
    if broken:
        notes.append(f"{broken_note(broken)}.")
    if report.kind == "rollback" and report.applied:
        notes.append(ROLLBACK_NOTE)
    embed.description = "\n\n".join(notes) or None
    for label, items in change_lines(report.summary()):
        embed.add_field(name=label[0].upper() + label[1:], value=_items(items), inline=False)
    add_problems(embed, report.problems)
    applied = f" · snapshot {report.snapshot_id}" if report.applied and report.snapshot_id else ""
    embed.set_footer(
        text=f"{report.documents} documents · {report.passages} passages · {report.roles} roles · "
        f"{report.seconds:.2f} s{applied}"
    )
    return fit(embed)


def status_embed(snapshot: Snapshot, info: SnapshotInfo | None) -> discord.Embed:
    """Render the knowledge base in use: its size, and which snapshot it is, when and by whom made."""
    corpus = snapshot.corpus
    embed = discord.Embed(title="Knowledge base", colour=COLOUR_ANSWER)
    embed.add_field(name="Documents", value=str(len(corpus.documents)))
    embed.add_field(name="Passages", value=str(len(corpus.passages)))
    embed.add_field(name="Roles", value=str(len(corpus.roles)))
    if info is not None:
        made = f"Snapshot {info.id}: {escape(describe_entry(info.summary, info.by))}, {_moment(info.at)}"
    elif snapshot.snapshot_id is not None:
        made = f"Snapshot {snapshot.snapshot_id}"
    else:
        made = "Read from the folder (not stored)"
    embed.add_field(name="In use", value=made, inline=False)
    embed.add_field(
        name="Answering from it since", value=discord.utils.format_dt(snapshot.loaded_at, "R"), inline=False
    )
    if snapshot.snapshot_id is not None:
        embed.set_footer(text=f"Snapshot {snapshot.snapshot_id}")
    return fit(embed)


def history_embed(entries: Sequence[SnapshotInfo]) -> discord.Embed:
    """Render the latest history entries: what each changed, who made it and when."""
    embed = discord.Embed(title="Knowledge base history", colour=COLOUR_ANSWER)
    if not entries:
        embed.description = "No snapshot stored yet."
        return embed
    for e in entries[:HISTORY_SHOWN]:
        lines = [f"{escape(describe_entry(e.summary, e.by))}, {_moment(e.at)}"]
        for label, items in change_lines(e.summary):
            shown = "; ".join(escape(i) for i in items[:3]) + (
                f" (+{len(items) - 3})" if len(items) > 3 else ""
            )
            lines.append(f"{label}: {shown}")
        marker = " — in use" if e.active else ""
        embed.add_field(name=f"Snapshot {e.id}{marker}", value="\n".join(lines), inline=False)
    if len(entries) > HISTORY_SHOWN:
        embed.set_footer(text=f"The latest {HISTORY_SHOWN}; 'python -m bot kb history' lists them all")
    return fit(embed)


def gaps_embed(gaps: Sequence[Gap], rated: Sequence[RatedAnswer], days: int) -> discord.Embed:
    """Render what went wrong for members: each group's count, kinds, latest date, closest passage."""
    embed = discord.Embed(
        title=f"What went wrong for members, last {days} days", colour=discord.Colour.orange()
    )
    lines = []
    for g in gaps[:GAPS_SHOWN]:
        line = f"**{g.count}×** {escape(g.question)}\n{g.kinds()} · latest {_moment(g.latest)}"
        if g.closest:
            line += f"\nclosest: {escape(g.closest)}"
        lines.append(line)
    if len(gaps) > GAPS_SHOWN:
        lines.append(f"… and {len(gaps) - GAPS_SHOWN} more ('python -m bot kb gaps' lists them all)")
    embed.description = (
        "\n\n".join(lines) or "Nothing: no question was declined, answered unsure or voted unhelpful. 🎉"
    )
    if rated:
        embed.add_field(
            name="Passages voted unhelpful",
            value="\n".join(
                f"**{r.unhelpful}×** {escape(r.source)}{' › ' + escape(r.section) if r.section else ''}"
                for r in rated
            ),
            inline=False,
        )
    return fit(embed)


def stats_embed(stats: Stats) -> discord.Embed:
    """Render the figures of /kb stats (the chart is attached as its image)."""
    embed = discord.Embed(title=f"How the bot is doing, last {stats.days} days", colour=COLOUR_ANSWER)
    lines = [f"**{stats.total}** questions"]
    if stats.total:
        lines.append(
            " · ".join(
                f"{stats.count(k)} {k} ({stats.count(k) / stats.total:.0%})"
                for k in ("answered", "unsure", "declined")
            )
        )
    share = stats.helpful_share
    votes = stats.helpful + stats.unhelpful
    lines.append(
        f"Helpful votes: {stats.helpful} of {votes} ({share:.0%})" if share is not None else "No votes yet"
    )
    if stats.latency_p50 is not None and stats.latency_p99 is not None:
        lines.append(f"Answer time: p50 {stats.latency_p50:.1f} ms · p99 {stats.latency_p99:.1f} ms")
    busiest = stats.busiest()
    if busiest:
        lines.append("Busiest hours (UTC): " + ", ".join(f"{h:02d}:00 ({n})" for h, n in busiest))
    embed.description = "\n".join(lines)
    if stats.gaps:
        embed.add_field(
            name="Top unanswered topics",
            value="\n".join(f"**{g.count}×** {escape(g.question)} ({g.kinds()})" for g in stats.gaps),
            inline=False,
        )
    return fit(embed)


class RollbackConfirm(discord.ui.View):
    """ "Roll back" / "Cancel" under a rollback preview; only the moderator who asked may press."""

    def __init__(self, cog: KnowledgeCog, owner: int, target: int, timeout: float) -> None:
        super().__init__(timeout=timeout)
        self.cog = cog
        self.owner = owner
        self.target = target
        self.message_edit: Any = None  # edits the preview when the buttons time out

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Let only the moderator who asked press, and only while still a moderator."""
        if interaction.user.id != self.owner or not self.cog.is_moderator(interaction):
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
        await self.cog.bot.apologise(interaction, error)

    async def on_timeout(self) -> None:
        """Disable the buttons: a stale preview must not roll back later."""
        for child in self.children:
            child.disabled = True  # type: ignore[attr-defined]
        if self.message_edit is not None:
            try:
                await self.message_edit(view=self)
            except discord.HTTPException:
                log.debug("could not disable an expired rollback preview", exc_info=True)

    @discord.ui.button(label="Roll back", style=discord.ButtonStyle.danger)
    async def confirm(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        """Roll back now, and show what changed."""
        self.stop()
        await interaction.response.defer()
        report = await self.cog.knowledge.rollback(self.target, by=discord_author(interaction.user))
        await interaction.edit_original_response(
            embed=refresh_embed(report), view=None, allowed_mentions=NO_MENTIONS
        )
        await self.cog.bot.announce()

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary)
    async def cancel(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        """Leave the knowledge base as it is."""
        self.stop()
        await interaction.response.edit_message(
            content="Rollback cancelled: nothing changed.",
            embed=None,
            view=None,
            allowed_mentions=NO_MENTIONS,
        )


class KnowledgeCog(
    commands.GroupCog, group_name="kb", group_description="The knowledge base behind the answers"
):
    """/kb status, refresh, history, rollback, unanswered and stats."""

    def __init__(self, bot: FAQBot) -> None:
        self.bot = bot
        self.settings = bot.runtime.services.settings
        self.knowledge = bot.runtime.knowledge
        super().__init__()

    def is_moderator(self, interaction: discord.Interaction) -> bool:
        """Tell whether the member of this interaction may use moderator commands."""
        return is_moderator(interaction, self.settings.discord.moderator_roles)

    async def _moderators_only(self, interaction: discord.Interaction) -> bool:
        if self.is_moderator(interaction):
            return True
        await interaction.response.send_message(ONLY_MODERATORS, ephemeral=True, allowed_mentions=NO_MENTIONS)
        return False

    @app_commands.command(name="status")
    async def status(self, interaction: discord.Interaction) -> None:
        """How many documents, passages and roles the bot knows, and which snapshot it answers from."""
        snapshot = self.bot.runtime.services.holder.current
        info = await self.knowledge.info(snapshot.snapshot_id) if snapshot.snapshot_id is not None else None
        await interaction.response.send_message(
            embed=status_embed(snapshot, info), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(name="refresh")
    @app_commands.describe(dry_run="Only show what would change")
    async def refresh(self, interaction: discord.Interaction, dry_run: bool = False) -> None:
        """Reload the knowledge folder without a restart (moderators)."""
        if not await self._moderators_only(interaction):
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        report = await self.knowledge.refresh(by=discord_author(interaction.user), dry_run=dry_run)
        kwargs: dict[str, Any] = {
            "embed": refresh_embed(report),
            "ephemeral": True,
            "allowed_mentions": NO_MENTIONS,
        }
        attached = problems_file(report.problems)
        if attached is not None:
            kwargs["file"] = attached
        await interaction.followup.send(**kwargs)
        if report.applied:
            await self.bot.announce()

    @app_commands.command(name="history")
    async def history(self, interaction: discord.Interaction) -> None:
        """The latest refreshes and rollbacks: what changed, who made them, when (moderators)."""
        if not await self._moderators_only(interaction):
            return
        entries = await self.knowledge.history()
        await interaction.response.send_message(
            embed=history_embed(entries), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(name="rollback")
    @app_commands.describe(
        snapshot="The snapshot whose files to restore (default: the one before the one in use)"
    )
    async def rollback(
        self, interaction: discord.Interaction, snapshot: app_commands.Range[int, 1, 2**53] | None = None
    ) -> None:
        """Go back to an earlier snapshot, after you confirm (moderators)."""
        if not await self._moderators_only(interaction):
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        preview = await self.knowledge.rollback(snapshot, by=discord_author(interaction.user), dry_run=True)
        assert preview.restores is not None
        target = await self.knowledge.info(preview.restores)
        embed = refresh_embed(preview)
        embed.title = f"Roll back to the files of snapshot {preview.restores}?"
        embed.colour = discord.Colour.orange()
        made = (
            f"Snapshot {target.id}: {escape(describe_entry(target.summary, target.by))}, {_moment(target.at)}"
            if target is not None
            else f"Snapshot {preview.restores}"
        )
        embed.description = (
            f"{made}\n\nThis would change what members get as listed below.\n\n{ROLLBACK_NOTE}"
        )
        view = RollbackConfirm(
            self, interaction.user.id, preview.restores, self.settings.discord.view_timeout_seconds
        )
        sent = await interaction.followup.send(
            embed=fit(embed), view=view, ephemeral=True, allowed_mentions=NO_MENTIONS, wait=True
        )
        view.message_edit = sent.edit  # to disable the buttons when they time out

    @rollback.autocomplete("snapshot")
    async def rollback_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[int]]:
        """Offer the latest snapshots, to moderators only (history names who made them)."""
        try:
            if not self.is_moderator(interaction):
                return []
            choices = []
            for e in await self.knowledge.history():
                if e.active or (current and not str(e.id).startswith(current.strip())):
                    continue
                label = f"{e.id} · {when(e.at)} · {describe_entry(e.summary, e.by)}"
                choices.append(app_commands.Choice(name=label[:100], value=e.id))
            return choices[:25]
        except Exception:
            log.exception("autocomplete failed")
            return []

    @app_commands.command(name="unanswered")
    @app_commands.describe(days="How far back to look")
    async def unanswered(
        self, interaction: discord.Interaction, days: app_commands.Range[int, 1, 365] = 30
    ) -> None:
        """Questions declined, answered unsure or voted unhelpful, grouped (moderators)."""
        if not await self._moderators_only(interaction):
            return
        gaps, rated = await find_gaps(self.bot.runtime.questions, self.bot.runtime.services.holder, days)
        await interaction.response.send_message(
            embed=gaps_embed(gaps, rated, days), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(name="stats")
    @app_commands.describe(days="How far back to look")
    async def stats(
        self, interaction: discord.Interaction, days: app_commands.Range[int, 1, 365] = 30
    ) -> None:
        """How the bot is doing: questions by outcome, helpful votes, busy hours, answer time (moderators)."""
        if not await self._moderators_only(interaction):
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        figures = await collect_stats(self.bot.runtime.questions, self.bot.runtime.services.holder, days)
        embed = stats_embed(figures)
        kwargs: dict[str, Any] = {"embed": embed, "ephemeral": True, "allowed_mentions": NO_MENTIONS}
        try:
            from bot.charts import stats_png

            png = await asyncio.to_thread(stats_png, figures)
        except ImportError as exc:  # matplotlib missing from this install: the figures still go out
            log.warning("no chart for /kb stats: %s", exc)
        else:
            kwargs["file"] = discord.File(io.BytesIO(png), filename="stats.png")
            embed.set_image(url="attachment://stats.png")
        await interaction.followup.send(**kwargs)
