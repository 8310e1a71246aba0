"""Answers: /ask, mentions, DMs, follow-ups in conversations, "Find answer" on any message, and
help channels.

A conversation is a DM channel, a thread, or a chain of replies (a member replying to the
bot's answer, or to their own question): its earlier turns go to the answer service, which
reads a follow-up ("and is it remote?") as being about the same programme. Handlers stay
thin: read the message, find the conversation, call the service, render, reply. The cog
builds from what it is given: the answer service, the question log, the conversations and
its settings.
"""

from __future__ import annotations

import contextlib
import logging
import re
from datetime import timedelta

import discord
from discord import app_commands
from discord.ext import commands

from bot.config import DiscordSettings
from bot.discord_bot.access import Cooldown
from bot.discord_bot.components import AnswerComponents, InteractionReply, MessageReply, Parts
from bot.discord_bot.render import NO_MENTIONS, answer_embed, escape, help_embed
from bot.errors import QuestionError
from bot.models import Answer
from bot.services.asking import QuestionDesk
from bot.services.conversations import Conversations
from bot.services.validation import QUESTION_INPUT_CHARS, question_refusal
from bot.storage.questions import QuestionLog

log = logging.getLogger(__name__)

HELP = (
    "• Mention me with a question, e.g. `@{name} Can I do the residency part-time?`, or DM me\n"
    "• Reply to my answer for a follow-up, e.g. “and is it remote?”\n"
    "• `/ask` for a private answer, `/roles` for open roles, `/role` for one role in full"
)
SORRY = "Sorry, something went wrong while answering. Please try again."
# A thread in a help channel is new (its first message may be answered) this long after it
# was created; the first message the bot sees in an older thread is not that thread's first.
NEW_THREAD = timedelta(hours=1)

# Characters that show as nothing (zero-width spaces and joiners, direction marks, soft
# hyphens, word joiners): they only hide words from the search, or text from a reader.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_MENTION = re.compile(r"<(?:@[!&]?|#)\d+>")
_MASKED_LINK = re.compile(r"\[([^\[\]\n]*)\]\(\s*<?[a-z][a-z0-9+.-]*:[^()\s]*>?\s*\)", re.IGNORECASE)
_URL = re.compile(r"<?\bhttps?://\S+", re.IGNORECASE)


def question_text(text: str) -> str:
    """Return the question in a message: without mentions (the bot's too), links (a masked link
    keeps its text) or invisible characters. Links and mentions are not what is asked, and
    leaving them out keeps them out of the title the answer shows."""
    text = _INVISIBLE.sub("", text or "")
    text = _URL.sub(" ", _MASKED_LINK.sub(r"\1", _MENTION.sub(" ", text)))
    return " ".join(text.split())


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def picked_question(text: str, limit: int) -> str | None:
    """Return what to ask for a message someone else wrote: all of it when it can be asked (see
    ``question_refusal``: at most ``limit`` characters), else its last sentence ending in "?" that
    can; None when there is none."""
    if question_refusal(text, limit) is None:
        return text
    for sentence in reversed(_SENTENCE_END.split(text)):
        if sentence.endswith("?") and question_refusal(sentence, limit) is None:
            return sentence
    return None


