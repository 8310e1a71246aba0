"""Checks a moderator wants before members see a change: duplicates, dead links, unstated and
stale roles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from bot.documents.loader import Corpus
from bot.documents.roles import by_nomination
from bot.models import Document, Problem, Role


def _normal_question(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def unstated(role: Role) -> list[str]:
    """Return the fields a member looks for that the role's posting does not state."""
    return [
        name
        for name, value in (
            ("organisation", role.org),
            ("location", role.location or role.remote is not None),
            ("pay", role.compensation),
            ("employment type", role.type),
            ("posting date", role.posted),
            ("closing date", role.closes or role.status == "closed"),
        )
        if not value
    ]


# "Current vacancies", "Open positions", "Careers at Acme": a page that lists posts (not
# "Contact the Early Careers team")
_POSTS_HEADING = re.compile(
    r"^(?:(?:current|open|our|latest|job) )?(?:vacancies|positions|roles|openings|jobs)$|^careers\b|\bcareers$"
    r"|^(?:work (?:with|at|for)|join) (?:us|the team)\b|\bwe(?:'re|’re| are) hiring\b",
    re.I,
)


def _offers_posts(doc: Document) -> bool:
    """Tell whether a document reads as offering posts: a posting, or a page whose title or
    a heading names its vacancies (a programme by nomination offers none)."""
    if any(by_nomination(b.text) for b in doc.blocks):
        return False
    return doc.kind == "posting" or any(
        _POSTS_HEADING.search(text.strip()) for text in [doc.title, *(b.text for b in doc.blocks if b.kind == "heading")]
    )


def check_corpus(
    corpus: Corpus, today: date, max_age_days: int, role_max_age_days: int = 365
) -> list[Problem]:
    """Return warnings about the corpus as a whole (file and line on each)."""
    out: list[Problem] = []
    # A placeholder apply link is already warned about where it is read: not again as "no link".
    placeholders = {(p.source, p.line) for p in corpus.problems if "placeholder link" in p.message}
    seen: dict[str, tuple[str, int]] = {}
    for p in corpus.passages:
        if not p.question:
            continue
        key = _normal_question(p.question)
        first = seen.get(key)
        if first is None:
            seen[key] = (p.source, p.line)
        elif first[0] != p.source:
            out.append(
                Problem(
                    p.source,
                    f"FAQ question repeated from {first[0]}:{first[1]}: '{p.question}'",
                    p.line,
                )
            )
    for role in corpus.roles:
        missing = unstated(role)
        if missing:
            out.append(
                Problem(role.source, f"role '{role.title}': not stated: {', '.join(missing)}", role.line)
            )
        if role.apply_url is None and (role.source, role.line) not in placeholders:
            out.append(Problem(role.source, f"role '{role.title}' has no usable apply link", role.line))
        if role.status == "open" and role.closes and role.closes < today:
            out.append(
                Problem(
                    role.source,
                    f"role '{role.title}' is marked open but closed on {role.closes.isoformat()}",
                    role.line,
                )
            )
        if role.is_stale(today, role_max_age_days):
            age = (today - role.posted).days if role.posted else 0
            out.append(
                Problem(
                    role.source,
                    f"role '{role.title}' is stale: no closing date and posted {age} days ago "
                    f"(roles.max_age_days is {role_max_age_days}); close it with 'status: closed' "
                    "or give it 'closes:' in the front matter",
                    role.line,
                )
            )
    with_roles = {role.source for role in corpus.roles}
    for doc in corpus.documents:
        if doc.source not in with_roles and _offers_posts(doc):
            out.append(
                Problem(
                    doc.source,
                    f"'{doc.title}' reads as a job posting or a careers page but gives no role: give each "
                    "position its own heading with 'Location:', 'Pay:' or 'Contract:' lines, or an apply "
                    "link, or list them under 'roles:' in the front matter",
                    1,
                )
            )
        if doc.published and (today - doc.published).days > max_age_days:
            age = (today - doc.published).days
            out.append(
                Problem(
                    doc.source, f"published {doc.published.isoformat()}, {age} days ago: is it still current?"
                )
            )
    return out


def problem_list(
    corpus: Corpus,
    today: date,
    max_age_days: int,
    role_max_age_days: int = 365,
    extra: Sequence[Problem] = (),
) -> list[Problem]:
    """Return every problem of a knowledge base once, by file and line: what reading found
    (and ``extra``) and what :func:`check_corpus` finds.

    The one list ``kb check``, ``kb refresh`` and ``/kb refresh`` all report.
    """
    found = [*corpus.problems, *extra, *check_corpus(corpus, today, max_age_days, role_max_age_days)]
    return sorted(dict.fromkeys(found), key=lambda p: (p.source, p.line or 0))
