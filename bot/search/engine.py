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

import itertools
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import orjson

from bot.config import RetrievalSettings
from bot.models import Passage
from bot.search.answer_type import asking_words
from bot.search.counted import FileTerms, file_words
from bot.search.index import BM25Index, Forward, Vocabulary
from bot.search.semantic import SemanticIndex, Vectors
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
# Reading more files than this back from the index (to store them) reads the whole index once.
BULK_READ = 16
# The specificity a question word ("when", "who") gets in BM25; content words get 0.5 to 5.
QUESTION_WORD_WEIGHT = 1.0
# The weight of a question's words (names and the kind's nouns aside) below which the share of
# them a document never uses is no evidence (the informativeness of "get" is about 0.2, of a
# topical word 1 to 5)
ABSENT_MIN_WEIGHT = 0.5
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
    # the knowledge base's hyphenated compounds the question writes open ("move in" for
    # "move-in"): searched for beside its own terms -> the weight of the weightier word
    joined: dict[str, float] = field(default_factory=dict)
    # an own term that only such a compound says, with the compound's term: "on call" is the
    # "on-call" rotation, which "a 30-minute call with our recruiter" does not cover, as "move
    # in" is the "move-in" day; only where the compound's other word is a stop word (the
    # words of "part time" each still count where a passage says them)
    whole: dict[str, str] = field(default_factory=dict)

    @property
    def unique_terms(self) -> tuple[str, ...]:
        """Return the question's own content terms without repeats, in order (no question words)."""
        return tuple(t for t in dict.fromkeys(self.terms) if t not in INTERROGATIVES)


def _member(sorted_values: np.ndarray, items: np.ndarray) -> np.ndarray:
    """Tell, for each of ``items``, whether it is in the sorted array ``sorted_values``."""
    # In the array's own type: searchsorted would otherwise copy the whole array to the items' type.
    items = np.asarray(items).astype(sorted_values.dtype, copy=False)
    where = np.minimum(np.searchsorted(sorted_values, items), len(sorted_values) - 1)
    return np.asarray(sorted_values[where] == items)


def strings_array(values: Sequence[object]) -> np.ndarray:
    """Return a list of strings (or of lists of strings) as bytes to store (JSON: any text)."""
    return np.frombuffer(orjson.dumps(values), dtype=np.uint8)


def read_strings(array: np.ndarray) -> list[Any]:
    """Read what :func:`strings_array` stored (raise ValueError if it is not a list)."""
    value = orjson.loads(array.tobytes())
    if not isinstance(value, list):
        raise ValueError("stored strings are not a list")
    return value


def _surface_words(groups: Sequence[Sequence[str]]) -> frozenset[str]:
    return frozenset(word.casefold() for group in groups for word in group if word.isalpha())


def _path_key(source: str) -> tuple[str, ...]:
    return tuple(source.split("/"))  # the order in which the loader lists files


@dataclass(frozen=True, slots=True)
class IndexedFile:
    """A file as an engine holds it: which content it was counted from, and how many rows it has.

    This is all an engine keeps per file; its terms are in the indexes, its vectors in the
    vector indexes, its words in the engine's word counts.
    """

    source: str
    stamp: str  # the content its terms were counted from (a hash): equal stamps, equal terms
    passages: int
    heads: int  # FAQ-question vectors

    @classmethod
    def of(cls, terms: FileTerms) -> IndexedFile:
        """Describe a counted file."""
        return cls(terms.source, terms.stamp, terms.passages.units, len(terms.heads))

    @property
    def documents(self) -> int:
        """Return its units in the document index: one, or none for a file without passages."""
        return 1 if self.passages else 0


def changed_spans(old: Sequence[IndexedFile], new: Sequence[IndexedFile]) -> list[tuple[int, int, int, int]]:
    """Return the runs of files that differ: (old start, old end, new start, new end).

    Files are compared by source and stamp; both lists are in the loader's order.
    """
    spans: list[tuple[int, int, int, int]] = []
    i = j = 0
    current: list[int] | None = None
    while i < len(old) or j < len(new):
        same_source = i < len(old) and j < len(new) and old[i].source == new[j].source
        if same_source and old[i] == new[j]:
            if current is not None:
                spans.append((current[0], i, current[1], j))
                current = None
            i += 1
            j += 1
            continue
        if current is None:
            current = [i, j]
        if same_source:
            i += 1
            j += 1
        elif j >= len(new) or (i < len(old) and _path_key(old[i].source) < _path_key(new[j].source)):
            i += 1
        else:
            j += 1
    if current is not None:
        spans.append((current[0], i, current[1], j))
    return spans


