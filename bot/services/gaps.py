"""What the knowledge base is missing: unanswered questions grouped, and unhelpful answers."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.services.knowledge import KnowledgeHolder
from bot.storage.questions import QuestionLog, RatedAnswer

SIMILAR = 0.5  # Jaccard overlap of content terms above which two questions are grouped


@dataclass
class Gap:
    """Similar unanswered questions and the passage that came closest."""

    question: str  # the most recent wording
    count: int
    examples: list[str] = field(default_factory=list)
    closest: str | None = None  # "source › section" of the nearest passage
    closest_question: str | None = None


async def find_gaps(
    log: QuestionLog, holder: KnowledgeHolder, days: int
) -> tuple[list[Gap], list[RatedAnswer]]:
    """Return the unanswered questions of the last ``days`` days grouped, most frequent first,
    and the answers most often voted unhelpful."""
    engine = holder.current.engine
    passages = holder.current.corpus.passages
    groups: list[tuple[set[str], Gap]] = []
    for asked in await log.unanswered(days):
        terms = set(engine.query(asked.question).unique_terms)
        for group_terms, gap in groups:
            union = group_terms | terms
            if union and len(group_terms & terms) / len(union) >= SIMILAR:
                gap.count += 1
                if asked.question not in gap.examples and len(gap.examples) < 5:
                    gap.examples.append(asked.question)
                break
        else:
            groups.append((terms, Gap(asked.question, 1, [asked.question])))
    gaps = [gap for _, gap in groups]
    for gap in gaps:
        hits = engine.search(engine.query(gap.question), 1)
        if hits:
            p = passages[hits[0][0]]
            gap.closest = f"{p.source} › {p.section}" if p.section else p.source
            gap.closest_question = p.question
    gaps.sort(key=lambda g: -g.count)
    return gaps, await log.rated(days)
