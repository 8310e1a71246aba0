"""One tokenizer for passages and questions: normalise, lower-case, split, drop stop words, stem."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import Stemmer
from wordfreq import zipf_frequency

from bot.search.stopwords import STOPWORDS

# A token is a run of letters/digits, with inner apostrophes and dots kept for now
# ("can't", "ph.d"), or one of the few programming-language names that are punctuation.
_TOKEN = re.compile(r"c\+\+|c#|f#|\.net|\d{1,3}(?:,\d{3})+(?:\.\d+)?|[^\W_]+(?:['.][^\W_]+)*")
# A plan or status named by a numbered clause ("401(k)", "403(b)", "501(c)(3)") is one word,
# written as members type it: "401k", "501c3" (rewritten before splitting, only in a text
# with a bracket: a pattern of its own slowed every word's match by a tenth).
_CLAUSE = re.compile(r"(?<=\d)((?:\([a-z0-9]\))+)")
# Hyphenated compounds ("part-time", "full-time") also index as one joined word, so
# "part-time" is not matched by any passage that merely says "part".
# (Not in an e-mail address or a host name: "oss-fellowship@example.org".)
_COMPOUND = re.compile(r"(?<![\w@.-])[^\W\d_]{2,}(?:-[^\W\d_]{2,})+(?![\w@-]|\.\w)")
_CURRENCY = {"$": "dollar", "€": "euro", "£": "pound"}
_MONEY = re.compile(r"([$€£])\s?\d")
# A count said in words is the same term as in digits: "up to two projects" answers "can I
# apply to 2 projects?". "one" is left alone: it is more often a pronoun ("the one who").
_NUMBER_WORDS = {
    word: str(n)
    for n, word in enumerate(
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split(),
        start=2,
    )
}
# The path of a web address ("careers.example.com/jobs/developer-advocate"): it says where a
# page is, not what the passage says, so its words are no words of the passage (the host is
# kept, as one word: "careersexamplecom").
_URL_PATH = re.compile(r"(?<![\w@.])((?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,})/[^\s)\]>\"']*")
# "paid time off", "paid holidays": leave, of which "paid" says nothing about pay ("how much
# does the educator job pay?" is not answered by "15 days of paid time off")
_PAID_LEAVE = re.compile(r"\bpaid (?=(?:time off|leave|holidays?|vacation|days? off|sick|parental|annual|bank holidays?|pto)\b)")
# "diversity, equity and inclusion": fairness, of which "equity" says nothing about shares
# ("do hf interns get equity?" is not answered by "a culture that values diversity, equity, and inclusivity")
# "bonus points for a background in …": a wish of the employer's, no bonus paid
_BONUS_POINTS = re.compile(r"\bbonus (?=points?\b)")
_FAIRNESS = re.compile(r"(?<=diversity, )equity(?=,? (?:and )?inclusi)|\bequity(?=,? (?:diversity|inclusion|and inclusion))")
# A plural in "-es" of a word ending in "s" or "z" ("buses", "gases", "quizzes"): the
# stemmer keeps its "e" after a short syllable ("buse"), as it must for "cases" and "vases",
# so "buses" and "bus" were two terms. English decides: when the word less its "s" is rare
# and the word less its "es" (or "zes") is common, the plural is of the shorter word.
_ES_PLURAL = re.compile(r"[^\W\d_]{2,}(?:s|zz?)es")
_COMMON_ZIPF = 3.0
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def fold_accents(text: str) -> str:
    """Drop the accents of Latin letters ("Grünwald", "Zürich", "Kraków", "résumé" are found
    as members type them: "grunwald", "zurich", "krakow", "resume"); other scripts are kept
    as they are (a Devanagari vowel sign is part of its letter, not an accent)."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch) and out and out[-1].isascii() and out[-1].isalpha():
            continue
        out.append(ch)
    return unicodedata.normalize("NFKC", "".join(out))


