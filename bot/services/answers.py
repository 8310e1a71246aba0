"""Answer a member's question with cited passages, or say the knowledge base has no answer.

The path of a question (:meth:`AnswerService.ask`):

1. **Small talk** ("hi", "thanks", "help") gets a short reply saying what the bot knows.
2. **Typos** are corrected against the knowledge base's own words (:mod:`bot.search.spelling`).
3. **Scope**: the programmes, organisations and roles the question names
   (:mod:`bot.search.names`) restrict the candidates to their documents. A follow-up that
   names nothing ("and is it remote?") inherits the names of the conversation's last
   question within ``answers.conversation_minutes``.
4. **Candidates** come from BM25 (exact words, synonyms, acronyms) and from the semantic
   index (meaning: "swag" finds "merchandise"), so a paraphrase that shares no word with
   its passage is still found.
5. **Ranking** combines, for each candidate, its BM25 score relative to the best, its
   vector similarity to the question and to its FAQ question, its coverage of the
   question's words and whether it holds the kind of answer asked for
   (:data:`RANK_WEIGHTS`).
6. **Decision**: the best candidate's signals go through the calibrated model of
   :mod:`bot.services.decision`: answer, "not sure" (the closest passage, labelled), or
   decline with the closest questions.
7. **Snippets** show the sentences of the passage that answer (:mod:`bot.services.snippets`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from bot.config import Settings
from bot.documents.chunk import BULLET, SECTION_SEP
from bot.documents.document import FAQ_HEADING
from bot.documents.parse import LEGAL_FORMS
from bot.models import Answer, Citation, Passage, Role
from bot.search.answer_type import (
    OVERVIEW_WORDS,
    AnswerKind,
    asked_kind,
    asks_deadline,
    asks_eligibility,
    asks_max_age,
    asks_outcome,
    asks_overview,
    asks_process,
    asks_published,
    bounds_asked_sum,
    calendar_years,
    counted_by_list,
    counts_the_asked,
    date_frame,
    dates_as_asked,
    edition_numbers,
    edition_seasons,
    edition_years,
    for_another_group,
    given_words,
    has_contact,
    holds_as_asked,
    kind_nouns,
    label_kind,
    listed_nouns,
    money_unit,
    outcome_words,
    pays_asked_sum,
    said_plainly,
    seasons_said,
    stated_values,
    tenure_unsaid,
    year_ranges,
    years_of,
)
from bot.search.engine import Query, SearchEngine
from bot.search.names import (
    PROGRAMME_KINDS,
    SENIORITIES,
    other_editions,
    other_kinds,
    other_levels,
    other_names,
    other_seniorities,
)
from bot.search.semantic import closest_words, embed_one
from bot.search.specificity import FRAME_WORDS
from bot.search.tokenize import Tokenizer
from bot.services.current import SnapshotHolder
from bot.services.decision import SHIPPED, Evidence, Model, Verdict
from bot.services.roles import RoleService
from bot.services.smalltalk import help_text, small_talk
from bot.services.snippets import (
    CALL_TO_ACTION,
    heading_answers,
    snippet,
    trim_words,
    unit_texts,
    unit_vectors,
    unit_vectors_many,
)
from bot.services.validation import checked_question
from bot.snapshot import RoleSection, Snapshot, Title, asked_as

BM25_POOL = 50  # passages taken from BM25
SEMANTIC_POOL = 20  # passages taken from the semantic index
_FIGURES = frozenset({"amount", "count", "duration", "share"})  # the kinds of answer a year of service changes
SCOPE_EXACT = 400  # a scope with at most this many passages is searched whole
SEE_ALSO_RATIO = 0.5  # a see-also passage ranks at least this share of the answer's score
# How the candidate signals add up to a ranking score (fitted with the decision; see
# bot/services/decision.py): BM25 relative to the best candidate, cosine similarity to the
# passage and to its FAQ question, coverage of the question's words, answer kind held.
RANK_WEIGHTS: dict[str, float] = {
    "bm25": 1.0,
    "similarity": 0.5,
    "question_similarity": 1.0,
    "coverage": 3.0,
    "kind": 1.0,
    "sentence": 3.0,
}
# added to the ranking score of an FAQ item whose question's words the member all said
# (0.5 and 1.0 ranked the 60 question files alike, 2.0 gave one more wrong answer)
ASKED_ITEM_BONUS = 1.0
NEW_SUBJECT_SHARE = 0.5  # a follow-up with this share of its weight in unknown words inherits no programme
VALUE_LINE_WORDS = 8  # a line this short that holds a value, and is no sentence, takes its topic from its neighbours
TITLE_FORM_MIN = 5  # a term and a title's term this long, one starting the other, are one word in two forms
OWN_WORD_SHARE = 0.9  # a synonym is worth at most this share of the member's own word in choosing a snippet
SENTENCE_POOL = 3  # the best candidates whose sentences are compared with the question one by one (6 ranked the fitting sets the same, at twice the cost)
KIND_SWAP_SHARE = 0.5  # a passage holding the asked kind replaces a first that lacks it only from this share of its score
HEAD_SAID = 0.5  # a role whose title names the thing the question says is named by that much more than its siblings


# A heading that says where one works ("## Location", "## Where you'll work"): what is under it
# answers "is it remote?" even when it names only the place
_WORKPLACE_HEADING = re.compile(
    r"^[\W_]*(?:(?:work|job|office) )?(?:location|locations|workplace|place of work|work setting|based)"
    r"(?:\s*[/&]\s*remote(?: work)?(?: policy)?)?[\W_]*$"
    r"|^[\W_]*where (?:you(?:'|’)ll|you will|you) (?:work|be (?:based|working))[\W_]*$"
)


@dataclass(frozen=True, slots=True)
class Turn:
    """An earlier question of the same conversation."""

    question: str
    at: datetime
    topic: tuple[str, ...] = ()  # the words that named its programme


class Candidate(NamedTuple):
    """A passage considered for an answer, with its signals (a named tuple: an answer makes
    some seventy, and a frozen dataclass costs four times as much to make)."""

    position: int
    bm25: float
    similarity: float
    question_similarity: float
    coverage: float
    kind: float
    sentence: float  # the best cosine of the question with one of its sentences
    score: float
    matched: tuple[str, ...] = ()  # the question's terms it has (directly or by synonym)


@dataclass(frozen=True, slots=True)
class Consideration:
    """Everything decided about a question before it is rendered."""

    text: str  # the question as asked, normalised
    searched: str  # what was searched: typos corrected, a follow-up's topic added
    query: Query
    vector: np.ndarray
    kind: AnswerKind | None
    candidates: tuple[Candidate, ...]  # best first
    evidence: Evidence | None  # of the first candidate
    topic: tuple[str, ...]
    named: frozenset[str] = frozenset()  # the terms that named its programme (its own or inherited)
    others: tuple[str, ...] = ()  # names of programmes the knowledge base does not have ("the Anthropic fellowship")
    corrected: str = ""  # the question as read: typos corrected, asking phrases said plainly ("" when not read)
    update: Candidate | None = None  # a later passage that moves the date the first gives ("the induction has moved")

    @property
    def asked(self) -> str:
        """Return the question as read (as asked when it was not read)."""
        return self.corrected or self.text


class AnswerService:
    """Turn questions into answers over the current knowledge snapshot."""

    def __init__(
        self,
        holder: SnapshotHolder,
        settings: Settings,
        roles: RoleService | None = None,
        model: Model = SHIPPED,
        rank_weights: dict[str, float] | None = None,
    ) -> None:
        self.holder = holder
        self.settings = settings
        self.roles = roles
        self.model = model
        self.rank_weights = dict(rank_weights or RANK_WEIGHTS)

    def clean_question(self, question: str) -> str:
        """Normalise a question; raise QuestionError if it is empty or too long
        (:func:`bot.services.validation.checked_question`).

        Control characters and bytes that are not UTF-8 are removed here, at the boundary, so
        they are neither stored nor echoed.
        """
        return checked_question(question, self.settings.answers.max_question_chars)

    def ask(self, question: str, history: Sequence[Turn] = (), now: datetime | None = None) -> Answer:
        """Answer ``question`` from one consistent snapshot; ``history`` holds the conversation's earlier turns."""
        text = self.clean_question(question)
        snap = self.holder.current
        talk = small_talk(text)
        if talk is not None:
            titles = list(dict.fromkeys(d.title for d in snap.corpus.documents))
            return Answer(text, False, (), reply=help_text(titles, talk), snapshot_id=snap.snapshot_id)
        seen = self.consider(text, history, now, snap)
        engine = snap.engine
        passages = snap.corpus.passages
        # "what roles are open at quillon?": the open roles are the answer, with the passage
        # that speaks of them when there is one
        limit = self.settings.answers.listed_roles
        # (a follow-up, "any remote ones?", is narrowed by the programme it inherits)
        listed = self.roles.openings(seen.searched, snap) if self.roles and limit else []
        if seen.evidence is None:
            if listed:
                return self._listing(text, (), listed, snap, seen, 0.0)
            return Answer(text, False, (), snapshot_id=snap.snapshot_id, topic=seen.topic)
        verdict, confidence = self.decide(seen)
        first = seen.candidates[0]
        if listed:
            shown = (self._cite(first.position, first.score, seen, snap),) if verdict != "none" else ()
            return self._listing(text, shown, listed, snap, seen, confidence)
        if verdict == "none":
            asked = (passages[c.position].question for c in seen.candidates)
            suggestions = tuple(dict.fromkeys(q for q in asked if q))[: self.settings.answers.suggestions]
            return Answer(
                text,
                False,
                (),
                coverage=first.coverage,
                suggestions=suggestions,
                snapshot_id=snap.snapshot_id,
                verdict="none",
                confidence=confidence,
                topic=seen.topic,
                others=seen.others,
            )
        # "See also": beside a confident answer, passages that have a share of the question too;
        # under "not sure", simply the next closest (the first may not be the one that answers).
        cited = [first] if seen.update is None else [seen.update, first]
        for c in seen.candidates[1:]:
            if c is seen.update:
                continue
            if len(cited) > self.settings.retrieval.see_also:
                break
            if (
                verdict == "answer" and c.coverage < self.settings.retrieval.see_also_min_coverage
            ) or c.score < SEE_ALSO_RATIO * first.score:
                continue
            if any(_same_place(passages[c.position], passages[o.position]) for o in cited):
                continue
            cited.append(c)
        # Under "not sure" the passages after the closest are offered to look at, not as the
        # answer: their opening words are shown, not sentences chosen for the question (the
        # choosing costs a third of a millisecond a passage, and most answers are "not sure").
        citations = tuple(
            self._cite(c.position, c.score, seen, snap) if i == 0 or verdict == "answer" else self._preview(c, snap)
            for i, c in enumerate(cited)
        )
        roles = (
            tuple(self.roles.related(seen.query, self.settings.answers.related_roles, snap))
            if self.roles and verdict == "answer"
            else ()
        )
        return Answer(
            text,
            verdict == "answer",
            citations,
            matched_terms=tuple(_surface_words(engine, seen.searched, list(first.matched))),
            coverage=first.coverage,
            roles=roles,
            snapshot_id=snap.snapshot_id,
            verdict=verdict,
            confidence=confidence,
            topic=seen.topic,
        )

    def _listing(
        self,
        text: str,
        citations: tuple[Citation, ...],
        listed: list[Role],
        snap: Snapshot,
        seen: Consideration,
        confidence: float,
    ) -> Answer:
        """Return the answer to a question that asks which roles are open: the first
        ``answers.listed_roles`` of them (and how many there are), after the passage that
        speaks of them, if any."""
        return Answer(
            text,
            True,
            citations,
            roles=tuple(listed[: self.settings.answers.listed_roles]),
            snapshot_id=snap.snapshot_id,
            verdict="answer",
            confidence=confidence,
            topic=seen.topic,
            listed=len(listed),
        )

    def decide(self, seen: Consideration) -> tuple[Verdict, float]:
        """Return the verdict on a consideration (for calibration and tests)."""
        if seen.evidence is None or seen.others:
            return "none", 0.0  # about another programme: no document here describes it
        return self.model.verdict(seen.evidence)

    # -- finding and ranking candidates -------------------------------------------------

    def consider(
        self,
        text: str,
        history: Sequence[Turn] = (),
        now: datetime | None = None,
        snap: Snapshot | None = None,
    ) -> Consideration:
        """Find, measure and rank the candidate passages for a (cleaned) question."""
        snap = snap or self.holder.current
        engine = snap.engine
        corrected = _corrected(engine, said_plainly(text))
        words = engine.tokenizer.words(corrected)
        clips = snap.names.clips(engine.tokenizer, words)  # "physio": the name's "physiotherapist" said short
        said = snap.names.said(engine.tokenizer, words, clips)
        named = snap.names.named(said)
        topic = tuple(w for w in words if engine.tokenizer.term(w) in named or set(clips.get(w, ())) & named.keys())
        others = other_names(corrected, lambda w: _known(snap, w), lambda w: _names_term(snap, w))
        others += other_editions(words, lambda w: _in_a_name(snap, w), lambda w: _said_in_a_name(snap, w))
        others += other_kinds(words, lambda w: _names_term(snap, w), lambda w: _known(snap, w))
        others += other_levels(corrected, snap.name_levels)
        others += other_seniorities(corrected, snap.name_seniorities)
        searched = corrected
        # A follow-up that is mostly about what the knowledge base never mentions ("what is the
        # best pizza?") starts a new subject: it inherits no programme.
        inherited = () if named or others else _inherited_topic(history, now, self.settings.answers.conversation_minutes)
        if inherited and _unknown_share(engine, engine.query(corrected, snap.names.expansions)) < NEW_SUBJECT_SHARE:
            topic = inherited
            searched = f"{corrected} ({' '.join(inherited)})"
            named = snap.names.named(snap.names.said(engine.tokenizer, engine.tokenizer.words(" ".join(inherited))))
        names = frozenset(named)
        expansions = snap.names.expansions
        if clips:
            expansions = expansions | {term: clips[w] for w in clips if (term := engine.tokenizer.term(w))}
        query = engine.query(searched, expansions)
        vector = embed_one(_without_names(engine, searched, names))
        kind = asked_kind(corrected)  # "salry" asks for an amount as "salary" does
        choosing = snap.names.choosing(
            said if searched == corrected else snap.names.said(engine.tokenizer, engine.tokenizer.words(searched))
        )
        scope = snap.names.scope(choosing, engine.documents_with)
        scope = _by_role_title(snap, query, scope)
        scope = _with_its_companions(snap, scope, frozenset(named))
        scope, elsewhere = _with_what_speaks_of_it(snap, query, scope, frozenset(named))
        candidates = _in_named_groups(snap, query, _in_named_roles(snap, query, self._candidates(snap, query, vector, scope)))
        # a member who copies an FAQ's question ("Do I have to be a marine biology major?")
        # asks that item, whatever the names said chose
        # (in the member's own words, or as spelt right: not with the words said plainly added)
        copied = next(
            (found for asked in (text, corrected) for clause in _clauses_asked(asked) if (found := snap.faq_by_text.get(clause))),
            (),
        )
        if len(copied) == 1 and copied[0] not in candidates:
            candidates.update(snap.engine.rescore(query, np.asarray(copied)))
        if not candidates:
            return Consideration(text, searched, query, vector, kind, (), None, topic, names, others, corrected)
        # "what is X?" said in other words: nothing asked but X's names. A word that names only
        # documents the question's names did not choose is something asked ("what booking
        # software does greywacke use", beside a posting of Wattlebird Software's)
        defining = named
        if scope is not None:
            defining = {t: w for t, w in named.items() if not scope.isdisjoint(snap.names.docs_of.get(t, ()))} or named
        # ... or "how does X work?", "explain X": all of it, from its overview
        overview = asks_overview(corrected)
        frame = _overview_terms(engine.tokenizer) if overview else frozenset()
        definition = bool(defining) and all(
            t in defining or t in frame or query.importance.get(t, 0) < 1.0 for t in query.unique_terms
        )
        measured = self._measure(
            snap, query, vector, kind, searched, candidates, definition, corrected, names, overview and definition
        )
        # Nothing the names chose holds what is asked ("how many days off do junior fellows
        # get?" over the junior interview day's e-mail, which says "day"): an FAQ called by one
        # of the names whose text says the others may ("Science Communication Fellowship –
        # FAQ", which says "Junior Fellowship" throughout), if it holds it. (Not another
        # page: a sibling's, "Software Track Intern Guide", says "hardware" too.)
        if (
            kind is not None
            and scope is not None
            and not any(c.kind > 0 for c in measured[:SENTENCE_POOL])
            and (wider := _called_saying_the_others(snap, scope, frozenset(named), faqs=True))
        ):
            more = _in_named_groups(
                snap, query, _in_named_roles(snap, query, self._candidates(snap, query, vector, scope | wider))
            )
            again = self._measure(
                snap, query, vector, kind, searched, more, definition, corrected, names, overview and definition
            )
            if any(c.kind > 0 for c in again[:SENTENCE_POOL]):
                scope, candidates, measured = scope | wider, more, again
        if len(copied) == 1 and measured[0].position != copied[0]:
            # the FAQ item whose question the member copied comes first, if it holds what is asked
            item = next((c for c in measured if c.position == copied[0]), None)
            if item is not None and (kind is None or item.kind > 0):
                measured = [item, *(c for c in measured if c is not item)]
        if kind is not None and measured[0].kind < 0:
            # The best passage lacks the kind of answer asked for, so it can only be declined;
            # the next of the best three that holds it where it is asked is judged instead
            # ("how many years is the grad scheme?": the benefits list, which has every word
            # of it, ranked above "a two-year, paid, full-time programme").
            # (one that ranks far below it is no near second: "who owns the code I write?" is
            # answered by its own FAQ item, not by the contact details)
            holding = next(
                (c for c in measured[1:SENTENCE_POOL] if c.kind > 0 and c.score >= KIND_SWAP_SHARE * measured[0].score),
                None,
            )
            if holding is not None:
                measured = [holding, *(c for c in measured if c is not holding)]
        passages = snap.corpus.passages
        if _given_asked_of_a_requirement(passages[measured[0].position], corrected):
            # "what qualification do trainees get?": not what applicants must hold, but the
            # next of the best three that is not a list of requirements ("Training and qualification")
            given = next(
                (
                    c
                    for c in measured[1:SENTENCE_POOL]
                    if not _given_asked_of_a_requirement(passages[c.position], corrected)
                    and c.score >= KIND_SWAP_SHARE * measured[0].score
                ),
                None,
            )
            if given is not None:
                measured = [given, *(c for c in measured if c is not given)]
        first = measured[0]
        # (a passage elsewhere that states the same sum, a careers page's table row beside the
        # role's own section, agrees with the first: the margin is over the next that does not)
        stated = stated_values(passages[first.position].text, kind)
        runner_up = next(
            (
                c
                for c in measured[1:]
                if not _same_place(passages[c.position], passages[first.position])
                and not (stated and stated_values(passages[c.position].text, kind) & stated)
            ),
            None,
        )
        held = first.kind  # measured where it is asked (see _measure)
        evidence = Evidence(
            coverage=_asked_coverage(engine, query, first, names),
            similarity=first.similarity,
            question_similarity=first.question_similarity,
            kind=max(held, 0.0),
            missing=1.0
            if (kind is not None and held < 0)
            or _other_year(
                corrected,
                passages[first.position],
                kind,
                lambda: _document_ranges(snap, first.position),
                lambda: _document_editions(snap, first.position),
            )
            or _thing_unsaid(engine, query, corrected, passages[first.position], names, kind)
            or _of_another_role(snap, query, first.position, kind)
            or _another_posting(snap, query, first.position)
            or (kind is None and _said_for_another_group(snap, query, first.position, names))
            or _of_a_sibling_programme(snap, query, corrected, first.position, names, kind)
            or _unposted_role(snap, corrected, first.position)
            or _only_a_call_to_apply(passages[first.position], corrected)
            or _given_asked_of_a_requirement(passages[first.position], corrected)
            or for_another_group(corrected, passages[first.position].text)
            or (kind in _FIGURES and tenure_unsaid(corrected, passages[first.position].text))
            or (kind == "amount" and _another_place(snap, names, first.position, corrected))
            or (kind == "amount" and _unknown_place(snap, corrected) and _posted_at_a_place(snap, first.position))
            else 0.0,
            margin=first.score - (runner_up.score if runner_up else 0.0),
            # a name, or ordinary words said in a row as a name says them ("the level 2"), chose it
            named=1.0 if scope is not None and choosing else 0.0,
            unknown=_unknown_share(engine, query),
            sentence=first.sentence,
            absent=engine.absent_share(
                query,
                first.position,
                # ("people" of "how many people get in?" is said by the count, in the document's words)
                names
                | _kind_terms(engine, corrected, kind, held)
                | (_said_by_kind(engine, corrected, kind) if held > 0 and kind == "count" else frozenset()),
            ),
            general=kind is None and _introduction(engine, query, passages[first.position], frozenset(defining)),
            implied=held > 0
            and _under_workplace_heading(passages[first.position], kind)
            and not holds_as_asked(passages[first.position].text, "workplace", corrected),
            copied=copied == (first.position,),
            elsewhere=_said_of_elsewhere(snap, first.position, names, elsewhere),
        )
        # a later passage that moves the date the first gives is cited first (the first, judged,
        # is cited after it)
        update = _update_of(snap, query, corrected, measured, names) if kind == "date" else None
        return Consideration(
            text, searched, query, vector, kind, tuple(measured), evidence, topic, names, others, corrected, update
        )

    def _kind_where_asked(
        self,
        snap: Snapshot,
        query: Query,
        vector: np.ndarray,
        kind: AnswerKind,
        question: str,
        position: int,
        named: frozenset[str],
    ) -> float:
        """Return 1 when the asked kind of answer is in a sentence about what is asked, else -1.

        "How many interns are hired?" is not answered by a passage whose only number counts
        teams: the number must be in a sentence that shares a word of the question (its
        programme's name aside) or that is the closest to the question in meaning. A short
        FAQ answer is about its question, which counts as the member's when it shares a word
        with it or asks for the same kind ("When is the deadline?" for "last day to apply?").
        """
        passage = snap.corpus.passages[position]
        parts = unit_texts(passage.text)
        if not parts:
            return -1.0
        if kind in ("person", "contact") and has_contact(passage.text, question):
            return 1.0
        if _under_workplace_heading(passage, kind) or _dated_as_asked(passage, kind, question):
            return 1.0
        if _under_schedule_heading(passage, kind) and holds_as_asked(passage.text, kind, question, passage.question):
            return 1.0
        if _listed_count(passage, kind, question):
            return 1.0
        wanted = {t for t in query.unique_terms if t not in named}
        for term in list(wanted):
            wanted.update(query.synonyms.get(term, ()))
        tokenizer = snap.engine.tokenizer
        if (
            passage.question
            and len(parts) <= 2
            and (wanted & set(tokenizer(passage.question)) or asked_kind(passage.question) == kind)
        ):
            return 1.0 if holds_as_asked(passage.text, kind, question, passage.question) else -1.0
        closest = int(np.argmax(unit_vectors(passage.text) @ vector))
        terms = [set(tokenizer(part)) for part in parts]
        # a name that only some parts say tells which of them is about what is asked: in a
        # list of positions, the line that names the role ("Cellar Technician — … $21–$24/hour")
        naming = _naming(snap, position, named, terms)
        # when the question names only its programme ("how long is the reporting fellowship?"),
        # a sentence that names it is about what is asked
        # a heading that says all that is asked ("OPEN DAY" for "when's the open day?") makes
        # every line under it about it
        heading = passage.section.split(SECTION_SEP)[-1] if passage.section else ""
        headed = bool(wanted) and wanted <= set(tokenizer(heading))
        about = [
            headed
            or i == closest
            or bool(wanted & t)
            or (naming[i] and not all(naming))
            or (not wanted and bool(named & t))
            for i, t in enumerate(terms)
        ]
        # a list that names the asked role in some items: the others are about other roles,
        # however close ("• Digital Preservation Officer, … £34,200" is no Web Archivist's pay),
        # whatever they hold ("• Cellar Technician — … $21–$24/hour" is no lab assistant's)
        another_item = [False] * len(parts)
        if any(naming) and not all(naming) and all(p.startswith(BULLET) for p, n in zip(parts, naming, strict=True) if n):
            another_item = [not n and p.startswith(BULLET) for n, p in zip(naming, parts, strict=True)]
            about = [a and not o for a, o in zip(about, another_item, strict=True)]
            roles = _role_terms(snap, named)
            if not any(t & roles for t, n in zip(terms, naming, strict=True) if n):
                another_item = [False] * len(parts)  # an item named by a place ("• Location: Porto") is no role's
        # a name the question says that its document's title does not (a group or role the
        # page speaks of: "how much do ycc crew leaders get paid?" of a blog about the corps)
        # is what the sentence holding the answer must be about, unless the passage's heading
        # or FAQ question says it (then all of it is)
        sub = _sub_names(snap, position, named)
        of_sub = [True] * len(parts)
        if (
            sub
            and sub.isdisjoint(tokenizer(f"{passage.section or ''} {passage.question or ''}"))
            and any(sub & t for t in terms)
        ):
            of_sub = [bool(sub & t) for t in terms]
            about = [a and o for a, o in zip(about, of_sub, strict=True)]
        for i, part in enumerate(parts):
            if another_item[i] or not holds_as_asked(part, kind, question, passage.question):
                continue
            # A bare value line ("$7,650/month to $12,134/month + benefits") is about what
            # the line next to it says ("Individual compensation is determined by …"); a short
            # sentence ("Applications close on 31 January 2027.") says what it is about.
            bare = len(part.split()) <= VALUE_LINE_WORDS and not part.rstrip().endswith((".", "!", "?"))
            if kind == "amount" and not (
                of_sub[i] or (bare and any(of_sub[j] for j in (i - 1, i + 1) if 0 <= j < len(parts)))
            ):
                continue  # (a sum is the group's: "YCC members earn $17.50 an hour" is no crew leader's pay)
            if (
                about[i]
                or (bare and any(about[j] for j in (i - 1, i + 1) if 0 <= j < len(parts)))
                or (kind == "date" and dates_as_asked(part, question))
                or kind in ("weekdays", "age")  # "Tuesday through Saturday", "18 or older" say what they are about
                # "a 9-month role", "a two-year, paid apprenticeship": the length of the programme itself
                or (kind == "duration" and _PROGRAMME_LENGTH.search(part) is not None)
                or label_kind(part) == kind  # "Amount: up to £5,000" says what it gives
                or (kind == "workplace" and label_kind(part) == "place")  # "Location: Building C (fully on site)"
                or (kind == "amount" and bounds_asked_sum(part, question))  # "between £1,000 and £5,000"
                or (kind == "amount" and pays_asked_sum(part, question))  # "the full-time rate is $1,612.40 per week"
                or (kind == "count" and counts_the_asked(part, question))  # "hosts three fellows"
            ):
                return 1.0
        return -1.0

    def _candidates(
        self, snap: Snapshot, query: Query, vector: np.ndarray, scope: frozenset[int] | None
    ) -> dict[int, float]:
        """Return candidate positions with their BM25 score (0 for those found by meaning alone).

        A scope small enough to be searched whole needs neither index: every passage of it
        is a candidate, scored alike (BM25 finds only passages with a question word, and the
        programme's name is in its title, not in each FAQ answer; the title credit of
        SearchEngine.rescore gives each passage of the named document the same credit for
        the name).
        """
        engine = snap.engine
        if scope is not None:
            # Passages come document after document, so a document's passages are one range.
            docs = np.fromiter(scope, dtype=np.int32)
            starts = np.searchsorted(engine.doc_of, docs, side="left")
            ends = np.searchsorted(engine.doc_of, docs, side="right")
            if int((ends - starts).sum()) <= SCOPE_EXACT:
                ids = np.concatenate([np.arange(a, b) for a, b in zip(starts.tolist(), ends.tolist(), strict=True)])
                return dict(engine.rescore(query, ids))
        found: dict[int, float] = dict(engine.search(query, BM25_POOL))
        ids, _ = engine.semantic.top(vector, SEMANTIC_POOL)
        for position in ids.tolist():
            found.setdefault(position, 0.0)
        if scope is None:
            return found
        return {p: s for p, s in found.items() if int(engine.doc_of[p]) in scope}

    def _measure(
        self,
        snap: Snapshot,
        query: Query,
        vector: np.ndarray,
        kind: AnswerKind | None,
        question: str,
        found: dict[int, float],
        definition: bool = False,
        asked: str = "",
        named: frozenset[str] = frozenset(),
        overview: bool = False,
    ) -> list[Candidate]:
        """Measure each candidate's signals and rank them, best first.

        The sentence-level signals are computed for the :data:`SENTENCE_POOL` best by the
        other signals only (it embeds each of their sentences); the others keep their
        passage similarity in its place. For those best, and for the first after ranking, the
        asked kind of answer counts only where the decision counts it (:meth:`_kind_where_asked`: in a sentence about what is
        asked): "Where is the ML engineer job based?" is not answered by a passage whose only
        place word is in a sentence about something else, when the next one says "we have
        office spaces in NYC and Paris".
        """
        engine = snap.engine
        positions = np.fromiter(found, dtype=np.int64, count=len(found))
        bm25 = np.fromiter(found.values(), dtype=np.float64, count=len(found))
        best = bm25.max() if len(bm25) else 0.0
        relative = bm25 / best if best > 0 else bm25
        listed = positions.tolist()
        sims = np.asarray(engine.semantic.similarity(vector, listed), dtype=np.float64)
        heads = np.asarray(_head_similarities(engine, vector, listed, sims), dtype=np.float64)
        passages = snap.corpus.passages
        kinds = np.zeros(len(listed))
        if kind is not None:
            for i, position in enumerate(listed):
                passage = passages[position]
                # in the answer, not in an FAQ item's question ("I have been out of school
                # for several years…" holds no duration of anything asked)
                held = holds_as_asked(passage.text, kind, question, passage.question) or _under_workplace_heading(
                    passage, kind
                )
                held = held or _dated_as_asked(passage, kind, question)
                kinds[i] = 1.0 if held or _listed_count(passage, kind, question) else -1.0
        elif definition:
            # a document's opening says what it is; with "how does X work?", so does a section
            # headed so ("How the Fellowship works"), and no other passage does ("Can I work
            # remotely?" says "work" of something else)
            if overview:
                kinds[:] = -1.0
            kinds[
                [
                    i
                    for i, position in enumerate(listed)
                    if passages[position].id == 0 or (overview and _overview_heading(passages[position]))
                ]
            ] = 1.0
        # "start" of "when does the season start?" is said by a passage that dates the start,
        # in whatever words ("The 2026 season runs from 6 April")
        said = _said_by_kind(engine, question, kind)
        coverages = engine.coverage_many(query, listed, [said if k > 0 else frozenset() for k in kinds] if said else ())
        # One column per signal, in the order of the weights (a candidate's fields by name).
        signals = {
            "bm25": relative,
            "similarity": sims,
            "question_similarity": heads,
            "coverage": np.fromiter((c for c, _ in coverages), dtype=np.float64, count=len(listed)),
            "kind": kinds,
            "sentence": sims.copy(),
        }
        names = list(self.rank_weights)
        weights = np.asarray([self.rank_weights[n] for n in names])
        asked_item = ASKED_ITEM_BONUS * _asked_items(engine, query, [passages[p] for p in listed])

        def ranked() -> tuple[np.ndarray, np.ndarray]:
            score = np.column_stack([signals[n] for n in names]) @ weights + asked_item
            return np.lexsort((positions, -score)), score

        order, _ = ranked()
        pool = order[:SENTENCE_POOL]
        for i, vectors in zip(
            pool.tolist(), unit_vectors_many([passages[listed[i]].text for i in pool.tolist()]), strict=True
        ):
            if len(vectors):
                signals["sentence"][i] = float((vectors @ vector).max())
            if kind is not None and kinds[i] > 0:
                kinds[i] = self._kind_where_asked(snap, query, vector, kind, asked or question, listed[i], named)
        order, score = ranked()
        best = int(order[0])
        if kind is not None and kinds[best] > 0 and best not in pool:  # what the decision will judge
            kinds[best] = self._kind_where_asked(snap, query, vector, kind, asked or question, listed[best], named)
        # Python floats, converted once per column (indexing numpy arrays one value at a time is slow).
        rel, sim, head, cov, held, sentence, total = (
            a.tolist() for a in (relative, sims, heads, signals["coverage"], kinds, signals["sentence"], score)
        )
        return [
            Candidate(
                listed[i], rel[i], sim[i], head[i], cov[i], held[i], sentence[i], total[i], tuple(coverages[i][1])
            )
            for i in order.tolist()
        ]

    # -- citing -------------------------------------------------------------------------

    def cite_candidate(self, seen: Consideration, rank: int = 0) -> Citation:
        """Return the citation of the candidate at ``rank`` (the best by default) as an answer
        would cite it, whatever the verdict (for calibration and evaluation)."""
        chosen = seen.candidates[rank]
        return self._cite(chosen.position, chosen.score, seen, self.holder.current)

    def _concepts(
        self,
        engine: SearchEngine,
        query: Query,
        position: int,
        named: frozenset[str] = frozenset(),
        section: str | None = None,
        spelt: Mapping[str, frozenset[str]] | None = None,
        role: frozenset[str] = frozenset(),
    ) -> list[dict[str, float]]:
        """Weigh query terms for choosing snippet sentences.

        A term counts by how topical it is (specificity) times how rare it is in the
        knowledge base (idf): "Hugging Face" in every passage picks no sentence. The words
        of the document's title that chose it do not count: they chose the document, not
        the sentence. When the question named its programme (``named``), those are the
        title's words among the names ("ML engineer" in "Is the ML engineer job remote?");
        another word of the title still counts ("remote" in a posting titled "… EMEA
        remote" is what is asked), and so does a name that is not the title's (a position
        on a page of several), unless the heading the passage is under (``section``) says
        it: under "Senior Geospatial Engineer", the role's name is in every other line.
        The words of the heading of a posted role's section (``role``) chose the passage
        too, named or not: under "Seasonal Cellar Hand", "pay for cellar hand?" is
        answered by the "Pay:" line, not by a later one that mentions "cellar". When it
        named nothing, every word of the title chose it. An acronym of ``spelt`` is
        matched by the unit that has all its words (see :func:`snippets.snippet`), and is
        worth what the rarest of them is.
        """
        title = engine.topic_terms(position)
        chose = named & title if named else title
        if named and section:
            # a role's name said in the heading the passage is under ("Senior Geospatial
            # Engineer" on a careers page) chose the passage, as the title's words do
            chose = chose | (named & frozenset(engine.tokenizer(section)))
        chose = chose | role
        factor = self.settings.retrieval.synonym_weight
        floor = 0.05 * engine.index.unknown_idf()

        def weight(term: str, base: float) -> float:
            idf = engine.index.term_idf(term)
            w = base * max(idf if idf is not None else 0.0, floor)
            return 0.0 if _in_title(term, chose) else w

        concepts = []
        for term in query.unique_terms:
            base = 0.0 if _in_title(term, chose) else engine.informativeness(term, query)
            if spelt and (words := spelt.get(term)):
                concepts.append({term: max(weight(w, base) for w in words)})
                continue
            concept = {term: weight(term, base)}
            # the member's own word, where the documents use it, is worth more than any of its
            # synonyms: "Pay: USD 32–40 per hour" answers "pay?" before "a USD 500 stipend", and
            # "Interns are paid a monthly stipend:" over its list before "a housing stipend"
            cap = OWN_WORD_SHARE * concept[term] if engine.index.term_idf(term) is not None else float("inf")
            for syn in query.synonyms.get(term, ()):
                concept[syn] = min(weight(syn, base * factor), cap)
            concepts.append(concept)
        # "move in date": the line with "move-in" before the one with "move-out"
        concepts.extend({term: weight(term, base)} for term, base in query.joined.items())
        return concepts

    def _preview(self, candidate: Candidate, snap: Snapshot) -> Citation:
        """Return a citation of a passage's opening words (an FAQ item's question first)."""
        passage = snap.corpus.passages[candidate.position]
        limit = self.settings.answers.snippet_chars
        lead = f"{passage.question}\n" if passage.question else ""
        return _citation(passage, lead + trim_words(passage.text, max(1, limit - len(lead))), candidate.score)

    def _cite(self, position: int, score: float, seen: Consideration, snap: Snapshot) -> Citation:
        engine = snap.engine
        passage = snap.corpus.passages[position]
        parts = list(unit_texts(passage.text))
        meaning = unit_vectors(passage.text) @ seen.vector if parts else np.zeros(0)
        kinds = [seen.kind is not None and holds_as_asked(p, seen.kind, seen.asked, passage.question) for p in parts]
        if parts and not any(kinds) and _under_workplace_heading(passage, seen.kind):
            kinds[0] = True  # under "## Location", the first sentence says where one works
        # what is asked (names aside) that this passage has: when its heading says all of it,
        # the section is the answer ("Interview process" for "what's the interview process?")
        topic = seen.named | engine.topic_terms(position)
        has = next((set(c.matched) for c in seen.candidates if c.position == position), set())
        asked = [
            {t, *seen.query.synonyms.get(t, ())}
            for t in seen.query.unique_terms
            if t not in topic and t in has
        ]
        # the acronyms the question says of another name than the page's own ("sre" on a careers page)
        spelt = _spelt(snap, position, seen.query.unique_terms)
        roles = snap.role_sections.get(int(engine.doc_of[position]), ())
        naming: list[bool] = []
        if sum(position in role.positions for role in roles) >= 2:
            naming = _naming(snap, position, seen.named, [set(engine.tokenizer(p)) for p in parts])
        elif _group_items(parts):
            # a list of what each group gets ("• Volunteers: we reimburse …", "• Seasonal
            # rangers: we do not pay …"): an item is about the group its label names (by a name
            # the knowledge base has: "• Hours: 40 hours/week" names no group)
            naming = [bool((m := _GROUP_ITEM.match(p)) and seen.named & set(engine.tokenizer(m.group(0)))) for p in parts]
        if any(naming) and not all(naming):
            # in a list of positions or groups, an item that names none of the question's names
            # while another does is about another role or group: neither its figure nor its
            # closeness counts
            for i, part in enumerate(parts):
                if part.startswith(BULLET) and not naming[i]:
                    kinds[i], meaning[i] = False, 0.0
        shown = snippet(
            passage,
            self._concepts(
                engine,
                seen.query,
                position,
                seen.named,
                passage.section,
                spelt,
                _headed_role(roles, position, passage.section, engine.tokenizer),
            ),
            engine.tokenizer,
            self.settings.answers.snippet_chars,
            meaning=[float(m) for m in meaning],
            kinds=kinds,
            # (under "Schedule", the hours asked are its list from the top: "• Monday to Friday,
            # 2:30 p.m. to 11:00 p.m." before the line about the first weeks' training shift)
            heading_answers=heading_answers(passage, asked, engine.tokenizer)
            or (_under_schedule_heading(passage, seen.kind) and bool(kinds) and kinds[0]),
            process=asks_process(seen.asked),
            given=frozenset(engine.tokenizer(given_words(seen.asked))),
            spelt=spelt,
            eligibility=asks_eligibility(seen.asked),
            listed=self._listed(engine, seen),
        )
        return _citation(passage, shown, score)

    @staticmethod
    def _listed(engine: SearchEngine, seen: Consideration) -> frozenset[str]:
        """Return the terms of the things a question asks all of, each with its synonyms."""
        terms = {t for noun in listed_nouns(seen.asked) for t in engine.tokenizer(noun)}
        return frozenset(terms.union(*(seen.query.synonyms.get(t, ()) for t in terms)))


