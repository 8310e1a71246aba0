"""Extract roles (positions one can apply to) from documents, as the postings state them.

Roles are read from the text, in order of precedence:
1. a list of positions: list items that start with a link, under a heading or intro that
   speaks of positions/roles/openings — one role per item, its team from the intro;
2. schema.org ``JobPosting`` JSON-LD (what job boards embed), one role per posting;
3. sections of a page listing several positions under their own headings (a careers page),
   each with its own place, type or pay and how to apply — one role per section;
4. the document itself, when it is a job posting or carries an application link.

Front matter then has the last word: a ``roles:`` entry merges over the role it names
(or adds one), and the document's ``status``/``closes``/``type`` apply to all its roles.
Nothing unstated is guessed: a field the posting does not state stays empty, and
``kb check`` lists it (bot.documents.checks).

A document with none of these (the Fellowship, which is by nomination only) yields no
role: ``/roles`` lists what one can apply to, and questions about such programmes are
answered from their own text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from urllib.parse import urljoin, urlparse

from bot.documents.chunk import preamble, split_sentences
from bot.documents.document import POSTING_SECTIONS, TITLE_SEPARATORS, readable_name, without_announcement
from bot.documents.frontmatter import ROLE_FIELDS
from bot.documents.parse import (
    ORG_NAME,
    find_published,
    in_capitals,
    is_body_name,
    title_cased,
    without_sections,
)
from bot.documents.urls import safe_url
from bot.models import Block, Document, Link, Problem, Role, RoleFields

POSITIONS_CONTEXT = re.compile(
    r"\b(positions?|roles?|openings?|jobs?|vacanc\w*|internships?|opportunit\w*)\b", re.I
)
APPLY_TEXT = re.compile(r"\b(apply|application|submit)\b", re.I)
TEAM = re.compile(r"\b((?:[A-Z][\w&/-]*\s+)*?[A-Z][\w&/-]*)\s+team\b")
ORG_EEO = re.compile(
    r"\b((?:[A-Z][\w&.'-]*\s+){0,3}[A-Z][\w&.'-]*)(?:,?\s+(?:Inc|LLC|Ltd|Corp|Co|PBC|GmbH|plc)\.?)?"
    r" is (?:proud to be )?an? equal (?:employment )?opportunit(?:y|ies)",
)
ORG_ABOUT = re.compile(r"^(?:more )?about (?!the\b|you\b|us\b|this\b|our\b)(.+?):?$", re.I)
# the dollar with the letters that say whose it is ("US$", "NZ$", "N$" for Namibian dollars), as written
_CURRENCY = (
    r"(?:(?:\b[A-Z]{1,3})?\$|[€£¥₹]"
    r"|\b(?:USD|EUR|GBP|CAD|AUD|CHF|NZD|SEK|NOK|DKK|JPY|INR|SGD|PLN|CZK|BRL|MXN|KES|ZAR|NAD|HKD|AED)\b)"
)
_NUMBER = (
    r"\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+(?:[.,]\d{1,2})?(?:\s?[kK]\b)?|\d+(?:[.,]\d{1,2})?(?:\s?[kK]\b)?"
)
_MONEY = rf"(?:{_CURRENCY}\s?(?:{_NUMBER})(?:\s?{_CURRENCY})?|(?:{_NUMBER})\s?{_CURRENCY})"
_UNIT = (
    r"(?:\s*(?:/|per|an?|each)\s*(?:year|yr|annum|month|mo|week|wk|day|hour|hr)\b\.?"
    r"|\s+(?:annually|yearly|monthly|weekly|daily|hourly|p\.?a\.?)(?!\w))"
)
# An amount with its unit, or a range: "$140,000–$175,000 per year", "CAD 150,000–185,000 a year",
# "$7,650/month to $12,134/month", "€60k – €75k". Bare amounts ("$40 million raised") are not pay.
MONEY = re.compile(
    rf"{_MONEY}(?:{_UNIT})?(?:\s*(?:-|–|—|to|(?<=\d)\s+and(?=\s+\D{{0,4}}\d))\s*(?:{_MONEY}|{_NUMBER}\b)(?:{_UNIT})?)?"
)
COMPETITIVE = re.compile(r"\b(competitive (?:salary|stipend|pay|compensation))\b", re.I)
# "Deadline: March 15, 2026", "Closing date: 15 March 2026", "Apply by Friday 16 January 2026";
# "Applications for all three roles close on 16 May 2025", "Applications: Open 1 October
# 2024, close 24 November 2024" (what they are for, or when they open, said between)
DEADLINE = re.compile(
    r"\b(?:deadline|closing date|closing(?=\s*:)|close date|closes(?=\s*:)|apply by|applications? due"
    r"|applications?(?:\s*:)?\s+(?:[^.\n;:]{0,40}?[\s,])?close[sd]?(?: on)?"
    # "Team: Infrastructure · Location: Remote · Closes 31 March 2025": a line's or a part's first word
    r"|(?:^|(?<=\n)|(?<=[·•|] ))closes(?=\s+(?:[A-Z][a-z]+day,? )?\d))\s*:?\s*"
    # ("9am, Monday 10 November 2025", "Midnight, Sunday 30 November 2025": the hour first)
    r"(?:(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)|(?:\d{1,2}\s*)?(?:midnight|midday|noon))\s*,?\s*(?:on\s+)?)?"
    r"(?:[A-Z][a-z]+day,? )?"
    r"(\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.?,? \d{4}|\d{1,2}/\d{1,2}/\d{4}\b)",
    re.I,
)
PLACEHOLDER_PARTS = frozenset({"tbd", "todo", "tba", "xxx", "placeholder", "link", "url"})
ORG_LABEL = re.compile(r"^(?:company|organi[sz]ation|employer|organi[sz]er)\s*:\s*(.+)$", re.I)
LOCATION_LABEL = re.compile(
    r"^(?:locations?|based in|office|where|job location|work location)\s*:\s*(.+)$", re.I
)
_TYPE_LABELS = r"employment type|job type|type of employment|contract type|commitment|schedule|work type|type|contract"
TYPE_LABEL = re.compile(rf"^(?:{_TYPE_LABELS})\s*:\s*(.+)$", re.I)
# ... and the lines that may say the terms too ("Hours: Part Time, 21.9 hours per week")
TERMS_LABEL = re.compile(rf"^(?:{_TYPE_LABELS}|hours|working hours|working pattern)\s*:\s*(.+)$", re.I)
TEAM_LABEL = re.compile(r"^(?:team|department|dept|division|directorate)\s*:\s*(.+)$", re.I)
PAY_LABEL = re.compile(
    r"^(?:salary(?: range)?|compensation|pay|stipend|pay range|base salary|salary band)\s*:\s*(.+)$", re.I
)
def link_problem(url: str) -> str | None:
    """Say why a link cannot be shown as an apply link, or None if it looks usable."""
    if re.search(r"[\s<>\"'`\[\]]", url.strip()):
        return "malformed link (spaces, quotes or brackets)"  # could break out of a Markdown link
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
    """Return the role type the texts state (intern, residency, ..., full-time), else None.

    ``posting`` is accepted for compatibility and ignored: an unstated type stays None.
    """
    # "Contract: Permanent, full-time" names the terms after the label, which states none
    text = re.sub(r"\bcontract(?:\s+type)?\s*:", " ", " ".join(t for t in texts if t).casefold())
    for pattern, kind in (
        (r"\bintern(ship)?s?\b", "internship"),
        (r"\bresiden(cy|t)\b", "residency"),
        (r"\bfellow(ship)?\b", "fellowship"),
        (r"\bpart[- ]time\b", "part-time"),
        # a post for a time ("Fixed-term, 12 months", "Casual / seasonal") is a contract, as
        # JSON-LD's TEMPORARY is (bot.documents.jsonld)
        (r"\b(contract|contractor|freelance|fixed[- ]term|temporary|seasonal|casual)\b", "contract"),
        (r"\bfull[- ]time\b", "full-time"),
    ):
        if re.search(pattern, text):
            return kind
    return None


def document_org(doc: Document) -> str | None:
    """Find the organisation behind a document: front matter, JSON-LD employer, "Company:"
    line, "About X", EEO line, byline; else the site's name (og:site_name, © line)."""
    if doc.org:
        return doc.org
    employer: str | None = next((p.org for p in doc.job_postings if p.org), None)
    if employer:
        return employer
    labelled = _labelled(doc, ORG_LABEL)
    if labelled:
        return labelled[0]
    # An "About Kestrune" heading before a byline: a careers page's byline may open with
    # the department ("Engineering · Rotterdam · Full-time"), a page never has one about it
    for block in doc.blocks:
        if block.kind == "heading":
            match = ORG_ABOUT.match(block.text.strip())
            # a name ("About Kestrune"), not "About some of these roles"
            if match and len(match.group(1).split()) <= 4 and match.group(1)[:1].isupper():
                return match.group(1).strip()
    byline = _byline(doc).get("org") if doc.kind == "posting" else None
    if byline and not byline.casefold().startswith(doc.title.casefold()):  # not the post's own title line
        return byline
    subtitles, _ = preamble(doc)
    for block in doc.blocks:
        match = ORG_EEO.search(block.text)
        if match:
            name = re.sub(r"^(?:The|We|At)\s+", "", match.group(1)).strip()
            return _fuller_name(name, [*subtitles, _org_near_top(doc), doc.site_name])
    return subtitles[0] if subtitles else (
        _org_near_top(doc) or doc.site_name or _org_in_title(doc.title) or _org_of_address(doc)
    )


