"""Pick the sentences of a passage that answer a question, in the source's own words."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np

from bot.documents.chunk import BULLET, SECTION_SEP, split_sentences
from bot.documents.document import REQUIREMENTS_HEADING
from bot.models import Passage
from bot.search.answer_type import PROCESS_WORDS
from bot.search.semantic import embed
from bot.search.stopwords import INTERROGATIVES
from bot.search.tokenize import Tokenizer

CALL_TO_ACTION = re.compile(
    r"^(?:\W\s*)?(?:apply|register|sign up|submit|enrol|enroll)\b[^.!?]{0,80}\(?https?://\S+\)?\s*$", re.I
)
_ASKS = re.compile(r"\?[^\w?]*$")  # a sentence that ends asking, emoji and all
_SAYS = re.compile(r"[.!][^\w.!?]*$")  # ... and one that ends saying something
MEANING_BAND = 0.08  # sentences within this cosine of the closest one count as meaning the same
MEANING_FLOOR = 0.15  # below this similarity a sentence means nothing in particular (0.1–0.15 showed the most right snippets on the fitting sets; 0.25 and 0.3 fewer)

MEANING_WEIGHT = 0.75  # a unit closest in meaning is worth this share of the best word match: an exact rare word (a position's name) outweighs closeness alone (0.5 and 0.75 tie on the fitting sets; 1.0 lost a snippet)
KIND_BONUS = 2.0  # a sentence holding the kind of answer asked for, relative to the best word match: more than that
# word and the closest meaning together (1 + MEANING_WEIGHT), so "Places: 4 interns" is shown for "how many summer
# interns…?" before the sentence about summer lets (1.5: two fewer right snippets over the 62 question sets, none more)
FOCUS_SHARE = 2 / 3  # the answer is chosen within this share of the snippet's length; the rest reads on after it


def trim_words(text: str, limit: int, ellipsis: str = "…") -> str:
    """Cut ``text`` to at most ``limit`` characters at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - len(ellipsis))]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + ellipsis


def units(passage: Passage) -> list[tuple[int, str]]:
    """Split a passage's text into (line number within the passage, sentence); list items kept whole."""
    out: list[tuple[int, str]] = []
    for n, line in enumerate(passage.text.split("\n")):
        if line.startswith(BULLET):
            out.append((n, line))
        else:
            out.extend((n, sentence) for sentence in split_sentences(line))
    return out


