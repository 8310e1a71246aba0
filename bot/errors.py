"""Domain errors raised by the core and reported in one place by each front end."""

from __future__ import annotations


class BotError(Exception):
    """Base class for errors that carry a message fit to show to a person."""


class ConfigError(BotError):
    """The configuration file is missing, unreadable or has an invalid key."""

    def __init__(self, message: str, *, key: str | None = None, path: str | None = None) -> None:
        where = " ".join(part for part in (path and f"{path}:", key and f"'{key}'") if part)
        super().__init__(f"{where} {message}".strip() if where else message)
        self.key = key
        self.path = path


class KnowledgeBaseError(BotError):
    """The knowledge base cannot be loaded at all (for example, its folder is missing)."""


class QuestionError(BotError):
    """A question that cannot be answered as asked (empty, too long)."""


class StorageError(BotError):
    """The database cannot be opened, read or written."""
