"""Conversation turns (so a follow-up is understood) and the help threads the bot has looked at.

Nothing here grows without bound: every write first deletes the rows older than they are
needed for (turns and reply links beyond the conversation window, help threads after
:data:`HELP_THREAD_DAYS`). A failed write is logged once and the member still gets an answer.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import aiosqlite

from bot.storage.questions import WRITE_WAIT_SECONDS

log = logging.getLogger(__name__)

HELP_THREAD_DAYS = 30  # a help thread's first message comes within minutes; a month is plenty


@dataclass(frozen=True, slots=True)
class StoredTurn:
    """An earlier question of a conversation."""

    question: str
    at: datetime
    topic: tuple[str, ...]


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="seconds")


def _topic(text: object) -> tuple[str, ...]:
    try:
        value = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


class ConversationLog:
    """Store and read conversation turns, reply links and help threads in SQLite."""

    def __init__(self, db: aiosqlite.Connection | None, *, writable: bool = True) -> None:
        self.db = db
        self.writable = writable and db is not None
        self._warned = False

    def _failed(self, exc: Exception) -> None:
        if not self._warned:
            log.error("cannot write conversations to the database, follow-ups lose their context: %s", exc)
            self._warned = True

    async def _write(self, statements: Iterable[tuple[str, tuple[object, ...]]]) -> int | None:
        """Run writes in order, each waiting at most ``WRITE_WAIT_SECONDS``; return the last one's
        row count, or None when they could not be written."""
        if not self.writable:
            return None
        assert self.db is not None
        count = 0
        try:
            for sql, parameters in statements:
                cur = await asyncio.wait_for(self.db.execute(sql, parameters), WRITE_WAIT_SECONDS)
                count = cur.rowcount
        except (sqlite3.Error, TimeoutError) as exc:
            self._failed(exc)
            return None
        return count

    async def _rows(self, sql: str, parameters: tuple[object, ...]) -> list[sqlite3.Row]:
        if self.db is None:
            return []
        try:
            async with self.db.execute(sql, parameters) as cur:
                return list(await cur.fetchall())
        except sqlite3.Error as exc:
            log.warning("cannot read conversations from the database: %s", exc)
            return []

    async def key_of(self, message_id: int, since: datetime) -> str | None:
        """Return the conversation a message (a question or an answer) belongs to, if still kept."""
        rows = await self._rows(
            "SELECT key FROM conversation_messages WHERE message_id = ? AND at >= ?",
            (message_id, _iso(since)),
        )
        return str(rows[0][0]) if rows else None

    async def turns(self, key: str, since: datetime, limit: int = 20) -> list[StoredTurn]:
        """Return the conversation's turns since ``since``, oldest first (at most ``limit``, the latest)."""
        rows = await self._rows(
            "SELECT question, at, topic FROM conversation_turns WHERE key = ? AND at >= ? "
            "ORDER BY at DESC, id DESC LIMIT ?",
            (key, _iso(since), limit),
        )
        out = []
        for question, at, topic in reversed(rows):
            try:
                when = datetime.fromisoformat(str(at))
            except ValueError:
                continue  # a hand-edited row
            out.append(StoredTurn(str(question), when, _topic(topic)))
        return out

    async def add(
        self,
        key: str,
        question: str,
        topic: Iterable[str],
        at: datetime,
        message_ids: Iterable[int],
        forget_before: datetime,
    ) -> None:
        """Record a turn and the messages that continue it; first delete what is older than ``forget_before``."""
        when = _iso(at)
        statements: list[tuple[str, tuple[object, ...]]] = [
            ("DELETE FROM conversation_turns WHERE at < ?", (_iso(forget_before),)),
            ("DELETE FROM conversation_messages WHERE at < ?", (_iso(forget_before),)),
            (
                "INSERT INTO conversation_turns (key, question, topic, at) VALUES (?, ?, ?, ?)",
                (key, question, json.dumps(list(topic)), when),
            ),
        ]
        statements += [(self._LINK, (mid, key, when)) for mid in dict.fromkeys(message_ids)]
        await self._write(statements)

    async def link(self, key: str, message_id: int, at: datetime) -> None:
        """Make ``message_id`` part of the conversation ``key`` (a reply to it continues it)."""
        await self._write([(self._LINK, (message_id, key, _iso(at)))])

    _LINK = (
        "INSERT INTO conversation_messages (message_id, key, at) VALUES (?, ?, ?) "
        "ON CONFLICT (message_id) DO UPDATE SET key = excluded.key, at = excluded.at"
    )

    async def take_thread(self, thread_id: int, at: datetime, *, starter: bool) -> bool:
        """Claim a help thread's first message, once: True for the first caller only.

        One insert decides, so two messages arriving together cannot both be first, and a
        restart remembers. Without a writable database only a forum post's own message
        (``starter``) is taken: it is unique anyway.
        """
        inserted = await self._write(
            [
                ("DELETE FROM help_threads WHERE at < ?", (_iso(at - timedelta(days=HELP_THREAD_DAYS)),)),
                (
                    "INSERT INTO help_threads (thread_id, at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    (thread_id, _iso(at)),
                ),
            ]
        )
        return starter if inserted is None else inserted > 0
