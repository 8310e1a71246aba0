"""The search engine over passages: fielded BM25, synonym expansion, and coverage.

Fields are weighted by repetition: a passage's document title, section path and FAQ
question are added to its terms ``*_weight`` times, so a match there counts more than a
match in the body while the score stays plain ``BM25Okapi`` over those terms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.config import RetrievalSettings
from bot.models import Passage
from bot.search.index import BM25Index
from bot.search.tokenize import Tokenizer


@dataclass(frozen=True, slots=True)
class Query:
    """A tokenized question: its own terms, plus synonyms at a lower weight."""

    text: str
    terms: tuple[str, ...]  # the question's own terms, in order, repeats kept
    expanded: tuple[str, ...]  # terms sent to BM25 (own terms, then synonyms)
    weights: tuple[float, ...]  # one per expanded term
    synonyms: dict[str, tuple[str, ...]]  # own term -> the synonym terms added for it

    @property
    def unique_terms(self) -> tuple[str, ...]:
        """Return the question's own terms without repeats, in order."""
        return tuple(dict.fromkeys(self.terms))


def passage_terms(tokenizer: Tokenizer, passage: Passage, settings: RetrievalSettings) -> list[str]:
    """Return the terms a passage is indexed under, field weights applied."""
    terms = tokenizer(passage.text)
    terms += tokenizer(passage.title) * settings.title_weight
    if passage.section:
        terms += tokenizer(passage.section) * settings.section_weight
    if passage.question:
        terms += tokenizer(passage.question) * settings.question_weight
    return terms


class SearchEngine:
    """BM25 retrieval over a fixed list of passages."""

    def __init__(
        self,
        passages: Sequence[Passage],
        settings: RetrievalSettings,
        synonyms: Sequence[Sequence[str]] = (),
        tokenizer: Tokenizer | None = None,
        corpus_terms: Sequence[Sequence[str]] | None = None,
    ) -> None:
        self.settings = settings
        self.tokenizer = tokenizer or Tokenizer()
        if corpus_terms is None:
            corpus_terms = [passage_terms(self.tokenizer, p, settings) for p in passages]
        self.index = BM25Index(corpus_terms, k1=settings.k1, b=settings.b, epsilon=settings.epsilon)
        self.synonyms = self._synonym_map(synonyms)

    def _synonym_map(self, groups: Sequence[Sequence[str]]) -> dict[str, tuple[str, ...]]:
        mapping: dict[str, list[str]] = {}
        for group in groups:
            terms = list(dict.fromkeys(t for word in group for t in self.tokenizer(word)))
            for term in terms:
                bucket = mapping.setdefault(term, [])
                bucket.extend(t for t in terms if t != term and t not in bucket)
        return {k: tuple(v) for k, v in mapping.items()}

    def query(self, text: str) -> Query:
        """Tokenize a question and add its synonyms."""
        terms = tuple(self.tokenizer(text))
        own = set(terms)
        expanded = list(terms)
        weights = [1.0] * len(terms)
        added: dict[str, tuple[str, ...]] = {}
        for term in dict.fromkeys(terms):
            extra = tuple(s for s in self.synonyms.get(term, ()) if s not in own and s not in expanded)
            if extra and self.settings.synonym_weight > 0:
                added[term] = extra
                expanded.extend(extra)
                weights.extend([self.settings.synonym_weight] * len(extra))
        return Query(text, terms, tuple(expanded), tuple(weights), added)

    def search(self, query: Query, k: int) -> list[tuple[int, float]]:
        """Return up to ``k`` (passage position, score) pairs, best first."""
        found = self.index.top(query.expanded, k, query.weights)
        return list(zip(found.ids.tolist(), found.scores.tolist(), strict=True))

    def contains(self, term: str, position: int) -> bool:
        """Tell whether the passage at ``position`` has ``term`` in any field."""
        ids = self.index.passages_with(term)
        i = int(np.searchsorted(ids, position))
        return i < len(ids) and int(ids[i]) == position

    def matched_terms(self, query: Query, position: int) -> list[str]:
        """Return the question's own terms that the passage matches (directly or by synonym)."""
        out = []
        for term in query.unique_terms:
            alternatives = (term, *self.synonyms.get(term, ()))
            if any(self.contains(t, position) for t in alternatives):
                out.append(term)
        return out

    def informativeness(self, term: str) -> float:
        """Return how much a term says about what is asked: its idf, or the highest idf if unknown.

        A term no passage contains is as specific as a term can be: the question is about
        something the knowledge base never mentions.
        """
        idf = self.index.term_idf(term)
        unknown = self.index.unknown_idf()
        if idf is None:
            return unknown
        # rank-bm25's epsilon floor can make a very common term's idf tiny or zero; keep
        # a small weight so that such terms still count a little towards coverage.
        return max(idf, 0.05 * unknown)

    def coverage(self, query: Query, position: int) -> tuple[float, list[str]]:
        """Return the share of the question's information that a passage covers, and the matched terms.

        Each distinct question term weighs its informativeness (idf); a term counts as covered
        when the passage has it or one of its synonyms in any field (body, title, section,
        question). A passage that scores well on one rare word but misses the rest of what
        is asked has low coverage.
        """
        terms = query.unique_terms
        if not terms:
            return 0.0, []
        matched = self.matched_terms(query, position)
        total = sum(self.informativeness(t) for t in terms)
        got = sum(self.informativeness(t) for t in matched)
        return (got / total if total else 0.0), matched
