"""What members see in an answer: finished embeds, "not sure", declines, greetings and votes."""

from __future__ import annotations

import re

from tests.e2e.conftest import bot_settings, start_bot, stop_bot
from tests.e2e.fake import DM_CHANNEL_ID, STRANGER_ID, FakeDiscord
from tests.e2e.helpers import EPHEMERAL, MENTION, UNSURE_QUESTION, ask, button, components, said

GREY = 0x979C9F  # discord.Colour.light_grey()
SUCCESS, DANGER, SECONDARY, LINK = 3, 4, 2, 5


async def test_answer_embed_has_source_see_also_and_roles(fake: FakeDiscord, bot) -> None:
    reply = await ask(fake, "How many weeks is a Meta research internship?")
    (embed,) = reply.data["embeds"]
    assert "twelve (12)" in embed["description"]
    # the source as "[title](url) · section · date"
    source = embed["description"].rsplit("\n— ", 1)[1]
    assert re.fullmatch(
        r"\*\*.+\*\* · About the job( · \w{3} \d\d, \d{4})?|\[.+\]\(https://.+\) · .+", source
    )
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    see_also = fields["See also"].split("\n• ")
    assert 1 <= len(see_also) <= 2  # retrieval.see_also as shipped; how many qualify is the core's ranking
    for entry in see_also:
        where, text = entry.lstrip("• ").split("\n", 1)
        assert " · " in where and len(text.strip()) > 20  # each passage's own words, not only its title
    # the matching role has no apply link in its posting: named, not a dead button
    assert fields["Open roles"] == "• Research Scientist Intern (no apply link yet)"
    assert "footer" not in embed


async def test_matching_roles_are_apply_link_buttons(fake: FakeDiscord, bot) -> None:
    reply = await ask(fake, "Is the ML engineer role remote?")
    links = [c for c in components(reply.data) if c.get("style") == LINK]
    assert [c["label"] for c in links] == ["Apply"]
    assert links[0]["url"].startswith("https://www.remotewlb.com/apply/")
    assert "Open roles" not in [f["name"] for f in reply.data["embeds"][0].get("fields", [])]


async def test_matched_words_only_when_configured(fake: FakeDiscord, tmp_path) -> None:
    bot = await start_bot(bot_settings(tmp_path, show_matched_words=True), fake)
    try:
        reply = await ask(fake, "Can I do the residency part-time?")
    finally:
        await stop_bot(bot)
    assert reply.data["embeds"][0]["footer"]["text"] == "Matched: part-time, residency"


async def test_unsure_answer_is_labelled_and_grey(fake: FakeDiscord, bot) -> None:
    reply = await ask(fake, UNSURE_QUESTION)
    (embed,) = reply.data["embeds"]
    assert embed["description"].startswith("*Not sure this answers it — the closest I found:*\n")
    assert embed["color"] == GREY
    assert [c["label"] for c in components(reply.data)][:2] == ["Helpful", "Not helpful"]


async def test_decline_offers_the_closest_questions_once(fake: FakeDiscord, bot) -> None:
    reply = await ask(fake, "When does the residency start?")
    (embed,) = reply.data["embeds"]
    assert embed["title"] == "I don't know that one" and not embed.get("fields")
    (select,) = components(reply.data)
    assert select["type"] == 3 and len(select["options"]) == 3
    for o in select["options"]:  # the questions are in the menu only
        assert o["label"] not in embed["description"]


async def test_greetings_get_the_help_privately(fake: FakeDiscord, tmp_path) -> None:
    bot = await start_bot(bot_settings(tmp_path, public_replies=True), fake)
    try:
        private = await ask(fake, "hi")
        assert private.data["flags"] & EPHEMERAL  # even with public replies
        assert "I answer questions" in private.data["embeds"][0]["description"]
        _, dm = await said(fake, f"{MENTION} hello!", author_id=STRANGER_ID)
        assert dm["channel_id"] == str(DM_CHANNEL_ID)
        assert "I answer questions" in dm["embeds"][0]["description"]
        assert not [
            m for m in fake.messages.values() if m["channel_id"] != str(DM_CHANNEL_ID) and not m["flags"]
        ]
    finally:
        await stop_bot(bot)


def vote_styles(message: dict) -> dict[str, int]:
    return {
        c["label"]: c["style"] for c in components(message) if c.get("label") in ("Helpful", "Not helpful")
    }


async def votes(bot) -> list[tuple[int, int]]:
    async with bot.runtime.db.execute("SELECT user_id, helpful FROM votes") as cur:
        return list(await cur.fetchall())


async def test_vote_on_a_private_answer_is_shown_on_it_and_can_change(fake: FakeDiscord, bot) -> None:
    reply = await ask(fake, "Can I do the residency part-time?")
    assert vote_styles(reply.data) == {"Helpful": SECONDARY, "Not helpful": SECONDARY}
    helpful = button(reply.data, "Helpful")["custom_id"]
    first = await fake.interact(fake.click(reply.message, helpful))
    assert (
        first.type == 7
        and first.data["content"] == "Recorded your vote: **👍 Helpful**. Thanks for the feedback!"
    )
    assert vote_styles(first.message) == {"Helpful": SUCCESS, "Not helpful": SECONDARY}
    assert first.message["embeds"] == reply.data["embeds"] and button(first.message, "Share in channel")
    again = await fake.interact(fake.click(first.message, helpful))
    assert again.data["content"] == "Your vote is already **👍 Helpful**."
    changed = await fake.interact(
        fake.click(again.message, button(again.message, "Not helpful")["custom_id"])
    )
    assert changed.data["content"] == "Changed your vote to **👎 Not helpful**."
    assert vote_styles(changed.message) == {"Helpful": SECONDARY, "Not helpful": DANGER}
    assert await votes(bot) == [(900000000000000100, 0)]


async def test_vote_on_a_public_answer_is_shown_to_the_voter_only(fake: FakeDiscord, bot) -> None:
    _, answer = await said(fake, f"{MENTION} Is there a fee to join the residency program?")
    click = await fake.interact(
        fake.click(answer, button(answer, "Not helpful")["custom_id"], user_id=STRANGER_ID)
    )
    assert click.type == 4 and click.data["flags"] & EPHEMERAL  # the public answer is left alone
    assert "Recorded your vote: **👎 Not helpful**" in click.data["content"]
    assert vote_styles(click.data) == {"Helpful": SECONDARY, "Not helpful": DANGER}
    assert vote_styles(answer) == {"Helpful": SECONDARY, "Not helpful": SECONDARY}
    changed = await fake.interact(
        fake.click(click.message, button(click.message, "Helpful")["custom_id"], user_id=STRANGER_ID)
    )
    assert changed.type == 7 and changed.data["content"] == "Changed your vote to **👍 Helpful**."
    assert vote_styles(changed.message) == {"Helpful": SUCCESS, "Not helpful": SECONDARY}
    assert await votes(bot) == [(STRANGER_ID, 1)]
