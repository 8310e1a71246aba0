"""Typed settings with defaults, loaded and validated from ``config.yaml``.

Every key is optional; a key that is present must have the right type and range,
and an unknown key (usually a typo) is an error that names it.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from bot.errors import ConfigError
from bot.yaml_errors import explain_yaml_error

DEFAULT_EQUIVALENTS: tuple[tuple[str, ...], ...] = (
    ("apply", "application", "applicant"),
    ("internship", "intern"),
    ("fellowship", "fellow"),
    ("employee", "employer", "employment"),
    ("pay", "paid"),
    ("qualification", "qualified"),
    ("sponsor", "sponsorship"),
    ("mentor", "mentorship"),
    ("member", "membership"),
    ("partner", "partnership"),
    # irregular verbs, whose forms the stemmer leaves apart
    ("choose", "chosen", "chose"),
    ("give", "given", "gave"),
    ("hold", "held"),
    ("send", "sent"),
    ("spend", "spent"),
    ("keep", "kept"),
    ("teach", "taught"),
    ("write", "written", "wrote"),
    ("begin", "began", "begun"),
    ("draw", "drawn", "drew"),
    ("know", "known", "knew"),
    ("show", "shown"),
    ("buy", "bought"),
    ("bring", "brought"),
    ("build", "built"),
)

DEFAULT_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("pay", "salary", "compensation", "stipend", "wage"),
    ("relocate", "move", "relocation"),
    ("remote", "remotely", "online"),
    ("choose", "pick", "select", "preference", "prefer"),
    ("attend", "participate"),
    ("fee", "cost", "charge", "tuition"),
    ("duration", "length", "long"),
    ("deadline", "closes", "closing"),
    ("phd", "doctorate"),
    ("admission", "admitted", "accepted"),
    ("require", "requirement", "qualification", "prerequisite"),
    ("job", "role", "position", "vacancy"),
    ("benefits", "perks"),
    ("holiday", "vacation", "leave", "pto"),
    ("children", "child", "kids", "kid"),
    ("pets", "pet", "dogs", "dog", "cats", "cat"),
    ("payday", "paycheck", "paycheque", "payslip"),
    ("meals", "meal", "food"),
    ("travel", "flights", "flight", "airfare"),
    ("partner", "partners", "girlfriend", "boyfriend", "gf", "bf", "spouse"),
    ("sick", "ill", "illness", "sickness"),
    ("medical", "health", "healthcare"),
    ("pension", "retirement", "401k", "rrsp"),
    ("car", "vehicle"),
    ("vaccinations", "vaccination", "vaccines", "jabs"),
    ("gym", "fitness"),
    ("wifi", "internet", "broadband"),
    ("graduate", "graduates", "grad", "grads"),
    ("weekend", "weekends", "saturday", "saturdays", "sunday", "sundays"),
    # Matched by stem: ("coding", "programming") made every "program" mean "code", and
    # "opening" every "open" (open source) mean "job".
)


@dataclass(frozen=True)
class RetrievalSettings:
    """How passages are scored and when the bot declines to answer."""

    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25
    title_weight: int = 3
    document_weight: float = 1.0
    title_term_discount: float = 0.1
    section_weight: int = 2
    question_weight: int = 2
    synonym_weight: float = 0.5
    see_also: int = 2
    see_also_min_coverage: float = 0.5


@dataclass(frozen=True)
class AnswerSettings:
    """Limits on questions and on what is shown."""

    max_question_chars: int = 300
    snippet_chars: int = 600
    max_passage_chars: int = 900
    suggestions: int = 3
    related_roles: int = 3
    listed_roles: int = 10
    conversation_minutes: float = 10.0


@dataclass(frozen=True)
class KnowledgeBaseSettings:
    """Checks on the knowledge base."""

    max_document_age_days: int = 730
    eval_min_hit1: float = 0.8
    refuse_shrink_below: float = 0.5
    watch: bool = False
    watch_debounce_seconds: float = 2.0
    max_file_bytes: int = 5_000_000
    # How often a running bot looks for a snapshot stored by another process (a 'kb refresh'
    # or 'kb rollback' from the command line, another bot) and swaps it in; 0: only at start.
    reload_seconds: float = 5.0


@dataclass(frozen=True)
class RoleSettings:
    """When a listed role is no longer trusted to be open."""

    # A role with no closing date whose posting is older than this is "stale": flagged in
    # listings and kb check, never offered with an answer as an open role.
    max_age_days: int = 365


@dataclass(frozen=True)
class DiscordSettings:
    """The Discord front end."""

    guilds: tuple[int, ...] = ()
    moderator_roles: tuple[str, ...] = ()
    public_replies: bool = False
    cooldown_seconds: float = 5.0
    roles_page_size: int = 5
    view_timeout_seconds: float = 300.0
    announce_channel: int = 0  # channel id for new roles and closing reminders; 0: off
    closing_soon_days: int = 0  # remind this many days before a role closes; 0: off
    # Channels and forums where the bot answers new questions by itself (needs the Message
    # Content intent): only confident answers, at most once per thread.
    help_channels: tuple[int, ...] = ()
    show_matched_words: bool = False  # the "Matched: …" footer under answers (for debugging)
    shards: str = "off"  # "off" (one connection), "auto" (as many as Discord says) or a number

    @property
    def shard_count(self) -> int | None:
        """The number of shards to run, None for as many as Discord recommends; 0: unsharded."""
        if self.shards == "off":
            return 0
        return None if self.shards == "auto" else int(self.shards)


@dataclass(frozen=True)
class Settings:
    """All settings; build one directly in tests, or with :func:`load_settings`."""

    knowledge_dir: Path = Path("knowledge")
    database: Path = Path("data/faqbot.db")
    equivalents: tuple[tuple[str, ...], ...] = DEFAULT_EQUIVALENTS
    synonyms: tuple[tuple[str, ...], ...] = DEFAULT_SYNONYMS
    retrieval: RetrievalSettings = field(default_factory=RetrievalSettings)
    answers: AnswerSettings = field(default_factory=AnswerSettings)
    knowledge: KnowledgeBaseSettings = field(default_factory=KnowledgeBaseSettings)
    roles: RoleSettings = field(default_factory=RoleSettings)
    discord: DiscordSettings = field(default_factory=DiscordSettings)


# The most answers.max_question_chars may be set to: the longest question any front end takes in.
MAX_QUESTION_CHARS = 4000

_RANGES: dict[str, tuple[float, float]] = {
    "retrieval.k1": (0.0, 10.0),
    "retrieval.b": (0.0, 1.0),
    "retrieval.epsilon": (0.0, 1.0),
    "retrieval.see_also_min_coverage": (0.0, 1.0),
    "retrieval.synonym_weight": (0.0, 10.0),
    "retrieval.see_also": (0, 10),
    "retrieval.title_weight": (0, 10),
    "retrieval.document_weight": (0.0, 10.0),
    "retrieval.title_term_discount": (0.0, 1.0),
    "retrieval.section_weight": (0, 10),
    "retrieval.question_weight": (0, 10),
    "answers.max_question_chars": (10, MAX_QUESTION_CHARS),
    "answers.snippet_chars": (80, 1000),
    "answers.max_passage_chars": (200, 10000),
    "answers.suggestions": (0, 10),
    "answers.related_roles": (0, 10),
    "answers.listed_roles": (0, 20),
    "answers.conversation_minutes": (0.0, 1440.0),
    "knowledge.eval_min_hit1": (0.0, 1.0),
    "knowledge.refuse_shrink_below": (0.0, 1.0),
    "knowledge.max_document_age_days": (1, 100000),
    "knowledge.watch_debounce_seconds": (0.1, 3600),
    "knowledge.max_file_bytes": (1_000, 1_000_000_000),
    "knowledge.reload_seconds": (0.0, 3600),
    "discord.cooldown_seconds": (0.0, 3600),
    "discord.roles_page_size": (1, 10),
    "discord.view_timeout_seconds": (10, 3600),
    "discord.announce_channel": (0, 2**63 - 1),
    "discord.closing_soon_days": (0, 365),
    "roles.max_age_days": (1, 100000),
}

# Text settings that take one of a few forms: the pattern and what to say when it does not match.
_FORMS: dict[str, tuple[str, str]] = {
    "discord.shards": (r"off|auto|[1-9][0-9]{0,4}", "must be off, auto or a number of shards"),
}


def load_settings(path: str | Path | None) -> Settings:
    """Read settings from a YAML file; ``None`` gives the defaults.

    Relative paths in the file are taken relative to the file's folder.
    """
    if path is None:
        return Settings()
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("config file not found", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file: {exc}", path=str(path)) from None
    except yaml.YAMLError as exc:
        problem, line = explain_yaml_error(exc)
        where = f"{path}:{line + 1}" if line is not None else str(path)
        raise ConfigError(f"{where}: invalid YAML: {problem}") from None
    except (ValueError, RecursionError) as exc:  # a timestamp that is no date, nesting without end
        raise ConfigError(f"invalid YAML: {exc}", path=str(path)) from None
    if raw is None:
        raw = {}
    settings: Settings = _build(Settings, raw, "", str(path))
    base = path.parent
    return replace(
        settings,
        knowledge_dir=_resolve(base, settings.knowledge_dir),
        database=_resolve(base, settings.database),
    )


def _resolve(base: Path, value: Path) -> Path:
    return value if value.is_absolute() else base / value


def _build(cls: type[Any], raw: Any, prefix: str, path: str) -> Any:
    if not isinstance(raw, dict):
        raise ConfigError("must be a mapping of keys to values", key=prefix or None, path=path)
    hints = typing.get_type_hints(cls)
    known = {f.name for f in fields(cls)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        dotted = f"{prefix}{key}"
        if key not in known:
            close = difflib.get_close_matches(str(key), sorted(known), n=1)
            hint = f" (did you mean '{prefix}{close[0]}'?)" if close else ""
            raise ConfigError(f"unknown key{hint}", key=dotted, path=path)
        values[key] = _convert(hints[key], value, dotted, path)
    return cls(**values)


def _convert(hint: Any, value: Any, key: str, path: str) -> Any:
    if isinstance(hint, type) and is_dataclass(hint):
        return _build(hint, value if value is not None else {}, f"{key}.", path)
    origin = typing.get_origin(hint)
    if hint is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"must be true or false, not {value!r}", key=key, path=path)
        return value
    if hint in (int, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"must be a number, not {value!r}", key=key, path=path)
        if hint is int and not float(value).is_integer():
            raise ConfigError(f"must be a whole number, not {value!r}", key=key, path=path)
        low, high = _RANGES.get(key, (float("-inf"), float("inf")))
        if not low <= value <= high:
            raise ConfigError(f"must be between {low:g} and {high:g}, not {value!r}", key=key, path=path)
        return hint(value)
    if hint is Path:
        if not isinstance(value, str) or not value.strip():
            raise ConfigError("must be a path", key=key, path=path)
        return Path(value)
    if hint is str:
        if value is False and key in _FORMS and re.fullmatch(_FORMS[key][0], "off"):
            value = "off"  # YAML reads a bare off (or no) as false
        wrong_type = isinstance(value, bool) or not isinstance(value, (str, int))
        if wrong_type and key not in _FORMS:
            raise ConfigError(f"must be text, not {value!r}", key=key, path=path)
        if key in _FORMS and (wrong_type or not re.fullmatch(_FORMS[key][0], str(value))):
            raise ConfigError(f"{_FORMS[key][1]}, not {value!r}", key=key, path=path)
        return str(value)
    if origin is tuple:
        item_hint = typing.get_args(hint)[0]
        if value is None:
            return ()
        if not isinstance(value, list):
            raise ConfigError("must be a list", key=key, path=path)
        return tuple(_convert(item_hint, item, f"{key}[{i}]", path) for i, item in enumerate(value))
    if isinstance(hint, types.UnionType):  # pragma: no cover - not used yet
        return value
    raise ConfigError(f"unsupported setting type {hint!r}", key=key, path=path)  # pragma: no cover
