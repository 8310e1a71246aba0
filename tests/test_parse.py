from datetime import date
from pathlib import Path

import pytest

from bot.documents.chunk import chunk_document
from bot.documents.decode import decode_bytes, repair_text
from bot.documents.document import DocumentError, is_bold_heading, parse_document
from bot.documents.loader import load_folder
from bot.documents.roles import document_org
from bot.models import Problem
from tests.conftest import KNOWLEDGE, write


def parse(text: str | bytes, name: str = "doc.md") -> tuple:
    problems: list[Problem] = []
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_document(data, name, problems), problems


def test_repairs_windows_1252_and_mac_roman_mojibake() -> None:
    assert repair_text("weâ€™re on a journey ðŸ¤—") == "we’re on a journey 🤗"
    assert (
        repair_text("Announcing the \uf8ffü§ó AI Residency ‚Äî now") == "Announcing the 🤗 AI Residency — now"
    )
    assert repair_text("Ça va, Noël, naïve") == "Ça va, Noël, naïve"  # real accents stay


def test_invalid_utf8_is_read_as_cp1252_with_a_warning() -> None:
    text, warning = decode_bytes("line one\ncaf\xe9\n".encode("cp1252"))
    assert text == "line one\ncafé\n"
    assert warning is not None and "line 2" in warning


def test_seed_documents_are_read_as_they_are() -> None:
    corpus = load_folder(KNOWLEDGE)
    docs = {d.source: d for d in corpus.documents}
    assert len(docs) == 5 and not corpus.errors
    residency = docs["hf-ai-research-residency.md"]
    assert residency.title == "Announcing the 🤗 AI Research Residency Program"
    assert residency.published == date(2022, 2, 25)
    assert residency.url == "https://github.com/huggingface/blog/blob/master/residency-blog.md"
    assert residency.kind == "faq"
    engineer = docs["hf-ml-engineer-optimization-emea.md"]
    assert engineer.title.startswith("Machine Learning Engineer in the Optimization team")
    assert engineer.url.startswith("https://www.remotewlb.com/apply/")
    assert engineer.kind == "posting"
    meta = docs["meta-research-scientist-intern-ai-alignment.txt"]
    assert meta.title == "Research Scientist Intern"  # its own heading line, not the file name
    assert meta.kind == "posting"
    text = " ".join(p.text for p in corpus.passages)
    for junk in ("medium-zoom", "Gravatar", "lysandre", "Update on GitHub", "â€", "ü§ó", "<div"):
        assert junk not in text


def test_html_drops_scripts_navigation_and_footer_and_reads_metadata() -> None:
    doc, _ = parse(
        """<html><head><title>Camp FAQ</title><link rel="canonical" href="https://camp.example.org/faq">
        <script>var tracking = 1;</script></head><body>
        <nav><a href="/">Home</a></nav>
        <p class="byline">Published June 2, 2025</p>
        <h2>Is lunch included?</h2><p>Yes, <a href="https://camp.example.org/menu">lunch</a> is served.</p>
        <footer>© Camp</footer></body></html>""",
        "camp.html",
    )
    assert doc.title == "Camp FAQ"
    assert doc.url == "https://camp.example.org/faq"
    assert doc.published == date(2025, 6, 2)
    text = " ".join(b.text for b in doc.blocks)
    assert "tracking" not in text and "Home" not in text and "© Camp" not in text
    assert "Yes, lunch is served." in text
    assert any(link.url == "https://camp.example.org/menu" for link in doc.links)


def test_front_matter_fields_win() -> None:
    doc, _ = parse(
        "---\ntitle: Given\nurl: https://x.example.org\npublished: 2024-05-31\nkind: page\norg: Acme\n---\n# Other\n\nBody text here.\n"
    )
    assert (doc.title, doc.url, doc.published, doc.kind, doc.org) == (
        "Given",
        "https://x.example.org",
        date(2024, 5, 31),
        "page",
        "Acme",
    )


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\ntitle: ok\nkind: [broken\n---\nBody\n", 3, "invalid YAML"),
        ("---\ntitle: ok\nkind: memo\n---\nBody\n", 3, "'kind' must be one of"),
        ("---\ntitle: x\nroles:\n  - title: A\n    type: gig\n---\nBody\n", 5, "'type' must be one of"),
        ("---\ntitle: x\n\nBody without an end\n", 1, "never ends"),
    ],
)
def test_broken_front_matter_is_an_error_with_its_line(text: str, line: int, words: str) -> None:
    with pytest.raises(DocumentError) as err:
        parse(text)
    assert err.value.line == line and words in str(err.value)


