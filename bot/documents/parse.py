"""Parse Markdown, HTML and plain text into one list of blocks.

Markdown goes through markdown-it-py (CommonMark, with raw HTML blocks), HTML through
BeautifulSoup. Both give source line numbers, which passages and problems carry. Markup
that is not content (scripts, styles, navigation, author cards, "published" bylines) is
dropped, after reading the metadata it holds: publication date and source links.
"""

from __future__ import annotations

import itertools
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
from bs4.element import Comment as HtmlComment
from bs4.element import NavigableString, Tag
from dateutil import parser as dateparser
from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.documents.copied import QUESTION_WORDS, is_breadcrumb, mail_subject, tidy
from bot.documents.jsonld import JobPosting, read_job_postings
from bot.documents.urls import safe_url
from bot.models import Block, BlockKind, Link

_MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

DROP_TAGS = frozenset(
    "script style nav footer aside noscript form button svg iframe template head select "
    "input textarea canvas object embed".split()
)
DROP_CLASS = re.compile(
    r"(author|byline|metadata|share|breadcrumb|sidebar|navbar|menu|cookie|comment|footer|social"
    r"|skip-link|screen-reader|sr-only|visually-hidden|topbar|top-bar|masthead|similar|related|recommended)",
    re.I,
)
# A job board's list of other postings under the one copied: not this document's content.
OTHER_CONTENT_HEADING = re.compile(
    r"^(?:similar|related|recommended|more|other|suggested)\s+(?:jobs|roles|positions|vacancies|postings|"
    r"openings|posts|articles)\b|^(?:people (?:also )?(?:viewed|searched)|jobs you might like)",
    re.I,
)
NAV_LINKS = 3  # a paragraph of at least this many links and nothing else is a menu
HEADINGS = {f"h{n}": n for n in range(1, 7)}
LEAF_BLOCKS = frozenset("p li dt dd td th pre blockquote figcaption caption summary".split())
SOURCE_LINK_TEXT = re.compile(
    r"^\s*((update|edit|view|improve) (this )?(page )?on github|view source|permalink|"
    r"canonical|original post|source)\s*$",
    re.I,
)
PUBLISHED = re.compile(
    r"\b(?:published|posted)(?: on)?:?\s+"
    r"(\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4})",
    re.I,
)
# "© 2026 Acme Inc. All rights reserved", "Copyright (c) 2025-2026 Acme": the page's owner.
COPYRIGHT = re.compile(
    r"(?:©|\([cC]\)|\b[Cc]opyright\b)\s*(?:©\s*|\([cC]\)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"([A-Z][\w&'.-]*(?:[ \t]+[A-Z][\w&'.-]*){0,4})",
)
_SPACES = re.compile(r"[ \t\u00a0]+")
# Emphasis markers left literal by broken Markdown ("_ **Bold.**_"): not words, not content.
_STRAY_EMPHASIS = re.compile(r"(?<![\w*_])[_*]+(?=\s)|(?<=[\s.!?:])[_*]+(?![\w*_])")


# "Skerravoe Institute for Marine Geoscience", "Tarnbrook Nature Trust": a body's name says what it is.
ORG_NAME = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w&'’.-]*\s+){0,5}(?:Institute|Trust|Foundation|University|College|Museum|Society|"
    r"Centre|Center|Association|Council|Agency|Academy|Laboratory|Laboratories|Labs?|Ltd|Inc|GmbH|LLC|"
    r"Company|Group|School|Collective|Charity|Network|Fund|Guild|Cooperative|Co-operative|Co-op|Alliance|Federation|AG|SA|BV|NV|AB|Oy|"
    r"plc|PLC|Corp|Corporation|Limited|LLP|Pty|Union|Bank|Authority|Hospital|Department|Ministry|Commission|"
    r"Library|Clinic|Bureau)\b(?:\s+(?:for|of)(?:\s+[A-Z][\w&'’.-]*){1,4})?"
)


def is_body_name(text: str) -> bool:
    """Tell whether all of ``text`` is a body's name by its form ("Mirrowdale Trust for Rural Archives")."""
    match = ORG_NAME.match(text)
    return match is not None and match.end() == len(text)


# "Q:", "Question 3." before a question
Q_LABEL = re.compile(r"^\s*(?:Q|Question)\s*\d{0,2}\s*[:.)]\s", re.I)


@dataclass(slots=True)
class ParsedBody:
    """What a parser found in a document body."""

    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    html_title: str | None = None
    published: date | None = None
    published_line: int | None = None
    source_urls: list[str] = field(default_factory=list)  # canonical / "update on GitHub"
    job_postings: list[JobPosting] = field(default_factory=list)  # schema.org JSON-LD
    og_title: str | None = None
    site_name: str | None = None  # og:site_name
    copyright: str | None = None  # the owner named in a "© 2026 Acme" line
    hints: dict[str, str] = field(default_factory=dict)  # job boards' marked-up location, type
    top: int = 0  # lines of a site's header (skip link, menu, breadcrumbs) above a pasted page's text


