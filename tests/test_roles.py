from datetime import date
from pathlib import Path

from bot.app import build_services, snapshot_from_folder
from bot.config import Settings
from bot.documents.roles import link_problem
from bot.models import Role
from bot.services.roles import RoleFilter, RoleService
from tests.conftest import line_of, write


def test_seed_roles(seed_services) -> None:
    roles = seed_services.holder.current.corpus.roles
    assert len(roles) == 19  # counted by hand in the seed documents (see conftest.KNOWLEDGE)
    interns = [r for r in roles if r.source == "hf-internships-2023.md"]
    assert len(interns) == 16
    assert {r.team for r in interns} == {"Open Source", "Science", None}
    diffusers = next(r for r in interns if r.title == "Diffusers Internship")
    assert diffusers.team == "Open Source" and diffusers.type == "internship"
    assert diffusers.apply_url == "https://huggingface.workable.com/jobs/2826060"
    assert diffusers.org == "Hugging Face" and diffusers.posted == date(2022, 11, 29)
    # placeholders are never shown as apply links
    embodied = next(r for r in interns if r.title == "Embodied AI Internship")
    assert embodied.apply_url is None
    residency = next(r for r in roles if r.type == "residency")
    assert residency.apply_url is None  # its link ends in TBD
    meta = next(r for r in roles if r.org == "Meta")
    assert meta.compensation == "$7,650/month to $12,134/month"  # the amount, not the line
    assert (meta.title, meta.team) == ("Research Scientist Intern", "AI Alignment")
    engineer = next(r for r in roles if r.source.startswith("hf-ml-engineer"))
    # "- EMEA remote" in its title; no employment type is stated, so none is guessed
    assert (engineer.location, engineer.remote, engineer.type) == ("EMEA", True, None)
    # the Fellowship is by nomination: nothing to apply to, so no role
    assert not any(r.source == "hf-fellowship-program.md" for r in roles)


def test_placeholder_links_are_warned(seed_services) -> None:
    problems = [str(p) for p in seed_services.holder.current.corpus.problems]
    placeholder = line_of("hf-internships-2023.md", "[Embodied AI Internship](http://link)")
    tbd = line_of("hf-ai-research-residency.md", "(https://apply.workable.com/huggingface/j/TBD)")
    assert any(f"hf-internships-2023.md:{placeholder}:" in p and "http://link" in p for p in problems)
    assert any(f"hf-ai-research-residency.md:{tbd}:" in p and "TBD" in p for p in problems)


def test_link_problem() -> None:
    assert link_problem("http://link") == "placeholder link"
    assert "TBD" in link_problem("https://apply.workable.com/huggingface/j/TBD")
    assert link_problem("javascript:alert(1)") == "not an http(s) link"
    assert link_problem("https://jobs.example.org/123") is None
    assert link_problem("https://jobs.example.org/1) [@everyone](http://evil.example.net") is not None


def test_front_matter_roles_open_closed_and_expired(tmp_path: Path) -> None:
    write(
        tmp_path,
        "jobs.md",
        "---\ntitle: Jobs\norg: Acme\nroles:\n"
        "  - {title: Designer, type: contract, apply_url: 'https://acme.example.org/d', closes: 2030-01-01}\n"
        "  - {title: Writer, type: part-time, apply_url: 'https://acme.example.org/w', status: closed}\n"
        "  - {title: Analyst, type: full-time, apply_url: 'https://acme.example.org/a', closes: 2020-01-01}\n"
        "---\nWe hire designers, writers and analysts.\n",
    )
    s = Settings()
    services = build_services(s, snapshot_from_folder(tmp_path, s))
    roles = RoleService(services.holder, today=lambda: date(2025, 6, 1))
    assert [r.title for r in roles.list()] == ["Designer"]
    assert {r.title for r in roles.list(RoleFilter(include_closed=True))} == {"Designer", "Writer", "Analyst"}
    assert roles.list(RoleFilter(type="part-time")) == []
    assert [r.title for r in roles.list(RoleFilter(org="acme"))] == ["Designer"]


