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

When no word of the knowledge base is that close, the candidates are the common English
words (wordfreq's :data:`ENGLISH_WORDS` commonest) that share a stem with one of its words:
"acess" becomes "access", which finds "accessible"; "appying" becomes "applying", which
finds "apply". Nothing else is ever a correction, so a typo is only ever turned into a
form of a word the documents use. That list is built the first time it is needed, once per
process; its stems per knowledge base, the first time a word needs them.

rapidfuzz computes the distances in C over the words bucketed by first letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import Stemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA
from wordfreq import top_n_list, zipf_frequency

MIN_LENGTH = 4
# American and British spellings of one word ("theater" and "theatre", "color" and
# "colour", "organize" and "organise", "analyze" and "analyse", "license" and "licence",
# "traveled" and "travelled", "catalog" and "catalogue"): each ending, and what it is written
# as in the other spelling
_SPELLINGS = (
    (re.compile(r"(?<=[bcdgmtv])er(s?)$"), r"re\1"),
    (re.compile(r"(?<=[bcdgmtv])re(s?)$"), r"er\1"),
    (re.compile(r"(?:(?<=[bdglmnv])|(?<=vi))or(s|ed|ing|ite|ites|able|al)?$"), r"our\1"),
    (re.compile(r"our(s|ed|ing|ite|ites|able|al)?$"), r"or\1"),
    (re.compile(r"iz(e|es|ed|ing|ation|ations)$"), r"is\1"),
    (re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"yz(e|es|ed|ing)$"), r"ys\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=[cf])ense(s?)$"), r"ence\1"),
    (re.compile(r"(?<=[cf])ence(s?)$"), r"ense\1"),
    (re.compile(r"(?<=[aeiou])l(ed|ing|er|ers)$"), r"ll\1"),
    (re.compile(r"(?<=[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"(?<=lo)g(s?)$"), r"gue\1"),
    (re.compile(r"(?<=lo)gue(s?)$"), r"g\1"),
)
# Chat shorthand for common English words, written out when the knowledge base does not
# use the short form itself: "how many ppl get in each yr" asks what "people" and "year" ask.
SHORTHAND: dict[str, str] = {
    "u": "you", "ur": "your", "r": "are", "pls": "please", "plz": "please", "ppl": "people",
    "yr": "year", "yrs": "years", "hr": "hour", "hrs": "hours", "wk": "week", "wks": "weeks",
    "mo": "month", "mos": "months", "mth": "month", "mths": "months", "info": "information",
    "uni": "university", "govt": "government", "intl": "international", "exp": "experience",
    "req": "requirement", "reqs": "requirements", "dept": "department", "approx": "approximately",
    "b4": "before", "bc": "because", "cuz": "because", "coz": "because", "thx": "thanks",
    "tho": "though", "abt": "about", "tmrw": "tomorrow", "msg": "message", "mgmt": "management",
    "hq": "headquarters", "jr": "junior", "sr": "senior", "mgr": "manager", "asst": "assistant",
    "apps": "applications", "langs": "languages", "lang": "language", "auth": "authorization", "merch": "merchandise",
    "quals": "qualifications", "recs": "recommendations", "refs": "references", "bday": "birthday", "nyc": "new york",
    "sal": "salary", "amt": "amount", "hols": "holidays", "appr": "apprenticeship", "coord": "coordinator",
    "admin": "administrator", "ops": "operations", "eng": "engineer", "engs": "engineers", "sci": "science",
    "chem": "chemistry", "lib": "library", "dev": "developer", "devs": "developers",
    "wat": "what", "wats": "whats", "wut": "what", "wot": "what", "wht": "what", "hw": "how", "mny": "many",
    "wen": "when", "whn": "when", "whr": "where", "wich": "which", "whch": "which", "lvl": "level",
    # months, as dates are written short ("the feb intake"); "may" is its own word
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
    "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
    "dec": "december",
}
ENGLISH_ZIPF = 2.0
MISSPELLING_ZIPF = 2.8  # a word rarer than this may be a misspelling English text has too ...
MISSPELLING_GAP = 1.5  # ... of a word one edit away that is this much commoner (Zipf)
ENGLISH_WORDS = 60_000  # the commonest English words that may stand in for a form the documents lack

_stemmer = Stemmer.Stemmer("english")


def spelling_variants(word: str) -> list[str]:
    """Return ``word`` as the other of American and British spelling may write it (see
    :data:`_SPELLINGS`): "theater" gives "theatre", "colours" "colors"."""
    out = []
    for pattern, other in _SPELLINGS:
        variant = pattern.sub(other, word, count=1)
        if variant != word:
            out.append(variant)
    return out


@lru_cache(maxsize=1)
def _english_by_stem() -> dict[str, tuple[str, ...]]:
    """Return the commonest English words of letters, grouped by their stem."""
    words = [w for w in top_n_list("en", ENGLISH_WORDS) if len(w) >= MIN_LENGTH and w.isalpha()]
    grouped: dict[str, list[str]] = {}
    for word, stem in zip(words, _stemmer.stemWords(words), strict=True):
        grouped.setdefault(stem, []).append(word)
    return {stem: tuple(ws) for stem, ws in grouped.items()}


def max_distance(word: str) -> int:
    """Return how many edits a word of this length may be away from its correction."""
    return 1 if len(word) < 8 else 2


_VOWELS = frozenset("aeiouy")


def _slip(typed: str, word: str) -> bool:
    """Tell whether ``typed`` is ``word`` with one of the slips common misspellings make: a
    letter left out or doubled ("accomodation", "untill"), two letters swapped ("recieve"),
    or one vowel for another ("seperate", "teem"); "langs" is no slip of "lands"."""
    if len(typed) != len(word):
        return abs(len(typed) - len(word)) == 1
    diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
    if len(diff) == 2:
        i, j = diff
        return j == i + 1 and typed[i] == word[j] and typed[j] == word[i]
    return len(diff) == 1 and typed[diff[0]] in _VOWELS and word[diff[0]] in _VOWELS


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
        self._forms: dict[str, list[str]] | None = None  # English forms of the words' stems, by first letter
        self.correct = lru_cache(maxsize=20_000)(self._correct)

    def _english_forms(self) -> dict[str, list[str]]:
        """Return the common English words that share a stem with a word of the knowledge
        base and are not themselves in it, bucketed by first letter."""
        if self._forms is None:
            english = _english_by_stem()
            alphabetic = [w for w in self.words if w.isalpha()]
            forms: dict[str, list[str]] = {}
            for stem in set(_stemmer.stemWords(alphabetic)):
                for word in english.get(stem, ()):
                    if word not in self.words:
                        forms.setdefault(word[0], []).append(word)
            self._forms = {k: sorted(v) for k, v in forms.items()}
        return self._forms

    def _correct(self, word: str) -> str | None:
        """Return the correction of ``word``, or None when it should stay as it is."""
        if word in self.words:
            return None
        if word in SHORTHAND:
            return SHORTHAND[word]
        if len(word) < MIN_LENGTH or not word.isalpha():
            return None
        variants = [v for v in spelling_variants(word) if v in self.words]
        if len(variants) == 1:
            return variants[0]  # "theater" where the documents say "theatre"
        zipf = zipf_frequency(word, "en")
        if zipf >= MISSPELLING_ZIPF:
            return None
        limit = max_distance(word)
        found = process.extract(word, self._buckets.get(word[0], ()), scorer=OSA.distance, score_cutoff=limit, limit=None)
        if zipf >= ENGLISH_ZIPF:
            # a word English has, but rarely: corrected only to a much commoner word the
            # documents use, as a common misspelling is ("accomodation", "teem", "adress")
            found = [
                f for f in found if _slip(word, f[0]) and zipf_frequency(f[0], "en") >= zipf + MISSPELLING_GAP
            ]
            if len(found) != 1:
                return None
        if not found:
            forms = self._english_forms().get(word[0], ())
            found = process.extract(word, forms, scorer=OSA.distance, score_cutoff=limit, limit=None)
        if not found:
            return None
        best = min(distance for _, distance, _ in found)
        ranked = sorted(
            ((zipf_frequency(w, "en"), w) for w, distance, _ in found if distance == best), reverse=True
        )
        if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            return None
        return ranked[0][1]