def _headed_role(
    roles: Sequence[RoleSection], position: int, section: str | None, tokenizer: Tokenizer
) -> frozenset[str]:
    """Return the words of the heading a passage is under when it is the heading of one
    role's posting ("seasonal", "cellar", "hand" under "Seasonal Cellar Hand"); none under a
    heading of its own ("Requirements"), for a passage of a list of positions, or of no
    role or several."""
    own = [r for r in roles if position in r.positions and not r.by_item]
    if len(own) != 1 or not section:
        return frozenset()
    heading = frozenset(tokenizer(section.split(SECTION_SEP)[-1]))
    return heading if own[0].terms <= heading else frozenset()


# "• Volunteers: …", "• Seasonal rangers: …": a list item led by whom it is about
_GROUP_ITEM = re.compile(rf"^{re.escape(BULLET)}\s*(?:[A-Z][\w'’-]*\s+){{0,3}}?[A-Z]?[\w'’-]*s:\s")


def _group_items(parts: Sequence[str]) -> bool:
    """Tell whether two or more items of a passage are each led by a group's name and a colon."""
    return sum(_GROUP_ITEM.match(p) is not None for p in parts) >= 2


def _asked_items(engine: SearchEngine, query: Query, passages: Sequence[Passage]) -> np.ndarray:
    """Return 1 for each FAQ item whose question's every word (two or more) the member said,
    in any order and among others ("can i do the stage management apprenticeship part time"
    says all of "Can I do the apprenticeship part-time?"), else 0."""
    asked = set(query.unique_terms)
    for term in query.unique_terms:
        asked.update(query.synonyms.get(term, ()))
    out = np.zeros(len(passages))
    for i, passage in enumerate(passages):
        if passage.question and len(own := _question_terms(engine.tokenizer, passage.question)) >= 2 and own <= asked:
            out[i] = 1.0
    return out


