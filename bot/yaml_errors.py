"""Say in plain words what is wrong with a piece of YAML, and how to fix it.

PyYAML's messages ("mapping values are not allowed here") name the parser's state, not the
moderator's mistake. The common mistakes in front matter and config files are few: a value
with ": " in it, a tab, a value starting with a character YAML reserves, an unclosed quote
or bracket, uneven indentation.
"""

from __future__ import annotations

import re

import yaml

_RESERVED = re.compile(r"found character '(\\t|.)' that cannot start any token")  # a tab is shown as \t


def _hint(context: str, problem: str) -> tuple[str, bool]:
    """Return the plain explanation and whether the error is best placed where it started."""
    if "mapping values are not allowed" in problem:
        return (
            "a ': ' (colon and space) inside a value, or a line indented deeper than the one above it: "
            "quote a value that contains ':' (title: \"Residency: the FAQ\"), and indent the keys "
            "of one level alike",
            False,
        )
    found = _RESERVED.search(problem)
    if found and found.group(1) in ("\t", "\\t"):
        return "a tab: YAML indents with spaces only; replace the tab with spaces", False
    if found:
        char = found.group(1)
        return (
            f"a value starts with '{char}', which YAML reserves: put the value in quotes (title: \"{char}…\")",
            False,
        )
    if "scanning an alias" in context or "scanning an anchor" in context:
        return (
            "a value starts with '*' or '&', which YAML reads as a reference: put the value in quotes",
            True,
        )
    if "flow sequence" in context:
        return "a '[' is not closed with ']': close the list, or quote a text that starts with '['", True
    if "flow mapping" in context:
        return "a '{' is not closed with '}': close it, or quote a text that starts with '{'", True
    if "quoted scalar" in context or "unexpected end of stream" in problem:
        return "a quote is not closed: end the value with the quote it starts with", True
    if "block scalar" in context:
        return (
            "'|' or '>' must end its line, with the text on the lines below, indented; or quote the value",
            True,
        )
    if "found '<scalar>'" in problem:
        return (
            "text after the closing quote of a value (an apostrophe in a value in single quotes "
            'ends it): quote the whole value with double quotes (title: "It\'s open")',
            True,
        )
    if "<block end>" in problem:
        return (
            "uneven indentation: the keys of one entry must start in the same column, "
            "and a list's '-' items in the same column as each other",
            False,
        )
    return (
        "check this line for a missing or extra character; putting the value in quotes often fixes it",
        False,
    )


def explain_yaml_error(exc: yaml.YAMLError) -> tuple[str, int | None]:
    """Return a plain-words message for a YAML error, and its 0-based line if known.

    The message ends with PyYAML's own words in parentheses, so it can still be searched.
    """
    context = str(getattr(exc, "context", None) or "")
    problem = str(getattr(exc, "problem", None) or exc).strip()
    hint, at_start = _hint(context, problem)
    mark = getattr(exc, "context_mark", None) if at_start else None
    mark = mark or getattr(exc, "problem_mark", None)
    return f"{hint} (YAML: {problem})", (mark.line if mark is not None else None)
