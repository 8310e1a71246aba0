"""Help channels: new questions answered unasked, only when confident, at most once per thread."""

from __future__ import annotations

import logging

import pytest

from tests.e2e.conftest import bot_settings, start_bot, stop_bot
from tests.e2e.fake import (
    APP_MESSAGE_CONTENT_LIMITED,
    CHANNEL_ID,
    FORUM_ID,
    HELP_CHANNEL_ID,
    MESSAGE_CONTENT,
    MOD_ROLE_ID,
    FakeDiscord,
)
from tests.e2e.helpers import MENTION, UNSURE_QUESTION, components, handled, said

SURE = "Can I do the residency part-time?"
UNSURE = UNSURE_QUESTION
DECLINED = "What is the best recipe for banana bread?"


@pytest.fixture
async def help_bot(fake: FakeDiscord, tmp_path):
    fake.app_flags = APP_MESSAGE_CONTENT_LIMITED  # the intent is on in the developer portal
    instance = await start_bot(bot_settings(tmp_path, help_channels=(HELP_CHANNEL_ID, FORUM_ID)), fake)
    try:
        yield instance
    finally:
        await stop_bot(instance)


async def forum_post(fake: FakeDiscord, bot, text: str):
    thread = await fake.thread_create(FORUM_ID, "a question")
    tid = int(thread["id"])
    return thread, await handled(fake, bot, text, channel_id=tid, message_id=tid, mentions_bot=False)


def intents(fake: FakeDiscord) -> int:
    return fake.identify_payloads[-1]["intents"]


async def test_message_content_intent_only_with_help_channels(fake: FakeDiscord, bot) -> None:
    assert not intents(fake) & MESSAGE_CONTENT


async def test_forum_post_answered_once_with_votes(fake: FakeDiscord, help_bot) -> None:
    assert intents(fake) & MESSAGE_CONTENT
    thread, (post, sent) = await forum_post(fake, help_bot, SURE)
    assert sent is not None and sent.reference.message_id == int(post["id"])
    reply = fake.messages[sent.id]
    assert "full-time position" in reply["embeds"][0]["description"]
    assert [c["label"] for c in components(reply)][:2] == ["Helpful", "Not helpful"]
    # at most once per thread: a later confident question in it is left to the members
    _, again = await handled(
        fake,
        help_bot,
        "Is there a fee to join the residency program?",
        channel_id=int(thread["id"]),
        mentions_bot=False,
    )
    assert again is None


async def test_unsure_and_declines_stay_silent(fake: FakeDiscord, help_bot) -> None:
    _, (_, sent) = await forum_post(fake, help_bot, UNSURE)
    assert sent is None
    _, (_, sent) = await forum_post(fake, help_bot, DECLINED)
    assert sent is None
    for text in (UNSURE, DECLINED):
        _, sent = await handled(fake, help_bot, text, channel_id=HELP_CHANNEL_ID, mentions_bot=False)
        assert sent is None
    async with help_bot.runtime.db.execute("SELECT COUNT(*) FROM questions") as cur:
        assert (await cur.fetchone())[0] == 0  # members' talk in help channels is not logged as gaps


async def test_only_the_first_message_of_a_thread(fake: FakeDiscord, help_bot) -> None:
    thread = await fake.thread_create(HELP_CHANNEL_ID, "residency")
    tid = int(thread["id"])
    _, first = await handled(fake, help_bot, UNSURE, channel_id=tid, mentions_bot=False)
    assert first is None
    _, second = await handled(fake, help_bot, SURE, channel_id=tid, mentions_bot=False)
    assert second is None  # not the first message: not answered unasked
    # …but a member can still ask the bot, and it answers within the thread's conversation
    _, asked = await said(fake, f"{MENTION} {SURE}", help_bot, channel_id=tid, author_id=900000000000000102)
    assert "full-time position" in asked["embeds"][0]["description"]


async def test_channel_questions_end_in_a_question_mark(fake: FakeDiscord, help_bot) -> None:
    _, sent = await handled(fake, help_bot, SURE, channel_id=HELP_CHANNEL_ID, mentions_bot=False)
    assert sent is not None
    # not a question, or not a help channel: not even considered (a mention after it is the next answer)
    await fake.message_create(SURE.rstrip("?"), channel_id=HELP_CHANNEL_ID, mentions_bot=False)
    await fake.message_create(SURE, channel_id=CHANNEL_ID, mentions_bot=False)
    _, mention = await said(
        fake,
        f"{MENTION} Is there a fee to join the residency program?",
        help_bot,
        author_id=900000000000000102,
    )
    answers = [m for m in fake.messages.values() if m["author"]["bot"] and not m["flags"]]
    assert [m["id"] for m in answers] == [str(sent.id), mention["id"]]


async def test_hostile_text_in_a_help_channel(fake: FakeDiscord, help_bot) -> None:
    text = f"@everyone <@&{MOD_ROLE_ID}> Can I do the resi\u200bdency part-time?"
    _, sent = await handled(fake, help_bot, text, channel_id=HELP_CHANNEL_ID, mentions_bot=False)
    assert sent is not None
    reply = fake.messages[sent.id]
    assert reply["embeds"][0]["title"] == "@\u200beveryone Can I do the residency part-time?"
    body = next(r.body for r in fake.requests if isinstance(r.body, dict) and r.body.get("message_reference"))
    assert body["allowed_mentions"] == {"parse": [], "replied_user": False}
    long = "Some context about my situation and background. " * 81 + SURE
    assert len(long) > 3900
    _, sent = await handled(
        fake, help_bot, long, channel_id=HELP_CHANNEL_ID, mentions_bot=False, author_id=900000000000000102
    )
    assert sent is not None and fake.messages[sent.id]["embeds"][0]["title"] == SURE


async def test_unexpected_error_gets_the_apology(fake: FakeDiscord, help_bot, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("index exploded")

    monkeypatch.setattr(help_bot.runtime.services.answers, "ask", broken)
    _, sent = await handled(fake, help_bot, SURE, channel_id=HELP_CHANNEL_ID, mentions_bot=False)
    assert sent is not None and fake.messages[sent.id]["content"].startswith("Sorry")
    assert "exploded" not in fake.messages[sent.id]["content"]


async def test_intent_off_in_the_portal_is_said_once_and_the_rest_works(
    fake: FakeDiscord, tmp_path, caplog
) -> None:
    caplog.set_level(logging.WARNING)
    bot = await start_bot(bot_settings(tmp_path, help_channels=(HELP_CHANNEL_ID,)), fake)  # app flags 0
    try:
        assert not intents(fake) & MESSAGE_CONTENT  # asking for it would make Discord refuse to connect
        lines = [r.getMessage() for r in caplog.records if "Message Content intent" in r.getMessage()]
        assert len(lines) == 1 and "help channels are not answered" in lines[0] and "\n" not in lines[0]
        await fake.message_create(SURE, channel_id=HELP_CHANNEL_ID, mentions_bot=False)
        _, mention = await said(fake, f"{MENTION} {SURE}", bot)
        answers = [m for m in fake.messages.values() if m["author"]["bot"]]
        assert [m["id"] for m in answers] == [mention["id"]]
    finally:
        await stop_bot(bot)