def clean(text: str) -> str:
    """Collapse runs of spaces and trim each line."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def find_published(text: str) -> date | None:
    """Return the date in a "Published <date>" phrase, if any."""
    match = PUBLISHED.search(text)
    if not match:
        return None
    try:
        return dateparser.parse(match.group(1)).date()
    except (ValueError, OverflowError):
        return None


# -- Markdown ---------------------------------------------------------------------------------


def parse_markdown(body: str, first_line: int = 1) -> ParsedBody:
    """Parse a Markdown body whose first line is line ``first_line`` of its file."""
    out = ParsedBody()
    tokens = _MD.parse(body)
    item_depth = 0
    list_id = 0
    item_has_block: list[bool] = []
    header: list[str] = []  # the current table's column headings
    for i, tok in enumerate(tokens):
        line = (tok.map[0] if tok.map else 0) + first_line
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            list_id += 1
        elif tok.type == "list_item_open":
            item_depth += 1
            item_has_block.append(False)
        elif tok.type == "list_item_close":
            item_depth -= 1
            item_has_block.pop()
        elif tok.type == "heading_open":
            text, links, _ = _render_inline(tokens[i + 1], line, addresses=False)
            out.links.extend(links)
            if text:
                out.blocks.append(Block("heading", text, line, int(tok.tag[1]), tuple(links)))
        elif tok.type == "paragraph_open":
            text, links, lead = _render_inline(tokens[i + 1], line)
            out.links.extend(links)
            if not text:
                continue
            meta_date = find_published(text)
            if meta_date and len(text) < 80:  # a bare "Published March 3, 2024" byline
                out.published = out.published or meta_date
                out.published_line = out.published_line or line
                continue
            if item_depth and not item_has_block[-1]:
                item_has_block[-1] = True
                out.blocks.append(Block("item", text, line, list_id, tuple(links), lead))
            else:
                out.blocks.append(Block("paragraph", text, line, 0, tuple(links), lead))
        elif tok.type in ("fence", "code_block"):
            text = tok.content.strip("\n")
            if text.strip():
                out.blocks.append(Block("paragraph", text, line))
        elif tok.type == "html_block":
            sub = parse_html(tok.content, line, fragment=True)
            out.blocks.extend(sub.blocks)
            out.links.extend(sub.links)
            out.html_title = out.html_title or sub.html_title
            out.source_urls.extend(sub.source_urls)
            out.job_postings.extend(sub.job_postings)
            out.copyright = out.copyright or sub.copyright
            if sub.published and not out.published:
                out.published, out.published_line = sub.published, sub.published_line
        elif tok.type == "table_open":
            list_id += 1
            header = []
        elif tok.type == "tr_open":
            cells = []
            j = i + 1
            while tokens[j].type != "tr_close":
                if tokens[j].type == "inline":
                    text, links, _ = _render_inline(tokens[j], line)
                    cells.append((text, links))
                j += 1
            if tokens[i - 1].type == "thead_open":  # the header row says what the columns are
                header = [text for text, _ in cells]
                continue
            for block in row_blocks(cells, header, line, list_id):
                out.blocks.append(block)
                out.links.extend(block.links)
    return out


# Link text that says nothing without its address: a bare "here" or "this form", or a short
# call to action ("[Submit your application here](…)", "[Apply now](…)"). The address is kept
# in the text after it, so the answer to "where do I apply?" carries it.
_BARE_LINK_TEXT = re.compile(
    r"(?:this )?(?:here|link|form|page|website)|.*\bhere|(?:click|apply|submit|register|sign up|enrol|enroll)\b.*",
    re.IGNORECASE,
)
_CALL_TO_ACTION_WORDS = 6


def _address(text: str, href: str) -> str | None:
    """Return the address to keep beside a link whose text is bare (see _BARE_LINK_TEXT)."""
    bare = text.strip(" .!:")
    if len(bare.split()) > _CALL_TO_ACTION_WORDS or not _BARE_LINK_TEXT.fullmatch(bare):
        return None
    return safe_url(href)


def _render_inline(tok: Token, line: int, addresses: bool = True) -> tuple[str, list[Link], str | None]:
    """Render an inline token to plain text; return text, links, and a bold lead-in.

    With ``addresses``, a link whose text is bare keeps its address after it (headings do not).
    """
    parts: list[str] = []
    links: list[Link] = []
    link_stack: list[tuple[str, int]] = []
    lead: str | None = None
    lead_start: int | None = None
    seen_text = False
    for index, child in enumerate(tok.children or []):
        kind = child.type
        if kind == "text" or kind == "code_inline":
            if child.content.strip() and lead_start is None and not seen_text:
                # only decoration (emoji, bullets) may stand before a bold lead-in
                seen_text = any(ch.isalnum() for ch in child.content)
            parts.append(child.content)
        elif kind == "softbreak":
            # "**Deadline:** 14 March" / "**Stipend:** EUR 6,000": a line of its own, as a label line is
            parts.append("\n" if _LABEL_LINE.match(_line_after(tok.children or [], index)) else " ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "html_inline":
            if re.match(r"<br\s*/?>", child.content, re.I):
                parts.append("\n")
        elif kind == "link_open":
            link_stack.append((str(child.attrs.get("href", "")), len(parts)))
        elif kind == "link_close" and link_stack:
            href, start = link_stack.pop()
            text = clean("".join(parts[start:]))
            links.append(Link(text, href, line))
            if addresses and (url := _address(text, href)):
                parts.append(f" ({url})")
        elif kind == "image":
            parts.append(child.content or "")
        elif kind == "strong_open" and lead is None and not seen_text:
            lead_start = len(parts)
        elif kind == "strong_close" and lead_start is not None and lead is None:
            lead = clean("".join(parts[lead_start:]))
            seen_text = True
    text = clean(_STRAY_EMPHASIS.sub("", "".join(parts)))
    return text, links, lead or None


def _line_after(children: list[Token], index: int) -> str:
    """Return the text of the source line that starts after the line break at ``index``."""
    text: list[str] = []
    for child in children[index + 1 :]:
        if child.type in ("softbreak", "hardbreak"):
            break
        text.append(child.content)
    return "".join(text)


# -- HTML -------------------------------------------------------------------------------------


MAX_HTML_DEPTH = 250  # deeper nesting is refused: no real page needs it, and walking it recurses


class MarkupError(ValueError):
    """Markup that cannot be read safely; ``line`` is 1-based within the file."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def _check_depth(soup: BeautifulSoup, offset: int) -> None:
    """Raise MarkupError when elements nest deeper than ``MAX_HTML_DEPTH`` (checked without recursion)."""
    stack: list[tuple[Tag, int]] = [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_HTML_DEPTH:
            line = (getattr(node, "sourceline", None) or 1) + offset
            raise MarkupError(f"HTML nested more than {MAX_HTML_DEPTH} elements deep", line)
        stack.extend((child, depth + 1) for child in node.contents if isinstance(child, Tag))


_BREADCRUMBS = re.compile(r"breadcrumb", re.I)
_SITE_SUFFIX = re.compile(r"\s+(?:wiki|intranet|docs|documentation|confluence|knowledge base|home|portal|handbook)$", re.I)


def _breadcrumbs_site(soup: BeautifulSoup) -> str | None:
    """The body whose site a page is on, from the first step of its breadcrumbs: "Marrowgate
    Institute Wiki › Education › Summer Schools" is the Marrowgate Institute's (a wiki's,
    an intranet's name without its "Wiki")."""
    trail = soup.find(id=_BREADCRUMBS) or soup.find(class_=_BREADCRUMBS)
    step = trail.find(["li", "a"]) if isinstance(trail, Tag) else None
    if step is None:
        return None
    name = _SITE_SUFFIX.sub("", clean(step.get_text(" ")).strip())
    return name if is_body_name(name) else None


def _only_bold(tag: Tag) -> bool:
    """Tell whether all of an element's text is one bold element's (and there is some)."""
    bold = tag.find(["b", "strong"], recursive=False)
    text = tag.get_text(" ", strip=True)
    return bold is not None and bool(text) and bold.get_text(" ", strip=True) == text


_KEEPS_LINES = ("pre", "textarea", "script", "style")


def _unwrap_source_lines(soup: BeautifulSoup) -> None:
    """Make the line breaks of the HTML source spaces, as a browser shows them.

    A Word export wraps its text at 80 columns ("<span …>About\nthe Trust</span>"): the
    heading is "About the Trust", and a paragraph's lines are one paragraph. Only ``<br>``
    breaks a line (and ``<pre>`` keeps its own).
    """
    for node in soup.find_all(string=lambda text: "\n" in text or "\r" in text):
        if type(node) is NavigableString and node.find_parent(_KEEPS_LINES) is None:
            node.replace_with(NavigableString(" ".join(node.split("\n")).replace("\r", " ")))


def parse_html(html: str, first_line: int = 1, *, fragment: bool = False) -> ParsedBody:
    """Parse HTML whose first line is line ``first_line`` of its file.

    Raise MarkupError when it nests deeper than ``MAX_HTML_DEPTH``.
    """
    out = ParsedBody()
    with warnings.catch_warnings():
        # a short page that looks like a file name or URL is still a page: it is parsed as one
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(html, "html.parser")
    offset = first_line - 1
    _check_depth(soup, offset)
    _unwrap_source_lines(soup)
    if not fragment:
        title = soup.find("title")
        if title and title.get_text(strip=True):
            out.html_title = clean(title.get_text(" "))
        for selector, attr in (('link[rel="canonical"]', "href"), ('meta[property="og:url"]', "content")):
            tag = soup.select_one(selector)
            if tag and tag.get(attr):
                out.source_urls.append(str(tag[attr]))
        for prop in ("og:title", "og:site_name"):
            tag = soup.find("meta", attrs={"property": prop}) or soup.find("meta", attrs={"name": prop})
            value = clean(str(tag.get("content") or "")) if tag else ""
            if value and prop == "og:title":
                out.og_title = value
            elif value:
                out.site_name = value
    out.job_postings = read_job_postings(soup, offset)
    out.hints = _marked_up_facts(soup)
    _bold_by_style(soup)
    # Metadata first: it often lives inside the markup we then drop.
    for a in soup.find_all("a", href=True):
        if SOURCE_LINK_TEXT.match(a.get_text(" ", strip=True)):
            out.source_urls.append(str(a["href"]))
    text_all = soup.get_text(" ")
    out.copyright = _copyright_owner(text_all)
    out.published = find_published(text_all)
    if out.published:
        node = soup.find(string=PUBLISHED)
        line = getattr(node.parent, "sourceline", None) if node else None
        out.published_line = (line or 1) + offset
    out.site_name = out.site_name or _breadcrumbs_site(soup)
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        classes = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
        if tag.name == "button" and _discloses(tag, classes):
            tag.unwrap()  # an accordion's question: its text is content
        elif tag.name in DROP_TAGS or (classes.strip() and DROP_CLASS.search(classes) and tag.name != "h1"):
            tag.decompose()  # (a wiki's title is <h1 class="pagetitle with-breadcrumbs">)
        elif tag.name == "header" and not tag.find(list(HEADINGS)):
            tag.decompose()  # a site's banner (logo, "View all jobs"); an article's header holds its title
        elif tag.name == "p" and "title" in (tag.get("class") or []):
            tag.name = "h1"  # a Google Docs export's title paragraph
        elif tag.name == "div" and _only_bold(tag):
            tag.name = "p"  # "<div><b>About Tidewrack</b></div>": a paragraph, so a bold heading
    for comment in soup.find_all(string=lambda s: isinstance(s, HtmlComment)):
        comment.extract()
    walker = _HtmlWalker(out, offset)
    walker.walk(soup.body or soup)
    walker.flush()
    out.blocks = _without_other_content(out.blocks)
    return out


def without_sections(
    blocks: Sequence[Block], heading: re.Pattern[str], lead: re.Pattern[str] | None = None
) -> list[Block]:
    """Return ``blocks`` without the sections whose heading ``heading`` matches (each to the
    next heading of its level), nor the other blocks whose text ``lead`` matches."""
    kept: list[Block] = []
    skipping: int | None = None  # the level of the heading whose section is dropped
    for block in blocks:
        if block.kind == "heading":
            if skipping is not None and block.level <= skipping:
                skipping = None
            if skipping is None and heading.match(block.text.strip()):
                skipping = block.level
        elif lead is not None and lead.match(block.text):
            continue
        if skipping is None:
            kept.append(block)
    return kept


def _without_other_sections(blocks: list[Block]) -> list[Block]:
    """Drop a job board's "Similar jobs" section (others' postings), to the next heading of its level."""
    return without_sections(blocks, OTHER_CONTENT_HEADING)


def _without_other_content(blocks: list[Block]) -> list[Block]:
    """Drop menus (a paragraph that is only links) and a job board's "Similar jobs" section."""
    kept: list[Block] = []
    for block in _without_other_sections(blocks):
        if block.kind == "paragraph" and len(block.links) >= NAV_LINKS:
            linked = sum(len(link.text) for link in block.links)
            if linked >= 0.85 * len(re.sub(r"[\s/|·•›>]", "", block.text)):
                continue
        kept.append(block)
    return kept


# An accordion's toggle (Bootstrap's "accordion-button" with aria-controls="collapseOne",
# "faq-question", "accordion"): its text is the heading or question of the panel it opens.
_DISCLOSURE = re.compile(r"accordion|collaps|faq|question|answer|panel", re.I)
_BLOCK_TAGS = ["p", "ul", "ol", "div", "table", "dl", "pre", "blockquote", *HEADINGS]
_ENDS_ASKING = re.compile(r"\?[^\w?]*$")  # "?" then at most emoji, quotes, spaces


def row_blocks(
    cells: list[tuple[str, list[Link]]], header: list[str], line: int, list_id: int
) -> list[Block]:
    """Return the blocks of a table row of plain cells (text and links each).

    Two cells are a question and its answer when the first asks (an FAQ laid out as a
    table: two blocks, which the chunker pairs), else a fact ("Location: Oslo"); more
    cells are read under their column headings ("Role: Data Engineer; City: Oslo").
    """
    texts = [text for text, _ in cells]
    links = tuple(link for _, found in cells for link in found)
    if len(texts) == 2 and all(texts):
        if _ENDS_ASKING.search(texts[0]):
            return [Block("paragraph", text, line, 0, tuple(found)) for text, found in cells]
        return [Block("item", f"{texts[0].rstrip(':')}: {texts[1]}", line, list_id, links, texts[0])]
    if len(header) == len(texts) > 2:
        text = "; ".join(f"{h}: {t}" if h else t for h, t in zip(header, texts, strict=True) if t)
        return [Block("item", text, line, list_id, links)] if text else []
    text = " · ".join(t for t in texts if t)
    return [Block("paragraph", text, line, 0, links)] if text else []


def _discloses(button: Tag, classes: str) -> bool:
    """Tell whether a button opens a page's content (an FAQ's question) rather than acting
    ("Apply", "Menu", "Subscribe"): its text is a question, or it is marked as an accordion's."""
    if _ENDS_ASKING.search(button.get_text(" ")):
        return True
    return bool(_DISCLOSURE.search(f"{classes} {button.get('aria-controls') or ''}"))


# Job boards mark a posting's place and commitment up by class or id (Greenhouse
# "location", Lever "posting-category location" / "commitment", Workable "job-location").
_HINT_CLASSES = {
    "location": re.compile(r"(?:^|[\s_-])(?:job-?|posting-?)?location(?:$|[\s_-])", re.I),
    "type": re.compile(
        r"(?:^|[\s_-])(?:commitment|employment-?type|job-?type|workplace-?type)(?:$|[\s_-])", re.I
    ),
}


def _marked_up_facts(soup: BeautifulSoup) -> dict[str, str]:
    """Return the short texts job boards mark up as the location or the commitment."""
    found: dict[str, str] = {}
    for tag in soup.find_all(True, limit=5000):
        if tag.decomposed:
            continue
        marks = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "") + " "
        marks += str(tag.get("data-ui") or "") + " " + str(tag.get("itemprop") or "")
        for name, pattern in _HINT_CLASSES.items():
            if name in found or not pattern.search(marks.strip()):
                continue
            text = clean(tag.get_text(" "))
            if text and len(text) <= 80 and "\n" not in text:
                found[name] = text
    return found