def test_broken_file_is_reported_and_the_rest_loads(tmp_path: Path) -> None:
    write(tmp_path, "good.md", "# Good\n\nThe good document answers questions.\n")
    write(tmp_path, "sub/bad.md", "---\ntitle: [oops\n---\nBody\n")
    write(tmp_path, "image.png", b"\x89PNG")
    corpus = load_folder(tmp_path)
    assert [d.source for d in corpus.documents] == ["good.md"]
    errors = [str(p) for p in corpus.errors]
    assert errors == [
        "sub/bad.md:2: error: invalid YAML in front matter: expected ',' or ']', but got '<stream end>'"
    ] or (len(errors) == 1 and errors[0].startswith("sub/bad.md:2: error:"))
    assert any("image.png" in str(p) and "unsupported" in str(p) for p in corpus.problems)


def test_plain_text_headings_and_label_lines() -> None:
    doc, _ = parse(
        "Data Analyst\n\nCompany: Acme\nLocation: Oslo\n\nResponsibilities:\n\nBuild reports\nTalk to teams\n",
        "analyst.txt",
    )
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert doc.title == "Data Analyst"
    assert ("heading", "Responsibilities") in kinds
    assert ("item", "Build reports") in kinds and ("item", "Talk to teams") in kinds
    assert doc.kind == "posting"


def test_a_bare_heading_straight_over_its_unbulleted_items_heads_them() -> None:
    # a list copied without its bullets: "Key responsibilities" is no item of it; a list
    # whose first item is as short as the rest ("Python" / "SQL") keeps it as an item
    doc, _ = parse(
        "Physiotherapist\n\nAbout the role\nYou will rotate every six months through four areas.\n\n"
        "Key responsibilities\nAssess and treat patients across your current rotation\n"
        "Plan discharges with the multidisciplinary team\n\n"
        "Benefits\nMedical, dental and vision insurance from your first day\n401(k) with a 4% company match\n"
        "Stock options\nFree on-site parking and uniforms\n\n"
        "Tools\nPython\nSQL and dbt\n",
        "physio.txt",
    )
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert ("heading", "Key responsibilities") in kinds
    # ... as most of them are longer than it, though one is short ("Stock options")
    assert ("heading", "Benefits") in kinds and ("item", "Stock options") in kinds
    # ... and a line that stops where its list goes on heads it, however short the items
    lx, _ = parse(
        "Lighting Technician\n\nAbout the role\nYou will light six shows a year.\n\n"
        "It would be great if you also had\nA full UK driving licence, for the touring van\nExperience with grandMA3\n"
        "Knowledge of Vectorworks\n",
        "lx.txt",
    )
    lx_kinds = [(b.kind, b.text) for b in lx.blocks]
    assert ("heading", "It would be great if you also had") in lx_kinds
    assert ("item", "Experience with grandMA3") in lx_kinds
    assert ("item", "Assess and treat patients across your current rotation") in kinds
    assert ("item", "Python") in kinds and ("heading", "Tools") not in kinds


def test_a_bare_link_keeps_its_address_in_the_text() -> None:
    # "Submit your application here" says where only with its address: "where do I apply?"
    from bot.documents.parse import parse_html, parse_markdown

    body = parse_markdown(
        "# [Apply](https://example.com/title)\n\n"
        "[Submit your application here](https://jobs.example.com/apply/12).\n\n"
        "See the [Retrieval Augmentation Internship](https://jobs.example.com/ra) and "
        "[click here](ftp://files.example.com/form).\n"
    )
    texts = [b.text for b in body.blocks]
    assert texts[0] == "Apply"  # a heading keeps its words only
    assert texts[1] == "Submit your application here (https://jobs.example.com/apply/12)."
    # a link that names what it is keeps its words; an unsafe address is never shown
    assert texts[2] == "See the Retrieval Augmentation Internship and click here."
    html = parse_html('<p>To apply, use <a href="https://jobs.example.com/form">this form</a>.</p>', fragment=True)
    assert html.blocks[0].text == "To apply, use this form (https://jobs.example.com/form)."


