"""An immutable, searchable view of the knowledge base at one moment."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

import bot.search as search_package
from bot.config import Settings
from bot.documents.chunk import BULLET, SECTION_SEP
from bot.documents.loader import Corpus, FileResult
from bot.documents.roles import place_name, without_section_number
from bot.gcpause import collector_paused
from bot.models import Passage, Role
from bot.search.counted import FileTerms, count_file, term_ids
from bot.search.engine import IndexedFile, SearchEngine, read_strings, strings_array
from bot.search.names import (
    Names,
    defined_kinds,
    heading_names,
    name_levels,
    name_seniorities,
    named_by_a_title,
    organisations_said,
    programme_headings,
)
from bot.search.semantic import MODEL
from bot.search.tokenize import Tokenizer

# Bump when tokenizing or the stored form of counted terms changes, so stored term counts
# are not reused across versions (3: named arrays; 4: accents folded; 6: "401(k)" one word;
# 7: a web address's path is no words, and no compound is read inside an address; 8: chat
# contractions and shorthand, "im", "dont", "rn", are stop words, and "paid" of leave is no word;
# 9: "equity" of fairness is no word; 10: chat filler, "ngl", "lmao", is; 11: nor "bonus" of "bonus points";
# 12: a plural in "-es" of a word in "s" is its singular's term, "buses" is "bus"; 13: a
# heading over requirements, "About you", indexes "requirements"; 14: "thing", "stuff" are stop words;
# 15: so is "yes"; 16: a heading over duties, "What you'll be doing", indexes "duties").
TOKENIZER_VERSION = "16"
# Bump when what SearchEngine.image or Snapshot.image stores changes (a change to the code
# that computes it outdates stored images by itself: see image_version; 2: the names' sibling terms).
IMAGE_FORMAT = "2"

FileKey = tuple[str, str]  # a parsed file's source and content hash
Arrays = Mapping[str, np.ndarray]  # a file's counted terms as named arrays, as stored


_NUMBERED_HEAD = re.compile(r"\s*([^\W\d_]+)\s+(?:\d+|[A-Z])\s*[:.)–—-]\s*(\S.*)")  # "ROLE 1: YOUTH FOOTBALL COACH"
# a heading that names a programme or the people of one ("GLASS AND METAL ARTIST RESIDENCY",
# "YOUTH ELECTRONICS MENTORS"), and one that asks (an FAQ's "How long does it last?")
_GROUP_HEAD = re.compile(
    r"\b(?:residenc(?:y|ies)|fellowships?|internships?|apprenticeships?|traineeships?|programmes?|programs?|schemes?|"
    r"placements?|cohorts?|[a-z]{3,}(?:ers|ors|ists|ants|ees|ians)|interns|fellows|residents|apprentices|volunteers|staff)\b",
    re.IGNORECASE,
)
_ASKING_HEAD = re.compile(r".*\?\s*$|\s*(?:how|what|when|where|who|which|why|can|do|does|is|are|will)\b", re.IGNORECASE)
_CONJUNCTS = re.compile(r"\s+(?:and|&|\+)\s+|\s*,\s+", re.IGNORECASE)  # "Summer School and Year Residency"
# a heading that names one division of a programme by the word for its kind ("SEED TIER",
# "Design Systems track", "Emerging writers strand"); grouped by that word with its siblings
_DIVISION_HEAD = re.compile(
    r"\s*(?:the\s+)?([^\W\d_][\w'’ &-]{1,40}?)\s+(tiers?|tracks?|streams?|strands?|bands?|pathways?|routes?|lots?)\s*$",
    re.IGNORECASE,
)


def _division(word: str) -> str:
    """Return the kind of division a heading's last word says, one or many alike ("tracks": "track")."""
    word = word.casefold()
    return f"division {word[:-1] if word.endswith('s') else word}"


_TITLE_HEAD = re.compile(r"\s*[(,–—-]\s*")  # "Product Designer (12-month maternity cover)": "Product Designer"
_EMPLOYMENT_TERMS = re.compile(
    r"\b(?:part|full)[\s-]?time\b|\bpermanent\b|\btemporary\b|\bfixed[\s-]term\b|\bzero[\s-]hours?\b|\bcasual\b", re.I
)
_FAQ_WORDS = "faq faqs frequently asked questions answers"  # what says a page is an FAQ
_TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")  # "… (ref. CDG-0428)", "… (part-time, permanent)"