def _fuller_name(name: str, others: list[str | None]) -> str:
    """The name the document writes in full elsewhere, when ``name`` is its start or its
    initials: "Wrackline" is "Wrackline Arts Centre", "ACA" "Alderwick Conservation Alliance"."""
    for other in others:
        if not other or len(other) <= len(name):
            continue
        initials = "".join(w[0] for w in other.split() if w[:1].isupper())
        if other.casefold().startswith(name.casefold() + " ") or (name.isupper() and initials == name):
            return other
    return name


_CAREERS_AT = re.compile(r"^(?:careers|jobs|work|working|open (?:roles|positions)|join us)\s+(?:at|with)\s+(.{2,60})$", re.I)


def _org_in_title(title: str) -> str | None:
    """The body a title opens with ("Ostrevel Foundation – Literary Translation Internship
    2026"), or whose careers page it is ("Careers at Pellucine Robotics")."""
    careers = _CAREERS_AT.match(title.strip())
    if careers and careers.group(1).casefold() not in ("us", "me", "our team"):
        return careers.group(1).strip(" .")
    first = TITLE_SEPARATORS.split(title, maxsplit=1)
    return first[0] if len(first) == 2 and is_body_name(first[0]) else None


# Sites that host many organisations' pages: their name says nothing of whose page it is.
_HOSTS = frozenset(
    "github gitlab bitbucket medium substack notion google docs sites wordpress blogspot wixsite squarespace "
    "linkedin greenhouse lever workable ashbyhq smartrecruiters recruitee bamboohr personio teamtailor "
    "myworkdayjobs workday indeed glassdoor wellfound angel facebook instagram twitter x discord slack "
    "eventbrite typeform airtable forms office sharepoint atlassian confluence readthedocs".split()
)
_SECOND_LEVEL = frozenset("co com org net ac gov edu ltd plc".split())  # "saltinge.co.uk"


def _org_of_address(doc: Document) -> str | None:
    """The organisation whose domain the document's address is on, as its text writes it:
    "https://careers.cindermoor-rail.example/…" is Cindermoor Rail's page when the text says
    "Cindermoor Rail" (a hosting site's name, "github.com/…", says nothing)."""
    host = (urlparse(doc.url).hostname or "") if doc.url else ""
    labels = host.split(".")
    if len(labels) < 2:
        return None
    own = labels[-3] if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else labels[-2]
    target = own.replace("-", "")
    if len(target) < 3 or own in _HOSTS:
        return None
    for block in doc.blocks:
        tokens = list(re.finditer(r"[^\W_]+", block.text))
        for i, first in enumerate(tokens):
            joined = ""
            for j in range(i, min(i + 3, len(tokens))):
                word = tokens[j].group()
                if not word[0].isupper() or (j > i and block.text[tokens[j - 1].end() : tokens[j].start()] not in (" ", "-")):
                    break
                joined += word.casefold()
                if joined == target:
                    return block.text[first.start() : tokens[j].end()]
                if not target.startswith(joined):
                    break
    return None


def _org_near_top(doc: Document) -> str | None:
    """The organisation named on a short line near the top ("Skerravoe Institute for Marine
    Geoscience, Stromness, Orkney" under the title), when nothing else says who it is."""
    for block in [b for b in doc.blocks if b.kind != "heading"][:4]:
        # a long paragraph names it only as its subject ("The Vantrelle Observatory Trust is
        # an independent Norwegian foundation …"); a short line anywhere in its parts
        parts = [block.text] if len(block.text) > 120 else re.split(r"\s+[·•|–—-]\s+|,\s*", block.text)
        for part in parts:
            part = part.strip()
            match = ORG_NAME.match(title_cased(part) if in_capitals(part) else part)  # "KESTRELMOUTH FOUNDATION"
            # the whole name, not a post's first words ("Winter Library Helper (Youth Works)")
            whole = match is not None and ((len(parts) == 1 and len(part) > 120) or not re.match(r"\s*\w", part[match.end() :]))
            if match and whole and len(match.group(0).split()) >= 2:
                return re.sub(r"^The\s+", "", match.group(0).strip())
    return None


# "by nomination", "nominated by", "invitation only": a programme one cannot apply to.
NOMINATION = re.compile(
    r"\b(?:by (?:nomination|invitation)(?: only)?|nominated by|(?:nomination|invitation)[- ]only|"
    r"contingent on (?:the )?nomination)\b",
    re.I,
)
_ROLE_CUE = re.compile(
    r"\b(?:you|you'll|you’ll|your|we(?: are|'re|’re) (?:looking|seeking|hiring)|"
    r"(?:this|the) (?:role|position|internship|residency|job)|as an? \w+|join(?:ing)? (?:our|the)|"
    r"responsib\w+|will (?:work|build|design|develop|lead|join))\b",
    re.I,
)
ROLE_SECTION = re.compile(
    r"^(?:about (?:the|this) (?:job|role|position|opportunity|internship)|the role|the job|"
    r"job description|role description|position summary|overview|summary|what you.ll do|your role)\b",
    re.I,
)
# Places "remote" is said with: "Remote (Americas)", "Remote within Canada", "EMEA remote".
_PLACE = r"[A-Z][\w.&'/-]*(?:(?:,\s*|\s+(?:and\s+|&\s+)?)[A-Z][\w.&'/-]*)*"
REMOTE_IN = re.compile(r"\b(?i:remote)\s*\(\s*(?P<place>[^)]{2,60}?)\s*\)")
REMOTE_WITHIN = re.compile(
    rf"\b(?i:remote)\s*(?:(?i:within|in|from|across|throughout)\s+(?:the\s+)?|[-–—,:]\s*)(?P<place>{_PLACE})"
)
PLACE_REMOTE = re.compile(rf"(?P<place>{_PLACE})[\s-]+(?i:remote)\b")
HYBRID = re.compile(r"\b(hybrid|on[- ]?site|in[- ]office)\b", re.I)
NOT_REMOTE = re.compile(r"\b(?:no|not|non)[- ]remote\b", re.I)
SUMMARY_CHARS = 300


def by_nomination(text: str) -> bool:
    """Tell whether ``text`` says a programme is entered by nomination or invitation only."""
    return bool(NOMINATION.search(text))


