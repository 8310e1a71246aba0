"""What a refresh or rollback report is called: one table for the command line and Discord.

Each front end adds its own details (the reason refused, the snapshot's id, colours), but a
report's outcome is named in the same words everywhere.
"""

from __future__ import annotations

from enum import StrEnum

from bot.services.lifecycle import RefreshReport


class RefreshOutcome(StrEnum):
    """What came of a refresh or rollback."""

    REFUSED = "refused"
    UNCHANGED = "unchanged"
    DRY_RUN = "dry run"
    ROLLED_BACK = "rolled back"
    APPLIED = "applied"


# The outcome's label; ``{restores}`` is the snapshot whose files a rollback restored.
REFRESH_LABELS: dict[RefreshOutcome, str] = {
    RefreshOutcome.REFUSED: "Refresh refused — members still get the previous knowledge base",
    RefreshOutcome.UNCHANGED: "Nothing to apply: no document changed",
    RefreshOutcome.DRY_RUN: "Dry run — nothing applied",
    RefreshOutcome.ROLLED_BACK: "Rolled back to the files of snapshot {restores}",
    RefreshOutcome.APPLIED: "Knowledge base refreshed",
}


def refresh_outcome(report: RefreshReport) -> RefreshOutcome:
    """Say what came of ``report``: refused, nothing changed, a dry run, or applied."""
    if report.refused:
        return RefreshOutcome.REFUSED
    if not report.changes:
        return RefreshOutcome.UNCHANGED
    if report.dry_run:
        return RefreshOutcome.DRY_RUN
    if report.kind == "rollback":
        return RefreshOutcome.ROLLED_BACK
    return RefreshOutcome.APPLIED


def refresh_label(report: RefreshReport) -> str:
    """Return the label of ``report``'s outcome, from :data:`REFRESH_LABELS`."""
    return REFRESH_LABELS[refresh_outcome(report)].format(restores=report.restores)


def broken_note(count: int) -> str:
    """Say that ``count`` files could not be read and keep their last good version."""
    files = "1 file" if count == 1 else f"{count} files"
    keep = "it keeps its" if count == 1 else "they keep their"
    return f"{files} could not be read: {keep} last good version (see the errors)"