_STYLE_RULE = re.compile(r"\.([\w-]+)\s*\{([^}]*)\}")
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", re.I)
_NORMAL_STYLE = re.compile(r"font-weight\s*:\s*(?:normal|lighter|[1-4]00)\b", re.I)


def _bold_by_style(soup: BeautifulSoup) -> None:
    """Make text bold by its style <strong>, and a <b> styled normal a <span>.

    A Google Docs export says bold with classes (``.c4{font-weight:700}`` in its <style>,
    ``<span class="c4">About the internship</span>``), so its bold lines head sections as a
    page's <strong> lines do; text pasted from it is wrapped in a ``<b style="font-weight:
    normal">``, which is no bold at all.
    """
    bold_classes = {
        name
        for style in soup.find_all("style")
        for name, body in _STYLE_RULE.findall(style.get_text())
        if _BOLD_STYLE.search(body)
    }
    for tag in soup.find_all(["span", "b", "strong"]):
        style = str(tag.get("style") or "")
        if tag.name in ("b", "strong"):
            if _NORMAL_STYLE.search(style):
                tag.name = "span"
        elif _BOLD_STYLE.search(style) or (bold_classes and bold_classes.intersection(tag.get("class") or [])):
            tag.name = "strong"


def _holds_blocks(cell: Tag) -> bool:
    """Tell whether a table cell holds blocks of its own (a layout table's), not a value
    wrapped in one paragraph (as a Google Docs export wraps every cell's text)."""
    blocks = cell.find_all(_BLOCK_TAGS)
    return bool(blocks) and not (len(blocks) == 1 and blocks[0].name == "p")


def _all_bold(cell: Tag) -> bool:
    text = clean(cell.get_text(" "))
    bold = clean(" ".join(b.get_text(" ") for b in cell.find_all(["strong", "b"])))
    return bool(text) and text == bold


_WORD_LIST_ITEM = re.compile(r"^[·•▪◦§o]\s+(?=\S)")  # "·   tuition or course fees" (Symbol's middot, Wingdings' square …)


