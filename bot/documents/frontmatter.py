"""YAML front matter: split it from the body and validate the fields we honour against their types."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import yaml

from bot.models import ROLE_TYPES, FrontMatterFields, RoleFields
from bot.yaml_errors import explain_yaml_error

FIELDS = (
    "title",
    "url",
    "published",
    "kind",
    "org",
    "type",
    "status",
    "closes",
    "location",
    "remote",
    "compensation",
    "team",
    "apply_url",
    "roles",
)
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
    return FrontMatter(data, "\n".join(lines[end + 1 :]), end + 2)


class _DateError(yaml.constructor.ConstructorError):
    """A YAML timestamp that names no real day (``2024-02-30``)."""


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, with a timestamp that cannot be a date an error with its line."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
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
        if isinstance(exc, _DateError):
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + first_line if mark else first_line - 1 or 1
            raise FrontMatterError(f"front matter: {getattr(exc, 'problem', None)}", line) from None
        message, at = explain_yaml_error(exc)
        line = at + first_line if at is not None else first_line - 1 or 1
        raise FrontMatterError(f"invalid YAML in front matter: {message}", line) from None
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


# Keys blogs and static-site generators put in front matter that the bot does not need:
# accepted without a warning (they carry nothing a member is shown).
IGNORED_FIELDS = frozenset(
    "thumbnail image authors author tags categories layout draft slug permalink lang "
    "description summary updated last_updated lastmod weight aliases toc".split()
)
# Other names pages give the fields we honour (blogs, static-site generators, job boards):
# each is read as the field it names when that field itself is not given. The page made no
# promise to our schema, so a value that cannot be read as the field is a warning, and the
# file is kept.
FIELD_ALIASES: dict[str, str] = {
    "link": "url",
    "date": "published",
    "posted": "published",
    "date_posted": "published",
    "company": "org",
    "organisation": "org",
    "organization": "org",
    "employer": "org",
    "deadline": "closes",
    "closing_date": "closes",
    "employment_type": "type",
    "job_type": "type",
    "salary": "compensation",
    "pay": "compensation",
    "department": "team",
    "apply": "apply_url",
    "apply_link": "apply_url",
    "application_url": "apply_url",
}


def given_as(data: dict[str, Any], field: str) -> str:
    """Return the key under which front matter gave ``field``: its own name, else the first
    of its aliases present (the one :func:`validate_front_matter` read)."""
    if field in data:
        return field
    return next((str(k) for k in data if FIELD_ALIASES.get(str(k)) == field), field)


# Which fields are text, dates, true/false, or one of a few values; the dataclasses in
# bot.models (FrontMatterFields, RoleFields) are the schema, this says how to read each.
_DATE_FIELDS = frozenset({"published", "closes", "posted"})
_BOOL_FIELDS = frozenset({"remote"})
_CHOICES: dict[str, tuple[str, ...]] = {"kind": KINDS, "type": ROLE_TYPES, "status": ("open", "closed")}


def validate_front_matter(
    data: dict[str, Any], fm_lines: list[str]
) -> tuple[FrontMatterFields, list[tuple[str, int]]]:
    """Check every field against its type and return them typed, with warnings (message, line).

    A field of the wrong type (a number, list or mapping where text is expected, a date
    that is not one) raises FrontMatterError with its line: the file is rejected, and a
    refresh keeps its last good version. Unknown keys are warnings naming the known ones.
    """
    warnings: list[tuple[str, int]] = []
    values: dict[str, Any] = {}
    for key, value in data.items():
        line = key_line(fm_lines, str(key))
        if key == "roles":
            continue
        field = FIELD_ALIASES.get(str(key))
        if field is not None and field not in data:
            if field not in values:  # the first of two aliases of one field is read
                try:
                    values[field] = _value(field, value, line, "", said_as=str(key))
                except FrontMatterError as exc:
                    warnings.append((f"'{key}' is read as '{field}', but {exc}; ignored", line))
            continue
        if key not in FIELDS:
            if str(key) not in IGNORED_FIELDS:
                warnings.append((_unknown(str(key), FIELDS), line))
            continue
        values[key] = _value(key, value, line, "")
    roles: list[RoleFields] = []
    if data.get("roles") is not None:
        roles_line = key_line(fm_lines, "roles")
        if not isinstance(data["roles"], list):
            raise FrontMatterError("'roles' must be a list of roles (each '- title: ...')", roles_line)
        starts = _entry_lines(fm_lines, roles_line - 2, len(data["roles"]))
        for n, raw in enumerate(data["roles"], 1):
            first = starts[n - 1] if n - 1 < len(starts) else roles_line
            following = starts[n] if n < len(starts) else len(fm_lines) + 2
            roles.append(_role(n, raw, fm_lines, first, following, warnings))
    fields = FrontMatterFields(**values, roles=tuple(roles))
    return fields, warnings


def _role(
    n: int, raw: Any, fm_lines: list[str], first: int, following: int, warnings: list[tuple[str, int]]
) -> RoleFields:
    if not isinstance(raw, dict):
        raise FrontMatterError(f"role {n} must be a mapping of fields ('title: ...')", first)
    values: dict[str, Any] = {}
    for key, value in raw.items():
        line = _line_within(fm_lines, str(key), first, following)
        if key not in ROLE_FIELDS:
            warnings.append((f"role {n}: " + _unknown(str(key), ROLE_FIELDS), line))
            continue
        values[key] = _value(key, value, line, f"role {n}: ")
    if not values.get("title"):
        raise FrontMatterError(f"role {n} has no 'title'", first)
    return RoleFields(**values, line=first)


def _value(key: str, value: Any, line: int, prefix: str, said_as: str | None = None) -> Any:
    """Return ``value`` as the type ``key`` holds (None stays None); raise if it is not one."""
    if value is None:
        return None
    if key in _DATE_FIELDS:
        day = to_date(value)
        if day is None:
            raise FrontMatterError(
                f"{prefix}'{key}' must be a date like 2024-05-31, not {_show(value)}", line
            )
        return day
    if key in _BOOL_FIELDS:
        if not isinstance(value, bool):
            raise FrontMatterError(f"{prefix}'{key}' must be true or false, not {_show(value)}", line)
        return value
    if not isinstance(value, str):
        hint = f' (put it in quotes: {said_as or key}: "{value}")' if isinstance(value, (int, float)) else ""
        raise FrontMatterError(f"{prefix}'{key}' must be text, not {_show(value)}{hint}", line)
    value = value.strip()
    choices = _CHOICES.get(key)
    if choices and re.sub(r"[\s_]+", "-", value.casefold()) in choices:
        value = re.sub(r"[\s_]+", "-", value.casefold())  # "Full time", "Full-time": full-time
    if choices and value not in choices:
        raise FrontMatterError(f"{prefix}'{key}' must be one of {', '.join(choices)}, not {value!r}", line)
    return value or None


def _show(value: Any) -> str:
    kind = {list: "a list", dict: "a mapping", bool: "true/false", int: "a number", float: "a number"}
    return kind.get(type(value), repr(value)[:60])


def _unknown(key: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown front-matter field '{key}'{hint}, ignored; known fields: {', '.join(known)}"


def _entry_lines(fm_lines: list[str], roles_index: int, count: int) -> list[int]:
    """Return the file line of each ``- `` entry under ``roles:`` (block style; best effort)."""
    out: list[int] = []
    indent: int | None = None
    for i in range(roles_index + 1, len(fm_lines)):
        text = fm_lines[i]
        stripped = text.lstrip()
        if not stripped or stripped.startswith("#"):
            continue
        depth = len(text) - len(stripped)
        if depth == 0 and not stripped.startswith("-"):
            break  # the next top-level key
        if stripped.startswith("-") and (indent is None or depth == indent):
            indent = depth
            out.append(i + 2)
    return out[:count] if len(out) >= count else out


def _line_within(fm_lines: list[str], key: str, first: int, following: int) -> int:
    pattern = re.compile(rf"^\s*-?\s*{re.escape(key)}\s*:|[{{,]\s*{re.escape(key)}\s*:")
    for i in range(first - 2, min(following - 2, len(fm_lines))):
        if i >= 0 and pattern.search(fm_lines[i]):
            return i + 2
    return first


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
