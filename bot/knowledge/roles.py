"""Extract roles (positions one can apply to) from documents.

In order of precedence:
1. front matter ``roles:`` — the moderator said so;
2. a list of positions: list items that start with a link, under a heading or intro that
   speaks of positions/roles/openings — one role per item, its team from the intro;
3. the document itself, when it is a job posting or carries an application link.

A document with none of these (the Fellowship, which is by nomination only) yields no
role: ``/roles`` lists what one can apply to, and questions about such programmes are
answered from their own text.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlparse

from bot.knowledge.chunk import preamble
from bot.knowledge.document import readable_name
from bot.knowledge.frontmatter import to_date
from bot.knowledge.parse import find_published
from bot.models import Block, Document, Link, Problem, Role

POSITIONS_CONTEXT = re.compile(
    r"\b(positions?|roles?|openings?|jobs?|vacanc\w*|internships?|opportunit\w*)\b", re.I
)
APPLY_TEXT = re.compile(r"\b(apply|application|submit)\b", re.I)
TEAM = re.compile(r"\b((?:[A-Z][\w&/-]*\s+)*?[A-Z][\w&/-]*)\s+team\b")
ORG_EEO = re.compile(
    r"\b((?:[A-Z][\w&.'-]*\s+){0,3}[A-Z][\w&.'-]*) is (?:proud to be )?an? equal (?:employment )?opportunity",
)
ORG_ABOUT = re.compile(r"^(?:more )?about (?!the\b|you\b|us\b|this\b|our\b)(.+?):?$", re.I)
MONEY = re.compile(r"[$€£]\s?\d[\d,.]*\s*(?:k\b|K\b)?(?:\s*/\s*\w+|\s+per\s+\w+)?")
COMPETITIVE = re.compile(r"\b(competitive (?:salary|stipend|pay|compensation))\b", re.I)
DEADLINE = re.compile(
    r"\b(?:deadline|applications? close[sd]?(?: on)?|apply by)\s*:?\s*"
    r"(\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})",
    re.I,
)
PLACEHOLDER_PARTS = frozenset({"tbd", "todo", "tba", "xxx", "placeholder", "link", "url"})
ORG_LABEL = re.compile(r"^(?:company|organi[sz]ation|employer|organi[sz]er)\s*:\s*(.+)$", re.I)
LOCATION_LABEL = re.compile(r"^(?:location|based in|office|where)\s*:\s*(.+)$", re.I)
PAY_LABEL = re.compile(r"^(?:salary|compensation|pay|stipend|pay range)\s*:\s*(.+)$", re.I)
_DEDUP_PREFIX = re.compile(r"^(?:announcing|introducing)\s+(?:the\s+|our\s+)?", re.I)


def link_problem(url: str) -> str | None:
    """Say why a link cannot be shown as an apply link, or None if it looks usable."""
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return "malformed link"
    if parsed.scheme == "mailto" and "@" in parsed.path:
        return None
    if parsed.scheme not in ("http", "https"):
        return "not an http(s) link"
    host = parsed.hostname or ""
    if "." not in host or host in ("example.com", "example.org", "localhost"):
        return "placeholder link"
    segments = [s.lower() for s in re.split(r"[/?#=&]", parsed.path + "?" + parsed.query) if s]
    if segments and (segments[-1] in PLACEHOLDER_PARTS or segments[-1].startswith("tbd")):
        return "placeholder link (ends in TBD)" if "tbd" in segments[-1] else "placeholder link"
    return None


def slug(text: str) -> str:
    """Return a URL-safe identifier made from ``text``."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "role"


def role_type(*texts: str | None, posting: bool = False) -> str | None:
    """Guess the role type from its title and context."""
    text = " ".join(t for t in texts if t).casefold()
    for pattern, kind in (
        (r"\bintern(ship)?s?\b", "internship"),
        (r"\bresiden(cy|t)\b", "residency"),
        (r"\bfellow(ship)?\b", "fellowship"),
        (r"\bpart[- ]time\b", "part-time"),
        (r"\b(contract|contractor|freelance)\b", "contract"),
        (r"\bfull[- ]time\b", "full-time"),
    ):
        if re.search(pattern, text):
            return kind
    return "full-time" if posting else None


def document_org(doc: Document) -> str | None:
    """Find the organisation behind a document: front matter, byline, "About X", EEO line."""
    if doc.org:
        return doc.org
    labelled = _labelled(doc, ORG_LABEL)
    if labelled:
        return labelled
    subtitles, _ = preamble(doc)
    for block in doc.blocks:
        if block.kind == "heading":
            match = ORG_ABOUT.match(block.text.strip())
            if match and len(match.group(1).split()) <= 4:
                return match.group(1).strip()
    for block in doc.blocks:
        match = ORG_EEO.search(block.text)
        if match:
            return re.sub(r"^(?:The|We|At)\s+", "", match.group(1)).strip()
    return subtitles[0] if subtitles else None


def extract_roles(doc: Document, problems: list[Problem]) -> list[Role]:
    """Return the roles ``doc`` offers, reporting unusable links to ``problems``."""
    if doc.front_matter.get("roles"):
        return _front_matter_roles(doc, problems)
    roles = _position_list_roles(doc, problems)
    if roles:
        return roles
    return _document_role(doc, problems)


