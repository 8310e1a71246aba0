"""Documents as moderators paste them: forwarded e-mails, PDF text, web pages with their menus."""

from __future__ import annotations

from pathlib import Path

from bot.app import snapshot_from_folder
from bot.config import Settings
from bot.documents.copied import tidy
from bot.documents.document import parse_document
from bot.models import Document, Problem
from tests.conftest import write


def parse(text: str, name: str) -> Document:
    problems: list[Problem] = []
    return parse_document(text.encode("utf-8"), name, problems)


MAIL = """From: Ana Ruiz <ana@example.net>
To: writers@lists.example.net
Subject: Fwd: Brackwater Residency 2026 - Open Call (deadline soon!)
Date: Tue, 28 Oct 2025 08:47:12 +0000

Hi all, passing this on.

Sent from my phone

-------- Forwarded Message --------
From: Brackwater House <residency@brackwater.example.net>
Subject: Brackwater Residency 2026 - Open Call
Date: Mon, 27 Oct 2025 10:02:55 +0000

> Dear friends,
>
> DATES
> We run two four-week sessions in 2026:
>   Session A: 6 April - 3 May 2026
>
> WHAT WE OFFER
> Each resident receives a stipend of EUR 1,000 for the residency and a
> travel contribution of up to EUR 300.
"""


def test_a_forwarded_mail_is_read_without_headers_or_quote_marks() -> None:
    tidied = tidy(MAIL)
    assert len(tidied.split("\n")) == len(MAIL.split("\n"))  # line for line: citations keep their lines
    assert "From:" not in tidied and "Sent from my phone" not in tidied and "> " not in tidied
    doc = parse(MAIL, "residency-mail.txt")
    assert doc.title == "Brackwater Residency 2026 - Open Call"  # the forwarded message's subject
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert headings[1:] == ["DATES", "WHAT WE OFFER"]  # capitals over their text are headings
    offer = next(b for b in doc.blocks if b.text.startswith("Each resident"))
    assert offer.text.endswith("travel contribution of up to EUR 300.")  # the quoted lines joined
    assert offer.line == 22  # its line in the file


PDF = """Pellmoor Heritage Trust
Stonework Apprenticeship 2026 – Guidance for Applicants

1. Introduction

1.1 This document explains who can apply and the applica-
tion process. Please read it in full-
time or part-time.

Stonework Apprenticeship 2026 – Guidance for Applicants
                                          Page 1 of 2
----------------------------------------------------------
Pellmoor Heritage Trust
Stonework Apprenticeship 2026 – Guidance for Applicants

2. Pay

2.1 Wage. Apprentices are paid £10.50 per hour in year one.
"""


def test_pdf_text_loses_its_page_furniture_and_joins_broken_words() -> None:
    doc = parse(PDF, "apprenticeship.txt")
    assert doc.title == "Pellmoor Heritage Trust – Stonework Apprenticeship 2026 – Guidance for Applicants"
    texts = [b.text for b in doc.blocks]
    assert not any("Page 1 of 2" in t or "-----" in t for t in texts)
    assert [b.text for b in doc.blocks if b.kind == "heading"][1:] == ["1. Introduction", "2. Pay"]
    intro = next(t for t in texts if t.startswith("1.1"))
    assert "the application process" in intro  # not "applica- tion"
    assert "full-time or part-time" in intro  # a hyphen that belongs to the word stays
    assert sum("Pellmoor Heritage Trust" in t for t in texts) == 1  # the running header, once (in the title)


def test_lines_that_repeat_outside_a_page_break_are_kept() -> None:
    text = "Q: Is it paid?\n\nYes.\n\nQ: Is it remote?\n\nYes.\n\nPage 1 of 1\n"
    assert tidy(text).split("\n").count("Yes.") == 2


def test_a_breadcrumb_is_not_a_heading() -> None:
    doc = parse("WETLAND VOLUNTEERS 2026\n\nHome > Get involved > Volunteer with us\n\nWe restore lagoons.\n", "v.txt")
    assert all("Home" not in b.text for b in doc.blocks)


def test_a_numbered_list_is_not_taken_for_section_headings() -> None:
    doc = parse("How to apply\n\n1. Fill in the form\n\n2. Send it to us\n", "steps.txt")
    assert doc.blocks[0].text == "How to apply"
    assert [b.kind for b in doc.blocks[1:]] and all(b.kind != "heading" for b in doc.blocks[1:])