def test_filters_and_paging(seed_services) -> None:
    roles = seed_services.roles
    science = roles.list(RoleFilter(org="science"))
    assert len(science) == 8
    assert [r.title for r in roles.list(RoleFilter(query="diffusion models"))] == ["Diffusers Internship"]
    assert roles.list(RoleFilter(location="remote"))[0].source.startswith("hf-ml-engineer")
    page = roles.page(RoleFilter(type="internship"), 2, 5)
    assert (page.number, page.pages, page.total, len(page.roles)) == (2, 4, 17, 5)
    assert roles.page(None, 99, 5).number == roles.page(None, 1, 5).pages  # clamped
    # newest first, undated last
    posted = [r.posted for r in roles.list()]
    dated = [p for p in posted if p]
    assert dated == sorted(dated, reverse=True) and posted[-1] is None


def test_autocomplete_and_get(seed_services) -> None:
    found = seed_services.roles.complete("gradio")
    assert [r.title for r in found] == ["Gradio Internship"]
    assert seed_services.roles.get(found[0].id) == found[0]
    assert seed_services.roles.get("Gradio Internship") == found[0]
    assert seed_services.roles.get("nothing like it") is None


def test_a_posting_with_bold_headings_and_an_address_written_out_is_a_role(tmp_path: Path) -> None:
    # Greenhouse's editor makes headings bold paragraphs; the apply address is in a sentence
    role = only_role(
        tmp_path,
        "backend.html",
        "<html><head><title>Quillmoor Labs - Senior Backend Engineer</title></head><body>"
        "<h1>Senior Backend Engineer</h1><p><strong>About the role</strong></p><p>You will build payments."
        "</p><p><strong>Compensation</strong></p><p>The base salary is CA$135,000 per year.</p>"
        "<p><strong>How to apply</strong></p><p>Apply online at https://jobs.example.org/qm/58.</p>"
        "</body></html>",
    )
    assert (role.title, role.org, role.apply_url) == (
        "Senior Backend Engineer",
        "Quillmoor Labs",
        "https://jobs.example.org/qm/58",
    )


def test_a_pasted_header_one_part_a_line_gives_company_and_place(tmp_path: Path) -> None:
    # LinkedIn copied with its line breaks: title, company, place, terms, each on a line
    role = only_role(
        tmp_path,
        "analyst.txt",
        "Supply Chain Data Analyst\nBrackenfold Cider Company\nBristol, England, United Kingdom (Hybrid)\n"
        "Full-time · Mid-Senior level\nPosted 3 days ago · Over 100 applicants\n\n"
        "About the role\nYou will own the weekly demand forecast for our ciders and pubs.\n\n"
        "How to apply\nApply on our careers site: https://careers.example.org/analyst\n",
    )
    assert (role.title, role.org, role.location, role.remote, role.type) == (
        "Supply Chain Data Analyst",
        "Brackenfold Cider Company",
        "Bristol, England, United Kingdom (hybrid)",
        False,
        "full-time",
    )


def test_a_pasted_header_with_a_pay_line_gives_title_organisation_and_pay(tmp_path: Path) -> None:
    # Indeed copied: title, company, place, then the pay and terms; the company's name says
    # it is a body by its last word ("Credit Union", "Transit Authority")
    role = only_role(
        tmp_path,
        "fraud.txt",
        "Fraud Operations Analyst I\nFernbrook Regional Credit Union\nRiverton, TS 04471\n"
        "$24.50 - $29.00 an hour - Full-time\n\n"
        "About the job\nYou will investigate card and payment fraud alerts for our members.\n",
    )
    assert (role.title, role.org, role.compensation) == (
        "Fraud Operations Analyst I",
        "Fernbrook Regional Credit Union",
        "$24.50 - $29.00 an hour",
    )


