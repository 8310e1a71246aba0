"""What copying leaves in plain text, taken out before it is parsed.

Moderators paste what they were sent: a forwarded e-mail (headers, "> " quote marks, "Sent
from my phone"), the text of a PDF (running headers and "Page 2 of 4" at every page break,
words broken at line ends: "applica-" / "tion"), a web page (a "Home > Careers > …"
breadcrumb), a chat message (":rocket:" shortcodes, "@everyone"). :func:`tidy` removes those and joins the broken words, line for line: the text
keeps its number of lines, so a passage's line is still the file's line.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache

from wordfreq import zipf_frequency

# "From: …", "Subject: …": a mail header line (two or more in a row make a header block)
_HEADER = re.compile(r"^\s*(?:from|to|cc|bcc|subject|date|sent|reply-to)\s*:", re.I)
_FROM_NAME = re.compile(r"^\s*(?:>\s*)*from\s*:\s*\"?([^\W\d_][^<>\"@]{0,60}?)\"?\s*<", re.I)  # "From: Ana Ruiz <ana@…>"
_SUBJECT = re.compile(r"^\s*subject\s*:\s*(.*)$", re.I)
_REPLY_PREFIX = re.compile(r"^(?:\s*(?:re|fwd?|aw|wg|tr)\s*:\s*)+", re.I)
_FORWARD_MARK = re.compile(
    r"^\s*(?:-{2,}\s*(?:forwarded|original) message\s*-{2,}|begin forwarded message:?|"
    r"-{2,}\s*weitergeleitete nachricht\s*-{2,})\s*$",
    re.I,
)
_SIGNATURE_MARK = re.compile(r"^\s*--\s*$")  # "-- " over a mail's signature
_SENT_FROM = re.compile(r"^\s*sent from my \w+(?: \w+)?\s*$", re.I)
# a mailing list's footer: "You are receiving this because …", "Unsubscribe | Update preferences";
# a mail's legal footer: "This e-mail and any attachments are confidential …", "If you have
# received this message in error …", "Please consider the environment before printing"
_LIST_FOOTER = re.compile(
    r"^\s*(?:you(?: are|'re)? receiv(?:ing|ed) this (?:e-?mail |message |newsletter )?because|"
    r"(?:to )?unsubscribe\b|update (?:your )?(?:email )?preferences\b|manage (?:your )?(?:subscription|preferences)\b|"
    r"this (?:e-?mail|message)\b.{0,60}?\b(?:is|are|may be) (?:strictly )?(?:confidential|private|privileged|intended)\b|"
    r"if you (?:have )?received this (?:e-?mail|message) in error\b|please consider the environment before printing\b)",
    re.I,
)
_QUOTED = re.compile(r"^\s*>[> ]?")  # "> text", ">> text", ">"
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:page\s+)?\d{1,4}\s*(?:(?:of|/)\s*\d{1,4})?\s*(?:-\s*)?$", re.I)
_GUTTER_PAGE = re.compile(r"\S\s{2,}page\s+\d{1,4}\s*(?:of|/)\s*\d{1,4}\s*$", re.I)  # "Ref: 0412      Page 1 of 2"
_PAGE_WORD = re.compile(r"\bpage\s+\d{1,4}\s*(?:of|/)\s*\d{1,4}\s*$", re.I)
_RULE = re.compile(r"^\s*[-_=~*·.]{5,}\s*$")
# ("AshbridgeJobs.co.uk  |  Home > Retail & Hospitality > Shop Assistant": the site's name first)
_BREADCRUMB = re.compile(r"^\s*(?:[^|>›»/]{1,40}\s+\|\s+)?home\s*(?:[>›»/|]\s*[^>›»/|]{1,60}){1,6}$", re.I)
_SHORTCODE = re.compile(r"(?<![\w:/]):(?:[a-z0-9_+\-]*[a-z][a-z0-9_+\-]*|[+\-]1|100):(?![\w/])")  # ":rocket:", ":+1:"
_MENTION_ALL = re.compile(r"(?<!\w)@(?:everyone|here|channel)\b")
# who wrote a chat message and when: "Ana — Today at 9:14 AM" (Discord) ...
_DISCORD_SPEAKER = re.compile(
    r"^\s*\S.{0,40}?\s+[—–-]\s+(?:today|yesterday|\d{1,2}/\d{1,2}/\d{2,4})\s+at\s+\d{1,2}:\d{2}(?:\s?[ap]m)?\s*$",
    re.I,
)
# ... "Ana Ruiz  10:42 AM" (Slack), which a schedule's row ("Lunch Break  12:30 PM") also looks like
_SLACK_SPEAKER = re.compile(r"^\s*\S.{0,40}?\s{2,}\d{1,2}:\d{2}\s?[AaPp][Mm]\s*$")
_THREAD_NOTE = re.compile(r"^\s*(?:\d+ repl(?:y|ies)|last reply .{0,40}|\(edited\))\s*$", re.I)
# "maud_tallowmere   Staff      12d", "bramblejo      3h", "kestrel_h     Jan 19": a forum post's author and age
_FORUM_POSTER = re.compile(
    r"^\s*@?[\w.'-]{2,40}(?:\s+(?:staff|admin|administrator|moderator|mod|team|leader|regular|member|op))?\s{2,}"
    r"(?:\d{1,3}\s?(?:s|m|h|d|w|mo|y|mins?|hrs?|days?|weeks?|months?|years?)(?:\s+ago)?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\s+\d{1,2}(?:,\s*\d{4})?)\s*$",
    re.I,
)
_QUOTE_OPEN = re.compile(r"^\s*\[quote(?:=[^\]]*)?\]", re.I)
_QUOTE_CLOSE = re.compile(r"\[/quote\]\s*$", re.I)
_FORUM_COUNTS = re.compile(r"^\s*\d+\s+repl(?:y|ies)\s+\d+\s+views?(?:\s+\d+\s+users?)?\s*$", re.I)
_BROKEN = re.compile(r"([A-Za-z]{2,})-$")  # "applica-" at a line's end
_CONTINUED = re.compile(r"^([a-z]{2,})([.,;:!?)]*)(?=\s|$)")  # "tion" at the next line's start


def is_breadcrumb(line: str) -> bool:
    """Tell whether a line is a page's breadcrumbs ("Home > Jobs > Libraries"), which
    :func:`tidy` blanks."""
    return bool(_BREADCRUMB.match(line))


def tidy(text: str) -> str:
    """Return ``text`` without mail furniture, page furniture and breadcrumbs, broken words
    joined, and with the same number of lines."""
    lines = text.split("\n")
    if _is_mail(lines):
        lines = _unwrap_mail(lines)
    elif _mostly_quoted(lines):
        lines = [_unquoted(line) for line in lines]
    lines = _without_page_furniture(lines)
    lines = _without_forum_furniture(lines)
    speakers = _slack_speakers(lines) | {i for i, line in enumerate(lines) if _DISCORD_SPEAKER.match(line)}
    said_by = {i: _speaker_name(lines[i]) for i in speakers}
    lines = ["" if i in speakers or is_breadcrumb(line) else _unchatted(line) for i, line in enumerate(lines)]
    if len(speakers) >= THREAD_MESSAGES:
        # a thread: the one who started it answers the others' questions
        order = sorted(speakers)
        lines = _replies_under_questions(lines, order, [said_by[i] == said_by[order[0]] for i in order])
    return "\n".join(_joined_words(lines))


THREAD_MESSAGES = 3  # a chat this many messages long is a thread of questions and replies


def _speaker_name(line: str) -> str:
    """Return who a chat message's header line says wrote it ("Ana Ruiz  10:42 AM": "ana ruiz")."""
    return re.split(r"\s{2,}|\s+[—–-]\s+", line.strip(), maxsplit=1)[0].casefold()


