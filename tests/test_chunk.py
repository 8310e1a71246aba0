import pytest

from bot.documents.chunk import BULLET, SECTION_SEP, chunk_document, split_sentences
from bot.documents.document import parse_document
from bot.documents.loader import load_folder, parse_file
from tests.conftest import KNOWLEDGE, line_of


def chunks(text: str, max_chars: int = 900, name: str = "doc.md"):
    doc = parse_document(text.encode(), name, [])
    return chunk_document(doc, max_chars)


def test_faq_bullets_and_question_headings_are_one_passage_each() -> None:
    out = chunks(
        "# Program\n\n## FAQ\n\n* **Is it paid?**<br>Yes, monthly.\n\n* **Is it remote?**<br>No.\n\n"
        "### Can I apply twice?\n\nOnly once a year.\n\nApplications reopen in May.\n"
    )
    questions = [(c.question, c.text, c.section) for c in out]
    assert ("Is it paid?", "Yes, monthly.", "FAQ") in questions
    assert ("Is it remote?", "No.", "FAQ") in questions
    assert (
        "Can I apply twice?",
        "Only once a year.\nApplications reopen in May.",
        f"FAQ{SECTION_SEP}Can I apply twice?",
    ) in questions


def test_bold_question_paragraphs_head_the_paragraphs_that_answer_them() -> None:
    # "**Q: …?**" then "**A:** …": each question with its answer, the labels dropped
    out = chunks(
        "# Program\n\n## FAQ\n\n**Q: How long is it?**\n\n**A:** Twelve weeks.\n\nTwo cohorts a year.\n\n"
        "**Q: Is it online?**\n\n**A:** Yes, on Zoom.\n"
    )
    assert [(c.question, c.text, c.section) for c in out] == [
        ("How long is it?", "Twelve weeks.\nTwo cohorts a year.", "FAQ"),
        ("Is it online?", "Yes, on Zoom.", "FAQ"),
    ]


def test_one_rhetorical_bold_question_stays_in_its_prose() -> None:
    out = chunks(
        "# Program\n\n## How it works\n\nNo strings attached.\n\n"
        "**What would you need to be more impactful?**\n\nEveryone is welcome.\n"
    )
    assert [(c.question, c.section) for c in out] == [(None, "How it works")]
    assert "No strings attached." in out[0].text and "Everyone is welcome." in out[0].text


def test_sections_keep_heading_path_and_line() -> None:
    out = chunks("# T\n\n## Benefits\n\n### Health\n\nDental and vision.\n")
    assert out[0].section == f"Benefits{SECTION_SEP}Health"
    assert out[0].line == 7


def test_long_sections_split_between_sentences() -> None:
    sentence = "This sentence is about the long program description. "
    out = chunks("# T\n\n## Long\n\n" + sentence * 40, max_chars=300)
    assert len(out) > 4
    for c in out:
        assert len(c.text) <= 300
        assert c.text.endswith(".")


def test_list_items_start_their_line_with_the_bullet() -> None:
    out = chunks("# T\n\n## Perks\n\nYou get:\n\n- a laptop\n- a desk\n")
    assert out[0].text.split("\n") == ["You get:", f"{BULLET}a laptop", f"{BULLET}a desk"]


def test_a_list_split_across_passages_keeps_its_lead_in() -> None:
    items = "".join(f"- Position {n}, working on a problem of its own with its own team.\n" for n in range(12))
    out = chunks(f"# T\n\n## Positions\n\nIntro paragraph.\n\nThe Science team positions are:\n\n{items}", 300)
    assert len(out) > 2
    for c in out:
        lines = c.text.split("\n")
        assert lines[-1] != "The Science team positions are:"  # never left behind without its items
        if any(line.startswith(BULLET) for line in lines):
            assert "The Science team positions are:" in lines  # every part of the list says what it lists
    assert sum(c.text.count("Position 7,") for c in out) == 1  # items are not repeated


def test_sentence_splitter_keeps_abbreviations() -> None:
    assert split_sentences("A Ph.D. degree is needed. Tools (e.g. GitHub) help. Done!") == [
        "A Ph.D. degree is needed.",
        "Tools (e.g. GitHub) help.",
        "Done!",
    ]


def test_sentences_pasted_without_a_space_are_split() -> None:
    # text copied from the web loses the space after a full stop: "scale.Our internships …"
    assert split_sentences("Ideas at scale.Our internships last 12 weeks. See huggingface.co or ASP.NET.") == [
        "Ideas at scale.",
        "Our internships last 12 weeks.",
        "See huggingface.co or ASP.NET.",
    ]


