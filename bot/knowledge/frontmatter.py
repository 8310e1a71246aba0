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
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise FrontMatterError(f"invalid YAML in front matter: {problem}", line) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a mapping of keys to values", 2)
    _check(data, lines[1:end])
    return FrontMatter(data, "\n".join(lines[end + 1 :]), end + 2)


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
