"""The knowledge base's lifecycle: start from the stored snapshot, refresh safely, roll back.

Behind both ``python -m bot kb ...`` and the Discord ``/kb`` commands.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.documents.checks import problem_list
from bot.documents.document import content_hash
from bot.documents.loader import (
    FileResult,
    assemble,
    parse_file,
    read_error,
    read_file,
    scan_folder,
    unsafe_reason,
)
from bot.errors import BotError, KnowledgeBaseError, StorageError
from bot.models import Problem
from bot.services.answers import AnswerService
from bot.services.changes import Changes, compare
from bot.services.current import SnapshotHolder
from bot.services.evaluation import evaluate, load_cases
from bot.snapshot import Snapshot, image_version, terms_version
from bot.storage.snapshots import (
    ANY_SNAPSHOT,
    Arrays,
    FileKey,
    SnapshotInfo,
    SnapshotStore,
    StaleSnapshotError,
    StoredArrays,
    StoredFile,
)

log = logging.getLogger(__name__)

QUESTIONS_FILE = "questions.yaml"
REFRESH_ATTEMPTS = 5  # a refresh that finds a newer snapshot applied starts again from it, this often
FolderState = tuple[tuple[str, int, int], ...]  # each file's path, size and modification time


@dataclass
class RefreshReport(Changes):
    """What a refresh (or a rollback) found, and whether it was applied."""

    applied: bool = False
    dry_run: bool = False
    refused: str | None = None
    kind: str = "refresh"  # "first start", "refresh", "automatic refresh", "rollback"
    restores: int | None = None  # a rollback: the snapshot whose files it restores
    broken: list[str] = field(default_factory=list)  # kept at their last good version
    problems: list[Problem] = field(default_factory=list)
    eval: dict[str, Any] | None = None  # questions.yaml's scores (JSON)
    documents: int = 0
    passages: int = 0
    roles: int = 0
    seconds: float = 0.0
    snapshot_id: int | None = None

    @property
    def changes(self) -> bool:
        """Tell whether anything differs from the knowledge base in use."""
        return self.any

    def take(self, changes: Changes) -> None:
        """Copy what ``changes`` found into this report."""
        for f in fields(Changes):
            setattr(self, f.name, list(getattr(changes, f.name)))

    def summary(self) -> dict[str, Any]:
        """Return the short summary stored in the refresh history."""
        out: dict[str, Any] = {"kind": self.kind}
        if self.restores is not None:
            out["restores"] = self.restores
        out.update({f.name: getattr(self, f.name) for f in fields(Changes)})
        out.update(
            {
                "broken": self.broken,
                "documents": self.documents,
                "passages": self.passages,
                "roles": self.roles,
            }
        )
        return out

    def to_json(self) -> dict[str, Any]:
        """Return the CLI's JSON form."""
        return {
            "applied": self.applied,
            "dry_run": self.dry_run,
            "refused": self.refused,
            "changes": self.changes,
            **self.summary(),
            "warnings": [_problem_json(p) for p in self.problems if p.severity == "warning"],
            "errors": [_problem_json(p) for p in self.problems if p.severity == "error"],
            "eval": self.eval,
            "seconds": round(self.seconds, 3),
            "snapshot_id": self.snapshot_id,
        }


def _problem_json(p: Problem) -> dict[str, Any]:
    return {"source": p.source, "line": p.line, "message": p.message}


