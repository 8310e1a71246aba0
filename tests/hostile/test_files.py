"""Files that are not what they claim: links out of the folder, devices, FIFOs, huge, binary."""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import replace
from pathlib import Path

from bot.app import start_runtime
from bot.config import load_settings
from tests.conftest import write
from tests.hostile.conftest import ROOT, SEED, Site

SECRET = "zanzibarquokka"  # a word only the outside file holds


def _check(site: Site) -> dict:
    result = site.cli("kb", "check", "--json")
    result.assert_clean()
    return json.loads(result.out)


def _messages(report: dict, source: str) -> list[str]:
    return [p["message"] for p in report["problems"] if p["source"] == source]


def _asked(site: Site, question: str, *extra: str) -> dict:
    result = site.cli("ask", *extra, "--json", question)
    result.assert_clean()
    assert result.code == 0, result.err
    return json.loads(result.out)[0]


def test_symlink_out_of_the_folder_is_never_read(site: Site) -> None:
    outside = site.root / "private.txt"
    outside.write_text(f"Private notes\n\nThe {SECRET} password is hunter2.\n")
    (site.knowledge / "passwd.txt").symlink_to(outside)
    (site.knowledge / "etc-passwd.txt").symlink_to("/etc/passwd")
    report = _check(site)
    assert any("outside the knowledge folder" in m for m in _messages(report, "passwd.txt"))
    assert any("outside the knowledge folder" in m for m in _messages(report, "etc-passwd.txt"))
    answer = _asked(site, f"What is the {SECRET} password?", "--knowledge", "knowledge")
    assert not answer["answered"]
    refresh = site.cli("kb", "refresh", "--json")
    refresh.assert_clean()
    assert "passwd.txt" not in json.loads(refresh.out)["added"]
    assert not _asked(site, f"What is the {SECRET} password?")["answered"]


def test_symlink_inside_the_folder_is_read(site: Site) -> None:
    site.write("real/notes.md", f"# Notes\n\n## Parking\n\nThe {SECRET} car park opens at seven.\n")
    (site.knowledge / "alias.md").symlink_to(site.knowledge / "real" / "notes.md")
    report = _check(site)
    assert not _messages(report, "alias.md")
    assert _asked(site, f"When does the {SECRET} car park open?", "--knowledge", "knowledge")["answered"]


def test_symlink_to_dev_zero_and_a_device(site: Site) -> None:
    (site.knowledge / "zero.md").symlink_to("/dev/zero")
    (site.knowledge / "null.txt").symlink_to("/dev/null")
    (site.knowledge / "loop-a.md").symlink_to("loop-b.md")
    (site.knowledge / "loop-b.md").symlink_to("loop-a.md")
    (site.knowledge / "again").symlink_to(site.knowledge)
    start = time.monotonic()
    report = _check(site)
    assert time.monotonic() - start < 30
    assert _messages(report, "zero.md") and _messages(report, "null.txt")
    assert any("symbolic links" in m for m in _messages(report, "loop-a.md"))
    assert _messages(report, "again") == ["skipped: a link to a folder (not followed)"]
    assert report["documents"] == 5


def test_fifo_does_not_block(site: Site) -> None:
    os.mkfifo(site.knowledge / "pipe.md")
    report = _check(site)  # would block forever if the FIFO were opened for reading
    assert any("named pipe" in m for m in _messages(report, "pipe.md"))
    refresh = site.cli("kb", "refresh")
    refresh.assert_clean()
    assert refresh.code == 0


def test_file_over_the_size_limit_is_skipped(site: Site) -> None:
    site.write("huge.md", "# Huge\n\n" + "All work and no play makes Jack a dull boy. " * 120_000)
    report = _check(site)
    assert any("max_file_bytes" in m for m in _messages(report, "huge.md"))
    assert report["documents"] == 5


def test_binary_without_nul_bytes_is_not_indexed(site: Site) -> None:
    noise = bytes(b for b in os.urandom(20_000) if b)
    site.write("scan.txt", noise)
    site.write("report.md", b"%PDF-1.7\n" + noise)
    report = _check(site)
    assert any("binary" in m for m in _messages(report, "scan.txt"))
    assert any("binary" in m for m in _messages(report, "report.md"))
    assert report["documents"] == 5