def test_html_drops_skip_links_and_screen_reader_text() -> None:
    html = (
        "<html><head><title>Guide Traineeship</title></head><body><a class='skip-link screen-reader-text' "
        "href='#content'>Skip to content</a><h1>Guide Traineeship</h1><p>Eighteen months, paid."
        "<span class='sr-only'>(opens in a new tab)</span></p></body></html>"
    )
    doc = parse_document(html.encode(), "g.html", [])
    assert [b.text for b in doc.blocks] == ["Guide Traineeship", "Eighteen months, paid."]


def test_a_job_boards_pasted_header_gives_the_title_and_headings_stand_over_their_bullets() -> None:
    text = (
        "Supply Chain Data Analyst\nBrackenfold Cider Company\nBristol, England (Hybrid)\nFull-time · Mid-Senior level\n\n"
        "What we're looking for\n• 2+ years in a data analyst role\n• Strong SQL\n\n"
        "Interview process\n1. A phone call\n2. A take-home exercise\n"
    )
    doc = parse_document(text.encode(), "pasted.txt", [])
    assert doc.title == "Supply Chain Data Analyst"
    assert [(b.kind, b.text) for b in doc.blocks[1:]] == [
        ("item", "Brackenfold Cider Company"),
        ("item", "Bristol, England (Hybrid)"),
        ("item", "Full-time · Mid-Senior level"),
        ("heading", "What we're looking for"),
        ("item", "2+ years in a data analyst role"),
        ("item", "Strong SQL"),
        ("heading", "Interview process"),
        ("item", "A phone call"),
        ("item", "A take-home exercise"),
    ]
    labelled = parse_document(
        b"Shift Lead - Night Bakery\nCompany: Grunwald GmbH\nLocation: Munich\n\nText.\n", "s.txt", []
    )
    assert labelled.title == "Shift Lead - Night Bakery"


def test_a_pages_owner_is_the_part_of_its_title_that_is_not_its_heading() -> None:
    html = (
        "<html><head><title>Fennick Robotics AG - Senior Product Designer</title></head><body>"
        "<h2>Senior Product Designer</h2><p>We build pallet movers.</p></body></html>"
    )
    doc = parse_document(html.encode(), "lever.html", [])
    assert doc.title == "Senior Product Designer" and doc.site_name == "Fennick Robotics AG"
    generic = html.replace("Fennick Robotics AG", "Careers")
    assert parse_document(generic.encode(), "lever.html", []).site_name is None


def test_a_pages_owner_is_found_when_its_title_says_faq_for_frequently_asked_questions() -> None:
    html = (
        "<html><head><title>Bookbinding Apprenticeship FAQ - Pellorine Guild</title></head><body>"
        "<h1>Bookbinding Apprenticeship: Frequently Asked Questions</h1><p>We train binders.</p></body></html>"
    )
    doc = parse_document(html.encode(), "faq.html", [])
    assert doc.site_name == "Pellorine Guild"
    # a title that is all heading ("… | FAQ" over "Frequently Asked Questions") has no owner
    both = (
        "<html><head><title>Bookbinding Apprenticeship | FAQ</title></head><body><h1>Bookbinding "
        "Apprenticeship</h1><h2>Frequently Asked Questions</h2><p>We train binders.</p></body></html>"
    )
    assert parse_document(both.encode(), "faq.html", []).site_name is None


