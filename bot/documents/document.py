"""Read one knowledge file into a :class:`Document`."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from bot.documents.decode import binary_reason, decode_bytes, repair_text
from bot.documents.frontmatter import (
    FrontMatterError,
    given_as,
    key_line,
    split_front_matter,
    validate_front_matter,
)
from bot.documents.parse import (
    BOARD_BUTTONS,
    MarkupError,
    ParsedBody,
    is_body_name,
    looks_like_markdown,
    parse_html,
    parse_markdown,
    parse_plain,
)
from bot.documents.urls import safe_url, why_unsafe
from bot.models import Block, Document, FrontMatterFields, Kind, Problem

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES

# The headings of a job posting's sections ("Responsibilities", "About you", ...).
POSTING_SECTIONS = (
    r"responsibilit\w*|(?:minimum|preferred|basic)?\s*qualifications|requirements|"
    r"about the (?:job|role|position|internship|opportunity)|about you|what you.ll do|who you are|job description|"
    # as British and public-sector adverts head them
    r"(?:main|key) duties|duties and responsibilities|person specification|job (?:overview|purpose|summary)|^the role:?$"
)
POSTING_HEADING = re.compile(rf"\b(?:{POSTING_SECTIONS})\b", re.I)
GENERIC_HEADING = re.compile(
    r"^(about\b|overview|summary|introduction|description|details|job description|the role)", re.I
)
NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+\S")
FAQ_HEADING = re.compile(r"\b(faqs?|frequently asked questions|q ?& ?a)\b", re.I)
# A heading over what one must be or have to apply or take part ("Requirements", "Who can
# apply", "What we're looking for", "About you", "Essential criteria")
REQUIREMENTS_HEADING = re.compile(
    r"\b(?:qualifications?|requirements?|eligib\w*|prerequisites?|who can apply|who (?:should|may) apply|"
    r"who is eligible|about you|what we(?:['’]re| are)? look(?:ing)? for|what you(?:['’]ll| will)? need|what you bring|"
    r"you (?:have|will have|should have|must have)|must[- ]haves?|essential(?: criteria| skills)?$|person specification)\b",
    re.IGNORECASE,
)

# A heading over what one does in the role ("What you'll be doing", "Responsibilities", "Day to
# day", "What the job involves")
DUTIES_HEADING = re.compile(
    r"\b(?:responsibilit\w*|duties|(?:key |main )?tasks|what you(?:['’]ll| will|['’]d| would)? (?:do|be doing|work on)|"
    r"your role|role description|day[- ]to[- ]day|what the (?:job|role|work|post) involves|"
    r"what(?:['’]s| is) involved|a typical day|your day)\b",
    re.IGNORECASE,
)


class DocumentError(ValueError):
    """A file that cannot be turned into a document; ``line`` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def content_hash(data: bytes) -> str:
    """Return the hash that identifies a file's content."""
    return hashlib.sha256(data).hexdigest()


def parse_document(data: bytes, source: str, problems: list[Problem]) -> Document:
    """Parse a file's bytes into a Document; ``source`` is its path relative to the knowledge folder.

    Raise DocumentError when the file cannot be used; append softer problems to ``problems``.
    """
    binary = binary_reason(data)
    if binary:
        raise DocumentError(binary)
    text, warning = decode_bytes(data)
    if warning:
        problems.append(Problem(source, warning))
    text = repair_text(text)
    try:
        fm = split_front_matter(text)
        fm_lines = text.split("\n")[1 : max(1, fm.body_line - 2)] if fm.data else []
        meta, warnings = validate_front_matter(fm.data, fm_lines)
    except FrontMatterError as exc:
        raise DocumentError(str(exc), exc.line) from None
    problems.extend(Problem(source, message, line) for message, line in warnings)
    suffix = Path(source).suffix.lower()
    body_parser: Callable[[str, int], ParsedBody]
    if suffix in HTML_SUFFIXES:
        body_parser = parse_html
    elif suffix in MARKDOWN_SUFFIXES or looks_like_markdown(fm.body) or fm.data:
        body_parser = parse_markdown
    else:
        body_parser = parse_plain
    try:
        body = body_parser(fm.body, fm.body_line)
    except MarkupError as exc:
        raise DocumentError(str(exc), exc.line) from None
    except RecursionError:
        raise DocumentError("the document is nested too deeply to read") from None
    plain = suffix not in HTML_SUFFIXES and body_parser is parse_plain
    title, title_from = _title(meta, body, source, plain)
    if title_from == "file name":
        problems.append(
            Problem(
                source,
                f"title '{title}' taken from the file name: no title in front matter, JSON-LD, "
                "og:title, headings or <title> (add 'title:' to the front matter)",
                1,
            )
        )
    doc = Document(
        source=source,
        title=title,
        kind=meta.kind or guess_kind(body),
        blocks=[b for b in body.blocks if not _copyright_footer(b)],
        url=_document_url(meta.url, given_as(fm.data, "url"), body, source, fm_lines, problems),
        published=meta.published or body.published,
        org=meta.org,
        front_matter=meta,
        links=body.links,
        job_postings=tuple(body.job_postings),
        site_name=body.site_name or body.copyright or _title_owner(body),
        hints=body.hints,
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
    url: str | None, key: str, body: ParsedBody, source: str, fm_lines: list[str], problems: list[Problem]
) -> str | None:
    """The document's own address: front matter ``url`` (given under ``key``, its name or an
    alias) if it is a safe link, else one the body names."""
    if url:
        safe = safe_url(url)
        if safe is not None:
            return safe
        problems.append(
            Problem(source, f"front matter '{key}' is not used: {why_unsafe(url)}", key_line(fm_lines, key))
        )
    return next((u for u in map(safe_url, body.source_urls) if u), None)


