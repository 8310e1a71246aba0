"""Turn a file's bytes into clean text: decode, then repair mojibake.

Documents copied from the web often carry UTF-8 that was once decoded with the wrong
codec (Windows-1252: ``weâ€™re``; Mac Roman: ``‚Äî``, ``ü§ó``). ftfy undoes most of this
with well-tested heuristics; what it leaves (short Mac Roman runs it judges plausible) is
repaired here only where re-encoding the run gives valid UTF-8, which ordinary text
almost never does by chance.
"""

from __future__ import annotations

import re

import ftfy

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")
_WRONG_CODECS = ("mac_roman", "cp1252")


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode file bytes; return the text and a warning when it was not valid UTF-8."""
    try:
        text = data.decode("utf-8-sig")
        warning = None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        text = data.decode("cp1252", errors="replace")
        warning = f"not valid UTF-8 (first bad byte on line {line}); read as Windows-1252"
    return normalise_newlines(text), warning


def normalise_newlines(text: str) -> str:
    """Use ``\\n`` line endings only."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def repair_text(text: str) -> str:
    """Fix mojibake and stray control characters, keeping the source's own punctuation."""
    fixed = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=False)
    return _NON_ASCII_RUN.sub(_repair_run, fixed)


def _repair_run(match: re.Match[str]) -> str:
    run = match.group(0)
    for codec in _WRONG_CODECS:
        try:
            repaired = run.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if repaired != run:
            return repaired
    return run