class _HtmlWalker:
    """Walk the element tree in document order, emitting blocks."""

    def __init__(self, out: ParsedBody, offset: int) -> None:
        self.out = out
        self.offset = offset
        self.buffer: list[str] = []
        self.buffer_links: list[Link] = []
        self.buffer_line = 0
        self.list_id = 0

    def _line(self, tag: Tag) -> int:
        return (getattr(tag, "sourceline", None) or 1) + self.offset

    def flush(self) -> None:
        text = clean("".join(self.buffer))
        if text:
            self.out.blocks.append(Block("paragraph", text, self.buffer_line, 0, tuple(self.buffer_links)))
            self.out.links.extend(self.buffer_links)
        self.buffer, self.buffer_links = [], []

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not self.buffer:
                    self.buffer_line = self._line(node)
                self.buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name in HEADINGS:
                self.flush()
                text, links, _ = self._inline(child)
                if text:
                    self.out.blocks.append(
                        Block("heading", text, self._line(child), HEADINGS[name], tuple(links))
                    )
                    self.out.links.extend(links)
            elif name in ("ul", "ol"):
                self.flush()
                self.list_id += 1
                self.walk(child)
                self.flush()
            elif name == "dl":
                self.flush()
                self.list_id += 1
                self._definitions(child)
                self.flush()
            elif name == "table":
                self.flush()
                self.list_id += 1
                self._table(child)
                self.flush()
            elif name in ("td", "th") and child.find(_BLOCK_TAGS):
                # a layout table's cell ("Key facts" beside the sections of a wiki page)
                # holds blocks of its own: its headings and paragraphs stay apart
                self.flush()
                self.walk(child)
                self.flush()
            elif name in LEAF_BLOCKS:
                self.flush()
                self._leaf(child)
            elif name == "br":
                self.buffer.append("\n")
            elif name in ("a",):
                if not self.buffer:
                    self.buffer_line = self._line(child)
                text = child.get_text(" ")
                self.buffer.append(text)
                if child.get("href"):
                    self.buffer_links.append(Link(clean(text), str(child["href"]), self._line(child)))
                    if url := _address(clean(text), str(child["href"])):
                        self.buffer.append(f" ({url})")
            elif name in (
                "div",
                "section",
                "article",
                "main",
                "header",
                "body",
                "html",
                "tbody",
                "thead",
                "tr",
                "figure",
                "details",
                "center",
                "span-block",
            ):
                self.flush()
                self.walk(child)
                self.flush()
            else:  # inline markup: span, strong, em, small, code, img ...
                if not self.buffer:
                    self.buffer_line = self._line(child)
                if name == "img":
                    continue
                self.walk(child)

    def _leaf(self, tag: Tag) -> None:
        """Emit a leaf block (a paragraph, list item, table cell …), then the lists nested in it."""
        nested = [c for c in tag.find_all(["ul", "ol"], recursive=True)]
        for n in nested:
            n.extract()
        text, links, lead = self._inline(tag)
        if tag.name == "summary" and tag.parent is not None and tag.parent.name == "details":
            # a <details> element's <summary> heads what it folds away, however it is worded
            # ("I'm graduating in May. Can I still apply?" is one question, not prose)
            lead = text
        if text:
            kind: BlockKind = "item" if tag.name in ("li", "dt", "dd") else "paragraph"
            if kind == "paragraph" and _WORD_LIST_ITEM.match(text):
                # a word processor's list saved as paragraphs, each with its bullet's glyph
                # ('<p class=MsoListParagraph>· tuition or course fees</p>')
                text = _WORD_LIST_ITEM.sub("", text, count=1)
                previous = self.out.blocks[-1] if self.out.blocks else None
                if previous is None or previous.kind != "item":
                    self.list_id += 1
                kind = "item"
            level = self.list_id if kind == "item" else 0
            self.out.blocks.append(Block(kind, text, self._line(tag), level, tuple(links), lead))
            self.out.links.extend(links)
        for n in nested:
            self.list_id += 1
            self.walk(n)
            self.flush()

    def _definitions(self, dl: Tag) -> None:
        """Emit a description list.

        A term with plain descriptions is one item, "Term: description", so a posting's
        ``<dt>Location</dt><dd>Berlin</dd>`` reads as the "Location: Berlin" line it means.
        A term that is a question, or whose description holds blocks of its own, is emitted
        as it stands, term and descriptions apart: the chunker pairs an FAQ's question with
        its answer.
        """
        entries: list[tuple[Tag | None, list[Tag]]] = []
        for tag in dl.find_all(["dt", "dd"]):
            if tag.find_parent("dl") is not dl:
                continue  # a nested list's, emitted with its description
            if tag.name == "dt" or not entries:
                entries.append((tag if tag.name == "dt" else None, []))
            if tag.name == "dd":
                entries[-1][1].append(tag)
        for term, descriptions in entries:
            label = clean(term.get_text(" ")) if term is not None else ""
            plain = all(not d.find(_BLOCK_TAGS) for d in descriptions)
            if term is not None and label and descriptions and plain and not _ENDS_ASKING.search(label):
                texts, links = [], []
                for d in descriptions:
                    text, found, _ = self._inline(d)
                    texts.append(text)
                    links.extend(found)
                text = clean(f"{label.rstrip(':')}: {' '.join(t for t in texts if t)}")
                self.out.blocks.append(
                    Block("item", text, self._line(term), self.list_id, tuple(links), label)
                )
                self.out.links.extend(links)
                continue
            for tag in ([term] if term is not None else []) + descriptions:
                if tag.find(_BLOCK_TAGS):
                    self.walk(tag)
                    self.flush()
                elif tag is term and _ENDS_ASKING.search(label):
                    # the term is the question, all of it, as a bold lead-in would be ("I
                    # already have a PhD. Is this fellowship for me?" says why it asks first)
                    text, links, _ = self._inline(tag)
                    self.out.blocks.append(Block("item", text, self._line(tag), self.list_id, tuple(links), text))
                    self.out.links.extend(links)
                else:
                    self._leaf(tag)

    def _table(self, table: Tag) -> None:
        """Emit a table row by row.

        A row of plain cells is one line: "Location: Oslo" for two cells (a fact), the cells
        under their column headings for more ("Role: Data Engineer; City: Oslo"); a row whose
        first cell is a question is that question and its answer (an FAQ laid out as a
        table). A header row says only what the columns are. A row whose cells hold blocks
        of their own is read cell by cell.
        """
        rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
        header: list[str] = []
        if rows:
            cells = rows[0].find_all(["th", "td"], recursive=False)
            # a header row: of <th> cells, or of cells all in bold (a Google Docs table's)
            headed = all(c.name == "th" for c in cells) or (len(cells) >= 2 and all(map(_all_bold, cells)))
            if cells and headed and len(rows) > 1 and not any(map(_holds_blocks, cells)):
                header = [clean(c.get_text(" ")) for c in cells]
                rows = rows[1:]
        for tr in rows:
            cells = tr.find_all(["th", "td"], recursive=False)
            if not cells or any(map(_holds_blocks, cells)):
                self.walk(tr)
                self.flush()
                continue
            read = [self._inline(c) for c in cells]
            blocks = row_blocks(
                [(text, links) for text, links, _ in read], header, self._line(tr), self.list_id
            )
            self.out.blocks.extend(blocks)
            self.out.links.extend(link for _, links, _ in read for link in links)

    def _inline(self, tag: Tag) -> tuple[str, list[Link], str | None]:
        for br in tag.find_all("br"):
            br.replace_with("\n")
        links = [
            Link(clean(a.get_text(" ")), str(a["href"]), self._line(a)) for a in tag.find_all("a", href=True)
        ]
        if tag.name not in HEADINGS:
            for a in tag.find_all("a", href=True):
                if url := _address(clean(a.get_text(" ")), str(a["href"])):
                    a.insert_after(NavigableString(f" ({url})"))
        lead = None
        first = next(
            (c for c in tag.children if not (isinstance(c, NavigableString) and not c.strip())), None
        )
        if isinstance(first, Tag) and first.name in ("strong", "b"):
            lead = clean(first.get_text(" "))
        return clean(tag.get_text("")), links, lead


# -- Plain text -------------------------------------------------------------------------------

# "-", "•", "1." and "2)"; a Word export's "o" sub-bullet (before a tab) and its symbol
# bullets (""), "a)" and "(b)" items
_SUB_ITEM = re.compile(r"^(?:\t| {2,})\s*\S")  # an indented line of a list
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣–○■►➢✔]|\d{1,2}[.)]|\(?[a-z]\)|\([ivx]{1,4}\)|o(?=\t| {2}))\s+")


def looks_like_markdown(text: str) -> bool:
    """Tell whether a .txt file is really Markdown (headings, links, HTML; bullets only beside them).

    Dash bullets alone say nothing: plain-text postings use them too, and read as Markdown
    their bare-line headings ("PROGRAM OVERVIEW", "About the role") would be lost.
    """
    signals = 0
    signals += len(re.findall(r"^#{1,6} \S", text, re.M))
    signals += len(re.findall(r"\[[^\]\n]+\]\([^)\s]+\)", text))
    signals += len(re.findall(r"^<(h[1-6]|div|p|ul|table)\b", text, re.M))
    if signals:
        signals += len(re.findall(r"^\s*[*-] \S", text, re.M)) // 2
    return signals >= 2


def _is_heading(line: str, prev_blank: bool, next_blank: bool) -> bool:
    s = line.strip()
    if not s or len(s) > 80 or not (prev_blank and next_blank):
        return False
    # "Company: X" is data; "ROLE 1: YOUTH FOOTBALL COACH" in capitals heads its section
    if s[-1] in ".,;!?" or _BULLET.match(line) or (":" in s[:-1] and not in_capitals(s)):
        return False
    if re.search(r"[a-z]{3}[.!?]\s", s):  # a sentence ends in it: wrapped prose ("Eleven months. It")
        return False
    if not s[0].isupper():
        return False
    if s.endswith(":") and len(s.split()) > 4:  # "We are hiring into four teams:" leads into a list
        return False
    return len(s.split()) <= 10


