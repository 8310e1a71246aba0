"""Turn a file's bytes into clean text: decode, then repair mojibake.

Documents copied from the web often carry UTF-8 that was once decoded with the wrong
codec (Windows-1252: ``weâ€™re``; Mac Roman: ``‚Äî``, ``ü§ó``). ftfy undoes most of this
with well-tested heuristics; what it leaves (short Mac Roman runs it judges plausible) is
repaired here only where re-encoding the run gives valid UTF-8, which ordinary text
almost never does by chance.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")
_WRONG_CODECS = ("mac_roman", "cp1252")


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# File signatures of common binary formats that may carry a text suffix by mistake.
_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",  # old Office documents
    b"SQLite format 3",
)
BINARY_SHARE = 0.05  # text with more than this share of control characters is not a document
_SAMPLE = 8192


def unicode_bom(data: bytes) -> str | None:
    """Return the codec named by a UTF-16 or UTF-32 byte-order mark at the start, if any."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def binary_reason(data: bytes) -> str | None:
    """Say why ``data`` is not text (a binary format's signature, NUL bytes, control characters).

    UTF-16 and UTF-32 files with a byte-order mark are text. Otherwise a NUL byte, a known
    binary signature, or more than ``BINARY_SHARE`` control or undecodable characters in the
    first 8 KB mean binary: random bytes have about 12% control characters, text almost none.
    """
    if unicode_bom(data):
        return None
    head = data[:_SAMPLE]
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    if any(head.startswith(magic) for magic in _MAGIC):
        return "binary file (its first bytes are a binary format's signature)"
    try:
        sample = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if len(data) > len(head) and exc.start >= len(head) - 3:  # a character cut by the sample
            sample = head[: exc.start].decode("utf-8", errors="replace")
        else:
            sample = head.decode("cp1252", errors="replace")  # as decode_bytes reads it
    if not sample:
        return None
    odd = sum(1 for ch in sample if ch == "\ufffd" or (ch < " " and ch not in "\t\n\r\f\v") or ch == "\x7f")
    if odd / len(sample) > BINARY_SHARE:
        return f"binary file ({odd / len(sample):.0%} of its first characters are control codes or not text)"
    return None


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode file bytes; return the text and a warning when it was not valid UTF-8.

    UTF-16 and UTF-32 are read when the file starts with their byte-order mark.
    """
    codec = unicode_bom(data)
    if codec is not None:
        try:
            return normalise_newlines(data.decode(codec)), None
        except UnicodeDecodeError as exc:
            text = data.decode(codec, errors="replace")
            return normalise_newlines(
                text
            ), f"not valid {codec.upper()} (bad bytes at offset {exc.start}); replaced"
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
        if repaired != run and _latin(repaired):
            return repaired
    return run


def _latin(text: str) -> bool:
    """Tell whether every letter of ``text`` is Latin: what mojibake of our documents hides
    ("√©" is "é"). "–£" in "£68,000–£78,000" re-encodes to valid UTF-8 too, as the
    Cyrillic "У": no repair."""
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)
