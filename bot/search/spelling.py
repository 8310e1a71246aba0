"""Typos: a question word the knowledge base does not use is matched to one it does.

"residncy", "fellowhsip", "agnets" find what "residency", "fellowship", "agents" find. A
word is corrected only when all of these hold, so that nothing a member meant is changed:

* the knowledge base does not contain it (a word it contains is never "corrected");
* it is a word of letters, at least :data:`MIN_LENGTH` long, and not an English word
  (wordfreq Zipf frequency below :data:`ENGLISH_ZIPF`: "avocado" stays "avocado");
* exactly one best candidate among the knowledge base's own words lies within
  :func:`max_distance` edits (optimal string alignment: a swap of two letters is one edit),
  with the same first letter (typos rarely change it); a tie is broken by how common the
  candidates are in English, and an unbroken tie corrects nothing.

rapidfuzz computes the distances in C over the words bucketed by first letter.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

MIN_LENGTH = 4
ENGLISH_ZIPF = 2.0


def max_distance(word: str) -> int:
    """Return how many edits a word of this length may be away from its correction."""
    return 1 if len(word) < 8 else 2


class Speller:
    """Corrects misspelt question words against a vocabulary of surface words."""

    def __init__(self, words: Iterable[str]) -> None:
        """Index the knowledge base's words (lower-case surface forms)."""
        self.words = frozenset(words)
        buckets: dict[str, list[str]] = {}
        for word in self.words:
            if len(word) >= MIN_LENGTH - 1 and word.isalpha():
                buckets.setdefault(word[0], []).append(word)
        self._buckets = {k: sorted(v) for k, v in buckets.items()}
        self.correct = lru_cache(maxsize=20_000)(self._correct)

    def _correct(self, word: str) -> str | None:
        """Return the correction of ``word``, or None when it should stay as it is."""
        if len(word) < MIN_LENGTH or not word.isalpha() or word in self.words:
            return None
        if zipf_frequency(word, "en") >= ENGLISH_ZIPF:
            return None
        choices = self._buckets.get(word[0])
        if not choices:
            return None
        limit = max_distance(word)
        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
        if not found:
            return None
        best = min(distance for _, distance, _ in found)
        ranked = sorted(
            ((zipf_frequency(w, "en"), w) for w, distance, _ in found if distance == best), reverse=True
        )
        if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            return None
        return ranked[0][1]