def parse_plain(body: str, first_line: int = 1) -> ParsedBody:
    """Parse plain text: bare short lines between blank lines are headings.

    A run of lines is one paragraph when it is wrapped prose; when every line starts with
    a capital or a bullet and none runs on into the next, each line is an item of its own.
    """
    out = ParsedBody()
    lines, numbers, letterhead = _columns_apart(
        _emoji_bullets(_unfenced(_without_underlines(tidy(body).split("\n"))))
    )
    out.copyright = _copyright_owner("\n".join(lines))
    raw = body.split("\n")
    # the second line was breadcrumbs that :func:`tidy` blanked: the first is the site's banner
    crumbs = len(numbers) > 1 and numbers[1] < len(raw) and is_breadcrumb(raw[numbers[1]])
    top, out.site_name = _without_site_header(lines, out.copyright, crumbs)
    out.top = max(numbers[top] if top < len(numbers) else top, numbers[letterhead - 1] + 1 if letterhead else 0)
    n = len(lines)
    i = 0
    # the page's own first lines, where its title is (a site's name above them set aside)
    # (a job board's line under its banner, "Posted 27 June 2025 | 143 views | Save job", is none of them)
    # (nor a note in brackets above them: "(pasted by a mod from NorthJobs, formatting is a bit broken)")
    opening = next(
        (k for k, ln in enumerate(lines) if ln.strip() and not _board_meta_line(ln) and not _NOTE_LINE.match(ln)), 0
    )
    sections = _numbered_sections(lines)
    subject = mail_subject(body)  # an e-mail's subject is its title
    title_next = False  # the run after a masthead of two organisation lines is the title
    list_id = 0
    numbered = 0  # numbered sections' headings so far
    # the last numbered section's heading is in capitals ("2) ARCHIVIST (DIGITAL COLLECTIONS)"):
    # a heading in lower case under it ("The role") heads a part of that section
    capital_section = False

    def bare_heading(text: str, line: int) -> Block:
        nonlocal capital_section
        level = 3 if capital_section and not in_capitals(text) else 2
        if in_capitals(text):
            capital_section = False  # "BENEFITS (ALL POSTS)": the next part of the document
        return Block("heading", text, line, level)

    while i < n:
        if not lines[i].strip():
            i += 1
            continue
        start = i
        while i < n and lines[i].strip():
            i += 1
        run = lines[start:i]
        line_no = numbers[start] + first_line
        if start < letterhead:
            # a letterhead's lines say who issued the page and when, and head nothing
            for k in range(start, i):
                out.blocks.append(Block("paragraph", _plain(lines[k]).strip(), numbers[k] + first_line, 0))
            continue
        if subject is not None and numbers[start] == subject[0] and len(run) == 1:
            out.blocks.append(Block("heading", _plain(run[0]).strip(), line_no, 1))
            continue
        others = _OTHERS_LISTED.match(next((ln for ln in run if not _UNDERLINE.match(ln)), "").strip())
        if others and (len(run) > 1 or others.group("after")):
            # a job board's "Similar jobs near Wexcombe" over others' postings, one a line,
            # or "Similar jobs: Combine Driver (Ashby Estates) · …": other employers' posts
            continue
        prev_blank = start == 0 or not lines[start - 1].strip()
        next_blank = i >= n or not lines[i].strip()
        bold = _BOLD_LINE.match(run[0])
        if bold and len(bold.group(2).split()) <= QUESTION_WORDS:
            # "**Key dates**" or "**Q: Can I join late?**" on a line of its own: chat-style
            # Markdown in a .txt heads what follows it
            out.blocks.append(Block("heading", _plain(bold.group(2)).rstrip(":").strip(), line_no, 2))
            run, line_no = run[1:], line_no + 1
            if not run:
                continue
        numbered_over = len(run) > 1 and start in sections
        if numbered_over:
            # "3) Food" straight above its paragraph, in an e-mail of such sections
            out.blocks.append(Block("heading", _plain(run[0]).strip(), line_no, 2))
            numbered += 1
            capital_section = in_capitals(run[0])
            run, line_no = run[1:], line_no + 1
        elif len(run) == 1 and (
            _numbered_heading(run[0], lines[i:])
            # ... and, once two are, "7. Contact" alone over text that is not numbered
            or (numbered >= 2 and _numbered_heading(run[0], [], loose=True) and prev_blank and next_blank)
            # ... and in a document of three such lines or more, each over text ("1. Overview")
            or start in sections
        ):
            # "3. Eligibility" over "3.1 Age. Applicants must be …": a numbered document's section
            out.blocks.append(Block("heading", _plain(run[0]).strip(), line_no, 2))
            numbered += 1
            capital_section = in_capitals(run[0])
            continue
        if title_next and len(run) == 1 and len(run[0].split()) <= TITLE_WORDS and run[0].rstrip()[-1:] not in ".!?:":
            out.blocks.append(Block("heading", _plain(run[0]).strip(), line_no, 1))
            title_next = False
            continue
        title_next = False
        if len(run) == 1 and _is_heading(run[0], prev_blank, next_blank):
            out.blocks.append(bare_heading(_plain(run[0]).rstrip(":").strip(), line_no))
            continue
        subsection = numbered_over or (len(run) > 1 and _subsection_heading(run[0]))
        if subsection and not numbered_over:
            # "1.2 How much you can apply for" straight above its text: a numbered
            # document's subsection (a PDF's, a Word file's), under its "1. About the grants"
            out.blocks.append(Block("heading", _plain(run[0]).strip(), line_no, 3))
            run, line_no = run[1:], line_no + 1
        if (
            start == opening
            and len(run) > 1
            and in_capitals(run[0])
            and ORG_NAME.match(title_cased(run[0]))
            and _is_heading(run[1], True, True)
            and not in_capitals(run[1])
        ):
            # a masthead in capitals over the title line: "KESTRELMOUTH FOUNDATION" /
            # "Civic Code Fellowship - Autumn Cohort 2026" / "Frequently asked questions" /
            # "Source: https://…": the title, then the organisation and the rest as lines of their own
            if len(run) == 2 and ORG_NAME.match(run[1].strip()):
                # ... or over a part of it ("UNIVERSITY OF CARROWBY" / "School of Earth and
                # Ocean Sciences"): the title is the line of its own under them
                for k, ln in enumerate(run):
                    out.blocks.append(Block("paragraph", _plain(ln).strip(), line_no + k, 0))
                title_next = True
                continue
            out.blocks.append(Block("heading", _plain(run[1]).strip(), line_no + 1, 1))
            for k, ln in enumerate([run[0], *run[2:]]):
                at = line_no + (0 if k == 0 else k + 1)
                text = _plain(ln).strip()
                out.blocks.append(Block("paragraph", text, at, 0, _bare_links(text, at)))
            continue
        if (
            start == opening
            and len(run) == 2
            and all(_is_heading(ln, True, True) for ln in run)
            and ORG_NAME.match(run[1].strip())
        ):
            # a posting's title over its employer: "Grants Officer (Part-time)" / "Alderwick Conservation Alliance"
            out.blocks.append(Block("heading", _plain(run[0]).strip(), line_no, 1))
            out.blocks.append(Block("paragraph", _plain(run[1]).strip(), line_no + 1, 0))
            continue
        if (
            start == opening
            and 1 < len(run) <= 3
            and all(_is_heading(ln, True, True) for ln in run)
            and not any(_BYLINE_LINE.search(ln) or _TERMS_LINE.search(ln) for ln in run[1:])
        ):
            # a title over two or three lines at the top: "Acme Writers' Residency" / "Frequently Asked Questions"
            out.blocks.append(
                Block("heading", " – ".join(_plain(ln).rstrip(":").strip() for ln in run), line_no, 1)
            )
            continue
        if (
            start == opening
            and len(run) > 1
            and _is_heading(run[0], True, True)
            and all(_is_heading(ln, True, True) or _header_line(ln) for ln in run[1:])
            and (len(run) > 3 or any(_header_line(ln) for ln in run[1:]))
        ):
            # a job board's header pasted at the top: the title, then company, place, terms
            # ("Location: Munich", or "Lumivane · Internship · Remote within the EU")
            out.blocks.append(Block("heading", _plain(run[0]).strip(), line_no, 1))
            run, line_no = run[1:], line_no + 1
        elif (
            len(run) > 1
            and not subsection
            and _is_heading(run[0], True, True)
            and _BULLET.match(run[1])
            and 2 * sum(bool(_BULLET.match(ln)) for ln in _unwrapped_items(run[1:])[0])
            >= len(_unwrapped_items(run[1:])[0])
        ):
            # "What you'll do" straight above its bullets (a closing line under them aside:
            # "Hiring process" / "1. …" / "2. …" / "We aim to decide within three weeks.")
            out.blocks.append(bare_heading(_plain(run[0]).rstrip(":").strip(), line_no))
            run, line_no = run[1:], line_no + 1
        if _signature(run):
            # "Priya Raman" / "Early Careers Talent Partner, Mossgate Money" / "talent@…": who
            # wrote, heading nothing
            text = _plain(" · ".join(ln.strip() for ln in run))
            out.blocks.append(Block("paragraph", text, line_no, 0, _bare_links(text, line_no)))
            continue
        leads_on = bool(_LEADS_ON.search(run[0])) and len(run) > 2 and all(_starts_item(ln) for ln in run[1:])
        if (
            len(run) > 1
            and prev_blank
            and not subsection
            and (len(run[0].split()) <= 6 or leads_on or in_capitals(run[0]))
            and _is_heading(run[0], True, True)
            and (
                leads_on
                or len(run[1]) > 100
                or run[1].rstrip().endswith((".", ":"))
                or in_capitals(run[0])
                or _LABEL_LINE.match(run[1])
                or (len(run) > 2 and _wraps(run[1:3]))
                or (start != opening and _over_longer_lines(run))
            )
        ):
            # "About the job" directly above its text ("WHAT WE OFFER" above anything, "Key
            # facts" above "Dates: …", "How to apply" above "Send us two things:", "Key
            # responsibilities" above its unbulleted items, "It would be great if you also had"
            # above the lines it leads into)
            out.blocks.append(bare_heading(_plain(run[0]).rstrip(":").strip(), line_no))
            run, line_no = run[1:], line_no + 1
        run, offsets = _unwrapped_items(run)
        if len(run) > 1 and _asks(_BULLET.sub("", run[0])) and not all(_BULLET.match(ln) for ln in run):
            # "1. Who can apply?" over its answer's lines: the question is a block of its own
            text = _plain(_BULLET.sub("", run[0]))
            out.blocks.append(Block("paragraph", text, line_no, 0, _bare_links(text, line_no)))
            run, line_no, offsets = run[1:], line_no + 1, [k - 1 for k in offsets[1:]]
            # its answer's lines are a list only when they are bulleted ("- a passport")
            listed = all(_BULLET.match(ln) for ln in run)
        else:
            listed = all(_starts_item(ln) for ln in run) and not any(map(_runs_on, run, run[1:]))
        if len(run) > 1 and listed:
            list_id += 1
            for k, ln in enumerate(run):
                text = _plain(_BULLET.sub("", ln))
                last = out.blocks[-1] if k else None
                if last is not None and last.kind == "item" and _SUB_ITEM.match(ln) and not _SUB_ITEM.match(run[0]):
                    # indented sub-items ("\to\tA practical task …") say more of the item above
                    joint = "; " if _SUB_ITEM.match(run[k - 1]) else ": "
                    links = last.links + _bare_links(text, line_no + offsets[k])
                    out.blocks[-1] = Block("item", f"{last.text.rstrip('.:')}{joint}{text}", last.line, list_id, links)
                    continue
                at = line_no + offsets[k]
                out.blocks.append(Block("item", text, at, list_id, _bare_links(text, at)))
        else:
            text = _plain(" ".join(ln.strip() for ln in run))
            meta_date = find_published(text)
            if meta_date and len(text) < 80:
                out.published = out.published or meta_date
                out.published_line = out.published_line or line_no
                continue
            out.blocks.append(Block("paragraph", text, line_no, 0, _bare_links(text, line_no)))
    out.blocks = _without_other_sections(out.blocks)  # a job board's paste: "Similar jobs" and others' postings
    out.links = [link for block in out.blocks for link in block.links]
    # "Source: https://…" near the top: where the text was copied from, its own address
    out.source_urls.extend(m.group(1) for ln in lines[:SOURCE_LINES] if (m := _SOURCE_LINE.match(ln.strip())))
    return out


