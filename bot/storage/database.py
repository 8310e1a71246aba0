"""Open the SQLite database, apply versioned migrations, and report failures clearly."""

from __future__ import annotations

import asyncio
import errno
import logging
import os
import sqlite3
import weakref
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Literal

import aiosqlite

from bot.errors import StorageError

log = logging.getLogger(__name__)

Migration = Callable[[aiosqlite.Connection], Awaitable[None]]


async def _script(db: aiosqlite.Connection, script: str) -> None:
    """Run DDL statements one by one (executescript would commit the open transaction)."""
    for statement in script.split(";"):
        lines = [ln for ln in statement.splitlines() if ln.strip() and not ln.strip().startswith("--")]
        if lines:
            await db.execute("\n".join(ln.split("--")[0] for ln in lines))


async def _v1(db: aiosqlite.Connection) -> None:
    await _script(
        db,
        """
        CREATE TABLE files (
            key TEXT PRIMARY KEY,            -- sha256 of path and content
            source TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            data TEXT NOT NULL               -- the parsed file (JSON)
        );
        CREATE TABLE snapshots (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            by TEXT NOT NULL,
            summary TEXT NOT NULL,           -- the change summary (JSON)
            active INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE snapshot_files (
            snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            file_key TEXT NOT NULL REFERENCES files(key),
            PRIMARY KEY (snapshot_id, position)
        );
        CREATE TABLE questions (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            guild_id INTEGER,
            channel_id INTEGER,
            question TEXT NOT NULL,
            answered INTEGER NOT NULL,
            sources TEXT NOT NULL,           -- cited sources (JSON list)
            latency_ms REAL NOT NULL
        );
        CREATE TABLE votes (
            question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
            user_id INTEGER NOT NULL,        -- one vote per member and answer
            helpful INTEGER NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (question_id, user_id)
        );
        """,
    )


async def _v2(db: aiosqlite.Connection) -> None:
    # Where a question came from (discord, cli), and indexes for the moderators' reports.
    await _script(
        db,
        """
        ALTER TABLE questions ADD COLUMN origin TEXT NOT NULL DEFAULT 'discord';
        CREATE INDEX questions_unanswered ON questions (answered, at);
        CREATE INDEX snapshots_active ON snapshots (active);
        """,
    )


async def _v3(db: aiosqlite.Connection) -> None:
    # Each file's counted terms, so a start needs neither parsing nor tokenizing.
    await _script(
        db,
        """
        ALTER TABLE files ADD COLUMN terms BLOB;
        ALTER TABLE files ADD COLUMN terms_version TEXT
        """,
    )


async def _v4(db: aiosqlite.Connection) -> None:
    # What was announced in discord.announce_channel, so nothing is posted twice (restarts too).
    await _script(
        db,
        """
        CREATE TABLE announcements (
            key TEXT PRIMARY KEY,            -- 'opened:<role id>', 'closing:<role id>:<date>', 'baseline'
            role_id TEXT,
            at TEXT NOT NULL,
            posted INTEGER NOT NULL          -- 0: only noted (roles open before announcing began)
        )
        """,
    )


async def _v5_question_verdict(db: aiosqlite.Connection) -> None:
    # (moderation) What the bot did with each question: 'answer', 'unsure' (the closest passage,
    # labelled) or 'none' (declined), for kb gaps and kb stats. Older rows are filled in from
    # what they recorded: an unsure answer cited passages, a decline none.
    await _script(
        db,
        """
        ALTER TABLE questions ADD COLUMN verdict TEXT;
        UPDATE questions SET verdict = CASE
            WHEN answered = 1 THEN 'answer' WHEN sources IN ('[]', '') THEN 'none' ELSE 'unsure' END;
        CREATE INDEX questions_at ON questions (at)
        """,
    )


async def _v6_conversations(db: aiosqlite.Connection) -> None:
    # Discord conversations (earlier turns, for follow-ups) and the help threads the bot has
    # looked at; rows older than they are needed for are deleted as new ones are written.
    await _script(
        db,
        """
        CREATE TABLE conversation_turns (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,               -- 'dm:<channel id>', 'thread:<id>', 'reply:<root message id>'
            question TEXT NOT NULL,
            topic TEXT NOT NULL,             -- the words naming its programme (JSON list)
            at TEXT NOT NULL
        );
        CREATE INDEX conversation_turns_key ON conversation_turns (key, at);
        CREATE INDEX conversation_turns_at ON conversation_turns (at);
        CREATE TABLE conversation_messages (
            message_id INTEGER PRIMARY KEY,  -- a question or the bot's answer: a reply to it continues
            key TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX conversation_messages_at ON conversation_messages (at);
        CREATE TABLE help_threads (
            thread_id INTEGER PRIMARY KEY,   -- a new post or thread in discord.help_channels whose
            at TEXT NOT NULL                 -- first message was considered (so only that one is)
        );
        CREATE INDEX help_threads_at ON help_threads (at)
        """,
    )