def trim_at_word(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters at a word boundary, adding "…" if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def extract_roles(doc: Document, problems: list[Problem]) -> list[Role]:
    """Return the roles ``doc`` offers, reporting unusable links and unstated fields to ``problems``.

    Roles come from the text (a list of positions, the page's JSON-LD JobPostings, or the
    posting itself); front matter ``roles:`` entries then merge over the role they name (or
    add one), and the document's own ``status`` / ``closes`` / ``type`` apply to every role
    whose entry does not say otherwise.
    """
    extracted = (
        _position_list_roles(doc, problems)
        or _json_ld_roles(doc)
        or _section_roles(doc, problems)
        or _document_role(doc)
    )
    roles = _merge_entries(doc, extracted)
    meta = doc.front_matter
    out: list[Role] = []
    for role, entry in roles:
        status = (entry.status if entry and entry.status else None) or meta.status or role.status
        closes = (entry.closes if entry and entry.closes else None) or meta.closes or role.closes
        kind = (entry.type if entry and entry.type else None) or meta.type or role.type
        # the posting's place, pay, team and link are its role's; a page of several roles
        # says each one's own, and the front matter's fill in what a role's text does not
        said = {
            name: value
            for name in _DOCUMENT_ROLE_FIELDS
            if (value := getattr(meta, name)) is not None
            and not (entry is not None and getattr(entry, name) is not None)
            and (len(roles) == 1 or getattr(role, name) is None)
        }
        line = role.line
        apply_url = _checked_link(said.pop("apply_url", role.apply_url), role.title, doc, line, problems)
        role = replace(role, status=status, closes=closes, type=kind, apply_url=apply_url, **said)
        out.append(role)
    return out


_DOCUMENT_ROLE_FIELDS = ("location", "remote", "compensation", "team", "apply_url")


def front_matter_facts(doc: Document) -> list[tuple[str | None, str]]:
    """Return what the front matter says of the document's roles as passages' (section, text):
    one for each ``roles:`` entry, under its title, and one for what the document's own keys
    say of its posting. A moderator who puts a role's place, pay or closing date only there
    ("location: Amsterdam or remote within the EU") has said it, and members ask about it."""
    meta = doc.front_matter
    out: list[tuple[str | None, str]] = []
    for entry in meta.roles:
        lines = _fact_lines(
            entry.type,
            entry.location,
            entry.remote,
            entry.compensation,
            entry.closes or meta.closes,
            entry.status or meta.status,
            entry.apply_url,
        )
        if lines:
            out.append((entry.title, "\n".join(lines)))
    if not meta.roles:
        lines = _fact_lines(
            meta.type, meta.location, meta.remote, meta.compensation, meta.closes, meta.status, meta.apply_url
        )
        if lines:
            out.append((None, "\n".join(lines)))
    return out


def _fact_lines(
    kind: str | None,
    location: str | None,
    remote: bool | None,
    compensation: str | None,
    closes: date | None,
    status: str | None,
    apply_url: str | None,
) -> list[str]:
    """Return the lines that say a role's facts, in the words a posting's key facts use."""
    lines = [
        *([f"Type: {kind}"] if kind else []),
        *([f"Location: {location}"] if location else []),
        *([f"Remote: {'yes' if remote else 'no'}"] if remote is not None else []),
        *([f"Pay: {compensation}"] if compensation else []),
        *([f"Applications close: {closes.day} {closes:%B %Y}"] if closes else []),
        *(["Applications are closed."] if status == "closed" else []),
    ]
    if lines and apply_url and safe_url(apply_url) and status != "closed":
        lines.append(f"Apply: {apply_url}")
    return lines


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.casefold())


def _merge_entries(doc: Document, extracted: list[Role]) -> list[tuple[Role, RoleFields | None]]:
    """Pair each extracted role with the front-matter entry naming it; entries override fields."""
    entries = list(doc.front_matter.roles)
    pairs: list[tuple[Role, RoleFields | None]] = [(r, None) for r in extracted]
    unmatched: list[RoleFields] = []
    for entry in entries:
        key = _norm(entry.title)
        hits = [i for i, (r, e) in enumerate(pairs) if e is None and _norm(r.title) == key]
        if not hits:
            hits = [i for i, (r, e) in enumerate(pairs) if e is None and key and key in _norm(r.title)]
        if len(hits) == 1:
            pairs[hits[0]] = (_override(pairs[hits[0]][0], entry), entry)
        else:
            unmatched.append(entry)
    document_role = len(extracted) == 1 and extracted[0].id == slug(readable_name(doc.source))
    if unmatched and document_role and pairs[0][1] is None:
        # The moderator names the posting's role(s) in their own words: one entry merges
        # over the role read from the text; several replace it.
        if len(unmatched) == 1:
            return [(_override(extracted[0], unmatched[0], keep_id=True), unmatched[0])]
        pairs = []
    org = document_org(doc)
    base = readable_name(doc.source)
    for entry in unmatched:
        role = Role(
            id=f"{slug(base)}/{slug(entry.title)}",
            title=entry.title,
            type=role_type(entry.title),
            org=org,
            team=None,
            location=None,
            remote=None,
            compensation=None,
            apply_url=None,
            source=doc.source,
            posted=doc.published,
            closes=None,
            status="open",
            description=None,
            line=entry.line,
        )
        pairs.append((_override(role, entry, keep_id=True), entry))
    return pairs


def _override(role: Role, entry: RoleFields, keep_id: bool = True) -> Role:
    """Return ``role`` with every field ``entry`` states put over it."""
    changes = {
        name: getattr(entry, name)
        for name in ROLE_FIELDS
        if getattr(entry, name) is not None
    }
    return replace(role, **changes, line=entry.line if role.line in (None, 1) else role.line)


def _checked_link(
    url: str | None, title: str, doc: Document, line: int | None, problems: list[Problem]
) -> str | None:
    if not url:
        return None
    if doc.url and not urlparse(str(url)).scheme:
        # a page copied from the web links its positions by path ("/careers/installer"):
        # they are on the page's own site (its address is an absolute http(s) one: safe_url)
        url = urljoin(doc.url, str(url))
    reason = link_problem(str(url))
    if reason:
        problems.append(Problem(doc.source, f"{reason} for '{title}': {url} (not shown as apply link)", line))
        return None
    return str(url)


def _position_list_roles(doc: Document, problems: list[Problem]) -> list[Role]:
    """One role per item of a list of positions, under a heading or intro that speaks of
    them: items that start with a link to the position ("[Embodied AI Intern](…): what it
    is"), or, when none does, items that name it before a dash and say where, on what terms
    and for what pay after it ("Product Designer – Remote within the EU. Permanent. EUR …")."""
    org = document_org(doc)
    closes: date | None = None  # read once a list of positions is found (below)
    roles: list[Role] = []
    headings: dict[int, str] = {}  # the headings the list is under, by level
    said: dict[int, str] = {}  # the paragraphs under each of them, before the next heading
    intro = ""
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "heading":
            headings = {level: text for level, text in headings.items() if level < block.level}
            said = {level: text for level, text in said.items() if level < block.level}
            headings[block.level] = block.text
            intro = ""
        elif block.kind == "paragraph":
            intro = block.text
            level = max(headings, default=0)
            said[level] = f"{said.get(level, '')} {block.text}"
        if block.kind != "item":
            i += 1
            continue
        group: list[Block] = []
        while i < len(blocks) and blocks[i].kind == "item" and blocks[i].level == block.level:
            group.append(blocks[i])
            i += 1
        # "## Open positions" then "### Brewhouse and production": the positions are grouped
        # by department under a heading that speaks of them
        # (the page's own title, a level-1 heading, speaks of the page, not of this list)
        inner = headings[max(headings)] if headings else ""
        under = any(level > 1 and _POSITIONS_HEADING.search(t) for level, t in headings.items() if t != inner)
        # ... or, when each item links to its position, under a heading whose text speaks of
        # them: "# Careers at Halvorsen" / "Below are all of our current openings." / "## Research
        # and Development" / "* [Lab Manager](…), keeping our lab running"
        introduced = (
            bool(inner)
            and not _PART_HEADING.search(inner)
            and any(level < max(headings) and _POSITIONS_HEADING.search(t) for level, t in said.items())
        )
        heading = " ".join(t for t in headings.values() if t == inner or _POSITIONS_HEADING.search(t))
        if _OTHER_JOBS.search(inner):
            continue  # a job board's ads for other posts, under the page's own
        linked = [b for b in group if _links_a_position(b)]
        if not POSITIONS_CONTEXT.search(f"{inner} {intro}") and not under and not (introduced and linked):
            continue
        if not roles:
            # the deadline the page says outside the items that link to positions (another
            # item's "applications close November 15" is that position's)
            closes = _deadline_in([b for b in doc.blocks if not _links_a_position(b) and not _row_cells(b.text)])
        titled = [(b, m) for b in group if (m := _TITLED_ITEM.match(b.text)) and len(m.group(1).split()) <= 8]
        team_match = TEAM.search(intro)
        team = team_match.group(1) if team_match else None
        if team and team.split()[0] in ("The", "Our", "A"):
            team = " ".join(team.split()[1:]) or None
        if len(linked) >= 2 and len(linked) * 5 >= len(group) * 3:
            for item in linked:
                link = item.links[0]
                title, where = _title_and_place(link.text.strip())
                description = item.text[len(link.text) :].lstrip(" ,:;-–—").strip() or None
                role = _listed_role(doc, org, team, title, heading, intro, item, link.url, description, None, where, closes)
                if description:  # "… tank cleaning across our 14 fermenters. $21–$24/hour."
                    role = replace(role, compensation=_pay_in(description))
                roles.append(role)
        elif len(rows := [(b, c) for b in group if (c := _row_cells(b.text))]) >= 2 and len(rows) * 5 >= len(group) * 3:
            # a table of positions, one row each ("Role: Reach Truck Operator; Location: …; Pay: …")
            for item, cells in rows:
                title = cells["title"]
                named_link = next((ln for ln in item.links if ln.text.strip() == title), None)
                url = named_link.url if named_link else None
                terms = "; ".join(v for k, v in cells.items() if k in ("terms", "pay")) or None
                role = _listed_role(
                    doc, org, cells.get("team") or team, title, heading, intro, item, url, None, terms, cells.get("where"), closes
                )
                roles.append(replace(role, row=True))
        elif not linked and len(titled) >= 2 and len(titled) * 5 >= len(group) * 3:
            for item, match in titled:
                title, terms = match.group(1).strip(), match.group(2).strip()
                where = split_sentences(terms)[0] if terms else ""
                # "Scenic Carpentry (3 apprentices) — building and installing scenery": what
                # the position is, not where
                what = None if _is_place(where) else terms
                roles.append(
                    _listed_role(
                        doc, org, team, title, heading, intro, item, None, what, terms, None if what else where, closes
                    )
                )
    if any(r.apply_url is None for r in roles):
        roles = _applied_as_the_page_says(roles, _own_blocks(blocks))
    return roles