# a line that heads others' postings in a paste: "Similar jobs near Wexcombe", "Report this
# job  |  Similar jobs: Radio Operator (North Sea) · …" (not "Other roles", which may be the
# employer's own)
_OTHERS_LISTED = re.compile(
    r"^(?:[^|·:]{1,25}\s[|·]\s+){0,4}(?:similar|related|recommended|suggested)\s+(?:jobs|roles|positions|"
    r"vacancies|postings|openings|posts)\b[^:.?!|]{0,40}(?:$|:\s*(?P<after>\S.*))|^(?:people also viewed|jobs you might like)",
    re.I,
)
_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,})\s*$")
_SKIP_LINK = re.compile(r"^(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|menu|search)$", re.I)
# "Work    Studio    Careers    Journal    Contact", "Home | About | Jobs": a site's menu
_MENU = re.compile(r"^[A-Z][\w&'’-]*(?: [A-Z&][\w&'’-]*)?(?:(?:\s{2,}|\t+|\s+[|]\s+)[A-Z][\w&'’-]*(?: [\w&'’-]+)?){2,}$")
# "Careers / Early careers", "Home › Jobs › Design": where the page sits on its site
_BREADCRUMB_LINE = re.compile(
    r"^(?:home|careers?|jobs|vacancies|opportunities|programmes?|programs?)\s+[/>›»]\s+\S"
    r"|^[^\W\d_][\w&'’-]*(?: [\w&'’-]+){0,3}(?:\s+[>›»]\s+[^\W\d_][\w&'’-]*(?: [\w&'’-]+){0,3}){1,5}$"  # "Volunteering > Opportunities"
    # a job board's: "GreenJobsHub  |  Jobs  >  Charity & Fundraising  >  Grants Officer"
    r"|^[^\W\d_][\w&'’.-]*(?: [\w&'’.-]+){0,2}\s+[|]\s+[^\W\d_][\w&'’-]*(?: [\w&'’-]+){0,3}"
    r"(?:\s+[>›»]\s+[^\W\d_][\w&'’(),-]*(?: [\w&'’(),-]+){0,5}){1,5}$",
    re.I,
)
# "Save job | Share | Report this job", "Easy Apply": a board's buttons
BOARD_BUTTONS = re.compile(
    r"^(?:(?:save|share|report|print|e-?mail|apply|easy apply|easily apply)(?: this)?(?: job| now| ad| advert)?(?:\s*[|·]\s*|\s+|$)){2,}$",
    re.I,
)

# what a job board says of a post on the line under its banner, or on it: its number, when it
# was posted, how often seen ("Job ID 58213", "Job ref: OC-22-25", "Posted 27 June 2025", "143 views")
_BOARD_META = re.compile(
    r"\bjob\s*(?:id|ref(?:erence)?|no\.?|number)\b\s*:?\s*#?[\w-]*\d"
    r"|\bposted\s*:?\s+(?:on\s+)?(?:\d|today\b|yesterday\b|(?:an?|\d+)\s+\w+\s+ago\b)|\b\d[\d,]*\s+(?:views|applicants)\b",
    re.I,
)
_BOARD_BUTTON = re.compile(r"^(?:save|share|report|print|apply)(?: this)?(?: job| ad| advert| now)?$", re.I)


def _board_meta_line(line: str) -> bool:
    """Tell whether a line is only what a job board says of a post: "Posted 27 June 2025 |
    143 views | Save job | Report this job", "Job ref: FH-2025-118734      Posted: 2 April 2025"."""
    parts = [p.strip() for p in re.split(r"\s{2,}|\s[|·•]\s", line) if p.strip()]
    return bool(parts) and any(_BOARD_META.search(p) for p in parts) and all(
        _BOARD_META.search(p) or _BOARD_BUTTON.match(p) for p in parts
    )


_BOARD_WORD = re.compile(r"\bjobs?\b|\bvacanc|\bcareers?\b|\brecruit", re.I)  # "UK farm & rural jobs board"
_BANNER_DASH = re.compile(r"\s+[-–—|]\s+")  # "KestrelJobs - Local jobs for local people"
# the words that give an organisation's legal form ("Acme Ltd")
LEGAL_FORMS = ("Ltd", "Limited", "Inc", "LLC", "LLP", "GmbH", "plc", "PLC", "AG", "SA", "BV", "NV", "AB", "Oy", "Pty", "Corp")
_LEGAL_FORM = re.compile(rf"\s+(?:{'|'.join(LEGAL_FORMS)})\.?$")


def _copyright_owner(text: str) -> str | None:
    """Return the owner a "© 2026 Acme Ltd" line names (up to a separator: "· Privacy")."""
    owner = COPYRIGHT.search(text)
    if not owner:
        return None
    name = re.split(r"\s+All\b", owner.group(1))[0].strip(" .,·|-")
    body = ORG_NAME.match(name)  # "Wrenpoint Tidal Systems Ltd. Registered in Scotland"
    return (body.group(0) if body else name) or None


def _without_site_header(lines: list[str], owner: str | None, crumbs: bool) -> tuple[int, str | None]:
    """Blank the site's header a page copied from a browser opens with: "Skip to main
    content", its menu, its breadcrumbs and the site's name (the "©" line's owner, or a short
    first line right above the menu or breadcrumbs: "Tallowmere Community Forum" over
    "Volunteering > Opportunities", or a job board's banner "KestrelJobs - Local jobs for
    local people" over "Home > Jobs > …", whose name is what comes before the dash).
    ``crumbs`` tells whether the second line was breadcrumbs before :func:`tidy` blanked it. Return
    the number of the last line blanked (0 for none) and the site's name if it was one."""
    short = _LEGAL_FORM.sub("", owner).casefold() if owner else None

    def navigation(text: str) -> bool:
        return bool(_MENU.match(text) or _BREADCRUMB_LINE.match(text))

    def header(text: str) -> bool:
        skipped = _SKIP_LINK.match(text) or BOARD_BUTTONS.match(text)
        return (short is not None and text.casefold() == short) or navigation(text) or bool(skipped)

    top, site = 0, None
    if len(lines) > 1:
        first, second = lines[0].strip(), lines[1].strip()
        name, *tagline = _BANNER_DASH.split(first, maxsplit=1)
        banner = (
            navigation(second)
            or crumbs
            # "ArchiJobs UK  |  Job ID 448213  |  Posted 24 January 2025": the board's own line
            or bool(_BOARD_META.search(first))
            # "FieldHands - UK farm & rural jobs board" over "Job ref: FH-2025-118734   Posted: 2 April 2025"
            or bool(tagline and _BOARD_WORD.search(tagline[0]) and _BOARD_META.search(second))
        )
        if first and not header(first) and len(name.split()) <= 6 and banner:
            site, lines[0], top = name, "", 1
    for i, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        if not header(text):
            break
        if short is not None and text.casefold() == short:
            site = owner if owner and in_capitals(text) else text  # "PELLWYN MARINE INSTITUTE" as "©" writes it
        lines[i] = ""
        top = i + 1
    return top, site


_EMOJI = "\u2190-\u2bff\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d"  # emoji and pictographs
_FENCE = re.compile(r"^\s*(?:```|~~~)\S*\s*$")
_DOT_LEADER = re.compile(r"^(\s*\S.*?\S)\s*(?:\.\s?){4,}\s*(\S.*)$")  # "Deadline ........ 6 April 2026"
_LEADING_EMOJI = re.compile(rf"^\s*([{_EMOJI}]+)\s+(?=\S)")


