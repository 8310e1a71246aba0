"""Split a document into citable passages that match how people ask.

* An FAQ item (a list item or paragraph led by a bold question, a heading that is a
  question with the text under it, or, in a page of at least two, a paragraph or item that
  is only a question with the blocks after it) is one passage: its question and its answer.
* Other text is grouped by section, keeping the heading path; a long section is split
  at block boundaries, and a block longer than a passage at sentence boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.documents.document import is_bold_heading, is_question, strip_decoration
from bot.documents.parse import Q_LABEL
from bot.models import Block, Document

SECTION_SEP = " › "  # between the headings of a passage's section path
BULLET = "• "  # how a list item starts its line in a passage's text (snippets find items by it)

# A sentence ends at . ! ? or … followed by space and a capital, digit or opening quote,
# unless the word before is a common abbreviation; or, in text pasted from the web with the
# space lost, between a lower-case word's full stop and a capitalised word ("scale.Our").
# Each match starts with the sentence's last character (a pattern that opens with a plain
# character class is found by a fast scan; a lookbehind would be tried at every position).
_SENTENCE_END = re.compile(
    r"[.!?…](?:[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9$€£])"
    r"|(?<=[a-z][a-z][.!?])(?=[A-Z][a-z]))"
)
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|prof|st|no|inc|ltd|co|jr|sr|u\.s|approx|dept|fig)\."
    r"|\b[A-Z]\.)$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Chunk:
    """A passage before it gets its id in the knowledge base."""

    section: str | None
    question: str | None
    text: str
    line: int


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping abbreviations like "e.g." and "Ph.D." whole."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        # An abbreviation is the sentence's last word (searched alone: the pattern ends at "$"
        # and would be tried at every position of a long sentence).
        last = text[start : match.start() + 1].rsplit(maxsplit=1)
        if last and _ABBREVIATIONS.search(last[-1]):
            continue
        pieces.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


def preamble(doc: Document) -> tuple[list[str], int]:
    """Return the byline headings right under the title (org, location) and where content starts.

    Job boards put the company and place as headings straight after the title, before any
    text; they describe the document rather than head a section.
    """
    blocks = doc.blocks
    if not (blocks and blocks[0].kind == "heading" and _same(blocks[0].text, doc.title)):
        return [], 0
    subtitles: list[str] = []
    i = 1
    # A jump from the title straight to short level-3+ headings is a byline, not a section.
    while (
        i < len(blocks)
        and blocks[i].kind == "heading"
        and blocks[i].level >= 3
        and len(blocks[i].text.split()) <= 5
    ):
        text = strip_decoration(blocks[i].text.strip("` "))
        subtitles.append(re.sub(r"^[^\w(]+", "", text).strip(" `"))  # "🌎 France" -> "France"
        i += 1
    if i < len(blocks) and blocks[i].kind == "heading":
        return [], 1  # the run went on into real section headings
    return subtitles, i


def _same(heading: str, title: str) -> bool:
    """Tell whether a heading repeats the title ("Summer School" under "Summer School – FAQ")."""
    h = re.sub(r"\W+", "", heading).casefold()
    t = re.sub(r"\W+", "", title).casefold()
    return bool(h) and (h == t or (t.startswith(h) and len(h) >= 0.5 * len(t)))


def chunk_document(doc: Document, max_chars: int) -> list[Chunk]:
    """Split ``doc`` into chunks of at most about ``max_chars`` characters each."""
    subtitles, start = preamble(doc)
    chunks: list[Chunk] = []
    if subtitles:  # the byline (company, place) is content: "Is this job remote?"
        chunks.append(Chunk(None, None, "\n".join([doc.title, *subtitles]), doc.blocks[0].line))
    path: list[tuple[int, str]] = []  # (level, heading)
    buffer: list[Block] = []
    heading_question: str | None = None
    # A block that is only a question ("**How long is it?**", "How long is it?", a <summary>,
    # an accordion's button, a <dt>) heads the blocks after it, in an FAQ laid out that way:
    # two such blocks at least (one alone is rhetorical: "❓ **What would you need to be more
    # impactful?**" in the middle of prose).
    bold_question: str | None = None
    question_list: int | None = None  # the list the question was an item of ("1. Who can apply?")
    standalone = sum(1 for b in doc.blocks[start:] if b.kind != "heading" and _only_question(b)) >= 2
    # ... and a block that opens with a question and goes on with its answer ("Q: How long is
    # it? A: Twelve weeks.", "- Is it paid? Yes, monthly."), in an FAQ of two such blocks at least
    inline = sum(1 for b in doc.blocks[start:] if b.kind != "heading" and _opening_question(b)) >= 2

    def section() -> str | None:
        return SECTION_SEP.join(text for _, text in path) or None

    def item_section() -> str | None:
        # a question of its own ("**What will I be given?**") after the answer to a heading
        # that asks one ("## What checks will I need?") is that heading's sibling, not under it
        return SECTION_SEP.join(text for _, text in (path[:-1] if heading_question is not None else path)) or None

    def flush() -> None:
        if buffer:
            if bold_question is not None:
                buffer[0] = _replace(buffer[0], _ANSWER_LABEL.sub("", buffer[0].text, count=1))
                # the answer's lines that were items of the question's own list (a <dl>, a
                # numbered plain-text FAQ) are its text, not a list
                for i, block in enumerate(buffer):
                    if block.kind == "item" and block.level == question_list:
                        buffer[i] = _replace(block, block.text)
            chunks.extend(
                _pack(buffer, section() if bold_question is None else item_section(), bold_question or heading_question, max_chars)
            )
            buffer.clear()

    for block in doc.blocks[start:]:
        if block.kind == "heading":
            flush()
            bold_question = None
            if block.level == 1 and _same(block.text, doc.title):
                continue
            while path and path[-1][0] >= block.level:
                path.pop()
            path.append((block.level, block.text))
            heading_question = (
                _QUESTION_LABEL.sub("", block.text, count=1) if is_question(block.text) else None
            )
            continue
        if is_bold_heading(block):
            # "**About the role**" alone in its paragraph: a heading by its looks (job boards'
            # editors make them so), below any real heading
            flush()
            bold_question = heading_question = None
            while path and path[-1][0] >= BOLD_HEADING_LEVEL:
                path.pop()
            path.append((BOLD_HEADING_LEVEL, block.text.rstrip(" :")))
            continue
        lead = _question_lead(block) or (_opening_question(block) if inline else None)
        if lead is not None:
            answer = _answer_of(block, lead)
            question = _QUESTION_LABEL.sub("", lead, count=1)
            if answer:
                flush()
                bold_question = None
                answer = _ANSWER_LABEL.sub("", answer, count=1)
                chunks.extend(_pack([_replace(block, answer)], item_section(), question, max_chars))
                continue
            if standalone:  # "**Q: How long is it?**" alone: the paragraphs after it answer it
                flush()
                bold_question = question
                question_list = block.level if block.kind == "item" else None
                continue
        buffer.append(block)
    flush()
    return chunks


# "Q: How long is it?" / "A: Twelve weeks.": the labels of a question-and-answer FAQ (and the
# numbers of a numbered one: "1. How long is it?", "Q3: …")
_QUESTION_LABEL = re.compile(r"^\s*(?:(?:Q|Question)\s*\d{0,2}\s*[:.)]|\d{1,2}\s*[.)])\s*", re.I)
_ANSWER_LABEL = re.compile(r"^\s*(?:A|Answer)\s*[:.)]\s*", re.I)


QUESTION_MAX_WORDS = 30  # a whole block that long ending in "?" is a question; longer is prose asking one


def _question_lead(block: Block) -> str | None:
    """Return a block's question lead-in: its bold lead-in when that is a question, else the
    whole block when it is one question: one line ending in "?", of one sentence or of two
    ("I graduate in May. Can I still apply?" says why it asks first)."""
    if block.lead and is_question(block.lead):
        return block.lead
    text = block.text
    # "Q: I got a grant last round. Since then we have merged. Can I apply again?": labelled,
    # it may say more before it asks
    labelled = Q_LABEL.match(text) is not None
    if (
        is_question(text)
        and "\n" not in text
        and len(text.split()) <= QUESTION_MAX_WORDS
        and (labelled or len(split_sentences(_QUESTION_LABEL.sub("", text, count=1))) <= 2)
    ):
        return text
    return None


BOLD_HEADING_LEVEL = 7  # below <h6>


def _opening_question(block: Block) -> str | None:
    """Return the question a block opens with when its answer follows in the same block
    ("Q: How long is it? A: Twelve weeks."); not a one- or two-word rhetorical one ("How? In
    the way you prefer.")."""
    if block.lead:
        return None
    sentences = split_sentences(block.text)
    first = sentences[0] if len(sentences) > 1 else ""
    words = len(_QUESTION_LABEL.sub("", first, count=1).split())
    return first if is_question(first) and 3 <= words <= QUESTION_MAX_WORDS else None


def _only_question(block: Block) -> bool:
    """Tell whether a block is a question and nothing else."""
    lead = _question_lead(block)
    return lead is not None and not _answer_of(block, lead)


def _answer_of(block: Block, lead: str) -> str:
    """Return what follows a block's bold lead-in (its answer, when the lead-in is a question)."""
    answer = block.text[len(lead) :].strip() if block.text.startswith(lead) else ""
    return answer or _after_lead(block.text, lead)


def _after_lead(text: str, lead: str) -> str:
    idx = text.find(lead)
    return text[idx + len(lead) :].strip(" \n:-–—") if idx >= 0 else ""


def _replace(block: Block, text: str) -> Block:
    return Block("paragraph", text.lstrip(" \n:-–—"), block.line, 0, block.links, None)


def _render(block: Block) -> str:
    return f"{BULLET}{block.text}" if block.kind == "item" else block.text


def _pack(blocks: list[Block], section: str | None, question: str | None, max_chars: int) -> Iterator[Chunk]:
    """Group blocks into chunks, starting a new chunk when the next block would overflow.

    A list split across chunks keeps its lead-in ("The following Science team positions are
    available:"): a chunk never ends on a lead-in whose items went to the next one, and a
    chunk that starts in the middle of a list repeats the lead-in, so each item can be read
    (and found) with what it is an item of.
    """
    parts: list[str] = []
    size = 0
    line = blocks[0].line
    lead: str | None = None  # the paragraph ending in ":" that introduces the current list
    for block in blocks:
        if block.kind != "item":
            lead = None
        for piece in _split_long(_render(block), max_chars):
            if not piece.strip():  # found by fuzzing: "- **?** :" renders to nothing
                continue
            if parts and size + len(piece) > max_chars:
                carried = [lead] if block.kind == "item" and lead is not None else []
                if carried and parts[-1] == lead:
                    parts.pop()  # the lead-in moves to the chunk that holds its items
                if parts:
                    yield Chunk(section, question, "\n".join(parts), line)
                parts, line = carried, block.line
                size = sum(len(p) + 1 for p in parts)
            parts.append(piece)
            size += len(piece) + 1
        if block.kind != "item" and block.text.rstrip().endswith(":"):
            lead = _render(block)
    if parts:
        yield Chunk(section, question, "\n".join(parts), line)


def _split_long(text: str, max_chars: int) -> list[str]:
    if len(text) <= max_chars:
        return [text]
    out: list[str] = []
    current = ""
    for sentence in split_sentences(text):
        if current and len(current) + 1 + len(sentence) > max_chars:
            out.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        out.append(current)
    return out
