"""Measure retrieval on a question file (the format of shared/eval/dev-questions.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import BotError
from bot.knowledge.frontmatter import FrontMatterError, load_yaml
from bot.models import Answer
from bot.services.answers import AnswerService


@dataclass(frozen=True, slots=True)
class Case:
    """One question and what a right answer shows."""

    question: str
    answerable: bool = True
    source: str | None = None
    evidence: tuple[str, ...] = ()


@dataclass(slots=True)
class Report:
    """Scores over a question file, and what went wrong."""

    answerable: int = 0
    unanswerable: int = 0
    hit1: int = 0
    hit3: int = 0
    reciprocal: float = 0.0
    declined: int = 0
    misses: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        """Return the CLI's JSON form."""
        return {
            "hit@1": self.rate(self.hit1, self.answerable),
            "hit@3": self.rate(self.hit3, self.answerable),
            "mrr": round(self.reciprocal / self.answerable, 4) if self.answerable else None,
            "abstention": self.rate(self.declined, self.unanswerable),
            "answerable": self.answerable,
            "unanswerable": self.unanswerable,
            "misses": self.misses,
        }

    @staticmethod
    def rate(n: int, d: int) -> float | None:
        """Return n/d rounded, or None when there is nothing to divide by."""
        return round(n / d, 4) if d else None


def load_cases(path: Path) -> list[Case]:
    """Read a question file; raise BotError naming the entry that is malformed."""
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"), max_nodes=1_000_000, max_chars=50_000_000)
    except (OSError, UnicodeDecodeError) as exc:
        raise BotError(f"{path}: cannot read question file: {exc}") from None
    except FrontMatterError as exc:  # bad YAML, an invalid date, an alias bomb: with its line
        message = str(exc).replace("in front matter", "").replace("front matter", "the file")
        raise BotError(f"{path}:{exc.line}: {' '.join(message.split())}") from None
    if not isinstance(raw, list):
        raise BotError(f"{path}: a question file is a list of entries with 'q'")
    cases = []
    for n, entry in enumerate(raw, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("q"), str):
            raise BotError(f"{path}: entry {n} has no 'q' question")
        evidence = entry.get("evidence") or []
        if isinstance(evidence, str):
            evidence = [evidence]
        cases.append(
            Case(
                question=entry["q"],
                answerable=entry.get("answerable", True) is not False,
                source=str(entry["source"]) if entry.get("source") else None,
                evidence=tuple(str(e) for e in evidence),
            )
        )
    return cases


def citation_ok(case: Case, answer: Answer, rank: int) -> bool:
    """Tell whether the citation at ``rank`` (0-based) is a right answer to ``case``."""
    if rank >= len(answer.citations):
        return False
    c = answer.citations[rank]
    if case.source and case.source.casefold() not in f"{c.source} {c.title}".casefold():
        return False
    if case.evidence:
        return any(e.casefold() in c.snippet.casefold() for e in case.evidence)
    return True


def evaluate(service: AnswerService, cases: list[Case]) -> Report:
    """Ask every case and score the answers."""
    report = Report()
    for case in cases:
        answer = service.ask(case.question)
        if not case.answerable:
            report.unanswerable += 1
            if not answer.answered:
                report.declined += 1
            else:
                report.misses.append({"q": case.question, "expected": "no answer", "cited": _cited(answer)})
            continue
        report.answerable += 1
        rank = next((r for r in range(3) if answer.answered and citation_ok(case, answer, r)), None)
        if rank is not None:
            report.hit3 += 1
            report.reciprocal += 1 / (rank + 1)
            report.hit1 += rank == 0
        if rank != 0:
            report.misses.append(
                {
                    "q": case.question,
                    "expected": {"source": case.source, "evidence": list(case.evidence)},
                    "cited": _cited(answer) if answer.answered else "no answer",
                    "rank": None if rank is None else rank + 1,
                }
            )
    return report


def _cited(answer: Answer) -> list[dict]:
    return [{"source": c.source, "section": c.section, "snippet": c.snippet} for c in answer.citations[:3]]
