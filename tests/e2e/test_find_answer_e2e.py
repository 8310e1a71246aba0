"""Apps → Find answer: answering someone else's message, publicly only when confident."""

from __future__ import annotations

import asyncio

from tests.e2e.fake import MOD_ROLE_ID, STRANGER_ID, FakeDiscord
from tests.e2e.helpers import EPHEMERAL, UNSURE_QUESTION, components

HELPER = STRANGER_ID  # the member who asks the bot to answer someone else's message


async def posted(fake: FakeDiscord) -> list:
    return [r for r in fake.requests if r.method == "POST" and r.path.startswith("/channels/")]


async def find_answer(fake: FakeDiscord, content: str) -> tuple[dict, dict | None, object]:
    """A member posts ``content`` (not to the bot); another runs Find answer on it. Return the
    message, the bot's public reply (None if it posted nothing) and the interaction callback."""
    target = await fake.message_create(content, mentions_bot=False)
    before = len(await posted(fake))
    reply = fake.wait_for("channel_message")
    callback = await fake.interact_later(fake.message_command("Find answer", target, user_id=HELPER))
    ack = await asyncio.wait_for(callback, timeout=10)
    if ack.data.get("flags", 0) & EPHEMERAL and "Posted the answer" in (ack.data.get("content") or ""):
        return target, await asyncio.wait_for(reply, timeout=10), ack
    assert len(await posted(fake)) == before  # nothing was posted in the channel
    reply.cancel()
    return target, None, ack


async def test_confident_answer_is_a_public_reply_naming_who_asked(fake: FakeDiscord, bot) -> None:
    target, reply, ack = await find_answer(fake, "Can I do the residency part-time?")
    assert reply is not None and str(reply["message_reference"]["message_id"]) == target["id"]
    (embed,) = reply["embeds"]
    assert "full-time position" in embed["description"]
    assert embed["author"]["name"] == f"Asked for by user{HELPER}"
    assert [c["label"] for c in components(reply)][:2] == ["Helpful", "Not helpful"]
    body = next(r.body for r in fake.requests if isinstance(r.body, dict) and r.body.get("message_reference"))
    assert body["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert ack.data["flags"] & EPHEMERAL
    async with bot.runtime.db.execute("SELECT question, answered FROM questions") as cur:
        assert await cur.fetchall() == [("Can I do the residency part-time?", 1)]


async def test_unsure_or_declined_is_told_only_to_the_member(fake: FakeDiscord, bot) -> None:
    _, reply, ack = await find_answer(fake, UNSURE_QUESTION)
    assert reply is None and ack.data["flags"] & EPHEMERAL
    assert "no confident answer" in ack.data["content"]
    assert ack.data["embeds"][0]["description"].startswith("*Not sure this answers it")
    _, reply, ack = await find_answer(fake, "What is the best recipe for banana bread?")
    assert reply is None and ack.data["flags"] & EPHEMERAL  # the helper's cooldown does not apply to…
    assert "One question at a time" in ack.data["content"]  # …a second typed request: it does


async def test_hostile_message_text_is_answered_inert(fake: FakeDiscord, bot) -> None:
    text = (
        f"@everyone <@&{MOD_ROLE_ID}> [here](https://evil.example/x): "
        "Can I do the resi\u200bdency part-\u2060time?"
    )
    _, reply, _ = await find_answer(fake, text)
    assert reply is not None
    title = reply["embeds"][0]["title"]
    assert "\u200b" not in title.replace("@\u200beveryone", "") and "\u2060" not in title
    assert "@everyone" not in title.replace("@\u200beveryone", "")
    assert f"<@&{MOD_ROLE_ID}>" not in title and "evil.example" not in title  # a link keeps its text only
    assert title == "@\u200beveryone here: Can I do the residency part-time?"
    assert "full-time position" in reply["embeds"][0]["description"]


async def test_a_long_message_is_answered_by_its_question(fake: FakeDiscord, bot) -> None:
    story = "I have been reading about programs all week and I am still confused. " * 55
    _, reply, _ = await find_answer(fake, (story + "Can I do the residency part-time?")[-4000:])
    assert reply is not None and reply["embeds"][0]["title"] == "Can I do the residency part-time?"


async def test_a_long_message_without_a_question_is_refused_privately(fake: FakeDiscord, bot) -> None:
    _, reply, ack = await find_answer(fake, "word " * 800)
    assert reply is None and ack.data["flags"] & EPHEMERAL and "ask it with /ask" in ack.data["content"]
