"""The composition root: build the services every front end uses from settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import aiosqlite

from bot.config import Settings
from bot.documents.loader import assemble, read_folder
from bot.services.answers import AnswerService
from bot.services.asking import QuestionDesk
from bot.services.conversations import Conversations
from bot.services.current import SnapshotHolder
from bot.services.lifecycle import KnowledgeBaseService
from bot.services.roles import RoleService
from bot.snapshot import Snapshot
from bot.storage.conversations import ConversationLog
from bot.storage.database import open_database, read_only_reason
from bot.storage.questions import QuestionLog
from bot.storage.snapshots import SnapshotStore


@dataclass
class Services:
    """The core services, wired together."""

    settings: Settings
    holder: SnapshotHolder
    answers: AnswerService
    roles: RoleService


def snapshot_from_folder(folder: Path, settings: Settings) -> Snapshot:
    """Parse ``folder`` and index it."""
    results, problems = read_folder(
        folder, settings.answers.max_passage_chars, settings.knowledge.max_file_bytes
    )
    return Snapshot.from_files(assemble(results, problems), results, settings)


def build_services(settings: Settings, snapshot: Snapshot) -> Services:
    """Wire the services around a first snapshot."""
    return _wire(settings, SnapshotHolder(snapshot))


def _wire(settings: Settings, holder: SnapshotHolder) -> Services:
    roles = RoleService(holder, max_age_days=settings.roles.max_age_days)
    return Services(settings, holder, AnswerService(holder, settings, roles), roles)


@dataclass
class Runtime:
    """Services plus what lives beside them: the database, the lifecycle, the question log, and
    the desk that answers and records questions for every front end."""

    services: Services
    knowledge_base: KnowledgeBaseService
    questions: QuestionLog
    desk: QuestionDesk
    db: aiosqlite.Connection | None = None
    conversations: Conversations = field(default_factory=lambda: Conversations(None, 0))

    async def close(self) -> None:
        """Close the database."""
        if self.db is not None:
            await self.db.close()
            self.db = None


async def start_runtime(
    settings: Settings,
    *,
    folder: Path | None = None,
    use_store: bool = True,
    writable: bool = False,
    author: str = "first start",
) -> Runtime:
    """Open the database (unless ``use_store`` is False) and load the knowledge snapshot.

    With a store, the last stored snapshot is used (built from the folder on first start);
    without one, ``folder`` (or the configured folder) is read directly. A database that can
    only be read is opened read-only (answers still work) unless ``writable`` is asked for.
    ``author`` is who a first start's snapshot is recorded as made by.
    """
    db = await open_database(settings.database, allow_read_only=not writable) if use_store else None
    try:
        store = SnapshotStore(db, settings.database) if db is not None else None
        read_only = read_only_reason(db) if db is not None else None
        knowledge_base = await KnowledgeBaseService.open(
            settings, store, folder=folder, read_only=read_only, by=author
        )
        services = _wire(settings, knowledge_base.holder)
        writable = read_only is None
        conversations = Conversations(
            ConversationLog(db, writable=writable) if db is not None else None,
            settings.answers.conversation_minutes,
        )
        questions = QuestionLog(db, writable=writable)
        desk = QuestionDesk(services.answers, questions)
        return Runtime(services, knowledge_base, questions, desk, db, conversations)
    except BaseException:
        if db is not None:
            await db.close()
        raise