def snippet(
    passage: Passage,
    concepts: list[dict[str, float]],
    tokenizer: Tokenizer,
    limit: int,
    meaning: list[float] | None = None,
    kinds: list[bool] | None = None,
    heading_answers: bool = False,
    given: frozenset[str] = frozenset(),
    process: bool = False,
    spelt: Mapping[str, frozenset[str]] | None = None,
    eligibility: bool = False,
    listed: frozenset[str] = frozenset(),
) -> str:
    """Return the run of consecutive sentences of ``passage`` that best answers, within ``limit`` characters.

    The run is chosen within :data:`FOCUS_SHARE` of the limit; the room left reads on after
    it, in the source's order (the sentence after the one that matches the question often
    holds the figure or the condition asked for).

    ``concepts`` has one entry per question term: the term and its synonyms, each with
    what matching it is worth. A run scores the sum over concepts of the best match it
    contains, so "pay" is answered once, by "$7,650/month" rather than by three sentences
    that each say "compensation". Among equal runs, one that starts on a match wins (no
    preamble before the answer), then the earliest, then the longest (most context). An
    FAQ passage leads with its
    question, which is part of what the member needs to see.

    ``meaning`` (one cosine similarity to the question per unit) and ``kinds`` (whether a
    unit holds the kind of answer asked for: a date, an amount, a place) add to a unit's
    worth, so the sentence that says "9-month" or "$7,650/month" is chosen even when it
    shares no word with the question. A sentence before the answer that adds nothing is not shown.

    With ``heading_answers`` (the passage's heading says all that is asked: "Interview
    process" for "what is the interview process?", "What we offer" for "what does the
    residency offer?"), the section is shown from its start: a later sentence that repeats
    the heading's word ("… everyone who is offered a place") says nothing more.

    With ``process`` (the question asks how a process goes: "what's the interview process?",
    "what happens in the interviews?"), a list of its steps is shown from its start: the
    line that introduces it as a process ("Our process is simple:"), or the list that a
    heading of a process heads ("Hiring process").

    ``spelt`` are the acronyms the question says, each with the terms it stands for: a unit
    that has all of them says it ("sre": the line of the "Site Reliability Engineer", not the
    "Senior Backend Engineer"'s above it).

    ``given`` are the terms of what the member says they already have ("what do I send
    besides a resume?"): when a list item names it, the rest of that list is what is asked,
    and the list is shown from the line that introduces it.

    ``listed`` are the terms of the things the question asks all of ("what benefits do grads
    get?": "benefit" and its synonyms): when the answer is in a list of them (its heading, the
    line that introduces it, or most of its items say what they are), the list is shown from
    its start, "…" marking the items that do not fit.
    """
    prefix = f"{passage.question}\n" if passage.question else ""
    budget = max(80, limit - len(prefix))
    numbered = _units_cached(passage.text)
    if not numbered:
        return trim_words(prefix.strip(), limit)
    parts = [text for _, text in numbered]
    if passage.question and sum(len(p) + 1 for p in parts) - 1 <= budget:
        return prefix + "\n".join(_join(numbered))  # a short FAQ answer is shown whole
    if heading_answers:
        # "What is the interview process?" over the list under "Interview process": the
        # section is the answer, from its start (as an FAQ item's answer is)
        return prefix + _shown_from(numbered, 0, budget)
    if (
        eligibility
        and REQUIREMENTS_HEADING.search(passage.section.split(SECTION_SEP)[-1] if passage.section else "")
        and sum(p.startswith(BULLET) for p in parts) * 3 >= 2 * len(parts)
    ):
        # "im a 2nd year undergrad with some pytorch experience, could i apply?" over the
        # "Minimum Qualifications": the list decides, from its first item, not the item that
        # says what the member has
        return prefix + _shown_from(numbered, 0, budget)
    if process and (lead := _process_list(parts, passage.section)) is not None:
        # "what's the interview process?" over "Our process is simple:" and its list, or
        # the list under "Hiring process": the steps, from the first
        return prefix + _shown_from(numbered, lead, budget)
    part_terms = _unit_terms(passage.text, tokenizer)
    if spelt:
        part_terms = tuple(t | {a for a, words in spelt.items() if words <= t} for t in part_terms)
    if given and (shown := _list_besides(numbered, parts, part_terms, given, budget)):
        return prefix + shown
    # gain[i][c]: the most unit i is worth for concept c (0 when it does not mention it)
    gain = [
        [max((w for t, w in c.items() if t in terms), default=0.0) for c in concepts] for terms in part_terms
    ]
    # "Apply for Senior Geospatial Engineer (https://…)" repeats the role's name and answers
    # only how to apply: its words count for nothing unless applying is asked about
    asks_applying = any(tokenizer.term("apply") in c for c in concepts)
    for i, part in enumerate(parts):
        if not asks_applying and CALL_TO_ACTION.match(part):
            gain[i] = [0.0] * len(concepts)
    lexical_top = max((max(row) for row in gain if row), default=0.0) or 1.0
    bonus = [0.0] * len(parts)
    if meaning is not None and len(meaning) == len(parts):
        top = max(meaning)
        # the closest sentences in meaning, scaled like the best word match
        bonus = [
            MEANING_WEIGHT * lexical_top * max(0.0, m - max(MEANING_FLOOR, top - MEANING_BAND)) / MEANING_BAND
            for m in meaning
        ]
    if kinds is not None and len(kinds) == len(parts):
        bonus = [b + (KIND_BONUS * lexical_top if k else 0.0) for b, k in zip(bonus, kinds, strict=True)]
    # a unit matches when it has a question term that is worth something (the title's words,
    # weighted 0, are in every list item of a posting and would drag neighbours along)
    matches = [any(g > 0 for g in row) or b > 0 for row, b in zip(gain, bonus, strict=True)]
    # the answer is the best run within the focus; the room left reads on after it
    focus = max(80, round(budget * FOCUS_SHARE))
    best = (-1.0, 0, 0)  # score, start, end (exclusive)
    best_key: tuple[float, bool, int, int] = (-1.0, False, 0, 0)
    for lo in range(len(parts)):
        size = -1
        extra = 0.0
        running = [0.0] * len(concepts)
        for hi in range(lo, len(parts)):
            size += 1 + len(parts[hi])
            if size > focus and hi > lo:
                break
            running = [max(a, b) for a, b in zip(running, gain[hi], strict=True)]
            extra = max(extra, bonus[hi]) if hi > lo else bonus[hi]
            score = sum(running) + extra
            key = (round(score, 9), matches[lo], -(hi - lo), -lo)
            if key > best_key:
                best_key, best = key, (score, lo, hi + 1)
    score, lo, hi = best

    def window_score(a: int, b: int) -> float:
        lexical = sum(max(g[c] for g in gain[a:b]) for c in range(len(concepts))) if concepts else 0.0
        return lexical + max(bonus[a:b])

    # Drop leading sentences the answer does not need, then use the room they freed. An FAQ
    # answer keeps its first sentence: "No." or "Absolutely not!" is the answer itself.
    while (
        hi - lo > 1
        and not matches[lo]
        and not (passage.question and lo == 0)
        and window_score(lo + 1, hi) >= score - 1e-9
    ):
        lo += 1
    # Context that belongs to the answer: a sentence next to it that itself matches, or
    # what a lead-in ending in ":" introduces (its first item, when it stands alone).
    size = sum(len(p) + 1 for p in parts[lo:hi]) - 1
    while lo > 0 and matches[lo - 1] and not parts[lo].startswith(BULLET) and size + 1 + len(parts[lo - 1]) <= focus:
        # "The role starts on 2 February 2026." before "We will also consider a start in March …"
        size += 1 + len(parts[lo - 1])
        lo -= 1
    while (
        hi < len(parts)
        and (
            matches[hi]
            or parts[hi - 1].rstrip().endswith(":")
            # "… in departments outside their home unit. You choose from:" over its list: the
            # answer's own paragraph goes on to say what it speaks of
            or _leads_a_list(numbered, hi)
            # a question asked in a thread ("is this open to PhD students? 👀") is answered
            # by the first sentence after it, past the reply's byline
            or _unanswered(parts[lo:hi])
            or (parts[hi].startswith(BULLET) and hi == lo + 1 and parts[lo].rstrip().endswith(":"))
        )
        and size + 1 + len(parts[hi]) <= focus
    ):
        size += 1 + len(parts[hi])
        hi += 1
    if listed and (whole := _asked_list(parts, part_terms, lo, hi, listed, passage.section, tokenizer)) is not None:
        # "what benefits do halyard grads get?" over the fifth of seven bullets: the list, from the top
        return prefix + _shown_from(numbered, whole[0], budget, end=whole[1])
    # An item from the middle of a list is shown under the line that says what the list is
    # ("The following Science team positions are available:"), "…" marking the items left out.
    head: list[str] = []
    if parts[lo].startswith(BULLET):
        lead = _list_lead(parts, lo)
        if lead is not None:
            lead_in = [parts[lead]] + (["…"] if lead < lo - 1 else [])
            added = sum(len(h) + 1 for h in lead_in)
            if size + added <= focus:
                head, size = lead_in, size + added
    while hi < len(parts) and size + 1 + len(parts[hi]) <= budget:  # read on
        size += 1 + len(parts[hi])
        hi += 1
    return prefix + trim_words("\n".join(head + _join(numbered[lo:hi])), budget)


