"""Conversation turns and help-thread claims over a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.models import Answer
from bot.services.conversations import Conversations
from bot.storage.conversations import ConversationLog
from bot.storage.database import open_database

T0 = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


async def test_turns_within_the_window_and_older_ones_deleted(tmp_path) -> None:
    db = await open_database(tmp_path / "bot.db")
    clock = Clock()
    talk = Conversations(ConversationLog(db), minutes=10, clock=clock)
    try:
        await talk.remember("dm:1", Answer("What is the residency?", True, (), topic=("residency",)), (11,))
        clock.now += timedelta(minutes=4)
        await talk.remember("dm:1", Answer("is it paid?", True, (), topic=("residency",)))
        assert [(t.question, t.topic) for t in await talk.history("dm:1")] == [
            ("What is the residency?", ("residency",)),
            ("is it paid?", ("residency",)),
        ]
        assert await talk.key_of(11) == "dm:1" and await talk.history("dm:2") == []
        clock.now += timedelta(minutes=8)  # the first turn is now 12 minutes old
        assert [t.question for t in await talk.history("dm:1")] == ["is it paid?"]
        assert await talk.key_of(11) is None
        await talk.remember("dm:2", Answer("hello?", False, ()))  # a write deletes what is too old
        async with db.execute("SELECT question FROM conversation_turns ORDER BY id") as cur:
            assert [r[0] for r in await cur.fetchall()] == ["is it paid?", "hello?"]
        async with db.execute("SELECT COUNT(*) FROM conversation_messages") as cur:
            assert (await cur.fetchone())[0] == 0
        # small talk is not a turn
        await talk.remember("dm:3", Answer("hi", False, (), reply="Hi!"))
        assert await talk.history("dm:3") == []
    finally:
        await db.close()


async def test_a_zero_window_keeps_nothing(tmp_path) -> None:
    db = await open_database(tmp_path / "bot.db")
    try:
        talk = Conversations(ConversationLog(db), minutes=0)
        await talk.remember("dm:1", Answer("What is the residency?", True, ()))
        assert await talk.history("dm:1") == []
        async with db.execute("SELECT COUNT(*) FROM conversation_turns") as cur:
            assert (await cur.fetchone())[0] == 0
    finally:
        await db.close()


async def test_a_help_thread_is_taken_once_even_across_restarts(tmp_path) -> None:
    path = tmp_path / "bot.db"
    db = await open_database(path)
    talk = Conversations(ConversationLog(db), minutes=10)
    assert await talk.take_help_thread(5, starter=False) is True
    assert await talk.take_help_thread(5, starter=True) is False
    await db.close()
    db = await open_database(path)
    try:
        again = Conversations(ConversationLog(db), minutes=10)
        assert await again.take_help_thread(5, starter=False) is False
        assert await again.take_help_thread(6, starter=True) is True
    finally:
        await db.close()


async def test_without_a_writable_database_only_forum_starters_are_taken(tmp_path) -> None:
    db = await open_database(tmp_path / "bot.db")
    try:
        talk = Conversations(ConversationLog(db, writable=False), minutes=10)
        assert await talk.take_help_thread(7, starter=True) is True
        assert await talk.take_help_thread(8, starter=False) is False
        none = Conversations(None, minutes=10)
        assert await none.take_help_thread(9, starter=True) is True and await none.history("dm:1") == []
    finally:
        await db.close()
