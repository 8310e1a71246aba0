from dataclasses import replace
from types import SimpleNamespace

import pytest

from bot.app import build_services
from bot.errors import QuestionError
from bot.models import Answer, Citation
from bot.services.evaluation import Case, citation_ok, evaluate, load_cases
from tests.conftest import (
    ATOLL,
    ATOLL_QUESTIONS,
    BAY,
    BAY_QUESTIONS,
    BIGHT,
    BIGHT_QUESTIONS,
    BROOK,
    BROOK_QUESTIONS,
    CAIRN,
    CAIRN_QUESTIONS,
    CAPE,
    CAPE_QUESTIONS,
    COHORT_QUESTIONS,
    COVE,
    COVE_QUESTIONS,
    CRAG,
    CRAG_QUESTIONS,
    DELL,
    DELL_QUESTIONS,
    DELTA,
    DELTA_QUESTIONS,
    DEV_QUESTIONS,
    DUNE,
    DUNE_QUESTIONS,
    ESTUARY,
    ESTUARY_QUESTIONS,
    EXTRA_QUESTIONS,
    FEN,
    FEN_QUESTIONS,
    FINAL,
    FINAL_QUESTIONS,
    FIRTH,
    FIRTH_QUESTIONS,
    FJORD,
    FJORD_QUESTIONS,
    FORMATS_QUESTIONS,
    FRESH,
    FRESH_QUESTIONS,
    GLADE,
    GLADE_QUESTIONS,
    GLEN,
    GLEN_QUESTIONS,
    GULF,
    GULF_QUESTIONS,
    HEATH,
    HEATH_QUESTIONS,
    HOLD,
    HOLD_QUESTIONS,
    INLET,
    INLET_QUESTIONS,
    JOBS_QUESTIONS,
    KNOLL,
    KNOLL_QUESTIONS,
    LAGOON,
    LAGOON_QUESTIONS,
    LAST,
    LAST_QUESTIONS,
    LOCH,
    LOCH_QUESTIONS,
    LONG_QUESTIONS,
    MARSH,
    MARSH_QUESTIONS,
    MEMBERS_QUESTIONS,
    MERE,
    MERE_QUESTIONS,
    MOOR,
    MOOR_QUESTIONS,
    MORE,
    MORE_QUESTIONS,
    NEAR,
    NEAR_QUESTIONS,
    OTHER,
    OTHER_QUESTIONS,
    PARAPHRASE_QUESTIONS,
    PASTE,
    PASTE_QUESTIONS,
    PIER,
    PIER_QUESTIONS,
    QUAY,
    QUAY_QUESTIONS,
    REEF,
    REEF_QUESTIONS,
    REWORDED_QUESTIONS,
    RIDGE,
    RIDGE_QUESTIONS,
    SCREE,
    SCREE_QUESTIONS,
    SHELF,
    SHELF_QUESTIONS,
    SHOAL,
    SHOAL_QUESTIONS,
    SIBLINGS,
    SIBLINGS_QUESTIONS,
    SOUND,
    SOUND_QUESTIONS,
    SPARE,
    SPARE_QUESTIONS,
    SPIT,
    SPIT_QUESTIONS,
    STRAIT,
    STRAIT_QUESTIONS,
    TARN,
    TARN_QUESTIONS,
    VALE,
    VALE_QUESTIONS,
    WEB,
    WEB_QUESTIONS,
    WEIR,
    WEIR_QUESTIONS,
    WHARF,
    WHARF_QUESTIONS,
    services_over,
)


def test_answer_cites_the_faq_in_its_own_words(seed_services) -> None:
    answer = seed_services.answers.ask("Can I do the residency part-time?")
    assert answer.answered
    first = answer.citations[0]
    assert first.source == "hf-ai-research-residency.md"
    assert first.snippet == (
        "Can I complete the program part-time?\nNo. The Residency is only offered as a full-time position."
    )
    assert first.section == "FAQs"
    assert first.url and first.title.startswith("Announcing")
    assert {"residency", "part-time"} <= set(answer.matched_terms)
    # the 2022 residency has no closing date: stale, so never offered as an open role
    assert not any(r.type == "residency" for r in answer.roles)


