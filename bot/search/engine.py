"""The search engine over passages: fielded BM25, a document prior, synonyms, coverage.

Two BM25 indexes, both scoring exactly as ``BM25Okapi``:

* passages: a passage's section path and FAQ question are added to its body terms
  ``*_weight`` times, so a match there counts more than a match in the body;
* documents: each document's title (``title_weight`` times) and all its text. A question
  that names a programme ("... become Hugging Face Fellows?") points at a document even
  when the best passage of another document shares a rarer word with it.

A passage's final score is its BM25 score times ``1 + document_weight * d``, where ``d`` is
its document's BM25 score relative to the best document's (0..1). The document title is
kept out of the passage index: it is the same in every passage of a document, so there
it would only blur which passage of that document answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from bot.config import RetrievalSettings
from bot.knowledge.chunk import SECTION_SEP
from bot.knowledge.document import FAQ_HEADING
from bot.models import Passage
from bot.search.index import BM25Index, Forward, Vocabulary
from bot.search.semantic import SemanticIndex, Vectors, embed
from bot.search.specificity import specificity
from bot.search.spelling import Speller
from bot.search.stopwords import INTERROGATIVES
from bot.search.tokenize import Tokenizer

# The share of a question's weight, outside its document's title, above which that part
# must itself be covered (see SearchEngine.coverage_many).
PREDICATE_SHARE = 0.25
# A refresh that changes at most this many runs of files updates the index in place;
# more, and it is rebuilt from the counted terms (both are exact).
MAX_INCREMENTAL_SPANS = 8
# The specificity a question word ("when", "who") gets in BM25; content words get 0.5 to 5.
QUESTION_WORD_WEIGHT = 1.0
# Terms whose idf is below this count for less in a question (see SearchEngine._kb_damping).
DAMPING_IDF = 1.0
DAMPING_MIN_PASSAGES = 20


@dataclass(frozen=True, slots=True)
class Query:
    """A tokenized question: its own terms, plus synonyms at a lower weight."""

    text: str
    terms: tuple[str, ...]  # the question's own terms, in order, repeats kept
    expanded: tuple[str, ...]  # terms sent to BM25 (own terms, then synonyms)
    weights: tuple[float, ...]  # one per expanded term
    synonyms: dict[str, tuple[str, ...]]  # own term -> the synonym terms added for it
    importance: dict[str, float]  # own term -> how topical the word behind it is

    @property
    def unique_terms(self) -> tuple[str, ...]:
        """Return the question's own content terms without repeats, in order (no question words)."""
        return tuple(t for t in dict.fromkeys(self.terms) if t not in INTERROGATIVES)


def _member(sorted_values: np.ndarray, items: np.ndarray) -> np.ndarray:
    """Tell, for each of ``items``, whether it is in the sorted array ``sorted_values``."""
    where = np.minimum(np.searchsorted(sorted_values, items), len(sorted_values) - 1)
    return np.asarray(sorted_values[where] == items)


def passage_terms(tokenizer: Tokenizer, passage: Passage, settings: RetrievalSettings) -> list[str]:
    """Return the terms a passage is indexed under, field weights applied."""
    terms = tokenizer(passage.text)
    if passage.section:
        # "FAQ" or "Frequently Asked Questions" says nothing about what a passage answers
        section = SECTION_SEP.join(
            part for part in passage.section.split(SECTION_SEP) if not FAQ_HEADING.search(part)
        )
        terms += tokenizer(section) * settings.section_weight
    if passage.question:
        terms += tokenizer(passage.question) * settings.question_weight
    return terms


def passage_text(passage: Passage) -> str:
    """Return what a passage's vector is computed from: its FAQ question, section and text."""
    parts = [passage.question or "", passage.section or "", passage.text]
    return "\n".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class FileTerms:
    """What is computed once per file: counted terms, surface words and vectors of its passages."""

    source: str
    passages: Forward  # one unit per passage
    document: Forward  # one unit (title, then every passage's terms), or none without passages
    title: frozenset[str]  # the terms of its title and organisation
    # its distinct lower-case words, sorted and joined by newlines (for spelling): one string
    # holds them in a tenth of the memory of a set of strings
    words: str = ""
    vectors: Vectors = field(default_factory=lambda: Vectors.concat([]))  # one per passage
    heads: Vectors = field(default_factory=lambda: Vectors.concat([]))  # one per FAQ question
    head_rows: tuple[int, ...] = ()  # the passage (within the file) of each head vector


