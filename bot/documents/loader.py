"""Load a knowledge folder into a :class:`Corpus`: documents, passages, roles, problems."""

from __future__ import annotations

import logging
import os
import re
import stat
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from bot.documents.chunk import BULLET, SECTION_SEP, Chunk, chunk_document
from bot.documents.document import QUALIFIER, SUPPORTED_SUFFIXES, DocumentError, parse_document
from bot.documents.roles import document_org, extract_roles, front_matter_facts, place_name, title_key
from bot.errors import KnowledgeBaseError
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
    # a careers page's entries that another file posts in full (merged into that posting's
    # role): no role of their own, but still what their page names
    listed: list[Role] = field(default_factory=list)

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


DEFAULT_MAX_FILE_BYTES = 5_000_000  # knowledge.max_file_bytes in config.yaml


class UnsafeFileError(OSError):
    """A knowledge file that must not be read: not a regular file, outside the folder, too big."""


@dataclass(slots=True)
class Listing:
    """What a scan of the knowledge folder found.

    ``files`` are (source, path) pairs of readable candidates; ``problems`` name every path
    left out and why; ``unreadable`` are folders (relative, "" for the root) that could not
    be listed, and ``refused`` documents that were not read for safety: in a refresh both keep
    their last good version instead of being removed.
    """

    files: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)  # documents not read for safety (link out, FIFO, size)

    def covers_unreadable(self, source: str) -> bool:
        """Tell whether ``source`` lies in a folder that could not be listed."""
        return any(folder == "" or source.startswith(folder + "/") for folder in self.unreadable)


def read_file(path: str, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> bytes:
    """Return a regular file's bytes, at most ``max_bytes``; raise UnsafeFileError otherwise.

    The file is opened without blocking and checked on the open handle, so a FIFO, a device
    or a file swapped for one after the folder was listed is refused, never waited on or read
    without end.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFileError(f"not a regular file ({_kind(info.st_mode)})")
        if info.st_size > max_bytes:
            raise UnsafeFileError(_too_big(info.st_size, max_bytes))
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise UnsafeFileError(_too_big(size, max_bytes))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_big(size: int, limit: int) -> str:
    return f"larger than knowledge.max_file_bytes ({size:,} > {limit:,} bytes)"


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return "a special file"


def read_error(exc: OSError) -> str:
    """Describe why a file could not be read, in one line."""
    if isinstance(exc, UnsafeFileError):
        return f"not read: {exc}"
    return f"cannot read file: {exc.strerror or exc}"


def scan_folder(folder: Path, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Listing:
    """List the document files under ``folder`` (sorted by path) and say why others were left out.

    Only regular files whose real path is inside ``folder`` are listed: a symlink inside the
    folder to a file inside it is fine; one that leads outside it (``/etc/passwd``), to a
    device (``/dev/zero``) or a FIFO is a warning naming the path, and so is a file above
    ``max_bytes``. Links to folders are not followed. Hidden files and folders are left out;
    so are the files other features read (``questions.yaml``). A folder that cannot be listed
    is an error and is recorded in ``unreadable``.
    """
    if not folder.is_dir():
        raise KnowledgeBaseError(f"knowledge folder not found: {folder}")
    listing = Listing()
    root_real = os.path.realpath(folder)
    found: list[tuple[tuple[str, ...], str]] = []

    def unreadable(exc: OSError) -> None:
        rel = os.path.relpath(exc.filename or str(folder), folder)
        rel = "" if rel == "." else _display(rel.replace(os.sep, "/"))
        listing.unreadable.append(rel)
        listing.problems.append(
            Problem(
                rel or ".",
                f"cannot read folder: {exc.strerror or exc}; its documents keep their last good version",
                None,
                "error",
            )
        )

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        rel_root = os.path.relpath(root, folder)
        parts = () if rel_root == "." else tuple(rel_root.split(os.sep))
        kept = []
        for d in dirs:
            if d.startswith("."):
                continue
            if os.path.islink(os.path.join(root, d)):
                listing.problems.append(
                    Problem(_display("/".join((*parts, d))), "skipped: a link to a folder (not followed)")
                )
                continue
            kept.append(d)
        dirs[:] = kept
        found.extend(((*parts, name), os.path.join(root, name)) for name in names if not name.startswith("."))
    found.sort(key=lambda item: item[0])
    for parts, path in found:
        rel = "/".join(parts)
        if not _encodable(rel):
            listing.problems.append(
                Problem(_display(rel), "skipped: the file name is not valid UTF-8; rename it")
            )
            continue
        if rel in RESERVED_FILES:
            continue
        suffix = os.path.splitext(parts[-1])[1].lower()
        if suffix not in SUPPORTED_SUFFIXES:
            listing.problems.append(Problem(rel, f"skipped: unsupported file type '{suffix or '(none)'}'"))
            continue
        reason = unsafe_reason(path, root_real, max_bytes)
        if reason:
            listing.problems.append(Problem(rel, f"skipped: {reason}"))
            listing.refused.add(rel)
            continue
        listing.files.append((rel, path))
    return listing


def unsafe_reason(path: str, root_real: str, max_bytes: int) -> str | None:
    """Say why ``path`` must not be read, or None when it is a regular file inside ``root_real``.

    ``root_real`` is the knowledge folder's real path (``os.path.realpath``).
    """
    real = os.path.realpath(path)
    if os.path.commonpath([root_real, real]) != root_real:
        return f"a link to {_display(real)}, outside the knowledge folder"
    try:
        info = os.stat(real)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file ({_kind(info.st_mode)})"
    if info.st_size > max_bytes:
        return _too_big(info.st_size, max_bytes)
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _display(text: str) -> str:
    """Make a path printable: undecodable bytes become U+FFFD."""
    return (
        text.encode("utf-8", "surrogateescape").decode("utf-8", "replace") if not _encodable(text) else text
    )


def knowledge_files(
    folder: Path, max_bytes: int = DEFAULT_MAX_FILE_BYTES
) -> tuple[list[tuple[str, str]], list[Problem]]:
    """List the document files under ``folder`` and warnings for skipped ones (see :func:`scan_folder`)."""
    listing = scan_folder(folder, max_bytes)
    return listing.files, listing.problems


def parse_file(source: str, data: bytes, max_chars: int) -> FileResult:
    """Parse one file's bytes into a FileResult; never raises for bad content."""
    from bot.documents.document import content_hash

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
    # the text's passages, then what the front matter says of its roles (line 1: the front matter)
    chunks = [
        *(c for c in chunk_document(doc, max_chars) if not _contents(c)),
        *(Chunk(s, None, t, 1) for s, t in front_matter_facts(doc)),
    ]
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
        for i, chunk in enumerate(chunks)
    )
    if not passages:
        problems.append(Problem(source, "no passages: the document has no text to answer from"))
    roles = tuple(extract_roles(doc, problems))
    return FileResult(source, digest, doc, passages, roles, tuple(problems))