class _Starts(NamedTuple):
    """Where each file's rows start (and the last ends): passages, document, FAQ-question vectors."""

    units: np.ndarray
    docs: np.ndarray
    heads: np.ndarray


class _Rows(NamedTuple):
    """What an engine holds of a file outside its indexes."""

    title: frozenset[str]
    vectors: Vectors
    heads: Vectors
    head_rows: Sequence[int] | np.ndarray  # the passage (within the file) of each head vector


def _starts(counts: Sequence[int]) -> np.ndarray:
    """Return where each of consecutive runs of ``counts`` rows starts, and the end, as int64."""
    out = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(np.asarray(counts, dtype=np.int64), out=out[1:])
    return out


class SearchEngine:
    """BM25 retrieval over a fixed list of passages, file after file.

    Built in one way: :meth:`from_files` (an empty engine given every file) and
    :meth:`with_changes` (a new engine where the files that differ are replaced) both go
    through :meth:`_successor`. Nothing is kept per file beyond an :class:`IndexedFile`: a
    file the new engine takes over as it is keeps its postings (the index is updated in
    place) or has its counted terms read back from the index (when rebuilt), and its
    vectors are copied from the old matrix into the new one.
    """

    settings: RetrievalSettings
    tokenizer: Tokenizer
    vocab: Vocabulary
    synonyms: dict[str, tuple[str, ...]]
    passages: Sequence[Passage]
    files: tuple[IndexedFile, ...]
    index: BM25Index
    doc_index: BM25Index
    word_files: Counter[str]  # each surface word of the knowledge base: how many files use it

    def __init__(
        self,
        settings: RetrievalSettings,
        synonyms: Sequence[Sequence[str]] = (),
        tokenizer: Tokenizer | None = None,
        vocab: Vocabulary | None = None,
    ) -> None:
        """Return an engine over no passages (see :meth:`from_files`)."""
        self.settings = settings
        self.tokenizer = tokenizer or Tokenizer()
        self.vocab = vocab if vocab is not None else Vocabulary()
        self.synonyms = self.synonym_map(synonyms)
        self.synonym_words = _surface_words(synonyms)
        self.passages = ()
        self.files = ()
        empty = Forward.concat([])
        self.index, self.doc_index = self._index(empty, ranked=True), self._index(empty, ranked=False)
        self.word_files = Counter()
        self._derive([])

    @classmethod
    def from_files(
        cls,
        passages: Sequence[Passage],
        files: Sequence[FileTerms],
        settings: RetrievalSettings,
        synonyms: Sequence[Sequence[str]] = (),
        tokenizer: Tokenizer | None = None,
        vocab: Vocabulary | None = None,
    ) -> SearchEngine:
        """Index ``passages``, counted file by file in ``files`` (in ``vocab``, the same order)."""
        return cls(settings, synonyms, tokenizer, vocab).with_changes(passages, files)

    def with_changes(
        self, passages: Sequence[Passage], files: Sequence[FileTerms | IndexedFile]
    ) -> SearchEngine:
        """Return an engine over ``passages``, file after file as ``files`` lists them.

        An :class:`IndexedFile` is one of this engine's files, taken over as it is; a
        :class:`FileTerms` is a file counted in this engine's vocabulary. When at most
        ``MAX_INCREMENTAL_SPANS`` runs of files differ, the indexes are updated in place
        (:meth:`BM25Index.replace_units`); otherwise rebuilt. Scores are those of a fresh build.
        """
        return self._successor(passages, files)

    def _index(self, forward: Forward, *, ranked: bool) -> BM25Index:
        """Build the passage index (``ranked``: asked for the best passages) or the document index."""
        s = self.settings
        return BM25Index.from_forward(forward, self.vocab, k1=s.k1, b=s.b, epsilon=s.epsilon, ranked=ranked)

    def _starts(self) -> _Starts:
        return _Starts(
            _starts([f.passages for f in self.files]),
            _starts([f.documents for f in self.files]),
            _starts([f.heads for f in self.files]),
        )

    def _rows(self, n: int, at: _Starts) -> _Rows:
        """Return what this engine holds of file ``n`` outside its indexes."""
        s, e = int(at.units[n]), int(at.units[n + 1])
        hs, he = int(at.heads[n]), int(at.heads[n + 1])
        return _Rows(
            self.title_terms[int(at.docs[n])] if self.files[n].passages else frozenset(),
            Vectors(self.semantic.vectors.codes[s:e], self.semantic.vectors.scales[s:e]),
            Vectors(self.heads.vectors.codes[hs:he], self.heads.vectors.scales[hs:he]),
            self.head_positions[hs:he] - s,
        )

    def _words(self, n: int, at: _Starts) -> list[str]:
        """Return file ``n``'s surface words (from its passages: they are kept only as counts)."""
        return file_words(self.passages[int(at.units[n]) : int(at.units[n + 1])], self.tokenizer)

    def _read_back(
        self, n: int, at: _Starts, units: Forward | None = None, doc: Forward | None = None
    ) -> FileTerms:
        """Return file ``n`` as it was counted: terms read back from the indexes (unless given),
        words from its passages, title and vectors from this engine's rows."""
        f = self.files[n]
        if units is None or doc is None:
            units = self.index.forward(int(at.units[n]), int(at.units[n + 1]))
            doc = self.doc_index.forward(int(at.docs[n]), int(at.docs[n + 1]))
        rows = self._rows(n, at)
        return FileTerms(
            f.source,
            f.stamp,
            units,
            doc,
            rows.title,
            "\n".join(self._words(n, at)),
            rows.vectors,
            rows.heads,
            tuple(np.asarray(rows.head_rows).tolist()),
        )

    def _successor(
        self, passages: Sequence[Passage], files: Sequence[FileTerms | IndexedFile]
    ) -> SearchEngine:
        entries = [f if isinstance(f, IndexedFile) else IndexedFile.of(f) for f in files]
        if sum(e.passages for e in entries) != len(passages):
            raise ValueError(f"{len(passages)} passages for files of {sum(e.passages for e in entries)}")
        old_at = {(f.source, f.stamp): n for n, f in enumerate(self.files)}
        # for each file, its place in this engine when it is taken over (-1 when counted anew)
        taken = [old_at.get((f.source, f.stamp), -1) if isinstance(f, IndexedFile) else -1 for f in files]
        for f, n in zip(files, taken, strict=True):
            if isinstance(f, IndexedFile) and n < 0:
                raise ValueError(f"{f.source} is not indexed here")
        at = self._starts()
        spans = changed_spans(self.files, entries)
        new = object.__new__(SearchEngine)
        new.settings, new.tokenizer, new.vocab = self.settings, self.tokenizer, self.vocab
        new.synonyms, new.passages, new.files = self.synonyms, passages, tuple(entries)
        new.synonym_words = self.synonym_words

        def counted(j: int) -> FileTerms:
            f = files[j]
            return f if isinstance(f, FileTerms) else self._read_back(taken[j], at)

        if self.index.size and len(spans) <= MAX_INCREMENTAL_SPANS:
            new.index, new.doc_index = self.index, self.doc_index
            for a, b, c, d in reversed(spans):  # from the end, so earlier positions stay valid
                parts = [counted(j) for j in range(c, d)]
                new.index = new.index.replace_units(
                    int(at.units[a]), int(at.units[b]), Forward.concat([p.passages for p in parts])
                )
                new.doc_index = new.doc_index.replace_units(
                    int(at.docs[a]), int(at.docs[b]), Forward.concat([p.document for p in parts])
                )
        else:
            # the taken-over files' counted terms, read back from these indexes in one pass each
            old_units: list[Forward] = []
            old_docs: list[Forward] = []
            if max(taken, default=-1) >= 0:
                old_units = self.index.forward().split([f.passages for f in self.files])
                old_docs = self.doc_index.forward().split([f.documents for f in self.files])
            pairs = list(zip(files, taken, strict=True))
            units = [f.passages if isinstance(f, FileTerms) else old_units[n] for f, n in pairs]
            docs = [f.document if isinstance(f, FileTerms) else old_docs[n] for f, n in pairs]
            new.index = self._index(Forward.concat(units), ranked=True)
            new.doc_index = self._index(Forward.concat(docs), ranked=False)
        # Words: the counts of the files that left are taken back, those of the new ones added.
        word_files = Counter(self.word_files)
        gone: list[str] = []
        added: list[str] = []  # each file's words, one a line
        for a, b, c, d in spans:
            for n in range(a, b):
                gone += self._words(n, at)
            for j in range(c, d):
                f = files[j]
                added.append(f.words if isinstance(f, FileTerms) else "\n".join(self._words(taken[j], at)))
        if joined := "\n".join(filter(None, added)):
            word_files.update(joined.split("\n"))  # counted in C
        word_files.subtract(gone)
        for word in set(gone):
            if word_files[word] <= 0:
                del word_files[word]
        new.word_files = word_files
        # Titles and vectors: this engine's rows for the files taken over.
        new._derive(
            [
                _Rows(f.title, f.vectors, f.heads, f.head_rows)
                if isinstance(f, FileTerms)
                else self._rows(n, at)
                for f, n, entry in zip(files, taken, entries, strict=True)
                if entry.passages
            ]
        )
        return new

    def _derive(self, rows: Sequence[_Rows]) -> None:
        """Set what follows from the files: ``rows`` of each file with passages, in order."""
        counts = [f.passages for f in self.files if f.passages]
        self.doc_of = np.repeat(np.arange(len(counts), dtype=np.int32), counts)
        self.title_terms: list[frozenset[str]] = [r.title for r in rows]
        self.all_title_terms: frozenset[str] = frozenset().union(*self.title_terms)
        docs_by_term: dict[str, list[int]] = {}
        for number, terms in enumerate(self.title_terms):
            for term in terms:
                docs_by_term.setdefault(term, []).append(number)
        self.title_docs = {t: np.asarray(d, dtype=np.int32) for t, d in docs_by_term.items()}
        # Meaning: passage vectors, FAQ-question vectors by passage position, and spelling.
        self.semantic = SemanticIndex([r.vectors for r in rows])
        self.heads = SemanticIndex([r.heads for r in rows])
        starts = _starts(counts)
        self.head_positions = np.concatenate(
            [np.zeros(0, dtype=np.int64)]
            + [starts[n] + np.asarray(r.head_rows, dtype=np.int64) for n, r in enumerate(rows)]
        )
        self.head_of: dict[int, int] = {p: row for row, p in enumerate(self.head_positions.tolist())}
        # a typo becomes a word of the documents, or of the synonym groups ("sallary" asks
        # what "salary" asks, and so what "pay" asks, in a posting that says neither)
        self.speller = Speller([*self.word_files, *self.synonym_words])

    def image(self) -> dict[str, np.ndarray]:
        """Return everything this engine holds as named arrays, to store beside its snapshot.

        :meth:`from_image` makes the same engine from them without counting, sorting or
        reading any file's terms: a start from the store reads one snapshot's image instead
        of rebuilding it from each file's counted terms.
        """
        return {
            "vocab": strings_array(self.vocab.terms),
            "file_sources": strings_array([f.source for f in self.files]),
            "file_stamps": strings_array([f.stamp for f in self.files]),
            "file_rows": np.asarray([(f.passages, f.heads) for f in self.files], dtype=np.int64).reshape(
                -1, 2
            ),
            **{f"index.{k}": v for k, v in self.index.arrays().items()},
            **{f"doc_index.{k}": v for k, v in self.doc_index.arrays().items()},
            "words": strings_array(list(self.word_files)),
            "word_files": np.fromiter(self.word_files.values(), dtype=np.int64, count=len(self.word_files)),
            "titles": strings_array([sorted(terms) for terms in self.title_terms]),
            "vector_codes": self.semantic.vectors.codes,
            "vector_scales": self.semantic.vectors.scales,
            "head_codes": self.heads.vectors.codes,
            "head_scales": self.heads.vectors.scales,
            "head_positions": self.head_positions,
        }

    @classmethod
    def from_image(
        cls,
        image: Mapping[str, np.ndarray],
        passages: Sequence[Passage],
        settings: RetrievalSettings,
        synonyms: Sequence[Sequence[str]] = (),
        tokenizer: Tokenizer | None = None,
    ) -> SearchEngine:
        """Return the engine :meth:`image` was taken from, over ``passages`` (raise ValueError
        when the arrays do not fit together or not these passages)."""
        new = object.__new__(cls)
        new.settings = settings
        new.tokenizer = tokenizer or Tokenizer()
        terms = read_strings(image["vocab"])
        new.vocab = Vocabulary(terms)
        if len(new.vocab) != len(terms):
            raise ValueError("stored terms repeat")
        new.synonyms = new.synonym_map(synonyms)
        new.synonym_words = _surface_words(synonyms)
        new.passages = passages
        sources, stamps, rows = (
            read_strings(image["file_sources"]),
            read_strings(image["file_stamps"]),
            image["file_rows"],
        )
        if not len(sources) == len(stamps) == len(rows):
            raise ValueError("stored files do not add up")
        new.files = tuple(
            IndexedFile(str(src), str(stamp), int(n), int(h))
            for src, stamp, (n, h) in zip(sources, stamps, rows.tolist(), strict=True)
        )
        for name in ("index", "doc_index"):
            arrays = {k.split(".", 1)[1]: v for k, v in image.items() if k.startswith(name + ".")}
            setattr(new, name, BM25Index.from_arrays(arrays, new.vocab))
        at = new._starts()
        if (
            new.index.size != len(passages)
            or int(at.units[-1]) != len(passages)
            or new.doc_index.size != int(at.docs[-1])
        ):
            raise ValueError(f"the stored index covers {new.index.size} passages, not {len(passages)}")
        words, counts = read_strings(image["words"]), image["word_files"]
        if len(words) != len(counts):
            raise ValueError("stored words do not add up")
        new.word_files = Counter(dict(zip(map(str, words), counts.tolist(), strict=True)))
        titles = read_strings(image["titles"])
        vectors = Vectors(image["vector_codes"], image["vector_scales"])
        heads = Vectors(image["head_codes"], image["head_scales"])
        positions = np.asarray(image["head_positions"], dtype=np.int64)
        if (
            len(titles) != int(at.docs[-1])
            or len(vectors) != len(passages)
            or not len(heads) == len(positions) == int(at.heads[-1])
        ):
            raise ValueError("stored titles or vectors do not match the passages")
        rows_of: list[_Rows] = []
        for n, f in enumerate(new.files):
            if not f.passages:
                continue
            s0, e0, hs, he = int(at.units[n]), int(at.units[n + 1]), int(at.heads[n]), int(at.heads[n + 1])
            rows_of.append(
                _Rows(
                    frozenset(titles[int(at.docs[n])]),
                    Vectors(vectors.codes[s0:e0], vectors.scales[s0:e0]),
                    Vectors(heads.codes[hs:he], heads.scales[hs:he]),
                    positions[hs:he] - s0,
                )
            )
        new._derive(rows_of)
        return new

    def counted(self, wanted: Collection[tuple[str, str]]) -> list[FileTerms]:
        """Return the counted terms, words and vectors of the files whose (source, stamp) is
        in ``wanted``, read back from what this engine holds (to store them)."""
        keys = set(wanted)
        picked = [n for n, f in enumerate(self.files) if (f.source, f.stamp) in keys]
        at = self._starts()
        if len(picked) <= BULK_READ:
            return [self._read_back(n, at) for n in picked]
        units = self.index.forward().split([f.passages for f in self.files])
        docs = self.doc_index.forward().split([f.documents for f in self.files])
        return [self._read_back(n, at, units[n], docs[n]) for n in picked]

    def synonym_map(self, groups: Sequence[Sequence[str]]) -> dict[str, tuple[str, ...]]:
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
        asking = asking_words(text)  # "long" in "how long": asks for a kind, about nothing
        words = self.tokenizer.words(text)
        for word in words:
            term = self.tokenizer.term(word)
            if term is None or word in asking:
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
        # "move in date": the knowledge base's "move-in" (and not "move-out") is searched for
        # too, as much as the weightier of its words; what the question covers is unchanged
        joined: dict[str, float] = {}
        whole: dict[str, str] = {}
        for compound, parts in self._open_compounds(words).items():
            term = self.tokenizer.term(compound)
            content = [t for p in parts if (t := self.tokenizer.term(p))]
            weight = max((importance.get(t, 0.0) for t in content), default=0.0)
            if term is not None and term not in expanded and weight > 0:
                expanded.append(term)
                weights.append(weight / mean)
                joined[term] = weight
                if len(content) == 1:
                    whole[content[0]] = term
        return Query(text, terms, tuple(expanded), tuple(weights), added, importance, joined, whole)

    def _open_compounds(self, words: Sequence[str]) -> dict[str, list[str]]:
        """Return the compounds a question writes open that the knowledge base writes with a
        hyphen: "move in date" asks for the "move-in" day, not the "move-out" one; "part time"
        for "part-time" (joined word -> its parts)."""
        return {
            a + b: [a, b]
            for a, b in itertools.pairwise(words)
            if a.isalpha() and b.isalpha() and f"{a}-{b}" in self.word_files
        }

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
        return self.rescore(query, np.sort(found.ids))[:k]

    def rescore(self, query: Query, ids: np.ndarray) -> list[tuple[int, float]]:
        """Return (position, score) for the passages ``ids`` (sorted), best first: their BM25
        scores with the title credit and the document prior of :meth:`search`."""
        if not len(ids):
            return []
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
        order = np.lexsort((ids, -scores))
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
        # (the share of what is left when little is, "get" of "how much money do you get from
        # the bursary?" once its name and the sum's "money" are left out, tells nothing)
        return absent / total if total >= ABSENT_MIN_WEIGHT else 0.0

    def documents_with(self, term: str, docs: Sequence[int]) -> list[int]:
        """Return those of ``docs`` (document numbers) whose text has ``term``."""
        ids = self.doc_index.passages_with(term)
        if not len(ids):
            return []
        wanted = np.asarray(docs)
        return [int(d) for d in wanted[_member(ids, wanted)]]

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
            hit = membership(query.whole.get(term, term)).copy()  # "on call": only "on-call" says it
            # the configured synonyms, and those the question added (an acronym's words: "hf")
            for alt in dict.fromkeys((*self.synonyms.get(term, ()), *query.synonyms.get(term, ()))):
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

    def _is_name(self, term: str, query: Query) -> bool:
        """Tell whether a question term is a word of some title, or stands for title words
        (an acronym: "hf" for "Hugging Face")."""
        if term in self.all_title_terms:
            return True
        alternatives = query.synonyms.get(term, ())
        return bool(alternatives) and all(a in self.all_title_terms for a in alternatives)

    def coverage_many(
        self, query: Query, positions: Sequence[int], given: Sequence[frozenset[str]] = ()
    ) -> list[tuple[float, list[str]]]:
        """Return, for each passage, the share of the question's information it covers and the matched terms.

        Each distinct question term weighs how topical it is (see :mod:`bot.search.specificity`);
        a term counts as covered when the passage has it or one of its synonyms in its text,
        section, FAQ question or document title; an acronym of the knowledge base's names
        counts as its words ("hf" as "hugging face").

        Words that name a document (in any title or organisation, or acronyms of them) give
        the *topic* of a question, not what is asked about it: for "Can I do the fellowship
        part-time?" every Fellowship passage covers "fellowship", none covers "part-time". So when the other
        terms carry a real share of the question (``PREDICATE_SHARE``), or include a word the knowledge
        base never uses ("Is the Meta internship in London?"), the coverage is the lower of
        the overall share and the share of those terms that the passage covers.

        ``given`` holds, for each passage, question terms it covers whatever its words (the
        "start" of a question about a start date, for a passage that dates the start).
        """
        terms = query.unique_terms
        if not terms or not len(positions):
            return [(0.0, []) for _ in positions]
        weight = {t: self.informativeness(t, query) for t in terms}
        total = sum(weight.values())
        rest = [t for t in terms if not self._is_name(t, query)]
        rest_total = sum(weight[t] for t in rest)
        unknown = any(self.index.term_idf(t) is None for t in rest)
        predicate_rule = rest_total > 0 and (rest_total >= PREDICATE_SHARE * total or unknown)
        out = []
        for i, matched in enumerate(self._matched_many(query, np.asarray(positions))):
            if given and given[i]:
                matched = [*matched, *(t for t in terms if t in given[i] and t not in matched)]
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