def _front_matter_roles(doc: Document, problems: list[Problem]) -> list[Role]:
    org = document_org(doc)
    out = []
    for raw in doc.front_matter["roles"]:
        title = str(raw["title"])
        apply_url = _checked_link(raw.get("apply_url"), title, doc, None, problems)
        out.append(
            Role(
                id=f"{slug(readable_name(doc.source))}/{slug(title)}",
                title=title,
                type=raw.get("type") or role_type(title, posting=doc.kind == "posting"),
                org=str(raw["org"]) if raw.get("org") else org,
                team=raw.get("team"),
                location=raw.get("location"),
                remote=raw.get("remote"),
                compensation=str(raw["compensation"]) if raw.get("compensation") else None,
                apply_url=apply_url,
                source=doc.source,
                posted=to_date(raw.get("posted")) or doc.published,
                closes=to_date(raw.get("closes")),
                status=raw.get("status") or "open",
                description=raw.get("description"),
                line=1,
            )
        )
    return out


def _checked_link(
    url: str | None, title: str, doc: Document, line: int | None, problems: list[Problem]
) -> str | None:
    if not url:
        return None
    reason = link_problem(str(url))
    if reason:
        problems.append(Problem(doc.source, f"{reason} for '{title}': {url} (not shown as apply link)", line))
        return None
    return str(url)


def _position_list_roles(doc: Document, problems: list[Problem]) -> list[Role]:
    org = document_org(doc)
    roles: list[Role] = []
    heading = ""
    intro = ""
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "heading":
            heading, intro = block.text, ""
        elif block.kind == "paragraph":
            intro = block.text
        if block.kind != "item":
            i += 1
            continue
        group: list[Block] = []
        while i < len(blocks) and blocks[i].kind == "item" and blocks[i].level == block.level:
            group.append(blocks[i])
            i += 1
        linked = [b for b in group if b.links and b.text.startswith(b.links[0].text) and b.links[0].text]
        context = f"{heading} {intro}"
        if len(linked) < 2 or len(linked) * 5 < len(group) * 3 or not POSITIONS_CONTEXT.search(context):
            continue
        team_match = TEAM.search(intro)
        team = team_match.group(1) if team_match else None
        if team and team.split()[0] in ("The", "Our", "A"):
            team = " ".join(team.split()[1:]) or None
        for item in linked:
            link = item.links[0]
            title = link.text.strip()
            description = item.text[len(link.text) :].lstrip(" ,:;-–—").strip() or None
            roles.append(
                Role(
                    id=f"{slug(readable_name(doc.source))}/{slug(title)}",
                    title=title,
                    type=role_type(title, heading, intro),
                    org=org,
                    team=team,
                    location=None,
                    remote=None,
                    compensation=None,
                    apply_url=_checked_link(link.url, title, doc, item.line, problems),
                    source=doc.source,
                    posted=doc.published,
                    closes=_deadline(doc),
                    status="open",
                    description=description,
                    line=item.line,
                )
            )
    return roles


def _apply_link(doc: Document) -> Link | None:
    """Find the link to apply through: named so, or under an "Apply" heading."""
    heading = ""
    fallback = None
    for block in doc.blocks:
        if block.kind == "heading":
            heading = block.text
        for link in block.links:
            if APPLY_TEXT.search(link.text) or "/apply" in link.url:
                return link
            if fallback is None and (APPLY_TEXT.search(heading) or APPLY_TEXT.search(block.text)):
                fallback = link
    if fallback is None:
        for link in doc.links:  # links parsed outside blocks (plain text)
            if APPLY_TEXT.search(link.text) or "/apply" in link.url:
                return link
    return fallback


def _labelled(doc: Document, labels: re.Pattern[str]) -> str | None:
    """Return the value of a "Label: value" line, as job boards write "Location: Berlin"."""
    for block in doc.blocks:
        if block.kind == "heading":
            continue
        match = labels.match(block.text)
        if match and len(block.text) <= 200:
            return match.group(1).strip()
    return None


def _document_role(doc: Document, problems: list[Problem]) -> list[Role]:
    apply = _apply_link(doc)
    if doc.kind != "posting" and apply is None:
        return []
    title = _DEDUP_PREFIX.sub("", doc.title).strip()
    title = re.sub(r"\s*[^\w\s,()&/-]+\s*", " ", title).strip()  # drop emoji from the title
    subtitles, _ = preamble(doc)
    org = document_org(doc)
    location = _labelled(doc, LOCATION_LABEL) or next((s for s in subtitles if s != org), None)
    remote = True if re.search(r"\bremote\b", f"{doc.title} {location or ''}", re.I) else None
    line = apply.line if apply else None
    return [
        Role(
            id=slug(readable_name(doc.source)),
            title=title,
            type=role_type(title, posting=doc.kind == "posting"),
            org=org,
            team=None,
            location=location,
            remote=remote,
            compensation=_compensation(doc),
            apply_url=_checked_link(apply.url, title, doc, line, problems) if apply else None,
            source=doc.source,
            posted=doc.published,
            closes=_deadline(doc),
            status="open",
            description=_summary(doc),
            line=line or 1,
        )
    ]


def _compensation(doc: Document) -> str | None:
    labelled = _labelled(doc, PAY_LABEL)
    if labelled:
        return labelled
    for block in doc.blocks:
        if block.kind != "heading" and MONEY.search(block.text):
            text = block.text
            if len(text) <= 160:
                return text
            match = MONEY.search(text)
            return text[max(0, match.start() - 40) : match.end() + 80].strip()
    for block in doc.blocks:
        match = COMPETITIVE.search(block.text)
        if match:
            return match.group(1)[0].upper() + match.group(1)[1:]
    return None


def _deadline(doc: Document) -> date | None:
    for block in doc.blocks:
        match = DEADLINE.search(block.text)
        if match:
            return find_published(f"published {match.group(1)}")  # same date formats
    return None


def _summary(doc: Document) -> str | None:
    _, start = preamble(doc)
    for block in doc.blocks[start:]:
        if block.kind == "paragraph" and len(block.text) > 60:
            return block.text[:300]
    return None
