"""Pick the sentences of a passage that answer a question, in the source's own words."""

from __future__ import annotations

from bot.knowledge.chunk import split_sentences
from bot.models import Passage
from bot.search.tokenize import Tokenizer


def trim_words(text: str, limit: int, ellipsis: str = "…") -> str:
    """Cut ``text`` to at most ``limit`` characters at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - len(ellipsis))]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + ellipsis


def units(passage: Passage) -> list[str]:
    """Split a passage's text into sentences, list items kept whole."""
    out: list[str] = []
    for line in passage.text.split("\n"):
        if line.startswith("• "):
            out.append(line)
        else:
            out.extend(split_sentences(line))
    return out


def snippet(
    passage: Passage,
    concepts: list[dict[str, float]],
    tokenizer: Tokenizer,
    limit: int,
) -> str:
    """Return the run of consecutive sentences of ``passage`` that best answers, within ``limit`` characters.

    ``concepts`` has one entry per question term: the term and its synonyms, each with
    what matching it is worth. A run scores the sum over concepts of the best match it
    contains, so "pay" is answered once, by "$7,650/month" rather than by three sentences
    that each say "compensation". Among equal runs the earliest, then the longest, wins: it
    reads in the source's order with the most context. An FAQ passage leads with its
    question, which is part of what the member needs to see.
    """
    prefix = f"{passage.question}\n" if passage.question else ""
    budget = max(80, limit - len(prefix))
    parts = units(passage)
    if not parts:
        return trim_words(prefix.strip(), limit)
    part_terms = [set(tokenizer(part)) for part in parts]
    best = (-1.0, 0, 0)  # score, start, end (exclusive)
    best_key = (-1.0, 0, 0)
    for lo in range(len(parts)):
        size = -1
        present: set[str] = set()
        for hi in range(lo, len(parts)):
            size += 1 + len(parts[hi])
            if size > budget and hi > lo:
                break
            present |= part_terms[hi]
            score = sum(max((w for t, w in c.items() if t in present), default=0.0) for c in concepts)
            key = (round(score, 9), -lo, hi - lo)
            if key > best_key:
                best_key, best = key, (score, lo, hi + 1)
    _, lo, hi = best
    body = "\n".join(_join(parts[lo:hi]))
    return prefix + trim_words(body, budget)


def _join(parts: list[str]) -> list[str]:
    """Join consecutive sentences into lines again; list items stay on lines of their own."""
    lines: list[str] = []
    for part in parts:
        if part.startswith("• ") or not lines or lines[-1].startswith("• "):
            lines.append(part)
        else:
            lines[-1] = f"{lines[-1]} {part}"
    return lines