def _shown_from(numbered: Sequence[tuple[int, str]], lo: int, budget: int, end: int = 0) -> str:
    """Return the units from ``lo`` on, as many as fit in ``budget`` (at least the first,
    trimmed), with "…" last when some items of a list that ends at ``end`` are left out."""
    hi = lo + 1
    size = len(numbered[lo][1])
    while hi < len(numbered) and size + 1 + len(numbered[hi][1]) + (2 if hi + 1 < end else 0) <= budget:
        size += 1 + len(numbered[hi][1])
        hi += 1
    lines = _join(numbered[lo:hi])
    if hi < end:
        lines.append("…")
    return trim_words("\n".join(lines), budget)


def _asked_list(
    parts: Sequence[str],
    part_terms: Sequence[frozenset[str]],
    lo: int,
    hi: int,
    listed: frozenset[str],
    section: str | None,
    tokenizer: Tokenizer,
) -> tuple[int, int] | None:
    """Return where the list of two items or more that the run ``lo``..``hi`` is in (or
    introduces) starts, with its lead-in line when it has one, and where it ends; None when
    the run is in no list, or in one that is not of the things asked (``listed``: its heading,
    its lead-in or most of its items say none of them)."""
    item = next((i for i in range(lo, hi) if parts[i].startswith(BULLET)), None)
    if item is None and hi < len(parts) and parts[hi].startswith(BULLET) and parts[hi - 1].rstrip().endswith(":"):
        item = hi
    if item is None:
        return None
    first = item
    while first > 0 and parts[first - 1].startswith(BULLET):
        first -= 1
    end = item
    while end < len(parts) and parts[end].startswith(BULLET):
        end += 1
    if end - first < 2:
        return None
    lead = first - 1 if first > 0 and parts[first - 1].rstrip().endswith(":") else None
    heading = set(tokenizer(section.split(SECTION_SEP)[-1])) if section else set()
    said = (heading | (part_terms[lead] if lead is not None else set())) & listed
    if said:
        return (first if lead is None else lead), end
    # items that each are one of them ("• Code Generation Internship, …"), not items that each
    # say theirs under a label ("• Track: …; Hospitals: Salem, …": "which hospitals have the nicu
    # track?" asks one item's)
    labelled = [set(tokenizer(" ".join(_LABEL.findall(parts[i])))) & listed for i in range(first, end)]
    if (
        2 * sum(bool(part_terms[i] & listed) and not labelled[i - first] for i in range(first, end))
        < end - first
    ):
        return None
    return (first if lead is None else lead), end


