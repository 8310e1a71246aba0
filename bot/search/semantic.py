"""Meaning over exact words: static sentence embeddings and a small vector index.

The embeddings come from WordLlama (MIT; the ``wordllama`` wheel ships its 256-dimension
"l2_supercat" token embeddings and tokenizer, so nothing is downloaded and no torch is
needed). A text's vector is the average of its tokens' vectors, normalised: embedding a
question takes about 0.03 ms. It knows that "salary" is close to "compensation" and
"swag" to "merchandise", which BM25 cannot.

Passage vectors are computed once per file, stored with the file's counted terms in the
snapshot store, and kept as int8 codes with one scale per passage (a quarter of float32's
memory, cosine error about 1e-3). Finding the passages nearest to a question is exact below
:data:`EXACT_LIMIT` passages; above it, a two-level search: every file is cut into blocks of
at most :data:`BLOCK` consecutive passages (a file's passages share its topic, so a block
is a natural cluster), each block's mean vector is compared on its first
:data:`COARSE_DIM` dimensions (the model is trained Matryoshka-style, so a prefix is a
coarser embedding), and only the passages of the best :data:`PROBE` blocks are scored in
full.
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

MODEL = "wordllama l2_supercat_256 by word, marks apart, int8 words"  # part of the stored vectors' version
DIM = 256
COARSE_DIM = 64
BLOCK = 16
PROBE = 48
EXACT_LIMIT = 4096
EMBED_BATCH = 1024  # new words tokenized at a time
COUNTS_LIMIT = 1 << 20  # texts x distinct words up to which embed sums words by a matrix product

_lock = threading.Lock()
_model: Any = None  # wordllama's WordLlamaInference (the library has no type hints)


def _load_model() -> Any:
    global _model
    with _lock:
        if _model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            # A question is a handful of tokens: the tokenizer's thread pool costs more than it
            # saves, and competes with the bot's own threads.
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            import wordllama
            from wordllama import WordLlama

            # The loader looks for the bundled tokenizer under cache_dir/tokenizers and the
            # weights under cache_dir/weights: the package folder holds both.
            _model = WordLlama.load(
                config="l2_supercat", dim=DIM, cache_dir=Path(wordllama.__file__).parent, disable_download=True
            )
            # _token_sums reads each word's own tokens: no padding to the longest of a batch.
            _model.tokenizer.no_padding()
        return _model


def embed(texts: Sequence[str], *, remember: bool = False) -> np.ndarray:
    """Return one unit-length float32 vector per text (a zero vector for a text with no words).

    A text's vector is the sum of its tokens' WordLlama embeddings, normalised (the same
    direction as their mean). The text is tokenized word by word (split on whitespace),
    which is what the tokenizer does to single-spaced text, so each distinct word is
    tokenized once per call however often it occurs.

    With ``remember``, each word's token sum is also kept in a bounded cache
    (:data:`WORD_CACHE`) for later calls: an answer embeds the question and the sentences of
    its best passages, and tokenizing is almost all the cost of embedding. A build
    remembers the knowledge base's words (the commonest come first), so an answer looks
    its sentences' words up instead of tokenizing them.
    """
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    split = [_unshouted(t).split() for t in texts]
    where: dict[str, int] = {}  # each distinct word's row
    codes = np.asarray([where.setdefault(w, len(where)) for words in split for w in words], dtype=np.int64)
    words = _word_sums(list(where), remember)
    lengths = np.fromiter((len(w) for w in split), dtype=np.int64, count=len(split))
    if len(texts) * len(where) <= COUNTS_LIMIT:
        # a few texts (an answer's question and sentences): how often each text has each
        # word, times the words' sums, costs less than gathering a row per word
        text_of = np.repeat(np.arange(len(texts)), lengths)
        counts = np.bincount(text_of * len(where) + codes, minlength=len(texts) * len(where))
        sums = counts.reshape(len(texts), len(where)).astype(np.float32) @ words
    else:
        sums = _segment_sums(words[codes], lengths)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return np.asarray(np.divide(sums, norms, out=np.zeros_like(sums), where=norms > 0))


SHOUTED_CHARS = 10  # a text this long, all in capitals ("WHERE WILL I STAY?"), is embedded as a sentence


def _unshouted(text: str) -> str:
    """Return a text written all in capitals in sentence case: WordLlama's tokens are cased,
    and "WHERE WILL I STAY?" is as far from "Where will I stay?" (cosine 0.36) as from
    much else. Shorter runs of capitals are names ("EU", "NYC") and stay."""
    return text.capitalize() if len(text) >= SHOUTED_CHARS and text.isupper() else text


def _segment_sums(rows: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Return the sums of consecutive runs of ``rows``, one run per length (zero for an empty run).

    Linear in the rows: a 0/1 selection matrix times the rows costs runs x rows x DIM.
    """
    sums = np.zeros((len(lengths), rows.shape[1]), dtype=np.float32)
    filled = lengths > 0
    if filled.any():
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        sums[filled] = np.add.reduceat(rows, starts[filled], axis=0)
    return sums


