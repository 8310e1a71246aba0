"""Listing, filtering and finding roles."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.models import Role
from bot.search.engine import Query
from bot.services.knowledge import KnowledgeHolder
from bot.snapshot import Snapshot


@dataclass(frozen=True, slots=True)
class RoleFilter:
    """What a member asked to see."""

    type: str | None = None
    org: str | None = None
    location: str | None = None
    query: str | None = None
    include_closed: bool = False


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a role listing."""

    roles: tuple[Role, ...]
    number: int  # 1-based
    pages: int
    total: int


def _contains(haystack: str | None, needle: str) -> bool:
    return bool(haystack) and needle.casefold() in haystack.casefold()


def _newest_first(role: Role) -> tuple:
    return (role.posted is None, -(role.posted or date.min).toordinal(), role.title.casefold())


class RoleService:
    """Answer questions about roles from the current snapshot."""

    def __init__(self, holder: KnowledgeHolder, today: Callable[[], date] = date.today) -> None:
        self.holder = holder
        self.today = today

    def list(self, flt: RoleFilter | None = None) -> list[Role]:
        """Return the roles matching ``flt``, newest first; open ones only unless asked."""
        flt = flt or RoleFilter()
        snap = self.holder.current
        today = self.today()
        out = []
        query_terms = set(snap.engine.tokenizer(flt.query)) if flt.query else set()
        for role in snap.corpus.roles:
            if not flt.include_closed and not role.is_open(today):
                continue
            if flt.type and role.type != flt.type:
                continue
            if flt.org and not (_contains(role.org, flt.org) or _contains(role.team, flt.org)):
                continue
            if flt.location:
                remote_wanted = flt.location.strip().casefold() == "remote"
                if not (_contains(role.location, flt.location) or (remote_wanted and role.remote)):
                    continue
            if query_terms:
                text = " ".join(
                    filter(None, (role.title, role.org, role.team, role.description, role.location))
                )
                if not query_terms <= set(snap.engine.tokenizer(text)):
                    continue
            out.append(role)
        return sorted(out, key=_newest_first)

    def page(self, flt: RoleFilter | None, number: int, size: int) -> Page:
        """Return page ``number`` (1-based, clamped) of the listing."""
        roles = self.list(flt)
        pages = max(1, -(-len(roles) // size))
        number = min(max(1, number), pages)
        start = (number - 1) * size
        return Page(tuple(roles[start : start + size]), number, pages, len(roles))

    def get(self, key: str) -> Role | None:
        """Find a role by id, or by title when only one role has it."""
        roles = self.holder.current.corpus.roles
        for role in roles:
            if role.id == key:
                return role
        named = [r for r in roles if r.title.casefold() == key.strip().casefold()]
        return named[0] if len(named) == 1 else None

    def complete(self, prefix: str, limit: int = 25) -> list[Role]:
        """Return open roles whose title, org or team contains ``prefix`` (for autocomplete)."""
        today = self.today()
        words = prefix.casefold().split()
        out = []
        for role in sorted(self.holder.current.corpus.roles, key=_newest_first):
            text = f"{role.title} {role.org or ''} {role.team or ''}".casefold()
            if role.is_open(today) and all(w in text for w in words):
                out.append(role)
            if len(out) >= limit:
                break
        return out

    def orgs(self) -> list[str]:
        """Return the distinct organisations and teams of open roles."""
        today = self.today()
        names = {
            n for r in self.holder.current.corpus.roles if r.is_open(today) for n in (r.org, r.team) if n
        }
        return sorted(names, key=str.casefold)

    def related(self, query: Query, limit: int, snapshot: Snapshot | None = None) -> list[Role]:
        """Return open roles that the question is about (its terms name them), best first.

        A role is related when the question's terms that name any role (title, org, team,
        type) match this role more than any other: "the Meta internship" matches the Meta
        role on two terms and the other internships on one.
        """
        if limit <= 0:
            return []
        snap = snapshot or self.holder.current
        tokenizer = snap.engine.tokenizer
        today = self.today()
        factor = snap.engine.settings.synonym_weight
        scored: list[tuple[float, Role]] = []
        for role in snap.corpus.roles:
            if not role.is_open(today):
                continue
            terms = set(tokenizer(" ".join(filter(None, (role.title, role.org, role.team, role.type)))))
            score = 0.0
            for term in query.unique_terms:
                weight = snap.engine.informativeness(term, query)
                if term in terms:
                    score += weight
                elif any(s in terms for s in snap.engine.synonyms.get(term, ())):
                    score += weight * factor
            if score > 0:
                scored.append((score, role))
        if not scored:
            return []
        best = max(score for score, _ in scored)
        top = [role for score, role in scored if score >= best - 1e-9]
        return sorted(top, key=_newest_first)[:limit] if len(top) <= limit else []
