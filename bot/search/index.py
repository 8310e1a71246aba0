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
        self.weights = idf_per_posting * (
            tf_arr * (k1 + 1) / (tf_arr + k1 * (1 - b + b * dl / self.avgdl))
        ) if self.size else np.zeros(0)

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
        """
        empty = Scored(np.zeros(0, dtype=np.int32), np.zeros(0))
        if not self.size or k <= 0:
            return empty
        slices: list[tuple[int, int, float]] = []
        touched = 0
        for i, term in enumerate(query):
            tid = self.vocab.get(term)
            if tid is None:
                continue
            w = 1.0 if weights is None else float(weights[i])
            if w == 0.0:
                continue
            s, e = int(self.offsets[tid]), int(self.offsets[tid + 1])
            slices.append((s, e, w))
            touched += e - s
        if not slices:
            return empty
        if len(slices) == 1:
            s, e, w = slices[0]
            cand = self.postings[s:e]
            vals = self.weights[s:e] if w == 1.0 else self.weights[s:e] * w
        else:
            acc = np.zeros(self.size)
            for s, e, w in slices:
                ids = self.postings[s:e]
                acc[ids] += self.weights[s:e] if w == 1.0 else self.weights[s:e] * w
            if touched * 4 < self.size:
                cand = np.unique(np.concatenate([self.postings[s:e] for s, e, _ in slices]))
            else:
                mask = np.zeros(self.size, dtype=bool)
                for s, e, _ in slices:
                    mask[self.postings[s:e]] = True
                cand = np.flatnonzero(mask)
            vals = acc[cand]
        if len(cand) > k:
            # keep everything tied with the k-th score, so ties break by id, not by chance
            kth = vals[np.argpartition(-vals, k - 1)[k - 1]]
            keep = vals >= kth
            cand, vals = cand[keep], vals[keep]
        order = np.lexsort((cand, -vals))[:k]
        return Scored(cand[order].astype(np.int32, copy=False), vals[order])

    def memory_bytes(self) -> int:
        """Return the bytes held by the index's arrays (the vocabulary dict excluded)."""
        arrays = (self.postings, self.weights, self.offsets, self.idf, self.df, self.doc_len)
        return sum(a.nbytes for a in arrays)