def count_file(
    source: str,
    passages: Sequence[Passage],
    tokenizer: Tokenizer,
    settings: RetrievalSettings,
    vocab: Vocabulary,
    term_lists: Sequence[Sequence[str]] | None = None,
) -> FileTerms:
    """Tokenize and count one file's passages (``term_lists`` if already tokenized)."""
    lists = (
        list(term_lists)
        if term_lists is not None
        else [passage_terms(tokenizer, p, settings) for p in passages]
    )
    if not passages:
        empty = Forward.concat([])
        return FileTerms(source, empty, empty, frozenset())
    # The organisation is part of what a document is about, like its title: "Brightwave"
    # in a question chooses Brightwave's posting, not a passage in it.
    title = tokenizer(f"{passages[0].title} {passages[0].org or ''}")
    document = title * settings.title_weight + [t for terms in lists for t in terms]
    words = "\n".join(
        sorted({w for p in passages for w in tokenizer.words(f"{p.title} {p.question or ''} {p.text}")})
    )
    head_rows = tuple(i for i, p in enumerate(passages) if p.question)
    return FileTerms(
        source,
        Forward.from_terms(lists, vocab),
        Forward.from_terms([document], vocab),
        frozenset(title),
        words,
        Vectors.quantize(embed([passage_text(p) for p in passages])),
        Vectors.quantize(embed([passages[i].question or "" for i in head_rows])),
        head_rows,
    )


def _path_key(source: str) -> tuple[str, ...]:
    return tuple(source.split("/"))  # the order in which the loader lists files


def changed_spans(
    old: Sequence[FileTerms], new: Sequence[FileTerms]
) -> list[tuple[int, int, list[FileTerms]]]:
    """Return the runs of files that differ: (first old index, end old index, new files there)."""
    spans: list[tuple[int, int, list[FileTerms]]] = []
    i = j = 0
    current: list[Any] | None = None
    while i < len(old) or j < len(new):
        same_source = i < len(old) and j < len(new) and old[i].source == new[j].source
        if same_source and old[i] is new[j]:
            if current is not None:
                spans.append((current[0], current[1], current[2]))
                current = None
            i += 1
            j += 1
            continue
        if current is None:
            current = [i, i, []]
        if same_source:
            current[1], current[2] = i + 1, [*current[2], new[j]]
            i += 1
            j += 1
        elif j >= len(new) or (i < len(old) and _path_key(old[i].source) < _path_key(new[j].source)):
            current[1] = i + 1
            i += 1
        else:
            current[2] = [*current[2], new[j]]
            j += 1
    if current is not None:
        spans.append((current[0], current[1], current[2]))
    return spans