def terms_version(settings: Settings) -> str:
    """Return what stored term counts depend on: tokenizer version, equivalents, field weights."""
    r = settings.retrieval
    key = repr(
        (TOKENIZER_VERSION, MODEL, settings.equivalents, r.section_weight, r.question_weight, r.title_weight)
    )
    return hashlib.sha256(key.encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def _search_code() -> str:
    """Return a digest of the code that makes a snapshot's image (the search package and this
    module): an image is a cache of what that code computes, so any change to it (how names,
    word counts or weights are made) makes stored images outdated, with nothing to remember."""
    digest = hashlib.sha256()
    for path in [*sorted(Path(search_package.__file__).parent.glob("*.py")), Path(__file__)]:
        try:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        except OSError:  # not readable as files (a zipped install): the format number still holds
            digest.update(path.name.encode() + b"\0?")
    return digest.hexdigest()


def image_version(settings: Settings) -> str:
    """Return what a stored snapshot image depends on: the code that made it, the term version,
    every retrieval setting and the synonyms (an image holds BM25 weights and names)."""
    key = repr((IMAGE_FORMAT, _search_code(), terms_version(settings), settings.retrieval, settings.synonyms))
    return hashlib.sha256(key.encode()).hexdigest()[:16]


class Title(NamedTuple):
    """A role's or document's title as its terms, without its organisation's words."""

    terms: frozenset[str]
    orgs: frozenset[str]  # its organisation's words
    doc: int  # its document's number
    role: bool  # a role's title, not a document's


_NOT_WORDS = re.compile(r"[\W_]+")


def asked_as(question: str) -> str:
    """Return a question as compared with FAQ questions: its words, lowercased, one space apart."""
    return " ".join(_NOT_WORDS.sub(" ", question.casefold()).split())


@dataclass(frozen=True, slots=True)
class Titles:
    """Every role's and document's title, found by their words and by their documents."""

    entries: tuple[Title, ...]
    roles_with: dict[str, tuple[int, ...]]  # term -> the role titles (entries) that have it
    of_doc: dict[int, tuple[int, ...]]  # document -> its titles (entries)
    orgs: frozenset[str]  # every organisation's words

    @classmethod
    def of(cls, entries: Sequence[Title]) -> Titles:
        """Index ``entries``."""
        roles_with: dict[str, list[int]] = {}
        of_doc: dict[int, list[int]] = {}
        for i, title in enumerate(entries):
            of_doc.setdefault(title.doc, []).append(i)
            for term in title.terms if title.role else ():
                roles_with.setdefault(term, []).append(i)
        return cls(
            tuple(entries),
            {t: tuple(v) for t, v in roles_with.items()},
            {d: tuple(v) for d, v in of_doc.items()},
            frozenset(t for title in entries for t in title.orgs),
        )


class RoleSection(NamedTuple):
    """A role posted on a page of several (:attr:`Snapshot.role_sections`)."""

    terms: frozenset[str]  # the words of its title that the page's other roles do not all share
    positions: frozenset[int]  # the passages under its heading, or holding its item
    by_item: bool  # found as an item of a list of positions (named more strictly)
    head: str | None  # the word its title names: "porter" of "Hospital Porter", "leader" of "Porter Team Leader"


class GroupSet(NamedTuple):
    """Sibling headings of a document that name a group each (:attr:`Snapshot.group_sections`)."""

    need: int  # how many of a group's words name it
    groups: tuple[tuple[frozenset[str], frozenset[int]], ...]  # each group's words, and its passages


def _distinct(
    terms: dict[str, frozenset[str]], siblings: dict[str, set[int]]
) -> tuple[tuple[frozenset[str], frozenset[int]], ...] | None:
    """Return each heading's terms that no other heading of ``terms`` says, with the passages
    under it (those with none left out), when two headings or more keep some; else None."""
    said: dict[str, int] = {}
    for head_terms in terms.values():
        for term in head_terms:
            said[term] = said.get(term, 0) + 1
    groups = tuple(
        (own, frozenset(siblings[head]))
        for head, head_terms in terms.items()
        if (own := frozenset(t for t in head_terms if said[t] == 1))
    )
    return groups if len(groups) >= 2 else None


@dataclass(frozen=True)
class Snapshot:
    """A corpus with its search engine; swapped whole when the knowledge base is refreshed.

    Built in one way, :meth:`_build`, behind :meth:`from_files` (a first build) and
    :meth:`updated` (a refresh, a rollback, another process's snapshot: the files this one
    already indexes are taken over, the others counted, or read from ``stored`` arrays);
    or read back whole from its :meth:`image` (a start from the store).
    """

    corpus: Corpus
    engine: SearchEngine
    loaded_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    snapshot_id: int | None = None
    files: tuple[FileResult, ...] = ()  # the parsed files it was built from, in order
    version: str = ""  # terms_version() of the settings it was built with
    names: Names = field(default_factory=lambda: Names((), {}, {}))  # what each document is called

    def __post_init__(self) -> None:
        if not self.names.by_doc and self.engine.files:
            object.__setattr__(self, "names", _names(self.corpus, self.engine))

    @cached_property
    def role_terms(self) -> tuple[tuple[frozenset[str], ...], frozenset[str]]:
        """Return the terms of each role's title, organisation, team, type and place ("remote"
        for a remote one), in the corpus's order, and all of them: the words a question that
        asks for a listing may narrow it by. Made on first use."""
        tokenizer = self.engine.tokenizer
        said = []
        for role in self.corpus.roles:
            text = " ".join(filter(None, (role.title, role.org, role.team, role.type, role.location)))
            said.append(frozenset(tokenizer(f"{text} remote" if role.remote else text)))
        return tuple(said), frozenset().union(*said)

    @cached_property
    def place_terms(self) -> frozenset[str]:
        """Return the terms of the places where the roles of the knowledge base are ("Columbus,
        OH", "Indianapolis, IN"), a careers page's entries too. Made on first use."""
        tokenizer = self.engine.tokenizer
        places = " ".join(place_name(r.location) for r in (*self.corpus.roles, *self.corpus.listed) if r.location)
        return frozenset(tokenizer(places))

    @cached_property
    def doc_orgs(self) -> tuple[str | None, ...]:
        """Return each document's organisation, as its passages say it. Made on first use."""
        first: dict[int, str | None] = {}
        for position, passage in enumerate(self.corpus.passages):
            first.setdefault(int(self.engine.doc_of[position]), passage.org)
        return tuple(first.get(d) for d in range(len(self.names.by_doc)))

    @cached_property
    def plain_pages(self) -> frozenset[int]:
        """Return the documents called by nothing of their own: their organisation's name, an
        acronym, the words that say a page is an FAQ ("Staff FAQ – working at Kilnworth"); an
        organisation's pages for every programme and site of it. Made on first use."""
        general = self.org_terms | self.names.expansions.keys() | frozenset(self.engine.tokenizer(_FAQ_WORDS))
        return frozenset(d for d, calls in enumerate(self.names.by_doc) if calls <= general)

    @cached_property
    def org_terms(self) -> frozenset[str]:
        """Return the terms of every document's organisation ("Saltinge" names all its pages).
        Made on first use."""
        orgs = " ".join({p.org for p in self.corpus.passages if p.org})
        return frozenset(self.engine.tokenizer(orgs))

    @cached_property
    def placed_sources(self) -> frozenset[str]:
        """Return the files that post a role at a place (a posting's pay is the pay there).
        Made on first use."""
        return frozenset(r.source for r in self.corpus.roles if r.location and place_name(r.location))

    @cached_property
    def titles(self) -> Titles:
        """Return the titles of every role and document (a careers page's rows too). Made on
        first use (a question)."""
        # a document's number is its place among the files with passages (as the names' are)
        doc_of_source = {f.source: doc for doc, f in enumerate(f for f in self.engine.files if f.passages)}
        tokenizer = self.engine.tokenizer
        corpus = self.corpus
        org_of = {d.source: d.org for d in corpus.documents}
        entries = []
        for source, title, org, role in [
            *((r.source, r.title, r.org or org_of.get(r.source), True) for r in [*corpus.roles, *corpus.listed]),
            *((d.source, d.title, d.org, False) for d in corpus.documents),
        ]:
            doc = doc_of_source.get(source)
            if doc is not None:
                orgs = frozenset(tokenizer(org or ""))
                terms = frozenset(tokenizer(title)) - orgs
                entries.append(Title(terms, orgs, doc, role))
                # a role is said by its title without the qualifier: "studio technician" of a
                # "Studio Technician (Ceramics)"
                head = frozenset(tokenizer(_TITLE_HEAD.split(title, maxsplit=1)[0])) - orgs
                if role and len(head) >= 2 and head != terms:
                    entries.append(Title(head, orgs, doc, role))
        return Titles.of(entries)

    @cached_property
    def title_leads(self) -> dict[tuple[str, ...], tuple[int, ...]]:
        """Return the documents by the first two terms of their title ("Backstage Pathways"
        opens its guide's and its FAQ's); made on first use."""
        out: dict[tuple[str, ...], list[int]] = {}
        for doc, document in enumerate(self.corpus.documents):
            lead = tuple(self.engine.tokenizer(document.title))[:2]
            if len(lead) == 2:
                out.setdefault(lead, []).append(doc)
        return {lead: tuple(docs) for lead, docs in out.items()}

    @cached_property
    def role_heads(self) -> dict[str, tuple[tuple[frozenset[str], str], ...]]:
        """Return, by each of their terms, the roles' titles without their qualifier ("Product
        Designer" of "Product Designer (12-month maternity cover)") as terms, two or more, with
        the role's file; made on first use."""
        out: dict[str, list[tuple[frozenset[str], str]]] = {}
        for role in self.corpus.roles:
            terms = frozenset(self.engine.tokenizer(_TITLE_HEAD.split(role.title, maxsplit=1)[0]))
            if len(terms) >= 2:
                for term in terms:
                    out.setdefault(term, []).append((terms, role.source))
        return {term: tuple(heads) for term, heads in out.items()}

    @cached_property
    def role_qualifiers(self) -> tuple[tuple[frozenset[str], frozenset[str], str], ...]:
        """Return each role's title head as terms (see :attr:`role_heads`), the terms of its
        qualifier ("famili", "earli", "year" of "Learning Assistant (Families & Early Years)"),
        and the role's file, for the roles that have both; made on first use."""
        out = []
        for role in self.corpus.roles:
            head, *rest = _TITLE_HEAD.split(role.title, maxsplit=1)
            terms = frozenset(self.engine.tokenizer(head))
            qualifier = frozenset(self.engine.tokenizer(rest[0])) - terms if rest else frozenset()
            if len(terms) >= 2 and qualifier:
                out.append((terms, qualifier, role.source))
        return tuple(out)

    @cached_property
    def role_sections(self) -> dict[int, tuple[RoleSection, ...]]:
        """Return, for each document that posts two roles or more each under a heading of its
        own (a careers page), or else as items of a list of positions, each role's title terms
        that its other roles' titles do not all share, the passages under its heading or
        holding its item, and whether it was found by its item (a list's one-line items share
        more words: such a role is named more strictly, see ``answers._in_named_roles``).

        Made on first use (a question), from the corpus's roles and passages' sections.
        """
        by_source: dict[str, set[str]] = {}
        for role in [*self.corpus.roles, *self.corpus.listed]:
            by_source.setdefault(role.source, set()).add(role.title.casefold())
        many = {source: titles for source, titles in by_source.items() if len(titles) >= 2}
        if not many:
            return {}
        # a title with what a table's row adds after it ("Postdoctoral Research Assistant (ref.
        # CDG-0428)") is posted under the heading that says it without (when no other title is)
        aliases: dict[str, dict[str, str]] = {}
        for source, posted in many.items():
            bases: dict[str, list[str]] = {}
            for title in posted:
                if (base := _TRAILING_ASIDE.sub("", title)) != title:
                    bases.setdefault(base, []).append(title)
            aliases[source] = {base: full[0] for base, full in bases.items() if len(full) == 1 and base not in posted}
        headed: dict[tuple[int, str], set[int]] = {}
        listed: dict[tuple[int, str], set[int]] = {}
        for position, passage in enumerate(self.corpus.passages):
            titles = many.get(passage.source)
            if not titles:
                continue
            doc = int(self.engine.doc_of[position])
            for heading in passage.section.split(SECTION_SEP) if passage.section else ():
                head = without_section_number(heading).casefold()  # ("2) Volunteer Coordinator" of an e-mail)
                # the heading of the role, or its title with what the page says of it after
                # ("Deckhand – RV Aurelia Finch (SIOS-V-2503)" over the role "Deckhand")
                title = head if head in titles else _TITLE_HEAD.split(head, maxsplit=1)[0]
                title = aliases[passage.source].get(head, title)
                if title in titles:
                    headed.setdefault((doc, title), set()).add(position)
            for line in passage.text.casefold().split("\n"):
                # "• Learning Officer (schools), designing sessions …": an item of a list of positions
                item = line[len(BULLET) :] if line.startswith(BULLET) else ""
                for title in titles if item else ():
                    if item.startswith(title):
                        listed.setdefault((doc, title), set()).add(position)
        out: dict[int, tuple[RoleSection, ...]] = {}
        tokenizer = self.engine.tokenizer
        for found, by_item in ((listed, True), (headed, False)):  # on a page with both, its headings win
            by_doc: dict[int, list[tuple[frozenset[str], frozenset[int], str | None]]] = {}
            for (doc, title), positions in found.items():
                # (English names a thing by its last word: "(5-Axis)" and "– Nights" aside)
                named = tokenizer(_TITLE_HEAD.split(title, maxsplit=1)[0])
                # (its terms of employment name no role: "(part-time, permanent)")
                words = frozenset(tokenizer(_EMPLOYMENT_TERMS.sub(" ", title)))
                by_doc.setdefault(doc, []).append((words, frozenset(positions), named[-1] if named else None))
            for doc, roles in by_doc.items():
                if len(roles) >= 2:
                    common = frozenset.intersection(*(terms for terms, _, _ in roles))
                    out[doc] = tuple(
                        RoleSection(terms - common, positions, by_item, head) for terms, positions, head in roles
                    )
        return out

    @cached_property
    def group_sections(self) -> dict[int, tuple[GroupSet, ...]]:
        """Return, for each document whose sibling headings name different groups of it, each
        set of such siblings: how many of a group's words a question must say to name it, and
        each heading's words that no sibling heading says, with the passages under it.

        A group is named by one word when its heading is numbered ("ROLE 1: YOUTH FOOTBALL
        COACH" beside "ROLE 2: ADULT RUNNING COACH") or says what the document's title names
        among other things ("## Seasonal Ranger posts" beside "## Conservation Volunteer
        placements" in the "Seasonal Ranger & Conservation Volunteer Programme"); by two when
        it only heads a part of the page ("GLASS AND METAL ARTIST RESIDENCY 2026" beside
        "YOUTH ELECTRONICS MENTORS" in a newsletter). Made on first use (a question), from
        the passages' sections.
        """
        tokenizer = self.engine.tokenizer
        under: dict[tuple[int, tuple[str, ...]], dict[str, set[int]]] = {}
        # the words of each part of the document's title that says several things ("Summer
        # School and Year Residency"), its organisation's and numbers aside
        titled: dict[int, tuple[frozenset[str], ...]] = {}
        for position, passage in enumerate(self.corpus.passages):
            if not passage.section:
                continue
            doc = int(self.engine.doc_of[position])
            if doc not in titled:
                org = set(tokenizer(passage.org or ""))
                titled[doc] = tuple(
                    frozenset(t for t in tokenizer(part) if not t.isdigit() and t not in org)
                    for part in _CONJUNCTS.split(passage.title)
                )
            heads = passage.section.split(SECTION_SEP)
            for depth in range(len(heads)):
                under.setdefault((doc, tuple(heads[:depth])), {}).setdefault(heads[depth], set()).add(position)
        out: dict[int, list[GroupSet]] = {}
        for (doc, _), siblings in under.items():
            if len(siblings) < 2:
                continue
            found = out.setdefault(doc, [])
            known = len(found)
            numbered: dict[str, dict[str, frozenset[str]]] = {}
            for head in siblings:
                if match := _NUMBERED_HEAD.match(head):
                    numbered.setdefault(match[1].casefold(), {})[head] = frozenset(tokenizer(match[2]))
            for head in siblings:
                # "SEED TIER" beside "GROWTH TIER", "Design Systems track" beside "Motion track"
                if match := _DIVISION_HEAD.match(head):
                    numbered.setdefault(_division(match[2]), {})[head] = frozenset(tokenizer(match[1]))
            for terms in numbered.values():
                if (groups := _distinct(terms, siblings)) is not None:
                    found.append(GroupSet(1, groups))
            parts = titled[doc]
            if len(parts) >= 2:
                words = frozenset().union(*parts)
                groups = _distinct(
                    {head: frozenset(t for t in tokenizer(head) if t in words) for head in siblings}, siblings
                )
                # each group named within one part of the title, and not all by the same part
                within = [{i for i, part in enumerate(parts) if own <= part} for own, _ in groups or ()]
                if groups is not None and all(within) and len(set().union(*within)) >= 2:
                    found.append(GroupSet(1, groups))
            # "Blacksmithing Traineeship" beside "Stonemasonry Traineeship" (and "How to apply"):
            # programmes' names, each named by its own word
            named = {head: frozenset(tokenizer(head)) for head in siblings if programme_headings((head,), "")}
            if len(found) == known and len(named) >= 2 and (groups := _distinct(named, siblings)) is not None:
                found.append(GroupSet(1, groups))
            if len(found) == known and all(_GROUP_HEAD.search(head) and not _ASKING_HEAD.match(head) for head in siblings):
                plain = {head: frozenset(t for t in tokenizer(head) if not t.isdigit()) for head in siblings}
                groups = _distinct(plain, siblings)
                if groups is not None and all(len(own) >= 2 for own, _ in groups):
                    found.append(GroupSet(2, groups))
        return {doc: tuple(sets) for doc, sets in out.items() if sets}

    @cached_property
    def name_levels(self) -> dict[str, frozenset[int]]:
        """Return the levels the documents' and roles' titles give the words they number
        (:func:`bot.search.names.name_levels`); made on first use."""
        return name_levels(self._titles())

    def _titles(self) -> set[str]:
        """Return the titles of the documents and of their roles (a careers page's entries too)."""
        corpus = self.corpus
        return {d.title for d in corpus.documents} | {r.title for r in [*corpus.roles, *corpus.listed]}

    @cached_property
    def faq_by_text(self) -> dict[str, tuple[int, ...]]:
        """Return the positions of the FAQ items by their question, as :func:`asked_as` writes it
        (a member who copies an FAQ's question asks that item); made on first use."""
        out: dict[str, list[int]] = {}
        for position, passage in enumerate(self.corpus.passages):
            if passage.question:
                out.setdefault(asked_as(passage.question), []).append(position)
        return {text: tuple(positions) for text, positions in out.items()}

    @cached_property
    def name_seniorities(self) -> dict[str, frozenset[str]]:
        """Return the seniorities the documents' and roles' titles give their words
        (:func:`bot.search.names.name_seniorities`); made on first use."""
        return name_seniorities(self._titles())

    @classmethod
    def from_files(
        cls,
        corpus: Corpus,
        files: Sequence[FileResult],
        settings: Settings,
        *,
        stored: Mapping[FileKey, Arrays] | None = None,
        snapshot_id: int | None = None,
    ) -> Snapshot:
        """Index ``corpus``, assembled from the parsed ``files``, with ``settings``.

        Each file's terms are counted, unless ``stored`` holds them (arrays from
        :meth:`arrays_for` under the same :func:`terms_version`).
        """
        with collector_paused():
            return cls._build(corpus, files, settings, None, stored or {}, snapshot_id)

    def updated(
        self,
        corpus: Corpus,
        files: Sequence[FileResult],
        settings: Settings,
        *,
        stored: Mapping[FileKey, Arrays] | None = None,
        snapshot_id: int | None = None,
    ) -> Snapshot:
        """Return a snapshot of ``files`` that reuses what this one indexed of them.

        With the same term version, retrieval settings and synonyms, only the files whose
        content differs are counted (or read from ``stored``) and the index is updated in
        place; otherwise this is :meth:`from_files`.
        """
        with collector_paused():
            return type(self)._build(corpus, files, settings, self, stored or {}, snapshot_id)

    @classmethod
    def _build(
        cls,
        corpus: Corpus,
        files: Sequence[FileResult],
        settings: Settings,
        base: Snapshot | None,
        stored: Mapping[FileKey, Arrays],
        snapshot_id: int | None,
    ) -> Snapshot:
        version = terms_version(settings)
        if (
            base is not None
            and base.version == version
            and base.engine.settings == settings.retrieval
            and base.engine.synonyms == base.engine.synonym_map(settings.synonyms)
        ):
            engine = base.engine
        else:
            engine = SearchEngine(
                settings.retrieval, settings.synonyms, Tokenizer(equivalents=settings.equivalents)
            )
        known = {(f.source, f.stamp): f for f in engine.files}
        # each indexed file: its key, passages and first passage, and what this engine has of it
        plan: list[tuple[FileKey, int, int, IndexedFile | None]] = []
        offset = 0
        for result in files:
            if result.document is None or not result.passages:
                continue
            n = len(result.passages)
            key = (result.source, result.content_hash)
            indexed = known.get(key)
            plan.append((key, n, offset, indexed if indexed is not None and indexed.passages == n else None))
            offset += n
        if offset != len(corpus.passages):
            raise ValueError(f"the files have {offset} passages, the corpus {len(corpus.passages)}")
        # the stored arrays of the files this engine lacks, their terms mapped all at once
        lacking = [key for key, _, _, indexed in plan if indexed is None]
        kept = {key: arrays for key in lacking if (arrays := stored.get(key)) is not None}
        ids = dict(zip(kept, term_ids(list(kept.values()), engine.vocab), strict=True))
        entries: list[FileTerms | IndexedFile] = []
        for key, n, first, indexed in plan:
            if indexed is not None:
                entries.append(indexed)
                continue
            arrays = kept.get(key)
            terms = None if arrays is None else FileTerms.from_arrays(arrays, *key, engine.vocab, ids[key])
            if terms is None or terms.passages.units != n:
                terms = count_file(
                    *key,
                    corpus.passages[first : first + n],
                    engine.tokenizer,
                    settings.retrieval,
                    engine.vocab,
                )
            entries.append(terms)
        return cls(
            corpus,
            engine.with_changes(corpus.passages, entries),
            snapshot_id=snapshot_id,
            files=tuple(files),
            version=version,
        )

    def image(self) -> dict[str, np.ndarray]:
        """Return its engine and names as named arrays, to store beside it (see :meth:`from_image`)."""
        names = [
            [sorted(terms) for terms in self.names.by_doc],
            sorted(self.names.expansions.items()),
            sorted((term, list(docs)) for term, docs in self.names.phrase_docs.items()),
            sorted(list(pair) for pair in self.names.pairs),
            sorted((term, sorted(words)) for term, words in self.names.forms.items()),
            sorted(self.names.telling),
        ]
        return {**self.engine.image(), "names": strings_array(names)}

    @classmethod
    def from_image(
        cls,
        corpus: Corpus,
        files: Sequence[FileResult],
        settings: Settings,
        image: Mapping[str, np.ndarray],
        snapshot_id: int | None = None,
    ) -> Snapshot:
        """Return the snapshot of ``files`` whose :meth:`image` this is (no counting, no
        sorting); raise ValueError when the image is not of these files or is damaged."""
        with collector_paused():
            engine = SearchEngine.from_image(
                image,
                corpus.passages,
                settings.retrieval,
                settings.synonyms,
                Tokenizer(equivalents=settings.equivalents),
            )
            indexed = [
                (r.source, r.content_hash, len(r.passages))
                for r in files
                if r.document is not None and r.passages
            ]
            if indexed != [(f.source, f.stamp, f.passages) for f in engine.files]:
                raise ValueError("the stored index is not of these files")
            by_doc, expansions, phrase_docs, pairs, forms, telling = read_strings(image["names"])
            names = Names.of(
                [frozenset(map(str, terms)) for terms in by_doc],
                {str(k): tuple(map(str, v)) for k, v in expansions},
            ).with_phrases(
                {str(term): tuple(int(d) for d in docs) for term, docs in phrase_docs},
                ((str(a), str(b)) for a, b in pairs),
            ).with_forms({str(term): frozenset(map(str, words)) for term, words in forms}).with_telling(map(str, telling))
            if len(names.by_doc) != len(indexed):
                raise ValueError("the stored names are not of these files")
            return cls(
                corpus,
                engine,
                snapshot_id=snapshot_id,
                files=tuple(files),
                version=terms_version(settings),
                names=names,
            )

    def arrays_for(self, keys: Collection[FileKey]) -> dict[FileKey, dict[str, np.ndarray]]:
        """Return the counted terms of the files in ``keys`` as named arrays, to store beside
        them (read back from the index: nothing per file is kept for this)."""
        return {(t.source, t.stamp): t.to_arrays(self.engine.vocab) for t in self.engine.counted(keys)}


def _names(corpus: Corpus, engine: SearchEngine) -> Names:
    """Collect each indexed document's names: title, organisation, its roles' titles and teams
    (a careers page's entries merged into another file's posting too)."""
    strings: dict[str, list[str]] = {}
    firsts: dict[str, Passage] = {}
    texts: dict[str, list[str]] = {}  # the passages of documents without an organisation
    sections: dict[str, list[str | None]] = {}  # the passages' sections, by document
    for passage in corpus.passages:
        if passage.source not in strings:
            strings[passage.source] = [passage.title, passage.org or ""]
            firsts[passage.source] = passage
        sections.setdefault(passage.source, []).append(passage.section)
        if not passage.org:
            texts.setdefault(passage.source, []).append(passage.text)
    # A document that names no organisation of its own, but says the word of one that
    # another document is from (an e-mail signed "Saltreach Foundation"), is from it too
    # (see names.organisations_said).
    orgs = tuple(sorted({p.org for p in firsts.values() if p.org}))
    for source, first in firsts.items():
        if orgs and not first.org:
            strings[source] += organisations_said("\n".join([first.title, *texts.get(source, ())]), orgs)
        # "Brightmoss Hack is a weekend civic-tech hackathon …": members call it "the hackathon"
        strings[source] += defined_kinds(first.text, first.title)
        # "Stonemasonry Traineeship", "Northgate Yard cohort (spring)": what its headings name
        strings[source] += heading_names(sections[source], first.title)
    titles: dict[str, list[str]] = {}  # each file's title in words, read when an entry needs them

    def about_elsewhere(role: Role) -> bool:
        """Tell whether another file's title names a careers page's entry (see named_by_a_title)."""
        if not titles:
            titles.update((source, engine.tokenizer.words(first.title)) for source, first in firsts.items())
        return named_by_a_title(role.title, (t for s, t in titles.items() if s != role.source), engine.tokenizer)

    for role in [*corpus.roles, *corpus.listed]:  # entries merged into a posting too
        # A table's row ("Role: Reach Truck Operator; Location: …") is one line of one passage:
        # its title would name the whole page, and every passage of it would have the name's
        # credit (on the sets of members' questions: as many right answers, more wrong ones).
        # Its words find its row.
        if role.row:
            continue
        # a careers page's entry ("page/title") for a programme or position that another
        # file's title names ("Brewing Apprentice" beside the apprenticeship's guide, a
        # posting of its own): that file names it, not the page
        if role.source in strings and not ("/" in role.id and about_elsewhere(role)):
            strings[role.source] += [role.title, role.team or "", place_name(role.location or "")]
    order = [f.source for f in engine.files if f.passages]
    return Names.build([strings.get(source, []) for source in order], engine.tokenizer)

