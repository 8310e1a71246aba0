"""What went wrong for members: questions declined, answered "not sure", or answered and
voted unhelpful; similar ones grouped, greetings left out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from bot.search.semantic import embed
from bot.services.current import SnapshotHolder
from bot.services.smalltalk import small_talk
from bot.storage.questions import Outcome, QuestionLog, RatedAnswer

# Cosine similarity of WordLlama sentence vectors (bot.search.semantic) from which two
# questions are in one group. Chosen on wordings such
# as "Is there a dress code?" / "What is the dress code?" (0.88) and "When does the residency
# start?" / "What is the start date of the residency?" (0.81), which belong together, against
# "When does the residency start?" / "Can I do the residency part-time?" (0.68), which do not.
SIMILAR = 0.75
EXAMPLES = 5  # wordings kept per group
CHUNK = 512  # questions compared with all others at a time


@dataclass
class Gap:
    """Similar questions that went wrong, and the passage that came closest."""

    question: str  # the most recent wording
    count: int
    declined: int = 0
    unsure: int = 0
    unhelpful: int = 0  # answered, and voted unhelpful more than helpful
    latest: str = ""  # when the most recent was asked (ISO time)
    examples: list[str] = field(default_factory=list)
    closest: str | None = None  # "source › section" of the nearest passage now
    closest_question: str | None = None

    def kinds(self) -> str:
        """Say what went wrong, e.g. "2 declined, 1 unsure"."""
        parts = [(self.declined, "declined"), (self.unsure, "unsure"), (self.unhelpful, "voted unhelpful")]
        return ", ".join(f"{n} {label}" for n, label in parts if n)


def went_wrong(outcome: Outcome) -> str | None:
    """Return how a question went wrong for the member ("declined", "unsure", "unhelpful"), or None."""
    if outcome.verdict == "none":
        return "declined"
    if outcome.verdict == "unsure":
        return "unsure"
    if outcome.unhelpful > outcome.helpful:
        return "unhelpful"
    return None


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def group_gaps(outcomes: list[Outcome], holder: SnapshotHolder) -> list[Gap]:
    """Group the questions that went wrong (newest first in ``outcomes``), most frequent first.

    Two questions are in one group when they hold the same words or their vectors are at
    least :data:`SIMILAR` close, directly or through other questions of the group (single
    linkage, so the order they were asked in does not matter). Greetings and thanks ("hi",
    stored before small talk was left out of the log) are not questions and are skipped.
    """
    wrong = [(o, kind) for o in outcomes if (kind := went_wrong(o)) and small_talk(o.question) is None]
    if not wrong:
        return []
    parent = list(range(len(wrong)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)  # the newest question names the group

    first_of: dict[str, int] = {}
    for i, (o, _) in enumerate(wrong):
        join(i, first_of.setdefault(_normal(o.question), i))
    vectors = embed([o.question for o, _ in wrong])
    for start in range(0, len(wrong), CHUNK):  # bounded memory for a long log
        close = np.argwhere(vectors[start : start + CHUNK] @ vectors.T >= SIMILAR)
        for i, j in close.tolist():
            join(start + i, j)
    gaps: dict[int, Gap] = {}
    for i, (outcome, kind) in enumerate(wrong):
        gap = gaps.setdefault(root(i), Gap(outcome.question, 0, latest=outcome.at))
        gap.count += 1
        setattr(gap, kind, getattr(gap, kind) + 1)
        if outcome.question not in gap.examples and len(gap.examples) < EXAMPLES:
            gap.examples.append(outcome.question)
    snapshot = holder.current
    engine, passages = snapshot.engine, snapshot.corpus.passages
    for gap in gaps.values():
        hits = engine.search(engine.query(gap.question), 1)
        if hits:
            p = passages[hits[0][0]]
            gap.closest = f"{p.source} › {p.section}" if p.section else p.source
            gap.closest_question = p.question
    return sorted(gaps.values(), key=lambda g: (-g.count, -_stamp(g.latest)))


def _stamp(at: str) -> float:
    """Order ISO times (a hand-edited value sorts last)."""
    digits = re.sub(r"\D", "", at)[:14]
    return float(digits) if digits else 0.0


async def find_gaps(
    log: QuestionLog, holder: SnapshotHolder, days: int
) -> tuple[list[Gap], list[RatedAnswer]]:
    """Return what went wrong in the last ``days`` days, grouped, most frequent first, and the
    passages most often voted unhelpful."""
    return group_gaps(await log.outcomes(days), holder), await log.rated(days)
