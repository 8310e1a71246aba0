"""Conversations: the earlier turns a follow-up ("and is it remote?") is understood with.

A conversation is a DM channel, a thread, or a chain of replies (keyed by its first
question). Its turns are stored (:mod:`bot.storage.conversations`), never kept in memory,
and only those within ``answers.conversation_minutes`` are used or kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

from bot.models import Answer
from bot.services.answers import Turn
from bot.storage.conversations import ConversationLog


def _now() -> datetime:
    return datetime.now(UTC)


class Conversations:
    """Read and record the turns of conversations, within the configured window."""

    def __init__(
        self, log: ConversationLog | None, minutes: float, clock: Callable[[], datetime] = _now
    ) -> None:
        self.log = log
        self.window = timedelta(minutes=minutes)
        self.clock = clock

    @property
    def enabled(self) -> bool:
        """Tell whether turns are kept at all (a database, and a window longer than zero)."""
        return self.log is not None and self.window > timedelta(0)

    def now(self) -> datetime:
        """The time a question is asked at."""
        return self.clock()

    async def history(self, key: str | None) -> list[Turn]:
        """Return the conversation's turns within the window, oldest first."""
        if not key or not self.enabled:
            return []
        assert self.log is not None
        turns = await self.log.turns(key, self.now() - self.window)
        return [Turn(t.question, t.at, t.topic) for t in turns]

    async def key_of(self, message_id: int) -> str | None:
        """Return the conversation a question or answer message belongs to (within the window)."""
        if not self.enabled:
            return None
        assert self.log is not None
        return await self.log.key_of(message_id, self.now() - self.window)

    async def remember(self, key: str | None, answer: Answer, message_ids: Iterable[int] = ()) -> None:
        """Record a question as the conversation's latest turn; replies to ``message_ids`` continue it.

        Small talk is not a turn. Turns and reply links older than the window are deleted first.
        """
        if not key or not self.enabled or answer.reply is not None:
            return
        assert self.log is not None
        now = self.now()
        await self.log.add(key, answer.question, answer.topic, now, message_ids, now - self.window)

    async def link(self, key: str | None, message_id: int) -> None:
        """Make a reply to ``message_id`` (the bot's answer) continue the conversation."""
        if key and self.enabled:
            assert self.log is not None
            await self.log.link(key, message_id, self.now())

    async def take_help_thread(self, thread_id: int, *, starter: bool) -> bool:
        """Claim a help thread's first message, once (``starter``: a forum post's own message)."""
        if self.log is None:
            return starter
        return await self.log.take_thread(thread_id, self.now(), starter=starter)