def test_a_careers_pages_entry_and_the_posting_of_that_role_are_one_role(tmp_path: Path) -> None:
    # the page lists the role with its apply link; the posting, copied from a job board, has
    # the pay but no link: members are offered one role with both
    write(
        tmp_path,
        "careers.md",
        "# Careers at Fernbrook Regional Credit Union\n\n## Open positions\n\nCurrent openings include:\n\n"
        "* [Fraud Operations Analyst I](https://careers.example.org/jobs/FR-44), investigating card fraud alerts.\n"
        "* [IT Service Desk Technician](https://careers.example.org/jobs/IT-12), supporting staff laptops.\n",
    )
    write(
        tmp_path,
        "fraud.txt",
        "Fraud Operations Analyst I\nFernbrook Regional Credit Union\nRiverton, TS 04471\n"
        "$24.50 - $29.00 an hour - Full-time\n\n"
        "About the job\nYou will investigate card and payment fraud alerts for our members.\n",
    )
    settings = Settings()
    services = build_services(settings, snapshot_from_folder(tmp_path, settings))
    roles = {role.title: role for role in RoleService(services.holder).list()}
    assert sorted(roles) == ["Fraud Operations Analyst I", "IT Service Desk Technician"]
    fraud = roles["Fraud Operations Analyst I"]
    assert (fraud.source, fraud.compensation, fraud.apply_url) == (
        "fraud.txt",
        "$24.50 - $29.00 an hour",
        "https://careers.example.org/jobs/FR-44",
    )
    # the posting's own title names the role, so the page that lists it does not: a question
    # naming it is answered from the posting, not from the page's other entries
    names = services.holder.current.names.by_doc
    assert "fraud" not in names[0] and "fraud" in names[1]


def only_role(folder: Path, name: str, text: str) -> Role:
    """Write one file to a knowledge folder and return the one open role read from it."""
    write(folder, name, text)
    settings = Settings()
    services = build_services(settings, snapshot_from_folder(folder, settings))
    (role,) = RoleService(services.holder).list()
    return role


def test_each_role_of_a_markdown_careers_page_has_its_own_place(tmp_path: Path) -> None:
    write(
        tmp_path,
        "careers.md",
        "# Careers at Pellucine Robotics\n\n"
        "## Embedded Firmware Engineer\n\n**Location:** Utrecht, Netherlands — on site 4 days a week\n"
        "**Salary:** €62,000 – €76,000 per year\n\nYou will write firmware.\n\n"
        "[Apply for Embedded Firmware Engineer](https://pellucine.example/apply/firmware)\n\n"
        "## Product Designer\n\n**Location:** Remote within the EU\n**Salary:** €58,000 per year\n\n"
        "You will design apps.\n\n[Apply for Product Designer](https://pellucine.example/apply/designer)\n",
    )
    settings = Settings()
    services = build_services(settings, snapshot_from_folder(tmp_path, settings))
    roles = {r.title: r for r in RoleService(services.holder).list()}
    firmware, designer = roles["Embedded Firmware Engineer"], roles["Product Designer"]
    assert (firmware.org, firmware.location, firmware.remote) == ("Pellucine Robotics", "Utrecht, Netherlands (on-site)", False)
    assert (designer.location, designer.remote) == ("EU", True)


def test_a_position_linked_by_path_applies_on_the_pages_own_site(tmp_path: Path, settings: Settings) -> None:
    # a careers page copied from the web links its positions by path: the apply link is
    # the path on the page's own address (its canonical link); without an address it is
    # no link, and a warning says why
    items = (
        '<li><a href="/careers/cellar-hand">Cellar Hand</a>, pressing and racking our ciders</li>'
        '<li><a href="/careers/sales-lead">Trade Sales Lead</a>, looking after pubs and shops</li>'
    )
    page = "<h1>Careers at Fernhill Cider</h1><h2>Open positions</h2><ul>{}</ul>"
    (tmp_path / "careers.html").write_text(
        '<html><head><title>Careers at Fernhill Cider</title><link rel="canonical" '
        f'href="https://fernhill.example.org/careers"></head><body>{page.format(items)}</body></html>',
        encoding="utf-8",
    )
    (tmp_path / "copied.html").write_text(
        f"<html><body>{page.format(items).replace('Fernhill', 'Orchard Row')}</body></html>", encoding="utf-8"
    )
    snap = snapshot_from_folder(tmp_path, settings)
    links = {(r.source, r.title): r.apply_url for r in snap.corpus.roles}
    assert links[("careers.html", "Cellar Hand")] == "https://fernhill.example.org/careers/cellar-hand"
    assert links[("careers.html", "Trade Sales Lead")] == "https://fernhill.example.org/careers/sales-lead"
    assert links[("copied.html", "Cellar Hand")] is None
    assert any("copied.html" in str(p) and "/careers/cellar-hand" in str(p) for p in snap.corpus.problems)


