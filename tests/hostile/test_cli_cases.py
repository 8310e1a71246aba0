"""Hostile cases driven through the real CLI: one line on stderr, the right exit status, no traceback."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.hostile.conftest import TIMEOUT, Result, Site, make_read_only, make_writable

BOMB_LEVELS = 9


def alias_bomb() -> str:
    lines = ['    description: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, BOMB_LEVELS + 1):
        refs = ", ".join([f"*a{n - 1}"] * 9)
        lines.append(f"    team{n}: &a{n} [{refs}]")
    return "---\ntitle: Bomb\nroles:\n  - title: Bomber\n" + "\n".join(lines) + "\n---\n# Bomb\n\nText.\n"


def stored(site: Site, snapshots: int = 1) -> None:
    """Store a first snapshot (a first start does), then refresh until there are ``snapshots``
    (each refresh adds a small document: a refresh that changes nothing stores nothing)."""
    result = site.cli("kb", "history")
    assert result.code == 0, result.err
    for n in range(snapshots - 1):
        site.write(f"note-{n}.md", f"# Note {n}\n\nNote number {n} about the bike racks.\n")
        result = site.cli("kb", "refresh")
        assert result.code == 0, result.err


def test_invalid_date_is_an_error_with_its_line(site: Site) -> None:
    site.write("dated.md", "---\ntitle: Dated\npublished: 2024-02-30\n---\n# Dated\n\nSome text.\n")
    result = site.cli("kb", "check")
    result.assert_clean()
    assert result.code == 1
    assert "dated.md:3: error: front matter: '2024-02-30' is not a valid date" in result.out
    refresh = site.cli("kb", "refresh")  # the rest of the knowledge base is stored
    refresh.assert_clean()
    assert refresh.code == 0 and "dated.md:3" in refresh.out


def test_alias_bomb_is_rejected_quickly(site: Site) -> None:
    site.write("bomb.md", alias_bomb())
    start = time.monotonic()
    check = site.cli("kb", "check")
    check.assert_clean()
    assert check.code == 1 and "bomb.md:1: error: front matter expands to more than" in check.out
    refresh = site.cli("kb", "refresh", "--json")
    refresh.assert_clean()
    assert refresh.code == 0
    assert any(e["source"] == "bomb.md" for e in json.loads(refresh.out)["errors"])
    assert time.monotonic() - start < 20


def test_deep_html_is_rejected_quickly(site: Site) -> None:
    site.write("deep.html", "<html><body>" + "<div>" * 10_000 + "deep" + "</div>" * 10_000 + "</body></html>")
    site.write("deep-in.md", "# Deep\n\n" + "<div>" * 10_000 + "\n")
    start = time.monotonic()
    result = site.cli("kb", "check")
    result.assert_clean()
    assert result.code == 1
    assert "deep.html:1: error: HTML nested more than" in result.out
    assert "deep-in.md" in result.out
    assert time.monotonic() - start < 20


def test_database_pointing_at_a_folder(site: Site) -> None:
    (site.root / "config.yaml").write_text(
        (site.root / "config.yaml").read_text().replace("database: data/faqbot.db", "database: data")
    )
    site.data.mkdir()
    site.cli("ask", "Can I do the residency part-time?").assert_error(2, "points at a folder", "database")


def test_another_process_holds_the_write_lock(site: Site) -> None:
    """Another process is writing (a refresh storing its snapshot): a rollback says "locked"
    after SQLite's 10 s busy timeout; meanwhile questions are answered (not recorded)."""
    stored(site, snapshots=2)
    holder = sqlite3.connect(site.db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        rollback = subprocess.Popen(
            [sys.executable, "-m", "bot", "kb", "rollback"],
            cwd=site.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            asked = site.cli("ask", "Can I do the residency part-time?")  # while the rollback waits
            asked.assert_clean()
            assert asked.code == 0 and "full-time position" in asked.out
            assert "write lock" in asked.err and len(asked.err.strip().splitlines()) == 1
            out, err = rollback.communicate(timeout=TIMEOUT)
        finally:
            rollback.kill()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    line = Result(rollback.returncode, out.decode(), err.decode()).assert_error(
        2, "locked by another process"
    )
    assert "move" not in line
    after = site.cli("kb", "rollback")  # the lock is gone: it works
    assert after.code == 0, after.err


def _corrupt_index(site: Site) -> None:
    db = sqlite3.connect(site.db)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'snapshots_active'").fetchone()
    db.close()
    with open(site.db, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def test_corrupted_database_page(site: Site) -> None:
    stored(site)
    _corrupt_index(site)
    line = site.cli("ask", "Can I do the residency part-time?").assert_error(2, "damaged")
    assert "kept" in line or "left as it is" in line
    assert site.db.exists()


def test_huge_numbers_on_rollback_and_gaps(site: Site) -> None:
    site.cli("kb", "rollback", "99999999999999999999999").assert_error(2, "snapshot id")
    site.cli("kb", "rollback", "-5").assert_error(2, "snapshot id")
    site.cli("kb", "rollback", "4000000000").assert_error(2, "no snapshot 4000000000")
    site.cli("kb", "gaps", "--days", "1000000").assert_error(2, "--days")


def test_question_with_bytes_that_are_not_utf8(site: Site) -> None:
    result = site.cli("ask", b"Can I do the residency part-time \xff\xfe?")
    result.assert_clean()
    assert result.code == 0 and "\ufffd" in result.out
    chat = site.cli("chat", stdin=b"Can I do the residency \xff part-time?\nquit\n")
    chat.assert_clean()
    assert chat.code == 0 and "full-time position" in chat.out


def test_control_characters_are_stripped_at_the_boundary(site: Site) -> None:
    hostile = "\x1b[2J\x1b]0;pwned\x07When is the \u202edress code\x1b[0m for the parade?"
    result = site.cli("ask", hostile)
    result.assert_clean()
    assert result.code == 0
    assert "\x1b" not in result.out and "\x07" not in result.out and "\u202e" not in result.out
    chat = site.cli("chat", stdin=hostile.encode() + b"\n")
    assert "\x1b" not in chat.out
    gaps = site.cli("kb", "gaps")
    gaps.assert_clean()
    assert "dress code" in gaps.out and "\x1b" not in gaps.out
    db = sqlite3.connect(site.db)
    questions = [q for (q,) in db.execute("SELECT question FROM questions")]
    db.close()
    assert questions and not any("\x1b" in q or "\x07" in q for q in questions)


def test_hand_edited_rows_with_bad_json(site: Site) -> None:
    stored(site)
    assert site.cli("ask", "Is there a dress code for the parade?").code == 0
    db = sqlite3.connect(site.db)
    db.execute("UPDATE snapshots SET summary = '{not json'")
    db.execute("UPDATE questions SET sources = '[broken'")
    db.commit()
    db.close()
    history = site.cli("kb", "history")
    history.assert_clean()
    assert history.code == 0 and "(command line)" in history.out and "? passages" in history.out
    gaps = site.cli("kb", "gaps")
    gaps.assert_clean()
    assert gaps.code == 0 and "dress code" in gaps.out
    db = sqlite3.connect(site.db)
    db.execute("UPDATE files SET data = '{\"oops\": ' WHERE source = 'hf-fellowship-program.md'")
    db.commit()
    db.close()
    ask = site.cli("ask", "Can I do the residency part-time?")
    ask.assert_clean()
    assert ask.code == 0 and "full-time position" in ask.out
    assert len(ask.err.strip().splitlines()) == 1 and "cannot be decoded" in ask.err
    repaired = site.cli("kb", "refresh")
    assert repaired.code == 0, repaired.err
    again = site.cli("ask", "Can I do the residency part-time?")
    assert again.code == 0 and again.err == ""


def test_read_only_database_folder_keeps_answering(site: Site) -> None:
    stored(site)
    assert site.cli("ask", "Is there a dress code?").code == 0
    make_read_only(site.data)
    try:
        result = site.cli("ask", "Can I do the residency part-time?")
        result.assert_clean()
        assert result.code == 0, result.err
        assert "full-time position" in result.out
        assert "read-only" in result.err and "move" not in result.err and "rebuild" not in result.err
        refresh = site.cli("kb", "refresh")
        line = refresh.assert_error(2, "read-only")
        assert "move" not in line
        gaps = site.cli("kb", "gaps")
        gaps.assert_clean()
        assert gaps.code == 0 and "dress code" in gaps.out
    finally:
        make_writable(site.data)
    db = sqlite3.connect(site.db)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()


def test_run_without_a_token_is_one_line(site: Site) -> None:
    site.cli("run").assert_error(2, "DISCORD_TOKEN")


def test_unknown_command_and_bad_option_are_one_line(site: Site) -> None:
    site.cli("nosuch").assert_error(2, "invalid choice")
    site.cli("roles", "--type", "pirate").assert_error(2, "invalid choice")


def test_front_matter_url_cannot_inject_a_link(site: Site) -> None:
    site.write(
        "evil.md",
        "---\ntitle: Parade FAQ\nurl: https://example.org/) [@everyone](http://evil.example)\n---\n"
        "# Parade FAQ\n\n## Is there a dress code for the parade?\n\nYes: wear the team colours on parade day.\n",
    )
    check = site.cli("kb", "check", "--json")
    check.assert_clean()
    problems = [p for p in json.loads(check.out)["problems"] if p["source"] == "evil.md"]
    assert any("'url' is not used" in p["message"] and p["line"] == 3 for p in problems)
    result = site.cli("ask", "--knowledge", "knowledge", "--json", "Is there a dress code for the parade?")
    citation = json.loads(result.out)[0]["citations"][0]
    assert citation["source"] == "evil.md" and citation["url"] is None


COMMANDS = [
    ["ask", "--json", "Can I do the residency part-time?"],
    ["roles"],
    ["kb", "check"],
    ["kb", "refresh", "--dry-run"],
    ["kb", "refresh"],  # `kb refresh | head`: nothing changed here, but its report is long
    ["kb", "history"],
    ["kb", "gaps"],
    ["kb", "stats"],
    ["chat"],
    ["eval", "questions.yaml"],
]


@pytest.fixture(scope="module")
def piped_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """One site for the closed-pipe cases (they only read it): a stored snapshot, a question, an eval file."""
    root = tmp_path_factory.mktemp("piped")
    site = Site(root)
    stored(site)
    assert site.cli("ask", "Is there a dress code?").code == 0  # something for kb gaps
    (root / "questions.yaml").write_text(
        "- q: Can I do the residency part-time?\n  source: hf-ai-research-residency.md\n"
    )
    return site


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_closed_pipe_is_quiet(piped_site: Site, argv: list[str]) -> None:
    """``python -m bot ... | head``: output to a pipe nobody reads any more ends quietly."""
    site = piped_site
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte is written
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "bot", *argv],
            cwd=site.root,
            input=b"Can I do the residency part-time?\n",
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    finally:
        os.close(write_end)
    err = proc.stderr.decode()
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert proc.returncode == 141, (proc.returncode, err)
    assert err == "", err


def test_closed_pipe_after_rollback(site: Site) -> None:
    stored(site, snapshots=2)
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "bot", "kb", "rollback"],
            cwd=site.root,
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert proc.returncode == 141 and proc.stderr == b""


FULL_DISK_SCRIPT = """
set -u
mount -t tmpfs -o size=4m tmpfs "$MNT" || exit 97
cp -r "$SITE" "$MNT/site" && cd "$MNT/site" || exit 98
dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null
printf '%s\\n' "--- ask"
"$PY" -m bot ask "Can I do the residency part-time?" 2>&1
printf '%s\\n' "--- ask rc=$?" "--- refresh"
"$PY" -m bot kb refresh --force 2>&1
printf '%s\\n' "--- refresh rc=$?"
"""


def test_full_disk_keeps_answering_and_says_disk_full(site: Site, tmp_path) -> None:
    """A real full disk: a 4 MB tmpfs filled to the last block, in a private mount namespace."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare: cannot mount a small file system for a full disk")
    stored(site)
    mount = tmp_path / "mnt"
    mount.mkdir()
    proc = subprocess.run(
        ["unshare", "-rm", "sh", "-c", FULL_DISK_SCRIPT],
        env={**os.environ, "MNT": str(mount), "SITE": str(site.root), "PY": sys.executable},
        capture_output=True,
        timeout=120,
    )
    if proc.returncode in (97, 98) or b"unshare:" in proc.stderr:
        pytest.skip(f"cannot mount a small file system here: {proc.stderr.decode()[:200]}")
    out = proc.stdout.decode()
    assert "Traceback" not in out, out
    ask, refresh = out.split("--- refresh\n")
    assert "full-time position" in ask and "--- ask rc=0" in ask, out
    assert "disk full" in ask and "move" not in ask
    assert len([line for line in ask.splitlines() if line.startswith(("WARNING", "ERROR"))]) == 1, ask
    lines = [line for line in refresh.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and lines[0].startswith("error: disk full"), out
    assert "--- refresh rc=2" in refresh