@lru_cache(maxsize=65_536)
def _question_terms(tokenizer: Tokenizer, question: str) -> frozenset[str]:
    """Return the terms of an FAQ item's question, a compound's joined term aside ("part-time"
    is said by "part time": its joined term is no word of its own)."""
    own = set(tokenizer(question))
    return frozenset(t for t in own if not _joined(t, own))


def _joined(term: str, terms: set[str]) -> bool:
    """Tell whether ``term`` is two others of ``terms`` joined ("parttim": "part" and "time")."""
    return any(
        term != a
        and term.startswith(a)
        and (rest := term[len(a) :])
        and any(b != term and (b.startswith(rest) or rest.startswith(b)) for b in terms)
        for a in terms
    )


def _citation(passage: Passage, shown: str, score: float) -> Citation:
    """Return the citation of ``passage`` showing ``shown`` as its snippet."""
    return Citation(
        source=passage.source,
        title=passage.title,
        url=passage.url,
        section=passage.section,
        snippet=shown,
        score=score,
        line=passage.line,
        published=passage.published,
        question=passage.question,
    )


def _dated_as_asked(passage: Passage, kind: AnswerKind | None, question: str) -> bool:
    """Tell whether the passage is the opening of a document whose publication date answers
    "when was the residency announced?" (the date is shown with its citation)."""
    return kind == "date" and passage.id == 0 and passage.published is not None and asks_published(question)


