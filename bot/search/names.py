"""Programme scope: which documents a question names.

The names come from the knowledge base itself: each document's title (without a trailing
qualifier such as " - EMEA remote" or "(Summer 2026)"), its organisation, and the titles and
teams of the roles read from it, plus the acronyms of their capitalised runs ("Hugging
Face" → "hf", "Machine Learning Engineer" → "ml", "mle"), and the qualifier's words that tell
siblings apart ("London" of "Graduate Engineering Programme – London" beside "… – Lisbon").
A question word names something when it is one of those name terms, is specific enough to
be a name (not "team" or "new": :data:`MIN_SPECIFICITY`; a sibling's qualifier always is)
and does not belong to every document.

A question that names something is answered only from the documents that match its names
best (:meth:`Names.scope`): "What's the salary for the Hugging Face internships?" is
answered from the Hugging Face internships post or declined, never from Meta's posting
that states a salary.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from wordfreq import zipf_frequency

from bot.documents.chunk import SECTION_SEP
from bot.documents.document import FAQ_HEADING, QUALIFIER, without_announcement
from bot.documents.parse import is_body_name
from bot.search.specificity import specificity
from bot.search.stopwords import INTERROGATIVES, STOPWORDS
from bot.search.tokenize import Tokenizer

MENTION_SHARE = 0.5  # a named term a document's text says, not its name, counts this much for it in scope
MENTION_CONTENDERS = 32  # more documents in contention than this are not told apart by what their texts say
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
SHARED_TAIL_WORDS = 2  # sibling names the same but for their first words share at least this many after them
MIN_SPECIFICITY = 2.0  # "program" (Zipf 5.0) still names; "team", "new", "work" do not
ACRONYM_MAX_ZIPF = 4.0  # an "acronym" that is a common word ("as", "it") is not one
# A clipped word ("physio", "grad", "rehab") is a name word's start, at least CLIPPED_MIN
# letters and CLIPPED_REST fewer than it, and no common word of its own ("game", "data",
# "press" start "gameplay", "database", "president": Zipf above CLIPPED_MAX_ZIPF).
CLIPPED_MIN = 4
CLIPPED_REST = 3
CLIPPED_MAX_ZIPF = 4.0
EXTENDED_MIN = 6  # a name's word this long that starts a question's word names what it names ("apprentice…ship")
_CAPITALISED = re.compile(r"[A-Z][A-Za-z]*|[0-9]+[A-Za-z]*")
_TOKEN = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’]s\b")
_SENTENCE_END = re.compile(r"[.!?:;\n]")
# Words a name may hold ("Bank of America", "Cohere For AI"); any other function word in a
# run of capitals means the text is written in Title Case, which says nothing about names.
_IN_NAMES = frozenset({"of", "and", "for"})
_FUNCTION = (STOPWORDS | INTERROGATIVES) - _IN_NAMES


def name_parts(title: str, orgs: Iterable[str] = ()) -> list[str]:
    """Return the names a title says: itself without its trailing qualifier (" - EMEA
    remote", " (Summer 2026)") or what an announcement says before naming it ("Applications
    open for the …").

    A title that opens with its organisation names the programme after it too: "Ostrevel
    Foundation – Literary Translation Internship 2026" names the foundation and the
    internship, not the foundation with a qualifier.
    """
    parts = [p.strip() for p in QUALIFIER.split(without_announcement(title), maxsplit=2)]
    if len(parts) >= 2 and parts[1] and is_organisation(parts[0], orgs):
        return parts[:2]
    return parts[:1]


def is_organisation(text: str, orgs: Iterable[str] = ()) -> bool:
    """Tell whether ``text`` is one of ``orgs`` or says it is a body ("Mirrowdale Trust for Rural Archives")."""
    folded = text.casefold()
    return any(folded == org.casefold() for org in orgs if org) or is_body_name(text)


@lru_cache(maxsize=100_000)
def _zipf(word: str) -> float:
    return float(zipf_frequency(word, "en"))


def acronyms(name: str) -> dict[str, str]:
    """Return the acronyms of a name's capitalised runs, each with the words it stands for."""
    out: dict[str, str] = {}
    run: list[str] = []
    for word in [*re.findall(r"[^\W_]+", name), ""]:
        if word and word[0].isupper() and word.isalpha():
            run.append(word)
            continue
        for end in range(2, len(run) + 1):
            short = "".join(w[0] for w in run[:end]).lower()
            if _zipf(short) < ACRONYM_MAX_ZIPF:
                out.setdefault(short, " ".join(run[:end]))
        run = []
    return out


_AT_PLACE = re.compile(r"^(.+?)\s+(?:at|in)\s+([A-Z].*)$")  # "Youth Reading Mentors at Riverside"


def _sibling_qualifiers(documents: Sequence[Sequence[str]], tokenizer: Tokenizer) -> dict[str, tuple[str, ...]]:
    """Return the words that tell sibling names apart, by the name string that says them.

    A title's qualifier names nothing alone (" - EMEA remote"), but where two documents'
    names are the same but for it, it is what tells them apart: "Graduate Engineering
    Programme – London" beside "… – Lisbon", "Conservation Internship – Kenya (Laikipia)
    2027" beside "… – Namibia (Kunene) 2027", "Youth Reading Mentors at Riverside" beside
    "Youth Reading Mentors – Northside Library". The capitalised words of their qualifiers
    that not every sibling says ("London", "Laikipia", not "2027" or "Library") name each
    of them, however common ("London" is no rare word, but here it is the one that
    chooses). A qualifier that is another of the document's names (its organisation) is
    none, nor are the words that say a page is an FAQ, nor a qualifier's words in lower case
    ("autumn 2024 info for applicants").
    """
    split: list[tuple[int, str, str, list[str]]] = []
    for doc, strings in enumerate(documents):
        for text in strings:
            if text and (names := name_parts(text, strings)):
                rest = [
                    FAQ_HEADING.sub(" ", part)
                    for part in QUALIFIER.split(text)[len(names) :]
                    if part.strip(" )").casefold() not in {other.casefold() for other in strings if other is not text}
                ]
                split.append((doc, text, names[0], rest))
    bases = {name.casefold(): doc for doc, _, name, _ in split}
    by_name: dict[str, list[tuple[int, str, set[str]]]] = {}
    for doc, text, name, rest in split:
        # ("Emerging Voices Fellowship 2026 – Spring Cohort" beside "… Fellowship – Autumn Cohort 2026")
        base = " ".join(_YEAR.sub(" ", name.casefold()).split())
        # "Youth Reading Mentors at Riverside": another document's name, then where
        at = _AT_PLACE.match(name)
        if at and bases.get(at.group(1).casefold(), doc) != doc:
            base, rest = at.group(1).casefold(), [at.group(2), *rest]
        capitals = {w.casefold() for part in rest for w in _CAPITALISED.findall(part)}
        words = {w for part in rest for w in tokenizer.words(part) if w.isalpha() and w in capitals}
        if words:
            by_name.setdefault(base, []).append((doc, text, words))
    # "Adult Nursing Graduate Programme" beside "Children's Nursing Graduate Programme": the
    # same name but for its first word or two, which tell them apart
    # ("Summer Residency 2025" beside "Winter Residency 2026": the year aside, a kind of
    # programme after one word is a name's tail however short)
    for doc, text, name, _ in split:
        said = name.split()
        for head in (1, 2):
            tail = _YEAR.sub(" ", " ".join(said[head:]).casefold()).split()
            if len(tail) >= SHARED_TAIL_WORDS or (head == 1 and len(tail) == 1 and tail[0].rstrip("s") in PROGRAMME_KINDS):
                capitals = {w.casefold() for w in _CAPITALISED.findall(" ".join(said[:head]))}
                words = {w for w in tokenizer.words(" ".join(said[:head])) if w.isalpha() and w in capitals}
                if words:
                    by_name.setdefault(f"…{' '.join(tail)}", []).append((doc, text, words))
    out: dict[str, tuple[str, ...]] = {}
    for siblings in by_name.values():
        if len({doc for doc, _, _ in siblings}) < 2:
            continue
        shared = set.intersection(*(words for _, _, words in siblings))
        for _, text, words in siblings:
            if words - shared:
                out[text] = tuple(sorted(words - shared))
    return out


@dataclass(frozen=True)
class Names:
    """The name terms of each document, and the acronyms that stand for them."""

    by_doc: tuple[frozenset[str], ...]
    expansions: dict[str, tuple[str, ...]]  # acronym term -> the terms it stands for
    docs_of: dict[str, tuple[int, ...]]  # name term -> the documents it names
    # The documents' names as runs of terms, every word kept ("Summer Research Fellowship"):
    # each term with the documents whose names hold it, and every two terms in a row.
    phrase_docs: dict[str, tuple[int, ...]] = field(default_factory=dict)
    pairs: frozenset[tuple[str, str]] = frozenset()
    # name term -> the words the names say it with ("appli": "applied" in "Applied Research
    # Residency"); a question names it only by one of them (:meth:`said`)
    forms: dict[str, frozenset[str]] = field(default_factory=dict)
    # the name terms that tell siblings apart ("london" of "Graduate Engineering Programme –
    # London" beside "… – Lisbon"; see _sibling_qualifiers)
    telling: frozenset[str] = frozenset()

    @classmethod
    def build(cls, documents: Sequence[Sequence[str]], tokenizer: Tokenizer) -> Names:
        """Collect name terms from each document's name strings (title, org, role titles, teams)."""
        by_doc: list[frozenset[str]] = []
        phrases: list[tuple[tuple[str, ...], ...]] = []
        expansions: dict[str, tuple[str, ...]] = {}
        name_terms: dict[str, str] = {}  # word -> its name term ("" for none); names repeat words
        forms: dict[str, set[str]] = {}
        sibling_terms: set[str] = set()

        def name_term(word: str) -> str:
            term = name_terms.get(word)
            if term is None:
                term = name_terms[word] = (
                    (tokenizer.term(word) or "") if specificity(word) >= MIN_SPECIFICITY else ""
                )
            return term

        telling = _sibling_qualifiers(documents, tokenizer)
        for strings in documents:
            terms: set[str] = set()
            runs: list[tuple[str, ...]] = []
            for text in strings:
                if not text:
                    continue
                names = name_parts(text, strings)
                for word in telling.get(text, ()):
                    if (term := tokenizer.term(word)) is not None:
                        terms.add(term)
                        sibling_terms.add(term)
                        forms.setdefault(term, set()).add(word)
                for name in names:
                    for word in tokenizer.words(name):
                        term = name_term(word)
                        terms.add(term)
                        forms.setdefault(term, set()).add(word)
                    for short, words in acronyms(name).items():
                        acronym = tokenizer.term(short)
                        if acronym is None:
                            continue
                        terms.add(acronym)
                        forms.setdefault(acronym, set()).add(short)
                        expansions.setdefault(acronym, tuple(tokenizer(words)))
                # the qualifiers' words name nothing alone, but said in a row they choose:
                # "Civic Code Fellowship - Spring Cohort 2026" beside its Autumn Cohort
                for part in [*names, *QUALIFIER.split(text)[len(names) :]]:
                    run = tuple(tokenizer(part))
                    # (one word is no row, though "part-time" gives three terms)
                    if len(run) >= 2 and len(part.split()) >= 2 and run not in runs:
                        runs.append(run)
                        for word in tokenizer.words(part):  # as the run says them ("Spring", not "Springs")
                            if (run_term := tokenizer.term(word)) is not None:
                                forms.setdefault(run_term, set()).add(word)
            terms.discard("")
            by_doc.append(frozenset(terms))
            phrases.append(tuple(runs))
        forms.pop("", None)
        built = cls.of(by_doc, expansions, phrases).with_forms({t: frozenset(f) for t, f in forms.items()})
        return built.with_telling(sibling_terms)

    @classmethod
    def of(
        cls,
        by_doc: Sequence[frozenset[str]],
        expansions: dict[str, tuple[str, ...]],
        phrases: Sequence[tuple[tuple[str, ...], ...]] = (),
    ) -> Names:
        """Return the names of documents with these name terms, acronyms and name phrases."""
        docs_of: dict[str, list[int]] = {}
        for doc, doc_terms in enumerate(by_doc):
            for term in doc_terms:
                docs_of.setdefault(term, []).append(doc)
        phrase_docs: dict[str, list[int]] = {}
        for doc, runs in enumerate(phrases):
            for term in dict.fromkeys(t for run in runs for t in run):
                phrase_docs.setdefault(term, []).append(doc)
        return cls(
            tuple(by_doc),
            expansions,
            {t: tuple(d) for t, d in docs_of.items()},
            {t: tuple(d) for t, d in phrase_docs.items()},
            frozenset(pair for runs in phrases for run in runs for pair in itertools.pairwise(run)),
        )

    def with_phrases(self, phrase_docs: dict[str, tuple[int, ...]], pairs: Iterable[tuple[str, str]]) -> Names:
        """Return these names with the phrase terms and pairs an earlier one kept (see :meth:`of`)."""
        return replace(self, phrase_docs=phrase_docs, pairs=frozenset(pairs))

    def with_forms(self, forms: dict[str, frozenset[str]]) -> Names:
        """Return these names with the words each name term is said with (see :meth:`build`)."""
        return replace(self, forms=forms)

    def with_telling(self, terms: Iterable[str]) -> Names:
        """Return these names with the terms that tell siblings apart (see :meth:`build`)."""
        return replace(self, telling=frozenset(terms))

    def said(
        self, tokenizer: Tokenizer, words: Sequence[str], clips: dict[str, tuple[str, ...]] | None = None
    ) -> list[str]:
        """Return the terms of ``words`` (as ``tokenizer.words`` gives them), with "" for a
        word whose term is a name term but which says no word of the names.

        Stems join words that are not one ("apply" and "applied" are both "appli"): a
        question about how to apply names no "Applied Research Residency". A word says a
        name's word when it is that word, its plural, or a longer form of it or the other
        way round ("engineering", "Engineer"), or when an equivalents group holds both
        ("fellows", "Fellowship"). A clipped word ("physio") says the name terms ``clips``
        gives it (:meth:`clips`, found here when not given).
        """
        if clips is None:
            clips = self.clips(tokenizer, words)
        out: list[str] = []
        for word in words:
            term = tokenizer.term(word)
            if term is None:
                continue
            forms = self.forms.get(term)
            if forms is None:
                out.extend(clips.get(word) or self.extended(word) or (term,))
            elif any(_same_word(v, f) for v in tokenizer.variants(word, term) for f in forms):
                out.append(term)
                out.extend(self._ship_of(word, term))
            else:
                out.append("")
        return out

    def clips(self, tokenizer: Tokenizer, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Return the clipped words among ``words`` (see :meth:`clipped`), each with the name
        terms it stands for; a word whose term is a name term is no clipped form."""
        out: dict[str, tuple[str, ...]] = {}
        for word in words:
            term = tokenizer.term(word)
            if term is not None and term not in self.forms and (full := self.clipped(word)):
                out[word] = full
        return out

    def clipped(self, word: str) -> tuple[str, ...]:
        """Return the name terms whose words ``word`` is a clipped form of ("physio" for
        "Physiotherapist" and "Physiotherapy", "grads" for "Graduate"), or ().

        Members shorten the words programmes are named by; a clipped word is the start of a
        name's word, and no common English word of its own (see :data:`CLIPPED_MAX_ZIPF`).
        """
        stem = word[:-1] if word.endswith("s") and len(word) > CLIPPED_MIN else word
        if len(stem) < CLIPPED_MIN or _zipf(stem) > CLIPPED_MAX_ZIPF:
            return ()
        words = self._name_words
        found: dict[str, None] = {}
        for i in range(bisect_left(words, (stem, "")), len(words)):
            full, term = words[i]
            if not full.startswith(stem):
                break
            if len(full) - len(stem) >= CLIPPED_REST:
                found[term] = None
        return tuple(found)

    def _ship_of(self, word: str, term: str) -> tuple[str, ...]:
        """Return the name terms of the "-ship" form of ``word`` besides its own ``term``:
        "apprentices" names the "Stage Technician Apprenticeship" as well as "Past
        Apprentices", as "fellows" names a Fellowship (the stems keep the two apart)."""
        base = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        return tuple(t for t in self._terms_by_word.get(base + "ship", ()) if t != term)

    def extended(self, word: str) -> tuple[str, ...]:
        """Return the name terms of which ``word`` is a longer form, another stem of the same
        word: "apprenticeship" of a title's "Apprentice" (a name's word of at least
        :data:`EXTENDED_MIN` letters that starts it), or ()."""
        by_word = self._terms_by_word
        return tuple(
            dict.fromkeys(
                term for end in range(len(word) - 1, EXTENDED_MIN - 1, -1) for term in by_word.get(word[:end], ())
            )
        )

    @cached_property
    def _terms_by_word(self) -> dict[str, tuple[str, ...]]:
        """Every word the names say, with the name terms it says (for :meth:`extended`)."""
        out: dict[str, list[str]] = {}
        for word, term in self._name_words:
            out.setdefault(word, []).append(term)
        return {word: tuple(terms) for word, terms in out.items()}

    @cached_property
    def _name_words(self) -> list[tuple[str, str]]:
        """Every word the names say, with its name term, in order (for :meth:`clipped`)."""
        return sorted((word, term) for term, words in self.forms.items() for word in words)

    def named(self, terms: Sequence[str]) -> dict[str, float]:
        """Return the question terms that name something, each with how much it tells documents apart."""
        return self._telling(terms, self.docs_of)

    def choosing(self, terms: Sequence[str]) -> dict[str, float]:
        """Return the terms that choose documents: the names (:meth:`named`), and ordinary
        words said in a row as a document's name says them.

        "summer research fellowship" chooses the Summer Research Fellowship beside a
        Postdoctoral Fellowship, "data science intern" one internship of two, "community
        grants" one fund of two, though "summer", "data" or "community" alone names nothing.
        Those words still say what is asked: they choose, but are no names.
        """
        return self._telling(self._in_phrases(terms), self.phrase_docs) | self.named(terms)

    def _telling(self, terms: Iterable[str], docs: dict[str, tuple[int, ...]]) -> dict[str, float]:
        """Return the terms held by some documents but not all (``docs``: term -> documents),
        each with how much it tells documents apart."""
        n = len(self.by_doc)
        out: dict[str, float] = {}
        for term in terms:
            df = len(docs.get(term, ()))
            if 0 < df < n:
                out[term] = math.log(1.0 + n / df)
        return out

    def _in_phrases(self, terms: Sequence[str]) -> set[str]:
        """Return the terms of runs of two or more question terms that some document's name also has in a row."""
        return {term for pair in itertools.pairwise(terms) if pair in self.pairs for term in pair}

    def scope(
        self,
        named: dict[str, float],
        mentioned: Callable[[str, list[int]], Iterable[int]] | None = None,
    ) -> frozenset[int] | None:
        """Return the document numbers that match the named terms best, or None when nothing is named.

        A document's match is the weighted share of named terms among its names (weight:
        how few documents the term names). How topical a word is among passages does not
        count: "resident" is in every passage of the residency's documents, which makes it
        tell their passages apart poorly but names them no less than "Shift" in "Quality
        Control Technician I, 2nd Shift" names that posting.
        """
        if not named:
            return None
        score: dict[int, float] = {}
        called: dict[str, tuple[int, ...]] = {}
        for term in named:
            called[term] = tuple(sorted({*self.docs_of.get(term, ()), *self.phrase_docs.get(term, ())}))
            for doc in called[term]:
                score[doc] = score.get(doc, 0.0) + named[term]
        if mentioned is not None and len(called) > 1 and score:
            # of the documents named that could still come first, those whose text says a
            # name they are not called by
            # (a document can gain MENTION_SHARE of the weight of the names it is not called by)
            best, total = max(score.values()), sum(named.values())
            contenders = [doc for doc, value in score.items() if value + MENTION_SHARE * (total - value) >= best]
            for term in named if 1 < len(contenders) <= MENTION_CONTENDERS else ():
                calls = set(called[term])
                others = [doc for doc in contenders if doc not in calls]
                for doc in mentioned(term, others) if others else ():
                    score[doc] += MENTION_SHARE * named[term]
        best = max(score.values(), default=0.0)
        if best <= 0:
            return None
        return frozenset(d for d, s in score.items() if s >= best - 1e-9)


def _same_word(a: str, b: str) -> bool:
    """Tell whether two words of one stem say one thing: one is the other's start
    ("engineer", "engineering"; "residencies" and "residency" as "residency"), or they share
    a start of six letters or more, three quarters of the shorter ("residents", "residency").
    "apply" and "applied", "application" and "applied" do not."""
    if a.endswith("ies"):
        a = a[:-3] + "y"
    if b.endswith("ies"):
        b = b[:-3] + "y"
    if a.startswith(b) or b.startswith(a):
        return True
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return common >= 6 and common >= 0.75 * min(len(a), len(b))


def named_by_a_title(name: str, titles: Iterable[Sequence[str]], tokenizer: Tokenizer) -> bool:
    """Tell whether one of ``titles`` (each in words, as ``tokenizer.words`` gives them) says
    every word of ``name`` (a qualifier in brackets aside), in the same or another form:
    "Brewing Apprentice (2025 cohort)", an entry on a careers page, is what "Copperbine
    Brewing Apprenticeship — 2025 Program Guide" is about."""
    words = [
        w for w in tokenizer.words(re.sub(r"\([^()]*\)", " ", name)) if len(w) >= 3 and not w.isdigit() and tokenizer.term(w)
    ]
    if not words:
        return False
    return any(all(any(_same_word(w, t) for t in said if len(t) >= 3) for w in words) for said in titles)


ORG_WORD_MAX_ZIPF = 3.0  # an organisation's first word this rare in English is its own ("Vantrelle", not "Open")


def organisations_said(text: str, orgs: Iterable[str]) -> list[str]:
    """Return the organisations of ``orgs`` that ``text`` names by their own word.

    A document that says who it is from only in passing ("at the Vantrelle visitor
    observatory") is from the organisation another document names in full ("Vantrelle
    Observatory Trust"): its first word, when English has no use for it, is the
    organisation's. So is one that says an organisation's whole name ("The National Heritage
    Archive looks after …"), whatever English makes of its first word. Linear in the text: its
    words are looked up, not each organisation searched.
    """
    by_word, by_start = _indexed_orgs(tuple(orgs))
    said: dict[str, None] = {}  # in the order said, once each
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        for org in by_word.get(word, ()):
            said[org] = None
        for org, rest in by_start.get(word, ()):
            if text.startswith(rest, match.end()):
                said[org] = None
    return list(said)


@lru_cache(maxsize=4)
def _indexed_orgs(
    orgs: tuple[str, ...],
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[tuple[str, str], ...]]]:
    """Index organisations by their own first word, and those of several words by their
    first word with the rest of their name (made once for a build's organisations)."""
    by_word: dict[str, list[str]] = {}
    by_start: dict[str, list[tuple[str, str]]] = {}
    for org in orgs:
        words = _TOKEN.findall(org)
        if words and _zipf(words[0].casefold()) < ORG_WORD_MAX_ZIPF:
            by_word.setdefault(words[0], []).append(org)
        elif len(words) > 1 and (first := _TOKEN.match(org)) is not None:
            by_start.setdefault(first.group(0), []).append((org, org[first.end() :]))
    return (
        {word: tuple(found) for word, found in by_word.items()},
        {word: tuple(found) for word, found in by_start.items()},
    )


def other_names(text: str, known: Callable[[str], bool], names: Callable[[str], bool]) -> tuple[str, ...]:
    """Return the names in ``text`` of programmes or organisations the knowledge base does not have.

    A run of capitalised words that does not start a sentence names something else when it
    holds a word the knowledge base never uses (``known`` is false for it) and is followed
    by one of the knowledge base's name words (``names``: "internship", "residency",
    "engineer"; inside the run or after it) or by "'s": "the Anthropic fellowship", "the
    Google Brain Residency", "Apple's AI residency", "the NVIDIA ML engineer job". Such a
    question is about another programme, which no document here describes. Lower-case text
    carries no such sign and is left alone ("the google brain residency"), and so is a name
    the documents mention in passing ("such as Google, Elastic …"), and text in Title Case
    ("Can Beginners Join The Residency?"): a leading "The" is no part of a name, and a run
    holding another function word is not one.
    """
    tokens = list(_TOKEN.finditer(text))
    words = [t.group() for t in tokens]

    def joined(a: int, b: int) -> bool:  # tokens a and b (= a + 1) are in one sentence
        return not _SENTENCE_END.search(text[tokens[a].end() : tokens[b].start()])

    found: list[str] = []
    i = 1  # the first word is capitalised as any sentence's is
    while i < len(tokens):
        if not words[i][0].isupper() or not joined(i - 1, i):
            i += 1
            continue
        j = i  # the run of capitalised words is i..j
        while j + 1 < len(tokens) and words[j + 1][0].isupper() and joined(j, j + 1):
            j += 1
        while i < j and words[i].casefold() in _FUNCTION:  # "The Anthropic Fellowship"
            i += 1
        if any(w.casefold() in _FUNCTION for w in words[i : j + 1]):
            i = j + 1
            continue
        k = j  # without the name words it ends with ("… Residency")
        while k >= i and names(words[k]):
            k -= 1
        qualifier = words[i : k + 1]
        named_after = k < j or (j + 1 < len(tokens) and joined(j, j + 1) and names(words[j + 1]))
        possessive = _POSSESSIVE.match(text, tokens[j].end()) is not None
        if any(not known(w) for w in qualifier) and (named_after or possessive):
            found.append(" ".join(qualifier))
        i = j + 1
    # ... and lower-case, as members type: a word no dictionary has and the knowledge base
    # never uses, said right before a name word ("deepmind residency pay", "the openai
    # fellowship"); common words ("google") and short ones ("rl", "rag") are left alone
    for i, word in enumerate(words):
        if not names(word) or word[0].isupper():
            continue
        j = i - 1
        while j >= 0 and i - j <= 3 and words[j].casefold() not in _FUNCTION and not names(words[j]) and joined(j, i):
            j -= 1
        qualifier = words[j + 1 : i]
        if any(_foreign_name(w, known) for w in qualifier) and " ".join(qualifier) not in found:
            found.append(" ".join(qualifier))
    return tuple(found)


OTHER_NAME_MAX_ZIPF = 2.5  # a word rarer than this in English, said before a name word, may name another organisation


def _foreign_name(word: str, known: Callable[[str], bool]) -> bool:
    """Tell whether a lower-case word can only be a name the knowledge base does not have: a
    word of letters, four or more, in no dictionary (see :data:`OTHER_NAME_MAX_ZIPF`) and never
    used by the knowledge base."""
    return (
        word.isalpha()
        and word.islower()
        and len(word) >= 4
        and not known(word)
        and _zipf(word) < OTHER_NAME_MAX_ZIPF
        and not any(known(word[k:]) for k in (1, 2))  # "ebike" is the documents' "e-bike"
    )


# Words that tell editions or levels of one programme apart ("Spring Cohort" and "Autumn
# Cohort", "Junior" and "Senior Platform Engineer"); each set is one edition's words.
EDITIONS: tuple[tuple[frozenset[str], ...], ...] = (
    (frozenset({"spring"}), frozenset({"summer"}), frozenset({"autumn", "fall"}), frozenset({"winter"})),
    (frozenset({"junior"}), frozenset({"senior"}), frozenset({"intermediate"}), frozenset({"principal"})),
)


def other_editions(
    words: Sequence[str], in_names: Callable[[str], bool], says: Callable[[str], bool] | None = None
) -> tuple[str, ...]:
    """Return the editions ``words`` ask about that the knowledge base does not have.

    "the kestrelmouth winter cohort", where the documents name a Spring and an Autumn Cohort
    and no winter one, is about a cohort no document here describes: an edition word right
    before a word of the documents' names, when their names use other words of its kind
    but not it (``in_names`` tells whether a word is in some document's name). Names that
    say no edition at all ("the HF internship") leave any edition open. An edition word counts
    as in the names only when they say it as it is (``says``, when given): "Greywater Falls"
    is no fall cohort.
    """
    said = says or in_names
    found: list[str] = []
    for word, following in itertools.pairwise(words):
        for kind in EDITIONS:
            edition = next((e for e in kind if word in e), None)
            if edition is None:
                continue
            others_named = any(said(w) for other in kind if other is not edition for w in other)
            if in_names(following) and not any(map(said, edition)) and others_named:
                found.append(f"{word} {following}")
    return tuple(found)


# A level of a role, in its name: "Fraud Operations Analyst I", "Physiotherapist Grade 1", "Band 5 Nurse"
_LEVEL_LABELS = frozenset({"grade", "level", "band"})
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_LEVEL_IN_NAME = re.compile(r"\b([A-Za-z]+)\s+(I{1,3}|IV|V|[1-9])\b(?![.,]?\d)")
# ... and as a question asks for one: "analyst ii", "grade 2 physio" ("analyst i" would be the
# pronoun, and "analyst 2" a level only when the names number that word's levels)
_LEVEL_ASKED = re.compile(r"\b([a-z]+)\s+(ii|iii|iv|[1-9])\b(?![.,]?\d)")


def _level(value: str) -> int:
    return int(value) if value.isdigit() else _ROMAN[value.casefold()]


def name_levels(names: Iterable[str]) -> dict[str, frozenset[int]]:
    """Return the levels the names give each word they number ("analyst": {1} for "Fraud
    Operations Analyst I", "grade": {1} for "Physiotherapist Grade 1")."""
    out: dict[str, set[int]] = {}
    for name in names:
        for match in _LEVEL_IN_NAME.finditer(name):
            word, value = match.group(1).casefold(), match.group(2)
            if value.isdigit() and word not in _LEVEL_LABELS:
                continue  # "Cohort 2026", "Floor 3": a number, not a level
            out.setdefault(word, set()).add(_level(value))
    return {word: frozenset(levels) for word, levels in out.items()}


def other_levels(question: str, levels: dict[str, frozenset[int]]) -> tuple[str, ...]:
    """Return the levels of a role ``question`` asks about that the names do not have.

    "what's the pay for fraud operations analyst ii", where the knowledge base posts a Fraud
    Operations Analyst I and no II, or "a grade 2 physio" beside a Grade 1 posting, is about
    a role no document here describes. A word the names give no level leaves any level open.
    """
    found = []
    for match in _LEVEL_ASKED.finditer(question.casefold()):
        word, value = match.group(1), match.group(2)
        known = levels.get(word)
        if known and _level(value) not in known:
            found.append(match.group(0))
    return tuple(found)


# How senior a role is, in its name: "Senior Data Engineer", "Junior Data Analyst", "Lead Installer"
SENIORITIES = frozenset({"junior", "senior", "principal", "lead"})
_NAME_WORD = re.compile(r"[a-z][a-z'-]*")


def name_seniorities(names: Iterable[str]) -> dict[str, frozenset[str]]:
    """Return, for each word and pair of words of the names (their seniority aside), the
    seniorities of the names that say it ("" for a name that says none): "data engineer":
    {"senior"} for "Senior Data Engineer" alone."""
    out: dict[str, set[str]] = {}
    for name in names:
        words = _NAME_WORD.findall(name.casefold())
        said = {w for w in words if w in SENIORITIES} or {""}
        rest = [w for w in words if w not in SENIORITIES]
        for i, word in enumerate(rest):
            out.setdefault(word, set()).update(said)
            if i + 1 < len(rest):
                out.setdefault(f"{word} {rest[i + 1]}", set()).update(said)
    return {key: frozenset(found) for key, found in out.items()}


# words after "senior" or "lead" that name no role
_NOT_A_ROLE = frozenset(
    "job jobs role roles position positions post posts of for the a an at in on to and or with team teams "
    "level levels enough".split()
)


def other_seniorities(question: str, seniorities: dict[str, frozenset[str]]) -> tuple[str, ...]:
    """Return the roles ``question`` asks about at a seniority no name gives them.

    "whats the salary for a junior data engineer", where the only data engineer posted is a
    Senior Data Engineer, is about a role no document here describes; so is "a senior lab
    technician" beside a Laboratory Technician. A name that says no seniority leaves a junior
    one open.
    """
    words = _NAME_WORD.findall(question.casefold())
    found = []
    for i, word in enumerate(words):
        if word not in SENIORITIES:
            continue
        after = words[i + 1 : i + 3]
        if not after or after[0] in _NOT_A_ROLE:
            continue  # "the Partnerships Lead job", "the lead of the team", "too senior for"
        if len(after) == 2 and after[1] in _NOT_A_ROLE:
            after = after[:1]
        # the role's two words, its first, or its second ("lab technician": "Laboratory Technician")
        for key in [" ".join(after), *after[:1], *after[1:2]] if len(after) == 2 else after:
            known = seniorities.get(key) or seniorities.get(key[:-1] if key.endswith("s") else "")
            if known:
                # (a title that says no seniority is no senior post: "Laboratory Technician" for
                # "a senior lab technician"; a junior may apply to it)
                if word not in known and ("" not in known or word != "junior"):
                    found.append(f"{word} {key}")
                break
    return tuple(found)


# Kinds of programme one can apply to, as members name them ("the pellucid harrow poetry prize").
PROGRAMME_KINDS = frozenset(
    "internship fellowship residency scholarship bursary grant prize award apprenticeship traineeship "
    "mentorship bootcamp school competition hackathon".split()
)


# (a kind that is also money, "a one-year grant", is what a member asks the sum of, not a name)
_MONEY_KINDS = frozenset({"scholarship", "bursary", "grant", "prize", "award"})
_DEFINED_AS = re.compile(
    rf"^[^.!?\n]{{0,80}}?\b(?:is|are)\s+(?:a|an|our|the)\s+(?:[\w'’-]+\s+){{0,4}}?"
    rf"({'|'.join(sorted(PROGRAMME_KINDS - _MONEY_KINDS))})s?\b",
    re.I,
)


# ... or one of its parts ("Northgate Yard cohort (spring)", "Design Systems Track")
_PROGRAMME_PARTS = frozenset({"cohort", "track", "stream", "strand", "pathway", "intake", "edition"})
# "Stonemasonry Traineeship", "Junior Fellowship (one year)": a heading that names a programme
# (in capitals, as a name is written: not "After the apprenticeship")
_PROGRAMME_HEADING = re.compile(
    r"^(?!(?:About|How|What|Why|When|Who|Where|Which|Our|Your|The|This|Apply|Applying|Join|Joining|After|Before"
    r"|During|Beyond|Life|Post|Past|Future|Other|More|Previous|Next)\b)"
    rf"(?:[A-Z][\w'’-]*\s+(?:(?:of|and|in|for|&)\s+)?){{1,4}}"
    rf"((?i:{'|'.join(sorted((PROGRAMME_KINDS - _MONEY_KINDS) | _PROGRAMME_PARTS))}))s?(?:\s*\([^()]*\))?$"
)


def programme_headings(sections: Iterable[str | None], title: str) -> list[str]:
    """Return the headings of a document that name a programme other than its title does:
    a page of two traineeships, under "Blacksmithing Traineeship" and "Stonemasonry
    Traineeship", is called by both, as the interview day's e-mail about one of them is."""
    found: dict[str, None] = {}
    for section in sections:
        for heading in (section or "").split(SECTION_SEP):
            heading = heading.strip()
            if (
                heading.casefold() != title.casefold()
                and (match := _PROGRAMME_HEADING.match(heading))
                # (one part, not a heading over the parts: "Rotation tracks")
                and not (match.group(1).casefold() in _PROGRAMME_PARTS and heading[match.end(1) :].startswith("s"))
            ):
                found[heading] = None
    return list(found)


# "Lighting strand", "Northgate Yard cohort (spring)": a part of a programme, named by the
# words before the part's word ("strand" is no name of the page: "how many places on the
# lighting strand" asks the lighting strand's places, of which "strand" is a word)
_PART_TAIL = re.compile(rf"\s+(?i:{'|'.join(sorted(_PROGRAMME_PARTS))})s?(?:\s*\([^()]*\))?$")


def heading_names(sections: Iterable[str | None], title: str) -> list[str]:
    """Return the names a document's headings give it (:func:`programme_headings`), a
    part's without the word that says it is one."""
    return [_PART_TAIL.sub("", heading) for heading in programme_headings(sections, title)]


def defined_kinds(text: str, title: str) -> list[str]:
    """Return the kind of programme the first sentence of a document says it is, when its title
    does not say it: "Brightmoss Hack is a weekend civic-tech hackathon" (members say "the
    hackathon")."""
    match = _DEFINED_AS.search(text)
    if match is None:
        return []
    kind = match.group(1).casefold()
    return [] if kind in title.casefold() else [kind]


def other_kinds(words: Sequence[str], is_name: Callable[[str], bool], known: Callable[[str], bool]) -> tuple[str, ...]:
    """Return the programmes ``words`` name after an organisation that no document mentions.

    "whats the deadline for the pellucid harrow poetry prize", where Pellucid Harrow's
    documents describe a translators' bursary and the knowledge base never says "prize": a
    kind of programme the knowledge base never uses (``known`` is false for it), at most
    two words after a word of the documents' names (``is_name``), is another programme,
    which no document here describes. A kind any document mentions ("the hf fellowship")
    is left to the rest of the question's reading.
    """
    found: list[str] = []
    for i, word in enumerate(words):
        kind = word if word in PROGRAMME_KINDS else word[:-1] if word.endswith("s") else ""
        if kind not in PROGRAMME_KINDS or known(word) or (kind.endswith("ship") and known(kind[:-4])):
            continue  # "apprentices" say the knowledge base has an apprenticeship
        for j in range(i - 1, max(-1, i - 4), -1):
            if words[j] in STOPWORDS:
                break
            if is_name(words[j]):
                while j > 0 and is_name(words[j - 1]) and words[j - 1] not in STOPWORDS:
                    j -= 1  # the whole name: "pellucid harrow poetry prize"
                found.append(" ".join(words[j : i + 1]))
                break
    return tuple(found)
