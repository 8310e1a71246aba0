"""An immutable, searchable view of the knowledge base at one moment."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.config import Settings
from bot.knowledge.loader import Corpus, FileResult
from bot.search.engine import FileTerms, SearchEngine, count_file
from bot.search.index import Vocabulary
from bot.search.names import Names
from bot.search.semantic import MODEL
from bot.search.tokenize import Tokenizer

# Bump when tokenizing changes, so stored term counts are not reused across versions.
TOKENIZER_VERSION = "2"


def terms_version(settings: Settings) -> str:
    """Return what stored term counts depend on: tokenizer version, equivalents, field weights."""
    r = settings.retrieval
    key = repr((TOKENIZER_VERSION, MODEL, settings.equivalents, r.section_weight, r.question_weight, r.title_weight))
    return hashlib.sha256(key.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Snapshot:
    """A corpus with its search engine; swapped whole when the knowledge base is refreshed."""

    corpus: Corpus
    engine: SearchEngine
    loaded_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    snapshot_id: int | None = None
    files: tuple[FileResult, ...] = ()  # the parsed files it was built from, in order
    counted: dict[tuple[str, str], FileTerms] = field(default_factory=dict)  # (source, hash) -> terms
    version: str = ""  # terms_version() of the settings it was built with
    names: Names = field(default_factory=lambda: Names((), {}, {}))  # what each document is called

    def __post_init__(self) -> None:
        if not self.names.by_doc and self.engine.files:
            object.__setattr__(self, "names", _names(self.corpus, self.engine))

    @classmethod
    def build(
        cls,
        corpus: Corpus,
        settings: Settings,
        tokenizer: Tokenizer | None = None,
        snapshot_id: int | None = None,
        corpus_terms: list[list[str]] | None = None,
        files: tuple[FileResult, ...] = (),
        *,
        previous: Snapshot | None = None,
        counted: dict[tuple[str, str], FileTerms] | None = None,
        vocab: Vocabulary | None = None,
    ) -> Snapshot:
        """Index ``corpus`` with the retrieval settings and synonyms of ``settings``.

        With ``files`` (the parsed files behind ``corpus``), each file's terms are counted
        once and reused: from ``counted`` (the store) or from ``previous`` (the snapshot in
        use), whose index is then updated in place for the files that changed.
        """
        version = terms_version(settings)
        reuse: dict[tuple[str, str], FileTerms] = {}
        if (
            previous is not None
            and previous.version == version
            and previous.engine.settings == settings.retrieval
        ):
            tokenizer, vocab, reuse = previous.engine.tokenizer, previous.engine.vocab, dict(previous.counted)
        else:
            previous = None
        tokenizer = tokenizer or Tokenizer(equivalents=settings.equivalents)
        vocab = vocab if vocab is not None else Vocabulary()
        reuse.update(counted or {})
        if not files:
            engine = SearchEngine(
                corpus.passages,
                settings.retrieval,
                settings.synonyms,
                tokenizer,
                corpus_terms=corpus_terms,
                vocab=vocab,
            )
            return cls(corpus, engine, snapshot_id=snapshot_id, version=version)
        file_terms: list[FileTerms] = []
        now_counted: dict[tuple[str, str], FileTerms] = {}
        offset = 0
        for result in files:
            if result.document is None or not result.passages:
                continue
            n = len(result.passages)
            key = (result.source, result.content_hash)
            terms = reuse.get(key)
            if terms is None or terms.passages.units != n:
                terms = count_file(
                    result.source, corpus.passages[offset : offset + n], tokenizer, settings.retrieval, vocab
                )
            now_counted[key] = terms
            file_terms.append(terms)
            offset += n
        engine = SearchEngine(
            corpus.passages,
            settings.retrieval,
            settings.synonyms,
            tokenizer,
            files=file_terms,
            vocab=vocab,
            previous=previous.engine if previous is not None else None,
        )
        return cls(corpus, engine, snapshot_id=snapshot_id, files=files, counted=now_counted, version=version)


def _names(corpus: Corpus, engine: SearchEngine) -> Names:
    """Collect each indexed document's names: title, organisation, its roles' titles and teams."""
    strings: dict[str, list[str]] = {}
    for passage in corpus.passages:
        if passage.source not in strings:
            strings[passage.source] = [passage.title, passage.org or ""]
    for role in corpus.roles:
        if role.source in strings:
            strings[role.source] += [role.title, role.team or ""]
    order = [f.source for f in engine.files if f.passages.units]
    return Names.build([strings.get(source, []) for source in order], engine.tokenizer)
