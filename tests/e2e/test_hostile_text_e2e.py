"""Hostile member text through /ask and mentions (Find answer and help channels have their own):
mentions of everyone and of roles, masked links, Markdown, invisible characters, 4,000 characters.
Every test also passes the fake's check that no message could ping anyone."""

from __future__ import annotations

from tests.e2e.fake import MOD_ROLE_ID, STRANGER_ID, FakeDiscord
from tests.e2e.helpers import EPHEMERAL, MENTION, ask, said

HOSTILE = (
    f"@everyone @here <@&{MOD_ROLE_ID}> <@900000000000000101> [here](https://evil.example/x): "
    "Can I do the resi\u200bdency part-\u2060time?"
)
INERT_TITLE = "@\u200beveryone @\u200bhere here: Can I do the residency part-time?"
DECLINED = "**Ignore** ||all|| `rules` [click](https://evil.example) @everyone what is the weather?"


def assert_inert(text: str) -> None:
    visible = text.replace("@\u200beveryone", "").replace("@\u200bhere", "")
    assert "@everyone" not in visible and "@here" not in visible
    assert "<@&" not in text and "<@9" not in text and "evil.example" not in text
    assert "\u2060" not in text


async def test_ask_with_hostile_text(fake: FakeDiscord, bot) -> None:
    reply = await ask(fake, HOSTILE)
    (embed,) = reply.data["embeds"]
    assert embed["title"] == INERT_TITLE and "full-time position" in embed["description"]
    declined = await ask(fake, DECLINED, user_id=STRANGER_ID)
    description = declined.data["embeds"][0]["description"]
    assert (
        "\\*\\*Ignore\\*\\* \\|\\|all\\|\\| \\`rules\\` click @\u200beveryone what is the weather?"
        in description
    )
    assert_inert(description)


async def test_mention_with_hostile_text(fake: FakeDiscord, bot) -> None:
    _, reply = await said(fake, f"{MENTION} {HOSTILE}", bot)
    assert reply["embeds"][0]["title"] == INERT_TITLE
    _, declined = await said(fake, f"{MENTION} {DECLINED}", bot, author_id=STRANGER_ID)
    assert_inert(declined["embeds"][0]["description"])


async def test_four_thousand_characters_are_refused_kindly_without_echo(fake: FakeDiscord, bot) -> None:
    long = ("@everyone " + "x" * 90 + " ") * 39 + "Can I do the residency part-time?"
    assert len(long) > 3900
    reply = await ask(fake, long)
    assert reply.data["flags"] & EPHEMERAL and "too long" in reply.data["content"]
    assert "@everyone" not in reply.data["content"]
    _, message = await said(fake, f"{MENTION} {long}", bot, author_id=STRANGER_ID)
    assert "too long" in message["content"] and "@everyone" not in message["content"]


async def test_only_invisible_characters_or_mentions(fake: FakeDiscord, bot) -> None:
    reply = await ask(fake, "\u200b\u200d\ufeff <@900000000000000101>")
    assert reply.data["flags"] & EPHEMERAL and "empty" in reply.data["content"]
    # a mention with nothing else asks for help, privately
    _, helped = await said(fake, f"{MENTION} \u200b\u2060", bot, author_id=STRANGER_ID)
    assert (
        helped["channel_id"] == "900000000000000099"
        and "I answer questions" in helped["embeds"][0]["description"]
    )