JOB_BOARD = """<html><body>
<div class="wb-topbar"><a href="/">workboard</a> <a href="/jobs">Find jobs</a> <a href="/companies">Company reviews</a> <a href="/login">Sign in</a></div>
<h1>Museum Educator</h1>
<p>Full-time, on-site, Tuesday to Saturday.</p>
<p><a href="/a">Jobs</a> | <a href="/b">Salaries</a> | <a href="/c">Reviews</a></p>
<h2>Similar jobs</h2>
<ul><li><a href="/job/1">Gallery Guide</a> · Pawtucket · $19 an hour</li></ul>
<h2>How to apply</h2>
<p>Send your resume by December 5, 2025.</p>
</body></html>"""


def test_a_job_boards_menus_and_similar_jobs_are_not_content() -> None:
    doc = parse(JOB_BOARD, "educator.html")
    texts = [b.text for b in doc.blocks]
    assert not any("Find jobs" in t or "Salaries" in t or "Gallery Guide" in t for t in texts)
    assert "How to apply" in texts and "Send your resume by December 5, 2025." in texts


def test_a_pasted_job_boards_similar_jobs_are_not_content() -> None:
    paste = (
        "Compliance Analyst\nMossgate Money\n\nLocation: London\nSalary: £42,000\n\n"
        "How to apply\nApply on the Mossgate careers page by 14 March.\n\n"
        "Similar jobs\nKYC Analyst – Brightmere Bank – London – £38,000\n"
        "Financial Crime Associate – Pellow Pay – Remote – £45,000\n"
    )
    texts = [b.text for b in parse(paste, "jobboard-compliance.txt").blocks]
    assert not any("Brightmere" in t or "Pellow" in t or t == "Similar jobs" for t in texts)
    assert "Apply on the Mossgate careers page by 14 March." in texts


def test_a_google_docs_title_and_the_organisation_under_it(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "studentship.html",
        '<html><body><p class="c5"><span>QMG-7 · internal draft</span></p>'
        '<p class="c5 title"><span>Fully Funded PhD Studentship: Tidal Estuaries</span></p>'
        '<p class="c5"><span>Skerrow Institute for Marine Geoscience, Stromness, Orkney</span></p>'
        "<p><span><b>What funding is provided?</b></span><br><span>A stipend of £20,780 per year.</span></p>"
        "</body></html>",
    )
    (passage, *_) = snapshot_from_folder(tmp_path, settings).corpus.passages
    assert passage.title == "Fully Funded PhD Studentship: Tidal Estuaries"
    assert passage.org == "Skerrow Institute for Marine Geoscience"


DISCORD = """Brackwater Collective — Today at 9:14 AM
@everyone :rocket: **BRACKWATER BOOTCAMP — COHORT 4 IS OPEN!** :rocket:

**:calendar: Key dates**
• Applications close: **24 March 2026 at 23:59 UTC**
• Cohort runs: 13 April - 3 July 2026

**Q: Do I need to attend every live session?**
A: Sessions are recorded, but you need 80% live attendance for the certificate.

**Q: What laptop do I need?**
A: Anything with 8 GB of RAM. :muscle:
:white_check_mark: 12  :+1: 3
"""


def test_a_discord_announcement_reads_as_headings_lists_and_questions() -> None:
    doc = parse(DISCORD, "bootcamp-discord.txt")
    assert doc.title == "BRACKWATER BOOTCAMP — COHORT 4 IS OPEN!"
    texts = [b.text for b in doc.blocks]
    assert not any(":rocket:" in t or "**" in t or "@everyone" in t or "Today at" in t for t in texts)
    assert "Key dates" in texts and "Applications close: 24 March 2026 at 23:59 UTC" in texts
    assert "Q: What laptop do I need?" in texts  # a question heading: its answer follows
    assert texts[-1] == "A: Anything with 8 GB of RAM."  # the reactions are gone


SLACK = """#circle

Tomasz Wielgosz  10:02 AM
Applications for the Brackwater Mentorship Circle are now open.
:tada: 14  :heart: 9

2 replies
Last reply today at 1:22 PM

Priya Nair  10:42 AM
deadline?

Tomasz Wielgosz  10:45 AM
15 July 2026, end of day UK time. (edited)
:+1: 2
"""


