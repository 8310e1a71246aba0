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
CAP = 5.0  # words English never uses (product names) are topical, but no more than rare words
FLOOR = 0.5


# Verbs and adjectives that frame a question rather than say what it is about ("Is there a
# fee to *join*?", "How do I *become* a Fellow?"). Their specificity is scaled by LIGHT.
LIGHT_WORDS = frozenset(
    """join joining joined become becoming became get getting got need needs needed want wants
    make making take taking give giving go going come coming find use using help happen mean
    means able possible allowed allow let try keep put say ask asking asked like include includes
    included including offer offers offered provide provides provided""".split()
)
LIGHT = 0.3

# Nouns that only say a question is about a posting ("is the warehouse *job* union?"): a
# passage that has them and the posting's name has nothing of what is asked.
FRAME_WORDS = frozenset("job jobs role roles position positions vacancy vacancies opening openings".split())


@lru_cache(maxsize=100_000)
def specificity(word: str) -> float:
    """Return how topical ``word`` is: about 0.5 for the commonest words, up to CAP for unknown ones."""
    value = min(CAP, max(FLOOR, CEILING - zipf_frequency(word, "en")))
    return value * LIGHT if word in LIGHT_WORDS else value
