"""Conversations: a follow-up in a DM, a reply chain or a thread is asked with its earlier turns."""

from __future__ import annotations

from bot.discord_bot.render import COLOUR_ANSWER
from tests.e2e.fake import CHANNEL_ID, MEMBER_ID, STRANGER_ID, FakeDiscord
from tests.e2e.helpers import MENTION, ask, later, said

FIRST = "How many weeks is a Meta research internship?"
# names no programme: on its own, the bot cannot be sure what "it" is (at most it offers
# the closest passage as "not sure"); as a follow-up it is answered from Meta's posting,
# which states its pay (it states no place, so "where is it?" is rightly declined even then)
FOLLOW_UP = "does it pay?"
ANSWER_COLOUR = COLOUR_ANSWER.value


def about_meta(message: dict) -> bool:
    """Tell whether the reply confidently answers from Meta's posting (not "not sure")."""
    embed = message["embeds"][0]
    return embed.get("color") == ANSWER_COLOUR and "Research Scientist Intern" in embed["description"]


async def turns(bot) -> list[tuple[str, str]]:
    async with bot.runtime.db.execute("SELECT key, question FROM conversation_turns ORDER BY id") as cur:
        return list(await cur.fetchall())


async def test_follow_up_alone_is_not_understood(fake: FakeDiscord, bot) -> None:
    reply = await ask(fake, FOLLOW_UP)
    assert not about_meta(reply.data)


async def test_dm_follow_up_uses_the_previous_turn(fake: FakeDiscord, bot) -> None:
    _, first = await said(fake, FIRST, dm=True, mentions_bot=False, bot=bot)
    assert about_meta(first)
    later(bot, 30)  # past the shipped cooldown
    _, second = await said(fake, FOLLOW_UP, dm=True, mentions_bot=False, bot=bot)
    assert about_meta(second)
    assert [k for k, _ in await turns(bot)] == ["dm:900000000000000099"] * 2


async def test_reply_to_the_answer_continues_the_conversation(fake: FakeDiscord, bot) -> None:
    asked, answer = await said(fake, f"{MENTION} {FIRST}", bot=bot)
    later(bot, 30)
    # a reply to the bot's answer (Discord adds the bot to the mentions when the reply pings)
    _, follow = await said(fake, FOLLOW_UP, reply_to=answer, bot=bot)
    assert about_meta(follow)
    assert str(follow["message_reference"]["message_id"]) != asked["id"]
    # a reply to the bot's second answer still belongs to the same chain
    later(bot, 30)
    _, third = await said(fake, "and who can apply?", reply_to=follow, bot=bot)
    keys = [k for k, _ in await turns(bot)]
    assert keys == [f"reply:{asked['id']}"] * 3, keys
    assert third["embeds"]


async def test_reply_to_own_question_continues_the_conversation(fake: FakeDiscord, bot) -> None:
    asked, _ = await said(fake, f"{MENTION} {FIRST}", bot=bot)
    later(bot, 30)
    _, follow = await said(fake, f"{MENTION} {FOLLOW_UP}", reply_to=asked, bot=bot)
    assert about_meta(follow)


async def test_other_members_questions_are_separate_conversations(fake: FakeDiscord, bot) -> None:
    await said(fake, f"{MENTION} {FIRST}", bot=bot)
    _, other = await said(fake, f"{MENTION} {FOLLOW_UP}", author_id=STRANGER_ID, bot=bot)
    assert not about_meta(other)


async def test_thread_turns_are_shared_with_ask(fake: FakeDiscord, bot) -> None:
    thread = await fake.thread_create(CHANNEL_ID, "Meta internship")
    _, first = await said(fake, f"{MENTION} {FIRST}", channel_id=int(thread["id"]), bot=bot)
    assert about_meta(first)
    later(bot, 30)
    reply = await ask(fake, FOLLOW_UP, channel=thread, user_id=MEMBER_ID)
    assert about_meta(reply.data)
    assert [k for k, _ in await turns(bot)] == [f"thread:{thread['id']}"] * 2


async def test_turns_expire_after_the_window(fake: FakeDiscord, bot) -> None:
    await said(fake, FIRST, dm=True, mentions_bot=False, bot=bot)
    later(bot, 11 * 60)  # answers.conversation_minutes is 10 as shipped
    _, second = await said(fake, FOLLOW_UP, dm=True, mentions_bot=False, bot=bot)
    assert not about_meta(second)
    assert [q for _, q in await turns(bot)] == [FOLLOW_UP]  # the old turn was deleted, not just ignored


async def test_a_reply_without_its_text_is_not_a_question(fake: FakeDiscord, bot) -> None:
    # without the Message Content intent, a reply that does not ping the bot arrives empty
    _, answer = await said(fake, f"{MENTION} {FIRST}", bot)
    await fake.message_create("", reply_to=answer, mentions_bot=False)
    later(bot, 30)
    _, next_answer = await said(fake, f"{MENTION} {FIRST}", bot)
    posted = [m["id"] for m in fake.messages.values() if m["author"]["bot"]]
    assert posted == [answer["id"], next_answer["id"]]  # no help or "empty question" in between
