"""/roles, /role and role announcements end to end, with the shipped config.yaml values."""

from __future__ import annotations

import asyncio
import shutil
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from bot.config import Settings, load_settings
from tests.conftest import KNOWLEDGE, ROOT
from tests.e2e.conftest import start_bot, stop_bot
from tests.e2e.fake import GUILD_ID, MOD_ROLE_ID, FakeDiscord

ANNOUNCE = 900000000000000077
POSTINGS = Path(__file__).resolve().parent.parent / "data" / "postings"


def option(name: str, value, type: int = 3) -> dict:
    return {"name": name, "type": type, "value": value}


def components(message: dict) -> list[dict]:
    return [c for row in message.get("components", []) for c in row["components"]]


def shipped(tmp_path: Path, extra: Path | None = None, **discord) -> Settings:
    """The shipped config.yaml, pointed at a copy of the knowledge base and a fresh database."""
    settings = load_settings(ROOT / "config.yaml")
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    if extra is not None:
        shutil.copytree(extra, folder / "postings")
    options = {"guilds": (GUILD_ID,), "moderator_roles": (str(MOD_ROLE_ID),), **discord}
    return replace(
        settings,
        knowledge_dir=folder,
        database=tmp_path / "data" / "bot.db",
        discord=replace(settings.discord, **options),
    )


def job_page(title: str, posted: date, closes: date) -> str:
    return f"""<!DOCTYPE html><html><head><title>{title} - Acme - Careers</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@graph": [{{"@type": "JobPosting",
"title": "{title}", "datePosted": "{posted.isoformat()}", "validThrough": "{closes.isoformat()}",
"employmentType": "PART_TIME", "hiringOrganization": {{"name": "Acme"}}, "jobLocationType": "TELECOMMUTE",
"applicantLocationRequirements": {{"@type": "Country", "name": "Canada"}},
"url": "https://jobs.acme.example.net/{title.lower().replace(" ", "-")}"}}]}}</script></head>
<body><h1>{title}</h1><p>You will answer questions from our customers by chat and email.</p></body></html>"""


async def test_roles_listing_members_can_act_on(fake: FakeDiscord, tmp_path: Path) -> None:
    bot = await start_bot(shipped(tmp_path, POSTINGS), fake)
    try:
        reply = await fake.interact(fake.command("roles", [option("location", "Americas")]))
        (embed,) = reply.data["embeds"]
        assert embed["footer"]["text"] == "1 role"  # one page: no page numbers, and a singular
        (field,) = embed["fields"]
        assert field["name"] == "Field Robotics Technician"
        assert field["value"] == "Acme Robotics\nAmericas · Remote\nUSD 38 - 45 per hour"
        buttons = components(reply.data)
        assert [(b["style"], b["label"]) for b in buttons] == [(5, "Apply")]  # no pager
        assert buttons[0]["url"] == "https://jobs.lever.co/acme/1234/apply"
        canada = await fake.interact(fake.command("roles", [option("location", "Canada")]))
        assert canada.data["embeds"][0]["footer"]["text"] == "2 roles"
        fields = canada.data["embeds"][0]["fields"]
        assert [f["value"].split("\n")[:2] for f in fields] == [["Routing Research", "Canada · Remote"]] * 2
        remote = await fake.interact(fake.command("roles", [option("remote", True, type=5)]))
        titles = [f["name"] for f in remote.data["embeds"][0]["fields"]]
        assert "Machine Learning Engineer in the Optimization team - EMEA remote" in titles
        assert "Senior Backend Engineer" not in titles
        fellowship = await fake.interact(fake.command("roles", [option("type", "fellowship")]))
        description = fellowship.data["embeds"][0]["description"]
        assert "Hugging Face Fellowship Program** is by nomination only" in description
        residency = await fake.interact(fake.command("roles", [option("type", "residency")]))
        assert "may no longer be open" in residency.data["embeds"][0]["fields"][0]["value"]  # stale
        assert all(p["allowed_mentions"]["parse"] == [] for p in fake.sent_payloads)
    finally:
        await stop_bot(bot)


async def test_role_autocomplete_by_word_and_detail(fake: FakeDiscord, tmp_path: Path) -> None:
    bot = await start_bot(shipped(tmp_path, POSTINGS), fake)
    try:
        result = await fake.interact(fake.autocomplete("role", "name", "ml engineer"))
        first = result.data["choices"][0]
        assert first["name"].startswith("Machine Learning Engineer")
        detail = await fake.interact(fake.command("role", [option("name", "community-ml-intern")]))
        embed = detail.data["embeds"][0]
        assert embed["title"] == "Community ML Intern (Summer 2026)"
        assert embed["description"].startswith("As a Community ML Intern you will help")
        fields = {f["name"]: f["value"] for f in embed["fields"]}
        assert fields["Pay"] == "€2,000–€2,500 per month" and fields["Location"] == "France · Remote"
        assert (
            fields["Source"]
            == "[Community ML Intern (Summer 2026)](https://apply.workable.com/huggingface/j/ABC123/)"
        )
        labels = {b["label"]: b.get("url") for b in components(detail.data)}
        assert labels["Apply"] == "https://apply.workable.com/huggingface/j/ABC123/apply"
        meta = await fake.interact(fake.autocomplete("role", "name", "research scientist"))
        assert meta.data["choices"][0]["name"] == "Research Scientist Intern — Meta"
    finally:
        await stop_bot(bot)


