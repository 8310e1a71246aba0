"""The stored knowledge base: one row per parsed file content, snapshots as lists of files.

Beside each file the store can keep named arrays for another layer (the search layer keeps
a file's counted terms and vectors there, so a start need not tokenize). They are opaque
here: numbers under names, with the version string they were made under.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite
import numpy as np

from bot.documents.loader import FileResult
from bot.errors import StorageError
from bot.gcpause import collector_paused
from bot.storage.codec import decode_arrays, decode_file, encode_arrays, encode_file
from bot.storage.database import storage_error


@dataclass(frozen=True, slots=True)
class SnapshotInfo:
    """One applied refresh, as listed by ``kb history``."""

    id: int
    at: str
    by: str
    summary: dict[str, Any]
    active: bool


FileKey = tuple[str, str]  # a parsed file's source and content hash
Arrays = Mapping[str, np.ndarray]  # named arrays kept beside a file, opaque to the store


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A parsed file as stored, with the arrays kept beside it."""

    result: FileResult
    blob: bytes | None  # the arrays, as stored
    version: str | None  # what the arrays were made under

    @property
    def arrays(self) -> dict[str, np.ndarray] | None:
        """Return the arrays kept beside the file, read from the stored bytes at each call (in
        the caller's thread: a start reads them where it builds, not on the event loop).

        Unreadable ones (an older format, a damaged row) read as none: the other layer makes
        them again.
        """
        if self.blob is None:
            return None
        try:
            return decode_arrays(self.blob)
        except (ValueError, TypeError):
            return None

    @property
    def key(self) -> FileKey:
        """Return the file's source and content hash."""
        return (self.result.source, self.result.content_hash)


class StoredArrays(Mapping[FileKey, dict[str, np.ndarray]]):
    """The readable arrays kept beside stored files under one version, by (source, content
    hash); each read from its bytes only when asked for (a refresh needs few of them)."""

    def __init__(self, files: Sequence[StoredFile], version: str) -> None:
        self._files = {f.key: f for f in files if f.blob is not None and f.version == version}

    def __getitem__(self, key: FileKey) -> dict[str, np.ndarray]:
        arrays = self._files[key].arrays
        if arrays is None:
            raise KeyError(key)
        return arrays

    def __iter__(self) -> Iterator[FileKey]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


class StaleSnapshotError(StorageError):
    """Another process applied a snapshot after this one started from an older one."""

    def __init__(self, expected: int | None, active: int | None) -> None:
        super().__init__(
            f"snapshot {active} was applied by another process after this refresh started from {expected}"
        )
        self.expected = expected
        self.active = active


ANY_SNAPSHOT: object = object()  # save() without comparing the active snapshot


def file_key(result: FileResult) -> str:
    """Return the key of a file's parse: its path and content together."""
    return hashlib.sha256(f"{result.source}\0{result.content_hash}".encode()).hexdigest()