def _without_forum_furniture(lines: list[str]) -> list[str]:
    """Blank what a forum thread copied from a browser wraps its posts in, when at least
    two lines say who posted and how long ago ("maud_tallowmere   Staff      12d"): those
    lines, the rules between posts, quotes of earlier posts ("[quote=…]" … "[/quote]", ">
    …": they say again what is already there) and the thread's counts ("6 replies  38 views")."""
    posters = [i for i, line in enumerate(lines) if _FORUM_POSTER.match(line)]
    if len(posters) < 2:
        return lines
    out = list(lines)
    quoting = False
    for i, line in enumerate(lines):
        if _QUOTE_OPEN.match(line):
            quoting = True
        if quoting or _RULE.match(line) or _QUOTED.match(line) or _FORUM_COUNTS.match(line):
            out[i] = ""
        if _QUOTE_CLOSE.match(line):
            quoting = False
    for i in posters:
        out[i] = ""
    return _replies_under_questions(out, posters, [bool(_STAFF.search(lines[i])) for i in posters])


# "maud_tallowmere   Staff   12d": the forum marks who answers for the organisation
_STAFF = re.compile(r"\s(?:staff|admin|administrator|moderator|mod|team)\s", re.I)
_ASKING_SENTENCE = re.compile(r"[^.!?]*\?+(?=\s|$)")
_LEADING_MENTION = re.compile(r"^(\s*)@[\w.'-]{2,40}[,:]?\s+")  # "@bramblejo yes, that's fine."
QUESTION_WORDS = 30  # a bold line this long at most heads what follows it (parse reads such lines)


