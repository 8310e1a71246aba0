"""Benchmark retrieval over a synthetic knowledge base: ``python -m bot bench``.

For each size it builds passages of pseudo-English text (Zipf-distributed words, so some
words are in most passages and rank-bm25 floors their idf), tokenizes them once, and on
those identical tokens measures:

* our index, built as the bot builds it (``Snapshot.from_files`` over one parsed file per
  ten passages): build time, memory held (tracemalloc: numpy arrays and Python objects,
  split into the passage index, the document index, the vectors and the rest), latency of
  retrieval alone (top 10) and of the whole answer (tokenizing, synonyms, re-ranking,
  coverage, snippets);
* the library data the bot loads once per process whatever the knowledge base's size
  (WordLlama's embeddings, wordfreq's frequency lists): loaded before the index is
  measured, and reported apart;
* rank-bm25's ``get_scores`` (plus a top-10 sort) on a sample of the questions;
* bm25s (the ``bench`` extra), top 10 per single question;
* whether our scores equal ``get_scores`` exactly on every sampled question.
"""

from __future__ import annotations

import gc
import json
import random
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

import numpy as np

from bot.config import Settings
from bot.documents.loader import FileResult, assemble
from bot.models import Document, Passage
from bot.search.counted import passage_terms
from bot.search.index import BM25Index
from bot.search.semantic import WORD_CACHE, embed, word_cache_nbytes
from bot.search.specificity import specificity
from bot.search.tokenize import Tokenizer
from bot.services.answers import AnswerService
from bot.services.current import SnapshotHolder
from bot.services.lifecycle import RefreshReport
from bot.snapshot import Snapshot

SYLLABLES = "ka lo mi ra ne to su vi da pe or an el is um ba ce fo gu hi".split()
PASSAGES_PER_DOCUMENT = 10
NAIVE_QUESTIONS = 20


@dataclass
class SizeResult:
    """Figures for one knowledge-base size (keys as in the JSON output)."""

    passages: int
    build_s: float
    index_mb: float  # everything the snapshot holds: the four below
    passage_index_mb: float
    document_index_mb: float
    vectors_mb: float
    other_mb: float  # vocabulary, titles, spelling words, names, the tokenizer's stem cache, ...
    library_mb: float  # WordLlama and wordfreq data, loaded once per process (not in index_mb)
    word_cache_mb: float  # the bounded cache of words' token sums (semantic.WORD_CACHE; not in index_mb)
    p50_ms: float
    p99_ms: float
    answer_p50_ms: float
    answer_p99_ms: float
    naive_p50_ms: float
    bm25s_p50_ms: float | None
    bm25s_p99_ms: float | None
    scores_equal: bool

