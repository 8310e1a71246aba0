"""Small helpers shared by the end-to-end tests."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.e2e.fake import BOT_ID, FakeDiscord

EPHEMERAL = 64
MENTION = f"<@{BOT_ID}>"
# A question the shipped decision answers "not sure" (the right passage, below the answer
# threshold); a refit that moves it fails the e2e tests of the "not sure" rendering.
UNSURE_QUESTION = "do residents get to put out papers?"


def option(name: str, value: Any, type: int = 3) -> dict:
    return {"name": name, "type": type, "value": value}


def components(message: dict) -> list[dict]:
    return [c for row in message.get("components") or [] for c in row["components"]]


def button(message: dict, label: str) -> dict:
    for c in components(message):
        if c.get("label") == label:
            return c
    raise AssertionError(f"no button {label!r} in {components(message)}")


async def ask(fake: FakeDiscord, question: str, **kwargs: Any):
    """Run /ask and return the bot's callback."""
    return await fake.interact(fake.command("ask", [option("question", question)], **kwargs))


async def said(fake: FakeDiscord, content: str, bot: Any = None, **kwargs: Any) -> tuple[dict, dict]:
    """Post a member's message and return it with the bot's message that answers it.

    With ``bot``, also wait until the bot has finished with the message (its conversation stored).
    """
    sent = fake.wait_for("channel_message")
    handled = bot.wait_for("question_handled", timeout=10) if bot is not None else None
    handled_task = asyncio.ensure_future(handled) if handled is not None else None
    asked = await fake.message_create(content, **kwargs)
    reply = await asyncio.wait_for(sent, timeout=10)
    if handled_task is not None:
        await handled_task
    return asked, reply


async def handled(fake: FakeDiscord, bot: Any, content: str, **kwargs: Any) -> tuple[dict, Any]:
    """Post a member's message and wait until the bot has handled it; return the message and what
    the bot sent (None when it stayed silent)."""
    done = asyncio.ensure_future(
        bot.wait_for("question_handled", check=lambda m, _: m.content == content, timeout=10)
    )
    asked = await fake.message_create(content, **kwargs)
    _, sent = await done
    return asked, sent


def later(bot: Any, seconds: float) -> None:
    """Move the bot's clocks (cooldown and conversations) ``seconds`` ahead, instead of waiting."""
    import time
    from datetime import UTC, datetime, timedelta

    cooldown = bot.get_cog("AskCog").cooldown
    offset = getattr(cooldown, "_test_offset", 0.0) + seconds
    cooldown._test_offset = offset
    cooldown.clock = lambda: time.monotonic() + offset
    bot.runtime.conversations.clock = lambda: datetime.now(UTC) + timedelta(seconds=offset)
