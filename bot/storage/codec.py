"""Turn parsed files into JSON and back, for the snapshot store."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from bot.knowledge.loader import FileResult
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
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decode_file(text: str) -> FileResult:
    """Rebuild a FileResult from :func:`encode_file`'s JSON."""
    data = json.loads(text)
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
