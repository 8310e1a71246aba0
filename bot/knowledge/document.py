"""Read one knowledge file into a :class:`Document`."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from bot.knowledge.decode import binary_reason, decode_bytes, repair_text
from bot.knowledge.frontmatter import FrontMatterError, key_line, split_front_matter, to_date
from bot.knowledge.parse import (
    MarkupError,
    ParsedBody,
    looks_like_markdown,
    parse_html,
    parse_markdown,
    parse_plain,
)
from bot.knowledge.urls import safe_url, why_unsafe
from bot.models import Document, Problem

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES

POSTING_HEADING = re.compile(
    r"\b(responsibilit\w*|(minimum|preferred|basic)? ?qualifications|requirements|"
    r"about the (job|role|position)|about you|what you.ll do|who you are|job description)\b",
    re.I,
)
GENERIC_HEADING = re.compile(
    r"^(about\b|overview|summary|introduction|description|details|job description|the role)", re.I
)
FAQ_HEADING = re.compile(r"\b(faqs?|frequently asked questions|q ?& ?a)\b", re.I)


class DocumentError(ValueError):
    """A file that cannot be turned into a document; ``line`` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def content_hash(data: bytes) -> str:
    """Return the hash that identifies a file's content."""
    return hashlib.sha256(data).hexdigest()


def read_document(path: Path, source: str, problems: list[Problem]) -> Document:
    """Parse the file at ``path``; ``source`` is its path relative to the knowledge folder.

    Raise DocumentError when the file cannot be used; append softer problems to ``problems``.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read file: {exc.strerror or exc}") from None
    return parse_document(data, source, problems)


def parse_document(data: bytes, source: str, problems: list[Problem]) -> Document:
    """Parse a file's bytes into a Document (see :func:`read_document`)."""
    binary = binary_reason(data)
    if binary:
        raise DocumentError(binary)
    text, warning = decode_bytes(data)
    if warning:
        problems.append(Problem(source, warning))
    text = repair_text(text)
    try:
        fm = split_front_matter(text)
    except FrontMatterError as exc:
        raise DocumentError(str(exc), exc.line) from None
    suffix = Path(source).suffix.lower()
    try:
        if suffix in HTML_SUFFIXES:
            body = parse_html(fm.body, fm.body_line)
        elif suffix in MARKDOWN_SUFFIXES or looks_like_markdown(fm.body) or fm.data:
            body = parse_markdown(fm.body, fm.body_line)
        else:
            body = parse_plain(fm.body, fm.body_line)
    except MarkupError as exc:
        raise DocumentError(str(exc), exc.line) from None
    except RecursionError:
        raise DocumentError("the document is nested too deeply to read") from None
    meta = fm.data
    title = _title(meta, body, source)
    doc = Document(
        source=source,
        title=title,
        kind=meta.get("kind") or guess_kind(body),
        blocks=body.blocks,
        url=_document_url(meta, body, source, text, problems),
        published=to_date(meta.get("published")) or body.published,
        org=str(meta["org"]) if meta.get("org") else None,
        front_matter=meta,
        links=body.links,
        content_hash=content_hash(data),
    )
    if doc.url is None:
        doc.url = safe_url(_title_link(doc))
    for link in body.links:
        if re.search(r"\)\($", link.text or "") or not link.url:
            problems.append(Problem(source, f"empty or malformed link '{link.text}'", link.line))
    for n, line in enumerate(text.split("\n"), 1):
        if re.search(r"\([^()\n]{1,80}\)\((https?://[^)\s]+)\)", line):
            problems.append(
                Problem(source, "malformed Markdown link: '(text)(url)' should be '[text](url)'", n)
            )
    return doc


def _document_url(
    meta: dict, body: ParsedBody, source: str, text: str, problems: list[Problem]
) -> str | None:
    """The document's own address: front matter ``url`` if it is a safe link, else one the body names."""
    raw = meta.get("url")
    if raw:
        url = safe_url(raw if isinstance(raw, str) else str(raw))
        if url is not None:
            return url
        line = key_line(text.split("\n")[1:], "url")
        problems.append(Problem(source, f"front matter 'url' is not used: {why_unsafe(raw)}", line))
    return next((u for u in map(safe_url, body.source_urls) if u), None)


def _title(meta: dict, body: ParsedBody, source: str) -> str:
    if meta.get("title"):
        return str(meta["title"]).strip()
    if body.html_title:
        return body.html_title
    for block in body.blocks:
        if block.kind == "heading" and block.level == 1:
            return block.text
    first = body.blocks[0] if body.blocks else None
    if (
        first is not None
        and first.kind == "heading"
        and first.line <= 3
        and not GENERIC_HEADING.search(first.text)
    ):
        return first.text  # plain text whose first line names it
    return readable_name(source)


def readable_name(source: str) -> str:
    """Turn a file name into a title: ``meta-research-intern.txt`` -> ``Meta Research Intern``."""
    stem = Path(source).stem
    stem = re.sub(r"^\d+[_-]", "", stem)
    words = [w for w in re.split(r"[-_\s]+", stem) if w]
    return " ".join(_title_word(w) for w in words) or stem


_SMALL_WORDS = frozenset("a an as at by in of on or to and for the".split())


def _title_word(word: str) -> str:
    if word.isupper() or any(c.isdigit() for c in word):
        return word
    if len(word) <= 2 and word.lower() not in _SMALL_WORDS:
        return word.upper()  # ai -> AI, ml -> ML
    return word.lower() if word.lower() in _SMALL_WORDS else word.capitalize()


def _title_link(doc: Document) -> str | None:
    """A link that wraps the title heading is the document's own address (job boards do this)."""
    for block in doc.blocks[:3]:
        if block.kind == "heading" and block.text == doc.title and len(block.links) == 1:
            return block.links[0].url
    return None


def guess_kind(body: ParsedBody) -> str:
    """Guess faq, posting or page from the document's structure."""
    headings = [b.text for b in body.blocks if b.kind == "heading"]
    if any(POSTING_HEADING.search(h) for h in headings):
        return "posting"
    questions = sum(1 for b in body.blocks if is_question(b.lead) and b.kind != "heading")
    questions += sum(1 for b in body.blocks if b.kind == "heading" and is_question(b.text))
    if questions >= 2 or any(FAQ_HEADING.search(h) for h in headings):
        return "faq"
    return "page"


def is_question(text: str | None) -> bool:
    """Tell whether a heading or bold lead-in is a question (trailing emoji allowed)."""
    return bool(text) and strip_decoration(text).endswith("?")


def strip_decoration(text: str) -> str:
    """Remove trailing emoji and spaces (keeping final punctuation)."""
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] in "?.!)\"'”’:"):
        end -= 1
    return text[:end]