def test_a_slack_thread_loses_its_speakers_times_and_reactions() -> None:
    doc = parse(SLACK, "circle-slack.txt")
    assert [b.text for b in doc.blocks] == [
        "#circle",
        "Applications for the Brackwater Mentorship Circle are now open.",
        "deadline?",
        "15 July 2026, end of day UK time.",
    ]


def test_a_schedule_is_not_taken_for_a_chat() -> None:
    schedule = "Day 1\n\nRegistration  9:00 AM\nLunch Break  12:30 PM\nClosing Talk  5:00 PM\n"
    assert tidy(schedule) == schedule


PDF_NUMBERED = """Mirrowdale Trust for Rural Archives
Oral History Recording Grants 2026–27

1. About the grants

1.1 Purpose
The Trust funds projects about farming, quarry-
ing and village schools.

1.2 How much you can apply for
Grants range from £1,500 to £9,000.

Mirrowdale Trust · Oral History Grants · Guidance 2026–27      Page 1 of 2

2. Who can apply

2.1 Eligible applicants
Community groups and parish councils.

5.2 We tell all applicants our decision within 10 weeks.

7. Contact

Grants team: grants@mirrowdale.example
Mirrowdale Trust · Oral History Grants · Guidance 2026–27      Page 2 of 2
"""


def test_a_numbered_pdfs_subsections_head_their_text_and_its_footer_lines_go() -> None:
    doc = parse(PDF_NUMBERED, "guidance.txt")
    headings = [(b.text, b.level) for b in doc.blocks if b.kind == "heading"][1:]
    assert headings == [
        ("1. About the grants", 2),
        ("1.1 Purpose", 3),
        ("1.2 How much you can apply for", 3),
        ("2. Who can apply", 2),
        ("2.1 Eligible applicants", 3),
        ("7. Contact", 2),  # alone, once two numbered sections were
    ]
    texts = [b.text for b in doc.blocks]
    assert not any("Page 1 of 2" in t or "Page 2 of 2" in t for t in texts)  # a footer ending in its page number
    assert any("farming, quarrying and village schools" in t for t in texts)  # "quarry-" / "ing": a word's ending
    assert any(t.startswith("5.2 We tell all applicants") for t in texts)  # a numbered sentence is no heading


CHAT_ANNOUNCEMENT = """📣 **Halcyra Maintainer Grants — Spring 2026 round is OPEN!** @everyone

💶 **How much?**
🔹 **Small grants: €4,000** (14 of them)
🔹 **Large grants: €12,000** (6 of them)

🗓️ **Key dates**
```
Applications open ........ 3 March 2026
Deadline ................. 6 April 2026, 23:59 AoE
```

❓ **FAQ**
Q: Can a team apply together?
A: Yes, up to 3 maintainers.

Q: I got a grant in the autumn 2025 round. Can I apply again?
A: Yes, but not for the same project.
"""


def test_a_chat_announcements_emoji_headings_bullets_and_dotted_dates(tmp_path: Path, settings: Settings) -> None:
    write(tmp_path, "grants.txt", CHAT_ANNOUNCEMENT)
    snap = snapshot_from_folder(tmp_path, settings)
    by_section = {(p.section, p.question): p.text for p in snap.corpus.passages}
    assert by_section[("How much?", "How much?")] == "• Small grants: €4,000 (14 of them)\n• Large grants: €12,000 (6 of them)"
    assert by_section[("Key dates", None)] == "• Applications open: 3 March 2026\n• Deadline: 6 April 2026, 23:59 AoE"
    # a labelled question may say why it asks before it asks
    assert by_section[("FAQ", "I got a grant in the autumn 2025 round. Can I apply again?")] == "Yes, but not for the same project."


