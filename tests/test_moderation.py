"""Moderators' view of the knowledge base: true change reports, history with rollbacks,
one knowledge base across processes."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from bot.app import Runtime, start_runtime
from bot.config import load_settings
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
    path = seeded.knowledge.folder / INTERNSHIPS
    line = next(ln for ln in path.read_text().splitlines() if ln.startswith("* [Skops Internship]"))
    edit(path, line + "\n", "")
    report = await seeded.knowledge.refresh(by="test")
    assert report.applied and report.changed == [INTERNSHIPS]
    assert report.roles_closed == ["Skops Internship"]
    assert report.roles_changed == [] and report.roles_opened == []  # the others only moved up a line


async def test_editing_an_faq_answer_reports_that_passage(seeded: Runtime) -> None:
    edit(
        seeded.knowledge.folder / RESIDENCY,
        "only offered as a full-time position.",
        "only offered as a full-time position (40 hours a week).",
    )
    report = await seeded.knowledge.refresh(by="test")
    assert report.applied and report.changed == [RESIDENCY]
    assert report.passages_changed == [f"{RESIDENCY} › Can I complete the program part-time?"]
    assert not report.passages_added and not report.passages_removed
    assert report.roles_changed == [] and report.roles_opened == [] and report.roles_closed == []


async def test_a_changed_role_field_is_named(seeded: Runtime) -> None:
    edit(
        seeded.knowledge.folder / INTERNSHIPS,
        "(https://huggingface.workable.com/jobs/2826037)",
        "(https://example.org/skops)",
    )
    report = await seeded.knowledge.refresh(by="test")
    assert report.roles_changed == ["Skops Internship: apply link"]


async def test_force_reparses_but_reports_against_content(seeded: Runtime) -> None:
    before = await seeded.knowledge.history()
    report = await seeded.knowledge.refresh(by="test", force=True)
    assert not report.applied and not report.changes and report.refused is None
    assert report.changed == [] and report.reparsed == []
    assert await seeded.knowledge.history() == before  # no empty "+0 ~0 -0" snapshot


async def test_a_refresh_whose_only_change_is_a_broken_file_applies_nothing(seeded: Runtime) -> None:
    before = await seeded.knowledge.history()
    write(seeded.knowledge.folder, RESIDENCY, "---\ntitle: Residency: the FAQ\n---\n# Residency\n\nText.\n")
    report = await seeded.knowledge.refresh(by="test")
    assert not report.applied and not report.changes and report.broken == [RESIDENCY]
    assert any(p.source == RESIDENCY and p.severity == "error" for p in report.problems)
    assert await seeded.knowledge.history() == before
    assert seeded.services.answers.ask("Can I do the residency part-time?").answered  # last good version


async def test_history_names_who_and_what_and_rollbacks_are_entries(seeded: Runtime) -> None:
    edit(
        seeded.knowledge.folder / RESIDENCY, "only offered as a full-time position.", "offered part-time too."
    )
    refreshed = await seeded.knowledge.refresh(by="bob (command line)")
    assert (
        "part-time too"
        in seeded.services.answers.ask("Can I do the residency part-time?").citations[0].snippet
    )
    preview = await seeded.knowledge.rollback(by="mod (Discord 42)", dry_run=True)
    assert not preview.applied and preview.passages_changed == [
        f"{RESIDENCY} › Can I complete the program part-time?"
    ]
    rolled = await seeded.knowledge.rollback(by="mod (Discord 42)")
    assert rolled.applied and rolled.restores == refreshed.snapshot_id - 1
    assert rolled.snapshot_id == refreshed.snapshot_id + 1  # a new entry, not the old one re-activated
    assert (
        "full-time position"
        in seeded.services.answers.ask("Can I do the residency part-time?").citations[0].snippet
    )
    newest, middle, first = await seeded.knowledge.history()
    assert (first.by, first.summary["kind"]) == ("alice (command line)", "first start")
    assert (middle.by, middle.summary["changed"]) == ("bob (command line)", [RESIDENCY])
    assert newest.active and newest.by == "mod (Discord 42)"
    assert newest.summary["kind"] == "rollback" and newest.summary["restores"] == first.id
    assert newest.summary["changed"] == [RESIDENCY]
    info = await seeded.knowledge.info()
    assert info is not None and info.id == newest.id
    # the files on disk still say "part-time too": the next refresh applies them again
    again = await seeded.knowledge.refresh(by="test", dry_run=True)
    assert again.changed == [RESIDENCY]


async def test_rollback_to_the_same_knowledge_is_refused(seeded: Runtime) -> None:
    from bot.errors import BotError

    with pytest.raises(BotError, match="no earlier snapshot"):
        await seeded.knowledge.rollback(by="test")
    current = seeded.services.holder.current.snapshot_id
    with pytest.raises(BotError, match="in use already"):
        await seeded.knowledge.rollback(current, by="test")
