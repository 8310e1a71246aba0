"""Buttons and menus. Votes, sharing and suggestions encode their state in the custom id, so
they keep working after a restart; the role pager lives as long as its timeout.

Nothing here reaches into the bot: a vote is stored in the vote store and a picked suggestion
is asked of the asker that :class:`AnswerComponents` is given (discord.py builds persistent
items from their custom id, so the ones under answers are classes bound to those).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, ClassVar, Protocol, Self, TypedDict, TypeVar

import discord

from bot.discord_bot.failures import apologise
from bot.discord_bot.render import NO_MENTIONS, escape, link_url, roles_embed, shared_embed
from bot.models import Answer, Role
from bot.services.roles import Programme, RoleFilter, RoleService

log = logging.getLogger(__name__)

Button = discord.ui.Button[discord.ui.View]
Select = discord.ui.Select[discord.ui.View]


class Parts(TypedDict, total=False):
    """What a message the bot sends is made of (a view only when there is one to send)."""

    embed: discord.Embed
    view: discord.ui.View
    allowed_mentions: discord.AllowedMentions


class InteractionReply(Parts, total=False):
    """The parts of a reply to an interaction."""

    ephemeral: bool


class FollowUp(InteractionReply, total=False):
    """The parts of a follow-up to a deferred interaction, with a file when there is one."""

    file: discord.File


class MessageReply(Parts, total=False):
    """The parts of a reply to a message."""

    mention_author: bool


class VoteStore(Protocol):
    """Where votes on answers are kept (the question log)."""

    async def vote_of(self, question_id: int, user_id: int) -> bool | None: ...

    async def vote(self, question_id: int, user_id: int, helpful: bool) -> bool: ...


class Asker(Protocol):
    """What answers a question asked through an interaction (the ask cog)."""

    async def respond(
        self, interaction: discord.Interaction, question: str, *, typed: bool = True
    ) -> None: ...


ItemT = TypeVar("ItemT", bound=discord.ui.Item[Any])
Callback = Callable[[ItemT, discord.Interaction], Coroutine[Any, Any, None]]


def apologising(callback: Callback[ItemT]) -> Callback[ItemT]:
    """Wrap a component callback so any error gets the bot's private apology.

    discord.py only logs errors of dynamic items (votes, share, suggestions); without this
    the member would see "This interaction failed" and nothing else.
    """

    @functools.wraps(callback)
    async def wrapper(self: ItemT, interaction: discord.Interaction) -> None:
        try:
            await callback(self, interaction)
        except Exception as exc:
            await apologise(interaction, exc)

    return wrapper


VOTE_LABELS = {True: "👍 Helpful", False: "👎 Not helpful"}


def vote_style(helpful: bool, chosen: bool | None) -> discord.ButtonStyle:
    """The chosen vote stands out (green or red); the other, and both before a vote, are grey."""
    if chosen is None or chosen != helpful:
        return discord.ButtonStyle.secondary
    return discord.ButtonStyle.success if helpful else discord.ButtonStyle.danger


def vote_text(before: bool | None, helpful: bool, stored: bool) -> str:
    """Say which vote was recorded: the first, the same again, or a change."""
    if not stored:
        return "Thanks! Your vote could not be saved right now: please try again later."
    if before is None:
        return f"Recorded your vote: **{VOTE_LABELS[helpful]}**. Thanks for the feedback!"
    if before == helpful:
        return f"Your vote is already **{VOTE_LABELS[helpful]}**."
    return f"Changed your vote to **{VOTE_LABELS[helpful]}**."


class VoteButton(discord.ui.DynamicItem[Button], template=r"faqbot:vote:(?P<qid>\d+):(?P<helpful>[01])"):
    """ "Helpful" / "Not helpful" on an answer; the vote is stored with the member's id.

    The member sees their vote: on their own private answer the chosen button is highlighted in
    place; on a public answer (which others see too) they get a private copy of the two buttons
    with theirs highlighted. Clicking the other one changes the vote. Used through the class
    :class:`AnswerComponents` binds to a vote store.
    """

    votes: ClassVar[VoteStore]

    def __init__(self, question_id: int, helpful: bool, chosen: bool | None = None) -> None:
        super().__init__(
            discord.ui.Button(
                label="Helpful" if helpful else "Not helpful",
                emoji="👍" if helpful else "👎",
                style=vote_style(helpful, chosen),
                custom_id=f"faqbot:vote:{question_id}:{int(helpful)}",
            )
        )
        self.question_id = question_id
        self.helpful = helpful

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Self:
        return cls(int(match["qid"]), match["helpful"] == "1")

    @apologising
    async def callback(self, interaction: discord.Interaction) -> None:
        before = await self.votes.vote_of(self.question_id, interaction.user.id)
        stored = await self.votes.vote(self.question_id, interaction.user.id, self.helpful)
        text = vote_text(before, self.helpful, stored)
        chosen = self.helpful if stored else before
        message = interaction.message
        if message is not None and message.flags.ephemeral:  # only this member sees it: mark it there
            await interaction.response.edit_message(
                content=text, view=_restyled(message, self.question_id, chosen)
            )
            return
        view = discord.ui.View(timeout=None)
        view.add_item(type(self)(self.question_id, True, chosen))
        view.add_item(type(self)(self.question_id, False, chosen))
        await interaction.response.send_message(text, view=view, ephemeral=True, allowed_mentions=NO_MENTIONS)


def _restyled(message: discord.Message, question_id: int, chosen: bool | None) -> discord.ui.View:
    """The message's own components, with the vote buttons of ``question_id`` showing ``chosen``."""
    view = discord.ui.View.from_message(message, timeout=None)
    for item in view.children:
        if isinstance(item, discord.ui.Button) and item.custom_id:
            found = VoteButton.__discord_ui_compiled_template__.fullmatch(item.custom_id)
            if found and int(found["qid"]) == question_id:
                item.style = vote_style(found["helpful"] == "1", chosen)
    return view