NOTICE = """\
FENWAY LABS LTD                                              VACANCY NOTICE
Ref: FL-22                                                   Issued 1 May 2026

Lab Assistant

Location: Harbury, Kent                    Salary: £24,000 per annum
Contract: Permanent                        Hours: 37 hours per week

About us                                   The role
Fenway Labs grows plant tissue for         You will water, feed and record
seed banks across the south. Around        the cultures every day and keep
forty people work at our Harbury site.     the growth rooms clean.

What you will need                         Nice to have
- A Level 3 qualification in               - A driving licence.
  biology or a related subject.
- Care with records.

FENWAY LABS LTD                                              VACANCY NOTICE
Ref: FL-22                                                   Page 1 of 2
---------------------------------------------------------------------------

FENWAY LABS LTD                                              VACANCY NOTICE
Ref: FL-22                                                   Issued 1 May 2026

Working pattern
The growth rooms are staffed Monday to Friday, 8am to 4pm. The role is site
based and cannot be done from home.

Key dates
Applications open          1 May 2026
Closing date               29 May 2026
Interviews                 the week of 8 June
"""


def test_a_printed_notices_columns_are_read_one_after_the_other() -> None:
    doc = parse(NOTICE, "fenway-lab-assistant.txt")
    texts = [b.text for b in doc.blocks]
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert doc.title == "Lab Assistant"  # not the letterhead's "VACANCY NOTICE"
    assert {"About us", "The role", "What you will need", "Nice to have", "Working pattern"} <= set(headings)
    assert "Location: Harbury, Kent" in texts and "Salary: £24,000 per annum" in texts
    assert any(t.startswith("Fenway Labs grows plant tissue for seed banks across the south.") for t in texts)
    assert "A Level 3 qualification in biology or a related subject." in texts
    # the next page's running header and the page number are gone; the letterhead stays once
    assert sum("VACANCY NOTICE" in t for t in texts) == 1
    assert not any("Page 1 of 2" in t for t in texts)
    # a table's rows are no columns: each date stays with its label
    assert any("Closing date 29 May 2026" in " ".join(t.split()) for t in texts)


def test_a_notices_letterhead_names_its_organisation(tmp_path: Path, settings: Settings) -> None:
    write(tmp_path, "fenway-lab-assistant.txt", NOTICE)
    snap = snapshot_from_folder(tmp_path, settings)
    assert {p.org for p in snap.corpus.passages} == {"Fenway Labs Ltd"}


def test_a_site_name_in_capitals_over_the_title_names_the_organisation(tmp_path: Path, settings: Settings) -> None:
    text = (
        "HARROW MARINE INSTITUTE\nKelp Fellowship – Frequently Asked Questions\n\n"
        "Q. Is the fellowship paid?\nA. Yes, fellows earn £31,000 a year.\n\n© 2026 Harrow Marine Institute\n"
    )
    assert parse(text, "faq-harrow.txt").title == "Kelp Fellowship – Frequently Asked Questions"
    write(tmp_path, "faq-harrow.txt", text)
    assert {p.org for p in snapshot_from_folder(tmp_path, settings).corpus.passages} == {"Harrow Marine Institute"}


FORUM = """\
Pennock Community Forum

Chess club volunteers wanted for the spring term

robin_pennock   Staff                                              12d

The chess club meets on Wednesdays from 4pm to 5pm in the library hall.

    4 replies    21 views    3 users

------------------------------------------------------------------------

kit.moves                                                            9d

[quote="robin_pennock, post:1, topic:88"]
The chess club meets on Wednesdays from 4pm to 5pm in the library hall.
[/quote]

Do I need to be a strong player?

------------------------------------------------------------------------

robin_pennock   Staff                                               8d

> Do I need to be a strong player?

@kit.moves not at all, knowing how the pieces move is enough.
"""


def test_a_forum_threads_posters_quotes_and_counts_are_not_content() -> None:
    texts = [b.text for b in parse(FORUM, "chess-thread.txt").blocks]
    joined = "\n".join(texts)
    for furniture in ("robin_pennock", "12d", "replies", "[quote", "----", "> Do I"):
        assert furniture not in joined, furniture
    assert sum("Wednesdays from 4pm to 5pm" in t for t in texts) == 1  # said once, not again in a quote
    assert any("knowing how the pieces move is enough" in t for t in texts)
    assert any("Do I need to be a strong player?" in t for t in texts)


