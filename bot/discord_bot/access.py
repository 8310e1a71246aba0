"""Who may do what: moderators, and a per-member cooldown on questions."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TypeVar

import discord
from discord import app_commands

ONLY_MODERATORS = "Only moderators (Manage Server, or a moderator role) can do that."
T = TypeVar("T")


def is_moderator(interaction: discord.Interaction, moderator_roles: Sequence[str]) -> bool:
    """Tell whether the member may run moderator commands.

    Checked server side on every moderator command (``moderators_only``) and button press,
    from what Discord resolved for this interaction (the member's permissions in the channel
    and their roles), not only from the command's defaults, which a server admin can change.
    """
    if interaction.guild is None or not isinstance(interaction.user, discord.Member):
        return False
    perms = interaction.permissions
    if perms.manage_guild or perms.administrator:
        return True
    wanted = {str(r).casefold() for r in moderator_roles}
    return any(str(role.id) in wanted or role.name.casefold() in wanted for role in interaction.user.roles)


class ModeratorRule:
    """Who may use the moderator commands and buttons: Manage Server or Administrator in the
    channel, or one of ``roles`` (names or ids, from ``discord.moderator_roles``)."""

    def __init__(self, roles: Sequence[str]) -> None:
        self.roles = tuple(roles)

    def __call__(self, interaction: discord.Interaction) -> bool:
        """Tell whether the member of this interaction is a moderator."""
        return is_moderator(interaction, self.roles)


class NotModerator(app_commands.CheckFailure):
    """A member who is not a moderator used a moderator command (answered by the tree's handler)."""

    def __init__(self) -> None:
        super().__init__(ONLY_MODERATORS)


def moderators_only() -> Callable[[T], T]:
    """The moderator rule as an ``app_commands.check``, for the commands of a cog holding one.

    discord.py gives a check only the interaction, so the rule is the one of the command's cog
    (its ``moderators``, a :class:`ModeratorRule` given to it when the bot is built), found
    through the command's binding. It fails closed: without a rule nobody passes. A refusal
    raises :class:`NotModerator` before the command runs; the tree's error handler tells the
    member privately.
    """

    def predicate(interaction: discord.Interaction) -> bool:
        command = interaction.command
        cog = command.binding if isinstance(command, app_commands.Command) else None
        rule = getattr(cog, "moderators", None)
        if isinstance(rule, ModeratorRule) and rule(interaction):
            return True
        raise NotModerator()

    return app_commands.check(predicate)


class Cooldown:
    """At most one question per member every ``seconds`` seconds."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.clock = clock
        self._last: dict[int, float] = {}

    def retry_after(self, user_id: int) -> float:
        """Return 0 and start a new period if the member may ask now, else the seconds left."""
        now = self.clock()
        last = self._last.get(user_id)
        if last is not None and now - last < self.seconds:
            return self.seconds - (now - last)
        self._last[user_id] = now
        if len(self._last) > 10_000:  # forget members whose period is long over
            self._last = {u: t for u, t in self._last.items() if now - t < self.seconds}
        return 0.0

    def release(self, user_id: int) -> None:
        """End the member's current period: their question was not answered (an error on our side)."""
        self._last.pop(user_id, None)
