"""discord.shards: one process serves guilds on several shards; interactions on any are answered."""

from __future__ import annotations

import asyncio

from bot.discord_bot.client import ShardedFAQBot
from tests.e2e.conftest import bot_settings, start_bot, stop_bot
from tests.e2e.fake import GUILD2_ID, GUILD_ID, FakeDiscord
from tests.e2e.helpers import MENTION, ask, said


async def test_two_shards_each_answer_their_guilds(fake: FakeDiscord, tmp_path) -> None:
    fake.shard_count, fake.max_concurrency, fake.guild_ids = 2, 2, (GUILD_ID, GUILD2_ID)
    bot = await start_bot(bot_settings(tmp_path, shards="auto", guilds=(GUILD_ID, GUILD2_ID)), fake)
    try:
        assert isinstance(bot, ShardedFAQBot) and bot.shard_count == 2
        assert "/gateway/bot" in [r.path for r in fake.requests]  # "auto": as many as Discord recommends
        assert sorted(p["shard"] for p in fake.identify_payloads) == [[0, 2], [1, 2]]
        assert {fake.shard_of(GUILD_ID), fake.shard_of(GUILD2_ID)} == {0, 1}
        first, second = await asyncio.gather(
            ask(fake, "Can I do the residency part-time?", guild_id=GUILD2_ID),
            ask(
                fake, "Is there a deadline for the fellowship?", guild_id=GUILD_ID, user_id=900000000000000101
            ),
        )
        assert "full-time position" in first.data["embeds"][0]["description"]
        assert "ongoing" in second.data["embeds"][0]["description"]
        assert bot.get_guild(GUILD_ID).shard_id != bot.get_guild(GUILD2_ID).shard_id
        _, reply = await said(
            fake,
            f"{MENTION} Is there a fee to join the residency program?",
            bot,
            author_id=900000000000000102,
        )
        assert "no fees" in reply["embeds"][0]["description"]
    finally:
        await stop_bot(bot)


async def test_default_is_unsharded(fake: FakeDiscord, bot) -> None:
    assert not isinstance(bot, ShardedFAQBot)
    assert "shard" not in fake.identify_payloads[0] and "/gateway/bot" not in [r.path for r in fake.requests]