def _under_workplace_heading(passage: Passage, kind: AnswerKind | None) -> bool:
    """Tell whether ``passage`` says where one works by its heading: under "## Location", "Apprentices
    report to the training centre, 4100 Ridgeline Road" answers "is it remote?"."""
    return (
        kind == "workplace"
        and passage.section is not None
        and _WORKPLACE_HEADING.match(passage.section.rsplit(" › ", 1)[-1].casefold()) is not None
    )


_SCHEDULE_HEADING = re.compile(
    r"^(?:\W*\s*)?(?:(?:working |work |opening )?hours(?: of work)?|schedule|(?:work(?:ing)? )?(?:pattern|rota)|shifts?(?: pattern)?)\W*$"
)


def _under_schedule_heading(passage: Passage, kind: AnswerKind | None) -> bool:
    """Tell whether ``passage`` is under a heading that names working hours ("## Schedule",
    "Hours of work"): its times are the hours asked about ("museum educator hours?" against
    "working Tuesday to Saturday, 9:00 am to 5:00 pm")."""
    return (
        kind == "schedule"
        and passage.section is not None
        and _SCHEDULE_HEADING.match(passage.section.rsplit(SECTION_SEP, 1)[-1].casefold()) is not None
    )


def _listed_count(passage: Passage, kind: AnswerKind, question: str) -> bool:
    """Tell whether the passage answers "how many rounds …?" by listing them under its heading (:func:`counted_by_list`)."""
    heading = passage.section.split(SECTION_SEP)[-1] if passage.section else None
    return kind == "count" and counted_by_list(passage.text, heading, question)


def _with_its_companions(snap: Snapshot, scope: frozenset[int] | None, named: frozenset[str]) -> frozenset[int] | None:
    """Return ``scope`` with the documents of the same programme beside its one document: a
    page whose title opens with the same two words ("Backstage Pathways: Frequently Asked
    Questions" beside "Backstage Pathways 2025–2027: Stage Technician Apprenticeship
    Programme Guide"), that names no other kind of programme in its title, is called by a
    name the question says, and says the others in its text ("fellmoor apprenticeship" is
    both pages')."""
    if scope is None or len(scope) != 1:
        return scope
    (doc,) = scope
    documents = snap.corpus.documents
    lead = tuple(snap.engine.tokenizer(documents[doc].title))[:2]
    kinds = {k for k in PROGRAMME_KINDS if k in documents[doc].title.casefold()}
    out = set(scope)
    for other in snap.title_leads.get(lead, ()):
        if other == doc:
            continue
        title = documents[other].title.casefold()
        if any(k in title for k in PROGRAMME_KINDS - kinds):
            continue  # "Quillmere Institute Summer Research Fellowship" beside its postdoc
        calls = snap.names.by_doc[other]
        if not named & calls:
            continue
        if (own := calls & snap.names.telling) and not own & named:
            continue  # a sibling, "… – London", called by what the question does not say beside "… – Lisbon"
        if all(term in calls or snap.engine.documents_with(term, [other]) for term in named):
            out.add(other)
    return frozenset(out)


def _with_what_speaks_of_it(
    snap: Snapshot, query: Query, scope: frozenset[int] | None, named: frozenset[str]
) -> tuple[frozenset[int] | None, frozenset[int]]:
    """Return ``scope`` with the documents whose FAQ speaks of what is asked, when no
    document of it says anything of it, and those added.

    "crew wifi night route?": the seasonal jobs page, named by "night route", never speaks of
    Wi-Fi; the crew FAQ, called by "crew", answers it for both routes and says "Northern
    Night Route" in its text. "can i smoke at hollins?": the careers page, named by the
    bakehouse's place, never speaks of smoking; the staff FAQ, called by nothing but its
    organisation's name, is every site's. Such a document is one called by a name the
    question says (not its organisation's) whose text says the others, or a page of the
    same organisation called by nothing of its own (its name, an acronym, "FAQ"); not a
    sibling called by what the question does not say ("senior" beside the "junior" asked),
    nor a programme's own page unless it is its FAQ. What such a page of the organisation
    says is about the named programme only where it says so (see :func:`_said_of_elsewhere`):
    the pages of it added are returned with the scope.
    """
    if scope is None or not named:
        return scope, frozenset()
    engine = snap.engine
    frame = _frame_terms(engine.tokenizer)
    asked = [t for t in query.unique_terms if t not in named and t not in frame and engine.index.term_idf(t) is not None]
    if not asked or any(engine.documents_with(t, list(scope)) for t in asked):
        return scope, frozenset()
    others = _called_saying_the_others(snap, scope, named)
    pages: set[int] = set()
    if plain := snap.plain_pages - scope - others:
        # ("Kilnworth Bread Co-operative" is "Kilnworth Bread Co-operative Ltd")
        orgs = [own for d in scope if (own := _org_words(engine.tokenizer, snap.doc_orgs[d]))]
        pages = {
            d
            for d in plain
            if not _sibling(snap, d, named)
            and (org := _org_words(engine.tokenizer, snap.doc_orgs[d]))
            and any(org <= words or words <= org for words in orgs)
        }
    # (its FAQ answers what is asked: a list of positions that says a word of it, "a $2,000
    # signing bonus", says it of another position than the one named)
    passages = snap.corpus.passages
    speaking: set[int] = set()
    holding = [engine.index.passages_with(t) for t in asked] if others or pages else []
    for d in others | pages:
        first, last = np.searchsorted(engine.doc_of, [d, d + 1])
        for ids in holding:
            lo, hi = np.searchsorted(ids, [first, last])
            if any(passages[p].question for p in ids[lo:hi].tolist()):
                speaking.add(d)
                break
    return (scope | speaking, frozenset(speaking & pages)) if speaking else (scope, frozenset())


def _called_saying_the_others(
    snap: Snapshot, scope: frozenset[int], named: frozenset[str], faqs: bool = False
) -> set[int]:
    """Return the documents outside ``scope`` called by a name the question says (not its
    organisation's) whose text says the others: the crew FAQ, called by "crew", that says
    "Northern Night Route". Not a sibling called by what the question does not say
    ("senior" beside the "junior" asked), nor a programme's own page unless it is its FAQ;
    with ``faqs``, FAQs only."""
    engine = snap.engine
    calling = named - snap.org_terms  # (an organisation's name calls all its pages)
    documents = snap.corpus.documents
    called = sorted({d for t in calling for d in snap.names.docs_of.get(t, ())} - scope)
    saying = {t: set(engine.documents_with(t, called)) for t in named} if called else {}
    others: set[int] = set()
    for d in called:
        title = documents[d].title
        if (
            not _sibling(snap, d, named)
            and all(d in saying[t] for t in named - snap.names.by_doc[d])
            # (a programme's own page is not another's: "Game Design Internship – Summer
            # 2025" beside the winter one asked of; its FAQ is all its tracks')
            and (FAQ_HEADING.search(title) or not (faqs or any(k in title.casefold() for k in PROGRAMME_KINDS)))
        ):
            others.add(d)
    return others


def _sibling(snap: Snapshot, doc: int, named: frozenset[str]) -> bool:
    """Tell whether a document is a sibling called by what the question does not say
    ("senior" beside the "junior" asked)."""
    return bool((own := snap.names.by_doc[doc] & snap.names.telling) and not own & named)


def _said_of_elsewhere(snap: Snapshot, position: int, named: frozenset[str], added: frozenset[int]) -> bool:
    """Tell whether a passage of a document added to the question's scope (see
    :func:`_with_what_speaks_of_it`) says nothing of the names its document is not called
    by: "Dogs are not allowed on site" may be a general rule, but "no dogs at the Hollins
    Bakehouse" says it of the bakehouse asked about."""
    doc = int(snap.engine.doc_of[position])
    if doc not in added:
        return False
    passage = snap.corpus.passages[position]
    said = set(snap.engine.tokenizer(f"{passage.section or ''} {passage.question or ''} {passage.text}"))
    return not (named - snap.names.by_doc[doc]) <= said


def _org_words(tokenizer: Tokenizer, org: str | None) -> frozenset[str]:
    """Return the terms of an organisation's name, its legal form aside ("Ltd", "Co")."""
    return frozenset(tokenizer(org or "")) - _legal_forms(tokenizer)


@lru_cache(maxsize=4)
def _legal_forms(tokenizer: Tokenizer) -> frozenset[str]:
    """Return the terms of the words that give an organisation's legal form ("Ltd", and "Co"
    or "CIC", which a name may end in as well)."""
    return frozenset(tokenizer(" ".join((*LEGAL_FORMS, "co", "cic"))))


def _by_role_title(snap: Snapshot, query: Query, scope: frozenset[int] | None) -> frozenset[int] | None:
    """Return the documents of the roles whose whole title the question says, when its
    names chose documents whose titles it says less of; else ``scope``.

    A careers page's row names its page only by its words (see ``snapshot._names``), so
    "what does the senior ios engineer job pay?" was scoped by "engineer" alone to the
    Backend Engineering Intern's posting, while the page's row "Senior iOS Engineer" is the
    role asked about. A title of two words at least, all said, of an organisation the
    question names if it names one; the longest such wins. Part of a title is not enough:
    "ai internship" is no "Embodied AI Internship".
    """
    if scope is None:
        return scope
    titles = snap.titles
    asked = frozenset(query.unique_terms)
    orgs = asked & titles.orgs  # organisations the question names
    said: list[Title] = []
    for i in dict.fromkeys(i for term in asked for i in titles.roles_with.get(term, ())):
        title = titles.entries[i]
        if len(title.terms) >= 2 and title.terms <= asked and (not orgs or orgs & title.orgs):
            said.append(title)
    best = max((len(t.terms) for t in said), default=0)
    if not best:
        return scope
    for doc in scope:
        # a title in scope says as much, a word in its other form too ("trainee", "Traineeship")
        for i in titles.of_doc.get(doc, ()):
            if sum(_in_title(t, asked) for t in titles.entries[i].terms) >= best:
                return scope
    return frozenset(t.doc for t in said if len(t.terms) == best)


def _introduction(engine: SearchEngine, query: Query, passage: Passage, names: frozenset[str]) -> bool:
    """Tell whether a passage is its document's introduction (the text before its first
    heading, or under the title's own heading; not an FAQ item) and the question asks
    about something besides the programme itself: a word of weight that is neither a
    name nor a word of the document's title ("what is the summer program?" is answered by
    its introduction; "can a freshman apply to the summer program?" seldom is)."""
    if passage.id != 0 or passage.question is not None or passage.section not in (None, passage.title):
        return False
    if not _SAYS_SOMETHING.search(passage.text):
        return True  # a byline ("ML Engineer, Optimization team / Hugging Face / France") says what, not anything of it
    title = set(engine.tokenizer(f"{passage.title} {passage.org or ''}"))
    return any(
        t not in names and t not in title and query.importance.get(t, 0.0) >= 1.0 for t in query.unique_terms
    )


_SAYS_SOMETHING = re.compile(r"[a-z][.!?:;](?:\s|$)|\b(?:is|are|will|we|you)\b", re.I)  # a sentence, not only names and places


def _spelt(snap: Snapshot, position: int, terms: Iterable[str]) -> dict[str, frozenset[str]]:
    """Return the acronyms among ``terms`` that stand for another name than the passage's
    page's own, each with the terms it stands for ("sre": site, reliability, engineer)."""
    topic = snap.engine.topic_terms(position)
    return {t: frozenset(words) for t in terms if (words := snap.names.expansions.get(t)) and not set(words) <= topic}