def test_a_masthead_in_capitals_over_a_plain_texts_title_is_its_organisation() -> None:
    text = (
        "KESTRELMOUTH FOUNDATION\nCivic Code Fellowship - Autumn Cohort 2026\nFrequently asked questions\n"
        "Source: https://kestrelmouth.org/civic-code/autumn-2026/faq\n\n"
        "The fellowship pairs developers with councils.\n\nQ: When does it run?\nA: From 21 September.\n"
    )
    doc = parse_document(text.encode(), "autumn.txt", [])
    assert doc.title == "Civic Code Fellowship - Autumn Cohort 2026"
    assert document_org(doc) == "Kestrelmouth Foundation"
    assert doc.url == "https://kestrelmouth.org/civic-code/autumn-2026/faq"  # "Source:" near the top
    # a job title in capitals over its company is no masthead: the title stays the job's
    posting = parse_document(b"SENIOR BACKEND ENGINEER\nQuillmoor Payments\nToronto\n\nWe build rails.\n", "p.txt", [])
    assert posting.title.startswith("SENIOR BACKEND ENGINEER")


def test_an_organisation_is_the_subject_of_the_opening_paragraph() -> None:
    text = (
        "# Dark Sky Research Grant 2026\n\nThe Vantrelle Observatory Trust is an independent Norwegian "
        "foundation that runs the Vantrelle visitor observatory near Hestvik and supports research on the "
        "night sky and on light pollution in the Nordic countries.\n\n## Funding\n\nUp to NOK 450,000.\n"
    )
    assert document_org(parse_document(text.encode(), "grant.md", [])) == "Vantrelle Observatory Trust"


def test_plain_text_headings_underlined_with_equals_or_dashes() -> None:
    text = (
        "Velmora Tidewater Lab\nCoastal Fieldwork Residency 2026\n================================\n\n"
        "The Velmora Tidewater Lab is a small research station.\n\nWho can apply\n-------------\n\n"
        "Anyone aged 19 or over.\n\nMoney\n-----\n\nA stipend of NOK 14,500 per month.\n"
        "- a list item\n---\n"
    )
    doc, _ = parse(text, "velmora.txt")
    headings = [(b.text, b.line) for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        ("Velmora Tidewater Lab – Coastal Fieldwork Residency 2026", 1),
        ("Who can apply", 7),
        ("Money", 12),
    ]
    assert not any(set(b.text) <= set("=-") for b in doc.blocks)


def test_a_word_exports_lists_are_lists() -> None:
    text = (
        "Rural Broadband Traineeship\n\nPay and benefits\n\u2022\tTrainee wage of £23,400 a year\n"
        "\u2022\tFull set of work clothing provided free\n\to\tReplacement boots once a year\n"
        "\to\tA rain jacket\n\u2022\tPension: 5% of salary\n\nWho can apply\na)\tYou must be 18 or older.\n"
        "b)\tYou must live within 25 miles of the depot.\n\nContact\nCeri Bowen, Training Coordinator\n"
        "trainees@orrinshaw.coop\n01650 521 447\n"
    )
    doc, _ = parse(text, "traineeship.txt")
    items = [b.text for b in doc.blocks if b.kind == "item"]
    assert items[:5] == [
        "Trainee wage of £23,400 a year",
        "Full set of work clothing provided free: Replacement boots once a year; A rain jacket",
        "Pension: 5% of salary",
        "You must be 18 or older.",
        "You must live within 25 miles of the depot.",
    ]
    assert "trainees@orrinshaw.coop" in items and "01650 521 447" in items


def test_markdown_label_lines_in_one_paragraph_stay_lines() -> None:
    text = "# Bursary\n\n**Deadline:** 14 March 2026\n**Stipend:** EUR 6,000, paid in two instalments\nand more.\n"
    doc, _ = parse(text, "bursary.md")
    (labels,) = [b.text for b in doc.blocks if b.text.startswith("Deadline")]
    assert labels == "Deadline: 14 March 2026\nStipend: EUR 6,000, paid in two instalments and more."


def test_a_wiki_pages_layout_table_keeps_its_headings_and_its_title() -> None:
    html = (
        "<html><head><title>Graduate Rotation - Careers - Kestrafell Wiki</title></head><body>"
        '<div id="main-header"><h1 class="pagetitle with-breadcrumbs">Graduate Rotation</h1></div>'
        "<p>Kestrafell Systems AG runs payment-routing infrastructure for around 300 regional banks in "
        "Switzerland, Austria and Liechtenstein, and trains six graduates a year.</p>"
        "<table><tr><td><h2>Key facts</h2><p><strong>Salary:</strong> CHF 92,000</p></td>"
        "<td><h2>Benefits</h2><p>25 days of holiday.</p></td></tr></table></body></html>"
    )
    doc, _ = parse(html, "wiki.html")
    assert doc.title == "Graduate Rotation"
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["Graduate Rotation", "Key facts", "Benefits"]
    assert "Salary: CHF 92,000" in [b.text for b in doc.blocks]
    assert document_org(doc) == "Kestrafell Systems AG"


