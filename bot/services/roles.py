"""Listing, filtering and finding roles; the one place that says open, closed or stale."""

from __future__ import annotations

import builtins  # RoleService.list shadows list in the class body's annotations
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.documents.roles import by_nomination, clean_role_title, role_type
from bot.models import Document, Role
from bot.search.engine import Query
from bot.services.current import SnapshotHolder
from bot.snapshot import Snapshot

DEFAULT_MAX_AGE_DAYS = 365
# How close a typed word must be to a title word to match it in autocomplete (difflib ratio):
# 0.8 lets one wrong or missing letter through in words of five letters or more.
FUZZY_RATIO = 0.8


@dataclass(frozen=True, slots=True)
class RoleFilter:
    """What a member asked to see."""

    type: str | None = None
    org: str | None = None
    location: str | None = None
    query: str | None = None
    include_closed: bool = False
    remote: bool = False


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a role listing."""

    roles: tuple[Role, ...]
    number: int  # 1-based
    pages: int
    total: int
    stale: frozenset[str] = frozenset()  # ids of the roles on the page that are stale


@dataclass(frozen=True, slots=True)
class Programme:
    """A programme with nothing to apply to (by nomination or invitation), named in listings."""

    title: str
    type: str | None
    source: str
    url: str | None


def _contains(haystack: str | None, needle: str) -> bool:
    if not haystack:
        return False
    return needle.casefold() in haystack.casefold()


def _words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").casefold())


def _newest_first(role: Role) -> tuple[bool, int, str]:
    return (role.posted is None, -(role.posted or date.min).toordinal(), role.title.casefold())


# "what roles are open at quillon?", "any internships going?", "is brackenfield hiring?":
# a question that asks which positions there are, in these words and the roles' own (their
# titles, organisations, teams, types and places), and nothing else
_OPENINGS = re.compile(
    # (not "interns" nor "opportunities": "what support is available for interns?", "what
    # learning opportunities are there?" ask what the programme offers)
    r"^(?:roles?|jobs?|positions?|openings?|vacanc(?:y|ies)|posts?|ones|"
    r"internships?|fellowships?|residenc(?:y|ies)|apprenticeships?|hiring|recruiting)$"
)
# ... of which these say only that positions are asked for (a type, "internships", narrows them)
_OPENINGS_SAID = frozenset(
    "roles role jobs job positions position openings opening vacancies vacancy opportunities opportunity posts post ones".split()
)
_LISTING_FRAME = frozenset(
    "what which any are is there the a an open opened opening available currently current right now rn today "
    "at in for with do does you they we have has got hiring recruiting list show me all of new going on offer "
    "offered advertised still this year here your their can i apply to anything something who whos who's "
    "please pls there's theres what's whats out atm moment".split()
)
# ... and says it wants them listed: open, available, hiring, going, any, or "list", "show"
_LISTING_CUE = re.compile(
    r"\b(?:open|opened|openings?|available|hiring|recruiting|vacanc(?:y|ies)|going|advertised|any)\b|^(?:list|show)\b"
)


def asks_for_openings(text: str, names_a_role: Callable[[str], bool]) -> list[str] | None:
    """Return the words that say which roles a question asks to be listed ("at quillon":
    ``["quillon"]``; ``[]`` for every open role), or None when it asks something else
    ("which intern role trains rl agents?" asks which one does what)."""
    folded = text.casefold().replace("’", "'")
    if not _LISTING_CUE.search(folded):
        return None
    words = re.findall(r"[\w'+#-]+", folded)
    if not any(_OPENINGS.match(w) for w in words):
        return None
    wanted: list[str] = []
    for word in words:
        if word in _LISTING_FRAME or word in _OPENINGS_SAID:
            continue
        if not names_a_role(word):
            return None
        wanted.append(word)
    return wanted


def word_matches(typed: str, words: list[str]) -> int:
    """Return how many title words one typed word stands for (0: none).

    A word matches a title word it starts ("eng" → "Engineer"), the initials of
    consecutive title words ("ml" → "Machine Learning"), or a title word it is one typo
    away from ("enginer" → "Engineer").
    """
    for w in words:
        if w.startswith(typed):
            return 1
    if 2 <= len(typed) <= 5:
        initials = "".join(w[0] for w in words)
        if typed in initials:
            return len(typed)
    if len(typed) >= 4:
        for w in words:
            if difflib.SequenceMatcher(None, typed, w).ratio() >= FUZZY_RATIO:
                return 1
    return 0


class RoleService:
    """Answer questions about roles from the current snapshot."""

    def __init__(
        self,
        holder: SnapshotHolder,
        today: Callable[[], date] = date.today,
        max_age_days: int = DEFAULT_MAX_AGE_DAYS,
    ) -> None:
        self.holder = holder
        self.today = today
        self.max_age_days = max_age_days

    def is_stale(self, role: Role, today: date | None = None) -> bool:
        """Tell whether an open role has no closing date and a posting older than the limit."""
        return role.is_stale(today or self.today(), self.max_age_days)

    def offered(self, role: Role, today: date) -> bool:
        """Tell whether a role may be offered as open: open and not stale."""
        return role.is_open(today) and not role.is_stale(today, self.max_age_days)

    def list(self, flt: RoleFilter | None = None) -> builtins.list[Role]:
        """Return the roles matching ``flt``, newest first; open ones only unless asked.

        Stale roles are listed (and flagged by the front ends): they may still be open.
        """
        flt = flt or RoleFilter()
        snap = self.holder.current
        today = self.today()
        out = []
        query_terms = set(snap.engine.tokenizer(flt.query)) if flt.query else set()
        place_words = _words(flt.location)
        for role in snap.corpus.roles:
            if not flt.include_closed and not role.is_open(today):
                continue
            if flt.type and role.type != flt.type:
                continue
            if flt.remote and not role.remote:
                continue
            if flt.org and not (_contains(role.org, flt.org) or _contains(role.team, flt.org)):
                continue
            if place_words and not self._in_place(role, place_words):
                continue
            if query_terms:
                text = " ".join(filter(None, (role.title, role.org, role.team, role.description)))
                if not query_terms <= set(snap.engine.tokenizer(text)):
                    continue
            out.append(role)
        return sorted(out, key=_newest_first)

    @staticmethod
    def _in_place(role: Role, wanted: builtins.list[str]) -> bool:
        """Every word of the wanted place is in the role's location or title ("EMEA", "Canada");
        "remote" also matches any remote role."""
        have = set(_words(role.location)) | set(_words(role.title))
        if role.remote:
            have.add("remote")
        return all(w in have for w in wanted)

    def page(self, flt: RoleFilter | None, number: int, size: int) -> Page:
        """Return page ``number`` (1-based, clamped) of the listing."""
        roles = self.list(flt)
        pages = max(1, -(-len(roles) // size))
        number = min(max(1, number), pages)
        start = (number - 1) * size
        shown = tuple(roles[start : start + size])
        today = self.today()
        stale = frozenset(r.id for r in shown if r.is_stale(today, self.max_age_days))
        return Page(shown, number, pages, len(roles), stale)

    def get(self, key: str) -> Role | None:
        """Find a role by id, or by title when only one role has it."""
        roles = self.holder.current.corpus.roles
        for role in roles:
            if role.id == key:
                return role
        named = [r for r in roles if r.title.casefold() == key.strip().casefold()]
        return named[0] if len(named) == 1 else None

    def complete(self, typed: str, limit: int = 25) -> builtins.list[Role]:
        """Return open roles matching what was typed, best first (for autocomplete).

        Every typed word must match a word of the role's title, organisation or team: by
        prefix, by initials ("ml engineer" finds "Machine Learning Engineer") or within one
        typo. Roles matching more title words come first, then newer ones.
        """
        today = self.today()
        typed_words = _words(typed)
        scored: list[tuple[int, tuple[bool, int, str], Role]] = []
        for role in self.holder.current.corpus.roles:
            if not role.is_open(today):
                continue
            title_words = _words(role.title)
            other_words = _words(f"{role.org or ''} {role.team or ''}")
            score = 0
            for word in typed_words:
                hit = word_matches(word, title_words)
                if hit:
                    score += 2 * hit
                elif word_matches(word, other_words):
                    score += 1
                else:
                    break
            else:
                scored.append((-score, _newest_first(role), role))
        scored.sort(key=lambda item: (item[0], item[1]))
        return [role for _, _, role in scored[:limit]]

    def everything(self) -> tuple[Role, ...]:
        """Return every role of the knowledge base in use, open or not (announcements look at all)."""
        return tuple(self.holder.current.corpus.roles)

    def source(self, role: Role) -> Document | None:
        """Return the document a role was read from (its title and link), if it is still there."""
        return next((d for d in self.holder.current.corpus.documents if d.source == role.source), None)

    def orgs(self) -> builtins.list[str]:
        """Return the distinct organisations and teams of open roles."""
        today = self.today()
        names = {
            n for r in self.holder.current.corpus.roles if r.is_open(today) for n in (r.org, r.team) if n
        }
        return sorted(names, key=str.casefold)

    def by_nomination(self, type: str | None = None) -> builtins.list[Programme]:
        """Return programmes (of ``type``, if given) that say one joins them by nomination.

        They have no role to list, so a listing says so instead of showing nothing: "The
        Fellowship is by nomination only".
        """
        snap = self.holder.current
        with_roles = {r.source for r in snap.corpus.roles}
        out: list[Programme] = []
        for doc in snap.corpus.documents:
            if doc.source in with_roles:
                continue
            kind = role_type(doc.title)
            if type and kind != type:
                continue
            if kind is None:
                continue
            if any(p.source == doc.source and by_nomination(p.text) for p in snap.corpus.passages):
                out.append(Programme(clean_role_title(doc.title), kind, doc.source, doc.url))
        return out

    def openings(self, text: str, snapshot: Snapshot | None = None) -> builtins.list[Role]:
        """Return the open roles a question asks to be listed ("what roles are open at
        quillon?", "is brackenfield hiring truck drivers?"), newest first: those whose title,
        organisation, team, type or place say every word it narrows them by. Empty when it
        asks something else (see :func:`asks_for_openings`) or none is open."""
        snap = snapshot or self.holder.current
        tokenizer = snap.engine.tokenizer
        said, known = snap.role_terms
        wanted = asks_for_openings(text, lambda word: tokenizer.term(word) in known)
        if wanted is None:
            return []
        terms = {t for w in wanted if (t := tokenizer.term(w))}
        today = self.today()
        found = [r for r, has in zip(snap.corpus.roles, said, strict=True) if self.offered(r, today) and terms <= has]
        return sorted(found, key=_newest_first)

    def related(self, query: Query, limit: int, snapshot: Snapshot | None = None) -> builtins.list[Role]:
        """Return open roles that the question is about (its terms name them), best first.

        A role is related when the question's terms that name any role (title, org, team,
        type) match this role more than any other: "the Meta internship" matches the Meta
        role on two terms and the other internships on one. Stale roles are never offered.
        """
        if limit <= 0:
            return []
        snap = snapshot or self.holder.current
        tokenizer = snap.engine.tokenizer
        today = self.today()
        factor = snap.engine.settings.synonym_weight
        scored: list[tuple[float, Role]] = []
        for role in snap.corpus.roles:
            if not self.offered(role, today):
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