class Tokenizer:
    """Turn text into index terms the same way for documents and questions."""

    def __init__(
        self,
        language: str = "english",
        stopwords: frozenset[str] = STOPWORDS,
        equivalents: Iterable[Iterable[str]] = (),
    ) -> None:
        self._stemmer = Stemmer.Stemmer(language)
        self._stopwords = stopwords
        self._stem = lru_cache(maxsize=200_000)(self._stem_uncached)
        self.term = lru_cache(maxsize=65_536)(self._term_uncached)  # an answer asks for the same words often
        # Words that are one term: each group's stems all map to the first one's stem.
        self._canonical: dict[str, str] = {}
        self._group_words: dict[str, tuple[str, ...]] = {}  # a group's term -> its words
        for group in equivalents:
            stems = [self._stemmer.stemWord(w.casefold()) for w in group]
            for stem in stems[1:]:
                if stem != stems[0]:
                    self._canonical[stem] = stems[0]
            self._group_words[stems[0]] = tuple(w.casefold() for w in group)

    def words(self, text: str) -> list[str]:
        """Return the normalised words of ``text`` (stop words kept, nothing stemmed)."""
        text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
        if not text.isascii():
            text = fold_accents(text)
        if "/" in text:
            text = _URL_PATH.sub(r"\1", text)
        if "(" in text:
            text = _CLAUSE.sub(lambda m: m.group(1)[1::3], text)  # "(c)(3)" -> "c3"
        if "paid " in text:
            text = _PAID_LEAVE.sub("", text)
        if "equity" in text:
            text = _FAIRNESS.sub("", text)
        if "bonus point" in text:
            text = _BONUS_POINTS.sub("", text)
        out: list[str] = []
        if "$" in text or "€" in text or "£" in text:
            out += [_CURRENCY[m.group(1)] for m in _MONEY.finditer(text)]
        if "-" in text:
            out += [m.group(0).replace("-", "") for m in _COMPOUND.finditer(text)]
        for word in _TOKEN.findall(text):
            if word.isalnum():
                out.append(word)
                continue
            if "," in word and word[0].isdigit():
                word = word.replace(",", "")  # 7,650 -> 7650
            if word.endswith("'s"):
                word = word[:-2]
            if "." in word and not word[0].isdigit():
                word = word.replace(".", "")  # ph.d -> phd, e.g -> eg
            if word:
                out.append(word)
        return out

    def variants(self, word: str, term: str) -> tuple[str, ...]:
        """Return ``word`` and, when its term is an equivalents group's, the group's words
        ("fellows": "fellows", "fellowship", "fellow")."""
        return (word, *self._group_words.get(term, ()))

    def compounds(self, text: str) -> dict[str, list[str]]:
        """Return the hyphenated compounds of ``text``: joined word -> its parts."""
        text = unicodedata.normalize("NFKC", text).casefold()
        if not text.isascii():
            text = fold_accents(text)
        if "/" in text:
            text = _URL_PATH.sub(r"\1", text)
        return {m.group(0).replace("-", ""): m.group(0).split("-") for m in _COMPOUND.finditer(text)}

    def __call__(self, text: str) -> list[str]:
        """Return the index terms of ``text``."""
        return [self._stem(w) for w in self.words(text) if w not in self._stopwords]

    def _term_uncached(self, word: str) -> str | None:
        """Return the index term of a single word, or None if it is a stop word (cached as ``term``)."""
        terms = self(word)
        return terms[0] if len(terms) == 1 else None

    def _stem_uncached(self, word: str) -> str:
        number = _NUMBER_WORDS.get(word)
        if number is not None:
            return number
        if "'" in word:
            word = word.replace("'", "")
        stem: str = self._stemmer.stemWord(word)
        if stem in (word[:-1], word[:-2]) and _ES_PLURAL.fullmatch(word):
            stem = _es_singular(word, self._stemmer) or stem
        return self._canonical.get(stem, stem)


def _es_singular(word: str, stemmer: Stemmer.Stemmer) -> str | None:
    """Return the stem of the singular of a plural in "-es" whose stem kept its "e" ("buses" ->
    "bus", "quizzes" -> "quiz"), or None when the word is the plural of a word in "-se"
    ("cases", "vases")."""
    if zipf_frequency(word[:-1], "en") >= _COMMON_ZIPF:
        return None
    for singular in (word[:-2], word[:-3]) if word.endswith("zzes") else (word[:-2],):
        if zipf_frequency(singular, "en") >= _COMMON_ZIPF:
            return str(stemmer.stemWord(singular))
    return None