def _role_terms(snap: Snapshot, named: frozenset[str]) -> frozenset[str]:
    """Return the question's names that are words of a posted role's title."""
    return frozenset(t for t in named if t in snap.role_heads)


def _naming(snap: Snapshot, position: int, named: frozenset[str], terms: Sequence[set[str]]) -> list[bool]:
    """Return, for the terms of each part of a passage, whether the part says a name of the
    question other than its page's own title or organisation: by its words, or by all the
    words its acronym stands for ("sre": "Site Reliability Engineer")."""
    listed = named - snap.engine.topic_terms(position)
    spelt = _spelt(snap, position, listed).values()
    return [bool(listed & t) or any(words <= t for words in spelt) for t in terms]


_PROGRAMME_LENGTH = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-](?:weeks?|months?|years?)(?:[\s-]long)?"
    r",?\s+(?:(?:paid|unpaid|full[\s-]time|part[\s-]time|residential|remote|intensive),?\s+){0,2}"
    r"(?:role|programme|program|internship|residency|fellowship|apprenticeship|course|placement|contract|traineeship|"
    r"scheme|position|cohort|bootcamp|post|secondment)s?\b",
    re.I,
)


def _another_posting(snap: Snapshot, query: Query, position: int) -> bool:
    """Tell whether the question names a role by its title's words ("the product designer
    role", a row of a careers page's table) that the passage's document neither posts nor
    names: "can tallyfin sponsor a visa for the product designer role?" is not answered by
    the Data Analyst posting's "we can sponsor a visa for this role"."""
    asked = set(query.unique_terms)
    heads = {head for term in asked for head in snap.role_heads.get(term, ())}
    passage = snap.corpus.passages[position]
    named = [terms for terms, source in heads if terms <= asked and source != passage.source]
    # ... and by the qualifier that tells it from a sibling of the same title ("the families
    # learning assistant" is the "Learning Assistant (Families & Early Years)", not the
    # "Learning Assistant (Schools)" posting)
    named += [
        terms | (qualifier & asked)
        for terms, qualifier, source in snap.role_qualifiers
        if terms <= asked and qualifier & asked and source != passage.source
    ]
    if not named:
        return False
    own = set(snap.engine.tokenizer(f"{passage.title} {passage.section or ''} {passage.text}"))

    def said(term: str) -> bool:
        # in any form ("apprentice" by "apprenticeship")
        return term in own or (
            len(term) >= TITLE_FORM_MIN
            and any(o.startswith(term) or term.startswith(o) for o in own if len(o) >= TITLE_FORM_MIN)
        )

    return any(not all(map(said, terms)) for terms in named)


def _another_place(snap: Snapshot, names: frozenset[str], position: int, question: str = "") -> bool:
    """Tell whether the question names a place where the knowledge base's roles are that the
    passage's document (or, on a page of several roles, the passage's role) never says:
    "night dispatcher pay in indianapolis" is not answered by the Columbus dispatcher's pay
    (another posting is in Indianapolis). Asked of an amount only: pay differs by place, but
    "i'm a student in portugal, can i apply?" says where the member is, not what is asked of."""
    tokenizer = snap.engine.tokenizer
    # a place is asked by a name, or after "in" or "at" ("data engineer salary in london")
    after = {t for m in _IN_A_PLACE.finditer(question.casefold()) for t in tokenizer(m.group(1))}
    places = (names | after) & snap.place_terms
    doc = int(snap.engine.doc_of[position])
    # on a page of several roles, the place of the role the passage is of ("Data Engineer –
    # Insights / Location: Lisbon" is no London pay though the page posts in London too)
    role = next((r for r in snap.role_sections.get(doc, ()) if position in r.positions), None)
    if role is not None and places:
        passages = snap.corpus.passages
        said = {t for p in role.positions for t in tokenizer(f"{passages[p].section or ''} {passages[p].text}")}
        # (the page's title and organisation are every role's: "Copperbine Brewing – Careers")
        said |= set(tokenizer(f"{passages[position].title} {passages[position].org or ''}"))
        return not places <= said
    return any(not snap.engine.documents_with(term, [doc]) for term in places)


# a heading over how a programme goes as a whole: "How the Fellowship works", "Overview",
# "How it works", "The programme at a glance"
_OVERVIEW_HEADING = re.compile(r"\bhow\b.*\bworks?\b|\boverview\b|\bat a glance\b", re.IGNORECASE)


def _overview_heading(passage: Passage) -> bool:
    heading = passage.section.split(SECTION_SEP)[-1] if passage.section else ""
    return _OVERVIEW_HEADING.search(heading) is not None


# "… salary in warsaw", "… pay if im in canada": where the amount asked is paid
_IN_A_PLACE = re.compile(r"\b(?:in|at|based in|located in)\s+(?:the\s+)?([a-z][a-z'’-]+(?:\s+[a-z][a-z'’-]+)?)")


def _unknown_place(snap: Snapshot, question: str) -> bool:
    """Tell whether an amount is asked of a place (or any qualifier after "in" or "at") that
    the knowledge base never says: "pellucid lab tech salary in warsaw" over a posting in
    Kraków ("salary in euros" is not: a currency is a unit, not a place)."""
    for match in _IN_A_PLACE.finditer(question.casefold()):
        words = [w for w in match.group(1).split() if not money_unit(w)]
        # (a word the knowledge base uses anywhere, its names and titles too, is known:
        # "at tallyfin" names the organisation of a careers page)
        if words and all(snap.engine.tokenizer.term(w) for w in words) and not any(_known(snap, w) for w in words):
            return True
    return False


def _posted_at_a_place(snap: Snapshot, position: int) -> bool:
    """Tell whether the passage's document posts a role at a place: a posting's pay is the
    pay there (a fellowship's stipend, for wherever its fellows live, is not)."""
    return snap.corpus.passages[position].source in snap.placed_sources


def _said_with_alternatives(query: Query) -> set[str]:
    """Return the question's terms with what each stands for ("postdoc" said short for a
    title's "Postdoctoral", an acronym's words, a synonym)."""
    return {*query.unique_terms, *(alt for t in query.unique_terms for alt in query.synonyms.get(t, ()))}


def _role_mentions(roles: tuple[RoleSection, ...], asked: set[str], names: Collection[str] = ()) -> list[float]:
    """Return how many words of each role's title (those the page's other roles do not all
    share) the question says: a role listed as an item is named by two such words, or by all
    it has ("model cards" names no "Model Forgetting Internship"), else not at all. Of roles
    named by as many words, the one whose title names what the question says is named more:
    "porter pay?" asks of the "Hospital Porter", not of the "Porter Team Leader"; and so is
    one named by a word that names it in the knowledge base (``names``): "postdoc field
    allowance?" asks of the "Postdoctoral Research Assistant", not of the "Field Technician"
    ("field", a word of any question, names nothing)."""
    said = [
        float(n if not role.by_item or n >= 2 or n == len(role.terms) else 0)
        for role in roles
        for n in [len(asked & role.terms)]
    ]
    return [
        n + (HEAD_SAID if role.head in asked else 0.0) + (HEAD_SAID if any(t in names for t in asked & role.terms) else 0.0)
        if n
        else n
        for role, n in zip(roles, said, strict=True)
    ]


def _of_another_role(snap: Snapshot, query: Query, position: int, kind: AnswerKind | None) -> bool:
    """Tell whether "what's the pay for the lab manager job?" is answered, on a page that posts
    several roles, by a passage of none of them that never names the asked one (the co-op
    programme's "Pay: $22 to $27 per hour" is no lab manager's pay), when it asks for a kind of
    answer (what else such a passage says, the company's story, may be the whole page's:
    "will there be a take-home test for the backend role?")."""
    if kind is None:
        return False
    roles = snap.role_sections.get(int(snap.engine.doc_of[position]))
    if not roles:
        return False
    asked = _said_with_alternatives(query)
    said = _role_mentions(roles, asked, snap.names.docs_of)
    best = max(said)
    if not best:
        return False
    named = [(role.terms, role.positions) for role, n in zip(roles, said, strict=True) if n == best]
    if any(position in positions for _, positions in named):
        return False
    passage = snap.corpus.passages[position]
    # the page's title names the role it posts ("Pastry Chef, Helmsley": its "Hours" are the chef's)
    words = set(snap.engine.tokenizer(f"{passage.section or ''} {passage.text}")) | snap.engine.topic_terms(position)
    # (by the words the question says: "learning" in the benefits names no "Machine Learning
    # Engineer" that the question's "ml" named)
    return not any(words & (terms & set(query.unique_terms)) for terms, _ in named)


def _in_named_roles(snap: Snapshot, query: Query, found: dict[int, float]) -> dict[int, float]:
    """Return the candidates without the passages of roles other than the one the question
    names, on a page that posts several (:attr:`Snapshot.role_sections`).

    "whats the closing date for the senior backend engineer job?" is not answered by the
    warehouse specialist's "Applications close on 5 July": a role is named by the words of
    its title the page's other roles do not share, and the passages under the headings of
    the roles named less are left out (those under no role's heading, the shared benefits
    or the company's story, stay).
    """
    sections = snap.role_sections
    if not sections:
        return found
    asked = _said_with_alternatives(query)
    name_terms = snap.names.docs_of
    dropped: set[int] = set()
    for doc in {int(snap.engine.doc_of[p]) for p in found}:
        roles = sections.get(doc)
        if roles is None:
            continue
        said = _role_mentions(roles, asked, name_terms)
        best = max(said)
        if best:
            # a passage that holds the named role's item and others' is the named role's too
            kept = {p for role, n in zip(roles, said, strict=True) if n == best for p in role.positions}
            dropped.update(
                p for role, n in zip(roles, said, strict=True) if n < best for p in role.positions if p not in kept
            )
    return {p: s for p, s in found.items() if p not in dropped} if dropped else found


def _of_a_sibling_programme(
    snap: Snapshot, query: Query, question: str, position: int, named: frozenset[str], kind: AnswerKind | None
) -> bool:
    """Tell whether the question says a word of the title of another document its names
    choose (a sibling programme: "summer" of the "Summer Research Fellowship" beside the
    "Postdoctoral Fellowship", both Quillmere's) that the passage's document's names and
    the passage itself never say: "quillmere summer fellowship relocation allowance" is not
    answered by the postdoc's "the relocation allowance rises to EUR 4,500"."""
    engine = snap.engine
    doc = int(engine.doc_of[position])
    chosen = {d for t in named for d in snap.names.docs_of.get(t, ())}
    if doc not in chosen or len(chosen) < 2:
        return False
    own = engine.topic_terms(position) | snap.names.by_doc[doc]
    passage = snap.corpus.passages[position]
    said = own | set(engine.tokenizer(f"{passage.section or ''} {passage.text}"))
    # (a word said next to a name, as part of it: "summer fellows", not "a phd in oceanography",
    # nor the kind of answer asked for: "hf residency remote?")
    terms = [engine.tokenizer.term(w) for w in engine.tokenizer.words(question)]
    beside = {
        t
        for i, t in enumerate(terms)
        if t and any(0 <= j < len(terms) and (n := terms[j]) and _in_title(n, named) for j in (i - 1, i + 1))
    } - _kind_terms(engine, question, kind, 1.0)
    for term in beside & set(query.unique_terms):
        if term in named or query.importance.get(term, 0.0) < 1.0 or _in_title(term, frozenset(said)):
            continue
        if any(term in engine.title_terms[d] for d in chosen if d != doc):
            return True
    return False


def _only_a_call_to_apply(passage: Passage, question: str) -> bool:
    """Tell whether the passage only calls on the reader to apply ("Apply now
    (https://…/apprentices)") while the question asks something else: it answers only how to apply."""
    lines = [line for line in passage.text.split("\n") if line.strip()]
    return bool(lines) and all(CALL_TO_ACTION.match(line) for line in lines) and not _ASKS_APPLYING.search(question)


_ASKS_APPLYING = re.compile(r"\b(?:apply|applying|application|applications|sign up|register|enrol|enroll|link|where)\b", re.I)


def _unposted_role(snap: Snapshot, question: str, position: int) -> bool:
    """Tell whether the question asks whether a role is hired, or what the people in it make,
    by a word for them ("is cobaltline hiring data scientists?", "how much do verdant
    analysts get paid?") that no role the passage's document posts, nor its names, says: a
    posting's "the platform our data scientists use", or its technician's salary, is no
    answer about a role it does not post."""
    asked = question.casefold()
    # the role's head word: its last, or the one before "of" ("a director of engineering");
    # and the words before it that say which ("frontend" of "frontend engineer")
    roles = [m[1].split(" of ")[0].split() for pattern in _ROLE_HIRED for m in pattern.finditer(asked)]
    roles = [r[:-1] if len(r) > 1 and r[-1] in _POSTING_WORDS else r for r in roles]  # "robotics engineer job"
    roles = [r for r in roles if r[-1] not in _ANY_PERSON and r[-1] not in _NOT_ROLES and _WORKER.search(r[-1])]
    if not roles:
        return False
    heads = [r[-1] for r in roles]
    qualifiers = [w for r in roles for w in r[:-1] if w not in SENIORITIES and w not in _NOT_QUALIFIERS and len(w) > 2]
    doc = int(snap.engine.doc_of[position])
    titles = [t for i in snap.titles.of_doc.get(doc, ()) if (t := snap.titles.entries[i]).role]
    title = snap.corpus.passages[position].title
    if not titles and not (_TITLED_POSTING.search(title) and not _TITLED_PAGE.search(title)):
        return False
    posted = frozenset().union(*(t.terms for t in titles)) | snap.engine.topic_terms(position) | snap.names.by_doc[doc]
    term = snap.engine.tokenizer.term
    # (a qualifier said short is said: "tech artist" of a "Technical Artist")
    # (a head said short is said: "lab tech" of a "Laboratory Technician")
    return any(
        (said := term(h)) and not _in_title(said, posted) and not any(len(said) >= 4 and p.startswith(said) for p in posted)
        for h in heads
    ) or any(
        (said := term(w))
        and said not in posted
        and not any(p.startswith(said) or said.startswith(p) for p in posted if len(p) > 2)
        for w in qualifiers
    )


