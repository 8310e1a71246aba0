"""One way to build the engine: a fresh build, and an update of any kind, give the same engine.

The engine keeps nothing per file but its place (``IndexedFile``): these tests check that
what it reads back from its own indexes and vector matrix (a refresh, a full rebuild, the
arrays stored beside each file) is exactly what counting the files again gives.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from bot.config import Settings
from bot.documents.loader import FileResult, assemble
from bot.models import Document, Passage
from bot.search.counted import FileTerms, count_file
from bot.search.engine import MAX_INCREMENTAL_SPANS, IndexedFile, SearchEngine, changed_spans
from bot.snapshot import Snapshot

WORDS = "lab park garden tomato bike rack door badge visitor member training booking fee weekend".split()


def make_file(name: str, version: int, rng: random.Random) -> FileResult:
    passages = []
    for i in range(rng.randint(1, 5)):
        text = " ".join(rng.choices(WORDS, k=rng.randint(3, 25))) + f" v{version}."
        question = f"Is the {rng.choice(WORDS)} open?" if i % 2 else None
        passages.append(
            Passage(i, name, f"{name} title {version}", "FAQ" if question else "About", question, text, i + 1)
        )
    document = Document(name, f"{name} title {version}", "page", [], content_hash=f"{name}:{version}")
    return FileResult(name, f"{name}:{version}", document, tuple(passages), (), ())


def state(engine: SearchEngine) -> dict:
    """Everything a question can reach, in comparable form."""
    probe = [[t] for t in engine.vocab.terms] + [engine.vocab.terms[:3], ["lab", "lab", "weekend"]]
    return {
        "files": engine.files,
        "scores": [engine.index.get_scores(q).tolist() for q in probe],
        "doc_scores": [engine.doc_index.get_scores(q).tolist() for q in probe],
        "forward": [a.tolist() for a in (engine.index.forward().lengths, engine.index.forward().tids)],
        "doc_forward": engine.doc_index.forward().tids.tolist(),
        "doc_of": engine.doc_of.tolist(),
        "titles": engine.title_terms,
        "words": engine.word_files,
        "codes": engine.semantic.vectors.codes.tolist(),
        "scales": engine.semantic.vectors.scales.tolist(),
        "heads": engine.heads.vectors.codes.tolist(),
        "head_of": engine.head_of,
    }


def build(files: list[FileResult], settings: Settings, base: Snapshot | None = None) -> Snapshot:
    corpus = assemble(files)
    if base is None:
        return Snapshot.from_files(corpus, files, settings)
    return base.updated(corpus, files, settings)


@pytest.mark.parametrize("changes", [1, 3, MAX_INCREMENTAL_SPANS + 4])
def test_an_update_equals_a_fresh_build(settings: Settings, changes: int) -> None:
    rng = random.Random(changes)
    files = [make_file(f"f{n:02d}.md", 0, rng) for n in range(24)]
    first = build(files, settings)
    for version in range(1, 4):
        # every other file from the (changes)th on, so that each change is a run of its own
        for n in range(version % 2, 2 * changes, 2):
            files[n] = make_file(files[n].source, version, rng)
        if version == 2:
            del files[5]  # a file removed
            files.insert(0, make_file("a-new.md", version, rng))  # and one added
        updated = build(files, settings, first)
        fresh = build(files, settings)
        assert updated.engine.vocab is first.engine.vocab  # counted in the same vocabulary
        assert _comparable(updated) == _comparable(fresh)
        first = updated


def _comparable(snapshot: Snapshot) -> dict:
    """The engine's state with term ids replaced by the terms."""
    engine = snapshot.engine
    out = state(engine)
    terms = engine.vocab.terms
    out["forward"][1] = [terms[t] for t in out["forward"][1]]
    out["doc_forward"] = [terms[t] for t in out["doc_forward"]]
    by_term = dict(zip([tuple(q) for q in [[t] for t in terms]], out["scores"], strict=False))
    out["scores"] = {k: v for k, v in by_term.items() if any(v)}
    out["doc_scores"] = None  # compared through the document forward and the scores above
    return out


def test_files_taken_over_out_of_order_are_read_back(settings: Settings) -> None:
    rng = random.Random(5)
    files = [make_file(f"f{n:02d}.md", 0, rng) for n in range(6)]
    old = build(files, settings).engine
    entries: list[FileTerms | IndexedFile] = list(reversed(old.files))  # every file moves
    passages = [p for f in reversed(files) for p in f.passages]
    moved = old.with_changes(passages, entries)
    counted = [
        count_file(f.source, f.content_hash, f.passages, old.tokenizer, settings.retrieval, old.vocab)
        for f in reversed(files)
    ]
    fresh = SearchEngine.from_files(
        passages, counted, settings.retrieval, settings.synonyms, old.tokenizer, old.vocab
    )
    assert state(moved) == state(fresh)
    assert len(changed_spans(old.files, moved.files)) >= 1


