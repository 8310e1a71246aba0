"""Split a document into citable passages that match how people ask.

* An FAQ item (a list item or paragraph led by a bold question, or a heading that is a
  question with the text under it) is one passage: its question and its answer.
* Other text is grouped by section, keeping the heading path; a long section is split
  at block boundaries, and a block longer than a passage at sentence boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.documents.document import is_question, strip_decoration
from bot.models import Block, Document

SECTION_SEP = " › "  # between the headings of a passage's section path
BULLET = "• "  # how a list item starts its line in a passage's text (snippets find items by it)

# A sentence ends at . ! ? or … followed by space and a capital, digit or opening quote,
# unless the word before is a common abbreviation; or, in text pasted from the web with the
# space lost, between a lower-case word's full stop and a capitalised word ("scale.Our").
_SENTENCE_END = re.compile(
    r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9$€£])"
    r"|(?<=[a-z][a-z][.!?])(?=[A-Z][a-z])"
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
        candidate = text[start : match.start()].rstrip()
        if _ABBREVIATIONS.search(candidate):
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
    bold_question: str | None = None  # a paragraph that is only a bold question heads what follows
    # ... in an FAQ laid out that way: two such paragraphs at least (one alone is rhetorical:
    # "❓ **What would you need to be more impactful?**" in the middle of prose)
    standalone = sum(1 for b in doc.blocks[start:] if b.kind != "heading" and _only_question(b)) >= 2

    def section() -> str | None:
        return SECTION_SEP.join(text for _, text in path) or None

    def flush() -> None:
        if buffer:
            if bold_question is not None:
                buffer[0] = _replace(buffer[0], _ANSWER_LABEL.sub("", buffer[0].text, count=1))
            chunks.extend(_pack(buffer, section(), bold_question or heading_question, max_chars))
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
            heading_question = block.text if is_question(block.text) else None
            continue
        if block.lead and is_question(block.lead):
            answer = _answer_of(block, block.lead)
            question = _QUESTION_LABEL.sub("", block.lead, count=1)
            if answer:
                flush()
                bold_question = None
                chunks.extend(_pack([_replace(block, answer)], section(), question, max_chars))
                continue
            if standalone:  # "**Q: How long is it?**" alone: the paragraphs after it answer it
                flush()
                bold_question = question
                continue
        buffer.append(block)
    flush()
    return chunks


# "Q: How long is it?" / "A: Twelve weeks.": the labels of a question-and-answer FAQ
_QUESTION_LABEL = re.compile(r"^\s*(?:Q|Question)\s*[:.)]\s*", re.I)
_ANSWER_LABEL = re.compile(r"^\s*(?:A|Answer)\s*[:.)]\s*", re.I)


def _only_question(block: Block) -> bool:
    """Tell whether a block is a bold question and nothing else."""
    return block.lead is not None and is_question(block.lead) and not _answer_of(block, block.lead)


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
