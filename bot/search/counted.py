"""What is computed once per file: its passages' counted terms, surface words and vectors.

A file's :class:`FileTerms` exists while an engine is built from it and while it is
stored; the engine itself keeps none of it per file (see :class:`SearchEngine`), and reads
a file's terms back from its index when they are needed again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from bot.config import RetrievalSettings
from bot.documents.chunk import SECTION_SEP
from bot.documents.document import DUTIES_HEADING, FAQ_HEADING, REQUIREMENTS_HEADING
from bot.models import Passage
from bot.search.index import Forward, Vocabulary
from bot.search.semantic import Vectors, embed
from bot.search.tokenize import Tokenizer

REQUIREMENTS = "requirements"
DUTIES = "duties"


def passage_terms(tokenizer: Tokenizer, passage: Passage, settings: RetrievalSettings) -> list[str]:
    """Return the terms a passage is indexed under, field weights applied."""
    terms = tokenizer(passage.text)
    if passage.section:
        # "FAQ" or "Frequently Asked Questions" says nothing about what a passage answers
        section = SECTION_SEP.join(
            part for part in passage.section.split(SECTION_SEP) if not FAQ_HEADING.search(part)
        )
        terms += tokenizer(section) * settings.section_weight
        if REQUIREMENTS_HEADING.search(section):
            # "What we're looking for", "About you", "Who can apply": what one must be or
            # have, which a member asks as "requirements" ("reqs for the analyst job?")
            terms += [t for t in tokenizer(REQUIREMENTS) if t not in terms] * settings.section_weight
        if DUTIES_HEADING.search(section):
            # "What you'll be doing", "Responsibilities": what one does, which a member asks
            # as "duties" or "what do library helpers actually do?"
            terms += [t for t in tokenizer(DUTIES) if t not in terms] * settings.section_weight
    if passage.question:
        terms += tokenizer(passage.question) * settings.question_weight
    return terms


def passage_text(passage: Passage) -> str:
    """Return what a passage's vector is computed from: its FAQ question, section and text."""
    parts = [passage.question or "", passage.section or "", passage.text]
    return "\n".join(p for p in parts if p)


def file_words(passages: Sequence[Passage], tokenizer: Tokenizer) -> list[str]:
    """Return a file's distinct lower-case surface words, sorted (what spelling corrects to),
    and its hyphenated compounds as written ("move-in": a question may write it open)."""
    words: set[str] = set()
    for p in passages:
        text = f"{p.title} {p.question or ''} {p.text}"
        words.update(tokenizer.words(text))
        if "-" in text:
            words.update("-".join(parts) for parts in tokenizer.compounds(text).values())
    return sorted(words)


@dataclass(frozen=True, slots=True)
class FileTerms:
    """One file's counted terms, surface words and vectors, ready to index or to store."""

    source: str
    stamp: str  # the content they were computed from (its hash): same source and stamp, same terms
    passages: Forward  # one unit per passage
    document: Forward  # one unit (title, then every passage's terms), or none without passages
    title: frozenset[str]  # the terms of its title and organisation
    # its distinct lower-case words, sorted, one a line (for spelling): one string rather than
    # a list per file, which a start from the store would make thousands of
    words: str
    vectors: Vectors  # one per passage
    heads: Vectors  # one per FAQ question
    head_rows: tuple[int, ...]  # the passage (within the file) of each head vector

    def to_arrays(self, vocab: Vocabulary) -> dict[str, np.ndarray]:
        """Return named arrays to store, with the file's own term strings instead of ``vocab``'s
        ids: ids belong to one process, the strings keep the counts valid in any process."""
        tids = np.concatenate([self.passages.tids, self.document.tids])
        local, inverse = np.unique(tids, return_inverse=True)
        n = len(self.passages.tids)
        return {
            "terms": _text("\n".join(vocab.terms[t] for t in local.tolist())),
            "title": _text("\n".join(sorted(self.title))),
            "passage_lengths": self.passages.lengths,
            "passage_tids": inverse[:n].astype(np.int32),
            "passage_tfs": self.passages.tfs,
            "document_lengths": self.document.lengths,
            "document_tids": inverse[n:].astype(np.int32),
            "document_tfs": self.document.tfs,
            "words": _text(self.words),
            "vector_codes": self.vectors.codes,
            "vector_scales": self.vectors.scales,
            "head_codes": self.heads.codes,
            "head_scales": self.heads.scales,
            "head_rows": np.asarray(self.head_rows, dtype=np.int32),
        }

    @classmethod
    def from_arrays(
        cls,
        arrays: Mapping[str, np.ndarray],
        source: str,
        stamp: str,
        vocab: Vocabulary,
        ids: np.ndarray | None = None,
    ) -> FileTerms:
        """Rebuild what :meth:`to_arrays` gave, its terms mapped into ``vocab`` (``ids``: the
        ids of its terms, when :func:`term_ids` mapped them already)."""
        if ids is None:
            ids = vocab.ids_of(_lines(arrays["terms"]))
        passages = Forward(arrays["passage_lengths"], ids[arrays["passage_tids"]], arrays["passage_tfs"])
        document = Forward(arrays["document_lengths"], ids[arrays["document_tids"]], arrays["document_tfs"])
        rows = arrays["head_rows"]
        for forward in (passages, document):
            if int(forward.lengths.sum()) != len(forward.tids) or len(forward.tids) != len(forward.tfs):
                raise ValueError(f"{source}: stored term counts do not add up")
        if len(arrays["vector_scales"]) != passages.units or len(arrays["head_scales"]) != len(rows):
            raise ValueError(f"{source}: stored vectors do not match its passages")
        return cls(
            source,
            stamp,
            passages,
            document,
            frozenset(_lines(arrays["title"])),
            arrays["words"].tobytes().decode(),
            Vectors(arrays["vector_codes"], arrays["vector_scales"]),
            Vectors(arrays["head_codes"], arrays["head_scales"]),
            tuple(rows.tolist()),
        )