def test_unanswerable_is_declined_with_suggestions(seed_services) -> None:
    answer = seed_services.answers.ask("Is there a stipend for the Gradio internship?")
    assert not answer.answered and answer.verdict in ("unsure", "none")  # "unsure" shows it, labelled
    near_topic = seed_services.answers.ask("When does the residency start?")
    assert not near_topic.answered
    assert near_topic.suggestions  # closest FAQ questions offered instead


@pytest.mark.parametrize(
    "question",
    [
        "Which internship works on diffusion models?",
        "How much does the Meta research scientist internship pay?",
        "Does Hugging Face reimburse conferences?",
        "Do I need a PhD for the Meta research intern position?",
    ],
)
def test_snippets_are_short_whole_words_from_the_source(seed_services, question: str) -> None:
    answer = seed_services.answers.ask(question)
    limit = seed_services.settings.answers.snippet_chars
    corpus_text = "\n".join(p.text for p in seed_services.holder.current.corpus.passages)
    for c in answer.citations:
        assert 0 < len(c.snippet) <= limit
        body = c.snippet.split("\n", 1)[1] if c.question else c.snippet
        for line in body.rstrip("…").split("\n"):
            assert line in corpus_text or line.rstrip("…") in corpus_text  # the source's words
        assert not c.snippet[-1].isalnum() or c.snippet.split()[-1].isalpha()


@pytest.mark.parametrize("see_also", [None, 1], ids=["shipped", "one"])
def test_see_also_is_distinct_and_bounded(seed_services, see_also) -> None:
    settings = seed_services.settings
    if see_also is not None:
        settings = replace(settings, retrieval=replace(settings.retrieval, see_also=see_also))
    answers = build_services(settings, seed_services.holder.current).answers
    # The Fellowship FAQ has more passages close to this question than the setting lets in,
    # so the bound is reached, not just respected.
    answer = answers.ask("I'm just starting to contribute, can I be a fellow?")
    places = [(c.source, c.section, c.question) for c in answer.citations]
    assert len(places) == len(set(places))
    assert len(places) == 1 + settings.retrieval.see_also


def test_not_sure_shows_the_next_closest_passages_too(seed_services) -> None:
    # "Not sure" means the closest passage may not answer; the next closest ones, each in
    # a place of its own, are shown under it (members would rather look at three than at
    # none). A confident answer's see-also still needs a share of the question's words.
    answers = seed_services.answers
    question = "is the optimization job open to new grads?"
    seen = answers.consider(answers.clean_question(question))
    answer = answers.ask(question)
    assert answer.verdict == "unsure" and not answer.answered
    places = [(c.source, c.section, c.question) for c in answer.citations]
    assert len(places) == len(set(places)) == 1 + seed_services.settings.retrieval.see_also
    # shown though they cover less of the question than a confident answer's see-also must
    low = seed_services.settings.retrieval.see_also_min_coverage
    assert all(c.coverage < low for c in seen.candidates[: len(places)])
    # offered to look at, by their opening words (an FAQ item's question first)
    passages = {(p.source, p.line): p for p in seed_services.holder.current.corpus.passages}
    for c in answer.citations[1:]:
        p = passages[c.source, c.line]
        whole = f"{p.question}\n{p.text}" if p.question else p.text
        assert whole.startswith(c.snippet.removesuffix("…").rstrip(" ,;:-–—"))


def test_questions_are_validated(seed_services) -> None:
    with pytest.raises(QuestionError, match="empty"):
        seed_services.answers.ask("   ")
    with pytest.raises(QuestionError, match="too long"):
        seed_services.answers.ask("why " * 200)
    with pytest.raises(QuestionError, match="empty"):
        seed_services.answers.ask("\u200b\u200d \ufeff")


