"""Turn parsed files into JSON and back, for the snapshot store."""

from __future__ import annotations

import struct
from dataclasses import asdict
from datetime import date
from typing import Any

import numpy as np
import orjson

from bot.knowledge.loader import FileResult
from bot.models import Document, Passage, Problem, Role
from bot.search.engine import FileTerms
from bot.search.index import Forward, Vocabulary
from bot.search.semantic import Vectors


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


def encode_terms(terms: FileTerms, vocab: Vocabulary) -> bytes:
    """Serialise a file's counted terms with its own small vocabulary (term strings).

    Ids of the in-memory vocabulary are not stored: they belong to one process. A file's
    own list of terms keeps the counts valid for whichever process loads them.
    """
    tids = np.concatenate([terms.passages.tids, terms.document.tids])
    local, inverse = np.unique(tids, return_inverse=True)
    n = len(terms.passages.tids)
    words = "\n".join(vocab.terms[t] for t in local.tolist()).encode()
    title = "\n".join(sorted(terms.title)).encode()
    passages = Forward(terms.passages.lengths, inverse[:n].astype(np.int32), terms.passages.tfs).to_bytes()
    document = Forward(terms.document.lengths, inverse[n:].astype(np.int32), terms.document.tfs).to_bytes()
    surface = terms.words.encode()
    vectors = terms.vectors.to_bytes()
    heads = terms.heads.to_bytes()
    rows = np.asarray(terms.head_rows, dtype="<i4").tobytes()
    parts = (words, title, passages, document, surface, vectors, heads, rows)
    return struct.pack(f"<{len(parts)}Q", *map(len, parts)) + b"".join(parts)


def decode_terms(data: bytes, source: str, vocab: Vocabulary) -> FileTerms:
    """Rebuild a file's counted terms, mapping its terms into ``vocab``."""
    sizes = struct.unpack("<8Q", data[:64])
    chunks = []
    at = 64
    for size in sizes:
        chunks.append(data[at : at + size])
        at += size
    words_b, title_b, passages_b, document_b, surface_b, vectors_b, heads_b, rows_b = chunks
    words = words_b.decode().split("\n") if words_b else []
    title = frozenset(title_b.decode().split("\n")) if title_b else frozenset()
    ids = vocab.ids_of(words)
    passages = Forward.from_bytes(passages_b)
    document = Forward.from_bytes(document_b)
    return FileTerms(
        source,
        Forward(passages.lengths, ids[passages.tids], passages.tfs),
        Forward(document.lengths, ids[document.tids], document.tfs),
        title,
        surface_b.decode(),
        Vectors.from_bytes(vectors_b),
        Vectors.from_bytes(heads_b),
        tuple(np.frombuffer(rows_b, dtype="<i4").tolist()),
    )