# a document titled by a worker's role ("Laboratory Technician (Cell Culture)"), whose role was read from no field
_TITLED_POSTING = re.compile(
    r"^\W*(?:[\w&'’-]+\s+){0,3}?(?:[a-z]+(?:ician|ist|er|or|ant|ee)|lead|manager|coordinator)\s*(?:[,(]|[–—-]|$)", re.I
)
# ... not a page of another kind ("Wyncombe Active Newsletter", "… Guide"), nor a title whose
# last word only ends as a worker's does ("… Summer", "… Centre")
_TITLED_PAGE = re.compile(
    r"\b(?:newsletter|bulletin|digest|update|news|blog|guide|handbook|faq|notes|report|announcement|page|summer|winter|cent(?:er|re))\b",
    re.I,
)
# "is cobaltline hiring data scientists?", "how much do verdant analysts make?": the people
# of a role asked about (up to three words, the last of them a plural or a word for a worker)
_ROLE_STOP = r"(?:rn|atm|now|right|at|in|for|this|next|any|more|still|currently|soon|again|there|like|to|on|with)\b"
_ROLE_WORDS = rf"((?:(?!{_ROLE_STOP})[a-z'’-]+\s+){{0,2}}(?!{_ROLE_STOP})[a-z-]+)"
_ROLE_HIRED = (
    re.compile(
        r"\b(?:is|are|be|still|currently|start|starting)\s+(?:[a-z&'-]+\s+){0,3}?(?:hiring|recruiting|looking for)\s+"
        rf"(?:an?\s+|any\s+|more\s+|new\s+|some\s+)?{_ROLE_WORDS}"
        rf"(?=\s*(?:[?.!,]|$|\s+{_ROLE_STOP}))"
    ),
    re.compile(rf"\bhow much (?:do|does|would|will|can|could) (?:an?\s+|the\s+)?{_ROLE_WORDS}\s+(?:make|earn|get paid|take home)\b"),
    # "whats the salary for a research scientist at ardentmoor", "kestrune junior frontend developer salary"
    re.compile(
        rf"\b(?:salary|salaries|wages?|compensation)\s+(?:for|of)\s+"
        rf"(?:an?\s+|the\s+)?{_ROLE_WORDS}(?:\s+(?:role|job|position|post|vacancy))?"
        rf"(?=\s*(?:[?.!,]|$|\s+(?:at|in|on|with|{_ROLE_STOP})))"
    ),
    # ... and "frontend engineer salary at lumivane"
    re.compile(
        rf"{_ROLE_WORDS}\s+(?:salary|salaries|wages?|compensation)(?:\s+(?:range|ranges|band|bands))?"
        r"(?:\s+(?:at|in|with)\s+[\w'’-]+(?:\s+[\w'’-]+)?)?\s*[?.!]*$"
    ),
)
# "analysts", "data scientist", "designer", "shift lead", "lab tech"
_WORKER = re.compile(r"(?:s|er|or|ist|yst|ian|ant|ent|ee|lead|head|chief|rep|tech|nurse|chef|cook|guide|coach|clerk|aide|intern)$")
_POSTING_WORDS = frozenset("job role position post vacancy opening".split())
# words before a role's head that do not say which role ("the new engineer", "our analysts")
_NOT_QUALIFIERS = frozenset("the new our your their any more some many all other whats what's how much".split())
_NOT_ROLES = frozenset("process processes timeline season round cohort people things events event days fair fairs".split())
_ANY_PERSON = frozenset(
    "people ppl staff someone anyone anybody somebody person persons folks you u they we i interns fellows residents "
    "apprentices trainees volunteers students grads graduates employees workers".split()
)


def _said_for_another_group(snap: Snapshot, query: Query, position: int, named: frozenset[str]) -> bool:
    """Tell whether the passage, under a heading of one group of its document
    (:attr:`Snapshot.group_sections`), lacks a word of the question that the document says
    only under the headings of its other groups: "does the youth football coach get
    mileage?" is not answered by the youth coach's section when only the running coach's
    says "mileage"."""
    engine = snap.engine
    doc = int(engine.doc_of[position])
    for _, groups in snap.group_sections.get(doc, ()):
        if not any(position in positions for _, positions in groups):
            continue
        others = {p for _, positions in groups if position not in positions for p in positions}
        for term in query.unique_terms:
            if term in named or query.importance.get(term, 0.0) < 1.0:
                continue
            where: set[int] = set()
            for alt in (term, *query.synonyms.get(term, ())):
                ids = engine.index.passages_with(alt)
                where.update(ids[engine.doc_of[ids] == doc].tolist())
            if where and position not in where and where <= others:
                return True
    return False


def _sub_names(snap: Snapshot, position: int, named: frozenset[str]) -> frozenset[str]:
    """Return the names the question says that the passage's document's title (and
    organisation) does not, in any form ("intern" of an "Internships" page is said, and "lab"
    of a "Laboratory Technician")."""
    own = snap.engine.topic_terms(position) | snap.names.by_doc[int(snap.engine.doc_of[position])]
    expansions = snap.names.expansions

    def titled(term: str) -> bool:
        if term in own or set(expansions.get(term, ())) & own:
            return True
        # ("lab" of a "Laboratory Technician" said short)
        return any(o.startswith(term) or (len(term) >= TITLE_FORM_MIN <= len(o) and term.startswith(o)) for o in own)

    return frozenset(t for t in named if not titled(t))


def _in_named_groups(snap: Snapshot, query: Query, found: dict[int, float]) -> dict[int, float]:
    """Return the candidates without the passages under a heading of another group than the
    one the question names (:attr:`Snapshot.group_sections`): "is volunteer accommodation
    free?" is not answered under "## Seasonal ranger accommodation" ("not free"), nor "how
    much annual leave do volunteers get?" by the rangers' "Annual leave: 16 days". A passage
    that says the asked group's word itself stays."""
    sections = snap.group_sections
    if not sections:
        return found
    said = frozenset(query.unique_terms)
    dropped: set[int] = set()
    for doc in {int(snap.engine.doc_of[p]) for p in found}:
        for need, groups in sections.get(doc, ()):
            asked = [terms & said if len(terms & said) >= min(need, len(terms)) else frozenset() for terms, _ in groups]
            if not any(asked) or all(asked):
                continue
            words = frozenset().union(*asked)
            kept = {p for (_, positions), a in zip(groups, asked, strict=True) if a for p in positions}
            dropped.update(
                p
                for (_, positions), a in zip(groups, asked, strict=True)
                if not a
                for p in positions
                if p not in kept and p in found and words.isdisjoint(snap.engine.tokenizer(snap.corpus.passages[p].text))
            )
    return {p: s for p, s in found.items() if p not in dropped} if dropped else found


# "what's the analyst's annual bonus?": the thing asked for
_WHAT_THING = re.compile(
    r"\bwhat(?:'s| is|s| are| was) (?:the |a |an |their |your |my )?(?:[\w-]+ )?(?:[\w-]+(?:'s|s') )?"
    r"((?:(?!(?:for|at|in|on|with|if|when|during|after|before|to|of|from|or|and|like|do|does|is|are)\b)[\w'-]+ ?){1,3})\s*[?.!]*$"
)
_IS_THERE = re.compile(
    r"(?:\b(?:is|are) there|\b(?:get|gets|receive|offer|offers|provide|provides|include|includes|come with|comes with)) "
    r"(?:a|an|any|some) ((?:(?!(?:for|at|in|on|with|if|when|during|after|before|to|of|from|or|and)\b)[\w'-]+ ?){1,4})"
    # ... and a thing said without an article ("is there parking at the venue?", "does the
    # role come with accommodation?"), not somewhere or some time
    r"|(?:\b(?:is|are) there|\b(?:come with|comes with)|\b(?:does|do|will|would)\b(?: [\w'-]+){1,4}? "
    r"(?:offer|provide)) "
    r"(?!(?:a|an|any|some|somewhere|anywhere|anything|something|anyone|someone|much|many|more|less|time|enough|the|"
    r"this|that|these|those|it|them|you|us|me|my|your|our|their|no|not|still|also|really|usually|ever|always|"
    # (nor a way, a kind of help or money, said in many words: "is there another way to apply?")
    r"another|other|way|ways|option|options|chance|help|support|money|funding|rules?)\b)"
    r"((?:(?!(?:for|at|in|on|with|if|when|during|after|before|to|of|from|or|and)\b)[\w'-]+ ?){1,4})"
)


# where a member's message breaks into what it asks and what it tells: "is there an upper age
# limit, im 45 and thinking of a career change"
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;?!.]|\s[-–—]\s)\s*")
COPIED_CLAUSE_WORDS = 4  # a shorter clause ("is it paid") may be any FAQ's as well as this one's


def _clauses_asked(text: str) -> list[str]:
    """Return the question as compared with FAQ questions (see ``asked_as``), whole, then each
    of its clauses of :data:`COPIED_CLAUSE_WORDS` words or more when it is the only one that
    asks: a member may copy an FAQ's question and tell more around it ("…, im 45 and
    thinking of a career change"), but "are you hiring a station doctor, how do i apply"
    asks more than "How do I apply?"."""
    whole = asked_as(text)
    parts = [p for p in (asked_as(p) for p in _CLAUSE_BREAK.split(text)) if p]
    asking = [p for p in parts if _ASKS.match(p)]
    if len(asking) != 1 or asking[0] == whole or len(asking[0].split()) < COPIED_CLAUSE_WORDS:
        return [whole]
    return [whole, asking[0]]


_ASKS = re.compile(
    r"(?:who|what|whats|when|where|which|why|how|is|are|am|was|were|do|does|did|can|could|will|would|should|"
    r"shall|may|might|must|has|have|had|any)\b"
)


def _thing_unsaid(
    engine: SearchEngine,
    query: Query,
    question: str,
    passage: Passage,
    names: frozenset[str],
    kind: AnswerKind | None = None,
) -> bool:
    """Tell whether "is there a retention bonus …?" asks for a kind of a thing the passage
    names another kind of: it says the thing ("bonus") but not a word that says which
    ("retention"), in any of its synonyms ("Annual bonus of up to 8%" is no retention bonus).
    Names, and words that a number answers ("minimum", "cheaper"), aside. Or whether "is
    there a pension?" or "will they pay for my relocation?" asks about a thing the passage
    does not say at all, nor in any word close to it in meaning; or whether "what's the
    annual bonus?" (no kind of answer asked for) asks for a thing ("bonus") the passage
    never says, nor any word close to it."""
    tokenizer = engine.tokenizer
    # ("Bonus: experience with Stripe", "Bonus points for …", "… is a bonus" say no bonus is paid)
    whole = _NICE_TO_HAVE.sub(" ", f"{passage.section or ''} {passage.question or ''} {passage.text}")
    said = set(tokenizer(whole))

    def says(term: str) -> bool:
        return bool({term, *query.synonyms.get(term, ()), *engine.synonyms.get(term, ())} & said)

    def asked(term: str | None, unnamed: frozenset[str] = names) -> bool:
        # a word of weight that is no name: what the question asks about
        return bool(term) and term not in unnamed and query.importance.get(term or "", 0.0) >= 1.0

    def far_in_meaning(words: list[str]) -> bool:
        # no word of the passage is close to these in meaning ("travel" is close to "my flight");
        # a word inside one of them, not its start, is only spelt alike ("location" in
        # "relocation", which the embedding's word pieces would call close)
        passage_words = {
            w for w in _WORD.findall(whole.casefold()) if not any(w in v and not v.startswith(w) for v in words)
        }
        return closest_words(words, sorted(passage_words)) < ALIKE

    def term(word: str) -> str | None:
        # "sign-on" as one term ("signon"), as the passage's "sign-on bonus" is indexed
        return tokenizer.term(word) or next(iter(tokenizer(word)), None)

    def says_word(word: str) -> bool:
        # a word joined by a hyphen is said by any of its parts ("hands-on": "hands")
        return any(says(t) for t in tokenizer(word))

    def never_said(phrase: str, unnamed: frozenset[str] = names) -> bool:
        # no word of the thing is said, nor any word close to it in meaning
        things = [w for w in phrase.split() if w not in _NO_OBJECT and w not in _AS_STATED and asked(term(w), unnamed)]
        if not things or any(says_word(w) for w in things):
            return False
        return far_in_meaning(things)

    def head_unsaid(phrase: str) -> bool:
        # the thing itself ("bonus" of "annual bonus") is not said, nor any word close to it
        words = [w for w in phrase.split() if w not in _NO_OBJECT]
        if not words:
            return False
        head = term(words[-1])
        return asked(head) and not says(head or "") and far_in_meaning(words[-1:])

    def kind_unsaid(phrase: str, near: bool = False) -> bool:
        # the thing is said ("bonus") but not a word that says which ("retention", "sign-on");
        # with ``near``, nor any word close to it in meaning ("living" allowance: "maintenance")
        words = [w for w in phrase.split() if w not in _BY_NUMBER and w not in _AS_STATED and asked(term(w))]
        if len(words) < 2 or not says_word(words[-1]):
            return False
        unsaid = [w for w in words[:-1] if not says_word(w)]
        return bool(unsaid) and (not near or far_in_meaning(unsaid))

    text = question.casefold()
    if kind is None and (what := _WHAT_THING.search(text)) and head_unsaid(what.group(1)):
        return True  # "what's the analyst's annual bonus?" over the annual leave
    if (leave := _KIND_OF_LEAVE.search(text)) and not (
        _PARENTS_LEAVE_SAID.search(whole)
        if (which := leave.group(1) or leave.group(2)) in _PARENTS_LEAVE
        else any(map(says_word, _LEAVE_KIN.get(which, (which,))))
    ):
        return True  # "paid parental leave for grad nurses?" over "five weeks of annual leave"
    if (bonus := _KIND_OF_BONUS.search(text)) and not _bonus_said(_bonus_kin(bonus.group(1)), whole):
        return True  # "copperline signing bonus?" over "a quarterly safety and productivity bonus"
    if (how := _HOW_THING.search(text)) and kind_unsaid(how.group(1), near=True):
        return True  # "how long is parental leave?" over "30 days of annual leave"
    if (paid := _PAYS_FOR.search(text)) and never_said(paid.group(1)):
        return True  # "will they pay relocation?" over the salary line
    if (paid := _PAID_FOR.search(text)) and never_said(paid.group(1)):
        return True  # "is my flight covered?" over the salary line
    if (can := _CAN_I.search(text)) and never_said(can.group(1)):
        return True  # "can I bring my dog?" over the house rules
    # (a name of another document than the passage's is a thing free it may not say: "is
    # housing free for the apprenticeship?" of a housing guide's name, over the apprenticeship's
    # "Applying is free")
    own = names & set(tokenizer(f"{passage.title} {passage.section or ''}"))
    if (free := _FREE_THING.search(text)) and never_said(free.group(1) or free.group(2), own):
        return True  # "is housing free?", "free show tickets?" over "Applying is free"
    if (able := _ABLE_ASKED.search(text)) and never_said(able.group(1)):
        return True  # "is the fernhollow scholarship taxable?" over "A scholarship of €6,000"
    # ("when's the next chance to meet …", "when is the best time to apply": a time to do something, no occasion)
    if kind == "date" and (when := _WHEN_IS.search(text)) and not text[when.end() :].lstrip().startswith("to "):
        occasion = [w for w in when.group(1).split() if w not in _WHEN_IN_TIME]
        if occasion and not any(map(date_frame, occasion)) and never_said(" ".join(occasion)):
            return True  # "when are the studio manager interviews?" over the role's closing date
    match = _IS_THERE.search(text)
    if match is None:
        return False
    thing = match.group(1) or match.group(2)
    if never_said(thing):
        return True  # "do the apprentices get a pension?" over the pay lines
    return kind_unsaid(thing)


