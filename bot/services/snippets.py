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
    weights: dict[str, float],
    tokenizer: Tokenizer,
    limit: int,
) -> str:
    """Return the best run of consecutive sentences of ``passage``, at most ``limit`` characters.

    ``weights`` maps query terms (synonyms included) to how much matching them is worth.
    The run starts at the sentence that matches most, then grows forwards and backwards
    while it fits, so the answer reads in the source's order. An FAQ passage leads with
    its question, which is part of what the member needs to see.
    """
    prefix = f"{passage.question}\n" if passage.question else ""
    budget = max(80, limit - len(prefix))
    parts = units(passage)
    if not parts:
        return trim_words(prefix.strip(), limit)
    scores = []
    for i, part in enumerate(parts):
        terms = set(tokenizer(part))
        # earlier sentences win ties: the first sentence of an answer is usually the answer
        scores.append((sum(weights.get(t, 0.0) for t in terms), -i))
    best = max(range(len(parts)), key=lambda i: scores[i])
    lo = hi = best
    size = len(parts[best])
    while True:
        grown = False
        if hi + 1 < len(parts) and size + 1 + len(parts[hi + 1]) <= budget:
            hi += 1
            size += 1 + len(parts[hi])
            grown = True
        elif lo > 0 and size + 1 + len(parts[lo - 1]) <= budget and scores[lo - 1][0] > 0:
            lo -= 1
            size += 1 + len(parts[lo])
            grown = True
        if not grown:
            break
    body = "\n".join(_join(parts[lo : hi + 1]))
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