def test_a_forum_reply_is_the_answer_to_the_post_it_answers(tmp_path: Path, settings: Settings) -> None:
    thread = FORUM + (
        "\n------------------------------------------------------------------------\n\n"
        "sam_k                                                                3d\n\n"
        "Is there a tournament at the end of term? My son would love that.\n\n"
        "------------------------------------------------------------------------\n\n"
        "robin_pennock   Staff                                               2d\n\n"
        "@sam_k yes, on the last Wednesday. Do bring him along to watch first?\n\n"
        "------------------------------------------------------------------------\n\n"
        "sam_k                                                                1d\n\n"
        "Thanks!\n"
    )
    write(tmp_path, "chess-thread.txt", thread)
    passages = snapshot_from_folder(tmp_path, settings).corpus.passages
    by_question = {p.question: p.text for p in passages if p.question}
    # the member's question heads the staff's reply, its "@kit.moves" gone
    assert by_question["Do I need to be a strong player?"].startswith("Not at all, knowing how the pieces move")
    # what the member says besides asking stays with the question, which comes last
    assert by_question["My son would love that. Is there a tournament at the end of term?"].startswith(
        "Yes, on the last Wednesday."
    )
    # a reply by the staff that asks back is no question of the thread, and the opening post none
    assert set(by_question) == {
        "Do I need to be a strong player?",
        "My son would love that. Is there a tournament at the end of term?",
    }


def test_a_chat_threads_replies_by_who_started_it_answer_the_others_questions(
    tmp_path: Path, settings: Settings
) -> None:
    thread = (
        "#mentorship-circle\n\nTomasz Wielgosz  10:02 AM\nApplications for the Mentorship Circle are now open. "
        "Happy to answer questions in this thread.\n\nJonah Feld  10:51 AM\nwhat counts as early-career? I've been "
        "working as a front-end dev for about 4 years\n\nTomasz Wielgosz  10:58 AM\nWe define it as less than 3 years "
        "of paid experience.\n:pray: 2\n\nPriya Nair  11:15 AM\nis it paid? like do mentees pay anything\n\n"
        "Tomasz Wielgosz  11:16 AM\nNope, completely free for mentees.\n"
    )
    write(tmp_path, "circle-slack-thread.txt", thread)
    by_question = {p.question: p.text for p in snapshot_from_folder(tmp_path, settings).corpus.passages if p.question}
    # the asker's own words are the question (what they say of themselves first), the reply its answer
    assert by_question == {
        "I've been working as a front-end dev for about 4 years. what counts as early-career?": (
            "We define it as less than 3 years of paid experience."
        ),
        # ... and words that go on asking stay where they are
        "is it paid? like do mentees pay anything?": "Nope, completely free for mentees.",
    }


def test_a_forwarders_sign_off_heads_nothing_but_a_signatures_name_stays() -> None:
    mail = (
        "From: Ana Ruiz <ana@example.net>\nTo: writers@lists.example.net\nSubject: Fwd: Open call\n\n"
        "Hi all, passing this on.\n\nAna\n\n-------- Forwarded Message --------\n"
        "From: Brackwater House <residency@brackwater.example.net>\nSubject: Open call\n\n"
        "> Dear friends,\n>\n> Each resident receives a stipend of EUR 1,000.\n>\n> --\n> Ana Ruiz\n> Programme lead\n"
    )
    doc = parse(mail, "open-call.txt")
    assert all(not (b.kind == "heading" and b.text == "Ana") for b in doc.blocks)
    assert any("Ana Ruiz" in b.text for b in doc.blocks)  # who signs the message is still there


def test_a_numbered_advert_has_sections_and_capitals_with_a_colon_head_theirs() -> None:
    advert = (
        "Harlow Scholarships 2026\n\n1. Overview\n\nTwo scholarships for the MSc.\n\n2. Funding\n\n"
        "Each covers the fee and pays £19,000.\n\n3. Eligibility\n\nYou must hold a degree.\n\n"
        "ROLE 2: ADULT RUNNING COACH\n\nThe coach leads two groups a week.\n"
    )
    headings = [b.text for b in parse(advert, "harlow.txt").blocks if b.kind == "heading"]
    assert headings[-4:] == ["1. Overview", "2. Funding", "3. Eligibility", "ROLE 2: ADULT RUNNING COACH"]
    # steps are no sections, and a label line is no heading
    steps = parse("How to apply\n\n1. Fill in the form\n\n2. Send it\n\n3. Wait for us\n\nLocation: Leeds\n", "s.txt")
    assert [b.text for b in steps.blocks if b.kind == "heading"] == ["How to apply"]