# "In this issue", "Contents", "On this page": a list of the page's own parts, which answers nothing
_CONTENTS_HEADING = re.compile(
    r"\s*(?:in this (?:issue|edition|newsletter|email|post|guide)|(?:table of )?contents|on this page|jump to)\s*:?\s*",
    re.IGNORECASE,
)


def _contents(chunk: Chunk) -> bool:
    """Tell whether a chunk is a page's table of contents: a list under a heading that says so."""
    heading = chunk.section.rsplit(SECTION_SEP, 1)[-1] if chunk.section else ""
    lines = chunk.text.split("\n")
    return bool(_CONTENTS_HEADING.fullmatch(heading)) and all(line.startswith(BULLET) for line in lines)


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
    corpus.roles[:], corpus.listed = _merged_listings(corpus.roles)
    _dedupe_role_ids(corpus.roles)
    return corpus


_MERGED_FIELDS = ("type", "org", "team", "location", "remote", "compensation", "apply_url", "closes", "description")


def _merged_listings(roles: list[Role]) -> tuple[list[Role], list[Role]]:
    """Return ``roles`` with each role a careers page lists and another file posts in full
    made one: the posting's, with what only the list says (often the apply link) added.

    A list entry ("Fraud Operations Analyst I, investigating card fraud alerts") and the
    posting of the same title from the same organisation are one position; listing it twice
    would offer it twice. Entries of other titles, organisations or places stay apart.
    Also returns the entries merged away.
    """
    postings: dict[str, list[int]] = {}
    by_name: dict[str, list[int]] = {}
    for i, role in enumerate(roles):
        if "/" not in role.id:  # a file's own role (a list's entries are "page/title")
            # "Graduate Transport Planner – September 2026 intake" is the list's "Graduate
            # Transport Planner" with a qualifier
            for key in dict.fromkeys((title_key(role.title), title_key(QUALIFIER.split(role.title, maxsplit=1)[0]))):
                postings.setdefault(key, []).append(i)
            by_name.setdefault(_named_key(role.title)[0], []).append(i)
            postings.setdefault(_words_key(role.title), []).append(i)  # "Seasonal Deckhand": "Deckhand (Seasonal)"
    merged: dict[int, Role] = {}
    dropped: set[int] = set()
    for i, entry in enumerate(roles):
        if "/" not in entry.id:
            continue
        same = [
            j
            for j in dict.fromkeys([*postings.get(title_key(entry.title), ()), *postings.get(_words_key(entry.title), ())])
            if roles[j].source != entry.source and _compatible(roles[j], entry)
        ]
        if not same:
            # "Pastry Chef - Helmsley café" and the posting's "Pastry Chef – Café & Pâtisserie,
            # Helmsley": one name, and what one says after it is among what the other says
            name, said = _named_key(entry.title)
            same = [
                j
                for j in by_name.get(name, ())
                if roles[j].source != entry.source
                and _compatible(roles[j], entry)
                and _one_within(said, _named_key(roles[j].title)[1])
                and j not in merged  # (a list's "(North)" and "(South)" are not one posting's)
            ]
        if len(same) != 1:
            continue
        posting = merged.get(same[0], roles[same[0]])
        fill = {f: getattr(entry, f) for f in _MERGED_FIELDS if getattr(posting, f) is None and getattr(entry, f) is not None}
        if posting.org and entry.org and len(entry.org) > len(posting.org):
            fill["org"] = entry.org  # the page's "Ridgeline Freight Logistics" over the posting's "Ridgeline"
        merged[same[0]] = replace(posting, **fill) if fill else posting
        dropped.add(i)
    kept = [merged.get(i, role) for i, role in enumerate(roles) if i not in dropped]
    return kept, [roles[i] for i in sorted(dropped)]


