"""How specific a word is in everyday English, from wordfreq's word frequencies.

The knowledge base is small, so its own idf says little about ordinary words: "become"
may occur in one passage and look rare, though it says nothing about the topic of
"How do people become Fellows?". wordfreq's Zipf frequency (log10 of occurrences per
billion words: "the" is about 7.7, "people" 6.3, "residency" 3.7) is a background model of
English; ``7 - zipf`` turns it into a weight that is high for topical words.
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

CEILING = 7.0
FLOOR = 0.5


@lru_cache(maxsize=100_000)
def specificity(word: str) -> float:
    """Return how topical ``word`` is: about 0.5 for the commonest words, 7 for unknown ones."""
    return max(FLOOR, CEILING - zipf_frequency(word, "en"))