def _unfenced(lines: list[str]) -> list[str]:
    """Return the lines without code fences ("```" pasted from a chat) and with a table of
    contents' dot leaders read as labels: "Deadline ........ 6 April 2026" is "Deadline: 6 April 2026"."""
    return ["" if _FENCE.match(ln) else _DOT_LEADER.sub(r"\1: \2", ln) for ln in lines]


def _emoji_bullets(lines: list[str]) -> list[str]:
    """Return the lines with an emoji that starts two or more lines in a row read as their
    bullet ("🔹 Small grants: €4,000" over "🔹 Large grants: …", as chat announcements list)."""
    out = list(lines)
    found = [_LEADING_EMOJI.match(ln) for ln in lines]
    marks = [m.group(1) if m else None for m in found]
    for i, match in enumerate(found):
        repeated = (i > 0 and marks[i - 1] == marks[i]) or (i + 1 < len(marks) and marks[i + 1] == marks[i])
        if match and repeated:
            out[i] = "• " + lines[i][match.end() :]
    return out


TITLE_WORDS = 16  # a title line under a masthead is at most this long
_GUTTER = re.compile(r"(?<=\S) {3,}(?=\S)")  # the spaces between two columns of a line
COLUMN_WIDTH = 20  # a left column is at least this wide (narrower, it is a list's mark or a label)
WRAPPED_WIDTH = 25  # a column of wrapped text is at least this wide
HEADED_ITEM_WORDS = 3  # most unbulleted items under a bare heading are at least this many words longer than it
_WIDE_GUTTER = re.compile(r"\S {8,}\S")  # a letterhead's two sides are at least this far apart


def _columns_apart(lines: list[str]) -> tuple[list[str], list[int], int]:
    """Return the lines with two columns laid side by side read one after the other, the
    line number (from 0) of each line returned, and where a letterhead's lines end in them
    (0 without one; see :func:`_two_columns`).

    A PDF or a printed notice copied as text keeps its layout: "About us      The role"
    over "Orvanne Biosciences develops cell-based      You will keep our cell culture".
    A run of lines (between blank lines) is two columns when every line either stops
    before one gutter or has at least two spaces just before it, at least two lines have
    text on both sides, and what is on a side is wrapped text (a line runs on into the
    next line of its column) or "Label: value" on both sides ("Location: Kelsby      Salary:
    £28,500"). A table's rows ("Deadline      30 April") hold neither and stay rows.
    """
    out: list[str] = []
    numbers: list[int] = []
    letterhead = 0
    before = True  # no text yet: the first run may be a letterhead
    i, n = 0, len(lines)
    while i < n:
        start = i
        while i < n and lines[i].strip():
            i += 1
        first, before = before, before and start == i
        split = _two_columns(lines[start:i], masthead=first) if i - start >= 2 else None
        if split is None:
            out.extend(lines[start:i])
            numbers.extend(range(start, i))
        else:
            for side in split:
                for k, text in enumerate(side):
                    out.append(text)
                    numbers.append(start + k)
                out.append("")
                numbers.append(i)
            if first and not _wraps(split[0]) and not _wraps(split[1]):
                letterhead = len(out)
        if i < n:  # the blank line after the run
            out.append(lines[i])
            numbers.append(i)
            i += 1
    return out, numbers, letterhead


def _two_columns(run: list[str], masthead: bool = False) -> tuple[list[str], list[str]] | None:
    """Return the left and right columns of a run of lines (see :func:`_columns_apart`),
    each as long as the run (a side without text on a line has "" there), or None.

    The first run of a document is a letterhead when a wide gutter parts every line
    ("ORVANNE BIOSCIENCES LTD          VACANCY NOTICE" over "Ref: OBV-LT-0412          Issued
    2 June 2026"): its sides are read apart too.
    """
    starts: dict[int, int] = {}
    for line in run:
        for m in _GUTTER.finditer(line):
            if m.end() >= COLUMN_WIDTH:
                starts[m.end()] = starts.get(m.end(), 0) + 1
    for at, count in sorted(starts.items(), key=lambda kv: (-kv[1], kv[0])):
        if count < 2:
            break
        left: list[str] = []
        right: list[str] = []
        for line in run:
            if len(line.rstrip()) <= at - 2:
                left.append(line.rstrip())
                right.append("")
            elif line[at - 2 : at] == "  ":
                left.append(line[:at].rstrip())
                right.append(line[at:].rstrip())
            else:
                break
        else:
            both = sum(bool(a.strip() and b.strip()) for a, b in zip(left, right, strict=True))
            labels = any(_LABEL_LINE.match(a) and _LABEL_LINE.match(b) for a, b in zip(left, right, strict=True))
            letterhead = masthead and all(
                _WIDE_GUTTER.search(line) for line, b in zip(run, right, strict=True) if b.strip()
            )
            if both >= 2 and (labels or letterhead or _wraps(left) or _wraps(right)):
                return left, right
    return None


def _wraps(column: list[str]) -> bool:
    """Return whether a column holds wrapped text: a line that fills most of the column's
    width and runs on into the next (a table's short cells do not)."""
    width = max(len(line.strip()) for line in column)
    return width >= WRAPPED_WIDTH and any(
        len(a.strip()) >= 0.6 * width and b.strip() and (_runs_on(a, b) or b.lstrip()[:1].islower())
        for a, b in itertools.pairwise(column)
    )


def _unwrapped_items(run: list[str]) -> tuple[list[str], list[int]]:
    """Return the lines of a run with each list item's wrapped lines joined to it, and the
    offset of each line in the run.

    "- You have not been a mentee before. Past mentees are very" over "  welcome to come
    back as mentors.": an indented line that is no bullet of its own goes on with the item
    above it (a README's, an e-mail's wrapped list).
    """
    lines: list[str] = []
    offsets: list[int] = []
    in_item = False
    for k, line in enumerate(run):
        if in_item and _SUB_ITEM.match(line) and not _BULLET.match(line):
            lines[-1] = f"{lines[-1].rstrip()} {line.strip()}"
            continue
        lines.append(line)
        offsets.append(k)
        in_item = bool(_BULLET.match(line))
    return lines, offsets


def _without_underlines(lines: list[str]) -> list[str]:
    """Return the lines with the underlines of headings made blank.

    "About the residency" over "-------------------" (or "=====") is a heading, as in
    Markdown's setext style: the underline is set apart from it like a blank line, so the
    heading stands alone (line numbers are kept), and so is the rule over a title that has
    one under it too. A rule under a sentence or a list item is no underline and stays.
    """
    out = list(lines)
    for i in range(len(out) - 2):
        # a title between two rules, as reStructuredText writes it ("=====" / "Title" / "=====",
        # or "-----" / "1) LIBRARY ASSISTANT" / "-----": both rules, however it is numbered),
        # or a posting's title and its employer between them
        if not _UNDERLINE.match(out[i]):
            continue
        for j in range(i + 2, min(i + 4, len(out) - 1) + 1):
            if not out[j - 1].strip() or _UNDERLINE.match(out[j - 1]):
                break
            if _UNDERLINE.match(out[j]):
                out[i] = out[j] = ""
                break
    for i in range(1, len(out)):
        above = out[i - 1].strip()
        if (
            _UNDERLINE.match(out[i])
            and above
            and not _BULLET.match(out[i - 1])
            and len(above.split()) <= 12
            and above[-1] not in ".,;"
        ):
            out[i] = ""
    return out


SOURCE_LINES = 12  # a "Source: …" line this near the top says where a plain text was copied from
_SOURCE_LINE = re.compile(r"^(?:source|url|link|original|copied from|page)\s*:\s*(https?://\S+?)[.,;]?$", re.I)


# A line that ends mid-phrase ("… (weekdays,", "… and ends on May 2 and") runs on into the next.
_RUNS_ON = re.compile(r"(?:[,(–-]|\b(?:and|or|but|the|a|an|of|to|in|on|at|by|for|from|with|as|than))\s*$")


_NOTE_LINE = re.compile(r"^\s*\([^()]*\)\s*$")  # a line that is all in brackets: someone's note
_LABEL_LINE = re.compile(r"^\s*[A-Z][\w /&()-]{1,30}:\s+\S")  # "Location: Munich", "Salary: …"
_BYLINE_LINE = re.compile(r"\S\s+[·|]\s+\S")  # "Lumivane · Internship · Remote within the EU"
# "Morrisville, NC (on-site) - Full-time": a place and the terms after it, not a title's part
_TERMS_LINE = re.compile(
    r"[,(|·–—-]\s*\(?(?:full[- ]time|part[- ]time|on[- ]?site|in[- ]office|remote|hybrid|permanent|temporary|fixed[- ]term)\b",
    re.I,
)
_PAY_LINE = re.compile(r"^\s*(?:[A-Z]{1,2}\$|[$€£¥₹])\s?\d(?:(?![.!?](?:\s|$)).){0,80}$")  # "$24.50 - $29.00 an hour - Full-time"


def _header_line(line: str) -> bool:
    """Tell whether a line of a pasted job-board header is data, not a title."""
    return bool(
        _LABEL_LINE.match(line) or _BYLINE_LINE.search(line) or _TERMS_LINE.search(line) or _PAY_LINE.match(line)
    )


