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

MODEL = "wordllama l2_supercat_256 by word"  # part of the stored vectors' version
DIM = 256
COARSE_DIM = 64
BLOCK = 16
PROBE = 48
EXACT_LIMIT = 4096
EMBED_BATCH = 1024  # new words tokenized at a time

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
    flat = list(itertools.chain.from_iterable(split))
    unique = list(dict.fromkeys(flat))
    where = {w: i for i, w in enumerate(unique)}
    rows = _word_sums(unique, remember)[np.fromiter((where[w] for w in flat), dtype=np.int64, count=len(flat))]
    lengths = np.fromiter((len(w) for w in split), dtype=np.int64, count=len(split))
    sums = _segment_sums(rows, lengths)
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


WORD_CACHE = 32768  # words whose token sums are kept (float16: 16 MB when full; a full cache keeps what it has)
_words: dict[str, int] = {}
_word_table = np.zeros((0, DIM), dtype=np.float16)
_words_lock = threading.Lock()


def _word_sums(words: list[str], remember: bool) -> np.ndarray:
    """Return the float32 token sum of each (distinct) word, tokenizing the ones not cached."""
    global _word_table
    out = np.zeros((len(words), DIM), dtype=np.float32)
    missing: list[int] = []
    with _words_lock:
        at, rows = [], []
        for i, w in enumerate(words):
            row = _words.get(w)
            if row is None:
                missing.append(i)
            else:
                at.append(i)
                rows.append(row)
        if at:
            out[at] = _word_table[rows]
    if not missing:
        return out
    # Rounded to float16 whether kept or not, so a vector does not depend on what was cached.
    sums = _token_sums([words[i] for i in missing]).astype(np.float16)
    out[missing] = sums
    if remember:
        with _words_lock:
            new = [(i, j) for j, i in enumerate(missing) if words[i] not in _words]
            new = new[: WORD_CACHE - len(_words)]  # a full cache keeps what it has
            if new:
                base, need = len(_words), len(_words) + len(new)
                if need > len(_word_table):  # grow by doubling, up to the cache's size
                    size = min(WORD_CACHE, max(need, 2 * len(_word_table), 1024))
                    grown = np.zeros((size, DIM), dtype=np.float16)
                    grown[:base] = _word_table[:base]
                    _word_table = grown
                _word_table[base:need] = sums[[j for _, j in new]]
                _words.update((words[i], base + n) for n, (i, _) in enumerate(new))
    return out


def word_cache_nbytes() -> int:
    """Return the memory the word cache holds (its table, its dict and the words)."""
    with _words_lock:
        return int(_word_table.nbytes) + sys.getsizeof(_words) + sum(sys.getsizeof(w) for w in _words)


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