def test_each_row_of_a_table_of_positions_is_a_role(tmp_path: Path, settings: Settings) -> None:
    # a careers page's table, one position a row: each is a role with its own place, pay,
    # terms, closing date and apply link; a row that closes "Rolling" does not take another
    # row's date, and a table of people ("Name", "Role") lists no positions
    rows = (
        '<tr><td><a href="https://brackenfield.example/jobs/2291">Night Shift Supervisor</a></td>'
        "<td>Hollinsgate DC</td><td>Permanent, full-time</td><td>£38,500 a year</td><td>15 March 2099</td></tr>"
        '<tr><td><a href="https://brackenfield.example/jobs/2310">Reach Truck Operator</a></td>'
        "<td>Wakefield depot</td><td>Temporary to permanent</td><td>£14.20 an hour</td><td>Rolling</td></tr>"
    )
    (tmp_path / "careers.html").write_text(
        "<html><head><title>Careers at Brackenfield Freight</title></head><body>"
        "<h1>Careers at Brackenfield Freight</h1><h2>Current openings</h2><table><thead><tr><th>Role</th>"
        f"<th>Location</th><th>Contract</th><th>Pay</th><th>Closing date</th></tr></thead><tbody>{rows}</tbody></table>"
        "<h2>Our mentors</h2><table><tr><th>Name</th><th>Role</th></tr><tr><td>Ana Silva</td><td>Lead mentor</td></tr>"
        "<tr><td>Bo Chen</td><td>Site mentor</td></tr></table></body></html>",
        encoding="utf-8",
    )
    snap = snapshot_from_folder(tmp_path, settings)
    roles = {r.title: r for r in snap.corpus.roles}
    assert set(roles) == {"Night Shift Supervisor", "Reach Truck Operator"}
    # a row is one line of the page's passage: its title is no name of the page (its words find it)
    assert not {"reach", "truck"} & {w for name in snap.names.by_doc for w in name}
    night, reach = roles["Night Shift Supervisor"], roles["Reach Truck Operator"]
    assert (night.location, night.compensation, night.type) == ("Hollinsgate DC", "£38,500 a year", "full-time")
    assert night.closes == date(2099, 3, 15) and night.apply_url == "https://brackenfield.example/jobs/2291"
    assert (reach.location, reach.compensation, reach.closes) == ("Wakefield depot", "£14.20 an hour", None)


def test_a_closing_date_written_day_first_closes_the_role(tmp_path: Path, settings: Settings) -> None:
    # "Closing date: 15 March 2026" (a British posting) and "Apply by Friday 16 January 2026"
    # close their roles as "Deadline: March 15, 2026" does
    write(
        tmp_path,
        "porter.txt",
        "Night Porter\nKelsby Hotel - Kelsby\n\nJob details\nPay: £12.60 an hour\n\nAbout the role\n"
        "You will look after guests overnight.\n\nClosing date: 15 March 2026. Apply at https://kelsby.example/apply\n",
    )
    write(
        tmp_path,
        "chef.txt",
        "Sous Chef\nKelsby Hotel - Kelsby\n\nJob details\nPay: £31,000 a year\n\nAbout the role\n"
        "You will run the pass.\n\nApply by Friday 16 January 2026 at https://kelsby.example/chef\n",
    )
    closes = {r.source: r.closes for r in snapshot_from_folder(tmp_path, settings).corpus.roles}
    assert closes == {"porter.txt": date(2026, 3, 15), "chef.txt": date(2026, 1, 16)}


