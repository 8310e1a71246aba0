"""/roles and /role: read arguments, call one service, render, reply.

Answers are in :mod:`bot.discord_bot.answering`, the moderators' /kb commands in
:mod:`bot.discord_bot.moderation`.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from bot.config import DiscordSettings
from bot.discord_bot.components import Parts, RolesPager, filters_text, link_view
from bot.discord_bot.render import (
    NO_MENTIONS,
    escape,
    role_embed,
)
from bot.models import RoleType  # the option's choices: the one definition of the role types
from bot.services.roles import RoleFilter, RoleService

log = logging.getLogger(__name__)

Choices = list[app_commands.Choice[str]]
CogT = TypeVar("CogT", bound=commands.Cog)
Autocomplete = Callable[[CogT, discord.Interaction, str], Coroutine[Any, Any, Choices]]


def no_choices_on_error(handler: Autocomplete[CogT]) -> Autocomplete[CogT]:
    """Wrap an autocomplete handler: on any error, log it and offer no choices.

    discord.py only logs autocomplete errors and sends nothing, so the member's menu would
    spin and fail; an empty list is an answer Discord can show.
    """

    @functools.wraps(handler)
    async def wrapper(self: CogT, interaction: discord.Interaction, current: str) -> Choices:
        try:
            return await handler(self, interaction, current)
        except Exception:
            log.exception("autocomplete failed")
            return []

    return wrapper


class RolesCog(commands.Cog):
    """Open roles: /roles and /role, from the role service it is given."""

    def __init__(self, roles: RoleService, settings: DiscordSettings) -> None:
        self.roles = roles
        self.settings = settings

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
            self.settings.roles_page_size,
            interaction.user.id,
            self.settings.view_timeout_seconds,
            on_timeout_edit=lambda v: interaction.edit_original_response(view=v),
            programmes=programmes,
        )
        embed = view.current()
        if not view.has_pager:
            view.stop()  # nothing to turn: link buttons only, which need no timeout
        kwargs: Parts = {"embed": embed, "allowed_mentions": NO_MENTIONS}
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
        document = self.roles.source(role)
        source_url = document.url if document else None
        embed = role_embed(role, document.title if document else None, source_url, self.roles.is_stale(role))
        kwargs: Parts = {"embed": embed, "allowed_mentions": NO_MENTIONS}
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