def _replies_under_questions(lines: list[str], posters: list[int], staff: list[bool]) -> list[str]:
    """Put each reply in a forum thread (or a chat's thread) under the post it answers.

    A member's post that asks ("Could I do Tuesdays one week and Thursdays the next? My shifts
    rotate …") becomes one bold line, its question last ("My shifts rotate … Could I do
    Tuesdays one week and Thursdays the next?"), so the posts after it, up to the next
    question, are read as its answer: an FAQ item of the thread. The thread's first post is
    its subject, a question only when it is short; a post by one who answers (``staff``: the
    forum's staff, where the forum marks them, or whoever started a chat's thread) is an
    answer. A reply's leading "@member" goes."""
    out = list(lines)
    bounds = [*posters, len(lines)]
    for k, start in enumerate(posters):
        body = [i for i in range(start + 1, bounds[k + 1]) if out[i].strip()]
        if not body:
            continue
        first = body[0]
        if mention := _LEADING_MENTION.match(out[first]):
            rest = out[first][mention.end() :]
            out[first] = mention.group(1) + rest[:1].upper() + rest[1:]
        if staff[k] or k + 1 == len(posters):
            continue  # staff answer; a last post is answered by nobody
        text = " ".join(out[i].strip() for i in body).replace("**", "")
        asked = [m.group(0).strip() for m in _ASKING_SENTENCE.finditer(text)]
        if not asked or len(text.split()) > QUESTION_WORDS or (k == 0 and len(body) > 1):
            continue
        said = " ".join(_ASKING_SENTENCE.sub("", text).split())
        if said[:1].islower():
            # what follows goes on asking ("is it paid? like do mentees pay anything")
            heading = text if text.rstrip().endswith("?") else f"{text.rstrip(' .')}?"
        else:
            if said and said[-1] not in ".!?":
                said += "."  # "… for about 4 years" before the question it leads to
            heading = " ".join(filter(None, [said, *asked]))
        out[first] = f"**{heading}**"
        for i in body[1:]:
            out[i] = ""
    return out


def _slack_speakers(lines: list[str]) -> set[int]:
    """Return the lines that say who wrote a Slack message and when: after a blank line (or
    first), with the message on the next line; a schedule's rows follow one another."""
    return {
        i
        for i, line in enumerate(lines)
        if _SLACK_SPEAKER.match(line)
        and (i == 0 or not lines[i - 1].strip())
        and i + 1 < len(lines)
        and lines[i + 1].strip()
        and not _SLACK_SPEAKER.match(lines[i + 1])
    }


