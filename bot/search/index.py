"""BM25 over an inverted index, scoring exactly as rank-bm25's ``BM25Okapi``.

``BM25Okapi.get_scores`` walks every passage in Python for every query term. Here each
term's contribution to each passage that contains it, ``idf * tf*(k1+1) / (tf + k1*(1-b+b*dl/avgdl))``,
is computed once at build time and stored in compressed-sparse-row form (one slice of
passage ids and weights per term). A query then adds up only the slices of its own terms,
so its cost grows with the postings it touches, not with the size of the knowledge base.

The idf follows ``BM25Okapi._calc_idf`` to the letter, epsilon floor included: a term in
more than half the passages has a negative Okapi idf, which rank-bm25 replaces with
``epsilon * average_idf``. The same float64 operations in the same order give bit-identical
scores (a test checks this against ``get_scores``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

SPARSE_SHARE = 8  # questions with fewer postings than 1/8 of the passages are summed sparsely
LEADERS_SHARE = 64  # terms in more than 1/64 of the passages keep their strongest passages
LEADERS = 64  # how many (at least the re-ranking pool, so one term's leaders can set the floor)


@dataclass(frozen=True, slots=True)
class Scored:
    """Passage positions and their scores, best first."""

    ids: np.ndarray
    scores: np.ndarray


class BM25Index:
    """An immutable BM25 index over tokenized passages."""

    def __init__(
        self,
        corpus: Sequence[Sequence[str]],
        *,
        k1: float = 1.5,
        b: float = 0.75,
        epsilon: float = 0.25,
    ) -> None:
        self.k1, self.b, self.epsilon = k1, b, epsilon
        self.size = len(corpus)
        self.doc_len = np.fromiter((len(doc) for doc in corpus), dtype=np.float64, count=self.size)
        total = int(self.doc_len.sum())
        self.avgdl = total / self.size if self.size else 0.0

        # Term ids in order of first appearance, as rank-bm25 fills its ``nd`` dict:
        # the average idf is summed in that order, so the epsilon floor matches exactly.
        vocab: dict[str, int] = {}
        term_ids: list[int] = []
        doc_ids: list[int] = []
        tfs: list[int] = []
        for doc_id, doc in enumerate(corpus):
            counts: dict[str, int] = {}
            for word in doc:
                counts[word] = counts.get(word, 0) + 1
            for word, tf in counts.items():
                tid = vocab.setdefault(word, len(vocab))
                term_ids.append(tid)
                doc_ids.append(doc_id)
                tfs.append(tf)
        self.vocab = vocab
        tid_arr = np.asarray(term_ids, dtype=np.int64)
        order = np.argsort(tid_arr, kind="stable")
        self.postings = np.asarray(doc_ids, dtype=np.int32)[order]
        tf_arr = np.asarray(tfs, dtype=np.float64)[order]
        df = np.bincount(tid_arr, minlength=len(vocab))
        self.offsets = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(df, out=self.offsets[1:])
        self.df = df
        self.idf = self._okapi_idf(df)

        # Per-posting contribution, computed with the same float64 expression as get_scores.
        idf_per_posting = np.repeat(self.idf, df)
        dl = self.doc_len[self.postings]
        self.weights = (
            idf_per_posting * (tf_arr * (k1 + 1) / (tf_arr + k1 * (1 - b + b * dl / self.avgdl)))
            if self.size
            else np.zeros(0)
        )
        # Each term's largest contribution: the bound that lets top() skip common terms.
        self.max_weight = np.maximum.reduceat(self.weights, self.offsets[:-1]) if len(vocab) else np.zeros(0)
        self.all_positive = bool((self.weights > 0).all())
        # For common terms, the passages where they weigh most (see top()).
        self.leaders: dict[int, np.ndarray] = {}
        for tid in np.flatnonzero(df > max(self.size // LEADERS_SHARE, LEADERS)).tolist():
            s, e = int(self.offsets[tid]), int(self.offsets[tid + 1])
            n = min(LEADERS, e - s)
            best = np.argpartition(-self.weights[s:e], n - 1)[:n]
            self.leaders[tid] = self.postings[s:e][best]

    def _okapi_idf(self, df: np.ndarray) -> np.ndarray:
        idf = np.zeros(len(df), dtype=np.float64)
        if not len(df):
            return idf
        idf_sum = 0.0
        negative: list[int] = []
        n = self.size
        for i, freq in enumerate(df.tolist()):
            value = math.log(n - freq + 0.5) - math.log(freq + 0.5)
            idf[i] = value
            idf_sum += value
            if value < 0:
                negative.append(i)
        eps = self.epsilon * (idf_sum / len(df))
        idf[negative] = eps
        return idf

    # -- queries ---------------------------------------------------------------------------

    def term_idf(self, term: str) -> float | None:
        """Return a term's idf, or None when no passage contains it."""
        tid = self.vocab.get(term)
        return None if tid is None else float(self.idf[tid])

    def unknown_idf(self) -> float:
        """Return the idf a term would have if it were in no passage at all."""
        return math.log(self.size + 0.5) - math.log(0.5) if self.size else 1.0

    def passages_with(self, term: str) -> np.ndarray:
        """Return the positions of the passages that contain ``term``."""
        tid = self.vocab.get(term)
        if tid is None:
            return np.zeros(0, dtype=np.int32)
        return self.postings[self.offsets[tid] : self.offsets[tid + 1]]

    def get_scores(self, query: Iterable[str]) -> np.ndarray:
        """Return every passage's score, like ``BM25Okapi.get_scores`` (dense; for tests)."""
        scores = np.zeros(self.size)
        for term in query:
            tid = self.vocab.get(term)
            if tid is not None:
                s, e = self.offsets[tid], self.offsets[tid + 1]
                scores[self.postings[s:e]] += self.weights[s:e]
        return scores

    def get_scores_for(
        self, ids: np.ndarray, query: Sequence[str], weights: Sequence[float] | None = None
    ) -> np.ndarray:
        """Return the scores of the passages at ``ids`` only (sorted, unique ids)."""
        out = np.zeros(len(ids))
        for i, term in enumerate(query):
            tid = self.vocab.get(term)
            if tid is None:
                continue
            s, e = int(self.offsets[tid]), int(self.offsets[tid + 1])
            posting = self.postings[s:e]
            where = np.searchsorted(posting, ids)
            where[where >= len(posting)] = 0
            hit = posting[where] == ids
            w = 1.0 if weights is None else float(weights[i])
            out[hit] += self.weights[s:e][where[hit]] * w
        return out

    def top(self, query: Sequence[str], k: int, weights: Sequence[float] | None = None) -> Scored:
        """Return the ``k`` best passages that contain a query term, best first.

        ``weights`` scales each query term's contribution (1.0 keeps rank-bm25's score).
        Ties go to the earlier passage, so results are deterministic. A passage with a query
        term is a candidate even when its score is not positive: on a knowledge base of one
        or two passages, Okapi's idf is negative or zero for every term.

        Common words touch most passages, so the work is chosen by the question's postings:
        when they are few (``SPARSE_SHARE``), they are summed per passage directly; when they
        are many, into a dense array, and only the passages scoring at least the k-th best
        of a small sample of likely winners are sorted (see the comments below).
        """
        empty = Scored(np.zeros(0, dtype=np.int32), np.zeros(0))
        if not self.size or k <= 0:
            return empty
        terms: list[tuple[int, float]] = []
        for i, term in enumerate(query):
            tid = self.vocab.get(term)
            w = 1.0 if weights is None else float(weights[i])
            if tid is not None and w != 0.0:
                terms.append((tid, w))
        if not terms:
            return empty
        ids = np.concatenate([self.postings[self.offsets[t] : self.offsets[t + 1]] for t, _ in terms])
        contributions = np.concatenate([self._slice_weights(t, w) for t, w in terms])
        if len(terms) == 1:
            return self._best(ids, contributions, k)
        if len(ids) * SPARSE_SHARE <= self.size:
            # Few postings: sum them per passage without touching the rest of the index.
            # bincount adds in array order, i.e. term by term in query order for each
            # passage, exactly as get_scores does.
            cand, inverse = np.unique(ids, return_inverse=True)
            return self._best(cand, np.bincount(inverse, weights=contributions, minlength=len(cand)), k)
        acc = np.bincount(ids, weights=contributions, minlength=self.size)
        if not (self.all_positive and all(w > 0 for _, w in terms)):
            cand = np.flatnonzero(np.bincount(ids, minlength=self.size))
            return self._best(cand, acc[cand], k)
        # Every contribution is positive here, so a passage's score is non-zero exactly when
        # it contains a term. The k-th best score among a few likely winners (each frequent
        # term's strongest passages) is a floor for the top k: only passages at or above it
        # need sorting, not most of the index.
        sample = np.unique(
            np.concatenate([self.leaders[t] for t, _ in terms if t in self.leaders] or [ids[:0]])
        )
        if len(sample) >= k:
            sample_scores = acc[sample]
            floor = sample_scores[np.argpartition(-sample_scores, k - 1)[k - 1]]
            cand = np.flatnonzero(acc >= floor)
        else:
            cand = np.flatnonzero(acc)
        return self._best(cand, acc[cand], k)

    def _slice_weights(self, tid: int, w: float) -> np.ndarray:
        part = self.weights[self.offsets[tid] : self.offsets[tid + 1]]
        return part if w == 1.0 else part * w

    @staticmethod
    def _best(cand: np.ndarray, vals: np.ndarray, k: int) -> Scored:
        if len(cand) > k:
            # keep everything tied with the k-th score, so ties break by id, not by chance
            kth = vals[np.argpartition(-vals, k - 1)[k - 1]]
            keep = vals >= kth
            cand, vals = cand[keep], vals[keep]
        order = np.lexsort((cand, -vals))[:k]
        return Scored(cand[order].astype(np.int32, copy=False), vals[order])

    def memory_bytes(self) -> int:
        """Return the bytes held by the index's arrays (the vocabulary dict excluded)."""
        arrays = (self.postings, self.weights, self.offsets, self.idf, self.df, self.doc_len, self.max_weight)
        return sum(a.nbytes for a in arrays)