T = TypeVar("T")


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def synthetic_passages(n: int, seed: int = 42) -> tuple[list[Passage], list[str]]:
    """Return ``n`` passages of pseudo-English sentences and the vocabulary used."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng, 30_000)
    cumulative = list(np.cumsum(_zipf_weights(len(vocab))))
    passages = []
    for i in range(n):
        words = rng.choices(vocab, cum_weights=cumulative, k=rng.randint(20, 110))
        sentences = [" ".join(words[j : j + 12]).capitalize() + "." for j in range(0, len(words), 12)]
        doc = i // PASSAGES_PER_DOCUMENT
        passages.append(
            Passage(
                id=i,
                source=f"doc{doc:06d}.md",
                title=" ".join(rng.choices(vocab[:3000], k=3)).title(),
                section=" ".join(rng.choices(vocab[:5000], k=2)).title(),
                question=None,
                text=" ".join(sentences),
                line=1 + (i % PASSAGES_PER_DOCUMENT) * 5,
            )
        )
    return passages, vocab


def synthetic_questions(vocab: Sequence[str], count: int, seed: int = 7) -> list[str]:
    """Return questions of 2 to 6 words drawn like the passages' words (so some are in most
    passages), plus a tenth of questions made only of the 40 commonest words: the worst case."""
    rng = random.Random(seed)
    cumulative = list(np.cumsum(_zipf_weights(len(vocab))))
    out = []
    for i in range(count):
        k = rng.randint(2, 6)
        if i % 10 == 9:
            words = rng.choices(vocab[:40], k=k)
        else:
            words = rng.choices(vocab, cum_weights=cumulative, k=k)
        out.append("What about " + " ".join(words) + "?")
    return out


def _zipf_weights(n: int) -> list[float]:
    return [1.0 / (rank + 1) ** 1.05 for rank in range(n)]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    arr = np.asarray(samples) * 1000.0
    return float(np.percentile(arr, 50)), float(np.percentile(arr, 99))


def _time_each(items: Sequence[T], fn: Callable[[T], object]) -> list[float]:
    out = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - start)
    return out


def synthetic_files(passages: Sequence[Passage]) -> list[FileResult]:
    """Return the passages as parsed files, one per document (as the loader gives them)."""
    out = []
    for start in range(0, len(passages), PASSAGES_PER_DOCUMENT):
        part = tuple(passages[start : start + PASSAGES_PER_DOCUMENT])
        source = part[0].source
        document = Document(source, part[0].title, "page", [], content_hash=source)
        out.append(FileResult(source, source, document, part, (), ()))
    return out


def load_library_data() -> int:
    """Load what the bot loads once per process (WordLlama, wordfreq); return the bytes it holds."""
    gc.collect()
    tracemalloc.start()
    embed(["library data"])
    specificity("library")
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return held


def bench_size(n: int, questions: int, settings: Settings) -> SizeResult:
    """Measure one size."""
    passages, vocab = synthetic_passages(n)
    texts = synthetic_questions(vocab, questions)
    files = synthetic_files(passages)
    tokenizer = Tokenizer(equivalents=settings.equivalents)
    corpus_terms = [passage_terms(tokenizer, p, settings.retrieval) for p in passages]
    library_bytes = load_library_data()

    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    snapshot = Snapshot.from_files(assemble(files), files, settings)
    build_s = time.perf_counter() - start
    gc.collect()
    # The word cache is bounded (semantic.WORD_CACHE) whatever the knowledge base's size: reported apart.
    cache_bytes = word_cache_nbytes()
    index_bytes = tracemalloc.get_traced_memory()[0] - cache_bytes
    tracemalloc.stop()

    engine = snapshot.engine
    passage_index, document_index = engine.index.nbytes, engine.doc_index.nbytes
    vectors = engine.semantic.nbytes + engine.heads.nbytes
    queries = [engine.query(t) for t in texts]
    for q in queries[:20]:  # warm caches (stemmer, word frequencies) as a running bot has them
        engine.index.top(q.expanded, 10, q.weights)
    retrieval = _time_each(queries, lambda q: engine.index.top(q.expanded, 10, q.weights))
    service = AnswerService(SnapshotHolder(snapshot), settings)
    for t in texts[:20]:
        service.ask(t)
    answers = _time_each(texts, service.ask)

    from rank_bm25 import BM25Okapi

    okapi = BM25Okapi(
        corpus_terms, k1=settings.retrieval.k1, b=settings.retrieval.b, epsilon=settings.retrieval.epsilon
    )
    sample = [list(q.terms) for q in queries[:NAIVE_QUESTIONS]]
    naive = _time_each(sample, lambda terms: np.argsort(-okapi.get_scores(terms))[:10])
    equal = all(np.array_equal(okapi.get_scores(t), engine.index.get_scores(t)) for t in sample)
    equal = equal and all(
        _same_top(okapi.get_scores(t), engine.index.top(t, 10).ids, engine.index, t) for t in sample
    )
    okapi = None  # free its per-passage dicts before bm25s builds
    gc.collect()

    bm25s_p50 = bm25s_p99 = None
    try:
        import bm25s
    except ImportError:  # the bench extra is not installed
        bm25s = None
    if bm25s is not None:
        retriever = bm25s.BM25(k1=settings.retrieval.k1, b=settings.retrieval.b)
        retriever.index(corpus_terms, show_progress=False)
        plain = [list(q.terms) for q in queries]
        for terms in plain[:20]:
            retriever.retrieve([terms], k=10, show_progress=False)
        bm25s_p50, bm25s_p99 = _percentiles(
            _time_each(plain, lambda terms: retriever.retrieve([terms], k=10, show_progress=False))
        )
    p50, p99 = _percentiles(retrieval)
    a50, a99 = _percentiles(answers)
    return SizeResult(
        passages=n,
        build_s=round(build_s, 3),
        index_mb=round(index_bytes / 2**20, 1),
        passage_index_mb=round(passage_index / 2**20, 1),
        document_index_mb=round(document_index / 2**20, 1),
        vectors_mb=round(vectors / 2**20, 1),
        other_mb=round((index_bytes - passage_index - document_index - vectors) / 2**20, 1),
        library_mb=round(library_bytes / 2**20, 1),
        word_cache_mb=round(cache_bytes / 2**20, 1),
        p50_ms=round(p50, 4),
        p99_ms=round(p99, 4),
        answer_p50_ms=round(a50, 4),
        answer_p99_ms=round(a99, 4),
        naive_p50_ms=round(_percentiles(naive)[0], 3),
        bm25s_p50_ms=None if bm25s_p50 is None else round(bm25s_p50, 4),
        bm25s_p99_ms=None if bm25s_p99 is None else round(bm25s_p99, 4),
        scores_equal=bool(equal),
    )


def _same_top(full: np.ndarray, ids: np.ndarray, index: BM25Index, terms: list[str]) -> bool:
    containing = {i for t in terms for i in index.passages_with(t).tolist()}
    expected = sorted(containing, key=lambda i: (-full[i], i))[:10]
    return bool(ids.tolist() == expected)


def run_bench(sizes: Sequence[int], questions: int, *, as_json: bool) -> int:
    """Run the benchmark for each size and print the figures; return the exit status."""
    settings = Settings()
    results = []
    for n in sizes:
        result = bench_size(n, questions, settings)
        results.append(result)
        if not as_json:
            _print(result)
    if as_json:
        print(json.dumps([r.__dict__ for r in results], indent=2))
    return 0


def _print(r: SizeResult) -> None:
    speedup = r.naive_p50_ms / r.p50_ms if r.p50_ms else float("inf")
    bm25s = (
        f"bm25s p50 {r.bm25s_p50_ms:.3f} ms, p99 {r.bm25s_p99_ms:.3f} ms"
        if r.bm25s_p50_ms is not None
        else "bm25s not installed (pip install -e '.[bench]')"
    )
    print(
        f"{r.passages:>8,} passages: build {r.build_s:.2f} s (tracemalloc on), index plus vectors "
        f"{r.index_mb:.1f} MB\n"
        f"          passage index {r.passage_index_mb:.1f} MB, document index {r.document_index_mb:.1f} MB, "
        f"vectors {r.vectors_mb:.1f} MB, the rest {r.other_mb:.1f} MB\n"
        f"          library data (WordLlama, wordfreq; once per process, not counted above) "
        f"{r.library_mb:.1f} MB, word cache (at most {WORD_CACHE:,} words; not counted above) {r.word_cache_mb:.1f} MB\n"
        f"          retrieval p50 {r.p50_ms:.3f} ms, p99 {r.p99_ms:.3f} ms "
        f"({speedup:,.0f}x faster than get_scores at {r.naive_p50_ms:.1f} ms)\n"
        f"          whole answer p50 {r.answer_p50_ms:.3f} ms, p99 {r.answer_p99_ms:.3f} ms\n"
        f"          {bm25s}\n"
        f"          scores equal to rank-bm25: {'yes' if r.scores_equal else 'NO'}"
    )


# -- the knowledge base's lifecycle ---------------------------------------------------------


@dataclass
class LifecycleResult:
    """Figures for parsing, storing, starting from the store, and refreshing one file."""

    documents: int
    passages: int
    parse_s: float  # parse, tokenize and index every file (a start without a store)
    store_s: float  # write that snapshot and its search index to SQLite
    start_s: float  # a start from the stored snapshot, ready to answer
    start_speedup: float  # parse_s / start_s
    rebuild_s: float  # a start from the stored files when the stored index is missing (an upgrade)
    refresh_s: float  # one file changed: re-read, re-parse it, update the index, store, swap
    refresh_same_s: float  # nothing changed: hash every file and compare


def write_documents(folder: Path, documents: int, sections: int = 10, seed: int = 11) -> None:
    """Write synthetic Markdown documents (title, sections of pseudo-English, one FAQ item each)."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng, 30_000)
    cumulative = list(np.cumsum(_zipf_weights(len(vocab))))
    for d in range(documents):
        lines = [f"---\ntitle: Program {d} {' '.join(rng.choices(vocab[:3000], k=2)).title()}\n---", ""]
        for s in range(sections):
            words = rng.choices(vocab, cum_weights=cumulative, k=rng.randint(30, 90))
            lines += [f"## {' '.join(words[:3]).title()} {s}", "", " ".join(words).capitalize() + ".", ""]
        sub = folder / f"part{d // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"program-{d:05d}.md").write_text("\n".join(lines), encoding="utf-8")


