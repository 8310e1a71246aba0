"""Which roles to announce: newly opened ones once, and a reminder once before one closes.

The decision is pure (roles, today, what was already handled); the Discord front end posts
what it returns and records each post, so a restart never repeats one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from bot.models import Role

BASELINE = "baseline"  # recorded once: roles open before announcing began are not announced


@dataclass(frozen=True, slots=True)
class Announcement:
    """One message to post about a role."""

    kind: Literal["opened", "closing"]
    role: Role
    keys: tuple[str, ...]  # what is recorded once it is posted


def opened_key(role: Role) -> str:
    """Return the record key of a role's opening."""
    return f"opened:{role.id}"


def closing_key(role: Role) -> str:
    """Return the record key of a role's closing reminder (a new date gets a new reminder)."""
    return f"closing:{role.id}:{role.closes.isoformat() if role.closes else ''}"


def baseline(roles: Iterable[Role], today: date) -> list[tuple[str, str | None, bool]]:
    """Return the records that mark the roles open now as known, without announcing them.

    Used the first time announcing is on, so a new channel is not flooded with every role
    that was open before: only roles opened by later refreshes are announced.
    """
    rows: list[tuple[str, str | None, bool]] = [(BASELINE, None, False)]
    rows += [(opened_key(r), r.id, False) for r in roles if r.is_open(today)]
    return rows


def pending(
    roles: Iterable[Role], today: date, known: set[str], *, closing_soon_days: int, max_age_days: int
) -> list[Announcement]:
    """Return what to post now: each open role not yet announced (stale ones never), and a
    reminder for each open role closing within ``closing_soon_days`` (0: no reminders)."""
    out: list[Announcement] = []
    for role in roles:
        if not role.is_open(today) or role.is_stale(today, max_age_days):
            continue
        closing_soon = (
            closing_soon_days > 0
            and role.closes is not None
            and (role.closes - today).days <= closing_soon_days
        )
        if opened_key(role) not in known:
            # an opening that already closes soon says so: no separate reminder after it
            keys = (opened_key(role), closing_key(role)) if closing_soon else (opened_key(role),)
            out.append(Announcement("opened", role, keys))
        elif closing_soon and closing_key(role) not in known:
            out.append(Announcement("closing", role, (closing_key(role),)))
    return out
