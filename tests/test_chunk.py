from bot.documents.chunk import BULLET, SECTION_SEP, chunk_document, split_sentences
from bot.documents.document import parse_document
from bot.documents.loader import load_folder
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