def test_zero_width_characters_do_not_split_words(seed_services) -> None:
    pasted = seed_services.answers.ask("Can I do the resi\u200bdency part\u2060-time?")
    plain = seed_services.answers.ask("Can I do the residency part-time?")
    assert pasted.question == plain.question
    assert pasted.citations == plain.citations


# Floors a little under the figures measured when the decision was last fitted (README,
# "Measured"): the shared eval files were never used to fit, so these are held-out figures.
def test_dev_eval_keeps_its_floor(seed_services) -> None:
    report = evaluate(seed_services.answers, load_cases(DEV_QUESTIONS)).to_json()
    assert report["hit@1"] >= 0.85, report["misses"]
    assert report["hit@3"] >= 0.9, report["misses"]
    assert report["abstention"] == 1.0, report["misses"]


def test_paraphrase_eval_keeps_its_floor(seed_services) -> None:
    report = evaluate(seed_services.answers, load_cases(PARAPHRASE_QUESTIONS)).to_json()
    # 0.517 measured at the tenth stop of 2026-12-07 (0.500 since the seventh, 0.483 before it)
    assert report["hit@1"] >= 0.48, report["misses"]
    assert report["abstention"] >= 0.93, report["misses"]
    assert report["answered_wrong"] <= 2, report["misses"]


def test_calibration_sets_keep_their_floor(extra_services) -> None:
    # in-sample: the decision is fitted on these (with the calibration, held-out and members sets)
    report = evaluate(extra_services.answers, load_cases(EXTRA_QUESTIONS)).to_json()
    assert report["hit@1"] >= 0.5, report["misses"]
    assert report["hit@3"] >= 0.6, report["misses"]
    assert report["abstention"] >= 0.8, report["misses"]


def test_members_set_keeps_its_floor(members_services) -> None:
    # in-sample: questions in members' own words over six documents of our own, one of the
    # four sets the decision is fitted on (README, "Calibration")
    report = evaluate(members_services.answers, load_cases(MEMBERS_QUESTIONS)).to_json()
    assert report["hit@1"] >= 0.45, report["misses"]
    assert report["abstention"] >= 0.72, report["misses"]


def test_held_out_member_sets_keep_their_floor(cohort_services, heldout_services) -> None:
    # never fitted on: written in members' wording after the last fit (README, "Measured")
    cohort = evaluate(cohort_services.answers, load_cases(COHORT_QUESTIONS)).to_json()
    assert cohort["hit@1"] >= 0.48 and cohort["abstention"] >= 0.82, cohort["misses"]
    reworded = evaluate(heldout_services.answers, load_cases(REWORDED_QUESTIONS)).to_json()
    assert reworded["hit@1"] >= 0.2 and reworded["abstention"] >= 0.82, reworded["misses"]


def test_faq_layouts_of_the_web_keep_their_floor(formats_services) -> None:
    # never fitted: each FAQ layout must give question-and-answer passages (0.617 hit@1 and
    # 16 of 25 declined when <details>, accordions, <dl> and plain-text FAQs were not read so)
    report = evaluate(formats_services.answers, load_cases(FORMATS_QUESTIONS)).to_json()
    assert report["hit@1"] >= 0.73 and report["abstention"] >= 0.84, report["misses"]
    assert report["answered_wrong"] <= 3, report["misses"]


def test_postings_as_pasted_from_job_boards_keep_their_floor(jobs_services) -> None:
    # never fitted (0.583 hit@1, 14 of 25 declined, 17 answered wrong before their headers,
    # bold headings, page owners and accents were read)
    report = evaluate(jobs_services.answers, load_cases(JOBS_QUESTIONS)).to_json()
    assert report["hit@1"] >= 0.68 and report["abstention"] >= 0.72, report["misses"]
    assert report["answered_wrong"] <= 13, report["misses"]