async def _v7_snapshot_images(db: aiosqlite.Connection) -> None:
    # The search index of the active snapshot, array by array, so a start reads it instead of
    # rebuilding it from every file's counted terms (kept for one snapshot at a time).
    await _script(
        db,
        """
        CREATE TABLE snapshot_images (
            snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
            version TEXT NOT NULL,           -- what it was made under (tokenizer, retrieval settings)
            name TEXT NOT NULL,
            data BLOB NOT NULL,              -- one named array (codec.encode_arrays)
            PRIMARY KEY (snapshot_id, name)
        )
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (
    _v1,
    _v2,
    _v3,
    _v4,
    _v5_question_verdict,
    _v6_conversations,
    _v7_snapshot_images,
)
SCHEMA_VERSION = len(MIGRATIONS)
# The oldest schema a database opened read-only (a read-only file or a full disk, which
# cannot be migrated) is still answered from: the migrations after it add only what the bot
# can do without (the stored search index, which a start then rebuilds).
READABLE_FROM = 6


FailureKind = Literal["full", "read-only", "locked", "damaged", "folder", "other"]

_FULL, _READONLY, _BUSY, _LOCKED, _CORRUPT, _CANTOPEN, _NOTADB, _IOERR = 13, 8, 5, 6, 11, 14, 26, 10  # SQLite


def _no_space(path: Path) -> bool:
    """Tell whether the file system holding ``path`` has no room left for a small file."""
    try:
        info = os.statvfs(path.parent if path.parent.exists() else Path.cwd())
    except (OSError, AttributeError):
        return False
    return info.f_bavail * info.f_frsize < 64 * 1024


def failure_kind(exc: BaseException, path: Path | None = None) -> FailureKind:
    """Classify a database failure by what is actually wrong (SQLite's error code, else errno)."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).casefold()
    err = getattr(exc, "errno", None)
    if primary == _FULL or err == errno.ENOSPC or "disk is full" in text or "disk full" in text:
        return "full"
    if (primary == _IOERR or "disk i/o error" in text) and path is not None and _no_space(path):
        return "full"  # SQLite cannot create its -shm or -wal file on a full disk: "disk I/O error"
    if primary == _READONLY or err in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text:
        return "read-only"
    if primary in (_BUSY, _LOCKED) or "database is locked" in text or "table is locked" in text:
        return "locked"
    if primary in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
        return "damaged"
    if path is not None and path.is_dir():
        return "folder"
    if path is not None and (primary == _CANTOPEN or "unable to open" in text):
        folder = path.parent
        if (path.exists() and not os.access(path, os.W_OK)) or (
            folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK)
        ):
            return "read-only"
    return "other"


def describe_failure(exc: BaseException, path: Path | None, doing: str = "use") -> str:
    """Say in one line what is wrong with the database, never advising a step that loses data."""
    kind = failure_kind(exc, path)
    if path is None:
        path = Path("(the bot's database)")
    if kind == "full":
        return (
            f"disk full: cannot {doing} the database {path} ({exc}); free some space and try again "
            "(nothing was lost)"
        )
    if kind == "read-only":
        return (
            f"the database {path} is read-only (the file or its folder cannot be written): cannot {doing} it; "
            "make it writable and try again (nothing was lost)"
        )
    if kind == "locked":
        return (
            f"the database {path} is locked by another process (a refresh or a rollback?): "
            f"cannot {doing} it now; try again when it is done"
        )
    if kind == "damaged":
        return (
            f"the database {path} is damaged ({exc}); it is left as it is. Restore it from a backup, recover its "
            f"rows with 'sqlite3 {path} .recover', or rename it (keeping it) and run 'python -m bot kb refresh' "
            "to start a new one from knowledge/"
        )
    if kind == "folder":
        return f"'database' in config.yaml points at a folder, {path}: give it a file path such as data/faqbot.db"
    return f"cannot {doing} the database {path}: {exc}"


async def open_database(
    path: Path, *, migrate_to: int = SCHEMA_VERSION, allow_read_only: bool = False
) -> aiosqlite.Connection:
    """Open (creating if needed) and migrate the database; raise StorageError on failure.

    With ``allow_read_only``, a database that exists but cannot be written (read-only file,
    folder or file system, or a full disk) is opened read-only instead, so the stored
    snapshot can still be answered from; check :func:`is_read_only`.
    """
    try:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = await _connect(path, isolation_level=None, timeout=10)
        except (OSError, sqlite3.Error) as exc:
            raise _Failed(exc) from None
        try:
            await db.execute("PRAGMA foreign_keys = ON")
            await db.execute("PRAGMA busy_timeout = 10000")
            async with db.execute("PRAGMA journal_mode = WAL") as cur:
                await cur.fetchone()
            await migrate(db, migrate_to)
        except (OSError, sqlite3.Error) as exc:
            await db.close()
            raise _Failed(exc) from None
        except BaseException:
            await db.close()
            raise
    except _Failed as failed:
        cause = failed.exc
        kind = failure_kind(cause, path)
        if allow_read_only and path.is_file() and kind in ("read-only", "full"):
            read_only = await _open_read_only(path, "read-only" if kind == "read-only" else "disk full")
            if read_only is not None:
                log.warning(
                    "the database %s %s: answering from its stored snapshot; "
                    "questions, votes and refreshes are not recorded",
                    path,
                    "is read-only" if kind == "read-only" else "cannot be written (disk full)",
                )
                return read_only
        raise StorageError(describe_failure(cause, path, "open")) from None
    return db


def storage_error(exc: BaseException, doing: str, path: Path | None = None) -> StorageError:
    """Turn a SQLite or OS failure into a StorageError that says what is wrong."""
    return StorageError(describe_failure(exc, path, doing))


async def _connect(target: Path | str, **kwargs: Any) -> aiosqlite.Connection:
    """Connect with aiosqlite, first trying the same connection synchronously.

    When aiosqlite's connect fails, its worker thread finishes stopping after the caller
    has moved on, and if the event loop is closed by then it prints "Event loop is closed"
    tracebacks. Failing here first, in a thread that is waited for, avoids that.
    """
    await asyncio.to_thread(lambda: sqlite3.connect(target, **kwargs).close())
    connection = aiosqlite.connect(target, **kwargs)
    try:
        return await connection
    except BaseException:
        thread = getattr(connection, "_thread", None)
        if thread is not None and thread.is_alive():
            await asyncio.to_thread(thread.join, 10)
        raise


class _Failed(Exception):
    def __init__(self, exc: BaseException) -> None:
        super().__init__(str(exc))
        self.exc = exc


_READ_ONLY_DBS: weakref.WeakKeyDictionary[aiosqlite.Connection, str] = weakref.WeakKeyDictionary()


def read_only_reason(db: aiosqlite.Connection) -> str | None:
    """Say why ``db`` was opened read-only by :func:`open_database` ("read-only", "disk full"), or None."""
    return _READ_ONLY_DBS.get(db)


async def _open_read_only(path: Path, reason: str) -> aiosqlite.Connection | None:
    """Open an existing database read-only; None if it cannot be read either.

    In WAL mode a reader needs the ``-shm`` file; when the folder is read-only and it is
    missing, the file is opened as immutable (no other process can be writing it then).
    """
    uri = path.resolve().as_uri()
    for suffix in ("?mode=ro", "?mode=ro&immutable=1"):
        db = None
        try:
            db = await _connect(uri + suffix, uri=True, isolation_level=None, timeout=10)
            version = await schema_version(db)
            async with db.execute("SELECT count(*) FROM snapshots") as cur:
                await cur.fetchone()
        except (OSError, sqlite3.Error):
            if db is not None:
                await db.close()
            continue
        if not READABLE_FROM <= version <= SCHEMA_VERSION:
            await db.close()
            raise StorageError(
                f"the database {path} is read-only and has schema version {version}, not {SCHEMA_VERSION}: "
                "make it writable so it can be migrated"
            )
        _READ_ONLY_DBS[db] = reason
        return db
    return None


async def schema_version(db: aiosqlite.Connection) -> int:
    """Return the schema version recorded in the database."""
    async with db.execute("PRAGMA user_version") as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else 0


async def migrate(db: aiosqlite.Connection, target: int = SCHEMA_VERSION) -> None:
    """Apply the migrations the database has not had yet, each in its own transaction."""
    current = await schema_version(db)
    if current > SCHEMA_VERSION:
        raise StorageError(
            f"the database has schema version {current}, newer than this bot ({SCHEMA_VERSION}): upgrade the bot"
        )
    for version in range(current + 1, target + 1):
        await db.execute("BEGIN IMMEDIATE")
        try:
            await MIGRATIONS[version - 1](db)
            await db.execute(f"PRAGMA user_version = {version}")
            await db.execute("COMMIT")
        except BaseException:
            await db.execute("ROLLBACK")
            raise
        log.info("database migrated to schema version %d", version)