class SnapshotLoader:
    """Reads the knowledge base: the stored active snapshot, or the folder; stores what it built.

    What :class:`KnowledgeBaseService` does before it has a snapshot to hold (its :meth:`open`),
    and the reading, building and storing its refreshes share.
    """

    def __init__(
        self,
        settings: Settings,
        store: SnapshotStore | None,
        *,
        folder: Path | None = None,
        today: Callable[[], date] = date.today,
        read_only: str | None = None,
        rewrite_rows: bool = False,
    ) -> None:
        self.settings = settings
        self.store = store
        self.folder = folder or settings.knowledge_dir
        self.today = today
        self.read_only = read_only  # why the database could only be opened read-only
        self._rewrite_rows = rewrite_rows  # stored rows were damaged: the next save writes them again

    # -- start ---------------------------------------------------------------------------

    async def load(self, by: str = "first start") -> Snapshot:
        """Return the stored active snapshot, or build one from the folder and store it (as made ``by``).

        Starting from the store needs no knowledge folder at all: the bot answers even when
        ``knowledge/`` is missing or broken at that moment.
        """
        if self.store is not None:
            active = await self.store.active_id()
            if active is not None:
                try:
                    return await self._load_stored(active)
                except StorageError as exc:
                    if not self.folder.is_dir():
                        raise
                    # Damaged rows: answer from the folder and leave the rows as they are; the
                    # next refresh stores this process's parse over them.
                    log.error("%s; answering from %s until 'kb refresh' stores it again", exc, self.folder)
                    self._rewrite_rows = True
                    files, problems = await asyncio.to_thread(self._read_all)
                    snapshot = await asyncio.to_thread(self._build, files, None, problems)
                    return _with_id(snapshot, active)
        files, problems = await asyncio.to_thread(self._read_all)
        snapshot = await asyncio.to_thread(self._build, files, None, problems)
        if self.store is not None and not self.read_only:
            report = RefreshReport(
                added=[f.source for f in files if f.document is not None], kind="first start"
            )
            self._count(report, snapshot)
            try:
                snapshot_id = await self._save(files, by, report, snapshot, expect_active=None)
            except StaleSnapshotError as exc:
                if exc.active is None:
                    raise
                return await self._load_stored(exc.active)  # another process stored one first: use it
            except StorageError as exc:
                # Disk full, locked: answer from what was read; 'kb refresh' stores it later.
                log.error("%s; answering from %s without storing it", exc, self.folder)
                return snapshot
            snapshot = _with_id(snapshot, snapshot_id)
            await self._keep_image(snapshot)
        return snapshot

    async def _load_stored(self, snapshot_id: int, previous: Snapshot | None = None) -> Snapshot:
        """Return a stored snapshot: at a start, read with the search index stored beside it;
        else (or when that cannot be used) rebuilt from its files' stored rows. With
        ``previous`` (the one in use), its counted terms are reused and its index updated in
        place for the files that differ, as a refresh does."""
        assert self.store is not None
        image = None
        if previous is None:
            image = await self.store.load_image(snapshot_id, image_version(self.settings))
        if image is not None:
            stored = await self.store.load(snapshot_id, arrays=False)
            try:
                return await asyncio.to_thread(self._from_image, stored, snapshot_id, image)
            except Exception as exc:  # a damaged image: rebuilt from the files' rows below
                log.warning(
                    "snapshot %s: its stored search index cannot be used (%s: %s); rebuilding it",
                    snapshot_id,
                    type(exc).__name__,
                    str(exc)[:100],
                )
            del image
        stored = await self.store.load(snapshot_id)
        try:
            snapshot = await asyncio.to_thread(self._from_store, stored, snapshot_id, previous)
        except Exception as exc:  # damaged term counts or rows edited by hand
            raise StorageError(
                f"snapshot {snapshot_id} cannot be rebuilt from its stored rows ({type(exc).__name__}: "
                f"{str(exc)[:100]})"
            ) from None
        if previous is None:
            await self._keep_image(snapshot)  # so that the next start need not rebuild it
        return snapshot

    def _from_image(self, stored: list[StoredFile], snapshot_id: int, image: Arrays) -> Snapshot:
        """Return the stored snapshot with the search index stored beside it (nothing rebuilt)."""
        files = [s.result for s in stored]
        return Snapshot.from_image(assemble(files), files, self.settings, image, snapshot_id)

    async def _keep_image(self, snapshot: Snapshot) -> None:
        """Store the search index of ``snapshot``, the active one, for the next start to read.

        Best effort: without it (a full disk, a locked or read-only database) the next start
        rebuilds the index from the stored files, as it did before images were kept.
        """
        if self.store is None or self.read_only or snapshot.snapshot_id is None:
            return
        try:
            image = await asyncio.to_thread(snapshot.image)
            await self.store.save_image(snapshot.snapshot_id, image_version(self.settings), image)
        except StorageError as exc:
            log.warning("%s; the next start rebuilds the search index from the stored files", exc)

    def _from_store(
        self, stored: list[StoredFile], snapshot_id: int, previous: Snapshot | None = None
    ) -> Snapshot:
        """Build the snapshot from stored files and their stored term counts (no parsing, and
        no tokenizing unless the settings they were counted with have changed)."""
        arrays = StoredArrays(stored, terms_version(self.settings))
        return self._build([s.result for s in stored], snapshot_id, None, previous, arrays)

    async def _save(
        self,
        files: list[FileResult],
        by: str,
        report: RefreshReport,
        snapshot: Snapshot,
        *,
        expect_active: object = ANY_SNAPSHOT,
    ) -> int:
        assert self.store is not None
        # the counted terms of the files the store lacks, as named arrays kept beside them
        need = (
            [(f.source, f.content_hash) for f in files]
            if self._rewrite_rows
            else await self.store.without_arrays(files, snapshot.version)
        )
        arrays = await asyncio.to_thread(snapshot.arrays_for, need) if need else {}
        snapshot_id = await self.store.save(
            files,
            by,
            report.summary(),
            arrays,
            snapshot.version,
            expect_active=expect_active,
            rewrite=self._rewrite_rows,
        )
        self._rewrite_rows = False
        return snapshot_id

    def _read_all(self) -> tuple[list[FileResult], list[Problem]]:
        listing = scan_folder(self.folder, self.settings.knowledge.max_file_bytes)
        problems = listing.problems
        results = []
        for source, path in listing.files:
            try:
                data = read_file(path, self.settings.knowledge.max_file_bytes)
            except OSError as exc:
                problems.append(Problem(source, read_error(exc), None, "error"))
                continue
            results.append(parse_file(source, data, self.settings.answers.max_passage_chars))
        return results, problems

    def _build(
        self,
        files: list[FileResult],
        snapshot_id: int | None,
        problems: list[Problem] | None = None,
        previous: Snapshot | None = None,
        stored: Mapping[FileKey, Arrays] | None = None,
    ) -> Snapshot:
        corpus = assemble(files, problems)
        if previous is not None:
            return previous.updated(corpus, files, self.settings, stored=stored, snapshot_id=snapshot_id)
        return Snapshot.from_files(corpus, files, self.settings, stored=stored, snapshot_id=snapshot_id)

    def _count(self, report: RefreshReport, snapshot: Snapshot) -> None:
        corpus = snapshot.corpus
        report.documents, report.passages, report.roles = (
            len(corpus.documents),
            len(corpus.passages),
            len(corpus.roles),
        )
        report.problems = problem_list(
            corpus, self.today(), self.settings.knowledge.max_document_age_days, self.settings.roles.max_age_days
        )


