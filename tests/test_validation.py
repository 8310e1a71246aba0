"""One rule for what can be asked, used by the answer service and the Discord bot alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import ConfigError, QuestionError
from bot.services.validation import (
    QUESTION_INPUT_CHARS,
    checked_question,
    normalise_question,
    question_refusal,
)


def test_the_shipped_limit_counts_the_question_as_it_is_searched(settings: Settings) -> None:
    limit = settings.answers.max_question_chars
    assert limit == 300
    # Spaces collapse: a question padded past the limit with white space can be asked.
    padded = "Is the residency" + " " * limit + "remote?"
    assert len(padded) > limit and question_refusal(padded, limit) is None
    assert checked_question(padded, limit) == "Is the residency remote?"
    # NFKC expands a ligature to two letters: counted after, as the core reads it.
    ligatures = "\ufb01" * (limit // 2 + 1)
    assert len(ligatures) <= limit
    refusal = question_refusal(ligatures, limit)
    assert (
        refusal == f"That question is too long ({limit + 2} characters): please keep it to {limit} or fewer."
    )
    exactly = "x" * limit
    assert question_refusal(exactly, limit) is None and question_refusal(exactly + "y", limit)


@pytest.mark.parametrize("question", ["", "   ", "\x00\x07\n\t", "\u00a0\u2003"])
def test_nothing_left_once_cleaned_is_empty(question: str) -> None:
    refusal = question_refusal(question, 300)
    assert refusal is not None and "empty" in refusal
    with pytest.raises(QuestionError) as raised:
        checked_question(question, 300)
    assert str(raised.value) == refusal


def test_checked_question_raises_the_refusal_and_returns_the_normalised_text() -> None:
    with pytest.raises(QuestionError) as raised:
        checked_question("why " * 200, 300)
    assert str(raised.value) == question_refusal("why " * 200, 300)
    assert checked_question("  Is\tthe\x00 residency\n remote? ", 300) == "Is the residency remote?"
    assert normalise_question("Is\tthe\x00 residency\n remote? ") == "Is the residency remote?"


def test_the_answer_service_and_the_discord_bot_refuse_in_the_same_words(seed_services, settings) -> None:
    from bot.discord_bot.answering import picked_question

    limit = settings.answers.max_question_chars
    long = "why " * 100
    with pytest.raises(QuestionError) as raised:
        seed_services.answers.ask(long)
    assert str(raised.value) == question_refusal(long, limit)
    # A long message is answered by its last question that fits, as the core counts it.
    message = "Some context. " * 30 + "Is the residency remote? Thanks!"
    assert len(message) > limit
    assert picked_question(message, limit) == "Is the residency remote?"
    assert picked_question("Context. " * 40 + "\ufb01" * 200 + "?", limit) is None
    assert (
        seed_services.answers.ask(picked_question(message, limit) or "").question
        == "Is the residency remote?"
    )


def test_every_limit_the_settings_allow_can_be_typed_into_a_front_end(tmp_path: Path) -> None:
    from bot.config import load_settings

    path = tmp_path / "config.yaml"
    path.write_text(f"answers:\n  max_question_chars: {QUESTION_INPUT_CHARS}\n", encoding="utf-8")
    assert load_settings(path).answers.max_question_chars == QUESTION_INPUT_CHARS
    path.write_text(f"answers:\n  max_question_chars: {QUESTION_INPUT_CHARS + 1}\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings(path)