def _unchatted(line: str) -> str:
    """Take a chat's furniture out of a line: who wrote and when, reactions (":+1: 3"),
    "(edited)", "18 replies", emoji shortcodes (":rocket:") and "@everyone"."""
    if _DISCORD_SPEAKER.match(line) or _THREAD_NOTE.match(line):
        return ""
    if ":" not in line and "@" not in line and "(edited)" not in line:
        return line
    bare = _MENTION_ALL.sub("", _SHORTCODE.sub("", line)).replace("(edited)", "")
    if bare != line and not re.search(r"[^\W\d_]", bare):
        return ""  # only reactions and their counts
    return bare


def _is_mail(lines: list[str]) -> bool:
    """Tell whether the text starts as an e-mail does: two or more header lines at the top."""
    head = [line for line in lines[:12] if line.strip()][:4]
    return sum(bool(_HEADER.match(line)) for line in head) >= 2 and bool(_HEADER.match(head[0]))


def _mostly_quoted(lines: list[str]) -> bool:
    text = [line for line in lines if line.strip()]
    return len(text) >= 4 and sum(bool(_QUOTED.match(line)) for line in text) * 2 >= len(text)


def _unwrap_mail(lines: list[str]) -> list[str]:
    """Blank the header blocks, forward marks and "Sent from my phone"; unquote quoted lines.
    The subject of the innermost message (without "Fwd:") takes the first subject's line, as
    the text's title."""
    out = list(lines)
    # a forwarder signs with their name on a line of its own ("Rhiannon") above the forwarded
    # message: no heading of it
    senders = {
        name.casefold()
        for line in lines
        if (m := _FROM_NAME.match(line))
        for name in (m.group(1).strip(), m.group(1).split()[0])
    }
    for i, line in enumerate(lines):
        in_headers = _HEADER.match(line) and (
            (i > 0 and _HEADER.match(lines[i - 1])) or (i + 1 < len(lines) and _HEADER.match(lines[i + 1]))
        )
        signed = _unquoted(line).strip(" -–—,.").casefold() in senders and bool(
            _FORWARD_MARK.match(next((ln for ln in itertools.islice(lines, i + 1, None) if ln.strip()), ""))
        )
        if _FORWARD_MARK.match(line) or _SENT_FROM.match(line) or _SIGNATURE_MARK.match(line) or in_headers or signed:
            out[i] = ""
        else:
            out[i] = _unquoted(line)
    footer = False
    for i, line in enumerate(out):
        # a list's footer, to the end of its paragraph: how to leave the list answers nothing (a
        # signature stays: who wrote, and how to reach them, is asked)
        footer = bool(_LIST_FOOTER.match(line)) or (footer and bool(line.strip()))
        if footer:
            out[i] = ""
    subject = _subject(lines)
    if subject is not None:
        first, out[first] = subject
        # the title stands alone: the header lines around it are blank now
        if first + 1 < len(out) and out[first + 1].strip():
            out[first + 1] = ""
    return out


def _subject(lines: list[str]) -> tuple[int, str] | None:
    """Return where an e-mail's first "Subject:" line is and the innermost message's subject,
    without "Re:" or "Fwd:"; None when no line gives one."""
    subjects = [(i, m.group(1)) for i, line in enumerate(lines) if (m := _SUBJECT.match(line))]
    subject = _REPLY_PREFIX.sub("", subjects[-1][1]).strip() if subjects else ""
    return (subjects[0][0], subject) if subject else None


def mail_subject(text: str) -> tuple[int, str] | None:
    """Return the line (from 0) and the text of an e-mail's subject, which :func:`tidy` puts
    on its first "Subject:" line as the e-mail's title; None for text that is no e-mail."""
    lines = text.split("\n")
    return _subject(lines) if _is_mail(lines) else None