class KnowledgeBaseService(SnapshotLoader):
    """Owns the current snapshot: loads it at start, refreshes and rolls it back."""

    def __init__(
        self,
        settings: Settings,
        holder: SnapshotHolder,
        store: SnapshotStore | None,
        *,
        folder: Path | None = None,
        today: Callable[[], date] = date.today,
        read_only: str | None = None,
        rewrite_rows: bool = False,
    ) -> None:
        super().__init__(
            settings, store, folder=folder, today=today, read_only=read_only, rewrite_rows=rewrite_rows
        )
        self.holder = holder
        self._lock = asyncio.Lock()

    @classmethod
    async def open(
        cls,
        settings: Settings,
        store: SnapshotStore | None,
        *,
        folder: Path | None = None,
        today: Callable[[], date] = date.today,
        read_only: str | None = None,
        by: str = "first start",
    ) -> KnowledgeBaseService:
        """Load the knowledge base (see :meth:`SnapshotLoader.load`, as made ``by``) and hold it."""
        loader = SnapshotLoader(settings, store, folder=folder, today=today, read_only=read_only)
        snapshot = await loader.load(by)
        return cls(
            settings,
            SnapshotHolder(snapshot),
            store,
            folder=folder,
            today=today,
            read_only=read_only,
            rewrite_rows=loader._rewrite_rows,
        )

    # -- refresh -------------------------------------------------------------------------

    async def refresh(
        self, *, by: str, dry_run: bool = False, force: bool = False, kind: str = "refresh"
    ) -> RefreshReport:
        """Re-read changed files, check the result, and swap it in atomically.

        Refreshes run one at a time in a process, and across processes the apply is a
        compare-and-swap under SQLite's write lock: when another process applied a snapshot
        after this refresh started from the one it had, that newer snapshot is loaded and the
        refresh starts again from it (up to ``REFRESH_ATTEMPTS`` times), so a slow refresh
        never undoes a newer one. Nothing is swapped in or stored unless every check passes
        (or ``force``); the store is written in one transaction before the swap, so a failure
        at any point leaves the previous snapshot in use and on disk.
        """
        if self.read_only and not dry_run:
            raise StorageError(
                f"the database cannot be written ({self.read_only}): a refresh cannot be stored (the bot "
                "keeps answering from the stored snapshot); fix that first, or use --dry-run"
            )
        async with self._lock:
            start = time.perf_counter()
            for attempt in range(1, REFRESH_ATTEMPTS + 1):
                try:
                    report = await self._refresh_once(by, dry_run, force, kind)
                except StaleSnapshotError as exc:
                    if attempt == REFRESH_ATTEMPTS or exc.active is None:
                        raise StorageError(
                            f"gave up after {attempt} attempts: other processes kept applying refreshes"
                        ) from None
                    log.info("%s; refreshing again from it", exc)
                    self.holder.swap(await self._load_stored(exc.active, self.holder.current))
                    continue
                report.seconds = time.perf_counter() - start
                return report
        raise AssertionError("unreachable")  # pragma: no cover

    async def _refresh_once(self, by: str, dry_run: bool, force: bool, kind: str) -> RefreshReport:
        report = RefreshReport(dry_run=dry_run, kind=kind)
        current = self.holder.current
        files, problems = await asyncio.to_thread(self._read_changed, current, report, force)
        snapshot = await asyncio.to_thread(self._build, files, None, problems, current)
        self._count(report, snapshot)
        report.take(compare(current.files, files, current.corpus.roles, snapshot.corpus.roles, self.today()))
        if not report.changes and not self._rewrite_rows:
            # Nothing members could see differs (broken files keep their last good version):
            # no new snapshot, so history lists only real changes.
            return report
        report.refused = self._refusal(current, snapshot, force)
        if report.refused is None:
            report.refused = await asyncio.to_thread(self._eval_gate, snapshot, report, force)
        if report.refused is None and not dry_run:
            if self.store is not None:
                snapshot_id = await self._save(files, by, report, snapshot, expect_active=current.snapshot_id)
                snapshot = _with_id(snapshot, snapshot_id)
                report.snapshot_id = snapshot_id
            self.holder.swap(snapshot)
            report.applied = True
            await self._keep_image(snapshot)
            log.info("knowledge base refreshed by %s: %s", by, report.summary())
        return report

    def _read_changed(
        self, current: Snapshot, report: RefreshReport, reparse: bool = False
    ) -> tuple[list[FileResult], list[Problem]]:
        """Parse only files whose content changed (all with ``reparse``); keep the last good
        version of broken ones (listed in ``report.broken``)."""
        if not self.folder.is_dir():
            raise KnowledgeBaseError(f"knowledge folder not found: {self.folder}")
        previous = {f.source: f for f in current.files}
        listing = scan_folder(self.folder, self.settings.knowledge.max_file_bytes)
        listed, problems = listing.files, listing.problems
        results: list[FileResult] = []
        for source, path in listed:
            try:
                data = read_file(path, self.settings.knowledge.max_file_bytes)
            except OSError as exc:
                problems.append(Problem(source, read_error(exc), None, "error"))
                if source in previous and previous[source].document is not None:
                    results.append(previous[source])
                    report.broken.append(source)
                continue
            old = previous.get(source)
            if old is not None and old.content_hash == content_hash(data) and not reparse:
                results.append(old)
                continue
            new = parse_file(source, data, self.settings.answers.max_passage_chars)
            if new.document is None and old is not None and old.document is not None:
                problems.extend(new.problems)
                problems.append(Problem(source, "kept the last good version of this file", None, "warning"))
                results.append(old)
                report.broken.append(source)
                continue
            if new.document is None:
                report.broken.append(source)  # new and broken: reported, nothing to keep
            results.append(new)
        seen = {source for source, _ in listed}
        # A folder that cannot be listed is not an empty one, and a file refused for safety (too
        # big, now a link out or a FIFO) is still there: their documents stay as they were.
        for source, old in previous.items():
            if source in seen or old.document is None:
                continue
            if listing.covers_unreadable(source) or source in listing.refused:
                results.append(old)
                report.broken.append(source)
                seen.add(source)
        results.sort(key=lambda r: tuple(r.source.split("/")))
        return results, problems

    def _refusal(self, current: Snapshot, new: Snapshot, force: bool) -> str | None:
        old_count = len(current.corpus.passages)
        new_count = len(new.corpus.passages)
        floor = self.settings.knowledge.refuse_shrink_below
        if not force and old_count and new_count < floor * old_count:
            return (
                f"the refresh would leave {new_count} of {old_count} passages (is the knowledge folder "
                f"empty or unmounted?); use --force if this is intended"
            )
        return None

    def _eval_gate(self, snapshot: Snapshot, report: RefreshReport, force: bool) -> str | None:
        path = self.folder / QUESTIONS_FILE
        if not os.path.lexists(path):
            return None
        unsafe = unsafe_reason(
            str(path), os.path.realpath(self.folder), self.settings.knowledge.max_file_bytes
        )
        if unsafe:
            report.problems.append(Problem(QUESTIONS_FILE, f"not read: {unsafe}", None, "error"))
            return None if force else f"{QUESTIONS_FILE} cannot be read: {unsafe}"
        try:
            cases = load_cases(path)
        except BotError as exc:
            report.problems.append(Problem(QUESTIONS_FILE, str(exc), None, "error"))
            return None if force else f"{QUESTIONS_FILE} cannot be read: {exc}"
        service = AnswerService(SnapshotHolder(snapshot), self.settings)
        result = evaluate(service, cases).to_json()
        report.eval = {k: result[k] for k in ("hit@1", "hit@3", "mrr", "abstention")}
        report.eval["failed"] = [
            m["q"] for m in result["misses"] if m.get("rank") != 1 or m.get("expected") == "no answer"
        ]
        floor = self.settings.knowledge.eval_min_hit1
        hit1 = result["hit@1"]
        if hit1 is not None and hit1 < floor and not force:
            names = "; ".join(report.eval["failed"][:10])
            return f"{QUESTIONS_FILE}: hit@1 {hit1:.2f} is below the floor {floor:.2f}; now failing: {names}"
        return None

    # -- watching ------------------------------------------------------------------------

    def signature(self) -> FolderState:
        """Return what identifies the folder's state cheaply: names, sizes, modification times."""
        if not self.folder.is_dir():
            return ()
        out = []
        for path in sorted(self.folder.rglob("*")):
            try:
                st = path.stat()
            except OSError:
                continue
            out.append((str(path), st.st_size, st.st_mtime_ns))
        return tuple(out)

    async def watch(self, debounce: float) -> None:
        """Refresh whenever the folder changes and then stays unchanged for ``debounce`` seconds.

        Polling: no extra dependency, and it works on network mounts where file events do
        not. The refresh goes through :meth:`refresh`, with all its checks.
        """
        seen = await asyncio.to_thread(self.signature)
        pending: FolderState | None = None
        while True:
            await asyncio.sleep(debounce)
            now = await asyncio.to_thread(self.signature)
            if now != seen and now == pending:
                try:
                    report = await self.refresh(by="the bot (knowledge.watch)", kind="automatic refresh")
                    if report.refused:
                        log.warning("automatic refresh refused: %s", report.refused)
                except BotError as exc:
                    log.error("automatic refresh failed: %s", exc)
                seen, pending = now, None
            elif now != seen:
                pending = now

    async def follow_store(self) -> bool:
        """Swap in the snapshot another process made active (``kb refresh``, ``kb rollback``).

        Return True when it did. The running bot calls this every ``knowledge.reload_seconds``,
        so every process answers from one knowledge base; the swap is the same atomic one as
        after a refresh in this process.
        """
        if self.store is None:
            return False
        async with self._lock:
            active = await self.store.active_id()
            if active is None or active == self.holder.current.snapshot_id:
                return False
            # Damaged rows: a StorageError, not a crash. Built over the snapshot in use, so only
            # the files that differ are decoded and indexed.
            snapshot = await self._load_stored(active, self.holder.current)
            self.holder.swap(snapshot)
            log.info("now answering from snapshot %s, applied by another process", active)
            return True

    # -- history -------------------------------------------------------------------------

    async def history(self) -> list[SnapshotInfo]:
        """Return the applied refreshes, newest first."""
        if self.store is None:
            return []
        return await self.store.history()

    async def info(self, snapshot_id: int | None = None) -> SnapshotInfo | None:
        """Return the history entry of a snapshot (by default the one in use), if it is stored."""
        if self.store is None:
            return None
        wanted = self.holder.current.snapshot_id if snapshot_id is None else snapshot_id
        return await self.store.info(wanted) if wanted is not None else None

    async def rollback(
        self, snapshot_id: int | None = None, *, by: str = "unknown", dry_run: bool = False
    ) -> RefreshReport:
        """Restore the files of an earlier snapshot (by default the entry before the active one).

        The restore is a new history entry (``kind`` "rollback", ``restores`` the snapshot
        whose files it uses), so history stays a true record and other processes take it in
        like any refresh. The knowledge folder is not touched: a later refresh reads it again.
        ``dry_run`` reports what would change and restores nothing.
        """
        if self.store is None:
            raise StorageError("rollback needs the database")
        if self.read_only and not dry_run:
            raise StorageError(
                f"the database cannot be written ({self.read_only}): a rollback cannot be stored; fix that first"
            )
        async with self._lock:
            start = time.perf_counter()
            current = self.holder.current
            if snapshot_id is None:
                entries = await self.store.history()
                active = next((i for i, e in enumerate(entries) if e.active), None)
                if active is None or active + 1 >= len(entries):
                    raise BotError("there is no earlier snapshot to roll back to")
                snapshot_id = entries[active + 1].id
            if snapshot_id == current.snapshot_id:
                raise BotError(f"snapshot {snapshot_id} is the one in use already")
            stored = await self.store.load(snapshot_id)
            if not stored:
                raise StorageError(f"no snapshot {snapshot_id} (see 'kb history')")
            files = [s.result for s in stored]
            snapshot = await asyncio.to_thread(self._from_store, stored, snapshot_id, current)
            report = RefreshReport(dry_run=dry_run, kind="rollback", restores=snapshot_id)
            self._count(report, snapshot)
            report.take(
                compare(current.files, files, current.corpus.roles, snapshot.corpus.roles, self.today())
            )
            if not report.changes:
                raise BotError(
                    f"snapshot {snapshot_id} holds the same knowledge base as the one in use: nothing to roll back"
                )
            if not dry_run:
                new_id = await self.store.restore(snapshot_id, by, report.summary())
                self.holder.swap(_with_id(snapshot, new_id))
                report.snapshot_id, report.applied = new_id, True
                await self._keep_image(self.holder.current)
                log.info(
                    "rolled back to the files of snapshot %s by %s (now snapshot %s)", snapshot_id, by, new_id
                )
            report.seconds = time.perf_counter() - start
            return report


def _with_id(snapshot: Snapshot, snapshot_id: int) -> Snapshot:
    return replace(snapshot, snapshot_id=snapshot_id)