def test_a_masthead_of_a_university_and_its_school_names_both_and_the_title_is_under_them(
    tmp_path: Path, settings: Settings
) -> None:
    text = (
        "UNIVERSITY OF HARLOW\nSchool of Marine Sciences\n\n"
        "Pryce Scholarships for the MSc in Estuarine Ecology, 2026/27 entry\n\n"
        "1. Overview\n\nTwo scholarships.\n\n2. Funding\n\nA stipend of £19,200.\n\n3. Deadline\n\nApply by 30 April 2026.\n"
    )
    assert parse(text, "harlow.txt").title == "Pryce Scholarships for the MSc in Estuarine Ecology, 2026/27 entry"
    write(tmp_path, "harlow.txt", text)
    assert {p.org for p in snapshot_from_folder(tmp_path, settings).corpus.passages} == {"University of Harlow"}


def test_a_mailing_lists_footer_is_blanked_and_a_signature_kept() -> None:
    text = (
        "From: Kittering Foundation <grants@kittering.example.org>\nSubject: Community Tech Fund\nDate: Thu, 28 May 2026\n\n"
        "The fund supports community organisations.\n\n"
        "You are receiving this because you are on our community partners\nlist. Unsubscribe | Update preferences\n\n"
        "--\nOluwaseun Pryce\nGrants Manager, Kittering Foundation\n"
    )
    out = tidy(text)
    assert len(out.split("\n")) == len(text.split("\n"))
    assert "receiving this" not in out and "Unsubscribe" not in out and "partners" not in out
    assert "The fund supports community organisations." in out and "Grants Manager, Kittering Foundation" in out


WELCOME_MAIL = """From: Learning & Development Team <students@valley.example>
To: Ashgrove Summer Students 2025
Cc: Priya Lennox <p.lennox@valley.example>
Date: Tue, 3 Jun 2025 11:42:07 +0100
Subject: Welcome to the Summer Programme – Ashgrove joining information

Hi everyone,

Some things work a bit differently at Ashgrove, so please read this carefully.

1) First day
Your first day is Monday 30 June, at the Education Centre.

2) Food
Ashgrove has no staff restaurant, so you get a food allowance of £20 a week.

3) "Can I park on site?"
Yes, in the overflow car park (P3).

4) Paperwork
Please bring your passport on the first day.

Best wishes,
Hannah

--
This e-mail and any attachments are confidential and intended solely for the addressee. If
you have received it in error please notify the sender.
"""


def test_an_emails_subject_is_its_title_and_its_numbered_items_its_sections() -> None:
    doc = parse(WELCOME_MAIL, "email-ashgrove.txt")
    # the subject names the e-mail, however many header lines are above it
    assert doc.title == "Welcome to the Summer Programme – Ashgrove joining information"
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    # "2) Food" straight above its paragraph heads it; one of them may be a question
    assert headings[1:] == ["1) First day", "2) Food", '3) "Can I park on site?"', "4) Paperwork"]
    food = next(b for b in doc.blocks if b.text.startswith("Ashgrove has no staff"))
    assert food.kind == "paragraph" and food.line == 15
    # the legal footer and the signature mark are no content
    texts = " ".join(b.text for b in doc.blocks)
    assert "confidential" not in texts and "in error" not in texts and "--" not in texts


def test_a_numbered_faq_and_wrapped_steps_are_no_sections() -> None:
    faq = parse(
        "Bootcamp FAQ\n\n1. Who can apply?\nAdults over 18.\n\n2. Is it online?\nNo, in person only.\n\n"
        "3. When does it start?\nOn 13 January.\n",
        "faq.txt",
    )
    assert [b.text for b in faq.blocks if b.kind == "heading"] == ["Bootcamp FAQ"]  # questions, read as an FAQ's
    steps = parse(
        "How to apply\n\n1. Complete the online form at\nwww.example.org by 5 March.\n\n"
        "2. Send two references to\nMaria Lopez before the interview.\n\n3. Book an interview with\nour team.\n",
        "steps.txt",
    )
    assert [b.text for b in steps.blocks if b.kind == "heading"] == ["How to apply"]  # lines that run on