def _careers_with_a_closed_row(tmp_path: Path) -> None:
    rows = (
        '<tr><td><a href="https://tallyfin.example/jobs/ios">Senior iOS Engineer</a></td><td>Mobile</td>'
        "<td>Remote (UK)</td><td>£78,000–£92,000</td><td>20 March 2099</td></tr>"
        '<tr><td><a href="https://tallyfin.example/jobs/success">Customer Success Specialist</a></td><td>Support</td>'
        "<td>Castlebridge (hybrid)</td><td>£29,000</td><td>Rolling</td></tr>"
        '<tr><td><a href="https://tallyfin.example/jobs/design">Product Designer</a></td><td>Design</td>'
        "<td>Remote (UK)</td><td>£55,000</td><td>20 February 2020</td></tr>"
    )
    write(
        tmp_path,
        "careers.html",
        "<html><head><title>Careers at Tallyfin</title></head><body><h1>Careers at Tallyfin</h1>"
        "<p>Tallyfin builds invoicing tools for small businesses.</p><h2>Open roles</h2><table><thead><tr>"
        f"<th>Role</th><th>Team</th><th>Location</th><th>Salary</th><th>Closes</th></tr></thead><tbody>{rows}</tbody>"
        "</table><h2>How we hire</h2><p>We reply to every application within two weeks.</p></body></html>",
    )
    write(
        tmp_path,
        "rangers.md",
        "# Glenmorrow Seasonal Ranger Programme\n\n## Pay\n\nRangers earn £13.10 an hour.\n\n"
        "## How to apply\n\nApply at https://glenmorrow.example/rangers. Applications close: 11 January 2020.\n",
    )


def test_a_careers_tables_closes_column_closes_its_rows(tmp_path: Path, settings: Settings) -> None:
    _careers_with_a_closed_row(tmp_path)
    roles = {r.title: r for r in snapshot_from_folder(tmp_path, settings).corpus.roles}
    assert roles["Product Designer"].closes == date(2020, 2, 20)
    assert roles["Senior iOS Engineer"].closes == date(2099, 3, 20)


def test_a_question_asking_which_roles_are_open_is_answered_with_them(tmp_path: Path, settings: Settings) -> None:
    # "what jobs are open at tallyfin?" is answered by the open roles themselves (the closed
    # ones left out), after the passage that lists them; the words that narrow it are the
    # roles' own (a place, a word of a title)
    _careers_with_a_closed_row(tmp_path)
    answers = build_services(settings, snapshot_from_folder(tmp_path, settings)).answers
    answer = answers.ask("what jobs are open at tallyfin?")
    assert answer.answered and answer.verdict == "answer" and answer.listed == 2
    assert [r.title for r in answer.roles] == ["Customer Success Specialist", "Senior iOS Engineer"]
    assert answer.to_json()["open_roles"] == 2
    assert [r["title"] for r in answer.to_json()["roles"]] == ["Customer Success Specialist", "Senior iOS Engineer"]
    for narrowing in ("any remote engineer openings?", "are there any remote jobs?"):
        narrowed = answers.ask(narrowing)
        assert [r.title for r in narrowed.roles] == ["Senior iOS Engineer"] and narrowed.listed == 1, narrowing
    # a question about one role, or about what a role does, lists nothing
    for other in (
        "what does the senior ios engineer job pay?",
        "which role works on invoicing tools?",
    ):
        assert answers.ask(other).listed == 0, other
    # nothing open that it asks for: answered from the documents, as any question
    assert answers.ask("are the rangers hiring?").listed == 0


def test_a_listing_shows_at_most_listed_roles_and_says_how_many_more(tmp_path: Path, settings: Settings) -> None:
    from dataclasses import replace

    from bot.cli import render_answer

    _careers_with_a_closed_row(tmp_path)
    one = replace(settings, answers=replace(settings.answers, listed_roles=1))
    answer = build_services(one, snapshot_from_folder(tmp_path, one)).answers.ask("what roles are open?")
    assert (len(answer.roles), answer.listed) == (1, 2)
    text = render_answer(answer)
    assert "Open roles (2):" in text and "… and 1 more: python -m bot roles" in text
    off = replace(settings, answers=replace(settings.answers, listed_roles=0))
    assert build_services(off, snapshot_from_folder(tmp_path, off)).answers.ask("what roles are open?").listed == 0


