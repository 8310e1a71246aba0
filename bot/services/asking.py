"""The one way a front end asks a question: answer it, time it, record it in the question log."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.models import Answer
from bot.services.answers import AnswerService, Turn
from bot.storage.questions import QuestionLog


@dataclass(frozen=True, slots=True)
class Asked:
    """An answer with what recording it gave."""

    answer: Answer
    question_id: int | None  # its row in the question log; None when it was not recorded
    latency_ms: float  # how long answering took (recording not included)


class QuestionDesk:
    """Answer questions and record each with its outcome and answer time.

    Recording never stops an answer (the question log logs and swallows storage failures);
    a question the core refuses (:class:`~bot.errors.QuestionError`) is raised and not recorded.
    """

    def __init__(
        self,
        answers: AnswerService,
        questions: QuestionLog,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.answers = answers
        self.questions = questions
        self.clock = clock

    async def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        *,
        now: datetime | None = None,
        origin: str = "discord",
        guild_id: int | None = None,
        channel_id: int | None = None,
        only_confident: bool = False,
    ) -> Asked:
        """Answer ``question`` (``history``: the conversation's earlier turns, ``now``: when it is
        asked) and record it as asked through ``origin``; with ``only_confident``, only a
        confident answer is recorded (a question nobody was shown an answer to is no gap)."""
        start = self.clock()
        answer = self.answers.ask(question, history, now)
        latency_ms = (self.clock() - start) * 1000
        if only_confident and answer.verdict != "answer":
            return Asked(answer, None, latency_ms)
        question_id = await self.questions.record(
            answer, latency_ms, guild_id=guild_id, channel_id=channel_id, origin=origin
        )
        return Asked(answer, question_id, latency_ms)
