"""What differs between two knowledge bases, as a moderator reads it: files by content,
passages by their text, roles by their fields.

Used by refreshes (the folder against the snapshot in use) and rollbacks (the snapshot
restored against the one it replaces), so both report changes the same, true way: a file
whose bytes did not change is not "changed", a role whose fields did not change is not
"changed" (its line moving because a bullet above it was deleted is not a change), and
an edited FAQ answer is reported as that passage.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from bot.documents.loader import FileResult
from bot.models import Passage, Role

# A role's fields as a moderator names them; ``line`` and ``id`` are where and how it is
# found, not what it says.
ROLE_FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "title"),
    ("type", "type"),
    ("org", "organisation"),
    ("team", "team"),
    ("location", "location"),
    ("remote", "remote"),
    ("compensation", "pay"),
    ("apply_url", "apply link"),
    ("posted", "posting date"),
    ("closes", "closing date"),
    ("status", "status"),
    ("description", "description"),
)

# What a passage says and shows; its line number and id are only where it is.
_PASSAGE_CONTENT = ("title", "section", "question", "text", "url", "published", "org")


@dataclass
class Changes:
    """The differences between two knowledge bases."""

    added: list[str] = field(default_factory=list)  # files
    changed: list[str] = field(default_factory=list)  # files whose content changed
    removed: list[str] = field(default_factory=list)
    reparsed: list[str] = field(default_factory=list)  # same content, read differently now (--force)
    passages_added: list[str] = field(default_factory=list)  # "file › question or section"
    passages_changed: list[str] = field(default_factory=list)
    passages_removed: list[str] = field(default_factory=list)
    roles_opened: list[str] = field(default_factory=list)
    roles_closed: list[str] = field(default_factory=list)
    roles_changed: list[str] = field(default_factory=list)  # "title: field, field"

    @property
    def any(self) -> bool:
        """Tell whether the two knowledge bases differ in anything a member could see."""
        return any(
            (
                self.added,
                self.changed,
                self.removed,
                self.reparsed,
                self.passages_added,
                self.passages_changed,
                self.passages_removed,
                self.roles_opened,
                self.roles_closed,
                self.roles_changed,
            )
        )


def compare(
    old_files: Sequence[FileResult],
    new_files: Sequence[FileResult],
    old_roles: Sequence[Role],
    new_roles: Sequence[Role],
    today: date,
) -> Changes:
    """Return what differs from ``old`` to ``new`` (files without a document are absent)."""
    out = Changes()
    before = {f.source: f for f in old_files if f.document is not None}
    after = {f.source: f for f in new_files if f.document is not None}
    for source, new in after.items():
        old = before.get(source)
        if old is None:
            out.added.append(source)
            continue
        if old.content_hash != new.content_hash:
            out.changed.append(source)
        elif _same_parse(old, new):
            continue
        else:
            out.reparsed.append(source)
        _compare_passages(old.passages, new.passages, out)
    out.removed = sorted(source for source in before if source not in after)
    _compare_roles(old_roles, new_roles, today, out)
    return out


def _same_parse(old: FileResult, new: FileResult) -> bool:
    """Tell whether two parses of one file show members the same passages and roles."""
    if len(old.passages) != len(new.passages) or len(old.roles) != len(new.roles):
        return False
    return all(_content(a) == _content(b) for a, b in zip(old.passages, new.passages, strict=True)) and all(
        role_differences(a, b) == [] for a, b in zip(old.roles, new.roles, strict=True)
    )


def _content(passage: Passage) -> tuple[object, ...]:
    return tuple(getattr(passage, name) for name in _PASSAGE_CONTENT)


def passage_label(passage: Passage) -> str:
    """Name a passage as a moderator finds it: its file and its question (or section)."""
    name = passage.question or passage.section or passage.title
    return f"{passage.source} › {name}"


def _keyed(passages: Sequence[Passage]) -> dict[tuple[str, str, int], Passage]:
    """Key passages by section and question; a long section split in parts gets 1, 2, ..."""
    seen: Counter[tuple[str, str]] = Counter()
    out = {}
    for p in passages:
        key = (p.section or "", p.question or "")
        seen[key] += 1
        out[(*key, seen[key])] = p
    return out


def _compare_passages(old: Sequence[Passage], new: Sequence[Passage], out: Changes) -> None:
    before, after = _keyed(old), _keyed(new)
    added, changed, removed = [], [], []
    for key, passage in after.items():
        was = before.get(key)
        if was is None:
            added.append(passage_label(passage))
        elif _content(was) != _content(passage):
            changed.append(passage_label(passage))
    removed = [passage_label(p) for key, p in before.items() if key not in after]
    # One label for the parts of a split section.
    out.passages_added += [x for x in dict.fromkeys(added) if x not in out.passages_added]
    out.passages_changed += [x for x in dict.fromkeys(changed) if x not in out.passages_changed]
    out.passages_removed += [x for x in dict.fromkeys(removed) if x not in out.passages_removed]


def role_differences(old: Role, new: Role) -> list[str]:
    """Return the names of the fields that differ between two versions of a role."""
    return [label for name, label in ROLE_FIELDS if getattr(old, name) != getattr(new, name)]


def _compare_roles(old: Sequence[Role], new: Sequence[Role], today: date, out: Changes) -> None:
    before = {r.id: r for r in old}
    after = {r.id: r for r in new}
    for rid, role in after.items():
        was = before.get(rid)
        if role.is_open(today) and (was is None or not was.is_open(today)):
            out.roles_opened.append(role.title)
        elif was is not None and role.is_open(today):
            fields = role_differences(was, role)
            if fields:
                out.roles_changed.append(f"{role.title}: {', '.join(fields)}")
    for rid, role in before.items():
        if role.is_open(today) and (rid not in after or not after[rid].is_open(today)):
            out.roles_closed.append(role.title)


# How each list of a change summary is named, in the order reports show them.
CHANGE_LABELS: tuple[tuple[str, str], ...] = (
    ("added", "documents added"),
    ("changed", "documents changed"),
    ("removed", "documents removed"),
    ("reparsed", "re-read with the current rules"),
    ("broken", "broken files (last good version kept)"),
    ("passages_added", "passages added"),
    ("passages_changed", "passages changed"),
    ("passages_removed", "passages removed"),
    ("roles_opened", "roles opened"),
    ("roles_closed", "roles closed"),
    ("roles_changed", "roles changed"),
)


def change_lines(summary: Mapping[str, object]) -> list[tuple[str, list[str]]]:
    """Return the non-empty lists of a stored change summary, each with its label.

    Summaries stored by older versions lack some lists; a hand-edited value that is not a
    list of text is left out rather than shown wrong.
    """
    out = []
    for key, label in CHANGE_LABELS:
        items = summary.get(key)
        if isinstance(items, list) and items:
            out.append((label, [str(i) for i in items]))
    return out


def describe_entry(summary: Mapping[str, object], by: str) -> str:
    """Say in a few words what a history entry was: "refresh by alice (command line)"."""
    kind = summary.get("kind")
    kind = kind if isinstance(kind, str) and kind else "refresh"
    restores = summary.get("restores")
    if kind == "rollback" and isinstance(restores, int):
        kind = f"rollback to the files of snapshot {restores}"
    return kind if by == kind else f"{kind} by {by}"


def when(at: str) -> str:
    """Show a stored ISO time as "2026-05-01 14:03 UTC" (a value that is not one, as it is)."""
    try:
        moment = datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return str(at)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")
