"""The stored knowledge base: one row per parsed file content, snapshots as lists of files."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import aiosqlite

from bot.errors import StorageError
from bot.knowledge.loader import FileResult
from bot.storage.codec import decode_file, encode_file


@dataclass(frozen=True, slots=True)
class SnapshotInfo:
    """One applied refresh, as listed by ``kb history``."""

    id: int
    at: str
    by: str
    summary: dict
    active: bool


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A parsed file as stored, with its counted terms when they were kept."""

    result: FileResult
    terms: bytes | None
    terms_version: str | None


def file_key(result: FileResult) -> str:
    """Return the key of a file's parse: its path and content together."""
    return hashlib.sha256(f"{result.source}\0{result.content_hash}".encode()).hexdigest()


class SnapshotStore:
    """Save and load knowledge snapshots in the database."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self.db = db

    async def save(
        self,
        results: Sequence[FileResult],
        by: str,
        summary: dict,
        terms: Callable[[FileResult], bytes | None] | None = None,
        terms_version: str = "",
    ) -> int:
        """Store a snapshot and make it the active one, all in one transaction.

        Files already stored (same path and content) are not written again; ``terms`` gives
        the counted terms to keep beside each new file.
        """
        try:
            await self.db.execute("BEGIN IMMEDIATE")
            try:
                async with self.db.execute("SELECT key, terms_version FROM files") as cur:
                    stored = {row[0]: row[1] for row in await cur.fetchall()}
                keys = []
                for result in results:
                    key = file_key(result)
                    keys.append(key)
                    if key in stored and stored[key] == terms_version:
                        continue
                    blob = terms(result) if terms is not None else None
                    await self.db.execute(
                        "INSERT INTO files (key, source, content_hash, data, terms, terms_version) "
                        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
                        "terms = excluded.terms, terms_version = excluded.terms_version",
                        (
                            key,
                            result.source,
                            result.content_hash,
                            encode_file(result),
                            blob,
                            terms_version if blob is not None else None,
                        ),
                    )
                    stored[key] = terms_version
                cur = await self.db.execute(
                    "INSERT INTO snapshots (at, by, summary, active) VALUES (?, ?, ?, 0)",
                    (datetime.now(UTC).isoformat(timespec="seconds"), by, json.dumps(summary, default=str)),
                )
                snapshot_id = int(cur.lastrowid)
                await self.db.executemany(
                    "INSERT INTO snapshot_files (snapshot_id, position, file_key) VALUES (?, ?, ?)",
                    [(snapshot_id, i, key) for i, key in enumerate(keys)],
                )
                await self.db.execute("UPDATE snapshots SET active = (id = ?)", (snapshot_id,))
                await self.db.execute("COMMIT")
            except BaseException:
                await self.db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StorageError(f"could not store the knowledge snapshot: {exc}") from None
        return snapshot_id

    async def active_id(self) -> int | None:
        """Return the id of the snapshot in use, if any."""
        async with self.db.execute("SELECT id FROM snapshots WHERE active = 1") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else None

    async def load(self, snapshot_id: int) -> list[StoredFile]:
        """Return the parsed files of a snapshot, in order, with their stored term counts."""
        try:
            async with self.db.execute(
                "SELECT f.data, f.terms, f.terms_version FROM snapshot_files sf JOIN files f ON f.key = sf.file_key "
                "WHERE sf.snapshot_id = ? ORDER BY sf.position",
                (snapshot_id,),
            ) as cur:
                rows = await cur.fetchall()
        except sqlite3.Error as exc:
            raise StorageError(f"could not read snapshot {snapshot_id}: {exc}") from None
        return [StoredFile(decode_file(data), terms, version) for data, terms, version in rows]

    async def activate(self, snapshot_id: int) -> None:
        """Make an earlier snapshot the active one."""
        async with self.db.execute("SELECT 1 FROM snapshots WHERE id = ?", (snapshot_id,)) as cur:
            if await cur.fetchone() is None:
                raise StorageError(f"no snapshot {snapshot_id} (see 'kb history')")
        await self.db.execute("BEGIN IMMEDIATE")
        try:
            await self.db.execute("UPDATE snapshots SET active = (id = ?)", (snapshot_id,))
            await self.db.execute("COMMIT")
        except BaseException:
            await self.db.execute("ROLLBACK")
            raise

    async def history(self, limit: int = 50) -> list[SnapshotInfo]:
        """Return the most recent snapshots, newest first."""
        async with self.db.execute(
            "SELECT id, at, by, summary, active FROM snapshots ORDER BY id DESC LIMIT ?", (limit,)
        ) as cur:
            rows = await cur.fetchall()
        return [SnapshotInfo(int(r[0]), r[1], r[2], json.loads(r[3]), bool(r[4])) for r in rows]