# A thing asked about: the words up to the next that starts another phrase
_PHRASE_ENDS = "for|at|in|on|with|if|when|during|after|before|to|of|from|or|and|while|as|like"


def _thing(most: int, ends: str = _PHRASE_ENDS) -> str:
    """Return a group of one to ``most`` words, none of them one of ``ends``."""
    return rf"((?:(?!(?:{ends})\b(?![-']))[\w'-]+ ?){{1,{most}}})"  # "on-call" is a word, not "on"


# "how long is parental leave …", "how much is the on-call stipend for …": the thing measured
_HOW_THING = re.compile(
    r"\bhow (?:much|long|many|big|large) (?:is|are|was|were) (?:the |a |an |their |your |my |our )?"
    + _thing(2)
    + rf"(?=[?.!,;]|$|(?:{_PHRASE_ENDS}|per|within|worth)\b)"
)
# "bonus" said of a skill that is welcome, not of money
_NICE_TO_HAVE = re.compile(
    r"(?im)^[\W_]*bonus\s*(?:points?)?\s*:|\bbonus points?\b|\b(?:is|are|would be|as) an? (?:big |real |nice |huge )?bonus\b"
)
# a kind of leave ("parental leave"), which no other kind answers ("25 days of annual leave")
_KIND_OF_LEAVE = re.compile(
    r"\b(parental|maternity|paternity|adoption|family|sick|study|compassionate|bereavement|carers?'?|jury|unpaid|sabbatical)\s+leave\b"
    # ... and its pay or days ("sick pay for trainees?", "how many sick days?")
    r"|\b(parental|maternity|paternity|adoption|sick)\s+(?:pay|days?)\b"
)
# a kind of bonus ("signing bonus"), which no other kind answers ("a quarterly productivity bonus")
_KIND_OF_BONUS = re.compile(r"\b(signing|sign[- ]?on|joining|welcome|hiring|new[- ]hire|retention|referral|relocation|completion)\s+bonus(?:es)?\b")
_BONUS_KINS = (
    ("signing", "sign-on", "sign on", "signon", "joining", "welcome", "hiring", "new hire", "new-hire"),
    ("retention",),
    ("referral", "refer a friend", "refer-a-friend"),
    ("relocation",),
    ("completion",),
)


def _bonus_kin(kind: str) -> tuple[str, ...]:
    """Return the words that say the same kind of bonus as ``kind`` ("sign-on" for "signing")."""
    return next((kin for kin in _BONUS_KINS if kind.casefold() in kin), (kind,))


def _bonus_said(kin: tuple[str, ...], text: str) -> bool:
    """Tell whether ``text`` says a bonus of that kind ("a one-time sign-on bonus of $2,000")."""
    alternatives = "|".join(re.escape(k).replace(r"\ ", r"[\s-]?").replace(r"\-", r"[\s-]?") for k in kin)
    return re.search(rf"\b(?:{alternatives})\b[\s-]+(?:[\w-]+\s+)?bonus", text, re.I) is not None


_PARENTS_LEAVE = ("parental", "maternity", "paternity", "adoption", "family")
# ... said of leave or its pay, not "medical care for you and your family"
_PARENTS_LEAVE_SAID = re.compile(
    r"\b(?:parental|maternity|paternity|adoption|family|shared parental)\b[^.;\n]{0,40}?\b(?:leave|pay|policy|policies)\b"
    r"|\b(?:leave|time off)\b[^.;\n]{0,20}?\bfor (?:new )?(?:parents|mothers|fathers)\b",
    re.I,
)
_LEAVE_KIN = {kind: _PARENTS_LEAVE for kind in _PARENTS_LEAVE} | {"sick": ("sick", "ill", "illness", "sickness")}
# "can I bring my dog?": the thing a member asks to do something with; not after a light
# verb, whose object may be said in other words ("can I get my money back?": a refund)
_CAN_I = re.compile(
    r"\b(?:can|could|may) (?:i|we) (?!(?:get|have|take|make|do|give|be)\b)[a-z]+ (?:my|our|a|an|any|some) " + _thing(3)
)
# "when are the electrician interviews?", "when's the training for …": the occasion dated
# (not what only asks for the date, "when is the deadline?", "when's the start date?")
_WHEN_IS = re.compile(
    r"\bwhen(?:'s|’s|s| is| are| was| were| will be) (?:the |a |an |my |our |their |your |this |next )?"
    + _thing(3)
    + rf"(?=[?.!,;]|$|(?:{_PHRASE_ENDS})\b)"
)
# which of its kind ("the next training", "the end of …") or the date itself, not an occasion
_WHEN_IN_TIME = frozenset({"next", "last", "first", "final", "end", "beginning", "middle", "date", "dates", "day", "time"})
# "is my flight covered?", "do co-ops get their travel paid for?": the thing paid for
_PAID_FOR = re.compile(
    r"\b(?:is|are|will|would|get|gets|have|has) (?:my|the|our|their|his|her|your) "
    + _thing(3, _PHRASE_ENDS + "|be|is|are")
    + r"(?:[\w'-]+ ){0,2}?(?:be )?(?:paid|covered|reimbursed|funded)\b"
)
# "does/will … (help) pay for / cover / reimburse / fund (my) …": the thing it asks about;
# not "pay" the noun ("does the intern pay include stock?")
_PAYS_FOR = re.compile(
    r"\b(?:does|do|did|will|would|can|could|should)(?: [\w'-]+){1,4}? (?:help (?:to )?)?"
    r"(?:pay|cover|reimburse|fund) (?!(?:include|includes|cover|covers|go|goes|get|gets|rise|rises|change|changes)\b)"
    r"(?:for )?(?:(?:my|the|your|their|our|his|her|a|an|any|some) )?" + _thing(4)
)
# "is housing free?", "are the show tickets free for volunteers?", "do we get free parking?": the thing free
_FREE_THING = re.compile(
    r"\b(?:is|are)\s+(?:the\s+|my\s+|our\s+|their\s+)?" + _thing(3, _PHRASE_ENDS + "|free|it|this|that|there")
    + r"\s*free\b|\bfree\s+(?!(?:of|to|for|from|and|or|time|up)\b)" + _thing(3)
)
# "is the scholarship taxable?", "is the deposit refundable?", "is the salary negotiable?": a
# property the thing may have, which the passage must say
_ABLE_ASKED = re.compile(r"\b(?:is|are)\s+(?:the|it|this|that|my|their|your)\b(?:\s+[\w'-]+){0,4}?\s+([a-z]{3,}(?:able|ible))\b")
ALIKE = 0.35  # a word of the passage this close in meaning (WordLlama cosine) to the thing asked about says it
_WORD = re.compile(r"[a-z][a-z'-]{2,}")

_BY_NUMBER = frozenset(
    {"minimum", "maximum", "min", "max", "total", "exact", "average", "upper", "lower", "higher", "cheaper", "better",
     "bigger", "smaller", "larger", "more", "less", "extra"}
)


# words that say how a sum or a time is stated, not which one it is: "the starting salary" is
# the salary, "annual leave" the leave
_AS_STATED = frozenset(
    {"starting", "start", "base", "basic", "annual", "yearly", "monthly", "weekly", "hourly", "daily", "gross", "net",
     "typical", "usual", "expected", "current", "standard", "overall", "full"}
)


# words that name no thing: "do they pay anything more?", "is there some kind of test?"
_NO_OBJECT = _BY_NUMBER | {"anything", "something", "everything", "kind", "kinds", "sort", "sorts", "type", "types"}


# what a later post or note says of a date it changes: "the induction has also moved, to
# Saturday 20 September", "UPDATE: the deadline is extended to 30 April"
_CHANGED = re.compile(
    r"\b(?:has|have|is|are|was|were|been)\s+(?:also\s+|now\s+)?(?:moved|changed|extended|postponed|rescheduled|"
    r"pushed back|brought forward|put back|delayed)\b|\b(?:we(?:'ve| have)|i(?:'ve| have))\s+(?:now\s+)?"
    r"(?:moved|changed|extended|postponed|rescheduled|pushed back|brought forward)\b|\b(?:correction|update[sd]?|new date)\b\s*[:(-]",
    re.I,
)


def _update_of(
    snap: Snapshot, query: Query, question: str, measured: Sequence[Candidate], names: frozenset[str]
) -> Candidate | None:
    """Return the candidate among the best few that changes the date the first gives, later in
    the same document: a reply in a thread that moves the induction the first post dated, an
    update note that extends a deadline. A sentence of it says a change, a word of what is
    asked (names aside) and a date."""
    passages = snap.corpus.passages
    first = passages[measured[0].position]
    wanted = {t for t in query.unique_terms if t not in names}
    tokenizer = snap.engine.tokenizer
    for candidate in measured[1:SENTENCE_POOL]:
        passage = passages[candidate.position]
        if candidate.kind <= 0 or passage.source != first.source or passage.id <= first.id:
            continue
        for sentence in unit_texts(passage.text):
            if (
                _CHANGED.search(sentence)
                and wanted & set(tokenizer(sentence))
                and holds_as_asked(sentence, "date", question, passage.question)
            ):
                return candidate
    return None


def _held_of_other_seasons(
    question: str, passage: Passage, kind: AnswerKind | None, seasons: frozenset[str] | set[str]
) -> bool:
    """Tell whether every sentence of ``passage`` that holds the kind of answer asked for
    speaks of an edition of another season than ``seasons``."""
    if kind is None:
        return False
    parts = unit_texts(passage.text)
    # a sentence that names no season is of the edition its heading names ("• Applications
    # close: 1 March 2026" under "Summer cohort 2026")
    heading = edition_seasons(passage.section.split(SECTION_SEP)[-1]) if passage.section else frozenset()
    # (an FAQ item's sentences are read by themselves too: "When is the deadline? / For the
    # spring 2027 season, the deadline is 12 January. Applications for the autumn season open
    # in March." dates no autumn deadline)
    for faq in dict.fromkeys((passage.question, None)):
        holding = [p for p in parts if holds_as_asked(p, kind, question, faq)]
        if holding and all((in_it := edition_seasons(p) or heading) and not seasons & in_it for p in holding):
            return True
    return False


# "what qualification do trainees get?", "what will I come out with?": what the programme gives
_GIVEN_ASKED = re.compile(
    r"\bwhat\b[^?]*\b(?:do|will|would|does|can|did)\s+(?:i|you|we|they|u|[a-z]+(?:s|ees))\s+"
    r"(?:get|receive|gain|earn|leave with|come out with|end up with|walk away with|finish with)\b(?!\s+paid)"
)
# ... which a list of what applicants must have, or must not have, does not say
_ELIGIBILITY_HEADING = re.compile(
    r"\b(?:who can apply|who (?:should|may) apply|eligib\w*|requirements?|about you|what we(?:'re| are) looking for|"
    r"what you(?:'ll)? need|must[- ]haves?|(?:minimum|preferred|required|basic|essential|desirable) qualifications?|"
    r"person specification)\b",
    re.I,
)


def _given_asked_of_a_requirement(passage: Passage, question: str) -> bool:
    """Tell whether the question asks what the programme gives ("what qualification do trainees
    get?") and the passage lists what applicants must have: "you do not already hold a
    qualification in stage management" is under "Who can apply", not what one comes out with."""
    heading = (passage.section or "").split(SECTION_SEP)[-1]
    return _GIVEN_ASKED.search(question.casefold()) is not None and _ELIGIBILITY_HEADING.search(heading) is not None


