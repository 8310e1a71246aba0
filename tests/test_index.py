import random

import numpy as np
from rank_bm25 import BM25Okapi

from bot.search.index import BM25Index


def corpus(seed: int = 7, docs: int = 400):
    """Documents of very different lengths over a Zipf-like vocabulary: scores differ widely,
    and the commonest words are in more than half the documents (rank-bm25's epsilon floor)."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(600)]
    weights = [1 / (i + 1) for i in range(len(vocab))]
    out = []
    for _ in range(docs):
        n = rng.choice([1, 3, 10, 40, 120])
        out.append(rng.choices(vocab, weights, k=n))
    out[5] = []  # an empty passage must not break anything
    return out


def test_scores_equal_rank_bm25_exactly() -> None:
    docs = corpus()
    reference = BM25Okapi(docs)
    index = BM25Index(docs)
    rng = random.Random(1)
    seen = []
    for _ in range(50):
        query = rng.choices([f"w{i}" for i in range(650)], k=rng.randint(1, 6))
        expected = reference.get_scores(query)
        assert np.array_equal(index.get_scores(query), expected)
        seen.extend(expected[expected > 0].tolist())
    assert max(seen) > 20 * min(seen)  # the scores compared span a wide range


def test_epsilon_floor_matches() -> None:
    docs = corpus()
    reference = BM25Okapi(docs)
    assert reference.idf["w0"] == index_idf(docs, "w0")
    assert reference.idf["w0"] > 0  # raised to epsilon * average idf


def index_idf(docs, term):
    return BM25Index(docs).term_idf(term)


def test_top_matches_full_ranking_over_passages_with_a_query_term() -> None:
    docs = corpus()
    index = BM25Index(docs)
    for query in (["w3"], ["w0", "w1"], ["w599", "w17", "w0", "w0"], ["unknown"]):
        full = index.get_scores(query)
        top = index.top(query, 10)
        containing = {i for t in query for i in index.passages_with(t).tolist()}
        expected = sorted(containing, key=lambda i: (-full[i], i))[:10]
        assert top.ids.tolist() == expected
        assert np.array_equal(top.scores, full[expected])


def test_weights_scale_each_term() -> None:
    docs = corpus()
    index = BM25Index(docs)
    a, b = index.get_scores(["w2"]), index.get_scores(["w40"])
    top = index.top(["w2", "w40"], 5, weights=[1.0, 0.5])
    assert np.allclose(top.scores, (a + 0.5 * b)[top.ids])


def test_scores_for_a_subset() -> None:
    docs = corpus()
    index = BM25Index(docs)
    ids = np.array([0, 3, 9, 250, 399])
    assert np.array_equal(index.get_scores_for(ids, ["w1", "w9"]), index.get_scores(["w1", "w9"])[ids])


def test_tiny_corpus_still_finds_passages() -> None:
    # with one passage every Okapi idf is negative: the passage must still be found
    index = BM25Index([["holiday", "days"]])
    assert index.top(["holiday"], 3).ids.tolist() == [0]


def test_empty_corpus() -> None:
    index = BM25Index([])
    assert index.top(["x"], 3).ids.tolist() == []


def test_replacing_units_equals_a_fresh_build() -> None:
    from bot.search.index import Forward, Vocabulary

    docs = corpus(seed=3, docs=300)
    rng = random.Random(5)
    vocab = Vocabulary()
    index = BM25Index(docs, vocab=vocab)
    for _ in range(5):
        start = rng.randrange(len(docs))
        stop = min(len(docs), start + rng.randrange(0, 6))
        new_units = [
            rng.choices([f"w{i}" for i in range(700)], k=rng.randint(0, 30))
            for _ in range(rng.randrange(0, 5))
        ]
        index = index.replace_units(start, stop, Forward.from_terms(new_units, vocab))
        docs = docs[:start] + new_units + docs[stop:]
        fresh = BM25Index(docs)
        reference = BM25Okapi(docs)
        assert index.size == len(docs)
        for query in (["w0", "w1"], ["w650", "w3"], ["w2", "w2", "w40"]):
            assert np.array_equal(index.get_scores(query), fresh.get_scores(query))
            assert np.array_equal(index.get_scores(query), reference.get_scores(query))


def test_top_is_exact_despite_float32_weights() -> None:
    """The float32 weights only choose candidates: the top k and their scores are those of
    the float64 scores (rank-bm25's), ties included, on every query path (one term, sparse,
    dense with and without the sampled floor, weighted terms)."""
    docs = corpus(seed=11, docs=3000)
    # many passages with identical scores: ties at the k-th place are common
    docs += [["w1", "w2", "w3"]] * 40 + [["w1"]] * 40
    reference = BM25Okapi(docs)
    index = BM25Index(docs)
    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(620)]
    for n in range(120):
        query = rng.choices(vocab[:40] if n % 3 == 0 else vocab, k=rng.randint(1, 6))
        weights = [rng.choice([1.0, 0.5, 1.7]) for _ in query] if n % 2 else None
        k = rng.choice([1, 10, 50])
        expected = np.zeros(len(docs))
        for i, term in enumerate(query):
            w = 1.0 if weights is None else weights[i]
            part = reference.get_scores([term])
            expected += part if w == 1.0 else part * w
        containing = sorted({i for t in query for i, d in enumerate(docs) if t in d})
        best = sorted(containing, key=lambda i: (-expected[i], i))[:k]
        found = index.top(query, k, weights)
        assert found.ids.tolist() == best
        assert np.array_equal(found.scores, expected[best])


def test_counted_terms_read_back_from_the_index() -> None:
    from bot.search.index import Forward, Vocabulary

    docs = corpus(seed=4, docs=200)
    vocab = Vocabulary()
    forward = Forward.from_terms(docs, vocab)
    index = BM25Index.from_forward(forward, vocab)
    back = index.forward()
    assert np.array_equal(back.lengths, forward.lengths)
    assert np.array_equal(back.tids, forward.tids)
    assert np.array_equal(back.tfs, forward.tfs)
    part = index.forward(30, 45)
    expected = forward.split([30, 15])[1]
    assert np.array_equal(part.lengths, expected.lengths)
    assert np.array_equal(part.tids, expected.tids) and np.array_equal(part.tfs, expected.tfs)
