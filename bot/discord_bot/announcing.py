"""Posting newly opened roles (and closing reminders) in the announcement channel, once each."""

from __future__ import annotations

import asyncio
import logging

import discord

from bot.discord_bot.components import link_view
from bot.discord_bot.render import NO_MENTIONS, announcement_embed
from bot.services.announcements import BASELINE, baseline, pending
from bot.services.roles import RoleService
from bot.storage.announcements import AnnouncementLog

log = logging.getLogger(__name__)


class Announcer:
    """Announce the roles of the knowledge base in use to ``channel``, recording what was posted
    in ``record`` so a restart never posts it again."""

    def __init__(
        self,
        roles: RoleService,
        record: AnnouncementLog,
        channel: discord.PartialMessageable,
        *,
        closing_soon_days: int,
        max_age_days: int,
    ) -> None:
        self.roles = roles
        self.record = record
        self.channel = channel
        self.closing_soon_days = closing_soon_days
        self.max_age_days = max_age_days
        self._lock = asyncio.Lock()

    async def announce(self) -> int:
        """Post what is new since the last time; return how many messages were posted.

        The first time, the roles already open are only noted: a new channel is not flooded.
        """
        async with self._lock:
            roles = self.roles.everything()
            today = self.roles.today()
            known = await self.record.known()
            if BASELINE not in known:
                rows = baseline(roles, today)
                await self.record.record(rows)
                known |= {key for key, _, _ in rows}
            posted = 0
            for item in pending(
                roles,
                today,
                known,
                closing_soon_days=self.closing_soon_days,
                max_age_days=self.max_age_days,
            ):
                embed = announcement_embed(item.kind, item.role)
                view = link_view(item.role)
                try:
                    if view is not None:
                        await self.channel.send(embed=embed, view=view, allowed_mentions=NO_MENTIONS)
                    else:
                        await self.channel.send(embed=embed, allowed_mentions=NO_MENTIONS)
                except discord.HTTPException as exc:
                    log.warning("cannot post in the announcement channel %s: %s", self.channel.id, exc)
                    break
                await self.record.record([(key, item.role.id, True) for key in item.keys])
                posted += 1
            return posted
