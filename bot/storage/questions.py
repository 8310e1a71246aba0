"""Questions members asked, whether they were answered, and how answers were rated.

No user names are stored; a user id only with a vote, to keep one vote per member.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

import aiosqlite

from bot.models import Answer
from bot.storage.database import storage_error

log = logging.getLogger(__name__)


class CitedPlace(NamedTuple):
    """Where an answer cited: a document and its section (None: the document's top)."""

    source: str
    section: str | None = None

    def to_text(self) -> str:
        """Return the stored form, "source#section" ("source#" without a section)."""
        return f"{self.source}#{self.section or ''}"

    @classmethod
    def from_text(cls, text: str) -> CitedPlace:
        """Read the stored form back: split at the first "#" (a section may hold one, a source not)."""
        source, _, section = text.partition("#")
        return cls(source, section or None)


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    """A recorded question."""

    id: int
    at: str
    question: str
    answered: bool
    sources: list[CitedPlace]


@dataclass(frozen=True, slots=True)
class Outcome:
    """A recorded question with what the bot did and how members voted on it."""

    id: int
    at: str
    question: str
    verdict: str  # "answer", "unsure" or "none" (declined)
    sources: list[CitedPlace]
    latency_ms: float
    helpful: int  # votes
    unhelpful: int


@dataclass(frozen=True, slots=True)
class Vote:
    """One member's vote on an answer."""

    at: str
    helpful: bool


@dataclass(frozen=True, slots=True)
class RatedAnswer:
    """An answer (its first source and section) with its votes."""

    source: str
    section: str | None
    unhelpful: int
    helpful: int
    example: str


def _since(days: int) -> str:
    """Return the ISO time ``days`` days ago (the earliest time there is, for absurd spans)."""
    try:
        return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    except OverflowError:
        return "0000"


def _sources(text: object) -> list[CitedPlace]:
    """Read a stored list of cited places; a hand-edited value that is not one reads as empty."""
    try:
        value = json.loads(text) if isinstance(text, (str, bytes)) else None
    except ValueError:
        return []
    return [CitedPlace.from_text(str(v)) for v in value] if isinstance(value, list) else []


WRITE_WAIT_SECONDS = 2.0  # longest a question or vote waits to be recorded (Discord allows 3 s)


class QuestionLog:
    """Record questions and votes; never let a storage failure stop an answer.

    A write that fails (disk full, locked or read-only database) is logged once and the
    caller goes on: members still get their answer.
    """

    def __init__(self, db: aiosqlite.Connection | None, *, writable: bool = True) -> None:
        self.db = db
        self.writable = writable  # False: a read-only database, already reported when it was opened
        self._warned = False

    def _failed(self, exc: Exception) -> None:
        if not self._warned:
            reason = (
                f"another process held the write lock for over {WRITE_WAIT_SECONDS:g} s"
                if isinstance(exc, TimeoutError)
                else str(exc)
            )
            log.error("cannot write to the database, questions and votes are not recorded: %s", reason)
            self._warned = True

    async def _write(self, sql: str, parameters: tuple[object, ...]) -> aiosqlite.Cursor:
        """Run one write, waiting at most ``WRITE_WAIT_SECONDS`` for another process's lock.

        SQLite itself would wait up to its 10 s busy timeout; a member's answer cannot (Discord
        drops an interaction not answered within 3 s). The write may still land later.
        """
        assert self.db is not None
        return await asyncio.wait_for(self.db.execute(sql, parameters), WRITE_WAIT_SECONDS)

    async def record(
        self,
        answer: Answer,
        latency_ms: float,
        *,
        guild_id: int | None = None,
        channel_id: int | None = None,
        origin: str = "discord",
    ) -> int | None:
        """Store a question and its outcome; return its id, or None if it could not be stored."""
        if self.db is None or not self.writable or answer.reply is not None:
            return None  # small talk ("hi", "help") is neither a question nor a gap
        sources = [CitedPlace(c.source, c.section).to_text() for c in answer.citations]
        try:
            cur = await self._write(
                "INSERT INTO questions (at, guild_id, channel_id, question, answered, sources, latency_ms, origin, "
                "verdict) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    guild_id,
                    channel_id,
                    answer.question,
                    int(answer.answered),
                    json.dumps(sources),
                    round(latency_ms, 3),
                    origin,
                    answer.verdict,
                ),
            )
            return cur.lastrowid  # set by every INSERT
        except (sqlite3.Error, TimeoutError) as exc:
            self._failed(exc)
            return None

    async def vote(self, question_id: int, user_id: int, helpful: bool) -> bool:
        """Record (or change) a member's vote on an answer; return False if it was not stored."""
        if self.db is None or not self.writable:
            return False
        try:
            await self._write(
                "INSERT INTO votes (question_id, user_id, helpful, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (question_id, user_id) DO UPDATE SET helpful = excluded.helpful, at = excluded.at",
                (question_id, user_id, int(helpful), datetime.now(UTC).isoformat(timespec="seconds")),
            )
            return True
        except (sqlite3.Error, TimeoutError) as exc:
            self._failed(exc)
            return False

    async def vote_of(self, question_id: int, user_id: int) -> bool | None:
        """Return the member's recorded vote on an answer (True: helpful), None if none or unreadable."""
        if self.db is None:
            return None
        try:
            async with self.db.execute(
                "SELECT helpful FROM votes WHERE question_id = ? AND user_id = ?", (question_id, user_id)
            ) as cur:
                row = await cur.fetchone()
        except sqlite3.Error:
            return None
        return None if row is None else bool(row[0])

    async def unanswered(self, days: int) -> list[AskedQuestion]:
        """Return the unanswered questions of the last ``days`` days, newest first."""
        if self.db is None:
            return []
        try:
            async with self.db.execute(
                "SELECT id, at, question, answered, sources FROM questions WHERE answered = 0 AND at >= ? "
                "ORDER BY at DESC, id DESC",
                (_since(days),),
            ) as cur:
                rows = await cur.fetchall()
        except sqlite3.Error as exc:
            raise storage_error(exc, "read the question log from") from None
        return [AskedQuestion(int(r[0]), str(r[1]), str(r[2]), bool(r[3]), _sources(r[4])) for r in rows]

    async def rated(self, days: int, limit: int = 10) -> list[RatedAnswer]:
        """Return the answers most often voted unhelpful in the last ``days`` days."""
        if self.db is None:
            return []
        try:
            async with self.db.execute(
                "SELECT q.sources, q.question, v.helpful FROM votes v JOIN questions q ON q.id = v.question_id "
                "WHERE v.at >= ?",
                (_since(days),),
            ) as cur:
                rows = await cur.fetchall()
        except sqlite3.Error as exc:
            raise storage_error(exc, "read the votes from") from None
        tally: dict[CitedPlace, tuple[int, int, str]] = {}
        for sources, question, helpful in rows:
            first = (_sources(sources) or [CitedPlace("?")])[0]
            bad, good, example = tally.get(first, (0, 0, str(question)))
            tally[first] = (bad, good + 1, example) if helpful else (bad + 1, good, example)
        out = [
            RatedAnswer(place.source, place.section, bad, good, example)
            for place, (bad, good, example) in tally.items()
        ]
        out.sort(key=lambda r: (-r.unhelpful, r.helpful, r.source))
        return [r for r in out if r.unhelpful][:limit]

    async def outcomes(self, days: int) -> list[Outcome]:
        """Return every question of the last ``days`` days with its verdict and votes, newest first."""
        if self.db is None:
            return []
        try:
            async with self.db.execute(
                "SELECT q.id, q.at, q.question, q.answered, q.verdict, q.sources, q.latency_ms, "
                "COALESCE(SUM(v.helpful = 1), 0), COALESCE(SUM(v.helpful = 0), 0) "
                "FROM questions q LEFT JOIN votes v ON v.question_id = q.id WHERE q.at >= ? "
                "GROUP BY q.id ORDER BY q.at DESC, q.id DESC",
                (_since(days),),
            ) as cur:
                rows = await cur.fetchall()
        except sqlite3.Error as exc:
            raise storage_error(exc, "read the question log from") from None
        out = []
        for qid, at, question, answered, verdict, sources, latency, helpful, unhelpful in rows:
            cited = _sources(sources)
            if verdict not in (
                "answer",
                "unsure",
                "none",
            ):  # a hand-edited row: read it from what it recorded
                verdict = "answer" if answered else ("unsure" if cited else "none")
            out.append(
                Outcome(
                    int(qid),
                    str(at),
                    str(question),
                    verdict,
                    cited,
                    _number(latency),
                    int(helpful or 0),
                    int(unhelpful or 0),
                )
            )
        return out

    async def votes(self, days: int) -> list[Vote]:
        """Return the votes cast in the last ``days`` days."""
        if self.db is None:
            return []
        try:
            async with self.db.execute("SELECT at, helpful FROM votes WHERE at >= ?", (_since(days),)) as cur:
                rows = await cur.fetchall()
        except sqlite3.Error as exc:
            raise storage_error(exc, "read the votes from") from None
        return [Vote(str(at), bool(helpful)) for at, helpful in rows]


def _number(value: object) -> float:
    """Read a stored number; a hand-edited value that is not one reads as 0."""
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
