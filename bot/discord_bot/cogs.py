"""Slash commands and mention handling: read arguments, call one service, render, reply."""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot.access import Cooldown, is_moderator
from bot.discord_bot.components import RolesPager, answer_view, filters_text, link_view
from bot.discord_bot.render import (
    NO_MENTIONS,
    answer_embed,
    escape,
    fit,
    help_embed,
    refresh_embed,
    role_embed,
    status_embed,
)
from bot.errors import QuestionError
from bot.models import Answer
from bot.services.gaps import find_gaps
from bot.services.roles import RoleFilter

if TYPE_CHECKING:
    from bot.discord_bot.client import FAQBot

log = logging.getLogger(__name__)

RoleType = Literal["internship", "residency", "fellowship", "full-time", "part-time", "contract"]
HELP = (
    "• Mention me with a question, e.g. `@{name} Can I do the residency part-time?`, or DM me\n"
    "• `/ask` for a private answer, `/roles` for open roles, `/role` for one role in full"
)


Choices = list[app_commands.Choice[str]]


def no_choices_on_error(
    handler: Callable[[Any, discord.Interaction, str], Awaitable[Choices]],
) -> Callable[[Any, discord.Interaction, str], Awaitable[Choices]]:
    """Wrap an autocomplete handler: on any error, log it and offer no choices.

    discord.py only logs autocomplete errors and sends nothing, so the member's menu would
    spin and fail; an empty list is an answer Discord can show.
    """

    @functools.wraps(handler)
    async def wrapper(self: Any, interaction: discord.Interaction, current: str) -> Choices:
        try:
            return await handler(self, interaction, current)
        except Exception:
            log.exception("autocomplete failed")
            return []

    return wrapper


