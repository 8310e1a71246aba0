"""Roles as the postings state them: JSON-LD, titles from the text, place, pay, closing, stale."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bot.app import build_services, snapshot_from_folder
from bot.cli import main
from bot.config import Settings, load_settings
from bot.documents.document import DocumentError, clean_page_title, parse_document
from bot.documents.roles import read_place, role_type
from bot.services.roles import RoleFilter, RoleService
from tests.conftest import KNOWLEDGE, ROOT, write

POSTINGS = Path(__file__).resolve().parent / "data" / "postings"


@pytest.fixture(scope="module")
def shipped() -> Settings:
    return load_settings(ROOT / "config.yaml")


@pytest.fixture(scope="module")
def roles(shipped: Settings) -> dict[str, object]:
    corpus = snapshot_from_folder(POSTINGS, shipped).corpus
    return {r.id: r for r in corpus.roles}


def test_json_ld_job_posting_is_read(roles) -> None:
    role = roles["community-ml-intern"]
    assert role.title == "Community ML Intern (Summer 2026)"  # not the <title> with its site suffix
    assert (role.org, role.type, role.remote, role.location) == ("Hugging Face", "internship", True, "France")
    assert role.compensation == "€2,000–€2,500 per month"
    assert (role.posted, role.closes) == (date(2026, 3, 2), date(2026, 12, 15))
    assert role.apply_url == "https://apply.workable.com/huggingface/j/ABC123/apply"
    # its own first sentences about the role, not the company's boilerplate
    assert role.description.startswith("As a Community ML Intern you will help")


def test_json_ld_inside_a_graph(roles) -> None:
    role = roles["greenhouse-backend"]
    assert (role.title, role.org, role.type) == ("Senior Backend Engineer", "Northwind Labs", "full-time")
    assert role.location == "Toronto, ON, CA" and role.posted == date(2026, 10, 1)
    assert role.compensation == "CAD 150,000–185,000 per year"


def test_og_title_labels_and_hourly_pay(roles) -> None:
    role = roles["lever-page"]
    assert role.title == "Field Robotics Technician" and role.org == "Acme Robotics"
    assert (role.location, role.remote, role.type) == ("Americas", True, "contract")
    assert role.compensation == "USD 38 - 45 per hour"


def test_job_board_markup_without_json_ld(roles) -> None:
    role = roles["lever-no-jsonld"]
    assert role.title == "Site Reliability Engineer"  # the og:title part that heads the page
    assert (role.org, role.location, role.type) == ("Globex Corporation", "Toronto, ON", "full-time")
    assert role.description == "In this role you will keep our clusters healthy and improve how we deploy."
    assert role.apply_url == "https://jobs.lever.co/globex/77/apply"


def test_job_board_byline_copied_with_the_text(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "linkedin-copy.md",
        "# Machine Learning Engineer\n\nAcme Robotics · Berlin, Germany (Hybrid) · 2 weeks ago · Over 100 applicants\n\n"
        "Full-time · Mid-Senior level\n\n## About the job\n\nAcme builds robots for warehouses. You will train "
        "the perception models that let our robots pick parcels.\n\n[Apply](https://www.linkedin.com/jobs/view/123/apply)\n",
    )
    (role,) = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert (role.org, role.location, role.remote, role.type) == (
        "Acme Robotics",
        "Berlin, Germany (hybrid)",
        False,
        "full-time",
    )
    assert role.description == "You will train the perception models that let our robots pick parcels."


def test_a_careers_pages_byline_may_open_with_the_department(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "careers.html",
        "<html><head><title>Senior Platform Engineer | Careers</title></head><body><main>"
        "<h1>Senior Platform Engineer</h1><p>Engineering &middot; Rotterdam, the Netherlands (hybrid) &middot;"
        " Full-time</p><h2>About Kestrune</h2><p>Kestrune builds open tooling for sensor data.</p>"
        "<h2>About the role</h2><p>You will run our storage layer.</p>"
        '<p><a href="https://kestrune.example/apply/1">Apply now</a></p></main></body></html>',
    )
    (role,) = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert role.org == "Kestrune"


def test_json_ld_list_of_postings_gives_one_role_each(tmp_path: Path, shipped) -> None:
    postings = [
        {
            "@type": "JobPosting",
            "title": title,
            "hiringOrganization": "Initech",
            "url": f"https://jobs.initech.example.net/{n}",
        }
        for n, title in enumerate(["Accountant", "Office Manager"])
    ]
    script = json.dumps([{"@type": "Organization", "name": "Initech"}, *postings])
    write(
        tmp_path,
        "jobs.html",
        f'<html><head><script type="application/ld+json">{script}</script></head><body><h1>Jobs</h1></body></html>',
    )
    roles = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert [(r.title, r.org, r.apply_url) for r in roles] == [
        ("Accountant", "Initech", "https://jobs.initech.example.net/0"),
        ("Office Manager", "Initech", "https://jobs.initech.example.net/1"),
    ]


def test_broken_json_ld_is_skipped(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "page.html",
        '<html><head><title>Cook - Diner - Careers</title><script type="application/ld+json">{"@type": "JobPosting", "title": </script></head><body><p>Apply at <a href="https://diner.example.net/apply">our site</a>.</p></body></html>',
    )
    (role,) = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert role.title == "Cook - Diner" and role.apply_url == "https://diner.example.net/apply"


@pytest.mark.parametrize("name", ["posting-1.txt", "job.txt", "meta-intern-2026.txt", "x.txt"])
def test_plain_text_title_comes_from_the_text_not_the_file_name(tmp_path: Path, shipped, name: str) -> None:
    write(tmp_path, name, (POSTINGS / "posting-1.txt").read_text(encoding="utf-8"))
    (role,) = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert (role.title, role.team) == ("Applied Scientist", "Routing Research")
    assert (role.location, role.remote) == ("Canada", True)
    assert role.compensation == "CAD 150,000–185,000 a year"
    assert role.type is None  # not stated: not guessed


def test_seed_meta_posting_renamed_keeps_its_title(tmp_path: Path, shipped) -> None:
    text = (KNOWLEDGE / "meta-research-scientist-intern-ai-alignment.txt").read_bytes()
    write(tmp_path, "meta-intern-2026.txt", text)
    (role,) = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert (role.title, role.team, role.org) == ("Research Scientist Intern", "AI Alignment", "Meta")
    assert not role.description.startswith("Meta is committed")


def test_plain_text_faq_section_heading_is_not_taken_for_a_title(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "summer-camp.txt",
        "Our summer camp runs for two weeks in July and every child is welcome to join us.\n\n"
        "Eligibility\n\nChildren aged 8 to 14 can take part.\n",
    )
    (doc,) = snapshot_from_folder(tmp_path, shipped).corpus.documents
    assert doc.title == "Summer Camp"


def test_file_name_title_is_reported(tmp_path: Path, capsys) -> None:
    write(
        tmp_path,
        "acme-gardener.txt",
        "we need someone to water the plants every day.\n\napply: https://acme.example.net/jobs/1\n",
    )
    assert main(["kb", "check", "--knowledge", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "acme-gardener.txt:1: warning: title 'Acme Gardener' taken from the file name" in out


def test_front_matter_status_closed_applies_to_the_document_and_keeps_fields(roles) -> None:
    role = roles["closed-posting"]
    assert role.status == "closed"
    assert (role.location, role.remote, role.compensation) == (
        "Berlin (hybrid)",
        False,
        "€70,000–€85,000 per year",
    )
    assert role.apply_url == "https://jobs.brightwave.example.net/data-engineer"


def test_closes_at_top_level_and_entries_merge_over_extracted_roles(roles) -> None:
    front = roles["closes-and-entries/frontend-engineer"]
    support = roles["closes-and-entries/support-specialist"]
    designer = roles["closes-and-entries/product-designer"]
    assert all(r.closes == date(2026, 12, 31) for r in (front, support, designer))
    assert front.location == "Lisbon"  # from its entry
    assert front.apply_url == "https://jobs.brightwave.example.net/frontend"  # kept from the text
    assert front.description.startswith("build our web app") and front.team == "Product"
    assert (support.status, designer.status) == ("closed", "open")


def test_cli_lists_closed_roles_only_with_all(capsys) -> None:
    assert main(["roles", "--knowledge", str(POSTINGS), "--json"]) == 0
    open_ids = {r["id"] for r in json.loads(capsys.readouterr().out)}
    assert "closed-posting" not in open_ids and "closes-and-entries/support-specialist" not in open_ids
    assert main(["roles", "--knowledge", str(POSTINGS), "--json", "--all"]) == 0
    assert "closed-posting" in {r["id"] for r in json.loads(capsys.readouterr().out)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EMEA remote", ("EMEA", True)),
        ("Remote (Americas)", ("Americas", True)),
        ("Remote within Canada", ("Canada", True)),
        ("Berlin (hybrid)", ("Berlin (hybrid)", False)),
        ("Remote", (None, True)),
        ("Paris, France", ("Paris, France", None)),
        ("Lisbon, hybrid (3 office days a week)", ("Lisbon (hybrid)", False)),
        ("On-site", ("On-site", False)),
        ("Tallinn, Estonia, or remote within the EU", ("Tallinn, Estonia, or remote within the EU", True)),
    ],
)
def test_read_place(text: str, expected) -> None:
    assert read_place(text, loose=True) == expected


def test_prose_about_remote_options_does_not_make_a_role_remote() -> None:
    assert read_place("We offer flexible working hours and remote options.") == (None, None)


@pytest.mark.parametrize(
    ("title", "owners", "clean"),
    [
        (
            "Community ML Intern (Summer 2026) - Hugging Face - Careers",
            ("Hugging Face",),
            "Community ML Intern (Summer 2026)",
        ),
        ("Acme - Staff Engineer", ("Acme",), "Staff Engineer"),
        ("Job Application for Data Analyst at Acme", (), "Data Analyst"),
        ("Acme hiring Product Designer in Berlin, Germany | LinkedIn", (), "Product Designer"),
        ("Senior Engineer | Acme Careers", (), "Senior Engineer"),
    ],
)
def test_page_title_suffixes_are_removed(title: str, owners, clean: str) -> None:
    assert clean_page_title(title, owners) == clean


# -- front matter types (issue 11, serious 1) --------------------------------------------------


@pytest.mark.parametrize(
    ("front", "line", "words"),
    [
        ("title: Jobs\nroles:\n  - title: Cook\n    team: 456\n", 5, "role 1: 'team' must be text"),
        (
            "title: Jobs\nroles:\n  - title: Cook\n    location: [Oslo, Bergen]\n",
            5,
            "'location' must be text, not a list",
        ),
        (
            "title: Jobs\nroles:\n  - title: Cook\n    org: {name: Acme}\n",
            5,
            "'org' must be text, not a mapping",
        ),
        (
            "title: Jobs\nroles:\n  - title: Cook\n  - title: Baker\n    remote: maybe\n",
            6,
            "role 2: 'remote' must be true or false",
        ),
        ("title: [a, b]\n", 2, "'title' must be text"),
        ("org: 12\n", 2, "'org' must be text"),
        ("status: finished\n", 2, "'status' must be one of open, closed"),
        ("closes: next week\n", 2, "'closes' must be a date"),
        ("roles: {title: Cook}\n", 2, "'roles' must be a list"),
    ],
)
def test_wrong_typed_front_matter_is_an_error_with_its_line(front: str, line: int, words: str) -> None:
    with pytest.raises(DocumentError) as err:
        parse_document(f"---\n{front}---\nWe hire cooks.\n".encode(), "jobs.md", [])
    assert err.value.line == line and words in str(err.value)


def test_unknown_front_matter_key_is_a_warning_naming_the_known_ones() -> None:
    problems: list = []
    parse_document(
        b"---\ntitle: Jobs\nstatuss: closed\nthumbnail: x.png\n---\nBody text.\n", "jobs.md", problems
    )
    (warning,) = problems
    assert warning.line == 3 and "'statuss'" in warning.message and "did you mean 'status'" in warning.message
    assert "known fields: title, url, published, kind, org, type, status, closes, location, remote, compensation, team, apply_url, roles" in warning.message


def test_front_matter_fields_under_other_common_names_are_read() -> None:
    # a blog's "link" and "date", a job board's "company" and "deadline": read as the fields
    # they name, without a warning
    problems: list = []
    doc = parse_document(
        b"---\ntitle: Jobs\nlink: https://acme.example/jobs\ndate: 2025-01-14\ncompany: Acme Bakery\n"
        b"deadline: 2025-03-01\n---\nWe hire cooks.\n",
        "jobs.md",
        problems,
    )
    assert problems == []
    assert doc.url == "https://acme.example/jobs" and doc.published == date(2025, 1, 14)
    assert doc.front_matter.org == "Acme Bakery" and doc.front_matter.closes == date(2025, 3, 1)
    # the field's own name wins over another name for it
    doc = parse_document(
        b"---\ntitle: Jobs\nurl: https://acme.example/a\nlink: https://acme.example/b\n---\nWe hire cooks.\n",
        "jobs.md",
        [],
    )
    assert doc.url == "https://acme.example/a"
    # another name's value that is not the field's type is a warning with its line; the file stays
    problems = []
    doc = parse_document(b"---\ntitle: Jobs\ndate: last spring\n---\nWe hire cooks.\n", "jobs.md", problems)
    (warning,) = problems
    assert warning.line == 3 and "'date' is read as 'published'" in warning.message and "must be a date" in warning.message
    # an unsafe address under another name is reported under the name and on the line the file uses
    problems = []
    doc = parse_document(
        b"---\ntitle: Jobs\norg: Acme\nlink: javascript:alert(1)\n---\nWe hire cooks.\n", "jobs.md", problems
    )
    (warning,) = problems
    assert warning.line == 4 and "front matter 'link' is not used" in warning.message
    assert doc.url is None
    assert doc.title == "Jobs" and doc.published is None


def test_wrong_typed_role_field_never_reaches_answers_or_listings(tmp_path: Path) -> None:
    write(tmp_path, "good.md", "# Residency\n\nThe residency lasts nine months and is paid.\n")
    write(
        tmp_path, "jobs.md", "---\ntitle: Jobs\nroles:\n  - title: Cook\n    team: 456\n---\nWe hire cooks.\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot", "kb", "check", "--knowledge", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
    problems = [ln.strip() for ln in result.stdout.splitlines() if "jobs.md" in ln]
    assert problems == [
        "jobs.md:5: error: role 1: 'team' must be text, not a number (put it in quotes: team: \"456\")"
    ]
    for argv in (["roles"], ["ask", "How long is the residency?"]):
        run = subprocess.run(
            [sys.executable, "-m", "bot", *argv, "--knowledge", str(tmp_path)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
        assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr


def test_a_stored_role_of_the_wrong_type_cannot_crash_listings(seed_services, shipped: Settings) -> None:
    from bot.documents.loader import FileResult, assemble
    from bot.models import Role
    from bot.services.current import SnapshotHolder
    from bot.snapshot import Snapshot

    bad = Role(
        "jobs/cook", "Cook", None, ["Acme"], 456, {"a": 1}, "yes", None, None, "jobs.md", None, None, "open"
    )
    files = [FileResult("jobs.md", "x", seed_services.holder.current.corpus.documents[0], (), (bad,), ())]
    corpus = assemble(files)
    (role,) = corpus.roles
    assert (role.org, role.team, role.location, role.remote) == (None, "456", None, None)
    holder = SnapshotHolder(Snapshot.from_files(corpus, files, shipped))
    service = RoleService(holder)
    assert [r.title for r in service.list()] == ["Cook"] and service.orgs() == ["456"]
    assert [r.title for r in service.complete("co")] == ["Cook"]


# -- stale roles, filters, autocomplete ----------------------------------------------------------


def test_stale_roles_are_flagged_and_never_offered_with_answers(shipped: Settings, capsys) -> None:
    from bot.services.answers import AnswerService

    services = build_services(shipped, snapshot_from_folder(KNOWLEDGE, shipped))

    def offered(today: date) -> list[str]:
        roles = RoleService(services.holder, today=lambda: today, max_age_days=shipped.roles.max_age_days)
        answers = AnswerService(services.holder, shipped, roles)
        return [r.type for r in answers.ask("Can I do the residency part-time?").roles]

    assert "residency" in offered(date(2022, 6, 1))  # posted 2022-02-25: still fresh
    assert "residency" not in offered(date(2023, 6, 1))  # no closing date, over a year old
    roles = RoleService(services.holder, today=lambda: date(2023, 6, 1), max_age_days=365)
    residency = next(r for r in roles.list() if r.type == "residency")
    assert roles.is_stale(residency)
    interns = [r for r in roles.list() if r.source == "hf-internships-2023.md"]
    assert interns and not any(roles.is_stale(r) for r in interns)  # posted 2022-11-29
    assert main(["roles", "--knowledge", str(KNOWLEDGE), "--json", "--type", "residency"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["stale"] is True  # today it is years old, and still listed
    assert main(["roles", "--knowledge", str(KNOWLEDGE), "--type", "residency"]) == 0
    assert "stale: no closing date" in capsys.readouterr().out
    assert main(["kb", "check", "--knowledge", str(KNOWLEDGE)]) == 0
    assert "hf-ai-research-residency.md:41: warning: role 'AI Research Residency Program' is stale" in (
        capsys.readouterr().out
    )


def test_filters_match_what_members_type(seed_services) -> None:
    roles = seed_services.roles
    emea = roles.list(RoleFilter(location="EMEA"))
    assert [r.source for r in emea] == ["hf-ml-engineer-optimization-emea.md"]
    assert [r.source for r in roles.list(RoleFilter(remote=True))] == ["hf-ml-engineer-optimization-emea.md"]
    assert [r.title for r in roles.list(RoleFilter(query="alignment"))] == ["Research Scientist Intern"]


@pytest.mark.parametrize("typed", ["ml engineer", "machine learn", "enginer optimization", "ML eng"])
def test_role_autocomplete_by_word_initials_and_typos(seed_services, typed: str) -> None:
    found = seed_services.roles.complete(typed)
    assert found and found[0].title.startswith("Machine Learning Engineer")


def test_fellowship_is_by_nomination(seed_services, capsys) -> None:
    (programme,) = seed_services.roles.by_nomination("fellowship")
    assert programme.title == "Hugging Face Fellowship Program"
    assert main(["roles", "--knowledge", str(KNOWLEDGE), "--type", "fellowship"]) == 0
    assert "Hugging Face Fellowship Program is by nomination only" in capsys.readouterr().out


def test_roles_setting_is_typed(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("roles:\n  max_age_days: 90\n")
    assert load_settings(config).roles.max_age_days == 90
    assert replace(Settings()).roles.max_age_days == 365


def test_refresh_keeps_the_last_good_version_of_a_file_with_a_wrong_typed_field(
    tmp_path: Path, capsys
) -> None:
    import shutil

    shutil.copytree(KNOWLEDGE, tmp_path / "knowledge")
    config = tmp_path / "config.yaml"
    config.write_text("knowledge_dir: knowledge\ndatabase: data/bot.db\n")
    assert main(["roles", "--config", str(config), "--json"]) == 0  # first start stores the snapshot
    before = {r["id"] for r in json.loads(capsys.readouterr().out)}
    page = tmp_path / "knowledge" / "hf-internships-2023.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("---\n", "---\nroles:\n  - title: Gradio Internship\n    team: [UI, Demos]\n", 1),
        encoding="utf-8",
    )
    assert main(["kb", "refresh", "--config", str(config), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["broken"] == ["hf-internships-2023.md"]
    assert any(e["line"] == 4 and "'team' must be text, not a list" in e["message"] for e in report["errors"])
    assert main(["roles", "--config", str(config), "--json"]) == 0
    assert {r["id"] for r in json.loads(capsys.readouterr().out)} == before


CAREERS_PAGE = """<html><body><h1>Careers at Ospreyfield</h1>
<p>We are hiring for three roles. All applications close on 2026-11-30.</p>
<h2>Senior Data Engineer</h2>
<p>Location: Glasgow, UK (hybrid) · Type: Full-time, permanent · Salary: £60,000–£70,000 per year</p>
<p>You will build the pipelines that feed our tide models.</p>
<ul><li>5 years of experience</li><li>Python and SQL</li></ul>
<p><a href="https://ospreyfield.example.net/jobs/data-engineer">Apply for Senior Data Engineer</a></p>
<h2>Field Technician</h2>
<p>Location: Oban, UK · Type: 12-month fixed-term contract · Salary: £31,000 per year</p>
<p>You will service our buoys along the west coast.</p>
<p><a href="https://ospreyfield.example.net/jobs/field-technician">Apply for Field Technician</a></p>
<h2>Benefits for all staff</h2>
<ul><li>30 days of leave</li><li>A learning budget of £1,000 a year</li></ul>
<h2>Hiring process</h2>
<p>A call, a task and an interview.</p>
</body></html>"""


def test_a_careers_page_gives_one_role_per_position_section(tmp_path: Path, shipped) -> None:
    write(tmp_path, "careers.html", CAREERS_PAGE)
    roles = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert [(r.title, r.location, r.remote, r.compensation, r.apply_url) for r in roles] == [
        (
            "Senior Data Engineer",
            "Glasgow, UK (hybrid)",
            False,
            "£60,000–£70,000 per year",
            "https://ospreyfield.example.net/jobs/data-engineer",
        ),
        ("Field Technician", "Oban, UK", None, "£31,000 per year", "https://ospreyfield.example.net/jobs/field-technician"),
    ]
    assert [r.type for r in roles] == ["full-time", "contract"]
    assert all(r.closes == date(2026, 11, 30) for r in roles)  # said once for all roles
    assert roles[0].description == "You will build the pipelines that feed our tide models."


def test_one_position_section_is_not_a_list_of_positions(tmp_path: Path, shipped) -> None:
    page = CAREERS_PAGE.split("<h2>Field Technician</h2>")[0] + "</body></html>"
    write(tmp_path, "careers.html", page)
    (role,) = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert role.id == "careers"  # the page's own role, as before
    assert role.location == "Glasgow, UK (hybrid)"  # one part of the "·" line, not the whole line


def test_a_list_of_positions_without_links(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "work-with-us.md",
        "# Work at Ospreyfield\n\n## Open roles\n\n"
        "- Backend Engineer (Go) – Lisbon, hybrid (3 office days a week). Permanent, full-time. EUR 62,000 to 75,000 per year.\n"
        "- Product Designer – Remote within the EU. Permanent, full-time. EUR 48,000 to 58,000 per year.\n\n"
        "## Benefits\n\n- 25 days of paid vacation – plus your birthday off\n",
    )
    roles = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert [(r.title, r.location, r.remote, r.type, r.compensation, r.apply_url) for r in roles] == [
        ("Backend Engineer (Go)", "Lisbon (hybrid)", False, "full-time", "EUR 62,000 to 75,000 per year", None),
        ("Product Designer", "EU", True, "full-time", "EUR 48,000 to 58,000 per year", None),
    ]


def test_plain_text_byline_under_the_title_is_not_part_of_it(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "intern.txt",
        "Data Science Intern – Remote (EU)\nOspreyfield · Internship · Remote within the EU\n\n"
        "About the internship\nYou will analyse usage data and design A/B tests for our route planner.\n\n"
        "Hiring process\n1. A video call\n2. A case study\nAll interviews are held by video.\n\n"
        "How to apply\nApply at https://ospreyfield.example.net/jobs/ds-intern by 8 February 2026.\n",
    )
    corpus = snapshot_from_folder(tmp_path, shipped).corpus
    (role,) = corpus.roles
    assert role.title == "Data Science Intern – Remote (EU)"
    assert (role.org, role.type, role.remote) == ("Ospreyfield", "internship", True)
    # the heading over a numbered list keeps its list, a closing line under it included
    (hiring,) = [p for p in corpus.passages if p.section == "Hiring process"]
    assert "A case study" in hiring.text and "All interviews are held by video." in hiring.text


def test_positions_grouped_by_department_under_an_open_positions_heading(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "careers.md",
        "# Work With Us\n\n## Open positions\n\n### Brewhouse and production\n\n"
        "* [Cellar Technician](https://brew.example.org/careers/cellar) — early mornings; fermentation and tank cleaning. $21–$24/hour.\n"
        "* [Packaging Line Lead](https://brew.example.org/careers/packaging) — run our canning line. $23–$26/hour.\n\n"
        "### Taproom and kitchen\n\n"
        "* [Line Cook](https://brew.example.org/careers/cook) — wood-fired flatbreads, Wednesday to Sunday. $18–$20/hour.\n"
        "* [Taproom Supervisor](https://brew.example.org/careers/taproom) — lead the front-of-house team.\n\n"
        "## How we hire\n\n* [Apply](https://brew.example.org/apply) — each posting lists what to send.\n"
        "* [Meet us](https://brew.example.org/meet) — a paid trial shift.\n",
    )
    roles = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert [(r.title, r.compensation, r.apply_url) for r in roles] == [
        ("Cellar Technician", "$21–$24/hour", "https://brew.example.org/careers/cellar"),
        ("Packaging Line Lead", "$23–$26/hour", "https://brew.example.org/careers/packaging"),
        ("Line Cook", "$18–$20/hour", "https://brew.example.org/careers/cook"),
        ("Taproom Supervisor", None, "https://brew.example.org/careers/taproom"),
    ]


def test_a_list_under_a_programme_faq_is_no_list_of_positions(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "internship-faq.md",
        "# Summer Research Internship: FAQ\n\n## The internship\n\n### Which research groups host interns?\n\n"
        "* [Kelp Forest Ecology](https://lab.example.org/kelp) – surveys of kelp canopy\n"
        "* [Ocean Acoustics](https://lab.example.org/acoustics) – hydrophone recordings\n\n"
        "### How do I apply?\n\nApply at https://lab.example.org/apply by 1 March 2027.\n",
    )
    roles = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert all("Kelp" not in r.title and "Acoustics" not in r.title for r in roles)  # research groups, not positions


def test_a_postings_organisation_pay_place_and_title(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "engineer.txt",
        "Broadcast Audio Engineer\nTidewell Public Radio (WTDW 90.1 FM) · Bellmont, OR · Full-time\n"
        "Posted October 28, 2024 · Reference ENG-2411\n\n"
        "About the role\nThe Broadcast Audio Engineer keeps the station on the air.\n\n"
        "Responsibilities\nMaintain studio equipment\nMix live broadcasts\n\n"
        "Minimum qualifications\nAt least 3 years of experience in broadcast engineering\n\n"
        "Schedule\nTuesday through Saturday. Engineers on call receive a $150 weekly on-call stipend.\n\n"
        "Compensation\nThe pay range for this position is $64,000 to $78,000 per year.\n\n"
        "How to apply\nApply at https://radio.example.org/jobs/engineer.\n\n"
        "Tidewell Public Media, Inc. is an equal opportunity employer.\n",
    )
    write(
        tmp_path,
        "supervisor.md",
        "# [Taproom Supervisor – Copperbine Brewing Co-operative](https://brew.example.org/careers/taproom)\n\n"
        "We're Copperbine Brewing Co-operative, a worker-owned brewery.\n\n"
        "## About the Role\n\nThe Taproom Supervisor runs the floor during service.\n\n"
        "## What We're Looking For\n\n* At least two years of bar experience\n\n## Location, Salary & Benefits\n\n"
        "**Location:** Copperbine Taproom, 77 Millrace Lane, Ashford Mills, VT 05734. This is an on-site role; "
        "there is no remote option.\n\n**Salary:** $22.00 per hour\n\n"
        "## How to Apply\n\nApply at https://brew.example.org/careers/taproom/apply.\n\n"
        "Copperbine Brewing Co-operative is an equal opportunity employer.\n",
    )
    roles = {r.id: r for r in snapshot_from_folder(tmp_path, shipped).corpus.roles}
    engineer = roles["engineer"]
    # the call letters are no part of the name; the pay is the one under "Compensation"
    assert (engineer.org, engineer.compensation) == ("Tidewell Public Radio", "$64,000 to $78,000 per year")
    supervisor = roles["supervisor"]
    assert supervisor.title == "Taproom Supervisor"  # the organisation after the dash is not the role's
    assert supervisor.location == "Copperbine Taproom, 77 Millrace Lane, Ashford Mills, VT 05734"
    assert supervisor.remote is False  # said in the sentence after the place


def test_an_equal_opportunity_line_names_the_company_before_its_suffix(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "engineer.txt",
        "Audio Engineer\n\nAbout the role\nYou keep the station on the air.\n\n"
        "How to apply\nApply at https://radio.example.org/jobs/engineer.\n\n"
        "Tidewell Public Media, Inc. is an equal opportunity employer.\n",
    )
    (role,) = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert role.org == "Tidewell Public Media"


def test_pay_said_between_two_amounts_is_a_range() -> None:
    from bot.documents.roles import _pay_in

    assert _pay_in("Salary between €64,000 and €76,000 a year, depending on experience.") == "€64,000 to €76,000 a year"
    assert _pay_in("Pay: USD 32–40 per hour") == "USD 32–40 per hour"


def test_positions_grouped_by_department_under_a_page_that_introduces_them(tmp_path: Path, shipped) -> None:
    # no heading says "positions": the page's opening paragraph does, over department
    # headings whose items each link to a position; the deadline one item states is its own
    write(
        tmp_path,
        "careers.md",
        "# Careers at Halden Bio\n\nBelow are all of our current openings. Click a position to apply.\n\n"
        "## Research (Durham)\n\n"
        "* [Lab Manager, Durham R&D](https://jobs.example.org/ops-2), keeping our research lab running.\n"
        "* [Bioinformatics Associate](https://jobs.example.org/cb-1), building sequencing pipelines.\n\n"
        "## Internships\n\n"
        "* [Summer Intern](https://jobs.example.org/intern), twelve weeks (applications close November 15, 2030).\n"
        "* [Winter Intern](https://jobs.example.org/winter), eight weeks in our QC lab.\n\n"
        "## Benefits\n\n* [Our handbook](https://example.org/handbook), everything we offer.\n"
        "* [Our story](https://example.org/story), how we started.\n",
    )
    roles = {r.title: r for r in snapshot_from_folder(tmp_path, shipped).corpus.roles}
    assert sorted(roles) == ["Bioinformatics Associate", "Lab Manager, Durham R&D", "Summer Intern", "Winter Intern"]
    assert roles["Summer Intern"].closes == date(2030, 11, 15)
    assert roles["Lab Manager, Durham R&D"].closes is None and roles["Winter Intern"].closes is None


def test_a_listed_positions_place_after_a_dash_is_its_place(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "careers.md",
        "# Careers at Ridgeway Freight\n\n## Open Positions\n\n"
        "* [Night Dispatcher — Columbus, OH](https://jobs.example.org/2291), matching loads to drivers.\n"
        "* [Data Analyst, Network Planning — Columbus, OH (hybrid)](https://jobs.example.org/2302), SQL models.\n"
        "* [Estimator – Heavy Civil, Moncton NB](https://jobs.example.org/9), pricing bridge work.\n",
    )
    roles = [(r.title, r.location) for r in snapshot_from_folder(tmp_path, shipped).corpus.roles]
    assert roles == [
        ("Night Dispatcher", "Columbus, OH"),
        ("Data Analyst, Network Planning", "Columbus, OH (hybrid)"),
        ("Estimator – Heavy Civil, Moncton NB", None),  # a team before the place: kept as the title says
    ]


def test_a_listed_position_and_its_posting_merge_past_punctuation_and_a_shorter_name(
    tmp_path: Path, shipped
) -> None:
    write(
        tmp_path,
        "careers.md",
        "# Careers at Ridgeway Freight Logistics\n\n## Open Positions\n\n"
        "* [Night Dispatcher — Columbus, OH](https://jobs.example.org/2291), matching loads to drivers.\n"
        "* [Warehouse Supervisor, 2nd Shift — Indianapolis, IN](https://jobs.example.org/2304), a dock team.\n",
    )
    write(
        tmp_path,
        "dispatcher.txt",
        "Night Dispatcher\nRidgeway\nColumbus, OH (Alum Creek Terminal) · Full-time · On-site\n\n"
        "About the Role\nYou will plan and assign loads for roughly 45 drivers overnight.\n\n"
        "Pay\n$24.50/hour to $29.00/hour\n",
    )
    write(
        tmp_path,
        "supervisor.md",
        "# Warehouse Supervisor – 2nd Shift\n\n**Ridgeway Freight Logistics**\n\n## About the role\n\n"
        "You will lead a team of dock associates.\n\n## Location, Salary & Benefits\n\n"
        "Location: Ridgeway Indianapolis Terminal, 6220 Ameriplex Parkway, Indianapolis, IN 46241.\n",
    )
    settings = shipped
    services = build_services(settings, snapshot_from_folder(tmp_path, settings))
    roles = {r.source: r for r in RoleService(services.holder).list()}
    assert sorted(roles) == ["dispatcher.txt", "supervisor.md"]  # one role each, not two
    dispatcher = roles["dispatcher.txt"]
    assert (dispatcher.org, dispatcher.apply_url) == ("Ridgeway Freight Logistics", "https://jobs.example.org/2291")
    assert roles["supervisor.md"].apply_url == "https://jobs.example.org/2304"


def test_a_listed_position_and_its_posting_with_a_qualifier_and_a_fuller_place_merge(tmp_path: Path, shipped) -> None:
    # the posting's title says which intake ("– September 2026 intake") and its place says
    # the city the list's does ("Leeds head office (hybrid)"): one position; another city
    # with the same state is another position
    write(
        tmp_path,
        "careers.html",
        "<html><head><title>Careers at Brackenbury Freight</title></head><body><h1>Careers at Brackenbury Freight</h1>"
        "<h2>Current openings</h2><table><tr><th>Role</th><th>Location</th><th>Pay</th><th>Closing date</th></tr>"
        "<tr><td><a href='https://jobs.example.org/planner'>Graduate Transport Planner</a></td>"
        "<td>Leeds head office (hybrid)</td><td>£29,000 a year</td><td>27 February 2026</td></tr>"
        "<tr><td><a href='https://jobs.example.org/dispatch'>Night Dispatcher</a></td>"
        "<td>Dayton, OH</td><td>$24 an hour</td><td>27 February 2026</td></tr>"
        "</table></body></html>",
    )
    write(
        tmp_path,
        "planner.md",
        "---\ntitle: Graduate Transport Planner – September 2026 intake\ncompany: Brackenbury Freight\n"
        "kind: posting\nlocation: Leeds (hybrid)\n---\n\n# Graduate Transport Planner – September 2026 intake\n\n"
        "## About the scheme\n\nYou will plan loads for 600 trucks.\n",
    )
    write(
        tmp_path,
        "dispatcher.md",
        "---\ntitle: Night Dispatcher\ncompany: Brackenbury Freight\nkind: posting\nlocation: Columbus, OH\n---\n\n"
        "# Night Dispatcher\n\n## About the role\n\nYou will plan and assign loads overnight.\n",
    )
    roles = snapshot_from_folder(tmp_path, shipped).corpus.roles
    titles = sorted((r.title, r.location) for r in roles)
    assert titles == [
        ("Graduate Transport Planner – September 2026 intake", "Leeds (hybrid)"),
        ("Night Dispatcher", "Columbus, OH"),
        ("Night Dispatcher", "Dayton, OH"),
    ]
    planner = next(r for r in roles if r.title.startswith("Graduate"))
    assert planner.apply_url == "https://jobs.example.org/planner"  # what only the list said


def test_a_listed_position_and_its_posting_merge_when_one_says_more_after_the_same_name(
    tmp_path: Path, shipped
) -> None:
    # the list says "Pastry Chef - Helmsley café", the job board "Pastry Chef – Café &
    # Pâtisserie, Helmsley": one position. "(Nights)" and "(Days)" after one name are two.
    write(
        tmp_path,
        "careers.html",
        "<html><head><title>Careers at Marrable's Bakery</title></head><body><h1>Careers at Marrable's Bakery</h1>"
        "<h2>Current openings</h2><table><tr><th>Role</th><th>Location</th><th>Pay</th></tr>"
        "<tr><td><a href='https://jobs.example.org/pastry'>Pastry Chef - Helmsley café</a></td>"
        "<td>Helmsley</td><td>£27,000 a year</td></tr>"
        "<tr><td><a href='https://jobs.example.org/nights'>Warehouse Supervisor (Nights)</a></td>"
        "<td>Thirsk</td><td>£30,000 a year</td></tr>"
        "</table></body></html>",
    )
    posting = "---\ntitle: {title}\ncompany: Marrable's Bakery\nkind: posting\nlocation: {where}\n---\n\n# {title}\n\n"
    write(
        tmp_path,
        "pastry.md",
        posting.format(title="Pastry Chef – Café & Pâtisserie, Helmsley", where="Market Place, Helmsley")
        + "## About the role\n\nYou will make our tarts.\n",
    )
    write(
        tmp_path,
        "days.md",
        posting.format(title="Warehouse Supervisor (Days)", where="Thirsk") + "## About the role\n\nYou will run the day shift.\n",
    )
    roles = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert sorted((r.title, r.apply_url) for r in roles) == [
        ("Pastry Chef – Café & Pâtisserie, Helmsley", "https://jobs.example.org/pastry"),  # the list's link
        ("Warehouse Supervisor (Days)", None),
        ("Warehouse Supervisor (Nights)", "https://jobs.example.org/nights"),
    ]


def test_a_heading_about_no_name_and_a_signature_name_no_organisation(shipped) -> None:
    # "About some of these roles" is no "About Corriebrae"; "Siobhan Arkwright · Service Lead,
    # Kestrane Cycles Derby · Tel: …" is the sender's signature, not a job board's byline
    data = Path(__file__).resolve().parent / "data"
    loch = snapshot_from_folder(data / "kb_loch", shipped).corpus.roles
    assert {r.org for r in loch if r.source == "corriebrae_hotels_careers.html"} == {"Corriebrae Hotels"}
    knoll = snapshot_from_folder(data / "kb_knoll", shipped).corpus.roles
    (emailed,) = [r for r in knoll if r.source == "kestrane_ebike_service_technician_email.txt"]
    assert emailed.org != "Siobhan Arkwright"


def test_a_postings_front_matter_says_its_roles_place_pay_and_terms(tmp_path: Path, shipped) -> None:
    # job boards' front matter: "location", "salary", "employment_type" (in any case) are the
    # posting's role's; on a page of several roles they fill in what a role's text does not say
    write(
        tmp_path,
        "planner.md",
        "---\ntitle: Transport Planner\nlocation: Leeds (hybrid)\nsalary: £29,000\nemployment_type: Full-time\n"
        "last_updated: 2026-01-05\n---\n\n# Transport Planner\n\n**Location:** Brackenbury House, Leeds\n\n"
        "## About the role\n\nYou will plan loads for 600 trucks.\n",
    )
    write(
        tmp_path,
        "careers.md",
        "---\ntitle: Careers at Ridgeway\nlocation: Columbus, OH\n---\n\n# Careers at Ridgeway\n\n## Open Positions\n\n"
        "* [Night Dispatcher — Dayton, OH](https://jobs.example.org/2291), matching loads to drivers.\n"
        "* [Yard Marshal](https://jobs.example.org/2304), moving trailers around the yard.\n",
    )
    corpus = snapshot_from_folder(tmp_path, shipped).corpus
    roles = {r.title: r for r in corpus.roles}
    planner = roles["Transport Planner"]
    assert (planner.location, planner.compensation, planner.type) == ("Leeds (hybrid)", "£29,000", "full-time")
    assert (roles["Night Dispatcher"].location, roles["Yard Marshal"].location) == ("Dayton, OH", "Columbus, OH")
    assert not [p for p in corpus.problems if "front-matter" in p.message]


def test_listed_positions_said_with_their_headcount_and_what_they_do(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "apprenticeship.md",
        "# Technical Apprenticeship 2025\n\nEach apprenticeship is a paid position. We're hiring 5 apprentices across two tracks:\n\n"
        "* Scenic Carpentry (3 apprentices) — building and installing scenery in our scene shop\n"
        "* Stage Management (2 apprentices) — assistant stage managers in the rehearsal room\n",
    )
    roles = [(r.title, r.location, r.description) for r in snapshot_from_folder(tmp_path, shipped).corpus.roles]
    assert roles == [
        ("Scenic Carpentry", None, "building and installing scenery in our scene shop"),
        ("Stage Management", None, "assistant stage managers in the rehearsal room"),
    ]


def test_plain_text_header_with_place_and_terms_under_the_title(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "qc.txt",
        "Quality Control Technician I, 2nd Shift\nHalden Biosciences\nMorrisville, NC (on-site) - Full-time\n\n"
        "About the job\nWe are hiring a Quality Control Technician I to join the 2nd shift QC team.\n\n"
        "Responsibilities\nPerform environmental monitoring of cleanrooms\nLog samples into the LIMS\n",
    )
    (role,) = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert (role.title, role.org, role.location, role.type) == (
        "Quality Control Technician I, 2nd Shift",
        "Halden Biosciences",
        "Morrisville, NC (on-site)",
        "full-time",
    )


def test_a_page_that_points_elsewhere_for_how_to_apply_offers_no_role(tmp_path: Path, shipped) -> None:
    # the season-and-housing page of an apprenticeship: "see the announcement" is where to
    # read how to apply, not a link to apply through
    write(
        tmp_path,
        "season.html",
        "<html><head><title>Apprentice Season &amp; Housing</title></head><body><main>"
        "<h1>Apprentice Season &amp; Housing, 2025–26</h1>"
        "<p>This page is for incoming apprentices. For eligibility, pay and how to apply, see the "
        '<a href="https://theatre.example.net/blog/apprenticeship">apprenticeship announcement and FAQ</a>.</p>'
        "<h2>Housing</h2><p>Apprentices live in two houses on Alder Street, a 12-minute walk away.</p>"
        "</main></body></html>",
    )
    write(
        tmp_path,
        "residency.html",
        "<html><head><title>Visiting Researcher Residency</title></head><body><main>"
        "<h1>Visiting Researcher Residency</h1><p>Researchers stay up to three months at the station.</p>"
        "<p>Doctoral students may apply with a letter from their advisor. Artists should see our "
        "<a href=\"https://lab.example.net/art\">Art–Science Fellowship</a> instead.</p>"
        "<h2>How to apply</h2><p>Email a two-page proposal to "
        '<a href="mailto:visiting@lab.example.net">visiting@lab.example.net</a>.</p>'
        "</main></body></html>",
    )
    roles = {r.source: r for r in snapshot_from_folder(tmp_path, shipped).corpus.roles}
    assert "season.html" not in roles
    assert roles["residency.html"].apply_url == "mailto:visiting@lab.example.net"


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Applications Open: 2025 Summer Field Season Internship", "2025 Summer Field Season Internship"),
        ("Now hiring – Cellar Technician", "Cellar Technician"),
        ("Announcing the Harbour Light Fellowship", "Harbour Light Fellowship"),
        ("Open Call for Applications", "Open Call for Applications"),  # nothing after it: kept
    ],
)
def test_what_a_post_says_before_naming_its_role_is_no_part_of_the_title(
    tmp_path: Path, shipped, title: str, role: str
) -> None:
    write(
        tmp_path,
        "post.md",
        f"---\ntitle: \"{title}\"\nkind: posting\n---\n\n# {title}\n\n## How to apply\n\n"
        "Apply at https://apply.example.org/post by 27 February 2026.\n",
    )
    (found,) = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert found.title == role


def test_a_co_operatives_careers_page_names_it_as_the_roles_organisation(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "careers.md",
        "---\ntitle: Work With Us\n---\n\n# Work With Us\n\nCopperbine Brewing Co-operative is owned by the people"
        " who work here. We brew about 4,200 barrels of beer a year in a 19th-century woolen mill in Ashford"
        " Mills, Vermont, and distribute our beer to around 140 bars, restaurants and shops.\n\n"
        "## Open positions\n\n"
        "* [Cellar Technician](https://copperbine.example.org/careers/cellar) — full-time, early mornings. $21–$24/hour.\n"
        "* [Packaging Line Lead](https://copperbine.example.org/careers/packaging) — run our canning line. $23–$26/hour.\n",
    )
    roles = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert [r.org for r in roles] == ["Copperbine Brewing Co-operative"] * 2


def test_a_postings_front_matter_link_and_types_are_checked_as_a_roles_are(tmp_path: Path, shipped) -> None:
    # an unsafe apply link given at the top is reported and never shown; a number where text
    # is expected is an error with its line (the file keeps its last good version), and under
    # another name ("salary: 29000") a warning, the rest of the file read
    write(
        tmp_path,
        "planner.md",
        "---\ntitle: Transport Planner\nkind: posting\napply_url: javascript:alert(1)\nsalary: 29000\n---\n\n"
        "# Transport Planner\n\n## About the role\n\nYou will plan loads for 600 trucks.\n",
    )
    write(tmp_path, "driver.md", "---\ntitle: Driver\nkind: posting\ncompensation: 29000\n---\n\n# Driver\n\nDrive.\n")
    corpus = snapshot_from_folder(tmp_path, shipped).corpus
    (role,) = corpus.roles
    assert role.title == "Transport Planner" and role.apply_url is None and role.compensation is None
    problems = {(p.source, p.line, p.severity): p.message for p in corpus.problems}
    assert "javascript:alert(1)" in problems[("planner.md", 8, "warning")]  # the role's line
    assert "'salary' is read as 'compensation'" in problems[("planner.md", 5, "warning")]
    assert 'put it in quotes: salary: "29000"' in problems[("planner.md", 5, "warning")]
    assert "'compensation' must be text" in problems[("driver.md", 4, "error")]


VACANCIES_PAGE = """<html><head><title>Careers – Work with us | Harrowgate Conservation Alliance</title></head>
<body><h1>Current vacancies</h1>
<p>Below are our current vacancies.</p>
<h2>About us</h2><p>We look after six nature reserves in the valley.</p>
<section><h2>Site Warden</h2>
<ul><li><strong>Team:</strong> Reserves – North</li><li><strong>Location:</strong> Fenby Moss</li>
<li><strong>Pay:</strong> £26,000 a year</li><li><strong>Contract:</strong> Permanent, full-time</li>
<li><strong>Closing date:</strong> 28 March 2026</li></ul>
<p>You will manage the reserve's grazing and its volunteers.</p></section>
<section><h2>Visitor Assistant</h2>
<ul><li><strong>Team:</strong> Visitor Services</li><li><strong>Location:</strong> Fenby Moss visitor centre</li>
<li><strong>Pay:</strong> £12.60 an hour</li><li><strong>Contract:</strong> Casual / seasonal</li>
<li><strong>Closing date:</strong> 4 April 2026</li></ul>
<p>You will welcome visitors and run the shop.</p></section>
<h2>How to apply</h2>
<p>Search for the reference on the county jobs portal. School leavers: our trainee scheme closes on
1 May 2026 – <a href="/careers/trainees">see our traineeships</a>.</p>
</body></html>"""


def test_a_careers_page_that_says_how_to_apply_once_gives_one_role_per_vacancy(tmp_path: Path, shipped) -> None:
    # each vacancy states its facts under its own heading, and how to apply is said once for
    # all of them: one role each (not one role named after the page), with its team and terms
    write(tmp_path, "vacancies.html", VACANCIES_PAGE)
    corpus = snapshot_from_folder(tmp_path, shipped).corpus
    assert [(r.title, r.team, r.location, r.type, r.compensation, r.closes) for r in corpus.roles] == [
        ("Site Warden", "Reserves – North", "Fenby Moss", "full-time", "£26,000 a year", date(2026, 3, 28)),
        ("Visitor Assistant", "Visitor Services", "Fenby Moss visitor centre", "contract", "£12.60 an hour", date(2026, 4, 4)),
    ]
    # the page's <title> names the body beside a careers page's words
    assert {r.org for r in corpus.roles} == {"Harrowgate Conservation Alliance"}
    # a link that points to another page ("see our traineeships") is no apply link
    assert all(r.apply_url is None for r in corpus.roles)
    assert not any("/careers/trainees" in p.message for p in corpus.problems)


def test_vacancies_whose_facts_are_on_one_line_under_an_open_positions_heading(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "work.md",
        "# Work at Larchfield\n\nWe are hiring for two roles.\n\n## Open positions\n\n"
        "### Developer Advocate\n\nTeam: Community · Location: Remote (UTC−1 to UTC+3) · Closes 16 March 2026\n\n"
        "You'll write tutorials and speak at meetups.\n\n- Salary: EUR 62,000 – 72,000 per year\n\n"
        "### Community Manager\n\nTeam: Community · Location: Ghent, Belgium (hybrid) · Closes 30 April 2026\n\n"
        "You'll look after our contributors.\n\n- Salary: EUR 52,000 – 58,000 per year\n\n"
        "## How to apply\n\nApply through the form on our site.\n",
    )
    roles = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert [(r.title, r.team, r.location, r.compensation, r.closes) for r in roles] == [
        ("Developer Advocate", "Community", "UTC−1 to UTC+3", "EUR 62,000 – 72,000 per year", date(2026, 3, 16)),
        ("Community Manager", "Community", "Ghent, Belgium (hybrid)", "EUR 52,000 – 58,000 per year", date(2026, 4, 30)),
    ]


@pytest.mark.parametrize(
    ("terms", "kind"),
    [
        ("Contract: Permanent, full-time", "full-time"),  # the label is no contract
        ("Contract: Permanent, part time", "part-time"),
        ("Fixed-term, 12 months", "contract"),
        ("Casual / seasonal", "contract"),
        ("Contract: Permanent", None),  # says nothing of hours or terms we list
        ("Freelance", "contract"),
    ],
)
def test_a_roles_type_from_its_terms(terms: str, kind: str | None) -> None:
    assert role_type(terms) == kind


def test_a_pasted_job_boards_banner_breadcrumbs_buttons_and_ads_are_not_the_posting(tmp_path: Path, shipped) -> None:
    # the title is the line under the board's breadcrumbs (not them), the board's "Similar
    # jobs" are other employers' posts (no roles), and a British advert's "Main duties" and
    # "Person specification" make it a posting, its "14/03/2026" a closing day
    write(
        tmp_path,
        "board-paste.txt",
        "GreenJobsHub  |  Jobs  >  Charity  >  Grants Officer\n\n"
        "Grants Officer (Part-time, Maternity Cover)\nHarrowgate Conservation Alliance\n\n"
        "Location: Fenby, FB3 (hybrid)\nSalary: £27,000 per annum\nContract: Fixed-term, 18 months\n"
        "Closing date: 14/03/2026\n\n"
        "Main duties\n\nWrite applications to trusts and manage reporting for 40 grants.\n\n"
        "Person specification\n\n- Experience of writing funding bids\n- Attention to detail\n\n"
        "HCA is an equal opportunities employer.\n\n"
        "Similar jobs\nFundraising Officer – Brightmere Trust – London – £31,000\n"
        "Grants Manager – Pellow Foundation – Remote – £38,000\n",
    )
    write(
        tmp_path,
        "engineer.txt",
        "RELEASE ENGINEER (m/f/x)\nSave job | Share | Report this job\n\nCompany: Larchfield Software\n\n"
        "About the job\nYou will own our release pipelines.\n\nHow to apply\nApply at https://jobs.larchfield.example.org/release.\n",
    )
    roles = {r.source: r for r in snapshot_from_folder(tmp_path, shipped).corpus.roles}
    assert set(roles) == {"board-paste.txt", "engineer.txt"}
    grants = roles["board-paste.txt"]
    assert (grants.title, grants.org, grants.type, grants.closes) == (
        "Grants Officer (Part-time, Maternity Cover)",
        "Harrowgate Conservation Alliance",  # "HCA" of the equal-opportunities line, in full
        "part-time",
        date(2026, 3, 14),
    )
    # whom a post is open to names no post; a title in capitals is written as a name
    assert roles["engineer.txt"].title == "Release Engineer"


def test_a_numeric_closing_date_is_read_only_when_one_order_is_a_day(tmp_path: Path, shipped) -> None:
    for n, (said, closes) in enumerate([("14/03/2026", date(2026, 3, 14)), ("03/14/2026", date(2026, 3, 14)), ("05/04/2026", None)]):
        write(tmp_path / str(n), "job.md", f"# Gardener\n\n## About the role\n\nYou will mow.\n\nClosing date: {said}\n")
        (role,) = snapshot_from_folder(tmp_path / str(n), shipped).corpus.roles
        assert role.closes == closes


def test_kb_check_warns_of_a_careers_page_that_gives_no_role(tmp_path: Path, capsys) -> None:
    # the vacancies are named, but nothing says where, for what pay or how to apply
    write(tmp_path, "vacancies.md", "# Current vacancies\n\n## Porter\n\nMoves patients.\n\n## Ward Clerk\n\nAnswers the phone.\n")
    write(tmp_path, "fellowship.md", "# Careers fellowship\n\nBy nomination only.\n")
    main(["kb", "check", "--knowledge", str(tmp_path)])
    out = capsys.readouterr().out
    assert "vacancies.md:1: warning: 'Current vacancies' reads as a job posting or a careers page but gives no role" in out
    assert "fellowship.md" not in out


def test_a_programme_pages_key_facts_and_questions_are_no_positions(tmp_path: Path, shipped) -> None:
    # one programme under its own title: its "Key facts" (an office, a salary, when
    # applications close) and its "Common questions" (over the apply button) are its parts
    write(
        tmp_path,
        "graduate-programme.html",
        "<html><head><title>Graduate Programme – Leeds | Brisca</title></head><body>"
        "<h1>Graduate Programme – Leeds</h1><p>Two years, four teams, one cohort.</p>"
        "<h2>Key facts</h2><table><tr><th>Salary</th><td>£31,000 a year</td></tr>"
        "<tr><th>Office</th><td>12 Wharf Street, Leeds</td></tr>"
        "<tr><th>Applications</th><td>Open 1 October 2025, close 23 November 2025 at 23:59</td></tr></table>"
        "<h2>Rotations</h2><p>You will spend six months in each of four teams.</p>"
        "<h2>Common questions</h2><details><summary>Is there a dress code?</summary><p>No.</p></details>"
        "<p><a href='https://brisca.example.net/jobs/grad-leeds'>Apply for Leeds 2026</a></p></body></html>",
    )
    (role,) = snapshot_from_folder(tmp_path, shipped).corpus.roles
    assert (role.title, role.compensation, role.closes) == ("Graduate Programme – Leeds", "£31,000 a year", date(2025, 11, 23))
    assert role.apply_url == "https://brisca.example.net/jobs/grad-leeds"


def test_a_closing_date_said_once_for_all_roles_or_after_when_applications_open() -> None:
    from bot.documents.roles import DEADLINE

    for text in (
        "Applications for all three roles close on Friday 16 May 2025.",
        "Applications: Open 1 April 2025, close 16 May 2025 at 23:59 (UK time)",
    ):
        match = DEADLINE.search(text)
        assert match is not None and match.group(1) == "16 May 2025", text
    assert DEADLINE.search("Applications are reviewed weekly. The office closes on 16 May 2025.") is None


def test_what_a_see_also_part_says_of_another_programme_is_not_the_roles(tmp_path: Path, shipped) -> None:
    see_also = (
        "Haven't done your year out yet? Our [Year-Out Placement](https://brisca.example.net/students/year-out) "
        "pays £24,500 a year. Questions that apply to both schemes are answered in our FAQ."
    )
    scheme = (
        "# Assistant Scheme 2025–27\n\n## About the role\n\nYou will be employed three days a week and study on two.\n\n"
        "## How to apply\n\nEmail your portfolio to the studio.\n\n- Closing date: Friday 30 May 2025\n\n"
    )
    write(tmp_path / "a", "assistant-scheme.md", f"{scheme}## See also\n\n{see_also}\n")
    write(tmp_path / "b", "assistant-scheme.md", f"{scheme}See also: {see_also}\n")
    for folder in ("a", "b"):
        (role,) = snapshot_from_folder(tmp_path / folder, shipped).corpus.roles
        assert (role.title, role.compensation, role.apply_url) == ("Assistant Scheme 2025–27", None, None), folder
        assert role.closes == date(2025, 5, 30)


def test_pay_keeps_whose_dollars_it_is() -> None:
    from bot.documents.roles import _pay_in

    # Namibian dollars are not US dollars: the currency as written
    assert _pay_in("Salary: N$28,000 per month + medical aid") == "N$28,000 per month"
    assert _pay_in("NZ$70,000 – NZ$80,000 a year") == "NZ$70,000 – NZ$80,000 a year"
    assert _pay_in("KES 40,000 per month") == "KES 40,000 per month"



def test_a_programmes_faq_whose_questions_name_a_postings_parts_is_no_role(tmp_path: Path, shipped) -> None:
    write(
        tmp_path,
        "traineeship-faq.md",
        "---\ntitle: Stage Traineeship – Frequently Asked Questions\norg: Harbour Playhouse\n---\n\n"
        "# Stage Traineeship: FAQ\n\n## Do I need any qualifications?\n\nNo, we train you.\n\n"
        "## Is it paid?\n\nYes, £12.60 an hour.\n\n## How do I apply?\n\nUse the form on the traineeship page.\n",
    )
    assert snapshot_from_folder(tmp_path, shipped).corpus.roles == []


def test_an_address_written_in_the_how_to_apply_sentence_is_the_apply_route(tmp_path: Path, shipped) -> None:
    """A posting copied from a job board says where to send the CV without a link: that
    address is how to apply (an e-mail, or a site written without https://), but an address
    for help, adjustments or questions is not."""
    write(
        tmp_path,
        "technician.txt",
        "Lighting Technician\nRattlewick Theatre\n\nLocation: Norwich\nSalary: £26,000 a year\n\n"
        "About the role\nYou will rig, focus and run the lighting for our main-house shows.\n\n"
        "How to apply\nIf you need any adjustments to apply, email access@rattlewick.example.org.\n"
        "Send your CV and a cover letter of no more than two pages to jobs@rattlewick.example.org, "
        "with \"LX Technician\" in the subject line.\n",
    )
    write(
        tmp_path,
        "grants.txt",
        "Grants Officer (Part-time)\nFenhollow Conservation Trust\n\nLocation: Ely\nSalary: £15,000 pro rata\n"
        "Job type: Part-time\nClosing date: 14 March 2026\n\nAbout the role\nYou will write our grant bids.\n\n"
        "How to apply\nPlease apply via our website (fenhollow-trust.example.org/careers) with your CV and a supporting statement.\n",
    )
    write(
        tmp_path,
        "helpdesk.txt",
        "Helpdesk Analyst\nQuarrel Systems\n\nLocation: Leeds\nSalary: £24,000 a year\nJob type: Full-time\n"
        "Closing date: 14 March 2026\n\nAbout the role\nYou will answer our customers' calls.\n\n"
        "Questions about the application? Email recruitment@quarrel.example.org.\n",
    )
    roles = {r.source: r for r in snapshot_from_folder(tmp_path, shipped).corpus.roles}
    assert roles["technician.txt"].apply_url == "mailto:jobs@rattlewick.example.org"
    assert roles["technician.txt"].apply_email == "jobs@rattlewick.example.org"
    assert roles["technician.txt"].how_to_apply == "by e-mail to jobs@rattlewick.example.org"
    assert roles["grants.txt"].apply_url == "https://fenhollow-trust.example.org/careers"
    assert roles["helpdesk.txt"].apply_url is None  # where to ask, not where to apply


def test_a_page_of_roles_shares_its_one_written_address_but_not_with_a_role_that_links_its_own_page(
    tmp_path: Path, shipped
) -> None:
    vacancy = (
        '<div class="vacancy"><h3>{title}</h3><p><strong>Where:</strong> {where}</p>'
        "<p><strong>Pay:</strong> {pay}</p><p><strong>Closing date:</strong> Sunday 8 March 2026</p>{more}</div>"
    )
    write(
        tmp_path,
        "careers.html",
        "<html><head><title>Careers | Copperbeck Vets</title></head><body><main><h1>Careers</h1>"
        "<h2>Current vacancies</h2>"
        + vacancy.format(title="Client Care Receptionist", where="Hensham practice", pay="£12.80 an hour", more="")
        + vacancy.format(title="Claims Administrator", where="Remote, UK", pay="£24,500 a year", more="")
        + vacancy.format(
            title="Veterinary Surgeon",
            where="Alderwick Animal Hospital",
            pay="£38,000 to £52,000 a year",
            more='<p><a href="/careers/vs-alderwick">Read the full job description</a></p>',
        )
        + "<h2>How to apply</h2><p>Email your CV and a few lines about why you'd like the job to "
        "careers@copperbeck.example.org, with the job title in the subject line.</p></main></body></html>",
    )
    roles = {r.title: r for r in snapshot_from_folder(tmp_path, shipped).corpus.roles}
    assert roles["Client Care Receptionist"].apply_url == "mailto:careers@copperbeck.example.org"
    assert roles["Claims Administrator"].apply_url == "mailto:careers@copperbeck.example.org"
    assert roles["Veterinary Surgeon"].apply_url is None  # how to apply is on its own page


def test_a_table_of_vacancies_takes_each_roles_apply_route_from_its_section_or_the_page(
    tmp_path: Path, shipped
) -> None:
    """A table of vacancies, then a section per role with its own "How to apply": each row
    takes its section's route; a page with one "How to apply" for all gives it to every row."""
    table = (
        "<table><thead><tr><th>Role</th><th>Team</th><th>Location</th><th>Pay</th><th>Closing date</th></tr></thead>"
        "<tbody><tr><td>Studio Technician (Ceramics)</td><td>Technical</td><td>Fennick Wharf</td>"
        "<td>£26,500 per year</td><td>14 July 2030</td></tr>"
        "<tr><td>Glaze Lab Assistant</td><td>Technical</td><td>Fennick Wharf</td>"
        "<td>£13.10 per hour</td><td>7 July 2030</td></tr></tbody></table>"
    )
    write(
        tmp_path,
        "kilnworks.html",
        "<html><head><title>Careers | Kilnworks</title></head><body><main><h1>Work with us</h1>"
        "<p>We currently have <strong>two vacancies</strong>.</p>" + table
        + "<h2>Studio Technician (Ceramics)</h2><p>You will fire our kilns.</p><h3>How to apply</h3>"
        '<p>Send a CV to <a href="mailto:jobs@kilnworks.example.org">jobs@kilnworks.example.org</a>.</p>'
        "<h2>Glaze Lab Assistant</h2><p>You will mix glazes.</p><h3>How to apply</h3>"
        '<p>E-mail your CV to <a href="mailto:glazelab@kilnworks.example.org">glazelab@kilnworks.example.org</a>.</p>'
        "</main></body></html>",
    )
    roles = {r.title: r.apply_url for r in snapshot_from_folder(tmp_path, shipped).corpus.roles}
    assert roles == {
        "Studio Technician (Ceramics)": "mailto:jobs@kilnworks.example.org",
        "Glaze Lab Assistant": "mailto:glazelab@kilnworks.example.org",
    }
    (tmp_path / "kilnworks.html").unlink()
    write(
        tmp_path,
        "ferries.html",
        "<html><head><title>Seasonal jobs | Saltwick Ferries</title></head><body><main><h1>Seasonal jobs 2030</h1>"
        "<h2>Current vacancies</h2>" + table.replace("Studio Technician (Ceramics)", "Deckhand (Seasonal)")
        + "<h3>Deckhand (Seasonal)</h3><p>You will moor the ship.</p>"
        "<h2>How to apply</h2><p>Complete the online application form at "
        '<a href="https://jobs.saltwick.example.org/apply">jobs.saltwick.example.org/apply</a>. '
        "If you have any questions, e-mail recruitment@saltwick.example.org.</p></main></body></html>",
    )
    roles = {r.title: r.apply_url for r in snapshot_from_folder(tmp_path, shipped).corpus.roles}
    assert set(roles.values()) == {"https://jobs.saltwick.example.org/apply"}


def test_a_postings_words_in_another_order_and_a_numbered_role_and_a_hybrid_place(tmp_path: Path, shipped) -> None:
    # "Seasonal Deckhand" on a job board is the careers page's "Deckhand (Seasonal)";
    # "ROLE 1: WORKSHOP MANAGER" is the Workshop Manager; "Hybrid: both sites" is no ": both sites"
    write(
        tmp_path,
        "careers.html",
        "<html><head><title>Careers at Saltwick Ferries</title></head><body><h1>Careers at Saltwick Ferries</h1>"
        "<h2>Current openings</h2><table><tr><th>Role</th><th>Location</th><th>Pay</th></tr>"
        "<tr><td><a href='https://jobs.example.org/deckhand'>Deckhand (Seasonal)</a></td>"
        "<td>Saltwick Harbour</td><td>£12.60 per hour</td></tr>"
        "<tr><td><a href='https://jobs.example.org/crew'>Catering Crew</a></td>"
        "<td>Saltwick Harbour</td><td>£11.90 per hour</td></tr></table></body></html>",
    )
    write(
        tmp_path,
        "deckhand.md",
        "---\ntitle: Seasonal Deckhand\ncompany: Saltwick Ferries\nkind: posting\nlocation: Saltwick Harbour\n---\n\n"
        "# Seasonal Deckhand\n\n## About the role\n\nYou will moor and let go the ship.\n",
    )
    write(
        tmp_path,
        "board.txt",
        "HeritageJobs – vacancies at the Bellows Trust\n\nROLE 1: WORKSHOP MANAGER\n\nLocation: Hybrid: both sites, "
        "with one day a week from home\nSalary: £31,500 per annum\nClosing date: 9 May 2030\n\n"
        "You will run our forge and quarry workshops.\n\nROLE 2: EVENTS ASSISTANT\n\nLocation: Kestle Quarry\n"
        "Salary: £12.60 per hour\nClosing date: 2 May 2030\n\nYou will run our open days.\n\n"
        "HOW TO APPLY\n\nSend your CV to jobs@bellows.example.org.\n",
    )
    roles = {r.title: r for r in snapshot_from_folder(tmp_path, shipped).corpus.roles}
    assert "Deckhand (Seasonal)" not in roles
    assert roles["Seasonal Deckhand"].apply_url == "https://jobs.example.org/deckhand"
    assert roles["Workshop Manager"].location == "both sites, with one day a week from home (hybrid)"
    assert "Events Assistant" in roles