def test_a_site_banner_without_headings_is_dropped_and_an_articles_header_kept() -> None:
    html = (
        "<html><head><title>Lab Technician</title></head><body><header class='careers-header'>"
        "<a href='/jobs'>View all jobs</a></header><main><article><header><h1>Lab Technician</h1></header>"
        "<p>Sterility testing in Kraków.</p></article></main></body></html>"
    )
    doc = parse_document(html.encode(), "w.html", [])
    assert [b.text for b in doc.blocks] == ["Lab Technician", "Sterility testing in Kraków."]


def test_a_salary_range_in_pounds_is_no_mojibake() -> None:
    # "–£" re-encoded as Mac Roman is valid UTF-8 ("У"), but no letter of another script is
    # what mojibake of these documents hides
    assert repair_text("Salary: £68,000–£78,000 per year") == "Salary: £68,000–£78,000 per year"
    assert repair_text("caf√© and r√©sum√©") == "café and résumé"


def test_a_google_docs_export_says_bold_with_classes_and_its_bold_lines_head_sections() -> None:
    html = (
        "<html><head><style>.c3{padding-bottom:8pt}.c4{font-weight:700}.c0{font-weight:400}</style>"
        "<title>Literary Translation Internship</title></head><body>"
        '<p class="c3"><span class="c4">Housing</span></p>'
        '<p class="c3"><span class="c0">The Foundation does not provide housing.</span></p>'
        '<p class="c3"><span class="c4">Stipend</span></p>'
        '<table><tr><td><p><span class="c4">Level</span></p></td><td><p><span class="c4">Who</span></p></td>'
        '<td><p><span class="c4">Monthly stipend</span></p></td></tr><tr><td><p><span>Level A</span></p></td>'
        "<td><p><span>Bachelor's students</span></p></td><td><p><span>&euro;950</span></p></td></tr></table>"
        # pasted from Docs: a <b> styled normal is no bold
        '<b style="font-weight:normal"><p>Interns work 32 hours a week.</p></b></body></html>'
    )
    doc = parse_document(html.encode(), "gdocs.html", [])
    headings = [b.text for b in doc.blocks if b.kind == "heading" or is_bold_heading(b)]
    assert headings == ["Housing", "Stipend"]
    # a cell's text wrapped in one paragraph is a value; a row of bold cells heads the columns
    assert "Level: Level A; Who: Bachelor's students; Monthly stipend: €950" in [b.text for b in doc.blocks]


def test_a_pages_owner_is_found_in_a_title_with_a_job_boards_word() -> None:
    html = (
        "<html><head><title>Senior Data Engineer – Wrenpoint Tidal Systems | Careers</title></head><body>"
        "<h1>Senior Data Engineer</h1><p>We forecast tides.</p>"
        "<footer>© 2026 Wrenpoint Tidal Systems Ltd. Registered in Scotland.</footer></body></html>"
    )
    assert parse_document(html.replace("<footer>", "<p>").encode(), "job.html", []).site_name == (
        "Wrenpoint Tidal Systems Ltd"  # the © line, up to the body's legal form
    )
    without = html.split("<footer>")[0] + "</body></html>"
    assert parse_document(without.encode(), "job.html", []).site_name == "Wrenpoint Tidal Systems"


def test_a_title_gives_the_organisation_when_nothing_else_does() -> None:
    careers = parse_document(b"# Careers at Pellucine Robotics\n\nWe build weeding robots.\n", "c.md", [])
    assert document_org(careers) == "Pellucine Robotics"
    opening = parse_document(
        b"# Ostrevel Foundation \xe2\x80\x93 Literary Translation Internship 2026\n\nFour months in Ghent.\n", "o.md", []
    )
    assert document_org(opening) == "Ostrevel Foundation"
    assert document_org(parse_document(b"# Work with us\n\nWe are hiring.\n", "w.md", [])) is None


