"""End to end: the real discord.py client against the fake Discord on 127.0.0.1."""

from __future__ import annotations

import asyncio

from bot.services.validation import QUESTION_INPUT_CHARS
from tests.e2e.fake import DM_CHANNEL_ID, STRANGER_ID, FakeDiscord

EPHEMERAL = 64


def option(name: str, value, type: int = 3) -> dict:
    return {"name": name, "type": type, "value": value}


async def test_login_and_command_sync(fake: FakeDiscord, bot) -> None:
    await asyncio.wait_for(bot.wait_until_ready(), timeout=10)
    assert fake.identifies == 1
    paths = [r.path for r in fake.requests]
    assert paths[:2] == ["/users/@me", "/oauth2/applications/@me"]
    synced = {c["name"]: c for c in next(iter(fake.commands.values()))}
    assert set(synced) == {"ask", "roles", "role", "kb", "Find answer"}
    assert synced["Find answer"]["type"] == 3  # Apps → Find answer on a message
    assert synced["ask"]["description"].startswith("Ask a question")
    (question,) = synced["ask"]["options"]
    assert question["name"] == "question" and question["required"] and question["max_length"] == QUESTION_INPUT_CHARS
    assert question["description"]
    roles_options = {o["name"]: o for o in synced["roles"]["options"]}
    assert [c["value"] for c in roles_options["type"]["choices"]][:2] == ["internship", "residency"]
    assert roles_options["org"]["autocomplete"] is True
    assert synced["role"]["options"][0]["autocomplete"] is True
    kb = {o["name"]: o for o in synced["kb"]["options"]}
    assert set(kb) == {"status", "refresh", "history", "rollback", "unanswered", "stats"}
    assert all(o["description"] for o in kb.values())
    # /kb status is for everyone, so the group carries no default permission: refresh and
    # unanswered check moderator rights in their handlers (tested below)
    assert synced["kb"].get("default_member_permissions") is None


async def test_ask_answers_with_cited_embed(fake: FakeDiscord, bot) -> None:
    reply = await fake.interact(
        fake.command("ask", [option("question", "Can I do the residency part-time?")])
    )
    assert reply.type == 4
    assert reply.data["flags"] & EPHEMERAL
    (embed,) = reply.data["embeds"]
    assert "full-time position" in embed["description"]
    assert "Announcing the 🤗 AI Research Residency Program" in embed["description"]
    assert "footer" not in embed  # matched words only with discord.show_matched_words
    custom_ids = [c["custom_id"] for row in reply.data["components"] for c in row["components"]]
    assert custom_ids[0].startswith("faqbot:vote:") and "faqbot:share" in custom_ids
    assert reply.data["allowed_mentions"] == {"parse": []}


def components(message: dict) -> list[dict]:
    return [c for row in message.get("components", []) for c in row["components"]]


def custom_id(message: dict, starts: str = "", label: str | None = None) -> str:
    for c in components(message):
        if c.get("custom_id", "").startswith(starts) and (label is None or c.get("label") == label):
            return c["custom_id"]
    raise AssertionError(f"no component {starts!r} {label!r} in {components(message)}")


async def test_unanswered_question_offers_suggestions_and_is_recorded(fake: FakeDiscord, bot) -> None:
    reply = await fake.interact(fake.command("ask", [option("question", "When does the residency start?")]))
    (embed,) = reply.data["embeds"]
    assert embed["title"] == "I don't know that one"
    select = next(c for c in components(reply.data) if c["type"] == 3)
    assert select["custom_id"] == "faqbot:suggest" and select["options"]
    async with bot.runtime.db.execute("SELECT question, answered FROM questions") as cur:
        assert await cur.fetchall() == [("When does the residency start?", 0)]
    # picking a suggestion answers it at once: the shipped 5 s cooldown is for typed questions
    picked = select["options"][0]["value"]
    answer = await fake.interact(fake.click(reply.message, "faqbot:suggest", values=[picked]))
    assert "One question at a time" not in (answer.data.get("content") or "")
    assert answer.data["embeds"][0]["title"] == picked


