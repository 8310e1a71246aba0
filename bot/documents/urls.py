"""Decide whether a URL from a document may be shown and linked."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MAX_URL_CHARS = 2048  # Discord refuses longer embed URLs
_UNSAFE = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")
# Brackets are legal in URLs (Wikipedia uses parentheses) but end a Markdown link: encode them.
_BRACKETS = str.maketrans({"(": "%28", ")": "%29", "[": "%5B", "]": "%5D"})


def safe_url(value: object) -> str | None:
    """Return ``value`` as a URL safe to show and to put in a Markdown link, or None.

    Only absolute http and https URLs with a host are accepted; one with spaces, quotes,
    angle brackets, backslashes or control characters is refused (it cannot be a real link,
    and it could break out of the link it is put in). Parentheses and square brackets are
    percent-encoded, which keeps the address and cannot end the link early.
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or len(url) > MAX_URL_CHARS or _UNSAFE.search(url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    head = f"{url[: len(parts.scheme)]}://{parts.netloc}"
    if not url.startswith(head):  # "http:host" and other forms without "//"
        return None
    return head.replace("(", "%28").replace(")", "%29") + url[len(head) :].translate(_BRACKETS)


def why_unsafe(value: object) -> str:
    """Say why :func:`safe_url` refused ``value`` (for a warning)."""
    if not isinstance(value, str):
        return "it is not text"
    url = value.strip()
    if len(url) > MAX_URL_CHARS:
        return f"it is longer than {MAX_URL_CHARS} characters"
    if _UNSAFE.search(url):
        return "it contains spaces, quotes, angle brackets or control characters"
    return "only http and https addresses with a host are linked"