def test_the_line_breaks_of_html_source_are_spaces_and_br_breaks_a_line() -> None:
    # a Word export wraps its text at 80 columns, inside its headings too
    html = (
        "<html><body><p class=MsoNormal><span style='font-weight:bold'>About\nthe Trust<o:p></o:p></span></p>"
        "<p class=MsoNormal>The Trust was founded in 1962 by the\nsaddler Margaret Vane.</p>"
        "<p>Line one<br>Line two</p><pre>keep\nthese lines</pre></body></html>"
    )
    doc = parse_document(html.encode(), "guidance.html", [])
    texts = [b.text for b in doc.blocks]
    assert "About the Trust" in texts
    assert "The Trust was founded in 1962 by the saddler Margaret Vane." in texts
    assert "Line one\nLine two" in texts and "keep\nthese lines" in texts


def test_the_organisation_is_the_one_whose_domain_the_page_is_on() -> None:
    text = "---\ntitle: Track Apprenticeship FAQ\nurl: https://careers.cindermoor-rail.example/faq\n---\n\nCindermoor Rail maintains 640 miles of track.\n"
    assert document_org(parse_document(text.encode(), "faq.md", [])) == "Cindermoor Rail"
    # the text must say it, and a hosting site's name is nobody's
    assert document_org(parse_document(text.replace("Cindermoor Rail", "We").encode(), "faq.md", [])) is None
    hosted = text.replace("careers.cindermoor-rail.example", "github.com").replace("Cindermoor Rail", "GitHub")
    assert document_org(parse_document(hosted.encode(), "faq.md", [])) is None


def test_a_wikis_breadcrumbs_say_whose_site_it_is() -> None:
    html = (
        "<html><head><title>Summer Schools : Modelling Summer School 2026</title></head><body>"
        "<ol id='breadcrumbs'><li><a href='index.html'>Marrowgate Institute Wiki</a></li>"
        "<li><a href='s.html'>Summer Schools</a></li></ol><h2>Key facts</h2><p>Fee: EUR 450.</p></body></html>"
    )
    assert parse_document(html.encode(), "school.html", []).site_name == "Marrowgate Institute"


def test_a_numbered_documents_first_section_is_not_its_title() -> None:
    text = (
        "Research Office\nClinical Research Fellowship\nGuidelines for Applicants\n\n"
        "# 1. Overview\n\nUp to four Fellowships are awarded.\n\n# 2. Eligibility\n\nNurses may apply.\n"
    )
    doc = parse_document(text.encode(), "research-fellowship-guide.md", [])
    assert doc.title == "Research Fellowship Guide"  # the file's name, not "1. Overview"
    doc = parse_document(b"# 1. Overview\n\nUp to four Fellowships are awarded.\n", "guide.md", [])
    assert doc.title == "1. Overview"  # one numbered heading alone says no numbered document


def test_a_pasted_pages_site_header_is_not_its_title() -> None:
    text = (
        "Skip to main content\nSaltinge Studio\nWork    Studio    Careers    Contact\n\nCareers / Early careers\n\n"
        "Spring Internship 2026\nA ten-week paid internship at our Harrowby studio.\n\n"
        "Pay\nSpring interns are paid 460 pounds a week.\n\n© 2026 Saltinge Studio Ltd · Privacy\n"
    )
    doc = parse_document(text.encode(), "page.txt", [])
    assert doc.title == "Spring Internship 2026"
    assert doc.site_name == "Saltinge Studio"
    assert not any("Skip to" in b.text or "Careers /" in b.text for b in doc.blocks)
    assert doc.blocks[0].line == 7  # lines keep their numbers


def test_a_readmes_title_between_rules_and_its_wrapped_list_items() -> None:
    text = (
        "=====================\nQuillfeather Mentorship\n=====================\n\nWe mentor new contributors.\n\n"
        "Who can apply\n------------\n\n- You are at least 18 years old.\n- You have not been a mentee before. Past\n"
        "  mentees are welcome back as mentors.\n- You can receive payments.\n"
    )
    doc = parse_document(text.encode(), "README.txt", [])
    assert doc.title == "Quillfeather Mentorship"
    items = [(b.text, b.line) for b in doc.blocks if b.kind == "item"]
    assert items == [
        ("You are at least 18 years old.", 10),
        ("You have not been a mentee before. Past mentees are welcome back as mentors.", 11),
        ("You can receive payments.", 13),
    ]


