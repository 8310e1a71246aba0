"""Open the SQLite database, apply versioned migrations, and report failures clearly."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path

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


MIGRATIONS: tuple[Migration, ...] = (_v1, _v2, _v3, _v4)
SCHEMA_VERSION = len(MIGRATIONS)


def rebuild_hint(path: Path) -> str:
    """Say how to start over with a fresh database."""
    return f"move {path} away and run 'python -m bot kb refresh' to rebuild it from knowledge/"


async def open_database(path: Path, *, migrate_to: int = SCHEMA_VERSION) -> aiosqlite.Connection:
    """Open (creating if needed) and migrate the database; raise StorageError on failure."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(path, isolation_level=None, timeout=10)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"cannot open database {path}: {exc}") from None
    try:
        await db.execute("PRAGMA foreign_keys = ON")
        await db.execute("PRAGMA busy_timeout = 10000")
        async with db.execute("PRAGMA journal_mode = WAL") as cur:
            await cur.fetchone()
        await migrate(db, migrate_to)
    except sqlite3.DatabaseError as exc:
        await db.close()
        raise StorageError(f"database {path} is unreadable ({exc}); {rebuild_hint(path)}") from None
    except BaseException:
        await db.close()
        raise
    return db


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
