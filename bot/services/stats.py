"""How the bot is doing: questions per day by outcome, helpful votes, busy hours, what goes
unanswered, and how long answers take. Behind ``kb stats`` and ``/kb stats``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np

from bot.services.current import SnapshotHolder
from bot.services.gaps import Gap, group_gaps
from bot.storage.questions import QuestionLog

TOP_GAPS = 5  # unanswered topics listed
BUSIEST = 3  # hours listed


@dataclass
class Day:
    """One day's questions by what the bot did."""

    day: date
    answered: int = 0
    unsure: int = 0
    declined: int = 0

    @property
    def total(self) -> int:
        """Return the day's questions."""
        return self.answered + self.unsure + self.declined


@dataclass
class Stats:
    """The figures of ``kb stats`` over the last ``days`` days (today included, UTC)."""

    days: int
    per_day: list[Day]
    helpful: int = 0  # votes
    unhelpful: int = 0
    hours: list[int] = field(default_factory=lambda: [0] * 24)  # questions per hour of day, UTC
    gaps: list[Gap] = field(default_factory=list)  # the top unanswered topics
    latency_p50: float | None = None  # milliseconds
    latency_p99: float | None = None

    @property
    def total(self) -> int:
        """Return all questions counted."""
        return sum(d.total for d in self.per_day)

    def count(self, outcome: str) -> int:
        """Return the questions with this outcome ("answered", "unsure", "declined")."""
        return sum(getattr(d, outcome) for d in self.per_day)

    @property
    def helpful_share(self) -> float | None:
        """Return the share of votes that said "helpful" (None without votes)."""
        votes = self.helpful + self.unhelpful
        return self.helpful / votes if votes else None

    def busiest(self) -> list[tuple[int, int]]:
        """Return the busiest hours (UTC) with their questions, busiest first."""
        ranked = sorted(range(24), key=lambda h: (-self.hours[h], h))
        return [(h, self.hours[h]) for h in ranked[:BUSIEST] if self.hours[h]]

    def to_json(self) -> dict[str, Any]:
        """Return the CLI's JSON form."""
        return {
            "days": self.days,
            "from": self.per_day[0].day.isoformat(),
            "to": self.per_day[-1].day.isoformat(),
            "questions": self.total,
            "answered": self.count("answered"),
            "unsure": self.count("unsure"),
            "declined": self.count("declined"),
            "per_day": [
                {"day": d.day.isoformat(), "answered": d.answered, "unsure": d.unsure, "declined": d.declined}
                for d in self.per_day
            ],
            "votes": {
                "helpful": self.helpful,
                "unhelpful": self.unhelpful,
                "helpful_share": self.helpful_share,
            },
            "hours_utc": self.hours,
            "busiest_hours_utc": [h for h, _ in self.busiest()],
            "top_unanswered": [
                {
                    "question": g.question,
                    "count": g.count,
                    "kinds": g.kinds(),
                    "latest": g.latest,
                    "closest": g.closest,
                }
                for g in self.gaps
            ],
            "latency_ms": {"p50": self.latency_p50, "p99": self.latency_p99},
        }

    def figures(self) -> list[str]:
        """Return the key figures in words, one a line: outcomes, votes, answer time, busiest hours.

        The one wording of them: the command line's text and the Discord embed both show these.
        """
        lines = []
        if self.total:
            lines.append(
                " · ".join(
                    f"{self.count(k)} {k} ({self.count(k) / self.total:.0%})"
                    for k in ("answered", "unsure", "declined")
                )
            )
        share = self.helpful_share
        votes = self.helpful + self.unhelpful
        lines.append(
            f"Helpful votes: {self.helpful} of {votes} ({share:.0%})" if share is not None else "No votes yet"
        )
        if self.latency_p50 is not None and self.latency_p99 is not None:
            lines.append(f"Answer time: p50 {self.latency_p50:.1f} ms · p99 {self.latency_p99:.1f} ms")
        busiest = self.busiest()
        if busiest:
            lines.append("Busiest hours (UTC): " + ", ".join(f"{h:02d}:00 ({n})" for h, n in busiest))
        return lines

    def text(self) -> str:
        """Render the figures as plain text (the same figures as the chart)."""
        first, last = self.per_day[0].day, self.per_day[-1].day
        lines = [
            f"Last {self.days} days ({first.isoformat()} to {last.isoformat()}, UTC): {self.total} questions"
        ]
        lines += [f"  {line}" for line in self.figures()]
        if self.gaps:
            lines.append("Top unanswered topics:")
            lines += [f"  {g.count:>3} × {g.question} ({g.kinds()})" for g in self.gaps]
        if self.total:
            lines.append("Per day (answered / unsure / declined):")
            width = max(d.total for d in self.per_day)
            for d in self.per_day:
                if d.total:
                    bar = _bar(d, width)
                    lines.append(
                        f"  {d.day.isoformat()} {d.total:>4} {bar:<20} {d.answered} / {d.unsure} / {d.declined}"
                    )
        return "\n".join(lines)


def _bar(day: Day, width: int, size: int = 20) -> str:
    """Draw a day as a text bar: █ answered, ▒ unsure, ░ declined, scaled to the busiest day."""
    scale = size / width if width else 0
    return (
        "█" * round(day.answered * scale)
        + "▒" * round(day.unsure * scale)
        + "░" * round(day.declined * scale)
    )


async def collect_stats(
    log: QuestionLog, holder: SnapshotHolder, days: int, now: datetime | None = None
) -> Stats:
    """Gather the figures of the last ``days`` days, today included (UTC days)."""
    now = now or datetime.now(UTC)
    today = now.astimezone(UTC).date()
    first = today - timedelta(days=days - 1)
    outcomes = [o for o in await log.outcomes(days) if o.at[:10] >= first.isoformat()]
    per_day = {first + timedelta(days=n): Day(first + timedelta(days=n)) for n in range(days)}
    hours: Counter[int] = Counter()
    for o in outcomes:
        try:
            at = datetime.fromisoformat(o.at)
        except ValueError:  # a hand-edited time: not placed in the chart
            continue
        at = at.astimezone(UTC) if at.tzinfo else at
        day = per_day.get(at.date())
        if day is None:
            continue
        kind = {"answer": "answered", "unsure": "unsure"}.get(o.verdict, "declined")
        setattr(day, kind, getattr(day, kind) + 1)
        hours[at.hour] += 1
    votes = [v for v in await log.votes(days) if v.at[:10] >= first.isoformat()]
    latencies = np.array([o.latency_ms for o in outcomes], dtype=float)
    return Stats(
        days=days,
        per_day=list(per_day.values()),
        helpful=sum(v.helpful for v in votes),
        unhelpful=sum(not v.helpful for v in votes),
        hours=[hours[h] for h in range(24)],
        gaps=group_gaps(outcomes, holder)[:TOP_GAPS],
        latency_p50=float(np.percentile(latencies, 50)) if len(latencies) else None,
        latency_p99=float(np.percentile(latencies, 99)) if len(latencies) else None,
    )