def _unquoted(line: str) -> str:
    """Return a line without its quote marks ("> text"; a reply's own quotes: ">> > text")."""
    while _QUOTED.match(line):
        line = _QUOTED.sub("", line, count=1)
    return line


def _without_page_furniture(lines: list[str]) -> list[str]:
    """Blank what a PDF repeats at each page break: page numbers, rules, and the running
    header and footer lines beside them (the same short line again and again), and a footer
    line that ends with its page number ("Acme Trust · Guidance 2026      Page 2 of 4") when
    it is repeated so.

    Only text with page numbers is touched, and only the lines of a page break's own run of
    lines (between blank lines): a repeated line elsewhere ("Yes.") is the text's own.
    """
    footers = Counter(
        _PAGE_WORD.sub("", line).strip() for line in lines if len(line) <= 200 and _PAGE_WORD.search(line)
    )
    pages = [
        i
        for i, line in enumerate(lines)
        if _page_number(line)
        or _GUTTER_PAGE.search(line)
        or (_PAGE_WORD.search(line) and footers[_PAGE_WORD.sub("", line).strip()] >= 2)
    ]
    if not pages:
        return lines
    counts = Counter(line.strip() for line in lines if line.strip())
    out = list(lines)
    for i in pages:
        lo = i
        while lo > 0 and lines[lo - 1].strip():
            lo -= 1
        hi = i
        while hi + 1 < len(lines) and lines[hi + 1].strip():
            hi += 1
        for j in range(lo, hi + 1):
            s = lines[j].strip()
            if j == i or _RULE.match(s) or _page_number(s) or (counts[s] >= 2 and len(s) <= 100):
                out[j] = ""
        # the next page's running header, when a blank line parts it from the last one's footer
        j = hi + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        while j < len(lines) and 0 < len(s := lines[j].strip()) <= 100 and counts[s] >= 2 and j > hi + 1:
            out[j] = ""
            j += 1
    return out


def _page_number(line: str) -> bool:
    """Tell whether a line is a page number: "Page 2 of 4", "2 / 4", "- 3 -" (a bare "3" is
    too often a list's or a table's)."""
    s = line.strip()
    return bool(_PAGE_NUMBER.match(s)) and bool(re.search(r"(?i)page|of|/|-", s))


def _joined_words(lines: list[str]) -> list[str]:
    """Join words broken at a line's end with a hyphen ("applica-" / "tion process" →
    "application" / "process"): without the hyphen when that is the commoner spelling
    ("employer"), with it when the hyphen belongs to the word ("full-" / "time")."""
    out = list(lines)
    for i in range(len(out) - 1):
        broken = _BROKEN.search(out[i])
        continued = _CONTINUED.match(out[i + 1].lstrip())
        if not broken or not continued:
            continue
        head, tail, stop = broken.group(1), continued.group(1), continued.group(2)
        rest = out[i + 1].lstrip()[continued.end() :].strip()
        if not rest and i + 2 < len(out) and out[i + 2].strip():
            continue  # the next line is only the word's end, and the paragraph goes on after it
        word = head + tail if _commoner_joined(head.lower(), tail) else f"{head}-{tail}"
        out[i] = out[i][: broken.start()] + word + stop
        out[i + 1] = rest
    return out


# A word's ending, no word alone: "quarry-" / "ing" is "quarrying" (wordfreq counts
# "quarry-ing" as "quarry" and "ing", commoner than the word).
_ENDINGS = frozenset(
    "ing ings ed er ers est ly tion tions sion sions ment ments ness ity ities ies able ible ance ence "
    "ous ive ise ize ised ized ising izing isation ization ful al ally".split()
)


@lru_cache(maxsize=4096)
def _commoner_joined(head: str, tail: str) -> bool:
    if tail in _ENDINGS:
        return True
    return zipf_frequency(head + tail, "en") >= zipf_frequency(f"{head}-{tail}", "en")