def test_a_job_boards_breadcrumbs_go_and_the_posts_title_is_over_its_employer() -> None:
    paste = (
        "GreenJobsHub  |  Jobs  >  Charity & Fundraising  >  Grants Officer\n\n"
        "Grants Officer (Part-time, Maternity Cover)\nAlderwick Conservation Alliance\n\n"
        "Location: Marrowby (hybrid)\nSalary: £27,000 FTE\nClosing date: 17 January 2025\n\n"
        "About the role\n\nYou will write funding bids for our conservation work.\n"
    )
    doc = parse(paste, "jobboard-grants-officer.txt")
    assert doc.title == "Grants Officer (Part-time, Maternity Cover)"  # not joined with the employer's name
    texts = [b.text for b in doc.blocks]
    assert not any("GreenJobsHub" in t for t in texts)  # the board's breadcrumbs are no heading or text
    assert "Alderwick Conservation Alliance" in texts


def test_a_mails_signature_heads_nothing() -> None:
    mail = (
        "From: Talent <talent@mossgate.example>\nTo: Candidate\nSubject: Your interview at Mossgate\n\n"
        "STAGE 1 – PHONE SCREEN\n\nA 20-minute call with the talent team.\n\n"
        "Best of luck!\n\nPriya Raman\nEarly Careers Talent Partner, Mossgate Money\ntalent@mossgate.example\n"
    )
    doc = parse(mail, "interview-email.txt")
    assert [b.text for b in doc.blocks if b.kind == "heading"][1:] == ["STAGE 1 – PHONE SCREEN"]
    signed = next(b for b in doc.blocks if "Priya Raman" in b.text)
    assert signed.kind == "paragraph" and "talent@mossgate.example" in signed.text


def test_an_emails_sections_in_capitals_over_lists_or_labelled_lines_are_its_sections() -> None:
    mail = (
        "From: Hamid <hamid@code.example>\nSubject: Your Day Cohort place – next steps\n\nHi everyone,\n\n"
        "A few things before we start:\n\n"
        "1. ACCEPT YOUR PLACE\nPlease reply to your offer email by Wednesday 26 February.\n\n"
        # a heading in capitals may say more than nine words
        "2. INDUCTION DAY – FRIDAY 28 FEBRUARY, 10:00 TO 13:00\nPlease bring photo ID and a proof of address.\n\n"
        # a numbered heading over its bulleted list
        "3) Bursaries\n   - Juniors: full fee for families on free school meals.\n   - Seniors: half fee.\n\n"
        "4. YOUR MENTOR\nWe will introduce you to your mentor in week 3.\n\n"
        # a heading in capitals over labelled lines, however many its words
        "ADULT NURSING GRADUATE PROGRAMME – OPEN EVENING\nDate: Thursday 6 February 2025\nTime: 18:00–20:00\n\n"
        "Best wishes,\n\nRenée Fairweather\nNurse Recruitment Lead\nTel: 01632 960 210\n"
    )
    doc = parse(mail, "email.txt")
    assert [b.text for b in doc.blocks if b.kind == "heading"][1:] == [
        "1. ACCEPT YOUR PLACE",
        "2. INDUCTION DAY – FRIDAY 28 FEBRUARY, 10:00 TO 13:00",
        "3) Bursaries",
        "4. YOUR MENTOR",
        "ADULT NURSING GRADUATE PROGRAMME – OPEN EVENING",
    ]
    signed = next(b for b in doc.blocks if "Renée Fairweather" in b.text)  # an accented name signs too
    assert signed.kind == "paragraph" and "01632" in signed.text


def test_two_numbered_roles_each_over_labelled_lines_are_an_emails_sections_and_roles() -> None:
    mail = (
        "From: Aileen <a@ferries.example>\nSubject: ticket office jobs\n\nHi all,\n\n"
        "We have two ticket office roles this summer.\n\n"
        "1) Ticket Office Assistant – Stranmore terminal (Holm Shuttle)\nLocation: Stranmore Harbour\n"
        "Salary: £12.40 per hour\nClosing date: 30 April 2025\n\n"
        "2) Ticket Office Assistant – Port Callan terminal (Northern Night Route)\nLocation: Port Callan\n"
        "Salary: £12.60 per hour\nClosing date: 16 March 2025\n\n"
        "To apply, email your CV to tickets@ferries.example.\n"
    )
    doc = parse(mail, "ticket-office-email.txt")
    assert [b.text for b in doc.blocks if b.kind == "heading"][1:] == [
        "1) Ticket Office Assistant – Stranmore terminal (Holm Shuttle)",
        "2) Ticket Office Assistant – Port Callan terminal (Northern Night Route)",
    ]
    steps = parse("How to apply\n\n1. Fill in the form\nIt is on our website.\n\n2. Send it to us\nBy post.\n", "steps.txt")
    assert [b.text for b in steps.blocks if b.kind == "heading"] == ["How to apply"]  # two steps are no sections


