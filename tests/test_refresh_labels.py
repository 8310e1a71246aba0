"""A refresh or rollback report's outcome is named from one table on the command line and in Discord."""

from __future__ import annotations

import pytest

from bot.cli import render_refresh
from bot.discord_bot.moderation import refresh_embed
from bot.services.lifecycle import RefreshReport
from bot.services.refresh_labels import REFRESH_LABELS, RefreshOutcome, refresh_label, refresh_outcome

REPORTS = [
    (RefreshReport(added=["a.md"], refused="hit@1 0.50 is below the floor"), RefreshOutcome.REFUSED),
    (RefreshReport(broken=["b.md"]), RefreshOutcome.UNCHANGED),
    (RefreshReport(added=["a.md"], dry_run=True), RefreshOutcome.DRY_RUN),
    (
        RefreshReport(changed=["a.md"], kind="rollback", restores=1, applied=True, snapshot_id=3),
        RefreshOutcome.ROLLED_BACK,
    ),
    (RefreshReport(added=["a.md"], applied=True, snapshot_id=2), RefreshOutcome.APPLIED),
]


@pytest.mark.parametrize(("report", "outcome"), REPORTS)
def test_both_front_ends_name_an_outcome_from_the_table(
    report: RefreshReport, outcome: RefreshOutcome
) -> None:
    assert refresh_outcome(report) is outcome
    label = refresh_label(report)
    assert label == REFRESH_LABELS[outcome].format(restores=report.restores)
    assert render_refresh(report).startswith(label)
    assert refresh_embed(report).title == label


def test_each_front_end_adds_its_own_details() -> None:
    refused, unchanged, _, rolled_back, applied = (r for r, _ in REPORTS)
    assert render_refresh(refused).splitlines()[0].endswith(": hit@1 0.50 is below the floor (0.00 s)")
    assert "1 file could not be read: it keeps its last good version" in render_refresh(unchanged)
    assert "1 file could not be read: it keeps its last good version" in str(
        refresh_embed(unchanged).description
    )
    assert render_refresh(rolled_back).startswith(
        "Rolled back to the files of snapshot 1. Applied as snapshot 3"
    )
    assert render_refresh(applied).startswith("Knowledge base refreshed. Applied as snapshot 2")
    assert refresh_embed(applied).footer.text.endswith("snapshot 2")