async def bench_lifecycle(documents: int) -> LifecycleResult:
    """Measure the lifecycle on ``documents`` synthetic files in a temporary folder."""
    import tempfile

    from bot.app import start_runtime
    from bot.storage.database import open_database
    from bot.storage.snapshots import SnapshotStore

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        settings = replace(Settings(), knowledge_dir=root / "knowledge", database=root / "bot.db")
        write_documents(settings.knowledge_dir, documents)

        start = time.perf_counter()
        first = await start_runtime(settings, folder=settings.knowledge_dir, use_store=False)
        parse_s = time.perf_counter() - start
        passages = len(first.services.holder.current.corpus.passages)
        db = await open_database(settings.database)
        report = RefreshReport(added=[f.source for f in first.services.holder.current.files])
        first.knowledge_base.store = SnapshotStore(db)
        start = time.perf_counter()
        current = first.services.holder.current
        snapshot_id = await first.knowledge_base._save(list(current.files), "bench", report, current)
        await first.knowledge_base._keep_image(replace(current, snapshot_id=snapshot_id))
        store_s = time.perf_counter() - start
        del first, current
        gc.collect()

        start = time.perf_counter()
        runtime = await start_runtime(settings)
        start_s = time.perf_counter() - start
        await runtime.close()
        await db.execute("DELETE FROM snapshot_images")  # as after an upgrade: built from the rows
        await db.commit()
        await db.close()
        del runtime
        gc.collect()

        start = time.perf_counter()
        runtime = await start_runtime(settings)
        rebuild_s = time.perf_counter() - start
        try:
            assert len(runtime.services.holder.current.corpus.passages) == passages
            target = sorted(settings.knowledge_dir.rglob("*.md"))[documents // 2]
            target.write_text(target.read_text(encoding="utf-8") + "\n## Added section\n\nA new paragraph.\n")
            start = time.perf_counter()
            changed = await runtime.knowledge_base.refresh(by="bench")
            refresh_s = time.perf_counter() - start
            assert changed.applied and len(changed.changed) == 1, changed.refused
            start = time.perf_counter()
            await runtime.knowledge_base.refresh(by="bench")
            refresh_same_s = time.perf_counter() - start
        finally:
            await runtime.close()
    return LifecycleResult(
        documents,
        passages,
        round(parse_s, 3),
        round(store_s, 3),
        round(start_s, 3),
        round(parse_s / start_s, 1),
        round(rebuild_s, 3),
        round(refresh_s, 3),
        round(refresh_same_s, 3),
    )


def run_lifecycle_bench(documents: Sequence[int], *, as_json: bool) -> int:
    """Run the lifecycle benchmark for each size and print the figures."""
    import asyncio

    results = [asyncio.run(bench_lifecycle(n)) for n in documents]
    if as_json:
        print(json.dumps([r.__dict__ for r in results], indent=2))
    else:
        for r in results:
            print(
                f"{r.documents:>8,} documents, {r.passages:,} passages: parse and index {r.parse_s:.2f} s, "
                f"store {r.store_s:.2f} s\n"
                f"          start from the store {r.start_s:.2f} s ({r.start_speedup:.1f}x faster than parsing); "
                f"without its stored index {r.rebuild_s:.2f} s\n"
                f"          refresh after one file changed {r.refresh_s:.3f} s, with nothing changed {r.refresh_same_s:.3f} s"
            )
    return 0
