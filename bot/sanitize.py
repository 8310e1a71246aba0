"""Make text from outside (questions, stored rows) safe to store and to echo to a terminal."""

from __future__ import annotations

import re

# C0 and C1 control characters (terminal escapes such as ESC [2J), DEL, and the bidirectional
# overrides that can make echoed text read differently from what it is.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]+")


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Return ``text`` with control characters replaced by a space and undecodable bytes by U+FFFD.

    Command-line arguments that are not valid UTF-8 reach Python as lone surrogates, which
    can be neither printed nor stored; they become U+FFFD here. Tabs and newlines are kept.
    """
    return _CONTROL.sub(" ", _SURROGATE.sub("\ufffd", text))


# Zero-width characters (space, non-joiner, joiner, word joiner, BOM): invisible, so a word
# that holds one ("resi\u200bdency", pasted from the web) looks right but matches nothing.
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")


def without_invisible(text: str) -> str:
    """Return ``text`` without zero-width characters (for questions: what is searched)."""
    return _INVISIBLE.sub("", text)
