"""Every embed the bot sends, built here and fitted to Discord's limits: answers, roles,
announcements, and the moderators' /kb views (status, refresh, history, rollback, gaps, stats)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

import discord

from bot.models import Answer, Citation, Problem, Role
from bot.services.changes import change_lines, describe_entry, when
from bot.services.gaps import Gap
from bot.services.lifecycle import RefreshReport
from bot.services.refresh_labels import RefreshOutcome, broken_note, refresh_label, refresh_outcome
from bot.services.roles import Page, Programme
from bot.services.snippets import trim_words
from bot.services.stats import Stats
from bot.snapshot import Snapshot
from bot.storage.questions import RatedAnswer
from bot.storage.snapshots import SnapshotInfo

TITLE, DESCRIPTION, FIELD_NAME, FIELD_VALUE, FOOTER, AUTHOR = 256, 4096, 256, 1024, 2048, 256
TOTAL, FIELDS, MESSAGE = 6000, 25, 2000
COLOUR_ANSWER = discord.Colour.blurple()
COLOUR_UNKNOWN = discord.Colour.light_grey()
COLOUR_ROLE = discord.Colour.green()
NO_MENTIONS = discord.AllowedMentions.none()


_SHORT_MENTION = re.compile(r"<(?=[@#][!&]?\d)")


def escape(text: str) -> str:
    """Make member text inert: no Markdown, no mentions (``<@&123>`` with any length of id too)."""
    text = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    return _SHORT_MENTION.sub("<\u200b", text)


def fit(embed: discord.Embed) -> discord.Embed:
    """Trim an embed, at word boundaries, until it fits every Discord limit."""
    if embed.title:
        embed.title = trim_words(embed.title, TITLE)
    if embed.description:
        embed.description = trim_words(embed.description, DESCRIPTION)
    if embed.author and embed.author.name:
        embed.set_author(name=trim_words(embed.author.name, AUTHOR), url=embed.author.url)
    if embed.footer and embed.footer.text:
        embed.set_footer(text=trim_words(embed.footer.text, FOOTER))
    fields = embed.fields[:FIELDS]
    embed.clear_fields()
    for f in fields:
        embed.add_field(
            name=trim_words(f.name or "\u200b", FIELD_NAME) or "\u200b",
            value=trim_words(f.value or "\u200b", FIELD_VALUE) or "\u200b",
            inline=f.inline,
        )
    while len(embed) > TOTAL:
        if len(embed.fields) > 0:
            embed.remove_field(len(embed.fields) - 1)
        elif embed.description:
            excess = len(embed) - TOTAL
            embed.description = trim_words(embed.description, max(1, len(embed.description) - excess - 1))
        else:
            break
    return embed


def message_text(text: str) -> str:
    """Trim plain message content to Discord's limit."""
    return trim_words(text, MESSAGE)


SEE_ALSO_CHARS = 160  # one line of each "see also" passage's own text


def _source_line(c: Citation, *, dated: bool = True) -> str:
    """Where a citation is from: "[title](url) · section · date"."""
    url = link_url(c.url)  # a document's url is checked when read; older stored parses are not
    name = f"[{link_text(c.title)}]({url})" if url else f"**{escape(c.title)}**"
    parts = [name]
    if c.section:
        parts.append(escape(c.section))
    if dated and c.published:
        parts.append(c.published.strftime("%b %d, %Y"))
    return " · ".join(parts)


def _own_text(c: Citation) -> str:
    """A citation's snippet without its FAQ question, on one line."""
    body = c.snippet
    if c.question and body.startswith(c.question):
        body = body[len(c.question) :]
    return " ".join(body.split())


def _see_also_line(c: Citation) -> str:
    text = _own_text(c)
    line = f"• {_source_line(c, dated=False)}"
    return f"{line}\n  {escape(trim_words(text, SEE_ALSO_CHARS))}" if text else line


UNSURE_LEAD = "*Not sure this answers it — the closest I found:*"