async def test_vote_click_is_stored(fake: FakeDiscord, bot) -> None:
    reply = await fake.interact(
        fake.command("ask", [option("question", "Is there a deadline for the fellowship?")])
    )
    vote = custom_id(reply.message, "faqbot:vote:", label="Not helpful")
    ack = await fake.interact(fake.click(reply.message, vote))
    assert ack.type == 7 and "Not helpful" in ack.data["content"]  # the private answer itself shows it
    async with bot.runtime.db.execute("SELECT user_id, helpful FROM votes") as cur:
        assert await cur.fetchall() == [(900000000000000100, 0)]


async def test_share_posts_publicly(fake: FakeDiscord, bot) -> None:
    reply = await fake.interact(
        fake.command("ask", [option("question", "Do Hugging Face employees get equity?")])
    )
    shared = await fake.interact(fake.click(reply.message, "faqbot:share"))
    assert not shared.data.get("flags", 0) & EPHEMERAL
    assert shared.data["embeds"][0]["description"] == reply.data["embeds"][0]["description"]
    assert shared.data["embeds"][0]["author"]["name"].startswith("Shared by")


async def test_roles_paging_and_strangers_refused(fake: FakeDiscord, bot) -> None:
    first = await fake.interact(fake.command("roles", [option("type", "internship")]))
    embed = first.data["embeds"][0]
    assert embed["footer"]["text"] == "Page 1 of 4 · 17 roles"
    labels = [c["label"] for c in components(first.data)]
    assert labels[:3] == ["Previous", "page 1 of 4", "Next"]
    assert [c.get("disabled", False) for c in components(first.data)][:3] == [True, True, False]
    # each role shown with a usable link gets an Apply link button (style 5), not a raw URL
    links = [c for c in components(first.data) if c.get("style") == 5]
    assert links and all(c["label"].startswith("Apply: ") and c["url"].startswith("https://") for c in links)
    assert not any("https://" in f["value"] for f in embed["fields"])
    nxt = custom_id(first.message, label="Next")
    second = await fake.interact(fake.click(first.message, nxt))
    assert second.type == 7
    assert second.data["embeds"][0]["footer"]["text"] == "Page 2 of 4 · 17 roles"
    assert second.data["embeds"][0]["fields"][0]["name"] != embed["fields"][0]["name"]
    stranger = await fake.interact(fake.click(second.message, nxt, user_id=900000000000000102))
    assert stranger.type == 4 and stranger.data["flags"] & EPHEMERAL
    assert "someone else" in stranger.data["content"]


async def test_role_autocomplete_and_detail(fake: FakeDiscord, bot) -> None:
    result = await fake.interact(fake.autocomplete("role", "name", "gradio"))
    assert result.type == 8
    (choice,) = result.data["choices"]
    assert choice["name"].startswith("Gradio Internship")
    detail = await fake.interact(fake.command("role", [option("name", choice["value"])]))
    embed = detail.data["embeds"][0]
    assert embed["title"] == "Gradio Internship"
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert "Apply" not in fields  # a link button instead of a raw URL
    (apply,) = [c for c in components(detail.data) if c.get("label") == "Apply"]
    assert apply["url"] == "https://huggingface.workable.com/jobs/2832520"
    # the source by its document title and link, not its file name
    assert fields["Source"].startswith("[We are hiring interns!](https://github.com/")
    orgs = await fake.interact(fake.autocomplete("roles", "org", "sci"))
    assert [c["value"] for c in orgs.data["choices"]] == ["Science"]


async def test_mention_is_answered_in_a_reply(fake: FakeDiscord, bot) -> None:
    sent = fake.wait_for("channel_message")
    asked = await fake.message_create("<@900000000000000002> Is there a fee to join the residency program?")
    reply = await asyncio.wait_for(sent, timeout=10)
    assert str(reply["message_reference"]["message_id"]) == asked["id"]
    assert "no fees" in reply["embeds"][0]["description"]
    body = fake.requests[-1].body
    assert body["allowed_mentions"] == {"parse": [], "replied_user": False}


