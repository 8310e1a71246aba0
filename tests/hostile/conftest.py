"""The hostile-input suite: each case is built in a temp folder and the real CLI runs on it
as a subprocess, as a user would run it, with the shipped config.yaml."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.conftest import fake  # noqa: F401 - the fake Discord, for the handler tests

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "knowledge"
TIMEOUT = 60  # seconds; a command that hangs (a FIFO read) fails the test instead of CI


@dataclass
class Result:
    """A finished CLI run."""

    code: int
    out: str
    err: str

    def assert_clean(self) -> None:
        """No traceback anywhere, whatever the outcome."""
        assert "Traceback" not in self.out + self.err, self.err
        assert "Exception ignored" not in self.err, self.err

    def assert_error(self, code: int, *words: str) -> str:
        """Exit ``code`` with one line on stderr, starting 'error:' and containing ``words``."""
        self.assert_clean()
        assert self.code == code, (self.code, self.out, self.err)
        lines = self.err.strip().splitlines()
        assert len(lines) == 1, self.err
        assert lines[0].startswith("error: "), self.err
        for word in words:
            assert word.casefold() in lines[0].casefold(), (word, lines[0])
        return lines[0]


class Site:
    """A folder holding the shipped config.yaml, a knowledge/ folder and data/ for the database."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.knowledge = root / "knowledge"
        self.data = root / "data"
        self.db = self.data / "faqbot.db"
        shutil.copy(ROOT / "config.yaml", root / "config.yaml")
        shutil.copytree(SEED, self.knowledge)

    def write(self, name: str, content: str | bytes) -> Path:
        """Write a file in the knowledge folder."""
        path = self.knowledge / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def cli(
        self,
        *argv: str | bytes,
        stdin: bytes | None = None,
        timeout: float = TIMEOUT,
        env: dict[str, str] | None = None,
    ) -> Result:
        """Run ``python -m bot ARGV`` in this folder."""
        environment = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
        environment.update(env or {})
        proc = subprocess.run(
            [sys.executable, "-m", "bot", *argv],
            cwd=self.root,
            input=stdin if stdin is not None else b"",
            capture_output=True,
            timeout=timeout,
            env=environment,
        )
        return Result(
            proc.returncode,
            proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"),
        )


def make_read_only(path: Path) -> None:
    """Make a folder read-only for this process, even as root (chattr +i), or skip the test."""
    if os.geteuid() != 0:
        path.chmod(0o555)
        return
    if (
        shutil.which("chattr") is None
        or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode
    ):
        pytest.skip("cannot make a folder read-only for root here (no chattr +i)")


def make_writable(path: Path) -> None:
    """Undo :func:`make_read_only`."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    path.chmod(0o755)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    """A fresh site in a temp folder."""
    root = tmp_path / "site"
    root.mkdir()
    try:
        yield Site(root)
    finally:
        for folder, dirs, _ in os.walk(root):  # top-down: open each folder before listing it
            for name in dirs:
                path = os.path.join(folder, name)
                if not os.path.islink(path):
                    make_writable(Path(path))