def test_utf16_with_bom_is_read(site: Site) -> None:
    text = f"# Bike shed\n\n## Colour\n\nThe {SECRET} bike shed is painted green.\n"
    site.write("shed-le.md", text.encode("utf-16"))
    site.write("shed-be.txt", b"\xfe\xff" + text.replace("Bike", "Boat").encode("utf-16-be"))
    report = _check(site)
    assert not [m for m in _messages(report, "shed-le.md") if "binary" in m]
    assert report["documents"] == 7
    assert _asked(site, f"What colour is the {SECRET} bike shed?", "--knowledge", "knowledge")["answered"]


def test_file_name_that_is_not_utf8(site: Site) -> None:
    name = os.path.join(os.fsencode(site.knowledge), b"caf\xe9.md")
    with open(name, "wb") as handle:
        handle.write(b"# Cafe\n\nThe cafe opens at nine.\n")
    result = site.cli("kb", "check")
    result.assert_clean()
    assert "not valid UTF-8" in result.out
    refresh = site.cli("kb", "refresh")
    refresh.assert_clean()
    assert refresh.code == 0


async def test_unreadable_subfolder_keeps_its_documents(tmp_path: Path, monkeypatch) -> None:
    # Root reads any folder, so the refusal is injected where os.walk lists the folder.
    folder = tmp_path / "knowledge"
    shutil.copytree(SEED, folder)
    write(folder, "team/handbook.md", f"# Handbook\n\n## Holidays\n\nStaff get 25 {SECRET} days each year.\n")
    settings = replace(
        load_settings(ROOT / "config.yaml"), knowledge_dir=folder, database=tmp_path / "bot.db"
    )
    runtime = await start_runtime(settings)
    try:
        real_scandir = os.scandir

        def scandir(path=".") -> object:
            if os.fspath(path).endswith("team"):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
        report = await runtime.knowledge_base.refresh(by="test")
        assert not report.applied and not report.changes  # nothing else changed: nothing to apply
        assert "team/handbook.md" not in report.removed
        assert report.broken == ["team/handbook.md"]
        assert any("cannot read folder" in p.message and p.source == "team" for p in report.problems)
        assert runtime.services.answers.ask(f"How many {SECRET} days do staff get?").answered
    finally:
        await runtime.close()


def test_stored_file_that_becomes_unsafe_keeps_its_last_good_version(site: Site) -> None:
    site.write("parade.md", f"# Parade\n\n## Is there a {SECRET} dress code?\n\nWear the team colours.\n")
    first = site.cli("kb", "refresh")
    assert first.code == 0, first.err
    site.write("parade.md", "# Parade\n\n" + "Filler text for a log written by mistake. " * 130_000)
    (site.knowledge / "hf-fellowship-program.md").unlink()
    os.mkfifo(site.knowledge / "hf-fellowship-program.md")
    again = site.cli("kb", "refresh", "--json")
    again.assert_clean()
    report = json.loads(again.out)
    assert sorted(report["broken"]) == ["hf-fellowship-program.md", "parade.md"]
    assert report["removed"] == []
    assert _asked(site, f"Is there a {SECRET} dress code?")["answered"]


def test_questions_file_linked_out_of_the_folder_is_not_read(site: Site) -> None:
    (site.knowledge / "questions.yaml").symlink_to("/etc/passwd")
    assert site.cli("kb", "history").code == 0  # the first start stores the folder as it is
    site.write("parade.md", "# Parade\n\n## Is there a dress code?\n\nWear the team colours.\n")
    refused = site.cli("kb", "refresh")
    refused.assert_clean()
    assert refused.code == 1 and "questions.yaml cannot be read" in refused.out
    assert "outside the knowledge folder" in refused.out and "root:" not in refused.out
    forced = site.cli("kb", "refresh", "--force")
    forced.assert_clean()
    assert forced.code == 0 and "Applied as snapshot" in forced.out