def test_a_boards_roles_between_rules_head_their_parts_in_lower_case() -> None:
    paste = (
        "Brackwater City Library & Archive – current vacancies\n\n"
        "We currently have THREE vacancies. Please read each one carefully.\n\n"
        "------------------------------------------------------------------\n"
        "1) LIBRARY ASSISTANT (CUSTOMER SERVICES)\n"
        "------------------------------------------------------------------\n"
        "Location: Eastfield Library\nSalary: £23,656 per year pro rata\nClosing date: 14 August 2025\n\n"
        "The role\nYou'll be the first friendly face people see when they come into Eastfield Library.\n\n"
        "------------------------------------------------------------------\n"
        "2) ARCHIVIST (DIGITAL COLLECTIONS)\n"
        "------------------------------------------------------------------\n"
        "Location: Tanner Street Records Centre\nSalary: £33,366 per year\nClosing date: 21 August 2025\n\n"
        "The role\nYou'll lead the digital preservation work of the archive.\n\n"
        "------------------------------------------------------------------\n"
        "3) IT SUPPORT OFFICER\n"
        "------------------------------------------------------------------\n"
        "Location: Central Library\nSalary: £27,711 per year\nClosing date: 28 August 2025\n\n"
        "BENEFITS (ALL POSTS)\n- 26 days' annual leave plus bank holidays\n"
    )
    doc = parse(paste, "vacancies-jobboard.txt")
    texts = [b.text for b in doc.blocks]
    assert not any(t.startswith("---") for t in texts)  # the rules around a numbered heading are no text
    headings = [(b.level, b.text) for b in doc.blocks if b.kind == "heading"]
    # the parts in lower case are the numbered role's; the next heading in capitals is the page's again
    assert (2, "2) ARCHIVIST (DIGITAL COLLECTIONS)") in headings and headings.count((3, "The role")) == 2
    assert (2, "BENEFITS (ALL POSTS)") in headings
    from bot.documents.parse import title_cased

    assert title_cased("ARCHIVIST (DIGITAL COLLECTIONS)") == "Archivist (Digital Collections)"


def test_a_postings_title_and_employer_between_rules_under_a_note_in_brackets() -> None:
    paste = (
        "(pasted by a mod from NorthJobs on 28 Feb, formatting is a bit broken sorry)\n\n"
        "=====================================================================\n"
        "Café Supervisor (Seasonal) – Meerkat Café\nHarrowmoor Wildlife Trust\n"
        "=====================================================================\n\n"
        "Location: Harrowmoor Wildlife Park, Kettleby\nSalary: £13.40 per hour\nClosing date: 2 March 2025\n\n"
        "About the role\n\nYou will run the café team on busy summer days.\n"
    )
    doc = parse(paste, "jobboard-cafe-supervisor.txt")
    assert doc.title == "Café Supervisor (Seasonal) – Meerkat Café"  # not the file's name, nor the note
    assert not any(b.text.startswith("===") for b in doc.blocks)


def test_a_boards_name_before_its_breadcrumbs_goes_with_them() -> None:
    paste = (
        "AshbridgeJobs.co.uk  |  Home > Retail & Hospitality > Shop Assistant (Part Time) – Artisan Bakery\n"
        "Job ref: AJ-448190\n\n"
        "Shop Assistant (Part Time) – Artisan Bakery\nKilnworth Bread Co-operative\n\n"
        "Location: Tanner Street, Ashbridge\nSalary: £12.21 per hour\n\nAbout the job\n\nYou will serve our customers.\n"
    )
    doc = parse(paste, "jobboard_shop_assistant.txt")
    assert doc.title == "Shop Assistant (Part Time) – Artisan Bakery"
    assert not any("Home >" in b.text for b in doc.blocks)