def answer_embed(
    answer: Answer, *, show_matched: bool = False, requested_by: str | None = None
) -> discord.Embed:
    """Render an answer: the snippet in the source's words, where it is from, see also.

    "Not sure" answers are grey and say so first; a decline says there is no answer (the
    closest questions are offered once, in the menu under it); open roles are link buttons
    (see ``components.answer_view``), listed here only when they have no apply link yet.
    ``requested_by`` names the member who asked the bot to answer someone else's message.
    """
    if answer.reply is not None:
        embed = discord.Embed(description=escape(answer.reply), colour=COLOUR_ANSWER)
    elif answer.listed and not answer.citations:
        embed = discord.Embed(title=trim_words(escape(answer.question), TITLE), colour=COLOUR_ROLE)
        _add_listing(embed, answer)
    elif not answer.citations:
        pick = " Did you mean one of the questions in the menu below?" if answer.suggestions else ""
        nothing = (
            f"The knowledge base has no documents about {escape(' or '.join(answer.others))}."
            if answer.others
            else f"Nothing in the knowledge base answers “{escape(answer.question)}”."
        )
        embed = discord.Embed(
            title="I don't know that one",
            description=f"{nothing}{pick}\nA moderator can see unanswered questions and add the answer.",
            colour=COLOUR_UNKNOWN,
        )
    else:
        embed = _cited_embed(answer, show_matched)
    if requested_by:
        embed.set_author(name=f"Asked for by {requested_by}")
    return fit(embed)


def _cited_embed(answer: Answer, show_matched: bool) -> discord.Embed:
    first, *more = answer.citations
    own = first.snippet
    if first.question and own.startswith(first.question):
        body = f"**{escape(first.question)}**\n{escape(own[len(first.question) :].strip())}"
    else:
        body = escape(own)
    unsure = answer.verdict == "unsure"
    embed = discord.Embed(
        title=trim_words(escape(answer.question), TITLE), colour=COLOUR_UNKNOWN if unsure else COLOUR_ANSWER
    )
    lead = f"{UNSURE_LEAD}\n" if unsure else ""
    embed.description = f"{lead}{body}\n\n— {_source_line(first)}"
    if more:
        embed.add_field(name="See also", value="\n".join(_see_also_line(c) for c in more), inline=False)
    unlinked = [r for r in answer.roles if not link_url(r.apply_url)]
    if answer.listed:
        _add_listing(embed, answer)
    elif unlinked:
        embed.add_field(
            name="Open roles",
            value="\n".join(
                f"• {escape(r.title)} ("
                + (f"apply by e-mail to {escape(r.apply_email)}" if r.apply_email else "no apply link yet")
                + ")"
                for r in unlinked
            ),
            inline=False,
        )
    if show_matched and answer.matched_terms:
        embed.set_footer(text=f"Matched: {', '.join(answer.matched_terms)}")
    return embed


def _add_listing(embed: discord.Embed, answer: Answer) -> None:
    """Add the open roles a question asked for, one line each (their Apply buttons are under
    the answer), and how many more ``/roles`` lists."""
    lines = [f"• **{escape(r.title)}**" + (f" — {' · '.join(facts)}" if (facts := _role_lines(r, False)[:2]) else "") for r in answer.roles]
    if answer.listed > len(answer.roles):
        lines.append(f"… and {answer.listed - len(answer.roles)} more: use /roles")
    embed.add_field(name=f"Open roles ({answer.listed})", value="\n".join(lines), inline=False)


def help_embed(reply: str, how_to: str) -> discord.Embed:
    """Render the reply to a greeting or a request for help, with how to ask in Discord."""
    embed = discord.Embed(description=escape(reply), colour=COLOUR_ANSWER)
    embed.add_field(name="In Discord", value=how_to, inline=False)
    return fit(embed)