# Words a job board or career site adds to a page's <title> around the job's own title.
SITE_WORDS = re.compile(
    r"^(careers?|jobs?|job board|job openings?|open positions|join us|work with us|hiring|apply|"
    r"job application|greenhouse|lever|workable|linkedin|indeed|ashby|smartrecruiters|recruitee|"
    r"bamboohr|personio|teamtailor|workday|glassdoor|wellfound|angellist|remote ?ok)$",
    re.I,
)
TITLE_SEPARATORS = re.compile(r"\s+[-–—|·:]\s+|\s*\|\s*")
# what follows a title's name: " - EMEA remote", " – September 2026 intake", " (Summer 2026)"
QUALIFIER = re.compile(r"\s+[-–—|:·]\s+|\s*\(")
# what a post's title says of its programme or role before naming it: "Announcing the …",
# "Applications Open: 2025 Summer Field Season Internship", "Applications open for the 2026
# Graduate Nurse Residency", "Now hiring: Cellar Technician"
_ANNOUNCEMENT = re.compile(
    r"^(?:(?:announcing|introducing)\s+(?:the\s+|our\s+)?"
    r"|(?:(?:applications?|nominations?|submissions?|registrations?)\s+(?:are\s+)?(?:now\s+)?open(?:s|ed)?|"
    r"(?:now|we(?:'re|’re| are))\s+hiring)\s*(?:[:–—-]\s*|for\s+(?:the\s+|our\s+)?(?:[:–—-]\s*)?)"
    r"|(?:call\s+for\s+applications|open\s+call)\s*(?:for\s+(?:the\s+|our\s+)?)?[:–—-]\s*)",
    re.I,
)


# ... or after it: "Stage Management Apprenticeship 2025: applications now open",
# "SummerWorks 2025 is hiring!"
_ANNOUNCED_AFTER = re.compile(
    r"\s*(?:[:–—-]\s*|\s(?=is\s))(?:(?:is\s+)?(?:now\s+)?hiring|(?:applications?|nominations?|submissions?|registrations?)"
    r"\s+(?:are\s+)?(?:now\s+)?open(?:s|ed)?)\s*!*\s*$",
    re.I,
)


def without_announcement(title: str) -> str:
    """Return a title without what an announcement says before or after naming its programme or role."""
    return _ANNOUNCED_AFTER.sub("", _ANNOUNCEMENT.sub("", title)).strip()


_GREENHOUSE = re.compile(r"^job application for (.+?) at (.+)$", re.I)
_LINKEDIN = re.compile(r"^(.+?) hiring (.+?)(?: in (.+))?$")


