"""What a question must be to be asked: one rule, and one way to say it, for every front end.

The answer service applies it to every question; a front end may apply it first (the Discord
bot does, before a question costs the member their cooldown) and gets the same verdict and
the same words, since both measure the question as the answer service reads it.
"""

from __future__ import annotations

import unicodedata

from bot.config import MAX_QUESTION_CHARS
from bot.errors import QuestionError
from bot.sanitize import clean_text, without_invisible

# The longest text a front end needs to take in as a question (a Discord option's length):
# the most ``answers.max_question_chars`` may be set to, so anything longer than the setting
# still reaches the refusal below instead of being cut off or refused without a reason.
QUESTION_INPUT_CHARS = MAX_QUESTION_CHARS


def normalise_question(question: str) -> str:
    """Return the question as it is searched and stored: control characters and bytes that are
    not UTF-8 removed, zero-width characters dropped, NFKC-normalised, runs of white space
    made one space."""
    return " ".join(unicodedata.normalize("NFKC", without_invisible(clean_text(question or ""))).split())


def question_refusal(question: str, limit: int) -> str | None:
    """Say why ``question`` cannot be asked (empty, or over ``limit`` characters once
    normalised), or return None when it can."""
    return _refusal(normalise_question(question), limit)


def checked_question(question: str, limit: int) -> str:
    """Return the normalised question; raise QuestionError (with :func:`question_refusal`'s
    words) when it cannot be asked."""
    text = normalise_question(question)
    refusal = _refusal(text, limit)
    if refusal is not None:
        raise QuestionError(refusal)
    return text


def _refusal(text: str, limit: int) -> str | None:
    if not text:
        return "The question is empty: ask something like 'Is the residency remote?'"
    if len(text) > limit:
        return f"That question is too long ({len(text)} characters): please keep it to {limit} or fewer."
    return None
