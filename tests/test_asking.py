"""The question desk: every front end's one way to answer, time and record a question."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiosqlite
import pytest

from bot.errors import QuestionError
from bot.services.asking import QuestionDesk
from bot.storage.database import open_database
from bot.storage.questions import CitedPlace, QuestionLog

SURE = "Can I do the residency part-time?"
DECLINED = "Is there a dress code in the office?"


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[aiosqlite.Connection]:
    connection = await open_database(tmp_path / "bot.db")
    yield connection
    await connection.close()


def ticking(step: float) -> Iterator[float]:
    """A clock that moves ``step`` seconds each time it is read."""
    t = 0.0
    while True:
        yield t
        t += step


async def rows(db: aiosqlite.Connection) -> list[tuple]:
    async with db.execute(
        "SELECT question, verdict, latency_ms, origin, guild_id, channel_id, sources FROM questions ORDER BY id"
    ) as cur:
        return list(await cur.fetchall())


async def test_an_answer_is_timed_and_recorded_with_where_it_was_asked(seed_services, db) -> None:
    clock = ticking(0.025)
    desk = QuestionDesk(seed_services.answers, QuestionLog(db), clock=lambda: next(clock))
    asked = await desk.ask(SURE, origin="cli", guild_id=7, channel_id=8)
    assert asked.answer.verdict == "answer" and asked.question_id is not None
    assert asked.latency_ms == pytest.approx(25.0)
    ((question, verdict, latency, origin, guild, channel, sources),) = await rows(db)
    assert (question, verdict, latency, origin, guild, channel) == (SURE, "answer", 25.0, "cli", 7, 8)
    first = asked.answer.citations[0]
    assert CitedPlace(first.source, first.section).to_text() in sources


async def test_only_confident_records_only_a_confident_answer(seed_services, db) -> None:
    desk = QuestionDesk(seed_services.answers, QuestionLog(db))
    declined = await desk.ask(DECLINED, only_confident=True)
    assert declined.answer.verdict != "answer" and declined.question_id is None
    assert await rows(db) == []
    sure = await desk.ask(SURE, only_confident=True)
    assert sure.question_id is not None and [r[0] for r in await rows(db)] == [SURE]
    # without it, a declined question is recorded: it is a gap in the knowledge base
    again = await desk.ask(DECLINED)
    assert again.question_id is not None and [r[1] for r in await rows(db)][-1] == "none"


async def test_small_talk_and_refused_questions_are_not_recorded(seed_services, db) -> None:
    desk = QuestionDesk(seed_services.answers, QuestionLog(db))
    hello = await desk.ask("hi")
    assert hello.answer.reply is not None and hello.question_id is None
    with pytest.raises(QuestionError, match="too long"):
        await desk.ask("why " * 200)
    with pytest.raises(QuestionError, match="empty"):
        await desk.ask("   ")
    assert await rows(db) == []


async def test_without_a_database_questions_are_still_answered(seed_services) -> None:
    asked = await QuestionDesk(seed_services.answers, QuestionLog(None)).ask(SURE)
    assert asked.answer.answered and asked.question_id is None