def clean_page_title(text: str, owners: tuple[str | None, ...] = ()) -> str:
    """Remove what a site adds to a page title: " - Acme - Careers", "| LinkedIn", "Acme - ".

    ``owners`` are names of the site or organisation (og:site_name, JSON-LD employer);
    segments equal to them or to job-board words are dropped at either end.
    """
    text = " ".join(text.split())
    names = {o.casefold() for o in owners if o}
    parts = [p.strip() for p in TITLE_SEPARATORS.split(text) if p and p.strip()]

    def extra(part: str) -> bool:
        low = part.casefold()
        if SITE_WORDS.match(part) or low in names or any(n.startswith(low + " ") for n in names):
            return True
        if any(low.startswith(n) and SITE_WORDS.match(part[len(n) :].strip()) for n in names):
            return True  # "Acme Careers"
        return bool(re.match(r"^.{1,40}\s+(careers?|jobs)$", part, re.I))

    count = len(parts)
    while len(parts) > 1 and extra(parts[-1]):
        parts.pop()
    while len(parts) > 1 and extra(parts[0]):
        parts.pop(0)
    title = " - ".join(parts) if len(parts) < count else text  # untouched unless trimmed
    match = _GREENHOUSE.match(title)
    if match:
        return match.group(1).strip()
    match = _LINKEDIN.match(title)
    if match and (match.group(1).casefold() in names or "linkedin" in text.casefold()):
        return match.group(2).strip()
    return title


def _page_title(text: str, owners: tuple[str | None, ...], body: ParsedBody) -> str:
    """Clean a page title; a part of it that is also a heading of the page is the title."""
    headings = {b.text.casefold(): b.text for b in body.blocks if b.kind == "heading"}
    for part in TITLE_SEPARATORS.split(text):
        if part and part.strip().casefold() in headings and len(TITLE_SEPARATORS.split(text)) > 1:
            return headings[part.strip().casefold()]
    return clean_page_title(text, owners)


# "© 2025 Brackenport Museums Trust · Registered charity no. 1187342 · Privacy · Cookies":
# a page's footer, which says who owns it (read before) and answers nothing
_COPYRIGHT_LINE = re.compile(r"^\W{0,3}(?:©|\([cC]\)|[Cc]opyright\b)")
FOOTER_WORDS = 40  # a copyright paragraph longer than this is more than a footer


def _copyright_footer(block: Block) -> bool:
    """Tell whether a block is a page's copyright footer."""
    return block.kind == "paragraph" and bool(_COPYRIGHT_LINE.match(block.text)) and len(block.text.split()) <= FOOTER_WORDS


def _title_owner(body: ParsedBody) -> str | None:
    """Return who a page belongs to, from its title when the rest of it is the page's heading:
    "Fennick Robotics AG - Senior Product Designer" over an <h2> of the role's title (a
    job board's word, "| Careers", set aside)."""
    headings = {_said(b.text) for b in body.blocks if b.kind == "heading"}
    for text in (body.og_title, body.html_title):
        parts = [p.strip() for p in TITLE_SEPARATORS.split(text or "") if p and p.strip()]
        named = [p for p in parts if not SITE_WORDS.match(p)]
        if len(named) == 2 and sum(_said(p) in headings for p in named) == 1:
            owner = next(p for p in named if _said(p) not in headings)
            if len(owner.split()) <= 5:
                return owner
        # "Careers – Work with us | Alderwick Conservation Alliance": a job page's words and a body's name
        if len(parts) >= 2 and len(named) == 1 and _said(named[0]) not in headings and is_body_name(named[0]):
            return named[0]
    return None


def _said(text: str) -> str:
    """Return a title as compared with a heading: lower case, words only, "FAQ" for
    "Frequently Asked Questions" ("Bookbinding Apprenticeship FAQ" is the heading
    "Bookbinding Apprenticeship: Frequently Asked Questions")."""
    words = re.sub(r"frequently asked questions", "faq", text.casefold())
    return " ".join(re.findall(r"\w+", words))


