"""The composition root: build the services every front end uses from settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.config import Settings
from bot.knowledge.loader import load_folder
from bot.services.answers import AnswerService
from bot.services.knowledge import KnowledgeHolder
from bot.services.roles import RoleService
from bot.snapshot import Snapshot


@dataclass
class Services:
    """The core services, wired together."""

    settings: Settings
    holder: KnowledgeHolder
    answers: AnswerService
    roles: RoleService


def snapshot_from_folder(folder: Path, settings: Settings) -> Snapshot:
    """Parse ``folder`` and index it."""
    corpus = load_folder(folder, settings.answers.max_passage_chars)
    return Snapshot.build(corpus, settings)


def build_services(settings: Settings, snapshot: Snapshot) -> Services:
    """Wire the services around a first snapshot."""
    holder = KnowledgeHolder(snapshot)
    roles = RoleService(holder)
    return Services(settings, holder, AnswerService(holder, settings, roles), roles)