def test_a_short_line_over_labels_or_a_lead_in_heads_its_section() -> None:
    text = (
        "Spring Internship 2026\n\nAbout us\nWe design kitchen appliances and have done so since 2009, in two studios.\n\n"
        "Key facts\nDates: 13 April to 19 June 2026\nPay: 460 pounds per week\n\n"
        "How to apply\nSend us two things:\n1. A portfolio of no more than 10 pages.\n2. A 300-word answer.\n"
    )
    doc = parse_document(text.encode(), "page.txt", [])
    assert [b.text for b in doc.blocks if b.kind == "heading"][1:] == ["About us", "Key facts", "How to apply"]


def test_a_div_of_bold_text_alone_heads_a_section() -> None:
    html = (
        "<html><body><div class='section'><div><b>About Tidewrack</b></div>"
        "<div>Tidewrack builds route-planning software.</div></div></body></html>"
    )
    doc = parse_document(html.encode(), "job.html", [])
    assert [c.section for c in chunk_document(doc, 1200)] == ["About Tidewrack"]


def test_a_description_lists_question_that_says_why_it_asks_is_one_question() -> None:
    html = (
        "<html><body><h2>FAQ</h2><dl><dt>I already have a PhD. Is this fellowship for me?</dt>"
        "<dd>No. It is not open to anyone who holds a PhD.</dd>"
        "<dt>Do I need to dive?</dt><dd>No diving is involved.</dd></dl></body></html>"
    )
    chunks = chunk_document(parse_document(html.encode(), "faq.html", []), 1200)
    assert [c.question for c in chunks] == ["I already have a PhD. Is this fellowship for me?", "Do I need to dive?"]


def test_the_line_above_a_pasted_pages_breadcrumbs_is_its_sites_name() -> None:
    text = (
        "Tallowmere Community Forum\nVolunteering  >  Opportunities\n\n"
        "Reading Partners\n\nWe are looking for volunteer tutors for the autumn term, two afternoons a week.\n"
    )
    doc = parse_document(text.encode(), "thread.txt", [])
    assert doc.site_name == "Tallowmere Community Forum"
    assert doc.title == "Reading Partners"


def test_a_job_boards_banner_over_home_breadcrumbs_is_its_sites_name_and_heads_nothing() -> None:
    text = (
        "KestrelJobs - Local jobs for local people\nHome > Jobs > Libraries & Culture > Library Helper\n\n"
        "Library Helper - Kestrelford City Council\nPosted 12 September 2025\n\n"
        "Location: Central Library\nSalary: £8.60 per hour\n\n"
        "About the role\n\nYou will shelve returned books on Saturdays.\n"
    )
    doc = parse_document(text.encode(), "advert.txt", [])
    assert doc.site_name == "KestrelJobs"
    sections = [c.section for c in chunk_document(doc, 1200)]
    assert not any("KestrelJobs" in (s or "") for s in sections)
    assert "About the role" in sections


def test_a_job_boards_buttons_under_its_banner_are_no_title() -> None:
    text = (
        "WexJobs  |  Jobs in Wexcombe & the Estuary\nHome > Hospitality > Bar Staff\n"
        "Save job   |   Share   |   Report this ad\n\n"
        "Bar Staff (Casual) - Theatre Cafe Bar\n\nEmployer: Wexcombe Playhouse\nSalary: £12.85 per hour\n\n"
        "What you get\n\nA free staff meal on any shift longer than five hours.\n"
    )
    doc = parse_document(text.encode(), "posting.txt", [])
    assert doc.title == "Bar Staff (Casual) - Theatre Cafe Bar"
    assert doc.site_name == "WexJobs"


