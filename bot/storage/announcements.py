"""What the bot announced in its announcement channel, so nothing is posted twice."""

from __future__ import annotations

from datetime import UTC, datetime

import aiosqlite


class AnnouncementLog:
    """The announcements table: one row per role opening or closing reminder handled."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self.db = db

    async def known(self) -> set[str]:
        """Return the keys already handled (posted, or noted without posting)."""
        async with self.db.execute("SELECT key FROM announcements") as cur:
            return {row[0] for row in await cur.fetchall()}

    async def record(self, entries: list[tuple[str, str | None, bool]]) -> None:
        """Record ``(key, role_id, posted)`` entries in one transaction (existing keys stay)."""
        if not entries:
            return
        at = datetime.now(UTC).isoformat(timespec="seconds")
        await self.db.execute("BEGIN IMMEDIATE")
        try:
            await self.db.executemany(
                "INSERT OR IGNORE INTO announcements (key, role_id, at, posted) VALUES (?, ?, ?, ?)",
                [(key, role_id, at, int(posted)) for key, role_id, posted in entries],
            )
            await self.db.execute("COMMIT")
        except BaseException:
            await self.db.execute("ROLLBACK")
            raise
