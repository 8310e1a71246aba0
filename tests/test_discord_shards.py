"""Sharded identifies are paced as Discord asks: 5 s apart within a bucket, none across buckets."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest

from bot.config import Settings
from bot.discord_bot.client import FAQBot, ShardedFAQBot, create_bot


def runtime(shards: str) -> SimpleNamespace:
    from dataclasses import replace

    settings = replace(Settings(), discord=replace(Settings().discord, shards=shards))
    return SimpleNamespace(services=SimpleNamespace(settings=settings))


@pytest.mark.parametrize(("concurrency", "waits"), [(1, [5.0, 5.0, 5.0]), (2, [5.0]), (16, [])])
async def test_identify_waits_only_within_a_bucket(monkeypatch, concurrency: int, waits: list[float]) -> None:
    bot = ShardedFAQBot(runtime("4"), shard_count=4)
    bot._max_concurrency = concurrency
    slept: list[float] = []
    loop = asyncio.get_running_loop()
    clock = [1000.0]
    monkeypatch.setattr(loop, "time", lambda: clock[0])

    async def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))
        clock[0] += seconds

    monkeypatch.setattr(asyncio, "sleep", sleep)
    for shard in range(4):
        await bot.before_identify_hook(shard, initial=shard == 0)
    assert slept == waits


def test_create_bot_follows_the_setting() -> None:
    assert type(create_bot(runtime("off"))) is FAQBot
    auto = create_bot(runtime("auto"))
    assert isinstance(auto, ShardedFAQBot) and auto.shard_count is None
    assert create_bot(runtime("3")).shard_count == 3