def test_stored_arrays_equal_a_new_count(settings: Settings) -> None:
    rng = random.Random(9)
    files = [make_file(f"f{n:02d}.md", 0, rng) for n in range(30)]  # more than BULK_READ
    snapshot = build(files, settings)
    engine = snapshot.engine
    for wanted in (files[3:5], files):
        keys = [(f.source, f.content_hash) for f in wanted]
        arrays = snapshot.arrays_for(keys)
        assert list(arrays) == keys
        for f in wanted:
            back = FileTerms.from_arrays(
                arrays[(f.source, f.content_hash)], f.source, f.content_hash, engine.vocab
            )
            again = count_file(
                f.source, f.content_hash, f.passages, engine.tokenizer, settings.retrieval, engine.vocab
            )
            for name in ("passages", "document"):
                a, b = getattr(back, name), getattr(again, name)
                assert np.array_equal(a.lengths, b.lengths) and np.array_equal(a.tids, b.tids)
                assert np.array_equal(a.tfs, b.tfs)
            assert (back.title, back.words, back.head_rows) == (again.title, again.words, again.head_rows)
            assert np.array_equal(back.vectors.codes, again.vectors.codes)
            assert np.array_equal(back.heads.scales, again.heads.scales)


def test_a_wrong_reference_is_refused(settings: Settings) -> None:
    rng = random.Random(2)
    files = [make_file("a.md", 0, rng)]
    engine = build(files, settings).engine
    with pytest.raises(ValueError):
        engine.with_changes(files[0].passages, [IndexedFile("a.md", "other", len(files[0].passages), 0)])


def test_an_image_gives_back_the_same_snapshot(settings: Settings) -> None:
    rng = random.Random(13)
    files = [make_file(f"f{n:02d}.md", 0, rng) for n in range(20)]
    files.insert(3, FileResult("broken.md", "broken:0", None, (), (), ()))  # a file without a document
    snapshot = build(files, settings)
    back = Snapshot.from_image(assemble(files), files, settings, snapshot.image(), snapshot_id=7)
    assert state(back.engine) == state(snapshot.engine)
    assert back.engine.vocab.terms == snapshot.engine.vocab.terms
    assert back.names == snapshot.names and back.snapshot_id == 7 and back.version == snapshot.version
    question = " ".join(WORDS[:4])
    assert back.engine.index.top(back.engine.tokenizer(question), 5).ids.tolist() == (
        snapshot.engine.index.top(snapshot.engine.tokenizer(question), 5).ids.tolist()
    )
    # and it is updated as the snapshot it was taken from is
    files[5] = make_file(files[5].source, 1, rng)
    assert _comparable(build(files, settings, back)) == _comparable(build(files, settings))


def test_an_image_of_other_files_or_a_damaged_one_is_refused(settings: Settings) -> None:
    rng = random.Random(17)
    files = [make_file(f"f{n:02d}.md", 0, rng) for n in range(6)]
    image = build(files, settings).image()
    changed = [*files[:2], make_file(files[2].source, 1, rng), *files[3:]]
    with pytest.raises(ValueError, match="not of these files"):
        Snapshot.from_image(assemble(changed), changed, settings, image)
    damaged = {**image, "index.postings": image["index.postings"][:-1]}
    with pytest.raises(ValueError, match="do not add up"):
        Snapshot.from_image(assemble(files), files, settings, damaged)
    with pytest.raises(KeyError):
        Snapshot.from_image(
            assemble(files), files, settings, {k: v for k, v in image.items() if k != "names"}
        )


def test_stored_terms_are_mapped_alike_in_one_batch_or_many(settings: Settings, monkeypatch) -> None:
    import bot.search.counted as counted
    from bot.search.index import Vocabulary

    rng = random.Random(21)
    files = [make_file(f"f{n:02d}.md", 0, rng) for n in range(12)]
    arrays = list(build(files, settings).arrays_for([(f.source, f.content_hash) for f in files]).values())
    arrays.insert(4, {"terms": np.zeros(0, dtype=np.uint8)})  # a file without terms

    def mapped() -> tuple[list[list[str]], list[str]]:
        vocab = Vocabulary()
        return [
            [vocab.terms[i] for i in ids.tolist()] for ids in counted.term_ids(arrays, vocab)
        ], vocab.terms

    one = mapped()
    monkeypatch.setattr(counted, "TERMS_AT_ONCE", 20)  # a batch every file or two
    assert mapped() == one
    assert one[0] == [counted._lines(a["terms"]) for a in arrays]