async def test_empty_mention_gets_help_and_dm_is_answered(fake: FakeDiscord, bot) -> None:
    sent = fake.wait_for("channel_message")
    await fake.message_create("<@900000000000000002>")
    help_reply = await asyncio.wait_for(sent, timeout=10)
    assert help_reply["channel_id"] == str(DM_CHANNEL_ID)  # privately, in a DM
    assert "/ask" in help_reply["embeds"][0]["fields"][0]["value"]
    sent = fake.wait_for("channel_message")
    await fake.message_create("How many weeks is a Meta research internship?", dm=True, mentions_bot=False)
    dm_reply = await asyncio.wait_for(sent, timeout=10)
    assert "twelve (12)" in dm_reply["embeds"][0]["description"]


async def test_kb_refresh_by_moderator_keeps_serving_with_broken_file(
    fake: FakeDiscord, bot, tmp_path
) -> None:
    folder = bot.runtime.knowledge_base.folder
    (folder / "broken.md").write_text("---\ntitle: [oops\n---\nBroken\n")
    text = (folder / "hf-ai-research-residency.md").read_text(encoding="utf-8")
    (folder / "hf-ai-research-residency.md").write_text("---\nkind: nonsense\n---\n" + text, encoding="utf-8")
    (folder / "dress.md").write_text("# Dress code\n\n## Is there a dress code?\n\nNo, wear what you like.\n")
    followup = fake.wait_for("followup")
    deferred = await fake.interact(fake.subcommand("kb", "refresh", moderator=True))
    assert deferred.type == 5
    report = await asyncio.wait_for(followup, timeout=10)
    embed = report["embeds"][0]
    assert embed["title"] == "Knowledge base refreshed"
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert "hf-ai-research-residency.md" in fields["Broken files (last good version kept)"]
    assert "broken.md:2" in problems_field(embed)
    answer = await fake.interact(
        fake.command("ask", [option("question", "Can I do the residency part-time?")])
    )
    assert "full-time position" in answer.data["embeds"][0]["description"]


def problems_field(embed: dict) -> str:
    return next(f["value"] for f in embed["fields"] if " error" in f["name"] and " warning" in f["name"])


async def test_moderator_commands_refused_for_members(fake: FakeDiscord, bot) -> None:
    for sub in ("refresh", "unanswered"):
        reply = await fake.interact(fake.subcommand("kb", sub))
        assert (
            reply.type == 4 and reply.data["flags"] & EPHEMERAL and "Only moderators" in reply.data["content"]
        )
    status = await fake.interact(fake.subcommand("kb", "status"))
    fields = {f["name"]: f["value"] for f in status.data["embeds"][0]["fields"]}
    assert (fields["Documents"], fields["Roles"]) == ("5", "19")


async def test_moderator_sees_unanswered(fake: FakeDiscord, bot) -> None:
    # two members ask (one member twice within the shipped cooldown would be refused)
    await fake.interact(fake.command("ask", [option("question", "Is there a dress code?")]))
    await fake.interact(
        fake.command("ask", [option("question", "What is the dress code?")], user_id=STRANGER_ID)
    )
    report = await fake.interact(fake.subcommand("kb", "unanswered", moderator=True))
    assert (
        "**2×** Is there a dress code?" in report.data["embeds"][0]["description"]
        or "**2×** What is the dress code?" in report.data["embeds"][0]["description"]
    )


async def test_gateway_drop_resume_and_answer(fake: FakeDiscord, bot) -> None:
    resumed = fake.wait_for("resumed")
    await fake.drop()
    await asyncio.wait_for(resumed, timeout=10)
    assert fake.identifies == 1 and fake.resumes == 1
    reply = await fake.interact(
        fake.command("ask", [option("question", "Does Hugging Face reimburse conferences?")])
    )
    assert "conferences" in reply.data["embeds"][0]["description"]
    # RECONNECT also resumes
    resumed = fake.wait_for("resumed")
    await fake.send_reconnect()
    await asyncio.wait_for(resumed, timeout=10)
    assert fake.resumes == 2


