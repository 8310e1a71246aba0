"""Holds the current snapshot; a refresh swaps it in one assignment."""

from __future__ import annotations

from bot.snapshot import Snapshot


class SnapshotHolder:
    """The knowledge base in use right now.

    Readers take ``current`` once per request and use that snapshot throughout, so a
    request answered during a refresh sees the old or the new knowledge base, never a mix.
    """

    def __init__(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot

    @property
    def current(self) -> Snapshot:
        """Return the snapshot in use."""
        return self._snapshot

    def swap(self, snapshot: Snapshot) -> Snapshot:
        """Put ``snapshot`` in use and return the one it replaces."""
        old, self._snapshot = self._snapshot, snapshot
        return old
