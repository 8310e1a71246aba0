"""Plain data types shared by every layer: documents, passages, roles, answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, get_args

Severity = Literal["error", "warning"]
Kind = Literal["faq", "posting", "page"]
BlockKind = Literal["heading", "paragraph", "item"]
# The role types a posting may name, written once: ROLE_TYPES is derived from the Literal.
RoleType = Literal["internship", "residency", "fellowship", "full-time", "part-time", "contract"]
ROLE_TYPES: tuple[RoleType, ...] = get_args(RoleType)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in one knowledge file, with where it is."""

    source: str
    message: str
    line: int | None = None
    severity: Severity = "warning"

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink found in a document, with the line it is on."""

    text: str
    url: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of document structure: a heading, a paragraph or a list item."""

    kind: BlockKind
    text: str
    line: int
    level: int = 0  # heading level; for items, the list they belong to
    links: tuple[Link, ...] = ()
    lead: str | None = None  # an item's bold lead-in ("**Question?**"), if any


@dataclass(frozen=True, slots=True)
class RoleFields:
    """A ``roles:`` entry of front matter, validated: what the moderator said about one role."""

    title: str
    line: int  # where the entry starts in its file
    type: str | None = None
    org: str | None = None
    team: str | None = None
    location: str | None = None
    remote: bool | None = None
    compensation: str | None = None
    apply_url: str | None = None
    closes: date | None = None
    status: Literal["open", "closed"] | None = None
    posted: date | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class FrontMatterFields:
    """A document's front matter, validated field by field (one schema for every file).

    ``status`` and ``closes`` apply to every role of the document; a ``roles:`` entry's own
    values win for its role.
    """

    title: str | None = None
    url: str | None = None
    published: date | None = None
    kind: Kind | None = None
    org: str | None = None
    type: str | None = None
    status: Literal["open", "closed"] | None = None
    closes: date | None = None
    # what a posting says of its role: the role's own (every role's, on a page of several,
    # where its text says none)
    location: str | None = None
    remote: bool | None = None
    compensation: str | None = None
    team: str | None = None
    apply_url: str | None = None
    roles: tuple[RoleFields, ...] = ()


@dataclass(slots=True)
class Document:
    """A parsed knowledge file."""

    source: str  # path relative to the knowledge folder, "/"-separated
    title: str
    kind: Kind
    blocks: list[Block]
    url: str | None = None
    published: date | None = None
    org: str | None = None
    front_matter: FrontMatterFields = field(default_factory=FrontMatterFields)
    links: list[Link] = field(default_factory=list)
    content_hash: str = ""
    # Read at parse time only (not stored): schema.org JobPostings (bot.documents.jsonld)
    # and the site's own name (og:site_name or its © line).
    job_postings: tuple[Any, ...] = ()
    site_name: str | None = None
    hints: dict[str, str] = field(default_factory=dict)  # "location", "type": from page markup


@dataclass(frozen=True, slots=True)
class Passage:
    """A citable piece of a document: an FAQ item or a (part of a) section."""

    id: int  # its place among its file's passages
    source: str
    title: str
    section: str | None  # heading path, " › "-joined
    question: str | None  # for FAQ items: the question
    text: str  # the body in the source's own words; units separated by newlines
    line: int
    url: str | None = None
    published: date | None = None
    org: str | None = None  # the organisation behind the document, when known


@dataclass(frozen=True, slots=True)
class Role:
    """A position one can apply to."""

    id: str
    title: str
    type: str | None
    org: str | None
    team: str | None
    location: str | None
    remote: bool | None
    compensation: str | None
    apply_url: str | None
    source: str
    posted: date | None
    closes: date | None
    status: Literal["open", "closed"]
    description: str | None = None
    line: int | None = None
    row: bool = False  # a row of a table of positions ("Role: …; Location: …"), not a list item

    @property
    def apply_email(self) -> str | None:
        """The address to apply to, when one applies by e-mail (a ``mailto:`` apply link)."""
        if self.apply_url and self.apply_url.lower().startswith("mailto:"):
            return self.apply_url[len("mailto:") :].split("?")[0] or None
        return None

    @property
    def how_to_apply(self) -> str:
        """The apply link, "by e-mail to …", or "no apply link yet"."""
        if self.apply_email:
            return f"by e-mail to {self.apply_email}"
        return self.apply_url or "no apply link yet"

    def is_open(self, today: date) -> bool:
        """Tell whether the role can still be applied to on ``today``."""
        if self.status == "closed":
            return False
        return self.closes is None or self.closes >= today

    def is_stale(self, today: date, max_age_days: int) -> bool:
        """Tell whether the role is open only because nothing closes it: no closing date, and
        its posting is older than ``max_age_days`` (so it may well be filled)."""
        return (
            self.is_open(today)
            and self.closes is None
            and self.posted is not None
            and (today - self.posted).days > max_age_days
        )


@dataclass(frozen=True, slots=True)
class Hit:
    """A passage with its retrieval score."""

    passage: Passage
    score: float


@dataclass(frozen=True, slots=True)
class Citation:
    """A passage as shown to the member: its snippet and where it comes from."""

    source: str
    title: str
    url: str | None
    section: str | None
    snippet: str
    score: float
    line: int
    published: date | None = None
    question: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the CLI's JSON form of this citation."""
        return {
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "section": self.section,
            "snippet": self.snippet,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True, slots=True)
class Answer:
    """What the bot says to a question."""

    question: str
    answered: bool
    citations: tuple[Citation, ...]
    matched_terms: tuple[str, ...] = ()
    coverage: float = 0.0
    suggestions: tuple[str, ...] = ()  # closest FAQ questions, when not answered
    roles: tuple[Role, ...] = ()
    snapshot_id: int | None = None  # the knowledge snapshot that answered
    verdict: Literal["answer", "unsure", "none"] = "none"  # "unsure": citations may not answer
    confidence: float = 0.0  # the decision's probability that the first citation answers
    reply: str | None = None  # the reply to small talk ("hi", "help"), which is not searched
    topic: tuple[str, ...] = ()  # the words naming the programme asked about (for follow-ups)
    others: tuple[str, ...] = ()  # programmes it names that the knowledge base has no document on
    listed: int = 0  # when the question asks which roles are open: how many are (``roles`` shows the first)

    def to_json(self) -> dict[str, Any]:
        """Return the CLI's JSON form of this answer."""
        data = {
            "question": self.question,
            "answered": self.answered,
            "verdict": self.verdict,
            "confidence": round(self.confidence, 4),
            "citations": [c.to_json() for c in self.citations],
        }
        if self.reply is not None:
            data["reply"] = self.reply
        if self.suggestions:
            data["suggestions"] = list(self.suggestions)
        if self.others:
            data["other_programmes"] = list(self.others)
        if self.roles:
            data["roles"] = [
                {
                    "id": r.id,
                    "title": r.title,
                    "org": r.org,
                    "location": r.location,
                    "closes": r.closes.isoformat() if r.closes else None,
                    "apply_url": r.apply_url,
                }
                for r in self.roles
            ]
        if self.listed:
            data["open_roles"] = self.listed
        return data