async def test_invalid_session_identifies_again(fake: FakeDiscord, bot) -> None:
    # discord.py waits 5 s before identifying again, as Discord asks: this test takes that long
    fake.connected.clear()
    await fake.send_invalid_session()
    await asyncio.wait_for(fake.connected.wait(), timeout=15)
    assert fake.identifies == 2
    reply = await fake.interact(
        fake.command("ask", [option("question", "Is there a deadline for the fellowship?")])
    )
    assert "ongoing" in reply.data["embeds"][0]["description"]


async def test_rate_limited_callback_is_retried(fake: FakeDiscord, bot) -> None:
    limited = fake.wait_for("rate_limited")
    fake.rate_limit_next("/callback", retry_after=0.01)
    reply = await fake.interact(
        fake.command("ask", [option("question", "Can I do the residency part-time?")])
    )
    assert await limited
    assert "full-time" in reply.data["embeds"][0]["description"]
    callbacks = [r for r in fake.requests if r.path.endswith("/callback")]
    assert len(callbacks) == 2 and callbacks[0].body == callbacks[1].body


async def test_fifty_questions_in_flight(fake: FakeDiscord, bot) -> None:
    questions = [
        "Can I do the residency part-time?",
        "Is there a deadline for the fellowship?",
        "What is the best recipe for banana bread?",
    ]
    payloads = [
        fake.command("ask", [option("question", questions[i % 3])], user_id=900000000000001000 + i)
        for i in range(50)
    ]
    replies = await asyncio.gather(*(fake.interact(p) for p in payloads))
    assert len(replies) == 50 and all(r.type == 4 for r in replies)
    titles = [r.data["embeds"][0]["title"] for r in replies]
    assert titles.count("I don't know that one") == 16
    async with bot.runtime.db.execute("SELECT COUNT(*) FROM questions") as cur:
        assert (await cur.fetchone())[0] == 50


async def test_every_message_pings_no_one(fake: FakeDiscord, bot) -> None:
    await fake.interact(
        fake.command(
            "ask", [option("question", "@everyone <@900000000000000101> can I do the residency part-time?")]
        )
    )
    sent = fake.wait_for("channel_message")
    await fake.message_create("<@900000000000000002> @everyone what is the weather?", author_id=STRANGER_ID)
    await asyncio.wait_for(sent, timeout=10)
    assert fake.sent_payloads
    for payload in fake.sent_payloads:
        assert payload["allowed_mentions"]["parse"] == []
        assert (
            "replied_user" not in payload["allowed_mentions"]
            or payload["allowed_mentions"]["replied_user"] is False
        )
    title = fake.sent_payloads[0]["embeds"][0]["title"]
    assert "@everyone" not in title.replace("@\u200beveryone", "") and "<@900000000000000101>" not in title


async def test_oversized_answer_is_trimmed_within_limits(fake: FakeDiscord, tmp_path) -> None:
    from dataclasses import replace

    from tests.e2e.conftest import bot_settings, start_bot, stop_bot

    settings = bot_settings(tmp_path)
    settings = replace(
        settings, answers=replace(settings.answers, snippet_chars=20_000, max_passage_chars=50_000)
    )
    long_answer = " ".join(f"Sentence {i} explains the long visa rules in great detail." for i in range(400))
    (settings.knowledge_dir / "visa.md").write_text(
        "---\ntitle: "
        + "Visa handbook " * 40
        + "\n---\n## FAQ\n\n* **What are the visa rules?**<br>"
        + long_answer
        + "\n"
    )
    bot = await start_bot(settings, fake)
    try:
        reply = await fake.interact(fake.command("ask", [option("question", "What are the visa rules?")]))
    finally:
        await stop_bot(bot)
    (embed,) = reply.data["embeds"]
    assert len(embed["title"]) <= 256 and len(embed["description"]) <= 4096
    assert all(len(f["value"]) <= 1024 and len(f["name"]) <= 256 for f in embed.get("fields", []))
    total = len(embed["title"]) + len(embed["description"]) + len(embed.get("footer", {}).get("text", ""))
    total += sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
    assert total <= 6000
    assert embed["description"].endswith("…") and not embed["description"][-2].isspace()


