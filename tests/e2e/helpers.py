"""Small helpers shared by the end-to-end tests."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.e2e.fake import BOT_ID, FakeDiscord

EPHEMERAL = 64
MENTION = f"<@{BOT_ID}>"


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


async def said(fake: FakeDiscord, content: str, **kwargs: Any) -> tuple[dict, dict]:
    """Post a member's message and return it with the bot's message that answers it."""
    sent = fake.wait_for("channel_message")
    asked = await fake.message_create(content, **kwargs)
    return asked, await asyncio.wait_for(sent, timeout=10)