def _title(meta: FrontMatterFields, body: ParsedBody, source: str, plain: bool) -> tuple[str, str]:
    """Return the document's title and where it came from (front matter, JSON-LD, ... file name)."""
    if meta.title:
        return meta.title, "front matter"
    owners = (body.site_name, body.copyright, *(p.org for p in body.job_postings), meta.org)
    posted = next((p.title for p in body.job_postings if p.title), None)
    if posted:
        return clean_page_title(posted, owners), "JSON-LD"
    if body.og_title:
        return _page_title(body.og_title, owners, body), "og:title"
    tops = [b for b in body.blocks if b.kind == "heading" and b.level == 1]
    # "# 1. Overview", "# 2. Eligibility": a numbered document's sections, none its title
    numbered = sum(bool(NUMBERED_HEADING.match(b.text)) for b in tops) >= 2
    for block in tops:
        if not GENERIC_HEADING.search(block.text) and not (numbered and NUMBERED_HEADING.match(block.text)):
            return block.text, "heading"
    # A plain-text posting may open with "About the job" and a paragraph before its title line.
    posting = plain and guess_kind(body) == "posting"
    below_top = [b for b in body.blocks if b.line > body.top] if plain else body.blocks
    if posting:
        site = body.site_name or body.copyright
        chrome = [n for n, b in enumerate(below_top[:3]) if _site_chrome(b.text, site)]
        after = below_top[chrome[-1] + 1] if chrome and chrome[-1] + 1 < len(below_top) else None
        if after is not None and _names_a_post(after):
            return after.text, "heading"  # the line under a job board's banner, breadcrumbs or buttons
        below_top = [b for b in below_top if not _site_chrome(b.text, site)]
    for block in below_top[: 4 if posting else 1]:
        if (
            block.kind == "heading"
            and (posting or block.line <= 3 + body.top)
            and not GENERIC_HEADING.search(block.text)
            and not POSTING_HEADING.search(block.text)
            and not is_question(block.text)  # an FAQ's first question names no page
            and len(block.text.split()) <= 10
        ):
            return block.text, "heading"  # plain text whose own heading line names it
    if body.html_title:
        return _page_title(body.html_title, owners, body), "<title>"
    return readable_name(source), "file name"


# "Home > Jobs > Libraries", "AcademiaJobsHub | Jobs > Research Support > Data Management"
_BREADCRUMBS = re.compile(r"\S\s+[>›»]\s+\S.*\s[>›»]\s+\S|^(?:home|jobs|careers)\s+[>›»/]\s", re.I)



def _site_chrome(text: str, site: str | None) -> bool:
    """Tell whether a line of a pasted posting is its board's: breadcrumbs, buttons, or a
    banner that opens with the site's name ("KestrelJobs - Local jobs for local people")."""
    first = TITLE_SEPARATORS.split(text, maxsplit=1)[0].strip().casefold()
    banner = bool(site) and first == (site or "").casefold() and first != text.strip().casefold()
    return bool(_BREADCRUMBS.search(text) or BOARD_BUTTONS.match(text.strip()) or banner)


def _names_a_post(block: Block) -> bool:
    """Tell whether a short line under a board's banner names a post: "Research Data Manager
    (Part Time, 0.6 FTE)", not a "Location: …" line or a sentence."""
    text = block.text.strip()
    return (
        block.kind != "heading"
        and 0 < len(text.split()) <= 12
        and text[:1].isupper()
        and not re.search(r"^[\w ]{1,30}:\s|[.!?]$|\s[|·•]\s", text)
    )


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


BOLD_HEADING_MAX_WORDS = 8


def is_bold_heading(block: Block) -> bool:
    """Tell whether a paragraph is only a short bold phrase that is no question and no
    sentence ("**About the role**"): a heading by its looks, as job boards' editors make them."""
    text = block.text.strip()
    return (
        block.kind == "paragraph"
        and block.lead is not None
        and block.lead.strip() == text
        and 0 < len(text.split()) <= BOLD_HEADING_MAX_WORDS
        and not text.endswith((".", "!", "?", ","))
        and not is_question(text)
    )


def guess_kind(body: ParsedBody) -> Kind:
    """Guess faq, posting or page from the document's structure."""
    headings = [b.text for b in body.blocks if b.kind == "heading" or is_bold_heading(b)]
    # a question asks of a posting's part, an FAQ's ("Do I need any qualifications?")
    if any(POSTING_HEADING.search(h) and not is_question(h) for h in headings):
        return "posting"
    questions = sum(1 for b in body.blocks if is_question(b.lead) and b.kind != "heading")
    questions += sum(1 for b in body.blocks if b.kind == "heading" and is_question(b.text))
    if questions >= 2 or any(FAQ_HEADING.search(h) for h in headings):
        return "faq"
    return "page"


def is_question(text: str | None) -> bool:
    """Tell whether a heading or bold lead-in is a question (trailing emoji allowed)."""
    return text is not None and strip_decoration(text).endswith("?")


def strip_decoration(text: str) -> str:
    """Remove trailing emoji and spaces (keeping final punctuation)."""
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] in "?.!)\"'”’:"):
        end -= 1
    return text[:end]
