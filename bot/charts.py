"""Draw ``kb stats`` as a PNG, readable at Discord's preview size.

matplotlib is imported here, inside the function, only when a chart is drawn (it adds a
second or so to an import and is needed by nothing else), with the Agg backend: no display,
no GUI toolkit, safe in a worker thread since each chart has its own Figure and canvas.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from bot.services.stats import Stats

if TYPE_CHECKING:  # for the annotations only: matplotlib is imported when a chart is drawn
    from matplotlib.axes import Axes

WIDTH, HEIGHT, DPI = 11.0, 6.6, 100  # 1100 × 660 px: Discord shows it about half size, so type is large
GREEN, AMBER, RED, BLUE, GREY = "#2e9d5b", "#e6a23c", "#d9534f", "#4f6bd9", "#555555"


def stats_png(stats: Stats) -> bytes:
    """Return the chart of ``stats``: questions per day by outcome, busiest hours, key figures."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI)
    FigureCanvasAgg(fig)
    grid = fig.add_gridspec(2, 2, height_ratios=(1.35, 1), width_ratios=(1.5, 1), hspace=0.55, wspace=0.12)
    fig.subplots_adjust(left=0.06, right=0.98, top=0.86, bottom=0.1)
    first, last = stats.per_day[0].day, stats.per_day[-1].day
    fig.suptitle(
        f"{stats.total} questions, last {stats.days} days ({first:%b %d} – {last:%b %d}, UTC)",
        fontsize=21,
        fontweight="bold",
        x=0.06,
        ha="left",
    )

    days = fig.add_subplot(grid[0, :])
    x = list(range(len(stats.per_day)))
    answered = [d.answered for d in stats.per_day]
    unsure = [d.unsure for d in stats.per_day]
    declined = [d.declined for d in stats.per_day]
    days.bar(x, answered, color=GREEN, label="answered", width=0.8)
    days.bar(x, unsure, bottom=answered, color=AMBER, label="unsure", width=0.8)
    days.bar(
        x,
        declined,
        bottom=[a + u for a, u in zip(answered, unsure, strict=True)],
        color=RED,
        label="declined",
        width=0.8,
    )
    step = max(1, len(x) // 7)
    days.set_xticks(x[::-1][::step][::-1], [f"{d.day:%b %d}" for d in stats.per_day][::-1][::step][::-1])
    days.set_title("Questions per day", fontsize=18, loc="left")
    days.legend(fontsize=15, loc="upper left", frameon=False, ncols=3)
    days.set_ylim(0, max([d.total for d in stats.per_day] + [1]) * 1.35)  # room for the legend
    _style(days)

    hours = fig.add_subplot(grid[1, 0])
    hours.bar(range(24), stats.hours, color=BLUE, width=0.8)
    hours.set_xticks(range(0, 24, 3), [f"{h:02d}" for h in range(0, 24, 3)])
    hours.set_xlim(-0.6, 23.6)
    hours.set_ylim(0, max([*stats.hours, 1]) * 1.1)
    hours.set_title("Busiest hours (UTC)", fontsize=18, loc="left")
    _style(hours)

    figures = fig.add_subplot(grid[1, 1])
    figures.axis("off")
    share = stats.helpful_share
    votes = stats.helpful + stats.unhelpful
    lines = [
        ("answered", f"{stats.count('answered') / stats.total:.0%}" if stats.total else "–", GREEN),
        (
            "helpful votes",
            f"{share:.0%} of {votes}" if share is not None else "no votes",
            GREEN if votes else GREY,
        ),
        (
            "answer time, p50 · p99",
            f"{_ms(stats.latency_p50)} · {_ms(stats.latency_p99)}" if stats.latency_p50 is not None else "–",
            GREY,
        ),
    ]
    for n, (label, value, colour) in enumerate(lines):
        y = 0.92 - n * 0.36
        figures.text(0.02, y, label, fontsize=15, color=GREY, transform=figures.transAxes, va="top")
        figures.text(
            0.02,
            y - 0.13,
            value,
            fontsize=22,
            fontweight="bold",
            color=colour,
            transform=figures.transAxes,
            va="top",
        )

    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, facecolor="white")
    return out.getvalue()


def _ms(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"


def _style(ax: Axes) -> None:
    ax.tick_params(labelsize=15)
    ax.spines[["top", "right"]].set_visible(False)
    from matplotlib.ticker import MaxNLocator

    locator = ax.yaxis.get_major_locator()
    if isinstance(locator, MaxNLocator):  # the default AutoLocator is one: whole counts only
        locator.set_params(integer=True)
    ax.grid(axis="y", alpha=0.3)