def test_seed_faqs_become_passages() -> None:
    corpus = load_folder(KNOWLEDGE)
    residency = [p for p in corpus.passages if p.source == "hf-ai-research-residency.md" and p.question]
    assert len(residency) == 6  # the residency FAQ's six questions (see conftest.KNOWLEDGE)
    part_time = next(p for p in residency if "part-time" in p.question)
    assert part_time.text == "No. The Residency is only offered as a full-time position."
    assert part_time.line == line_of("hf-ai-research-residency.md", "Can I complete the program part-time?")
    # the posting's byline (company, country) is a passage of its own
    assert any(p.text.endswith("Hugging Face\nFrance") for p in corpus.passages)


# FAQ pages as the web lays them out: the question is a block of its own (a <summary>, an
# accordion's button, a <dt>, a table cell, a line of plain text), the answer the blocks after it.
FAQ_LAYOUTS = {
    "details.html": (
        "<html><head><title>Aurora Fellowship FAQ</title></head><body><h1>Aurora Fellowship FAQ</h1>"
        "<details><summary>How long is the fellowship?</summary><p>Eleven months.</p><p>It starts in October.</p>"
        "</details><details><summary>Is it paid?</summary><p>Yes, 2,400 euros a month.</p></details></body></html>"
    ),
    "bootstrap.html": (
        "<html><head><title>Aurora Fellowship FAQ</title></head><body><nav><button class='navbar-toggler' "
        "aria-controls='navbarNav'>Menu</button></nav><div class='accordion'><div class='accordion-item'>"
        "<h2 class='accordion-header'><button class='accordion-button' aria-controls='c1'>How long is the "
        "fellowship?</button></h2><div id='c1' class='accordion-collapse collapse'><div class='accordion-body'>"
        "Eleven months.<br>It starts in October.</div></div></div><div class='accordion-item'><h2 "
        "class='accordion-header'><button class='accordion-button collapsed' aria-controls='c2'>Is it paid?"
        "</button></h2><div id='c2' class='accordion-collapse collapse'><div class='accordion-body'>Yes, 2,400 "
        "euros a month.</div></div></div></div><button class='btn'>Apply now</button></body></html>"
    ),
    "w3.html": (
        "<html><head><title>Aurora Fellowship FAQ</title></head><body>"
        "<button class='accordion'>How long is the fellowship?</button><div class='panel'><p>Eleven months.</p>"
        "<p>It starts in October.</p></div><button class='accordion'>Is it paid?</button><div class='panel'>"
        "<p>Yes, 2,400 euros a month.</p></div></body></html>"
    ),
    "dl.html": (
        "<html><head><title>Aurora Fellowship FAQ</title></head><body><dl><dt>How long is the fellowship?</dt>"
        "<dd>Eleven months.</dd><dd>It starts in October.</dd><dt>Is it paid?</dt><dd>Yes, 2,400 euros a month."
        "</dd></dl></body></html>"
    ),
    "table.html": (
        "<html><head><title>Aurora Fellowship FAQ</title></head><body><table>"
        "<tr><td>How long is the fellowship?</td><td>Eleven months. It starts in October.</td></tr>"
        "<tr><td>Is it paid?</td><td>Yes, 2,400 euros a month.</td></tr></table></body></html>"
    ),
    "numbered.txt": (
        "Aurora Fellowship FAQ\n\n1. How long is the fellowship?\nEleven months.\nIt starts in October.\n\n"
        "2. Is it paid?\nYes, 2,400 euros a month.\n"
    ),
    "wrapped.txt": (
        "AURORA FELLOWSHIP\nFrequently Asked Questions\n\n1. How long is the fellowship?\nEleven months. It starts\n"
        "in October.\n\n2. Is it paid?\nYes, 2,400 euros a month.\n"
    ),
    "labels.md": (
        "# Aurora Fellowship FAQ\n\nQ: How long is the fellowship?\nA: Eleven months. It starts in October.\n\n"
        "Q: Is it paid?\nA: Yes, 2,400 euros a month.\n"
    ),
    "items.md": (
        "# Aurora Fellowship FAQ\n\n- How long is the fellowship?\n  Eleven months. It starts in October.\n"
        "- Is it paid?\n  Yes, 2,400 euros a month.\n"
    ),
    "numbered-headings.md": (
        "# Aurora Fellowship FAQ\n\n### 1. How long is the fellowship?\n\nEleven months. It starts in October.\n\n"
        "### 2. Is it paid?\n\nYes, 2,400 euros a month.\n"
    ),
    "lines.txt": (
        "Aurora Fellowship FAQ\n\nHow long is the fellowship?\n\nEleven months. It starts\nin October.\n\n"
        "Is it paid?\n\nYes, 2,400 euros a month.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(FAQ_LAYOUTS))
def test_a_question_standing_alone_heads_its_answer_in_every_faq_layout(name: str) -> None:
    out = chunks(FAQ_LAYOUTS[name], name=name)
    faq = {c.question: " ".join(c.text.split()) for c in out if c.question}
    assert faq == {
        "How long is the fellowship?": "Eleven months. It starts in October.",
        "Is it paid?": "Yes, 2,400 euros a month.",
    }
    assert not any(BULLET in c.text for c in out)  # the answers are text, not list items
    assert all("Menu" not in c.text and "Apply now" not in c.text for c in out)  # other buttons stay out


def test_a_details_summary_heads_its_answer_however_it_is_worded() -> None:
    # a <summary> that says why it asks before asking is still the question of its <details>;
    # it was read as prose, and its answer ran on into the item before it
    out = chunks(
        "<html><head><title>Aurora FAQ</title></head><body><h1>Aurora FAQ</h1>"
        "<details><summary>Is it paid?</summary><p>Yes, 2,400 euros a month.</p></details>"
        "<details><summary>I graduate in May. Can I still apply?</summary><p>No, only students.</p></details>"
        "<details><summary>Housing</summary><p>Rooms are shared.</p></details></body></html>",
        name="faq.html",
    )
    faq = {c.question: c.text for c in out if c.question}
    assert faq == {"Is it paid?": "Yes, 2,400 euros a month.", "I graduate in May. Can I still apply?": "No, only students."}
    # a summary that asks nothing heads its text as a heading does
    (housing,) = [c for c in out if "Rooms" in c.text]
    assert housing.question is None and housing.section == "Housing"


def test_a_question_that_says_why_it_asks_first_heads_its_answer() -> None:
    # a plain-text FAQ's question of two sentences is one question, as a <summary> is
    out = chunks(
        "Aurora FAQ\n\nIs it paid?\n\nYes, 2,400 euros a month.\n\nI graduate in May. Can I still apply?\n\n"
        "No, only students.\n",
        name="faq.txt",
    )
    assert {c.question: c.text for c in out if c.question} == {
        "Is it paid?": "Yes, 2,400 euros a month.",
        "I graduate in May. Can I still apply?": "No, only students.",
    }


def test_a_short_rhetorical_question_opening_a_paragraph_is_no_faq_item() -> None:
    out = chunks("# T\n\n## Join\n\nHow? In the way you prefer.\n\nWhy? Because it helps.\n")
    assert [c.question for c in out] == [None]


def test_one_question_standing_alone_in_prose_heads_nothing() -> None:
    out = chunks("Our story\n\nWhy did we start?\n\nBecause members asked the same questions every day.\n", name="a.txt")
    assert [c.question for c in out] == [None]


def test_a_long_question_is_prose_not_a_heading() -> None:
    asking = "Have you ever " + "wondered about the many things " * 7 + "?"
    out = chunks(f"# T\n\n{asking}\n\nText.\n\n{asking}\n\nMore text.\n")
    assert [c.question for c in out] == [None]


def test_a_description_list_of_facts_reads_as_labelled_lines() -> None:
    # a posting's <dl>: each term with its description, as the "Location: Berlin" line it means
    out = chunks(
        "<html><head><title>Data Engineer</title></head><body><h1>Data Engineer</h1><dl><dt>Location</dt>"
        "<dd>Oslo, Norway</dd><dt>Salary</dt><dd>NOK 650,000 per year</dd><dt>Perks</dt><dd><p>A pension.</p>"
        "<ul><li>A gym</li></ul></dd></dl></body></html>",
        name="job.html",
    )
    lines = out[0].text.split("\n")
    assert lines[:2] == [f"{BULLET}Location: Oslo, Norway", f"{BULLET}Salary: NOK 650,000 per year"]
    assert "A pension." in lines and f"{BULLET}A gym" in lines  # a description with blocks keeps them


def test_a_title_over_two_lines_of_plain_text_is_one_title() -> None:
    doc = parse_document(FAQ_LAYOUTS["wrapped.txt"].encode(), "wrapped.txt", [])
    assert doc.title == "AURORA FELLOWSHIP – Frequently Asked Questions"


def test_a_line_ending_mid_phrase_runs_on_into_the_next() -> None:
    # "(weekdays," / "10 a.m. …": one sentence wrapped, not two list items
    out = chunks("Contact\n\nCall 902-555-0148 (weekdays,\n10 a.m. to 4 p.m.).\n", name="c.txt")
    assert out[0].text == "Call 902-555-0148 (weekdays, 10 a.m. to 4 p.m.)."


TABLES = {
    "tables.html": (
        "<html><head><title>Moss Fellowship</title></head><body><h1>Moss Fellowship</h1><h2>Facts</h2>"
        "<table><tr><th>Duration</th><td>Nine months</td></tr><tr><th>Stipend</th><td>2,100 euros a month</td>"
        "</tr></table><h2>Roles</h2><table><thead><tr><th>Role</th><th>City</th><th>Closes</th></tr></thead>"
        "<tr><td>Data Fellow</td><td>Utrecht</td><td>1 March</td></tr></table><h2>FAQ</h2><table><tr>"
        "<th>Question</th><th>Answer</th></tr><tr><td>Can I work part-time?</td><td>No, it is full-time.</td>"
        "</tr><tr><td>Is housing provided?</td><td>Yes, a shared flat.</td></tr></table></body></html>"
    ),
    "tables.md": (
        "# Moss Fellowship\n\n## Facts\n\n| Fact | Value |\n|---|---|\n| Duration | Nine months |\n"
        "| Stipend | 2,100 euros a month |\n\n## Roles\n\n| Role | City | Closes |\n|---|---|---|\n"
        "| Data Fellow | Utrecht | 1 March |\n\n## FAQ\n\n| Question | Answer |\n|---|---|\n"
        "| Can I work part-time? | No, it is full-time. |\n| Is housing provided? | Yes, a shared flat. |\n"
    ),
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_rows_read_as_facts_labelled_cells_or_questions_and_answers(name: str) -> None:
    out = {(c.section, c.question): c.text for c in chunks(TABLES[name], name=name)}
    assert out == {
        ("Facts", None): f"{BULLET}Duration: Nine months\n{BULLET}Stipend: 2,100 euros a month",
        ("Roles", None): f"{BULLET}Role: Data Fellow; City: Utrecht; Closes: 1 March",
        ("FAQ", "Can I work part-time?"): "No, it is full-time.",
        ("FAQ", "Is housing provided?"): "Yes, a shared flat.",
    }


def test_a_short_bold_paragraph_heads_a_section() -> None:
    # job boards' editors make headings bold paragraphs: "<p><strong>About the role</strong></p>"
    html = (
        "<html><head><title>Backend Engineer</title></head><body><h1>Backend Engineer</h1>"
        "<p><strong>About the role</strong></p><p>You will build payments.</p>"
        "<p><strong>Benefits:</strong></p><ul><li>Health insurance</li></ul>"
        "<p><strong>Apply by 1 May.</strong></p></body></html>"
    )
    out = [(c.section, c.text) for c in chunks(html, name="gh.html")]
    assert out == [
        ("About the role", "You will build payments."),
        ("Benefits", f"{BULLET}Health insurance\nApply by 1 May."),
    ]


def test_a_pages_table_of_contents_is_no_passage() -> None:
    # a newsletter's "In this issue" lists its own parts: it answers nothing
    text = (
        "# Brackenlow Trust newsletter\n\n## In this issue\n\n- Summer Lab Apprentices 2026: applications open\n"
        "- Volunteer of the month\n\n## Summer Lab Apprentices 2026: applications open\n\n"
        "Apprentices spend four weeks in our lab.\n"
    )
    result = parse_file("news.md", text.encode(), 900)
    sections = [p.section for p in result.passages]
    assert "In this issue" not in sections and "Summer Lab Apprentices 2026: applications open" in sections


def test_a_bold_question_after_a_question_headings_answer_is_its_sibling() -> None:
    # "## What checks will I need?" then "**What will I be given?**": two questions of one
    # FAQ, the second not under the first
    text = (
        "# Mentors FAQ\n\n## Getting started\n\n### What checks will I need?\n\nTwo referees and a DBS check.\n\n"
        "**What will I be given?**\nA mentor pack and a lanyard.\n\n"
        "**Do I need a library card?**\nYes, we set one up for you.\n"
    )
    chunks = chunk_document(parse_document(text.encode(), "faq.md", []), 1200)
    by_question = {c.question: c.section for c in chunks}
    assert by_question["What checks will I need?"] == f"Getting started{SECTION_SEP}What checks will I need?"
    assert by_question["What will I be given?"] == "Getting started"
    assert by_question["Do I need a library card?"] == "Getting started"