class AskCog(commands.Cog):
    """Answers: /ask, mentions and direct messages."""

    def __init__(self, bot: FAQBot) -> None:
        self.bot = bot
        self.settings = bot.runtime.services.settings
        self.answers = bot.runtime.services.answers
        self.questions = bot.runtime.questions
        self.cooldown = Cooldown(self.settings.discord.cooldown_seconds)

    def _limit_message(self, user_id: int, question: str, typed: bool = True) -> str | None:
        """Return a friendly refusal for an over-long question or a member over the cooldown.

        Only questions the member typed count against the cooldown: a follow-up they picked
        (a suggestion, a button) never does.
        """
        limit = self.settings.answers.max_question_chars
        if len(question) > limit:
            return f"That question is a bit long ({len(question)} characters): please keep it under {limit}."
        if not typed:
            return None
        wait = self.cooldown.retry_after(user_id)
        if wait:
            return f"One question at a time, please: try again in {wait:.0f} s."
        return None

    async def answer(
        self, question: str, *, guild_id: int | None, channel_id: int | None
    ) -> tuple[Answer, int | None]:
        """Answer and record a question; return the answer and its stored id."""
        start = time.perf_counter()
        answer = self.answers.ask(question)
        latency = (time.perf_counter() - start) * 1000
        qid = await self.questions.record(answer, latency, guild_id=guild_id, channel_id=channel_id)
        return answer, qid

    async def respond(self, interaction: discord.Interaction, question: str, *, typed: bool = True) -> None:
        """Answer a question asked through an interaction (``typed``: by the member, not picked)."""
        refusal = self._limit_message(interaction.user.id, question, typed)
        if refusal:
            await interaction.response.send_message(refusal, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        try:
            answer, qid = await self.answer(
                question, guild_id=interaction.guild_id, channel_id=interaction.channel_id
            )
        except QuestionError as exc:
            self.cooldown.release(interaction.user.id)
            await interaction.response.send_message(str(exc), ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        except Exception:
            self.cooldown.release(interaction.user.id)  # the apology should not cost them their question
            raise
        if answer.reply is not None:  # a greeting or "help": for the member only, and free
            self.cooldown.release(interaction.user.id)
            await interaction.response.send_message(
                embed=self.help_embed(answer), ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        public = self.settings.discord.public_replies
        view = answer_view(qid, answer, share=not public)
        kwargs = {"embed": self.embed(answer), "ephemeral": not public, "allowed_mentions": NO_MENTIONS}
        if view is not None:
            kwargs["view"] = view
        await interaction.response.send_message(**kwargs)

    def embed(self, answer: Answer, requested_by: str | None = None) -> discord.Embed:
        """Render an answer with this bot's settings."""
        return answer_embed(
            answer, show_matched=self.settings.discord.show_matched_words, requested_by=requested_by
        )

    def help_embed(self, answer: Answer) -> discord.Embed:
        """Render the core's reply to small talk, with how to ask in Discord."""
        name = escape(self.bot.user.display_name) if self.bot.user else "faqbot"
        return help_embed(answer.reply or "", HELP.format(name=name))

    async def tell_privately(self, message: discord.Message, embed: discord.Embed) -> None:
        """Send ``embed`` to the message's author only: in a DM (a reply when the message is one), else
        as a reply in the channel when their DMs are closed."""
        if message.guild is None:
            await message.reply(embed=embed, mention_author=False, allowed_mentions=NO_MENTIONS)
            return
        try:
            await message.author.send(embed=embed, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException:  # DMs closed: answer where they asked
            await message.reply(embed=embed, mention_author=False, allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="ask")
    @app_commands.describe(question="What you want to know, e.g. “Can I do the residency part-time?”")
    async def ask(self, interaction: discord.Interaction, question: app_commands.Range[str, 1, 1000]) -> None:
        """Ask a question about the programs and roles; the answer cites its source."""
        await self.respond(interaction, question)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer a mention or a direct message, in a reply to it."""
        if message.author.bot or self.bot.user is None:
            return
        direct = message.guild is None
        if not direct and self.bot.user not in message.mentions:
            return
        question = re.sub(rf"<@!?{self.bot.user.id}>", "", message.content).strip() or "help"
        try:
            refusal = self._limit_message(message.author.id, question)
            if refusal:
                await message.reply(refusal, mention_author=False, allowed_mentions=NO_MENTIONS)
                return
            answer, qid = await self.answer(
                question, guild_id=message.guild.id if message.guild else None, channel_id=message.channel.id
            )
            if answer.reply is not None:  # a greeting or "help" (a bare mention too): for the member only
                self.cooldown.release(message.author.id)  # and free: their question may come next
                await self.tell_privately(message, self.help_embed(answer))
                return
            view = answer_view(qid, answer, share=False)
            kwargs = {"embed": self.embed(answer), "mention_author": False, "allowed_mentions": NO_MENTIONS}
            if view is not None:
                kwargs["view"] = view
            await message.reply(**kwargs)
        except Exception:
            log.exception("failed to answer a message")
            self.cooldown.release(message.author.id)
            with contextlib.suppress(discord.HTTPException):
                await message.reply(
                    "Sorry, something went wrong while answering. Please try again.",
                    mention_author=False,
                    allowed_mentions=NO_MENTIONS,
                )


class RolesCog(commands.Cog):
    """Open roles: /roles and /role."""

    def __init__(self, bot: FAQBot) -> None:
        self.bot = bot
        self.settings = bot.runtime.services.settings
        self.roles = bot.runtime.services.roles

    @app_commands.command(name="roles")
    @app_commands.describe(
        type="Only roles of this kind",
        org="Only roles at this organisation or team",
        location="Words of the place, e.g. EMEA, Canada, Berlin (or 'remote')",
        query="Words of the title, team, organisation or description",
        remote="Only remote roles",
    )
    async def list_roles(
        self,
        interaction: discord.Interaction,
        type: RoleType | None = None,
        org: app_commands.Range[str, 1, 100] | None = None,
        location: app_commands.Range[str, 1, 100] | None = None,
        query: app_commands.Range[str, 1, 100] | None = None,
        remote: bool = False,
    ) -> None:
        """List open roles, newest first."""
        flt = RoleFilter(type=type, org=org, location=location, query=query, remote=remote)
        programmes = self.roles.by_nomination(type) if type else []
        view = RolesPager(
            self.roles,
            flt,
            filters_text(flt),
            self.settings.discord.roles_page_size,
            interaction.user.id,
            self.settings.discord.view_timeout_seconds,
            on_timeout_edit=lambda v: interaction.edit_original_response(view=v),
            programmes=programmes,
        )
        embed = view.current()
        if not view.has_pager:
            view.stop()  # nothing to turn: link buttons only, which need no timeout
        kwargs = {"embed": embed, "allowed_mentions": NO_MENTIONS}
        if view.children:
            kwargs["view"] = view
        await interaction.response.send_message(**kwargs)

    @list_roles.autocomplete("org")
    @no_choices_on_error
    async def org_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        names = [n for n in self.roles.orgs() if current.casefold() in n.casefold()]
        return [app_commands.Choice(name=n[:100], value=n[:100]) for n in names[:25]]

    @app_commands.command(name="role")
    @app_commands.describe(name="The role (start typing its title, e.g. “ml engineer”)")
    async def show_role(
        self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 200]
    ) -> None:
        """Show one open role in full, with its apply link and source."""
        role = self.roles.get(name)
        if role is None:
            matches = self.roles.complete(name, limit=2)
            role = matches[0] if len(matches) == 1 else None
        if role is None:
            await interaction.response.send_message(
                f"I found no single open role called “{escape(name)}”: pick one from the list as you type.",
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )
            return
        document = next(
            (d for d in self.bot.runtime.services.holder.current.corpus.documents if d.source == role.source),
            None,
        )
        source_url = document.url if document else None
        embed = role_embed(role, document.title if document else None, source_url, self.roles.is_stale(role))
        kwargs = {"embed": embed, "allowed_mentions": NO_MENTIONS}
        view = link_view(role, source_url)
        if view is not None:
            kwargs["view"] = view
        await interaction.response.send_message(**kwargs)

    @show_role.autocomplete("name")
    @no_choices_on_error
    async def role_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        choices = []
        for r in self.roles.complete(current, limit=25):
            label = " — ".join(x for x in (r.title, r.org or r.team) if x)
            label = label if len(label) <= 100 else label[:99].rstrip() + "…"
            choices.append(app_commands.Choice(name=label, value=r.id[:100]))
        return choices


class KnowledgeCog(
    commands.GroupCog, group_name="kb", group_description="The knowledge base behind the answers"
):
    """/kb status, refresh and unanswered."""

    def __init__(self, bot: FAQBot) -> None:
        self.bot = bot
        self.settings = bot.runtime.services.settings
        super().__init__()

    async def _moderators_only(self, interaction: discord.Interaction) -> bool:
        if is_moderator(interaction, self.settings.discord.moderator_roles):
            return True
        await interaction.response.send_message(
            "Only moderators (Manage Server, or a moderator role) can do that.", ephemeral=True
        )
        return False

    @app_commands.command(name="status")
    async def status(self, interaction: discord.Interaction) -> None:
        """How many documents, passages and roles the bot knows, and when they were refreshed."""
        await interaction.response.send_message(
            embed=status_embed(self.bot.runtime.services.holder.current), ephemeral=True
        )

    @app_commands.command(name="refresh")
    @app_commands.describe(dry_run="Only show what would change")
    async def refresh(self, interaction: discord.Interaction, dry_run: bool = False) -> None:
        """Reload the knowledge folder without a restart (moderators)."""
        if not await self._moderators_only(interaction):
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        report = await self.bot.runtime.knowledge.refresh(
            by=f"discord:{interaction.user.id}", dry_run=dry_run
        )
        await interaction.followup.send(
            embed=refresh_embed(report), ephemeral=True, allowed_mentions=NO_MENTIONS
        )
        if report.applied:
            await self.bot.announce()

    @app_commands.command(name="unanswered")
    @app_commands.describe(days="How far back to look")
    async def unanswered(
        self, interaction: discord.Interaction, days: app_commands.Range[int, 1, 365] = 30
    ) -> None:
        """The questions members asked that had no answer, and answers voted unhelpful (moderators)."""
        if not await self._moderators_only(interaction):
            return
        gaps, rated = await find_gaps(self.bot.runtime.questions, self.bot.runtime.services.holder, days)
        embed = discord.Embed(title=f"Unanswered questions, last {days} days", colour=discord.Colour.orange())
        embed.description = "\n".join(f"**{g.count}×** {escape(g.question)}" for g in gaps[:20]) or "None. 🎉"
        if rated:
            embed.add_field(
                name="Answers voted unhelpful",
                value="\n".join(
                    f"**{r.unhelpful}×** {escape(r.source)}{' › ' + escape(r.section) if r.section else ''}"
                    for r in rated
                ),
                inline=False,
            )
        await interaction.response.send_message(embed=fit(embed), ephemeral=True)
