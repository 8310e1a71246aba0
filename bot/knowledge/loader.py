"""Load a knowledge folder into a :class:`Corpus`: documents, passages, roles, problems."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from bot.errors import KnowledgeError
from bot.knowledge.chunk import chunk_document
from bot.knowledge.document import SUPPORTED_SUFFIXES, DocumentError, parse_document
from bot.knowledge.roles import document_org, extract_roles
from bot.models import Document, Passage, Problem, Role

log = logging.getLogger(__name__)

# Files in the knowledge folder that are not documents but are read by other features.
RESERVED_FILES = frozenset({"questions.yaml", "questions.yml", "README.md"})


@dataclass(slots=True)
class Corpus:
    """Everything read from a knowledge folder."""

    documents: list[Document] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """Return the problems that kept a file from loading."""
        return [p for p in self.problems if p.severity == "error"]


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file's parse: its document, chunks as passages (ids from 0), roles and problems."""

    source: str
    content_hash: str
    document: Document | None
    passages: tuple[Passage, ...]
    roles: tuple[Role, ...]
    problems: tuple[Problem, ...]


def read_file(path: str) -> bytes:
    """Return a file's bytes (plain ``open``: pathlib costs more than the read for small files)."""
    with open(path, "rb") as handle:
        return handle.read()


def knowledge_files(folder: Path) -> tuple[list[tuple[str, str]], list[Problem]]:
    """List the document files under ``folder`` (sorted by path), and warnings for skipped ones.

    Hidden files and folders are left out; so are the files other features read
    (``questions.yaml``).
    """
    if not folder.is_dir():
        raise KnowledgeError(f"knowledge folder not found: {folder}")
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel_root = os.path.relpath(root, folder)
        parts = () if rel_root == "." else tuple(rel_root.split(os.sep))
        found.extend(((*parts, name), os.path.join(root, name)) for name in names if not name.startswith("."))
    found.sort(key=lambda item: item[0])
    files: list[tuple[str, str]] = []
    skipped: list[Problem] = []
    for parts, path in found:
        rel = "/".join(parts)
        if rel in RESERVED_FILES:
            continue
        suffix = os.path.splitext(parts[-1])[1].lower()
        if suffix not in SUPPORTED_SUFFIXES:
            skipped.append(Problem(rel, f"skipped: unsupported file type '{suffix or '(none)'}'"))
            continue
        files.append((rel, path))
    return files, skipped


def parse_file(source: str, data: bytes, max_chars: int) -> FileResult:
    """Parse one file's bytes into a FileResult; never raises for bad content."""
    from bot.knowledge.document import content_hash

    problems: list[Problem] = []
    digest = content_hash(data)
    try:
        doc = parse_document(data, source, problems)
    except DocumentError as exc:
        problems.append(Problem(source, str(exc), exc.line, "error"))
        return FileResult(source, digest, None, (), (), tuple(problems))
    except Exception as exc:  # a parser bug must not take the whole knowledge base down
        log.exception("unexpected error parsing %s", source)
        problems.append(Problem(source, f"could not parse: {exc}", None, "error"))
        return FileResult(source, digest, None, (), (), tuple(problems))
    org = document_org(doc)
    passages = tuple(
        Passage(
            id=i,
            source=source,
            title=doc.title,
            section=chunk.section,
            question=chunk.question,
            text=chunk.text,
            line=chunk.line,
            url=doc.url,
            published=doc.published,
            org=org,
        )
        for i, chunk in enumerate(chunk_document(doc, max_chars))
    )
    if not passages:
        problems.append(Problem(source, "no passages: the document has no text to answer from"))
    roles = tuple(extract_roles(doc, problems))
    return FileResult(source, digest, doc, passages, roles, tuple(problems))


def assemble(results: list[FileResult], extra_problems: list[Problem] | None = None) -> Corpus:
    """Combine per-file results into one Corpus (a passage's place in ``passages`` is its id there)."""
    corpus = Corpus(problems=list(extra_problems or []))
    for result in results:
        corpus.problems.extend(result.problems)
        if result.document is None:
            continue
        corpus.documents.append(result.document)
        corpus.passages.extend(result.passages)
        corpus.roles.extend(typed_role(r) for r in result.roles)
    _dedupe_role_ids(corpus.roles)
    return corpus


def read_folder(folder: Path, max_chars: int = 900) -> tuple[list[FileResult], list[Problem]]:
    """Parse every document under ``folder``; return the results and folder-level problems."""
    files, skipped = knowledge_files(folder)
    results = []
    for source, path in files:
        try:
            data = read_file(path)
        except OSError as exc:
            skipped.append(Problem(source, f"cannot read file: {exc.strerror or exc}", None, "error"))
            continue
        results.append(parse_file(source, data, max_chars))
    return results, skipped


def load_folder(folder: Path, max_chars: int = 900) -> Corpus:
    """Read every document under ``folder``; broken files are reported, not fatal."""
    results, skipped = read_folder(folder, max_chars)
    return assemble(results, skipped)


_ROLE_TEXT = ("title", "type", "org", "team", "location", "compensation", "apply_url", "description")


def typed_role(role: Role) -> Role:
    """Return ``role`` with every field of its type (text as text, remote as true/false/None).

    Files are validated when read; this also covers parses stored by an older version (a
    ``team: 456`` applied before validation existed), which must never crash a listing.
    """
    changes: dict[str, object] = {}
    for name in _ROLE_TEXT:
        value = getattr(role, name)
        if value is not None and not isinstance(value, str):
            changes[name] = str(value) if isinstance(value, (int, float)) else None
    if not isinstance(role.title, str) and "title" in changes and changes["title"] is None:
        changes["title"] = role.id
    if role.remote is not None and not isinstance(role.remote, bool):
        changes["remote"] = None
    if role.status not in ("open", "closed"):
        changes["status"] = "open"
    for name in ("posted", "closes"):
        if getattr(role, name) is not None and not isinstance(getattr(role, name), date):
            changes[name] = None
    return replace(role, **changes) if changes else role


def _dedupe_role_ids(roles: list[Role]) -> None:
    seen: dict[str, int] = {}
    for i, role in enumerate(roles):
        n = seen.get(role.id, 0)
        seen[role.id] = n + 1
        if n:
            roles[i] = replace(role, id=f"{role.id}-{n + 1}")