class AskCog(commands.Cog):
    """Answers: /ask, mentions, direct messages and replies, within their conversations."""

    def __init__(
        self,
        bot: commands.Bot,
        *,
        desk: QuestionDesk,
        questions: QuestionLog,
        conversations: Conversations,
        settings: DiscordSettings,
        max_question_chars: int,
        reads_messages: bool = False,
    ) -> None:
        self.bot = bot  # its own user (mentions, the help text), events, the command tree
        self.desk = desk  # answers, times and records each question
        self.conversations = conversations
        self.settings = settings
        self.max_question_chars = max_question_chars
        self.reads_messages = reads_messages  # the Message Content intent is on (help channels)
        self.cooldown = Cooldown(settings.cooldown_seconds)
        # The persistent buttons and menu under answers: votes go to the question log, a picked
        # suggestion is asked here.
        self.components = AnswerComponents(votes=questions, asker=self)
        # Apps → Find answer on any message. A context menu cannot be declared in a cog's body;
        # it is added to the tree when the cog loads. Discord sends the target message's text
        # with the command, without the Message Content intent.
        self.find_menu = app_commands.ContextMenu(name="Find answer", callback=self.find_answer)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.find_menu)
        self.bot.add_dynamic_items(*self.components.dynamic_items)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.find_menu.name, type=self.find_menu.type)
        self.bot.remove_dynamic_items(*self.components.dynamic_items)

    # -- the shared steps ------------------------------------------------------------------

    def _limit_message(self, user_id: int, question: str, typed: bool = True) -> str | None:
        """Return a friendly refusal for a question the core would refuse (empty, too long) or a
        member over the cooldown.

        Only questions the member typed count against the cooldown: a follow-up they picked
        (a suggestion, a button) never does.
        """
        refusal = question_refusal(question, self.max_question_chars)
        if refusal is not None:
            return refusal
        if not typed:
            return None
        wait = self.cooldown.retry_after(user_id)
        if wait:
            return f"One question at a time, please: try again in {wait:.0f} s."
        return None

    async def answer(
        self,
        question: str,
        *,
        guild_id: int | None,
        channel_id: int | None,
        conversation: str | None,
        only_confident: bool = False,
    ) -> tuple[Answer, int | None]:
        """Answer a question within its conversation (the turns stored under ``conversation``; None: none) and
        record it (``only_confident``: only a confident answer); return the answer and its stored id."""
        history = await self.conversations.history(conversation)
        asked = await self.desk.ask(
            question,
            history,
            now=self.conversations.now(),
            guild_id=guild_id,
            channel_id=channel_id,
            only_confident=only_confident,
        )
        return asked.answer, asked.question_id

    async def _answer_interaction(
        self, interaction: discord.Interaction, question: str, conversation: str | None
    ) -> tuple[Answer, int | None] | None:
        """Answer for an interaction; a question the core refuses is told to the member privately
        (None). A refused or failed question gives the member their cooldown back."""
        try:
            return await self.answer(
                question,
                guild_id=interaction.guild_id,
                channel_id=interaction.channel_id,
                conversation=conversation,
            )
        except QuestionError as exc:
            self.cooldown.release(interaction.user.id)
            await interaction.response.send_message(str(exc), ephemeral=True, allowed_mentions=NO_MENTIONS)
            return None
        except Exception:
            self.cooldown.release(interaction.user.id)  # the apology should not cost them their question
            raise

    def embed(self, answer: Answer, requested_by: str | None = None) -> discord.Embed:
        """Render an answer with this bot's settings."""
        return answer_embed(answer, show_matched=self.settings.show_matched_words, requested_by=requested_by)

    def help_embed(self, answer: Answer) -> discord.Embed:
        """Render the core's reply to small talk, with how to ask in Discord."""
        name = escape(self.bot.user.display_name) if self.bot.user else "faqbot"
        return help_embed(answer.reply or "", HELP.format(name=name))

    async def _reply_with(self, message: discord.Message, qid: int | None, answer: Answer) -> discord.Message:
        """Reply to ``message`` with the answer and its buttons, pinging no one."""
        kwargs: MessageReply = {
            "embed": self.embed(answer),
            "mention_author": False,
            "allowed_mentions": NO_MENTIONS,
        }
        view = self.components.view(qid, answer, share=False)
        if view is not None:
            kwargs["view"] = view
        return await message.reply(**kwargs)

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

    # -- conversations -----------------------------------------------------------------------

    @staticmethod
    def channel_conversation(channel: object, guild_id: int | None) -> str | None:
        """The conversation a whole channel is: a DM or a thread; None for a shared channel."""
        if isinstance(channel, discord.Thread):
            return f"thread:{channel.id}"
        if guild_id is None and channel is not None:
            return f"dm:{getattr(channel, 'id', 0)}"
        return None

    async def message_conversation(self, message: discord.Message) -> tuple[str, bool]:
        """Return the conversation a message continues or starts, and whether it is a reply chain
        (whose messages must be linked to it, so replies to them continue it)."""
        whole = self.channel_conversation(message.channel, message.guild.id if message.guild else None)
        if whole is not None:
            return whole, False
        reference = message.reference.message_id if message.reference else None
        if reference is not None:
            known = await self.conversations.key_of(reference)
            if known is not None:
                return known, True
        return f"reply:{message.id}", True

    # -- /ask ----------------------------------------------------------------------------------

    async def respond(self, interaction: discord.Interaction, question: str, *, typed: bool = True) -> None:
        """Answer a question asked through an interaction (``typed``: by the member, not picked).

        In a thread or a DM, the conversation's earlier turns are taken into account.
        """
        question = question_text(question)  # nothing left (only a mention, say): the core says it is empty
        refusal = self._limit_message(interaction.user.id, question, typed)
        if refusal:
            await interaction.response.send_message(refusal, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        key = self.channel_conversation(interaction.channel, interaction.guild_id)
        found = await self._answer_interaction(interaction, question, key)
        if found is None:
            return
        answer, qid = found
        if answer.reply is not None:  # a greeting or "help": for the member only, and free
            self.cooldown.release(interaction.user.id)
            await interaction.response.send_message(
                embed=self.help_embed(answer), ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        public = self.settings.public_replies
        view = self.components.view(qid, answer, share=not public)
        kwargs: InteractionReply = {
            "embed": self.embed(answer),
            "ephemeral": not public,
            "allowed_mentions": NO_MENTIONS,
        }
        if view is not None:
            kwargs["view"] = view
        await self.conversations.remember(key, answer)  # first: a quick follow-up finds it
        await interaction.response.send_message(**kwargs)

    @app_commands.command(name="ask")
    @app_commands.describe(question="What you want to know, e.g. “Can I do the residency part-time?”")
    async def ask(
        self, interaction: discord.Interaction, question: app_commands.Range[str, 1, QUESTION_INPUT_CHARS]
    ) -> None:
        """Ask a question about the programs and roles; the answer cites its source."""
        await self.respond(interaction, question)

    # -- messages ------------------------------------------------------------------------------

    def _replies_to_bot(self, message: discord.Message) -> bool:
        """Tell whether the message replies to one of the bot's own messages."""
        resolved = message.reference.resolved if message.reference else None
        return (
            isinstance(resolved, discord.Message)
            and self.bot.user is not None
            and (resolved.author.id == self.bot.user.id)
        )

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer a mention, a direct message or a reply to the bot, in a reply to it; in help
        channels, new questions nobody asked the bot (when confident)."""
        if message.author.bot or self.bot.user is None:
            return
        # A reply that does not ping the bot carries its text only with the Message Content
        # intent: without it (or with no text, an image say) it is not a question.
        addressed = self.bot.user in message.mentions or (
            self._replies_to_bot(message) and message.content.strip()
        )
        if message.guild is None or addressed:
            await self.answer_message(message)
            return
        kind = self.help_kind(message)
        if kind is not None:
            await self.answer_help(message, kind)

    async def answer_message(self, message: discord.Message) -> None:
        """Answer a message addressed to the bot, within its conversation; never raises.

        Dispatches ``question_handled(message, answer message or None)`` when done.
        """
        sent: discord.Message | None = None
        try:
            sent = await self._answer_message(message)
        finally:
            self.bot.dispatch("question_handled", message, sent)

    async def _answer_message(self, message: discord.Message) -> discord.Message | None:
        question = question_text(message.content) or "help"  # a bare mention asks for help
        try:
            refusal = self._limit_message(message.author.id, question)
            if refusal:
                return await message.reply(refusal, mention_author=False, allowed_mentions=NO_MENTIONS)
            if self.help_kind(message) == "first":  # asked of the bot: the thread's first question is taken
                await self.conversations.take_help_thread(
                    message.channel.id, starter=message.id == message.channel.id
                )
            key, chain = await self.message_conversation(message)
            answer, qid = await self.answer(
                question,
                guild_id=message.guild.id if message.guild else None,
                channel_id=message.channel.id,
                conversation=key,
            )
            if answer.reply is not None:  # a greeting or "help": for the member only
                self.cooldown.release(message.author.id)  # and free: their question may come next
                await self.tell_privately(message, self.help_embed(answer))
                return None
            await self.conversations.remember(key, answer, (message.id,) if chain else ())
            sent = await self._reply_with(message, qid, answer)
            if chain:  # a reply to the answer continues the conversation too
                await self.conversations.link(key, sent.id)
            return sent
        except QuestionError as exc:  # the core's own limits (a question too long once normalised)
            self.cooldown.release(message.author.id)
            return await message.reply(str(exc), mention_author=False, allowed_mentions=NO_MENTIONS)
        except Exception:
            log.exception("failed to answer a message")
            self.cooldown.release(message.author.id)
            with contextlib.suppress(discord.HTTPException):
                return await message.reply(SORRY, mention_author=False, allowed_mentions=NO_MENTIONS)
            return None

    # -- Apps → Find answer --------------------------------------------------------------------

    async def find_answer(self, interaction: discord.Interaction, message: discord.Message) -> None:
        """Answer someone's message for them: a public reply to it when the answer is confident;
        otherwise only the member who asked sees what was found, and nothing is posted."""
        text = question_text(message.content)
        if not text:
            await interaction.response.send_message(
                "That message has no text I can answer.", ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        limit = self.max_question_chars
        question = picked_question(text, limit)
        if question is None:
            await interaction.response.send_message(
                f"That message is long ({len(text)} characters) and has no question of at most {limit} "
                "characters I could pick out: ask it with /ask.",
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )
            return
        refusal = self._limit_message(interaction.user.id, question)
        if refusal:
            await interaction.response.send_message(refusal, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        key = await self.conversations.key_of(message.id) or f"reply:{message.id}"
        found = await self._answer_interaction(interaction, question, key)
        if found is None:
            return
        answer, qid = found
        if answer.reply is not None:
            await interaction.response.send_message(
                "That message is not a question I can answer, so I posted nothing.",
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )
            return
        view = self.components.view(qid, answer, share=False)
        if answer.verdict != "answer":  # nothing half-sure is posted for someone else to read
            private: InteractionReply = {
                "embed": self.embed(answer),
                "ephemeral": True,
                "allowed_mentions": NO_MENTIONS,
            }
            if view is not None:
                private["view"] = view
            await interaction.response.send_message(
                "I have no confident answer to that message, so I posted nothing. What I found:", **private
            )
            return
        await self.conversations.remember(key, answer, (message.id,))
        embed = self.embed(answer, requested_by=interaction.user.display_name)
        kwargs: Parts = {"embed": embed, "allowed_mentions": NO_MENTIONS}
        if view is not None:
            kwargs["view"] = view
        try:
            sent = await message.reply(mention_author=False, **kwargs)
        except discord.HTTPException as exc:  # the bot may not post there (no access): answer here instead
            log.info(
                "cannot reply to the message in channel %s (%s): answering in the interaction",
                message.channel.id,
                exc,
            )
            await interaction.response.send_message(**kwargs)
            return
        await self.conversations.link(key, sent.id)
        await interaction.response.send_message(
            "Posted the answer as a reply to that message.", ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    # -- help channels --------------------------------------------------------------------------

    def help_kind(self, message: discord.Message) -> str | None:
        """Say how a message in a help channel may be answered unasked: "first" (a message in a
        new thread or forum post of a help channel: only its first one will be), "question" (a
        message in the help channel itself that ends in "?" and replies to no one), or None."""
        channels = self.settings.help_channels
        if not channels or message.guild is None or not self.reads_messages:
            return None
        channel = message.channel
        if isinstance(channel, discord.Thread):
            if channel.parent_id not in channels:
                return None
            created = discord.utils.snowflake_time(channel.id)  # a thread's id is made when it is
            new = message.id == channel.id or message.created_at - created < NEW_THREAD
            return "first" if new else None
        if channel.id in channels and message.reference is None and message.content.rstrip().endswith("?"):
            return "question"
        return None

    async def answer_help(self, message: discord.Message, kind: str) -> None:
        """Answer a new question in a help channel only when the answer is confident; never raises.

        Nothing is said otherwise ("not sure" or a decline would be noise there), and a thread
        is answered at most once. Dispatches ``question_handled(message, answer or None)``.
        """
        sent: discord.Message | None = None
        try:
            sent = await self._answer_help(message, kind)
        except Exception:
            log.exception("failed to answer in a help channel")
            with contextlib.suppress(discord.HTTPException):
                sent = await message.reply(SORRY, mention_author=False, allowed_mentions=NO_MENTIONS)
        finally:
            self.bot.dispatch("question_handled", message, sent)

    async def _answer_help(self, message: discord.Message, kind: str) -> discord.Message | None:
        thread = message.channel if kind == "first" else None
        if thread is not None and not await self.conversations.take_help_thread(
            thread.id, starter=message.id == thread.id
        ):
            return None
        question = picked_question(question_text(message.content), self.max_question_chars)
        if not question:
            return None
        key = f"thread:{thread.id}" if thread is not None else f"reply:{message.id}"
        try:
            answer, qid = await self.answer(
                question,
                guild_id=message.guild.id if message.guild else None,
                channel_id=message.channel.id,
                conversation=key,
                only_confident=True,
            )
        except QuestionError:
            return None
        if answer.verdict != "answer":
            return None
        await self.conversations.remember(key, answer, () if thread is not None else (message.id,))
        sent = await self._reply_with(message, qid, answer)
        if thread is None:
            await self.conversations.link(key, sent.id)
        return sent
