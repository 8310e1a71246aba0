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

Memory: per posting, the index keeps the passage id (int32), the term frequency and the
term's place among its passage's distinct terms (uint16 each; the place keeps rank-bm25's
order for the idf floor, and lets a file's counted terms be read back from the index, so
nothing per file is kept beside it), and, in a ranked index, the weight as a float32. The
float32 weights only choose candidates: every candidate within the float32 error of the
k-th best is scored again in float64 from its term frequency and its passage's length
normaliser, the same operations rank-bm25 does, so the top k and their scores are exact.
An unranked index (the documents', asked only for the scores of a few documents) keeps
no weights at all.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
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


def _stable_order(keys: np.ndarray) -> np.ndarray:
    """Return the stable sort order of non-negative int32 keys, in linear time.

    numpy radix-sorts 16-bit keys; two passes (low half, then high half) sort 32-bit ones.
    """
    if not len(keys) or int(keys.max()) < 65536:
        return np.argsort(keys.astype(np.uint16), kind="stable")
    low = np.argsort((keys & 0xFFFF).astype(np.uint16), kind="stable")
    high = np.argsort((keys[low] >> 16).astype(np.uint16), kind="stable")
    return low[high]


class Vocabulary:
    """Term strings to ids, append-only, shared by every index built from it.

    Ids never change, so term counts computed once (per file) stay valid across refreshes;
    an index only knows the ids that existed when it was built.
    """

    def __init__(self, terms: Iterable[str] = ()) -> None:
        self.terms: list[str] = []
        self.ids: dict[str, int] = {}
        for term in terms:
            self.id(term)

    def id(self, term: str) -> int:
        """Return the id of ``term``, adding it if new."""
        tid = self.ids.get(term)
        if tid is None:
            tid = self.ids[term] = len(self.terms)
            self.terms.append(term)
        return tid

    def get(self, term: str) -> int | None:
        """Return the id of ``term``, or None if it was never seen."""
        return self.ids.get(term)

    def ids_of(self, terms: Sequence[str]) -> np.ndarray:
        """Return the ids of many terms at once, adding the new ones (in order of first occurrence)."""
        known = self.ids
        for term in [t for t in dict.fromkeys(terms) if t not in known]:  # only new terms loop in Python
            self.id(term)
        return np.fromiter(map(known.__getitem__, terms), dtype=np.int32, count=len(terms))

    def __len__(self) -> int:
        return len(self.terms)


@dataclass(frozen=True, slots=True)
class Forward:
    """Term counts of consecutive units (passages or documents), in first-occurrence order."""

    lengths: np.ndarray  # int32[units]: how many distinct terms each unit has
    tids: np.ndarray  # int32: term ids, unit after unit, each unit's in first-occurrence order
    tfs: np.ndarray  # int32: how often each term occurs in its unit

    @classmethod
    def from_terms(cls, units: Sequence[Sequence[str]], vocab: Vocabulary) -> Forward:
        """Count the terms of each unit."""
        lengths: list[int] = []
        tids: list[int] = []
        tfs: list[int] = []
        ident = vocab.id
        for unit in units:
            counts: dict[str, int] = {}
            for word in unit:
                counts[word] = counts.get(word, 0) + 1
            lengths.append(len(counts))
            tids.extend(ident(w) for w in counts)
            tfs.extend(counts.values())
        return cls(
            np.asarray(lengths, dtype=np.int32),
            np.asarray(tids, dtype=np.int32),
            np.asarray(tfs, dtype=np.int32),
        )

    @classmethod
    def concat(cls, parts: Sequence[Forward]) -> Forward:
        """Join the units of several forwards, in order."""
        if not parts:
            empty = np.zeros(0, dtype=np.int32)
            return cls(empty, empty, empty)
        return cls(
            np.concatenate([p.lengths for p in parts]),
            np.concatenate([p.tids for p in parts]),
            np.concatenate([p.tfs for p in parts]),
        )

    @property
    def units(self) -> int:
        """Return how many units this covers."""
        return len(self.lengths)

    def split(self, counts: Sequence[int]) -> list[Forward]:
        """Cut into consecutive parts of ``counts`` units each (views, no copies)."""
        out = []
        unit = 0
        at = 0
        for count in counts:
            n = int(self.lengths[unit : unit + count].sum())
            out.append(
                Forward(self.lengths[unit : unit + count], self.tids[at : at + n], self.tfs[at : at + n])
            )
            unit += count
            at += n
        return out


class BM25Index:
    """An immutable BM25 index over units (passages or documents) of terms."""

    def __init__(
        self,
        corpus: Sequence[Sequence[str]] = (),
        *,
        k1: float = 1.5,
        b: float = 0.75,
        epsilon: float = 0.25,
        vocab: Vocabulary | None = None,
        ranked: bool = True,
    ) -> None:
        self.vocab = vocab if vocab is not None else Vocabulary()
        self.k1, self.b, self.epsilon, self.ranked = k1, b, epsilon, ranked
        self._build(Forward.from_terms(corpus, self.vocab))

    @classmethod
    def from_forward(
        cls,
        forward: Forward,
        vocab: Vocabulary,
        *,
        k1: float = 1.5,
        b: float = 0.75,
        epsilon: float = 0.25,
        ranked: bool = True,
    ) -> BM25Index:
        """Build from counted terms (no tokenizing: for snapshots and refreshes).

        ``ranked`` keeps float32 weights for :meth:`top`; without them, scores are computed
        from the counts when asked (for an index only asked about a few units at a time).
        """
        index = cls.__new__(cls)
        index.vocab, index.k1, index.b, index.epsilon, index.ranked = vocab, k1, b, epsilon, ranked
        index._build(forward)
        return index

    def _build(self, forward: Forward) -> None:
        n = len(forward.tids)
        units = forward.units
        wide = np.int64 if n >= 2**31 else np.int32  # narrow temporaries build faster
        starts = np.zeros(units, dtype=wide)
        if units:
            np.cumsum(forward.lengths[:-1], out=starts[1:])
        unit = np.repeat(np.arange(units, dtype=np.int32), forward.lengths)
        pos = np.arange(n, dtype=wide) - np.repeat(starts, forward.lengths)
        order = _stable_order(forward.tids)  # by term, units in order within a term
        df = (
            np.bincount(forward.tids, minlength=len(self.vocab)) if n else np.zeros(len(self.vocab), np.int64)
        )
        doc_len = np.bincount(unit, weights=forward.tfs, minlength=units) if n else np.zeros(units)
        self._finish(units, unit[order], forward.tfs[order], pos[order], df, doc_len)

    def arrays(self) -> dict[str, np.ndarray]:
        """Return what rebuilds this index with :meth:`from_arrays`: its postings, counts and
        parameters."""
        return {
            "postings": self.postings,
            "tf": self.tf,
            "pos": self.pos,
            "df": self.df,
            "doc_len": self.doc_len,
            "parameters": np.asarray([self.k1, self.b, self.epsilon, float(self.ranked)], dtype=np.float64),
        }

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], vocab: Vocabulary) -> BM25Index:
        """Rebuild an index from :meth:`arrays` (no sorting: the weights are computed again,
        with the same operations, so scores are those of the index they were taken from)."""
        postings, tf, pos, df, doc_len = (arrays[k] for k in ("postings", "tf", "pos", "df", "doc_len"))
        k1, b, epsilon, ranked = arrays["parameters"].tolist()
        units = len(doc_len)
        n = len(postings)
        if not (
            len(tf) == len(pos) == n == int(df.sum())
            and len(df) <= len(vocab)
            and (not n or 0 <= int(postings.min()) <= int(postings.max()) < units)
        ):
            raise ValueError("stored postings do not add up")
        index = cls.__new__(cls)
        index.vocab, index.k1, index.b, index.epsilon, index.ranked = vocab, k1, b, epsilon, bool(ranked)
        index._finish(units, postings, tf, pos, np.asarray(df, dtype=np.int64), doc_len)
        return index

    def replace_units(self, start: int, stop: int, forward: Forward) -> BM25Index:
        """Return a new index where units ``start..stop`` are replaced by ``forward``'s units.

        The postings of the other units are kept as they are (renumbered after the gap) and
        the new ones merged in: a few passes over the arrays, no re-tokenizing and no sort of
        the whole index. Scores are then exactly those of a fresh build.
        """
        delta = forward.units - (stop - start)
        units = self.size + delta
        vocab_size = len(self.vocab)
        keep = (self.postings < start) | (self.postings >= stop)
        removed = np.flatnonzero(~keep)
        # the terms of the removed postings, from where they sit in the term slices
        removed_tids = np.searchsorted(self.offsets, removed, side="right") - 1
        df = np.zeros(vocab_size, dtype=np.int64)
        df[: len(self.df)] = self.df
        df -= np.bincount(removed_tids, minlength=vocab_size)
        kept_offsets = np.zeros(vocab_size + 1, dtype=np.int64)
        np.cumsum(df, out=kept_offsets[1:])
        postings = self.postings[keep]
        postings[postings >= stop] += delta
        # where each new posting goes: its term's slice, after the units before it
        n_unit = start + np.repeat(np.arange(forward.units, dtype=np.int32), forward.lengths)
        n_starts = np.zeros(forward.units, dtype=np.int64)
        if forward.units:
            np.cumsum(forward.lengths[:-1], out=n_starts[1:])
        n_pos = np.arange(len(forward.tids), dtype=np.int64) - np.repeat(n_starts, forward.lengths)
        order = np.lexsort((n_unit, forward.tids))
        n_tid, n_unit, n_pos, n_tf = forward.tids[order], n_unit[order], n_pos[order], forward.tfs[order]
        at = np.empty(len(n_tid), dtype=np.int64)
        for i, (tid, unit) in enumerate(zip(n_tid.tolist(), n_unit.tolist(), strict=True)):
            lo, hi = int(kept_offsets[tid]), int(kept_offsets[tid + 1])
            at[i] = lo + int(np.searchsorted(postings[lo:hi], unit))
        df += np.bincount(n_tid, minlength=vocab_size) if len(n_tid) else 0
        doc_len = np.concatenate(
            [
                self.doc_len[:start],
                np.bincount(n_unit - start, weights=n_tf, minlength=forward.units)
                if forward.units
                else np.zeros(0),
                self.doc_len[stop:],
            ]
        )
        index = BM25Index.__new__(BM25Index)
        index.vocab, index.k1, index.b, index.epsilon = self.vocab, self.k1, self.b, self.epsilon
        index.ranked = self.ranked
        index._finish(
            units,
            np.insert(postings, at, n_unit),
            np.insert(self.tf[keep], at, n_tf),
            np.insert(self.pos[keep], at, n_pos),
            df,
            doc_len,
        )
        return index

    def _finish(
        self,
        units: int,
        postings: np.ndarray,
        tf: np.ndarray,
        pos: np.ndarray,
        df: np.ndarray,
        doc_len: np.ndarray,
    ) -> None:
        """Compute the weights from postings sorted by (term, unit), with their counts."""
        k1, b = self.k1, self.b
        self.size = units
        big = len(tf) and (int(tf.max()) >= 65536 or int(pos.max()) >= 65536)
        width = np.uint32 if big else np.uint16
        self.postings = np.ascontiguousarray(postings, dtype=np.int32)
        self.tf = np.ascontiguousarray(tf, dtype=width)
        self.pos = np.ascontiguousarray(pos, dtype=width)
        self.df = df
        self.offsets = np.zeros(len(df) + 1, dtype=np.int64)
        np.cumsum(df, out=self.offsets[1:])
        self.doc_len = np.asarray(doc_len, dtype=np.float64)
        total = int(self.doc_len.sum())
        self.avgdl = total / units if units else 0.0
        self.idf = self._okapi_idf(df)
        # rank-bm25's length normaliser of each unit, the same float64 operations in the same order
        self.norm = k1 * (1 - b + b * self.doc_len / self.avgdl) if total else np.zeros(units)
        self.scored = bool(total)  # with no terms at all every weight is 0
        # With every weight positive, a passage scores above 0 exactly when it has a query term.
        self.all_positive = self.scored and bool((self.idf[df > 0] > 0).all())  # tf's factor is > 0
        self.weights: np.ndarray | None = None
        self.max_weight = 0.0
        if self.ranked:
            exact = self._exact(np.arange(len(self.postings), dtype=np.int64), np.repeat(self.idf, df))
            self.max_weight = float(np.abs(exact).max()) if len(exact) else 0.0
            self.all_positive = bool((exact > 0).all())
            # float32 weights choose candidates in top(); their error is at most 2**-24 of a weight
            self.weights = exact.astype(np.float32)
        # A frequent term's strongest passages are found when a question first needs them (see top()).
        self.leaders: dict[int, np.ndarray] = {}

    def _exact(self, at: np.ndarray, idf: np.ndarray | float) -> np.ndarray:
        """Return the float64 weights of the postings at ``at`` (their terms' idf given).

        ``idf * tf*(k1+1) / (tf + norm)``: the operations of ``BM25Okapi.get_scores``, in its
        order, so the result is the same to the last bit.
        """
        if not self.scored:
            return np.zeros(len(at))
        tf = self.tf[at].astype(np.float64)
        return np.asarray(idf * (tf * (self.k1 + 1) / (tf + self.norm[self.postings[at]])))

    def _term_weights(self, tid: int) -> np.ndarray:
        """Return the exact weights of one term's postings."""
        s, e = int(self.offsets[tid]), int(self.offsets[tid + 1])
        return self._exact(np.arange(s, e, dtype=np.int64), float(self.idf[tid]))

    def forward(self, start: int = 0, stop: int | None = None) -> Forward:
        """Return the counted terms of units ``start..stop``, as they were given (read back
        from the postings: each unit's terms in first-occurrence order, with their counts).

        A posting's place among its unit's terms says where it goes: no sorting needed.
        """
        stop = self.size if stop is None else stop
        if start == 0 and stop == self.size:
            at = np.arange(len(self.postings), dtype=np.int64)
            tids = np.repeat(np.arange(len(self.df), dtype=np.int32), self.df)
        else:
            at = np.flatnonzero((self.postings >= start) & (self.postings < stop))
            tids = (np.searchsorted(self.offsets, at, side="right") - 1).astype(np.int32)
        units = self.postings[at] - start
        lengths = np.bincount(units, minlength=stop - start).astype(np.int32)
        starts = np.zeros(stop - start, dtype=np.int64)
        np.cumsum(lengths[:-1], out=starts[1:])
        where = starts[units] + self.pos[at].astype(np.int64)
        out_tids = np.empty(len(at), dtype=np.int32)
        out_tfs = np.empty(len(at), dtype=np.int32)
        out_tids[where] = tids
        out_tfs[where] = self.tf[at]
        return Forward(lengths, out_tids, out_tfs)

    @property
    def nbytes(self) -> int:
        """Return the memory its arrays hold."""
        arrays = (self.postings, self.tf, self.pos, self.weights, self.offsets, self.df, self.idf)
        return sum(a.nbytes for a in (*arrays, self.doc_len, self.norm) if a is not None)

    def _leaders(self, tid: int) -> np.ndarray | None:
        """Return a frequent term's strongest passages (cached), or None for a rarer term."""
        found = self.leaders.get(tid)
        if found is None and self.df[tid] > max(self.size // LEADERS_SHARE, LEADERS):
            s, e = int(self.offsets[tid]), int(self.offsets[tid + 1])
            part = self.weights[s:e] if self.weights is not None else self._term_weights(tid)
            best = np.argpartition(-part, LEADERS - 1)[:LEADERS]
            found = self.leaders[tid] = self.postings[s:e][best]
        return found

    def _okapi_idf(self, df: np.ndarray) -> np.ndarray:
        """rank-bm25's idf: Okapi, with negative values raised to epsilon * the average idf.

        The average is summed in the order rank-bm25 meets the terms (unit by unit, each in
        first-occurrence order), so the floor is the same to the last bit.
        """
        idf = np.zeros(len(df), dtype=np.float64)
        present = np.flatnonzero(df > 0)
        if not len(present):
            return idf
        n = self.size
        per_df = {d: math.log(n - d + 0.5) - math.log(d + 0.5) for d in np.unique(df[present]).tolist()}
        values = np.asarray([per_df[d] for d in df[present].tolist()])
        idf[present] = values
        first = self.offsets[:-1][present]
        order = np.lexsort((self.pos[first], self.postings[first]))
        idf_sum = 0.0
        for value in values[order].tolist():
            idf_sum += value
        eps = self.epsilon * (idf_sum / len(present))
        negative = present[values < 0]
        idf[negative] = eps
        return idf

    def _tid(self, term: str) -> int | None:
        tid = self.vocab.get(term)
        if tid is None or tid >= len(self.df) or self.df[tid] == 0:
            return None
        return tid

    # -- queries ---------------------------------------------------------------------------

    def term_idf(self, term: str) -> float | None:
        """Return a term's idf, or None when no passage contains it."""
        tid = self._tid(term)
        return None if tid is None else float(self.idf[tid])

    def unknown_idf(self) -> float:
        """Return the idf a term would have if it were in no passage at all."""
        return math.log(self.size + 0.5) - math.log(0.5) if self.size else 1.0

    def passages_with(self, term: str) -> np.ndarray:
        """Return the positions of the passages that contain ``term``."""
        tid = self._tid(term)
        if tid is None:
            return np.zeros(0, dtype=np.int32)
        return self.postings[self.offsets[tid] : self.offsets[tid + 1]]

    def get_scores(self, query: Iterable[str]) -> np.ndarray:
        """Return every passage's score, like ``BM25Okapi.get_scores`` (dense; for tests)."""
        scores = np.zeros(self.size)
        for term in query:
            tid = self._tid(term)
            if tid is not None:
                s, e = self.offsets[tid], self.offsets[tid + 1]
                scores[self.postings[s:e]] += self._term_weights(tid)
        return scores

    def get_scores_for(
        self, ids: np.ndarray, query: Sequence[str], weights: Sequence[float] | None = None
    ) -> np.ndarray:
        """Return the scores of the passages at ``ids`` only (sorted, unique ids)."""
        terms = [
            (tid, 1.0 if weights is None else float(weights[i]))
            for i, term in enumerate(query)
            if (tid := self._tid(term)) is not None
        ]
        return self._exact_sums(np.asarray(ids), terms)

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
            tid = self._tid(term)
            w = 1.0 if weights is None else float(weights[i])
            if tid is not None and w != 0.0:
                terms.append((tid, w))
        if not terms:
            return empty
        ids = np.concatenate([self.postings[self.offsets[t] : self.offsets[t + 1]] for t, _ in terms])
        contributions = np.concatenate([self._slice_weights(t, w) for t, w in terms])
        # How far a sum of float32 contributions can be from the float64 one: each is a float32
        # weight (2**-24 off at most) times the query weight (as a float32, 2**-24 off), rounded
        # once more: 3 * 2**-24 of it, plus float64 rounding; 2**-21 is more than twice that.
        bound = (
            2.0**-21 * self.max_weight * sum(abs(w) for _, w in terms) if self.weights is not None else 0.0
        )
        if len(terms) == 1:
            return self._best(ids, contributions, k, terms, bound)
        if len(ids) * SPARSE_SHARE <= self.size:
            # Few postings: sum them per passage without touching the rest of the index.
            # bincount adds in array order, i.e. term by term in query order for each
            # passage, exactly as get_scores does.
            cand, inverse = np.unique(ids, return_inverse=True)
            sums = np.bincount(inverse, weights=contributions, minlength=len(cand))
            return self._best(cand, sums, k, terms, bound)
        acc = np.bincount(ids, weights=contributions, minlength=self.size)
        if not (self.all_positive and all(w > 0 for _, w in terms)):
            cand = np.flatnonzero(np.bincount(ids, minlength=self.size))
            return self._best(cand, acc[cand], k, terms, bound)
        # Every contribution is positive here, so a passage's score is non-zero exactly when
        # it contains a term. The k-th best score among a few likely winners (each frequent
        # term's strongest passages) is a floor for the top k: only passages at or above it
        # need sorting, not most of the index.
        leaders = [found for t, _ in terms if (found := self._leaders(t)) is not None]
        sample = np.unique(np.concatenate(leaders or [ids[:0]]))
        if len(sample) >= k:
            sample_scores = acc[sample]
            floor = sample_scores[np.argpartition(-sample_scores, k - 1)[k - 1]] - 2 * bound
        else:
            floor = 0.0
        cand = np.flatnonzero(acc >= floor) if floor > 0 else np.flatnonzero(acc)
        return self._best(cand, acc[cand], k, terms, bound)

    def _slice_weights(self, tid: int, w: float) -> np.ndarray:
        """Return one term's weights times ``w``: float32 ones (a view when ``w`` is 1; the
        product rounded once more, within ``top``'s bound), or exact ones."""
        if self.weights is None:
            part = self._term_weights(tid)
        else:
            part = self.weights[self.offsets[tid] : self.offsets[tid + 1]]
        return part if w == 1.0 else part * w

    def _exact_sums(self, cand: np.ndarray, terms: Sequence[tuple[int, float]]) -> np.ndarray:
        """Return the float64 scores of the passages ``cand``, added term by term as get_scores does."""
        out = np.zeros(len(cand))
        # In the postings' own type: searchsorted would otherwise copy each posting list to cand's type.
        cand = cand.astype(self.postings.dtype, copy=False)
        for tid, w in terms:
            s, e = int(self.offsets[tid]), int(self.offsets[tid + 1])
            posting = self.postings[s:e]
            where = np.searchsorted(posting, cand)
            where[where >= len(posting)] = 0
            hit = posting[where] == cand
            part = self._exact(s + where[hit], float(self.idf[tid]))
            out[hit] += part if w == 1.0 else part * w
        return out

    def _best(
        self, cand: np.ndarray, vals: np.ndarray, k: int, terms: Sequence[tuple[int, float]], bound: float
    ) -> Scored:
        """Return the best ``k`` of ``cand`` by exact score, ties to the lower id.

        ``vals`` are within ``bound`` of the exact scores: every passage that could be in the
        exact top k (or tied with its last) is within ``2 * bound`` of the k-th best of
        ``vals``; those few are scored exactly.
        """
        if len(cand) > k:
            # keep everything tied with the k-th score, so ties break by id, not by chance
            kth = vals[np.argpartition(-vals, k - 1)[k - 1]]
            keep = vals >= kth - 2 * bound
            cand, vals = cand[keep], vals[keep]
        if self.weights is not None:
            vals = self._exact_sums(cand, terms)
        order = np.lexsort((cand, -vals))[:k]
        return Scored(cand[order].astype(np.int32, copy=False), vals[order])