def test_long_faqs_and_pages_of_several_roles_keep_their_floor(long_services) -> None:
    # never fitted (0.733 hit@1, 17 of 25 declined, 12 answered wrong at the start of the stop
    # that added it; 0.800 untouched after that stop's format fixes; 0.817, then 0.800 once
    # an organisation was read from the page's domain: "I work at Aldenmoor right now, can I
    # apply?" then names the fellowship's own institute, no longer something asked)
    report = evaluate(long_services.answers, load_cases(LONG_QUESTIONS)).to_json()
    assert report["hit@1"] >= 0.78 and report["abstention"] >= 0.72, report["misses"]
    assert report["answered_wrong"] <= 9, report["misses"]


@pytest.mark.parametrize(
    ("folder", "questions", "hit1", "abstention", "wrong"),
    [
        # 0.533 hit@1, 15 of 25 declined, 10 answered wrong before mail, PDF and job-board
        # copies were tidied; measured 0.633, 17 of 25, 5 when this floor was set
        (WEB, WEB_QUESTIONS, 0.6, 0.64, 7),
        # 0.400, 14 of 25, 13 before careers pages gave a role per position and names were
        # read as phrases ("summer research fellowship"); measured 0.517, 17 of 25, 7; then
        # 0.483, 20 of 25, 4 once a passage with nothing of the question but its names was
        # at most "not sure" (19 of 25 once "Quillmere" was read as an organisation's name);
        # 0.517, 20 of 25, 7 once "from home" asked about remote work (+11 right answers, +1
        # bad one over every set) and "what are the dates" for dates (+2, -1): each answered
        # one sibling's question from the other sibling's passage
        (SIBLINGS, SIBLINGS_QUESTIONS, 0.46, 0.72, 7),
        # 0.383, 12 of 25, 17 before a masthead in capitals, an organisation as the opening
        # paragraph's subject and one said in passing were read; measured 0.600, 17 of 25, 8
        # (18 of 25, 6 once a role's place was one of its names)
        (NEAR, NEAR_QUESTIONS, 0.55, 0.68, 9),
        # written blind after every change of its stop and never read for fixes: 0.550, 15 of
        # 25, 14 with the code of the stop's start; 0.533, 19 of 25, 10 at its end; 0.550, 20
        # of 25, 9 a stop later
        (FINAL, FINAL_QUESTIONS, 0.5, 0.72, 11),
        # 0.433, 16 of 25, 11 before setext headings, Markdown label lines, a wiki's layout
        # table and its title were read; measured 0.483, 17 of 25, 12; 8 answered wrong once
        # titles that open with their organisation were read
        (PASTE, PASTE_QUESTIONS, 0.45, 0.64, 10),
        # Notion, Google Docs, PDF and chat exports, written blind: 0.467, 16 of 25, 11
        # untouched; 0.567, 22 of 25, 8 once titles that open with their organisation, Google
        # Docs' bold, PDF subsections, chat announcements and places as names were read
        (FRESH, FRESH_QUESTIONS, 0.53, 0.8, 10),
        # written blind after every change of its stop and never read: 0.617, 18 of 25, 5
        # answered wrong with the code of the stop's start; 0.617, 18 of 25, 4 at its end
        (LAST, LAST_QUESTIONS, 0.58, 0.68, 7),
        # Lever, Word, Confluence, reStructuredText, <details> and mojibake pages, written
        # blind: 0.450, 15 of 25, 18 answered wrong untouched; 0.683, 19 of 25, 8 once Word's
        # wrapped source lines, organisations by domain and breadcrumbs, a pasted page's site
        # header, titles between rules, wrapped list items and bold divs were read (7 wrong)
        (SPARE, SPARE_QUESTIONS, 0.65, 0.72, 10),
        # written blind in the same hour and never read: 0.550, 15 of 25, 13 untouched and after
        (OTHER, OTHER_QUESTIONS, 0.52, 0.56, 15),
        # Squarespace, Mailchimp, a forum thread, "### Q:" Markdown, a flattened PDF, a <dl>
        # FAQ and an e-mail, written blind: 0.500, 18 of 25, 14 wrong untouched; 0.533, 18
        # of 25, 13 once deadlines said with "by <date>", ranges of dates, <dt> questions
        # that say why they ask and breadcrumbs with ">" were read
        (MORE, MORE_QUESTIONS, 0.5, 0.68, 15),
        # written blind with it and never read: 0.583, 16 of 25, 15 wrong, untouched and after;
        # 14 of 25 declined once holiday, vacation and leave were synonyms; 13 of 25 since a
        # runner-up holding the asked kind is judged when the best lacks it (+7 right, +4 bad
        # over every set; here one more unanswerable question answered)
        (HOLD, HOLD_QUESTIONS, 0.55, 0.52, 17),
        # a printed notice's columns, a careers page of three roles, a Q./A. FAQ in mojibake,
        # a Notion handbook, <details>, a job board's paste and a forwarded two-tier grant
        # e-mail, written blind: 0.533, 16 of 25, 13 wrong untouched; 0.667, 18 of 25, 8 once
        # a site name in capitals, "Amount:" labels, roles of one page and deadlines said as
        # such were read
        (RIDGE, RIDGE_QUESTIONS, 0.62, 0.68, 10),
        # written blind with it and never read: 0.467, 19 of 25, 5 wrong untouched; 0.483,
        # 19 of 25, 5 after
        (QUAY, QUAY_QUESTIONS, 0.45, 0.72, 7),
        # written blind late in the stop and never read: 0.400, 15 of 25, 14 wrong, with the
        # code of the stop's start and after the first changes alike; 0.517, 16 of 25, 11 once
        # numbered sections and a university's masthead (read in pier) were read
        (WHARF, WHARF_QUESTIONS, 0.48, 0.6, 13),
        # the commonest formats, written blind with it: 0.400, 15 of 25, 19 wrong untouched;
        # 0.533, 14 of 25, 12 once numbered sections, headings in capitals with a colon and a
        # university's masthead were read
        (PIER, PIER_QUESTIONS, 0.5, 0.52, 14),
        # shaped like the bundled documents and the shared paraphrase file (90 questions, 30
        # of them unanswerable), written blind: 0.700, 28 of 30, 3 wrong untouched; 0.733,
        # 27 of 30, 2 once names were said as their words and title words set aside
        (COVE, COVE_QUESTIONS, 0.7, 0.86, 4),
        # written blind with it and never read: 0.700, 25 of 30, 8 wrong, untouched and after;
        # 24 of 30 declined once chat shorthand was written out
        (INLET, INLET_QUESTIONS, 0.66, 0.76, 10),
        # the same shape, one post announcing two programmes, a careers page in HTML: 0.667,
        # 20 of 30, 3 wrong untouched; 0.733, 21 of 30, 3 once experience was no programme
        # length, shorthand written out, a rate's unit no answer and a mentioned name counted
        (BAY, BAY_QUESTIONS, 0.71, 0.66, 5),
        # written blind with it and never read: 0.733, 22 of 30, 5 wrong untouched; 0.750 after
        (FJORD, FJORD_QUESTIONS, 0.71, 0.7, 7),
        # a hospital network's programmes, written blind, in the same layout: 0.317, 24 of
        # 30, 12 wrong untouched; 0.500, 21 of 30, 13 once clipped words ("physio", "grads")
        # named, bare headings over unbulleted items, a numbered guide's title and common
        # misspellings were read
        (SOUND, SOUND_QUESTIONS, 0.48, 0.66, 15),
        # a games studio's and a nonprofit's, written blind with it and never read: 0.617,
        # 26 of 30, 6 wrong untouched; 0.633 after
        (DELTA, DELTA_QUESTIONS, 0.61, 0.83, 8),
        # a library's and a software foundation's, written blind late in the stop and never
        # read: 0.517, 21 of 30, 6 wrong with the stop's starting code; 0.583, 18 of 30, 5 at its end
        (GULF, GULF_QUESTIONS, 0.56, 0.56, 7),
        # a city's and a credit union's programmes, written blind: 0.650, 22 of 30, 5 wrong
        # untouched; 0.733, 26 of 30, 3 once a job board's pay line, body names ("Credit
        # Union"), "wfh", other years' editions and role levels were read
        (REEF, REEF_QUESTIONS, 0.71, 0.8, 6),
        # a marine lab's and a satellite company's, written blind with it and never read:
        # 0.383, 20 of 30, 10 wrong untouched; 0.400, 21 of 30, 10 at the stop's end
        (BIGHT, BIGHT_QUESTIONS, 0.36, 0.66, 13),
        # a film festival's and a museum's, written blind with it and never read: 0.583, 23
        # of 30, 6 wrong untouched; 0.583, 24 of 30, 6 at the stop's end
        (SHOAL, SHOAL_QUESTIONS, 0.56, 0.73, 8),
        # a national park's and a wind cooperative's, written blind late in the stop: 0.483,
        # 25 of 30, 6 wrong with the stop's starting code; 0.550, 25 of 30, 5 once a place
        # called "Falls" named no fall edition, "what are the dates" asked for dates, and a
        # longer form of a name's word ("apprenticeship") named it
        (CAPE, CAPE_QUESTIONS, 0.53, 0.8, 7),
        # an orchestra's and a logistics company's, written blind with it and never read:
        # 0.567, 23 of 30, 12 wrong with the stop's starting code; 0.583, 25 of 30, 12 at its end;
        # 0.550 since role titles keep their dash ("… Intern – Remote (EU)" names the intern
        # without its qualifier: two right answers here, three more on two read sets)
        (SPIT, SPIT_QUESTIONS, 0.53, 0.8, 14),
        # a public radio station's and a brewing co-operative's, written blind: 0.433, 23 of
        # 30, 13 wrong untouched; 0.450, 24 of 30, 11 once careers pages grouped by
        # department gave their roles, "which days" asked for weekdays and "the hourly" for pay
        (ATOLL, ATOLL_QUESTIONS, 0.43, 0.76, 13),
        # a botanic garden's and a game studio's, written blind with it and never read: 0.600,
        # 20 of 30, 7 wrong untouched; 0.633, 21 of 30, 6 at the stop's end
        (LAGOON, LAGOON_QUESTIONS, 0.61, 0.66, 8),
        # a theatre company's and a bike-share startup's, written blind late in the stop:
        # 0.533, 25 of 30, 15 wrong with the stop's starting code and before reading it;
        # 0.567, 25 of 30, 13 once a heading of several answers and a place noun naming
        # another ("the city launch") were read
        (ESTUARY, ESTUARY_QUESTIONS, 0.55, 0.8, 15),
        # a research computing centre's and a food bank network's, written blind with it and
        # never read: 0.500, 21 of 30, 8 wrong, with the stop's starting code and at its end
        (STRAIT, STRAIT_QUESTIONS, 0.48, 0.66, 10),
        # a city library's and a satellite-imaging startup's, written blind: 0.683, 22 of 30,
        # 4 wrong untouched; 0.750, 22 of 30, 3 once "5 or more years", "401(k)", "besides a
        # resume", "how much training" and "when does it run" were read
        (FIRTH, FIRTH_QUESTIONS, 0.71, 0.7, 5),
        # a wildlife trust's and a payments company's, written blind with it and never read:
        # 0.617, 24 of 30, 7 wrong, with the stop's starting code and at its end
        (MERE, MERE_QUESTIONS, 0.58, 0.76, 9),
        # a national archive's and a cybersecurity firm's, written blind late in the stop:
        # 0.450, 19 of 30, 13 wrong with the stop's starting code; 0.517, 18 of 30, 11 once
        # "kick off", a runner-up holding the asked kind and an organisation's whole name
        # said on a "Work with us" page were read
        (SHELF, SHELF_QUESTIONS, 0.48, 0.56, 13),
        # an observatory's and a solar installer's, written blind with it and never read:
        # 0.450, 20 of 30, 11 wrong, with the stop's starting code and at its end
        (MARSH, MARSH_QUESTIONS, 0.41, 0.63, 13),
        # a hospital's nurse residency and a biotech lab's, written blind: 0.550, 21 of 30, 7
        # wrong untouched; 0.600, 22 of 30, 5 once its careers page's roles, "You choose
        # from:" and a residency named in every passage were read
        (FEN, FEN_QUESTIONS, 0.56, 0.7, 7),
        # a theatre's apprenticeship and a freight company's, written blind: 0.483, 22 of 30,
        # 8 wrong untouched; 0.500, 23 of 30, 9 once "June 2 – August 15" and "theater" were read
        (DUNE, DUNE_QUESTIONS, 0.46, 0.73, 11),
        # a broadcaster's fellowship and a game studio's, written blind with them and never
        # read: 0.533, 22 of 30, 4 wrong with the stop's starting code; 0.517 at its end
        (WEIR, WEIR_QUESTIONS, 0.48, 0.7, 6),
        # a university's summer research and a construction firm's, never read: 0.517, 22 of
        # 30, 11 wrong with the stop's starting code and at its end
        (TARN, TARN_QUESTIONS, 0.48, 0.7, 13),
        # a library network's digital-skills fellowship and a solar installer's, written
        # blind: 0.650, 25 of 30, 5 wrong with the stop's starting code
        (BROOK, BROOK_QUESTIONS, 0.61, 0.8, 7),
        # a national park trust's ranger programme and a fintech startup's, written blind:
        # 0.350, 25 of 30, 8 wrong with the stop's starting code
        (GLEN, GLEN_QUESTIONS, 0.31, 0.8, 10),
        # a law firm's vacation scheme and a hotel group's, written blind with them and never
        # read: 0.533, 21 of 30, 5 wrong with the stop's starting code
        (LOCH, LOCH_QUESTIONS, 0.49, 0.66, 7),
        # a city's policy fellowship and a warehouse-robotics company's, never read: 0.467,
        # 22 of 30, 6 wrong with the stop's starting code
        (DELL, DELL_QUESTIONS, 0.43, 0.7, 8),
        # a theatre's stage-technician apprenticeship and a biotech lab's, written blind:
        # 0.483, 23 of 30, 5 wrong with the stop's starting code
        (MOOR, MOOR_QUESTIONS, 0.44, 0.73, 7),
        # a university's marine summer research and a freight company's, written blind:
        # 0.450, 25 of 30, 12 wrong with the stop's starting code
        (HEATH, HEATH_QUESTIONS, 0.41, 0.8, 14),
        # a museum's curatorial fellowship and a game studio's, written blind with them and
        # never read: 0.467, 25 of 30, 7 wrong with the stop's starting code
        (GLADE, GLADE_QUESTIONS, 0.43, 0.8, 9),
        # a hospital's nurse residency and a water utility's, never read: 0.500, 23 of 30,
        # 10 wrong with the stop's starting code
        (VALE, VALE_QUESTIONS, 0.46, 0.73, 12),
        # a conservation trust's field apprenticeship and a ferry company's, written blind:
        # 0.667, 25 of 30, 6 wrong with the stop's starting code and at its end
        (SCREE, SCREE_QUESTIONS, 0.63, 0.8, 8),
        # a museum's conservation traineeship and a bicycle maker's, written blind: 0.450,
        # 22 of 30, 11 wrong with the stop's starting code; 0.450, 22 of 30, 9 at its end
        (KNOLL, KNOLL_QUESTIONS, 0.41, 0.7, 11),
        # a city council's data fellowship and a veterinary group's, written blind and never
        # read: 0.567, 19 of 30, 9 wrong with the stop's starting code and at its end
        (CRAG, CRAG_QUESTIONS, 0.53, 0.6, 11),
        # an orchestra's composers' residency and a bakery chain's, written blind and never
        # read: 0.383, 20 of 30, 4 wrong with the stop's starting code and at its end
        (CAIRN, CAIRN_QUESTIONS, 0.34, 0.63, 6),
    ],
    ids=[
        "web", "siblings", "near", "final", "paste", "fresh", "last", "spare", "other", "more", "hold", "ridge",
        "quay", "wharf", "pier", "cove", "inlet", "bay", "fjord", "sound", "delta", "gulf", "reef", "bight", "shoal",
        "cape", "spit", "atoll", "lagoon", "estuary", "strait", "firth", "mere", "shelf", "marsh", "fen", "dune",
        "weir", "tarn", "brook", "glen", "loch", "dell", "moor", "heath", "glade", "vale",
        "scree", "knoll", "crag", "cairn",
    ],
)
def test_blind_sets_keep_their_floor(folder, questions, hit1, abstention, wrong, settings) -> None:
    report = evaluate(services_over(folder, settings).answers, load_cases(questions)).to_json()
    assert report["hit@1"] >= hit1 and report["abstention"] >= abstention, report["misses"]
    assert report["answered_wrong"] <= wrong, report["misses"]


