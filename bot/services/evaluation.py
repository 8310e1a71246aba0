"""Measure retrieval on a question file (the format: README, "Question files")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from bot.documents.frontmatter import FrontMatterError, load_yaml
from bot.errors import BotError
from bot.models import Answer, Citation, Passage
from bot.services.answers import RANK_WEIGHTS, AnswerService
from bot.services.decision import Model, fit


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
    unsure: int = 0  # answerable questions that got "not sure" (the first citation may be right)
    unsure_right: int = 0  # ... of which the first citation shown is a right one
    unsure_shown: int = 0  # ... of which any citation shown (the closest, or one under it) is a right one
    wrong: int = 0  # answerable questions answered with a wrong first citation
    # The ranking apart from the decision: answerable questions whose best candidate, cited as
    # it would be, is a right answer whatever the verdict (what hit@1 would be if every best
    # candidate were answered), and those with one among the best three.
    ranked1: int = 0
    ranked3: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the CLI's JSON form."""
        return {
            "hit@1": self.rate(self.hit1, self.answerable),
            "hit@3": self.rate(self.hit3, self.answerable),
            "mrr": round(self.reciprocal / self.answerable, 4) if self.answerable else None,
            "abstention": self.rate(self.declined, self.unanswerable),
            "answered_wrong": self.wrong,
            "unsure": self.unsure,
            "unsure_right": self.unsure_right,
            "unsure_shown": self.unsure_shown,
            "ranked@1": self.rate(self.ranked1, self.answerable),
            "ranked@3": self.rate(self.ranked3, self.answerable),
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


def citation_ok(case: Case, answer: Answer | Citation, rank: int) -> bool:
    """Tell whether the citation at ``rank`` (0-based) is a right answer to ``case``."""
    citations = (answer,) if isinstance(answer, Citation) else answer.citations
    if rank >= len(citations):
        return False
    c = citations[rank]
    if case.source and case.source.casefold() not in f"{c.source} {c.title}".casefold():
        return False
    if case.evidence:
        shown = _comparable(c.snippet)
        return any(_comparable(e) in shown for e in case.evidence)
    return True


_MARKUP = str.maketrans("", "", "*_`\\")


def _comparable(text: str) -> str:
    """Return ``text`` as evidence is compared (the question files' header): lowercased,
    without ``* _ ` \\``, whitespace collapsed."""
    return " ".join(text.casefold().translate(_MARKUP).split())


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
                report.misses.append(
                    {"q": case.question, "expected": "no answer", "cited": _cited(answer), "verdict": answer.verdict}
                )
            continue
        report.answerable += 1
        report.unsure += answer.verdict == "unsure"
        # Not a hit: "not sure" counts as a decline. Counted apart, it tells a ranking miss
        # (a wrong passage first) from a confidence miss (the right one, not trusted).
        report.unsure_right += answer.verdict == "unsure" and citation_ok(case, answer, 0)
        report.unsure_shown += answer.verdict == "unsure" and any(
            citation_ok(case, answer, r) for r in range(len(answer.citations))
        )
        rank = next((r for r in range(3) if answer.answered and citation_ok(case, answer, r)), None)
        report.wrong += answer.answered and rank != 0
        if rank is not None:
            report.hit3 += 1
            report.reciprocal += 1 / (rank + 1)
            report.hit1 += rank == 0
        ranked = 0 if rank == 0 else _ranked(service, case)
        report.ranked1 += ranked == 0
        report.ranked3 += ranked is not None
        if rank != 0:
            report.misses.append(
                {
                    "q": case.question,
                    "expected": {"source": case.source, "evidence": list(case.evidence)},
                    "cited": _cited(answer) if answer.citations else "no answer",
                    "verdict": answer.verdict,
                    "rank": None if rank is None else rank + 1,
                }
            )
    return report


def _ranked(service: AnswerService, case: Case, depth: int = 3) -> int | None:
    """Return the rank (0-based) of the first right one among the best ``depth`` candidates
    for ``case``, each cited as an answer would cite it, whatever the verdict; None if none is."""
    seen = service.consider(service.clean_question(case.question))
    return next(
        (r for r in range(min(depth, len(seen.candidates))) if citation_ok(case, service.cite_candidate(seen, r), 0)),
        None,
    )


def _cited(answer: Answer) -> list[dict[str, Any]]:
    return [{"source": c.source, "section": c.section, "snippet": c.snippet} for c in answer.citations[:3]]


# -- calibration -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Calibration:
    """The fitted decision and ranking weights, with what they score on the calibration questions."""

    model: Model
    rank_weights: dict[str, float]
    passage_hit1: float  # share of answerable questions whose first candidate is a right passage
    samples: int


def _passage_ok(case: Case, passage: Passage) -> bool:
    """Tell whether a passage is a right one for ``case`` (right document, evidence in its text)."""
    if case.source and case.source.casefold() not in f"{passage.source} {passage.title}".casefold():
        return False
    text = _comparable(f"{passage.question or ''} {passage.text}")
    return not case.evidence or any(_comparable(e) in text for e in case.evidence)


def _neighbourhood_mean(values: np.ndarray) -> np.ndarray:
    """Return each cell's mean over the cells at most one step away on every axis (the 3 × 3 × …
    block around it, edges repeated): one 3-point mean per axis in turn."""
    out = values.astype(np.float64)
    for axis in range(values.ndim):
        padded = np.pad(out, [(1, 1) if a == axis else (0, 0) for a in range(values.ndim)], mode="edge")
        n = values.shape[axis]
        out = (
            np.take(padded, range(0, n), axis=axis)
            + np.take(padded, range(1, n + 1), axis=axis)
            + np.take(padded, range(2, n + 2), axis=axis)
        ) / 3
    return out


def calibrate(
    sets: Sequence[tuple[AnswerService, list[Case]]], grid: Sequence[float] = (0.0, 0.5, 1.0, 2.0, 3.0)
) -> Calibration:
    """Fit the ranking weights and the answer/decline model on labelled questions.

    ``sets`` pairs each question file with a service over its own knowledge base.

    1. Ranking: every combination of ``grid`` values for the weights of
       :data:`bot.services.answers.RANK_WEIGHTS` (the BM25 weight fixed at 1) is scored by
       how many answerable questions get a right passage first, averaged over the
       combinations at most one grid step away on each weight; the best wins (ties: the most hits, then the smallest weights).
    2. Decision: with that ranking, each question's first candidate is cited; label 1 when
       the citation is right (:func:`citation_ok`), else 0; :func:`bot.services.decision.fit`
       fits the model and sets the thresholds on the questions that must be declined.
    """
    import itertools

    names = list(RANK_WEIGHTS)
    combos = np.asarray([(1.0, *values) for values in itertools.product(grid, repeat=len(names) - 1)])
    hits = np.zeros(len(combos), dtype=np.int64)
    answerable = 0
    for service, cases in sets:
        passages = service.holder.current.corpus.passages
        for case in cases:
            if not case.answerable:
                continue
            answerable += 1
            seen = service.consider(service.clean_question(case.question))
            if not seen.candidates:
                continue
            signals = np.asarray([[getattr(c, k) for k in names] for c in seen.candidates])
            right = np.asarray([_passage_ok(case, passages[c.position]) for c in seen.candidates])
            hits += right[np.argmax(signals @ combos.T, axis=0)]
    # Many combinations come within a question or two of the best (the landscape is flat), so
    # the raw best flips with any small change. A combination is judged with every combination
    # at most one grid step away on each weight: the middle of a broad plateau, not a lucky point.
    smooth = _neighbourhood_mean(hits.reshape((len(grid),) * (len(names) - 1))).ravel()
    order = np.lexsort((combos.sum(axis=1), -hits, -np.round(smooth, 9)))
    weights = {k: float(v) for k, v in zip(names, combos[order[0]], strict=True)}
    samples, labels, negatives = [], [], []
    for service, cases in sets:
        tuned = AnswerService(service.holder, service.settings, service.roles, service.model, rank_weights=weights)
        for case in cases:
            seen = tuned.consider(tuned.clean_question(case.question))
            if seen.evidence is None:
                continue
            samples.append(seen.evidence)
            labels.append(int(case.answerable and citation_ok(case, tuned.cite_candidate(seen), 0)))
            negatives.append(not case.answerable)
    return Calibration(
        fit(samples, labels, negatives),
        weights,
        int(hits[order[0]]) / answerable if answerable else 0.0,
        len(samples),
    )