class SnapshotStore:
    """Save and load knowledge snapshots in the database.

    Writes take SQLite's write lock (``BEGIN IMMEDIATE``), so they are serialised across
    processes; ``save`` compares the active snapshot with the one the caller started from
    inside that lock, so a slow refresh can never undo a newer one.
    """

    def __init__(self, db: aiosqlite.Connection, path: Path | None = None) -> None:
        self.db = db
        self.path = path

    async def _rollback(self) -> None:
        """Undo an open transaction, if SQLite has not already (it does on a full disk)."""
        if self.db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                await self.db.execute("ROLLBACK")

    @contextlib.asynccontextmanager
    async def _writing(self, doing: str) -> AsyncIterator[None]:
        """Run the block in one transaction under SQLite's write lock (``BEGIN IMMEDIATE``):
        committed when it ends, rolled back when it raises; a database error is reported as
        failing to ``doing`` ("store the knowledge snapshot in") the database."""
        try:
            await self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
                await self.db.execute("COMMIT")
            except BaseException:
                await self._rollback()
                raise
        except (sqlite3.Error, OSError) as exc:
            raise storage_error(exc, doing, self.path) from None

    async def save(
        self,
        results: Sequence[FileResult],
        by: str,
        summary: dict[str, Any],
        arrays: Mapping[FileKey, Arrays] | None = None,
        version: str = "",
        *,
        expect_active: object = ANY_SNAPSHOT,
        rewrite: bool = False,
    ) -> int:
        """Store a snapshot and make it the active one, all in one transaction.

        Files already stored (same path and content, arrays of ``version``) are not written
        again; ``arrays`` gives, by (source, content hash), the arrays to keep beside a file
        (see :meth:`without_arrays` for the files that need them). With ``expect_active`` (a snapshot id,
        or None for an empty store), raise StaleSnapshotError and store nothing when another
        snapshot became active meanwhile. ``rewrite`` writes every file's row again (to repair
        rows that could not be decoded).
        """
        async with self._writing("store the knowledge snapshot in"):
            if expect_active is not ANY_SNAPSHOT:
                async with self.db.execute("SELECT id FROM snapshots WHERE active = 1") as cur:
                    row = await cur.fetchone()
                active = int(row[0]) if row else None
                if active != expect_active:
                    raise StaleSnapshotError(expect_active, active)  # type: ignore[arg-type]
            async with self.db.execute("SELECT key, terms_version FROM files") as cur:
                stored = {row[0]: row[1] for row in await cur.fetchall()}
            keys = []
            for result in results:
                key = file_key(result)
                keys.append(key)
                if key in stored and stored[key] == version and not rewrite:
                    continue
                kept = (arrays or {}).get((result.source, result.content_hash))
                blob = encode_arrays(kept) if kept is not None else None
                await self.db.execute(
                    "INSERT INTO files (key, source, content_hash, data, terms, terms_version) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
                    "terms = excluded.terms, terms_version = excluded.terms_version"
                    + (", data = excluded.data" if rewrite else ""),
                    (
                        key,
                        result.source,
                        result.content_hash,
                        encode_file(result),
                        blob,
                        version if blob is not None else None,
                    ),
                )
                stored[key] = version if blob is not None else None
            snapshot_id = await self._new_entry(by, summary)
            await self.db.executemany(
                "INSERT INTO snapshot_files (snapshot_id, position, file_key) VALUES (?, ?, ?)",
                [(snapshot_id, i, key) for i, key in enumerate(keys)],
            )
            await self.db.execute("UPDATE snapshots SET active = (id = ?)", (snapshot_id,))
        return snapshot_id

    async def active_id(self) -> int | None:
        """Return the id of the snapshot in use, if any."""
        try:
            async with self.db.execute("SELECT id FROM snapshots WHERE active = 1") as cur:
                row = await cur.fetchone()
        except sqlite3.Error as exc:
            raise storage_error(exc, "read the active snapshot from", self.path) from None
        return int(row[0]) if row else None

    async def without_arrays(self, results: Sequence[FileResult], version: str) -> list[FileKey]:
        """Return the (source, content hash) of each of ``results`` stored without arrays of
        ``version`` (or not stored at all): the ones :meth:`save` needs arrays for."""
        try:
            async with self.db.execute("SELECT key FROM files WHERE terms_version = ?", (version,)) as cur:
                kept = {row[0] for row in await cur.fetchall()}
        except sqlite3.Error as exc:
            raise storage_error(exc, "read the stored files from", self.path) from None
        return [(r.source, r.content_hash) for r in results if file_key(r) not in kept]

    async def load(self, snapshot_id: int, *, arrays: bool = True) -> list[StoredFile]:
        """Return the parsed files of a snapshot, in order, with their stored arrays (unless not
        wanted: a start that reads the snapshot's image needs none)."""
        columns = "f.data, f.terms, f.terms_version" if arrays else "f.data, NULL, NULL"
        try:
            async with self.db.execute(
                f"SELECT {columns} FROM snapshot_files sf JOIN files f ON f.key = sf.file_key "
                "WHERE sf.snapshot_id = ? ORDER BY sf.position",
                (snapshot_id,),
            ) as cur:
                rows = await cur.fetchall()
        except sqlite3.Error as exc:
            raise storage_error(exc, f"read snapshot {snapshot_id} from", self.path) from None
        with collector_paused():
            return [self._decode(snapshot_id, n, row) for n, row in enumerate(rows)]

    @staticmethod
    def _decode(snapshot_id: int, n: int, row: Any) -> StoredFile:
        """Return stored file ``n`` of a snapshot from its row (data, arrays, their version)."""
        data, terms, version = row
        try:
            result = decode_file(data)
        except Exception as exc:  # a hand-edited or damaged row: say which, never crash
            raise StorageError(
                f"snapshot {snapshot_id}: stored file {n + 1} cannot be decoded ({type(exc).__name__}: "
                f"{str(exc)[:100]}); roll back to another snapshot or run 'python -m bot kb refresh --force'"
            ) from None
        return StoredFile(result, terms if isinstance(terms, bytes) else None, version)

    async def save_image(self, snapshot_id: int, version: str, arrays: Mapping[str, np.ndarray]) -> bool:
        """Keep ``arrays`` (another layer's image of the snapshot, made under ``version``) beside
        snapshot ``snapshot_id``, in place of any other snapshot's; return False, storing
        nothing, when that snapshot is no longer the active one (another process's is)."""
        async with self._writing("store the search index in"):
            async with self.db.execute("SELECT id FROM snapshots WHERE active = 1") as cur:
                row = await cur.fetchone()
            if row is None or int(row[0]) != snapshot_id:
                return False
            await self.db.execute("DELETE FROM snapshot_images")
            for name, array in arrays.items():
                await self.db.execute(
                    "INSERT INTO snapshot_images (snapshot_id, version, name, data) VALUES (?, ?, ?, ?)",
                    (snapshot_id, version, name, encode_arrays({name: array})),
                )
        return True

    async def load_image(self, snapshot_id: int, version: str) -> dict[str, np.ndarray] | None:
        """Return the arrays kept beside snapshot ``snapshot_id`` under ``version``, or None when
        there are none (or they cannot be read: the other layer then builds them again)."""
        try:
            async with self.db.execute(
                "SELECT name, data FROM snapshot_images WHERE snapshot_id = ? AND version = ?",
                (snapshot_id, version),
            ) as cur:
                rows = await cur.fetchall()
        except sqlite3.Error:  # a cache: without it (a read-only database of an older schema) it is rebuilt
            return None
        out: dict[str, np.ndarray] = {}
        for name, data in rows:
            try:
                arrays = decode_arrays(data) if isinstance(data, bytes) else {}
            except (ValueError, TypeError):
                return None
            if name not in arrays:
                return None
            out[name] = arrays[name]
        return out or None

    async def _new_entry(self, by: str, summary: dict[str, Any]) -> int:
        """Add a history entry (not yet active) inside the open transaction; return its id."""
        cur = await self.db.execute(
            "INSERT INTO snapshots (at, by, summary, active) VALUES (?, ?, ?, 0)",
            (datetime.now(UTC).isoformat(timespec="seconds"), by, json.dumps(summary, default=str)),
        )
        if cur.lastrowid is None:  # SQLite sets it for every INSERT
            raise sqlite3.DatabaseError("the snapshot row was not inserted")
        return cur.lastrowid

    async def restore(self, snapshot_id: int, by: str, summary: dict[str, Any]) -> int:
        """Store a new snapshot with the files of ``snapshot_id`` and make it active (a rollback).

        A new entry rather than flipping the active flag back: history records the rollback,
        with who made it, and every process sees a new snapshot id.
        """
        if not 0 < snapshot_id < 2**63:
            raise StorageError(f"no snapshot {snapshot_id} (see 'kb history')")
        async with self._writing(f"restore snapshot {snapshot_id} in"):
            async with self.db.execute("SELECT 1 FROM snapshots WHERE id = ?", (snapshot_id,)) as cur:
                if await cur.fetchone() is None:
                    raise StorageError(f"no snapshot {snapshot_id} (see 'kb history')")
            new_id = await self._new_entry(by, summary)
            await self.db.execute(
                "INSERT INTO snapshot_files (snapshot_id, position, file_key) "
                "SELECT ?, position, file_key FROM snapshot_files WHERE snapshot_id = ?",
                (new_id, snapshot_id),
            )
            await self.db.execute("UPDATE snapshots SET active = (id = ?)", (new_id,))
        return new_id

    async def info(self, snapshot_id: int) -> SnapshotInfo | None:
        """Return one snapshot's history entry, or None if there is none."""
        try:
            async with self.db.execute(
                "SELECT id, at, by, summary, active FROM snapshots WHERE id = ?", (snapshot_id,)
            ) as cur:
                row = await cur.fetchone()
        except sqlite3.Error as exc:
            raise storage_error(exc, "read the refresh history from", self.path) from None
        return (
            SnapshotInfo(int(row[0]), str(row[1]), str(row[2]), _summary(row[3]), bool(row[4]))
            if row
            else None
        )

    async def history(self, limit: int = 50) -> list[SnapshotInfo]:
        """Return the most recent snapshots, newest first (a damaged summary reads as empty)."""
        try:
            async with self.db.execute(
                "SELECT id, at, by, summary, active FROM snapshots ORDER BY id DESC LIMIT ?", (limit,)
            ) as cur:
                rows = await cur.fetchall()
        except sqlite3.Error as exc:
            raise storage_error(exc, "read the refresh history from", self.path) from None
        return [SnapshotInfo(int(r[0]), str(r[1]), str(r[2]), _summary(r[3]), bool(r[4])) for r in rows]


def _summary(text: object) -> dict[str, Any]:
    """Read a stored change summary; a hand-edited one that is not a JSON object reads as empty."""
    try:
        value = json.loads(text) if isinstance(text, (str, bytes)) else None
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