def _applied_as_the_page_says(roles: list[Role], blocks: Sequence[Block]) -> list[Role]:
    """Return a list's roles with the apply route the page gives those without a link: the
    one its section under the role's title gives (a table of vacancies, then a section
    per role with its own "How to apply"), else the one route the whole page gives."""
    sections: dict[str, Sequence[Block]] = {}
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            sections.setdefault(title_key(clean_role_title(block.text)), blocks[i + 1 : _section_end(blocks, i)])
    shared = _one_apply_route(blocks)
    out = []
    for role in roles:
        if role.apply_url is None:
            own = sections.get(title_key(role.title))
            link = (_apply_link_in(own) or _written_apply(own)) if own else None
            if link := link or shared:
                role = replace(role, apply_url=link.url)
        out.append(role)
    return out


def _one_apply_route(blocks: Sequence[Block]) -> Link | None:
    """The page's apply link, or written address, when it gives one only (see _apply_link_in)."""
    found: dict[str, Link] = {}
    heading = ""
    for block in blocks:
        if block.kind == "heading":
            heading = block.text
            continue
        about_applying = bool(APPLY_TEXT.search(heading) or APPLY_TEXT.search(block.text))
        for link in block.links:
            pointer = _SEE_OTHER.search(_before(block.text, link.text)) or _SEE_LINK.match(link.text)
            if (_named_apply(link) or about_applying) and not pointer and link_problem(link.url) is None:
                found.setdefault(link.url, link)
    if not found:
        return _written_apply(blocks, only=True)
    return next(iter(found.values())) if len(found) == 1 else None


def _section_end(blocks: Sequence[Block], i: int) -> int:
    """Return where the section under the heading ``blocks[i]`` ends: at the next heading of
    its level or above, or at the end."""
    level = blocks[i].level
    return next((j for j in range(i + 1, len(blocks)) if blocks[j].kind == "heading" and blocks[j].level <= level), len(blocks))


def title_key(text: str) -> str:
    """Return ``text`` as titles are compared: its words, casefolded ("Warehouse Supervisor,
    2nd Shift" is "Warehouse Supervisor 2nd Shift")."""
    return " ".join(re.findall(r"\w+", text.casefold()))


# "Similar jobs", "More jobs like this", "People also viewed": a board's ads for other posts
_OTHER_JOBS = re.compile(
    r"^(?:similar|related|recommended|suggested)\s+(?:\w+\s+)?(?:jobs|roles|vacancies|positions|openings|listings)\b"
    r"|\b(?:jobs|roles) like this\b|^(?:you (?:may|might) also like|people also (?:viewed|applied))",
    re.I,
)
# A heading over headings that group positions ("## Open positions" over "### Engineering").
_POSITIONS_HEADING = re.compile(r"\b(?:positions|roles|jobs|vacancies|openings|opportunities)\b", re.I)
# "Senior Backend Engineer (Go) – Lisbon, hybrid. Permanent, full-time. EUR 62,000 to 75,000 per year."
_TITLED_ITEM = re.compile(r"^([A-Z][^–—.:;!?]{2,80}?)\s+[–—-]\s+(\S.*)$")


# The columns of a table of positions, as its rows read ("Role: …; Location: …"): the
# position's own column first (a table of people, "Name: …; Role: Mentor", is none).
_ROW_COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("title", re.compile(r"^(?:role|position|job|job title|title|vacancy|opening|post)s?$", re.I)),
    ("where", re.compile(r"^(?:locations?|where|based|based in|office|site|city)$", re.I)),
    ("pay", re.compile(r"^(?:pay|salary|salary range|compensation|wage|rate|stipend)$", re.I)),
    ("terms", re.compile(r"^(?:contract|type|job type|employment type|hours|schedule|terms)$", re.I)),
    ("team", re.compile(r"^(?:team|department|dept|function|group)$", re.I)),
)


def _row_cells(text: str) -> dict[str, str] | None:
    """Read a table row of positions into its cells by column ("title", "where", "pay",
    "terms"), or None when its first cell is not a position's title or nothing else is said."""
    cells: dict[str, str] = {}
    for n, cell in enumerate(text.split("; ")):
        label, sep, value = cell.partition(": ")
        column = next((c for c, pattern in _ROW_COLUMNS if sep and pattern.match(label.strip())), None)
        if n == 0 and column != "title":
            return None
        if column is not None and value.strip() and column not in cells:
            cells[column] = value.strip()
    return cells if len(cells) >= 2 and len(cells["title"].split()) <= 8 else None


_PLACED_TITLE = re.compile(r"^(\S.*?)\s+[–—]\s+(\S.*)$")


def _title_and_place(text: str) -> tuple[str, str | None]:
    """Split a listed position's "Night Dispatcher — Columbus, OH" into its title and place
    (a title of its own when what follows the dash is no place: "Engineer — Platform")."""
    match = _PLACED_TITLE.match(text)
    if match and (_CITY_CODE.match(match.group(2)) or _says_how_worked(match.group(2))):
        return match.group(1), match.group(2)
    return text, None


