"""The knowledge base's lifecycle: stored snapshots, safe refreshes, rollback, migrations."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

import numpy as np
import pytest

import bot.documents.loader as loader
import bot.services.lifecycle as lifecycle
import bot.snapshot as snapshot_module
from bot.app import Runtime, start_runtime
from bot.config import Settings
from bot.errors import StorageError
from bot.storage.database import SCHEMA_VERSION, open_database, schema_version
from tests.conftest import write

FAQ = """---
title: Lab FAQ
---
# Lab FAQ

## Is the lab open on weekends?

{weekend}

## Where is the lab?

The lab is in building 4, room 210, next to the library.

## Who can use the microscopes?

Trained members only; training sessions run every Tuesday.

## How do I book equipment?

Book equipment through the booking sheet on the intranet, at least a day ahead.
"""

OTHER = "# Parking\n\n## Where can visitors park?\n\nVisitors park in lot C behind the gym, free of charge.\n"
GARDEN = "# Garden\n\n## Can I pick the tomatoes?\n\nOnly volunteers on the garden rota may pick tomatoes.\n"


def kb(tmp_path: Path, weekend: str = "Yes, the lab is open on Saturdays from 9 to 5.") -> Settings:
    folder = tmp_path / "knowledge"
    write(folder, "lab.md", FAQ.format(weekend=weekend))
    write(folder, "parking.md", OTHER)
    write(folder, "garden.md", GARDEN)
    return Settings(knowledge_dir=folder, database=tmp_path / "data" / "bot.db")


@pytest.fixture
async def runtime(tmp_path: Path):
    rt = await start_runtime(kb(tmp_path))
    yield rt
    await rt.close()


def snippet(rt: Runtime, question: str) -> str:
    answer = rt.services.answers.ask(question)
    return answer.citations[0].snippet if answer.answered else "(no answer)"


async def test_first_start_stores_and_next_start_does_not_parse(tmp_path: Path, monkeypatch) -> None:
    settings = kb(tmp_path)
    first = await start_runtime(settings)
    assert "Saturdays" in snippet(first, "Is the lab open on weekends?")
    await first.close()

    def no_parsing(*args, **kwargs):
        raise AssertionError("files must not be parsed again")

    monkeypatch.setattr(lifecycle, "parse_file", no_parsing)
    monkeypatch.setattr(loader, "parse_file", no_parsing)
    monkeypatch.setattr(snapshot_module, "count_file", no_parsing)  # nor tokenized: counts are stored
    (tmp_path / "knowledge").rename(tmp_path / "elsewhere")  # even with the folder gone
    second = await start_runtime(settings)
    try:
        assert "Saturdays" in snippet(second, "Is the lab open on weekends?")
    finally:
        await second.close()


async def test_refresh_reparses_only_changed_files(runtime: Runtime, tmp_path: Path, monkeypatch) -> None:
    parsed: list[str] = []
    real = lifecycle.parse_file

    def counting(source, data, max_chars):
        parsed.append(source)
        return real(source, data, max_chars)

    monkeypatch.setattr(lifecycle, "parse_file", counting)
    write(tmp_path / "knowledge", "lab.md", FAQ.format(weekend="No, the lab is closed on weekends."))
    report = await runtime.knowledge_base.refresh(by="test")
    assert parsed == ["lab.md"]
    assert report.applied and report.changed == ["lab.md"] and not report.added and not report.removed
    assert "closed on weekends" in snippet(runtime, "Is the lab open on weekends?")


async def test_broken_file_keeps_its_last_good_version(runtime: Runtime, tmp_path: Path) -> None:
    write(tmp_path / "knowledge", "lab.md", "---\ntitle: [oops\n---\nbroken\n")
    report = await runtime.knowledge_base.refresh(by="test")
    assert report.broken == ["lab.md"]
    assert any(p.source == "lab.md" and p.line == 2 and p.severity == "error" for p in report.problems)
    assert "Saturdays" in snippet(runtime, "Is the lab open on weekends?")


async def test_refresh_refuses_to_empty_the_knowledge_base(runtime: Runtime, tmp_path: Path) -> None:
    for name in ("lab.md", "parking.md", "garden.md"):
        (tmp_path / "knowledge" / name).unlink()
    report = await runtime.knowledge_base.refresh(by="test")
    assert not report.applied and "--force" in report.refused
    assert "Saturdays" in snippet(runtime, "Is the lab open on weekends?")
    forced = await runtime.knowledge_base.refresh(by="test", force=True)
    assert forced.applied and forced.passages == 0
    assert snippet(runtime, "Is the lab open on weekends?") == "(no answer)"


async def test_dry_run_applies_and_stores_nothing(runtime: Runtime, tmp_path: Path) -> None:
    write(
        tmp_path / "knowledge", "new.md", "# Cafe\n\n## When is the cafe open?\n\nFrom 8 to 3 on weekdays.\n"
    )
    before = await runtime.knowledge_base.history()
    report = await runtime.knowledge_base.refresh(by="test", dry_run=True)
    assert report.added == ["new.md"] and not report.applied
    assert await runtime.knowledge_base.history() == before
    assert snippet(runtime, "When is the cafe open?") == "(no answer)"


async def test_questions_file_gates_the_refresh(runtime: Runtime, tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    write(
        folder,
        "questions.yaml",
        "- q: Where do visitors park?\n  source: parking\n  evidence: [lot C]\n"
        "- q: Where is the lab?\n  source: lab\n  evidence: [building 4]\n",
    )
    write(folder, "cafe.md", "# Cafe\n\n## When is the cafe open?\n\nFrom 8 to 3 on weekdays.\n")
    ok = await runtime.knowledge_base.refresh(by="test")
    assert ok.applied and ok.eval["hit@1"] == 1.0
    (folder / "parking.md").unlink()
    refused = await runtime.knowledge_base.refresh(by="test")
    assert not refused.applied
    assert "hit@1 0.50" in refused.refused and "Where do visitors park?" in refused.refused
    forced = await runtime.knowledge_base.refresh(by="test", force=True)
    assert forced.applied and forced.removed == ["parking.md"]


async def test_failure_mid_refresh_keeps_previous_snapshot(
    runtime: Runtime, tmp_path: Path, monkeypatch
) -> None:
    import bot.storage.snapshots as snapshots

    active_before = await runtime.knowledge_base.store.active_id()
    write(tmp_path / "knowledge", "lab.md", FAQ.format(weekend="Weekends: closed."))
    write(tmp_path / "knowledge", "parking.md", OTHER.replace("lot C", "lot D"))
    calls = 0
    real = snapshots.encode_file

    def crash_on_second(result):
        nonlocal calls
        calls += 1
        if calls == 2:
            raise sqlite3.OperationalError("database or disk is full")
        return real(result)

    monkeypatch.setattr(snapshots, "encode_file", crash_on_second)
    with pytest.raises(StorageError, match="disk is full"):
        await runtime.knowledge_base.refresh(by="test")
    assert await runtime.knowledge_base.store.active_id() == active_before
    async with runtime.db.execute("SELECT COUNT(*) FROM files") as cur:
        assert (await cur.fetchone())[0] == 3  # nothing of the failed refresh was kept
    assert "Saturdays" in snippet(runtime, "Is the lab open on weekends?")


async def test_rollback_restores_earlier_answers(runtime: Runtime, tmp_path: Path) -> None:
    write(tmp_path / "knowledge", "lab.md", FAQ.format(weekend="No, closed on weekends."))
    await runtime.knowledge_base.refresh(by="test")
    assert "closed on weekends" in snippet(runtime, "Is the lab open on weekends?")
    restored = await runtime.knowledge_base.rollback()
    assert "Saturdays" in snippet(runtime, "Is the lab open on weekends?")
    history = await runtime.knowledge_base.history()
    assert [e.id for e in history if e.active] == [restored.snapshot_id]


async def test_concurrent_refreshes_run_one_after_the_other(
    runtime: Runtime, tmp_path: Path, monkeypatch
) -> None:
    inside = 0
    overlap = False
    real = runtime.knowledge_base._read_changed

    def tracking(*args):
        nonlocal inside, overlap
        inside += 1
        overlap = overlap or inside > 1
        try:
            return real(*args)
        finally:
            inside -= 1

    monkeypatch.setattr(runtime.knowledge_base, "_read_changed", tracking)
    write(tmp_path / "knowledge", "lab.md", FAQ.format(weekend="Closed."))
    reports = await asyncio.gather(*(runtime.knowledge_base.refresh(by=f"r{i}") for i in range(3)))
    assert not overlap
    assert [r.changed for r in reports] == [["lab.md"], [], []]
    assert [r.applied for r in reports] == [True, False, False]  # nothing left to change
    assert len(await runtime.knowledge_base.history()) == 2


async def test_answers_during_refresh_come_from_one_snapshot(runtime: Runtime, tmp_path: Path) -> None:
    old_id = runtime.services.holder.current.snapshot_id
    write(tmp_path / "knowledge", "lab.md", FAQ.format(weekend="No, the lab is closed on weekends."))
    stop = threading.Event()
    woken = threading.Event()  # an answer came from another snapshot, or an error
    answers = []
    errors = []

    def ask_repeatedly():
        while not stop.is_set():
            try:
                answer = runtime.services.answers.ask("Is the lab open on weekends?")
            except Exception as exc:  # any error fails the test below
                errors.append(exc)
                woken.set()
                return
            answers.append(answer)
            if answer.snapshot_id != old_id:
                woken.set()

    threads = [threading.Thread(target=ask_repeatedly) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        report = await asyncio.wait_for(runtime.knowledge_base.refresh(by="test"), timeout=60)
        # Bounded: if no answer ever comes from the new snapshot, fail instead of hanging.
        assert await asyncio.to_thread(woken.wait, 60), "no answer came from the new snapshot"
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    assert not errors and answers
    expected = {old_id: "Saturdays", report.snapshot_id: "closed on weekends"}
    for answer in answers:
        assert answer.snapshot_id in expected
        assert expected[answer.snapshot_id] in answer.citations[0].snippet


async def test_migrations_from_empty_and_from_previous_version(tmp_path: Path) -> None:
    fresh = await open_database(tmp_path / "fresh.db")
    assert await schema_version(fresh) == SCHEMA_VERSION
    await fresh.close()

    old = await open_database(tmp_path / "old.db", migrate_to=1)
    await old.execute(
        "INSERT INTO questions (at, question, answered, sources, latency_ms) VALUES ('2026-01-01', 'hi?', 0, '[]', 1.0)"
    )
    await old.close()
    upgraded = await open_database(tmp_path / "old.db")
    assert await schema_version(upgraded) == SCHEMA_VERSION
    async with upgraded.execute("SELECT question, origin FROM questions") as cur:
        assert await cur.fetchall() == [("hi?", "discord")]
    await upgraded.close()


async def test_corrupt_database_says_how_to_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StorageError, match="kb refresh"):
        await open_database(path)


async def test_newer_schema_is_refused(tmp_path: Path, monkeypatch) -> None:
    db = await open_database(tmp_path / "bot.db")
    await db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    await db.close()
    with pytest.raises(StorageError, match="newer than this bot"):
        await open_database(tmp_path / "bot.db")


async def test_unwritable_question_log_does_not_stop_answers(runtime: Runtime, caplog) -> None:
    await runtime.db.execute("PRAGMA query_only = ON")
    answer = runtime.services.answers.ask("Where is the lab?")
    assert await runtime.questions.record(answer, 1.0) is None
    assert await runtime.questions.record(answer, 1.0) is None
    assert sum("cannot write to the database" in r.message for r in caplog.records) == 1  # logged once


async def test_gaps_group_similar_unanswered_questions(runtime: Runtime) -> None:
    from bot.services.gaps import find_gaps

    for q in ("Is there a dress code in the lab?", "What is the lab dress code?", "Can I bring my dog?"):
        answer = runtime.services.answers.ask(q)
        assert not answer.answered
        await runtime.questions.record(answer, 1.0, origin="test")
    helped = runtime.services.answers.ask("Where is the lab?")
    qid = await runtime.questions.record(helped, 1.0)
    await runtime.questions.vote(qid, 1234, False)
    await runtime.questions.vote(qid, 1234, False)  # one vote per member
    await runtime.questions.vote(qid, 99, True)
    gaps, rated = await find_gaps(runtime.questions, runtime.services.holder, days=7)
    assert [g.count for g in gaps] == [2, 1]
    assert "dress code" in gaps[0].question
    assert rated[0].source == "lab.md" and (rated[0].unhelpful, rated[0].helpful) == (1, 1)


async def test_refreshed_index_equals_a_fresh_build(runtime: Runtime, tmp_path: Path) -> None:
    from bot.app import snapshot_from_folder

    write(
        tmp_path / "knowledge", "lab.md", FAQ.format(weekend="Weekends: closed, except the first Saturday.")
    )
    write(
        tmp_path / "knowledge",
        "aaa.md",
        "# Bikes\n\n## Where do I park my bike?\n\nIn the racks by door B.\n",
    )
    (tmp_path / "knowledge" / "garden.md").unlink()
    await runtime.knowledge_base.refresh(by="test")
    refreshed = runtime.services.holder.current.engine
    fresh = snapshot_from_folder(tmp_path / "knowledge", runtime.services.settings).engine
    for question in ("Is the lab open on Saturday?", "Where do I park my bike?", "tomatoes garden", "lab"):
        terms = refreshed.tokenizer(question)
        assert np.array_equal(refreshed.index.get_scores(terms), fresh.index.get_scores(terms))
        assert np.array_equal(refreshed.doc_index.get_scores(terms), fresh.doc_index.get_scores(terms))
    assert refreshed.doc_of.tolist() == fresh.doc_of.tolist()


def _image_rows(settings: Settings) -> list[tuple[int, str]]:
    db = sqlite3.connect(settings.database)
    try:
        return db.execute("SELECT DISTINCT snapshot_id, version FROM snapshot_images").fetchall()
    finally:
        db.close()


async def test_a_start_reads_the_stored_index_and_rebuilds_a_damaged_one(
    tmp_path: Path, monkeypatch, caplog
) -> None:
    settings = kb(tmp_path)
    question = "Is the lab open on weekends?"
    first = await start_runtime(settings)
    expected = first.services.answers.ask(question)
    await first.close()
    [(snapshot_id, _)] = _image_rows(settings)

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the index must be read from the store, not rebuilt")

    with monkeypatch.context() as patched:
        patched.setattr(lifecycle.SnapshotLoader, "_from_store", no_rebuild)
        second = await start_runtime(settings)
        try:
            assert second.services.holder.current.snapshot_id == snapshot_id
            assert second.services.answers.ask(question) == expected
        finally:
            await second.close()

    db = sqlite3.connect(settings.database)
    db.execute("DELETE FROM snapshot_images WHERE name = 'titles'")  # damaged: one array lost
    db.commit()
    db.close()
    third = await start_runtime(settings)  # rebuilt from the files' stored rows, and stored again
    try:
        assert third.services.answers.ask(question) == expected
    finally:
        await third.close()
    assert "stored search index cannot be used" in caplog.text
    with monkeypatch.context() as patched:
        patched.setattr(lifecycle.SnapshotLoader, "_from_store", no_rebuild)
        fourth = await start_runtime(settings)
        await fourth.close()


async def test_the_stored_index_follows_refreshes_rollbacks_and_settings(tmp_path: Path, monkeypatch) -> None:
    from dataclasses import replace

    settings = kb(tmp_path)
    rt = await start_runtime(settings)
    try:
        write(tmp_path / "knowledge", "lab.md", FAQ.format(weekend="No, the lab is closed on weekends."))
        report = await rt.knowledge_base.refresh(by="test")
        assert [row[0] for row in _image_rows(settings)] == [report.snapshot_id]  # only the active one
        back = await rt.knowledge_base.rollback(by="test")
        assert [row[0] for row in _image_rows(settings)] == [back.snapshot_id]
    finally:
        await rt.close()
    [(_, version)] = _image_rows(settings)
    # other retrieval settings: the stored index was made under others, so it is rebuilt
    other = replace(settings, retrieval=replace(settings.retrieval, k1=1.2))
    rt = await start_runtime(other)
    try:
        assert "Saturdays" in snippet(rt, "Is the lab open on weekends?")
    finally:
        await rt.close()
    [(_, new_version)] = _image_rows(settings)
    assert new_version != version


async def test_an_index_is_stored_only_beside_the_active_snapshot(runtime: Runtime, tmp_path: Path) -> None:
    store = runtime.knowledge_base.store
    assert store is not None
    old = runtime.services.holder.current
    write(tmp_path / "knowledge", "lab.md", FAQ.format(weekend="No, the lab is closed on weekends."))
    report = await runtime.knowledge_base.refresh(by="test")
    settings = runtime.services.settings
    before = _image_rows(settings)
    # a process that still holds the older snapshot must not replace the newer one's index
    assert old.snapshot_id is not None
    assert not await store.save_image(old.snapshot_id, "other", old.image())
    assert _image_rows(settings) == before == [(report.snapshot_id, before[0][1])]


async def test_a_read_only_database_of_the_schema_before_the_stored_index_is_answered_from(
    tmp_path: Path, monkeypatch
) -> None:
    """A database that cannot be written (a full disk, a read-only file) cannot be migrated: one
    without the stored search index's table is still answered from, the index rebuilt."""
    import bot.app as app
    from bot.storage import database

    settings = kb(tmp_path)
    first = await start_runtime(settings)
    await first.close()
    db = sqlite3.connect(settings.database)
    db.execute("DROP TABLE snapshot_images")
    db.execute("PRAGMA user_version = 6")
    db.commit()
    db.close()

    async def read_only(path, **kwargs):
        opened = await database._open_read_only(path, "disk full")
        assert opened is not None
        return opened

    monkeypatch.setattr(app, "open_database", read_only)
    rt = await start_runtime(settings)
    try:
        assert "Saturdays" in snippet(rt, "Is the lab open on weekends?")
        assert rt.knowledge_base.read_only == "disk full"
    finally:
        await rt.close()
    db = sqlite3.connect(settings.database)
    try:  # nothing was written
        assert db.execute("PRAGMA user_version").fetchone() == (6,)
    finally:
        db.close()