_LABEL = re.compile(r"([^\W\d_][\w'’-]*)\s*:")  # "Hospitals: Salem, …": what an item says under a label


def _process_list(parts: Sequence[str], section: str | None) -> int | None:
    """Return where the steps of a process start: the line that introduces a list of two
    items or more as a process, or the list's first item under a process's heading; None
    when the passage lists no process."""
    for i, part in enumerate(parts[:-2]):
        if (
            part.rstrip().endswith(":")
            and PROCESS_WORDS.search(part)
            and parts[i + 1].startswith(BULLET)
            and parts[i + 2].startswith(BULLET)
        ):
            return i
    heading = section.split(SECTION_SEP)[-1] if section else ""
    if PROCESS_WORDS.search(heading) and len(parts) >= 2 and parts[0].startswith(BULLET) and parts[1].startswith(BULLET):
        return 0
    return None


def _leads_a_list(numbered: Sequence[tuple[int, str]], i: int) -> bool:
    """Tell whether unit ``i`` ends the line of the unit before it with ":" over a list."""
    return (
        0 < i < len(numbered) - 1
        and numbered[i][0] == numbered[i - 1][0]
        and numbered[i][1].rstrip().endswith(":")
        and numbered[i + 1][1].startswith(BULLET)
    )


def _list_lead(parts: Sequence[str], item: int) -> int | None:
    """Return the line before list item ``item`` that says what the list is (it ends in ":"), or None."""
    lead = next((j for j in range(item - 1, -1, -1) if not parts[j].startswith(BULLET)), None)
    return lead if lead is not None and parts[lead].rstrip().endswith(":") else None


