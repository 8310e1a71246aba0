"""Moderators' view of the knowledge base: true change reports, history with rollbacks,
one knowledge base across processes."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from bot.app import Runtime, start_runtime
from bot.config import load_settings
from bot.models import Answer, Citation
from tests.conftest import KNOWLEDGE, ROOT, write

INTERNSHIPS = "hf-internships-2023.md"
RESIDENCY = "hf-ai-research-residency.md"


def shipped_settings(tmp_path: Path):
    """The shipped config.yaml over a copy of the shipped knowledge base."""
    folder = tmp_path / "knowledge"
    if not folder.exists():
        shutil.copytree(KNOWLEDGE, folder)
    return replace(
        load_settings(ROOT / "config.yaml"), knowledge_dir=folder, database=tmp_path / "data" / "bot.db"
    )


@pytest.fixture
async def seeded(tmp_path: Path):
    rt = await start_runtime(shipped_settings(tmp_path), author="alice (command line)")
    yield rt
    await rt.close()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


async def test_deleting_one_role_bullet_closes_that_role_only(seeded: Runtime) -> None:
    path = seeded.knowledge_base.folder / INTERNSHIPS
    line = next(ln for ln in path.read_text().splitlines() if ln.startswith("* [Skops Internship]"))
    edit(path, line + "\n", "")
    report = await seeded.knowledge_base.refresh(by="test")
    assert report.applied and report.changed == [INTERNSHIPS]
    assert report.roles_closed == ["Skops Internship"]
    assert report.roles_changed == [] and report.roles_opened == []  # the others only moved up a line


async def test_editing_an_faq_answer_reports_that_passage(seeded: Runtime) -> None:
    edit(
        seeded.knowledge_base.folder / RESIDENCY,
        "only offered as a full-time position.",
        "only offered as a full-time position (40 hours a week).",
    )
    report = await seeded.knowledge_base.refresh(by="test")
    assert report.applied and report.changed == [RESIDENCY]
    assert report.passages_changed == [f"{RESIDENCY} › Can I complete the program part-time?"]
    assert not report.passages_added and not report.passages_removed
    assert report.roles_changed == [] and report.roles_opened == [] and report.roles_closed == []


async def test_a_changed_role_field_is_named(seeded: Runtime) -> None:
    edit(
        seeded.knowledge_base.folder / INTERNSHIPS,
        "(https://huggingface.workable.com/jobs/2826037)",
        "(https://example.org/skops)",
    )
    report = await seeded.knowledge_base.refresh(by="test")
    assert report.roles_changed == ["Skops Internship: apply link"]


async def test_force_reparses_but_reports_against_content(seeded: Runtime) -> None:
    before = await seeded.knowledge_base.history()
    report = await seeded.knowledge_base.refresh(by="test", force=True)
    assert not report.applied and not report.changes and report.refused is None
    assert report.changed == [] and report.reparsed == []
    assert await seeded.knowledge_base.history() == before  # no empty "+0 ~0 -0" snapshot


async def test_a_refresh_whose_only_change_is_a_broken_file_applies_nothing(seeded: Runtime) -> None:
    before = await seeded.knowledge_base.history()
    write(seeded.knowledge_base.folder, RESIDENCY, "---\ntitle: Residency: the FAQ\n---\n# Residency\n\nText.\n")
    report = await seeded.knowledge_base.refresh(by="test")
    assert not report.applied and not report.changes and report.broken == [RESIDENCY]
    assert any(p.source == RESIDENCY and p.severity == "error" for p in report.problems)
    assert await seeded.knowledge_base.history() == before
    assert seeded.services.answers.ask("Can I do the residency part-time?").answered  # last good version


async def test_history_names_who_and_what_and_rollbacks_are_entries(seeded: Runtime) -> None:
    edit(
        seeded.knowledge_base.folder / RESIDENCY, "only offered as a full-time position.", "offered part-time too."
    )
    refreshed = await seeded.knowledge_base.refresh(by="bob (command line)")
    assert (
        "part-time too"
        in seeded.services.answers.ask("Can I do the residency part-time?").citations[0].snippet
    )
    preview = await seeded.knowledge_base.rollback(by="mod (Discord 42)", dry_run=True)
    assert not preview.applied and preview.passages_changed == [
        f"{RESIDENCY} › Can I complete the program part-time?"
    ]
    rolled = await seeded.knowledge_base.rollback(by="mod (Discord 42)")
    assert rolled.applied and rolled.restores == refreshed.snapshot_id - 1
    assert rolled.snapshot_id == refreshed.snapshot_id + 1  # a new entry, not the old one re-activated
    assert (
        "full-time position"
        in seeded.services.answers.ask("Can I do the residency part-time?").citations[0].snippet
    )
    newest, middle, first = await seeded.knowledge_base.history()
    assert (first.by, first.summary["kind"]) == ("alice (command line)", "first start")
    assert (middle.by, middle.summary["changed"]) == ("bob (command line)", [RESIDENCY])
    assert newest.active and newest.by == "mod (Discord 42)"
    assert newest.summary["kind"] == "rollback" and newest.summary["restores"] == first.id
    assert newest.summary["changed"] == [RESIDENCY]
    info = await seeded.knowledge_base.info()
    assert info is not None and info.id == newest.id
    # the files on disk still say "part-time too": the next refresh applies them again
    again = await seeded.knowledge_base.refresh(by="test", dry_run=True)
    assert again.changed == [RESIDENCY]


async def test_rollback_to_the_same_knowledge_is_refused(seeded: Runtime) -> None:
    from bot.errors import BotError

    with pytest.raises(BotError, match="no earlier snapshot"):
        await seeded.knowledge_base.rollback(by="test")
    current = seeded.services.holder.current.snapshot_id
    with pytest.raises(BotError, match="in use already"):
        await seeded.knowledge_base.rollback(current, by="test")


def cli_json(capsys, *argv: str) -> tuple[int, dict]:
    import json

    from bot.cli import main

    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def test_kb_check_and_kb_refresh_report_one_list_of_problems(tmp_path: Path, capsys) -> None:
    settings = shipped_settings(tmp_path)
    config = tmp_path / "config.yaml"
    config.write_text(f"knowledge_dir: {settings.knowledge_dir}\ndatabase: {settings.database}\n")
    write(settings.knowledge_dir, "bad.md", "---\ntitle: Residency: the FAQ\n---\n# Bad\n\nText.\n")
    _, check = cli_json(capsys, "kb", "check", "--config", str(config), "--json")
    _, refresh = cli_json(capsys, "kb", "refresh", "--config", str(config), "--json", "--dry-run")
    checked = [(p["source"], p["line"], p["message"]) for p in check["problems"]]
    refreshed = [(p["source"], p["line"], p["message"]) for p in refresh["errors"] + refresh["warnings"]]
    assert sorted(checked, key=str) == sorted(refreshed, key=str)
    assert len(set(checked)) == len(checked)  # each once
    assert any("days ago: is it still current?" in m for _, _, m in refreshed)  # age warnings too
    # a placeholder apply link is one warning, not also "has no usable apply link"
    embodied = [m for s, _, m in checked if "Embodied AI Internship" in m and "link" in m]
    assert len(embodied) == 1 and "placeholder link" in embodied[0]
    (bad,) = [p for p in check["problems"] if p["source"] == "bad.md"]
    assert bad["line"] == 2 and "quote a value that contains ':'" in bad["message"]


@pytest.mark.parametrize(
    ("yaml_text", "line", "words"),
    [
        ("title: Residency: the FAQ\n", 2, "quote a value that contains ':'"),
        ("title: ok\n\turl: x\n", 3, "replace the tab with spaces"),
        ("title: ok\nkind: [broken\n", 3, "'[' is not closed"),
        ('title: "Residency\nurl: x\n', 2, "quote is not closed"),
        ("title: 'It's fine'\n", 2, "double quotes"),
        ("title: @home\n", 2, "starts with '@'"),
        ("title: *bold*\n", 2, "put the value in quotes"),
        ("roles:\n  - title: A\n   team: B\n", 4, "uneven indentation"),
    ],
)
def test_yaml_mistakes_are_explained_with_their_line(yaml_text: str, line: int, words: str) -> None:
    from bot.documents.loader import parse_file

    result = parse_file("doc.md", f"---\n{yaml_text}---\n# Doc\n\nText.\n".encode(), 900)
    (error,) = [p for p in result.problems if p.severity == "error"]
    assert error.line == line and words in error.message, error
    assert "(YAML: " in error.message  # the parser's own words stay, to search for


def outcome(question: str, verdict: str, source: str = RESIDENCY) -> Answer:
    """An answer as the answer service returns it, with ``verdict`` (not depending on its thresholds)."""
    cited = () if verdict == "none" else (Citation(source, "t", None, "FAQ", "snippet", 1.0, 1),)
    return Answer(question, verdict == "answer", cited, verdict=verdict)


async def test_gaps_group_declines_unsure_and_unhelpful_answers_without_greetings(seeded: Runtime) -> None:
    from bot.services.gaps import find_gaps

    log = seeded.questions
    for q in ("Is there a dress code?", "What is the dress code?", "Is there a dress code in the office?"):
        await log.record(outcome(q, "none"), 12.0)
    await log.record(outcome("When does the residency start?", "unsure"), 30.0)
    await log.record(outcome("What is the start date of the residency?", "none"), 30.0)
    voted = await log.record(outcome("Can I do the residency part-time?", "answer"), 8.0)
    await log.vote(voted, 1, False)
    await log.vote(voted, 2, False)
    await log.vote(voted, 3, True)
    liked = await log.record(outcome("Is the fellowship paid?", "answer", "hf-fellowship-program.md"), 8.0)
    await log.vote(liked, 1, True)
    # rows stored before small talk was left out of the log
    for _ in range(2):
        await seeded.db.execute(
            "INSERT INTO questions (at, question, answered, sources, latency_ms, verdict) "
            "VALUES (datetime('now'), 'hi', 0, '[]', 1.0, 'none')"
        )
    gaps, rated = await find_gaps(log, seeded.services.holder, days=30)
    summary = {g.question: (g.count, g.declined, g.unsure, g.unhelpful) for g in gaps}
    assert summary == {
        "Is there a dress code in the office?": (3, 3, 0, 0),
        "What is the start date of the residency?": (2, 1, 1, 0),
        "Can I do the residency part-time?": (1, 0, 0, 1),
    }
    dress = gaps[0]
    assert dress.kinds() == "3 declined" and dress.latest[:4].isdigit() and len(dress.examples) == 3
    start = gaps[1]
    assert start.kinds() == "1 declined, 1 unsure" and start.closest and start.closest.startswith(RESIDENCY)
    assert rated[0].source == RESIDENCY and (rated[0].unhelpful, rated[0].helpful) == (2, 1)


async def test_migration_fills_in_the_verdict_of_older_questions(tmp_path: Path) -> None:
    from bot.storage.database import open_database

    old = await open_database(tmp_path / "old.db", migrate_to=4)
    await old.executemany(
        "INSERT INTO questions (at, question, answered, sources, latency_ms) VALUES (datetime('now'), ?, ?, ?, 1.0)",
        [("answered?", 1, '["a.md#x"]'), ("unsure?", 0, '["a.md#x"]'), ("declined?", 0, "[]")],
    )
    await old.close()
    db = await open_database(tmp_path / "old.db")
    async with db.execute("SELECT question, verdict FROM questions ORDER BY id") as cur:
        assert await cur.fetchall() == [("answered?", "answer"), ("unsure?", "unsure"), ("declined?", "none")]
    await db.close()


async def test_stats_count_outcomes_votes_hours_and_latency(seeded: Runtime) -> None:
    from bot.services.stats import collect_stats

    log = seeded.questions
    for n, verdict in enumerate(["answer"] * 6 + ["unsure"] * 2 + ["none"] * 2):
        qid = await log.record(outcome(f"Question number {n} about the dress code?", verdict), float(n + 1))
        if verdict == "answer" and n < 4:
            await log.vote(qid, 1, n != 0)  # 3 helpful, 1 unhelpful
    stats = await collect_stats(log, seeded.services.holder, days=7)
    assert len(stats.per_day) == 7 and stats.per_day[-1].total == 10 and stats.total == 10
    assert (stats.count("answered"), stats.count("unsure"), stats.count("declined")) == (6, 2, 2)
    assert (stats.helpful, stats.unhelpful, stats.helpful_share) == (3, 1, 0.75)
    assert sum(stats.hours) == 10 and stats.busiest()[0][1] == 10
    assert stats.latency_p50 == 5.5 and 9.9 < stats.latency_p99 <= 10
    assert stats.gaps and stats.gaps[0].count == 5  # 2 unsure, 2 declined, 1 voted unhelpful: one topic
    data = stats.to_json()
    assert data["votes"]["helpful_share"] == 0.75 and data["latency_ms"]["p50"] == 5.5
    assert "6 answered (60%) · 2 unsure (20%) · 2 declined (20%)" in stats.text()


def test_kb_stats_prints_figures_and_draws_the_chart(tmp_path: Path, capsys) -> None:
    import json

    from bot.cli import main

    settings = shipped_settings(tmp_path)
    config = tmp_path / "config.yaml"
    config.write_text(f"knowledge_dir: {settings.knowledge_dir}\ndatabase: {settings.database}\n")
    assert (
        main(["ask", "--config", str(config), "Can I do the residency part-time?", "How do I bake sourdough bread?"])
        == 0
    )
    capsys.readouterr()
    chart = tmp_path / "stats.png"
    assert main(["kb", "stats", "--config", str(config), "--days", "3", "--png", str(chart), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["questions"] == 2 and len(data["per_day"]) == 3 and data["declined"] >= 1
    png = chart.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1100, 660)
    assert main(["kb", "stats", "--config", str(config)]) == 0
    assert "Last 30 days" in capsys.readouterr().out