def _plain(text: str) -> str:
    """Clean a plain text's line or lines, without chat-style emphasis marks ("**24 March**")."""
    return clean(_EMPHASIS.sub(r"\2", text))


# an emoji or two may stand before it: "💶 **How much?**", "🗓️ **Key dates**"
_BOLD_LINE = re.compile(rf"^\s*(?:[{_EMOJI}]+\s*)?(\*\*|__)\s*(\S.*?)\s*\1\s*$")
_EMPHASIS = re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1")


_SECTION_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+[\"“]?[A-Z]")  # "3. Eligibility", "3) Food"


def _numbered_heading(line: str, after: list[str], loose: bool = False) -> bool:
    """Tell whether a line is a numbered section's heading: "3. Eligibility" alone, a short
    title without a full stop, with the next text numbered under it ("3.1 …") unless ``loose``."""
    number = _SECTION_NUMBER.match(line)
    s = line.strip()
    # (its words after the number, a dash aside; a heading in capitals may say more: "2.
    # INDUCTION DAY – FRIDAY 28 FEBRUARY, 10:00 TO 13:00")
    words = sum(any(c.isalnum() for c in w) for w in s.split()[1:])
    if not number or words > (CAPITALS_HEADING_WORDS if in_capitals(s) else 9) or s[-1] in ".,;:!?":
        return False
    if loose:
        return True
    following = next((ln.strip() for ln in after if ln.strip()), "")
    return following.startswith(f"{number.group(1)}.") and following[len(number.group(1)) + 1 : len(number.group(1)) + 2].isdigit()


def _numbered_sections(lines: list[str]) -> frozenset[int]:
    """Return the lines that head a numbered document's sections without subsections: "1.
    Overview", "2. Funding", "3. Eligibility", each after a blank line and over text that
    is not numbered (on the next line, as an e-mail's "3) Food" over its paragraph or "2)
    Bursaries" over its bulleted list, or after a blank one), three of them or more, numbered
    1, 2, 3 … ("1. Fill in the form" over "2. Send it to us" are steps, not sections; "1.
    Complete the form at" over "www.example.org by 5 March." is one wrapped step); or two,
    each straight over labelled lines ("1) Ticket Office Assistant – Stranmore terminal" over
    "Location: …", "Salary: …"), as a posting's facts are given."""
    alone = [
        i
        for i, line in enumerate(lines)
        if (_numbered_heading(line, [], loose=True) or _numbered_question(line))
        and (i == 0 or not lines[i - 1].strip())
        and (i + 1 >= len(lines) or not lines[i + 1].strip() or not _RUNS_ON.search(line))
    ]
    found: list[int] = []
    labelled = 0  # of them, those straight over a labelled line
    for i in alone:
        following = next((ln for ln in itertools.islice(lines, i + 1, None) if ln.strip()), "")
        number = _SECTION_NUMBER.match(lines[i])
        prose = following and not _SECTION_NUMBER.match(following) and not _NUMBERED_ITEM.match(following)
        if prose and number and number.group(1) == str(len(found) + 1):
            found.append(i)
            labelled += i + 1 < len(lines) and _LABEL_LINE.match(lines[i + 1]) is not None
    # one numbered '5) "Do I have to live nearby?"' among them heads its answer as the others
    # head theirs (a numbered FAQ, questions all or most, is read as an FAQ)
    asked = sum(_numbered_question(lines[i]) for i in found)
    enough = len(found) >= 3 or (len(found) == 2 and labelled == 2)
    return frozenset(found) if enough and asked * 2 < len(found) else frozenset()


def _numbered_question(line: str) -> bool:
    """Tell whether a line is a short numbered question: '5) "Can I live elsewhere?"'."""
    s = line.strip().rstrip("\"'”’")
    return bool(_SECTION_NUMBER.match(line)) and s.endswith("?") and len(s.split()) <= QUESTION_WORDS


_NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s")  # "1. Fill in the form", a step (not "- a bullet")
CAPITALS_HEADING_WORDS = 14  # a numbered heading in capitals has at most this many words


_SUBSECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Z]")
SUBSECTION_WORDS = 8  # "1.2 How much you can apply for" at most


def _subsection_heading(line: str) -> bool:
    """Tell whether a line is a subsection's title: "1.2 How much you can apply for" (a
    number of two levels or more, a few words, no full stop), not "5.2 We tell all …."."""
    s = line.strip()
    return bool(_SUBSECTION_NUMBER.match(s)) and len(s.split()) <= SUBSECTION_WORDS and s[-1] not in ".,;:!?-"


_SMALL_WORDS = frozenset("a an and at by for in of on or the to".split())


def title_cased(text: str) -> str:
    """Return a line written in capitals as a name is written: "UNIVERSITY OF CARROWBY" as
    "University of Carrowby" (``str.title`` would give "Of")."""
    words = text.split()
    return " ".join(
        w.lower() if k and w.lower() in _SMALL_WORDS else _capitalised(w) for k, w in enumerate(words)
    )


def _capitalised(word: str) -> str:
    """Return a word with its first letter in capitals and the rest in lower case, what
    comes before the letter kept: "(DIGITAL" as "(Digital"."""
    lead = len(word) - len(word.lstrip("([{\"'“‘"))
    return word[:lead] + word[lead : lead + 1].upper() + word[lead + 1 :].lower()


def in_capitals(line: str) -> bool:
    """Tell whether a line is written in capitals ("WHAT WE OFFER"), as plain text marks headings."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _over_longer_lines(run: list[str]) -> bool:
    """Tell whether a run's first line heads the lines under it: a list copied without its
    bullets ("Key responsibilities" / "Assess and treat patients across …" / "Plan discharges
    with …"), each line an item of its own and longer than the first, two in three of them by
    HEADED_ITEM_WORDS words or more ("Benefits" over "Medical, dental and vision insurance …",
    "Stock options", …; a list whose first item is as short as the rest, "Python" / "SQL",
    heads nothing)."""
    items = run[1:]
    return (
        len(items) >= 2
        and not any(ch.isdigit() for ch in run[0])
        and all(_starts_item(ln) and not _BULLET.match(ln) for ln in items)
        and not any(map(_runs_on, items, items[1:]))
        and min(len(ln.split()) for ln in items) > len(run[0].split())
        and 3 * sum(len(ln.split()) >= len(run[0].split()) + HEADED_ITEM_WORDS for ln in items) >= 2 * len(items)
    )


# a line that stops where its list goes on: "It would be great if you also had", "You'll also need to have"
_LEADS_ON = re.compile(r"\b(?:had|have|has|with|if|to|are|be|bring|include|including|like|offer|offers|get)\s*$", re.I)


# "Priya Raman", "Leila Farrant (she/her)", "Renée Fairweather"
_PERSON_NAME = re.compile(r"^\s*[A-ZÀ-Ý][a-zß-ÿ'’-]+(?: [A-ZÀ-Ý][a-zß-ÿ'’-]+){1,3}(?: \([a-z/]+\))?\s*$")
_REACH = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\b(?:tel|phone|mobile|t|m)\b\s*[:.]?\s*\+?\d|\+?\d[\d ]{8,}\d", re.I)


def _signature(run: list[str]) -> bool:
    """Tell whether a run of lines signs a message: a person's name, then a few short lines
    (a job title, an organisation), one with an e-mail address or a phone number."""
    return (
        2 <= len(run) <= 6
        and bool(_PERSON_NAME.match(run[0]))
        and all(len(ln.split()) <= 12 for ln in run[1:])
        and any(_REACH.search(ln) for ln in run[1:])
    )


def _runs_on(line: str, following: str) -> bool:
    return bool(_RUNS_ON.search(line)) and not _BULLET.match(following)


def _asks(line: str) -> bool:
    """Tell whether a line of plain text is a question and nothing else ("Who can apply?")."""
    s = line.strip()
    if Q_LABEL.match(s):  # "Q: I got a grant last round. Can I apply again?" says it is asking
        return bool(_ENDS_ASKING.search(s)) and len(s.split()) <= 60
    return bool(_ENDS_ASKING.search(s)) and len(s.split()) <= 30 and not re.search(r"[a-z]{3}[.!?]\s", s)



def _bare_links(text: str, line: int) -> tuple[Link, ...]:
    """Return the bare URLs in plain text as links."""
    urls = (u.rstrip(".,;:!?") for u in re.findall(r"https?://[^\s)>\]]+", text))
    return tuple(Link(u, u, line) for u in urls)


def _starts_item(line: str) -> bool:
    s = line.strip()
    return (
        bool(_BULLET.match(line))
        or (s[:1].isupper() and len(s) < 300)
        or s[:1] in "$€£"
        or s[:1].isdigit()
        or bool(_ADDRESS_LINE.fullmatch(s))  # a contact block's "trainees@orrinshaw.coop" line
    )


_ADDRESS_LINE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+")