def _document_passages(snap: Snapshot, position: int) -> Sequence[Passage]:
    """Return the passages of the passage's document."""
    doc = int(snap.engine.doc_of[position])
    start, end = np.searchsorted(snap.engine.doc_of, [doc, doc + 1])
    return snap.corpus.passages[int(start) : int(end)]


def _document_ranges(snap: Snapshot, position: int) -> frozenset[tuple[int, int]]:
    """Return the academic years ("2025–2026") said anywhere in the passage's document."""
    return frozenset().union(*(year_ranges(p.text) for p in _document_passages(snap, position)))


def _document_editions(snap: Snapshot, position: int) -> frozenset[int]:
    """Return the editions said by their year ("The 2026 cohort") anywhere in the passage's document."""
    passages = _document_passages(snap, position)
    return frozenset().union(*(edition_years(f"{p.section or ''}\n{p.text}") for p in passages)) | edition_years(
        passages[0].title if passages else ""
    )


def _other_year(
    question: str,
    passage: Passage,
    kind: AnswerKind | None = None,
    document_ranges: Callable[[], frozenset[tuple[int, int]]] = frozenset,
    document_editions: Callable[[], frozenset[int]] = frozenset,
) -> bool:
    """Tell whether a passage speaks only of other years than the question asks about: of
    a programme ("what do nurses earn in their second year?" over a first year's rate), or of
    its editions ("when does the 2026 class start?" over "The new class starts on June 16,
    2025" in "… Apprenticeship 2025"; the year before an edition's may close its applications),
    or only of other numbered editions ("cohort 5" over a post about cohort 4) or other
    seasons' editions ("the summer cohort" over "The Spring 2026 cohort runs …")."""
    asked = years_of(question)
    said = years_of(passage.text) if asked else frozenset()
    if said and not asked & said:
        return True
    whole = f"{passage.title} {passage.section or ''} {passage.text}"
    if numbered := edition_numbers(question):
        # "when is cohort 5?" over a post about cohort 4
        nouns = {noun for noun, _ in numbered}
        spoken = {e for e in edition_numbers(whole) if e[0] in nouns}
        if spoken and not numbered & spoken:
            return True
    if seasons := edition_seasons(question):
        # "when does the autumn cohort start?" over "The Spring 2026 cohort runs from 9 March"
        # (a season the passage names in any form is spoken of: "Cohort: Fall 2025")
        mentioned = {"autumn" if w == "fall" else w for w in re.findall(r"[a-z]+", whole.casefold())}
        if edition_seasons(whole) and not seasons & mentioned:
            return True
        # ... nor by an FAQ item that asks about another season's ("What's the deadline for the
        # spring cohort?" for "whats the deadline for the autumn cohort")
        if passage.question and (in_question := edition_seasons(passage.question)) and not seasons & in_question:
            return True
        # ... nor when every sentence with the kind of answer asked for is about another
        # season's edition ("The Spring 2027 cohort runs from 13 April", though the passage
        # goes on "we run two cohorts a year, in spring and in autumn")
        if _held_of_other_seasons(question, passage, kind, seasons):
            return True
    elif said_seasons := seasons_said(question):
        if (titled := edition_seasons(passage.title)) and not said_seasons & titled:
            # "autumn civic code - is accommodation provided?" over the "Spring Cohort 2026" FAQ: a
            # season said alone chooses between editions the titles name by season
            return True
        if _held_of_other_seasons(question, passage, kind, said_seasons):
            # ... and "when does the autumn founders circle start?" is not answered by "The
            # Spring 2027 cohort runs from 13 April"
            return True
        if passage.question and (in_question := edition_seasons(passage.question)) and not said_seasons & in_question:
            # ... nor "autumn founders circle deadline" by the FAQ item "What's the deadline for
            # the spring cohort?"
            return True
    if (
        (ranges := year_ranges(question))
        and (academic := year_ranges(passage.text) or year_ranges(passage.title) or document_ranges())
        and not ranges & academic
    ):
        # an academic year asked, with or without its edition's noun: "the 2027-28 cohort" over
        # "The 2026–27 cohort starts on September 14, 2026" (which says 2027 too), or over the timeline of a page titled by its academic year ("…
        # Announces the 2026–27 Fellowship": "Applications open: January 12, 2026"), or of a page that
        # says only another ("The 2025–2026 fellowship runs from …")
        return True
    editions = edition_years(question)
    if not editions:
        return False
    if (named := document_editions()) and not editions & named:
        # "the 2027 fellowship deadline" over a page about "The 2026 cohort" (whose
        # applications close in 2026, the year before a 2027 edition's might)
        return True
    years = calendar_years(" ".join(filter(None, (passage.title, passage.section, passage.text))))
    if asks_deadline(question.casefold()) and not calendar_years(passage.title) and not edition_years(passage.section or ""):
        # (a document titled by its edition, "… Fellowship 2026", or a section headed by it,
        # "Civic Data Fellow (2026 cohort)", closes that edition's applications, not the next one's)
        years |= {y + 1 for y in years}
    return bool(years) and not editions & years


def _corrected(engine: SearchEngine, text: str) -> str:
    """Return ``text`` with misspelt words replaced by the knowledge base's spelling."""
    words = text.split()
    out = []
    for raw in words:
        core = raw.strip(".,!?;:()[]\"'").casefold()
        fixed = engine.speller.correct(core) if core else None
        out.append(raw.casefold().replace(core, fixed) if fixed else raw)
    return " ".join(out)


def _known(snap: Snapshot, word: str) -> bool:
    """Tell whether the knowledge base uses ``word`` (in any file, or as a name or its acronym)."""
    if word.casefold() in snap.engine.word_files or _names_term(snap, word):
        return True
    term = snap.engine.tokenizer.term(word.casefold())
    return term is not None and snap.engine.index.term_idf(term) is not None


def _names_term(snap: Snapshot, word: str) -> bool:
    """Tell whether ``word`` is one of the words the knowledge base's programmes are named by."""
    term = snap.engine.tokenizer.term(word.casefold())
    return term is not None and term in snap.names.docs_of


def _in_a_name(snap: Snapshot, word: str) -> bool:
    """Tell whether ``word`` is in some document's name, however common ("summer", "cohort")."""
    term = snap.engine.tokenizer.term(word)
    return term is not None and (term in snap.names.docs_of or term in snap.names.phrase_docs)


def _said_in_a_name(snap: Snapshot, word: str) -> bool:
    """Tell whether some document's name says ``word`` as it is ("fall" is not said by "Falls")."""
    term = snap.engine.tokenizer.term(word)
    return term is not None and word in snap.names.forms.get(term, ())


def _without_names(engine: SearchEngine, text: str, named: frozenset[str]) -> str:
    """Return ``text`` without the words that name its programme, for comparing meaning.

    The names chose the documents (scope); within them, "Hugging Face" in "How do people
    become Hugging Face Fellows?" would only pull towards every sentence that says
    "Hugging Face". What is asked is in the other words.
    """
    if not named:
        return text
    kept = [w for w in text.split() if engine.tokenizer.term(w.strip(".,!?;:()\"'").casefold()) not in named]
    return " ".join(kept) if kept else text


def _inherited_topic(history: Sequence[Turn], now: datetime | None, minutes: float) -> tuple[str, ...]:
    """Return the topic of the latest earlier turn that had one, within the time window."""
    if not history:
        return ()
    now = now or datetime.now(UTC)
    window = timedelta(minutes=minutes)
    for turn in reversed(history):
        if now - turn.at > window:
            break
        if turn.topic:
            return turn.topic
    return ()


def _head_similarities(
    engine: SearchEngine, vector: np.ndarray, positions: list[int], fallback: np.ndarray
) -> np.ndarray:
    """Return the similarity of the question to each passage's FAQ question (else its passage)."""
    out = np.asarray(fallback, dtype=np.float64).copy()
    rows = [(i, engine.head_of[p]) for i, p in enumerate(positions) if p in engine.head_of]
    if rows:
        sims = engine.heads.similarity(vector, [r for _, r in rows])
        for (i, _), s in zip(rows, sims, strict=True):
            out[i] = float(s)
    return out


def _said_by_kind(engine: SearchEngine, question: str, kind: AnswerKind | None) -> frozenset[str]:
    """Return the terms of the question's words that a passage holding the asked kind says
    in any words: "start" of "when does the season start?" ("The season runs from 6 April"),
    "find out" of "when do I find out if I got in?" ("we tell you the outcome within three weeks")."""
    if kind == "workplace":
        # "remote" of "is the internship remote?": "Hybrid: three days a week in the office"
        return _kind_terms(engine, question, kind, 1.0)
    if kind == "count":
        # "people" of "how many people get in?": "We take two apprentices", "Places: 2"
        return frozenset(
            t for w in engine.tokenizer.words(question) if w in _ANY_ONE_COUNTED and (t := engine.tokenizer.term(w))
        )
    if kind == "age" and not asks_max_age(question):
        # "17", "year 12" and "join" of "im 17 and in year 12, can i join?": "You must be 18 or
        # over" (not of "am i too old?": a lower bound does not say there is no upper one)
        return frozenset(
            t for w in engine.tokenizer.words(question) if (w.isdigit() or w in _AGE_FRAME) and (t := engine.tokenizer.term(w))
        )
    if kind in ("date", "duration") and asks_outcome(question):
        said = outcome_words(question)
        return frozenset(t for w in said if (t := engine.tokenizer.term(w)))
    if kind != "date" or asks_deadline(question.casefold()) is None:
        return frozenset()
    return frozenset(
        t for w in engine.tokenizer.words(question) if date_frame(w) and (t := engine.tokenizer.term(w))
    )


# What an age bound says of a member's age and whether they may take part, in any words
_AGE_FRAME = frozenset(
    {"age", "aged", "ages", "year", "years", "yr", "yrs", "yo", "grade", "join", "apply", "volunteer",
     "enrol", "enroll", "attend", "participate", "eligible", "qualify", "allowed", "sign", "old", "older",
     "young", "younger", "minimum", "min"}
)
# What a count of anyone or any place is said in ("how many people / spots?")
_ANY_ONE_COUNTED = frozenset({"people", "ppl", "persons", "folks", "spots", "places", "spaces", "slots", "seats"})


def _kind_terms(engine: SearchEngine, question: str, kind: AnswerKind | None, held: float) -> frozenset[str]:
    """Return the terms of the nouns naming the kind asked for (:func:`kind_nouns`) when the
    passage holds an answer of that kind, else none."""
    if held <= 0:
        return frozenset()
    return frozenset(t for w in kind_nouns(question, kind) if (t := engine.tokenizer.term(w)))


def _asked_coverage(engine: SearchEngine, query: Query, first: Candidate, names: frozenset[str]) -> float:
    """Return the coverage of the best passage, or 0 when it has none of what is asked.

    What is asked is the question's words but its names, the words that only say it is
    about a posting ("job", "role": see :data:`~bot.search.specificity.FRAME_WORDS`) and the
    words of the passage's document title. "is the copperline warehouse job union?" matched
    only the name and "job" in a posting that never mentions a union; "does the bakery shift
    lead job come with a company car?" matched "lead" ("you will lead a night team") in the
    Bakery Shift Lead's duties, which say nothing of a car.
    """
    frame = _frame_terms(engine.tokenizer)
    titled = engine.topic_terms(first.position)
    asked = [
        t for t in query.unique_terms if t not in names and t not in frame and not _in_title(t, titled)
    ]
    if asked and not set(asked) & set(first.matched):
        return 0.0
    return first.coverage


def _in_title(term: str, titled: frozenset[str]) -> bool:
    """Tell whether a term is a word of the title, or another form of one: "apprenticeship"
    of a title's "Apprentice", "fellows" of a "Fellowship" (one term starts the other)."""
    if term in titled:
        return True
    return len(term) >= TITLE_FORM_MIN and any(
        len(t) >= TITLE_FORM_MIN and (term.startswith(t) or t.startswith(term)) for t in titled
    )


@lru_cache(maxsize=4)
def _overview_terms(tokenizer: Tokenizer) -> frozenset[str]:
    """Return the terms of :data:`~bot.search.answer_type.OVERVIEW_WORDS` (once per tokenizer)."""
    return frozenset(tokenizer(OVERVIEW_WORDS))


@lru_cache(maxsize=4)
def _frame_terms(tokenizer: Tokenizer) -> frozenset[str | None]:
    """Return the index terms of :data:`~bot.search.specificity.FRAME_WORDS` (once per tokenizer)."""
    return frozenset(tokenizer.term(w) for w in FRAME_WORDS)


def _unknown_share(engine: SearchEngine, query: Query) -> float:
    """Return the share of the question's weight in words the knowledge base never uses."""
    total = sum(query.importance.values())
    if total <= 0:
        return 0.0
    unknown = sum(w for t, w in query.importance.items() if engine.index.term_idf(t) is None)
    return unknown / total


def _same_place(a: Passage, b: Passage) -> bool:
    return a.source == b.source and a.section == b.section and a.question == b.question


def _surface_words(engine: SearchEngine, text: str, terms: list[str]) -> list[str]:
    """Map matched index terms back to the words the member typed ("part-time", not "parttime")."""
    wanted = set(terms)
    compounds = engine.tokenizer.compounds(text)
    parts_shown = {
        p for joined, parts in compounds.items() if engine.tokenizer.term(joined) in wanted for p in parts
    }
    out: dict[str, None] = {}
    for word in engine.tokenizer.words(text):
        term = engine.tokenizer.term(word)
        if term not in wanted or word in parts_shown:
            continue
        out.setdefault("-".join(compounds[word]) if word in compounds else word, None)
    return list(out)
