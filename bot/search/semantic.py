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

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

MODEL = "wordllama l2_supercat_256"  # part of the stored vectors' version
DIM = 256
COARSE_DIM = 64
BLOCK = 16
PROBE = 48
EXACT_LIMIT = 4096

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
        return _model


def embed(texts: Sequence[str]) -> np.ndarray:
    """Return one unit-length float32 vector per text (a zero vector for a text with no tokens)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    model = _load_model()
    vectors = np.asarray(model.embed(list(texts), norm=False, return_np=True), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.asarray(np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0))


def embed_one(text: str) -> np.ndarray:
    """Return the unit-length vector of one text."""
    return np.asarray(embed([text])[0])


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