# "Columbus, OH", "Durham, NC (hybrid)": a city and its state's or country's code (not
# "Heavy Civil, Moncton NB", a team then a place, which stays the title's)
_CITY_CODE = re.compile(r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?, ?[A-Z]{2,3}(?: \([\w -]+\))?$")


def _says_how_worked(text: str) -> bool:
    """Tell whether a text says where or how the work is done: "Lisbon, hybrid", "Remote
    within the EU", "on-site"."""
    return bool(read_place(text)[1] is not None or HYBRID.search(text) or re.search(r"\bremote\b", text, re.I))


def _is_place(text: str) -> bool:
    """Tell whether a text reads as a place or a way of working: "Columbus, OH", "Berlin,
    Germany", "Remote within the EU" (not "Demand Forecasting", a team)."""
    return bool(_CITY_COUNTRY.match(text)) or _says_how_worked(text)


def _links_a_position(block: Block) -> bool:
    return block.kind == "item" and bool(block.links) and bool(block.links[0].text) and block.text.startswith(block.links[0].text)


_HEADCOUNT = re.compile(r"\s*\((?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+[a-z]+s\)$", re.I)


def _listed_role(
    doc: Document,
    org: str | None,
    team: str | None,
    title: str,
    heading: str,
    intro: str,
    item: Block,
    url: str | None,
    description: str | None,
    terms: str | None,
    where: str | None,
    page_closes: date | None,
) -> Role:
    """One position of a list; it closes when its item says, else when the page does
    (``page_closes``)."""
    location, remote = read_place(where, loose=True) if where else (None, None)
    title = _HEADCOUNT.sub("", title) or title  # "Scenic Carpentry (3 apprentices)"
    return Role(
        id=f"{slug(readable_name(doc.source))}/{slug(title)}",
        title=title,
        type=role_type(title, heading, intro) or (role_type(terms) if terms else None),
        org=org,
        team=team,
        location=location,
        remote=remote,
        compensation=_pay_in(terms) if terms else None,
        apply_url=url,
        source=doc.source,
        posted=doc.published,
        closes=_deadline_in([item]) or page_closes,
        status="open",
        description=trim_at_word(description, SUMMARY_CHARS) if description else None,
        line=item.line,
    )


# A heading that names a part of a page (its benefits, how to apply), not a position.
_PART_HEADING = re.compile(
    rf"\b(?:{POSTING_SECTIONS})\b|^(?:about|overview|summary|introduction|benefits?|perks|what we offer|"
    r"why (?:join|work)|how to apply|apply|applying|applications?|hiring|interviews?|(?:the |our )?process|"
    r"faqs?|frequently asked|questions|contact|equal opportunit|diversity|more)\b"
    # a programme page's own parts: "Key facts", "At a glance", "Common questions"
    r"|^(?:(?:the|our) )?(?:key|quick) (?:facts|details|information|dates)\b|\bat a glance\b"
    r"|^(?:common|frequent|your|other|more|some) questions\b",
    re.I,
)
_JOB_URL = re.compile(r"/(?:apply|jobs?|careers?|positions?|vacanc\w*|openings?)(?:/|$|\?)", re.I)


def _section_roles(doc: Document, problems: list[Problem]) -> list[Role]:
    """One role per section, on a page that lists several positions under their own headings.

    A careers page puts each position under a heading ("Senior Geospatial Engineer"), with
    its own place, type and pay ("Location: Edinburgh · Type: Full-time · Salary: …"), what
    the work is, and its own apply link. A section is such a position when its heading is
    not a part of a page ("Benefits", "How to apply") and it has its own apply link, or
    states a fact only a position has (a location, type or pay label) and how to apply. Two
    such sections at one heading level make the page a list of positions; each role is read
    from its section alone, and what no section says (a deadline for all roles, one apply
    link) from the rest of the page.
    """
    blocks = doc.blocks
    # "How to apply: search the portal for the reference shown above", once for all
    applying_said = any(APPLY_TEXT.search(b.text) for b in blocks)
    spans: dict[int, list[tuple[int, int]]] = {}
    for i, block in enumerate(blocks):
        if block.kind != "heading" or _PART_HEADING.search(block.text.strip()):
            continue
        end = _section_end(blocks, i)
        if _is_position(blocks[i + 1 : end], applying_said):
            spans.setdefault(block.level, []).append((i, end))
    if not spans:
        return []
    _, chosen = max(spans.items(), key=lambda item: (len(item[1]), -item[0]))
    if len(chosen) < 2:
        return []
    inside = {j for start, end in chosen for j in range(start, end)}
    rest = _own_blocks([b for j, b in enumerate(blocks) if j not in inside])
    shared_link = _apply_link_in(rest) or _written_apply(rest, only=True)
    shared_deadline = _deadline_in(rest)
    org = document_org(doc)
    base = slug(readable_name(doc.source))
    roles = []
    for start, end in chosen:
        heading, body = blocks[start], blocks[start + 1 : end]
        title = clean_role_title(heading.text)
        location, remote = None, None
        placed = _labelled_in(body, LOCATION_LABEL)
        if placed:  # "Where: Halvard House, Ghent. All sessions are in person." says where first
            location, remote = read_place(split_sentences(placed[0])[0], loose=True)
        else:
            location, remote = read_place(title, loose=False)
        link = _apply_link_in(body) or _written_apply(body)
        if link is None and ((shared_link is not None and not _written(shared_link)) or not _links_own_page(body)):
            # an address the page writes for all is not that of a role whose section links
            # its own page ("Read the full job description": how to apply is said there)
            link = shared_link
        team = _labelled_in(body, TEAM_LABEL)
        roles.append(
            Role(
                id=f"{base}/{slug(title)}",
                title=title,
                type=role_type(title) or _stated_type(body),
                org=org,
                team=team[0] if team else None,
                location=location,
                remote=remote,
                compensation=_pay_of(body),
                apply_url=link.url if link else None,
                source=doc.source,
                posted=doc.published,
                closes=_deadline_in(body) or shared_deadline,
                status="open",
                description=_summary_of([b.text for b in body if b.kind == "paragraph" and len(b.text) > 40]),
                line=heading.line,
            )
        )
    return roles


def _is_position(body: Sequence[Block], applying_said: bool = False) -> bool:
    """Tell whether a section describes a position (see _section_roles): it has its own
    apply link, or states a position's facts and how to apply; or, when the page says how
    to apply once for all its positions (``applying_said``), two facts of a position
    ("Location: …", "Pay: …", "Closing date: …")."""
    own_link = any(
        (_named_apply(link) or _JOB_URL.search(link.url)) and not link.url.startswith("#")  # not "#how-to-apply"
        for b in body
        for link in b.links
    )
    if own_link:
        return True
    placed = [bool(_labelled_in(body, label)) for label in (LOCATION_LABEL, TYPE_LABEL)]
    labelled = sum(placed) + bool(_labelled_in(body, PAY_LABEL))
    if labelled and any(b.kind != "heading" and APPLY_TEXT.search(b.text) for b in body):
        return True
    # a pay and a deadline may be a programme's (its "Timeline", its "Pay"); a position has a place or terms
    return applying_said and any(placed) and labelled + bool(_deadline_in(body)) >= 2


def _json_ld_roles(doc: Document) -> list[Role]:
    """One role per schema.org JobPosting; what it leaves unsaid is read from the page's text."""
    postings = [p for p in doc.job_postings if p.title]
    if not postings:
        return []
    text_role = _document_role(doc, force=True)[0]
    out = []
    for posting in postings:
        title = doc.title if len(postings) == 1 else posting.title
        location, remote = posting.location, posting.remote
        if location is None and remote is None:
            location, remote = text_role.location, text_role.remote
        elif location:
            place, said_remote = read_place(location, loose=True)
            location = place or location
            remote = remote or said_remote
        summary = _summary_of([posting.description]) if posting.description else None
        kind = role_type(title, posting=False) or posting.employment_type or text_role.type
        out.append(
            Role(
                id=slug(readable_name(doc.source))
                if len(postings) == 1
                else f"{slug(readable_name(doc.source))}/{slug(title)}",
                title=title,
                type=kind,
                org=posting.org or text_role.org,
                team=text_role.team if len(postings) == 1 else None,
                location=location,
                remote=remote,
                compensation=posting.compensation or text_role.compensation,
                apply_url=posting.apply_url or text_role.apply_url or doc.url,
                source=doc.source,
                posted=posting.posted or doc.published,
                closes=posting.closes or text_role.closes,
                status="open",
                description=summary or text_role.description,
                line=posting.line or 1,
            )
        )
    return out


_BARE_URL = re.compile(r"https?://[^\s<>()\[\]\"']+")


def _apply_link(doc: Document) -> Link | None:
    """Find the link to apply through: named so, or under an "Apply" heading, or an address
    written out in a sentence about applying ("Apply online at https://…")."""
    found = _apply_link_in(_own_blocks(doc.blocks))
    if found is None:
        for link in doc.links:  # links parsed outside blocks (plain text)
            if _named_apply(link):
                return link
    return found


def _named_apply(link: Link) -> bool:
    return bool(APPLY_TEXT.search(link.text) or "/apply" in link.url)


def _apply_link_in(blocks: Sequence[Block]) -> Link | None:
    """The apply link of these blocks: one named so, else the first link or written-out
    address in a block about applying (or under a heading about it)."""
    heading = ""
    fallback = None
    for block in blocks:
        if block.kind == "heading":
            heading = block.text
        about_applying = bool(APPLY_TEXT.search(heading) or APPLY_TEXT.search(block.text))
        for link in block.links:
            if _named_apply(link):
                return link
            pointer = _SEE_OTHER.search(_before(block.text, link.text)) or _SEE_LINK.match(link.text)
            if fallback is None and about_applying and not pointer:
                fallback = link
        if fallback is None and about_applying and not block.links and block.kind != "heading":
            written = _BARE_URL.search(block.text)
            if written:
                url = written.group(0).rstrip(".,;:!?")
                fallback = Link(url, url, block.line)
    return fallback


def _written_apply(blocks: Sequence[Block], *, only: bool = False) -> Link | None:
    """The address a sentence about applying writes out without a link: an e-mail address
    to send one's CV or form to ("Send your CV and a cover letter to jobs@example.org"), or
    a site written without its scheme ("Apply through our online form at example.org/apply").

    Not an address for help, questions, access needs, a referee's reference or a
    speculative CV. With ``only``, the one address the blocks write so, or None when they
    write several (a page's shared "How to apply" is every listed role's only when it names
    one address).
    """
    found: list[Link] = []
    for block in blocks:
        if block.kind == "heading" or (block.links and any(link_problem(ln.url) is None for ln in block.links)):
            continue  # a linked address is the block's apply link, if any (_apply_link_in)
        for sentence in split_sentences(block.text):
            if not _APPLY_SENTENCE.search(sentence) or _NOT_APPLYING.search(sentence):
                continue
            mail = _EMAIL.search(sentence)
            if mail and _SENT_TO.search(sentence):
                link = Link(mail.group(0), f"mailto:{mail.group(0)}", block.line)
            elif (site := _SCHEMELESS_URL.search(sentence)) and not _BARE_URL.search(sentence):
                url = "https://" + site.group(0).rstrip(".,;:!?")
                link = Link(url, url, block.line)
            else:
                continue
            if link_problem(link.url) is None:
                if not only:
                    return link
                found.append(link)
    return found[0] if found and all(link.url == found[0].url for link in found) else None


def _written(link: Link) -> bool:
    """Tell whether a link is an address written out in the text (see _written_apply)."""
    return link.text == link.url or link.url == f"mailto:{link.text}"


def _links_own_page(blocks: Sequence[Block]) -> bool:
    return any(link_problem(ln.url) is None or not urlparse(ln.url).scheme for b in blocks for ln in b.links)


# a sentence that tells how to apply ...
_APPLY_SENTENCE = re.compile(
    r"\b(?:apply|applying|applications?|cvs?|r[eé]sum[eé]s?|cover(?:ing)?\s+(?:letter|note)|application\s+form)\b", re.I
)
# ... by sending something to an address
_SENT_TO = re.compile(r"\b(?:send|sent|e-?mail|return|submit|drop|forward)\b", re.I)
# ... and not one that tells whom to ask for help or adjustments, or where references and
# speculative CVs go
_NOT_APPLYING = re.compile(
    r"\b(?:help|questions?|queries|query|enquir(?:y|ies)|informal|chat|adjustments?|accommodations?|access"
    r"|alternative\s+formats?|another\s+format|referees?|supervisor|tutor|speculative|talent\s+pool"
    r"|general\s+applications?|on\s+file|future\s+(?:roles|openings|vacancies))\b",
    re.I,
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b", re.I)
# "example.org/apply" or "www.example.org": a host with a path, or a www. host
_SCHEMELESS_URL = re.compile(
    r"(?<![\w@./-])(?:www\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/[^\s<>()\[\]\"'`]*)?"
    r"|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}/[^\s<>()\[\]\"'`]*)",
    re.I,
)


# "For eligibility, pay and how to apply, see the apprenticeship announcement": a link to
# another page that says how to apply, not a link to apply through
_SEE_OTHER = re.compile(r"\b(?:see|read|check)\s+(?:the|our)\s+(?:[\w'’-]+\s+){0,2}$", re.I)


# "… close on 14 March 2025 – [see our apprenticeships](/careers/early-careers)": the same, said in the link
_SEE_LINK = re.compile(r"^(?:see|read|check)\s+(?:the|our)\b", re.I)


def _before(text: str, linked: str) -> str:
    """Return what ``text`` says before the words of a link in it ("" when they are not found)."""
    at = text.find(linked) if linked else -1
    return text[:at] if at >= 0 else ""


def _labelled_in(blocks: Sequence[Block], labels: re.Pattern[str]) -> tuple[str, int] | None:
    """Return the value and line of a "Label: value" line, as job boards write "Location: Berlin",
    also as one part of a line of several ("Location: Inverness · Type: Full-time · Salary: …")."""
    for block in blocks:
        if block.kind == "heading" or len(block.text) > 400:
            continue
        # one line of several ("**Location:** Utrecht" over "**Salary:** …" in Markdown)
        for part in (p for line in block.text.split("\n") for p in _BYLINE_SEPARATORS.split(line)):
            match = labels.match(part.strip())
            if match and len(part) <= 200:
                return match.group(1).strip(), block.line
    return None


def _stated_type(blocks: Sequence[Block]) -> str | None:
    """The role type the first of these blocks' terms lines that states one says ("Hours:
    37.5 a week" states none, "Contract: Permanent, part time" does)."""
    for block in blocks:
        if block.kind == "heading" or len(block.text) > 400:
            continue
        for part in (p for line in block.text.split("\n") for p in _BYLINE_SEPARATORS.split(line)):
            match = TERMS_LABEL.match(part.strip())
            if match and len(part) <= 200 and (kind := role_type(match.group(1))):
                return kind
    return None


def _labelled(doc: Document, labels: re.Pattern[str]) -> tuple[str, int] | None:
    """Return the value and line of the document's first "Label: value" (see _labelled_in)."""
    return _labelled_in(doc.blocks, labels)


_EMPLOYMENT_TERMS = re.compile(r"\s*[,·|–—-]\s*(?:full|part)[- ]time\b(?=\s*(?:$|[,·|–—(-]))", re.I)


def read_place(text: str, loose: bool = False) -> tuple[str | None, bool | None]:
    """Read a place and whether the work is remote from how a posting says it.

    "EMEA remote", "Remote (Americas)", "Remote within Canada" give the place and True;
    "Berlin (hybrid)" gives "Berlin (hybrid)" and False. With ``loose`` (a title, a
    location line) a bare "Remote" counts; in prose only a remote phrase naming a place does.
    """
    text = " ".join(text.split()).strip(" .,;")
    if loose:  # "Morrisville, NC (on-site) - Full-time": the terms are no part of the place
        text = _EMPLOYMENT_TERMS.sub("", text).strip(" .,;-–—·|") or text
    if NOT_REMOTE.search(text):
        return (text if loose else None), False
    for pattern in (REMOTE_IN, REMOTE_WITHIN) + ((PLACE_REMOTE,) if loose else ()):
        match = pattern.search(text)
        if match:
            place = match.group("place").strip(" ,.-–—")
            rest = (text[: match.start()] + text[match.end() :]).strip(" ,.-–—()")
            if loose and rest and pattern is not PLACE_REMOTE and (len(rest) > len(match.group(0)) or rest[:1].isupper()):
                return text, True  # "San Francisco or Remote (US)", "Tallinn, or remote within the EU": keep all it says
            return place or None, True
    if not loose:
        return None, None
    if re.search(r"\bremote\b", text, re.I):
        rest = re.sub(r"\s*\b(?:fully\s+)?remote\b\s*", " ", text, flags=re.I).strip(" ,.-–—/()|")
        return (rest or None), True
    hybrid = HYBRID.search(text)
    if hybrid:
        word = hybrid.group(1).lower().replace(" ", "-")
        # "Utrecht, Netherlands — on site 4 days a week": the place, then how one works there
        parts = re.split(r"\s+[–—-]\s+", text, maxsplit=1)
        if len(parts) == 2 and HYBRID.search(parts[1]) and not HYBRID.search(parts[0]):
            text = parts[0]
        place = re.sub(r"\s*\([^)]*\)|,?\s*\b(?:hybrid|on[- ]?site|in[- ]office)\b", "", text, flags=re.I)
        place = place.strip(" ,.:;-–—·|") or None  # ("Hybrid: both sites, …")
        shown = f"{place} ({word})" if place else hybrid.group(1)[:1].upper() + hybrid.group(1)[1:]
        return shown, False
    return text or None, None


_WORK_MODE = re.compile(r"^(?:remote|online|anywhere|hybrid|on-?site|in-?office|worldwide|flexible)$", re.I)


def place_name(location: str) -> str:
    """Return the place names of a role's location, which name the role as its title does
    ("the Lleida technician job"): "Lleida, Spain (on-site)" gives "Lleida Spain";
    "Remote within the EU (working hours …)" gives "EU"."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", location.split("(")[0])
    return " ".join(w for w in words if w[0].isupper() and not _WORK_MODE.match(w))


# "(m/f/x)", "(m/w/d)", "(H/F)", "(all genders)": whom a post is open to, which names no post
_GENDERS = re.compile(r"\s*\((?:[mfwdxh](?:\s*/\s*(?:[mfwdxhi]|div))+|all genders)\)", re.I)


# "(copied from HealthJobs)": where the moderator found the post
_COPIED_FROM = re.compile(r"\s*\((?:copied|taken|reposted|pasted) from [^()]*\)", re.I)


# "1) Ticket Office Assistant", "ROLE 2: EVENTS ASSISTANT", "Vacancy 3 – Tutor"
_SECTION_NUMBERED = re.compile(
    r"^\s*(?:\d{1,2}[.)]|(?i:role|vacancy|position|post|job|opening)\s+\d{1,2}\s*[:.)–—-])\s+(?=[A-Z])"
)


def without_section_number(heading: str) -> str:
    """Return a heading without its section's number: "1) Ticket Office Assistant" as
    "Ticket Office Assistant" (an e-mail numbers the roles it lists)."""
    return _SECTION_NUMBERED.sub("", heading)


def clean_role_title(text: str) -> str:
    """A role's title from its document's: no "Announcing the", no emoji, no section number
    ("1) Ticket Office Assistant – Stranmore terminal")."""
    title = _COPIED_FROM.sub("", _GENDERS.sub("", without_announcement(without_section_number(text))))
    if in_capitals(title) and len(title.split()) >= 2:  # "SENIOR EXHIBITIONS TECHNICIAN", an acronym kept
        small = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}
        cased = zip(title.split(), title_cased(title).split(), strict=True)
        title = " ".join(said if len(said) <= 3 and said.lower() not in small else name for said, name in cased)
    title = re.sub(r"\s*[^\w\s,()&/+.:'’–—-]+\s*", " ", title).strip()
    return re.sub(r"\s{2,}", " ", title)


def _without_org(title: str, org: str | None) -> str:
    """Return a posting's title without the organisation it names after a separator
    ("Taproom Supervisor – Copperbine Brewing Co-operative")."""
    parts = [p.strip() for p in TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) == 2 and org:
        first, rest = parts
        if rest.casefold().startswith(org.casefold()) or org.casefold().startswith(rest.casefold()):
            return first
    return title


def _title_and_team(doc: Document, org: str | None) -> tuple[str, str | None]:
    """The role's title from the document's, and a team named on the line after it.

    Plain-text postings put the title on a line of its own and the team on the next
    ("Research Scientist Intern" / "AI Alignment"), sometimes run into the first section
    heading ("AI Alignment Responsibilities:").
    """
    title = clean_role_title(_without_org(doc.title, org))
    at = next((i for i, b in enumerate(doc.blocks[:6]) if b.kind == "heading" and b.text == doc.title), None)
    if at is None or at + 1 >= len(doc.blocks):
        return title, None
    following = doc.blocks[at + 1]
    if following.kind != "heading" or following.level < doc.blocks[at].level:
        return title, None
    text = following.text.strip()
    section = POSTING_SECTION.search(text)
    if section and section.start() > 0:
        team = text[: section.start()].strip(" ,:-–—")
        return title, team if 0 < len(team.split()) <= 5 else None
    if section or len(text.split()) > 5 or _GENERIC_LINE.search(text) or read_place(text, loose=True)[1]:
        return title, None
    after = doc.blocks[at + 2] if at + 2 < len(doc.blocks) else None
    if after is not None and after.kind == "heading" and POSTING_SECTION.search(after.text):
        return title, text
    return title, None


POSTING_SECTION = re.compile(rf"\b(?:{POSTING_SECTIONS})\s*:?\s*$", re.I)  # a line that is only such a heading
_GENERIC_LINE = re.compile(
    r"^(?:about\b|overview|summary|description|details|full[- ]time|part[- ]time)", re.I
)


def _place(doc: Document, title: str, subtitles: list[str]) -> tuple[str | None, bool | None]:
    """Where the role is and whether it is remote, from what the posting says (see read_place)."""
    labelled = _labelled(doc, LOCATION_LABEL)
    if labelled:
        # "Location: Copperbine Taproom, 77 Millrace Lane, …. This is an on-site role; there
        # is no remote option.": the place is the first sentence, the terms may follow it
        place, _ = read_place(split_sentences(labelled[0])[0], loose=True)
        _, remote = read_place(labelled[0], loose=True)
        return place, remote
    marked = doc.hints.get("location")
    if marked:
        return read_place(re.sub(r"^locations?\s*:\s*", "", marked, flags=re.I), loose=True)
    place, remote = read_place(title, loose=False)
    if remote is None:
        match = PLACE_REMOTE.search(title) or re.search(r"\b(?i:remote)\b", title)
        if match:
            place, remote = match.groupdict().get("place"), True
    if remote:
        return place, True
    for sub in subtitles:
        found, said = read_place(sub, loose=True)
        if said is not None or found:
            return found, said
    byline = _byline(doc)
    if byline.get("location"):
        return read_place(byline["location"], loose=True)
    for block in doc.blocks[:40]:
        if block.kind != "heading" and len(block.text) < 400:
            found, said = read_place(block.text)
            if said:
                return found, said
    return None, None


_BYLINE_SEPARATORS = re.compile(r"\s+[·•|]\s+")
_CONTACT_PART = re.compile(r"^(?:tel|telephone|phone|mob|mobile|fax|e-?mail)\b\.?:?|\S@\S", re.I)
# "Berlin, Germany", "Stromness, Orkney, UK"
_CITY_COUNTRY = re.compile(
    r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*(?:, ?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*){1,2}(?: \([\w -]+\))?$"
)
_NOT_A_NAME = re.compile(
    r"\b(ago|applicants?|posted|reposted|published|level|people|clicked|over|min read|home|menu|jobs)\b", re.I
)


def _byline(doc: Document) -> dict[str, str]:
    """Read a job board's byline under the title: "Acme · Berlin, Germany (Hybrid) · 2 weeks ago".

    Copies from LinkedIn and similar boards put the company, place and commitment on one
    short line with "·" or "|" between them, before the text. Return the parts found as
    ``org`` and ``location``.
    """
    # ... or one part a line, when a pasted header keeps the board's line breaks
    header: list[str] = []
    for block in doc.blocks[:8]:
        if block.kind == "heading":
            if header:
                break
            continue
        if block.kind != "item" or len(block.text) > 80:
            break
        header.append(block.text)
    lines = [" · ".join(header)] if len(header) > 1 else []
    for block in doc.blocks[:6]:
        if block.kind != "heading" and len(block.text) <= 160:
            lines.append(block.text)
    for line in lines:
        parts = [p.strip() for p in _BYLINE_SEPARATORS.split(line) if p.strip()]
        if len(parts) < 2 or any(_CONTACT_PART.search(p) for p in parts):
            continue  # (a signature: "Siobhan Arkwright · Service Lead, Kestrane Cycles · Tel: …")
        found = _byline_parts(parts)
        if found:
            return found
    return {}


def _byline_parts(parts: list[str]) -> dict[str, str]:
    """Read the company (the first part, when it is a name) and the place of a byline's parts."""
    found: dict[str, str] = {}
    for n, part in enumerate(parts):
        _, remote = read_place(part, loose=True)
        # "Tidewell Public Radio (WTDW 90.1 FM)": call letters or a ticker are no part of the name
        name = re.sub(r"\s*\([^()]*\)$", "", part) or part
        if "location" not in found and (remote is not None or _CITY_COUNTRY.match(part)):
            found["location"] = part
        elif (
            n == 0
            and remote is None
            and not role_type(part)
            and not _NOT_A_NAME.search(part)
            and ":" not in name
            and len(name.split()) <= 5
            and name[:1].isupper()
        ):
            found["org"] = name
    return found


def _employment(doc: Document, title: str, subtitles: list[str]) -> str | None:
    """The role type the posting states: in its title, a "Job type:" line or a byline; else None."""
    stated = role_type(title)
    if stated:
        return stated
    labelled = _stated_type(doc.blocks)
    if labelled:
        return labelled
    if doc.hints.get("type"):
        return role_type(doc.hints["type"])
    for text in subtitles + [b.text for b in doc.blocks[:30] if len(b.text.split()) <= 6]:
        found = role_type(text)
        if found in ("full-time", "part-time", "contract"):
            return found
    return None


def _document_role(doc: Document, force: bool = False) -> list[Role]:
    apply = _apply_link(doc)
    if doc.kind != "posting" and apply is None and not force:
        return []
    org = document_org(doc)
    title, team = _title_and_team(doc, org)
    subtitles, _ = preamble(doc)
    location, remote = _place(doc, doc.title, [s for s in subtitles if s != org])
    if team is None:
        named = TEAM.search(title)  # "Engineer in the Optimization team"
        team = named.group(1) if named and named.group(1) not in ("The", "Our", "A") else None
    heading = next((b.line for b in doc.blocks[:6] if b.kind == "heading" and b.text == doc.title), None)
    line = apply.line if apply else heading
    # an address written out ("send your CV to jobs@…") is how to apply, but does not make
    # a page that is no posting a position
    apply = apply or _written_apply(_own_blocks(doc.blocks))
    return [
        Role(
            id=slug(readable_name(doc.source)),
            title=title,
            type=_employment(doc, title, subtitles),
            org=org,
            team=team,
            location=location,
            remote=remote,
            compensation=_compensation(doc),
            apply_url=apply.url if apply else None,
            source=doc.source,
            posted=doc.published,
            closes=_deadline(doc),
            status="open",
            description=_summary(doc),
            line=line or 1,
        )
    ]


_INCOME_LIMIT = re.compile(r"\bincomes?\b[^.;:£$€\d]{0,40}$", re.I)


def _pay_in(text: str, labelled: bool = False) -> str | None:
    """The first amount in ``text`` that is pay: with a unit or a range (any amount after a label)."""
    for match in MONEY.finditer(text):
        if _INCOME_LIMIT.search(text[: match.start()]):
            continue  # "if your household income is under £35,000 a year": who may apply, not the pay
        found = match.group(0).strip()
        if " and " in found:  # "between £500 and £900" is a range, "£500 and £300 …" two amounts
            between = re.search(r"\bbetween\s+$", text[: match.start()])
            found = found.replace(" and ", " to ") if between else found.split(" and ")[0]
        if labelled or re.search(_UNIT, found) or re.search(r"\d\s*(?:-|–|—|to)\s*\D{0,4}\d", found):
            found = found if re.search(r"\bp\.a\.$", found) else found.rstrip(".")  # "per year." ends a sentence
            return " ".join(found.split())
    return None


def _compensation(doc: Document) -> str | None:
    return _pay_of(_own_blocks(doc.blocks))



_PAY_HEADING = re.compile(r"\b(?:compensation|salary|salaries|pay|wages?|remuneration|stipend)\b", re.I)


def _pay_of(blocks: Sequence[Block]) -> str | None:
    """The pay these blocks state: a pay label's amount, else an amount that is pay, else
    "competitive salary"."""
    labelled = _labelled_in(blocks, PAY_LABEL)
    if labelled:
        amount = _pay_in(labelled[0], labelled=True)
        if amount:
            return amount
        if len(labelled[0]) <= 80:
            return labelled[0]
    # under a pay heading ("Compensation"), before an amount elsewhere ("a $150 weekly
    # on-call stipend" in "Schedule"); plain text often puts the pay on a line of its own
    heading = ""
    under_pay = []
    for block in blocks:
        if block.kind == "heading":
            heading = block.text
        elif _PAY_HEADING.search(heading):
            under_pay.append(block)
    for block in [*under_pay, *blocks]:
        amount = _pay_in(block.text)
        if amount:
            return amount
    for block in blocks:
        match = COMPETITIVE.search(block.text)
        if match:
            return match.group(1)[0].upper() + match.group(1)[1:]
    return None


def _deadline(doc: Document) -> date | None:
    return _deadline_in(_own_blocks(doc.blocks))


# "See also", "Related programmes", "Other opportunities": a part about other pages
_SEE_ALSO_HEADING = re.compile(
    r"^(?:see also|related(?: \w+)?|other (?:programmes|programs|schemes|roles|jobs|vacancies|opportunities))\s*:?$", re.I
)
_SEE_ALSO = re.compile(r"^see also\b", re.I)


def _own_blocks(blocks: Sequence[Block]) -> list[Block]:
    """The blocks that speak of the page's own position: not its "See also" part, nor a
    paragraph that opens so ("See also: our Part 1 placement, which pays £24,500 a year"),
    whose pay, dates and links are another page's."""
    return without_sections(blocks, _SEE_ALSO_HEADING, _SEE_ALSO)


def _deadline_in(blocks: Sequence[Block]) -> date | None:
    for block in blocks:
        match = DEADLINE.search(block.text)
        if match:
            numeric = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", match.group(1))
            if numeric:
                # (a page that pays in pounds or euros writes the day first: "10/11/2025" is 10 November)
                day_first = any("£" in b.text or "€" in b.text for b in blocks)
                first, second, year = (int(n) for n in numeric.groups())
                return _numeric_date(first, second, year, day_first=day_first)
            return find_published(f"published {match.group(1)}")  # same date formats
    return None


def _numeric_date(first: int, second: int, year: int, day_first: bool = False) -> date | None:
    """The day "14/03/2025" or "03/14/2025" says, when only one order is a date ("04/04/2025"
    is either; "05/04/2025" is 5 April or May 4, and so says no day for sure unless the page
    writes the day first, as one in pounds or euros does)."""
    pairs = ((first, second),) if day_first else ((first, second), (second, first))
    orders = {(year, month, day) for day, month in pairs if month <= 12}
    days = set()
    for y, m, d in orders:
        try:
            days.add(date(y, m, d))
        except ValueError:
            continue
    return days.pop() if len(days) == 1 else None


def _summary_of(texts: list[str]) -> str | None:
    """The first sentences about the role in ``texts``: from the first that speaks of it."""
    for text in texts:
        sentences = split_sentences(" ".join(text.split()))
        start = next((i for i, s in enumerate(sentences) if _ROLE_CUE.search(s)), None)
        if start is None:
            continue
        picked = ""
        for sentence in sentences[start:]:
            if picked and len(picked) + len(sentence) + 1 > SUMMARY_CHARS:
                break
            picked = f"{picked} {sentence}".strip()
        return trim_at_word(picked, SUMMARY_CHARS)
    return None


def _summary(doc: Document) -> str | None:
    """The posting's own summary: the start of its "About the role" section, else the first
    paragraph that speaks of the role (not the company's boilerplate)."""
    _, start = preamble(doc)
    blocks = doc.blocks[start:]
    sections: list[str] = []
    inside = False
    for block in blocks:
        if block.kind == "heading":
            if inside and sections:
                break
            inside = bool(ROLE_SECTION.search(block.text))
        elif inside and block.kind == "paragraph" and len(block.text) > 40:
            sections.append(block.text)
    paragraphs = [b.text for b in blocks if b.kind == "paragraph" and len(b.text) > 60]
    found = _summary_of(sections) or _summary_of(paragraphs)
    if found:
        return found
    return trim_at_word(paragraphs[0], SUMMARY_CHARS) if paragraphs else None