def _list_besides(
    numbered: Sequence[tuple[int, str]],
    parts: Sequence[str],
    part_terms: Sequence[frozenset[str]],
    given: frozenset[str],
    budget: int,
) -> str | None:
    """Return the list one of whose items names what the member already has, from the line
    that introduces it ("You will need:"), or None when no such list is in the passage."""
    item = next((i for i, p in enumerate(parts) if p.startswith(BULLET) and part_terms[i] & given), None)
    if item is None:
        return None
    lead = _list_lead(parts, item)
    if lead is None:
        return None
    end = next((k for k in range(item + 1, len(parts)) if not parts[k].startswith(BULLET)), len(parts))
    return trim_words("\n".join(_join(numbered[lead:end])), budget)


def _unanswered(parts: Sequence[str]) -> bool:
    """Tell whether the last question among ``parts`` has no sentence after it (a line
    ending in "." or "!": a reply's byline or "Replying to @…" answers nothing)."""
    asked = max((i for i, part in enumerate(parts) if _ASKS.search(part)), default=None)
    return asked is not None and not any(_SAYS.search(part) for part in parts[asked + 1 :])


def unit_texts(text: str) -> tuple[str, ...]:
    """Return the sentences and list items of a passage's text (cached)."""
    return tuple(part for _, part in _units_cached(text))


VECTOR_CACHE = 4096  # passages whose sentence vectors are kept (the passages that answer repeat)
_vectors: OrderedDict[str, np.ndarray] = OrderedDict()
_vectors_lock = threading.Lock()


def unit_vectors(text: str) -> np.ndarray:
    """Return the vectors of a passage's units (cached)."""
    return unit_vectors_many([text])[0]


def unit_vectors_many(texts: Sequence[str]) -> list[np.ndarray]:
    """Return the vectors of the units of several passages, embedding the ones not cached in one batch.

    One batch of thirty sentences costs about a third of six batches of five: the tokenizer's
    cost is mostly per call.
    """
    with _vectors_lock:
        found = {t: _vectors[t] for t in texts if t in _vectors}
        for t in found:
            _vectors.move_to_end(t)
    missing = list(dict.fromkeys(t for t in texts if t not in found))
    if missing:
        parts = [unit_texts(t) for t in missing]
        flat = embed([p for units in parts for p in units], remember=True)
        start = 0
        with _vectors_lock:
            for text, units in zip(missing, parts, strict=True):
                found[text] = _vectors[text] = flat[start : start + len(units)]
                start += len(units)
            while len(_vectors) > VECTOR_CACHE:
                _vectors.popitem(last=False)
    return [found[t] for t in texts]


def heading_answers(passage: Passage, asked: list[set[str]], tokenizer: Tokenizer) -> bool:
    """Tell whether the passage's own heading says all that is asked, and says it first
    (``asked``: the terms of the question, names aside, each with its synonyms): the section
    under it is the answer."""
    if not passage.section or not asked:
        return False
    said = tokenizer(passage.section.split(SECTION_SEP)[-1])
    # a heading written as a question starts with its question word ("What we offer")
    said = said[1:] if said and said[0] in INTERROGATIVES else said
    if not said:
        return False
    heading = set(said)
    # ... first: "Pay and benefits" opens with the pay, but "Location, Salary & Benefits"
    # heads three answers, and its first item is the location
    return all(heading & terms for terms in asked) and said[0] in set().union(*asked)


@lru_cache(maxsize=4096)
def _units_cached(text: str) -> tuple[tuple[int, str], ...]:
    return tuple(units(Passage(0, "", "", None, None, text, 0)))


@lru_cache(maxsize=4096)
def _unit_terms(text: str, tokenizer: Tokenizer) -> tuple[frozenset[str], ...]:
    """Return the terms of each unit of a passage's text (cached: popular passages repeat)."""
    return tuple(frozenset(tokenizer(part)) for _, part in _units_cached(text))


def _join(parts: Sequence[tuple[int, str]]) -> list[str]:
    """Join sentences of the same source line again; each line of the passage stays a line."""
    lines: list[str] = []
    last = None
    for n, part in parts:
        if n == last:
            lines[-1] = f"{lines[-1]} {part}"
        else:
            lines.append(part)
        last = n
    return lines
