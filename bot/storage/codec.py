"""Turn parsed files into JSON, and named arrays into bytes, and back, for the snapshot store."""

from __future__ import annotations

import math
import struct
from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from typing import Any

import numpy as np
import orjson

from bot.documents.loader import FileResult
from bot.models import Document, Passage, Problem, Role


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def encode_file(result: FileResult) -> str:
    """Return the JSON form of one parsed file (its document without the raw blocks)."""
    doc = result.document
    data: dict[str, Any] = {
        "source": result.source,
        "content_hash": result.content_hash,
        "document": None
        if doc is None
        else {
            "source": doc.source,
            "title": doc.title,
            "kind": doc.kind,
            "url": doc.url,
            "published": doc.published.isoformat() if doc.published else None,
            "org": doc.org,
            "content_hash": doc.content_hash,
        },
        "passages": [
            {**asdict(p), "published": p.published.isoformat() if p.published else None}
            for p in result.passages
        ],
        "roles": [
            {
                **asdict(r),
                "posted": r.posted.isoformat() if r.posted else None,
                "closes": r.closes.isoformat() if r.closes else None,
            }
            for r in result.roles
        ],
        "problems": [asdict(p) for p in result.problems],
    }
    return orjson.dumps(data).decode()


def decode_file(text: str) -> FileResult:
    """Rebuild a FileResult from :func:`encode_file`'s JSON."""
    data = orjson.loads(text)
    raw_doc = data["document"]
    doc = None
    if raw_doc is not None:
        doc = Document(
            source=raw_doc["source"],
            title=raw_doc["title"],
            kind=raw_doc["kind"],
            blocks=[],
            url=raw_doc["url"],
            published=_date(raw_doc["published"]),
            org=raw_doc["org"],
            content_hash=raw_doc["content_hash"],
        )
    passages = tuple(Passage(**{**p, "published": _date(p["published"])}) for p in data["passages"])
    roles = tuple(
        Role(**{**r, "posted": _date(r["posted"]), "closes": _date(r["closes"])}) for r in data["roles"]
    )
    problems = tuple(Problem(**p) for p in data["problems"])
    return FileResult(data["source"], data["content_hash"], doc, passages, roles, problems)


ARRAYS_MAGIC = b"NPA1"


def encode_arrays(arrays: Mapping[str, np.ndarray]) -> bytes:
    """Serialise named arrays: a JSON header, then each array's bytes (8-aligned).

    The header is one flat list (name, dtype, number of dimensions, the dimensions, offset,
    then the next array's), so that reading it makes one list, not one per array: a start
    reads thousands of these, and every container made costs the garbage collector.
    """
    header: list[str | int] = []
    chunks: list[bytes | memoryview] = []  # the arrays' own bytes, as views: joined once, copied once
    at = 0
    for name, array in arrays.items():
        data = np.ascontiguousarray(array)
        if data.dtype.hasobject:
            raise TypeError(f"{name}: only arrays of numbers can be stored")
        dtype = data.dtype.newbyteorder("<") if data.dtype.byteorder == ">" else data.dtype
        raw = np.ascontiguousarray(data.astype(dtype, copy=False)).reshape(-1).view(np.uint8).data
        header += [name, dtype.str, data.ndim, *data.shape, at]
        pad = -raw.nbytes % 8
        chunks += [raw, b"\0" * pad]
        at += raw.nbytes + pad
    head = orjson.dumps(header)
    return b"".join([ARRAYS_MAGIC, struct.pack("<I", len(head)), head, b"\0" * (-len(head) % 8), *chunks])


def decode_arrays(data: bytes) -> dict[str, np.ndarray]:
    """Read what :func:`encode_arrays` wrote (read-only views of ``data``, no copies)."""
    if len(data) < 8 or data[:4] != ARRAYS_MAGIC:
        raise ValueError("not stored arrays")
    (size,) = struct.unpack("<I", data[4:8])
    header = orjson.loads(data[8 : 8 + size])
    base = 8 + size + (-size % 8)
    out = {}
    i = 0
    while i < len(header):
        name, dtype_str, ndim = header[i : i + 3]
        shape = tuple(header[i + 3 : i + 3 + ndim])
        at = header[i + 3 + ndim]
        i += 4 + ndim
        dtype = np.dtype(dtype_str)
        if dtype.hasobject:
            raise ValueError(f"{name}: not an array of numbers")
        count = math.prod(shape)
        if base + at + count * dtype.itemsize > len(data):
            raise ValueError(f"{name}: truncated")
        out[str(name)] = np.frombuffer(data, dtype=dtype, count=count, offset=base + at).reshape(shape)
    return out
