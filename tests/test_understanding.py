"""Understanding a question: typos, names and scope, answer kinds, small talk, follow-ups,
the calibrated decision, the semantic index and the stored terms that feed them."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from bot.app import Services, build_services, snapshot_from_folder, start_runtime
from bot.cli import main
from bot.config import Settings
from bot.documents.chunk import BULLET
from bot.documents.roles import place_name
from bot.models import Passage
from bot.search import semantic
from bot.search.answer_type import (
    _CONTACT_PERSON,
    asked_kind,
    asks_eligibility,
    asks_overview,
    asks_published,
    counted_by_list,
    dates_as_asked,
    edition_numbers,
    edition_seasons,
    holds,
    holds_as_asked,
    kind_nouns,
    label_kind,
    listed_nouns,
    said_plainly,
    year_ranges,
)
from bot.search.counted import FileTerms, count_file
from bot.search.index import Vocabulary
from bot.search.names import (
    Names,
    acronyms,
    heading_names,
    name_parts,
    named_by_a_title,
    organisations_said,
    other_editions,
    other_kinds,
    other_names,
    programme_headings,
)
from bot.search.semantic import DIM, EXACT_LIMIT, SemanticIndex, Vectors
from bot.search.spelling import Speller
from bot.search.tokenize import Tokenizer
from bot.services.answers import AnswerService, Consideration, Turn, _only_a_call_to_apply, _thing_unsaid
from bot.services.decision import FEATURES, TARGET_FALSE_ANSWERS, Evidence, Model, fit
from bot.services.smalltalk import small_talk
from bot.storage.codec import decode_arrays, encode_arrays
from tests.conftest import KNOWLEDGE, services_over, write

RESIDENCY = "hf-ai-research-residency.md"
FELLOWSHIP = "hf-fellowship-program.md"
INTERNSHIPS = "hf-internships-2023.md"
META = "meta-research-scientist-intern-ai-alignment.txt"


def _consider(answers: AnswerService, question: str) -> Consideration:
    """Return what the service decides about ``question``, cleaned as a member's would be."""
    return answers.consider(answers.clean_question(question))


def _missing(answers: AnswerService, question: str) -> float:
    """Return the "missing" signal of the best passage for ``question``."""
    seen = _consider(answers, question)
    assert seen.evidence is not None
    return seen.evidence.missing


def candidate_sources(services: Services, question: str, history=(), now=None) -> set[str]:
    """The documents of every passage the pipeline considered for a question."""
    answers = services.answers
    seen = answers.consider(answers.clean_question(question), history, now)
    passages = services.holder.current.corpus.passages
    return {passages[c.position].source for c in seen.candidates}


# -- 1. typos ------------------------------------------------------------------------------

VOCAB = ["residency", "residence", "fellowship", "internship", "program", "paid", "remote", "avocados"]


@pytest.mark.parametrize(
    ("typo", "fixed"),
    [("residncy", "residency"), ("fellowhsip", "fellowship"), ("internshp", "internship")],
)
def test_speller_corrects_typos_to_the_vocabulary(typo: str, fixed: str) -> None:
    assert Speller(VOCAB).correct(typo) == fixed


def test_speller_never_changes_a_known_word() -> None:
    speller = Speller(VOCAB)
    for word in VOCAB:
        assert speller.correct(word) is None
    # "residence" is one edit from "residency" but is the knowledge base's own word
    assert speller.correct("residence") is None


def test_chat_shorthand_is_written_out_unless_the_knowledge_base_uses_it() -> None:
    speller = Speller(VOCAB)
    assert speller.correct("ppl") == "people" and speller.correct("yrs") == "years"
    assert speller.correct("feb") == "february" and speller.correct("may") is None
    assert speller.correct("jr") == "junior" and speller.correct("mgr") == "manager"
    assert speller.correct("apps") == "applications"  # "when do apps close?"
    assert speller.correct("langs") == "languages" and speller.correct("bday") == "birthday"
    # the short forms of a role's or a subject's name: "lab ops coord sal", "data eng intern", "lib sci degree"
    assert speller.correct("ops") == "operations" and speller.correct("coord") == "coordinator"
    assert speller.correct("sal") == "salary" and speller.correct("eng") == "engineer"
    assert speller.correct("sci") == "science" and speller.correct("hols") == "holidays"
    assert speller.correct("wats") == "whats"  # not "was": "wats the salry range" asks a sum
    # the question words members type short: "hw mny places", "wen does it start"
    assert speller.correct("hw") == "how" and speller.correct("mny") == "many" and speller.correct("wen") == "when"
    assert Speller([*VOCAB, "hq"]).correct("hq") is None  # "HQ" is the documents' own word there


def test_the_other_countrys_spelling_is_the_documents_word() -> None:
    # "theater" is an English word, so no typo; but where the documents say "theatre" it is
    # their word, in the other spelling
    speller = Speller([*VOCAB, "theatre", "colours", "organisation", "analyse", "licence", "travelled"])
    assert speller.correct("theater") == "theatre" and speller.correct("colors") == "colours"
    assert speller.correct("organization") == "organisation" and speller.correct("analyze") == "analyse"
    assert speller.correct("license") == "licence" and speller.correct("traveled") == "travelled"
    assert Speller([*VOCAB, "theater", "theatre"]).correct("theater") is None  # both are the documents' own
    assert speller.correct("water") is None  # "watre" is no word the documents use


def test_speller_leaves_english_words_alone() -> None:
    # one edit from "avocados", but "avocado" is a word a member may mean
    assert Speller(VOCAB).correct("avocado") is None


def test_a_misspelling_english_text_has_too_is_corrected_to_a_much_commoner_word() -> None:
    # "accomodation", "recieve" and "teem" are in English word lists (misspelt so often),
    # but far rarer than the word one slip away: a letter left out, two swapped, a vowel
    speller = Speller([*VOCAB, "accommodation", "receive", "team", "lands", "parking"])
    assert speller.correct("accomodation") == "accommodation"
    assert speller.correct("recieve") == "receive" and speller.correct("teem") == "team"
    assert speller.correct("langs") == "languages"  # chat shorthand, no slip of "lands": a consonant for another
    assert speller.correct("parsing") is None  # a word of its own, about as common


def test_speller_leaves_words_with_digits_and_short_words_alone() -> None:
    speller = Speller([*VOCAB, "form", "h100"])
    assert speller.correct("residncy2") is None
    assert speller.correct("h10o") is None
    assert speller.correct("fom") is None  # one edit from "form", but too short to judge


def test_speller_ambiguous_tie_corrects_nothing() -> None:
    assert Speller(["zorbax"]).correct("zorbay") == "zorbax"
    assert Speller(["zorbax", "zorbaq"]).correct("zorbay") is None


def test_a_typo_becomes_a_word_of_the_synonym_groups_the_documents_lack(tmp_path: Path, settings: Settings) -> None:
    # the posting says "$52,000 - $58,000 a year", never "salary" nor "pay"
    write(tmp_path, "educator.md", "# Museum Educator\n\n## Terms\n\nFull-time. $52,000 - $58,000 a year.\n")
    engine = snapshot_from_folder(tmp_path, settings).engine
    assert engine.speller.correct("sallary") == "salary"
    assert engine.query("salary?").synonyms  # and "salary" asks what "pay" asks


def test_a_text_in_capitals_means_what_it_says_in_sentence_case() -> None:
    shouted, said, asked = semantic.embed(["WHERE WILL I STAY?", "Where will I stay?", "where do volunteers sleep"])
    assert float(shouted @ said) > 0.95  # 0.36 as cased tokens
    assert float(shouted @ asked) == pytest.approx(float(said @ asked), abs=0.02)
    eu, lower = semantic.embed(["EU", "eu"])  # a short run of capitals is a name, and stays one
    assert float(eu @ lower) < 0.99


def test_speller_corrects_to_an_english_form_of_a_word_the_documents_use() -> None:
    # the documents say "accessible" and "apply", never "access" or "applying"
    speller = Speller([*VOCAB, "accessible", "apply"])
    assert speller.correct("acess") == "access"
    assert speller.correct("appying") == "applying"
    # a word of the knowledge base still comes first: "residncy" is not "residence"'s form
    assert speller.correct("residncy") == "residency"
    # no form of a word the documents use: "agnets" is left for the meaning to find
    assert speller.correct("agnets") is None


# -- 2. names and scope ----------------------------------------------------------------------


def test_what_an_announcement_says_before_naming_its_programme_is_no_name(tmp_path: Path, settings: Settings) -> None:
    assert name_parts("Applications open for the 2026 Graduate Nurse Residency") == ["2026 Graduate Nurse Residency"]
    assert name_parts("Applications Open: Summer Field Season Internship") == ["Summer Field Season Internship"]
    assert name_parts("Applications open") == ["Applications open"]
    # ... or after it
    assert name_parts("Stage Management Apprenticeship 2025: applications now open") == [
        "Stage Management Apprenticeship 2025"
    ]
    assert name_parts("Night Shift Supervisor - Now Hiring") == ["Night Shift Supervisor"]
    assert name_parts("SummerWorks 2025 is hiring!") == ["SummerWorks 2025"]
    # "applications" asked about another programme names no news post's programme
    write(
        tmp_path,
        "news.md",
        "---\ntitle: Applications open for the Harrowgate Nurse Residency\n---\n"
        "The residency is a 12-month paid programme for newly registered nurses on three wards.\n",
    )
    write(
        tmp_path,
        "summer.md",
        "# Ostlake Summer Student Scheme\n\n## How to apply\n\nApplications close at 5pm on Sunday 28 September 2025.\n",
    )
    services = services_over(tmp_path, settings)
    seen = services.answers.consider("when do applications for the summer student scheme close")
    assert "appli" not in seen.named


def test_name_parts_strips_trailing_qualifiers() -> None:
    assert name_parts("Machine Learning Engineer in the Optimization team - EMEA remote") == [
        "Machine Learning Engineer in the Optimization team"
    ]
    assert name_parts("Research Internship (Summer 2026)") == ["Research Internship"]
    assert name_parts("Fellowship Program") == ["Fellowship Program"]


def test_a_title_that_opens_with_its_organisation_names_the_programme_after_it() -> None:
    assert name_parts("Ostrevel Foundation – Literary Translation Internship 2026") == [
        "Ostrevel Foundation",
        "Literary Translation Internship 2026",
    ]
    # an organisation the document is known to be from, whatever it calls itself
    assert name_parts("Brackenfold Observatory — Visiting Research Fellowship 2026–27", ["Brackenfold Observatory"]) == [
        "Brackenfold Observatory",
        "Visiting Research Fellowship 2026–27",
    ]
    assert name_parts("Data Fellowship - Autumn Cohort", ["Kestrelmouth Foundation"]) == ["Data Fellowship"]


def test_acronyms_of_capitalised_runs() -> None:
    assert acronyms("Hugging Face") == {"hf": "Hugging Face"}
    assert "mle" in acronyms("Machine Learning Engineer")
    assert acronyms("the hugging face") == {}


def test_names_scope_a_question_to_the_document_it_names(seed_services: Services) -> None:
    tokenizer = seed_services.holder.current.engine.tokenizer
    names = Names.build(
        [
            ["Acme Residency Program", "Acme"],
            ["Acme Fellowship Program - EMEA remote", "Acme"],
            ["Acme Summer Internship (Summer 2026)", "Acme"],
        ],
        tokenizer,
    )
    named = names.named(tokenizer("Is the fellowship paid?"))
    assert set(named) == {tokenizer.term("fellowship")}
    assert names.scope(named) == frozenset({1})
    assert names.scope(names.named(tokenizer("Is the internship paid?"))) == frozenset({2})
    # "Acme" is a name of every document: it tells none apart
    acme = tokenizer.term("acme")
    assert len(names.docs_of[acme]) == 3
    assert names.named([acme]) == {}
    assert names.scope(names.named(tokenizer("Does Acme pay?"))) is None
    # the qualifier is no name
    assert tokenizer.term("emea") not in names.by_doc[1]


def test_a_roles_place_names_it_as_its_title_does(tmp_path: Path, settings: Settings) -> None:
    assert place_name("Lleida, Spain (on-site)") == "Lleida Spain"
    assert place_name("Remote within the EU (working hours within 2 hours of CET)") == "EU"
    assert place_name("Online") == ""
    posting = (
        "# Field Robotics Technician\n\n**Location:** {city}, Spain\n\nYou will service robots on farms.\n\n"
        "## Benefits\n\n{benefit}\n\n[Apply](https://example.org/apply/{city})\n"
    )
    write(tmp_path, "lleida.md", posting.format(city="Lleida", benefit="A company car for farm visits."))
    write(tmp_path, "toledo.md", posting.format(city="Toledo", benefit="Relocation support of up to €3,000."))
    services = services_over(tmp_path, settings)
    # the city chooses the posting: what is asked ("relocation") is only in the other one,
    # which must not answer for it, nor be shown as the closest ("Location: Lleida" says
    # nothing of relocating, so the bot may say it does not know)
    answer = services.answers.ask("is there relocation support for the lleida technician job?")
    assert answer.verdict != "answer" and all(c.source == "lleida.md" for c in answer.citations)
    answer = services.answers.ask("is there relocation support for the toledo technician job?")
    assert answer.verdict == "answer" and answer.citations[0].source == "toledo.md"


def test_a_passage_with_only_its_titles_words_has_nothing_of_what_is_asked(tmp_path: Path, settings: Settings) -> None:
    # "lead" is a word of the role's title, and the duties say it as a verb: no word of what
    # is asked ("company car") is there, so the passage is at most "not sure"
    write(
        tmp_path,
        "bakery-shift-lead.md",
        "# Bakery Shift Lead\n\n## The role\n\nYou will lead a night team of six bakers and keep the ovens"
        " running from 22:00 to 06:00.\n\n## What we offer\n\n- £14.50 an hour\n- A free loaf at the end of"
        " every shift\n- 28 days of holiday\n",
    )
    write(
        tmp_path,
        "dairy-driver.md",
        "# Delivery Driver\n\n## The role\n\nYou will drive our milk rounds across York, starting at 04:00.\n\n"
        "## What we offer\n\n- £13 an hour\n- A company van, which you may take home\n",
    )
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("does the bakery shift lead job come with a company car?").verdict != "answer"
    # a word of what is asked that the passage has still counts
    answer = answers.ask("does the bakery shift lead job come with a free loaf?")
    assert answer.verdict == "answer" and "free loaf" in answer.citations[0].snippet


def test_a_title_word_in_another_form_is_no_part_of_what_is_asked(tmp_path: Path, settings: Settings) -> None:
    # "apprenticeship" is the title's "Apprentice" in another form: it says what the question
    # is about, not what it asks ("a signing bonus", which no passage has)
    write(
        tmp_path,
        "transit.txt",
        "Transit Maintenance Apprentice\n\nAbout the job\nWe are recruiting our next class of apprentices for a"
        " paid, registered apprenticeship in bus and streetcar maintenance.\n\nBenefits\nMedical, dental and"
        " vision insurance from your first day, and an annual tool allowance of $600.\n",
    )
    write(tmp_path, "civic.md", "# Civic Tech Fellowship\n\n## Pay\n\nFellows are paid $5,400 a month.\n")
    answers = services_over(tmp_path, settings).answers
    seen = _consider(answers, "is there a signing bonus for the transit maintenance apprenticeship")
    assert seen.evidence is not None and seen.evidence.coverage == 0.0
    # a word of what is asked that the passage has still counts
    tools = _consider(answers, "do transit maintenance apprentices get a tool allowance")
    assert tools.evidence is not None and tools.evidence.coverage > 0


def test_a_longer_form_of_a_names_word_names_what_it_names(tmp_path: Path, settings: Settings) -> None:
    # "apprenticeship" and a title's "Apprentice" have two stems but are one word: the question
    # names the posting, and the word picks no sentence of it (the title's words chose it)
    write(
        tmp_path,
        "turbine.md",
        "# Wind Turbine Technician Apprentice\n\n## How to Apply\n\nApply online by June 20, 2025.\n\n"
        "Shortlisted applicants will be invited to a climb assessment day on July 12 or July 13, 2025. You will"
        " try a supervised climb in full harness and meet the crew.\n\nQuestions? Email"
        " apprenticeship@brightwater.example.\n",
    )
    write(tmp_path, "rangers.md", "# Seasonal Rangers\n\n## Pay\n\nRangers earn $21 an hour.\n")
    snapshot = snapshot_from_folder(tmp_path, settings)
    assert snapshot.names.extended("apprenticeship") == ("apprentic",)
    assert snapshot.names.extended("appren") == ()  # shorter: a clip, not a longer form
    answers = build_services(settings, snapshot).answers
    seen = _consider(answers, "when is the climbing test for the turbine apprenticeship")
    assert "apprentic" in seen.named
    answer = answers.ask("when is the climbing test for the turbine apprenticeship")
    assert "July 12 or July 13, 2025" in answer.citations[0].snippet


def test_a_word_names_what_its_ship_form_names(tmp_path: Path, settings: Settings) -> None:
    # "apprentices" is a title's word ("Placements and Past Apprentices") and the start of
    # another's ("Stage Technician Apprenticeship"): it names both, so the programme's own
    # guide is not left out of the answer
    write(
        tmp_path,
        "guide.md",
        "# Stage Technician Apprenticeship\n\n## Holidays\n\nApprentices get 28 days of paid holiday a year.\n\n"
        "## Pay\n\nApprentices are paid £23,400 a year.\n",
    )
    write(
        tmp_path,
        "alumni.md",
        "# Placements and Past Apprentices\n\n## Placements\n\nEach apprentice completes two external placements.\n",
    )
    write(tmp_path, "rangers.md", "# Seasonal Rangers\n\n## Pay\n\nRangers earn $21 an hour.\n")
    snapshot = snapshot_from_folder(tmp_path, settings)
    answers = build_services(settings, snapshot).answers
    seen = _consider(answers, "how much annual leave do apprentices get")
    assert {"apprentic", "apprenticeship"} <= seen.named
    assert "28 days of paid holiday" in answers.cite_candidate(seen).snippet


def test_a_clipped_word_names_what_its_full_word_names(tmp_path: Path, settings: Settings) -> None:
    # members shorten the words programmes are named by: "physio" for "Physiotherapist",
    # "grads" for "Graduate"; a common word that starts a name's word ("game" in "Gameplay")
    # is no clipped form of it
    write(
        tmp_path,
        "physio.txt",
        "Physiotherapist Grade 1\n\nAbout the role\nYou will work one weekend in six on the ward roster.\n\n"
        "How to apply\nApplications close on 19 October 2025.\n",
    )
    write(
        tmp_path,
        "graduate.md",
        "# Graduate Nurse Programme\n\nNurses join for 12 months in three rotations.\n\n"
        "## How to apply\n\nApplications close on 31 August 2025.\n",
    )
    write(tmp_path, "gameplay.md", "# Gameplay Programmer\n\nYou will build game systems in C++.\n")
    answers = services_over(tmp_path, settings).answers
    names = answers.holder.current.names
    tokenizer = answers.holder.current.engine.tokenizer
    assert names.clips(tokenizer, ["physio", "grads", "game", "nurse"]) == {
        "physio": (tokenizer.term("physiotherapist"),),
        "grads": (tokenizer.term("graduate"),),
    }
    seen = _consider(answers, "closing date for the physio role?")
    assert tokenizer.term("physiotherapist") in seen.named
    answer = answers.ask("closing date for the physio role?")
    assert answer.citations[0].source == "physio.txt" and "19 October" in answer.citations[0].snippet
    answer = answers.ask("when do applications for the grad programme close?")
    assert answer.citations[0].source == "graduate.md" and "31 August" in answer.citations[0].snippet


def test_a_word_of_a_names_stem_that_is_another_word_names_nothing(tmp_path: Path, settings: Settings) -> None:
    # "apply", "application" and "Applied" are one stem: a question about applying must not
    # be scoped to the "Applied Research Residency"; "residents" still names the residency
    write(
        tmp_path,
        "residency.md",
        "# Quillfern Applied Research Residency\n\nResidents join for 11 months and get 2,000 GPU hours.\n\n"
        "## How to Apply\n\nSend a CV and a research statement by October 1.\n",
    )
    write(
        tmp_path,
        "internships.md",
        "# Quillfern Internships 2027\n\nInternships run for 14 weeks.\n\n## How to Apply\n\n"
        "Fill in one application and pick up to three positions, ranked by preference.\n",
    )
    answers = services_over(tmp_path, settings).answers
    seen = _consider(answers, "how many positions can i pick on one quillfern internship application")
    assert "appli" not in seen.named
    answer = answers.ask("how many positions can i pick on one quillfern internship application")
    assert answer.citations[0].source == "internships.md"
    assert _consider(answers, "how long do the residents stay").named
    answer = answers.ask("how long do the residents stay")
    assert answer.verdict == "answer" and answer.citations[0].source == "residency.md"


def test_of_two_names_the_document_that_also_says_the_other_wins(tmp_path: Path, settings: Settings) -> None:
    # "residency" names one document and "cohort" the other; the residency's text speaks of
    # its cohort, the intern cohort's text never of a residency
    write(
        tmp_path,
        "residency.md",
        "# Sorrelwick Research Residency\n\nThe Residency is an 11-month research position. The 2025-26"
        " cohort starts on 1 September 2025 and finishes on 31 July 2026.\n",
    )
    write(
        tmp_path,
        "cohort.md",
        "# Kestrune Intern Cohort 2025\n\nThe internship runs for 12 weeks, from 16 June to 5 September 2025."
        " Everyone starts on the same day.\n",
    )
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("When does the next Residency cohort start?")
    assert answer.citations and answer.citations[0].source == "residency.md"


def test_a_role_whose_whole_title_is_said_is_asked_about_though_another_names_a_word_of_it(
    tmp_path: Path, settings: Settings
) -> None:
    # "Engineer" names the intern's posting (its title); the careers page's row "Principal
    # Android Engineer" names its page by no name, only by its words: every word of it said,
    # the row's page is the one asked about, not the posting that shares one word
    write(
        tmp_path,
        "careers.html",
        "<html><head><title>Careers at Quorvane</title></head><body><h1>Work at Quorvane</h1>"
        "<p>Quorvane makes bookkeeping software for market traders.</p><h2>Open roles</h2><table>"
        "<tr><th>Role</th><th>Team</th><th>Location</th><th>Salary</th></tr>"
        "<tr><td>Principal Android Engineer</td><td>Mobile</td><td>Remote (UK)</td><td>&pound;81,000&ndash;&pound;95,000</td></tr>"
        "<tr><td>Support Specialist</td><td>Customer</td><td>Dunmere</td><td>&pound;26,000</td></tr>"
        "</table></body></html>",
    )
    write(
        tmp_path,
        "intern.md",
        "# Platform Engineering Intern\n\nQuorvane is looking for a platform intern for the summer.\n\n"
        "## Pay\n\n- £2,100 per month before tax, paid monthly.\n\n## What you'll do\n\n"
        "- Build and test a new endpoint for our ledger service.\n",
    )
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("what does the principal android engineer job pay?")
    assert answer.citations and answer.citations[0].source == "careers.html"
    assert "81,000" in answer.citations[0].snippet
    # a word of a title is not the title: the posting's own pay
    answer = answers.ask("what does the platform engineering intern job pay?")
    assert answer.citations and answer.citations[0].source == "intern.md"


def test_ordinary_words_said_in_a_row_as_a_name_says_them_choose_its_document(seed_services: Services) -> None:
    tokenizer = seed_services.holder.current.engine.tokenizer
    names = Names.build(
        [
            ["Quillby Summer Research Fellowship – FAQ", "Quillby"],
            ["Quillby Postdoctoral Fellowship", "Quillby"],
            ["Work at Quillby", "Quillby", "Data Science Intern", "Data Engineering Intern"],
        ],
        tokenizer,
    )
    question = tokenizer("When does the summer research fellowship start?")
    summer = names.choosing(question)
    assert {tokenizer.term("summer"), tokenizer.term("research")} <= set(summer)
    assert names.scope(summer) == frozenset({0})
    assert names.scope(names.named(question)) == frozenset({0, 1})  # "fellowship" alone: both
    assert tokenizer.term("summer") not in names.named(question)  # it chooses, but is no name
    assert names.scope(names.choosing(tokenizer("Is the postdoctoral fellowship paid?"))) == frozenset({1})
    assert tokenizer.term("data") in names.choosing(tokenizer("data science intern pay?"))
    # the same ordinary words apart, or in another order, choose nothing
    assert names.choosing(tokenizer("Is research done in summer?")) == {}
    # a qualifier's words said in a row choose too: siblings differ only there
    cohorts = Names.build(
        [["Civic Code Fellowship - Spring Cohort 2026 FAQ"], ["Civic Code Fellowship - Autumn Cohort 2026"]],
        tokenizer,
    )
    assert cohorts.scope(cohorts.choosing(tokenizer("spring cohort deadline?"))) == frozenset({0})
    # ... and the word that tells two siblings apart names its own, however common
    assert cohorts.scope(cohorts.named(tokenizer("spring deadline?"))) == frozenset({0})
    assert cohorts.scope(cohorts.named(tokenizer("cohort deadline?"))) is None  # both say it
    # a word one document is called by and another says as its qualifier names both: an
    # e-mail titled "Spring Welcome Email" does not hide the Spring cohort's own page
    editions = Names.build(
        [
            ["Larchwood Mentorship Programme – Spring Cohort 2025"],
            ["Autumn Cohort 2025 | Mentorship | Larchwood Software Foundation"],
            ["Spring Welcome Email", "Larchwood Mentorship Team"],
        ],
        tokenizer,
    )
    asked = editions.named(tokenizer("how much do they pay for the spring mentorship thing"))
    assert tokenizer.term("spring") in asked
    assert editions.scope(asked) == frozenset({0, 2})
    assert names.choosing(tokenizer("what data do you keep about me")) == {}


def test_the_qualifier_that_tells_sibling_titles_apart_names_each(seed_services: Services) -> None:
    tokenizer = seed_services.holder.current.engine.tokenizer
    names = Names.build(
        [
            ["Graduate Engineering Programme – London", "Corvane Systems"],
            ["Graduate Engineering Programme – Lisbon", "Corvane Systems"],
            ["Graduate Engineering Programme – Frequently Asked Questions", "Corvane Systems"],
            ["Site Reliability Engineer – Corvane Systems", "Corvane Systems", "Site Reliability Engineer"],
            ["Conservation Internship – Kenya (Laikipia) 2027"],
            ["Conservation Internship – Namibia (Kunene) 2027"],
            ["Youth Reading Mentors – Northside Library", "Grovehurst City Council"],
            ["Youth Reading Mentors at Riverside – autumn 2024 info for applicants", "Grovehurst City Council"],
            ["Adult Nursing Graduate Programme"],
            ["Children's Nursing Graduate Programme"],
            ["Data Engineer"],
            ["Software Engineer"],
        ],
        tokenizer,
    )
    london = names.named(tokenizer("can i bring my dog into the london office"))
    assert names.scope(london) == frozenset({0})  # "London" is common, but here it tells the two apart
    assert names.scope(names.named(tokenizer("laikipia intern stipend"))) == frozenset({4})
    assert tokenizer.term("london") in names.telling
    assert tokenizer.term("2027") not in names.telling  # both siblings say it
    # "… at Riverside" is another document's name, then where; a library is a place here
    assert names.scope(names.named(tokenizer("riverside mentors bus fares?"))) == frozenset({7})
    assert names.scope(names.named(tokenizer("northside mentors bus fares?"))) == frozenset({6})
    assert tokenizer.term("applicants") not in names.telling  # a qualifier's words in lower case
    # an FAQ's words, and an organisation after a title, tell nothing apart
    assert not names.telling & {tokenizer.term("asked"), tokenizer.term("corvane"), tokenizer.term("systems")}
    # the same name but for its first word: "children's" is common, but here it tells them apart
    assert names.scope(names.named(tokenizer("study days for childrens grads?"))) == frozenset({9})
    assert tokenizer.term("adult") in names.telling
    # ... where the names share more than their last word ("data" and "software" are words of any question)
    assert not names.telling & {tokenizer.term("data"), tokenizer.term("software")}
    # a year said before or after the qualifier leaves the names siblings
    cohorts = Names.build(
        [
            ["Emerging Voices Fellowship – Autumn Cohort 2026 (Brussels)", "Thornwick Institute"],
            ["Emerging Voices Fellowship 2026 – Spring Cohort (London)", "Thornwick Institute"],
            ["Work with us", "Thornwick Institute", "Events Coordinator", "Brussels"],
        ],
        tokenizer,
    )
    assert cohorts.scope(cohorts.named(tokenizer("pay for brussels fellowship?"))) == frozenset({0})
    # a kind of programme is a name's tail however short, the year aside: "Summer" (a common
    # word) tells "Summer Residency 2025" from "Winter Residency 2026"
    seasons = Names.build(
        [["Summer Residency 2025 – Guide & FAQ", "Kilnworks"], ["Winter Residency 2026", "Kilnworks"]], tokenizer
    )
    assert tokenizer.term("summer") in seasons.telling
    assert seasons.scope(seasons.named(tokenizer("how many residents do they take each summer"))) == frozenset({0})


def test_a_sibling_called_by_another_qualifier_is_no_companion_of_the_one_asked_of(
    tmp_path: Path, settings: Settings
) -> None:
    write(
        tmp_path,
        "london.md",
        "---\ntitle: Graduate Engineering Programme – London\n---\n\n## Key facts\n\n"
        "- Salary: £38,500 a year, plus a £2,000 welcome bonus paid in your first month\n"
        "- Hours: 37.5 hours a week\n\nSee also: the Lisbon programme is shorter.\n",
    )
    write(
        tmp_path,
        "lisbon.md",
        "---\ntitle: Graduate Engineering Programme – Lisbon\n---\n\n## Hybrid working\n\n"
        "Lisbon graduates are in the office on Mondays and Thursdays.\n\n"
        "## Relocation\n\nWe pay a relocation payment of €3,000 with your first salary.\n",
    )
    write(tmp_path, "rangers.md", "# Seasonal Rangers\n\n## Pay\n\nRangers earn $21 an hour.\n")
    answers = build_services(settings, snapshot_from_folder(tmp_path, settings)).answers
    answer = answers.ask("lisbon grad sign on bonus?")
    assert all(c.source != "london.md" for c in answer.citations)
    assert answers.ask("london grad sign on bonus?").citations[0].source == "london.md"


def test_a_date_asked_of_an_occasion_is_not_held_by_another_dates(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "electrician.md",
        "# Electrician (summer season)\n\n## Key facts\n\n- Contract: 5 months, October 2025 – March 2026\n"
        "- Closing date: 3 August 2025\n\nTwo posts, supporting the summer building programme.\n",
    )
    write(
        tmp_path,
        "comms.md",
        "# Communications Officer\n\n## Key facts\n\n- Closing date: 10 August 2025\n"
        "- Interviews: week of 8 September 2025, in Dundee\n",
    )
    write(tmp_path, "rangers.md", "# Seasonal Rangers\n\n## Pay\n\nRangers earn $21 an hour.\n")
    answers = build_services(settings, snapshot_from_folder(tmp_path, settings)).answers
    snap = answers.holder.current
    electrician, comms = (next(p for p in snap.corpus.passages if p.source == s and p.section) for s in ("electrician.md", "comms.md"))

    def unsaid(question: str, passage: Passage) -> bool:
        seen = _consider(answers, question)
        return _thing_unsaid(snap.engine, seen.query, seen.asked, passage, seen.named, "date")

    assert unsaid("when are the electrician interviews", electrician)  # it dates the closing, not interviews
    assert not unsaid("when are the communications officer interviews", comms)
    # the date itself, a time to do something, or which one of its kind name no occasion
    assert not unsaid("when is the closing date for the electrician job", electrician)
    assert not unsaid("when's the next chance to meet the electrician team", electrician)
    assert not unsaid("when is the next one for electricians", electrician)


def _careers_page(folder: Path, title: str, roles: str, rows: str = "") -> None:
    """Write careers.html: a page of several roles (``roles``, each under its heading), with
    its summary table first when ``rows`` are given."""
    table = f"<h2>Vacancies at a glance</h2><table>{rows}</table>" if rows else ""
    write(
        folder,
        "careers.html",
        f"<html><head><title>{title}</title></head><body><main><h1>{title.split(' | ')[0]}</h1>"
        f"<p>We are hiring.</p>{table}{roles}</main></body></html>",
    )


def test_pay_asked_at_a_place_is_not_another_roles_of_the_same_page_elsewhere(tmp_path: Path, settings: Settings) -> None:
    role = (
        "<h2>{title}</h2><ul><li><strong>Team:</strong> {team}</li><li><strong>Location:</strong> {place}, hybrid</li>"
        "<li><strong>Salary:</strong> {pay}</li><li><strong>Closing date:</strong> 15 December 2024</li></ul>"
        "<p>You will build {team} services. Our stack is Kotlin and PostgreSQL.</p>"
        '<p><a href="https://corvane.example/jobs/{slug}">Apply for {title}</a></p>'
    )
    roles = "".join(
        role.format(title=t, team=team, place=place, pay=pay, slug=slug)
        for t, team, place, pay, slug in (
            ("Senior Backend Engineer – Payments", "Payments", "London", "£85,000 – £100,000", "sbe"),
            ("Data Engineer – Insights", "Insights", "Lisbon", "€45,000 – €55,000 gross per year", "de"),
            ("Engineering Manager – Apps", "Apps", "London", "£105,000 – £120,000", "em"),
        )
    )
    _careers_page(tmp_path, "Open engineering roles | Corvane Systems", roles)
    write(tmp_path, "rangers.md", "# Seasonal Rangers\n\n## Pay\n\nRangers earn $21 an hour in Lisbon.\n")
    answers = build_services(settings, snapshot_from_folder(tmp_path, settings)).answers
    assert answers.ask("salary band for data engineer in lisbon?").verdict == "answer"
    assert answers.ask("salary band for data engineer in london?").verdict != "answer"  # its role is in Lisbon


def test_a_names_words_said_in_a_row_choose_its_document_as_a_name_does(tmp_path: Path, settings: Settings) -> None:
    # "level" and "2" name nothing alone, but "the level 2" is how members call one of two
    # apprenticeships: the decision weighs that choice as it weighs a name's
    for level, months in (("2", "15"), ("3", "24")):
        write(
            tmp_path,
            f"level-{level}.md",
            f"# Level {level} Waste and Recycling Apprenticeship\n\n## Key facts\n\n"
            f"- Duration: {months} months, including end-point assessment\n- Start date: 8 September 2025\n",
        )
    write(tmp_path, "rangers.md", "# Seasonal Rangers\n\n## Pay\n\nRangers earn $21 an hour.\n")
    answers = build_services(settings, snapshot_from_folder(tmp_path, settings)).answers
    seen = _consider(answers, "how long does the level 2 last")
    assert seen.evidence is not None and seen.evidence.named == 1.0
    assert answers.holder.current.corpus.passages[seen.candidates[0].position].source == "level-2.md"
    plain = _consider(answers, "how long does it last")
    assert plain.evidence is not None and plain.evidence.named == 0.0  # nothing chose it


def test_a_heading_that_says_what_is_asked_makes_its_lines_about_it(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "open-day.md",
        "# Apprenticeship open day and interviews\n\n## OPEN DAY\n\n"
        "- Saturday 12 April 2025, 10:00–14:00, Brackenlea Farm, Coombe Lane.\n"
        "- Tours of the dairy and the lambing shed on the hour.\n- Parents and carers welcome; wear boots.\n"
        "- No need to book for the open day, but a group of ten or more from one school should e-mail me first.\n\n"
        "## INTERVIEWS\n\nInterviews are on 6 and 7 May at the farm office.\n",
    )
    write(tmp_path, "rangers.md", "# Seasonal Rangers\n\n## Pay\n\nRangers earn $21 an hour.\n")
    answers = build_services(settings, snapshot_from_folder(tmp_path, settings)).answers
    answer = answers.ask("when's the open day")
    assert answer.verdict == "answer" and "12 April 2025" in answer.citations[0].snippet


def test_an_faq_question_copied_with_more_told_around_it_is_that_item() -> None:
    from bot.services.answers import _clauses_asked

    told = _clauses_asked("is there an upper age limit, im 45 and thinking of a career change into wine")
    assert "is there an upper age limit" in told
    # two questions ask more than the one copied; a short clause may be any FAQ's
    assert _clauses_asked("are you hiring a station doctor, how do i apply") == ["are you hiring a station doctor how do i apply"]
    assert _clauses_asked("is it paid, i need the money") == ["is it paid i need the money"]


def test_a_role_named_by_its_qualifier_is_not_its_siblings_posting(tmp_path: Path, settings: Settings) -> None:
    role = (
        "<h2>{title}</h2><ul><li><strong>Team:</strong> Learning</li><li><strong>Location:</strong> {place}</li>"
        "<li><strong>Pay:</strong> {pay}</li><li><strong>Closing date:</strong> 25 July 2025</li></ul>"
        '<p>You will run sessions for visitors.</p><p><a href="https://museum.example/jobs/{slug}">Apply for {title}</a></p>'
    )
    roles = "".join(
        role.format(title=t, place=place, pay=pay, slug=slug)
        for t, place, pay, slug in (
            ("Learning Assistant (Families &amp; Early Years)", "Art Gallery", "£12.85 per hour", "fam"),
            ("Visitor Host", "Art Gallery", "£12.45 per hour", "vh"),
        )
    )
    _careers_page(tmp_path, "Work for us | Brackenport Museums Trust", roles)
    write(
        tmp_path,
        "schools.txt",
        "Learning Assistant (Schools)\nBrackenport Museums Trust\n\nLocation: Science Museum\n"
        "Salary: £21,800 per annum pro rata\nStart date: 1 September 2025\nClosing date: 18 July 2025\n\n"
        "About the role\n\nYou will lead school workshops. You'll report to Priya Ramsden, Learning Manager.\n",
    )
    answers = build_services(settings, snapshot_from_folder(tmp_path, settings)).answers
    assert answers.ask("who would i report to as the schools learning assistant").verdict == "answer"
    families = answers.ask("who would i report to as the families learning assistant")
    assert families.verdict != "answer" or families.citations[0].source != "schools.txt"


def test_a_roles_heading_may_say_more_than_its_title(tmp_path: Path, settings: Settings) -> None:
    # "Deckhand – RV Aurelia Finch (SIOS-V-2503)" heads the role "Deckhand": its passages are
    # that role's, and another role's "This role can be sponsored" is not the deckhand's
    role = (
        "<h2>{title} – RV {ship} ({ref})</h2><p><strong>Team:</strong> Marine Operations<br>"
        "<strong>Location:</strong> RV {ship}<br><strong>Pay:</strong> {pay}</p><p>You will work at sea.</p>"
        "<h3>What you need</h3><ul><li>STCW Basic Safety Training</li><li>{visa}</li></ul>"
    )
    roles = "".join(
        role.format(title=t, ship=ship, ref=ref, pay=pay, visa=visa)
        for t, ship, ref, pay, visa in (
            ("Deckhand", "Aurelia Finch", "V-2503", "£29,800 a year", "A valid ENG1 medical certificate"),
            ("Marine Technician", "Northern Tern", "V-2505", "£36,500 a year", "This role can be sponsored for a Skilled Worker visa."),
        )
    )
    rows = (
        "<tr><th>Role</th><th>Ref</th><th>Pay</th><th>Closing date</th></tr>"
        "<tr><td>Deckhand</td><td>V-2503</td><td>£29,800 a year</td><td>16 March 2025</td></tr>"
        "<tr><td>Marine Technician</td><td>V-2505</td><td>£36,500 a year</td><td>6 April 2025</td></tr>"
    )
    _careers_page(tmp_path, "Crew vacancies | Skerrymoor Institute", roles, rows)
    write(tmp_path, "rangers.md", "# Seasonal Rangers\n\n## Pay\n\nRangers earn $21 an hour.\n")
    snapshot = snapshot_from_folder(tmp_path, settings)
    sections = next(iter(snapshot.role_sections.values()))
    assert len(sections) == 2 and all(len(s.positions) >= 2 for s in sections)
    # ... and the table's row that states the same pay agrees with the role's own section:
    # it is no close second that makes the answer less sure
    answers = build_services(settings, snapshot).answers
    seen = _consider(answers, "pay for deckhand?")
    assert seen.evidence is not None and seen.evidence.margin > 1.0


@pytest.mark.parametrize(
    ("question", "others"),
    [
        ("What's the deadline for the Anthropic fellowship?", ("Anthropic",)),
        ("Is the Google Brain Residency paid?", ("Google Brain",)),  # the programme word in the run
        ("Does Apple's AI residency accept people without a PhD?", ("Apple",)),
        ("Is the NVIDIA ML engineer job remote?", ("NVIDIA",)),  # "ML" is a name here
        ("What's OpenAI's deadline?", ("OpenAI",)),
        ("Is the Hugging Face residency paid?", ()),  # every word is the knowledge base's
        ("Is Meta's internship paid?", ()),
        ("Can a PyTorch expert apply to the residency?", ()),  # "expert" names no programme
        ("OpenAI internship?", ()),  # a sentence's first word is capitalised anyway
        ("is the google brain residency paid?", ()),  # lower case: no sign of a name
        ("What's the deadline for The Anthropic Fellowship?", ("Anthropic",)),
        ("Can Beginners Join The Residency?", ()),  # Title Case: capitals say nothing
        ("Does the Cohere For AI Scholars fellowship pay?", ("Cohere For AI Scholars",)),
        # lower case as members type: a word in no dictionary, before a name word
        ("deepmind residency pay", ("deepmind",)),
        ("how much does the openai fellowship pay", ("openai",)),
        ("any rl internship at hf", ()),  # short: initials, not a name
        ("is the ebike engineer job remote", ()),  # the documents' "e-bike"
    ],
)
def test_a_capitalised_name_the_documents_never_use_names_another_programme(
    question: str, others: tuple[str, ...]
) -> None:
    known = {"hugging", "face", "meta", "ml", "ai", "phd", "residency", "internship", "fellowship", "bike"}
    name_words = {"hugging", "meta", "ml", "ai", "residency", "internship", "fellowship", "engineer"}
    assert other_names(question, lambda w: w.casefold() in known, lambda w: w.casefold() in name_words) == others


def test_an_edition_the_names_do_not_have_is_another_programme() -> None:
    # the documents name a Spring and an Autumn Cohort of one fellowship, and a Junior role
    names = {"kestrelmouth", "spring", "autumn", "cohort", "civic", "code", "junior", "platform", "engineer"}
    others = lambda q: other_editions(q.split(), names.__contains__)  # noqa: E731
    assert others("deadline for the kestrelmouth winter cohort") == ("winter cohort",)
    assert others("is the autumn cohort remote") == ()
    assert others("is the fall cohort remote") == ()  # "fall" is autumn
    assert others("salary of the senior platform engineer") == ("senior platform",)
    assert others("does the winter break count") == ()  # "break" names nothing
    # names that say no edition leave any edition open ("the summer internship" of an internship)
    assert other_editions("the summer internship".split(), {"internship"}.__contains__) == ()
    # a name that says "Falls" (a place) names no fall edition: only a word said as it is counts
    in_names = {"greywater", "fall", "rangers"}.__contains__
    assert other_editions("how many summer rangers".split(), in_names) == ("summer rangers",)
    assert other_editions("how many summer rangers".split(), in_names, {"greywater", "falls"}.__contains__) == ()


def test_a_place_named_falls_is_no_fall_edition(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "rangers.md",
        "# Greywater Falls Seasonal Rangers\n\n## How many\n\nEvery year we hire about 45 seasonal rangers.\n",
    )
    write(tmp_path, "guides.md", "# Lantern Lake Guides\n\n## Pay\n\nGuides earn $19 an hour.\n")
    answers = services_over(tmp_path, settings).answers
    seen = _consider(answers, "how many summer rangers do they hire each year?")
    assert seen.others == ()


def test_a_level_of_a_role_the_names_do_not_have_is_another_role() -> None:
    from bot.search.names import name_levels, other_levels

    levels = name_levels(["Fraud Operations Analyst I", "Physiotherapist Grade 1 (Rotational)", "Cohort 2026"])
    assert levels == {"analyst": {1}, "grade": {1}}  # "Cohort 2026" numbers no level
    assert other_levels("what's the pay for fraud operations analyst ii", levels) == ("analyst ii",)
    assert other_levels("pay range for a grade 2 physio?", levels) == ("grade 2",)
    assert other_levels("fraud analyst pay?", levels) == ()
    assert other_levels("is the analyst i think remote", levels) == ()  # "i", the member
    assert other_levels("engineer iii salary", levels) == ()  # no engineer is numbered


def test_a_question_about_a_level_no_posting_has_is_declined(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "fraud.md",
        "# Fraud Operations Analyst I\n\n## Pay\n\nThe pay is $24.50 - $29.00 an hour.\n\n"
        "## Location\n\nOn site at our Riverton contact center.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Pay\n\nStarting salary of $58,500.\n")
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("what's the pay for fraud operations analyst i?").verdict == "answer"
    declined = answers.ask("what's the pay for fraud operations analyst ii?")
    assert declined.verdict == "none" and declined.others == ("analyst ii",)


def test_the_kind_of_programme_a_document_says_it_is_names_it(tmp_path: Path, settings: Settings) -> None:
    # "Brightmoss Hack is a weekend civic-tech hackathon": members say "the hackathon"; a kind
    # that is also money ("a one-year grant") is what they ask the sum of, and a title that
    # says its kind needs nothing more
    from bot.search.names import defined_kinds

    assert defined_kinds("Brightmoss Hack is a weekend civic-tech hackathon organised by us.", "Brightmoss Hack") == [
        "hackathon"
    ]
    assert defined_kinds("The Sorrelwick Open Science Fellowship is a one-year grant for builders.", "Open Science") == []
    assert defined_kinds("Quillfern Bootcamp is a free 12-week bootcamp.", "Quillfern Bootcamp") == []
    assert defined_kinds("We run workshops. The hackathon is in March.", "Brightmoss Hack") == []
    write(
        tmp_path,
        "brightmoss.md",
        "# Brightmoss Hack 2026 — FAQ\n\nBrightmoss Hack is a weekend civic-tech hackathon organised by the Brightmoss "
        "Foundation.\n\n## Can I start coding before the event?\n\nNo. All code must be written during the hackathon.\n\n"
        "## How big can teams be?\n\nTeams have between 2 and 5 people.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("max team size at the hackathon")
    assert answer.citations and answer.citations[0].section == "How big can teams be?"


def test_a_hyphenated_qualifier_of_a_role_title_names_nothing(tmp_path: Path, settings: Settings) -> None:
    # "Reading Room Assistant (part-time)" on a careers page: "part-time" is one word, no row of
    # words that names the page, so "Can I do the traineeship part-time?" is the traineeship's
    write(
        tmp_path,
        "vacancies.md",
        "# Work with us\n\n## Current opportunities\n\n"
        "- [Reading Room Assistant (part-time)](https://example.org/jobs/1), 22.5 hours a week in Leeds.\n"
        "- [Conservation Assistant](https://example.org/jobs/2), repairing bindings.\n",
    )
    write(
        tmp_path,
        "traineeship.md",
        "---\ntitle: Applications open for our 2025 Digitisation Traineeship\n---\n# Digitisation Traineeship\n\n"
        "## FAQ\n\n### Can I do the traineeship part-time?\n\nWe are unable to offer part-time places this year.\n\n"
        "### Is the traineeship paid?\n\nYes, trainees earn £23,000 a year.\n",
    )
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("Can I do the traineeship part-time?")
    assert answer.citations and answer.citations[0].source == "traineeship.md"


def test_an_faq_question_asked_word_for_word_is_answered_by_its_item(tmp_path: Path, settings: Settings) -> None:
    # "marine" names the announcement ("… Fellowship in Marine Science"), not the FAQ page; a
    # member who copies the FAQ's question still gets its answer, not the programme director's title
    write(
        tmp_path,
        "announcement.md",
        "# Announcing the 2026 Harbour Light Summer Research Fellowship in Marine Science\n\n"
        "## What you'll do\n\nEach fellow joins one faculty-led research project.\n\n"
        "## Contact\n\n- Programme director: Dr. Imogen Castellanos, Professor of Biological Oceanography\n",
    )
    write(
        tmp_path,
        "faq.md",
        "# Harbour Light Fellowship: Frequently Asked Questions\n\n## Eligibility\n\n"
        "### Do I have to be a marine biology major?\n\nNo. Past fellows have majored in chemistry, physics and "
        "even economics.\n\n### Can international students apply?\n\nYes, if they study in the US.\n",
    )
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("Do I have to be a marine biology major?")
    assert answer.citations and answer.citations[0].source == "faq.md"
    assert answer.verdict == "answer"
    # ... and comes first, before a section that says the same in other words
    write(
        tmp_path,
        "summer.md",
        "# The Sorrelwick Summer School\n\n## The Summer School\n\nThere are 40 places. There is no tuition fee, and we "
        "provide a shared room for all participants. How much the summer school costs you is only your travel.\n\n"
        "## FAQ\n\n### How much does the Summer School cost?\n\nNothing. There is no tuition fee.\n\n"
        "### Is the Summer School online?\n\nNo, it is in person only.\n",
    )
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("How much does the Summer School cost?")
    assert answer.citations and answer.citations[0].snippet.startswith("How much does the Summer School cost?")
    # ... and is the answer, though the member's words are also said plainly ("become": apply)
    # and the signals are weak (a short question, its one word of weight a name)
    write(
        tmp_path,
        "mentorship.md",
        "# Tidewater Open Source Mentorship: FAQ\n\n## Eligibility and applying\n\n### How do I apply?\n\n"
        "Choose a project from the list, talk to its mentors in the project channel, and submit a proposal.\n\n"
        "### Can I apply to more than one project?\n\nYes, you can apply to at most two projects per cohort.\n\n"
        "## During and after the cohort\n\n### How can I become a mentor?\n\nMentors must be maintainers who "
        "have had commit access to a Tidewater project for at least six months.\n",
    )
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("How can I become a mentor?")
    assert answer.verdict == "answer" and answer.citations[0].snippet.startswith("How can I become a mentor?")


def test_a_seniority_no_name_gives_a_role_is_another_role(tmp_path: Path, settings: Settings) -> None:
    from bot.search.names import name_seniorities, other_seniorities

    seniorities = name_seniorities(["Senior Data Engineer", "Data Engineering Intern", "Lead Installer", "Analyst"])
    assert other_seniorities("whats the salary for a junior data engineer", seniorities) == ("junior data engineer",)
    assert other_seniorities("junior data engineers pay?", seniorities) == ("junior data engineers",)
    assert other_seniorities("senior data engineer salary", seniorities) == ()
    assert other_seniorities("is there a junior data role", seniorities) == ()  # "Data Engineering Intern" says none
    # a title that says no seniority is no senior post, though a junior may apply to it
    assert other_seniorities("senior analyst pay", seniorities) == ("senior analyst",)
    assert other_seniorities("junior analyst pay", seniorities) == ()
    assert other_seniorities("senior installer pay", seniorities) == ("senior installer",)
    assert other_seniorities("will I lead a team", seniorities) == ()  # no name says "a team"
    titled = name_seniorities(["Laboratory Technician (Cell Culture)", "Community and Partnerships Lead"])
    assert other_seniorities("salary for a senior lab technician?", titled) == ("senior technician",)
    assert other_seniorities("how do i apply for the partnerships lead job", titled) == ()
    assert other_seniorities("who's the lead of the data team", titled) == ()
    write(
        tmp_path,
        "engineer.md",
        "# Senior Data Engineer\n\n## What we offer\n\n- Salary band: £68,000 – £82,000 per year\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Pay\n\nStarting salary of $58,500.\n")
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("what's the salary for the senior data engineer?").verdict == "answer"
    declined = answers.ask("what's the salary for a junior data engineer?")
    assert declined.verdict == "none" and "junior data engineer" in declined.others


def test_a_numbered_edition_the_documents_do_not_speak_of_is_not_answered(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "launchpad.md",
        "# Brackmoor Launchpad: Cohort 4 is open\n\nAfter three cohorts we are back with a 12-week bootcamp.\n\n"
        "## Key dates\n\n- Applications close: 24 March 2026\n- Cohort runs: 13 April to 3 July 2026\n",
    )
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("when does brackmoor launchpad cohort 4 run?").verdict == "answer"
    assert answers.ask("when does brackmoor launchpad cohort 5 run?").verdict != "answer"
    assert edition_numbers("is round #2 open, or intake no. 3?") == {("round", 2), ("intake", 3)}


def test_an_edition_of_a_season_the_passage_does_not_name_is_not_answered(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "launchpad.md",
        "# Brackmoor Launchpad\n\n## Dates\n\nThe Spring 2026 cohort runs from 9 March to 29 May 2026."
        " Applications for it close on 1 February 2026.\n\n- Cohort: Fall 2026; Runs: 7 September to 27 November"
        " 2026\n\n## Alumni\n\nEvery summer our alumni meet for a picnic in the park.\n",
    )
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("when does the brackmoor spring cohort run?").verdict == "answer"
    assert answers.ask("when does the brackmoor summer cohort run?").verdict != "answer"
    # a season named in another form ("Cohort: Fall 2026") is spoken of, "autumn" as "fall"
    seen = answers.consider("when does the brackmoor autumn cohort run?")
    assert seen.evidence is not None and seen.evidence.missing == 0.0
    assert edition_seasons("is there a fall intake, or an autumn term?") == {"autumn"}


def test_a_kind_of_programme_no_document_mentions_is_another_programme() -> None:
    names = {"pellucid", "harrow", "translators", "bursary", "hf"}
    used = {"pellucid", "harrow", "translators", "bursary", "deadline", "hf", "fellowship", "apprentices", "apprentice"}
    others = lambda q: other_kinds(q.split(), names.__contains__, used.__contains__)  # noqa: E731
    assert others("whats the deadline for the pellucid harrow poetry prize") == ("pellucid harrow poetry prize",)
    assert others("is the hf fellowship paid") == ()  # a kind the documents mention
    assert others("is the hf apprenticeship paid") == ()  # "apprentices" say there is one
    assert others("can i use a prize from another contest") == ()  # no name before it


def test_a_question_about_another_programme_is_declined(seed_services: Services) -> None:
    # Answered before from the Fellowship's FAQ ("Is there a deadline? No …", p 0.90) and
    # from the residency's pay sentence: neither is about Anthropic's or OpenAI's programme.
    for question in ("What's the deadline for the Anthropic fellowship?", "Does the OpenAI residency pay a salary?"):
        answer = seed_services.answers.ask(question)
        assert (answer.verdict, answer.answered, answer.citations) == ("none", False, ())
        assert answer.suggestions  # the closest questions of the documents it does have
        assert answer.others and answer.to_json()["other_programmes"] == list(answer.others)
    assert seed_services.answers.ask("Does the Hugging Face residency pay a salary?").verdict == "answer"


def test_an_acronym_covers_what_it_stands_for(seed_services: Services) -> None:
    # "hf" stands for "Hugging Face", a name in the Fellowship's title: every Fellowship
    # passage covers it, not only the one that happens to say "HF team"
    answers = seed_services.answers
    snap = seed_services.holder.current
    seen = _consider(answers, "what is the hf fellowship")
    hf = snap.engine.tokenizer.term("hf")
    fellowship = [c for c in seen.candidates if snap.corpus.passages[c.position].source == FELLOWSHIP]
    assert len(fellowship) > 1
    assert all(hf in c.matched and c.coverage == 1.0 for c in fellowship)


# -- 3. answer kinds -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When does the residency start?", "date"),
        ("How long is the fellowship?", "duration"),
        ("How many weeks is the internship?", "duration"),
        ("How much does the Meta internship pay?", "amount"),
        ("What's the salary for the internships?", "amount"),
        ("How many interns will be hired?", "count"),
        ("Where is the ML engineer role based?", "place"),
        ("How often do residents meet their mentors?", "frequency"),
        ("Is there a deadline?", None),
        ("Can I do the residency part-time?", None),
        ("Why should I apply?", None),
        ("meta intern salary?", "amount"),
        ("residency start date", "date"),
        ("who do I contact about accommodations?", "contact"),
        ("Who was the fellow that built the Spanish community?", "name"),
        # "who is the …?" and "what's the name of …?" ask who someone is
        ("who's the head of forecasting at voltaris", "name"),
        ("who are the judges?", "name"),
        ("what's the name of the lab supervisor", "name"),
        ("what are the names of the mentors", "name"),
        ("payments lead name?", "name"),
        ("who is the contact for the fellowship?", "contact"),
        ("how do i get in touch with the organisers?", "contact"),
        ("who runs the program?", "person"),
        ("how big is the team?", "count"),
        ("how large are the cohorts", "count"),
        ("how big is the stipend?", "amount"),
        ("can someone who is already a fellow nominate me?", None),
        ("last day to apply for the analyst job?", "date"),
        ("what's the last day to send it?", "date"),
        ("lumen cities?", "place"),
        ("lumen office locations", "place"),
        ("what do lumen fellows earn in year 1", "amount"),
        ("lumen - what's the monthly payout", "amount"),
        ("what time does the open studio start on saturday?", "time"),
        ("what time of year does the cohort start?", "date"),
        ("How many vacation days do we get?", "duration"),
        ("berlin backend, which weekdays do i have to go in?", "weekdays"),
        ("tidewater which months?", "date"),
        ("im 16, can i volunteer w tallowmere reading partners", "age"),
        ("is there an age limit? im 45", "age"),
        ("how old do you need to be for the rigging crew", "age"),
        ("im 3 hrs away, is there housing?", None),
        ("Is the ML engineer job remote?", "workplace"),
        ("quillmoor backend job remote or office?", "workplace"),
        ("can i do the ops internship remotely", "workplace"),
        ("do i have to be in the office every day?", "workplace"),
        ("Is there a dress code in the office?", None),
        # time off said as an allowance is time, not money
        ("apprentice holiday allowance cindermoor", "duration"),
        ("can a 17 yr old do orchid", "age"),
        ("can 16 year olds take part in orchid", "age"),
        ("is orchid open to 15yos", "age"),
        ("how's the pay for the orchid job", "amount"),
        ("hows the stipend at orchid", "amount"),
        ("how is the salary decided at orchid", None),
        # a yes-or-no question that says a length of time asks for one
        ("is the orchid internship 12 weeks?", "duration"),
        ("does the orchid residency last a year", "duration"),
        ("is orchid longer than 6 months", "duration"),
        ("do i need 5 years of experience for orchid", None),
        ("is the orchid pay 50k a year", None),
        ("is orchid stipend paid every 2 weeks", None),
        ("can a 17-year-old apply", "age"),
        ("how much is the annual leave entitlement", "duration"),
        ("how much is the travel allowance", "amount"),
        # a programme's mode asked as "online" or "in person", not a step of applying
        ("is quillfern online?", "workplace"),
        ("is the summer school in person or online", "workplace"),
        ("can i apply online?", None),
        ("my wifi is bad, can i apply on paper instead of online?", None),
        ("is the residency interview in person or online", None),
        # a role named by its place of work, and a question for roles, ask no place of work
        ("what are the reqs for the remote data science intern", None),
        ("any remote jobs?", None),
        ("which day of the month are the seminars on", "date"),
        ("what % of alumni raise money?", "share"),
        ("what percentage of interns get a return offer", "share"),
        # a rate that is a percentage, or a "%" asked, is a share; "100% remote" says a number
        ("what's the commission rate for the account rep", "share"),
        ("commission %?", "share"),
        ("whats the acceptance rate", "share"),
        ("is it 100% remote", "workplace"),
        # "when" as a conjunction asks nothing; "who can apply?" asks who is eligible
        ("what's the main thing they look for when picking fellows", None),
        ("meridian results when?", "date"),
        ("do you know when applications open?", "date"),
        ("Who can apply to the summer school?", None),
        ("who is the fellowship for?", None),
        ("who do I write to for help?", "contact"),
        ("who can I contact about visas?", "contact"),
        ("pinecrest home office money?", "amount"),
        ("how much time off do you get?", "duration"),
        ("how much experience do you need for the backend role?", "duration"),  # "3+ years", not the pay
        ("how much exp do they want", "duration"),
        ("whats the translators bursary worth", "amount"),
        ("how big are the growth grants", "amount"),
        ("whats the max you can get from a seed grant", "amount"),
        ("is there a minimum amount you have to ask for?", "amount"),
        ("is there a minimum age for the grant?", "age"),  # an age, not an amount
        ("max team size?", None),
        ("is it worth applying?", None),
        ("what makes it worth it", None),
        # a yes/no question after a condition asks no amount for the fees it names
        ("if i do a phd during the fellowship do i pay fees", None),
        ("if i drop out, how much do i pay back?", "amount"),
        ("which building is the data team in?", "place"),
        ("whats the phone number for the grants team", "contact"),
        ("who does the first call for the platform role", "person"),  # an interview call
        ("who does the phone screen at brightwell", "person"),  # a step of hiring, not a phone number
        ("who do i phone about my visa", "contact"),
        ("what are the start and end dates of the ranger season", "date"),
        ("what are the dates for the summer fellowship this year", "date"),
        ("which substation would the electrician mainly be based at", "place"),
        ("what is the bonus based on", None),
        ("home office budget?", "amount"),
        # "how much" of a thing that is not money asks how much of it, in whatever it is measured in
        ("how much training before i can start tutoring", "quantity"),
        ("how much compute do residents get", "quantity"),
        ("how much research money can i get", "amount"),
        ("how much u get paid", "amount"),
        ("how much is the stipend", "amount"),
        # when one works: clock times, hours a week, shifts or days answer it
        ("what hours would i work as night supervisor", "schedule"),
        ("what are the hours for the lab ops coordinator", "schedule"),
        ("qc tech hours?", "schedule"),
        # how much of a week it takes is its hours, not money
        ("how much of my week will the sorrelwick fellowship take up", "schedule"),
        ("time commitment for the homework help tutors?", "schedule"),
        ("how much of my salary does brackenfield match into the pension", "amount"),
        ("is the QA officer job permanent", "terms"),
        ("loomwork cm, temp or long term?", "terms"),
        ("is there a permanent job at the end of the traineeship", None),  # what comes after, not the terms
        ("what's the salary once you become a permanent technician", "amount"),
        ("how many hours a week is it", "duration"),
        ("do u get paid for overtime hours?", None),
        ("hey so i live like two hours from harrowmere, could i do it from home?", None),
        # what a person in a role makes is their pay; what a company makes is its products
        ("what does the lead installer make", "amount"),
        ("what do interns make per hour", "amount"),
        ("what does brightwell make", None),
        ("what do fellows make at the end of the program", None),
        # whether a programme is paid is said by its pay; a thing paid for is no pay
        ("do stage management apprentices get paid", "amount"),
        ("is the residncy paid?", "amount"),
        ("do summer students get their travel costs to the hospital paid", None),
        # a rate of pay is a sum; an acceptance rate a share
        ("whats the overtime rate for quality inspectors", "amount"),
        ("night rate for porters?", "amount"),
        ("whats the acceptance rate", "share"),
    ],
)
def test_asked_kind(question: str, kind: str | None) -> None:
    assert asked_kind(question) == kind


def test_how_long_a_programme_lasts_is_answered_by_its_span() -> None:
    # "how long does the fellowship last?": a span of the programme ("lasts 24 months", "an
    # 11-month paid fellowship", "runs from September 8, 2025 to July 31, 2026"), not any
    # duration said in a passage about it
    asked = "how long does the kestrel harbor civic tech fellowship last"
    for span in (
        "The apprenticeship lasts 24 months.",
        "An 11-month paid fellowship for designers.",
        "The 2025–2026 fellowship runs from September 8, 2025 to July 31, 2026.",
        "Internships last twelve (12) to twenty-four (24) weeks.",
    ):
        assert holds(span, "duration", asked), span
    for other in (
        "We cut the wait for a permit from 41 days to 19 days.",
        "Fellows present in a two-hour session each Friday.",
        "Contracted hours are 39 hours a week, averaged over a four-week period.",
    ):
        assert not holds(other, "duration", asked), other
    # other "how long" questions are answered by any duration of theirs
    assert holds("We reply within three working days.", "duration", "how long does it take to hear back?")
    assert holds("The interview is a two-hour panel.", "duration", "how long is the interview?")


def test_a_programme_starts_on_a_day_not_at_a_shifts_hour() -> None:
    # "when does the graduate scheme start?" is not answered by "early starts from 05:00";
    # an event within a day is ("when does the taster day start?": "starts at 10:00")
    from bot.search.answer_type import holds_as_asked

    shift = "The depot rotation is fully on site, and includes some early starts from 05:00."
    assert not holds_as_asked(shift, "date", "when does the transport planner scheme start")
    assert holds_as_asked("Start date: Monday 7 September 2026", "date", "when does the transport planner scheme start")
    assert holds_as_asked("The taster day starts at 10:00.", "date", "when does the taster day start")


def test_a_programmes_label_over_a_length_says_how_long_it_lasts() -> None:
    asked = "how long is the electrician contract"
    assert holds("• Contract: 5 months, October 2025 – March 2026", "duration", asked)
    assert holds("Placement: 12 weeks, full time", "duration", "how long is the placement")
    assert not holds("• Contract: permanent, 37.5 hours a week", "duration", asked)


def test_when_a_programme_ends_is_a_day_not_an_hour() -> None:
    asked = "when does the sound traineeship finish"
    assert not holds("Sound trainees work Monday to Friday, normally 9.30am to 5.30pm.", "date", asked)
    assert holds("Sound strand: 15 September 2025 – 12 June 2026", "date", asked)
    assert holds("The shift finishes at 5.30pm.", "date", "when does the shift finish")  # a shift's end is an hour


def test_no_upper_age_limit_says_nothing_of_how_young_one_may_be() -> None:
    upper = "There is no upper age limit. Our oldest volunteer in 2025 was 74."
    assert not holds(upper, "age", "min age?")
    assert not holds(upper, "age", "how old do i have to be to volunteer")
    assert holds(upper, "age", "am i too old to apply")
    assert holds("You must be 18 or over on the first day.", "age", "minimum age to volunteer")


def test_a_lower_age_bound_says_nothing_of_an_upper_one() -> None:
    asked = "is there an upper age limit for ushers"
    for lower in ("Minimum age: 16", "Age 23 or over at the start of the contract", "Ushers aged 16 or 17 work matinees."):
        assert not holds(lower, "age", asked), lower
        assert not holds(lower, "age", "max age for usher?"), lower
    for upper in ("Applicants must be aged 21 to 30 on 1 June.", "You must be under the age of 60.", "There is no age limit."):
        assert holds(upper, "age", asked), upper
    assert holds("Minimum age: 16", "age", "how old do you have to be to be an usher")


def test_a_working_week_is_not_how_long_a_programme_lasts() -> None:
    asked = "how long is the bellwether apprenticeship"
    assert not holds("A normal week is 40 hours over five days, with Mondays off.", "duration", asked)
    assert not holds("During technical rehearsals, expect six-day weeks.", "duration", asked)
    assert holds("The apprenticeship is a 41-week, full-time paid position.", "duration", asked)


def test_a_relocation_stipend_is_no_pay() -> None:
    asked = "how much does the summer ops intern make"
    assert not holds("A $1,500 relocation stipend for interns who live more than 75 miles away.", "amount", asked)
    assert holds("Pay: $20.00/hour", "amount", asked)
    assert holds("Interns are paid a stipend of $600 a week.", "amount", asked)


def test_time_and_a_half_hyphenated_is_an_amount() -> None:
    said = "Staff paid by the hour (for example our QA testers) get overtime at time-and-a-half."
    assert holds(said, "amount", "Is overtime paid?")


def test_a_supplement_paid_with_the_salary_is_no_pay() -> None:
    asked = "hgv driver pay?"
    assert not holds("The HGV market supplement is now £1,500 a year, paid monthly with salary.", "amount", asked)
    assert holds("Pay: Grade 5, £27,269 – £28,770 a year plus £1,500 HGV market supplement", "amount", asked)
    assert holds("The HGV market supplement is £1,500 a year.", "amount", "how much is the hgv supplement")


def test_a_look_back_is_not_what_a_programme_lasts() -> None:
    # "in the last five years" says when something happened; "the last" is no verb
    asked = "how long is the reporting fellowship"
    assert not holds("Two county weeklies closed in the last five years.", "duration", asked)
    assert not holds("Over the past two years we doubled the newsroom.", "duration", asked)
    assert holds("Fellowships last five months.", "duration", asked)


def test_how_long_programmes_are_is_asked_as_their_span() -> None:
    # "how long are Ardentmoor internships?" asks the span as "how long is the internship?"
    # does: not the two weeks of fieldwork some of them include
    asked = "How long are Ardentmoor internships?"
    assert not holds("Some internships include up to two weeks of fieldwork in spring.", "duration", asked)
    assert holds("Internships are fourteen (14) or twenty (20) weeks long.", "duration", asked)
    # a choice of lengths, listed
    assert holds("Length: placements last 4, 8 or 12 weeks.", "duration", "how long are volunteer placements")
    # ... or a range
    assert holds("Each fellowship lasts between three and six months.", "duration", "how long is the hartley fellowship")


@pytest.mark.parametrize(
    "text",
    [
        "Fellows receive 10 days of paid leave.",
        "Apprentices work 7:30 to 16:30 with a one-hour lunch break.",
        "Your rota is published with three weeks' notice.",
        "Annual leave: 16 days for the contract, plus time off in lieu.",
    ],
)
def test_time_out_of_a_programme_is_not_how_long_it_lasts(text: str) -> None:
    asked = "how long does the civic tech fellowship last"
    assert not holds(text, "duration", asked)
    assert holds(f"{text} The fellowship lasts 11 months.", "duration", asked)
    # ... unless the time out is what is asked about
    assert holds(text, "duration", "how long is the leave / break / notice?")


def test_holds_finds_answers_of_the_asked_kind() -> None:
    for worked in (
        "Shift pattern: 4 on / 4 off, 19:00 to 07:00",
        "Core hours are 37.5 a week",
        "12-hour shifts",
        "Fellows give at least one day a week to their project.",
    ):
        assert holds(worked, "schedule"), worked
    assert not holds("We reply within 48 hours.", "schedule")
    # the terms one is employed on; "Permanent" answers "is it permanent?", though the question says it
    for terms in ("Contract: Fixed term, 12 months (maternity cover)", "a six-month contract", "Permanent, full-time"):
        assert holds_as_asked(terms, "terms", "is the hydrologist position permanent or temporary?", None), terms
    assert not holds("We are a team of 84 scientists.", "terms")
    assert holds("$7,650/month to $12,134/month + benefits", "amount")
    assert holds("The residency is a 9-month program.", "duration")
    assert holds("Internships last twelve (12) to twenty-four (24) weeks.", "duration")
    assert not holds("The internship is full-time and paid.", "duration")
    assert holds("We usually reply within three working days.", "duration")
    assert holds("Classes run Monday to Friday from 9:00 to 17:00.", "date")  # "what time …?"
    assert holds("The live session starts at 6pm.", "date")
    assert holds("The live session starts at 6pm.", "time")
    # sums in any currency, by sign, ISO code or name
    for paid in (
        "Tuition is 6,500 dollars.",
        "NOK 650,000 per year",
        "12 000 SEK a month",
        "₹40,000 stipend",
        "a grant of 2,400 euros",
    ):
        assert holds(paid, "amount") and not holds(paid, "count"), paid
    assert not holds("Try 3 times before you ask.", "amount")
    # a deadline is a date said to be one, or the answer to a question about one
    deadline = "when do applications close?"
    assert not holds_as_asked("Students aged 16 to 18 on 1 July 2026 may apply.", "date", deadline)
    assert holds_as_asked("Fill in the form by 8 May 2026.", "date", deadline)
    assert holds_as_asked("Fill in the volunteer form before 20 October 2025.", "date", deadline)
    assert holds_as_asked("Application deadline: 15 December 2025", "date", deadline)
    assert holds_as_asked("15 July 2026, end of day UK time.", "date", deadline, "deadline?")
    assert not holds_as_asked("Dispatchers re-plan routes when a bridge closes.", "date", deadline)
    # ... and a start a date said to be one, not a shift's hours or any date
    start = "when does the shift lead job start?"
    assert not holds_as_asked("Students aged 16 to 18 on 1 July 2026 may apply.", "date", start)
    assert not holds_as_asked("Our night shift runs Sunday to Thursday nights, 22:00–06:30.", "date", start)
    assert holds_as_asked("We'd like the successful candidate to start on 4 May 2026.", "date", start)
    assert holds_as_asked("Dates: 6–19 July 2026 (two weeks)", "date", start)
    assert holds_as_asked("1 April 2026", "date", start, "When can I start?")
    # the length of a text is in words or pages, not in months
    proposal = "how long can the research proposal be?"
    assert holds("Send a research proposal of up to 1,500 words.", "duration", proposal)
    assert holds("A portfolio as a single PDF, no more than ten pages.", "duration", "how long can my portfolio be")
    assert not holds("The fellowship lasts three years.", "duration", proposal)
    assert holds("Reviewing a proposal takes three weeks.", "duration", "how long does the proposal review take?")
    # a deadline is no start, and a start no deadline
    deadline, start = "When is the application deadline?", "When does the job start?"
    assert not holds("Start date: 1 May 2026.", "date", deadline)
    assert holds("We'll accept applications through April 15, 2026.", "date", deadline)
    assert holds("Apply by 28 February 2025 for a September 2025 start.", "date", deadline)
    assert not holds("Applications close on 31 January 2027.", "date", start)
    assert holds("The next intake starts on 1 May 2025.", "date", start)
    assert holds("Start date: 1 May 2026.", "date", "When can I join?")
    # a workforce is counted in people, and people in staff
    assert holds("We are now a team of more than 1,400 people in nine terminals.", "count", "how many employees?")
    assert holds("Around 420 staff work across our three sites.", "count", "how many workers do they have")
    assert not holds("We run 14 satellites and 3 ground stations.", "count", "how many employees?")
    # a span of dates month first says when it runs, beside when to apply by
    table = "• Dates: June 2 – August 15, 2025 (11 weeks)\n• Pay: $20.00/hour\n• Apply by: February 28, 2025"
    assert holds_as_asked(table, "date", "when does the summer internship start and end")
    assert holds_as_asked("Season: September 19 – October 12, 2025", "date", start)
    # "by 31 May" is a deadline beside the dates a programme runs, "ideally by 1 June" no deadline
    dated = "When: 20 July to 14 August 2026.\nHow to apply: fill in the short online form by 31 May 2026."
    assert holds(dated, "date", deadline)
    assert not holds("Start date: as soon as possible, ideally by 1 June 2026.", "date", deadline)
    # a place after "our": "All apprentices work from our Leeds workshop."
    assert holds("All apprentices work from our Leeds workshop.", "place")
    assert not holds("All apprentices work from our workshop.", "place")
    assert not holds("The open studio weekend is on 27 and 28 November.", "time")
    # pay said without a sum is all a posting may say of it
    assert holds("All residents will be paid a competitive salary.", "amount", "residency pay?")
    assert holds("Mentors are volunteers and are not paid.", "amount", "do mentors get paid?")
    assert not holds("We pay attention to every application.", "amount", "residency pay?")
    # ... after "the", and where one stays
    assert holds("Volunteers sleep at the Mas de l'Étourneau field station.", "place")
    assert holds("Volunteers sleep in shared dormitories, 4 beds per room.", "place")



def test_a_deadline_asked_for_without_saying_for_what_is_the_one_to_apply_by() -> None:
    from bot.search.answer_type import holds_as_asked

    asked = "harbour light deadline?"
    assert holds_as_asked("Application deadline: Friday 13 February 2026", "date", asked)
    assert not holds_as_asked("Deadline to accept an offer: Friday 3 April 2026", "date", asked)
    assert not holds_as_asked("Reference letters due: Friday 20 February 2026", "date", asked)
    # ... also when it dates them from the deadline to apply
    relative = "Reference letters are due March 13, 2026, one week after the application deadline."
    assert not holds_as_asked(relative, "date", asked)
    # ... nor does the day outcomes come by
    assert not holds_as_asked("Offers will go out by July 11, 2025.", "date", asked)
    assert holds_as_asked("Apply by 1 May 2026; offers will go out by 11 July 2026.", "date", asked)
    # a sentence that dates the application and then a decision is about applying
    assert holds_as_asked("The form closes on 4 May 2025, and decisions are sent by 23 May 2025.", "date", asked)
    # ... and a deadline asked for by its step is that one
    assert holds_as_asked("Deadline to accept an offer: Friday 3 April 2026", "date", "deadline to accept the offer?")


def test_a_sentence_that_dates_a_deadline_is_about_a_deadline_question() -> None:
    # it shares no word with "senior fellowship deadline?", but answers it
    asked = "senior fellowship deadline?"
    assert dates_as_asked("Send a CV to jobs@example.org by 5pm on Friday 8 January 2027.", asked)
    assert dates_as_asked("Applications close on 3 March 2026.", asked)
    assert not dates_as_asked("Start date: as soon as possible, ideally by 1 June 2026.", asked)
    assert not dates_as_asked("Not for the October 2026 cohort.", asked)
    assert dates_as_asked("The first cohort starts on 5 April 2027.", "when does the senior fellowship start")
    # a range of dates says when it starts, and is no deadline
    assert dates_as_asked("The residency runs from 7 September to 13 November 2026.", "when does it start?")
    assert not holds("The residency runs from 7 September to 13 November 2026.", "date", "deadline to apply?")
    assert not dates_as_asked("Send it by 8 January 2027.", "where is the fellowship")  # no date asked


def test_working_hours_are_no_length_of_a_programme() -> None:
    # "How long is the apprenticeship?" is not answered by how much of a week it takes ...
    length = "How long is the carpentry apprenticeship?"
    assert not holds("Four days a week on site and one day a week at college.", "duration", length)
    assert not holds("Apprentices work 40 hours a week.", "duration", length)
    assert holds("Apprentices work 40 hours a week for two years.", "duration", length)
    assert holds("It is a three-year apprenticeship.", "duration", length)
    # ... unless the question asks about the hours, the days or the time it takes
    assert not holds("Posted 9 days ago · 31 applicants", "duration", "how much pto?")  # when, not how long
    for workload in ("How long is the working week?", "how long are the shifts", "how long does it take per week?"):
        assert holds("Apprentices work 40 hours a week.", "duration", workload), workload

def test_days_of_the_week_are_counted_by_naming_them() -> None:
    office = "The analytics team is in the office together on Mondays and Wednesdays."
    assert holds(office, "duration", "how many days a week do i have to be in the office?")
    assert holds("Crews work Tuesday to Friday, 08:00 to 16:00.", "duration", "how many days in the office for the crew job")
    # one weekday is a day, not a count; days off are no weekdays worked
    assert not holds("Team lunch is on Fridays.", "duration", "how many days a week in the office?")
    assert not holds("The office is open Monday to Friday.", "duration", "how many days of annual leave do i get?")


def test_the_steps_of_a_process_are_counted_by_listing_them() -> None:
    steps = "• A phone call with our recruiter\n• A technical interview\n• A visit to the depot"
    assert counted_by_list(steps, "Hiring process", "how many interview rounds are there?")
    assert counted_by_list(steps, "The stages", "how many stages does hiring have")
    # a list under another heading, one item, or a count of anything but steps
    assert not counted_by_list(steps, "What you'll do", "how many interview rounds are there?")
    assert not counted_by_list("• A phone call with our recruiter", "Hiring process", "how many interview rounds?")
    assert not counted_by_list(steps, "Hiring process", "how many interns are hired each year?")


def test_a_question_about_a_process_is_shown_its_steps_from_the_first(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "mechanic.md",
        "# Fleet Mechanic at Brindlespoke\n\n## Pay\n\n£27,000 a year.\n\n## How to apply\n\n"
        "Email your CV to jobs@brindlespoke.example. A cover letter is optional.\n\nOur process is simple:\n\n"
        "- A 30-minute video call with the Fleet Lead\n- A two-hour paid trial shift in the workshop\n\n"
        "We decide within a week of your trial shift. If you need any adjustments during the hiring process, "
        "just tell us when you apply.\n",
    )
    write(
        tmp_path,
        "analyst.md",
        "# Data Analyst Intern at Quorvane\n\n## Hiring process\n\n- 30-minute call with our Talent Partner\n"
        "- Case study presented in a 60-minute video interview\n- Short conversation with the Head of Data\n"
        "- All interviews are held by video.\n",
    )
    answers = services_over(tmp_path, settings).answers
    shown = answers.ask("whats the interview process for the brindlespoke mechanic job").citations[0].snippet
    assert shown.startswith("Our process is simple:") and "trial shift in the workshop" in shown
    shown = answers.ask("what happens in the interviews for the quorvane data analyst intern").citations[0].snippet
    assert shown.startswith("• 30-minute call with our Talent Partner")
    # the snippet reads the question as the search did: with its typos corrected
    shown = answers.ask("whats the interveiw proccess for the brindlespoke mechanic job").citations[0].snippet
    assert shown.startswith("Our process is simple:")


def test_an_age_is_answered_by_an_age_limit() -> None:
    asked = "is there an age limit for the fellowship"
    assert holds("There is no upper age limit.", "age", asked)
    assert holds("Anyone aged 17 or over can volunteer.", "age", "im 16, can i volunteer?")
    assert holds("You must be 18 or older by the start date.", "age", asked)
    assert holds("The minimum age is 18.", "age", asked)
    # the question's own words, and a number that is no age
    assert not holds("There is an age limit.", "age", asked)
    assert not holds("The programme lasts 12 weeks and takes 18 fellows.", "age", asked)


def test_where_one_works_is_answered_by_remote_hybrid_or_on_site() -> None:
    asked = "is the analyst job remote?"
    assert holds("This is a fully remote role.", "workplace", asked)  # its own word answers it
    assert holds("Location: Leeds (hybrid)", "workplace", asked)
    assert holds("Halcyra Space · Tacoma, WA (On-site) · Full-time", "workplace", asked)
    assert holds("You will be in the office two days a week.", "workplace", asked)
    assert not holds("• Lunch catered every Tuesday and Thursday in the office", "workplace", asked)
    assert not holds("The salary is £38,000.", "workplace", asked)


def test_a_sum_of_money_or_a_date_counts_nothing() -> None:
    # "how many stock options?" is not answered by the salary band next to them
    assert not holds("Base salary: EUR 85,000 – 105,000 per year, plus stock options.", "count")
    assert not holds("Applications close on 3 March 2027.", "count")
    assert not holds("$7,650/month to $12,134/month + benefits", "count")
    assert holds("We hire 12 interns a year.", "count")
    assert holds("You need two letters of reference.", "count")
    # nor by a run of durations
    assert not holds(
        "Our internships are twelve (12) to sixteen (16), or twenty-four (24) weeks long.", "count"
    )
    assert not holds("It runs 3, 6 or 9 months.", "count")
    assert holds("We hire 5, 10 or 20 interns.", "count")
    # "how many people apply?" is not answered by a duration
    assert not holds("Students who have completed at least two years of study.", "count")


def test_how_many_counts_what_it_names() -> None:
    # "how many X" is answered by a number of X, not by any number
    assert holds("Each resident runs at least four free public workshops.", "count", "how many public workshops?")
    assert holds("We select six fellowships each year.", "count", "how many fellows will they pick")
    assert not holds("Send your CV and a two-minute video.", "count", "how many pages max for the portfolio pdf")
    assert not holds("This year we are hiring interns into four teams.", "count", "how many interns is it hiring")
    assert not holds("We take 22 interns each summer.", "count", "how many interview rounds are there")
    assert not holds("2+ years in a data analyst role", "count", "how many data analyst positions are open")
    # what is counted is the question's noun, not a word before it
    oral = "how many oral history grants did they give out"
    assert not holds("Scored by two trustees and one external oral historian.", "count", oral)
    assert holds("Over 15.000 companies are using HF technology.", "count", "how many companies use hf stuff")
    # ... and the noun the number counts, not one that only qualifies it
    mentors = "how many mentors are in the circle"
    assert not holds("You can list up to three mentor preferences.", "count", mentors)
    assert holds("The circle has three mentors this round.", "count", mentors)
    assert holds("The circle has three mentor places this round.", "count", mentors)  # places count people
    # a level is no number of anything, and "one of" is one among others
    analysts = "how many analysts are on each shift"
    assert not holds("Escalate P1 incidents to the Tier 2 on-call analyst within 15 minutes", "count", analysts)
    assert holds("Each shift has four analysts and a lead.", "count", analysts)
    places = "how many interns does each team take"
    assert not holds("Join one of the coolest places in AI.", "count", places)
    assert holds("Each team takes two interns.", "count", places)
    # ... and anyone is counted by whom the number counts
    assert holds("We usually take between four and six mentees.", "count", "how many people get picked")
    # ... but people who apply are counted as applicants or applications
    assert not holds("We award up to 12 scholarships each year.", "count", "how many people applied last year")
    assert holds("We received 340 applications last year.", "count", "how many people apply each year")
    assert not holds("We received 340 applications last year.", "duration")  # "last year" is when


def test_how_many_weeks_is_answered_in_weeks_or_the_next_units() -> None:
    assert holds("The apprenticeship lasts 36 months.", "duration", "how many years is the apprenticeship")
    assert holds("Ten weeks, from 8 June to 13 August.", "duration", "how many weeks is the internship")
    assert holds("Plan for about six hours a week.", "duration", "how many hrs a week does it take")
    assert not holds("Length: six months", "duration", "how many days annual leave do you get")
    assert not holds("About 40 hours, Monday to Friday.", "duration", "how many weeks is the internship")


def test_holds_finds_quantities_but_not_sums_or_dates() -> None:
    asked = "how much training before i can start tutoring"
    assert holds("Every new tutor completes six hours of training before their first session.", "quantity", asked)
    assert holds("Up to 25% travel.", "quantity", "how much travel is involved")
    assert not holds("Applications close on March 15, 2024.", "quantity", asked)
    assert not holds("The stipend is $3,000.", "quantity", asked)


def test_the_people_a_programme_takes_are_counted_by_its_places() -> None:
    asked = "how many grad nurses are they taking in feb 2026"
    assert holds("For the February 2026 intake we are offering 48 residency positions.", "count", asked)
    assert holds("We hire six interns a year.", "count", "how many interns will be hired")
    # only when the question speaks of taking people in, and not of places itself
    assert not holds("We are offering 48 residency positions.", "count", "how many grad nurses work there")
    assert not holds("You can apply to at most two positions.", "count", "how many interns does it take per position")


def test_a_rate_of_money_says_no_frequency() -> None:
    # "weekly" of a stipend and "per month" after a sum say how much, not how often
    assert not holds("Engineers on call receive a $150 weekly on-call stipend.", "frequency")
    assert not holds("You get a food allowance of £40 per week.", "frequency")
    assert holds("Take part in the on-call rotation, one week in every four.", "frequency")
    assert holds("Stipends are paid monthly.", "frequency")


def test_every_says_how_often_only_of_a_time() -> None:
    # "every student" is everyone, "every week" a frequency; "one week in six" is a rota
    assert not holds("Supervisors are not obliged to meet every student who writes.", "frequency")
    assert not holds("We read every script.", "frequency")
    assert holds("Supervisors meet their fellow for at least one hour each week.", "frequency")
    assert holds("A writers' room every second Tuesday evening.", "frequency")
    assert holds("Residents work every third weekend.", "frequency")
    assert holds("You are on call roughly one week in six.", "frequency")


def test_holds_finds_shares() -> None:
    assert holds("About 80% of our alumni raise a seed round.", "share")
    assert holds("Half of the fellows are from outside Europe.", "share")
    assert not holds("Twenty-four fellows join each year.", "share")


def test_holds_finds_people_and_contacts() -> None:
    assert holds("Email accommodations@example.com for help.", "person")
    assert holds("You will work with Ada Lovelace on compilers.", "person")
    assert not holds("the stipend is paid monthly.", "person")
    # "people" as the public served names no one to ask ("who does the intern report to?")
    assert not holds("A career bringing music to young people and communities.", "person")
    assert holds("Our headquarters are in Montréal.", "place")
    assert holds("The lab is in building 4, room 210, next to the library.", "place")
    assert not holds("Meta participates in the E-Verify program in certain locations.", "place")
    assert holds("Locations vary on a case-by-case basis.", "place")
    assert holds("You will work with José Álvarez.", "person")
    # the organisation the question names is not who answers it
    assert not holds("The Tidewater Software Foundation runs the program.", "person", "who runs tidewater?")
    assert holds("The Tidewater program is run by Ada Lovelace.", "person", "who runs tidewater?")


def test_a_name_is_asked_for_by_who_is_the() -> None:
    # a name or a title answers "who is the …?"; a team, or the title the question names, does not
    assert holds("You will work with Ada Lovelace on compilers.", "name", "who is the mentor?")
    assert holds(
        "You will report to the Head of Forecasting.", "name", "who's the boss for the analyst role?"
    )
    assert not holds("You will report to the Head of Forecasting.", "name", "who's the head of forecasting?")
    assert not holds("Our judges score the teams on the problem they chose.", "name", "who are the judges?")
    assert not holds(
        "The Institute matches each fellow with a senior researcher.", "name", "who are the hosts?"
    )
    # an e-mail address is a contact, not a name
    assert not holds("Write to mentors@example.org.", "name", "what's the name of the coordinator?")
    assert holds("Write to mentors@example.org.", "person", "who do I write to?")


def test_a_contact_is_a_way_to_reach_someone() -> None:
    asked = "who do I contact about accommodations?"
    assert holds("Email accommodations-ext@fb.com for help.", "contact", asked)
    assert holds("Send a direct message to Merve Noyan on the Hub.", "contact", asked)
    assert holds("Call +1 (650) 555-0100 between 9 and 5.", "contact", asked)
    # a team or a field of study is no way to reach anyone
    assert not holds("A Ph.D. in Computer Science, working in a team environment.", "contact", asked)


def test_who_to_contact_is_answered_by_the_passage_with_the_address(seed_services: Services) -> None:
    answer = seed_services.answers.ask("who do i contact at meta to get help during hiring?")
    assert answer.citations and "accommodations-ext@fb.com" in answer.citations[0].snippet


def test_where_to_apply_is_answered_by_a_way_to_send_it() -> None:
    # "where do I apply?" asks for a link, an address or a portal, not for a city
    where_apply = "Where do I apply for the internship?"
    assert asked_kind(where_apply) == "place"
    assert holds("Submit your application here.", "place", "where do i send my application?")
    assert holds("Apply online at https://careers.example.com/jobs/12.", "place", where_apply)
    assert holds("Send your CV to jobs@example.com.", "place", "where should I send my CV?")
    assert holds("You can apply through our job portal.", "place", where_apply)
    # a link is no answer to where something is
    assert not holds("Apply online at https://careers.example.com/jobs/12.", "place", "Where is the office?")
    assert not holds("We read every application carefully.", "place", where_apply)


def test_where_to_apply_is_answered_from_the_how_to_apply_section(seed_services: Services) -> None:
    answer = seed_services.answers.ask("where do I apply for the internship?")
    assert answer.verdict == "answer"
    assert answer.citations[0].source == INTERNSHIPS
    assert "portal" in answer.citations[0].snippet


def test_the_ranking_counts_an_asked_kind_where_the_decision_counts_it(seed_services: Services) -> None:
    # "About You" has a place word only in a sentence about something else; ranked by the
    # passage-wide test it came first, and the decision then found no place and declined.
    answers = seed_services.answers
    seen = _consider(answers, "Where is the ML engineer job based?")
    assert seen.evidence is not None and seen.evidence.missing == 0.0
    answer = answers.ask("Where is the ML engineer job based?")
    assert answer.verdict == "answer"
    assert "Paris" in answer.citations[0].snippet


def test_the_unit_a_rate_is_counted_in_is_no_answer() -> None:
    asked = "how many hours a day are the summer school lectures"
    assert not holds("The Summer School is a 12-day programme.", "duration", asked)
    assert holds("Lectures run for 3 hours every morning.", "duration", asked)
    assert not holds("The internship lasts 12 weeks.", "duration", "how many days a week is the internship")


def test_a_rate_question_is_answered_in_its_own_unit_and_rate() -> None:
    asked = "how many hours a week is the data engineering internship"
    assert not holds("Take-home SQL and Python exercise (about 2 hours)", "duration", asked)
    assert not holds("Interns work from the office four days a week.", "duration", asked)
    assert holds("Interns work 32 hours a week.", "duration", asked)
    assert holds("Up to 20 hours/week, paid weekly.", "duration", asked)


def test_a_count_per_day_counts_its_noun_not_days() -> None:
    asked = "how many samples a day does the lab process"
    assert asked_kind(asked) == "count"
    assert not holds("25 days of annual leave plus public holidays", "count", asked)
    assert holds("The lab processes about 400 samples a day.", "count", asked)
    assert asked_kind("how many vacation days do i get") == "duration"


def test_a_candidates_experience_is_no_answer_to_how_long_a_programme_lasts() -> None:
    asked = "How long is the Sorrelwick Research Residency?"
    assert not holds("Most residents have between one and four years of experience in industry.", "duration", asked)
    assert not holds("You should have graduated within the last 12 months.", "duration", asked)
    assert holds("The Residency is an 11-month, full-time research position.", "duration", asked)
    # unless experience is what is asked
    assert holds("You need 3+ years of professional experience.", "duration", "how long do i need to have worked?")
    # a bound said after the number ("5 or more years") is a duration all the same
    asked = "how many years of embedded c do they want"
    assert holds("5 or more years of professional experience writing embedded C", "duration", asked)
    assert not holds("Five or more years of experience in industry.", "duration", "How long is the residency?")
    assert holds("at least 20 or more hours a week", "duration", "how many hours a week is it")


def test_holds_ignores_what_the_question_already_contains() -> None:
    text = "The 2023 internships are listed below."
    assert holds(text, "date")
    assert not holds(text, "date", "When do the 2023 internships start?")
    assert holds("The 2023 internships start in 2024.", "date", "When do the 2023 internships start?")


# -- 4. small talk ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["hi", "thanks!", "help", "what can you do?", "good morning everyone", "good morning ppl", "hey y'all"]
)
def test_small_talk_is_recognised(text: str) -> None:
    assert small_talk(text) is not None


@pytest.mark.parametrize(
    "text", ["help me with the residency application", "hi, is the residency paid?", "is the residency paid?"]
)
def test_questions_are_not_small_talk(text: str) -> None:
    assert small_talk(text) is None


def test_small_talk_reply_says_what_the_bot_knows(seed_services: Services) -> None:
    answer = seed_services.answers.ask("hi")
    titles = [d.title for d in seed_services.holder.current.corpus.documents]
    assert answer.reply
    assert any(title in answer.reply for title in titles)
    assert "Fellowship Program" in answer.reply
    assert answer.answered is False and answer.verdict == "none" and answer.citations == ()


def test_a_question_with_a_greeting_is_answered_not_greeted(seed_services: Services) -> None:
    answer = seed_services.answers.ask("hi, is the residency paid?")
    assert answer.reply is None
    assert answer.citations and answer.citations[0].source == RESIDENCY


def test_a_document_naming_another_documents_organisation_in_passing_is_from_it(
    tmp_path: Path, settings: Settings
) -> None:
    write(
        tmp_path,
        "grant.md",
        "# Dark Sky Research Grant\n\nThe Vantrelle Observatory Trust is an independent foundation that "
        "runs an observatory and funds research on light pollution across the region.\n\n"
        "## Funding\n\nGrants of up to NOK 450,000 are paid in two instalments.\n",
    )
    write(
        tmp_path,
        "ambassadors.md",
        "# Sky Ambassadors FAQ\n\nSky Ambassadors are the volunteers who run stargazing evenings at the "
        "Vantrelle visitor observatory.\n\n## Are ambassadors paid?\n\nNo, ambassadors are volunteers.\n",
    )
    # ... or only in its signature, at the end (an e-mail)
    write(
        tmp_path,
        "guides.txt",
        "Night Guides 2026\n\nDear friends,\n\nWe are looking for night guides for the winter season. "
        "Guides are paid by the evening.\n\nHOW TO APPLY\n\nSend a short letter to the address below "
        "by the end of October.\n\nBest wishes,\nIngrid Holm\nNight Guide Coordinator, Vantrelle visitor centre\n",
    )
    write(tmp_path, "other.md", "# Open Data Week\n\nOpen Data Week is run by a city council.\n")
    snapshot = snapshot_from_folder(tmp_path, settings)
    names, tokenizer = snapshot.names, snapshot.engine.tokenizer
    docs = {d.source: i for i, d in enumerate(snapshot.corpus.documents)}
    scope = names.scope(names.named(tokenizer("does vantrelle pay its volunteers?")))
    assert scope == frozenset({docs["grant.md"], docs["ambassadors.md"], docs["guides.txt"]})
    # an organisation's first word that English uses ("Open") says nothing of who a text is from
    orgs = ["Vantrelle Observatory Trust", "Open Society Foundation"]
    assert organisations_said("the Vantrelle visitor observatory, open to all", orgs) == [orgs[0]]
    assert organisations_said("Open to all", orgs) == []
    # ... but its whole name says who the text is from ("Work with us": "The Open Society Foundation looks after …")
    assert organisations_said("The Open Society Foundation looks after 11 million records.", orgs) == [orgs[1]]
    assert organisations_said("an open society foundation", orgs) == []


def test_a_posting_matching_only_its_name_and_job_has_nothing_of_what_is_asked(jobs_services: Services) -> None:
    answers = jobs_services.answers
    seen = _consider(answers, "is the copperline warehouse job union?")
    assert seen.evidence is not None and seen.candidates[0].coverage > 0  # "job" matched
    assert seen.evidence.coverage == 0.0  # but "union" is what is asked
    assert answers.ask("is the copperline warehouse job union?").verdict != "answer"
    # a word of what is asked in the passage keeps its coverage
    pay = _consider(answers, "copperline warehouse job salary?")
    assert pay.evidence is not None and pay.evidence.coverage > 0


# -- 5. scope --------------------------------------------------------------------------------


def test_hugging_face_salary_is_never_answered_from_meta(seed_services: Services) -> None:
    question = "What's the salary for the Hugging Face internships?"
    answer = seed_services.answers.ask(question)
    assert all(c.source != META for c in answer.citations)
    assert candidate_sources(seed_services, question) == {INTERNSHIPS}


def test_fellowship_question_cites_only_the_fellowship(seed_services: Services) -> None:
    question = "Is the fellowship paid and do I become an employee?"
    answer = seed_services.answers.ask(question)
    assert {c.source for c in answer.citations} <= {FELLOWSHIP}
    assert candidate_sources(seed_services, question) == {FELLOWSHIP}


def test_meta_internship_pay_is_answered_from_the_meta_posting(seed_services: Services) -> None:
    answer = seed_services.answers.ask("How much does the Meta internship pay?")
    assert answer.verdict == "answer" and answer.answered
    assert answer.citations[0].source == META
    assert "$7,650" in answer.citations[0].snippet


# -- 6. typos end to end ---------------------------------------------------------------------


def test_misspelt_programme_is_found(seed_services: Services) -> None:
    answer = seed_services.answers.ask("is the residncy paid?")
    assert answer.citations and answer.citations[0].source == RESIDENCY
    assert answer.topic == ("residency",)


# -- 7. follow-ups ---------------------------------------------------------------------------


def test_follow_up_inherits_the_programme_within_the_window(seed_services: Services) -> None:
    answers = seed_services.answers
    first = answers.ask("Can I do the residency part-time?")
    assert first.topic and first.citations[0].source == RESIDENCY
    now = datetime.now(UTC)
    history = [Turn(first.question, now, first.topic)]
    follow = answers.ask("and is it remote?", history=history, now=now)
    assert all(c.source == RESIDENCY for c in follow.citations)
    assert follow.topic == first.topic
    assert candidate_sources(seed_services, "and is it remote?", history, now) == {RESIDENCY}


def test_follow_up_after_the_window_inherits_nothing(seed_services: Services, settings: Settings) -> None:
    answers = seed_services.answers
    first = answers.ask("Can I do the residency part-time?")
    now = datetime.now(UTC)
    old = now - timedelta(minutes=settings.answers.conversation_minutes + 1)
    history = [Turn(first.question, old, first.topic)]
    follow = answers.ask("and is it remote?", history=history, now=now)
    assert follow.topic == ()
    assert candidate_sources(seed_services, "and is it remote?", history, now) != {RESIDENCY}


def test_a_follow_up_that_names_its_programme_keeps_its_own(seed_services: Services) -> None:
    answers = seed_services.answers
    first = answers.ask("Can I do the residency part-time?")
    now = datetime.now(UTC)
    follow = answers.ask("Is the fellowship paid?", history=[Turn(first.question, now, first.topic)], now=now)
    assert follow.topic == ("fellowship",)
    assert all(c.source == FELLOWSHIP for c in follow.citations)


def test_a_follow_up_about_what_the_documents_never_mention_starts_a_new_subject(
    seed_services: Services,
) -> None:
    # an inherited programme would scope "pizza" to the Fellowship and lift it to "not sure"
    answers = seed_services.answers
    first = answers.ask("Is the fellowship deadline?")
    now = datetime.now(UTC)
    history = [Turn(first.question, now, first.topic)]
    off = answers.ask("What is the best pizza?", history=history, now=now)
    assert off.topic == () and off.verdict == "none"
    assert answers.ask("is it paid?", history=history, now=now).topic == first.topic


# -- 8. verdicts -----------------------------------------------------------------------------

QUESTIONS = [
    "Is there a fee to join the residency program?",
    "How much does the Meta internship pay?",
    "Can I do the residency part-time?",
    "and is it remote?",
    "What's the salary for the Hugging Face internships?",
    "Do Hugging Face employees get equity?",
    "What is the best recipe for banana bread?",
    "how do i change my nickname on this server",
    "hi",
]


def test_every_answer_has_a_consistent_verdict(seed_services: Services) -> None:
    verdicts = set()
    for question in QUESTIONS:
        answer = seed_services.answers.ask(question)
        verdicts.add(answer.verdict)
        assert answer.verdict in {"answer", "unsure", "none"}
        assert answer.answered == (answer.verdict == "answer")
        assert 0.0 <= answer.confidence <= 1.0
        if answer.verdict == "unsure":
            assert answer.citations
        if answer.verdict == "none":
            assert answer.citations == ()
    assert {"answer", "none"} <= verdicts


def test_off_topic_question_is_declined(seed_services: Services) -> None:
    answer = seed_services.answers.ask("how do i change my nickname on this server")
    assert answer.verdict == "none" and not answer.answered and answer.citations == ()


@pytest.mark.parametrize(
    ("answer_at", "unsure_at", "verdict"), [(0.1, 0.05, "answer"), (0.9, 0.1, "unsure"), (0.95, 0.9, "none")]
)
def test_the_model_decides_the_verdict(
    seed_services: Services, settings: Settings, answer_at: float, unsure_at: float, verdict: str
) -> None:
    # a model that always says 0.5: the thresholds alone decide
    model = Model(tuple(0.0 for _ in FEATURES), 0.0, answer_at, unsure_at)
    service = AnswerService(seed_services.holder, settings, seed_services.roles, model=model)
    answer = service.ask("Can I do the residency part-time?")
    assert answer.verdict == verdict
    assert answer.answered == (verdict == "answer")
    assert answer.confidence == pytest.approx(0.5)
    if verdict == "none":
        assert answer.citations == ()
    else:
        assert answer.citations and answer.citations[0].source == RESIDENCY


# -- 9. CLI ----------------------------------------------------------------------------------


def test_cli_ask_json_has_verdict_confidence_and_reply(capsys) -> None:
    code = main(["ask", "--knowledge", str(KNOWLEDGE), "--json", "hi", "Can I do the residency part-time?"])
    out, _ = capsys.readouterr()
    assert code == 0
    greeting, question = json.loads(out)
    for item in (greeting, question):
        assert {"verdict", "confidence"} <= set(item)
    assert greeting["reply"] and greeting["verdict"] == "none" and greeting["citations"] == []
    assert "reply" not in question
    assert question["verdict"] == "answer" and question["citations"][0]["source"] == RESIDENCY


# -- 10. decision fit ------------------------------------------------------------------------


def _samples(n: int = 400, seed: int = 7) -> tuple[list[Evidence], list[int]]:
    rng = np.random.default_rng(seed)
    similarity = rng.uniform(0.0, 1.0, n)
    labels = (similarity + rng.normal(0.0, 0.15, n) > 0.5).astype(int)
    # "absent" rises with the label here: the wrong direction for it
    absent = np.clip(0.2 + 0.5 * labels + rng.normal(0.0, 0.1, n), 0.0, 1.0)
    samples = [
        Evidence(
            coverage=float(rng.uniform()),
            similarity=float(similarity[i]),
            question_similarity=float(rng.uniform()),
            kind=float(rng.choice([0.0, 1.0])),
            missing=float(rng.choice([0.0, 1.0])),
            margin=float(rng.uniform()),
            named=float(rng.integers(0, 2)),
            unknown=float(rng.uniform(0.0, 0.3)),
            sentence=float(rng.uniform()),
            absent=float(absent[i]),
        )
        for i in range(n)
    ]
    return samples, labels.tolist()


def _like(similarity: float) -> Evidence:
    return Evidence(0.5, similarity, 0.5, 0.0, 0.0, 0.5, 0.0, 0.1, 0.5, 0.5)


def test_fit_learns_that_similarity_raises_confidence() -> None:
    samples, labels = _samples()
    model = fit(samples, labels, [y == 0 for y in labels])
    assert model.coefficients[FEATURES.index("similarity")] > 0
    assert model.probability(_like(0.9)) > model.probability(_like(0.1)) + 0.3


def test_fit_drops_a_signal_with_the_wrong_sign() -> None:
    samples, labels = _samples()
    absent = np.asarray([s.absent for s in samples])
    assert np.corrcoef(absent, labels)[0, 1] > 0.5  # the data says "absent" helps
    model = fit(samples, labels, [y == 0 for y in labels])
    assert model.coefficients[FEATURES.index("absent")] == 0.0


def test_fit_thresholds_are_ordered() -> None:
    samples, labels = _samples()
    model = fit(samples, labels, [y == 0 for y in labels])
    assert 0.0 < model.unsure_at <= model.answer_at < 1.0
    negatives = [model.verdict(s)[0] for s, y in zip(samples, labels, strict=True) if y == 0]
    # at most TARGET_FALSE_ANSWERS of the must-decline questions get an answer
    assert 0 < negatives.count("answer") <= TARGET_FALSE_ANSWERS * len(negatives)


def test_a_passage_missing_the_asked_kind_is_at_most_unsure() -> None:
    samples, labels = _samples()
    model = fit(samples, labels, [y == 0 for y in labels])
    holding = Evidence(1.0, 0.95, 0.9, 1.0, 0.0, 1.0, 1.0, 0.0, 0.9, 0.0)
    missing = replace(holding, kind=0.0, missing=1.0)
    assert model.verdict(holding)[0] == "answer"
    assert model.probability(missing) >= model.answer_at  # the signals alone would answer
    assert model.verdict(missing)[0] == "unsure"
    # the negatives that can no longer be answered make room: the threshold is fitted on
    # the others, letting through the same share of all negatives
    capped = [s for s, y in zip(samples, labels, strict=True) if y == 0 and not s.missing]
    assert sum(
        model.probability(s) >= model.answer_at for s in capped
    ) <= TARGET_FALSE_ANSWERS * labels.count(0)


def test_a_passage_with_nothing_of_the_question_but_its_names_is_at_most_unsure() -> None:
    samples, labels = _samples()
    model = fit(samples, labels, [y == 0 for y in labels])
    # close in meaning, the named programme's document, far ahead of the next: but no word of
    # the question (names aside) is in it, and no kind of answer was asked for
    only_names = Evidence(0.0, 0.95, 0.9, 0.0, 0.0, 1.0, 1.0, 0.0, 0.9, 0.5)
    assert model.probability(only_names) >= model.answer_at  # the signals alone would answer
    assert model.verdict(only_names)[0] == "unsure"
    # a word of the question in it, or the asked kind of answer, is something of the question
    assert model.verdict(replace(only_names, coverage=0.3))[0] == "answer"
    assert model.verdict(replace(only_names, kind=1.0))[0] == "answer"


def test_an_introduction_is_at_most_unsure_without_an_asked_kind() -> None:
    samples, labels = _samples()
    model = fit(samples, labels, [y == 0 for y in labels])
    holding = Evidence(1.0, 0.95, 0.9, 1.0, 0.0, 1.0, 1.0, 0.0, 0.9, 0.0)
    general = replace(holding, kind=0.0, general=True)
    assert model.probability(general) >= model.answer_at  # the signals alone would answer
    assert model.verdict(general)[0] == "unsure"
    # not a signal: the fitted model has no coefficient for it
    assert "general" not in FEATURES and len(holding.vector()) == len(FEATURES)


# -- 11. semantic index ----------------------------------------------------------------------


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def _stored(vectors: Vectors) -> Vectors:
    back = decode_arrays(encode_arrays({"codes": vectors.codes, "scales": vectors.scales}))
    return Vectors(back["codes"], back["scales"])


def test_vectors_round_trip_through_bytes() -> None:
    rng = np.random.default_rng(1)
    matrix = _unit(rng.normal(size=(25, DIM)))
    vectors = Vectors.quantize(matrix)
    back = _stored(vectors)
    assert len(back) == 25
    assert np.array_equal(back.codes, vectors.codes)
    assert np.allclose(back.rows(slice(None)), matrix, atol=1e-2)
    assert len(_stored(Vectors.quantize(np.zeros((0, DIM))))) == 0


def _clustered_parts(
    rng: np.random.Generator, parts: int, rows: int = 10
) -> tuple[list[Vectors], np.ndarray]:
    matrices = []
    for _ in range(parts):
        centre = _unit(rng.normal(size=(1, DIM)))
        noise = rng.normal(scale=0.3 / np.sqrt(DIM), size=(rows, DIM))
        matrices.append(_unit(centre + noise))
    return [Vectors.quantize(m) for m in matrices], np.concatenate(matrices)


def test_semantic_index_finds_a_stored_vector_first_above_the_exact_limit() -> None:
    rng = np.random.default_rng(2)
    parts, matrix = _clustered_parts(rng, EXACT_LIMIT // 10 + 20)
    index = SemanticIndex(parts)
    assert index.size == len(matrix) > EXACT_LIMIT
    assert index._dense is None  # the two-level search is the one under test
    for position in rng.choice(len(matrix), 25, replace=False).tolist():
        ids, sims = index.top(matrix[position], 5)
        assert ids[0] == position
        assert len(ids) == 5 and np.all(np.diff(sims) <= 1e-6)


def test_semantic_index_similarity_is_the_dot_product_of_dequantized_rows() -> None:
    rng = np.random.default_rng(3)
    for count in (3, EXACT_LIMIT // 10 + 5):  # exact and two-level
        parts, _ = _clustered_parts(rng, count)
        index = SemanticIndex(parts)
        query = _unit(rng.normal(size=(1, DIM)))[0]
        positions = [0, 7, len(index.vectors) - 1]
        dequantized = Vectors.concat(parts).rows(np.asarray(positions))
        assert np.allclose(index.similarity(query, positions), dequantized @ query, atol=1e-6)


def test_an_embedding_is_the_direction_of_wordllamas_token_mean() -> None:
    """Word by word, a single-spaced text gets WordLlama's own vector (up to float16 rounding)."""
    text = "Does the Hugging Face residency pay a stipend, and is it remote?"
    model = semantic._load_model()
    theirs = np.asarray(model.embed([text], norm=False, return_np=True), dtype=np.float64)[0]
    ours = semantic.embed([text])[0]
    assert float(ours @ (theirs / np.linalg.norm(theirs))) > 0.9999
    assert np.allclose(np.linalg.norm(semantic.embed([text, "x"]), axis=1), 1.0, atol=1e-5)
    assert not semantic.embed(["", "   "]).any()  # no words: a zero vector, not NaN
    # a text with no words between others: its own zero row, the others' rows unchanged
    mixed = semantic.embed(["stipend paid", "", "remote work", "  ", "residency"])
    alone = semantic.embed(["stipend paid", "remote work", "residency"])
    assert not mixed[[1, 3]].any()
    assert np.allclose(mixed[[0, 2, 4]], alone, atol=1e-6)


def test_a_vector_does_not_depend_on_what_the_word_cache_holds(monkeypatch) -> None:
    cache = semantic.WordCache(semantic.WORD_CACHE)
    monkeypatch.setattr(semantic, "_cache", cache)
    texts = ["quokka wombat numbat", "wombat burrows at dusk.", "numbat?", "Dusk, numbat"]
    fresh = semantic.embed(texts)
    assert not cache.rows  # a call without remember keeps nothing
    semantic.embed(texts[1:2], remember=True)
    # "dusk." is the tokens of "dusk" and of "." (kept as "dusk" alone)
    assert set(cache.rows) == {"wombat", "burrows", "at", "dusk", "dusk."}
    assert np.array_equal(semantic.embed(texts), fresh)  # half cached, half not: the same
    assert np.array_equal(semantic.embed(texts, remember=True), fresh)


def test_a_word_and_a_mark_are_embedded_as_the_word_then_the_mark() -> None:
    # the tokenizer never joins a letter to a mark: "stipend?" is "stipend" then "?"
    model = semantic._load_model()
    for word in ("stipend?", "residency.", "Hugging,", "2026;", "remote:", "(hybrid)"):
        tokens = model.tokenizer.encode(word[:-1], add_special_tokens=False).ids
        assert model.tokenizer.encode(word, add_special_tokens=False).ids == [*tokens, model.tokenizer.token_to_id(word[-1])]
    text = "Is the stipend paid? Yes, monthly: 2026."
    whole = model.embedding[model.tokenizer.encode(text, add_special_tokens=False).ids].sum(axis=0)
    assert float(semantic.embed([text])[0] @ (whole / np.linalg.norm(whole))) > 0.9999


def test_the_word_cache_is_bounded_and_a_full_cache_forgets_the_words_not_read_since(monkeypatch) -> None:
    cache = semantic.WordCache(4)
    monkeypatch.setattr(semantic, "_cache", cache)
    texts = ["alpha beta gamma", "delta epsilon zeta eta", "theta alpha"]
    expected = semantic.embed(texts)
    assert np.array_equal(semantic.embed(texts, remember=True), expected)
    assert len(cache.rows) == 4 and len(cache.table) <= 4
    semantic.embed(["alpha beta gamma delta"], remember=True)
    semantic.embed(["alpha gamma"])  # read: these two stay
    assert np.array_equal(
        semantic.embed(["iota kappa alpha"], remember=True), semantic.embed(["iota kappa alpha"])
    )
    assert len(cache.rows) == 4 and len(cache.table) <= 4
    assert {"iota", "kappa", "alpha", "gamma"} == set(cache.rows)
    for word, row in cache.rows.items():  # each word's row holds its own sum
        kept = cache.table[row].astype(np.float32) * cache.scales[row]
        assert np.array_equal(kept, semantic._uncached_sums([word], False)[0])


# -- 12. stored terms ------------------------------------------------------------------------


def test_file_terms_survive_encoding(seed_services: Services, settings: Settings) -> None:
    tokenizer = seed_services.holder.current.engine.tokenizer
    source = "lab.md"
    passages = [
        Passage(0, source, "Lab FAQ", None, None, "The lab is a shared space for members.", 5),
        Passage(
            1, source, "Lab FAQ", "FAQ", "Is the lab open on weekends?", "Yes, on Saturdays from 9 to 5.", 9
        ),
        Passage(2, source, "Lab FAQ", "FAQ", None, "Microscopes need training first.", 13),
    ]
    vocab = Vocabulary(["unrelated", "terms", "first"])
    terms = count_file(source, "hash", passages, tokenizer, settings.retrieval, vocab)
    other = Vocabulary(["something", "else"])
    stored = decode_arrays(encode_arrays(terms.to_arrays(vocab)))
    back = FileTerms.from_arrays(stored, source, "hash", other)
    assert (back.source, back.stamp) == (source, "hash")
    assert back.words == terms.words and "saturdays" in back.words
    assert back.title == terms.title
    assert back.head_rows == terms.head_rows == (1,)
    assert np.allclose(back.vectors.rows(slice(None)), terms.vectors.rows(slice(None)), atol=1e-6)
    assert np.allclose(back.heads.rows(slice(None)), terms.heads.rows(slice(None)), atol=1e-6)
    assert len(back.vectors) == 3 and len(back.heads) == 1
    # the counts name the same terms in the other process's vocabulary
    decoded = [other.terms[t] for t in back.passages.tids.tolist()]
    assert decoded == [vocab.terms[t] for t in terms.passages.tids.tolist()]
    assert np.array_equal(back.passages.tfs, terms.passages.tfs)
    assert np.array_equal(back.passages.lengths, terms.passages.lengths)


# -- 13. small talk is not a question ----------------------------------------------------------


async def test_small_talk_is_not_recorded_as_a_question(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    write(folder, "lab.md", "# Lab\n\n## Where is the lab?\n\nThe lab is in building 4, room 210.\n")
    write(folder, "parking.md", "# Parking\n\n## Where can visitors park?\n\nVisitors park in lot C.\n")
    runtime = await start_runtime(Settings(knowledge_dir=folder, database=tmp_path / "data" / "bot.db"))
    try:
        hello = runtime.services.answers.ask("hi")
        assert hello.reply is not None
        assert await runtime.questions.record(hello, 1.0) is None
        gap = runtime.services.answers.ask("Can I bring my dog to the lab?")
        assert not gap.answered and gap.reply is None
        assert await runtime.questions.record(gap, 1.0) is not None
        stored = await runtime.questions.unanswered(7)
        assert [q.question for q in stored] == ["Can I bring my dog to the lab?"]
        async with runtime.db.execute("SELECT COUNT(*) FROM questions") as cur:
            assert (await cur.fetchone())[0] == 1
    finally:
        await runtime.close()


def test_an_asked_kind_counts_only_in_a_sentence_about_what_is_asked(settings, tmp_path) -> None:
    # The number in this passage counts teams, not interns: "how many interns" is not answered by it.
    write(
        tmp_path,
        "lumen.md",
        "---\ntitle: Lumen Summer Internship\n---\n# Lumen Summer Internship\n\n## Teams\n\n"
        "Our lab has 4 research teams working on vision.\n\n"
        "Each summer, interns are paired with a mentor and ship a project.\n",
    )
    answers = services_over(tmp_path, settings).answers
    interns = _consider(answers, "how many interns does lumen hire?")
    teams = _consider(answers, "how many research teams does lumen have?")
    assert interns.evidence is not None and teams.evidence is not None
    assert (interns.evidence.kind, interns.evidence.missing) == (0.0, 1.0)
    assert (teams.evidence.kind, teams.evidence.missing) == (1.0, 0.0)


def test_a_label_that_names_the_asked_kind_says_what_its_line_gives(settings, tmp_path) -> None:
    # No word of the question is on the "Amount:" line, and the closest sentence is another:
    # the label says what the sum is.
    write(
        tmp_path,
        "fund.txt",
        "Brindle Community Fund 2026\n\nGROWTH TIER\n\n"
        "Growth grants are for established groups ready to scale something that already works.\n"
        "- Amount: between £20,000 and £60,000, spread over two years.\n"
        "- Who can apply: registered charities with at least one finished project.\n",
    )
    answers = services_over(tmp_path, settings).answers
    size = _consider(answers, "how big are the brindle growth grants")
    assert size.evidence is not None and (size.evidence.kind, size.evidence.missing) == (1.0, 0.0)
    # a label that names a thing, not only the kind, says nothing of other sums
    assert label_kind("Location: Kelsby") == "place" and label_kind("• Amount: up to £5,000") == "amount"
    assert label_kind("Salary: £31,000") is None and label_kind("Closing date: 3 July") is None


def test_a_noun_naming_the_asked_kind_is_said_by_an_answer_of_that_kind(settings, tmp_path) -> None:
    # The posting never says "deadline": "Apply by 15 March 2026" is one. The word asks for a
    # date, so a passage holding a date does not lack it; a passage holding none still does.
    write(
        tmp_path,
        "analyst.md",
        "---\ntitle: Data Analyst, Payments\n---\n# Data Analyst, Payments\n\n## About the team\n\n"
        "The payments analytics team looks after reporting for card and bank transfers.\n\n"
        "## How to apply\n\nApply by 15 March 2026 with your CV. A cover letter is optional.\n",
    )
    from bot.search.answer_type import kind_nouns

    assert kind_nouns("data analyst deadline?", "date") == {"deadline"}
    assert kind_nouns("what's the start date", "date") == {"date"}  # not "start": a date need not be one
    assert kind_nouns("analyst salary?", "amount") == {"salary"} and kind_nouns("payments lead name?", "name") == set()
    answers = services_over(tmp_path, settings).answers
    dated = _consider(answers, "data analyst deadline?")
    assert dated.evidence is not None and dated.evidence.kind == 1.0 and dated.evidence.absent == 0.0
    # "salary": no passage holds a sum, so the word stays one the document never uses
    paid = _consider(answers, "data analyst salary?")
    assert paid.evidence is not None and paid.evidence.kind == 0.0 and paid.evidence.absent > 0


def test_a_list_item_is_shown_under_its_lead_in_before_its_neighbours(settings, tmp_path) -> None:
    items = [
        "Compiler Internship, building a faster compiler for our language.",
        "Docs Internship, rewriting the tutorials for beginners.",
        "Robotics Internship, teaching arms to grasp objects in simulation.",
        "Audio Internship, denoising podcast recordings.",
    ]
    write(
        tmp_path,
        "quarry.md",
        "---\ntitle: Quarry Internships\n---\n# Quarry Internships\n\n## Positions\n\n"
        "The following internship positions are open:\n\n" + "".join(f"- {i}\n" for i in items),
    )
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("which quarry internship is about robots grasping things?")
    assert answer.citations
    # the item that answers comes first under its lead-in; the snippet reads on after it,
    # never back to the items before it
    assert answer.citations[0].snippet.split("\n") == [
        "The following internship positions are open:",
        "…",
        f"• {items[2]}",
        f"• {items[3]}",
    ]


def test_a_sentence_close_in_meaning_is_shown_though_it_shares_no_word(seed_services: Services) -> None:
    # Static embeddings put a paraphrase's answer at a cosine of about 0.2 ("put out papers"
    # against "publishing your work"); a sentence that close, and closest, is the snippet.
    from bot.services.snippets import MEANING_FLOOR, snippet

    sentences = [
        "The programme lasts nine months and starts in the autumn.",
        "Residents pick a research problem with the hope of publishing their work.",
        "We value diversity, equity and inclusion.",
    ]
    passage = Passage(0, "x.md", "X", None, None, "\n".join(sentences), 1)
    tokenizer = seed_services.answers.holder.current.engine.tokenizer
    meaning = [0.02, MEANING_FLOOR + 0.05, -0.01]
    shown = snippet(passage, [{"zzqx": 1.0}], tokenizer, 90, meaning=meaning, kinds=[False] * 3)
    assert shown == sentences[1]
    below = [0.02, MEANING_FLOOR - 0.05, -0.01]
    assert snippet(passage, [{"zzqx": 1.0}], tokenizer, 90, meaning=below, kinds=[False] * 3) != sentences[1]


def test_a_question_asked_in_a_thread_is_shown_with_the_reply_that_answers_it(seed_services: Services) -> None:
    from bot.services.snippets import snippet

    lines = [
        "Replying to @lab is this open to PhD students? 👀",
        f"{BULLET}Coastal Lab @lab · Jan 19",
        f"{BULLET}Replying to @kaito",
        f"{BULLET}Not this round, sorry! It is for undergrad and master's students only.",
        f"{BULLET}Coastal Lab @lab · Jan 20",
    ]
    passage = Passage(0, "thread.txt", "Thread", None, None, "\n".join(lines), 1)
    tokenizer = seed_services.answers.holder.current.engine.tokenizer
    concepts = [{tokenizer.term("phd"): 3.0}, {tokenizer.term("students"): 1.0}]
    shown = snippet(passage, concepts, tokenizer, 400)
    assert shown.startswith("Replying to @lab") and "Not this round" in shown
    # the reply is part of the answer, not of what is read on after it
    assert shown.index("Not this round") < shown.index("Jan 20")


def test_a_roles_name_in_the_heading_over_its_section_picks_no_sentence(tmp_path: Path, settings: Settings) -> None:
    # under the role's own heading its name is in line after line; what else is asked
    # ("remote", "office") picks the sentence
    role = (
        "## {title}\n\nYou will lead the {title} work on our tile pipeline, which turns "
        "raw survey data and satellite imagery into the map tiles our customers use every day.\n\n"
        "- At least 5 years as a {title} or in a similar role building data pipelines\n"
        "- Experience as a {title} with PostGIS, GDAL and large raster datasets\n"
        "- Comfortable reviewing the code of other {title}s kindly and thoroughly\n\n"
        "We care about the craft of mapping and about the people who use our maps in the field.\n\n"
        "Location: {place}\n\n"
        "[Apply for {title}](https://kestrelworks.example/jobs/{slug})\n\n"
    )
    write(
        tmp_path,
        "careers.md",
        "# Careers at Kestrelworks\n\nWe map the Highlands.\n\n"
        + role.format(title="Senior Geospatial Engineer", place="Edinburgh, UK (hybrid, 2 days a week in the office)", slug="geo")
        + role.format(title="Technical Writer", place="Inverness, UK (on-site)", slug="writer"),
    )
    write(tmp_path, "bakery.md", "# Night Shift Baker at Ovenly\n\nLocation: Leeds, UK (on-site)\n\nYou bake bread.\n")
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("is the kestrelworks senior geospatial engineer job remote or in the office")
    assert answer.citations and answer.citations[0].snippet.startswith("Location: Edinburgh")


def test_a_title_word_that_is_asked_picks_the_sentence(seed_services: Services) -> None:
    # The posting is titled "… Optimization team - EMEA remote"; the question names the job
    # by "ML engineer", so "remote" is what is asked, not what chose the document (it was
    # left out, and "Join a community supporting the ML/AI community." was shown).
    answer = seed_services.answers.ask("Is the ML engineer job remote?")
    assert answer.verdict == "answer"
    assert answer.citations[0].snippet.startswith("We offer flexible working hours and remote options.")


def answers_over_file(settings: Settings, path: Path, text: str) -> AnswerService:
    """Write one knowledge file and return the answers over its folder."""
    path.write_text(text, encoding="utf-8")
    return build_services(settings, snapshot_from_folder(path.parent, settings)).answers


def beside_another_programme(settings: Settings, folder: Path, lumen: str) -> AnswerService:
    """Write ``lumen`` as lumen.md and a second programme beside it (so that a question can
    name the first), and return the answers over both."""
    (folder / "lumen.md").write_text(lumen, encoding="utf-8")
    (folder / "quartz.md").write_text(
        "---\ntitle: Quartz Fellowship\n---\n# Quartz Fellowship\n\n## About\n\nFellows write open source software.\n",
        encoding="utf-8",
    )
    return build_services(settings, snapshot_from_folder(folder, settings)).answers


def kind_signals(
    settings: Settings, folder: Path, title: str, section: str, body: str, question: str
) -> tuple[float, float]:
    """Write a Lumen document with one section (beside another programme) and return the
    (kind, missing) signals of the question's best passage."""
    answers = beside_another_programme(
        settings, folder, f"---\ntitle: {title}\n---\n# {title}\n\n## {section}\n\n{body}"
    )
    seen = _consider(answers, question)
    assert seen.evidence is not None
    return seen.evidence.kind, seen.evidence.missing


@pytest.mark.parametrize(
    ("section", "body", "question", "found"),
    [
        # "$4,200/month + housing" shares no word with the question; the line after it says
        # what it is (compensation), so the passage holds the amount asked for.
        (
            "About Lumen",
            "Lumen is committed to providing reasonable accommodations for candidates with disabilities.\n\n"
            "$4,200/month + housing\n\nIndividual compensation is determined by skills and location.\n",
            "what is the lumen intern compensation range?",
            (1.0, 0.0),
        ),
        # The address is in a sentence that shares no word with the question: it still answers it.
        (
            "Questions",
            "Write to us about your application and we will reply within a week.\n"
            "Questions about eligibility or the tracks can go to office@lumen.org.\n",
            "who do i email about the lumen fellowship?",
            (1.0, 0.0),
        ),
        # "Applications close on 31 January 2027." is a sentence, not a bare value: it does
        # not date the assessment day on the line before it.
        (
            "How to apply",
            "- An assessment day in Leeds or online, where you teach a sample lesson.\n\n"
            "Applications close on 31 January 2027.\n",
            "what date is the lumen assessment day?",
            (0.0, 1.0),
        ),
    ],
    ids=["bare value line", "e-mail address", "short sentence"],
)
def test_the_asked_kind_counts_where_it_is_about_the_question(
    settings, tmp_path, section: str, body: str, question: str, found: tuple[float, float]
) -> None:
    answers = beside_another_programme(
        settings, tmp_path, f"---\ntitle: Lumen Programme\n---\n# Lumen Programme\n\n## {section}\n\n{body}"
    )
    seen = _consider(answers, question)
    assert seen.evidence is not None
    assert (seen.evidence.kind, seen.evidence.missing) == found


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("How long does the residency last?", {"long", "last"}),
        ("how long does it take to hear back", {"long", "take"}),
        ("how much is the fee", {"much"}),
        ("what is the last day to apply?", set()),  # "last" is asked about here
        ("is it a long-term role?", set()),
        ("how much is the scholarship worth in total?", {"much", "worth"}),
        ("whats the bursary worth?", {"worth"}),
        ("is it worth applying?", set()),
    ],
)
def test_words_that_only_ask_for_a_kind(question: str, words: set[str]) -> None:
    from bot.search.answer_type import asking_words

    assert asking_words(question) == words


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("last day to submit for the residency?", "deadline to submit for the residency?"),
        ("whens the cutoff for sending in applications", "whens the deadline for sending in applications"),
        ("final date for applications?", "deadline for applications?"),
        ("what is the last day of the residency?", "what is the last day of the residency?"),  # its end
        ("can the analyst wfh at all", "can the analyst work remotely at all"),  # a verb, as "wfh" says one
        ("can i do the fellowship from home?", "can i do the fellowship remotely?"),
        ("food money on jobs away from home?", "food money on jobs away from home?"),  # travel
        ("when does the traineeship kick off", "when does the traineeship start"),
        ("when do benefits kick in", "when do benefits start"),
        ("train tickets to the manchester kickoff?", "train tickets to the manchester kickoff?"),  # an event
        # where one lives or stays is where one is housed
        ("where do saltmere interns live", "where do saltmere interns live (housing)"),
        ("is there somewhere to stay in basel?", "is there somewhere to stay (housing) in basel?"),
        ("where can i work", "where can i work"),
        ("where do i stay in touch with my mentor", "where do i stay in touch with my mentor"),
        ("how long do i stay", "how long do i stay"),
        ("how do i sign up for brightmoss", "how do i sign up (register) for brightmoss"),
        ("where is the sign-up form", "where is the sign-up form"),
        ("how does one get into the residency", "how does one get into (apply) the residency"),
        ("how do people become fellows?", "how do people become (apply) fellows?"),
        ("how do i get in touch with alumni", "how do i get in touch with alumni"),
        ("bootcamp - what's the damage", "bootcamp - what is the cost"),
        (
            "never brewed a beer in my life, can i still apply?",
            "never brewed a beer in my life (experience), can i still apply?",
        ),
        ("can a total beginner apply", "can a total beginner (experience) apply"),
        ("i have never been to scotland, is it far", "i have never been to scotland, is it far"),
        ("do i need a car for the internship", "do i need a car (driving licence transport) for the internship"),
        ("will they sort my visa", "will they sort my visa (sponsor)"),
        ("do interns get hired after", "do interns get hired after (job offer end)"),
        ("did it last year, can i do it again?", "did it last year, can i do it again (apply again former previous)?"),
        ("do they feed us at the internship", "do they feed us (meals food) at the internship"),
        ("does the station put interns up somewhere", "does the station put interns up (housing) somewhere"),
        ("apprenticeship apply by?", "apprenticeship deadline?"),
        ("whats the cut-off for applications", "whats the deadline for applications"),
        ("halcyra internship gpa cutoff", "halcyra internship gpa cutoff"),
        ("fellowship age cut-off?", "fellowship age cut-off?"),
        ("apps due?", "deadline?"),
        ("who should i apply by email to", "who should i apply by email to"),
    ],
)
def test_a_deadline_or_remote_work_asked_for_in_other_words_is_asked_for_as_one(question: str, said: str) -> None:
    from bot.search.answer_type import said_plainly

    assert said_plainly(question) == said


@pytest.mark.parametrize(
    ("question", "deadline"),
    [
        ("when do applications close?", True),
        ("when do applications for the summer scheme shut", True),  # "shut" is "close"
        ("when does the internship start?", False),
        # when it runs or takes place is when it starts (and ends), not the deadline
        ("when does the internship run next summer", False),
        ("what dates does the exchange take place", False),
        ("how long is the residency?", None),
    ],
)
def test_a_question_asks_for_a_deadline_or_a_start(question: str, deadline: bool | None) -> None:
    from bot.search.answer_type import asks_deadline

    assert asks_deadline(question) is deadline


def test_a_deadline_asked_for_as_a_last_day_finds_the_closing_date(seed_services: Services) -> None:
    answer = seed_services.answers.ask("last day to send in a fellowship application?")
    assert answer.verdict == "answer" and "ongoing" in answer.citations[0].snippet.casefold()


def test_a_phone_number_asked_for_is_not_answered_by_an_e_mail_address() -> None:
    from bot.search.answer_type import has_contact

    email = "Write to the grants team at grants@mirrowdale.org.uk."
    phone = "Call Priya Santos on (02) 6120 7731."
    assert has_contact(email) and not has_contact(email, "whats the phone number for the grants team")
    assert has_contact(phone, "who should i ring about the physio job")
    assert holds_as_asked(phone, "contact", "phone number?") and not holds_as_asked(email, "contact", "phone number?")


def test_a_first_years_wage_does_not_answer_what_another_year_pays(tmp_path: Path, settings: Settings) -> None:
    from bot.search.answer_type import years_of

    assert years_of("rising to £25,900 in year two and £29,300 in your third year") == {2, 3}
    assert years_of("First-year apprentices earn AUD 52,000") == {1}
    assert years_of("im in my final year of uni") == set()
    write(
        tmp_path,
        "apprenticeship.md",
        "# Ironbark Apprenticeship FAQ\n\n## How much do apprentices earn?\n\n"
        "First-year apprentices earn AUD 52,000 per year plus superannuation.\n\n"
        "## How long is it?\n\nFour years.\n",
    )
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("how much do first year ironbark apprentices make").verdict == "answer"
    assert answers.ask("how much do 3rd year ironbark apprentices make").verdict != "answer"


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("when does the 2026 khta apprentice class start", {2026}),
        ("what did summerworks pay per hour back in 2024", {2024}),
        ("whats the stipend going to be for 2026-27", {2026, 2027}),
        ("hf 2023 internship about dataset shift?", {2023}),
        ("i graduated back in 2023, am i still allowed to go for the grad year", set()),  # the member's year
        ("i did the fellowship in 2024, can i do it again?", set()),
        ("how many nurses are they taking in feb 2026", set()),  # a date, not an edition
        ("what are the dates for the marrowgate summer school 2027?", {2027}),  # a year after the name
        ("when's the closing date for the bursary 2027?", {2027}),
        ("what are the dates for next years arctic cruise (2026)", {2026}),  # ... in brackets
        ("has it run since 2019?", set()),
    ],
)
def test_the_year_of_an_edition_a_question_asks_about(question: str, years: set[int]) -> None:
    from bot.search.answer_type import edition_years

    assert edition_years(question) == years


def test_the_calendar_years_a_text_says() -> None:
    from bot.search.answer_type import calendar_years

    assert calendar_years("The 2025–26 cohort starts on September 14, 2025.") == {2025, 2026}
    assert calendar_years("funded 2025-2030; call 0161 2024-555") == {2025, 2030, 2024}


def test_a_passage_about_another_years_edition_lacks_what_is_asked(tmp_path: Path, settings: Settings) -> None:
    answers = beside_another_programme(
        settings,
        tmp_path,
        "---\ntitle: Lumen Apprenticeship 2025\n---\n# Lumen Apprenticeship 2025\n\n## Key dates\n\n"
        "The new class starts on Monday, June 16, 2025. Applications close on Friday, March 7, 2025.\n\n"
        "## Pay\n\nApprentices start at $23.40 per hour.\n",
    )

    def missing(question: str) -> float:
        return _missing(answers, question)

    assert missing("when does the lumen apprentice class start") == 0.0
    assert missing("when does the 2025 lumen apprentice class start") == 0.0
    assert missing("when does the 2026 lumen apprentice class start") == 1.0
    # a document titled by its edition closes that edition's applications, not the next one's
    assert missing("whats the deadline for the 2026 lumen apprentice class") == 1.0
    assert missing("whats the deadline for the 2025 lumen apprentice class") == 0.0
    assert missing("how much did lumen apprentices earn per hour back in 2023") == 1.0
    assert missing("i was a lumen apprentice in 2023, how much do apprentices earn per hour") == 0.0


def test_a_season_said_alone_chooses_between_editions_titled_by_season(tmp_path: Path, settings: Settings) -> None:
    # "autumn civic code - is accommodation provided?" is not answered by the Spring Cohort's FAQ
    write(
        tmp_path,
        "spring.md",
        "# Civic Code Fellowship: Spring Cohort 2026 - FAQ\n\n## Is accommodation provided?\n\nYes. Fellows can stay "
        "free of charge in a shared house in Redfield.\n\n## How much is the stipend?\n\nGBP 1,200 a month.\n",
    )
    write(
        tmp_path,
        "autumn.md",
        "# Civic Code Fellowship - Autumn Cohort 2026\n\n## Where does the Autumn Cohort take place?\n\nThe Autumn "
        "Cohort is fully remote.\n\n## How much is the stipend?\n\nGBP 1,400 a month.\n",
    )
    answers = services_over(tmp_path, settings).answers
    assert _missing(answers, "autumn civic code - is accommodation provided?") == 1.0
    assert answers.ask("autumn civic code - is accommodation provided?").verdict != "answer"
    assert _missing(answers, "spring civic code - is accommodation provided?") == 0.0
    # a time gone by is no edition
    from bot.search.answer_type import seasons_said

    assert seasons_said("i had a grant last autumn, can i apply again") == frozenset()
    assert seasons_said("the fall civic code") == {"autumn"}


def test_the_applications_for_an_edition_may_close_the_year_before_it(tmp_path: Path, settings: Settings) -> None:
    # a page that does not name its edition may close next year's applications this year;
    # one titled "… Fellowship 2026" does not answer "what's the deadline for 2027?"
    untitled = beside_another_programme(
        settings,
        tmp_path,
        "---\ntitle: Lumen Fellowship\n---\n# Lumen Fellowship\n\n## Key dates\n\n"
        "Applications close on Friday, 6 November 2026. Fellows start in January.\n",
    )
    seen = _consider(untitled, "whats the lumen fellowship deadline for 2027")
    assert seen.evidence is not None and seen.evidence.missing == 0.0
    (tmp_path / "lumen.md").unlink()
    titled = beside_another_programme(
        settings,
        tmp_path,
        "---\ntitle: Lumen Fellowship 2026\n---\n# Lumen Fellowship 2026\n\n## Key dates\n\n"
        "Applications close on Friday, 6 November 2026. Fellows start in January.\n",
    )
    seen = _consider(titled, "whats the lumen fellowship deadline for 2027")
    assert seen.evidence is not None and seen.evidence.missing == 1.0
    assert titled.ask("whats the lumen fellowship deadline for 2027").verdict != "answer"


def test_a_misspelt_question_asks_for_the_kind_its_correction_asks_for(seed_services: Services) -> None:
    seen = seed_services.answers.consider(seed_services.answers.clean_question("meta intern salry"))
    assert seen.kind == "amount"


def test_how_long_does_it_last_is_covered_by_the_duration(settings, tmp_path) -> None:
    # "long" and "last" ask for a duration; the passage that states one is not missing them.
    answers = beside_another_programme(
        settings,
        tmp_path,
        "---\ntitle: Lumen Residency\n---\n# Lumen Residency\n\n## About\n\n"
        "The Lumen Residency is a 9-month role for early-career researchers.\n",
    )
    seen = _consider(answers, "How long does the Lumen residency last?")
    assert seen.evidence is not None
    assert seen.evidence.absent == 0.0 and seen.evidence.kind == 1.0


def test_every_passage_of_the_named_document_gets_credit_for_its_name(settings, tmp_path) -> None:
    # The answer says nothing of "Lumen": it is in the title. Its BM25 signal must not be
    # 0 because only the intro repeats the name (it was, and the intro came first).
    answers = beside_another_programme(
        settings,
        tmp_path,
        "---\ntitle: Lumen Founders Programme FAQ\n---\n# Lumen Founders Programme FAQ\n\n"
        "Lumen runs the Lumen Founders Programme for first-time founders in Lisbon.\n\n"
        "## Money\n\n### Is there any funding?\n\nEvery company receives a grant of EUR 1,500 in week six.\n",
    )
    seen = _consider(answers, "lumen cash?")
    passages = answers.holder.current.corpus.passages
    grant = next(c for c in seen.candidates if "grant" in passages[c.position].text)
    assert grant.bm25 > 0.0


def test_an_faq_question_holds_no_answer_of_the_asked_kind(settings, tmp_path) -> None:
    # "several years" is in the FAQ's question, not in an answer: it is no duration of the
    # residency, and the sentence that states one comes first.
    answers = beside_another_programme(
        settings,
        tmp_path,
        "---\ntitle: Lumen Residency\n---\n# Lumen Residency\n\n"
        "The Lumen Residency is a 9-month role for early-career researchers.\n\n"
        "## FAQs\n\n### I have been out of school for several years. Can I still do the residency?\n\n"
        "Yes. The residency lasts as long for everyone, whatever your background.\n",
    )
    seen = _consider(answers, "How long does the Lumen residency last?")
    first = answers.holder.current.corpus.passages[seen.candidates[0].position]
    assert "9-month" in first.text


def test_a_short_faq_answer_is_about_a_question_asking_for_the_same_kind(settings, tmp_path) -> None:
    # "When is the deadline?" asks for a date, as "last day to send …?" does: its answer's date
    # is about what is asked though the two questions share no word.
    answers = beside_another_programme(
        settings,
        tmp_path,
        "---\ntitle: Lumen Internship FAQ\n---\n# Lumen Internship FAQ\n\n## Applying\n\n"
        "### When is the deadline?\n\nSend in your app through the online portal, not by email, on any day. "
        "The portal will stop accepting submissions on 15 February 2027 at noon Pacific Time.\n",
    )
    seen = _consider(answers, "last day to send in a lumen app?")
    assert seen.evidence is not None
    assert (seen.evidence.kind, seen.evidence.missing) == (1.0, 0.0)


def test_ranking_search_prefers_a_plateau_to_a_lone_peak() -> None:
    from bot.services.evaluation import _neighbourhood_mean

    hits = np.zeros((5, 5))
    hits[0, 0] = 10.0  # one lucky combination
    hits[2:5, 2:5] = 9.0  # a broad region almost as good
    smooth = _neighbourhood_mean(hits)
    assert np.unravel_index(np.argmax(smooth), smooth.shape) == (3, 3)
    assert smooth[0, 0] < smooth[3, 3] == 9.0


def test_the_members_own_word_outweighs_its_synonym_in_a_snippet(settings, tmp_path) -> None:
    # "stipend" is rarer than "pay", so it weighed more, and the stipend line was shown for "pay?"
    write(
        tmp_path,
        "lumen.md",
        "---\ntitle: Lumen Community Manager\n---\n# Lumen Community Manager\n\n## Pay and terms\n\n"
        "- Pay: USD 32–40 per hour, depending on experience\n"
        "- You will be engaged as an independent contractor through our payroll partner, and paid "
        "monthly in US dollars by bank transfer to an account in your own name\n"
        "- A USD 500 yearly stipend for equipment and software, claimed with receipts through the "
        "expenses form at any time of the year\n"
        "- As a contractor you are not covered by our employee health plan and there is no paid time "
        "off, but you are free to plan your hours and breaks around your life\n\n"
        "## Salary bands\n\nOur salary bands for employees are public.\n",
    )
    # "pay" is common across the knowledge base, "stipend" rare: its idf is the higher
    faq = "".join(f"## Question {i}\n\nDo role {i} jobs pay well? The pay is fair.\n\n" for i in range(6))
    write(tmp_path, "other.md", f"---\ntitle: Other roles\n---\n# Other roles\n\n{faq}")
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("lumen community manager pay?")
    assert answer.citations and "USD 32–40 per hour" in answer.citations[0].snippet


def test_a_matching_sentence_before_the_closest_one_is_shown_with_it(settings, tmp_path) -> None:
    # the later sentence was the closest in meaning and was shown alone: "We will also
    # consider a start in March …" without "The role starts on 2 February 2026."
    answers = answers_over_file(
        settings,
        tmp_path / "junior.txt",
        "Junior Platform Engineer\nOrvessa Labs\nPorto, Portugal\n\nAbout the job\nWe run the platform "
        "that every team builds on, and we are hiring a junior engineer to join it.\n\nStart date\nThe role "
        "starts on 2 February 2026. We will also consider a start in March for candidates finishing their "
        "studies.\n\nHours\nFull-time, 40 hours a week.\n",
    )
    answer = answers.ask("when would the junior platform engineer start at orvessa")
    assert answer.citations and answer.citations[0].section == "Start date"
    assert "2 February 2026" in answer.citations[0].snippet and "March" in answer.citations[0].snippet


def test_a_section_whose_heading_says_all_that_is_asked_is_shown_from_its_start(settings, tmp_path) -> None:
    # "What is the interview process?" under "Interview process": the steps in order, not only
    # the later lines that happen to say "interview" or "process"
    answers = answers_over_file(
        settings,
        tmp_path / "analyst.txt",
        "Supply Chain Data Analyst\nBrackenfold Cider Company\nBristol (Hybrid)\nFull-time\n\n"
        "Interview process\n1. A 20-minute phone call with our Talent Partner\n2. A take-home forecasting "
        "exercise\n3. A 60-minute interview with the Head of Planning\n4. A visit to the office\n\n"
        "Salary\nGBP 42,000 to 48,000 per year.\n",
    )
    answer = answers.ask("What is the interview process for the supply chain analyst job?")
    snippet = answer.citations[0].snippet
    assert snippet.startswith(f"{BULLET}A 20-minute phone call") and "A visit to the office" in snippet


def test_prose_under_a_heading_that_says_all_that_is_asked_is_shown_from_its_start(settings, tmp_path) -> None:
    # "what does the residency offer?" under "What we offer" (a heading written as a question,
    # over paragraphs): the offer from its first line, not the later sentence that happens
    # to say "offered"
    write(
        tmp_path,
        "residency.md",
        "---\ntitle: Quayside Studio Residency\norganization: Hollinfrith Arts\n---\n# Quayside Studio Residency\n\n"
        "## What we offer\n\nA fee of £2,400 per resident, paid in two instalments. A materials budget of £350 "
        "per resident. A private studio with 24-hour access.\n\nWe do not provide accommodation directly. We keep "
        "a list of local hosts who rent rooms to residents at reduced rates, and we will share it with everyone "
        "who is offered a place.\n\n## Who can apply\n\nArtists of any discipline living in the UK.\n",
    )
    write(
        tmp_path,
        "print.md",
        "---\ntitle: Marrowby Print Fellowship\norganization: Marrowby Press\n---\n# Marrowby Print Fellowship\n\n"
        "## What fellows do\n\nFellows print two editions of a book over six months.\n\n## Pay\n\n"
        "The fellowship pays £1,200 a month.\n",
    )
    answers = services_over(tmp_path, settings).answers
    snippet = answers.ask("what does the quayside residency offer").citations[0].snippet
    assert snippet.startswith("A fee of £2,400 per resident")


def test_requirements_are_found_under_a_heading_that_never_says_the_word(settings, tmp_path) -> None:
    # "reqs for the coordinator job?" over a posting whose requirements are headed "What we're
    # looking for": not the duties under "What you'll do", which name the role's work
    write(
        tmp_path,
        "coordinator.md",
        "---\ntitle: Field Operations Coordinator\norganization: Greyhollow Energy\n---\n"
        "# Field Operations Coordinator\n\n## What you'll do\n\n- Plan and schedule maintenance for our field "
        "engineers across all sites\n- Book and brief contractors for each job\n\n## What we're looking for\n\n"
        "- At least two years in an operations, scheduling or coordination role\n- A full UK driving licence\n"
        "- Confident with Excel\n\n## Salary\n\nGBP 31,000 to 34,000 per year.\n",
    )
    write(
        tmp_path,
        "analyst.md",
        "---\ntitle: Data Analyst\norganization: Greyhollow Energy\n---\n# Data Analyst\n\n## What you'll do\n\n"
        "Build the dashboards our field teams rely on.\n\n## Salary\n\nGBP 38,000 per year.\n",
    )
    answers = services_over(tmp_path, settings).answers
    for question in ("field ops coordinator reqs?", "what are the requirements for the field operations coordinator"):
        first = answers.ask(question).citations[0]
        assert first.section == "What we're looking for", question
        assert "two years in an operations" in first.snippet


def test_duties_are_found_under_a_heading_that_never_says_the_word(settings, tmp_path) -> None:
    # "what do library helpers actually do?" over an advert whose duties are a list headed
    # "What you'll be doing": no word of the question is in it, and the requirements' text
    # says "library" and "helpers" as often
    write(
        tmp_path,
        "library-helper.txt",
        "Winter Library Helper\n\nAbout the role\n\nKestrelford Libraries want library helpers aged 14 to 17 "
        "for the winter. Helpers work two afternoons a week.\n\nWhat you'll be doing\n\n- Shelving returned books\n"
        "- Running the Saturday Lego Club\n- Setting up rooms for events\n\nWhat we're looking for\n\n"
        "Library helpers aged 14 or 15 need a Child Employment Permit. Helpers should be friendly and reliable.\n",
    )
    answers = services_over(tmp_path, settings).answers
    passages = answers.holder.current.corpus.passages
    for question in ("what do library helpers actually do on a shift", "library helper duties?"):
        best = answers.consider(answers.clean_question(question)).candidates[0]
        assert passages[best.position].section == "What you'll be doing", question
    assert "(duties)" in said_plainly("what would i be doing day to day as a resident?")
    # ... but not what one does in a case, to apply, or at an event one is made to attend
    for question in ("what do i do if im sick?", "what do i need to do to apply", "what do they make you do at the assessment day"):
        assert "duties" not in said_plainly(question), question


def test_a_role_is_named_by_the_word_its_title_names(settings, tmp_path) -> None:
    # "porter pay?" asks of the Hospital Porter, not of the Porter Team Leader, though both
    # titles say "porter" (and the leader's text says it more)
    write(
        tmp_path,
        "vacancies.md",
        "---\ntitle: Current vacancies\norganization: Tidewater Valley Health\n---\n# Current vacancies\n\n"
        "## Hospital Porter\n\n- Location: Tidewater General Hospital\n- Pay: Band 2, £24,071 a year\n\n"
        "Porters move patients between wards.\n\n"
        "## Porter Team Leader\n\n- Location: Tidewater General Hospital\n- Pay: Band 3, £24,937 a year\n\n"
        "Leads a shift of up to 14 porters and trains new porters.\n\n"
        "## Ward Clerk\n\n- Location: Ashgrove Hospital\n- Pay: Band 2, £24,071 a year\n\n"
        "## How to apply\n\nApply on the HealthJobs portal by 28 March 2025.\n",
    )
    answers = services_over(tmp_path, settings).answers
    first = answers.ask("porter pay?").citations[0]
    assert first.section == "Hospital Porter" and "24,071" in first.snippet
    assert answers.ask("porter team leader pay?").citations[0].section == "Porter Team Leader"


def test_an_apply_link_line_is_no_answer_to_what_the_role_pays(long_services) -> None:
    # a careers page of five roles, each under its heading (tests/data/kb_long): the link line
    # "Apply for Senior Geospatial Engineer (https://…)" repeats the role's name, the line
    # with its salary does not
    answers = long_services.answers
    first = answers.ask("What's the salary for the Senior Geospatial Engineer at Kestrelworks?").citations[0]
    assert "£68,000–£78,000 per year" in first.snippet
    how = answers.ask("How do I apply for the Senior Geospatial Engineer job at Kestrelworks?").citations[0]
    assert "Apply for Senior Geospatial Engineer" in how.snippet


def test_a_question_naming_one_role_of_a_careers_page_is_not_answered_from_another(settings, tmp_path) -> None:
    def role(title: str, slug: str, place: str, text: str) -> str:
        return (
            f'<article class="role"><h3>{title}</h3><p><strong>Location:</strong> {place}</p>'
            f"<p><strong>Salary:</strong> £40,000 to £50,000 per year</p><p>{text}</p>"
            f'<p><a class="apply" href="https://jobs.quillmere.example/apply/{slug}">Apply for {title}</a></p></article>'
        )

    page = (
        "<html><head><title>Careers | Quillmere Maps</title></head><body><main><h1>Work at Quillmere</h1>"
        "<p>Quillmere draws the maps that 300 councils use to plan their bus routes.</p><h2>Open roles</h2>"
        + role("Junior Cartographer", "jc-1", "Lowbridge", "You will draw and check bus maps. Applications close on 20 June 2026.")
        + role("Senior Platform Engineer", "spe-2", "Remote within the UK", "You will run our tile servers in Go.")
        + "<h2>What everyone gets</h2><ul><li>27 days of holiday</li><li>A pension</li></ul></main></body></html>"
    )
    write(tmp_path, "careers.html", page)
    snap = snapshot_from_folder(tmp_path, settings)
    assert len(snap.corpus.roles) == 2
    answers = build_services(settings, snap).answers

    def sections(question: str) -> set[str]:
        seen = _consider(answers, question)
        return {snap.corpus.passages[c.position].section or "" for c in seen.candidates}

    # only the cartographer's section says when applications close: not a candidate for the engineer
    senior = sections("whats the closing date for the quillmere senior platform engineer job")
    assert "Open roles › Senior Platform Engineer" in senior and "What everyone gets" in senior
    assert "Open roles › Junior Cartographer" not in senior
    assert not answers.ask("whats the closing date for the quillmere senior platform engineer job").answered
    junior = answers.ask("whats the closing date for the quillmere junior cartographer job")
    assert junior.answered and "20 June 2026" in junior.citations[0].snippet
    assert "Open roles › Senior Platform Engineer" in sections("what do quillmere staff get as benefits")


def test_a_careers_page_entry_for_a_programme_with_its_own_file_names_that_file(
    tmp_path: Path, settings: Settings
) -> None:
    assert named_by_a_title_of("Brewing Apprentice (2025 cohort)", "Copperbine Brewing Apprenticeship — 2025 Program Guide")
    assert not named_by_a_title_of("Cellar Technician", "Copperbine Brewing Apprenticeship — 2025 Program Guide")
    write(
        tmp_path,
        "copperbine-careers.md",
        "# Work With Us\n\n## Open positions\n\n### Brewhouse and production\n\n"
        "* [Brewing Apprentice (2025 cohort)](https://brew.example.org/careers/apprentice) — an 18-month paid"
        " apprenticeship for people who want to become brewers.\n"
        "* [Cellar Technician](https://brew.example.org/careers/cellar) — fermentation and tank cleaning. $21–$24/hour.\n\n"
        "## How we hire\n\nEach posting lists what to send; we reply to every application within two weeks.\n",
    )
    write(
        tmp_path,
        "brewing-apprenticeship-guide.md",
        "# Copperbine Brewing Apprenticeship — 2025 Program Guide\n\n## Overview\n\nApprentices work full-time in"
        " the brewery for 18 months.\n\n## Key dates\n\nThe 2025 cohort starts on September 8, 2025.\n\n"
        "## Pay\n\nApprentices earn $19.00 per hour.\n",
    )
    answers = services_over(tmp_path, settings).answers
    # the careers page lists the apprenticeship, but the guide is about it
    answer = answers.ask("when does the brewing apprentice cohort start?")
    assert answer.citations and answer.citations[0].source == "brewing-apprenticeship-guide.md"
    # an entry that no other file is about still names its page
    answer = answers.ask("what does the cellar technician get paid?")
    assert answer.verdict == "answer" and "$21–$24/hour" in answer.citations[0].snippet


def named_by_a_title_of(name: str, title: str) -> bool:
    tokenizer = Tokenizer()
    return named_by_a_title(name, [tokenizer.words(title)], tokenizer)


def test_which_days_asks_for_days_of_the_week() -> None:
    asked = "which days of the week does the audio engineer work"
    assert asked_kind(asked) == "weekdays"
    assert holds("This is a full-time position, normally Tuesday through Saturday, 9:00 a.m. to 5:30 p.m.", "weekdays", asked)
    assert not holds("• Take part in the engineering on-call rotation, one week in every four", "weekdays", asked)
    assert not holds("• 15 days of paid time off plus 10 paid holidays", "weekdays", asked)
    assert asked_kind("what day does the internship start") == "date"  # one day: a date
    assert asked_kind("how many days of leave do i get") == "duration"


def test_the_hourly_asks_for_pay() -> None:
    assert asked_kind("whats the hourly for the copperbine taproom supervisor") == "amount"
    assert asked_kind("taproom supervisor hourly?") == "amount"
    assert asked_kind("is the taproom supervisor paid hourly?") is None  # yes or no


def test_a_heading_of_several_answers_is_shown_from_the_one_asked(settings, tmp_path) -> None:
    # "Location, Salary & Benefits" heads three answers: its first item is the location, not
    # the pay; "Pay and benefits" opens with the pay
    answers = answers_over_file(
        settings,
        tmp_path / "mechanic.md",
        "# Bike Mechanic\n\nKeep our fleet of 1,400 bikes on the road.\n\n## Location, Salary & Benefits\n\n"
        "* Location: Fleet Workshop, Unit 7, Canal Wharf Industrial Estate, Port Almsley PA4 2JR.\n"
        "* Salary: £26,000 – £29,500 per year, depending on experience.\n"
        "* Benefits:\n* 25 days' holiday plus bank holidays\n* £350 a year tool allowance\n"
        "* A £250 a month stipend for a gym membership\n",
    )
    snippet = answers.ask("how much does the bike mechanic job pay").citations[0].snippet
    assert "£26,000 – £29,500 per year" in snippet and "Unit 7" not in snippet


def test_a_place_noun_naming_another_asks_no_place() -> None:
    assert asked_kind("which rattlespoke roles are for the new city launch") is None
    assert asked_kind("which city is it in") == "place"
    assert asked_kind("what are the office locations?") == "place"
    assert asked_kind("what country can i apply from") == "place"


def test_what_is_asked_besides_a_list_item_is_shown_as_the_rest_of_its_list(settings, tmp_path) -> None:
    # "besides a resume" named one item, and the snippet was that item alone: "You will need: • a résumé;"
    write(
        tmp_path,
        "fellowship.md",
        "---\ntitle: Corvane Writing Fellowship\n---\n# Corvane Writing Fellowship\n\n## How to apply\n\n"
        "Applications open on 1 March and close on 30 April. You will need:\n\n"
        "- a résumé;\n- a cover letter of no more than two pages; and\n- a ten-page writing sample.\n\n"
        "Shortlisted candidates are interviewed in May.\n\n## Pay\n\nFellows earn $3,000 a month.\n",
    )
    write(
        tmp_path,
        "other.md",
        "---\ntitle: Corvane Library\n---\n# Corvane Library\n\n## Hours\n\nOpen daily from 9 to 5.\n",
    )
    answers = services_over(tmp_path, settings).answers
    shown = answers.ask("what do i have to submit for the fellowship besides a resume").citations[0].snippet
    assert shown.startswith("Applications open") or shown.startswith("You will need:")
    assert "writing sample" in shown and "cover letter" in shown
    # without "besides", the résumé line is what is asked
    assert "résumé" in answers.ask("do i need a resume for the fellowship?").citations[0].snippet


def test_the_days_a_role_works_answer_which_days_without_the_questions_words(settings, tmp_path) -> None:
    # "normally Tuesday through Saturday" shares no word with "which days of the week …?", and
    # the days were not counted as in a sentence about what is asked: the question was declined
    write(
        tmp_path,
        "internship.md",
        "---\ntitle: Tidemark Summer Newsroom Internship\n---\n# Tidemark Summer Newsroom Internship\n\n"
        "## About\n\nInterns report and produce stories with our news team for ten weeks each summer.\n\n"
        "## Pay\n\nInterns earn $18.50 an hour.\n",
    )
    answers = answers_over_file(
        settings,
        tmp_path / "engineer.txt",
        "Broadcast Audio Engineer\nTidemark Public Radio\n\nAbout the role\nYou will maintain our studios and "
        "the transmitter, and mix live broadcasts and events for our hosts.\n\nSchedule\nThis is a full-time, "
        "non-exempt position, normally Tuesday through Saturday, 9:00 a.m. to 5:30 p.m. Some evenings are "
        "required for live events, and overtime is paid at time and a half. Engineers on call receive a $150 "
        "weekly on-call stipend.\n\nCompensation\nThe pay range is $64,000 to $78,000 per year, depending "
        "on your experience and certifications.\n",
    )
    answer = answers.ask("which days of the week does the audio engineer work")
    assert answer.verdict == "answer" and "Tuesday through Saturday" in answer.citations[0].snippet


def test_a_runner_up_holding_the_asked_kind_is_judged_when_the_best_lacks_it(settings, tmp_path) -> None:
    # the benefits list has every word of "how many years is the … grad scheme" ("each year",
    # "pension scheme") but no duration; it ranked first and the question was declined
    write(
        tmp_path,
        "other.md",
        "---\ntitle: Brindle Archive Traineeship\n---\n# Brindle Archive Traineeship\n\n## Pay\n\n"
        "Trainees earn £24,350 a year for twelve months of digitisation work.\n",
    )
    answers = answers_over_file(
        settings,
        tmp_path / "grad.md",
        "---\ntitle: Corvale Cyber Graduate Programme\n---\n# Corvale Cyber Graduate Programme\n\n"
        "## About the programme\n\nOur Graduate Programme is a two-year, paid, full-time programme for people who "
        "want to build a career in security consulting. You don't need a computer science degree.\n\n"
        "## Location, salary and benefits\n\nLocation: Corvale House, Manchester. Hybrid working: three days a "
        "week in the office.\n\n### Benefits\n\n- 27 days of annual leave each year plus bank holidays\n"
        "- Pension scheme: Corvale matches your contributions up to 5% a year\n"
        "- Cycle to work scheme and a season ticket loan each year\n",
    )
    answer = answers.ask("how many years is the corvale grad scheme")
    assert answer.verdict != "none" and "two-year" in answer.citations[0].snippet


def test_a_snippet_reads_on_after_its_answer_within_the_limit(seed_services: Services) -> None:
    # the sentence that matches the question is chosen within the focus; the one after it,
    # which matches nothing asked, is read on to (it holds the condition)
    from bot.services.snippets import FOCUS_SHARE, snippet

    before = "Our offices are open to visitors on weekdays, and the reception desk can help you find your way."
    match = (
        "Field technicians normally work a regular daytime schedule from Monday to Friday, "
        "visiting customer sites across the region in a company van that is provided with the role."
    )
    after = (
        "Once in every six weeks, each of them also covers the Saturday call-out rota, "
        "from eight in the morning until four in the afternoon."
    )
    passage = Passage(0, "posting.md", "Field Technician", "Schedule", None, f"{before}\n{match} {after}\nUnrelated closing line.", 1)
    tokenizer = seed_services.answers.holder.current.engine.tokenizer
    concepts = [{tokenizer.term("technicians"): 2.0}, {tokenizer.term("schedule"): 2.0}]
    limit = 400
    assert len(match) <= limit * FOCUS_SHARE < len(match) + 1 + len(after)
    shown = snippet(passage, concepts, tokenizer, limit)
    assert shown.startswith("Field technicians") and after in shown and len(shown) <= limit
    assert before not in shown


def test_a_sentence_that_goes_on_to_introduce_a_list_is_shown_with_it(seed_services: Services) -> None:
    # "… in departments outside their home unit. You choose from:" was shown without what
    # follows: the departments asked for were in the list its own paragraph introduces
    from bot.services.snippets import snippet

    text = (
        "Each resident completes four shadow shifts in departments outside their home unit. You choose from:\n"
        f"{BULLET}wound and ostomy care\n{BULLET}the rapid response team\n{BULLET}case management\n"
        "Shadow shifts are paid and are scheduled in place of a regular shift."
    )
    passage = Passage(0, "guide.md", "Residency guide", "Exploration rotations", None, text, 1)
    tokenizer = seed_services.answers.holder.current.engine.tokenizer
    concepts = [{tokenizer.term("departments"): 2.0}, {tokenizer.term("shadow"): 2.0}]
    shown = snippet(passage, concepts, tokenizer, 400)
    assert shown.startswith("Each resident") and "You choose from:" in shown and "wound and ostomy care" in shown
    # a lead-in that is a line of its own is not the answer's paragraph going on: it is only
    # read on after the answer, in the source's order
    apart = text.replace(" You choose from:\n", "\nYou choose from:\n")
    passage = Passage(0, "guide.md", "Residency guide", "Exploration rotations", None, apart, 1)
    assert snippet(passage, concepts, tokenizer, 400).startswith("Each resident")


_RESIDENCY_SECTIONS = (
    ("Seminars", "Residents attend a four-hour seminar once a month."),
    ("Rotations", "Residents shadow two other departments in their sixth month."),
    ("Graduation", "Residents graduate after twelve months and a final project."),
    ("Orientation", "New residents spend two weeks in general orientation and Epic training."),
    ("Peer groups", "Residents meet their peer group of eight after each seminar."),
    ("Evaluations", "A resident's nurse manager reviews their progress at 90 days and six months."),
    ("Wellbeing", "Residents can see a counsellor free of charge at any time."),
    ("Education", "Each resident receives $1,000 for a certification course."),
    ("Time off", "Residents accrue paid time off from their first pay period."),
    ("Uniforms", "Residents receive three sets of scrubs in their unit's colour."),
    ("Parking", "Residents park free in the staff garage on Mill Street."),
    ("Projects", "Every resident completes an evidence-based practice project in their final quarter."),
    ("Certificates", "Residents who finish receive a certificate at the spring ceremony."),
    ("Contact", "Residents can reach the residency office at residency@example.org."),
    ("Alumni", "Former residents mentor the next cohort as peer coaches."),
    ("Locations", "Residents work at our Salem, Albany or Corvallis hospitals."),
    ("Applications", "Residents are chosen from applications received by 1 March."),
    ("Interviews", "Shortlisted residents are interviewed by two nurse managers."),
)


def test_a_programme_named_in_every_passage_of_its_documents_still_names_them(settings, tmp_path) -> None:
    # "resident" is in every passage of the residency's documents, which made it count for
    # little beside "shift", a word of one posting's title ("…, 2nd Shift"): the question
    # was answered from that posting
    write(
        tmp_path,
        "residency.md",
        "---\ntitle: New Graduate Nurse Residency\n---\n# New Graduate Nurse Residency\n\n"
        "## Schedule\n\nResidents work three 12-hour shifts a week on their home unit.\n\n"
        "## Pay\n\nResidents earn $38.50 an hour from their first day as a resident.\n\n"
        "## Mentors\n\nEach resident is paired with a preceptor for the first twelve weeks.\n\n"
        + "".join(f"## {heading}\n\n{sentence}\n\n" for heading, sentence in _RESIDENCY_SECTIONS),
    )
    write(
        tmp_path,
        "qc.txt",
        "Quality Control Technician I, 2nd Shift\nHalden Biosciences\nMorrisville, NC (on-site) - Full-time\n\n"
        "Schedule\nMonday to Friday, 2:30 p.m. to 11:00 p.m.\n\n"
        "Responsibilities\nPerform environmental monitoring of cleanrooms\nLog samples into the LIMS\n",
    )
    write(
        tmp_path,
        "residency-faq.md",
        "---\ntitle: Nurse Residency FAQ\n---\n# Nurse Residency FAQ\n\n"
        "* **Can residents choose their unit?**<br>Residents rank three units; most residents get their first choice.\n"
        "* **Do residents get benefits?**<br>Yes, every resident has medical cover from day one.\n",
    )
    write(
        tmp_path,
        "lab.md",
        "---\ntitle: Halden Biosciences Careers\n---\n# Halden Biosciences Careers\n\n"
        "## Working here\n\nEvery employee receives stock options and a 401(k) match.\n",
    )
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("how many shifts a week would i work as a resident")
    assert answer.citations and answer.citations[0].source == "residency.md"
    assert "three 12-hour shifts a week" in answer.citations[0].snippet


def test_a_role_named_on_a_list_of_positions_is_answered_from_its_own_item(settings, tmp_path) -> None:
    # the list is split across passages; "permanent" is in another position's item, and the
    # passage that holds it was cited for the Learning Officer, on a maternity cover contract
    items = [
        "Digitisation Trainee (2025 intake), a paid 12-month traineeship at Calder Park for people starting out in archives",
        "Conservation Assistant, an 18-month fixed-term post repairing and rehousing bound volumes before they are scanned",
        "Digital Preservation Officer, a permanent role looking after our digital repository and its migration",
        "Web Archivist, capturing and quality-checking public sector websites for the national web archive",
        "Reading Room Assistant (part-time), 22.5 hours a week fetching documents and helping visitors",
        "Family History Adviser, answering genealogy enquiries by email, phone and live chat",
        "Volunteer Transcriber, a remote volunteering role transcribing handwritten wage books from home",
        "Records Assistant, answering enquiries from government departments about files they transferred to us",
        "Learning Officer (schools), designing and delivering sessions for pupils, on a 12-month maternity cover contract",
    ]
    write(
        tmp_path,
        "vacancies.md",
        "---\ntitle: Work with us\n---\n# Work with us\n\n## Current opportunities\n\n"
        "The following positions are open now. Click a title to read the full advert and apply.\n\n"
        + "".join(f"* [{i.split(',')[0]}](https://archive.example.org/jobs/{n}),{i.split(',', 1)[1]}.\n" for n, i in enumerate(items)),
    )
    write(
        tmp_path,
        "other.md",
        "---\ntitle: Reading room guide\n---\n# Reading room guide\n\n## Opening hours\n\nOpen Tuesday to Saturday.\n",
    )
    services = services_over(tmp_path, settings)
    passages = services.holder.current.corpus.passages
    assert len([p for p in passages if p.source == "vacancies.md"]) >= 2  # the list is split
    question = "the archives learning officer post, is it permanent or temporary"
    seen = services.answers.consider(services.answers.clean_question(question))
    first = passages[seen.candidates[0].position]
    assert "Learning Officer" in first.text


def test_a_sum_of_money_of_another_kind_does_not_say_the_asked_one() -> None:
    # "residency fee?": "an access budget of up to £500 … for costs" is the budget's sum, and
    # "travel grants of up to €400" the grants'; money given is one kind, whatever its name
    # ("€400 equipment stipend" is the equipment budget), and a sentence with a sum of the
    # asked kind beside another's says it
    assert not holds("A separate access budget of up to £500 per resident for costs such as BSL.", "amount", "residency fee")
    assert not holds("Eight travel grants of up to €400 are also available.", "amount", "summer school fee?")
    assert holds("A fee of £2,400 per resident, paid in two instalments.", "amount", "residency fee")
    assert holds("• Course fee: €450 (includes accommodation)", "amount", "summer school fee?")
    assert holds("Interns get a €400 equipment stipend.", "amount", "intern equipment budget?")
    assert holds(
        "Each scholar receives up to €18,500 towards tuition fees, plus a living allowance of €1,150 per month.",
        "amount",
        "how much does the scholarship give you",
    )


def test_money_by_the_hour_is_pay_and_a_multiple_of_the_rate_is_a_sum(settings, tmp_path) -> None:
    # "qc tech pay" over "$23.50/hour to $29.00/hour, plus a shift differential": money by
    # the hour is a wage, whatever words are around it; "paid at time and a half" answers
    # "better pay on holidays?"
    from bot.search.answer_type import pays_asked_sum

    assert pays_asked_sum("• $23.50/hour to $29.00/hour, plus a 2nd shift differential of $2.00/hour", "qc tech pay")
    assert not pays_asked_sum("• $2,500 one-time relocation allowance, paid per month", "qc tech pay")
    assert holds("Holiday shifts are paid at time and a half.", "amount", "better pay on holidays?")
    assert holds("Overtime is paid at 1.5 times the base rate.", "amount", "how much is overtime pay?")
    write(tmp_path, "other.md", "# Quartz Fellowship\n\n## About\n\nFellows write open source software.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "qc.md",
        "---\ntitle: Quality Control Technician\n---\n# Quality Control Technician\n\n"
        "## Compensation\n\n- $23.50/hour to $29.00/hour, plus a 2nd shift differential of $2.00/hour\n"
        "- Eligible for an annual bonus with a 5% target\n\n"
        "## Schedule\n\nMonday to Friday, 2:30 p.m. to 11:00 p.m.\n",
    )
    answer = answers.ask("quality control technician pay")
    assert answer.verdict == "answer" and "$23.50/hour" in answer.citations[0].snippet


def test_an_faq_answer_that_opens_with_how_long_says_how_long_it_lasts(settings, tmp_path) -> None:
    # "How long is the apprenticeship?" / "Four years, full time." (was declined, asked word for word)
    from bot.search.answer_type import holds_as_asked

    faq = "How long is the apprenticeship?"
    assert holds_as_asked("Four years, full time. You finish qualified.", "duration", "how long is the apprenticeship", faq)
    assert not holds_as_asked("Two weeks later we send the results.", "duration", "how long is the apprenticeship", faq)
    write(tmp_path, "other.md", "# Quartz Fellowship\n\n## About\n\nFellows write open source software.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "ironbark.md",
        "# Ironbark Rail Apprenticeship: FAQ\n\n## How long is the apprenticeship?\n\nFour years, full time. You finish "
        "as a qualified tradesperson.\n\n## When does it start?\n\nThe 2027 intake starts on Monday 1 February 2027.\n",
    )
    assert answers.ask("how long is the ironbark apprenticeship").verdict == "answer"


def test_when_a_benefit_starts_is_said_from_the_day_one_joins() -> None:
    from bot.search.answer_type import holds_as_asked

    asked = "when does health insurance start at brightwell"
    said = "• Health: medical, dental and vision insurance starting the first of the month after your hire date."
    assert holds_as_asked(said, "date", asked)
    assert holds_as_asked("Benefits start on the first of the month after 30 days of employment:", "date", "when do benefits start")
    assert not holds_as_asked("Benefits include a 401(k) with a company match.", "date", "when do benefits start")
    assert not holds_as_asked(said, "date", "when does the apprenticeship start")  # a programme starts on a date


def test_the_dates_of_a_programme_are_when_it_runs(settings, tmp_path) -> None:
    # "summer school dates": when it takes place, said by "Sessions run from July 6 to July 17"
    from bot.search.answer_type import asks_deadline

    assert asks_deadline("summer school dates") is False
    write(tmp_path, "other.md", "# Quartz Fellowship\n\n## About\n\nFellows write open source software.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "summer.md",
        "# Open Science Summer School FAQ\n\nThe Open Science Summer School is a two-week, in-person school in Lisbon "
        "for early-career researchers. Sessions run from July 6 to July 17, 2026.\n\n"
        "## When is the application deadline?\n\nApplications close on April 15, 2026.\n",
    )
    answer = answers.ask("summer school dates")
    assert answer.verdict != "none" and "July 6" in answer.citations[0].snippet


def test_when_something_happens_to_a_member_may_be_said_from_when_they_join() -> None:
    from bot.search.answer_type import holds_as_asked

    asked = "when do i join the on-call rotation"
    assert holds_as_asked("• Join the on-call rotation after your first six months", "date", asked)
    assert holds_as_asked("You can take leave after your probation period.", "date", "when can i take leave")
    # ... or counted from another day: "6 months after the date of our decision"
    reapply = "You can reapply 6 months after the date of our decision."
    assert holds_as_asked(reapply, "date", "i wasn't successful, when can i apply again")
    assert not holds_as_asked("Join the on-call rotation after your first six months", "date", "when does the programme start")
    assert not holds_as_asked("The on-call rotation is shared by six engineers.", "date", asked)


def test_when_money_is_paid_may_be_said_by_an_event() -> None:
    # "when do I get paid?": "paid 40% when you sign the agreement" says when; a date of
    # something else does not become one
    asked = "halcyra grant - when do i get paid"
    assert holds("• Money is paid 40% when you sign the grant agreement and 60% after your final report", "date", asked)
    assert holds("The bonus is paid out after 90 days.", "date", "when does the signing bonus get paid out")
    assert not holds("Grants are paid by bank transfer in euros.", "date", asked)
    assert not holds("Money is paid 40% when you sign the agreement.", "date", "when do applications close?")


def test_a_salary_without_a_rate_is_pay_and_a_stipend_for_a_purpose_is_not(settings, tmp_path) -> None:
    # "A$95,000 – A$110,000 base plus super" is what the job pays; "a $500 home office stipend
    # when you join" and "A$250 a month coworking stipend" are money for something else
    from bot.search.answer_type import pays_asked_sum

    asked = "what is the salary for the customer success manager?"
    assert pays_asked_sum("• A$95,000 – A$110,000 base plus super, depending on experience", asked)
    assert not pays_asked_sum("• A$250 a month coworking stipend if you prefer not to work from home", asked)
    assert not pays_asked_sum("• A $500 home office stipend when you join, per year", asked)
    write(tmp_path, "other.md", "# Quartz Fellowship\n\n## About\n\nFellows write open source software.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "pinecrest.md",
        "# Pinecrest Labs: Support Engineer\n\n## Benefits\n\n- Parental leave top-up to 90% of salary for 20 weeks\n"
        "- A $500 home office stipend when you join, and a company laptop\n\n"
        "## Compensation\n\nSalary: CAD 68,000 – 78,000 a year, depending on experience.\n",
    )
    answer = answers.ask("pinecrest support engineer salary?")
    assert answer.citations and answer.citations[0].section == "Compensation"


def test_the_value_of_kit_is_no_pay(settings, tmp_path) -> None:
    # "youth coach pay": "Pay: £14.50 per hour", not "boots up to the value of £80"
    asked = "wyncombe youth coach pay"
    assert not holds("• Kit: the youth coach gets a tracksuit and boots up to the value of £80.", "amount", asked)
    write(tmp_path, "other.md", "# Quartz Fellowship\n\n## About\n\nFellows write open source software.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "wyncombe.md",
        "# Wyncombe Active: Youth Football Coach\n\n## The role\n\nThe Youth Football Coach will lead our Saturday sessions.\n\n"
        "- Hours: Saturdays 9:00 to 12:00.\n- Pay: £14.50 per hour, paid monthly.\n"
        "- Checks: the youth coach must complete a background check, which the Trust pays for.\n"
        "- Kit: the youth coach gets a tracksuit and boots up to the value of £80.\n",
    )
    assert answers.ask(asked).citations[0].snippet.startswith("• Pay: £14.50")


def test_an_unpaid_break_says_nothing_of_pay() -> None:
    asked = "night shift supervisor pay?"
    assert not holds("19:00 to 07:00, including a paid 30-minute break and an unpaid 30-minute break.", "amount", asked)
    assert not holds("You may take up to four weeks of unpaid leave.", "amount", asked)
    assert holds("This is an unpaid internship.", "amount", "is the internship paid?")
    assert holds("Volunteer roles are unpaid.", "amount", "do volunteers get paid")


def test_free_said_as_a_label_says_what_it_costs() -> None:
    asked = "how much does the orchid hackathon cost?"
    assert holds("• Cost: free for everyone, including food", "amount", asked)
    assert holds("The course is free to attend.", "amount", asked)
    assert not holds("Free parking is available at the venue.", "amount", asked)


def test_money_that_is_not_paid_is_no_unpaid_role() -> None:
    # "Mentors are not paid" says what a mentor earns; "the remaining instalments are not paid"
    # says nothing of how much the stipend is, only whether the rest of it is paid
    assert holds("Mentors are volunteers and are not paid.", "amount", "how much do mentors get paid?")
    assert holds("This position is not paid.", "amount", "stipend?")
    failed = "If an evaluation is failed, the remaining instalments are not paid."
    assert not holds(failed, "amount", "quillfeather stipend?")
    assert not holds("The travel budget is not paid to you.", "amount", "how much is the fellowship stipend?")
    assert holds(failed, "amount", "if i fail the midterm do i still get the money?")
    assert holds(failed, "amount", "what happens to the money if i fail?")


def test_another_kind_of_the_thing_measured_does_not_answer_how_much_or_how_long(settings, tmp_path) -> None:
    # "how long is parental leave?" over "30 days of annual leave", "how much is the on-call
    # stipend?" over the salary, "is there a sign-on bonus?" over an annual one: the passage
    # says the thing but not which (a hyphenated word is one word); a word close in meaning
    # to the one asked says it ("living allowance": "maintenance allowance")
    write(
        tmp_path,
        "engineer.md",
        "---\ntitle: Firmware Engineer\n---\n# Firmware Engineer\n\n## Compensation\n\n"
        "The base salary range is $138,000 to $172,000 per year, plus an annual bonus of up to 8%.\n\n"
        "## Benefits\n\n- 30 days of annual leave plus public holidays\n"
        "- A maintenance allowance of $300 a month\n- Private medical care for you and your family\n\n"
        "## About the role\n\nYou will write firmware for the payload computer.\n",
    )
    answers = services_over(tmp_path, settings).answers

    def missing(question: str) -> float:
        return _missing(answers, question)

    assert missing("how long is parental leave for the firmware engineer") == 1.0
    assert missing("how long is annual leave for the firmware engineer") == 0.0
    assert missing("how much is the on-call stipend for the firmware engineer") == 1.0
    assert missing("how much is the salary for the firmware engineer") == 0.0
    assert missing("is there a sign-on bonus for the firmware engineer") == 1.0
    # a kind of leave, however asked ("paid parental leave for X?"), is no other kind; medical
    # care for "your family" says nothing of leave for parents
    assert missing("paid parental leave for the firmware engineer?") == 1.0
    assert missing("firmware engineer parental leave") == 1.0
    # ... and a kind of bonus, however asked, is no other kind
    assert missing("firmware engineer signing bonus?") == 1.0
    assert missing("referral bonus for the firmware engineer") == 1.0
    assert missing("firmware engineer bonus?") == 0.0
    # a word that says how a sum is stated says no kind of it
    assert missing("how much is the starting salary for the firmware engineer") == 0.0
    for asked in ("how long is parental leave for the firmware engineer", "is there a sign-on bonus for the firmware engineer"):
        assert answers.ask(asked).verdict != "answer", asked


def test_a_skill_that_is_a_bonus_is_no_bonus_paid(settings, tmp_path) -> None:
    # "Bonus: experience with Stripe" and "… is a bonus but not required" say no bonus is paid
    write(
        tmp_path,
        "engineer.md",
        "---\ntitle: Senior Backend Engineer\n---\n# Senior Backend Engineer\n\n## What we're looking for\n\n"
        "- 5+ years of backend development\n- Bonus: experience with PCI DSS or Stripe integrations\n"
        "- SQL is a bonus but not required\n\n## What we offer\n\n- Stock options\n- 25 days of holiday\n",
    )
    answers = services_over(tmp_path, settings).answers
    assert _missing(answers, "is there an annual bonus for the senior backend engineer?") == 1.0


def test_maternity_leave_is_answered_by_parental_leave(settings, tmp_path) -> None:
    write(
        tmp_path,
        "analyst.md",
        "---\ntitle: Clinical Data Analyst\n---\n# Clinical Data Analyst\n\n## Benefits\n\n"
        "- Four weeks of annual leave\n- 14 weeks of paid parental leave\n\n## The role\n\nYou will build dashboards.\n",
    )
    answers = services_over(tmp_path, settings).answers
    assert _missing(answers, "does the clinical data analyst get maternity leave") == 0.0
    assert _missing(answers, "sick leave for the clinical data analyst?") == 1.0
    # ... nor its pay or days by annual or parental leave
    assert _missing(answers, "sick pay for the clinical data analyst?") == 1.0
    assert _missing(answers, "how many sick days does the clinical data analyst get") == 1.0


def test_a_property_asked_of_a_thing_is_one_the_passage_says(settings, tmp_path) -> None:
    # "taxable" is said nowhere near the scholarship's sum; "refundable" is said of the deposit
    write(
        tmp_path,
        "scholarship.md",
        "# Fernhill Scholarship\n\n## What the scholarship covers\n\n- A scholarship of €6,000, paid as €2,000 at "
        "the start of each month.\n- A private bedroom; a €200 deposit, refundable at the end of your stay.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    assert _missing(answers, "is the fernhill scholarship taxable") == 1.0
    assert _missing(answers, "is the fernhill scholarship deposit refundable") == 0.0


def test_a_word_spelt_inside_the_thing_asked_is_not_close_to_it(settings, tmp_path) -> None:
    # "location" is inside "relocation": the heading "Salary and location" says nothing of moving
    write(
        tmp_path,
        "sre.md",
        "---\ntitle: Site Reliability Engineer\norganization: Kestrell\n---\n## Salary and location\n\n"
        "The salary range for this role is €70,000 to €86,000 per year gross. This role is fully remote: you can "
        "live anywhere in the EU.\n\n## The team\n\nYou join a team of six.\n",
    )
    answers = services_over(tmp_path, settings).answers
    assert _missing(answers, "does kestrell pay relocation for the sre job") == 1.0
    assert _missing(answers, "does kestrell pay a salary for the sre job") == 0.0


def test_a_thing_asked_without_an_article_and_never_said_is_missing(settings, tmp_path) -> None:
    # "is there parking at the venue?", "does the role come with accommodation?": a thing the
    # passage never says, nor any word close to it; somewhere to live, or another way, may be said
    # in many words
    write(
        tmp_path,
        "hack.md",
        "---\ntitle: Brightmoss Hack 2026\n---\n# Brightmoss Hack 2026\n\n## The venue\n\n"
        "The hackathon takes place at the Wisła Hub, ul. Przemysłowa 12, Kraków, a five-minute walk from the tram.\n\n"
        "## Free parking\n\nThere is free parking for participants behind the hub.\n",
    )
    answers = services_over(tmp_path, settings).answers

    def missing(question: str) -> float:
        return _missing(answers, question)

    assert missing("is there wifi at the brightmoss venue") == 1.0
    assert missing("does the brightmoss hack come with accommodation") == 1.0
    assert missing("is there free parking at the brightmoss hack") == 0.0
    assert missing("is there another way to get to the brightmoss venue") == 0.0


def test_another_kind_of_the_thing_asked_for_does_not_answer_is_there_one(settings, tmp_path) -> None:
    # "is there a retention bonus?" over a posting that offers an annual bonus: the passage
    # says "bonus" but not which, so it is no answer; the posting that says it is one
    write(
        tmp_path,
        "supervisor.md",
        "---\ntitle: Night Shift Supervisor\n---\n# Night Shift Supervisor\n\n## What we offer\n\n"
        "- £38,500 a year, including the night shift allowance\n- Annual bonus of up to 8% of salary\n"
        "- 25 days' holiday plus bank holidays\n\n## About the role\n\nYou will lead a team of 30 through the night.\n",
    )
    answers = services_over(tmp_path, settings).answers
    other = _consider(answers, "is there a retention bonus for the night shift supervisor?")
    same = _consider(answers, "is there an annual bonus for the night shift supervisor?")
    assert other.evidence is not None and other.evidence.missing == 1.0
    assert same.evidence is not None and same.evidence.missing == 0.0
    assert answers.ask("is there a retention bonus for the night shift supervisor?").verdict != "answer"
    # asked as what one gets, the same; a word that a figure answers ("a bigger bonus") says no kind
    got = _consider(answers, "do night shift supervisors get a retention bonus?")
    assert got.evidence is not None and got.evidence.missing == 1.0
    bigger = _consider(answers, "do night shift supervisors get a bigger bonus?")
    assert bigger.evidence is not None and bigger.evidence.missing == 0.0


def test_a_thing_asked_for_that_the_passage_never_says_does_not_answer(settings, tmp_path) -> None:
    # "will they pay relocation?" over the pay and benefits lines: the passage says "pay" and
    # names the role, but never the thing to be paid for, in any word close to it in meaning
    write(
        tmp_path,
        "supervisor.md",
        "---\ntitle: Night Shift Supervisor\n---\n# Night Shift Supervisor\n\n## What we offer\n\n"
        "- £38,500 a year, paid monthly\n- Annual bonus of up to 8% of salary\n"
        "- We pay for your travel to the induction week in Leeds\n\n"
        "## About the role\n\nYou will lead a team of 30 through the night.\n",
    )
    answers = services_over(tmp_path, settings).answers

    def missing(question: str) -> float | None:
        seen = _consider(answers, question)
        return None if seen.evidence is None else seen.evidence.missing

    assert missing("will they pay relocation for the night shift supervisor?") == 1.0
    assert answers.ask("will they pay relocation for the night shift supervisor?").verdict != "answer"
    # said, or said in other words ("travel" of a flight), it is about the thing asked
    assert missing("will they pay for my travel to the night shift supervisor induction?") == 0.0
    assert missing("do they pay for my flight to the night shift supervisor induction?") == 0.0
    # ... said as what is paid ("is my relocation covered?")
    assert missing("is my relocation covered for the night shift supervisor job?") == 1.0
    assert missing("do night shift supervisors get their travel to the induction paid for?") == 0.0
    # ... and the same of a thing one gets ("is there …", "do they get a …")
    assert missing("do night shift supervisors get a pension?") == 1.0
    assert missing("is there a company car for the night shift supervisor?") == 1.0
    assert missing("do night shift supervisors get some kind of bonus?") == 0.0
    # ... and of a thing a member asks to do something with, but after a light verb
    assert missing("can i bring my dog to the night shift supervisor induction?") == 1.0
    assert missing("can i claim my travel to the night shift supervisor induction?") == 0.0
    assert missing("can i get my money back from the night shift supervisor induction?") == 0.0
    # "pay" the noun, and "pay anything more", ask about no thing paid for
    assert missing("does the night shift supervisor pay include stock?") == 0.0
    assert missing("do they pay anything more for the night shift supervisor?") == 0.0


def test_an_introduction_answers_only_what_it_is_or_a_kind_it_holds(settings, tmp_path) -> None:
    # "can a freshman apply to the summer program?" over the page's opening paragraph: it has
    # the names and the everyday words of any question about the programme
    write(
        tmp_path,
        "summer.md",
        "---\ntitle: Halvorn Summer Program\n---\nEach summer, a small group of students joins Halvorn in "
        "Tacoma for a paid 12-week program on real satellites.\n\n## Who can apply\n\n"
        "Students in their second year or later of a degree in engineering or physics.\n\n"
        "## Housing\n\nWe do not provide housing, but we share a list of summer lets.\n",
    )
    answers = services_over(tmp_path, settings).answers

    def general(question: str) -> bool | None:
        seen = _consider(answers, question)
        if seen.evidence is None:
            return None
        assert answers.holder.current.corpus.passages[seen.candidates[0].position].id == 0
        return seen.evidence.general

    assert general("can students join halvorn summer program with a car") is True
    # a kind of answer the introduction holds ("12-week"), or what the programme is
    assert general("how long is the halvorn summer program") is False
    assert general("what is the halvorn summer program?") is False


def test_the_words_of_a_web_address_are_no_words_of_its_passage(settings, tmp_path) -> None:
    # "/jobs/developer-advocate" in the apply link had made the hiring steps (with "we pay
    # €300 for your time") cover "salary … developer advocate position" better than the salary
    write(
        tmp_path,
        "other.md",
        "---\ntitle: Tessellate Data Engineer\n---\n# Tessellate Data Engineer\n\n## Pay\n\n"
        "The salary is €58,000 a year.\n",
    )
    answers = answers_over_file(
        settings,
        tmp_path / "advocate.md",
        "---\ntitle: Developer Advocate, Harbourline\n---\n# Developer Advocate, Harbourline\n\n"
        "## What we offer\n\n- An annual salary of €62,000 to €74,000, depending on experience\n"
        "- A personal learning budget of €1,500 per year\n- A laptop of your choice\n\n"
        "## Our hiring process\n\n- A 30-minute call with Maartje\n"
        "- A take-home exercise: write a short tutorial (we pay €300 for your time)\n"
        "- A final conversation with one of our founders\n\n"
        "Apply: https://careers.marrowgate.com/jobs/developer-advocate-harbourline\n",
    )
    answer = answers.ask("What is the salary for the Developer Advocate position?")
    assert answer.verdict == "answer" and "€62,000" in answer.citations[0].snippet


def test_a_compound_the_question_writes_open_is_the_one_the_documents_hyphenate(settings, tmp_path) -> None:
    write(
        tmp_path,
        "housing.md",
        "# Apprentice housing\n\n## Key dates\n\n"
        "- August 16, 2025: move-in day at apprentice housing, from 10 a.m.\n"
        + "".join(f"- March {d}, 2026: a workshop in the scene shop, open to all apprentices and staff.\n" for d in range(1, 8))
        + "- May 31, 2026: move-out, by noon, with keys left at the office.\n",
    )
    write(tmp_path, "other.md", "# Stage crew\n\n## Pay\n\nCrew earn $18 an hour.\n")
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("move in date?").citations[0].snippet.lstrip("• ").startswith("August 16, 2025: move-in")
    seen = _consider(answers, "move in date?")
    assert "movein" in seen.query.joined and "movein" not in seen.query.unique_terms  # searched, not required


def test_a_date_of_another_seasons_edition_does_not_answer_when_the_asked_one_is_only_mentioned(
    tmp_path: Path, settings: Settings
) -> None:
    # the passage names autumn ("in spring and in autumn") but dates only the spring cohort
    write(
        tmp_path,
        "faq.md",
        "# Lanternworks Founders Circle: FAQ\n\n## How long is the programme?\n\nTwelve weeks. The Spring 2027 cohort"
        " runs from 13 April to 6 July 2027. We run two cohorts a year, in spring and in autumn.\n\n"
        "## Is it paid?\n\nFounders receive a grant of EUR 5,000.\n",
    )
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("when does the spring lanternworks cohort start").verdict == "answer"
    seen = answers.consider("when does the autumn lanternworks cohort start")
    assert seen.evidence is not None and seen.evidence.missing == 1.0
    assert answers.ask("when does the autumn lanternworks cohort start").verdict != "answer"
    assert edition_seasons("the autumn lanternworks cohort") == {"autumn"}
    assert edition_seasons("in spring and in autumn we run two cohorts") == frozenset()


def test_how_many_applied_is_answered_by_how_many_applications_came_in() -> None:
    asked = "how many people applied to the fellowship last year"
    assert holds("We received 340 applications for 12 places.", "count", asked)
    assert holds("Last year over 500 people applied.", "count", asked)
    # how many one may send, or how many go on to a later step, is no such count
    assert not holds("You may submit only one application per cycle.", "count", asked)
    assert not holds("We read every application and invite about 20 applicants to a video interview.", "count", asked)
    assert not holds("Send contact details for two references through the application form.", "count", asked)


def test_the_length_of_time_out_is_answered_where_the_time_out_is_spoken_of() -> None:
    asked = "how many vacation days do you get at brannvik hydro?"
    assert holds("You get 25 days of annual leave plus public holidays.", "duration", asked)
    assert holds("Holidays: 30 days a year.", "duration", asked)
    assert not holds("Location: Stavanger (hybrid: up to two days a week from home)", "duration", asked)
    assert not holds("The internship lasts eleven weeks.", "duration", asked)
    asked = "how much notice do seasonal rangers have to give"
    assert holds("Please give four weeks' notice if you leave early.", "duration", asked)
    assert not holds("The season runs for 30 weeks.", "duration", asked)


def test_what_a_job_pays_is_not_answered_by_money_of_another_kind() -> None:
    asked = "how much does the yard jockey job in louisville pay"
    assert holds("Pay: $19.50 an hour", "amount", asked)
    assert holds("A stipend of $500 per on-call week", "amount", "extra pay for on call?")
    assert holds("Salary: EUR 78,000 plus a 13th-month bonus", "amount", asked)
    assert not holds("• A $1,000 employee referral bonus when someone you refer stays 90 days", "amount", asked)
    assert not holds("• Tuition assistance of up to $5,250 a year", "amount", asked)
    assert not holds("• $500 a year for professional development", "amount", asked)
    # when or from what other money is paid says nothing of the pay
    assert not holds("Each ranger also receives a boot allowance of $150, paid with the first pay cheque.", "amount", asked)
    assert not holds("Staff housing is $95 per two-week pay period, deducted from your pay.", "amount", asked)
    assert holds("Rangers are paid $22.40 an hour, every two weeks.", "amount", asked)
    # money of another kind asked for is answered by it
    assert holds("• Tuition assistance of up to $5,250 a year", "amount", "how much tuition assistance do they pay")
    assert holds("We pay back train fares up to £120.", "amount", "how much of my train fare gets paid back")


def test_when_the_outcome_comes_is_not_answered_by_when_applications_close() -> None:
    asked = "when will saltinge tell us if we got the spring internship"
    assert holds("We will let everyone know the outcome by 13 March 2026.", "date", asked)
    assert not holds("Applications close at 23:59 on 8 February 2026.", "date", asked)
    # a question that asks both is answered by either
    both = "whats the deadline for corvaline house and when do we hear back"
    assert holds("Applications close at 23:59 on 8 February 2026.", "date", both)
    # ... and how long it takes to hear back, by how long the outcome takes
    asked = "how long til we hear back from mirrowdale"
    assert holds("We aim to tell you the outcome within six weeks.", "duration", asked)
    assert not holds("Projects can run for up to 18 months.", "duration", asked)


def test_a_date_a_span_of_years_before_is_no_deadline() -> None:
    from bot.search.answer_type import dates_the_asked

    assert dates_the_asked("Send your form before 20 October 2026.", True)
    assert not dates_the_asked("Your PhD must be awarded no more than four years before 1 September 2026.", True)


def test_a_weekday_that_names_one_occasion_is_no_day_one_works() -> None:
    asked = "what days and hrs do the brackenlow apprentices work"
    assert holds("Apprentices work Monday to Thursday, 9.30am to 3.30pm.", "weekdays", asked)
    assert holds("Seminars are on the first Monday of each month.", "weekdays", asked)
    assert not holds("On the last Thursday, apprentices present their findings.", "weekdays", asked)
    assert not holds("The showcase is on Thursday 5 June.", "weekdays", asked)


def test_how_many_people_counts_people_under_any_name() -> None:
    asked = "how many people sit on the interview panel"
    assert holds("The panel has three members.", "count", asked)
    assert holds("You will join a team of 14 engineers.", "count", asked)
    assert holds("You'll supervise a crew of 25 to 30 dock associates.", "count", "how many people does the supervisor manage")
    assert not holds("You will be invited to an interview between 14 and 16 April.", "count", asked)
    assert not holds("We run Phase 1/2 trials.", "count", asked)


def test_a_date_is_a_deadline_only_in_the_clause_that_says_so() -> None:
    from bot.search.answer_type import dates_the_asked

    # the deadline is spoken of in the clause after ", or", which dates nothing
    eligibility = (
        "You must hold a PhD awarded no more than four years before 1 September 2026, "
        "or have submitted your thesis by the application deadline."
    )
    assert not dates_the_asked(eligibility, True)
    assert dates_the_asked("Interviews are in March, and applications close on 12 January 2026.", True)
    assert dates_the_asked("Applications close on 12 January 2026 at 12:00 noon.", True)


def test_places_are_counted_under_any_of_their_names_and_by_a_label() -> None:
    asked = "how many spots are there on the sre rotation"
    assert holds("Places: 6 graduates per intake", "count", asked)
    assert holds("We offer 48 residency positions across four sites.", "count", asked)
    assert not holds("Contact: grad-sre@example.org", "count", asked)
    assert not holds("Duration: 18 months, three rotations of six months", "count", asked)
    # a label counts what it names, not anything ("Team: 6 engineers" counts no places)
    assert not holds("Team: 6 engineers", "count", asked)


def test_nothing_to_pay_said_in_words_answers_what_it_costs() -> None:
    asked = "how much does the hackathon cost to join"
    assert holds("Nothing. Participation is free, and all meals are included.", "amount", asked)
    assert holds("No. We don't charge any programme fees, and there are no hidden costs.", "amount", asked)
    assert not holds("Every employee gets free membership for one friend.", "amount", asked)
    assert not holds("The workshop is free from distractions.", "amount", asked)


def test_a_yes_no_question_after_what_the_member_says_first_asks_for_no_kind() -> None:
    assert asked_kind("i'm brazilian, would they sponsor my visa? and would they pay for my husband's too") is None
    assert asked_kind("corvaline residency, do they pay you anything") is None
    assert asked_kind("salary?") == "amount"  # a bare noun still asks for its kind
    assert asked_kind("orrinshaw deadline for the traineeship") == "date"


def test_a_bound_of_a_sum_answers_a_question_for_the_most_or_least() -> None:
    from bot.search.answer_type import bounds_asked_sum

    asked = "whats the most money i can get from the kindling grant"
    assert bounds_asked_sum("Businesses can apply for between £1,000 and £5,000.", asked)
    assert bounds_asked_sum("Grants of up to €12,000 are available.", asked)
    assert bounds_asked_sum("Awards range from $500–$2,000.", asked)
    assert not bounds_asked_sum("The stipend is £2,150 per month.", asked)
    assert not bounds_asked_sum("Businesses can apply for between £1,000 and £5,000.", "how much is the grant")


def test_the_most_one_can_get_is_answered_where_the_sum_is_bounded(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "kindling.md",
        "# Kindling Grant\n\n## How to apply\n\nApply through the online form with a business plan of no more "
        "than four pages and a budget; the form costs nothing, and a £25 late fee applies after 1 May.\n\n"
        "## What the grant offers\n\nBusinesses can apply for between £1,000 and £5,000. You must put in a "
        "contribution of your own worth at least 20% of the total project cost; this can be cash from the "
        "business or from a loan, but not from another public grant.\n\nEvery successful business is also "
        "matched with a volunteer mentor from the Trust's network for six months.\n",
    )
    service = services_over(tmp_path, settings).answers
    seen = service.consider(service.clean_question("whats the most money i can get from the kindling grant"))
    passages = service.holder.current.corpus.passages
    offers = next(c for c in seen.candidates if (passages[c.position].section or "").endswith("What the grant offers"))
    assert offers.kind > 0  # its sum is bounded, though its sentence says nothing of "most" or "money"
    assert seen.candidates[0] is offers
    answer = service.ask("whats the most money i can get from the kindling grant")
    assert answer.citations and "£5,000" in answer.citations[0].snippet


def test_pto_is_leave_by_the_shipped_synonyms(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "educator.md",
        "# Museum Educator\n\n## Pay\n\n$52,000 - $58,000 a year.\n\n## Benefits\n\n"
        "- Medical, dental and vision insurance\n- 15 days of paid vacation plus 10 paid holidays\n",
    )
    services = services_over(tmp_path, settings)
    answer = services.answers.ask("how much pto do museum educators get")
    assert answer.citations and answer.citations[0].section.endswith("Benefits")
    assert "15 days of paid vacation" in answer.citations[0].snippet


def test_saturdays_are_the_weekend_by_the_shipped_synonyms(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "summer-students.md",
        "# Summer Student Programme – FAQ\n\n## How many hours will I work?\n\n30 hours a week, Monday to Friday, "
        "9am to 4pm. There are no evening, night or weekend shifts.\n\n## Is it paid?\n\nYes, £10 an hour.\n",
    )
    answers = services_over(tmp_path, settings).answers
    asked = "do summer students ever have to work saturdays or sundays"
    seen = answers.consider(answers.clean_question(asked))
    weekend = answers.holder.current.engine.tokenizer.term("weekend")
    assert any(weekend in group for group in seen.query.synonyms.values())
    answer = answers.ask(asked)
    assert answer.citations and answer.citations[0].section.endswith("How many hours will I work?")


def test_a_day_that_comes_round_again_answers_when() -> None:
    asked = "when do all the fellows meet up each month"
    assert holds("The monthly cohort meetings (first Monday of each month) take place at Central.", "date", asked)
    assert holds("Walk-in hiring events are held on the first Saturday of every month.", "date", "what day are the hiring events")
    assert not holds("Fellows meet their supervisor regularly.", "date", asked)


def test_a_street_address_says_where() -> None:
    asked = "where exactly do the apprentices live"
    assert holds("Apprentices live in two houses the theatre owns at 38 and 40 Alder Street.", "place", asked)
    assert holds("Location: 77 Millrace Lane, Ashford Mills", "place", "where is the taproom")
    assert not holds("Apprentices live together and share a kitchen.", "place", asked)


def test_how_many_people_or_spots_is_said_by_the_count(settings, tmp_path) -> None:
    # "how many people get in?", "how many spots?": "We take two apprentices" counts them in the
    # document's own words, so "people" and "spots" are neither missing nor absent
    write(tmp_path, "other.md", "# Quartz Fellowship\n\n## About\n\nFellows write open source software.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "brewing.md",
        "# Copperbine Brewing Apprenticeship\n\n## Overview\n\nWe take two apprentices in the 2025 cohort. "
        "The programme starts on Monday, September 8, 2025.\n\n## At a glance\n\n- Places: 2\n- Mentor: Ingrid Saelens\n\n"
        "## Pay\n\nApprentices earn $19.00 per hour.\n",
    )
    for asked, word in (
        ("how many people get into the brewing apprenticeship", "people"),
        ("how many spots in the brewing apprenticeship", "spots"),
    ):
        seen = _consider(answers, asked)
        term = answers.holder.current.engine.tokenizer.term(word)
        assert seen.candidates and term in seen.candidates[0].matched, asked
        assert answers.ask(asked).verdict != "none", asked


def test_an_academic_year_counts_nothing() -> None:
    # "the 2025–26 fellowship" is a year, not 26 of anything
    asked = "how many fellows kestrel"
    assert not holds("Answers to the questions we get most often about the 2025–26 fellowship.", "count", asked)
    assert not holds("Applications for the 2025/2026 cohort are open.", "count", asked)
    assert holds("We select six fellows each year.", "count", asked)


def test_a_share_counts_nothing() -> None:
    asked = "how many oral history grants did mirrowdale give out last year"
    assert not holds("We pay 75% of the grant when you accept the offer.", "count", asked)
    assert holds("We gave out 12 grants last year.", "count", asked)
    # a ratio is a share too
    assert not holds("About one in five of the 2025 grants went to first-time applicants.", "count", asked)
    # ... though it is a quantity ("how much travel?": "up to 20% travel")
    assert holds("The role involves up to 20% travel.", "quantity", "how much travel is required")


def test_a_sentence_that_counts_what_is_asked_is_about_it(settings: Settings) -> None:
    from bot.search.answer_type import counts_the_asked

    asked = "how many fellows get placed at central"
    assert counts_the_asked("Our largest building hosts three fellows in the new lab.", asked)
    assert not counts_the_asked("Our largest building has three floors.", asked)
    assert not counts_the_asked("Our largest building hosts three fellows.", "how big is central")  # counts nothing named
    # the guide's sentence shares no word with the question but the fellowship's name, and
    # is not the closest in meaning: it is about what is asked because it counts it
    service = build_services(settings, snapshot_from_folder(Path("tests/data/kb_brook"), settings)).answers
    seen = service.consider(service.clean_question(asked))
    passages = service.holder.current.corpus.passages
    central = next(c for c in seen.candidates if (passages[c.position].section or "").endswith("Central Library (Alder Falls)"))
    assert central.kind > 0
    assert seen.candidates[0] is central


def test_who_asks_for_a_contact_only_when_one_writes_to_them() -> None:
    assert asked_kind("who should i write to about my visa") == "contact"
    assert asked_kind("who owns the code i write during lanternwick") != "contact"


def test_a_passage_far_below_the_first_does_not_replace_it_for_holding_the_kind(settings: Settings) -> None:
    service = build_services(settings, snapshot_from_folder(Path("tests/data/kb_chat"), settings)).answers
    seen = service.consider(service.clean_question("who owns the code i write during lanternwick"))
    first = service.holder.current.corpus.passages[seen.candidates[0].position]
    assert first.question == "Who owns the code I write?"


def test_a_year_before_a_thing_names_which_one_is_asked() -> None:
    from bot.search.answer_type import edition_years

    assert edition_years("when's the 2026 apprentice showcase") == frozenset({2026})
    assert edition_years("is this 2025 open day free") == frozenset({2025})
    assert edition_years("i graduated in 2023, can i apply") == frozenset()


def test_an_age_limit_is_about_what_an_age_question_asks(settings: Settings) -> None:
    # "Anyone who is 18 or older … can apply" shares no word with the question
    service = build_services(settings, snapshot_from_folder(Path("tests/data/kb_heldout"), settings)).answers
    seen = service.consider(service.clean_question("im 17 rn, am i allowed to sign up for the tidewater open source thing"))
    assert seen.kind == "age"
    assert seen.evidence is not None and seen.evidence.kind > 0 and not seen.evidence.missing


def test_a_share_of_money_answers_how_much_of_anything_but_pay() -> None:
    asked = "how much does corvane put into your pension"
    assert holds("• Pension: we match your contributions up to 5% of salary.", "amount", asked)
    assert holds("• 403(b) retirement plan with a 4% employer match", "amount", asked)
    assert not holds("About 20% of our staff work remotely.", "amount", asked)
    # what a job pays is a sum
    assert not holds("• 403(b) retirement plan with a 4% employer match", "amount", "how much does the job pay")



def test_a_line_holding_the_asked_kind_outweighs_the_best_word_and_the_closest_meaning() -> None:
    # "how many summer interns does Rattlespoke take on?" over a key-facts table: "Places: 4
    # interns" holds the count; the sentence about summer lets has the question's best word
    # and is the closest in meaning, and was shown instead
    from bot.models import Passage
    from bot.search.tokenize import Tokenizer
    from bot.services.snippets import snippet, unit_texts

    text = (
        "- Dates: Monday 16 June – Friday 22 August 2025 (10 weeks)\n- Places: 4 interns\n"
        "- Pay: £12.60 an hour\n- Hours: 37.5 hours a week, Monday to Friday\n"
        "- Where: The Gasworks, 3 Ferry Lane, Port Almsley\n- Manager: one of our three Operations Managers\n\n"
        "This is an in-person internship. We can’t offer it remotely. We don’t provide accommodation, but "
        "we’ll share a list of summer lets that previous interns have used."
    ).replace("- ", BULLET)
    passage = Passage(0, "ops.md", "Summer Operations Internship", "Key facts", None, text, 1)
    parts = unit_texts(text)
    meaning = [0.39 if "summer lets" in p else 0.12 for p in parts]
    kinds = ["4 interns" in p for p in parts]
    shown = snippet(passage, [{"summer": 3.6}, {"take": 0.7}], Tokenizer(), 120, meaning=meaning, kinds=kinds)
    assert shown.startswith(f"{BULLET}Places: 4 interns"), shown


def test_working_from_wherever_one_lives_answers_whether_a_programme_is_remote(settings, tmp_path) -> None:
    # the FAQ never says "remote": "a distributed team … work from wherever you live" is how it
    # says so, and was declined (the kind not held, the member's word counted as never said)
    from bot.search.answer_type import holds, kind_nouns

    said = "No. We are a fully distributed team, and you can work from wherever you live."
    assert holds(said, "workplace", "is the fellowship remote?")
    assert kind_nouns("is the brackley fellowship remote?", "workplace") == {"remote"}
    assert not holds("The interview is a panel of about an hour.", "workplace", "is the fellowship remote?")
    answers = answers_over_file(
        settings,
        tmp_path / "fellowship.md",
        "---\ntitle: Brackley Open Data Fellowship\n---\n# Brackley Open Data Fellowship\n\n"
        "The fellowship funds six people for a year to publish open datasets about their town.\n\n"
        "## FAQs\n\n"
        "### Do I have to move to Brackley?\n\n" + said + "\n\n"
        "### Is there a fee?\n\nThere are no fees to take part.\n\n"
        "### How are fellows chosen?\n\nA panel of three reads every application.\n",
    )
    answer = answers.ask("is the brackley fellowship remote?")
    assert answer.verdict != "none" and answer.citations
    assert answer.citations[0].question == "Do I have to move to Brackley?"



def test_a_question_naming_only_its_programme_is_answered_by_a_sentence_naming_it(settings, tmp_path) -> None:
    # "how long is the reporting fellowship?" leaves no word but the programme's name: the
    # sentence that names it and holds a span is about what is asked, though another sentence
    # of the passage is the closest in meaning (here: made so, by asking with its meaning)
    from bot.search.semantic import embed_one

    beats = "Each fellow is assigned a beat: housing and land use, or rural health and clinic closures."
    write(tmp_path, "quartz.md", "# Quartz Apprenticeship\n\n## About\n\nApprentices build garden furniture.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "tidewell.md",
        "---\ntitle: Tidewell Local Reporting Fellowship\n---\n# Tidewell Local Reporting Fellowship\n\n"
        "## What the fellowship is\n\n"
        f"{beats} The Reporting Fellowship is an 11-month, full-time, paid position for early-career "
        "journalists.\n\n"
        "## Pay\n\nFellows earn $48,500, paid biweekly.\n",
    )
    snap = answers.holder.current
    asked = "how long is the reporting fellowship?"
    seen = answers.consider(asked)
    position = next(i for i, p in enumerate(snap.corpus.passages) if "11-month" in p.text)
    held = answers._kind_where_asked(snap, seen.query, embed_one(beats), "duration", asked, position, seen.named)
    assert seen.named and held == 1.0


def test_a_location_line_says_whether_a_job_is_remote_and_on_site_parking_does_not(settings, tmp_path) -> None:
    # "Location: Building C, … (fully on site)" answers "is the job remote?": a labelled line
    # says what it is about, whatever its words; "free on-site parking" is an amenity
    from bot.search.answer_type import holds

    assert not holds("Free on-site parking and a staff shuttle.", "workplace", "is the job remote?")
    assert holds("This is an on-site role.", "workplace", "is the job remote?")
    write(tmp_path, "other.md", "# Quartz Apprenticeship\n\n## About\n\nApprentices build garden furniture.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "coordinator.md",
        "---\ntitle: Lab Operations Coordinator\norg: Quillon Biosciences\n---\n# Lab Operations Coordinator\n\n"
        "**Team:** Lab Operations\n**Location:** Building C, Ashbridge Science Park, Ashbridge AB4 7QT (fully on site)\n"
        "**Salary:** £30,000–£33,000 a year\n\n"
        "## The role\n\nOur labs run seven days a week, and everything our lab scientists do depends on the "
        "right reagents arriving on time. You'll keep all of that running.\n\n"
        "## What we offer\n\n- 27 days holiday a year.\n- Free on-site parking and the staff shuttle.\n",
    )
    answer = answers.ask("is the lab coordinator job remote")
    assert answer.verdict != "none"
    assert "fully on site" in answer.citations[0].snippet


def test_a_programme_run_online_says_where_one_works() -> None:
    # "100% online" and "everything else happens online" say where a programme is done; "apply
    # online" says how to apply
    asked = "is quillfern remote?"
    assert holds("• 100% online, live sessions every Tuesday and Thursday, 18:00-20:30 CET", "workplace", asked)
    assert holds("Only for the retreat in January. Everything else happens online.", "workplace", asked)
    assert not holds("Apply online with your CV and a cover letter.", "workplace", asked)
    assert not holds("Join our free online information session on 3 February.", "workplace", asked)


def test_an_item_of_a_list_about_another_role_does_not_answer_for_the_asked_one(settings, tmp_path) -> None:
    # "what's the salary for the web archivist?": the list's pay is the Digital Preservation
    # Officer's, however close its item is in meaning
    write(tmp_path, "other.md", "# Quartz Fellowship\n\n## About\n\nFellows write open source software.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "vacancies.md",
        "# Work with us\n\n## Current opportunities\n\nThe following positions are open now.\n\n"
        "- [Digital Preservation Officer](https://example.org/jobs/1), a permanent role looking after our digital "
        "repository, £34,200 to £38,700.\n"
        "- [Web Archivist](https://example.org/jobs/2), capturing and quality-checking public sector websites, with "
        "hybrid working.\n"
        "- [Conservation Assistant](https://example.org/jobs/3), repairing bindings in our Leeds studio.\n",
    )
    assert answers.ask("what's the salary for the web archivist").verdict != "answer"
    assert answers.ask("what's the salary for the digital preservation officer").verdict == "answer"


def test_a_dog_is_a_pet_and_a_kid_a_child(settings, tmp_path) -> None:
    # the shipped synonyms: "can I bring my dog?" is answered by what is said of pets
    write(tmp_path, "other.md", "# Quartz Fellowship\n\n## About\n\nFellows write open source software.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "fernhollow.md",
        "# Fernhollow Design Residency\n\n## Housing\n\nResidents share a house in the valley. Unfortunately we cannot "
        "accommodate partners, children or pets in the residents' house.\n\n## Stipend\n\nResidents receive £900 a "
        "month. The first payday is 28 May.\n\n## Your first week\n\nYour first week starts on Monday 3 May, when we "
        "get you settled in the studio and you meet the other residents.\n",
    )
    for asked in ("can i bring my dog to fernhollow", "can i bring my kid to fernhollow", "can my gf come to fernhollow"):
        answer = answers.ask(asked)
        assert answer.verdict != "none" and "pets" in answer.citations[0].snippet, asked
    # ... and a paycheck comes on payday
    answer = answers.ask("when do we get our first paycheck at fernhollow")
    assert answer.citations and "first payday" in answer.citations[0].snippet
    tokenizer = answers.holder.current.engine.tokenizer
    seen = _consider(answers, "when do we get our first paycheck at fernhollow")
    assert tokenizer.term("payday") in seen.query.synonyms.get(tokenizer.term("paycheck") or "", ())
    seen = _consider(answers, "what jabs do i need for fernhollow")
    assert tokenizer.term("vaccinations") in seen.query.synonyms.get(tokenizer.term("jabs") or "", ())


def test_wifi_is_the_internet_a_gym_fitness_and_a_grad_a_graduate(settings, tmp_path) -> None:
    # the shipped synonyms: "is there wifi at the station?" is answered by what is said of the internet
    write(tmp_path, "other.md", "# Quartz Fellowship\n\n## About\n\nFellows write open source software.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "station.md",
        "# Skerry Field Station: Volunteer Guide\n\n## Connectivity\n\nThe station has satellite internet, limited to "
        "email and messaging.\n\n## Leisure\n\nThere is a small fitness room beside the boat shed.\n\n"
        "## After the season\n\nSeveral volunteers each year go on to our graduate scheme.\n",
    )
    for asked, said in (
        ("is there wifi at skerry", "satellite internet"),
        ("does skerry have a gym", "fitness room"),
        ("can skerry volunteers get onto a grad job after", "graduate scheme"),
    ):
        answer = answers.ask(asked)
        assert answer.verdict != "none" and said in answer.citations[0].snippet, asked


def test_health_insurance_is_answered_by_medical_cover(settings, tmp_path) -> None:
    # the shipped synonyms: "health" and "medical" are one ("health insurance at greyhollow?" /
    # "Private medical cover after your probation period")
    write(tmp_path, "other.md", "# Quartz Fellowship\n\n## About\n\nFellows write open source software.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "greyhollow.md",
        "# Greyhollow Estates: Site Coordinator\n\n## Benefits\n\n- 27 days of annual leave\n"
        "- Private medical cover after your probation period\n- 8% employer pension contribution\n\n"
        "## The role\n\nYou will coordinate maintenance visits across our sites.\n",
    )
    seen = _consider(answers, "health insurance at greyhollow?")
    tokenizer = answers.holder.current.engine.tokenizer
    assert seen.candidates and tokenizer.term("health") in seen.candidates[0].matched
    assert "medical cover" in answers.ask("health insurance at greyhollow?").citations[0].snippet


def test_where_interns_live_is_answered_by_the_housing(settings, tmp_path) -> None:
    # "where do interns live?" asks where they are housed: the housing section, which never says
    # "live", not the relocation FAQ that says "if you live more than 50 miles away"
    write(tmp_path, "other.md", "# Quartz Fellowship\n\n## About\n\nFellows write open source software.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "saltmere.md",
        "---\ntitle: Saltmere Summer Engineering Internship\n---\n# Saltmere Summer Engineering Internship\n\n"
        "## Pay and expenses\n\n### Do you cover relocation?\n\nYes. If you live more than 50 miles from Portwick, "
        "we pay a one-off relocation allowance of £600.\n\n"
        "## Housing\n\nWe don't provide housing ourselves, but we hold a block of rooms at Quayside Halls, a student "
        "residence ten minutes' walk from the workshop. Rooms cost £145 per week.\n",
    )
    answer = answers.ask("where do saltmere interns live")
    assert answer.citations and answer.citations[0].section == "Housing"


def test_a_location_section_says_where_one_works_but_only_as_not_sure(settings, tmp_path) -> None:
    # "is the apprenticeship remote?" over a posting whose "## Location" names only the place
    # apprentices report to: that section is the closest answer ("Apply online" is not remote
    # work), shown from the place; what a heading implies is not confident, as an FAQ elsewhere
    # may still allow days at home
    write(tmp_path, "other.md", "# Quartz Fellowship\n\n## About\n\nFellows write open source software.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "turbine.md",
        "---\ntitle: Wind Turbine Technician Apprenticeship\n---\n# Wind Turbine Technician Apprenticeship\n\n"
        "## About the apprenticeship\n\nA two-year, paid apprenticeship in turbine maintenance.\n\n"
        "## Location\n\nApprentices report to the Operations & Training Centre, 4100 Ridgeline Road, Marrow Point. "
        "Some work at Sable Flats requires overnight stays, which are paid as travel days.\n\n"
        "## How to apply\n\nApply online by June 20 with your résumé and a short cover letter.\n",
    )
    for asked in ("is the turbine apprenticeship remote", "can apprentices work remotely"):
        answer = answers.ask(asked)
        assert answer.verdict == "unsure", asked
        assert answer.citations[0].section == "Location", asked
        assert answer.citations[0].snippet.startswith("Apprentices report to"), asked


def test_a_passage_dating_the_start_says_start_in_its_own_words(settings, tmp_path) -> None:
    # "when does the season start?": "The 2026 season runs from 6 April" dates the start
    # without the word, and "Placements start on a Monday" has the word but no date
    answers = answers_over_file(
        settings,
        tmp_path / "glenmorrow.md",
        "---\ntitle: Seasonal Ranger Programme 2026\n---\n# Seasonal Ranger Programme 2026\n\n"
        "## About the programme\n\nThe 2026 season runs from 6 April to 25 October 2026. There are two strands, "
        "rangers and volunteers.\n\n"
        "## Volunteer placements\n\nPlacements start on a Monday with a one-day induction, and volunteers "
        "work four days a week.\n\n"
        "## Uniform\n\nWe issue a waterproof jacket and two polo shirts at the start of the season.\n",
    )
    answer = answers.ask("when does the season start")
    assert answer.verdict == "answer"
    assert "6 April" in answer.citations[0].snippet


def test_when_one_hears_back_is_answered_by_a_time_from_applying(settings, tmp_path) -> None:
    # "when do I find out if I got a place?": "we aim to tell you the outcome within three
    # weeks of applying" says when, and says "find out" in its own words; a reply to questions
    # within three days is no outcome
    from bot.services.answers import _said_by_kind

    asked = "when do i find out if i got a volunteer place"
    told = "Applications are assessed on a rolling basis and we aim to tell you the outcome within three weeks of applying."
    assert holds(told, "date", asked)
    assert not holds("Email the team with questions. We aim to reply within three working days.", "date", asked)
    assert not holds("Tell us which train you will be on at least five days in advance.", "date", asked)
    engine = answers_over_file(settings, tmp_path / "guide.md", f"# Volunteer Guide\n\n## Key dates\n\n{told}\n").holder.current.engine
    said = _said_by_kind(engine, asked, "date")
    assert said == {engine.tokenizer.term("find"), engine.tokenizer.term("out")} - {None}
    assert _said_by_kind(engine, "when do volunteers find the bothy", "date") == frozenset()


def test_a_hybrid_line_says_remote_in_its_own_words(settings, tmp_path) -> None:
    # "is the backend internship remote?": "Hybrid: … from home on the other two" answers it
    # without the word, and was declined, below the hiring process's "remote technical
    # interview" (a step of hiring, not where one works)
    write(tmp_path, "other.md", "# Quartz Apprenticeship\n\n## About\n\nApprentices build garden furniture.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "intern.md",
        "---\ntitle: Backend Engineering Intern\norg: Tallyfin\n---\n# Backend Engineering Intern\n\n"
        "## Dates\n\n12-week internship from Monday 15 June to Friday 4 September 2026.\n\n"
        "## Working pattern\n\nHybrid: you'll work from our Castlebridge office three days a week and from home "
        "on the other two.\n\n"
        "## Pay\n\n- £2,350 per month before tax.\n\n"
        "## Hiring process\n\n- An online coding exercise.\n- A remote technical interview over video call.\n",
    )
    assert not holds("A remote technical interview over video call.", "workplace", "is the internship remote?")
    answer = answers.ask("is the backend internship remote?")
    assert answer.verdict != "none"
    assert "Hybrid" in answer.citations[0].snippet


def test_a_pay_rate_answers_what_a_programme_pays_and_salary_packaging_does_not(settings, tmp_path) -> None:
    # "salary packaging up to $9,010" is a tax benefit; "the full-time rate is $1,612.40 per
    # week" is the pay, though it never says "pay"
    asked = "what's the clinical data analyst salary"
    assert not holds("Salary packaging up to $9,010 per year, plus meal packaging.", "amount", asked)
    assert holds("Salary: $98,540 to $112,310 per year, plus superannuation.", "amount", asked)
    write(tmp_path, "other.md", "# Quartz Apprenticeship\n\n## About\n\nApprentices build garden furniture.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "residency.md",
        "---\ntitle: Graduate Nurse Residency\n---\n# Graduate Nurse Residency\n\n"
        "## Pay and conditions\n\nResidents are employed as Registered Nurse Grade 1 under the state award. "
        "The current full-time rate is $1,612.40 per week before penalty rates. You'll get five weeks of "
        "annual leave, and you can salary package up to $9,010 a year.\n\n"
        "## FAQ\n\n### Is there a fee to take part?\n\nNo. There are no fees, and the study days are paid time.\n",
    )
    answer = answers.ask("how much does the grad nurse residency pay")
    assert answer.verdict != "none"
    assert "$1,612.40" in answer.citations[0].snippet


def test_what_is_a_thing_the_passage_never_says_is_not_answered_by_its_other_words(settings, tmp_path) -> None:
    # "what's the analyst's annual bonus?": the benefits say "annual leave", never a bonus
    write(tmp_path, "other.md", "# Quartz Apprenticeship\n\n## About\n\nApprentices build garden furniture.\n")
    answers = answers_over_file(
        settings,
        tmp_path / "analyst.md",
        "---\ntitle: Data Analyst\norg: Corvane Freightways\n---\n# Data Analyst\n\n"
        "## The role\n\nYou will build the weekly fleet dashboard and write SQL against our telemetry warehouse.\n\n"
        "## Benefits\n\n- 27 days of annual leave plus bank holidays.\n- Pension with 6% employer contribution.\n"
        "- Cycle to work scheme.\n",
    )
    assert answers.ask("what's the data analyst's annual bonus").verdict != "answer"
    assert answers.ask("how much annual leave does the data analyst get").verdict == "answer"


def test_a_word_naming_only_another_organisation_is_asked_about_not_a_name(settings, tmp_path) -> None:
    # "software" is a word of Wattlebird Software's name; asked of Greywacke it is what is
    # asked. Read as a name, it left the question nothing but names: "what is Greywacke?", and
    # the email's introduction was a confident answer
    write(
        tmp_path,
        "wattlebird.md",
        "---\ntitle: Customer Success Manager\norg: Wattlebird Software\n---\n# Customer Success Manager\n\n"
        "Wattlebird makes practice-management software for veterinary clinics.\n\n"
        "## Pay\n\nA$95,000 to A$110,000 base plus super.\n",
    )
    write(
        tmp_path,
        "greywacke-outdoor-bookings-coordinator.txt",
        "Kia ora koutou, and thanks to the mods for letting me share this. I'm Aroha Mills, Operations "
        "Manager at Greywacke Outdoor Co., and we're looking for a Bookings & Operations Coordinator to "
        "join our small team. We run guided day hikes and multi-day walks in the lower North Island, and "
        "last season we guided just over 6,000 walkers.\n\n"
        "The role is full-time and permanent, 40 hours a week, mostly Monday to Friday. The salary is "
        "NZ$78,000 a year and the role is based in our Wellington office, with Fridays from home.\n\n"
        "Day to day you'd be running our booking system (we use Rezdy, but if you've used something "
        "similar you'll pick it up quickly), answering customer emails and calls, putting together guide "
        "rosters, and booking huts and water taxis.\n\n"
        "What we're looking for is at least two years in a customer-facing bookings, admin or "
        "coordination role, plus a full driver's licence, because you'll occasionally need to drop a van "
        "at the trailhead.\n\n"
        "On the benefits side, you'd get four weeks of annual leave plus an extra adventure day each "
        "year, a 40% staff discount on gear, and a NZ$1,200 annual learning budget.\n",
    )
    answers = services_over(tmp_path, settings).answers
    seen = _consider(answers, "what booking software does greywacke use")
    assert seen.evidence is not None and seen.evidence.general  # the introduction, asked about something else
    answer = answers.ask("what booking software does greywacke use")
    assert answer.citations and "we use Rezdy" in answer.citations[0].snippet


def test_a_compound_written_open_is_asked_for_whole(settings, tmp_path) -> None:
    # "on call" is the "on-call" rotation: "a 30-minute call with our recruiter" covered the
    # question as well as the rotation did, and was answered
    answers = answers_over_file(
        settings,
        tmp_path / "platform.txt",
        "Data Platform Engineer\n\nCompany: Hollowmere Analytics\nLocation: Remote (UK)\n\n"
        "Responsibilities\n\n- Build and run our ingestion pipelines on Kubernetes\n"
        "- Look after the warehouse's cost and performance\n"
        "- Take part in the on-call rotation, one week in every six, with a paid on-call allowance\n\n"
        "Hiring process\n\n- A 30-minute call with our recruiter\n- A 90-minute system design interview\n"
        "- A final conversation with the Head of Data\n",
    )
    seen = _consider(answers, "is there on call for the hollowmere job")
    passages = answers.holder.current.corpus.passages
    assert "on-call rotation" in passages[seen.candidates[0].position].text
    assert seen.candidates[0].coverage > max(c.coverage for c in seen.candidates[1:])


def test_a_cost_or_fee_label_says_what_a_programme_costs(settings, tmp_path) -> None:
    # "Cost: The tuition fee is €850" shares no word with "how much is the … summer school",
    # and the passage it is in was taken to lack a sum; an access budget's €1,000 was shown
    assert label_kind("Cost: The tuition fee is €850") == "amount" and label_kind("• Fee: £40") == "amount"
    answers = answers_over_file(
        settings,
        tmp_path / "programmes.md",
        "---\ntitle: Orrin Glassworks — Summer School and Year Residency 2026\n---\n"
        "# Orrin Glassworks: Summer School and Year Residency 2026\n\n"
        "Orrin Glassworks is a studio for glass and light in Leith. In 2026 we run two programmes.\n\n"
        "## Orrin Summer School\n\n**Dates:** 6–19 July 2026.\n\n**Where:** The Glasshouse, Leith. All sessions are in person.\n\n"
        "**Cost:** The tuition fee is £650, which covers all workshops and materials.\n\n"
        "**Who can apply:** Anyone aged 18 or over. There are 20 places.\n\n"
        "## Orrin Year Residency\n\n**Dates:** 1 October 2026 to 30 September 2027.\n\n"
        "**Stipend:** Residents receive £1,500 per month. There is no fee.\n\n"
        "## Frequently asked questions\n\n**Is there support for applicants with disabilities?**\n"
        "Yes. Both programmes have an access budget of up to £1,000 per person.\n\n"
        "**Do I need to speak Gaelic?**\nNo. English is the working language of both programmes.\n",
    )
    answer = answers.ask("how much is the orrin summer school")
    assert answer.citations and "£650" in answer.citations[0].snippet


def test_times_under_a_heading_that_names_working_hours_are_the_hours_asked(tmp_path: Path, settings: Settings) -> None:
    # the heading says what the times are, whichever sentence is closest to the question
    write(
        tmp_path,
        "educator.md",
        "# Gallery Educator\n\n## About the role\n\nThe Gallery Educator leads school tours and runs our Saturday "
        "family workshops.\n\n## Schedule\n\nThis is a full-time, on-site post working Wednesday to Sunday, 10:00 am to "
        "6:00 pm, with occasional evening events. Time worked at evening events is given back as time off in lieu.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answer = services_over(tmp_path, settings).answers.ask("gallery educator hours?")
    assert answer.verdict == "answer" and answer.citations[0].section == "Schedule"


def test_on_a_page_of_several_roles_a_passage_about_none_of_them_is_no_asked_roles_answer(
    tmp_path: Path, settings: Settings
) -> None:
    # the co-op programme's pay is no lab manager's pay, though it is the page's only sum
    write(
        tmp_path,
        "careers.md",
        "# Careers at Ostrava Bio\n\nOstrava Bio develops gene therapies in Durham.\n\nBelow are all of our current "
        "openings. Click a position to read the full posting and apply.\n\n## Research\n\n"
        "* [Lab Manager, Durham](https://example.org/jobs/1), keeping our research lab running: ordering and safety.\n"
        "* [Data Engineer, Platform](https://example.org/jobs/2), building pipelines for sequencing data.\n"
        "* [Scientist I, Pharmacology](https://example.org/jobs/6), running rodent efficacy studies.\n\n"
        "## Co-op program\n\n* [Co-op Student, Assays](https://example.org/jobs/3), running potency assays.\n\n"
        "### About our co-op program\n\nOur co-ops are full-time, paid, six-month placements. Pay: $22 to $27 per hour "
        "depending on year of study.\n",
    )
    write(
        tmp_path,
        "pastry.md",
        "# Pastry Chef, Helmsley\n\n## Hours\n\n40 hours a week over five days, Wednesday to Sunday.\n\n"
        "## Other jobs\n\n* [Baker, York](https://example.org/jobs/4), on nights.\n"
        "* [Barista, Malton](https://example.org/jobs/5), weekends.\n",
    )
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("whats the pay for the lab manager job").verdict != "answer"
    assert answers.ask("whats the pay for the co-op student job").verdict == "answer"
    # a posting's own sections are its role's, whatever other jobs it lists
    answer = answers.ask("which days would the helmsley pastry chef be working")
    assert answer.verdict == "answer" and answer.citations[0].section == "Hours"


def test_an_acronym_names_its_role_in_a_list_of_positions(tmp_path: Path, settings: Settings) -> None:
    # "sre" is the Site Reliability Engineer's line, not the Senior Backend Engineer's above it,
    # although "engineer" is in both and the first is as close in meaning
    write(
        tmp_path,
        "careers.html",
        "<html><head><title>Careers at Tessaly</title></head><body><h1>Careers at Tessaly</h1>"
        "<p>Tessaly builds route planning software for delivery fleets.</p><h2>Open roles</h2><ul>"
        "<li><strong>Senior Backend Engineer (Go)</strong> – Lisbon, hybrid (3 office days a week). Permanent, "
        "full-time. EUR 62,000 to 75,000 per year.</li>"
        "<li><strong>Site Reliability Engineer</strong> – Utrecht, hybrid (2 office days a week). Permanent, "
        "full-time. EUR 68,000 to 80,000 per year.</li>"
        "<li><strong>Product Designer</strong> – Remote within the EU. Permanent, full-time. EUR 48,000 to 58,000 "
        "per year.</li></ul><h2>Our hiring process</h2><p>We keep hiring short: a call, a task and a final "
        "interview.</p></body></html>",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    for asked in ("sre salary tessaly", "hows the pay for the sre job"):
        answer = answers.ask(asked)
        assert answer.verdict == "answer", asked
        assert answer.citations[0].snippet.startswith("• Site Reliability Engineer"), asked


def test_another_seasons_faq_item_or_dates_answer_no_question_about_this_season(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "circle.md",
        "# Founders Circle – FAQ\n\n## How long is the programme?\n\nTwelve weeks. The Spring 2027 cohort runs from "
        "13 April to 6 July 2027. We run two cohorts a year, in spring and in autumn.\n\n"
        "## What's the deadline for the spring cohort?\n\n1 March 2027 at 23:59 Lisbon time.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    # the FAQ item asks about the spring cohort's deadline; every date in the other is spring's
    assert answers.ask("whats the deadline for the autumn cohort").verdict != "answer"
    assert answers.ask("when does the autumn founders circle start").verdict != "answer"
    assert answers.ask("whats the deadline for the spring cohort").verdict == "answer"
    assert answers.ask("when does the spring founders circle start").verdict == "answer"



def test_an_faq_answer_dating_one_seasons_deadline_answers_no_other_season(tmp_path: Path, settings: Settings) -> None:
    # the FAQ asks "When is the deadline?"; its answer dates spring's and only says when autumn's
    # applications open ("season" names an edition as "cohort" does)
    write(
        tmp_path,
        "residency.md",
        "# Saltwick Writers' Residency: FAQ\n\n## When is the deadline?\n\nFor the spring 2027 season, the deadline is "
        "12 January 2027 at 23:59 UK time. Applications for the autumn 2027 season open in March.\n\n"
        "## Is there a fee?\n\nNo, applying is free.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("deadline for the autumn 2027 saltwick season").verdict != "answer"
    answer = answers.ask("deadline for the spring 2027 saltwick season")
    assert answer.verdict == "answer" and "12 January 2027" in answer.citations[0].snippet

def test_what_the_front_matter_says_of_a_role_is_citable(tmp_path: Path, settings: Settings) -> None:
    # the place, pay and closing date a moderator put only in the front matter answer members
    write(
        tmp_path,
        "data-fellowship.md",
        "---\ntitle: Civic Data Fellowship\norg: Civic Data Lab\nroles:\n"
        "  - title: Civic Data Fellow (2026 cohort)\n    type: fellowship\n"
        "    location: Amsterdam or remote within the EU\n    remote: true\n"
        "    compensation: \"€2,400 per month stipend\"\n    apply_url: https://civicdata.example.org/apply\n"
        "    closes: 2099-02-28\n"
        "  - title: Civic Data Fellow (2025 cohort)\n    type: fellowship\n    location: Amsterdam\n"
        "    apply_url: https://civicdata.example.org/apply-2025\n    status: closed\n---\n\n"
        "# Civic Data Fellowship\n\nThe Civic Data Fellowship places data scientists with city governments for "
        "eleven months to work on open data projects.\n\n## About the programme\n\nFellows work in pairs inside a "
        "municipal department.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("when does the civic data fellowship close")
    assert answer.verdict == "answer" and "Applications close: 28 February 2099" in answer.citations[0].snippet
    assert answer.citations[0].section == "Civic Data Fellow (2026 cohort)"
    answer = answers.ask("can i do the civic data fellowship remotely")
    assert answer.verdict == "answer" and "remote within the EU" in answer.citations[0].snippet
    closed = [p for p in answers.holder.current.corpus.passages if p.section == "Civic Data Fellow (2025 cohort)"]
    assert len(closed) == 1 and "Applications are closed." in closed[0].text and "apply-2025" not in closed[0].text


def test_the_members_own_word_chooses_the_snippet_before_its_synonym(tmp_path: Path, settings: Settings) -> None:
    # "pay" is said by "Interns are paid a monthly stipend:" over its list, and only its
    # synonym by "a housing stipend of $1,500 per month"
    write(
        tmp_path,
        "internship.txt",
        "Brightwater Summer Internship\n\nPAY AND PERKS\n\nInterns are paid a monthly stipend:\n\n"
        "- Bachelor's students: $6,800 per month\n- Master's and PhD students: $8,400 per month\n\n"
        "Housing: we provide free furnished housing in shared apartments near our office, for the full 12 weeks. "
        "If you'd rather arrange your own place, you can choose a housing stipend of $1,500 per month instead.\n\n"
        "Travel: we reimburse your travel to Pittsburgh, up to $750 in total.\n",
    )
    for name in ("rotation", "apprenticeship", "residency", "traineeship"):  # "pay" is a common word, "stipend" a rare one
        write(tmp_path, f"{name}.md", f"# Kelwick {name.title()}\n\n## Pay\n\nThe pay is £2,000 a month, paid monthly.\n")
    answer = services_over(tmp_path, settings).answers.ask("brightwater intern pay")
    assert answer.verdict == "answer" and answer.citations[0].snippet.startswith("Interns are paid a monthly stipend:")


def test_a_later_note_that_moves_a_date_answers_before_the_date_it_moves(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "tutors.md",
        "# Volunteer tutors wanted\n\n## Reading Partners induction\n\nEvery new Reading Partners tutor attends one "
        "induction session on Saturday 13 September, 10am to 1pm, at the library.\n\n## How to sign up\n\nFill in the "
        "volunteer form by Friday 29 August.\n\n## Update, 20 August\n\nGood news: we have extended the sign-up "
        "deadline to Friday 5 September. The induction has also moved, to Saturday 20 September.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answer = services_over(tmp_path, settings).answers.ask("when is the reading partners induction")
    assert answer.verdict != "none" and "20 September" in answer.citations[0].snippet


def test_a_programmes_length_said_of_it_answers_how_long_it_is(tmp_path: Path, settings: Settings) -> None:
    # "a 9-month role" says how long the programme is, whichever sentence is closest to the question
    write(
        tmp_path,
        "residency.md",
        "# Kelpie AI Residency\n\nThe Kelpie Residency Program is a 9-month role designed to launch or advance your "
        "career in machine learning research. The goal of the residency is to help residents grow into world-class AI "
        "researchers. Residents will have the opportunity to work alongside talented researchers from our science team. "
        "Together, you will pick a research problem and then develop new machine learning techniques to solve it.\n\n"
        "## FAQs\n\n### Can I complete the program part-time?\n\nNo. The Residency is only offered as a full-time "
        "position.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    seen = _consider(answers, "is the kelpie residency a full year thing or shorter?")
    assert seen.candidates[0].kind > 0 and "9-month" in answers.cite_candidate(seen).snippet
    from bot.services.answers import _PROGRAMME_LENGTH

    for said in ("a 9-month role", "a two-year, paid apprenticeship", "our 12-week full-time bootcamp"):
        assert _PROGRAMME_LENGTH.search(said), said
    for said in ("a 30-minute call", "two weeks' notice", "3 days a week", "after 6 months in the role"):
        assert not _PROGRAMME_LENGTH.search(said), said


def test_a_byline_says_what_a_posting_is_not_anything_of_it() -> None:
    # "Machine Learning Engineer in the Optimization team / Hugging Face / France" names the
    # team but says nothing of what it does: no introduction that answers "what does it do?"
    from bot.services.answers import _SAYS_SOMETHING

    assert not _SAYS_SOMETHING.search("Machine Learning Engineer in the Optimization team - EMEA remote\nHugging Face\nFrance")
    assert _SAYS_SOMETHING.search("We bridge our libraries with AI hardware.")
    assert _SAYS_SOMETHING.search("The Residency is a 9-month role designed to launch your career")


def test_a_role_named_by_its_title_is_not_answered_from_another_roles_posting(tmp_path: Path, settings: Settings) -> None:
    # the careers page's table names the Product Designer; the Data Analyst's posting says
    # "we can sponsor a visa for this role" of its own role only
    rows = "".join(
        f"<tr><td><a href=\"https://jobs.tallyfin.io/{slug}\">{title}</a></td><td>{team}</td><td>Remote (UK)</td>"
        f"<td>{pay}</td><td>20 February 2026</td></tr>"
        for slug, title, team, pay in (
            ("data-analyst", "Data Analyst, Payments Insights", "Data", "&pound;38,000"),
            ("ios", "Senior iOS Engineer", "Mobile", "&pound;78,000"),
            ("product-designer", "Product Designer (12-month maternity cover)", "Design", "&pound;55,000 pro rata"),
        )
    )
    write(
        tmp_path,
        "careers.html",
        "<html><head><title>Careers at Tallyfin</title></head><body><h1>Careers at Tallyfin</h1>"
        "<p>We build payments software for small businesses.</p><h2>Open roles</h2><table><thead><tr><th>Role</th>"
        f"<th>Team</th><th>Location</th><th>Salary</th><th>Closes</th></tr></thead><tbody>{rows}</tbody></table>"
        "</body></html>",
    )
    write(
        tmp_path,
        "analyst.md",
        "---\ntitle: Data Analyst, Payments Insights\norg: Tallyfin\n---\n\n# Data Analyst, Payments Insights\n\n"
        "## Visa sponsorship\n\nTallyfin holds a Skilled Worker sponsor licence, and we can sponsor a Skilled Worker "
        "visa for this role for candidates who need one.\n",
    )
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("can tallyfin sponsor a visa for the product designer role").verdict != "answer"
    assert answers.ask("can tallyfin sponsor a visa for the data analyst role").verdict == "answer"


def test_is_a_thing_free_asks_about_that_thing(settings, tmp_path) -> None:
    # "is parking free?" is not answered by "Applying is free", nor "free show tickets?"
    write(
        tmp_path,
        "festival.md",
        "# Saltreach Festival Volunteers\n\n## Costs\n\nApplying is free, and volunteers get free housing in the "
        "festival village.\n\n## Shifts\n\nEach volunteer works four shifts of six hours.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    assert _missing(answers, "is parking free for saltreach festival volunteers") == 1.0
    assert _missing(answers, "do saltreach festival volunteers get free show tickets") == 1.0
    assert _missing(answers, "is housing free for saltreach festival volunteers") == 0.0


def test_a_thing_free_that_names_another_document_is_not_answered_by_what_else_is_free(settings, tmp_path) -> None:
    # "housing" names the housing guide; the apprenticeship's "Applying is free" says nothing of it
    write(
        tmp_path,
        "apprenticeship.md",
        "# Technical Theatre Apprenticeship at Bellhaven Rep\n\n## FAQ\n\n### Is there an application fee?\n\n"
        "No. Applying is free.\n\n### What are the hours like?\n\nA normal week is 40 hours over five days.\n",
    )
    write(
        tmp_path,
        "housing.md",
        "# Bellhaven Rep apprentice housing\n\n## The houses\n\nApprentices share two houses on Alder Street, "
        "provided at no cost; a $150 deposit is returned at the end of the season.\n",
    )
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("is housing free for the theatre apprenticeship")
    assert not (answer.verdict == "answer" and "Applying is free" in answer.citations[0].snippet)


def test_a_division_a_heading_names_by_its_kind_is_answered_under_its_own_heading(tmp_path: Path, settings: Settings) -> None:
    # "SEED TIER" beside "GROWTH TIER": the seed applicants' decision date is no growth applicant's
    write(
        tmp_path,
        "grants.md",
        "# Kestering Community Tech Fund 2026\n\nThe fund has two tiers, Seed and Growth.\n\n## SEED TIER\n\n"
        "Seed grants are for small and new groups. We will tell all Seed applicants our decision by 14 August 2026.\n\n"
        "## GROWTH TIER\n\nGrowth grants are for established organisations and can cover salaries and equipment.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("when do kestering growth applicants hear back").verdict != "answer"
    answer = answers.ask("when do kestering seed applicants hear back")
    assert answer.verdict == "answer" and "14 August 2026" in answer.citations[0].snippet

def test_a_programmes_faq_page_is_in_scope_beside_its_guide(tmp_path: Path, settings: Settings) -> None:
    # kb_moor: the guide's title says "Apprenticeship", the FAQ's only "Backstage Pathways"; a
    # question that names the theatre and the apprenticeship asks both, and the FAQ answers
    for source in (Path(__file__).parent / "data" / "kb_moor").glob("fellmoor_*"):
        (tmp_path / source.name).write_bytes(source.read_bytes())
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("who will i report to on the fellmoor apprenticeship")
    assert answer.verdict == "answer" and answer.citations[0].source == "fellmoor_apprenticeship_faq.html"
    answer = answers.ask("is there a job at the end of the fellmoor apprenticeship")
    assert answer.verdict == "answer" and "guaranteed interview" in answer.citations[0].snippet


def test_a_group_a_document_names_in_its_title_is_answered_under_its_own_heading(
    tmp_path: Path, settings: Settings
) -> None:
    # "Volunteer accommodation" beside "Seasonal ranger accommodation" in a page for "seasonal
    # staff and volunteers": the rangers' "not free" is no volunteer's answer, and a thing
    # only the rangers' section speaks of is not answered for the volunteers
    write(
        tmp_path,
        "guide.md",
        "# Seasonal Ranger & Conservation Volunteer Programme 2026\n\n## About the programme\n\n"
        "The season runs from 6 April to 25 October 2026.\n\n## Seasonal Ranger posts\n\n"
        "- **Pay:** £13.10 per hour, paid monthly.\n- **Annual leave:** 16 days for the contract.\n\n"
        "## Conservation Volunteer placements\n\n- **Length:** placements last 4, 8 or 12 weeks.\n"
        "- **Expenses:** we pay a subsistence allowance of £15 per volunteering day.\n",
    )
    write(
        tmp_path,
        "stay.md",
        "---\ntitle: Accommodation and travel for seasonal rangers and volunteers\n---\n\n# Accommodation\n\n"
        "## Volunteer accommodation\n\nAccommodation is provided at no charge for the whole placement, in shared "
        "rooms at the bothy.\n\n## Ranger accommodation\n\nRangers are employees, so accommodation is optional "
        "and not free: rooms cost £85 per week.\n",
    )
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("is volunteer accommodation free")
    assert answer.citations and answer.citations[0].section == "Accommodation › Volunteer accommodation"
    assert answers.ask("how much annual leave do volunteers get").verdict != "answer"
    answer = answers.ask("how much annual leave do rangers get")
    assert answer.verdict == "answer" and "16 days" in answer.citations[0].snippet


def test_numbered_role_headings_name_a_group_each(tmp_path: Path, settings: Settings) -> None:
    # a newsletter's "ROLE 1: …" and "ROLE 2: …": the youth coach's kit is no running coach's,
    # and the running coach's mileage is no youth coach's
    write(
        tmp_path,
        "news.txt",
        "THE PARKSIDE WHISTLE\n\nHello everyone, we are hiring two coaches this spring.\n\n"
        "ROLE 1: YOUTH FOOTBALL COACH (SATURDAY JUNIORS)\n\n"
        "The youth coach leads our Saturday sessions for children aged 8 to 14.\n"
        "- Pay: £16.00 per hour.\n- Kit: the youth coach gets a tracksuit and boots.\n\n"
        "ROLE 2: ADULT RUNNING COACH (BACK TO RUNNING)\n\n"
        "The running coach leads our beginners' groups on weekday evenings.\n"
        "- Pay: £14.50 per hour.\n- Travel: mileage is paid at 45p a mile for sessions away from the club.\n\n"
        "HOW TO APPLY\n\nSend a short letter to the club secretary.\n",
    )
    write(tmp_path, "faq.md", "# Club FAQ\n\n**Where do you train?**\nAt Orley Fields, behind the library.\n")
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("does the running coach get a tracksuit").verdict != "answer"
    assert answers.ask("does the youth football coach get mileage").verdict != "answer"
    answer = answers.ask("does the youth coach get a tracksuit")
    assert answer.verdict == "answer" and "tracksuit" in answer.citations[0].snippet


def test_a_kind_asked_of_a_group_the_title_does_not_name_is_sought_where_the_group_is_said(
    tmp_path: Path, settings: Settings
) -> None:
    # a blog about the corps: "YCC members earn $17.50" is no crew leader's pay, though its
    # section is about pay and ends with "a letter of reference from their crew leader" ("crew"
    # is a name: another page's title says it)
    write(
        tmp_path,
        "ycc.md",
        "---\ntitle: Applications are open for the 2025 Youth Conservation Corps\n---\n\n"
        "## What is the Youth Conservation Corps?\n\nThe YCC is a paid summer job for young people aged 15 to 18. "
        "Members work in crews of six, each led by two adult crew leaders.\n\n## Pay and what we provide\n\n"
        "YCC members earn $17.50 an hour, paid every two weeks. We provide hard hats and all tools.\n\nAt the end of "
        "the summer, everyone receives a letter of reference from their crew leader.\n\n## Crew leaders wanted too\n\n"
        "We are also hiring eight YCC crew leaders aged 19 to 25 at $21.00 an hour. Crew leaders start a week "
        "earlier for leader training.\n",
    )
    write(
        tmp_path,
        "openings.md",
        "# Join the crew: current openings at Brightwater Wind\n\n## Field technician\n\nMaintain our turbines. "
        "Pay: $31 an hour.\n",
    )
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("how much do ycc crew leaders get paid")
    assert answer.citations and "$21.00" in answer.citations[0].snippet
    answer = answers.ask("how much do ycc members get paid")
    assert answer.citations and "$17.50" in answer.citations[0].snippet


def test_an_academic_year_asked_is_not_answered_by_the_passage_of_another(tmp_path: Path, settings: Settings) -> None:
    # "2027-28" is not "2026–27", though the start date of the one is in the year the other says
    assert year_ranges("the 2027-28 cohort and the 2025/2026 one; in 2024") == {(2027, 2028), (2025, 2026)}
    write(
        tmp_path,
        "residency.txt",
        "Quillfern Residency\n\nThe Quillfern Residency is a paid year of research for early-career engineers.\n\n"
        "The 2026–27 cohort starts on September 14, 2026. Each resident gets a compute budget of 2,000 GPU hours.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("when does the quillfern residency 2027-28 cohort start").verdict != "answer"
    answer = answers.ask("when does the quillfern residency 2026-27 cohort start")
    assert answer.verdict == "answer" and "September 14, 2026" in answer.citations[0].snippet



def test_an_academic_year_asked_is_not_answered_from_a_page_titled_by_another(tmp_path: Path, settings: Settings) -> None:
    # the timeline says only "2026", the title the academic year; a year range asked is an
    # edition whether or not a noun ("cohort") follows it
    write(
        tmp_path,
        "fellowship.md",
        "---\ntitle: Tamarind Libraries Announces the 2026–27 Digital Skills Fellowship\n---\n\n"
        "The Digital Skills Fellowship is a paid, full-time program for recent graduates.\n\n"
        "## Timeline\n\n- Applications open: January 12, 2026\n- Application deadline: March 6, 2026\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("when do apps open for the 2027-28 fellowship").verdict != "answer"
    assert answers.ask("digital skills fellowship 2027-28 deadline").verdict != "answer"
    answer = answers.ask("when do apps open for the 2026-27 fellowship")
    assert answer.verdict == "answer" and "January 12, 2026" in answer.citations[0].snippet


def test_a_page_about_one_edition_answers_no_other_editions_question(tmp_path: Path, settings: Settings) -> None:
    # the page speaks of "The 2026 cohort"; its deadline in 2026 might close a 2027 edition's
    # applications, but this page's edition is 2026
    write(
        tmp_path,
        "ombrefell.md",
        "# Ombrefell Fellowship\n\n## How it works\n\nThe 2026 cohort starts on June 1, 2026 and ends on "
        "November 30, 2026.\n\n## FAQ\n\n### Is there a deadline?\n\nYes. Applications close on March 15, 2026.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("ombrefell fellowship 2027 application deadline").verdict != "answer"
    answer = answers.ask("ombrefell fellowship 2026 application deadline")
    assert answer.verdict == "answer" and "March 15, 2026" in answer.citations[0].snippet


def test_a_deadline_asked_of_another_edition_is_not_answered_by_the_one_a_page_says(
    tmp_path: Path, settings: Settings
) -> None:
    # the page says its academic year only in its introduction; the other page heads each
    # cohort's section by its year, and a deadline under "2026 cohort" closes no 2027 cohort
    write(
        tmp_path,
        "civic.html",
        "<html><head><title>Civic Tech Fellowship | City of Kestrelport</title></head><body>"
        "<h1>Kestrelport Civic Tech Fellowship</h1><p>The 2025&ndash;2026 fellowship runs from September 8, 2025 to "
        "July 31, 2026.</p><h2>How to apply</h2><p>Applications are open until Friday, May 16, 2025 at 5:00 p.m. "
        "Submit the online form with your CV.</p></body></html>",
    )
    write(
        tmp_path,
        "data.md",
        "# Civic Data Fellowship\n\n## Civic Data Fellow (2026 cohort)\n\nType: fellowship\nLocation: Amsterdam\n"
        "Applications close: 28 February 2026\n\n## Mentors\n\nEvery fellow has a mentor.\n",
    )
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("civic tech fellowship 2026-2027 application deadline").verdict != "answer"
    answer = answers.ask("civic tech fellowship 2025-26 application deadline")
    assert answer.verdict == "answer" and "May 16, 2025" in answer.citations[0].snippet
    assert answers.ask("civic data fellowship 2027 cohort deadline").verdict != "answer"
    answer = answers.ask("civic data fellowship 2026 cohort deadline")
    assert answer.verdict == "answer" and "28 February 2026" in answer.citations[0].snippet

def test_those_who_do_a_thing_are_no_count_of_the_thing() -> None:
    # "how many research interns?" is not answered by "14 researchers"; "six fellowships" still
    # counts fellows
    asked = "how many research interns does marrowgate hire per year"
    assert not holds("Our Forecasting Research group has 14 researchers.", "count", asked)
    assert holds("We hire four research interns each summer.", "count", asked)
    assert holds("We offer six fellowships a year.", "count", "how many fellows do you take")


def test_the_length_of_a_meeting_is_no_working_week() -> None:
    asked = "how many hours a week do quillfern interns work"
    assert not holds("Mentors hold a one-hour check-in with their intern every week.", "duration", asked)
    assert holds("Interns work 35 hours a week.", "duration", asked)
    # (a meeting's length still answers how long the meeting is)
    assert holds("Mentors hold a one-hour check-in every week.", "duration", "how long is the weekly check-in")


def test_a_word_of_a_sibling_programmes_name_is_not_answered_from_the_other_programme(
    tmp_path: Path, settings: Settings
) -> None:
    # "summer fellows" names the Summer Research Fellowship beside the Postdoctoral Fellowship,
    # both Quillmere's: the postdoc's leave and relocation allowance are not the summer fellows'
    write(
        tmp_path,
        "postdoc.md",
        "# Quillmere Postdoctoral Fellowship\n\n## Funding\n\nFellows are employed on a two-year contract with a "
        "salary of EUR 52,500. Fellows receive 27 days of annual leave plus public holidays.\n\n## Relocation\n\n"
        "A relocation allowance of EUR 3,000 is paid with the first salary.\n",
    )
    write(
        tmp_path,
        "summer.md",
        "# Quillmere Summer Research Fellowship – FAQ\n\n**How much does the fellowship pay?**\nFellows receive a "
        "stipend of EUR 1,200 per month.\n\n**Is accommodation provided?**\nYes, in shared apartments.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("how many days holiday do summer fellows get").verdict != "answer"
    assert answers.ask("quillmere summer fellowship relocation allowance").verdict != "answer"
    answer = answers.ask("quillmere postdoc relocation allowance")
    assert answer.verdict == "answer" and "EUR 3,000" in answer.citations[0].snippet


def test_a_unit_said_in_a_compound_is_the_unit() -> None:
    # "20,000 GPU-hours" answers "how many gpu hours?" as "20,000 GPU hours" does
    asked = "how many gpu hours do residents get"
    assert holds("Residents get a compute allowance of 20,000 GPU-hours on our cluster.", "duration", asked)
    assert not holds("Residents get a compute allowance on our cluster.", "duration", asked)
    # ... and hours of something else are no GPU hours
    assert not holds("Interns train speech models on under 100 hours of transcribed audio.", "duration", asked)


def test_pay_for_when_the_work_is_done_is_paid_under_any_name() -> None:
    # "on call pay?" is answered by "an on-call allowance", though an allowance is no pay
    asked = "sre on call pay?"
    assert holds("You receive an on-call allowance of €300 for each week you are on call.", "amount", asked)
    assert not holds("You receive a relocation allowance of €3,000.", "amount", asked)
    assert not holds("You receive an on-call allowance of €300.", "amount", "what does the sre job pay?")


def test_what_is_for_another_group_of_people_is_not_for_the_asked_one() -> None:
    from bot.search.answer_type import for_another_group

    said = "Mentees who pass the final evaluation are invited to the summit in Lisbon; we cover travel for mentees."
    assert for_another_group("does tidewater pay travel to lisbon for mentors", said)
    assert not for_another_group("does tidewater pay travel to lisbon for mentees", said)
    assert not for_another_group("does tidewater pay travel for mentors", said + " Mentors join the summit too.")
    assert not for_another_group("does tidewater pay travel to lisbon", said)
    # dependants are a group too: what fellows receive says nothing of theirs
    cover = "Fellows receive: medical and dental coverage, starting on the first of the month after their start date"
    assert for_another_group("dunmere fellowship dental for dependents?", cover)
    assert not for_another_group("dunmere fellowship dental for dependents?", cover + ", for them and their dependents")


def test_a_figure_for_a_later_year_of_service_is_not_the_starting_one() -> None:
    from bot.search.answer_type import tenure_unsaid

    assert tenure_unsaid("how many leave days do verdant techs get after 5 yrs", "• 25 days of annual leave plus public holidays")
    assert tenure_unsaid("whats the heronsgate salary in year 2", "£26,500 in your first year, rising to the qualified teacher scale")
    said = "Apprentices are paid £23,400 a year in year one, rising to £24,900 in year two."
    assert not tenure_unsaid("how much do you earn in year 2 of backstage pathways", said)
    assert not tenure_unsaid("2nd year apprentice wage?", "Second-year apprentices earn £15.10 an hour.")
    assert not tenure_unsaid("what does the hourly rate go up to after the first year", "£11.20 an hour from month 13")
    # a first year's figure is the one given; a member's own year of school asks no figure
    assert not tenure_unsaid("first year apprentice pay?", "£9.80 an hour")
    assert not tenure_unsaid("im 17 and in year 12, can i apply", "You must be 18 or over.")
    # a figure after two years is none for "after like 5 years" or "after 10 years"
    rising = "Salary once qualified: £31,850, rising to £35,400 after two years as a qualified driver"
    assert tenure_unsaid("whats the pay for a qualified tram driver after like 5 years", rising)
    assert tenure_unsaid("driver pay after 10 years?", rising)
    assert not tenure_unsaid("driver pay after about two years?", rising)


def test_the_starting_figure_is_no_confident_answer_for_a_later_year(settings, tmp_path) -> None:
    answers = answers_over_file(
        settings,
        tmp_path / "supervisor.txt",
        "Warehouse Shift Supervisor\nCopperline Freight\nTacoma, WA\n\nThe role\nLead a day-shift crew of 18.\n\n"
        "Pay and benefits\n• $31.50 an hour\n• 15 days of PTO plus 8 paid holidays per year\n• 401(k) with a 5% match\n",
    )
    assert answers.ask("how much pto do you get at copperline").verdict == "answer"
    assert answers.ask("how much pto do you get at copperline after 5 years").verdict != "answer"


def test_retirement_savings_are_asked_by_any_of_their_names(settings, tmp_path) -> None:
    # the shipped synonyms: "pension", "retirement", "401(k)" and "RRSP" name one benefit
    answers = answers_over_file(
        settings,
        tmp_path / "support.txt",
        "Support Engineer\nPinecrest Labs\nRemote (Canada)\n\nAbout the role\nHelp our customers every day.\n\n"
        "Benefits\n• RRSP matching up to 4% of salary\n• A $500 home office budget\n",
    )
    answer = answers.ask("how much does pinecrest put toward my retirement savings")
    assert answer.verdict == "answer" and "RRSP matching up to 4%" in answer.citations[0].snippet


def test_a_sum_paid_to_another_group_of_people_is_not_theirs() -> None:
    # the mentees' stipend is no mentor's pay; the mentees are paid it
    stipend = "Yes. Every accepted mentee receives a stipend of USD 3,000 for the cohort."
    assert not holds(stipend, "amount", "are tidewater mentors paid")
    assert holds(stipend, "amount", "are tidewater mentees paid")
    assert not holds("Pay: €1,500 grant per company; no equity taken", "amount", "do founders circle mentors get paid")
    assert not holds("If an evaluation is failed, the remaining instalments are not paid.", "amount", "do mentors get paid")
    assert holds("Mentors are volunteers and are not paid.", "amount", "do mentors get paid")
    # a group said as a word of a thing is not paid anything
    costs = "Project funding: up to $20,000 per year for research costs such as participant costs"
    assert holds(costs, "amount", "how much cash do research fellows get for their project")


def test_what_a_step_of_hiring_is_paid_is_not_the_pay() -> None:
    asked = "whats the pay for the developer advocate role"
    said = "• A take-home exercise: write a 10-minute tutorial on a feature of your choice (we pay €300 for your time)"
    assert not holds(said, "amount", asked)
    assert holds("• An annual salary of €62,000 to €74,000, depending on experience", "amount", asked)


def test_the_age_of_those_a_programme_serves_is_not_the_age_to_take_part() -> None:
    asked = "how old do u have to be for reading partners"
    children = "Reading Partners pairs a volunteer with a child aged 7 to 11 who could do with some reading practice."
    assert not holds(children, "age", asked)
    assert holds("Anyone aged 17 or over. You do not need any teaching experience.", "age", asked)
    assert holds("Students aged 16 to 18 on 1 July 2026 who are at a school in the UK.", "age", asked)
    assert holds(children, "age", "how old are the children in reading partners")


def test_a_competitive_salary_gives_no_figure_asked_for() -> None:
    said = "All residents will be paid a competitive salary."
    assert holds(said, "amount", "residency paid?")
    assert holds(said, "amount", "how much do residents make")
    assert not holds(said, "amount", "residency salary exact number?")
    assert not holds(said, "amount", "whats the salary range for the residency")


def test_a_housing_stipend_is_not_the_pay() -> None:
    asked = "brightwater intern salary"
    assert not holds("If you'd rather arrange your own place, you can choose a housing stipend of $1,500 per month.", "amount", asked)
    assert holds("• Bachelor's students: $6,800 per month", "amount", asked)


def test_what_the_member_pays_or_is_paid_for_commuting_is_not_the_pay() -> None:
    asked = "taproom supervisor pay"
    assert not holds("The buy-in is $1,500, which can be paid through payroll deductions over two years", "amount", asked)
    assert not holds("• A bike-to-work stipend of $20 per month", "amount", asked)
    assert holds("Salary: $22.00 per hour, plus a share of the pooled tips.", "amount", asked)


def test_a_share_asked_of_a_thing_is_said_of_that_thing() -> None:
    assert not holds("• RRSP matching up to 4% of your salary", "share", "quillmoor annual bonus %")
    assert holds("• Annual bonus of up to 8% of salary", "share", "quillmoor annual bonus %")
    assert holds("Commission: 4% of the contract value.", "share", "whats the commission rate for consultants")


def test_a_differential_is_a_premium_of_its_own_name() -> None:
    # "weekend differential?" asks for a sum, and the 2nd shift's is not the weekend's
    assert asked_kind("qc tech weekend differential?") == "amount"
    said = "• $23.50/hour to $29.00/hour, plus a 2nd shift differential of $2.00/hour"
    assert not holds(said, "amount", "qc tech weekend differential?")
    assert holds(said, "amount", "qc tech shift differential?")


def test_a_share_of_an_insurance_premium_is_no_on_call_stipend() -> None:
    asked = "on call stipend for apprentices"
    assert not holds("Medical and dental insurance: the cooperative pays 90% of the premium for you.", "amount", asked)
    assert holds("Apprentices on call receive a $150 weekly on-call stipend.", "amount", asked)


def test_a_sum_paid_on_top_of_the_pay_is_not_the_pay() -> None:
    # the differential is the premium's sum; the pay beside it, or said with it, is the pay
    premium = "A shift differential of $2.00 per hour is paid for any hours worked after 6:00 p.m."
    assert not holds(premium, "amount", "fraud analyst hourly pay")
    assert holds(premium, "amount", "extra pay for late shifts on the fraud team?")
    assert holds("$23.50/hour to $29.00/hour, plus a 2nd shift differential of $2.00/hour", "amount", "qc tech hourly pay")
    assert holds("The current full-time rate is $1,612.40 per week before penalty rates.", "amount", "grad rn weekly pay?")


def test_an_faq_item_whose_question_the_member_says_in_full_is_ranked_up(tmp_path: Path, settings: Settings) -> None:
    # "can i do the stage management apprenticeship part time" says every word of "Can I do
    # the apprenticeship part-time?" ("part time" for "part-time"): its "Not this year." answers,
    # not the eligibility list's "are not in full-time education"
    write(
        tmp_path,
        "apprenticeship.md",
        "# Stage Management Apprenticeship\n\nOur Stage Management Apprenticeship is an 18-month paid job for people "
        "who want a career backstage.\n\n## Who can apply\n\nYou can apply if, on 1 September 2025, you:\n\n"
        "- are aged 18 or over,\n- are not in full-time education, and\n- have the right to work in the UK.\n\n"
        "You don't need to have worked in a theatre before.\n\n## FAQ\n\n**Can I do the apprenticeship part-time?**\n"
        "Not this year. We are looking at a part-time route for the future.\n\n**Is there a job at the end?**\n"
        "We can't guarantee one, but we'll support you to find work.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answer = services_over(tmp_path, settings).answers.ask("can i do the stage management apprenticeship part time")
    assert answer.citations and answer.citations[0].question == "Can I do the apprenticeship part-time?"


def test_an_age_bound_said_with_under_or_over_is_an_age() -> None:
    asked = "is there a student discount for the stellweg design course, im 22"
    assert holds("We offer a 15% discount to students aged under 25.", "age", asked)
    assert holds("Half-price tickets for under-25s.", "age", asked)
    assert not holds("We offer a 15% discount to students.", "age", asked)


def test_money_asked_for_a_purpose_is_a_sum_said_of_that_purpose() -> None:
    asked = "how much relocation money does the developer advocate get"
    assert not holds("• An annual salary of €62,000 to €74,000, depending on experience", "amount", asked)
    assert holds("We pay up to €3,000 towards relocating to Rotterdam.", "amount", asked)
    # the money of a programme is for no one purpose, and "more money" names none
    assert holds("Fellows receive a stipend of €1,200 a month.", "amount", "how much is the fellowship money")
    assert holds("The salary is €40,000.", "amount", "how much more money do analysts get")
    assert holds("The salary is €40,000.", "amount", "pinecrest support engineer salary?")


def test_a_share_of_almost_nothing_left_is_no_absent_evidence(tmp_path: Path, settings: Settings) -> None:
    # "how much money do you get from the translators bursary?": its names and the sum's
    # "money" aside, only "get" is left, which the page never says; that is no sign that the
    # page lacks what is asked
    write(
        tmp_path,
        "bursary.md",
        "# Emerging Literary Translators' Bursary 2026\n\n*Pellucid Harrow Foundation, Dublin*\n\n"
        "Each year our bursary funds four translators at the start of their careers.\n\n"
        "**Stipend:** EUR 6,000, paid in two instalments\n**Duration:** 9 months, from 1 June 2026\n\n"
        "## Frequently asked questions\n\n**Q: Who is the bursary for?**\n\nTranslators at an early stage of "
        "their career.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    seen = answers.consider(answers.clean_question("how much money do you get from the translators bursary"))
    assert seen.evidence is not None and seen.evidence.absent == 0.0


def test_a_part_of_a_page_heading_a_programme_is_named_by_two_of_its_words(tmp_path: Path, settings: Settings) -> None:
    # a newsletter's two programmes, each under a heading of its own: the mentors' child
    # protection certificate is not asked of the glass residency
    write(
        tmp_path,
        "newsletter.txt",
        "QUORVANE MAKERSPACE - SPRING NEWSLETTER 2026\n\nHi makers,\n\nWe are opening applications for two "
        "programmes this season.\n\nYOUTH ELECTRONICS MENTORS (paid, part-time)\n\n"
        "Pay: DKK 185 per hour.\nWho: anyone aged 18 or over. Because you will work with children, we request a "
        "child protection certificate (børneattest) for every mentor.\n\n-----\n\nGLASS AND METAL ARTIST RESIDENCY 2026\n\n"
        "Dates: 1 September to 30 November 2026.\nPay: a monthly stipend of DKK 12,000.\n"
        "Housing: Housing is not provided.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("do i need a børneattest for the quorvane glass residency").verdict != "answer"
    answer = answers.ask("do youth electronics mentors need a børneattest")
    assert answer.verdict == "answer" and "børneattest" in answer.citations[0].snippet


def test_a_role_a_posting_only_mentions_is_not_answered_from_it(tmp_path: Path, settings: Settings) -> None:
    # the ML Platform Engineer's posting says "the platform our data scientists use"; the
    # technician's salary is no analyst's
    write(
        tmp_path,
        "ml-platform.md",
        "---\ntitle: ML Platform Engineer\norganization: Cobaltline\n---\n\n## About the role\n\nWe are hiring an ML "
        "Platform Engineer to join the ML Infrastructure team, who build the platform our data scientists use to "
        "train forecasting models.\n\n## Salary\n\nThe salary is EUR 70,000 to 80,000 a year.\n",
    )
    write(
        tmp_path,
        "technician.md",
        "---\ntitle: Laboratory Technician\norganization: Verdant Assay Labs\n---\n\n## About the role\n\nWe're hiring "
        "two Laboratory Technicians to prepare samples for our analysts.\n\n## Compensation\n\nEUR 32,000 – 36,000 a "
        "year depending on experience.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("is cobaltline hiring data scientists rn").verdict != "answer"
    assert answers.ask("how much do verdant analysts get paid").verdict != "answer"
    assert answers.ask("how much do verdant's analysts get paid").verdict != "answer"
    assert answers.ask("whats the salary for a data scientist at verdant").verdict != "answer"
    assert answers.ask("verdant senior chemist salary").verdict != "answer"
    assert answers.ask("what's the salary for the cobaltline product manager role").verdict != "answer"
    # a role said "X of Y" is named by its first word: a Director of Engineering is no engineer
    assert answers.ask("whats the salary for the director of engineering at cobaltline").verdict != "answer"
    # a word before the role's head that no posted title says names another role
    assert answers.ask("cobaltline frontend engineer salary").verdict != "answer"
    assert answers.ask("frontend engineer salary at cobaltline").verdict != "answer"
    assert answers.ask("verdant field technician job salary range").verdict != "answer"
    answer = answers.ask("verdant laboratory technician salary range")
    assert answer.verdict == "answer" and "32,000" in answer.citations[0].snippet
    answer = answers.ask("how much do verdant lab technicians get paid")
    assert answer.verdict == "answer" and "32,000" in answer.citations[0].snippet



def test_a_role_on_a_list_without_pay_is_not_paid_what_the_items_beside_it_say(tmp_path: Path, settings: Settings) -> None:
    # the Lab Assistant's item gives hours, not pay; "$21–$24/hour" is the Cellar Technician's
    write(
        tmp_path,
        "careers.md",
        "---\ntitle: Careers at Brightmash\n---\n\n# Careers at Brightmash\n\n## Open positions\n\n"
        "* [Cellar Technician](https://example.org/jobs/1) — full-time, early mornings; manage fermentation and "
        "tank cleaning. $21–$24/hour.\n"
        "* [Packaging Line Lead](https://example.org/jobs/2) — run our canning line and a crew of three. $23/hour.\n"
        "* [Quality Lab Assistant (seasonal, May–October)](https://example.org/jobs/3) — 24 hours a week running "
        "sensory panels and plating.\n"
        "* [Events Coordinator (part-time)](https://example.org/jobs/4) — 20 hours a week planning trivia nights "
        "and private events.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("quality lab assistant hourly pay").verdict != "answer"
    assert answers.ask("events coordinator pay at brightmash").verdict != "answer"
    answer = answers.ask("cellar technician pay")
    assert answer.verdict == "answer" and "$21–$24/hour" in answer.citations[0].snippet


def test_a_list_of_what_each_group_gets_shows_the_asked_groups_item(tmp_path: Path, settings: Settings) -> None:
    # the rangers' item says "travel costs" and is as close in meaning; the volunteers' is asked
    write(
        tmp_path,
        "travel.md",
        "# Accommodation and travel: where volunteers and staff stay\n\n## Travel expenses\n\n"
        "- **Volunteers:** we reimburse the cost of your journey to the park at the start of your placement and home "
        "at the end, up to £60 each way, for standard-class rail or coach tickets.\n"
        "- **Seasonal rangers:** we do not pay relocation or travel costs for rangers moving to the area.\n",
    )
    write(tmp_path, "rangers.md", "# Seasonal ranger posts\n\n## Hours\n\nRangers work 37.5 hours a week.\n")
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("do volunteers get travel costs back")
    assert answer.citations and answer.citations[0].snippet.startswith("• Volunteers:")


def test_what_a_programme_gives_is_not_answered_by_what_applicants_must_hold(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "apprenticeship.md",
        "# Stage Management Apprenticeship\n\n## Who can apply\n\nYou can apply if you:\n\n- are 18 or over\n"
        "- do not already hold a degree or higher qualification in stage management or technical theatre\n\n"
        "## Training and qualification\n\nAlongside your work you will study one day a week for the Level 3 "
        "Diploma in Technical Theatre, which we pay for.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("what qualification do you get on the stage management apprenticeship")
    assert answer.citations and answer.citations[0].section == "Training and qualification"


def test_the_hours_under_a_schedule_heading_are_shown_from_its_first_line(tmp_path: Path, settings: Settings) -> None:
    # the second line says "2nd shift hours" in words; the first says the hours
    write(
        tmp_path,
        "qc.md",
        "---\ntitle: Quality Control Technician I, 2nd Shift\n---\n## Schedule\n\n"
        "- Monday to Friday, 2:30 p.m. to 11:00 p.m.\n"
        "- Your first six weeks are spent in training on 1st shift, 7:00 a.m. to 3:30 p.m., before you move to "
        "your regular 2nd shift hours.\n- Occasional Saturday coverage is needed, with two weeks' notice.\n\n"
        "## The team\n\nYou join a team of eight.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("what are the hours for the 2nd shift qc technician job")
    assert answer.citations and answer.citations[0].snippet.startswith("• Monday to Friday, 2:30 p.m. to 11:00 p.m.")

def test_paid_is_said_by_a_passage_that_says_what_a_role_pays() -> None:
    # "are tutors paid?" is answered by "Tutoring is an unpaid volunteer role": "paid" is the
    # kind asked for, said in the passage's words
    assert kind_nouns("are dunmere library tutors paid", "amount") == {"paid"}
    assert kind_nouns("how much money do you get", "amount") == {"money"}


def test_a_span_said_with_an_adjective_is_how_long_it_lasts() -> None:
    asked = "how long is the loomwork community manager contract"
    assert holds("This is a contract position for an initial six months, with the option to extend.", "duration", asked)


def test_how_long_a_programme_lasts_asked_short_is_not_its_working_week() -> None:
    asked = "gullhaven internship how long"
    assert asked_kind(asked) == "duration"
    assert not holds_as_asked("About 40 hours, Monday to Friday.", "duration", asked, "What does a normal week look like?")
    assert holds_as_asked("Ten weeks, from 8 June to 13 August 2027.", "duration", asked, "How long does the internship run?")


def test_how_long_a_programme_lasts_is_said_by_its_length_line_not_by_a_stage_of_it() -> None:
    asked = "how long is the copperbine brewing apprenticeship"
    assert holds("• Length: 18 months, full-time (40 hours a week)", "duration", asked)
    # ... among the other key facts
    assert holds("• Places: 8\n• Start date: Monday 1 September 2025\n• Length: 4 years", "duration", asked)
    assert not holds("• $19.00 per hour for the first 9 months", "duration", asked)
    assert not holds("This is a part-time role of about 20 hours per week.", "duration", asked)


def test_the_size_of_money_given_is_an_amount_asked() -> None:
    # "kindling grant amount", "whats the max kindling grant" ask for a sum, as "how much" does
    for asked in ("kindling grant amount", "whats the max kindling grant", "what is the size of the travel grant"):
        assert asked_kind(asked) == "amount", asked
    assert kind_nouns("kindling grant amount", "amount") == {"amount"}
    assert asked_kind("what amount of experience do i need") != "amount"


def test_the_kind_asked_is_no_word_of_a_sibling_programmes_name(tmp_path: Path, settings: Settings) -> None:
    # "remote" of "hf residency remote?" is what is asked, though a sibling posting's title
    # ends "EMEA remote"
    write(
        tmp_path,
        "residency.md",
        "---\ntitle: AI Research Residency\norganization: Hugging Face\n---\n\n## FAQs\n\n**Will I be required to "
        "relocate for this residency?**\nAbsolutely not! We are a distributed team and you are welcome to work from "
        "wherever you are.\n\n**Are there fees?**\nThere are no fees to participate in the program.\n",
    )
    write(
        tmp_path,
        "mle.md",
        "---\ntitle: Machine Learning Engineer in the Optimization team - EMEA remote\norganization: Hugging Face\n---\n\n"
        "## About the role\n\nYou will optimise models for hardware partners.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answer = services_over(tmp_path, settings).answers.ask("hf residency remote?")
    assert answer.verdict == "answer" and "Absolutely not" in answer.citations[0].snippet


def test_a_premium_asked_is_answered_by_its_own_sum_not_the_salary_beside_it() -> None:
    asked = "how much is the on call stipend at quillmoor"
    assert not holds("The base salary is CA$135,000 – CA$155,000 per year, with an on-call stipend.", "amount", asked)
    assert holds("You receive an on-call allowance of €300 for each week.", "amount", asked)
    assert holds("On-call: €300 per week.", "amount", asked)
    told = "You receive an on-call stipend of $350 a week on call, and any callout is paid at double time."
    assert holds(told, "amount", "electrician callout pay?")


def test_when_a_programme_was_announced_is_answered_by_its_dated_opening(tmp_path: Path, settings: Settings) -> None:
    # the publication date is shown with the citation of the document's opening
    write(
        tmp_path,
        "residency.md",
        "---\ntitle: Announcing the AI Research Residency Program\ndate: 2022-02-25\n---\n\nThe Residency Program is a "
        "9-month role designed to launch your career in machine learning research.\n\n## FAQs\n\n**Can I complete the "
        "program part-time?**\nNo. The Residency is only offered as a full-time position.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("when was the ai research residency announced")
    assert answer.verdict == "answer" and answer.citations[0].published == date(2022, 2, 25)
    assert asks_published("how old is this posting?") and not asks_published("when does the residency start?")


def test_remote_sensing_and_remote_areas_say_nothing_of_where_one_works() -> None:
    asked = "is the ml researcher job at kestrelworks remote"
    assert not holds("A PhD or equivalent research experience in machine learning or remote sensing", "workplace", asked)
    assert not holds("Experience organising fieldwork in remote areas", "workplace", asked)
    assert holds("Location: Tallinn, Estonia, or remote within the EU", "workplace", asked)


def test_a_stipend_for_a_purpose_is_a_sum_said_of_that_purpose() -> None:
    asked = "fennick home office stipend?"
    assert not holds("• Salary: CHF 95k–110k per year (13 monthly payments)", "amount", asked)
    assert holds("• A one-off home office budget of CHF 1,000", "amount", asked)
    # a stipend named by whose it is has no purpose
    assert holds("Fellows receive a stipend of €1,200 a month.", "amount", "quillmere stipend?")


def test_an_eligibility_question_is_shown_the_requirements_from_the_first(tmp_path: Path, settings: Settings) -> None:
    # the member's own "pytorch experience" does not choose the bullet shown: the list decides
    write(
        tmp_path,
        "meta.txt",
        "Research Scientist Intern, AI Alignment\n\nAbout the job\n\nMeta is seeking Research Scientist Interns to join "
        "the AI Alignment team.\n\nMinimum Qualifications\n\n- Currently has or is in the process of obtaining a Ph.D. "
        "degree in Computer Science, Machine Learning or a relevant technical field\n- Experience with Python, C++ or "
        "Java\n- Experience with deep learning frameworks such as Pytorch or Tensorflow\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answer = services_over(tmp_path, settings).answers.ask(
        "im a 2nd year undergrad in physics with some pytorch experience, could i apply to the meta ai alignment intern role?"
    )
    assert answer.citations and answer.citations[0].snippet.startswith("• Currently has or is in the process")
    assert asks_eligibility("am i still eligible if i graduated in 2019") and not asks_eligibility("how do i apply")


def test_a_person_to_write_to_by_name_is_a_contact() -> None:
    asked = "who should i message about the hf fellowship"
    assert holds("Do not hesitate to send a direct message to [Merve Noyan](https://x.com/merve) if you wish.", "contact", asked)
    assert holds("Write to Dr Aoife Marren with any questions.", "contact", asked)
    # ("Contact Us" names no one)
    assert not _CONTACT_PERSON.search("Contact Us for more information.")


def test_paid_or_unpaid_asks_whether_it_is_paid() -> None:
    for asked in ("is the hf residency paid or unpaid lol", "do volunteers get paid or not?", "is it paid tbh"):
        assert asked_kind(asked) == "amount", asked


def test_how_many_holidays_asks_for_days_of_leave() -> None:
    asked = "how many holidays do grunwald shift leads get"
    assert asked_kind(asked) == "duration"
    assert holds("• 30 days of holiday per year", "duration", asked)


def test_is_the_thing_paid_is_answered_by_the_paid_thing() -> None:
    asked = "is the trial shift at the bakery paid"
    assert holds("We'll invite you to a paid trial shift (Probearbeiten) of about four hours.", "amount", asked)
    assert not holds("Paid further training, for example towards the Meister qualification.", "amount", asked)


def test_a_programme_named_by_its_season_is_an_edition_of_that_season() -> None:
    # "saltinge summer internship dates" is not answered by the "Spring Internship" page
    assert edition_seasons("Saltinge Spring Internship 2026") == {"spring"}
    assert edition_seasons("when is the summer internship") == {"summer"}
    assert edition_seasons("the Autumn Clay Residency") == {"autumn"}
    assert not edition_seasons("what does the summer look like for interns")



def test_a_passage_that_only_calls_to_apply_answers_only_how_to_apply() -> None:
    # "Apply now (https://…)" under a newsletter's heading says nothing of housing
    apply = Passage(3, "news.md", "Newsletter", "Applications open", None, "Apply now (https://brackenlow.example/apprentices)", 9)
    assert _only_a_call_to_apply(apply, "is there somewhere to stay for the brackenlow apprentices")
    assert not _only_a_call_to_apply(apply, "how do i apply for the brackenlow apprentices")
    prose = Passage(2, "news.md", "Newsletter", "Apprentices", None, "Apprentices stay in our cottage. Apply now.", 5)
    assert not _only_a_call_to_apply(prose, "is there somewhere to stay for the brackenlow apprentices")


def test_a_question_asking_for_things_of_a_kind_names_them() -> None:
    assert listed_nouns("what benefits do halyard grads get") == ("benefits",)
    assert listed_nouns("which internships are in the science team?") == ("internships",)
    assert listed_nouns("what are the requirements for the traineeship") == ("requirements",)
    assert listed_nouns("what is the process") == ()
    assert listed_nouns("whats the salary") == ()


_BENEFITS = (
    "---\ntitle: Supply Chain Analyst\n---\n## Location\n\nWedmore, Somerset.\n\n## Salary and benefits\n\n"
    "We look after our people:\n\n"
    "- £42,000 to £48,000 per year, depending on experience\n- Annual profit share, paid each March\n"
    "- 27 days annual leave plus bank holidays, and your birthday off\n"
    "- 6% employer pension contribution when you put in 4%\n"
    "- £750 annual learning budget, plus paid study leave for CIPS qualifications\n"
    "- Laptop and second monitor for home, and a £200 home-office allowance\n"
    "- Cycle-to-work scheme and free parking at Wedmore\n"
)


def test_a_list_asked_for_is_shown_from_its_start(tmp_path: Path, settings: Settings) -> None:
    # "employer" in the pension item matches "employees"; the benefits asked are the whole list
    write(tmp_path, "analyst.md", _BENEFITS)
    write(
        tmp_path,
        "rotation.md",
        "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n",
    )
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("what benefits do supply chain analyst employees get")
    assert answer.citations
    assert answer.citations[0].snippet.startswith("We look after our people:\n• £42,000 to £48,000 per year")


def test_a_list_too_long_to_show_whole_says_that_items_are_left_out(
    tmp_path: Path, settings: Settings
) -> None:
    settings = replace(settings, answers=replace(settings.answers, snippet_chars=240))
    write(tmp_path, "analyst.md", _BENEFITS)
    write(
        tmp_path,
        "rotation.md",
        "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n",
    )
    answer = services_over(tmp_path, settings).answers.ask(
        "what benefits do supply chain analyst employees get"
    )
    assert answer.citations
    shown = answer.citations[0].snippet
    assert shown.startswith("We look after our people:") and shown.endswith("\n…") and len(shown) <= 240


def test_a_list_whose_items_each_say_the_thing_under_a_label_shows_the_asked_item(
    tmp_path: Path, settings: Settings
) -> None:
    write(
        tmp_path,
        "tracks.md",
        "# Nurse Residency: rotation guide\n\n## Specialty tracks\n\n"
        "- Track: Medical-Surgical; Hospitals: Salem, Corvallis, Albany, McMinnville; Orientation: 12 weeks\n"
        "- Track: Critical Care; Hospitals: Salem, Corvallis; Orientation: 16 weeks\n"
        "- Track: Emergency; Hospitals: Salem, Corvallis, Albany; Orientation: 16 weeks\n"
        "- Track: Perioperative; Hospitals: Salem; Orientation: 16 weeks\n"
        "- Track: Labor and Delivery, NICU; Hospitals: Corvallis; Orientation: 16 weeks\n",
    )
    write(
        tmp_path,
        "rotation.md",
        "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n",
    )
    answer = services_over(tmp_path, settings).answers.ask(
        "which hospitals have the labor and delivery track"
    )
    assert answer.citations and "Labor and Delivery" in answer.citations[0].snippet.split("\n")[0]


def test_pay_asked_at_a_place_another_posting_is_at_is_not_this_postings_pay(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "dispatcher.md",
        "---\ntitle: Night Dispatcher\nkind: posting\nlocation: Columbus, OH\n---\n## Pay\n\n$24.50/hour to $29.00/hour, plus a $1.50/hour "
        "night shift differential.\n\n## Schedule\n\nFour 10-hour nights a week.\n",
    )
    write(
        tmp_path,
        "supervisor.md",
        "---\ntitle: Warehouse Supervisor\nkind: posting\nlocation: Indianapolis, IN\n---\n## The role\n\nYou lead a team of dock "
        "associates at our cross-dock.\n",
    )
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("night dispatcher pay in columbus").verdict == "answer"
    assert answers.ask("night dispatcher pay in indianapolis").verdict != "answer"


def test_how_a_programme_works_is_answered_by_its_overview(seed_services: Services, tmp_path: Path, settings: Settings) -> None:
    # the page's opening says "work" and "contributors" more; the section headed so says how it goes
    answer = seed_services.answers.ask("how does the hf fellowship work")
    assert answer.citations and answer.citations[0].section.startswith("How the Fellowship works")
    assert asks_overview("so how does the lumen fellowship work exactly")
    # ... and not by an FAQ item that says "work" of something else
    write(
        tmp_path,
        "veridian.md",
        "---\ntitle: Veridian Fellowship\n---\n# Veridian Fellowship\n\nThe Veridian Fellowship is a full-time research "
        "fellowship for 14 fellows, from September 2026 to June 2027, paying €3,200 a month.\n\n## FAQ\n\n"
        "### Can I work remotely?\n\nNo. Fellows must live in Port Severin; up to 3 weeks of remote work are allowed.\n\n"
        "### Can I keep a part-time job?\n\nNo. Outside employment is not permitted during the fellowship.\n",
    )
    write(tmp_path, "other.md", "---\ntitle: Harbour Internship\n---\n# Harbour Internship\n\nTwelve weeks in the lab.\n")
    answer = services_over(tmp_path, settings).answers.ask("how does the veridian thing work")
    assert answer.citations and answer.citations[0].snippet.startswith("The Veridian Fellowship is a full-time")
    assert asks_overview("explain the lumen fellowship")
    assert not asks_overview("how does the mentor pairing work for remote fellows and when do we meet")


def test_a_members_age_and_school_year_are_said_by_an_age_bound(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "bootcamp.md",
        "# Lanternfold Evening Bootcamp\n\nTwelve weeks of web development, two evenings a week.\n\n"
        "## Requirements\n\n- You must be 18 or over on the start date.\n"
        "- You need your own laptop with at least 8 GB of RAM.\n\n"
        "## Cost\n\nThe bootcamp costs £1,200; six bursary places cover it in full.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("im 17 and in year 12, can i join the lanternfold evening bootcamp")
    assert answer.verdict == "answer" and "18 or over" in answer.citations[0].snippet
    # "old" of "how old do i need to be" is said by the bound too
    write(
        tmp_path,
        "volunteers.md",
        "# Tamarind Rural Health Volunteers\n\n## Questions and answers\n\n### Who can volunteer?\n\nAnyone aged 21 "
        "or over with a background in nursing, public health or nutrition.\n\n### Do I need vaccinations?\n\n"
        "A yellow fever certificate is required if you arrive from a country with yellow fever risk.\n",
    )
    answer = services_over(tmp_path, settings).answers.ask("how old do i need to be to volunteer with tamarind")
    assert answer.verdict == "answer" and "21 or over" in answer.citations[0].snippet


def test_a_season_with_its_year_is_an_edition() -> None:
    assert edition_seasons("Applications for Spring 2026 close on 18 December 2025") == {"spring"}
    assert not edition_seasons("we run two cohorts a year, in spring and in autumn")


def test_another_seasons_deadline_answers_no_deadline_asked_of_this_season(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "mentorship.md",
        "# Quillfeather Mentorship\n\n## Summer cohort 2026\n\n- Applications close: 1 March 2026 (23:59 UTC)\n"
        "- Results announced: 20 March 2026\n\nThe winter cohort runs from October to December; its dates come later.\n",
    )
    write(
        tmp_path,
        "circle-faq.md",
        "# Founders Circle: FAQ\n\n## What's the deadline for the spring cohort?\n\n1 March 2027 at 23:59 Lisbon time.\n\n"
        "## Is it free?\n\nYes, Founders Circle is free.\n",
    )
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("when do applications close for the quillfeather summer cohort").verdict == "answer"
    assert answers.ask("when do applications close for the quillfeather winter cohort").verdict != "answer"
    assert answers.ask("spring founders circle deadline").verdict == "answer"
    assert answers.ask("autumn founders circle deadline").verdict != "answer"


def test_a_role_never_posted_is_not_paid_what_a_posting_titled_by_another_role_pays(tmp_path: Path, settings: Settings) -> None:
    # a two-column vacancy notice, whose role is read from no field: its title names it
    write(
        tmp_path,
        "orvanne-vacancy.txt",
        "ORVANNE BIOSCIENCES LTD                                        VACANCY NOTICE\n"
        "Ref: OBV-LT-0412                                               Issued 2 June 2026\n\n"
        "Laboratory Technician (Cell Culture)\n\n"
        "Location: Dunmere Park, Kelsby                  Salary: £28,500 per annum\n"
        "Contract: Permanent, full-time                  Hours: 37.5 hours per week\n\n"
        "Main duties\n- Maintain mammalian cell lines using aseptic technique.\n- Prepare culture media and reagents.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("orvanne lab tech salary?").verdict == "answer"
    assert answers.ask("orvanne senior scientist salary").verdict != "answer"


def test_a_premium_said_as_a_rate_or_per_week_of_it_answers_what_it_is() -> None:
    salary = "• £31,000 – £36,500 per year, depending on experience, plus a 15% shift allowance on top of base salary."
    assert holds_as_asked(salary, "amount", "whats the shift allowance for soc analysts")
    on_call = "Take part in a one-week on-call rotation every seven weeks, with a stipend of $500 per on-call week"
    assert holds_as_asked(on_call, "amount", "on call stipend pipeline engineer")
    # the salary beside a premium unpriced is still no premium's sum
    assert not holds_as_asked("CA$135,000 – CA$155,000 per year, with an on-call stipend", "amount", "on call stipend?")


def test_a_role_posted_in_a_newsletter_or_said_by_a_short_word_is_posted(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "newsletter.txt",
        "Wyncombe Active Newsletter\n\nNews from Wyncombe Active Trust, February 2026.\n\n"
        "ROLE 2: ADULT RUNNING COACH (BACK TO RUNNING)\n\nThe Adult Running Coach will lead our Back to Running groups.\n"
        "- Pay: £17.00 per hour, paid monthly.\n- Hours: two evenings a week.\n",
    )
    write(
        tmp_path,
        "careers.md",
        "---\ntitle: Tallyfin careers\n---\n# Tallyfin careers\n\n## Open roles\n\n"
        "- Role: Senior iOS Engineer; Team: Mobile; Location: Remote (UK); Salary: £78,000 to £92,000\n"
        "- Role: Data Insights Analyst; Team: Data; Location: Castlebridge; Salary: £42,000\n\n"
        "## Senior iOS Engineer\n\nOur iOS app is written in Swift with SwiftUI.\n",
    )
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("how much does the running coach get paid").verdict == "answer"
    assert answers.ask("senior ios engineer salary at tallyfin").verdict == "answer"


def test_what_people_get_is_asked_in_the_words_documents_use_for_it(tmp_path: Path, settings: Settings) -> None:
    assert "(receive benefits)" in said_plainly("what do civic data fellows get")
    assert "receive" not in said_plainly("what do i get paid")
    # (a clause between is no one who gets something)
    assert "receive" not in said_plainly("what do operators make once they get their grade 2")
    write(
        tmp_path,
        "fellowship.md",
        "# Civic Data Fellowship\n\nThe Civic Data Fellowship places data scientists with city governments for eleven "
        "months to work on open data projects.\n\n## About the programme\n\nFellows work in pairs inside a municipal "
        "department.\n\n### Is the fellowship paid?\n\nYes. Fellows receive a monthly stipend of €2,400 and a laptop.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answer = services_over(tmp_path, settings).answers.ask("what do civic data fellows get")
    assert answer.citations and "€2,400" in answer.citations[0].snippet


def test_pay_asked_at_a_place_the_knowledge_base_never_names_is_not_a_postings_pay(tmp_path: Path, settings: Settings) -> None:
    write(
        tmp_path,
        "qc.md",
        "---\ntitle: QC Laboratory Technician\nkind: posting\nlocation: Kraków, Poland\n---\n## Pay\n\n"
        "Salary: PLN 9,500 to 11,500 gross per month.\n\n## The team\n\nYou join a quality control team of six.\n",
    )
    write(tmp_path, "rotation.md", "# Graduate Rotation Program\n\n## Teams\n\nGraduates join three teams in turn.\n")
    answers = services_over(tmp_path, settings).answers
    assert answers.ask("qc lab technician salary in krakow").verdict == "answer"
    assert answers.ask("qc lab technician salary in pln").verdict == "answer"
    assert answers.ask("qc lab technician salary in warsaw").verdict != "answer"


def test_what_people_get_asks_for_the_whole_list_of_what_they_receive() -> None:
    assert listed_nouns("what do calder scholars get") == ("receive", "benefits")


def test_an_age_is_asked_by_the_noun_and_the_childrens_age_is_not_the_applicants() -> None:
    assert asked_kind("camp counsellor age?") == "age"
    asked = "can a 17 year old be a holiday camp counsellor"
    # the children the counsellor looks after are not who may apply
    assert not holds_as_asked("Lead games and trips for children aged 5–12 at the camp.", "age", asked)
    assert holds_as_asked("Age: 18 or over", "age", asked)
    assert holds_as_asked("Children aged 5–12 attend; counsellors must be 18 or over.", "age", asked)
    # ... unless the children's age is what is asked
    assert holds_as_asked("School visits are for children aged 7–11.", "age", "what age are the kids on the school visits")


def test_a_table_rows_label_says_what_each_cells_date_is() -> None:
    # "Start date; Campus A: 1 September 2025; Campus B: 15 September 2025", as table rows are read
    row = "Start date; Tidewater General (Port Ellery): 1 September 2025; Ashgrove Hospital: 15 September 2025"
    assert holds_as_asked(row, "date", "when does the tidewater general residency start")
    closing = "Closing date; Campus A: 1 May 2025; Campus B: 2 May 2025"
    assert holds_as_asked(closing, "date", "deadline for campus a?")
    assert not holds_as_asked(closing, "date", "when does campus a start")  # a closing date is no start


def test_pay_said_before_other_money_in_one_sentence_is_the_pay_and_grads_are_a_group() -> None:
    from bot.search.answer_type import for_another_group

    asked = "how much do london grads get paid"
    said = "• London: £38,500 a year in year one, rising to £42,000 in year two, plus a £2,000 signing bonus."
    assert holds_as_asked(said, "amount", asked)
    # other money alone is still no pay, however the sentence goes on
    assert not holds_as_asked("Interns get free lunch, plus a £500 travel budget.", "amount", asked)
    # graduates are a group, and interns another: the interns' pay is not the graduates'
    assert for_another_group(asked, "London interns are paid £3,100 a month.")
    assert not for_another_group("how much do graduates get paid", "Grads are paid £38,500 a year.")


def test_a_roles_pay_is_shown_from_its_pay_line_not_a_later_line_that_says_its_name(tmp_path: Path, settings: Settings) -> None:
    # under "Seasonal Cellar Hand", the heading chose the passage: "cellar" in a later line
    # ("Previous cellar experience …") must not drag the snippet past the "Pay:" line
    roles = (
        "<h2>Seasonal Cellar Hand</h2><p>Team: Winery · Location: Kestrel Valley · Pay: £13.50 per hour</p>"
        "<p>A 10-week fixed-term contract. You will run the press and move barrels. Contracted hours are 45 per "
        "week; hours above 45 are paid at time and a half.</p><ul><li>Must be 18 or over</li>"
        "<li>Previous cellar or brewery experience is an advantage</li></ul>"
        '<p><a href="https://alderhaven.example/jobs/cellar">Apply for Seasonal Cellar Hand</a></p>'
        "<h2>Tasting Room Host</h2><p>Team: Hospitality · Location: Saltmarsh Point · Pay: £12.80 per hour</p>"
        "<p>You will pour wines and run tastings for visitors.</p>"
        '<p><a href="https://alderhaven.example/jobs/host">Apply for Tasting Room Host</a></p>'
    )
    _careers_page(tmp_path, "Harvest jobs | Alderhaven Wines", roles)
    write(tmp_path, "rangers.md", "# Seasonal Rangers\n\n## Pay\n\nRangers earn $21 an hour.\n")
    answers = build_services(settings, snapshot_from_folder(tmp_path, settings)).answers
    shown = answers.ask("cellar hand pay").citations[0].snippet
    assert shown.startswith("Team: Winery") and "£13.50" in shown


def test_a_multiple_of_the_pay_or_hours_a_week_is_no_pay() -> None:
    from bot.search.answer_type import holds_as_asked

    overtime = "Contracted hours are 45 per week; hours above 45 are paid at time and a half."
    assert not holds_as_asked(overtime, "amount", "cellar hand pay", None)
    assert holds_as_asked(overtime, "amount", "is overtime paid extra?", None)  # what overtime earns is asked
    assert holds_as_asked("Contracted hours are 45 per week, paid at £12 per hour.", "amount", "cellar hand pay", None)


def test_an_emails_numbered_roles_are_roles_whose_sections_are_their_own(tmp_path: Path, settings: Settings) -> None:
    role = "{n}) {title}\nTeam: {team}\nLocation: {place}\nSalary: {pay}\n{extra}Closing date: 6 January 2027\n\n"
    write(
        tmp_path,
        "staff-vacancies-email.txt",
        "From: Thornveld Trust <jobs@thornveld.example>\nSubject: Staff vacancies 2027\n\nHi all,\n\n"
        "Please share these four vacancies with your members.\n\n"
        + role.format(n=1, title="Field Research Officer", team="Research", place="Laikipia, Kenya", pay="KES 180,000 per month", extra="")
        + role.format(n=2, title="Volunteer Coordinator", team="Volunteers", place="Windhoek, Namibia", pay="N$28,000 per month", extra="")
        + role.format(
            n=3,
            title="Communications Officer",
            team="Fundraising",
            place="UK, remote",
            pay="£31,000 a year",
            extra="Benefits: 28 days' holiday plus bank holidays, 6% employer pension contribution\n",
        )
        + role.format(n=4, title="Camp Manager", team="Operations", place="Orupembe, Namibia", pay="N$22,000 per month", extra="")
        + "To apply, send your CV to jobs@thornveld.example.\n",
    )
    write(tmp_path, "rangers.md", "# Seasonal Rangers\n\n## Pay\n\nRangers earn $21 an hour.\n")
    services = build_services(settings, snapshot_from_folder(tmp_path, settings))
    titles = sorted(r.title for r in services.roles.list())
    assert titles == ["Camp Manager", "Communications Officer", "Field Research Officer", "Volunteer Coordinator"]
    # the pension and the holidays are the communications officer's, not the others'
    assert services.answers.ask("is there a pension with the camp manager job").verdict != "answer"
    assert services.answers.ask("how many days holiday does the volunteer coordinator get").verdict != "answer"
    assert services.answers.ask("how many days holiday does the communications officer get").verdict == "answer"


def test_pay_for_working_nights_asks_for_the_night_premium_not_the_pay() -> None:
    from bot.search.answer_type import holds_as_asked

    asked = "how much do electrical apprentices get paid for night shifts"
    assert not holds_as_asked("• Pay: Year 1 £15,200 - Year 2 £17,600 - Year 3 £20,900", "amount", asked, None)
    assert holds_as_asked("Apprentices work nights one week in four, with a 30% night enhancement.", "amount", asked, None)
    assert holds_as_asked("There is a weekend supplement of £2 an hour.", "amount", "do you get paid more for weekends", None)
    assert holds_as_asked("• Pay: £15,200 a year", "amount", "how much do apprentices get paid", None)


def test_a_tables_roles_are_posted_under_their_headings_and_named_by_their_names(tmp_path: Path, settings: Settings) -> None:
    from bot.services.answers import _role_mentions
    from bot.snapshot import RoleSection

    rows = (
        "<tr><th>Role</th><th>Team</th><th>Closing date</th></tr>"
        "<tr><td>Postdoctoral Research Assistant (ref. CDG-0428)</td><td>Ice Dynamics</td><td>30 June 2025</td></tr>"
        "<tr><td>Field Technician (ref. CDG-0431)</td><td>Field Operations</td><td>15 July 2025</td></tr>"
        "<tr><td>Lab Manager (part-time, permanent)</td><td>Labs</td><td>1 August 2025</td></tr>"
    )
    roles = (
        "<h2>Postdoctoral Research Assistant</h2><ul><li>Salary £38,249 per annum</li><li>Hybrid, up to 2 days a week "
        "from home</li></ul><h2>Field Technician</h2><ul><li>Salary £27,644 per annum, plus a polar field allowance of £35 "
        "per day while deployed</li></ul><h2>Lab Manager</h2><ul><li>Salary £31,000 pro rata</li></ul>"
    )
    _careers_page(tmp_path, "Work with us | Northmoor Glaciology", roles, rows)
    write(tmp_path, "rangers.md", "# Seasonal Rangers\n\n## Pay\n\nRangers earn $21 an hour.\n")
    snap = build_services(settings, snapshot_from_folder(tmp_path, settings)).answers.holder.current
    (sections,) = snap.role_sections.values()
    # each row's role is posted under the heading that says its title without the row's aside
    headed = {snap.corpus.passages[min(s.positions)].section for s in sections}
    assert headed == {"Postdoctoral Research Assistant", "Field Technician", "Lab Manager"}
    # a title's terms of employment name no role: "part-time" is no word of the Lab Manager's name
    lab = next(s for s in sections if "lab" in s.terms)
    assert not lab.terms & {"part", "time", "perman"}
    # of two roles named by one word each, the one named by a word that names it in the
    # knowledge base is named more ("field" is a word of any question)
    postdoc = RoleSection(frozenset({"postdoctor", "research"}), frozenset({1}), False, "assist")
    field = RoleSection(frozenset({"field", "technician"}), frozenset({2}), False, "technician")
    said = _role_mentions((postdoc, field), {"postdoctor", "field", "allow"}, {"postdoctor"})
    assert said[0] > said[1]


def test_a_general_faq_that_speaks_of_the_named_programme_answers_what_its_page_never_says(
    tmp_path: Path, settings: Settings
) -> None:
    write(
        tmp_path,
        "night-route.md",
        "# Deckhand – Northern Night Route\n\n## The job\n\nYou will moor the MV Aurora Varrey and keep watch on the "
        "overnight crossing.\n\n## Pay\n\n£2,300 a month, plus £18 sea allowance per night.\n",
    )
    write(
        tmp_path,
        "crew-faq.md",
        "# Seasonal crew – frequently asked questions\n\nThese are the questions crews on the Holm Shuttle and the "
        "Northern Night Route ask most.\n\n## Is there Wi-Fi on board?\n\nOn the Aurora Varrey there is a crew Wi-Fi "
        "network with 2 GB of data per person per day.\n\n## When do I get paid?\n\nMonthly, on the 28th.\n",
    )
    write(
        tmp_path,
        "holm-shuttle.md",
        "# Deckhand – Holm Shuttle\n\n## The job\n\nYou will handle lines on the 25-minute crossing.\n\n"
        "## Pay\n\n£12.90 per hour.\n",
    )
    # a programme's own page is none of the crews': its answers are its interns'
    write(
        tmp_path,
        "crew-internship.md",
        "# Crew Internship – Summer 2025\n\n## Is there Wi-Fi on board?\n\nNo, interns on the Night Route have no Wi-Fi.\n",
    )
    answers = build_services(settings, snapshot_from_folder(tmp_path, settings)).answers
    answer = answers.ask("crew wifi night route?")
    assert answer.verdict == "answer" and answer.citations[0].source == "crew-faq.md"


def test_a_stipend_asked_is_not_other_money_paid_with_it() -> None:
    from bot.search.answer_type import holds_as_asked

    asked = "city studio stipend?"
    assert holds_as_asked("• Your stipend of £400 per week is paid fortnightly.", "amount", asked, None)
    assert not holds_as_asked("• Housing allowance (£150/week) is paid together with your stipend.", "amount", asked, None)
    assert not holds_as_asked("• Materials budget (£750): send receipts by the 15th.", "amount", asked, None)
    assert holds_as_asked("• A housing allowance of £150 per week", "amount", "city studio housing allowance?", None)


def test_a_page_of_the_organisation_called_by_nothing_of_its_own_answers_for_every_site(
    tmp_path: Path, settings: Settings
) -> None:
    roles = (
        "<h2>Baker – Hollins Bakehouse</h2><ul><li>Location: Hollins Bakehouse, Trade Lane</li><li>Pay: £13.20 per hour"
        "</li></ul><p>You will shape and bake bread overnight.</p>"
        '<p><a href="https://kilnworth.example/jobs/baker">Apply for Baker</a></p>'
        "<h2>Shop Assistant – Tanner Street</h2><ul><li>Location: Tanner Street shop</li><li>Pay: £12.21 per hour</li></ul>"
        "<p>You will serve customers in our café.</p>"
        '<p><a href="https://kilnworth.example/jobs/shop">Apply for Shop Assistant</a></p>'
    )
    _careers_page(tmp_path, "Work with us | Kilnworth Bread Co-operative Ltd", roles)
    write(
        tmp_path,
        "staff-faq.md",
        "---\ntitle: Staff FAQ – working at Kilnworth\norg: Kilnworth Bread Co-operative\n---\n\n"
        "## Can I smoke or vape on my break?\n\nAt Hollins, only at the shelter at the far end of the car park. Tanner "
        "Street is completely smoke-free.\n\n## Can I bring my dog to work?\n\nNo. For food safety reasons no animals are "
        "allowed at either site.\n",
    )
    write(tmp_path, "rangers.md", "# Seasonal Rangers\n\n## Pay\n\nRangers earn $21 an hour.\n")
    answers = build_services(settings, snapshot_from_folder(tmp_path, settings)).answers
    smoke = answers.ask("can i smoke at hollins")
    assert smoke.verdict == "answer" and smoke.citations[0].source == "staff-faq.md"
    # a rule it gives without the site's name is shown, but as possibly not answering
    dog = answers.ask("can i bring my dog to the bakehouse with me")
    assert dog.verdict == "unsure" and dog.citations[0].source == "staff-faq.md"


def test_a_heading_that_names_a_programme_names_its_document(tmp_path: Path, settings: Settings) -> None:
    """An FAQ of two traineeships, under "Blacksmithing Traineeship" and "Stonemasonry
    Traineeship", is called by both names, as the interview day's e-mail about one of them
    is: "how many places on the stonemasonry traineeship" is answered from the FAQ, not
    declined over the e-mail, which says nothing of places. A heading that is no name
    ("After the apprenticeship") names nothing."""
    write(
        tmp_path,
        "traineeships-faq.md",
        "---\ntitle: Heritage Craft Traineeships 2025 – FAQ\norg: Bellows Heritage Trust\n---\n\n"
        "# Heritage Craft Traineeships 2025 – FAQ\n\nWe run two paid traineeships in traditional crafts.\n\n"
        "## Blacksmithing Traineeship\n\n### How long is the blacksmithing traineeship?\n\n"
        "Eighteen months, at Hollowmere Forge. There are six places.\n\n"
        "### Who will be my mentor?\n\nOne of our three master smiths.\n\n"
        "## Stonemasonry Traineeship\n\n### How long does the stonemasonry traineeship last?\n\n"
        "Two years, at Kestle Quarry. There are four places.\n\n"
        "### Do I need my own tools?\n\nNo. We lend every trainee a full banker kit.\n\n"
        "## After the apprenticeship\n\nMost trainees go on to work for heritage contractors.\n",
    )
    write(
        tmp_path,
        "interview-email.txt",
        "From: Morwenna Hale <traineeships@bellows.example.org>\nTo: (undisclosed recipients)\n"
        "Date: Tue, 13 May 2025 16:42:10 +0100\nSubject: Stonemasonry Traineeship 2025 - your interview day\n\n"
        "Dear applicant,\n\n"
        "Thank you for applying for the Stonemasonry Traineeship 2025. Your interview day is on "
        "Tuesday 20 May 2025 at Kestle Quarry.\n\nTRAVEL\n\nFree parking is available at the quarry. "
        "If you are coming by train, our minibus will meet the 9.05 arrival at Kestle station.\n\n"
        "Best wishes,\nMorwenna Hale\nTraineeships Coordinator\n",
    )
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("how many places on the stonemasonry traineeship")
    assert answer.verdict == "answer"
    assert answer.citations[0].source == "traineeships-faq.md" and "four places" in answer.citations[0].snippet
    assert programme_headings(["FAQ › After the apprenticeship", "About the Internship"], "FAQ") == []


def test_a_role_said_without_its_qualifier_scopes_to_its_page(tmp_path: Path, settings: Settings) -> None:
    """"studio technician salary" says the row "Studio Technician (Ceramics)" of a careers
    page without its bracket: the page is asked, not the studio-membership page whose title
    says "Studio"."""
    write(
        tmp_path,
        "about.md",
        "---\ntitle: About Kilnworks & Studio Membership\norg: Kilnworks Cooperative\n---\n\n# About Kilnworks\n\n"
        "Kilnworks is a member-owned pottery co-operative.\n\n## Studio membership FAQ\n\n"
        "**How much does a studio space cost?**\nA shared bench costs £130 a month and a private studio room £245.\n\n"
        "**Are firings included?**\nNo. Firings cost £6 per kiln shelf.\n",
    )
    write(
        tmp_path,
        "careers.html",
        "<html><head><title>Careers | Kilnworks Cooperative</title></head><body><main><h1>Work with us</h1>"
        "<p>We employ a small staff team. We currently have <strong>two vacancies</strong>.</p>"
        "<table><thead><tr><th>Role</th><th>Team</th><th>Location</th><th>Hours</th><th>Pay</th><th>Closing date</th></tr>"
        "</thead><tbody><tr><td>Studio Technician (Ceramics)</td><td>Technical</td><td>Fennick Wharf</td>"
        "<td>Full-time</td><td>£26,500 per year</td><td>14 July 2030</td></tr>"
        "<tr><td>Gallery Assistant</td><td>Gallery</td><td>Chandler Row</td><td>Part-time</td>"
        "<td>£12.60 per hour</td><td>30 June 2030</td></tr></tbody></table>"
        "<h2>Studio Technician (Ceramics)</h2><p>You will load and fire our kilns and mix glazes.</p>"
        "<h3>Pay and benefits</h3><ul><li>£26,500 per year</li><li>25 days' holiday plus bank holidays</li></ul>"
        "<h2>Gallery Assistant</h2><p>You will run the shop and hang exhibitions.</p>"
        "<h3>Pay and benefits</h3><ul><li>£12.60 per hour</li><li>Staff discount</li></ul>"
        "</main></body></html>",
    )
    answers = services_over(tmp_path, settings).answers
    answer = answers.ask("studio technician salary")
    assert answer.citations and answer.citations[0].source == "careers.html"
    assert "£26,500" in answer.citations[0].snippet


def test_sibling_headings_that_name_programmes_keep_each_ones_facts_apart(tmp_path: Path, settings: Settings) -> None:
    """Under "Blacksmithing Traineeship" and "Stonemasonry Traineeship" (beside "How to
    apply"), the masons' cottage rent is no answer about the smiths' rent."""
    write(
        tmp_path,
        "traineeships-faq.md",
        "---\ntitle: Heritage Craft Traineeships 2025 – FAQ\norg: Bellows Heritage Trust\n---\n\n"
        "# Heritage Craft Traineeships 2025 – FAQ\n\nWe run two paid traineeships in traditional crafts.\n\n"
        "## Blacksmithing Traineeship\n\n### How long is the blacksmithing traineeship?\n\n"
        "Eighteen months, at Hollowmere Forge.\n\n"
        "### Is accommodation provided for blacksmithing trainees?\n\n"
        "No. We keep a list of local landlords who have housed trainees before.\n\n"
        "## Stonemasonry Traineeship\n\n### How long does the stonemasonry traineeship last?\n\n"
        "Two years, at Kestle Quarry.\n\n"
        "### Is there somewhere to live?\n\nYes. Quarry Cottage has four rooms for trainees at £40 a week rent.\n\n"
        "## How to apply\n\nFill in the form on our website by 28 April 2025.\n",
    )
    services = services_over(tmp_path, settings)
    snap = services.answers.holder.current
    (sets,) = snap.group_sections.values()
    named = {own for group_set in sets if group_set.need == 1 for own, _ in group_set.groups}
    assert named == {frozenset({"blacksmith"}), frozenset({"stonemasonri"})}
    answers = services.answers
    answer = answers.ask("how much is rent for blacksmith trainees in hollowmere")
    assert answer.verdict != "answer" or "£40" not in answer.citations[0].snippet
    masons = answers.ask("how much is rent for stonemason trainees")
    assert masons.verdict == "answer" and "£40" in masons.citations[0].snippet


def test_a_cohorts_heading_names_its_page_beside_a_vacancy_at_the_same_site(tmp_path: Path, settings: Settings) -> None:
    """"Northgate Yard cohort (spring)" names the apprenticeship's page by its site, as the
    vacancy located at Northgate Yard names the careers page: "how many hours a week is the
    northgate apprenticeship" is the cohort's hours, not the vacancy's."""
    write(
        tmp_path,
        "apprenticeship.html",
        "<html><head><title>Growers Apprenticeship 2025 | Trellis Commons</title></head><body><main>"
        "<h1>Growers Apprenticeship 2025</h1><p>A paid nine-month apprenticeship in urban food growing.</p>"
        "<h2>Northgate Yard cohort (spring)</h2><p>Northgate Yard is our original site, with 14 raised beds.</p>"
        "<h3>Pay and hours</h3><p>28 hours a week at £12.60 an hour. There are six places.</p>"
        "<h2>Millbrook Wharf cohort (autumn)</h2><p>Millbrook Wharf is our canal-side site.</p>"
        "<h3>Pay and hours</h3><p>32 hours a week at £12.60 an hour. There are four places.</p>"
        "</main></body></html>",
    )
    write(
        tmp_path,
        "vacancies.html",
        "<html><head><title>Work for us | Trellis Commons</title></head><body><main><h1>Work for us</h1>"
        "<h2>Current vacancies</h2><h3>Market Garden Lead</h3><ul><li>Location: Northgate Yard, Ashbury</li>"
        "<li>Hours: 37.5 hours a week</li><li>Salary: £29,500 a year</li><li>Closing date: 19 January 2030</li></ul>"
        "<p>You will lead the growing team.</p><h3>Volunteer Coordinator</h3><ul><li>Location: Millbrook Wharf</li>"
        "<li>Hours: 30 hours a week</li><li>Salary: £26,000 a year</li><li>Closing date: 2 February 2030</li></ul>"
        "<p>You will support our volunteers.</p><h2>How to apply</h2>"
        "<p>Send your CV to jobs@trellis.example.org.</p></main></body></html>",
    )
    write(
        tmp_path,
        "apprenticeship-faq.md",
        "---\ntitle: Growers Apprenticeship – Frequently asked questions\norg: Trellis Commons\n---\n\n"
        "## Do I need any experience?\n\nNo. We teach you everything you need.\n\n"
        "## Is the apprenticeship paid?\n\nYes, at the Real Living Wage.\n",
    )
    answer = services_over(tmp_path, settings).answers.ask("how many hours a week is the northgate apprenticeship")
    assert answer.citations[0].source == "apprenticeship.html"
    assert "28 hours a week" in answer.citations[0].snippet
    assert programme_headings(["Work for us › Northgate Yard cohort (spring)", "Meet the Cohort"], "") == [
        "Northgate Yard cohort (spring)"
    ]
    # a part is named by the words before the part's word; a heading over the parts names none
    assert heading_names(["Lighting strand", "Rotation tracks", "Stonemasonry Traineeship"], "") == [
        "Lighting",
        "Stonemasonry Traineeship",
    ]


def test_a_faq_that_says_the_name_answers_what_the_document_titled_by_it_does_not_hold(
    tmp_path: Path, settings: Settings
) -> None:
    """The interview day's e-mail is titled "Junior Fellowship …" and says "day", but holds no
    length of leave; the FAQ, called by "Fellowship" and saying "Junior Fellowship", does.
    The senior track's own page is a sibling, not asked."""
    write(
        tmp_path,
        "fellowship-faq.md",
        "---\ntitle: Science Communication Fellowship – Frequently Asked Questions\norg: Orrery Hall\n---\n\n"
        "## Who is the Junior Fellowship for?\n\nThe Junior Fellowship is for people early in their career.\n\n"
        "## How much holiday do fellows get?\n\nJunior fellows get 25 days of annual leave plus bank holidays.\n\n"
        "## Can I work from home?\n\nNo. Fellows present in the galleries every day.\n",
    )
    write(
        tmp_path,
        "interview-email.txt",
        "From: Priya Hale <fellowships@orrery.example.org>\nTo: (undisclosed recipients)\n"
        "Date: Tue, 13 May 2025 16:42:10 +0100\nSubject: Junior Fellowship 2025–26 - invitation to interview day\n\n"
        "Dear candidate,\n\nYou have been shortlisted for the Junior Fellowship. Your interview day is on "
        "Tuesday 3 June 2025 at Orrery Hall. The day starts at 9.30 and ends at 4pm.\n\n"
        "Best wishes,\nPriya Hale\nFellowships Coordinator\n",
    )
    write(
        tmp_path,
        "senior.md",
        "---\ntitle: Senior Science Communication Fellowship\norg: Orrery Hall\n---\n\n"
        "# Senior Science Communication Fellowship\n\nA two-year fellowship for experienced communicators.\n\n"
        "## Leave\n\nSenior fellows get 28 days of annual leave.\n",
    )
    write(
        tmp_path,
        "visitor-host.md",
        "---\ntitle: Visitor Host (casual)\norg: Orrery Hall\nkind: posting\n---\n\n# Visitor Host (casual)\n\n"
        "Welcome visitors to the galleries. Pay: £12.60 per hour. Shifts of 4 to 8 hours.\n",
    )
    write(
        tmp_path,
        "presenter.md",
        "---\ntitle: Planetarium Presenter\norg: Orrery Hall\nkind: posting\n---\n\n# Planetarium Presenter\n\n"
        "Present our planetarium shows. Salary: £26,400 a year. 25 days of annual leave.\n",
    )
    answer = services_over(tmp_path, settings).answers.ask("how many days off do junior fellows get")
    assert answer.verdict in ("answer", "unsure")
    assert answer.citations[0].source == "fellowship-faq.md" and "25 days" in answer.citations[0].snippet