WORD_CACHE = 65536  # words whose token sums are kept (int8 codes: 17 MB when full)
CLOCK_WINDOW = 64  # rows the cache's clock hand looks at a time


class WordCache:
    """The token sums of words met before, at most ``capacity`` of them (int8 codes times a
    power of two per row, as :func:`rounded` gives them).

    When full, a new word takes the row of a word not read since the clock hand last passed
    it (the CLOCK approximation of least recently used): the words every answer needs ("what",
    "internship") stay, and words met once give way, so a cache filled by a build of a large
    knowledge base still learns the words of the questions asked.
    """

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.rows: dict[str, int] = {}
        self.words: list[str] = []  # row -> its word
        self.table = np.zeros((0, DIM), dtype=np.int8)
        self.scales = np.zeros(0, dtype=np.float32)
        self.used = np.zeros(0, dtype=bool)  # read since the hand last passed
        self.hand = 0
        self.lock = threading.Lock()

    def get(self, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Return which of ``words`` are cached and their rows' float32 sums."""
        with self.lock:  # rows are reused when full: read them under the lock
            rows = np.asarray([self.rows.get(w, -1) for w in words], dtype=np.int64)
            cached = rows >= 0
            hit = rows[cached]
            values = self.table[hit].astype(np.float32) * self.scales[hit, None]
            self.used[hit] = True
        return cached, values

    def put(self, words: list[str], sums: np.ndarray) -> None:
        """Keep the ``sums`` of ``words`` (those not kept already), as :func:`rounded` gave them."""
        codes, scales = _codes(sums)
        with self.lock:
            for word, code, scale in zip(words, codes, scales, strict=True):
                if word in self.rows or not self.capacity:
                    continue
                row = self._free_row()
                self.rows[word] = row
                self.words[row] = word
                self.table[row] = code
                self.scales[row] = scale
                self.used[row] = False

    def _free_row(self) -> int:
        size = len(self.words)
        if size < self.capacity:
            if size == len(self.table):  # grow by doubling, up to the capacity
                grown = min(self.capacity, max(2 * size, 1024))
                self.table = np.concatenate([self.table, np.zeros((grown - size, DIM), dtype=np.int8)])
                self.scales = np.concatenate([self.scales, np.zeros(grown - size, dtype=np.float32)])
                self.used = np.concatenate([self.used, np.zeros(grown - size, dtype=bool)])
            self.words.append("")
            return size
        # the first row from the hand on not read since the hand passed; the rows passed are
        # cleared (looked at a window at a time: most rows are free within a few)
        while True:
            end = min(self.hand + CLOCK_WINDOW, self.capacity)
            free = np.flatnonzero(~self.used[self.hand : end])
            if len(free):
                row = self.hand + int(free[0])
                self.used[self.hand : row] = False
                self.hand = (row + 1) % self.capacity
                del self.rows[self.words[row]]
                return row
            self.used[self.hand : end] = False
            self.hand = end % self.capacity

    def nbytes(self) -> int:
        """Return the memory it holds (its table, its dict and the words)."""
        with self.lock:
            return int(self.table.nbytes + self.scales.nbytes + self.used.nbytes) + sys.getsizeof(self.rows) + sum(
                sys.getsizeof(w) for w in self.words
            )


_cache = WordCache(WORD_CACHE)


def _word_sums(words: list[str], remember: bool) -> np.ndarray:
    """Return the float32 token sum of each (distinct) word, tokenizing the ones not cached."""
    cached, values = _cache.get(words)
    if cached.all():
        return values
    out = np.zeros((len(words), DIM), dtype=np.float32)
    out[cached] = values
    missing = np.flatnonzero(~cached).tolist()
    # Rounded as kept whether kept or not, so a vector does not depend on what was cached.
    sums = _uncached_sums([words[i] for i in missing], remember)
    out[missing] = sums
    if remember:
        _cache.put([words[i] for i in missing], sums)
    return out


def word_cache_nbytes() -> int:
    """Return the memory the word cache holds."""
    return _cache.nbytes()


MARKS = ".,?!:;)"  # a word ending in one of these after a letter or digit is the word's tokens and the mark's


def _uncached_sums(words: list[str], remember: bool) -> np.ndarray:
    """Return the token sums of words not in the cache, :func:`rounded` as the cache keeps them.

    "internship?" is tokenized as "internship" and "?" (the tokenizer's vocabulary never
    joins a letter or digit to a punctuation mark, so this is exact): its sum is the cached
    sum of "internship" plus the mark's vector, and only the words of the knowledge base
    need the cache, not each of their punctuated forms.
    """
    marked = [len(w) > 1 and w[-1] in MARKS and w[-2].isalnum() for w in words]
    if not any(marked):
        return rounded(_token_sums(words))
    bases = [w[:-1] if m else w for w, m in zip(words, marked, strict=True)]
    unique = list(dict.fromkeys(bases))
    where = {w: i for i, w in enumerate(unique)}
    sums = _word_sums(unique, remember)[[where[b] for b in bases]]
    marks = _mark_vectors()
    for i, (w, m) in enumerate(zip(words, marked, strict=True)):
        if m:
            sums[i] += marks[w[-1]]
    return rounded(sums)


def _codes(sums: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return each row as int8 codes and a power-of-two scale (its largest value's, over 127)."""
    peak = np.abs(sums).max(axis=1) if len(sums) else np.zeros(0, dtype=np.float32)
    scales = np.exp2(np.ceil(np.log2(np.where(peak > 0, peak / 127.0, 1.0)))).astype(np.float32)
    codes = np.clip(np.rint(sums / scales[:, None]), -127, 127).astype(np.int8)
    return codes, scales


def rounded(sums: np.ndarray) -> np.ndarray:
    """Return float32 rows rounded as the word cache keeps them: int8 codes times a power of
    two (a cosine error of about 1e-4; rounding them again changes nothing, as the scale of
    a rounded row is its own)."""
    codes, scales = _codes(np.asarray(sums, dtype=np.float32))
    return np.asarray(codes.astype(np.float32) * scales[:, None])


_marks: dict[str, np.ndarray] = {}


def _mark_vectors() -> dict[str, np.ndarray]:
    """Return each of :data:`MARKS`' token vector (the mark as it follows a word, not spaced)."""
    if not _marks:
        model = _load_model()
        _marks.update(
            (mark, np.asarray(model.embedding[model.tokenizer.token_to_id(mark)], dtype=np.float32))
            for mark in MARKS
        )
    return _marks


def _token_sums(words: list[str]) -> np.ndarray:
    """Return the sum of the token embeddings of each word (tokenized as it stands in a text)."""
    model = _load_model()
    table = model.embedding
    out = np.zeros((len(words), DIM), dtype=np.float32)
    for lo in range(0, len(words), EMBED_BATCH):
        encodings = model.tokenizer.encode_batch(words[lo : lo + EMBED_BATCH], add_special_tokens=False)
        lists = [e.ids for e in encodings]
        lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        ids = np.fromiter(itertools.chain.from_iterable(lists), dtype=np.int64, count=int(lengths.sum()))
        ids = np.clip(ids, 0, len(table) - 1)
        out[lo : lo + len(lists)] = _segment_sums(np.asarray(table[ids], dtype=np.float32), lengths)
    return out


def embed_one(text: str) -> np.ndarray:
    """Return the unit-length vector of one text (a question: its words are remembered)."""
    return np.asarray(embed([text], remember=True)[0])


def closest_words(words: Sequence[str], others: Sequence[str]) -> float:
    """Return the highest cosine of a word of ``words`` with a word of ``others`` (0 when either
    is empty): whether a text says a thing in other words ("travel" for "flight", 0.43)."""
    if not words or not others:
        return 0.0
    return float((embed(words, remember=True) @ embed(others, remember=True).T).max())


@dataclass(frozen=True, slots=True)
class Vectors:
    """Unit vectors stored as int8 codes with one float32 scale per row."""

    codes: np.ndarray  # int8[n, DIM]
    scales: np.ndarray  # float32[n]

    @classmethod
    def quantize(cls, matrix: np.ndarray) -> Vectors:
        """Quantize float vectors row by row (the largest magnitude maps to 127)."""
        matrix = np.asarray(matrix, dtype=np.float32).reshape(-1, DIM)
        peak = np.abs(matrix).max(axis=1) if len(matrix) else np.zeros(0, dtype=np.float32)
        scales = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
        codes = np.rint(matrix / scales[:, None]).astype(np.int8)
        return cls(codes, scales)

    @classmethod
    def concat(cls, parts: Sequence[Vectors]) -> Vectors:
        """Join several row blocks, in order."""
        if not parts:
            return cls(np.zeros((0, DIM), dtype=np.int8), np.zeros(0, dtype=np.float32))
        return cls(np.concatenate([p.codes for p in parts]), np.concatenate([p.scales for p in parts]))

    def __len__(self) -> int:
        return len(self.scales)

    def rows(self, positions: np.ndarray | slice) -> np.ndarray:
        """Return the float32 vectors of some rows."""
        return np.asarray(self.codes[positions].astype(np.float32) * self.scales[positions, None])


class SemanticIndex:
    """Nearest passages to a question vector, and the similarity of given passages."""

    def __init__(self, parts: Sequence[Vectors]) -> None:
        """Index the vectors of consecutive files (``parts``, one per file, in passage order)."""
        self.vectors = Vectors.concat(parts)
        self.size = len(self.vectors)
        self._dense: np.ndarray | None = None
        self._block_starts = np.zeros(0, dtype=np.int64)
        self._block_means = np.zeros((0, COARSE_DIM), dtype=np.float32)
        if self.size <= EXACT_LIMIT:
            self._dense = self.vectors.rows(slice(None))
            return
        starts: list[int] = []
        offset = 0
        for part in parts:
            starts.extend(range(offset, offset + len(part), BLOCK))
            offset += len(part)
        self._block_starts = np.asarray(starts, dtype=np.int64)
        # only the first COARSE_DIM dimensions, dequantized (not the whole matrix: 4 bytes a value)
        coarse = self.vectors.codes[:, :COARSE_DIM].astype(np.float32) * self.vectors.scales[:, None]
        means = np.add.reduceat(coarse, self._block_starts, axis=0)
        norms = np.linalg.norm(means, axis=1, keepdims=True)
        self._block_means = np.divide(means, norms, out=np.zeros_like(means), where=norms > 0)

    @property
    def nbytes(self) -> int:
        """Return the memory its arrays hold."""
        arrays = [self.vectors.codes, self.vectors.scales, self._block_starts, self._block_means]
        return sum(a.nbytes for a in arrays) + (self._dense.nbytes if self._dense is not None else 0)

    def similarity(self, query: np.ndarray, positions: Sequence[int] | np.ndarray) -> np.ndarray:
        """Return the cosine similarity of ``query`` to each passage at ``positions``."""
        ids = np.asarray(positions, dtype=np.int64)
        if not len(ids):
            return np.zeros(0, dtype=np.float32)
        if self._dense is not None:
            return np.asarray(self._dense[ids] @ query)
        return np.asarray(self.vectors.rows(ids) @ query)

    def top(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Return up to ``k`` (positions, similarities) of the nearest passages, best first."""
        if not self.size or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if self._dense is not None:
            ids = np.arange(self.size)
            sims = self._dense @ query
        else:
            coarse = self._block_means @ query[:COARSE_DIM]
            probe = min(PROBE, len(coarse))
            blocks = np.argpartition(-coarse, probe - 1)[:probe]
            ends = np.append(self._block_starts[1:], self.size)
            ids = np.concatenate([np.arange(self._block_starts[b], ends[b]) for b in blocks])
            sims = self.vectors.rows(ids) @ query
        k = min(k, len(ids))
        best = np.argpartition(-sims, k - 1)[:k]
        best = best[np.argsort(-sims[best], kind="stable")]
        return ids[best], sims[best]