async def test_unexpected_error_gets_a_private_apology(fake: FakeDiscord, bot, monkeypatch, caplog) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("index exploded")

    monkeypatch.setattr(bot.runtime.services.answers, "ask", broken)
    reply = await fake.interact(fake.command("ask", [option("question", "Anything?")]))
    assert reply.data["flags"] & EPHEMERAL and reply.data["content"].startswith("Sorry")
    assert "index exploded" not in reply.data["content"]
    assert any("error in an interaction" in r.message for r in caplog.records)
    monkeypatch.undo()
    again = await fake.interact(
        fake.command("ask", [option("question", "Can I do the residency part-time?")])
    )
    assert "full-time" in again.data["embeds"][0]["description"]  # still running


async def test_long_question_and_cooldown_get_friendly_replies(fake: FakeDiscord, tmp_path) -> None:
    from tests.e2e.conftest import bot_settings, start_bot, stop_bot

    bot = await start_bot(bot_settings(tmp_path, cooldown_seconds=3600.0), fake)
    try:
        too_long = await fake.interact(fake.command("ask", [option("question", "why " * 100)]))
        assert too_long.data["flags"] & EPHEMERAL and "too long" in too_long.data["content"]
        first = await fake.interact(
            fake.command("ask", [option("question", "Is there a deadline for the fellowship?")])
        )
        assert first.data["embeds"]
        second = await fake.interact(
            fake.command("ask", [option("question", "Is there a deadline for the fellowship?")])
        )
        assert second.data["flags"] & EPHEMERAL and "One question at a time" in second.data["content"]
    finally:
        await stop_bot(bot)


async def test_public_replies_and_view_timeout(fake: FakeDiscord, tmp_path) -> None:
    from tests.e2e.conftest import bot_settings, start_bot, stop_bot

    bot = await start_bot(bot_settings(tmp_path, public_replies=True, view_timeout_seconds=0.2), fake)
    try:
        answer = await fake.interact(
            fake.command("ask", [option("question", "Can I do the residency part-time?")])
        )
        assert not answer.data.get("flags", 0) & EPHEMERAL
        assert "faqbot:share" not in [c.get("custom_id") for c in components(answer.data)]
        edited = fake.wait_for(
            "edit",
            lambda m: (
                m.get("components") and all(c.get("disabled") for c in components(m) if c.get("style") != 5)
            ),
        )
        listing = await fake.interact(fake.command("roles"))
        assert not all(c.get("disabled", False) for c in components(listing.data))
        message = await asyncio.wait_for(edited, timeout=10)
        assert message["id"] == listing.message["id"]
    finally:
        await stop_bot(bot)


async def test_database_failure_does_not_stop_answers(fake: FakeDiscord, bot, caplog) -> None:
    await bot.runtime.db.execute("PRAGMA query_only = ON")
    reply = await fake.interact(
        fake.command("ask", [option("question", "Can I do the residency part-time?")])
    )
    assert "full-time" in reply.data["embeds"][0]["description"]
    assert not any(c.get("custom_id", "").startswith("faqbot:vote") for c in components(reply.data))
    other = await fake.interact(
        fake.command(
            "ask", [option("question", "Is there a deadline for the fellowship?")], user_id=STRANGER_ID
        )
    )
    assert "ongoing" in other.data["embeds"][0]["description"]
    assert sum("cannot write to the database" in r.message for r in caplog.records) == 1