TERMS_AT_ONCE = 1 << 22  # bytes of stored term text mapped in one pass (about 500,000 terms)


def term_ids(stored: Sequence[Mapping[str, np.ndarray]], vocab: Vocabulary) -> list[np.ndarray]:
    """Return the ids in ``vocab`` of the terms of many files' stored arrays, mapped a few
    hundred thousand at a time.

    A start from the store maps millions of term strings: one text and one lookup pass for
    many files costs a third of doing it file by file, and a bounded batch keeps the
    strings made at once (about 60 bytes each) to some tens of megabytes.
    """
    out: list[np.ndarray] = []
    batch: list[np.ndarray] = []
    size = 0
    for arrays in stored:
        batch.append(arrays["terms"])
        size += len(batch[-1])
        if size >= TERMS_AT_ONCE:
            out += _term_ids(batch, vocab)
            batch, size = [], 0
    return out + _term_ids(batch, vocab)


def _term_ids(blobs: list[np.ndarray], vocab: Vocabulary) -> list[np.ndarray]:
    counts = [int(np.count_nonzero(b == 10)) + 1 if len(b) else 0 for b in blobs]
    text = b"\n".join(b.tobytes() for b in blobs if len(b)).decode()
    ids = vocab.ids_of(text.split("\n") if text else [])
    if len(ids) != sum(counts):
        raise ValueError("stored terms do not add up")
    return np.split(ids, np.cumsum(counts[:-1])) if blobs else []


def _text(text: str) -> np.ndarray:
    return np.frombuffer(text.encode(), dtype=np.uint8)


def _lines(array: np.ndarray) -> list[str]:
    text = array.tobytes().decode()
    return text.split("\n") if text else []


def count_file(
    source: str,
    stamp: str,
    passages: Sequence[Passage],
    tokenizer: Tokenizer,
    settings: RetrievalSettings,
    vocab: Vocabulary,
) -> FileTerms:
    """Tokenize and count one file's passages, and embed them."""
    lists = [passage_terms(tokenizer, p, settings) for p in passages]
    if not passages:
        empty = Forward.concat([])
        none = Vectors.concat([])
        return FileTerms(source, stamp, empty, empty, frozenset(), "", none, none, ())
    # The organisation is part of what a document is about, like its title: "Brightwave"
    # in a question chooses Brightwave's posting, not a passage in it.
    title = tokenizer(f"{passages[0].title} {passages[0].org or ''}")
    document = title * settings.title_weight + [t for terms in lists for t in terms]
    head_rows = tuple(i for i, p in enumerate(passages) if p.question)
    return FileTerms(
        source,
        stamp,
        Forward.from_terms(lists, vocab),
        Forward.from_terms([document], vocab),
        frozenset(title),
        "\n".join(file_words(passages, tokenizer)),
        Vectors.quantize(embed([passage_text(p) for p in passages], remember=True)),
        Vectors.quantize(embed([passages[i].question or "" for i in head_rows])),
        head_rows,
    )