def test_citation_check_needs_source_and_evidence(seed_services) -> None:
    (case,) = [c for c in load_cases(DEV_QUESTIONS) if c.question.startswith("Can I do the residency")]
    answer = seed_services.answers.ask(case.question)
    assert citation_ok(case, answer, 0)
    other = seed_services.answers.ask("Is there a deadline for the fellowship?")
    assert not citation_ok(case, other, 0)


def test_evidence_is_compared_as_the_question_files_say() -> None:
    # lowercased, without * _ ` and backslashes, whitespace collapsed (the files' header)
    from bot.models import Citation
    from bot.services.evaluation import Case

    shown = Citation("a.md", "A", None, None, "Pay is **$5,000 per\n month**, paid in_arrears.", 1.0, 1)
    assert citation_ok(Case("q", source="a", evidence=("$5,000 per month",)), shown, 0)
    assert citation_ok(Case("q", source="a", evidence=("paid inarrears",)), shown, 0)
    assert not citation_ok(Case("q", source="a", evidence=("$6,000",)), shown, 0)


def test_eval_counts_a_right_passage_under_not_sure_apart_from_hits() -> None:
    # "not sure" is a decline for every score; the report still tells how many of those showed
    # the right passage first (a confidence miss) rather than a wrong one (a ranking miss).
    def cited(snippet: str) -> Citation:
        return Citation("residency.md", "Residency", None, None, snippet, 1.0, 1)

    replies = {
        "right but unsure": Answer("q", False, (cited("It lasts 9 months."),), verdict="unsure"),
        "wrong and unsure": Answer("q", False, (cited("No fees."),), verdict="unsure"),
        "wrong first, right under it": Answer(
            "q", False, (cited("No fees."), cited("It lasts 9 months.")), verdict="unsure"
        ),
        "right and sure": Answer("q", True, (cited("It lasts 9 months."),), verdict="answer"),
    }

    # the best three candidates of each question, as an answer would cite them
    ranked = {
        "right but unsure": ("It lasts 9 months.", "No fees."),
        "wrong and unsure": ("No fees.", "Apply by May.", "It lasts 9 months."),
        "wrong first, right under it": ("No fees.", "It lasts 9 months."),
        "right and sure": ("It lasts 9 months.",),
    }

    class Replies:
        def ask(self, question: str) -> Answer:
            return replies[question]

        def clean_question(self, question: str) -> str:
            return question

        def consider(self, question: str) -> SimpleNamespace:
            return SimpleNamespace(question=question, candidates=ranked[question])

        def cite_candidate(self, seen: SimpleNamespace, rank: int = 0) -> Citation:
            return cited(seen.candidates[rank])

    cases = [Case(q, source="residency", evidence=("9 months",)) for q in replies]
    report = evaluate(Replies(), cases).to_json()  # type: ignore[arg-type]
    assert report["hit@1"] == round(1 / 4, 4)
    assert report["unsure"] == 3 and report["unsure_right"] == 1
    assert report["unsure_shown"] == 2  # a passage under the closest counts as shown
    # the ranking apart from the decision: the right passage first for two questions, and
    # among the best three for all four
    assert report["ranked@1"] == round(2 / 4, 4)
    assert report["ranked@3"] == 1.0
