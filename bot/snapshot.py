"""An immutable, searchable view of the knowledge base at one moment."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.config import Settings
from bot.knowledge.loader import Corpus, FileResult
from bot.search.engine import SearchEngine
from bot.search.tokenize import Tokenizer


@dataclass(frozen=True)
class Snapshot:
    """A corpus with its search engine; swapped whole when the knowledge base is refreshed."""

    corpus: Corpus
    engine: SearchEngine
    loaded_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    snapshot_id: int | None = None
    files: tuple[FileResult, ...] = ()  # the parsed files it was built from, in order

    @classmethod
    def build(
        cls,
        corpus: Corpus,
        settings: Settings,
        tokenizer: Tokenizer | None = None,
        snapshot_id: int | None = None,
        corpus_terms: list[list[str]] | None = None,
        files: tuple[FileResult, ...] = (),
    ) -> Snapshot:
        """Index ``corpus`` with the retrieval settings and synonyms of ``settings``."""
        tokenizer = tokenizer or Tokenizer(equivalents=settings.equivalents)
        engine = SearchEngine(
            corpus.passages, settings.retrieval, settings.synonyms, tokenizer, corpus_terms=corpus_terms
        )
        return cls(corpus, engine, snapshot_id=snapshot_id, files=files)
