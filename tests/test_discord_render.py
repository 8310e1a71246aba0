"""Rendering and access rules of the Discord front end, tested directly."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import discord

from bot.discord_bot.access import Cooldown, is_moderator
from bot.discord_bot.render import answer_embed, escape, fit, roles_embed
from bot.models import Answer, Citation, Role
from bot.services.roles import Page


def test_fit_trims_every_limit_at_word_boundaries() -> None:
    words = "lorem ipsum " * 2000
    embed = discord.Embed(title=words, description=words)
    embed.set_footer(text=words)
    for i in range(30):
        embed.add_field(name=f"{i} {words}", value=words)
    fit(embed)
    assert len(embed.title) <= 256 and len(embed.description) <= 4096
    assert len(embed.fields) <= 25 and len(embed) <= 6000
    assert all(len(f.name) <= 256 and len(f.value) <= 1024 for f in embed.fields)
    assert embed.title.endswith("…") and embed.title[:-1].split()[-1] in ("lorem", "ipsum")


def test_escape_makes_member_text_inert() -> None:
    text = escape("**bold** @everyone <@123456789012345678>")
    assert text == "\\*\\*bold\\*\\* @\u200beveryone <@\u200b123456789012345678>"


def test_answer_embed_cites_source_and_escapes_question() -> None:
    citation = Citation(
        "faq.md",
        "Lab FAQ",
        "https://lab.example.org",
        "FAQ",
        "Where is it?\nIn building 4.",
        3.2,
        5,
        date(2024, 1, 2),
        "Where is it?",
    )
    answer = Answer("where is the *lab*? @everyone", True, (citation,), matched_terms=("lab",))
    embed = answer_embed(answer)
    assert embed.footer.text is None  # matched words are for debugging: off unless asked for
    assert answer_embed(answer, show_matched=True).footer.text == "Matched: lab"
    assert embed.title == "where is the \\*lab\\*? @\u200beveryone"
    assert embed.description.startswith("**Where is it?**\nIn building 4.")
    assert "[Lab FAQ](https://lab.example.org) · FAQ · Jan 02, 2024" in embed.description


def test_a_not_sure_answer_is_labelled_and_lists_the_next_closest_passages() -> None:
    def cited(section: str, text: str, line: int) -> Citation:
        return Citation("guide.md", "Lab guide", None, section, text, 1.0, line)

    closest = cited("Hours", "The lab opens at 8.", 3)
    under = (cited("Access", "Badges are issued on day one.", 9), cited("Safety", "Goggles are *required*.", 14))
    embed = answer_embed(Answer("can i bring a guest?", False, (closest, *under), verdict="unsure"))
    assert embed.description.startswith("*Not sure this answers it")
    assert "The lab opens at 8." in embed.description
    (field,) = [f for f in embed.fields if f.name == "See also"]
    entries = field.value.split("\n• ")
    assert len(entries) == 2  # each: where it is, then a line of its own text
    assert "Access" in entries[0] and "Badges are issued on day one." in entries[0]
    assert "Safety" in entries[1] and "Goggles are \\*required\\*." in entries[1]  # the source's words, escaped


def test_a_decline_names_the_programme_the_documents_lack_escaped() -> None:
    answer = Answer(
        "Is the *Acme* @everyone internship paid?",
        False,
        (),
        suggestions=("Is the internship paid?",),
        others=("*Acme* @everyone",),
    )
    description = answer_embed(answer).description
    assert description.startswith("The knowledge base has no documents about \\*Acme\\* @\u200beveryone.")
    assert "menu below" in description
    plain = answer_embed(Answer("Is it paid?", False, ())).description
    assert plain.startswith("Nothing in the knowledge base answers “Is it paid?”.")


def test_roles_embed_pages() -> None:
    role = Role(
        "a",
        "Analyst",
        "full-time",
        "Acme",
        None,
        "Oslo",
        None,
        "€50k",
        "https://acme.example.org/a",
        "a.md",
        date(2024, 5, 1),
        None,
        "open",
    )
    embed = roles_embed(Page((role,), 2, 3, 11), "type: full-time")
    assert embed.footer.text == "Page 2 of 3 · 11 roles"
    assert embed.fields[0].value == "Acme\nOslo\n€50k\nPosted May 1, 2024"  # Apply is a link button
    single = roles_embed(Page((role,), 1, 1, 1), "")
    assert single.footer.text == "1 role"  # no page numbers on a single page, and a singular


def test_a_role_applied_to_by_e_mail_says_the_address_everywhere_it_is_shown() -> None:
    """Discord makes no button of a mailto: link: the address is said, escaped, in the
    role's card, in a listing's lines and under an answer."""
    from bot.discord_bot.render import role_embed

    role = Role(
        "a", "Cook", None, "Diner", None, "Oslo", None, None, "mailto:jobs_team@diner.example.net",
        "a.md", None, None, "open",
    )
    card = role_embed(role, "Jobs", None)
    assert next(f.value for f in card.fields if f.name == "Apply") == "By e-mail to jobs\\_team@diner.example.net"
    listing = roles_embed(Page((role,), 1, 1, 1), "")
    assert listing.fields[0].value.splitlines()[-1] == "Apply by e-mail to jobs\\_team@diner.example.net"
    citation = Citation("c.md", "Jobs", None, "Apply", "Send your CV to us.", 1.0, 1)
    answer = answer_embed(Answer("how to apply as a cook?", True, (citation,), roles=(role,), verdict="answer"))
    roles_field = next(f.value for f in answer.fields if f.name == "Open roles")
    assert roles_field == "• Cook (apply by e-mail to jobs\\_team@diner.example.net)"


def test_an_answer_listing_open_roles_names_each_and_how_many_more() -> None:
    def role(n: int) -> Role:
        return Role(
            f"r{n}", f"*Analyst* {n} @everyone", "full-time", "Acme", None, "Oslo", None, None,
            f"https://acme.example.org/{n}", "a.md", None, None, "open",
        )

    answer = Answer("what jobs are open at *acme*?", True, (), roles=(role(1), role(2)), verdict="answer", listed=7)
    embed = answer_embed(answer)
    assert embed.title == "what jobs are open at \\*acme\\*?"
    (field,) = embed.fields
    assert field.name == "Open roles (7)"
    assert field.value.splitlines() == [
        "• **\\*Analyst\\* 1 @\u200beveryone** — Acme · Oslo",
        "• **\\*Analyst\\* 2 @\u200beveryone** — Acme · Oslo",
        "… and 5 more: use /roles",
    ]


def test_link_url_refuses_what_could_break_out_of_a_link() -> None:
    from bot.discord_bot.render import link_url

    assert link_url("https://jobs.example.net/1?a=b") == "https://jobs.example.net/1?a=b"
    for bad in (
        "javascript:alert(1)",
        "https://x.net/a) [@everyone](http://evil",
        "https://a b",
        "ftp://x.net/f",
    ):
        assert link_url(bad) is None


def test_cooldown_per_member() -> None:
    now = [100.0]
    cooldown = Cooldown(5, clock=lambda: now[0])
    assert cooldown.retry_after(1) == 0 and cooldown.retry_after(2) == 0
    now[0] = 103.0
    assert cooldown.retry_after(1) == 2.0
    now[0] = 105.0
    assert cooldown.retry_after(1) == 0
    cooldown.release(1)  # its question failed: the member may ask again at once
    assert cooldown.retry_after(1) == 0 and cooldown.retry_after(1) == 5.0


def _interaction(manage_guild: bool, role_names: list[str]) -> SimpleNamespace:
    class FakeMember(discord.Member):  # isinstance checks only
        def __init__(self) -> None:
            pass

    member = FakeMember.__new__(FakeMember)
    roles = [SimpleNamespace(id=100 + i, name=n) for i, n in enumerate(role_names)]
    type(member).roles = property(lambda self: roles)  # type: ignore[assignment]
    return SimpleNamespace(
        guild=object(), user=member, permissions=discord.Permissions(manage_guild=manage_guild)
    )


def test_moderators_by_permission_or_configured_role() -> None:
    assert is_moderator(_interaction(True, []), ())
    assert not is_moderator(_interaction(False, ["Members"]), ("Mods",))
    assert is_moderator(_interaction(False, ["mods"]), ("Mods",))
    assert is_moderator(_interaction(False, ["x"]), ("100",))  # by role id
    dm = SimpleNamespace(guild=None, user=None, permissions=discord.Permissions.all())
    assert not is_moderator(dm, ())


def test_document_text_cannot_break_out_of_a_masked_link() -> None:
    from bot.discord_bot.render import role_embed

    role = Role(
        "a",
        "Cook",
        None,
        None,
        None,
        None,
        None,
        None,
        "https://diner.example.net/a",
        "a.md",
        None,
        None,
        "open",
    )
    embed = role_embed(role, "Jobs](https://evil.example.net) [@everyone", "https://diner.example.net/jobs")
    source = next(f.value for f in embed.fields if f.name == "Source")
    assert source == "[Jobs\\](https://evil.example.net) \\[@\u200beveryone](https://diner.example.net/jobs)"