def test_closing_dates_under_the_labels_careers_pages_use() -> None:
    from bot.documents.roles import DEADLINE

    for text in ("Closes: 20 Feb 2026", "Closing: 20 February 2026", "Close date: 2026-02-20", "Closing date: 20 February 2026"):
        match = DEADLINE.search(f"Role: Analyst; Team: Data; {text}")
        assert match is not None and match.group(1).replace("Feb ", "February ") in ("20 February 2026", "2026-02-20"), text
    # prose that closes something else, with no label, closes no role
    for text in (
        "The building closes from 24 to 27 December 2025.",
        "We are closing 5 March 2026 for refurbishment.",
        "The office closes on 24 December 2025 for the holidays.",
    ):
        assert DEADLINE.search(text) is None, text


def test_a_follow_up_asking_which_roles_are_open_keeps_the_organisation(tmp_path: Path, settings: Settings) -> None:
    # "what jobs are open at tallyfin?" then "any remote ones?": the remote roles of Tallyfin,
    # not every remote role of the knowledge base
    from datetime import UTC, datetime

    from bot.services.answers import Turn

    _careers_with_a_closed_row(tmp_path)
    write(
        tmp_path,
        "other.md",
        "---\ntitle: Support Agent\ncompany: Brackenfield Freight\nkind: posting\nlocation: Remote (UK)\nremote: true\n---\n\n"
        "# Support Agent\n\n## How to apply\n\nApply at https://brackenfield.example/jobs/support.\n",
    )
    answers = build_services(settings, snapshot_from_folder(tmp_path, settings)).answers
    now = datetime.now(UTC)
    first = answers.ask("what jobs are open at tallyfin?", now=now)
    assert first.listed == 2
    follow = answers.ask("any remote ones?", history=[Turn(first.question, now, first.topic)], now=now)
    assert [r.title for r in follow.roles] == ["Senior iOS Engineer"] and follow.listed == 1
    alone = answers.ask("any remote ones?", now=now)
    assert sorted(r.title for r in alone.roles) == ["Senior iOS Engineer", "Support Agent"]


def test_what_a_programme_offers_its_interns_is_no_listing_of_roles() -> None:
    from bot.services.roles import asks_for_openings

    def every_word_names_a_role(word: str) -> bool:
        return True

    assert asks_for_openings("any internships going at acme?", every_word_names_a_role) == ["internships", "acme"]
    for asked in ("what support is available for interns?", "what learning opportunities are there?"):
        assert asks_for_openings(asked, every_word_names_a_role) is None, asked


def test_an_income_limit_for_applicants_is_no_pay() -> None:
    from bot.documents.roles import _pay_in
    from bot.search.answer_type import holds_as_asked

    limit = "You can apply if your household income is below £30,000 a year."
    assert _pay_in(limit) is None
    assert _pay_in("Stipend: £150 a week if your household income is under £25,000 a year.") == "£150 a week"
    assert _pay_in("You will earn £25,000 a year.") == "£25,000 a year"
    assert not holds_as_asked(limit, "amount", "how much do evening cohort scholars get paid", None)
    assert holds_as_asked("The £31,500 salary is subject to income tax.", "amount", "fellowship salary?", None)


def test_a_closing_date_said_after_its_hour_or_by_numbers_on_a_page_in_pounds() -> None:
    from bot.documents.roles import DEADLINE, _numeric_date

    for text in ("Closing date: 9am, Monday 10 November 2025", "Closing date: Midnight, Sunday 10 November 2025"):
        match = DEADLINE.search(text)
        assert match is not None and match.group(1) == "10 November 2025", text
    assert _numeric_date(10, 11, 2025) is None  # 10 November or October 11
    assert _numeric_date(10, 11, 2025, day_first=True) == date(2025, 11, 10)
    assert _numeric_date(14, 3, 2025) == date(2025, 3, 14)
