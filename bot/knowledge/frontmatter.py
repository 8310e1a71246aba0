"""YAML front matter: split it from the body and check the fields we honour."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import yaml

from bot.models import ROLE_TYPES

FIELDS = ("title", "url", "published", "kind", "org", "roles")
ROLE_FIELDS = (
    "title",
    "type",
    "org",
    "team",
    "location",
    "remote",
    "compensation",
    "apply_url",
    "closes",
    "status",
    "posted",
    "description",
)
KINDS = ("faq", "posting", "page")
_FENCE = re.compile(r"^(---|\.\.\.)\s*$")
# What front matter may expand to once its aliases are followed: a few KB of YAML may
# otherwise name billions of values (an "alias bomb").
MAX_NODES = 10_000  # values (mappings, lists, scalars) counted with every alias expanded
MAX_CHARS = 1_000_000  # characters of text in all of them together
MAX_DEPTH = 50  # nesting of lists and mappings


class FrontMatterError(ValueError):
    """Front matter that cannot be used; ``line`` is 1-based within the file."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The parsed front matter and where the body starts."""

    data: dict[str, Any]
    body: str
    body_line: int  # 1-based line number of the body's first line


def split_front_matter(text: str) -> FrontMatter:
    """Separate a leading ``---`` YAML block from the body; raise FrontMatterError if broken."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return FrontMatter({}, text, 1)
    for end in range(1, len(lines)):
        if _FENCE.match(lines[end]):
            break
    else:
        raise FrontMatterError("front matter starts with '---' but never ends", 1)
    raw = "\n".join(lines[1:end])
    data = load_yaml(raw, first_line=2)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a mapping of keys to values", 2)
    _check(data, lines[1:end])
    return FrontMatter(data, "\n".join(lines[end + 1 :]), end + 2)


class _DateError(yaml.constructor.ConstructorError):
    """A YAML timestamp that names no real day (``2024-02-30``)."""


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, with a timestamp that cannot be a date an error with its line."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise _DateError(
                None, None, f"{node.value!r} is not a valid date ({exc})", node.start_mark
            ) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def load_yaml(
    raw: str, first_line: int = 1, *, max_nodes: int = MAX_NODES, max_chars: int = MAX_CHARS
) -> Any:
    """Parse front-matter YAML safely; raise FrontMatterError with the file line when it is bad.

    ``first_line`` is the file line of ``raw``'s first line. Besides YAML errors, this refuses
    invalid dates (``2024-02-30``), nesting deeper than ``MAX_DEPTH`` and anything that expands
    to more than ``max_nodes`` values or ``max_chars`` characters once aliases are followed.
    """
    try:
        data = yaml.load(raw, Loader=_Loader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark else first_line - 1 or 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        if isinstance(exc, _DateError):
            raise FrontMatterError(f"front matter: {problem}", line) from None
        raise FrontMatterError(f"invalid YAML in front matter: {problem}", line) from None
    except RecursionError:
        raise FrontMatterError("front matter is nested too deeply to read", first_line - 1 or 1) from None
    _check_size(data, first_line - 1 or 1, max_nodes, max_chars)
    return data


def _check_size(data: Any, line: int, max_nodes: int, max_chars: int) -> None:
    """Walk ``data`` as if every alias were copied out, stopping as soon as a limit is passed."""
    nodes = chars = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        nodes += 1
        if nodes > max_nodes:
            raise FrontMatterError(
                f"front matter expands to more than {max_nodes:,} values (YAML aliases?): file rejected", line
            )
        if depth > MAX_DEPTH:
            raise FrontMatterError(f"front matter is nested more than {MAX_DEPTH} levels deep", line)
        if isinstance(value, dict):
            for key, item in value.items():
                stack.append((key, depth + 1))
                stack.append((item, depth + 1))
        elif isinstance(value, (list, tuple, set)):
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, (str, bytes)):
            chars += len(value)
            if chars > max_chars:
                raise FrontMatterError(
                    f"front matter expands to more than {max_chars:,} characters (YAML aliases?): file rejected",
                    line,
                )


def key_line(fm_lines: list[str], key: str, start: int = 0) -> int:
    """Return the file line of ``key:`` in the front matter (best effort)."""
    pattern = re.compile(rf"^\s*-?\s*{re.escape(key)}\s*:")
    for i in range(start, len(fm_lines)):
        if pattern.match(fm_lines[i]):
            return i + 2
    return 2


def _check(data: dict[str, Any], fm_lines: list[str]) -> None:
    for key in ("title", "url", "org"):
        value = data.get(key)
        if value is not None and not isinstance(value, (str, int, float)):
            raise FrontMatterError(f"'{key}' must be text", key_line(fm_lines, key))
    if data.get("kind") is not None and data["kind"] not in KINDS:
        raise FrontMatterError(
            f"'kind' must be one of {', '.join(KINDS)}, not {data['kind']!r}",
            key_line(fm_lines, "kind"),
        )
    if data.get("published") is not None and to_date(data["published"]) is None:
        raise FrontMatterError(
            f"'published' must be a date like 2024-05-31, not {data['published']!r}",
            key_line(fm_lines, "published"),
        )
    roles = data.get("roles")
    if roles is None:
        return
    if not isinstance(roles, list):
        raise FrontMatterError("'roles' must be a list", key_line(fm_lines, "roles"))
    start = key_line(fm_lines, "roles") - 2
    for n, role in enumerate(roles, 1):
        if not isinstance(role, dict):
            raise FrontMatterError(f"role {n} must be a mapping", key_line(fm_lines, "roles"))
        line = key_line(fm_lines, "title", start)
        if not role.get("title"):
            raise FrontMatterError(f"role {n} has no 'title'", line)
        unknown = sorted(set(role) - set(ROLE_FIELDS))
        if unknown:
            raise FrontMatterError(f"role {n} has unknown field(s): {', '.join(unknown)}", line)
        if role.get("type") is not None and role["type"] not in ROLE_TYPES:
            raise FrontMatterError(
                f"role {n}: 'type' must be one of {', '.join(ROLE_TYPES)}, not {role['type']!r}",
                key_line(fm_lines, "type", start),
            )
        if role.get("status") is not None and role["status"] not in ("open", "closed"):
            raise FrontMatterError(
                f"role {n}: 'status' must be open or closed, not {role['status']!r}",
                key_line(fm_lines, "status", start),
            )
        for key in ("closes", "posted"):
            if role.get(key) is not None and to_date(role[key]) is None:
                raise FrontMatterError(
                    f"role {n}: '{key}' must be a date like 2024-05-31, not {role[key]!r}",
                    key_line(fm_lines, key, start),
                )
        if role.get("remote") is not None and not isinstance(role["remote"], bool):
            raise FrontMatterError(
                f"role {n}: 'remote' must be true or false", key_line(fm_lines, "remote", start)
            )
        start = line - 1


def to_date(value: Any) -> date | None:
    """Read a date from YAML (already a date, or ISO text); None if it is not one."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
