"""Turn answers and roles into Discord embeds that always fit Discord's limits."""

from __future__ import annotations

import discord

from bot.models import Answer, Citation, Role
from bot.services.lifecycle import RefreshReport
from bot.services.roles import Page
from bot.services.snippets import trim_words
from bot.snapshot import Snapshot

TITLE, DESCRIPTION, FIELD_NAME, FIELD_VALUE, FOOTER, AUTHOR = 256, 4096, 256, 1024, 2048, 256
TOTAL, FIELDS, MESSAGE = 6000, 25, 2000
COLOUR_ANSWER = discord.Colour.blurple()
COLOUR_UNKNOWN = discord.Colour.light_grey()
COLOUR_ROLE = discord.Colour.green()
NO_MENTIONS = discord.AllowedMentions.none()


def escape(text: str) -> str:
    """Make member text inert: no Markdown, no mentions."""
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))


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


def _source_line(c: Citation) -> str:
    title = escape(c.title)
    name = f"[{title}]({c.url})" if c.url else f"**{title}**"
    parts = [name]
    if c.section:
        parts.append(escape(c.section))
    if c.published:
        parts.append(c.published.strftime("%b %d, %Y"))
    return " · ".join(parts)


def answer_embed(answer: Answer) -> discord.Embed:
    """Render an answer: the snippet in the source's words, where it is from, see also, roles."""
    if answer.reply is not None:
        return fit(discord.Embed(description=escape(answer.reply), colour=COLOUR_ANSWER))
    if not answer.citations:
        embed = discord.Embed(
            title="I don't know that one",
            description=(
                f"Nothing in the knowledge base answers “{escape(answer.question)}”. "
                "A moderator can see unanswered questions and add the answer."
            ),
            colour=COLOUR_UNKNOWN,
        )
        if answer.suggestions:
            embed.add_field(
                name="Questions I can answer",
                value="\n".join(f"• {escape(s)}" for s in answer.suggestions),
                inline=False,
            )
        return fit(embed)
    first, *more = answer.citations
    body = first.snippet
    if first.question and body.startswith(first.question):
        body = f"**{escape(first.question)}**\n{escape(body[len(first.question) :].strip())}"
    else:
        body = escape(body)
    unsure = answer.verdict == "unsure"
    embed = discord.Embed(
        title=trim_words(escape(answer.question), TITLE), colour=COLOUR_UNKNOWN if unsure else COLOUR_ANSWER
    )
    lead = "*Not sure this answers it — the closest I found:*\n" if unsure else ""
    embed.description = f"{lead}{body}\n\n— {_source_line(first)}"
    if more:
        embed.add_field(name="See also", value="\n".join(f"• {_source_line(c)}" for c in more), inline=False)
    if answer.roles:
        embed.add_field(
            name="Open roles",
            value="\n".join(_role_line(r) for r in answer.roles),
            inline=False,
        )
    if answer.matched_terms:
        embed.set_footer(text=f"Matched: {', '.join(answer.matched_terms)}")
    return fit(embed)


def _role_line(role: Role) -> str:
    title = escape(role.title)
    return f"• [{title}]({role.apply_url})" if role.apply_url else f"• {title} (no apply link yet)"


def roles_embed(page: Page, filters: str) -> discord.Embed:
    """Render one page of a role listing."""
    title = f"Open roles{f' — {filters}' if filters else ''}"
    if not page.roles:
        return fit(discord.Embed(title=title, description="No open roles match.", colour=COLOUR_ROLE))
    embed = discord.Embed(title=title, colour=COLOUR_ROLE)
    for role in page.roles:
        embed.add_field(name=escape(role.title), value=_role_summary(role), inline=False)
    embed.set_footer(text=f"Page {page.number} of {page.pages} · {page.total} roles")
    return fit(embed)


def _role_summary(role: Role) -> str:
    who = " · ".join(escape(x) for x in (role.org, role.team) if x)
    where = escape(role.location) if role.location else ("Remote" if role.remote else None)
    facts = " · ".join(
        x for x in (who, where, role.type, escape(role.compensation) if role.compensation else None) if x
    )
    posted = f"Posted {role.posted.strftime('%b %d, %Y')}" if role.posted else None
    apply = f"[Apply]({role.apply_url})" if role.apply_url else "No apply link yet"
    return "\n".join(x for x in (facts, " · ".join(y for y in (apply, posted) if y)) if x)


def role_embed(role: Role, source_url: str | None) -> discord.Embed:
    """Render one role in full."""
    embed = discord.Embed(title=escape(role.title), colour=COLOUR_ROLE, url=role.apply_url or None)
    if role.description:
        embed.description = escape(role.description)
    for name, value in (
        ("Organisation", role.org),
        ("Team", role.team),
        ("Type", role.type),
        ("Location", role.location or ("Remote" if role.remote else None)),
        ("Compensation", role.compensation),
        ("Posted", role.posted.strftime("%b %d, %Y") if role.posted else None),
        ("Closes", role.closes.strftime("%b %d, %Y") if role.closes else None),
    ):
        if value:
            embed.add_field(name=name, value=escape(str(value)), inline=True)
    embed.add_field(name="Apply", value=role.apply_url or "No apply link yet", inline=False)
    source = f"[{escape(role.source)}]({source_url})" if source_url else escape(role.source)
    embed.add_field(name="Source", value=source, inline=False)
    return fit(embed)


def status_embed(snapshot: Snapshot) -> discord.Embed:
    """Render the knowledge base's size and age."""
    corpus = snapshot.corpus
    embed = discord.Embed(title="Knowledge base", colour=COLOUR_ANSWER)
    embed.add_field(name="Documents", value=str(len(corpus.documents)))
    embed.add_field(name="Passages", value=str(len(corpus.passages)))
    embed.add_field(name="Roles", value=str(len(corpus.roles)))
    embed.add_field(
        name="Last refreshed", value=discord.utils.format_dt(snapshot.loaded_at, "R"), inline=False
    )
    if snapshot.snapshot_id is not None:
        embed.set_footer(text=f"Snapshot {snapshot.snapshot_id}")
    return fit(embed)


def refresh_embed(report: RefreshReport) -> discord.Embed:
    """Render what a refresh changed, and every warning."""
    if report.refused:
        title, colour = (
            "Refresh refused — members still get the previous knowledge base",
            discord.Colour.red(),
        )
    elif report.applied:
        title, colour = "Knowledge base refreshed", discord.Colour.green()
    else:
        title, colour = "Dry run — nothing applied", COLOUR_UNKNOWN
    embed = discord.Embed(title=title, colour=colour)
    embed.description = escape(report.refused) if report.refused else None
    for name, items in (
        ("Documents added", report.added),
        ("Documents changed", report.changed),
        ("Documents removed", report.removed),
        ("Broken files (last good version kept)", report.broken),
        ("Roles opened", report.roles_opened),
        ("Roles closed", report.roles_closed),
        ("Roles changed", report.roles_changed),
    ):
        if items:
            embed.add_field(name=name, value="\n".join(escape(i) for i in items), inline=False)
    problems = [f"{'❌' if p.severity == 'error' else '⚠️'} {escape(str(p))}" for p in report.problems]
    if problems:
        embed.add_field(
            name=f"Warnings and errors ({len(problems)})", value="\n".join(problems), inline=False
        )
    embed.set_footer(
        text=f"{report.documents} documents · {report.passages} passages · {report.roles} roles · {report.seconds:.2f} s"
    )
    return fit(embed)
