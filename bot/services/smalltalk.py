"""Greetings, thanks and requests for help: answered with what the bot knows, not searched.

A message is small talk only when all of it is: "hi", "thanks a lot!", "help", "what can
you do?", "good morning everyone". "help me with the residency application" is a question.
"""

from __future__ import annotations

import re
from typing import Literal

SmallTalk = Literal["greeting", "thanks", "help"]

_PHRASES: dict[SmallTalk, tuple[str, ...]] = {
    "greeting": (
        "hi", "hii", "hello", "hey", "heya", "hiya", "yo", "howdy", "sup", "gm", "gn", "good morning",
        "good afternoon", "good evening", "good night", "morning", "evening", "greetings",
        "how are you", "how are you doing", "how is it going", "hows it going", "how's it going",
        "how is your day", "how is your day going", "hows your day going", "how's your day going",
        "what's up", "whats up", "nice to meet you", "bye", "goodbye", "see you", "cya",
    ),
    "thanks": (
        "thanks", "thank you", "thx", "ty", "tysm", "cheers", "appreciated", "appreciate it",
        "much appreciated", "great", "cool", "ok", "okay", "awesome", "perfect", "got it", "nice",
    ),
    "help": (
        "help", "help me", "what can you do", "what do you do", "what can i ask", "what can i ask you",
        "what do you know", "what do you know about", "who are you", "what are you", "how does this work",
        "how do i use you", "how do i use this", "how to use", "commands", "menu", "start", "info",
    ),
}
_FILLER = frozenset(
    "bot faqbot there everyone everybody all guys folks friends people ppl peeps yall y'all so much "
    "very again a lot please pls plz and the team for your you bud mate ya".split()
)
_WORD = re.compile(r"[a-z']+")


def small_talk(text: str) -> SmallTalk | None:
    """Return what kind of small talk ``text`` is, or None when it is (also) a question."""
    words = [w.strip("'") for w in _WORD.findall(text.casefold().replace("’", "'"))]
    if not words or len(words) > 10:
        return None
    found: list[SmallTalk] = []
    i = 0
    while i < len(words):
        match = _longest(words, i)
        if match is not None:
            kind, length = match
            found.append(kind)
            i += length
        elif words[i] in _FILLER:
            i += 1
        else:
            return None
    if not found:
        return None
    return "help" if "help" in found else found[0]


# each phrase's words by its first word, longest first: the first that matches is the longest
_BY_FIRST: dict[str, list[tuple[SmallTalk, list[str]]]] = {}
for _kind, _phrases in _PHRASES.items():
    for _phrase in _phrases:
        _BY_FIRST.setdefault(_phrase.split()[0], []).append((_kind, _phrase.split()))
for _entries in _BY_FIRST.values():
    _entries.sort(key=lambda entry: -len(entry[1]))  # stable: of two as long, the first listed


def _longest(words: list[str], start: int) -> tuple[SmallTalk, int] | None:
    for kind, parts in _BY_FIRST.get(words[start], ()):
        if words[start : start + len(parts)] == parts:
            return kind, len(parts)
    return None


def help_text(titles: list[str], kind: SmallTalk) -> str:
    """Return the reply to small talk: what the knowledge base covers and how to ask."""
    opening = {
        "greeting": "Hi! I answer questions from this community's program documents.",
        "thanks": "You're welcome! Ask me anything else about the programs.",
        "help": "I answer questions from this community's program documents, with the source of each answer.",
    }[kind]
    shown = titles[:8]
    more = f" and {len(titles) - len(shown)} more" if len(titles) > len(shown) else ""
    covers = f"\nI know about: {'; '.join(shown)}{more}." if shown else ""
    return (
        f"{opening}{covers}\n"
        "Ask a question in your own words, e.g. \"Is the residency remote?\" or \"How do I apply?\". "
        "Ask \"What jobs are open?\" for the open roles (in Discord, /roles lists and filters them)."
    )