class ShareButton(discord.ui.DynamicItem[Button], template=r"faqbot:share"):
    """Post a private answer in the channel for everyone."""

    def __init__(self) -> None:
        super().__init__(
            discord.ui.Button(
                label="Share in channel", style=discord.ButtonStyle.primary, custom_id="faqbot:share"
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Self:
        return cls()

    @apologising
    async def callback(self, interaction: discord.Interaction) -> None:
        message = interaction.message
        if message is None or not message.embeds:
            await interaction.response.send_message("There is nothing to share.", ephemeral=True)
            return
        embed = shared_embed(message.embeds[0], interaction.user.display_name)
        await interaction.response.send_message(embed=embed, allowed_mentions=NO_MENTIONS)


class SuggestionSelect(discord.ui.DynamicItem[Select], template=r"faqbot:suggest"):
    """When there is no answer: pick one of the closest questions the bot can answer. Used through
    the class :class:`AnswerComponents` binds to an asker."""

    asker: ClassVar[Asker]

    def __init__(self, suggestions: tuple[str, ...] = ()) -> None:
        options = [
            discord.SelectOption(label=s[:100], value=s[:100]) for s in dict.fromkeys(suggestions)
        ] or [discord.SelectOption(label="-", value="-")]
        super().__init__(
            discord.ui.Select(placeholder="Did you mean…", options=options[:25], custom_id="faqbot:suggest")
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Self:
        return cls()

    @apologising
    async def callback(self, interaction: discord.Interaction) -> None:
        values = self.item.values  # what the member picked, as sent with this interaction
        if not values:
            await interaction.response.defer()
            return
        await self.asker.respond(interaction, values[0], typed=False)


class AnswerComponents:
    """The persistent buttons and menu under answers, bound to what they call: votes go to
    ``votes``, a picked suggestion is asked of ``asker``.

    discord.py rebuilds a persistent item from its custom id with its class alone, so the
    dependencies live on a subclass made here, one per bot: register ``dynamic_items`` with
    the bot, and build answers' components with :meth:`view` (a view sent with another class
    would replace the registered one).
    """

    def __init__(self, votes: VoteStore, asker: Asker) -> None:
        class BoundVote(VoteButton, template=VoteButton.__discord_ui_compiled_template__):
            pass

        class BoundSuggestion(SuggestionSelect, template=SuggestionSelect.__discord_ui_compiled_template__):
            pass

        BoundVote.votes = votes
        BoundSuggestion.asker = asker
        self.vote: type[VoteButton] = BoundVote
        self.suggestion: type[SuggestionSelect] = BoundSuggestion

    @property
    def dynamic_items(self) -> tuple[type[discord.ui.DynamicItem[Any]], ...]:
        """The classes to register with the bot so presses after a restart are handled."""
        return (self.vote, ShareButton, self.suggestion)

    def view(self, question_id: int | None, answer: Answer, *, share: bool) -> discord.ui.View | None:
        """Build the components under an answer (none when there is nothing to click).

        Cited answers (sure or not) get the vote buttons when stored, and *Share* when private;
        the open roles matching an answer are *Apply* link buttons; a decline offers its closest
        questions once, as a menu.
        """
        view = discord.ui.View(timeout=None)
        if (answer.citations or answer.listed) and question_id is not None:
            view.add_item(self.vote(question_id, True))
            view.add_item(self.vote(question_id, False))
        if (answer.citations or answer.listed) and share:
            view.add_item(ShareButton())
        if answer.citations or answer.listed:
            for n, button in enumerate(apply_buttons(answer.roles)[:10]):
                button.row = 1 + n // 5
                view.add_item(button)
        if not answer.citations and answer.reply is None and answer.suggestions:
            view.add_item(self.suggestion(answer.suggestions))
        return view if view.children else None


def apply_buttons(roles: Sequence[Role], row: int | None = None) -> list[Button]:
    """Return an "Apply" link button for each role with a usable apply link."""
    buttons: list[Button] = []
    for role in roles:
        url = link_url(role.apply_url)
        if url:
            label = f"Apply: {role.title}" if len(roles) > 1 else "Apply"
            label = label if len(label) <= 80 else label[:79].rstrip() + "…"
            buttons.append(discord.ui.Button(label=label, url=url, row=row))
    return buttons


def link_view(role: Role, source_url: str | None = None) -> discord.ui.View | None:
    """The link buttons under one role: Apply, and the posting itself."""
    view = discord.ui.View(timeout=None)
    for button in apply_buttons([role]):
        view.add_item(button)
    url = link_url(source_url)
    if url and url != link_url(role.apply_url):
        view.add_item(discord.ui.Button(label="Posting", url=url))
    return view if view.children else None


class RolesPager(discord.ui.View):
    """Previous / Next through a role listing, with an Apply link button per role shown.

    Only the member who asked can turn pages; with a single page there is no pager at all.
    """

    def __init__(
        self,
        roles: RoleService,
        flt: RoleFilter,
        filters_text: str,
        page_size: int,
        owner_id: int,
        timeout: float,
        on_timeout_edit: Callable[[discord.ui.View], Any] | None = None,
        programmes: Sequence[Programme] = (),
    ) -> None:
        super().__init__(timeout=timeout)
        self.roles = roles
        self.flt = flt
        self.filters_text = filters_text
        self.page_size = page_size
        self.owner_id = owner_id
        self.number = 1
        self.pages = 1
        self.programmes = tuple(programmes)
        self.on_timeout_edit = on_timeout_edit
        self.pager = (self.previous, self.position, self.next)

    def current(self) -> discord.Embed:
        """Return the embed of the current page (clamping the page number), and set the buttons."""
        page = self.roles.page(self.flt, self.number, self.page_size)
        self.number, self.pages = page.number, page.pages
        self.clear_items()
        if page.pages > 1:
            for item in self.pager:
                self.add_item(item)
            self.previous.disabled = self.number <= 1
            self.next.disabled = self.number >= page.pages
            self.position.label = f"page {self.number} of {page.pages}"
        for button in apply_buttons(page.roles, row=1):
            self.add_item(button)
        return roles_embed(page, self.filters_text, self.programmes)

    @property
    def has_pager(self) -> bool:
        """Tell whether the listing has more than one page (and so buttons that time out)."""
        return self.pages > 1

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id != self.owner_id:
            await interaction.response.send_message(
                "These pages belong to someone else: use /roles to get your own.",
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )
            return False
        return True

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary, row=0)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button[RolesPager]) -> None:
        self.number -= 1
        await interaction.response.edit_message(embed=self.current(), view=self)

    @discord.ui.button(label="page 1 of 1", style=discord.ButtonStyle.secondary, disabled=True, row=0)
    async def position(self, interaction: discord.Interaction, button: discord.ui.Button[RolesPager]) -> None:
        await interaction.response.defer()  # never enabled; here for its label

    @discord.ui.button(label="Next", style=discord.ButtonStyle.secondary, row=0)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button[RolesPager]) -> None:
        self.number += 1
        await interaction.response.edit_message(embed=self.current(), view=self)

    async def on_timeout(self) -> None:
        if not self.has_pager:
            return  # link buttons keep working: nothing to disable
        for item in self.children:
            if isinstance(item, discord.ui.Button) and item.url is None:
                item.disabled = True
        if self.on_timeout_edit is not None:
            try:
                await self.on_timeout_edit(self)
            except discord.HTTPException:
                log.debug("could not disable the role pager after its timeout", exc_info=True)

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        await apologise(interaction, error)


def filters_text(flt: RoleFilter) -> str:
    """Describe the filters of a listing, escaped."""
    parts = [
        f"{k}: {escape(v)}"
        for k, v in (("type", flt.type), ("org", flt.org), ("location", flt.location), ("query", flt.query))
        if v
    ]
    if flt.remote:
        parts.append("remote")
    return ", ".join(parts)