class SearchEngine:
    """BM25 retrieval over a fixed list of passages."""

    vocab: Vocabulary
    files: tuple[FileTerms, ...]
    index: BM25Index
    doc_index: BM25Index

    def __init__(
        self,
        passages: Sequence[Passage],
        settings: RetrievalSettings,
        synonyms: Sequence[Sequence[str]] = (),
        tokenizer: Tokenizer | None = None,
        corpus_terms: Sequence[Sequence[str]] | None = None,
        *,
        files: Sequence[FileTerms] | None = None,
        vocab: Vocabulary | None = None,
        previous: SearchEngine | None = None,
    ) -> None:
        """Index ``passages``; ``files`` gives them already counted, file by file.

        With ``previous`` (an engine over the same vocabulary and settings), only the files
        that differ are re-indexed: see :meth:`BM25Index.replace_units`.
        """
        self.settings = settings
        self.tokenizer = tokenizer or Tokenizer()
        self.vocab = vocab if vocab is not None else (previous.vocab if previous else Vocabulary())
        if files is None:
            files = self._count(passages, corpus_terms)
        self.files = tuple(files)
        self.synonyms = self._synonym_map(synonyms)
        spans = None
        if previous is not None and previous.vocab is self.vocab and previous.settings == settings:
            spans = changed_spans(previous.files, self.files)
        if previous is not None and spans is not None and len(spans) <= MAX_INCREMENTAL_SPANS:
            self.index, self.doc_index = previous.index, previous.doc_index
            unit_starts = np.concatenate([[0], np.cumsum([f.passages.units for f in previous.files])])
            doc_starts = np.concatenate([[0], np.cumsum([f.document.units for f in previous.files])])
            for a, b, new in reversed(spans):  # from the end, so earlier positions stay valid
                self.index = self.index.replace_units(
                    int(unit_starts[a]), int(unit_starts[b]), Forward.concat([f.passages for f in new])
                )
                self.doc_index = self.doc_index.replace_units(
                    int(doc_starts[a]), int(doc_starts[b]), Forward.concat([f.document for f in new])
                )
        else:
            self.index = BM25Index.from_forward(
                Forward.concat([f.passages for f in self.files]),
                self.vocab,
                k1=settings.k1,
                b=settings.b,
                epsilon=settings.epsilon,
            )
            self.doc_index = BM25Index.from_forward(
                Forward.concat([f.document for f in self.files]),
                self.vocab,
                k1=settings.k1,
                b=settings.b,
                epsilon=settings.epsilon,
            )
        # Document level: passage position -> document number, and each document's title terms.
        with_passages = [f for f in self.files if f.passages.units]
        self.doc_of = np.repeat(
            np.arange(len(with_passages), dtype=np.int32), [f.passages.units for f in with_passages]
        )
        self.title_terms: list[frozenset[str]] = [f.title for f in with_passages]
        self.all_title_terms: frozenset[str] = frozenset().union(*self.title_terms)
        docs_by_term: dict[str, list[int]] = {}
        for number, terms in enumerate(self.title_terms):
            for term in terms:
                docs_by_term.setdefault(term, []).append(number)
        self.title_docs = {t: np.asarray(d, dtype=np.int32) for t, d in docs_by_term.items()}
        # Meaning: passage vectors, FAQ-question vectors by passage position, and spelling.
        self.semantic = SemanticIndex([f.vectors for f in with_passages])
        self.heads = SemanticIndex([f.heads for f in with_passages])
        starts = np.concatenate([[0], np.cumsum([f.passages.units for f in with_passages])]).astype(np.int64)
        self.head_of: dict[int, int] = {}
        for number, f in enumerate(with_passages):
            for row in f.head_rows:
                self.head_of[int(starts[number]) + row] = len(self.head_of)
        self.speller = Speller(w for f in with_passages if f.words for w in f.words.split("\n"))

    def _count(
        self, passages: Sequence[Passage], corpus_terms: Sequence[Sequence[str]] | None
    ) -> list[FileTerms]:
        """Group passages by file (they come file after file) and count each file's terms."""
        out = []
        start = 0
        for end in range(1, len(passages) + 1):
            if end == len(passages) or passages[end].source != passages[start].source:
                lists = None if corpus_terms is None else corpus_terms[start:end]
                out.append(
                    count_file(
                        passages[start].source,
                        passages[start:end],
                        self.tokenizer,
                        self.settings,
                        self.vocab,
                        lists,
                    )
                )
                start = end
        return out

    def _synonym_map(self, groups: Sequence[Sequence[str]]) -> dict[str, tuple[str, ...]]:
        mapping: dict[str, list[str]] = {}
        for group in groups:
            terms = list(dict.fromkeys(t for word in group for t in self.tokenizer(word)))
            for term in terms:
                bucket = mapping.setdefault(term, [])
                bucket.extend(t for t in terms if t != term and t not in bucket)
        return {k: tuple(v) for k, v in mapping.items()}

    def query(self, text: str, expansions: dict[str, tuple[str, ...]] | None = None) -> Query:
        """Tokenize a question, weigh its terms by how topical they are, and add synonyms.

        Each term's BM25 contribution is scaled by the specificity of the word behind it
        relative to the question's average, so "become" in "How do people become Fellows?"
        pulls less than "Fellows". ``expansions`` adds further synonyms (the knowledge base's
        acronyms: "hf" stands for "hugging face").
        """
        importance: dict[str, float] = {}
        terms_list: list[str] = []
        compounds = self.tokenizer.compounds(text)
        for word in self.tokenizer.words(text):
            term = self.tokenizer.term(word)
            if term is None:
                continue
            terms_list.append(term)
            if term in INTERROGATIVES:
                continue
            parts = compounds.get(word)
            topical = max(map(specificity, parts)) if parts else specificity(word)
            importance[term] = max(importance.get(term, 0.0), topical * self._kb_damping(term))
        terms = tuple(terms_list)
        mean = sum(importance.values()) / len(importance) if importance else 1.0
        expanded = list(terms)
        weights = [importance.get(t, QUESTION_WORD_WEIGHT) / mean for t in terms]
        added: dict[str, tuple[str, ...]] = {}
        own = set(terms)
        for term in importance:
            alternatives = self.synonyms.get(term, ()) + (expansions or {}).get(term, ())
            extra = tuple(dict.fromkeys(s for s in alternatives if s not in own and s not in expanded))
            if extra and self.settings.synonym_weight > 0:
                added[term] = extra
                expanded.extend(extra)
                weights.extend([self.settings.synonym_weight * importance[term] / mean] * len(extra))
        return Query(text, terms, tuple(expanded), tuple(weights), added, importance)

    def _kb_damping(self, term: str) -> float:
        """Return 1 for a term that tells passages apart, less for one most passages share.

        "Hugging" is rare in English but in nearly every passage of a Hugging Face
        knowledge base: it says little about which passage, or whether any, answers.
        """
        idf = self.index.term_idf(term)
        if idf is None or self.index.size < DAMPING_MIN_PASSAGES:
            return 1.0  # in a handful of passages, every word is "common"
        return min(1.0, max(idf, 0.1) / DAMPING_IDF)

    def search(self, query: Query, k: int, pool: int = 50) -> list[tuple[int, float]]:
        """Return up to ``k`` (passage position, score) pairs, best first.

        The best ``pool`` passages by BM25 are re-ranked: a question term that is in the
        passage's document title counts ``title_term_discount`` times as much (the title
        already chose the document; the other words choose the passage in it), and the
        result is scaled by the document prior.
        """
        found = self.index.top(query.expanded, max(k, pool), query.weights)
        if not len(found.ids):
            return []
        ids = np.sort(found.ids)
        docs = self.doc_of[ids]
        discount = self.settings.title_term_discount
        scores = np.zeros(len(ids))
        for term, weight in zip(query.expanded, query.weights, strict=True):
            contribution = self.index.get_scores_for(ids, (term,)) * weight
            titled = self.title_docs.get(term)
            if discount != 1.0 and titled is not None and (in_title := _member(titled, docs)).any():
                # Every passage of a document whose title names the term gets the same credit
                # for it, as if it said it as often as the passage that says it most; the
                # passage's own repetitions of it count only ``discount`` as much.
                best = contribution.max()
                contribution[in_title] = discount * contribution[in_title] + (1 - discount) * best
            scores += contribution
        doc_weight = self.settings.document_weight
        if doc_weight > 0 and self.doc_index.size:
            unique_docs = np.unique(docs)
            doc_scores = np.zeros(self.doc_index.size)
            doc_scores[unique_docs] = self.doc_index.get_scores_for(
                unique_docs, query.expanded, query.weights
            )
            best = doc_scores.max()
            if best > 0:
                scores = scores * (1.0 + doc_weight * doc_scores[docs] / best)
        order = np.lexsort((ids, -scores))[:k]
        return list(zip(ids[order].tolist(), scores[order].tolist(), strict=True))

    def absent_share(self, query: Query, position: int, skip: frozenset[str] = frozenset()) -> float:
        """Return the share of the question's weight in words (and their synonyms) that the
        passage's whole document never uses; ``skip`` terms (the names) are left out."""
        doc = np.asarray([self.doc_of[position]])
        total = absent = 0.0
        for term in query.unique_terms:
            if term in skip:
                continue
            weight = self.informativeness(term, query)
            total += weight
            present = False
            for alt in (term, *self.synonyms.get(term, ()), *query.synonyms.get(term, ())):
                ids = self.doc_index.passages_with(alt)
                titled = self.title_docs.get(alt)
                if (len(ids) and _member(ids, doc)[0]) or (titled is not None and _member(titled, doc)[0]):
                    present = True
                    break
            if not present:
                absent += weight
        return absent / total if total > 0 else 0.0

    def topic_terms(self, position: int) -> frozenset[str]:
        """Return the terms of the title (and organisation) of the passage's document."""
        return self.title_terms[int(self.doc_of[position])]

    def _matched_many(self, query: Query, positions: np.ndarray) -> list[list[str]]:
        """Return, for each passage position, the question terms it matches (one pass per term)."""
        docs = self.doc_of[positions]
        has: dict[str, np.ndarray] = {}

        def membership(term: str) -> np.ndarray:
            if term not in has:
                ids = self.index.passages_with(term)
                found = _member(ids, positions) if len(ids) else np.zeros(len(positions), dtype=bool)
                titled = self.title_docs.get(term)
                if titled is not None:
                    found = found | _member(titled, docs)
                has[term] = found
            return has[term]

        matched: list[list[str]] = [[] for _ in range(len(positions))]
        for term in query.unique_terms:
            hit = membership(term).copy()
            for alt in self.synonyms.get(term, ()):
                hit |= membership(alt)
            for i in np.flatnonzero(hit).tolist():
                matched[i].append(term)
        return matched

    def informativeness(self, term: str, query: Query | None = None) -> float:
        """Return how much a term says about what is asked: its idf, or the highest idf if unknown.

        A term no passage contains is as specific as a term can be: the question is about
        something the knowledge base never mentions.
        """
        if query is not None and term in query.importance:
            return query.importance[term]
        idf = self.index.term_idf(term)
        unknown = self.index.unknown_idf()
        if idf is None:
            return unknown
        # rank-bm25's epsilon floor can make a very common term's idf tiny or zero; keep
        # a small weight so that such terms still count a little towards coverage.
        return max(idf, 0.05 * unknown)

    def coverage_many(self, query: Query, positions: Sequence[int]) -> list[tuple[float, list[str]]]:
        """Return, for each passage, the share of the question's information it covers and the matched terms.

        Each distinct question term weighs how topical it is (see :mod:`bot.search.specificity`);
        a term counts as covered when the passage has it or one of its synonyms in its text,
        section, FAQ question or document title.

        Words that name a document (in any title or organisation) give the *topic* of a
        question, not what is asked about it: for "Can I do the fellowship part-time?" every
        Fellowship passage covers "fellowship", none covers "part-time". So when the other
        terms carry a real share of the question (``PREDICATE_SHARE``), or include a word the knowledge
        base never uses ("Is the Meta internship in London?"), the coverage is the lower of
        the overall share and the share of those terms that the passage covers.
        """
        terms = query.unique_terms
        if not terms or not len(positions):
            return [(0.0, []) for _ in positions]
        weight = {t: self.informativeness(t, query) for t in terms}
        total = sum(weight.values())
        rest = [t for t in terms if t not in self.all_title_terms]
        rest_total = sum(weight[t] for t in rest)
        unknown = any(self.index.term_idf(t) is None for t in rest)
        predicate_rule = rest_total > 0 and (rest_total >= PREDICATE_SHARE * total or unknown)
        out = []
        for matched in self._matched_many(query, np.asarray(positions)):
            if total <= 0:
                out.append((0.0, matched))
                continue
            overall = sum(weight[t] for t in matched) / total
            if predicate_rule:
                covered = set(matched)
                predicate = sum(weight[t] for t in rest if t in covered) / rest_total
                overall = min(overall, predicate)
            out.append((overall, matched))
        return out
