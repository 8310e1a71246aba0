"""Load a knowledge folder into a :class:`Corpus`: documents, passages, roles, problems."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

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


def knowledge_files(folder: Path) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """List the document files under ``folder`` (sorted), and warnings for skipped ones."""
    if not folder.is_dir():
        from bot.errors import KnowledgeError

        raise KnowledgeError(f"knowledge folder not found: {folder}")
    files: list[tuple[str, Path]] = []
    skipped: list[Problem] = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if any(part.startswith(".") for part in path.relative_to(folder).parts) or not path.is_file():
            continue
        if rel in RESERVED_FILES:
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            skipped.append(Problem(rel, f"skipped: unsupported file type '{path.suffix or '(none)'}'"))
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
    """Combine per-file results into one Corpus with passage ids numbered in order."""
    corpus = Corpus(problems=list(extra_problems or []))
    for result in results:
        corpus.problems.extend(result.problems)
        if result.document is None:
            continue
        corpus.documents.append(result.document)
        base = len(corpus.passages)
        for p in result.passages:
            corpus.passages.append(_renumber(p, base + p.id))
        corpus.roles.extend(result.roles)
    _dedupe_role_ids(corpus.roles)
    return corpus


def read_folder(folder: Path, max_chars: int = 900) -> tuple[list[FileResult], list[Problem]]:
    """Parse every document under ``folder``; return the results and folder-level problems."""
    files, skipped = knowledge_files(folder)
    results = []
    for source, path in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            skipped.append(Problem(source, f"cannot read file: {exc.strerror or exc}", None, "error"))
            continue
        results.append(parse_file(source, data, max_chars))
    return results, skipped


def load_folder(folder: Path, max_chars: int = 900) -> Corpus:
    """Read every document under ``folder``; broken files are reported, not fatal."""
    results, skipped = read_folder(folder, max_chars)
    return assemble(results, skipped)


def _renumber(p: Passage, new_id: int) -> Passage:
    return replace(p, id=new_id)


def _dedupe_role_ids(roles: list[Role]) -> None:
    seen: dict[str, int] = {}
    for i, role in enumerate(roles):
        n = seen.get(role.id, 0)
        seen[role.id] = n + 1
        if n:
            roles[i] = replace(role, id=f"{role.id}-{n + 1}")
