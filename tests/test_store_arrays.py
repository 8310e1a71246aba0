"""The snapshot store keeps named arrays beside files without knowing what they are."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.documents.loader import FileResult
from bot.storage.codec import decode_arrays, encode_arrays
from bot.storage.database import open_database
from bot.storage.snapshots import SnapshotStore, StoredArrays


def test_arrays_round_trip_with_dtypes_and_shapes() -> None:
    arrays = {
        "ints": np.arange(5, dtype=np.int32),
        "codes": np.arange(-6, 6, dtype=np.int8).reshape(3, 4),
        "scales": np.asarray([0.5, 1.25], dtype=np.float32),
        "text": np.frombuffer("héllo\nwörld".encode(), dtype=np.uint8),
        "empty": np.zeros((0, 256), dtype=np.int8),
        "big-endian": np.asarray([1, 2], dtype=">i4"),
    }
    back = decode_arrays(encode_arrays(arrays))
    assert list(back) == list(arrays)
    for name, array in arrays.items():
        assert back[name].shape == array.shape and np.array_equal(back[name], array)
    assert back["text"].tobytes().decode() == "héllo\nwörld"


@pytest.mark.parametrize(
    "blob", [b"", b"NPA1", b"not arrays at all", encode_arrays({"a": np.arange(9)})[:-8]]
)
def test_unreadable_arrays_are_refused(blob: bytes) -> None:
    with pytest.raises(ValueError):
        decode_arrays(blob)


async def test_the_store_keeps_arrays_by_file_and_version(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "bot.db")
    try:
        store = SnapshotStore(db)
        files = [FileResult(f"{name}.md", f"hash-{name}", None, (), (), ()) for name in "abc"]
        keys = [(f.source, f.content_hash) for f in files]
        assert await store.without_arrays(files, "v1") == keys
        arrays = {keys[0]: {"x": np.arange(3, dtype=np.int32)}, keys[1]: {"x": np.arange(4, dtype=np.int32)}}
        first = await store.save(files, "test", {}, arrays, "v1")
        assert await store.without_arrays(files, "v1") == [keys[2]]
        assert await store.without_arrays(files, "v2") == keys  # another version needs its own
        stored = await store.load(first)
        assert [s.key for s in stored] == keys
        kept = StoredArrays(stored, "v1")
        assert set(kept) == {keys[0], keys[1]}
        assert kept[keys[1]]["x"].tolist() == [0, 1, 2, 3]
        assert kept.get(keys[2]) is None and StoredArrays(stored, "v2").get(keys[0]) is None
        # a damaged blob reads as none: the arrays are made again, not a failed start
        await db.execute("UPDATE files SET terms = ? WHERE source = 'a.md'", (b"NPA1garbage",))
        await db.commit()
        assert StoredArrays(await store.load(first), "v1").get(keys[0]) is None
    finally:
        await db.close()