def test_other_employers_jobs_listed_in_a_paste_are_no_text_of_it() -> None:
    text = (
        "Bar Staff - Wexcombe Playhouse\n\nSalary: £12.85 per hour\n\n"
        "How to apply\n\nE-mail your CV to foh@example.org.\n\n"
        "-----\nSimilar jobs near Wexcombe\nBar Supervisor - The Anchor, Wexcombe (£13.50/hr)\n"
        "Barista - Tidewater Coffee (£12.21/hr)\n\n"
        "Report this job  |  Similar jobs: Radio Operator (North Sea) · Combine Driver (Ashby Estates)\n\n"
        "Similar jobs: Platform Engineer at Brightloom · DevOps Engineer\nReport this job\n"
    )
    doc = parse_document(text.encode(), "posting.txt", [])
    words = " ".join(c.text for c in chunk_document(doc, 1200))
    assert "foh@example.org" in words
    for other in ("Supervisor", "Barista", "Radio", "Combine", "Brightloom"):
        assert other not in words


@pytest.mark.parametrize(
    ("header", "site"),
    [
        ("ArchiJobs UK  |  Job ID 448213  |  Posted 24 January 2025\n", "ArchiJobs UK"),
        ("CultureJobs North – Job ID 58213\nPosted 27 June 2025 | 143 views | Save job | Report this job\n", "CultureJobs North"),
        ("FieldHands - UK farm & rural jobs board\nJob ref: FH-2025-118734          Posted: 2 April 2025\n", "FieldHands"),
    ],
)
def test_a_job_boards_own_line_over_a_paste_is_no_title(header: str, site: str) -> None:
    text = (
        f"{header}\nTractor Driver – Harvest 2025\nHollowmere Growers Co-operative\n\n"
        "Location: Stowfield Grange\nSalary: £14.50 per hour\nClosing date: 16 May 2025\n\n"
        "What we offer\n\nA static caravan on site at £55 a week.\n"
    )
    doc = parse_document(text.encode(), "posting.txt", [])
    assert doc.title == "Tractor Driver – Harvest 2025"
    assert doc.site_name == site


def test_a_posts_title_over_a_boards_line_stays_the_title() -> None:
    text = (
        "On-Call Firefighter – Kettlewell Bridge (Station 22)\nCountyJobsDirect  |  Job ref: OC-22-25  |  Posted 12 May 2025\n\n"
        "Location: Kettlewell Bridge\nSalary: £3,040 retainer a year\n"
    )
    assert parse_document(text.encode(), "posting.txt", []).title == "On-Call Firefighter – Kettlewell Bridge (Station 22)"


def test_a_pages_copyright_footer_is_its_owner_not_text_of_its_last_passage() -> None:
    text = (
        "# Curatorial Trainee\n\n## Questions\n\n**What should I wear?**\nPractical clothes.\n\n"
        "See also: the traineeship FAQ page for eligibility.\n\n---\n\n"
        "© 2025 Brackenport Museums Trust · Registered charity no. 1187342 · [Privacy](/privacy)\n"
    )
    doc = parse_document(text.encode(), "trainee.md", [])
    assert not any("©" in c.text or "charity no" in c.text for c in chunk_document(doc, 1200))


def test_a_word_processors_list_saved_as_paragraphs_is_a_list() -> None:
    # Word saves a bulleted list as paragraphs that start with the bullet's glyph
    html = (
        "<html><head><title>Crafts Bursary</title></head><body><h1>Crafts Bursary</h1>"
        "<p class=MsoNormal>The money can be spent on:</p>"
        "<p class=MsoListParagraphCxSpFirst><span style='font-family:Symbol'>&middot;<span>&nbsp;&nbsp;&nbsp;</span>"
        "</span>tuition or course fees;</p>"
        "<p class=MsoListParagraphCxSpLast><span style='font-family:Symbol'>&middot;<span>&nbsp;&nbsp;&nbsp;</span>"
        "</span>tools and materials, up to £800.</p><p>We pay in two parts.</p></body></html>"
    )
    doc = parse_document(html.encode(), "b.html", [])
    assert [(b.kind, b.text) for b in doc.blocks[1:]] == [
        ("paragraph", "The money can be spent on:"),
        ("item", "tuition or course fees;"),
        ("item", "tools and materials, up to £800."),
        ("paragraph", "We pay in two parts."),
    ]
    assert doc.blocks[2].level == doc.blocks[3].level