async def test_new_roles_announced_once_and_never_after_restart(fake: FakeDiscord, tmp_path: Path) -> None:
    today = date.today()
    settings = shipped(tmp_path, announce_channel=ANNOUNCE, closing_soon_days=14)
    folder = settings.knowledge_dir
    (folder / "support.html").write_text(
        job_page("Support Agent", today - timedelta(days=3), today + timedelta(days=10)), encoding="utf-8"
    )

    def announced() -> list[dict]:
        return [m for m in fake.messages.values() if m["channel_id"] == str(ANNOUNCE)]

    bot = await start_bot(settings, fake)
    try:
        await asyncio.wait_for(bot.announced_once.wait(), timeout=10)
        # open before announcing began: not announced as new, but reminded of once (closes in 10 days)
        (reminder,) = announced()
        assert reminder["embeds"][0]["author"]["name"].startswith("Closing soon")
        assert reminder["embeds"][0]["title"] == "Support Agent"
        (folder / "writer.html").write_text(
            job_page("Technical Writer", today - timedelta(days=1), today + timedelta(days=60)),
            encoding="utf-8",
        )
        posted = fake.wait_for("channel_message", lambda m: m["channel_id"] == str(ANNOUNCE))
        await fake.interact(fake.subcommand("kb", "refresh", moderator=True))
        await asyncio.wait_for(posted, timeout=10)
        assert await bot.announce() == 0  # nothing left to post
        new = [m for m in announced() if m["embeds"][0]["author"]["name"] == "New role"]
        assert [m["embeds"][0]["title"] for m in new] == ["Technical Writer"]
        (button,) = components(new[0])
        assert button["url"] == "https://jobs.acme.example.net/technical-writer"
        # a refresh from the command line, in another process, is announced too
        (folder / "tutor.html").write_text(
            job_page("Math Tutor", today, today + timedelta(days=90)), encoding="utf-8"
        )
        config = tmp_path / "config.yaml"
        shipped_text = (ROOT / "config.yaml").read_text(encoding="utf-8")
        config.write_text(
            shipped_text.replace("knowledge_dir: knowledge", f"knowledge_dir: {folder}").replace(
                "database: data/faqbot.db", f"database: {settings.database}"
            ),
            encoding="utf-8",
        )
        cli = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "kb",
            "refresh",
            "--config",
            str(config),
            cwd=ROOT,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(cli.communicate(), timeout=60)
        assert cli.returncode == 0, err.decode()
        assert b"roles opened: Math Tutor" in out
        assert await bot.announce_tick() == 1
        assert announced()[-1]["embeds"][0]["title"] == "Math Tutor"
    finally:
        await stop_bot(bot)
    before = len(announced())
    bot = await start_bot(settings, fake)  # same database: a restart repeats nothing
    try:
        await asyncio.wait_for(bot.announced_once.wait(), timeout=10)
        assert len(announced()) == before == 3
    finally:
        await stop_bot(bot)
    assert all(p["allowed_mentions"]["parse"] == [] for p in fake.sent_payloads)


async def test_wrong_typed_field_is_reported_and_listings_keep_working(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    bot = await start_bot(shipped(tmp_path), fake)
    try:
        folder = bot.runtime.knowledge_base.folder
        (folder / "jobs.md").write_text(
            "---\ntitle: Jobs\nroles:\n  - title: Cook\n    team: 456\n---\nWe hire cooks.\n",
            encoding="utf-8",
        )
        followup = fake.wait_for("followup")
        await fake.interact(fake.subcommand("kb", "refresh", moderator=True))
        report = (await asyncio.wait_for(followup, timeout=10))["embeds"][0]
        problems = next(f["value"] for f in report["fields"] if f["name"].startswith("1 error, "))
        assert "jobs.md:5: error: role 1: 'team' must be text" in problems
        orgs = await fake.interact(fake.autocomplete("roles", "org", "sci"))
        assert [c["value"] for c in orgs.data["choices"]] == ["Science"]
        answer = await fake.interact(
            fake.command("ask", [option("question", "Can I do the residency part-time?")])
        )
        assert "full-time position" in answer.data["embeds"][0]["description"]
        listing = await fake.interact(fake.command("roles"))
        assert listing.data["embeds"][0]["footer"]["text"] == "Page 1 of 4 · 19 roles"
    finally:
        await stop_bot(bot)


async def test_asking_which_roles_are_open_lists_them_with_apply_buttons(fake: FakeDiscord, tmp_path: Path) -> None:
    # "/ask which roles are open in canada?" is answered with the open roles there (as /roles
    # lists them), each with an Apply link button, and no one is pinged
    bot = await start_bot(shipped(tmp_path, POSTINGS), fake)
    try:
        reply = await fake.interact(fake.command("ask", [option("question", "which roles are open in canada?")]))
        (embed,) = reply.data["embeds"]
        listing = next(f for f in embed["fields"] if f["name"].startswith("Open roles"))
        assert listing["name"] == "Open roles (2)"
        assert [line.split(" — ")[1] for line in listing["value"].splitlines()] == ["Routing Research · Canada · Remote"] * 2
        buttons = [b for b in components(reply.data) if b.get("url")]
        assert len(buttons) == 2 and all(b["label"].startswith("Apply: ") for b in buttons)
        assert all(p["allowed_mentions"]["parse"] == [] for p in fake.sent_payloads)
    finally:
        await stop_bot(bot)
