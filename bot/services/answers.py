"""Answer a member's question with cited passages, or say the knowledge base has no answer."""

from __future__ import annotations

import unicodedata

from bot.config import Settings
from bot.errors import QuestionError
from bot.models import Answer, Citation, Passage
from bot.sanitize import clean_text
from bot.search.engine import Query, SearchEngine
from bot.services.knowledge import KnowledgeHolder
from bot.services.roles import RoleService
from bot.services.snippets import snippet

SEE_ALSO_RATIO = 0.5  # a see-also passage scores at least this share of the answer's score
CANDIDATES = 10  # passages looked at beyond the first, for see-also and suggestions


class AnswerService:
    """Turn questions into answers over the current knowledge snapshot."""

    def __init__(self, holder: KnowledgeHolder, settings: Settings, roles: RoleService | None = None) -> None:
        self.holder = holder
        self.settings = settings
        self.roles = roles

    def clean_question(self, question: str) -> str:
        """Normalise a question; raise QuestionError if it is empty or too long.

        Control characters and bytes that are not UTF-8 are removed here, at the boundary, so
        they are neither stored nor echoed.
        """
        text = " ".join(unicodedata.normalize("NFKC", clean_text(question or "")).split())
        if not text:
            raise QuestionError("The question is empty: ask something like 'Is the residency remote?'")
        limit = self.settings.answers.max_question_chars
        if len(text) > limit:
            raise QuestionError(f"The question is too long ({len(text)} characters; the limit is {limit}).")
        return text

    def ask(self, question: str) -> Answer:
        """Answer ``question`` from one consistent snapshot.

        The no-answer rule: BM25 ranks passages, but a raw BM25 score says nothing absolute
        (it grows with question length and shrinks with corpus size). What decides is
        *coverage* (:meth:`SearchEngine.coverage`): the share of the question's information,
        each distinct word weighted by how topical it is, that the passage matches in its
        text, section, FAQ question or document title (a synonym counts), with what is asked
        *about* a programme counted apart from the words that name it. "What is the best
        recipe for banana bread?" covers almost nothing even if some passage says "best";
        "When does the residency start?" covers "residency" but not "start". The first
        passage in ranking order whose coverage reaches ``retrieval.min_coverage`` is the
        answer; if none of the top candidates does, the bot says it does not know.
        """
        text = self.clean_question(question)
        snap = self.holder.current
        engine = snap.engine
        query = engine.query(text)
        rs = self.settings.retrieval
        hits = engine.search(query, CANDIDATES + rs.see_also + 1)
        passages = snap.corpus.passages
        coverages = engine.coverage_many(query, [position for position, _ in hits])
        scored = [
            (pos, score, cov, matched) for (pos, score), (cov, matched) in zip(hits, coverages, strict=True)
        ]
        primary = next((s for s in scored if s[2] >= rs.min_coverage), None)
        if primary is None:
            suggestions = tuple(
                dict.fromkeys(passages[p].question for p, *_ in scored if passages[p].question)
            )[: self.settings.answers.suggestions]
            return Answer(
                text,
                False,
                (),
                coverage=scored[0][2] if scored else 0.0,
                suggestions=suggestions,
                snapshot_id=snap.snapshot_id,
            )
        cited = [primary]
        for s in scored:
            if len(cited) > rs.see_also:
                break
            if s is primary or s[2] < rs.see_also_min_coverage or s[1] < SEE_ALSO_RATIO * primary[1]:
                continue
            if any(_same_place(passages[s[0]], passages[c[0]]) for c in cited):
                continue
            cited.append(s)
        citations = tuple(
            self._cite(passages[pos], score, self._concepts(engine, query, pos), engine)
            for pos, score, _, _ in cited
        )
        roles = (
            tuple(self.roles.related(query, self.settings.answers.related_roles, snap)) if self.roles else ()
        )
        return Answer(
            text,
            True,
            citations,
            matched_terms=tuple(_surface_words(engine, text, primary[3])),
            coverage=primary[2],
            roles=roles,
            snapshot_id=snap.snapshot_id,
        )

    def _concepts(self, engine: SearchEngine, query: Query, position: int) -> list[dict[str, float]]:
        """Weigh query terms for choosing snippet sentences.

        A term counts by how topical it is (specificity) times how rare it is in the
        knowledge base (idf): "Hugging Face" in every passage picks no sentence. Terms of
        the document's title do not count: they chose the document, not the sentence.
        """
        title_terms = engine.topic_terms(position)
        factor = self.settings.retrieval.synonym_weight
        floor = 0.05 * engine.index.unknown_idf()

        def weight(term: str, base: float) -> float:
            idf = engine.index.term_idf(term)
            w = base * max(idf if idf is not None else 0.0, floor)
            return 0.0 if term in title_terms else w

        concepts = []
        for term in query.unique_terms:
            base = engine.informativeness(term, query)
            concept = {term: weight(term, base)}
            for syn in query.synonyms.get(term, ()):
                concept[syn] = weight(syn, base * factor)
            concepts.append(concept)
        return concepts

    def _cite(
        self, passage: Passage, score: float, concepts: list[dict[str, float]], engine: SearchEngine
    ) -> Citation:
        return Citation(
            source=passage.source,
            title=passage.title,
            url=passage.url,
            section=passage.section,
            snippet=snippet(passage, concepts, engine.tokenizer, self.settings.answers.snippet_chars),
            score=score,
            line=passage.line,
            published=passage.published,
            question=passage.question,
        )


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