def _words_key(text: str) -> str:
    """Return a title's words in any order, as one key (kept apart from :func:`title_key`'s)."""
    return "words: " + " ".join(sorted(set(title_key(text).split())))


# a title's name before what qualifies it: "Bike Mechanic – Fleet Workshop (Port Almsley)",
# "Data Science Intern, Summer 2025"
_NAME_END = re.compile(rf"{QUALIFIER.pattern}|,\s+")
_QUALIFIER_FILLER = frozenset("the and of at in a an our for with".split())


def _named_key(title: str) -> tuple[str, frozenset[str]]:
    """Return a title's name, as titles are compared, and the other words it says."""
    name, *rest = _NAME_END.split(title, maxsplit=1)
    return title_key(name), frozenset(title_key(" ".join(rest)).split()) - _QUALIFIER_FILLER


def _one_within(a: frozenset[str], b: frozenset[str]) -> bool:
    """Tell whether the qualifying words of one title are all among the other's ("Nights"
    and "Nights Daventry"; not "Nights" and "Days")."""
    return a <= b or b <= a


def _compatible(a: Role, b: Role) -> bool:
    """Tell whether two roles of one title may be one position: no organisation or place
    that differs between them. One that says more is no other ("Ridgeline" and "Ridgeline
    Freight Logistics"; "Columbus, OH" and "Columbus, OH (Alum Creek Terminal)"; "Leeds
    (hybrid)" and "Leeds head office (hybrid)", whose place names are one's)."""
    return (a.org is None or b.org is None or _within(a.org, b.org)) and (
        a.location is None or b.location is None or _within(a.location, b.location) or _same_places(a.location, b.location)
    )


def _same_places(a: str, b: str) -> bool:
    """Tell whether the place names of one of two locations (:func:`place_name`) are all
    among the other's: "Leeds (hybrid)" is in "Leeds head office", not in "Dayton, OH" nor
    "Columbus, OH" in it."""
    short, long = sorted((set(place_name(a).split()), set(place_name(b).split())), key=len)
    return bool(short) and short <= long


def _within(a: str, b: str) -> bool:
    """Tell whether the words of one of ``a`` and ``b`` run, in order, inside the other's."""
    short, long = sorted((title_key(a).split(), title_key(b).split()), key=len)
    return any(long[k : k + len(short)] == short for k in range(len(long) - len(short) + 1))


def read_folder(
    folder: Path, max_chars: int = 900, max_bytes: int = DEFAULT_MAX_FILE_BYTES
) -> tuple[list[FileResult], list[Problem]]:
    """Parse every document under ``folder``; return the results and folder-level problems."""
    files, skipped = knowledge_files(folder, max_bytes)
    results = []
    for source, path in files:
        try:
            data = read_file(path, max_bytes)
        except OSError as exc:
            skipped.append(Problem(source, read_error(exc), None, "error"))
            continue
        results.append(parse_file(source, data, max_chars))
    return results, skipped


def load_folder(folder: Path, max_chars: int = 900, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Corpus:
    """Read every document under ``folder``; broken files are reported, not fatal."""
    results, skipped = read_folder(folder, max_chars, max_bytes)
    return assemble(results, skipped)


_ROLE_TEXT = ("title", "type", "org", "team", "location", "compensation", "apply_url", "description")


def typed_role(role: Role) -> Role:
    """Return ``role`` with every field of its type (text as text, remote as true/false/None).

    Files are validated when read; this also covers parses stored by an older version (a
    ``team: 456`` applied before validation existed), which must never crash a listing.
    """
    changes: dict[str, Any] = {}
    for name in _ROLE_TEXT:
        value = getattr(role, name)
        if value is not None and not isinstance(value, str):
            changes[name] = str(value) if isinstance(value, (int, float)) else None
    # Typed as object: a stored parse may hold any type, whatever Role declares.
    title: object = role.title
    remote: object = role.remote
    if not isinstance(title, str) and "title" in changes and changes["title"] is None:
        changes["title"] = role.id
    if remote is not None and not isinstance(remote, bool):
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