def plural(count: int, word: str) -> str:
    """Return "1 role", "2 roles"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def link_url(url: str | None) -> str | None:
    """Return ``url`` if it can be a link button or masked link: http(s), no spaces or
    brackets that could break out of Markdown, at most 512 characters; else None."""
    if not url or len(url) > 512 or not re.match(r"^https?://[^\s<>()\[\]\"'`]+$", url):
        return None
    return url


def link_text(text: str) -> str:
    """Escape text shown inside a masked link, brackets too, so it cannot end the link early.

    ``escape`` already escapes some brackets (``\\[``): escaping those again would escape the
    backslash and leave the bracket bare, so only brackets after an even run of backslashes
    get one.
    """
    return _BRACKET.sub(_escape_bracket, escape(text))


_BRACKET = re.compile(r"(\\*)([\[\]])")


def _escape_bracket(match: re.Match[str]) -> str:
    slashes, bracket = match.groups()
    return slashes + bracket if len(slashes) % 2 else f"{slashes}\\{bracket}"


def _date(day: date | None) -> str | None:
    return day.strftime("%b %d, %Y").replace(" 0", " ") if day else None


def _role_lines(role: Role, stale: bool) -> list[str]:
    """The facts a member acts on: org · team, place · remote, pay, posted · closes."""
    who = " · ".join(escape(x) for x in (role.org, role.team) if x)
    where = " · ".join(x for x in (escape(role.location) if role.location else None, _remote(role)) if x)
    pay = escape(role.compensation) if role.compensation else None
    dates = " · ".join(
        x
        for x in (
            f"Posted {_date(role.posted)}" if role.posted else None,
            f"Closes {_date(role.closes)}" if role.closes else None,
        )
        if x
    )
    lines = [x for x in (who, where, pay, dates) if x]
    if role.apply_email:  # an apply link is a button under the listing; an address is said
        lines.append(f"Apply by e-mail to {escape(role.apply_email)}")
    if stale:
        lines.append("⚠️ No closing date and posted over a year ago: it may no longer be open")
    return lines


def _remote(role: Role) -> str | None:
    return "Remote" if role.remote else ("On site" if role.remote is False else None)


def nomination_line(programmes: Sequence[Programme]) -> str:
    """Say which programmes are by nomination, so there is nothing to apply to."""
    return "\n".join(
        f"**{escape(p.title)}** is by nomination only: there is nothing to apply to." for p in programmes
    )


def roles_embed(page: Page, filters: str, programmes: Sequence[Programme] = ()) -> discord.Embed:
    """Render one page of a role listing (page numbers only when there is more than one)."""
    title = f"Open roles{f' — {filters}' if filters else ''}"
    note = nomination_line(programmes)
    if not page.roles:
        text = "\n\n".join(x for x in (note, "No open roles match.") if x)
        return fit(discord.Embed(title=title, description=text, colour=COLOUR_ROLE))
    embed = discord.Embed(title=title, colour=COLOUR_ROLE, description=note or None)
    for role in page.roles:
        stale = role.id in page.stale
        lines = _role_lines(role, stale)
        embed.add_field(name=escape(role.title), value="\n".join(lines) or "\u200b", inline=False)
    count = plural(page.total, "role")
    embed.set_footer(text=f"Page {page.number} of {page.pages} · {count}" if page.pages > 1 else count)
    return fit(embed)


def role_embed(
    role: Role, source_title: str | None, source_url: str | None, stale: bool = False
) -> discord.Embed:
    """Render one role in full: its own summary, the facts, and its source by title and link."""
    embed = discord.Embed(title=escape(role.title), colour=COLOUR_ROLE, url=link_url(role.apply_url))
    if role.description:
        embed.description = escape(trim_words(role.description, 600))
    for name, value in (
        ("Organisation", role.org),
        ("Team", role.team),
        ("Type", role.type),
        ("Location", " · ".join(x for x in (role.location, _remote(role)) if x) or None),
        ("Pay", role.compensation),
        ("Posted", _date(role.posted)),
        ("Closes", _date(role.closes)),
    ):
        if value:
            embed.add_field(name=name, value=escape(str(value)), inline=True)
    if role.status == "closed":
        embed.add_field(name="Status", value="Closed", inline=True)
    if role.apply_email:
        embed.add_field(name="Apply", value=f"By e-mail to {escape(role.apply_email)}", inline=False)
    elif not role.apply_url:
        embed.add_field(name="Apply", value="No apply link yet", inline=False)
    name = source_title or role.source
    url = link_url(source_url)
    embed.add_field(name="Source", value=f"[{link_text(name)}]({url})" if url else escape(name), inline=False)
    if stale:
        embed.set_footer(text="No closing date and posted over a year ago: it may no longer be open")
    return fit(embed)


def announcement_embed(kind: str, role: Role) -> discord.Embed:
    """Render an announcement: a newly opened role, or one closing soon."""
    heading = "New role" if kind == "opened" else f"Closing soon: {_date(role.closes)}"
    embed = discord.Embed(title=escape(role.title), colour=COLOUR_ROLE, url=link_url(role.apply_url))
    embed.set_author(name=heading)
    lines = _role_lines(role, False)
    if role.description:
        lines.append("")
        lines.append(escape(trim_words(role.description, 300)))
    embed.description = "\n".join(lines) or None
    return fit(embed)


# -- the knowledge base (/kb) ---------------------------------------------------------------

PROBLEMS_SHOWN = 8  # problems listed in an embed; all of them go in an attached file when there are more
ITEMS_SHOWN = 8  # entries of one change list shown in an embed
HISTORY_SHOWN = 8  # history entries in /kb history
GAPS_SHOWN = 12  # groups of questions in /kb unanswered
ROLLBACK_NOTE = (
    "The files in the knowledge folder are not changed: the next refresh (`/kb refresh`, "
    "`kb refresh`, or an automatic one) reads them again and re-applies what this undoes, "
    "unless they are fixed first."
)


def _moment(at: str) -> str:
    """Show a stored time as Discord's own timestamp (local to each reader), else as text."""
    try:
        return discord.utils.format_dt(datetime.fromisoformat(at), "f")
    except (TypeError, ValueError):
        return escape(when(at))


def _items(items: Sequence[str]) -> str:
    shown = [f"• {escape(i)}" for i in items[:ITEMS_SHOWN]]
    if len(items) > ITEMS_SHOWN:
        shown.append(f"… and {len(items) - ITEMS_SHOWN} more")
    return "\n".join(shown)


def add_problems(embed: discord.Embed, problems: Sequence[Problem]) -> None:
    """Add the count of errors and warnings and the first few, errors first."""
    if not problems:
        return
    errors = sum(p.severity == "error" for p in problems)
    ordered = sorted(problems, key=lambda p: p.severity != "error")
    lines = [f"{'❌' if p.severity == 'error' else '⚠️'} {escape(str(p))}" for p in ordered[:PROBLEMS_SHOWN]]
    if len(problems) > PROBLEMS_SHOWN:
        lines.append(f"… all {len(problems)} in the attached problems.txt")
    name = f"{plural(errors, 'error')}, {plural(len(problems) - errors, 'warning')}"
    embed.add_field(name=name, value="\n".join(lines), inline=False)


def refresh_embed(report: RefreshReport) -> discord.Embed:
    """Render what a refresh or rollback changed (or would), and its problems."""
    broken = len(report.broken)
    colour = {
        RefreshOutcome.REFUSED: discord.Colour.red(),
        RefreshOutcome.ROLLED_BACK: discord.Colour.orange(),
        RefreshOutcome.APPLIED: discord.Colour.green(),
    }.get(refresh_outcome(report), COLOUR_UNKNOWN)
    title = refresh_label(report)
    embed = discord.Embed(title=title, colour=colour)
    notes = []
    if report.refused:
        notes.append(escape(report.refused))
    if broken:
        notes.append(f"{broken_note(broken)}.")
    if report.kind == "rollback" and report.applied:
        notes.append(ROLLBACK_NOTE)
    embed.description = "\n\n".join(notes) or None
    for label, items in change_lines(report.summary()):
        embed.add_field(name=label[0].upper() + label[1:], value=_items(items), inline=False)
    add_problems(embed, report.problems)
    applied = f" · snapshot {report.snapshot_id}" if report.applied and report.snapshot_id else ""
    embed.set_footer(
        text=f"{report.documents} documents · {report.passages} passages · {report.roles} roles · "
        f"{report.seconds:.2f} s{applied}"
    )
    return fit(embed)


def status_embed(snapshot: Snapshot, info: SnapshotInfo | None) -> discord.Embed:
    """Render the knowledge base in use: its size, and which snapshot it is, when and by whom made."""
    corpus = snapshot.corpus
    embed = discord.Embed(title="Knowledge base", colour=COLOUR_ANSWER)
    embed.add_field(name="Documents", value=str(len(corpus.documents)))
    embed.add_field(name="Passages", value=str(len(corpus.passages)))
    embed.add_field(name="Roles", value=str(len(corpus.roles)))
    if info is not None:
        made = f"Snapshot {info.id}: {escape(describe_entry(info.summary, info.by))}, {_moment(info.at)}"
    elif snapshot.snapshot_id is not None:
        made = f"Snapshot {snapshot.snapshot_id}"
    else:
        made = "Read from the folder (not stored)"
    embed.add_field(name="In use", value=made, inline=False)
    embed.add_field(
        name="Answering from it since", value=discord.utils.format_dt(snapshot.loaded_at, "R"), inline=False
    )
    if snapshot.snapshot_id is not None:
        embed.set_footer(text=f"Snapshot {snapshot.snapshot_id}")
    return fit(embed)


def history_embed(entries: Sequence[SnapshotInfo]) -> discord.Embed:
    """Render the latest history entries: what each changed, who made it and when."""
    embed = discord.Embed(title="Knowledge base history", colour=COLOUR_ANSWER)
    if not entries:
        embed.description = "No snapshot stored yet."
        return embed
    for e in entries[:HISTORY_SHOWN]:
        lines = [f"{escape(describe_entry(e.summary, e.by))}, {_moment(e.at)}"]
        for label, items in change_lines(e.summary):
            shown = "; ".join(escape(i) for i in items[:3]) + (
                f" (+{len(items) - 3})" if len(items) > 3 else ""
            )
            lines.append(f"{label}: {shown}")
        marker = " — in use" if e.active else ""
        embed.add_field(name=f"Snapshot {e.id}{marker}", value="\n".join(lines), inline=False)
    if len(entries) > HISTORY_SHOWN:
        embed.set_footer(text=f"The latest {HISTORY_SHOWN}; 'python -m bot kb history' lists them all")
    return fit(embed)


def gaps_embed(gaps: Sequence[Gap], rated: Sequence[RatedAnswer], days: int) -> discord.Embed:
    """Render what went wrong for members: each group's count, kinds, latest date, closest passage."""
    embed = discord.Embed(
        title=f"What went wrong for members, last {days} days", colour=discord.Colour.orange()
    )
    lines = []
    for g in gaps[:GAPS_SHOWN]:
        line = f"**{g.count}×** {escape(g.question)}\n{g.kinds()} · latest {_moment(g.latest)}"
        if g.closest:
            line += f"\nclosest: {escape(g.closest)}"
        lines.append(line)
    if len(gaps) > GAPS_SHOWN:
        lines.append(f"… and {len(gaps) - GAPS_SHOWN} more ('python -m bot kb gaps' lists them all)")
    embed.description = (
        "\n\n".join(lines) or "Nothing: no question was declined, answered unsure or voted unhelpful. 🎉"
    )
    if rated:
        embed.add_field(
            name="Passages voted unhelpful",
            value="\n".join(
                f"**{r.unhelpful}×** {escape(r.source)}{' › ' + escape(r.section) if r.section else ''}"
                for r in rated
            ),
            inline=False,
        )
    return fit(embed)


def stats_embed(stats: Stats) -> discord.Embed:
    """Render the figures of /kb stats (the chart is attached as its image): the same figures,
    in the same words, as ``kb stats`` prints (``Stats.figures``)."""
    embed = discord.Embed(title=f"How the bot is doing, last {stats.days} days", colour=COLOUR_ANSWER)
    embed.description = "\n".join([f"**{stats.total}** questions", *stats.figures()])
    if stats.gaps:
        embed.add_field(
            name="Top unanswered topics",
            value="\n".join(f"**{g.count}×** {escape(g.question)} ({g.kinds()})" for g in stats.gaps),
            inline=False,
        )
    return fit(embed)


def rollback_preview_embed(preview: RefreshReport, target: SnapshotInfo | None) -> discord.Embed:
    """Render what a rollback would change, asking to confirm it: which snapshot's files it
    restores (by whom and when that one was made) and the changes members would see."""
    embed = refresh_embed(preview)
    embed.title = f"Roll back to the files of snapshot {preview.restores}?"
    embed.colour = discord.Colour.orange()
    made = (
        f"Snapshot {target.id}: {escape(describe_entry(target.summary, target.by))}, {_moment(target.at)}"
        if target is not None
        else f"Snapshot {preview.restores}"
    )
    embed.description = f"{made}\n\nThis would change what members get as listed below.\n\n{ROLLBACK_NOTE}"
    return fit(embed)


def shared_embed(embed: discord.Embed, shared_by: str) -> discord.Embed:
    """A copy of a private answer's embed for everyone, naming the member who shared it."""
    shared = fit(embed.copy())
    shared.set_author(name=f"Shared by {shared_by}")
    return fit(shared)
